import { isoWeekdayOf, wallClockIn, type CalendarDate } from './clock.js';

/**
 * Swedish dates and times, in one place: weekday and month names come from the runtime's `sv-SE`
 * locale data, and every wall-clock text is read in Swedish time. Nothing else in the codebase spells
 * out a weekday, a month or the timezone.
 */

/** The timezone every Swedish municipality lives in; the wall clock of all texts, rules and calendar files. */
export const SWEDISH_TIMEZONE = 'Europe/Stockholm';

/** How a weekday or month is written: "måndag"/"mån", "januari"/"jan". */
export type NameStyle = 'long' | 'short';

// Formatted at noon UTC on a known date, so the name is the same in every timezone. Made on first use:
// the first Intl formatter of a process loads ICU's locale data (8 MB), which a start does not need.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(part: 'weekday' | 'month', style: NameStyle): Intl.DateTimeFormat {
  const key = `${part} ${style}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat('sv-SE', { [part]: style, timeZone: 'UTC' })));
  return made;
}

/** "måndag" (long) or "mån" (short) for an ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayName(isoWeekday: number, style: NameStyle = 'long'): string {
  // 2024-01-01 was a Monday.
  return withoutDot(formatter('weekday', style).format(new Date(Date.UTC(2024, 0, isoWeekday, 12))));
}

/** "januari" (long) or "jan" (short) for a month 1–12. */
export function monthName(month: number, style: NameStyle = 'long'): string {
  return withoutDot(formatter('month', style).format(new Date(Date.UTC(2024, month - 1, 1, 12))));
}

/** "10.00": a wall-clock time the Swedish way, with a dot. */
export function clockText(time: { readonly hour: number; readonly minute: number }): string {
  return `${String(time.hour).padStart(2, '0')}.${String(time.minute).padStart(2, '0')}`;
}

/** "10.00", the wall clock in Swedish time at an instant. */
export function instantClockText(instant: Date): string {
  return clockText(wallClockIn(instant, SWEDISH_TIMEZONE));
}

/** "tisdag 10 mars" (long) or "tis 10 mars" (short), with the year when `withYear`. */
export function calendarDateText(date: CalendarDate, options: { readonly style?: NameStyle; readonly withYear?: boolean } = {}): string {
  const style = options.style ?? 'long';
  const text = `${weekdayName(isoWeekdayOf(date), style)} ${date.day} ${monthName(date.month, style)}`;
  return options.withYear ? `${text} ${date.year}` : text;
}

/** "tisdag 10 mars", the date in Swedish time at an instant. */
export function instantDateText(instant: Date, style: NameStyle = 'long'): string {
  return calendarDateText(wallClockIn(instant, SWEDISH_TIMEZONE), { style });
}

/** "måndag 14 april kl. 12.35", in Swedish time. */
export function dateTimeText(instant: Date): string {
  return `${instantDateText(instant)} kl. ${instantClockText(instant)}`;
}

/** "tisdag 10 mars kl. 10.00–10.45", in Swedish time. */
export function timeSpanText(start: Date, end: Date): string {
  return `${instantDateText(start)} kl. ${instantClockText(start)}–${instantClockText(end)}`;
}

/** "10 mars" or, when `withYear`, "10 mars 2026". */
export function dayMonthText(date: CalendarDate, withYear = false): string {
  return `${date.day} ${monthName(date.month)}${withYear ? ` ${date.year}` : ''}`;
}

/** "Tisdag": the first letter in upper case, for a label that starts a line. */
export function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
}

function withoutDot(name: string): string {
  return name.replace(/\.$/, '');
}
