import { addDays, instantAt, isoWeekdayOf, wallClockIn, type CalendarDate } from './clock.js';
import { swedishHolidaysOn } from './swedish-holidays.js';

/** How far back a reminder may move: past any run of Swedish closed days (jul to nyår is the longest). */
const MAX_CLOSED_RUN_DAYS = 14;

/** True on Monday–Friday that is neither a public holiday nor an eve (midsommarafton, julafton, nyårsafton, påskafton). */
export function isWorkingDay(date: CalendarDate): boolean {
  return isoWeekdayOf(date) <= 5 && swedishHolidaysOn(date).length === 0;
}

/** The date itself when it is a working day, otherwise the nearest working day before it. */
export function workingDayOnOrBefore(date: CalendarDate): CalendarDate {
  let day = date;
  for (let step = 0; step < MAX_CLOSED_RUN_DAYS && !isWorkingDay(day); step += 1) day = addDays(day, -1);
  return day;
}

/** The date itself when it is a working day, otherwise the next working day after it. */
export function workingDayOnOrAfter(date: CalendarDate): CalendarDate {
  let day = date;
  for (let step = 0; step < MAX_CLOSED_RUN_DAYS && !isWorkingDay(day); step += 1) day = addDays(day, 1);
  return day;
}

/**
 * A reminder due on a Saturday, Sunday, public holiday or eve moves to the working day before, at
 * the same wall-clock time: nobody reads a reminder on a day the school and social services are closed.
 */
export function onWorkingDayOrBefore(instant: Date, timezone: string): Date {
  const wall = wallClockIn(instant, timezone);
  const day = workingDayOnOrBefore(wall);
  if (day.year === wall.year && day.month === wall.month && day.day === wall.day) return instant;
  return instantAt(day, wall.hour, wall.minute, timezone);
}
