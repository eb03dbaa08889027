import type { Contacts } from '../municipality/contacts.js';
import { numberWordValues } from './number-words.js';

/** The telephone hours of the mottagningssektioner, as the contacts file gives them. */
type TelephoneHours = Contacts['telephoneHours'];

// "Kan jag ringa …", "Går det att ringa …", "Svarar de …", "Är mottagningen öppen …", "Når man dem …": whether the
// line answers, not whether one should call.
const ASKS_WHETHER_ANSWERED =
  /^(?:(?:kan|får|går)\s+(?:jag|vi|man|det|en)\s+(?:att\s+)?(?:ringa|nå|höra av)|(?:svarar|öppnar|når|nås)\s|(?:är|har)\s+(?:de|dom|mottagningen|mottagningssektionen|mottagningssektionerna|telefonen)\s+(?:öppe[nt]|telefontid)|can\s+(?:i|we|you)\s+(?:call|phone|reach)|(?:do|does|are|is)\s+(?:they|the intake\s+\S+)\s+(?:answer|open))/iu;
const WEEKDAYS: Readonly<Record<string, number>> = {
  måndag: 1, tisdag: 2, onsdag: 3, torsdag: 4, fredag: 5, lördag: 6, söndag: 7,
  mandag: 1, lordag: 6, sondag: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
const WEEKDAY = new RegExp(String.raw`(?<![\p{L}])(${Object.keys(WEEKDAYS).join('|')})(?:en|ar|arna|s)?(?![\p{L}])`, 'giu');
const HOUR_WORDS = numberWordValues(1, 12);
const HOUR_WORD = `(${Object.keys(HOUR_WORDS).join('|')}|\\d{1,2})`;
// "halv ett" (12.30), "kvart över tolv", "kvart i ett": the way a time is said.
const SPOKEN = new RegExp(String.raw`(?<![\p{L}])(halv|kvart över|kvart i)\s+${HOUR_WORD}(?![\p{L}\d])`, 'iu');
// "klockan 17", "kl. 9.15", "17:30", "at 5 pm".
const WRITTEN = /(?<![\p{L}\d])(?:(?:klockan|kl\.?|at)\s*(\d{1,2})(?:[.:](\d{2}))?|(\d{1,2})[.:](\d{2}))(?:\s*(am|pm))?(?![\d])/iu;
const HOLIDAY = /(?<![\p{L}])(?:\p{L}*afton|jul\p{L}*|påsk\p{L}*|midsommar\p{L}*|nyår\p{L}*|trettondag\p{L}*|kristi|pingst\p{L}*|helgdag\p{L}*|röd dag|röda dagar|holiday\p{L}*|christmas|easter)(?![\p{L}])/iu;
const WEEKEND = /(?<![\p{L}])(?:helg|helgen|helger|helgerna|weekend|weekends)(?![\p{L}])/iu;
// The working day a time without "förmiddag"/"eftermiddag" is read in: "klockan 5" is 17, "halv ett" 12.30.
const FIRST_WORKING_HOUR = 7;

/**
 * "ja" or "nej" when a yes/no question asks whether the mottagningssektioner answer the phone at a time it names
 * ("Kan jag ringa dem klockan 17 en onsdag?", "Går det att ringa halv ett?"): read from the telephone hours, on
 * the weekday it names or, without one, only when every working day gives the same answer. Undefined otherwise.
 */
export function answeredAt(question: string, hours: TelephoneHours): 'ja' | 'nej' | undefined {
  const text = question.toLocaleLowerCase('sv').replace(/^(?:hej|hallå)[,!.\s]+/u, '').trim();
  const clause = text.split(/(?<=[.!?])\s+/).filter((s) => ASKS_WHETHER_ANSWERED.test(s)).pop();
  if (!clause) return undefined;
  const minute = minuteOf(clause);
  if (minute === undefined) return undefined;
  // A holiday or an eve closes the line whatever the weekday: the rules for those are not read here.
  if (HOLIDAY.test(text)) return undefined;
  const named = [...clause.matchAll(WEEKDAY)].map((m) => WEEKDAYS[m[1]!]!);
  if (WEEKEND.test(clause)) named.push(6, 7);
  if (new Set(named).size > 1 && !named.every((d) => d >= 6)) return undefined;
  const days = named.length > 0 ? named : [1, 2, 3, 4, 5];
  const answers = new Set(days.map((day) => (opensAt(hours, day, minute) ? 'ja' : 'nej')));
  return answers.size === 1 ? [...answers][0] : undefined;
}

/** The weekdays a text names (1 = Monday), written with or without å/ä/ö, each once. */
export function weekdaysNamed(text: string): number[] {
  return [...new Set([...text.toLocaleLowerCase('sv').matchAll(WEEKDAY)].map((m) => WEEKDAYS[m[1]!]!))];
}

/** The words of a text that name a weekday, as written ("fredagar", "mandag"). */
export function weekdayWords(text: string): string[] {
  return [...text.toLocaleLowerCase('sv').matchAll(WEEKDAY)].map((m) => m[0]);
}

/** The minute of the day a question names, read as a time in the working day. */
function minuteOf(text: string): number | undefined {
  const spoken = SPOKEN.exec(text);
  if (spoken) {
    const hour = workingHour(hourOf(spoken[2]!));
    if (hour === undefined) return undefined;
    if (spoken[1] === 'halv') return (hour - 1) * 60 + 30;
    return spoken[1] === 'kvart i' ? hour * 60 - 15 : hour * 60 + 15;
  }
  const written = WRITTEN.exec(text);
  if (!written) return undefined;
  let hour = Number(written[1] ?? written[3]);
  const minutes = Number(written[2] ?? written[4] ?? 0);
  if (written[5] === 'pm' && hour < 12) hour += 12;
  const working = written[5] ? hour : workingHour(hour);
  if (working === undefined || working > 23 || minutes > 59) return undefined;
  return working * 60 + minutes;
}

function hourOf(word: string): number {
  return HOUR_WORDS[word] ?? Number(word);
}

/** An hour of the clock as a time in the working day: 1–6 are afternoon hours; 0 and above 23 none. */
function workingHour(hour: number): number | undefined {
  if (hour < 1 || hour > 23) return undefined;
  return hour < FIRST_WORKING_HOUR ? hour + 12 : hour;
}

function opensAt(hours: TelephoneHours, weekday: number, minute: number): boolean {
  const day = hours.days.find((d) => d.weekdays.includes(weekday));
  if (!day || minute < clock(day.open) || minute >= clock(day.close)) return false;
  return !hours.breaks.some((b) => minute >= clock(b.from) && minute < clock(b.to));
}

function clock(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}
