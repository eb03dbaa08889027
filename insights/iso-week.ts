import { wallClockIn, type CalendarDate } from '../scheduling/clock.js';
import { SWEDISH_TIMEZONE } from '../scheduling/swedish-time.js';

/** An ISO 8601 week, `2026-W11`: the only time an insight event keeps. */
export type IsoWeek = string;

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

// Every counted event asks for the week of "now": the last answer is kept for its minute, since a
// Swedish midnight (where the week changes) always falls on a whole minute.
let lastMinute = Number.NaN;
let lastWeek: IsoWeek = '';

/** The ISO week of an instant, by the Swedish wall clock. */
export function isoWeekOf(instant: Date): IsoWeek {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== lastMinute) {
    lastWeek = isoWeekOfDate(wallClockIn(instant, SWEDISH_TIMEZONE));
    lastMinute = minute;
  }
  return lastWeek;
}

/** The ISO week of a calendar date: the week's Thursday decides the year. */
export function isoWeekOfDate(date: CalendarDate): IsoWeek {
  const utc = Date.UTC(date.year, date.month - 1, date.day);
  const weekday = new Date(utc).getUTCDay() || 7;
  const thursday = new Date(utc + (4 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `2026-W11` when it is a real ISO week, else undefined. */
export function parseIsoWeek(text: string): IsoWeek | undefined {
  const match = ISO_WEEK.exec(text.trim());
  if (!match) return undefined;
  const week = Number(match[2]);
  if (week < 1 || week > 53) return undefined;
  // Week 53 exists only in some years: its Monday must still be in that ISO year.
  return isoWeekOfDate(mondayOf(text.trim())) === text.trim() ? text.trim() : undefined;
}

/** The Monday of an ISO week, as a calendar date. */
export function mondayOf(week: IsoWeek): CalendarDate {
  const match = ISO_WEEK.exec(week);
  if (!match) throw new Error(`not an ISO week: ${week}`);
  const year = Number(match[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() || 7) - 1) * DAY_MS;
  const monday = new Date(mondayOfWeek1 + (Number(match[2]) - 1) * 7 * DAY_MS);
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
}

/** The week `weeks` weeks after (or, negative, before) `week`. */
export function addWeeks(week: IsoWeek, weeks: number): IsoWeek {
  const monday = mondayOf(week);
  const moved = new Date(Date.UTC(monday.year, monday.month - 1, monday.day) + weeks * 7 * DAY_MS);
  return isoWeekOfDate({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/** Every week from `from` to `to`, both included (at most five years of them). */
export function weeksFrom(from: IsoWeek, to: IsoWeek): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  for (let week = from; week <= to && weeks.length < 270; week = addWeeks(week, 1)) weeks.push(week);
  return weeks;
}

/** The Swedish calendar day of an instant, as a day number since 1970-01-01: for whole days between two events. */
export function dayNumberOf(instant: Date): number {
  const date = wallClockIn(instant, SWEDISH_TIMEZONE);
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}
