/** The source of "now"; injected everywhere so tests can set the time. */
export type Clock = { now(): Date };

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (for tests and for replaying a decision). */
export function fixedClock(instant: Date): Clock {
  const time = instant.getTime();
  return { now: () => new Date(time) };
}

/** A date on the wall calendar, without a time of day or a timezone. `month` is 1–12. */
export type CalendarDate = { year: number; month: number; day: number };

/** What a wall clock in some timezone shows at an instant. `isoWeekday` is 1 = Monday … 7 = Sunday. */
export type WallClockTime = CalendarDate & {
  hour: number;
  minute: number;
  second: number;
  isoWeekday: number;
};

/** Thrown when a timezone name is not one the runtime knows (e.g. a typo in a config file). */
export class TimezoneError extends Error {
  readonly code = 'TIMEZONE_INVALID';
  constructor(readonly timezone: string, options?: { cause?: unknown }) {
    super(`Unknown timezone: ${timezone}`, options);
    this.name = 'TimezoneError';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      throw new TimezoneError(timezone, { cause: error });
    }
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the timezone name. */
export function isKnownTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timezone` at `instant` (daylight saving included). */
export function wallClockIn(instant: Date, timezone: string): WallClockTime {
  const parts = formatterFor(timezone).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((candidate) => candidate.type === type);
    return part === undefined ? 0 : Number(part.value);
  };
  const date = { year: field('year'), month: field('month'), day: field('day') };
  return {
    ...date,
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
    isoWeekday: isoWeekdayOf(date),
  };
}

/** How far the wall clock in `timezone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timezone: string): number {
  const wall = wallClockIn(instant, timezone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timezone` shows `date` at `hour:minute`.
 * A time skipped by the spring-forward change is read with the offset before the change
 * (02.30 becomes 03.30 summer time); a time that occurs twice in autumn resolves to the first.
 */
export function instantAt(date: CalendarDate, hour: number, minute: number, timezone: string): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Try the offsets in force a little before and after; the earlier one wins when both fit.
  const offsetBefore = offsetAt(new Date(wallAsUtc - 12 * 3_600_000), timezone);
  const offsetAfter = offsetAt(new Date(wallAsUtc + 12 * 3_600_000), timezone);
  for (const offset of [offsetBefore, offsetAfter]) {
    const candidate = new Date(wallAsUtc - offset);
    if (offsetAt(candidate, timezone) === offset) return candidate;
  }
  return new Date(wallAsUtc - offsetBefore);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekdayOf(date: CalendarDate): number {
  const sundayBased = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return sundayBased === 0 ? 7 : sundayBased;
}

/** The calendar date `days` days after (or before, when negative) `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The date as `YYYY-MM-DD`. */
export function formatCalendarDate(date: CalendarDate): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

/** True when both are the same calendar date. */
export function isSameCalendarDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
