import { addDays, formatCalendarDate, instantAt, isSameCalendarDate, wallClockIn, type CalendarDate } from '../scheduling/clock.js';
import type { SlotKind } from './booking-model.js';
import { isWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore } from '../scheduling/working-days.js';
import { SWEDISH_TIMEZONE } from '../scheduling/swedish-time.js';

/** A time of day on the wall clock. */
export interface WallTime {
  readonly hour: number;
  readonly minute: number;
}

/**
 * The posting and booking rules, modelled on Microsoft Bookings' scheduling policy: start times on a
 * fixed interval, a buffer between meetings, a minimum lead time, a maximum horizon. Times are wall
 * clock in `timezone`, so 13.00 stays 13.00 across the daylight-saving change.
 */
export interface BookingRules {
  readonly timezone: string;
  /** Start times, window edges and slot lengths are multiples of this (Bookings' "time increments"). */
  readonly slotIntervalMinutes: number;
  /** Slot lengths a socialsekreterare may choose. */
  readonly allowedLengthsMinutes: readonly number[];
  /** Default and largest gap between two slots of the same person. */
  readonly defaultBufferMinutes: number;
  readonly maxBufferMinutes: number;
  /** A slot must start at least this long after now to be posted or booked. */
  readonly minimumLeadTimeMinutes: number;
  /** Slots may not start more than this many days after now. */
  readonly maximumHorizonDays: number;
  /** "Repeat weekly for N weeks": N is 1 (this date only) up to this. */
  readonly maxRepeatWeeks: number;
  /** Posted windows lie within these wall-clock hours (which also keeps them clear of the DST change at night). */
  readonly dayStart: WallTime;
  readonly dayEnd: WallTime;
  /** Weekly repeats skip Saturdays, Sundays, public holidays and the eves social services close on. */
  readonly skipClosedDays: boolean;
  /** A place longer than this is refused; it is a room or a building, not a description. */
  readonly maxPlaceLength: number;
}

/** The rules the bot runs with unless configured otherwise. */
export const DEFAULT_BOOKING_RULES: BookingRules = Object.freeze({
  timezone: SWEDISH_TIMEZONE,
  slotIntervalMinutes: 15,
  allowedLengthsMinutes: Object.freeze([30, 45, 60, 90, 120]),
  defaultBufferMinutes: 15,
  maxBufferMinutes: 60,
  minimumLeadTimeMinutes: 120,
  maximumHorizonDays: 90,
  maxRepeatWeeks: 12,
  dayStart: Object.freeze({ hour: 7, minute: 0 }),
  dayEnd: Object.freeze({ hour: 19, minute: 0 }),
  skipClosedDays: true,
  maxPlaceLength: 80,
});

/** What a socialsekreterare asks to post: one window on one or more dates, cut into slots, repeated weekly. */
export interface AvailabilityRequest {
  readonly kind: SlotKind;
  readonly date: CalendarDate;
  /** Further dates with the same window ("tisdag och torsdag 13–15"); each is repeated weekly like `date`. */
  readonly moreDates?: readonly CalendarDate[];
  readonly from: WallTime;
  readonly to: WallTime;
  readonly slotLengthMinutes: number;
  /** Gap between slots; the rules' default when absent. */
  readonly bufferMinutes?: number;
  /** 1 = this date only; 4 = this date and the same weekday the three weeks after. */
  readonly repeatWeeks: number;
  /** Where an anmälningsmöte can be held at social services (required for that kind, ignored for konsultation). */
  readonly place?: string;
  /**
   * True: a slot in the past, within the lead time or colliding with another stops the whole request
   * (nothing is posted, the plan names them), and so does a request that would post nothing.
   * False or absent: such slots are left out and listed as skipped.
   */
  readonly allOrNothing?: boolean;
}

/** Why a request cannot be posted at all, as a stable code the dialog turns into Swedish. */
export type AvailabilityProblem =
  | 'window-reversed'
  | 'outside-day'
  | 'off-interval'
  | 'length-not-allowed'
  | 'window-too-short'
  | 'buffer-out-of-range'
  | 'repeat-out-of-range'
  | 'place-missing'
  | 'place-too-long'
  | 'too-many-dates';

/** Why one slot of an otherwise valid request was left out. */
export type SkipReason = 'past' | 'lead-time' | 'beyond-horizon' | 'closed-day' | 'overlap';

/** A span of time: a slot, or an existing slot it must not collide with. */
export interface TimeRange {
  readonly start: Date;
  readonly end: Date;
}

/** A slot the request produces. */
export interface PlannedSlot extends TimeRange {
  readonly kind: SlotKind;
  readonly place?: string;
}

/** A slot left out, and why. */
export interface SkippedSlot extends TimeRange {
  readonly reason: SkipReason;
}

/** The outcome of planning: the problems (and, all or nothing, the slots) that stop the request, or the slots to post and those skipped. */
export type AvailabilityPlan =
  | { readonly ok: false; readonly problems: readonly AvailabilityProblem[]; readonly conflicts?: readonly SkippedSlot[] }
  | { readonly ok: true; readonly slots: readonly PlannedSlot[]; readonly skipped: readonly SkippedSlot[] };

/** Checks a request against the rules without looking at the clock or other slots. */
export function validateAvailabilityRequest(request: AvailabilityRequest, rules: BookingRules = DEFAULT_BOOKING_RULES): AvailabilityProblem[] {
  const problems: AvailabilityProblem[] = [];
  const from = minutesOf(request.from);
  const to = minutesOf(request.to);
  const buffer = request.bufferMinutes ?? rules.defaultBufferMinutes;
  if (from >= to) problems.push('window-reversed');
  if (from < minutesOf(rules.dayStart) || to > minutesOf(rules.dayEnd)) problems.push('outside-day');
  const interval = rules.slotIntervalMinutes;
  if (from % interval !== 0 || to % interval !== 0 || buffer % interval !== 0) problems.push('off-interval');
  if (!rules.allowedLengthsMinutes.includes(request.slotLengthMinutes)) problems.push('length-not-allowed');
  else if (from < to && to - from < request.slotLengthMinutes) problems.push('window-too-short');
  if (!Number.isInteger(buffer) || buffer < 0 || buffer > rules.maxBufferMinutes) problems.push('buffer-out-of-range');
  if (!Number.isInteger(request.repeatWeeks) || request.repeatWeeks < 1 || request.repeatWeeks > rules.maxRepeatWeeks) problems.push('repeat-out-of-range');
  if (datesOf(request).length > MAX_DATES_PER_REQUEST) problems.push('too-many-dates');
  if (request.kind === 'anmalningsmote') {
    const place = request.place?.trim() ?? '';
    if (place === '') problems.push('place-missing');
    else if (place.length > rules.maxPlaceLength) problems.push('place-too-long');
  }
  return problems;
}

/**
 * Cuts the request into slots: from `from`, one slot of the chosen length, then the buffer, and so on
 * while a whole slot fits before `to`; the same on the same weekday for each repeated week. Leaves out
 * slots in the past, within the lead time, beyond the horizon, on closed days, and any that would
 * come closer than the buffer to one of `existing` (the same person's slots that are not cancelled).
 */
export function planAvailability(
  request: AvailabilityRequest,
  existing: readonly TimeRange[],
  now: Date,
  rules: BookingRules = DEFAULT_BOOKING_RULES,
): AvailabilityPlan {
  const problems = validateAvailabilityRequest(request, rules);
  if (problems.length > 0) return { ok: false, problems };

  const buffer = request.bufferMinutes ?? rules.defaultBufferMinutes;
  const earliest = now.getTime() + rules.minimumLeadTimeMinutes * 60_000;
  const latest = now.getTime() + rules.maximumHorizonDays * 86_400_000;
  const place = request.kind === 'anmalningsmote' ? request.place?.trim() : undefined;
  const slots: PlannedSlot[] = [];
  const skipped: SkippedSlot[] = [];

  const days = datesOf(request).flatMap((first) => Array.from({ length: request.repeatWeeks }, (_, week) => addDays(first, week * 7)));
  days.sort((a, b) => formatCalendarDate(a).localeCompare(formatCalendarDate(b)));
  for (const date of days) {
    for (const [startMinute, endMinute] of slotMinutes(request, buffer)) {
      const start = instantAt(date, Math.floor(startMinute / 60), startMinute % 60, rules.timezone);
      const end = instantAt(date, Math.floor(endMinute / 60), endMinute % 60, rules.timezone);
      const reason = skipReason({ start, end }, date, now, earliest, latest, buffer, [...existing, ...slots], rules);
      if (reason) skipped.push({ start, end, reason });
      else slots.push({ start, end, kind: request.kind, ...(place ? { place } : {}) });
    }
  }
  if (request.allOrNothing) {
    const conflicts = skipped.filter((slot) => BLOCKING_REASONS.includes(slot.reason));
    if (conflicts.length > 0) return { ok: false, problems: [], conflicts };
    if (slots.length === 0) return { ok: false, problems: [], conflicts: skipped };
  }
  return { ok: true, slots, skipped };
}

/** Most dates one request may name (two working weeks); weekly repeats come on top. */
export const MAX_DATES_PER_REQUEST = 10;

/** Reasons that stop an all-or-nothing request; closed days and the horizon only leave repeats out. */
const BLOCKING_REASONS: readonly SkipReason[] = ['past', 'lead-time', 'overlap'];

/** The request's dates, each once. */
function datesOf(request: AvailabilityRequest): CalendarDate[] {
  const unique = new Map<string, CalendarDate>();
  for (const date of [request.date, ...(request.moreDates ?? [])]) unique.set(formatCalendarDate(date), date);
  return [...unique.values()];
}

/**
 * The first day times can be posted for: today while a slot of the shortest length still fits after
 * the lead time before the day ends, else the next working day (never a Saturday, Sunday or holiday).
 */
export function firstPostableDay(now: Date, rules: BookingRules = DEFAULT_BOOKING_RULES): CalendarDate {
  const wall = wallClockIn(now, rules.timezone);
  const today: CalendarDate = { year: wall.year, month: wall.month, day: wall.day };
  const shortest = Math.min(...rules.allowedLengthsMinutes);
  const lastStart = instantAt(today, rules.dayEnd.hour, rules.dayEnd.minute, rules.timezone).getTime() - shortest * 60_000;
  const stillToday = now.getTime() + rules.minimumLeadTimeMinutes * 60_000 <= lastStart;
  return workingDayOnOrAfter(stillToday ? today : addDays(today, 1));
}

/** The next `count` working days from `from` (inclusive): the days the posting form offers. */
export function workingDaysFrom(from: CalendarDate, count: number): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = workingDayOnOrAfter(from); days.length < count; day = workingDayOnOrAfter(addDays(day, 1))) days.push(day);
  return days;
}

/** True when two slots of the same person come closer than `bufferMinutes` (or overlap). */
export function collides(a: TimeRange, b: TimeRange, bufferMinutes: number): boolean {
  const gap = bufferMinutes * 60_000;
  return a.start.getTime() < b.end.getTime() + gap && b.start.getTime() < a.end.getTime() + gap;
}

/** The window a slot must start in to be bookable now: after the lead time, within `days` days. */
export function bookingWindow(now: Date, days: number, rules: BookingRules = DEFAULT_BOOKING_RULES): { readonly from: Date; readonly to: Date } {
  return {
    from: new Date(now.getTime() + rules.minimumLeadTimeMinutes * 60_000),
    to: new Date(now.getTime() + days * 86_400_000),
  };
}

/**
 * When to send the reminder for a meeting: 09.00 wall clock on the working day before (a Monday
 * meeting is reminded on Friday; one after Easter on the Thursday before långfredagen). Undefined
 * when that moment has already passed at `now` (a meeting booked for tomorrow afternoon needs no reminder).
 */
export function dayBeforeReminderAt(start: Date, now: Date, rules: BookingRules = DEFAULT_BOOKING_RULES): Date | undefined {
  const due = instantAt(reminderDayFor(start, rules), 9, 0, rules.timezone);
  return due.getTime() > now.getTime() ? due : undefined;
}

/** True when `now` falls on the day the meeting at `start` is reminded: the working day before it. */
export function isReminderDayFor(start: Date, now: Date, rules: BookingRules = DEFAULT_BOOKING_RULES): boolean {
  return isSameCalendarDate(reminderDayFor(start, rules), wallClockIn(now, rules.timezone));
}

function reminderDayFor(start: Date, rules: BookingRules): CalendarDate {
  return workingDayOnOrBefore(addDays(wallClockIn(start, rules.timezone), -1));
}

/** Reads `13:00`, `13.00` or `1300` into a wall time; undefined for anything else. */
export function parseWallTime(text: string): WallTime | undefined {
  const match = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(text.trim());
  if (!match) return undefined;
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** Reads `2026-03-10` into a calendar date that exists; undefined for anything else. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return check.getUTCMonth() === date.month - 1 && check.getUTCDate() === date.day ? date : undefined;
}

function minutesOf(time: WallTime): number {
  return time.hour * 60 + time.minute;
}

function* slotMinutes(request: AvailabilityRequest, buffer: number): Generator<[number, number]> {
  const to = minutesOf(request.to);
  for (let start = minutesOf(request.from); start + request.slotLengthMinutes <= to; start += request.slotLengthMinutes + buffer) {
    yield [start, start + request.slotLengthMinutes];
  }
}

function skipReason(
  slot: TimeRange,
  date: CalendarDate,
  now: Date,
  earliest: number,
  latest: number,
  buffer: number,
  taken: readonly TimeRange[],
  rules: BookingRules,
): SkipReason | undefined {
  if (slot.start.getTime() <= now.getTime()) return 'past';
  if (slot.start.getTime() < earliest) return 'lead-time';
  if (slot.start.getTime() > latest) return 'beyond-horizon';
  if (rules.skipClosedDays && isClosedDay(date)) return 'closed-day';
  if (taken.some((other) => collides(slot, other, buffer))) return 'overlap';
  return undefined;
}

/** Saturdays, Sundays, public holidays and the eves (midsommarafton, julafton, nyårsafton, påskafton). */
function isClosedDay(date: CalendarDate): boolean {
  return !isWorkingDay(date);
}
