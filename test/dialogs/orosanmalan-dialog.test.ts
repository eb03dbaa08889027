import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBookingHarness, people, submitInputs, type BookingHarness, type ChatWith } from './booking-harness.js';
import { buttonData, cardNodes, cardOf, createDialogHarness, stockholm, visibleText, type DialogHarness, type HarnessOptions } from './dialog-harness.js';
import { unbreakableNumber } from '../../municipality/contacts.js';

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

/** Every "Källa:"/"Källor:" line of a card. */
function sourceLines(text: string): string[] {
  return text.split('\n').filter((line) => /^Källa: |^Källor: /.test(line));
}

describe('OrosanmalanDialog', () => {
  describe('when it starts', () => {
    it('first asks whether the concern is acute, citing the akut routine', async () => {
      const harness = await createDialogHarness({ now: TUESDAY_MORNING });
      const [first] = await harness.press({ action: 'menu', routine: 'orosanmalan' });
      const text = visibleText(first);
      expect(text).toContain('Först: är det akut?');
      expect(sourceLines(text)).toEqual(['Källa: Kraftsamling 2016, Akut oro']);
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
      expect(writtenText).toContain(`Mottagningssektion Södra: fax ${unbreakableNumber('08-530 618 16')}, telefon [08-530 619 05](tel:+46853061905)`);
      expect(writtenText).not.toContain(unbreakableNumber('08-530 622 88'));
      expect(writtenText).toMatch(/Anmäl muntligt först/);
      expect(writtenText).toMatch(/checklista för orosanmälan \(på Botwebb/);
      // One line a part, each document once with its sections: the sources never outgrow the step.
      expect(sourceLines(writtenText)).toEqual([
        'Källa: Kraftsamling 2016, Gemensam planering av anmälningsmöte',
        'Källor: Kraftsamling 2016, Orosanmälan · Äldre Botkyrkarutin, Mottagningsgruppens uppgifter',
        'Källa: Kraftsamling 2016, Orosanmälan',
      ]);

      const meeting = await harness.press(buttonData(written[0], 'Nästa: anmälningsmötet'));
      const meetingText = visibleText(meeting[0]);
      expect(meetingText).toMatch(/inom 14 dagar/);
      expect(meetingText).toMatch(/Förskolan\/skolan kallar vårdnadshavarna/);
      expect(meetingText).toMatch(/på förskolan\/skolan, om ni inte kommer överens om något annat/);
      expect(meetingText).toMatch(/berättar förskolan\/skolan om sin oro/);
      expect(meetingText).toMatch(/Vid akut oro hålls \*\*inget\*\* anmälningsmöte/);
      expect(sourceLines(meetingText)).toEqual(['Källa: Kraftsamling 2016, Gemensam planering av anmälningsmöte']);

      const next = await harness.press(buttonData(meeting[0], 'Nästa: vad händer sedan?'));
      const nextText = visibleText(next[0]);
      for (const part of [/Bekräftelse/, /Skyddsbedömning/, /inom 14 dagar beslutar socialtjänsten/, /har inletts, inte har inletts eller redan pågår/, /samtycker/, /Ny oro är en ny anmälan/]) {
        expect(nextText).toMatch(part);
      }
      expect(sourceLines(nextText)[0]).toBe(
        'Källor: Kraftsamling 2016, avsnitten Förhandsbedömning, Omedelbar skyddsbedömning, Socialtjänsten återkopplar till förskolan/skolan och Om ny oro uppstår under pågående utredning',
      );
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
      expect(text).toContain(`fax ${unbreakableNumber('08-530 622 88')}`);
      expect(text).toContain(`fax ${unbreakableNumber('08-530 618 16')}`);
      expect(cardNodes(cardOf(written[0])!).some((node) => node.type === 'ActionSet')).toBe(true);
    });
  });
});

describe('OrosanmalanDialog with booking wired in', () => {
  /** Friday 6 March 2026, 09.00: Ahmed posts Tuesday's anmälningsmöte times, then Maria reports. */
  const fridayMorning = stockholm(2026, 3, 6, 9, 0);
  let harness: BookingHarness;
  let maria: ChatWith;

  beforeEach(async () => {
    harness = await createBookingHarness({ now: fridayMorning });
    maria = harness.chat(people.maria);
    const ahmed = harness.chat(people.ahmed);
    const [form] = await ahmed.send('lägg upp tider');
    await ahmed.press(
      submitInputs(form, 'Lägg upp', { kind: 'anmalningsmote', date: '2026-03-10', from: '09:00', to: '12:00', length: '45', buffer: '15', place: 'Mottagningen Södra, rum 2', repeatWeeks: '1' }),
    );
  });

  afterEach(async () => {
    await harness.dispose();
  });

  /** Maria from "Orosanmälan" to step 3, answering "nej" and pressing "Nästa" twice. */
  async function mariaToStep3(): Promise<Partial<Activity>[]> {
    const [acute] = await maria.press({ action: 'menu', routine: 'orosanmalan' });
    const step1 = await maria.press(buttonData(acute, 'Nej – inte akut'));
    expect(step1).toHaveLength(1);
    expect(visibleText(step1[0])).toContain('1 av 4: Vem anmäler?');
    const [step2] = await maria.press(buttonData(step1[0], 'Nästa: skriftlig anmälan'));
    expect(visibleText(step2)).toContain('Mottagningssektion Södra: fax');
    return maria.press(buttonData(step2, 'Nästa: anmälningsmötet'));
  }

  describe('when Maria, rektor at Broängsskolan in the roles file, reports', () => {
    it('never asks her school, and books the anmälningsmöte on step 3 before going on to step 4', async () => {
      const [step3] = await mariaToStep3();
      expect(visibleText(step3)).toContain('3 av 4: Planera anmälningsmötet');
      const titles = cardNodes(cardOf(step3)!).filter((node) => node.type === 'Action.Submit').map((node) => node.title);
      expect(titles).toEqual(['Boka anmälningsmöte', 'Nästa: vad händer sedan?']);

      const [times] = await maria.press(buttonData(step3, 'Boka anmälningsmöte'));
      expect(visibleText(times)).toContain('Lediga tider hos Mottagningssektion Södra');
      const [planning] = await maria.press(buttonData(times, /10\.00–10\.45/));
      expect(visibleText(planning)).toContain('Förskola/skola: Broängsskolan');
      const [confirmation, step4] = await maria.press(submitInputs(planning, 'Boka'));
      expect(visibleText(confirmation)).toContain('Anmälningsmötet är bokat');
      expect(visibleText(confirmation)).toContain('Tid: tisdag 10 mars kl. 10.00–10.45');
      expect(visibleText(step4)).toContain('4 av 4: Vad händer sedan?');
      expect(harness.proactive.map((sent) => sent.to)).toEqual([people.ahmed.teamsId]);

      const after = await maria.press(buttonData(step4, 'Ja, påminn mig dag 14'));
      // Day 14 is Friday 20 March, a working day.
      expect(after.map((reply) => reply.text)).toEqual(['Klart! Jag påminner dig fredag 20 mars: har förskolan/skolan fått återkoppling – och vad har ni rätt att få veta?']);
      expect(harness.reminders.map((reminder) => reminder.dueAt)).toEqual([stockholm(2026, 3, 20, 9, 0)]);
    });

    it('says her school comes from the roles file when she writes "byt skola"', async () => {
      const replies = await maria.send('byt skola');
      expect(replies.map((reply) => reply.text)).toEqual(['Din skola står i rollfilen: Broängsskolan. Be den som administrerar Samverkansboten ändra den om den är fel.']);
    });

    it('still offers booking after the last step when she went on without booking', async () => {
      const [step3] = await mariaToStep3();
      const [step4] = await maria.press(buttonData(step3, 'Nästa: vad händer sedan?'));
      const after = await maria.press(buttonData(step4, 'Nej tack'));
      expect(visibleText(after.at(-1))).toContain('Boka anmälningsmöte');
    });
  });

  describe('when a kurator reports', () => {
    it('shows step 3 without a booking button, since the rektor books', async () => {
      const leila = harness.chat(people.leila);
      const [acute] = await leila.press({ action: 'menu', routine: 'orosanmalan' });
      await leila.press(buttonData(acute, 'Nej – inte akut'));
      const step1 = await leila.press({ action: 'school.choose', school: 'hallundaskolan' });
      const [step2] = await leila.press(buttonData(step1.at(-1), 'Nästa: skriftlig anmälan'));
      const [step3] = await leila.press(buttonData(step2, 'Nästa: anmälningsmötet'));
      const titles = cardNodes(cardOf(step3)!).filter((node) => node.type === 'Action.Submit').map((node) => node.title);
      expect(titles).toEqual(['Nästa: vad händer sedan?']);
    });
  });

  describe('when the socialsekreterare cannot be told of the booking', () => {
    it('keeps the booking and tells Maria calmly whom to call, with time and reference', async () => {
      const [step3] = await mariaToStep3();
      const [times] = await maria.press(buttonData(step3, 'Boka anmälningsmöte'));
      const [planning] = await maria.press(buttonData(times, /09\.00–09\.45/));
      harness.failProactiveSends(true);
      const [confirmation, notice, step4] = await maria.press(submitInputs(planning, 'Boka'));
      expect(visibleText(confirmation)).toContain('Anmälningsmötet är bokat');
      const reference = /Referens: (AM-[0-9A-Z]{4}-[0-9A-Z]{2})/.exec(visibleText(confirmation))?.[1];
      expect(notice?.text).toBe(
        'Bokningen är gjord och sparad, men jag kunde inte skicka bekräftelsen till Ahmed Socialsekreterare i Teams just nu. ' +
          `Ring Mottagningssektion Södra på [08-530 619 05](tel:+46853061905) och säg att ni har bokat anmälningsmöte tisdag 10 mars kl. 09.00–09.45, referens ${reference}.`,
      );
      expect(visibleText(step4)).toContain('4 av 4: Vad händer sedan?');
      await maria.press(buttonData(step4, 'Nej tack'));
      const [mine] = await maria.send('mina bokningar');
      expect(visibleText(mine)).toContain(`Referens ${reference}`);
    });
  });
});

describe('OrosanmalanDialog day-14 reminder on a closed day', () => {
  it('moves the reminder before Kristi himmelsfärdsdag to the Wednesday before', async () => {
    // Thursday 30 April 2026: day 14 is Thursday 14 May, Kristi himmelsfärdsdag.
    const harness = await createDialogHarness({ now: stockholm(2026, 4, 30, 10, 15) });
    await harness.press({ action: 'school.choose', school: 'tunaskolan' });
    const step4 = await walkToStep4(harness);
    expect(visibleText(step4)).toContain('Vill du att jag påminner dig onsdag 13 maj?');
    const [reply] = await harness.press(buttonData(step4, 'Ja, påminn mig dag 14'));
    expect(reply?.text).toMatch(/^Klart! Jag påminner dig onsdag 13 maj:/);
    expect(harness.reminders.map((reminder) => [reminder.dueAt, reminder.movedFrom])).toEqual([[stockholm(2026, 5, 13, 10, 15), stockholm(2026, 5, 14, 10, 15)]]);
  });

  it('moves a reminder on midsommarafton to the Thursday before', async () => {
    // Friday 5 June 2026: day 14 is Friday 19 June, midsommarafton.
    const harness = await createDialogHarness({ now: stockholm(2026, 6, 5, 13, 0) });
    const step4 = await walkToStep4(harness);
    const [reply] = await harness.press(buttonData(step4, 'Ja, påminn mig dag 14'));
    expect(reply?.text).toMatch(/^Klart! Jag påminner dig torsdag 18 juni:/);
  });
});

/** From the menu to step 4 for someone whose school is asked: "nej", Tunaskolan, then "nästa" until step 4. */
async function walkToStep4(harness: DialogHarness): Promise<Partial<Activity> | undefined> {
  await harness.press({ action: 'menu', routine: 'orosanmalan' });
  let replies = await harness.send('nej');
  if (visibleText(replies[0]).includes('Vilken förskola eller skola')) replies = await harness.send('Tunaskolan');
  for (let step = 0; step < 3; step += 1) replies = await harness.send('nästa');
  expect(visibleText(replies.at(-1))).toContain('4 av 4: Vad händer sedan?');
  return replies.at(-1);
}
