import { describe, expect, it } from 'vitest';
import { buttonData, cardNodes, cardOf, createDialogHarness, stockholm, visibleText, type DialogHarness, type HarnessOptions } from './dialog-harness.js';

const TUESDAY_MORNING = stockholm(2026, 11, 24, 9, 40);
const DAY_MS = 24 * 60 * 60 * 1000;

/** Maria, rektor in Tumba: opens Orosanmälan and says it is not acute; returns the first step. */
async function startAsMaria(options: Partial<HarnessOptions> = {}): Promise<{ harness: DialogHarness; step1: Awaited<ReturnType<DialogHarness['send']>> }> {
  const harness = await createDialogHarness({ now: TUESDAY_MORNING, ...options });
  await harness.press({ action: 'menu', routine: 'skola' });
  await harness.press({ action: 'school.choose', school: 'tunaskolan' });
  const acute = await harness.press({ action: 'menu', routine: 'orosanmalan' });
  const step1 = await harness.press(buttonData(acute[0], 'Nej – inte akut'));
  return { harness, step1 };
}

/** Every "Källa:" line of a card. */
function sourceLines(text: string): string[] {
  return text.split('\n').filter((line) => line.startsWith('Källa: '));
}

describe('OrosanmalanDialog', () => {
  describe('when it starts', () => {
    it('first asks whether the concern is acute, citing the akut routine', async () => {
      const harness = await createDialogHarness({ now: TUESDAY_MORNING });
      const [first] = await harness.press({ action: 'menu', routine: 'orosanmalan' });
      const text = visibleText(first);
      expect(text).toContain('Först: är det akut?');
      expect(text).toMatch(/Källa: Akut oro – ring mottagningen direkt/);
      expect(harness.events).toContain('started:orosanmalan');
    });

    it('hands over to akut oro when the user answers that it is acute', async () => {
      const harness = await createDialogHarness({ now: TUESDAY_MORNING });
      const [first] = await harness.press({ action: 'menu', routine: 'orosanmalan' });
      const replies = await harness.press(buttonData(first, 'Ja – det är akut'));
      expect(replies[0]?.text).toMatch(/^\*\*Akut oro – gör så här nu\*\*/);
    });

    it('asks the school once when it is unknown, then continues', async () => {
      const harness = await createDialogHarness({ now: TUESDAY_MORNING });
      await harness.press({ action: 'menu', routine: 'orosanmalan' });
      const school = await harness.send('nej');
      expect(visibleText(school[0])).toContain('Vilken förskola eller skola arbetar du på?');
      const step1 = await harness.send('Tunaskolan');
      expect(step1[0]?.text).toMatch(/Tunaskolan \(Mottagningssektion Södra\)/);
      expect(visibleText(step1[1])).toContain('1 av 4: Vem anmäler?');
    });
  });

  describe('when Maria follows the steps', () => {
    it('shows each step with a source line for every part, and the area’s fax and phone', async () => {
      const { harness, step1 } = await startAsMaria();
      const duty = visibleText(step1[0]);
      expect(duty).toMatch(/skyldiga att \*\*genast\*\* anmäla/);
      expect(duty).toMatch(/Rektor\/förskolechef kan stötta och stå för anmälan/);
      expect(duty).toMatch(/Personal kan inte anmäla anonymt/);
      expect(sourceLines(duty)).toHaveLength(3);

      const written = await harness.press(buttonData(step1[0], 'Nästa: skriftlig anmälan'));
      const writtenText = visibleText(written[0]);
      expect(writtenText).toContain('Mottagningssektion Södra: fax 08-530 618 16, telefon [08-530 619 05](tel:+46853061905)');
      expect(writtenText).not.toContain('08-530 622 88');
      expect(writtenText).toMatch(/Anmäl muntligt först/);
      expect(writtenText).toMatch(/checklista för orosanmälan \(på Botwebb/);
      expect(sourceLines(writtenText).map((line) => line.split(' – ')[0])).toEqual([
        'Källa: Checklistan för orosanmälan',
        'Källa: Så gör ni en orosanmälan',
        'Källa: Mottagningssektionerna Norr och Södra',
        'Källa: Brådskande anmälan',
      ]);

      const meeting = await harness.press(buttonData(written[0], 'Nästa: anmälningsmötet'));
      const meetingText = visibleText(meeting[0]);
      expect(meetingText).toMatch(/inom 14 dagar/);
      expect(meetingText).toMatch(/Förskolan\/skolan kallar vårdnadshavarna/);
      expect(meetingText).toMatch(/på förskolan\/skolan, om ni inte kommer överens om något annat/);
      expect(meetingText).toMatch(/berättar förskolan\/skolan om sin oro/);
      expect(meetingText).toMatch(/Vid akut oro hålls \*\*inget\*\* anmälningsmöte/);
      expect(meetingText).toMatch(/Källa: Planera anmälningsmötet – inom 14 dagar – Kraftsamlings styrdokument \(2016-03-17\), avsnitt ”3\. Barn och unga/);

      const next = await harness.press(buttonData(meeting[0], 'Nästa: vad händer sedan?'));
      const nextText = visibleText(next[0]);
      for (const part of [/Bekräftelse/, /Skyddsbedömning/, /inom 14 dagar beslutar socialtjänsten/, /har inletts, inte har inletts eller redan pågår/, /samtycker/, /Ny oro är en ny anmälan/]) {
        expect(nextText).toMatch(part);
      }
      expect(nextText).toContain('Vill du att jag påminner dig tisdag 8 december?');
    });
  });

  describe('when Maria asks for the reminder on day 14', () => {
    it('schedules it for now + 14 days in this conversation and says when', async () => {
      const { harness, step1 } = await startAsMaria();
      const written = await harness.press(buttonData(step1[0], 'Nästa: skriftlig anmälan'));
      const meeting = await harness.press(buttonData(written[0], 'Nästa: anmälningsmötet'));
      const next = await harness.press(buttonData(meeting[0], 'Nästa: vad händer sedan?'));
      const [reply] = await harness.press(buttonData(next[0], 'Ja, påminn mig dag 14'));
      expect(harness.reminders).toHaveLength(1);
      expect(harness.reminders[0]!.dueAt.getTime()).toBe(TUESDAY_MORNING.getTime() + 14 * DAY_MS);
      expect(harness.reminders[0]!.userId).toBe('user1');
      expect(harness.reminders[0]!.conversationReference.conversation?.id).toBe('Convo1');
      expect(reply?.text).toBe('Klart! Jag påminner dig tisdag 8 december: har förskolan/skolan fått återkoppling – och vad har ni rätt att få veta?');
    });

    it('ends by offering to book the anmälningsmöte', async () => {
      const { harness } = await startAsMaria();
      for (const step of ['nästa', 'nästa', 'nästa']) await harness.send(step);
      const replies = await harness.send('ja');
      expect(buttonData(replies.at(-1), 'Boka anmälningsmöte')).toEqual({ action: 'booking.start', flow: 'boka-anmalningsmote' });
    });

    it('tells the user to note the date when the reminder cannot be stored', async () => {
      const { harness } = await startAsMaria({ reminders: 'throws' });
      for (const step of ['nästa', 'nästa', 'nästa']) await harness.send(step);
      const [reply] = await harness.send('ja');
      expect(reply?.text).toMatch(/^Påminnelsen kunde inte sparas\. Skriv in tisdag 8 december i din kalender/);
      expect(harness.events).toContain('failed:REMINDER_NOT_SCHEDULED');
    });

    it('schedules nothing when she says no', async () => {
      const { harness } = await startAsMaria();
      for (const step of ['nästa', 'nästa', 'nästa']) await harness.send(step);
      const [reply] = await harness.send('nej tack');
      expect(harness.reminders).toHaveLength(0);
      expect(reply?.text).toMatch(/ingen påminnelse/);
    });
  });

  describe('when a checklist link is configured', () => {
    it('links the written-report step to it', async () => {
      const { harness, step1 } = await startAsMaria({ checklistUrl: 'https://botwebb.example/checklista-orosanmalan' });
      const written = await harness.press(buttonData(step1[0], 'Nästa: skriftlig anmälan'));
      expect(visibleText(written[0])).toContain('[checklistan för orosanmälan](https://botwebb.example/checklista-orosanmalan)');
    });
  });

  describe('when the user types a question on the way', () => {
    it('answers it with a source and stays on the same step', async () => {
      const { harness, step1 } = await startAsMaria();
      const replies = await harness.send('vad ska stå i anmälan?');
      expect(replies[0]?.text).toMatch(/\[1\][\s\S]*Källor: \[1\] /);
      expect(replies[1]?.text).toMatch(/Du är mitt i orosanmälan/);
      const written = await harness.press(buttonData(step1[0], 'Nästa: skriftlig anmälan'));
      expect(visibleText(written[0])).toContain('2 av 4: Skriftlig anmälan');
    });
  });

  describe('when a “next” button of another step is pressed', () => {
    it('shows the step the user is on instead of skipping', async () => {
      const { harness, step1 } = await startAsMaria();
      const written = await harness.press(buttonData(step1[0], 'Nästa: skriftlig anmälan'));
      const again = await harness.press(buttonData(step1[0], 'Nästa: skriftlig anmälan'));
      expect(again[0]?.text).toMatch(/hör till ett annat steg/);
      expect(cardOf(again[0])).toEqual(cardOf(written[0]));
    });
  });

  describe('when the area is unknown (“annan förskola/skola”)', () => {
    it('lists both sections’ fax and phone', async () => {
      const harness = await createDialogHarness({ now: TUESDAY_MORNING });
      await harness.press({ action: 'menu', routine: 'skola' });
      await harness.press({ action: 'school.choose', school: 'annan' });
      await harness.press({ action: 'menu', routine: 'orosanmalan' });
      await harness.send('nej');
      const written = await harness.send('nästa');
      const text = visibleText(written[0]);
      expect(text).toContain('fax 08-530 622 88');
      expect(text).toContain('fax 08-530 618 16');
      expect(cardNodes(cardOf(written[0])!).some((node) => node.type === 'ActionSet')).toBe(true);
    });
  });
});
