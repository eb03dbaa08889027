import { describe, expect, it } from 'vitest';
import { fixedClock, instantAt, TimezoneError, wallClockIn } from '../../scheduling/index.js';

const stockholm = 'Europe/Stockholm';

describe('clock', () => {
  describe('when reading the wall clock in Stockholm', () => {
    it('gives winter and summer local time for the same UTC hour', () => {
      expect(wallClockIn(new Date('2026-01-15T07:30:00Z'), stockholm)).toMatchObject({ hour: 8, minute: 30, isoWeekday: 4 });
      expect(wallClockIn(new Date('2026-07-15T07:30:00Z'), stockholm)).toMatchObject({ hour: 9, minute: 30, isoWeekday: 3 });
    });

    it('gives midnight as hour 0, not 24', () => {
      expect(wallClockIn(new Date('2026-01-14T23:00:00Z'), stockholm)).toMatchObject({ day: 15, hour: 0 });
    });
  });

  describe('when turning a wall-clock time into an instant', () => {
    it('uses the offset in force on that date', () => {
      expect(instantAt({ year: 2026, month: 3, day: 30 }, 8, 30, stockholm).toISOString()).toBe('2026-03-30T06:30:00.000Z');
      expect(instantAt({ year: 2026, month: 3, day: 27 }, 8, 30, stockholm).toISOString()).toBe('2026-03-27T07:30:00.000Z');
    });

    it('moves a time skipped in spring past the gap', () => {
      expect(instantAt({ year: 2026, month: 3, day: 29 }, 2, 30, stockholm).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    });

    it('takes the first of a time repeated in autumn', () => {
      expect(instantAt({ year: 2026, month: 10, day: 25 }, 2, 30, stockholm).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    });
  });

  describe('when the timezone is unknown', () => {
    it('throws a coded error', () => {
      expect(() => wallClockIn(new Date(), 'Europe/Stokholm')).toThrow(TimezoneError);
    });
  });

  describe('when a fixed clock is used', () => {
    it('always gives the instant it was set to, as a fresh Date', () => {
      const clock = fixedClock(new Date('2025-11-24T11:30:00Z'));
      const first = clock.now();
      first.setFullYear(2000);
      expect(clock.now().toISOString()).toBe('2025-11-24T11:30:00.000Z');
    });
  });
});
