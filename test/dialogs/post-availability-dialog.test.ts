import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonData, cardNodes, cardOf, stockholm, visibleText } from './dialog-harness.js';
import { createBookingHarness, people, submitInputs, type BookingHarness, type ChatWith } from './booking-harness.js';

/** Friday 6 March 2026, 09.00. */
const fridayMorning = stockholm(2026, 3, 6, 9, 0);

const ahmedsConsultations = {
  kind: 'konsultation',
  date: '2026-03-10',
  from: '13:00',
  to: '15:00',
  length: '45',
  buffer: '15',
  place: '',
  repeatWeeks: '1',
};

async function postOnce(chat: ChatWith, values: Record<string, string>) {
  const [form] = await chat.send('lägg upp tider');
  return chat.press(submitInputs(form, 'Lägg upp', values));
}

/** The days the form offers, as their checkbox titles. */
function offeredDays(form: Parameters<typeof cardOf>[0]): string[] {
  const dates = cardNodes(cardOf(form)!).find((node) => node.id === 'dates');
  return (dates?.choices as { title: string }[]).map((choice) => choice.title);
}

describe('PostAvailabilityDialog', () => {
  let harness: BookingHarness;
  let ahmed: ChatWith;

  beforeEach(async () => {
    harness = await createBookingHarness({ now: fridayMorning });
    ahmed = harness.chat(people.ahmed);
  });

  afterEach(async () => {
    await harness.dispose();
  });

  describe('when Ahmed posts Tuesday 13–15 in 45-minute slots with 15 minutes between', () => {
    it('shows one form and then the two times he posted', async () => {
      const [form] = await ahmed.send('lägg upp tider');
      const ids = cardNodes(cardOf(form)!).filter((node) => node.type.startsWith('Input.')).map((node) => node.id);
      expect(ids).toEqual(['kind', 'dates', 'date', 'from', 'to', 'length', 'buffer', 'place', 'repeatWeeks']);

      const [summary] = await ahmed.press(submitInputs(form, 'Lägg upp', ahmedsConsultations));
      expect(visibleText(summary)).toContain('Klart! Jag har lagt upp 2 tider för konsultation hos Mottagningssektion Södra:');
      expect(visibleText(summary)).toContain('- tisdag 10 mars kl. 13.00–13.45, 14.00–14.45');
    });

    it('repeats weekly and says which days it skipped, and why', async () => {
      const [form] = await ahmed.send('lägg upp tider');
      const [summary] = await ahmed.press(submitInputs(form, 'Lägg upp', { ...ahmedsConsultations, date: '2026-04-03', repeatWeeks: '2', to: '14:00' }));
      // Friday 3 April is långfredagen; Friday 10 April is a workday.
      expect(visibleText(summary)).toContain('Jag har lagt upp 1 tid');
      expect(visibleText(summary)).toContain('fredag 10 april kl. 13.00–13.45');
      expect(visibleText(summary)).toContain('Hoppade över 1:\n- fredag 3 april kl. 13.00–13.45 – helg eller helgdag');
    });
  });

  describe('when Ahmed posts Tuesday and Thursday 13–15 on Friday morning, as in his journey', () => {
    it('takes one form and one submit, and confirms all four times by day', async () => {
      const [form] = await ahmed.send('lägg upp tider');
      expect(offeredDays(form).slice(0, 6)).toEqual(['fre 6 mars', 'mån 9 mars', 'tis 10 mars', 'ons 11 mars', 'tors 12 mars', 'fre 13 mars']);
      const [summary, ...more] = await ahmed.press(submitInputs(form, 'Lägg upp', { ...ahmedsConsultations, date: '', dates: '2026-03-10,2026-03-12' }));
      expect(more).toEqual([]);
      expect(visibleText(summary)).toContain(
        'Klart! Jag har lagt upp 4 tider för konsultation hos Mottagningssektion Södra:\n- tisdag 10 mars kl. 13.00–13.45, 14.00–14.45\n- torsdag 12 mars kl. 13.00–13.45, 14.00–14.45',
      );
      const [list] = await ahmed.send('mina tider');
      expect(visibleText(list)).toContain('torsdag 12 mars kl. 14.00–14.45 – konsultation, ledig');
    });
  });

  describe('when the form opens on a day nobody works', () => {
    it('offers Monday first on a Saturday, never the weekend', async () => {
      harness.setNow(stockholm(2026, 12, 5, 10, 0)); // Saturday 5 December 2026
      const [form] = await ahmed.send('lägg upp tider');
      expect(offeredDays(form)[0]).toBe('mån 7 dec');
      expect(offeredDays(form).some((day) => /^(lör|sön) /.test(day))).toBe(false);
      expect(cardNodes(cardOf(form)!).find((node) => node.id === 'date')).toMatchObject({ min: '2026-12-07', value: '' });
    });

    it('offers the next working day on a Friday evening, and leaves out Kristi himmelsfärdsdag', async () => {
      harness.setNow(stockholm(2026, 5, 8, 18, 30)); // Friday 8 May 2026, after hours
      const [form] = await ahmed.send('lägg upp tider');
      expect(offeredDays(form).slice(0, 5)).toEqual(['mån 11 maj', 'tis 12 maj', 'ons 13 maj', 'fre 15 maj', 'mån 18 maj']);
    });
  });

  describe('when the form breaks a rule', () => {
    it('shows the form again with what to fix, keeping what he wrote', async () => {
      const [form] = await ahmed.send('lägg upp tider');
      const [again] = await ahmed.press(submitInputs(form, 'Lägg upp', { ...ahmedsConsultations, kind: 'anmalningsmote', from: '15:00', to: '13:00' }));
      const text = visibleText(again);
      expect(text).toContain('Sluttiden måste vara senare än starttiden.');
      expect(text).toContain('Skriv var anmälningsmöten kan hållas hos er');
      const kind = cardNodes(cardOf(again)!).find((node) => node.id === 'kind');
      expect(kind?.value).toBe('anmalningsmote');

      const [summary] = await ahmed.press(submitInputs(again, 'Lägg upp', { ...ahmedsConsultations, kind: 'anmalningsmote', place: 'Mottagningen Södra, rum 2' }));
      expect(visibleText(summary)).toContain('lagt upp 2 tider för anmälningsmöte');
    });

    it('refuses times that collide with his earlier ones, posts nothing and keeps the form as he filled it', async () => {
      await postOnce(ahmed, ahmedsConsultations);
      const [form] = await ahmed.send('lägg upp tider');
      const [again] = await ahmed.press(submitInputs(form, 'Lägg upp', { ...ahmedsConsultations, date: '', dates: '2026-03-10,2026-03-12' }));
      const text = visibleText(again);
      expect(text).toContain('- tisdag 10 mars kl. 13.00–13.45 krockar med en tid du redan har lagt upp (eller ligger närmare den än mellanrummet).');
      expect(text).toContain('- tisdag 10 mars kl. 14.00–14.45 krockar med en tid du redan har lagt upp');
      expect(text).not.toContain('torsdag 12 mars kl.');
      const dates = cardNodes(cardOf(again)!).find((node) => node.id === 'dates');
      expect(dates?.value).toBe('2026-03-10,2026-03-12');
      const [list] = await ahmed.send('mina tider');
      expect(visibleText(list)).not.toContain('torsdag 12 mars');
    });

    it('refuses times that have passed or are too near, saying which', async () => {
      const [form] = await ahmed.send('lägg upp tider');
      const [again] = await ahmed.press(submitInputs(form, 'Lägg upp', { ...ahmedsConsultations, date: '', dates: '2026-03-06', from: '08:00', to: '11:00' }));
      const text = visibleText(again);
      expect(text).toContain('- fredag 6 mars kl. 08.00–08.45 har redan varit.');
      expect(text).toContain('- fredag 6 mars kl. 10.00–10.45 ligger för nära inpå för att någon ska hinna boka den.');
      expect(cardNodes(cardOf(again)!).find((node) => node.id === 'from')?.value).toBe('08:00');
    });

    it('asks for a day when none is ticked and no date given', async () => {
      const [form] = await ahmed.send('lägg upp tider');
      const [again] = await ahmed.press(submitInputs(form, 'Lägg upp', { ...ahmedsConsultations, date: '', dates: '' }));
      expect(visibleText(again)).toContain('Välj minst en dag, eller ett annat datum.');
    });
  });

  describe('when Ahmed looks at and removes his times', () => {
    it('lists them and removes a free one after asking', async () => {
      const [form] = await ahmed.send('lägg upp tider');
      await ahmed.press(submitInputs(form, 'Lägg upp', ahmedsConsultations));
      const [list] = await ahmed.send('mina tider');
      expect(visibleText(list)).toContain('tisdag 10 mars kl. 13.00–13.45 – konsultation, ledig');
      const [question] = await ahmed.press(buttonData(list, 'Ta bort'));
      const [done] = await ahmed.press(buttonData(question, 'Ja, ta bort'));
      expect(done?.text).toBe('Borttagen: tisdag 10 mars kl. 13.00–13.45.');
      const [after] = await ahmed.send('mina tider');
      expect(visibleText(after)).not.toContain('13.00–13.45');
    });

    it('does not let a colleague remove them', async () => {
      const [form] = await ahmed.send('lägg upp tider');
      await ahmed.press(submitInputs(form, 'Lägg upp', ahmedsConsultations));
      const [list] = await ahmed.send('mina tider');
      const [reply] = await harness.chat(people.sara).press(buttonData(list, 'Ta bort'));
      expect(reply?.text).toBe('Den tiden är inte din, så du kan inte ställa in den.');
    });
  });

  describe('when someone who is not socialsekreterare asks for "mina tider"', () => {
    it('says who posts times, and shows their own bookings on "mina bokningar"', async () => {
      const [reply] = await harness.chat(people.maria).send('mina tider');
      expect(reply?.text).toContain('Tider läggs upp av socialsekreterarna');
      const [bookings] = await harness.chat(people.maria).send('mina bokningar');
      expect(visibleText(bookings)).toContain('Du har inga kommande bokningar.');
    });
  });
});
