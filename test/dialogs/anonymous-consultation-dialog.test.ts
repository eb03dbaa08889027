import { describe, expect, it } from 'vitest';
import { buttonData, cardNodes, cardOf, createDialogHarness, stockholm, visibleText, type DialogHarness } from './dialog-harness.js';

const THURSDAY_AFTERNOON = stockholm(2026, 11, 26, 14, 10);
const JOHAN_OID = 'a0000000-0000-4000-8000-000000000004';
/** Johan as Teams identifies him: his Entra object id is what roles.yaml lists. */
const asJohan = { from: { id: '29:johan', name: 'Johan Förskolechef', aadObjectId: JOHAN_OID } };

async function startConsultation(harness: DialogHarness) {
  return harness.press({ action: 'menu', routine: 'konsultation' });
}

describe('AnonymousConsultationDialog', () => {
  describe('when it starts', () => {
    it('states the anonymity rule before the first question, with its source', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      const [first] = await startConsultation(harness);
      const text = visibleText(first);
      expect(text.indexOf('Skriv inte barnets namn, personnummer')).toBeLessThan(text.indexOf('1 av 4'));
      expect(text).toMatch(/inte längre anonym/);
      expect(text).toContain('Källa: Kraftsamling 2016, Konsultation');
      expect(text).toContain('1–5 år (förskola)');
    });
  });

  describe('when Johan (förskolechef, Södra) answers the four questions with buttons', () => {
    it('gives the routine’s guidance for a preschool, a summary with only his answers and his own section, and the next steps', async () => {
      // Johan is förskolechef at Förskolan Ametisten by roles.yaml: the bot knows his school without asking.
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON, roles: [{ role: 'rektor', school: 'Förskolan Ametisten', aadObjectId: JOHAN_OID }] });
      const q1 = await harness.send({ ...asJohan, value: { action: 'menu', routine: 'konsultation' } });
      const q2 = await harness.send({ ...asJohan, value: buttonData(q1[0], '1–5 år (förskola)') });
      expect(visibleText(q2[0])).toContain('2 av 4: Vad gäller oron?');
      // The short button, and what it means in the card text.
      expect(visibleText(q2[0])).toContain('**Behoven tillgodoses inte**: barnets behov av till exempel mat, sömn eller hygien tillgodoses inte hemma');
      const q3 = await harness.send({ ...asJohan, value: buttonData(q2[0], 'Behoven tillgodoses inte') });
      const q4 = await harness.send({ ...asJohan, value: buttonData(q3[0], 'Några veckor') });
      expect(visibleText(q4[0])).toContain('4 av 4');
      expect(cardNodes(cardOf(q4[0])!).some((node) => node.id === 'school')).toBe(false);
      const end = await harness.send({ ...asJohan, value: { action: 'consultation.schoolActions', choices: 'samtal-barnet,stod-i-skolan' } });

      expect(end).toHaveLength(3);
      const guidance = visibleText(end[0]);
      expect(guidance).toMatch(/behöver varken vara säkra eller ha bevis/);
      expect(guidance).toMatch(/Förskolor har ingen kontaktperson från socialtjänsten: ring mottagningssektionen direkt/);
      expect(guidance).toContain('**Ring Mottagningssektion Södra nu:** [08-530 619 05](tel:+46853061905).');
      expect(guidance).toContain('Telefontider: måndag 08.30–18.00');
      expect(guidance).toContain('Källa: Kraftsamling 2016, Anmälningsskyldighet');
      expect(guidance).toContain('Källa: Kraftsamling 2016, socialtjänstens kontaktpersoner');

      const summary = cardOf(end[1])!;
      const facts = cardNodes(summary).find((node) => node.type === 'FactSet')!.facts as { title: string; value: string }[];
      expect(facts).toEqual([
        { title: 'Ålder', value: '1–5 år (förskola)' },
        { title: 'Oron gäller', value: 'Behoven tillgodoses inte' },
        { title: 'Hur länge', value: 'Några veckor' },
        { title: 'Förskolan/skolan har', value: 'Pratat med barnet, Gett extra stöd' },
        { title: 'Ring', value: 'Mottagningssektion Södra 08-530 619 05' },
      ]);

      const next = cardOf(end[2])!;
      expect(visibleText(end[2])).toContain('Vad vill du göra nu?');
      const buttons = cardNodes(next).filter((node) => node.type.startsWith('Action.'));
      expect(buttons.map((button) => [button.type, button.title, button.url ?? button.data])).toEqual([
        ['Action.OpenUrl', 'Ring Mottagningssektion Södra', 'tel:+46853061905'],
        ['Action.Submit', 'Boka konsultationstid', { action: 'booking.start', flow: 'boka-konsultation' }],
        ['Action.Submit', 'Starta orosanmälan', { action: 'menu', routine: 'orosanmalan' }],
      ]);
      expect(harness.events).toContain('started:konsultation');

      // "Starta orosanmälan" goes straight on, without asking his school.
      const orosanmalan = await harness.send({ ...asJohan, value: buttonData(end[2], 'Starta orosanmälan') });
      expect(visibleText(orosanmalan[0])).toContain('Först: är det akut?');
    });

    it('keeps every button and choice title short enough for a phone (360 px) on all four questions', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      const cards = [await startConsultation(harness)];
      cards.push(await harness.press({ action: 'consultation.ageGroup', choice: 'mellanstadiet' }));
      cards.push(await harness.press({ action: 'consultation.concern', choice: 'behov' }));
      cards.push(await harness.press({ action: 'consultation.duration', choice: 'veckor' }));
      cards.push(await harness.press({ action: 'consultation.schoolActions', choices: 'inget', school: 'hallundaskolan' }));
      const titles = cards.flat().flatMap((reply) => {
        const card = cardOf(reply);
        if (!card) return [];
        return cardNodes(card).flatMap((node) => {
          if (node.type.startsWith('Action.')) return [String(node.title)];
          if (node.type === 'Input.ChoiceSet' && node.id !== 'school') return (node.choices as { title: string }[]).map((choice) => choice.title);
          return [];
        });
      });
      expect(titles.length).toBeGreaterThan(20);
      for (const title of titles) expect(title.length, title).toBeLessThanOrEqual(30);
    });
  });

  describe('when Johan’s school is not known', () => {
    it('asks it once on the last question’s card, remembers it, and the summary gives only that section’s number', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await startConsultation(harness);
      await harness.press({ action: 'consultation.ageGroup', choice: 'forskola' });
      await harness.press({ action: 'consultation.concern', choice: 'behov' });
      const [q4] = await harness.press({ action: 'consultation.duration', choice: 'veckor' });
      const school = cardNodes(cardOf(q4)!).find((node) => node.type === 'Input.ChoiceSet' && node.id === 'school')!;
      expect(school).toMatchObject({ isRequired: true, errorMessage: 'Välj din förskola eller skola, eller ”Annan”.' });
      expect(String(school.label)).toMatch(/^Din förskola\/skola/);

      const end = await harness.press({ ...buttonData(q4, 'Klar'), choices: 'inget', school: 'forskolan-ametisten' });
      expect(visibleText(end[1])).toContain('Ring: Mottagningssektion Södra 08-530 619 05');
      expect(visibleText(end[1])).not.toContain('Norr');
      expect(harness.profiles.get('user1')).toBe('forskolan-ametisten');

      // Asked once: the next consultation's last card has no school list.
      await startConsultation(harness);
      await harness.press({ action: 'consultation.ageGroup', choice: 'forskola' });
      await harness.press({ action: 'consultation.concern', choice: 'behov' });
      const [again] = await harness.press({ action: 'consultation.duration', choice: 'veckor' });
      expect(cardNodes(cardOf(again)!).some((node) => node.id === 'school')).toBe(false);
    });
  });

  describe('when Johan types his answers instead of pressing buttons', () => {
    it('understands answers that mean one option, shows them in the summary, and keeps none of his words', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await startConsultation(harness);
      const q2 = await harness.send('4 år');
      expect(visibleText(q2[0])).toContain('2 av 4');
      const q3 = await harness.send('mat och sömn');
      expect(visibleText(q3[0])).toContain('3 av 4');
      const q4 = await harness.send('i några veckor');
      expect(visibleText(q4[0])).toContain('4 av 4');
      const school = await harness.send('pratat med barnet och vårdnadshavarna');
      // Typed, so the school list on the card was not used: it is asked once now.
      expect(visibleText(school[0])).toContain('Vilken förskola eller skola arbetar du på?');
      const end = await harness.send('Förskolan Ametisten');

      const summaryText = visibleText(end.find((reply) => visibleText(reply).includes('Sammanfattning inför samtalet')));
      expect(summaryText).toContain('Ålder: 1–5 år (förskola)');
      expect(summaryText).toContain('Oron gäller: Behoven tillgodoses inte');
      expect(summaryText).toContain('Hur länge: Några veckor');
      expect(summaryText).toContain('Förskolan/skolan har: Pratat med barnet, Pratat med vårdnadshavarna');
      expect(summaryText).toContain('Ring: Mottagningssektion Södra 08-530 619 05');
      expect(summaryText).not.toMatch(/egna ord|mat och sömn|i några veckor/i);
      expect(JSON.stringify(harness.storage)).not.toMatch(/mat och sömn|i några veckor/);
    });

    it('asks the same question again, saying so, when the answer fits no single option – and never invites free text', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      const [q1] = await startConsultation(harness);
      expect(visibleText(q1)).not.toMatch(/Skriv med egna ord/);
      await harness.press({ action: 'consultation.ageGroup', choice: 'mellanstadiet' });
      const replies = await harness.send('hon verkar ledsen och har slutat äta lunch i skolan');
      expect(replies).toHaveLength(1);
      expect(replies[0]?.text).toBe('Jag kunde inte koppla svaret till något av alternativen. Tryck på det som passar bäst – eller skriv **avbryt**.');
      expect(visibleText(replies[0])).toContain('2 av 4: Vad gäller oron?');
      const q3 = await harness.press({ action: 'consultation.concern', choice: 'behov' });
      expect(visibleText(q3[0])).toContain('3 av 4');
    });
  });

  describe('when the concern is high absence', () => {
    it('adds the routine’s early support for absence', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await startConsultation(harness);
      await harness.press({ action: 'consultation.ageGroup', choice: 'hogstadiet' });
      await harness.press({ action: 'consultation.concern', choice: 'skolsvarigheter' });
      await harness.press({ action: 'consultation.duration', choice: 'veckor' });
      const end = await harness.press({ action: 'consultation.schoolActions', choices: 'elevhalsan', school: 'hallundaskolan' });
      expect(visibleText(end[0])).toMatch(/Team skolnärvaro/);
    });
  });

  describe('when akut oro comes up in the middle of the consultation', () => {
    it('switches to akut oro from typed text, with the akut reply first', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await startConsultation(harness);
      await harness.press({ action: 'consultation.ageGroup', choice: 'lagstadiet' });
      const replies = await harness.send('hon säger att pappa slår henne när han är full');
      expect(replies[0]?.text).toMatch(/^\*\*Akut oro – gör så här nu\*\*/);
      expect(harness.events).toContain('started:akut-oro');
      // The consultation is gone: its old buttons no longer advance it.
      const stale = await harness.press({ action: 'consultation.duration', choice: 'dagar' });
      expect(visibleText(stale[0])).not.toContain('4 av 4');
    });

    it('switches to akut oro when the violence button is pressed', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await startConsultation(harness);
      await harness.press({ action: 'consultation.ageGroup', choice: 'lagstadiet' });
      const replies = await harness.press({ action: 'consultation.concern', choice: 'vald-overgrepp' });
      expect(replies[0]?.text).toMatch(/^\*\*Akut oro – gör så här nu\*\*/);
    });
  });

  describe('when a button of an earlier question is pressed again', () => {
    it('asks the current question again instead of mixing the answers', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      const q1 = await startConsultation(harness);
      await harness.press(buttonData(q1[0], '1–5 år (förskola)'));
      const again = await harness.press(buttonData(q1[0], '6–9 år (förskoleklass–åk 3)'));
      expect(again[0]?.text).toMatch(/hör till en annan fråga/);
      expect(visibleText(again[0])).toContain('2 av 4: Vad gäller oron?');
    });
  });

  describe('when the user writes “avbryt”', () => {
    it('leaves the consultation', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await startConsultation(harness);
      const [reply] = await harness.send('avbryt');
      expect(reply?.text).toMatch(/^Okej, jag har avbrutit/);
      const after = await harness.send('hur länge får en utredning ta?');
      expect(after[0]?.text).toMatch(/fyra månader/);
    });
  });
});
