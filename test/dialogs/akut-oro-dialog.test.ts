import { describe, expect, it } from 'vitest';
import {
  buttonData,
  cardNodes,
  cardOf,
  createDialogHarness,
  HARNESS_ESCALATION_ID,
  stockholm,
  visibleText,
  type DialogHarness,
  type HarnessOptions,
} from './dialog-harness.js';
import { alertReplyCases, EMERGENCY_LINE, JOUREN_LINE, NORR_LINK } from '../fixtures/alert-replies.js';

const LEILA = 'en elev säger att pappa slog henne med bälte i helgen, vad gör jag';
const SODRA_LINK = '[08-530 619 05](tel:+46853061905)';
const SATURDAY_1100 = stockholm(2026, 11, 28, 11, 0);
const MONDAY_1235 = stockholm(2026, 11, 23, 12, 35);
const MONDAY_0900 = stockholm(2026, 11, 23, 9, 0);

async function harnessAtSchool(school: string | undefined, options: HarnessOptions): Promise<DialogHarness> {
  const harness = await createDialogHarness(options);
  if (school) {
    await harness.press({ action: 'menu', routine: 'skola' });
    await harness.press({ action: 'school.choose', school });
  }
  return harness;
}

describe('AkutOroDialog', () => {
  describe.each([
    ['Monday 08.29', stockholm(2026, 11, 23, 8, 29), JOUREN_LINE, 'Mottagningen öppnar igen i dag kl. 08.30'],
    ['Monday 12.30 (lunch)', stockholm(2026, 11, 23, 12, 30), JOUREN_LINE, 'Mottagningen öppnar igen i dag kl. 13.00'],
    ['Monday 13.05', stockholm(2026, 11, 23, 13, 5), `**Ring Mottagningssektion Norr nu:** ${NORR_LINK}.`, 'Mottagningen har öppet till kl. 18.00'],
    ['Friday 14.05', stockholm(2026, 11, 27, 14, 5), JOUREN_LINE, 'Mottagningen öppnar igen måndag 30 november kl. 08.30'],
    ['a Saturday', stockholm(2026, 11, 28, 11, 0), JOUREN_LINE, 'Mottagningen öppnar igen måndag 30 november kl. 08.30'],
    ['midsommarafton', stockholm(2026, 6, 19, 10, 0), JOUREN_LINE, 'Mottagningen öppnar igen måndag 22 juni kl. 08.30'],
    ['1 January', stockholm(2027, 1, 1, 10, 0), JOUREN_LINE, 'Mottagningen öppnar igen måndag 4 januari kl. 08.30'],
    ['the Sunday the clocks go forward', stockholm(2026, 3, 29, 10, 0), JOUREN_LINE, 'Mottagningen öppnar igen i morgon kl. 08.30'],
    ['08.45 the Monday after the clocks went forward', stockholm(2026, 3, 30, 8, 45), `**Ring Mottagningssektion Norr nu:** ${NORR_LINK}.`, 'Mottagningen har öppet till kl. 12.00'],
  ] as const)('when akut oro is described on %s by staff at a school in Norr', (_label, now, callLine, openingText) => {
    it('first replies with whom to call now, before any question', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now });
      const replies = await harness.send(LEILA);
      const first = replies[0];
      expect(first?.attachments ?? []).toHaveLength(0);
      expect(first?.text).toContain(callLine);
      expect(first?.text).toContain(openingText);
      expect(first?.text).toContain('ring **[112](tel:112)**');
      expect(first?.text).toMatch(/Berätta inte för vårdnadshavarna/);
      expect(first?.text).toMatch(/Anmäl muntligt nu.*skriftliga anmälan efteråt/);
      expect(first?.text).toMatch(/Var nåbar de närmaste dagarna/);
      expect(first?.text).toMatch(/skyddsbedömning/);
      expect(first?.text).not.toContain(SODRA_LINK);
    });
  });

  describe('when the reply is sent', () => {
    it('cites every statement with the Teams citation entity and one short line of sources, shorter than the advice', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: stockholm(2026, 11, 23, 12, 30) });
      const [first] = await harness.send(LEILA);
      const entity = first?.entities?.find((e) => e.type === 'https://schema.org/Message') as { citation: { position: number }[] } | undefined;
      const markers = [...new Set([...(first?.text ?? '').matchAll(/\[(\d)\](?!\()/g)].map((m) => Number(m[1])))];
      expect(entity?.citation.map((c) => c.position)).toEqual(markers.sort());
      // The test adapter is not Teams, so the text carries the compact list; Teams shows the entity instead.
      const [advice, sources] = (first?.text ?? '').split(/\n\n(?=Källor: )/);
      expect(sources).toMatch(/^Källor: \[1\] Äldre Botkyrkarutin, Förskolan\/skolan anmäler sin oro · \[2\] Kraftsamling 2016, Akut oro/);
      expect(sources).not.toMatch(/Granskad|odaterad/);
      expect(sources!.length).toBeLessThan(advice!.length / 2);
    });

    it('then offers to alert the mottagningssektion in Teams', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: stockholm(2026, 11, 23, 12, 30) });
      const replies = await harness.send(LEILA);
      expect(replies).toHaveLength(2);
      expect(visibleText(replies[1])).toContain('Larma Mottagningssektion Norr');
      expect(visibleText(replies[1])).toContain('Mottagningen öppnar igen i dag kl. 13.00');
    });
  });

  describe('when the user’s school is not known yet', () => {
    it('shows both sections’ numbers instead of asking first (open)', async () => {
      const harness = await harnessAtSchool(undefined, { now: stockholm(2026, 11, 24, 10, 0) });
      const [first] = await harness.send(LEILA);
      expect(first?.text).toContain(`Mottagningssektion Norr ${NORR_LINK} · Mottagningssektion Södra ${SODRA_LINK}`);
    });

    it('shows socialjouren and both sections when closed', async () => {
      const harness = await harnessAtSchool(undefined, { now: stockholm(2026, 11, 23, 12, 30) });
      const [first] = await harness.send(LEILA);
      expect(first?.text).toContain(JOUREN_LINE);
      expect(first?.text).toContain(NORR_LINK);
      expect(first?.text).toContain(SODRA_LINK);
    });
  });

  describe.each([
    ['Monday 12.35', MONDAY_1235],
    ['Saturday 11.00', SATURDAY_1100],
  ])('when the user’s school is not known and the alert is offered on %s', (_label, now) => {
    it('asks the school on the alert card itself, after whom to call, so one press sends the alert', async () => {
      const harness = await harnessAtSchool(undefined, { now });
      const replies = await harness.send(LEILA);
      expect(replies[0]?.text).toMatch(/^\*\*Akut oro – gör så här nu\*\*\n\n\*\*Ring socialjouren nu:\*\*/);
      const card = cardOf(replies[1])!;
      const school = cardNodes(card).find((node) => node.type === 'Input.ChoiceSet' && node.id === 'school')!;
      expect(school).toMatchObject({ isRequired: true, style: 'filtered' });
      expect(String(school.label)).toMatch(/jag frågar bara en gång/);
      expect(String(school.errorMessage)).toMatch(/Välj din förskola eller skola/);

      // Teams sends the chosen school together with the button's data.
      const confirmation = await harness.press({ ...buttonData(replies[1], /^Larma/), school: 'hallundaskolan' });
      expect(harness.escalations.map((e) => [e.area, e.school])).toEqual([['norr', 'Hallundaskolan']]);
      expect(confirmation[0]?.text).toMatch(/Ditt larm har kommit fram i Teams/);
      expect(visibleText(confirmation[0])).not.toContain('Vilken förskola eller skola arbetar du på?');

      // Remembered: the next akut reply names her section only, and the card asks nothing.
      const again = await harness.send(LEILA);
      expect(again[0]?.text).toContain(`då når du den på ${NORR_LINK}`);
      expect(again[0]?.text).not.toContain(SODRA_LINK);
      expect(cardNodes(cardOf(again[1])!).some((node) => node.type === 'Input.ChoiceSet')).toBe(false);
    });

    it('keeps the source line on the alert card to one short line', async () => {
      const harness = await harnessAtSchool(undefined, { now });
      const replies = await harness.send(LEILA);
      const sources = cardNodes(cardOf(replies[1])!).filter((node) => node.type === 'TextBlock' && String(node.text).startsWith('Källa'));
      expect(sources.map((node) => node.text)).toEqual(['Källa: Kraftsamling 2016, Akut oro']);
    });
  });

  describe('when the user presses “Larma”', () => {
    it('asks the school first when it is unknown and typed “larma”, then alerts that area’s section with staff data only', async () => {
      const harness = await harnessAtSchool(undefined, { now: stockholm(2026, 11, 23, 12, 30) });
      await harness.send(LEILA);
      const schoolQuestion = await harness.send('larma');
      expect(visibleText(schoolQuestion[0])).toContain('Vilken förskola eller skola arbetar du på?');
      expect(harness.escalations).toHaveLength(0);

      const confirmation = await harness.press({ action: 'school.choose', school: 'tunaskolan' });
      expect(harness.escalations).toHaveLength(1);
      const request = harness.escalations[0]!;
      expect(Object.keys(request).sort()).toEqual(['area', 'conversationReference', 'requester', 'school']);
      expect(request).toMatchObject({ area: 'sodra', school: 'Tunaskolan', requester: { id: 'user1', name: 'User1' } });
      expect(request.conversationReference.conversation?.id).toBeTruthy();
      expect(visibleText(confirmation.at(-1))).toMatch(/^Mottagningssektion Södra har lunchstängt\. .*Ditt larm har kommit fram i Teams/);
    });

    it('alerts at once when the school is known', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: stockholm(2026, 11, 23, 12, 30) });
      const replies = await harness.send(LEILA);
      const confirmation = await harness.press(buttonData(replies[1], /^Larma/));
      expect(harness.escalations.map((e) => e.area)).toEqual(['norr']);
      expect(confirmation[0]?.text).toMatch(/Ditt larm har kommit fram i Teams/);
      expect(confirmation[0]?.text).toContain(JOUREN_LINE);
    });

    it('says honestly when no channel took the alert, and which number to call', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: stockholm(2026, 11, 24, 10, 0), escalation: 'no-channel' });
      await harness.send(LEILA);
      const [reply] = await harness.press({ action: 'akut.escalate' });
      expect(reply?.text).toBe(
        [
          'Larmet kunde inte skickas i Teams, så ingen har sett det.',
          `**Ring Mottagningssektion Norr nu:** ${NORR_LINK}.`,
          'Mottagningen har öppet till kl. 12.00.',
          EMERGENCY_LINE,
        ].join('\n\n'),
      );
    });

    it('gives the same honest answer when the alert port fails, and reports the failure by code', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: stockholm(2026, 11, 24, 10, 0), escalation: 'throws' });
      await harness.send(LEILA);
      const [reply] = await harness.press({ action: 'akut.escalate' });
      expect(reply?.text).toMatch(/^Larmet kunde inte skickas i Teams, så ingen har sett det\.\n\n\*\*Ring Mottagningssektion Norr nu:\*\*/);
      expect(harness.events).toContain('failed:ESCALATION_FAILED');
    });

    it('cannot alert for “another school, area unknown” and gives both numbers instead', async () => {
      const harness = await harnessAtSchool('annan', { now: stockholm(2026, 11, 24, 10, 0) });
      await harness.send(LEILA);
      const [reply] = await harness.press({ action: 'akut.escalate' });
      expect(harness.escalations).toHaveLength(0);
      expect(reply?.text).toMatch(/kan inte larma i Teams/);
      expect(reply?.text).toContain(NORR_LINK);
      expect(reply?.text).toContain(SODRA_LINK);
    });

    it('still alerts from the button of an earlier reply after the user moved on', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: stockholm(2026, 11, 24, 10, 0) });
      const replies = await harness.send(LEILA);
      await harness.send('avbryt');
      await harness.press(buttonData(replies[1], /^Larma/));
      expect(harness.escalations.map((e) => e.area)).toEqual(['norr']);
    });
  });

  describe.each(alertReplyCases({ saturday1100: SATURDAY_1100, monday1235: MONDAY_1235, monday0900: MONDAY_0900, openingMonday: 'måndag 30 november' }))('when staff at a school in Norr press “Larma” on %s', (_label, now, delivered, notDelivered) => {
    it('says whether the section can call back now, and if not when it opens and to call socialjouren now', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now });
      await harness.send(LEILA);
      const [reply] = await harness.press({ action: 'akut.escalate' });
      expect(reply?.text).toBe(delivered.join('\n\n'));
      if (now !== MONDAY_0900) expect(reply?.text).not.toContain('En socialsekreterare ringer upp dig');
    });

    it('gives the number that answers now when the alert could not be delivered', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now, escalation: 'no-channel' });
      await harness.send(LEILA);
      const [reply] = await harness.press({ action: 'akut.escalate' });
      expect(reply?.text).toBe(notDelivered.join('\n\n'));
    });
  });

  describe('when the alert reached the channel', () => {
    it('lets the requester say it is solved or withdraw it, with buttons carrying only the alert id', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: MONDAY_0900 });
      await harness.send(LEILA);
      const [confirmation] = await harness.press({ action: 'akut.escalate' });
      expect(visibleText(confirmation)).toMatch(/Du kan också skriva ”det är löst” eller ”återkalla”/);
      expect(buttonData(confirmation, 'Det är löst')).toEqual({ action: 'akut.close', escalationId: HARNESS_ESCALATION_ID, reason: 'resolved' });
      expect(buttonData(confirmation, 'Återkalla larmet')).toEqual({ action: 'akut.close', escalationId: HARNESS_ESCALATION_ID, reason: 'withdrawn' });
    });

    it('closes that alert from the button and says the section will not call', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: MONDAY_0900 });
      await harness.send(LEILA);
      const [confirmation] = await harness.press({ action: 'akut.escalate' });
      const [reply] = await harness.press(buttonData(confirmation, 'Det är löst'));
      expect(harness.closes).toEqual([{ requesterId: 'user1', escalationId: HARNESS_ESCALATION_ID, reason: 'resolved' }]);
      expect(reply?.text).toBe('Jag har meddelat Mottagningssektion Norr att det är löst, så ingen ringer upp dig för det här larmet.');
    });

    it.each([
      ['det är löst', 'resolved'],
      ['Det är löst!', 'resolved'],
      ['återkalla', 'withdrawn'],
      ['Återkalla larmet.', 'withdrawn'],
    ] as const)('closes the latest open alert when “%s” is typed', async (text, reason) => {
      const harness = await createDialogHarness({ now: MONDAY_0900 });
      await harness.send(text);
      expect(harness.closes).toEqual([{ requesterId: 'user1', reason }]);
    });

    it('reminds a user who withdraws that the duty to report still applies, and names who had taken it', async () => {
      const harness = await createDialogHarness({ now: MONDAY_0900, close: { status: 'closed', sectionName: 'Mottagningssektion Norr', takenBy: 'Ahmed' } });
      const [reply] = await harness.send('återkalla');
      expect(reply?.text).toBe(
        'Larmet är återkallat. Mottagningssektion Norr ser det i Teams, så ingen ringer upp dig för det. Ahmed, som hade tagit larmet, får veta det i Teams.\n\n' +
          'Finns oron för barnet kvar gäller anmälningsplikten ändå: anmäl den till socialtjänsten.',
      );
    });

    it('answers calmly when there is nothing open to close, or the port fails', async () => {
      const none = await createDialogHarness({ now: MONDAY_0900, close: { status: 'none-open' } });
      expect((await none.send('det är löst'))[0]?.text).toBe('Jag hittar inget öppet larm från dig, så det finns inget att avsluta.');
      const failing = await createDialogHarness({ now: MONDAY_0900, close: 'throws' });
      expect((await failing.send('det är löst'))[0]?.text).toMatch(/^Jag kunde inte avsluta larmet just nu/);
      expect(failing.events).toContain('failed:ESCALATION_CLOSE_FAILED');
    });
  });

  describe('when the user types a question while the alert button waits', () => {
    it('answers it with a source and keeps the button working', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: stockholm(2026, 11, 24, 10, 0) });
      await harness.send(LEILA);
      const answer = await harness.send('vad är en skyddsbedömning?');
      expect(answer[0]?.text).toMatch(/\[1\][\s\S]*Källor: \[1\] Kraftsamling 2016, Omedelbar skyddsbedömning/);
      expect(answer[1]?.text).toMatch(/Knappen för att larma mottagningssektionen finns kvar/);
      await harness.press({ action: 'akut.escalate' });
      expect(harness.escalations).toHaveLength(1);
    });

    it('adds no call line under an answer that says to call: who to call is already on screen', async () => {
      const harness = await harnessAtSchool('hallundaskolan', { now: stockholm(2026, 11, 24, 10, 0) });
      await harness.send(LEILA);
      const answer = await harness.send('kan vi anmäla muntligt först?');
      expect(answer[0]?.text).toMatch(/muntligt/);
      expect(answer[0]?.text).not.toMatch(/\*\*Ring Mottagningssektion Norr\*\*|Ring mottagningssektionen för ert område/);
    });
  });

  describe.each([
    LEILA,
    'pappa slår honom när han kommer hem sent',
    'hon har blåmärken på armarna och säger att mamma blev arg',
    'hon berättar att hon ska giftas bort i sommar',
    'brodern hotar henne om hon pratar med killar',
    'hon säger att mammas kille rör henne på nätterna',
    'pappa slar henne hemma',
    'eleven vågar inte gå hem',
  ])('when staff write “%s”', (text) => {
    it('routes to akut oro', async () => {
      const harness = await createDialogHarness({ now: stockholm(2026, 11, 24, 10, 0) });
      const [first] = await harness.send(text);
      expect(first?.text).toMatch(/^\*\*Akut oro – gör så här nu\*\*/);
      expect(harness.events).toContain('started:akut-oro');
    });
  });

  describe.each([
    'en elev har hög frånvaro sedan i höstas',
    'barnet kommer hungrigt till förskolan varje morgon',
    'han är väldigt trött och somnar i klassrummet',
    'en kompis slog honom på rasten',
    'vad räknas som misshandel enligt lagen?',
  ])('when staff write “%s”', (text) => {
    it('does not route to akut oro but answers from the routines', async () => {
      const harness = await createDialogHarness({ now: stockholm(2026, 11, 24, 10, 0) });
      const replies = await harness.send(text);
      expect(harness.events).not.toContain('started:akut-oro');
      expect(replies[0]?.text).not.toMatch(/Akut oro – gör så här nu/);
      expect(cardOf(replies[0])).toBeUndefined();
      expect(harness.events.some((e) => e.startsWith('answered:'))).toBe(true);
    });
  });
});
