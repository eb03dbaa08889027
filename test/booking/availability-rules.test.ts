import { describe, expect, it } from 'vitest';
import {
  bookingWindow,
  dayBeforeReminderAt,
  DEFAULT_BOOKING_RULES,
  firstPostableDay,
  workingDaysFrom,
  isReminderDayFor,
  parseCalendarDate,
  parseWallTime,
  planAvailability,
  validateAvailabilityRequest,
  type AvailabilityRequest,
  type PlannedSlot,
} from '../../booking/availability-rules.js';
import { instantAt, wallClockIn } from '../../scheduling/clock.js';

const stockholm = 'Europe/Stockholm';
/** Friday 6 March 2026, 09.00 in Stockholm: Ahmed posts next week's times. */
const fridayMorning = instantAt({ year: 2026, month: 3, day: 6 }, 9, 0, stockholm);

const ahmedsTuesday: AvailabilityRequest = {
  kind: 'konsultation',
  date: { year: 2026, month: 3, day: 10 },
  from: { hour: 13, minute: 0 },
  to: { hour: 15, minute: 0 },
  slotLengthMinutes: 45,
  bufferMinutes: 15,
  repeatWeeks: 1,
};

function localTimes(slots: readonly { start: Date; end: Date }[]): string[] {
  const hhmm = (instant: Date): string => {
    const wall = wallClockIn(instant, stockholm);
    return `${wall.month}-${wall.day} ${String(wall.hour).padStart(2, '0')}.${String(wall.minute).padStart(2, '0')}`;
  };
  return slots.map((slot) => `${hhmm(slot.start)}–${hhmm(slot.end).split(' ')[1]}`);
}

function planned(request: AvailabilityRequest, existing: readonly { start: Date; end: Date }[] = [], now = fridayMorning) {
  const plan = planAvailability(request, existing, now);
  if (!plan.ok) throw new Error(`expected a plan, got ${plan.problems.join(', ')}`);
  return plan;
}

describe('availability rules', () => {
  describe('when a socialsekreterare posts 13–15 in 45-minute slots with 15 minutes between', () => {
    it('gives 13.00–13.45 and 14.00–14.45, and nothing that would run past 15.00', () => {
      expect(localTimes(planned(ahmedsTuesday).slots)).toEqual(['3-10 13.00–13.45', '3-10 14.00–14.45']);
    });

    it('cuts 30-minute slots without a buffer back to back', () => {
      const plan = planned({ ...ahmedsTuesday, slotLengthMinutes: 30, bufferMinutes: 0 });
      expect(localTimes(plan.slots)).toEqual(['3-10 13.00–13.30', '3-10 13.30–14.00', '3-10 14.00–14.30', '3-10 14.30–15.00']);
    });
  });

  describe('when the times repeat weekly over the change to summer time', () => {
    it('keeps 13.00 on the wall clock every week, which moves the UTC hour', () => {
      const plan = planned({ ...ahmedsTuesday, date: { year: 2026, month: 3, day: 24 }, repeatWeeks: 2 });
      expect(localTimes(plan.slots)).toEqual(['3-24 13.00–13.45', '3-24 14.00–14.45', '3-31 13.00–13.45', '3-31 14.00–14.45']);
      expect(plan.slots[0]?.start.toISOString()).toBe('2026-03-24T12:00:00.000Z');
      expect(plan.slots[2]?.start.toISOString()).toBe('2026-03-31T11:00:00.000Z');
    });
  });

  describe('when a repeat lands on a closed day', () => {
    it('skips midsommarafton and keeps the weeks around it', () => {
      // Friday 12 June 2026, then midsommarafton 19 June, then 26 June.
      const plan = planned({ ...ahmedsTuesday, date: { year: 2026, month: 6, day: 12 }, repeatWeeks: 3 }, [], instantAt({ year: 2026, month: 6, day: 1 }, 9, 0, stockholm));
      expect(localTimes(plan.slots).map((time) => time.split(' ')[0])).toEqual(['6-12', '6-12', '6-26', '6-26']);
      expect(plan.skipped.map((slot) => slot.reason)).toEqual(['closed-day', 'closed-day']);
    });

    it('skips a Saturday picked by mistake', () => {
      const plan = planned({ ...ahmedsTuesday, date: { year: 2026, month: 3, day: 14 } });
      expect(plan.slots).toEqual([]);
      expect(plan.skipped.every((slot) => slot.reason === 'closed-day')).toBe(true);
    });
  });

  describe('when some slots lie in the past, too close, or too far ahead', () => {
    it('leaves out the past ones and those within the lead time, and says why', () => {
      // Tuesday 10 March at 12.30: 9.00–12.00 have started, 13.00 and 14.00 are within the two-hour lead time.
      const now = instantAt({ year: 2026, month: 3, day: 10 }, 12, 30, stockholm);
      const plan = planned({ ...ahmedsTuesday, from: { hour: 9, minute: 0 }, to: { hour: 16, minute: 0 }, slotLengthMinutes: 60, bufferMinutes: 0 }, [], now);
      expect(localTimes(plan.slots)).toEqual(['3-10 15.00–16.00']);
      expect(plan.skipped.map((slot) => slot.reason)).toEqual(['past', 'past', 'past', 'past', 'lead-time', 'lead-time']);
    });

    it('leaves out weeks beyond the horizon', () => {
      // 90 days after Friday 6 March 09.00 is Thursday 4 June 09.00.
      const plan = planned({ ...ahmedsTuesday, date: { year: 2026, month: 5, day: 26 }, repeatWeeks: 4 });
      expect(localTimes(plan.slots).map((time) => time.split(' ')[0])).toEqual(['5-26', '5-26', '6-2', '6-2']);
      expect(plan.skipped.map((slot) => slot.reason)).toEqual(Array(4).fill('beyond-horizon'));
    });
  });

  describe('when the person already has slots that day', () => {
    it('leaves out new slots that would overlap or come within the buffer', () => {
      const existing = [{ start: instantAt({ year: 2026, month: 3, day: 10 }, 13, 30, stockholm), end: instantAt({ year: 2026, month: 3, day: 10 }, 14, 0, stockholm) }];
      const plan = planned(ahmedsTuesday, existing);
      expect(plan.slots).toEqual([]);
      expect(plan.skipped.map((slot) => slot.reason)).toEqual(['overlap', 'overlap']);
    });

    it('keeps a new slot that ends exactly a buffer before an existing one', () => {
      const existing = [{ start: instantAt({ year: 2026, month: 3, day: 10 }, 15, 0, stockholm), end: instantAt({ year: 2026, month: 3, day: 10 }, 16, 0, stockholm) }];
      const plan = planned({ ...ahmedsTuesday, to: { hour: 14, minute: 45 } }, existing);
      expect(localTimes(plan.slots)).toEqual(['3-10 13.00–13.45', '3-10 14.00–14.45']);
    });

    it('never produces two overlapping slots from one request', () => {
      const plan = planned({ ...ahmedsTuesday, from: { hour: 8, minute: 0 }, to: { hour: 17, minute: 0 }, slotLengthMinutes: 90, bufferMinutes: 15, repeatWeeks: 3 });
      const sorted = [...plan.slots].sort((a, b) => a.start.getTime() - b.start.getTime());
      sorted.slice(1).forEach((slot: PlannedSlot, i) => expect(slot.start.getTime()).toBeGreaterThanOrEqual((sorted[i]?.end.getTime() ?? 0) + 15 * 60_000));
    });
  });

  describe('when the request breaks a rule', () => {
    it('names every problem at once', () => {
      const problems = validateAvailabilityRequest({
        kind: 'anmalningsmote',
        date: { year: 2026, month: 3, day: 10 },
        from: { hour: 15, minute: 10 },
        to: { hour: 13, minute: 0 },
        slotLengthMinutes: 50,
        repeatWeeks: 13,
      });
      expect(problems).toEqual(['window-reversed', 'off-interval', 'length-not-allowed', 'repeat-out-of-range', 'place-missing']);
    });

    it('refuses a window that does not fit one slot, and hours outside the working day', () => {
      expect(validateAvailabilityRequest({ ...ahmedsTuesday, to: { hour: 13, minute: 30 } })).toEqual(['window-too-short']);
      expect(validateAvailabilityRequest({ ...ahmedsTuesday, from: { hour: 6, minute: 0 } })).toEqual(['outside-day']);
    });

    it('needs a place for an anmälningsmöte but not for a konsultation', () => {
      expect(validateAvailabilityRequest({ ...ahmedsTuesday, kind: 'anmalningsmote', place: '  ' })).toEqual(['place-missing']);
      expect(validateAvailabilityRequest({ ...ahmedsTuesday, kind: 'anmalningsmote', place: 'Mottagningen Norr, rum 2' })).toEqual([]);
      expect(validateAvailabilityRequest({ ...ahmedsTuesday, kind: 'anmalningsmote', place: 'x'.repeat(81) })).toEqual(['place-too-long']);
    });

    it('posts nothing', () => {
      expect(planAvailability({ ...ahmedsTuesday, slotLengthMinutes: 50 }, [], fridayMorning)).toEqual({ ok: false, problems: ['length-not-allowed'] });
    });
  });

  describe('when several days share one window', () => {
    it('cuts Tuesday and Thursday 13–15 into four slots in date order, repeated weekly', () => {
      const thursday = { year: 2026, month: 3, day: 12 };
      const plan = planned({ ...ahmedsTuesday, moreDates: [thursday], repeatWeeks: 2 });
      expect(localTimes(plan.slots)).toEqual([
        '3-10 13.00–13.45', '3-10 14.00–14.45', '3-12 13.00–13.45', '3-12 14.00–14.45',
        '3-17 13.00–13.45', '3-17 14.00–14.45', '3-19 13.00–13.45', '3-19 14.00–14.45',
      ]);
    });

    it('counts a date named twice once', () => {
      expect(planned({ ...ahmedsTuesday, moreDates: [ahmedsTuesday.date] }).slots).toHaveLength(2);
    });
  });

  describe('when the request is all or nothing', () => {
    it('posts nothing and names the slots that collide or have passed', () => {
      const existing = [{ start: instantAt({ year: 2026, month: 3, day: 12 }, 13, 0, stockholm), end: instantAt({ year: 2026, month: 3, day: 12 }, 13, 45, stockholm) }];
      const plan = planAvailability({ ...ahmedsTuesday, moreDates: [{ year: 2026, month: 3, day: 12 }], allOrNothing: true }, existing, fridayMorning);
      expect(plan.ok).toBe(false);
      expect(!plan.ok && plan.conflicts?.map((slot) => [localTimes([slot])[0], slot.reason])).toEqual([['3-12 13.00–13.45', 'overlap']]);
    });

    it('still leaves out a holiday in a repeated week, since the other weeks are what was asked for', () => {
      // Thursday 7 May repeated: 14 May is Kristi himmelsfärdsdag.
      const plan = planAvailability({ ...ahmedsTuesday, date: { year: 2026, month: 5, day: 7 }, repeatWeeks: 3, allOrNothing: true }, [], fridayMorning);
      expect(plan.ok && plan.skipped.map((slot) => slot.reason)).toEqual(['closed-day', 'closed-day']);
    });

    it('refuses a request that would post nothing at all', () => {
      const plan = planAvailability({ ...ahmedsTuesday, date: { year: 2026, month: 6, day: 19 }, allOrNothing: true }, [], instantAt({ year: 2026, month: 6, day: 1 }, 9, 0, stockholm)); // midsommarafton
      expect(!plan.ok && plan.conflicts?.map((slot) => slot.reason)).toEqual(['closed-day', 'closed-day']);
    });
  });

  describe('when the posting form opens', () => {
    it('offers today while a slot still fits, else the next working day', () => {
      expect(firstPostableDay(fridayMorning)).toEqual({ year: 2026, month: 3, day: 6 });
      expect(firstPostableDay(instantAt({ year: 2026, month: 3, day: 6 }, 17, 0, stockholm))).toEqual({ year: 2026, month: 3, day: 9 });
      expect(firstPostableDay(instantAt({ year: 2026, month: 3, day: 7 }, 9, 0, stockholm))).toEqual({ year: 2026, month: 3, day: 9 });
      expect(firstPostableDay(instantAt({ year: 2026, month: 6, day: 18 }, 18, 0, stockholm))).toEqual({ year: 2026, month: 6, day: 22 }); // past midsommarafton
    });

    it('lists working days only', () => {
      const days = workingDaysFrom({ year: 2026, month: 5, day: 11 }, 5).map((day) => day.day);
      expect(days).toEqual([11, 12, 13, 15, 18]);
    });
  });

  describe('when booking', () => {
    it('opens the window after the lead time and closes it 14 days ahead', () => {
      const window = bookingWindow(fridayMorning, 14);
      expect(window.from.getTime() - fridayMorning.getTime()).toBe(DEFAULT_BOOKING_RULES.minimumLeadTimeMinutes * 60_000);
      expect(window.to.getTime() - fridayMorning.getTime()).toBe(14 * 86_400_000);
    });

    it('reminds at 09.00 the day before, and not at all when that has passed', () => {
      const meeting = instantAt({ year: 2026, month: 3, day: 10 }, 10, 0, stockholm);
      expect(dayBeforeReminderAt(meeting, fridayMorning)?.toISOString()).toBe('2026-03-09T08:00:00.000Z');
      expect(dayBeforeReminderAt(meeting, instantAt({ year: 2026, month: 3, day: 9 }, 15, 0, stockholm))).toBeUndefined();
    });

    it('tells the reminder day by the Stockholm calendar, also just after midnight UTC', () => {
      const lateMonday = new Date('2026-03-09T23:30:00Z'); // Tuesday 00.30 in Stockholm
      expect(isReminderDayFor(instantAt({ year: 2026, month: 3, day: 11 }, 10, 0, stockholm), lateMonday)).toBe(true);
      expect(isReminderDayFor(instantAt({ year: 2026, month: 3, day: 10 }, 10, 0, stockholm), lateMonday)).toBe(false);
    });

    it('reminds of a Monday meeting on the Friday before, not on Sunday', () => {
      const monday = instantAt({ year: 2026, month: 3, day: 16 }, 10, 0, stockholm);
      expect(dayBeforeReminderAt(monday, fridayMorning)?.toISOString()).toBe('2026-03-13T08:00:00.000Z');
      expect(isReminderDayFor(monday, instantAt({ year: 2026, month: 3, day: 13 }, 9, 0, stockholm))).toBe(true);
      expect(isReminderDayFor(monday, instantAt({ year: 2026, month: 3, day: 15 }, 9, 0, stockholm))).toBe(false);
    });

    it('skips Kristi himmelsfärdsdag and midsommarafton when reminding', () => {
      // Friday 15 May 2026 follows Kristi himmelsfärdsdag (Thursday 14 May): remind on Wednesday 13 May.
      const afterAscension = instantAt({ year: 2026, month: 5, day: 15 }, 10, 0, stockholm);
      expect(dayBeforeReminderAt(afterAscension, fridayMorning)?.toISOString()).toBe('2026-05-13T07:00:00.000Z');
      // Monday 22 June 2026 follows midsommarafton (Friday 19 June): remind on Thursday 18 June.
      const afterMidsummer = instantAt({ year: 2026, month: 6, day: 22 }, 10, 0, stockholm);
      expect(dayBeforeReminderAt(afterMidsummer, fridayMorning)?.toISOString()).toBe('2026-06-18T07:00:00.000Z');
    });
  });

  describe('when reading form input', () => {
    it('reads times with colon, dot or neither, and real dates only', () => {
      expect(parseWallTime('13:00')).toEqual({ hour: 13, minute: 0 });
      expect(parseWallTime('9.30')).toEqual({ hour: 9, minute: 30 });
      expect(parseWallTime('1545')).toEqual({ hour: 15, minute: 45 });
      expect(parseWallTime('25:00')).toBeUndefined();
      expect(parseCalendarDate('2026-03-10')).toEqual({ year: 2026, month: 3, day: 10 });
      expect(parseCalendarDate('2026-02-30')).toBeUndefined();
      expect(parseCalendarDate('10/3')).toBeUndefined();
    });
  });
});
