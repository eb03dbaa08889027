import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOKING_RULES } from '../../booking/availability-rules.js';
import { dayLabel, postFormOptions, timeRangeLabel, weekContaining, weekLabel } from '../../tab/week-view.js';

describe('week view', () => {
  describe('when a week is named', () => {
    it('gives the ISO week number and the dates in Swedish, across months and years', () => {
      expect(weekLabel({ year: 2026, month: 3, day: 9 })).toBe('Vecka 11 · 9–15 mars 2026');
      expect(weekLabel({ year: 2026, month: 3, day: 30 })).toBe('Vecka 14 · 30 mars – 5 april 2026');
      expect(weekLabel({ year: 2026, month: 12, day: 28 })).toBe('Vecka 53 · 28 december 2026 – 3 januari 2027');
      expect(weekLabel({ year: 2027, month: 1, day: 4 })).toBe('Vecka 1 · 4–10 januari 2027');
    });

    it('names days the way the page shows them', () => {
      expect(dayLabel({ year: 2026, month: 3, day: 10 })).toBe('Tisdag 10 mars');
    });
  });

  describe('when the clocks change to summer time', () => {
    it('starts the week at Monday midnight in Stockholm and keeps wall-clock times', () => {
      const week = weekContaining({ year: 2026, month: 3, day: 29 });

      expect(week.monday).toEqual({ year: 2026, month: 3, day: 23 });
      expect(week.start.toISOString()).toBe('2026-03-22T23:00:00.000Z');
      expect(week.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
      expect(timeRangeLabel(new Date('2026-03-30T11:00:00Z'), new Date('2026-03-30T11:45:00Z'))).toBe('13.00–13.45');
    });
  });

  describe('when a socialsekreterare opens "Lägg upp tider"', () => {
    it('offers weekdays from today, quarter hours within the day, and the rules’ lengths', () => {
      const options = postFormOptions(new Date('2026-03-13T07:00:00Z'), DEFAULT_BOOKING_RULES);

      expect(options.dates.slice(0, 3)).toEqual([
        { value: '2026-03-13', label: 'Fredag 13 mars (idag)' },
        { value: '2026-03-16', label: 'Måndag 16 mars' },
        { value: '2026-03-17', label: 'Tisdag 17 mars' },
      ]);
      expect(options.times[0]).toEqual({ value: '07:00', label: '07.00' });
      expect(options.times.at(-1)).toEqual({ value: '19:00', label: '19.00' });
      expect(options.times).toHaveLength(49);
      expect(options.lengths).toEqual([30, 45, 60, 90, 120]);
      expect(options.buffers).toEqual([0, 15, 30, 45, 60]);
      expect(options.repeatWeeks).toHaveLength(DEFAULT_BOOKING_RULES.maxRepeatWeeks);
    });
  });
});
