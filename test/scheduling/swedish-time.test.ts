import { describe, expect, it } from 'vitest';
import { instantAt } from '../../scheduling/clock.js';
import { calendarDateText, clockText, dateTimeText, monthName, SWEDISH_TIMEZONE, timeSpanText, weekdayName } from '../../scheduling/swedish-time.js';

describe('swedish-time', () => {
  describe('when names are asked for', () => {
    it('gives every weekday and month in Swedish, long and short, without abbreviation dots', () => {
      expect([1, 2, 3, 4, 5, 6, 7].map((day) => weekdayName(day))).toEqual(['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag']);
      expect(weekdayName(1, 'short')).toBe('mån');
      expect(monthName(1)).toBe('januari');
      expect(monthName(3, 'short')).toBe('mars');
      expect(monthName(10, 'short')).toBe('okt');
    });
  });

  describe('when an instant is written', () => {
    it('reads the wall clock in Swedish time, summer and winter', () => {
      const winter = instantAt({ year: 2026, month: 3, day: 10 }, 10, 0, SWEDISH_TIMEZONE);
      const summer = instantAt({ year: 2026, month: 6, day: 16 }, 9, 5, SWEDISH_TIMEZONE);
      expect(timeSpanText(winter, new Date(winter.getTime() + 45 * 60_000))).toBe('tisdag 10 mars kl. 10.00–10.45');
      expect(dateTimeText(summer)).toBe('tisdag 16 juni kl. 09.05');
    });

    it('writes a date with the year only when asked, and a time with a dot', () => {
      expect(calendarDateText({ year: 2027, month: 1, day: 4 }, { withYear: true })).toBe('måndag 4 januari 2027');
      expect(clockText({ hour: 8, minute: 30 })).toBe('08.30');
    });
  });
});
