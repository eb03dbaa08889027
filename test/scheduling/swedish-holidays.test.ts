import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  eveIdFromName,
  formatCalendarDate,
  isoWeekdayOf,
  swedishHolidays,
  swedishHolidaysOn,
  type SwedishHoliday,
} from '../../scheduling/index.js';

function byName(year: number): Map<string, SwedishHoliday> {
  return new Map(swedishHolidays(year).map((holiday) => [holiday.name, holiday]));
}

function dateOf(year: number, name: string): string {
  const holiday = byName(year).get(name);
  if (holiday === undefined) throw new Error(`no ${name} in ${year}`);
  return formatCalendarDate(holiday.date);
}

describe('swedish-holidays', () => {
  describe('when computing Easter Sunday', () => {
    it.each([
      [2008, '2008-03-23'],
      [2019, '2019-04-21'],
      [2024, '2024-03-31'],
      [2025, '2025-04-20'],
      [2026, '2026-04-05'],
      [2027, '2027-03-28'],
      [2038, '2038-04-25'],
      [2285, '2285-03-22'],
    ])('gives the right date for %i', (year, expected) => {
      expect(formatCalendarDate(easterSunday(year))).toBe(expected);
    });
  });

  describe('when listing the holidays of 2026', () => {
    it('gives every public holiday and eve with its Swedish name, in date order', () => {
      const listed = swedishHolidays(2026).map((holiday) => [formatCalendarDate(holiday.date), holiday.name, holiday.kind]);
      expect(listed).toEqual([
        ['2026-01-01', 'nyårsdagen', 'public-holiday'],
        ['2026-01-06', 'trettondedag jul', 'public-holiday'],
        ['2026-04-03', 'långfredagen', 'public-holiday'],
        ['2026-04-04', 'påskafton', 'eve'],
        ['2026-04-05', 'påskdagen', 'public-holiday'],
        ['2026-04-06', 'annandag påsk', 'public-holiday'],
        ['2026-05-01', 'första maj', 'public-holiday'],
        ['2026-05-14', 'Kristi himmelsfärdsdag', 'public-holiday'],
        ['2026-05-24', 'pingstdagen', 'public-holiday'],
        ['2026-06-06', 'nationaldagen', 'public-holiday'],
        ['2026-06-19', 'midsommarafton', 'eve'],
        ['2026-06-20', 'midsommardagen', 'public-holiday'],
        ['2026-10-31', 'alla helgons dag', 'public-holiday'],
        ['2026-12-24', 'julafton', 'eve'],
        ['2026-12-25', 'juldagen', 'public-holiday'],
        ['2026-12-26', 'annandag jul', 'public-holiday'],
        ['2026-12-31', 'nyårsafton', 'eve'],
      ]);
    });
  });

  describe('when a holiday moves with the year', () => {
    it('puts midsommar and alla helgons dag on the right dates in 2025', () => {
      expect(dateOf(2025, 'midsommarafton')).toBe('2025-06-20');
      expect(dateOf(2025, 'midsommardagen')).toBe('2025-06-21');
      expect(dateOf(2025, 'alla helgons dag')).toBe('2025-11-01');
      expect(dateOf(2025, 'Kristi himmelsfärdsdag')).toBe('2025-05-29');
    });

    it('keeps every movable holiday on its weekday and within its window, 1900–2200', () => {
      for (let year = 1900; year <= 2200; year += 1) {
        const holidays = byName(year);
        const check = (name: string, weekday: number, from: string, to: string): void => {
          const holiday = holidays.get(name);
          expect(holiday, `${name} ${year}`).toBeDefined();
          if (holiday === undefined) return;
          const date = formatCalendarDate(holiday.date);
          expect(isoWeekdayOf(holiday.date), `${name} ${year}`).toBe(weekday);
          expect(date >= `${year}-${from}` && date <= `${year}-${to}`, `${name} ${date}`).toBe(true);
        };
        check('midsommarafton', 5, '06-19', '06-25');
        check('midsommardagen', 6, '06-20', '06-26');
        check('alla helgons dag', 6, '10-31', '11-06');
        check('långfredagen', 5, '03-20', '04-23');
        check('påskafton', 6, '03-21', '04-24');
        check('påskdagen', 7, '03-22', '04-25');
        check('annandag påsk', 1, '03-23', '04-26');
        check('Kristi himmelsfärdsdag', 4, '04-30', '06-03');
        check('pingstdagen', 7, '05-10', '06-13');
      }
    });
  });

  describe('when looking up a date', () => {
    it('finds both holidays when första maj is also Kristi himmelsfärdsdag (2008)', () => {
      const names = swedishHolidaysOn({ year: 2008, month: 5, day: 1 }).map((holiday) => holiday.name);
      expect(names.sort()).toEqual(['Kristi himmelsfärdsdag', 'första maj']);
    });

    it('finds nothing on an ordinary day', () => {
      expect(swedishHolidaysOn({ year: 2026, month: 3, day: 30 })).toEqual([]);
    });

    it('marks the eves as eves, not public holidays', () => {
      const [julafton] = swedishHolidaysOn({ year: 2026, month: 12, day: 24 });
      expect(julafton).toMatchObject({ kind: 'eve', id: 'julafton', name: 'julafton' });
    });
  });

  describe('when config names an eve', () => {
    it.each([
      ['nyårsafton', 'nyarsafton'],
      ['Nyårsafton', 'nyarsafton'],
      ['nyarsafton', 'nyarsafton'],
      ['Midsommarafton', 'midsommarafton'],
      ['påskafton', 'paskafton'],
      [' julafton ', 'julafton'],
    ])('reads %j as %s', (name, id) => {
      expect(eveIdFromName(name)).toBe(id);
    });

    it('does not accept an eve it does not know', () => {
      expect(eveIdFromName('valborgsmässoafton')).toBeUndefined();
      expect(eveIdFromName('juldagen')).toBeUndefined();
    });
  });

  describe('when the year is outside the Gregorian calendar', () => {
    it('refuses it', () => {
      expect(() => swedishHolidays(1500)).toThrow(RangeError);
      expect(() => swedishHolidays(2026.5)).toThrow(RangeError);
    });
  });
});
