import type { Contacts } from './contacts.js';

/**
 * The mottagningssektioner's telephone hours as Swedish text, the one way every answer, card and gap sentence
 * writes them: "måndag 08.30–18.00, tisdag–torsdag 08.30–16.00, fredag 08.30–14.00, lunchstängt 12.00–13.00".
 */

/** The hours of each day and the breaks, as one list. */
export function telephoneHoursList(hours: Contacts['telephoneHours']): string {
  const days = hours.days.map((d) => `${weekdayRange(d.weekdays)} ${dottedTime(d.open)}–${dottedTime(d.close)}`);
  const breaks = hours.breaks.map((b) => `${b.label === 'lunch' ? 'lunchstängt' : 'stängt'} ${dottedTime(b.from)}–${dottedTime(b.to)}`);
  return [...days, ...breaks].join(', ');
}

/** "måndag", "tisdag–torsdag", "tisdag och torsdag": ISO weekdays (1 = Monday), consecutive ones as a range. */
export function weekdayRange(weekdays: readonly number[]): string {
  const sorted = [...weekdays].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const names = sorted.map(weekdayName);
  if (sorted.length === 1) return names[0]!;
  const consecutive = sorted.every((day, i) => i === 0 || day === sorted[i - 1]! + 1);
  return consecutive ? `${names[0]}–${names[names.length - 1]}` : listedWords(names);
}

/** "måndag" for ISO weekday 1 … "söndag" for 7. */
export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday - 1] ?? '';
}

const WEEKDAY_NAMES = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'] as const;

/** "a, b och c". */
export function listedWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} och ${words[words.length - 1]}`;
}

/** "08:30" → "08.30", as the entries write times. */
export function dottedTime(time: string): string {
  return time.replace(':', '.');
}
