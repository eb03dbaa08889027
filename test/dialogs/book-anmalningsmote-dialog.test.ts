import type { Activity } from 'botbuilder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonData, cardNodes, cardOf, stockholm, visibleText } from './dialog-harness.js';
import { createBookingHarness, describeReply, people, submitInputs, type BookingHarness, type ChatWith } from './booking-harness.js';

/** Friday 6 March 2026, 09.00: Ahmed posts next week's times. */
const fridayMorning = stockholm(2026, 3, 6, 9, 0);

const tuesdayMeetings = {
  kind: 'anmalningsmote',
  date: '2026-03-10',
  from: '09:00',
  to: '12:00',
  length: '45',
  buffer: '15',
  place: 'Mottagningen Södra, rum 2',
  repeatWeeks: '1',
};

async function postTimes(chat: ChatWith, values: Record<string, string>): Promise<Partial<Activity>[]> {
  const [form] = await chat.send('lägg upp tider');
  return chat.press(submitInputs(form, 'Lägg upp', values));
}

function slotButtons(reply: Partial<Activity> | undefined): string[] {
  const card = cardOf(reply);
  return card ? cardNodes(card).filter((node) => node.type === 'Action.Submit' && (node.data as { action?: string }).action === 'booking.pick').map((node) => String(node.title)) : [];
}

function textsTo(harness: BookingHarness, teamsId: string): string[] {
  return harness.proactive.filter((sent) => sent.to === teamsId).map((sent) => describeReply(sent.activity));
}

describe('BookAnmalningsmoteDialog', () => {
  let harness: BookingHarness;
  let ahmed: ChatWith;
  let maria: ChatWith;

  beforeEach(async () => {
    harness = await createBookingHarness({ now: fridayMorning });
    ahmed = harness.chat(people.ahmed);
    maria = harness.chat(people.maria);
    await postTimes(ahmed, tuesdayMeetings);
  });

  afterEach(async () => {
    await harness.dispose();
  });

  describe('when Maria, rektor in Tumba, books an anmälningsmöte the common way', () => {
    it('takes three turns and gives both sides a confirmation with a calendar link', async () => {
      const transcript: string[] = [];
      const turn = async (label: string, replies: Promise<Partial<Activity>[]>) => {
        const shown = await replies;
        transcript.push(`── Maria: ${label}`, ...shown.map((reply) => `   Bot: ${describeReply(reply).replace(/\n/g, '\n        ')}`));
        return shown;
      };

      const [times] = await turn('boka anmälningsmöte', maria.send('boka anmälningsmöte'));
      expect(cardOf(times)?.body[0]).toMatchObject({ text: 'Boka anmälningsmöte' });
      expect(visibleText(times)).toContain('Mottagningssektion Södra');
      expect(slotButtons(times)).toEqual([
        'tis 10 mars 09.00–09.45 · Ahmed',
        'tis 10 mars 10.00–10.45 · Ahmed',
        'tis 10 mars 11.00–11.45 · Ahmed',
      ]);

      const [planning] = await turn('[tis 10 mars 10.00–10.45 · Ahmed]', maria.press(buttonData(times, /10\.00–10\.45/)));
      const choices = cardNodes(cardOf(planning)!).filter((node) => node.type === 'Input.ChoiceSet');
      expect(choices.map((choice) => [choice.id, choice.value])).toEqual([['guardiansInvitedBy', 'skolan'], ['ledBy', 'skolan'], ['location', 'skolan']]);
      expect(visibleText(planning)).toContain('Broängsskolan');

      const [confirmation] = await turn('[Boka] (rutinens svar)', maria.press(submitInputs(planning, 'Boka')));
      const shown = visibleText(confirmation);
      expect(shown).toContain('Anmälningsmötet är bokat');
      expect(shown).toContain('Tid: tisdag 10 mars kl. 10.00–10.45');
      expect(shown).toContain('Plats: Broängsskolan');
      expect(shown).toContain('Förskolan/skolan kallar vårdnadshavarna.');
      const reference = /Referens: (AM-[0-9A-Z]{4}-[0-9A-Z]{2})/.exec(shown)?.[1];
      expect(reference).toBeDefined();
      const link = cardNodes(cardOf(confirmation)!).find((node) => node.type === 'Action.OpenUrl');
      expect(String(link?.url)).toMatch(new RegExp(`^https://bot\\.example/api/bookings/${reference}\\.ics\\?expires=\\d+&signature=`));

      expect(textsTo(harness, people.ahmed.teamsId)).toEqual([expect.stringContaining('Ny bokning: anmälningsmöte')]);
      expect(textsTo(harness, people.ahmed.teamsId)[0]).toContain(`Referens: ${reference}`);
      const booking = await harness.wiring.bookings.getBooking(reference!);
      expect(booking).toMatchObject({ school: 'Broängsskolan', area: 'sodra', planning: { guardiansInvitedBy: 'skolan', ledBy: 'skolan', location: 'skolan' } });

      const turns = transcript.filter((line) => line.startsWith('── Maria')).length;
      expect(turns).toBeLessThanOrEqual(4);
      console.log(`Booking transcript (${turns} turns):\n${transcript.join('\n')}\n   → Ahmed (proactively): ${textsTo(harness, people.ahmed.teamsId)[0]?.replace(/\n/g, '\n        ')}`);
    });

    it('keeps what Maria changed in the planning points', async () => {
      const [times] = await maria.send('boka anmälningsmöte');
      const [planning] = await maria.press(buttonData(times, /09\.00–09\.45/));
      const [confirmation] = await maria.press(submitInputs(planning, 'Boka', { location: 'socialtjansten', ledBy: 'socialtjansten' }));
      expect(visibleText(confirmation)).toContain('Plats: Mottagningen Södra, rum 2');
      expect(visibleText(confirmation)).toContain('Socialsekreteraren leder mötet');
    });
  });

  describe('when someone without the role tries', () => {
    it('tells a kurator that rektor books anmälningsmöten, and books nothing', async () => {
      const [reply] = await harness.chat(people.leila).send('boka anmälningsmöte');
      expect(reply?.text).toContain('Anmälningsmöten bokas av rektor eller förskolechef');
      expect(await harness.wiring.bookings.listBookings({ from: fridayMorning, ownerId: people.ahmed.aadObjectId })).toEqual([]);
    });

    it('tells a rektor that socialsekreterare post times', async () => {
      const [reply] = await maria.send('lägg upp tider');
      expect(reply?.text).toContain('Tider läggs upp av socialsekreterarna');
    });

    it('tells a socialsekreterare that schools book konsultationer', async () => {
      const [reply] = await ahmed.send('boka konsultation');
      expect(reply?.text).toContain('Konsultationstider bokas av personal i förskola och skola');
    });

    it('refuses to cancel someone else’s booking', async () => {
      const [times] = await maria.send('boka anmälningsmöte');
      const [planning] = await maria.press(buttonData(times, /09\.00/));
      const [confirmation] = await maria.press(submitInputs(planning, 'Boka'));
      const [reply] = await harness.chat(people.johan).press(buttonData(confirmation, 'Avboka'));
      expect(reply?.text).toContain('Den bokningen är inte din');
    });
  });

  describe('when a submit is odd', () => {
    it('answers calmly, keeps the question open, and books once a real answer comes', async () => {
      const [times] = await maria.send('boka anmälningsmöte');
      const [planning] = await maria.press(buttonData(times, /09\.00/));

      const [odd] = await maria.press({ ...submitInputs(planning, 'Boka'), location: 'på månen' });
      expect(odd?.text).toContain('Jag kunde inte läsa svaret från kortet');
      const [typed] = await maria.send('tisdag passar bra');
      expect(typed?.text).toContain('Välj med knapparna');

      const [confirmation] = await maria.press(submitInputs(planning, 'Boka'));
      expect(visibleText(confirmation)).toContain('Anmälningsmötet är bokat');
    });

    it('treats a button from a finished booking as finished', async () => {
      const [times] = await maria.send('boka anmälningsmöte');
      const pick = buttonData(times, /09\.00/);
      await maria.send('avbryt');
      const [reply] = await maria.press(pick);
      expect(visibleText(reply)).toContain('redan');
    });
  });

  describe('when two rektorer want the same time', () => {
    it('gives it to the first and shows the second the next free times', async () => {
      const johan = harness.chat(people.johan);
      const [mariasTimes] = await maria.send('boka anmälningsmöte');
      const [johansTimes] = await johan.send('boka anmälningsmöte');
      const [mariasPlanning] = await maria.press(buttonData(mariasTimes, /09\.00/));
      const [johansPlanning] = await johan.press(buttonData(johansTimes, /09\.00/));

      await maria.press(submitInputs(mariasPlanning, 'Boka'));
      const [offer] = await johan.press(submitInputs(johansPlanning, 'Boka'));
      expect(visibleText(offer)).toContain('Tiden hann bokas av någon annan');
      expect(slotButtons(offer)).toEqual(['tis 10 mars 10.00–10.45 · Ahmed', 'tis 10 mars 11.00–11.45 · Ahmed']);

      const [planning] = await johan.press(buttonData(offer, /10\.00/));
      const [confirmation] = await johan.press(submitInputs(planning, 'Boka'));
      expect(visibleText(confirmation)).toContain('Tunaskolan');
    });
  });

  describe('when the booking is cancelled', () => {
    it('asks first, cancels, tells the socialsekreterare and frees the time', async () => {
      const [times] = await maria.send('boka anmälningsmöte');
      const [planning] = await maria.press(buttonData(times, /09\.00/));
      const [confirmation] = await maria.press(submitInputs(planning, 'Boka'));

      const [question] = await maria.press(buttonData(confirmation, 'Avboka'));
      expect(visibleText(question)).toContain('Avboka anmälningsmöte?');
      const [done] = await maria.press(buttonData(question, 'Ja, avboka'));
      expect(visibleText(done)).toMatch(/Avbokat: anmälningsmöte tisdag 10 mars kl\. 09\.00–09\.45 .* Jag har meddelat Ahmed Socialsekreterare\./);
      expect(textsTo(harness, people.ahmed.teamsId).at(-1)).toContain('Maria Rektor, Broängsskolan, har avbokat');

      const [again] = await maria.send('boka anmälningsmöte');
      expect(slotButtons(again)[0]).toContain('09.00–09.45');
    });

    it('leaves everything as it was on "avbryt" in the middle', async () => {
      const [times] = await maria.send('boka anmälningsmöte');
      await maria.press(buttonData(times, /09\.00/));
      const [reply] = await maria.send('avbryt');
      expect(reply?.text).toContain('avbrutit');
      expect(await harness.wiring.bookings.listBookings({ from: fridayMorning, bookedById: people.maria.aadObjectId })).toEqual([]);
    });

    it('keeps the booking when Maria changes her mind', async () => {
      const [times] = await maria.send('boka anmälningsmöte');
      const [planning] = await maria.press(buttonData(times, /09\.00/));
      const [confirmation] = await maria.press(submitInputs(planning, 'Boka'));
      const [question] = await maria.press(buttonData(confirmation, 'Avboka'));
      const [kept] = await maria.press(buttonData(question, 'Nej, behåll'));
      expect(kept?.text).toContain('jag ändrar ingenting');
      expect(await harness.wiring.bookings.listBookings({ from: fridayMorning, bookedById: people.maria.aadObjectId })).toHaveLength(1);
    });
  });

  describe('when the socialsekreterare changes a booked time', () => {
    async function mariaBooks(): Promise<string> {
      const [times] = await maria.send('boka anmälningsmöte');
      const [planning] = await maria.press(buttonData(times, /09\.00/));
      const [confirmation] = await maria.press(submitInputs(planning, 'Boka'));
      return /Referens: (\S+)/.exec(visibleText(confirmation))![1]!;
    }

    it('shows who booked what, and cancelling it tells Maria', async () => {
      const reference = await mariaBooks();
      const [list] = await ahmed.send('mina tider');
      expect(visibleText(list)).toContain(`bokad av Maria Rektor, Broängsskolan (${reference})`);
      const [question] = await ahmed.press(buttonData(list, 'Ställ in'));
      expect(visibleText(question)).toContain('Om du ställer in tiden avbokas mötet');
      const [done] = await ahmed.press(buttonData(question, 'Ja, ställ in'));
      expect(done?.text).toContain(`Bokningen ${reference} är avbokad`);
      expect(textsTo(harness, people.maria.teamsId).at(-1)).toContain('Ahmed Socialsekreterare har ställt in anmälningsmöte');
    });

    it('moves it, keeping the reference, and tells Maria the new time', async () => {
      const reference = await mariaBooks();
      const [list] = await ahmed.send('mina tider');
      const [targets] = await ahmed.press(buttonData(list, 'Flytta'));
      const [moved] = await ahmed.press(buttonData(targets, /11\.00–11\.45/));
      expect(visibleText(moved)).toContain('Flyttat till tisdag 10 mars kl. 11.00–11.45');
      expect(visibleText(moved)).toContain(`Referens: ${reference}`);
      expect(textsTo(harness, people.maria.teamsId).at(-1)).toContain('Flyttat: anmälningsmöte från tisdag 10 mars kl. 09.00–09.45 till tisdag 10 mars kl. 11.00–11.45');
    });
  });

  describe('when a kurator books a konsultation', () => {
    beforeEach(async () => {
      await postTimes(ahmed, { ...tuesdayMeetings, kind: 'konsultation', date: '2026-03-11', from: '13:00', to: '15:00', place: '' });
    });

    it('asks her school once, then books in four turns without storing the school', async () => {
      const leila = harness.chat(people.leila);
      const [schoolQuestion] = await leila.send('boka konsultation');
      expect(visibleText(schoolQuestion)).toContain('Vilken förskola eller skola arbetar du på?');
      const afterSchool = await leila.press({ action: 'school.choose', school: 'tunaskolan' });
      const times = afterSchool.at(-1);
      expect(slotButtons(times)).toEqual(['ons 11 mars 13.00–13.45 · Ahmed', 'ons 11 mars 14.00–14.45 · Ahmed']);
      const [confirm] = await leila.press(buttonData(times, /13\.00–13\.45/));
      expect(visibleText(confirm)).toContain('nämn inte barnets namn');
      const [done] = await leila.press(buttonData(confirm, 'Boka'));
      expect(visibleText(done)).toContain('Konsultationen är bokad');
      const reference = /Referens: (\S+)/.exec(visibleText(done))![1]!;
      expect(reference).toMatch(/^KO-/);
      const booking = await harness.wiring.bookings.getBooking(reference);
      expect(booking?.school).toBeUndefined();
      expect(booking?.planning).toBeUndefined();
    });

    it('gives the section’s phone number when her area has no free times', async () => {
      const leila = harness.chat(people.leila);
      await leila.send('boka konsultation');
      const replies = await leila.press({ action: 'school.choose', school: 'hallundaskolan' });
      expect(replies.at(-1)?.text).toContain('Det finns inga lediga tider för konsultation hos Mottagningssektion Norr');
      expect(replies.at(-1)?.text).toContain('(tel:+46853062255)');
    });
  });

  describe('the day before the meeting', () => {
    it('reminds both sides once the reminder falls due', async () => {
      const [times] = await maria.send('boka anmälningsmöte');
      const [planning] = await maria.press(buttonData(times, /09\.00/));
      await maria.press(submitInputs(planning, 'Boka'));
      const row = await harness.handle.db.selectFrom('reminders').selectAll().where('kind', '=', 'booking-day-before').executeTakeFirstOrThrow();
      expect(row.due_at).toBe(stockholm(2026, 3, 9, 9, 0).toISOString());

      const before = harness.proactive.length;
      const outcome = await harness.wiring.reminderHandler.send(
        { id: row.id, kind: row.kind, dueAt: new Date(row.due_at), payload: JSON.parse(row.payload), status: 'sending', attempts: 0, createdAt: new Date(row.created_at) },
        stockholm(2026, 3, 9, 9, 0),
      );
      expect(outcome).toBe('sent');
      const sent = harness.proactive.slice(before).map((entry) => [entry.to, describeReply(entry.activity).split('\n')[0]]);
      expect(sent).toEqual([
        [people.maria.teamsId, 'Påminnelse: anmälningsmöte i morgon'],
        [people.ahmed.teamsId, 'Påminnelse: anmälningsmöte i morgon'],
      ]);
    });

    it('reminds of a Monday meeting on the Friday before, naming the day', async () => {
      await postTimes(ahmed, { ...tuesdayMeetings, date: '2026-03-16', from: '09:00', to: '10:00' });
      const [times] = await maria.send('boka anmälningsmöte');
      const [planning] = await maria.press(buttonData(times, /mån 16 mars 09\.00/));
      await maria.press(submitInputs(planning, 'Boka'));
      const row = await harness.handle.db.selectFrom('reminders').selectAll().where('kind', '=', 'booking-day-before').executeTakeFirstOrThrow();
      expect(row.due_at).toBe(stockholm(2026, 3, 13, 9, 0).toISOString());

      const before = harness.proactive.length;
      const reminder = { id: row.id, kind: row.kind, dueAt: new Date(row.due_at), payload: JSON.parse(row.payload), status: 'sending' as const, attempts: 0, createdAt: new Date(row.created_at) };
      expect(await harness.wiring.reminderHandler.send(reminder, stockholm(2026, 3, 13, 9, 0))).toBe('sent');
      const sent = harness.proactive.slice(before).map((entry) => describeReply(entry.activity).split('\n')[0]);
      expect(sent).toEqual(['Påminnelse: anmälningsmöte på måndag 16 mars', 'Påminnelse: anmälningsmöte på måndag 16 mars']);
    });
  });
});
