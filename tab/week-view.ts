import type { StaffRole } from '../municipality/roles.js';
import type { Area } from '../municipality/contacts.js';
import { kindLabel, type PLANNING_OPTIONS, planningLines } from '../booking/booking-texts.js';
import type { BookingRules } from '../booking/availability-rules.js';
import type { Booking, PlanningAnswers, Slot, SlotKind } from '../booking/booking-model.js';
import { addDays, formatCalendarDate, instantAt, isoWeekdayOf, isSameCalendarDate, wallClockIn, type CalendarDate } from '../scheduling/clock.js';
import { calendarDateText, capitalized, clockText, dayMonthText, instantClockText, SWEDISH_TIMEZONE } from '../scheduling/swedish-time.js';

/** The week view the tab page renders: plain JSON, every user-facing word already in Swedish. */

/** The timezone the week is laid out in. */
export const WEEK_TIMEZONE = SWEDISH_TIMEZONE;

/** Something the user can do with an entry; the page shows `label` and asks `confirm` first when given. */
export type WeekAction =
  | { readonly type: 'book'; readonly label: string; readonly slotId: string; readonly kind: SlotKind }
  | { readonly type: 'cancel-slot'; readonly label: string; readonly slotId: string; readonly confirm: string }
  | { readonly type: 'cancel-booking'; readonly label: string; readonly reference: string; readonly confirm: string };

/** One slot or booking in a day. */
export interface WeekEntry {
  readonly id: string;
  readonly kind: SlotKind;
  readonly kindLabel: string;
  readonly start: string;
  readonly end: string;
  /** "13.00–13.45", Stockholm time. */
  readonly time: string;
  /** free: bookable, or the socialsekreterare's own unbooked slot; booked: someone booked it; mine: the user's own booking. */
  readonly state: 'free' | 'booked' | 'mine';
  readonly stateLabel: string;
  readonly title: string;
  readonly lines: readonly string[];
  readonly reference?: string;
  readonly past: boolean;
  readonly actions: readonly WeekAction[];
}

/** One day of the week. */
export interface WeekDay {
  readonly date: string;
  /** "Tisdag 10 mars". */
  readonly label: string;
  readonly isToday: boolean;
  readonly entries: readonly WeekEntry[];
}

/** The answer to `GET /api/tab/week`. */
export interface WeekView {
  readonly user: { readonly name: string; readonly role: StaffRole['role']; readonly roleLabel: string };
  readonly week: { readonly from: string; readonly label: string; readonly previous: string | null; readonly next: string | null };
  /** Short Swedish sentences shown above the days (what this view shows, what is missing). */
  readonly notices: readonly string[];
  readonly days: readonly WeekDay[];
  /** What the page may offer: the "Lägg upp tider" form for socialsekreterare. */
  readonly can: { readonly postSlots: boolean };
  /** The choices of the "Lägg upp tider" form, from the booking rules; only for socialsekreterare. */
  readonly postForm?: PostFormOptions;
  /**
   * The user's own förskola/skola, which decides whose times are shown, and the list to choose it from;
   * absent for socialsekreterare and for a rektor whose school the roles file names.
   */
  readonly school?: { readonly current: string | null; readonly options: readonly { readonly value: string; readonly label: string }[] };
  /** The planning points of an anmälningsmöte and their answers, the routine's default first. */
  readonly planningOptions: typeof PLANNING_OPTIONS;
}

/** The choices of the "Lägg upp tider" form: weekdays, quarter hours, lengths, buffers and repeats the rules allow. */
export interface PostFormOptions {
  readonly dates: readonly { readonly value: string; readonly label: string }[];
  /** `HH:MM` on the rules' interval within the day's hours. */
  readonly times: readonly { readonly value: string; readonly label: string }[];
  readonly defaultFrom: string;
  readonly defaultTo: string;
  readonly lengths: readonly number[];
  readonly defaultLength: number;
  readonly buffers: readonly number[];
  readonly defaultBuffer: number;
  readonly repeatWeeks: readonly number[];
}

/** How far ahead the form offers dates; weekly repeats reach further. */
const POST_FORM_DAYS = 56;

/** The form's choices at `now`: weekdays from today on, times on the interval, the rules' lengths and limits. */
export function postFormOptions(now: Date, rules: BookingRules): PostFormOptions {
  const today = wallClockIn(now, WEEK_TIMEZONE);
  const dates: { value: string; label: string }[] = [];
  for (let offset = 0; offset <= Math.min(POST_FORM_DAYS, rules.maximumHorizonDays); offset += 1) {
    const date = addDays(today, offset);
    if (isoWeekdayOf(date) <= 5) dates.push({ value: formatCalendarDate(date), label: `${dayLabel(date)}${offset === 0 ? ' (idag)' : ''}` });
  }
  const times: { value: string; label: string }[] = [];
  const first = rules.dayStart.hour * 60 + rules.dayStart.minute;
  const last = rules.dayEnd.hour * 60 + rules.dayEnd.minute;
  for (let minute = first; minute <= last; minute += rules.slotIntervalMinutes) {
    const time = { hour: Math.floor(minute / 60), minute: minute % 60 };
    times.push({ value: clockText(time).replace('.', ':'), label: clockText(time) });
  }
  const buffers: number[] = [];
  for (let buffer = 0; buffer <= rules.maxBufferMinutes; buffer += rules.slotIntervalMinutes) buffers.push(buffer);
  return {
    dates,
    times,
    defaultFrom: '13:00',
    defaultTo: '15:00',
    lengths: rules.allowedLengthsMinutes,
    defaultLength: rules.allowedLengthsMinutes.includes(45) ? 45 : (rules.allowedLengthsMinutes[0] ?? 60),
    buffers,
    defaultBuffer: rules.defaultBufferMinutes,
    repeatWeeks: Array.from({ length: rules.maxRepeatWeeks }, (_, index) => index + 1),
  };
}

/** A week: its Monday and the instants it spans in Stockholm. */
export interface WeekSpan {
  readonly monday: CalendarDate;
  readonly start: Date;
  readonly end: Date;
}

/** The Monday-to-Sunday week that contains `date`. */
export function weekContaining(date: CalendarDate): WeekSpan {
  const monday = addDays(date, 1 - isoWeekdayOf(date));
  return { monday, start: instantAt(monday, 0, 0, WEEK_TIMEZONE), end: instantAt(addDays(monday, 7), 0, 0, WEEK_TIMEZONE) };
}

/** "Vecka 11 · 9–15 mars 2026" (or "30 mars – 5 april 2026" across a month). */
export function weekLabel(monday: CalendarDate): string {
  const sunday = addDays(monday, 6);
  const span =
    monday.month === sunday.month
      ? `${monday.day}–${dayMonthText(sunday, true)}`
      : `${dayMonthText(monday, monday.year !== sunday.year)} – ${dayMonthText(sunday, true)}`;
  return `Vecka ${isoWeekNumber(monday)} · ${span}`;
}

/** "Tisdag 10 mars". */
export function dayLabel(date: CalendarDate): string {
  return capitalized(calendarDateText(date));
}

/** "13.00–13.45" in Stockholm time. */
export function timeRangeLabel(start: Date, end: Date): string {
  return `${instantClockText(start)}–${instantClockText(end)}`;
}

/** The role as the page names it: "Socialsekreterare · Mottagningssektion Norr". */
export function roleLabel(role: StaffRole, sectionName: (area: Area) => string): string {
  switch (role.role) {
    case 'socialsekreterare':
      return `Socialsekreterare · ${sectionName(role.area)}`;
    case 'rektor':
      return role.school ? `Rektor/förskolechef · ${role.school}` : 'Rektor/förskolechef';
    case 'elevhalsa':
      return 'Personal i förskola och skola';
  }
}

/** A socialsekreterare's own slot, with its booking when booked. */
export function ownSlotEntry(slot: Slot, booking: Booking | undefined, now: Date): WeekEntry {
  const past = slot.start.getTime() <= now.getTime();
  if (booking) {
    const bookedBy = `Bokad av ${booking.bookedBy.name}${booking.school ? `, ${booking.school}` : ''}`;
    return {
      ...entryBase(slot, now),
      state: 'booked',
      stateLabel: 'Bokad',
      title: bookedBy,
      reference: booking.reference,
      lines: [`Referens ${booking.reference}`, ...bookingDetailLines(booking)],
      actions: past
        ? []
        : [
            {
              type: 'cancel-slot',
              label: 'Avboka',
              slotId: slot.id,
              confirm: `Avboka ${kindNoun(slot.kind)} ${timeRangeLabel(slot.start, slot.end)}? ${booking.bookedBy.name} får besked i Teams.`,
            },
          ],
    };
  }
  return {
    ...entryBase(slot, now),
    state: 'free',
    stateLabel: 'Ledig',
    title: 'Ingen har bokat ännu',
    lines: slot.place ? [`Plats hos er: ${slot.place}`] : [],
    actions: past ? [] : [{ type: 'cancel-slot', label: 'Ta bort', slotId: slot.id, confirm: `Ta bort den lediga tiden ${timeRangeLabel(slot.start, slot.end)}?` }],
  };
}

/** A free slot someone else posted, which the user may book; the section is named when the user sees more than one. */
export function freeSlotEntry(slot: Slot, now: Date, section?: string): WeekEntry {
  return {
    ...entryBase(slot, now),
    state: 'free',
    stateLabel: 'Ledig',
    title: slot.owner.name,
    lines: section ? [section] : [],
    actions: [{ type: 'book', label: 'Boka', slotId: slot.id, kind: slot.kind }],
  };
}

/** A booking the user made. */
export function ownBookingEntry(booking: Booking, now: Date, sectionName: (area: Area) => string): WeekEntry {
  const past = booking.start.getTime() <= now.getTime();
  return {
    ...entryBase({ id: booking.slotId, kind: booking.kind, start: booking.start, end: booking.end }, now),
    state: 'mine',
    stateLabel: 'Din bokning',
    title: `Med ${booking.owner.name}`,
    reference: booking.reference,
    lines: [sectionName(booking.area), `Referens ${booking.reference}`, ...bookingDetailLines(booking)],
    actions: past
      ? []
      : [
          {
            type: 'cancel-booking',
            label: 'Avboka',
            reference: booking.reference,
            confirm: `Avboka ${kindNoun(booking.kind)} ${timeRangeLabel(booking.start, booking.end)}? ${booking.owner.name} får besked i Teams.`,
          },
        ],
  };
}

/** Lays entries out over the week's days: Monday to Friday always, the weekend only when something is on it. */
export function daysOfWeek(span: WeekSpan, entries: readonly WeekEntry[], now: Date): WeekDay[] {
  const today = wallClockIn(now, WEEK_TIMEZONE);
  const days: WeekDay[] = [];
  for (let offset = 0; offset < 7; offset += 1) {
    const date = addDays(span.monday, offset);
    const onDay = entries
      .filter((entry) => isSameCalendarDate(wallClockIn(new Date(entry.start), WEEK_TIMEZONE), date))
      .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
    if (offset >= 5 && onDay.length === 0) continue;
    days.push({ date: formatCalendarDate(date), label: dayLabel(date), isToday: isSameCalendarDate(today, date), entries: onDay });
  }
  return days;
}

function entryBase(slot: Pick<Slot, 'id' | 'kind' | 'start' | 'end'>, now: Date) {
  return {
    id: slot.id,
    kind: slot.kind,
    kindLabel: kindLabel(slot.kind),
    start: slot.start.toISOString(),
    end: slot.end.toISOString(),
    time: timeRangeLabel(slot.start, slot.end),
    past: slot.start.getTime() <= now.getTime(),
  };
}

function bookingDetailLines(booking: Booking): string[] {
  if (booking.planning) return planningLines(booking.planning satisfies PlanningAnswers, booking);
  return ['Anonym konsultation – inga uppgifter om barnet'];
}

function kindNoun(kind: SlotKind): string {
  return kind === 'anmalningsmote' ? 'anmälningsmötet' : 'konsultationen';
}

/** ISO 8601 week number: the week with the year's first Thursday is week 1. */
function isoWeekNumber(date: CalendarDate): number {
  const thursday = addDays(date, 4 - isoWeekdayOf(date));
  const firstOfYear = Date.UTC(thursday.year, 0, 1);
  const dayOfYear = Math.round((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - firstOfYear) / 86_400_000);
  return Math.floor(dayOfYear / 7) + 1;
}
