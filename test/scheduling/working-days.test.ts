import { describe, expect, it } from 'vitest';
import { instantAt } from '../../scheduling/clock.js';
import { isWorkingDay, onWorkingDayOrBefore, workingDayOnOrAfter, workingDayOnOrBefore } from '../../scheduling/working-days.js';

const stockholm = 'Europe/Stockholm';

describe('working days', () => {
  describe('when a date is a weekday without holiday', () => {
    it('is a working day and stays where it is', () => {
      const tuesday = { year: 2026, month: 5, day: 12 };
      expect(isWorkingDay(tuesday)).toBe(true);
      expect(workingDayOnOrBefore(tuesday)).toEqual(tuesday);
      expect(workingDayOnOrAfter(tuesday)).toEqual(tuesday);
    });
  });

  describe('when a date is a weekend, a public holiday or an eve', () => {
    it('moves back to the working day before', () => {
      expect(workingDayOnOrBefore({ year: 2026, month: 5, day: 14 })).toEqual({ year: 2026, month: 5, day: 13 }); // Kristi himmelsfärdsdag
      expect(workingDayOnOrBefore({ year: 2026, month: 6, day: 21 })).toEqual({ year: 2026, month: 6, day: 18 }); // Sunday after midsommarafton
      expect(workingDayOnOrBefore({ year: 2026, month: 12, day: 27 })).toEqual({ year: 2026, month: 12, day: 23 }); // julafton, juldagen, annandag jul, Sunday
    });

    it('moves forward to the next working day', () => {
      expect(workingDayOnOrAfter({ year: 2026, month: 12, day: 5 })).toEqual({ year: 2026, month: 12, day: 7 }); // Saturday → Monday
      expect(workingDayOnOrAfter({ year: 2026, month: 4, day: 3 })).toEqual({ year: 2026, month: 4, day: 7 }); // långfredagen → Tuesday after annandag påsk
    });
  });

  describe('when an instant falls on a closed day', () => {
    it('keeps the wall-clock time on the working day before', () => {
      const saturday = instantAt({ year: 2026, month: 12, day: 19 }, 14, 20, stockholm);
      expect(onWorkingDayOrBefore(saturday, stockholm)).toEqual(instantAt({ year: 2026, month: 12, day: 18 }, 14, 20, stockholm));
      const monday = instantAt({ year: 2026, month: 12, day: 21 }, 14, 20, stockholm);
      expect(onWorkingDayOrBefore(monday, stockholm)).toBe(monday);
    });
  });
});
