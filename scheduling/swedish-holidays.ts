import { addDays, formatCalendarDate, isoWeekdayOf, type CalendarDate } from './clock.js';

/** Stable ids of the Swedish public holidays (allmänna helgdagar) that can fall on a weekday or a Sunday. */
export type PublicHolidayId =
  | 'nyarsdagen'
  | 'trettondedag-jul'
  | 'langfredagen'
  | 'paskdagen'
  | 'annandag-pask'
  | 'forsta-maj'
  | 'kristi-himmelsfardsdag'
  | 'pingstdagen'
  | 'nationaldagen'
  | 'midsommardagen'
  | 'alla-helgons-dag'
  | 'juldagen'
  | 'annandag-jul';

/** Stable ids of the eves (aftnar) a workplace may close on; they are not public holidays by law. */
export type EveId = 'paskafton' | 'midsommarafton' | 'julafton' | 'nyarsafton';

/** Every eve id this module knows, for validating config. */
export const EVE_IDS: readonly EveId[] = ['paskafton', 'midsommarafton', 'julafton', 'nyarsafton'];

/** One holiday or eve on one date, with its Swedish name as users write it. */
export type SwedishHoliday =
  | { kind: 'public-holiday'; id: PublicHolidayId; name: string; date: CalendarDate }
  | { kind: 'eve'; id: EveId; name: string; date: CalendarDate };

/** The Swedish name of each holiday and eve. */
export const SWEDISH_HOLIDAY_NAMES: Readonly<Record<PublicHolidayId | EveId, string>> = {
  nyarsdagen: 'nyårsdagen',
  'trettondedag-jul': 'trettondedag jul',
  langfredagen: 'långfredagen',
  paskafton: 'påskafton',
  paskdagen: 'påskdagen',
  'annandag-pask': 'annandag påsk',
  'forsta-maj': 'första maj',
  'kristi-himmelsfardsdag': 'Kristi himmelsfärdsdag',
  pingstdagen: 'pingstdagen',
  nationaldagen: 'nationaldagen',
  midsommarafton: 'midsommarafton',
  midsommardagen: 'midsommardagen',
  'alla-helgons-dag': 'alla helgons dag',
  julafton: 'julafton',
  juldagen: 'juldagen',
  'annandag-jul': 'annandag jul',
  nyarsafton: 'nyårsafton',
};

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(year: number): CalendarDate {
  assertSupportedYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

const cache = new Map<number, readonly SwedishHoliday[]>();

/**
 * The public holidays of a year under the current law on allmänna helgdagar (in force since 2005:
 * nationaldagen added, annandag pingst removed), plus påskafton, midsommarafton, julafton and
 * nyårsafton as eves. Sorted by date; public holidays before eves on the same date.
 */
export function swedishHolidays(year: number): readonly SwedishHoliday[] {
  const cached = cache.get(year);
  if (cached !== undefined) return cached;
  assertSupportedYear(year);

  const easter = easterSunday(year);
  const midsommardagen = firstSaturdayFrom({ year, month: 6, day: 20 });
  const allaHelgonsDag = firstSaturdayFrom({ year, month: 10, day: 31 });
  const publicHoliday = (id: PublicHolidayId, date: CalendarDate): SwedishHoliday => ({
    kind: 'public-holiday',
    id,
    name: SWEDISH_HOLIDAY_NAMES[id],
    date,
  });
  const eve = (id: EveId, date: CalendarDate): SwedishHoliday => ({
    kind: 'eve',
    id,
    name: SWEDISH_HOLIDAY_NAMES[id],
    date,
  });

  const holidays = [
    publicHoliday('nyarsdagen', { year, month: 1, day: 1 }),
    publicHoliday('trettondedag-jul', { year, month: 1, day: 6 }),
    publicHoliday('langfredagen', addDays(easter, -2)),
    eve('paskafton', addDays(easter, -1)),
    publicHoliday('paskdagen', easter),
    publicHoliday('annandag-pask', addDays(easter, 1)),
    publicHoliday('forsta-maj', { year, month: 5, day: 1 }),
    publicHoliday('kristi-himmelsfardsdag', addDays(easter, 39)),
    publicHoliday('pingstdagen', addDays(easter, 49)),
    publicHoliday('nationaldagen', { year, month: 6, day: 6 }),
    eve('midsommarafton', addDays(midsommardagen, -1)),
    publicHoliday('midsommardagen', midsommardagen),
    publicHoliday('alla-helgons-dag', allaHelgonsDag),
    eve('julafton', { year, month: 12, day: 24 }),
    publicHoliday('juldagen', { year, month: 12, day: 25 }),
    publicHoliday('annandag-jul', { year, month: 12, day: 26 }),
    eve('nyarsafton', { year, month: 12, day: 31 }),
  ];
  const sortKey = (holiday: SwedishHoliday): string =>
    `${formatCalendarDate(holiday.date)}${holiday.kind === 'public-holiday' ? '0' : '1'}`;
  const sorted = Object.freeze(holidays.sort((x, y) => (sortKey(x) < sortKey(y) ? -1 : 1)));
  cache.set(year, sorted);
  return sorted;
}

/** The holidays and eves on a date (usually none or one; first maj and Kristi himmelsfärdsdag can coincide). */
export function swedishHolidaysOn(date: CalendarDate): readonly SwedishHoliday[] {
  return swedishHolidays(date.year).filter(
    (holiday) =>
      holiday.date.month === date.month && holiday.date.day === date.day,
  );
}

/**
 * The eve id for a name as written in config: the id itself or the Swedish name, any case,
 * with or without å/ä/ö ("nyårsafton", "Nyarsafton", "nyarsafton" all give `nyarsafton`).
 */
export function eveIdFromName(name: string): EveId | undefined {
  const folded = foldSwedish(name).replace(/[\s_-]+/g, '');
  return EVE_IDS.find((id) => id === folded);
}

function foldSwedish(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o');
}

function firstSaturdayFrom(date: CalendarDate): CalendarDate {
  return addDays(date, (6 - isoWeekdayOf(date) + 7) % 7);
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`Year out of the supported Gregorian range 1583–9999: ${year}`);
  }
}
