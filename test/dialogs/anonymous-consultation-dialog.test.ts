import { describe, expect, it } from 'vitest';
import { buttonData, cardNodes, cardOf, createDialogHarness, stockholm, visibleText, type DialogHarness } from './dialog-harness.js';

const THURSDAY_AFTERNOON = stockholm(2026, 11, 26, 14, 10);

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
      expect(text).toMatch(/Källa: Anonym konsultation – nämn inga identifierande uppgifter – Kraftsamlings styrdokument/);
      expect(text).toContain('1–5 år (förskola)');
    });
  });

  describe('when Johan (förskolechef, Södra) answers the four questions with buttons', () => {
    it('gives the routine’s guidance for a preschool and a summary with only his button answers', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await harness.press({ action: 'menu', routine: 'skola' });
      await harness.press({ action: 'school.choose', school: 'forskolan-ametisten' });
      const q1 = await startConsultation(harness);
      const q2 = await harness.press(buttonData(q1[0], '1–5 år (förskola)'));
      expect(visibleText(q2[0])).toContain('2 av 4: Vad gäller oron?');
      const q3 = await harness.press(buttonData(q2[0], /^Behoven tillgodoses inte hemma/));
      const q4 = await harness.press(buttonData(q3[0], 'Några veckor'));
      expect(visibleText(q4[0])).toContain('4 av 4');
      const end = await harness.press({ action: 'consultation.schoolActions', choices: 'samtal-barnet,stod-i-skolan' });

      expect(end).toHaveLength(2);
      const guidance = visibleText(end[0]);
      expect(guidance).toMatch(/behöver varken vara säkra eller ha bevis/);
      expect(guidance).toMatch(/Förskolor har ingen kontaktperson från socialtjänsten: ring mottagningssektionen direkt/);
      expect(guidance).toContain('**Ring Mottagningssektion Södra nu:** [08-530 619 05](tel:+46853061905).');
      expect(guidance).toContain('Telefontider: måndag 08.30–18.00');
      expect(guidance).toMatch(/Källa: Anmälningsskyldighet – misstanke räcker/);
      expect(guidance).toMatch(/Källa: Förskolan vänder sig direkt till mottagningssektionen/);

      const summary = cardOf(end[1])!;
      const facts = cardNodes(summary).find((node) => node.type === 'FactSet')!.facts as { title: string; value: string }[];
      expect(facts).toEqual([
        { title: 'Ålder', value: '1–5 år (förskola)' },
        { title: 'Oron gäller', value: 'Behoven tillgodoses inte hemma (t.ex. mat, sömn, hygien)' },
        { title: 'Hur länge', value: 'Några veckor' },
        { title: 'Förskolan/skolan har', value: 'Pratat med barnet, Gett extra stöd i förskolan/skolan' },
        { title: 'Ring', value: 'Mottagningssektion Södra 08-530 619 05' },
      ]);
      expect(harness.events).toContain('started:konsultation');
    });
  });

  describe('when a question is answered in the user’s own words', () => {
    it('accepts the answer, moves on, and never puts the words in the summary', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await startConsultation(harness);
      await harness.press({ action: 'consultation.ageGroup', choice: 'mellanstadiet' });
      const next = await harness.send('hon verkar ledsen och har slutat äta lunch i skolan');
      expect(visibleText(next[0])).toContain('3 av 4');
      await harness.press({ action: 'consultation.duration', choice: 'manader' });
      const end = await harness.send('vi har haft ett möte med eleven och mentorn');
      const summaryText = visibleText(end[1]);
      expect(summaryText).toContain('Oron gäller: Berätta med egna ord i samtalet');
      expect(summaryText).toContain('Förskolan/skolan har: Berätta med egna ord i samtalet');
      expect(summaryText).not.toMatch(/ledsen|lunch|mentorn/);
      expect(visibleText(end[0])).toMatch(/kontaktperson från socialtjänsten när hen besöker elevhälsoteamet/);
    });
  });

  describe('when the concern is high absence', () => {
    it('adds the routine’s early support for absence', async () => {
      const harness = await createDialogHarness({ now: THURSDAY_AFTERNOON });
      await startConsultation(harness);
      await harness.press({ action: 'consultation.ageGroup', choice: 'hogstadiet' });
      await harness.press({ action: 'consultation.concern', choice: 'skolsvarigheter' });
      await harness.press({ action: 'consultation.duration', choice: 'veckor' });
      const end = await harness.press({ action: 'consultation.schoolActions', choices: 'elevhalsan' });
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
