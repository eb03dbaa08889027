import { z } from 'zod';
import {
  addDays,
  instantAt,
  isKnownTimezone,
  isSameCalendarDate,
  isoWeekdayOf,
  wallClockIn,
  type CalendarDate,
} from './clock.js';
import { eveIdFromName, EVE_IDS, swedishHolidaysOn, type EveId } from './swedish-holidays.js';
import { calendarDateText, clockText, SWEDISH_TIMEZONE } from './swedish-time.js';

/**
 * When a telephone line answers, as written in the contacts file: opening hours per ISO weekday
 * (1 = Monday … 7 = Sunday), breaks that apply every open day, and which holidays and eves close it.
 * Times are wall-clock `HH:MM` in `timezone`.
 */
export type TelephoneHoursRules = {
  timezone: string;
  days: { weekdays: number[]; open: string; close: string }[];
  breaks: { from: string; to: string; label: string }[];
  closedOnPublicHolidays: boolean;
  closedOnEves: string[];
};

/** Why the line is open or closed at an instant. A break of any label is reported as `lunch`. */
export type PhoneStatusReason = 'open' | 'before-opening' | 'lunch' | 'after-closing' | 'weekend' | 'holiday';

/** Whether the line answers at an instant, and when it next opens. */
export type PhoneStatus = {
  open: boolean;
  reason: PhoneStatusReason;
  /** The Swedish name of the holiday or eve when `reason` is `holiday` ("midsommarafton"). */
  holidayName?: string;
  /** When the current open period ends (only when open: at the break or at closing). */
  closesAt?: Date;
  /** The next time the line opens; when open, the first opening after the current period ends. */
  nextOpening: Date;
  /** The rules' timezone, so the status can be described in local time; Europe/Stockholm when absent. */
  timezone?: string;
};

/** Thrown when telephone-hours rules cannot be used; `problems` lists every fault at once. */
export class TelephoneHoursError extends Error {
  readonly code = 'TELEPHONE_HOURS_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid telephone hours:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'TelephoneHoursError';
  }
}

const DEFAULT_TIMEZONE = SWEDISH_TIMEZONE;
/** How far ahead to look for an opening before deciding the rules never open. */
const SEARCH_DAYS = 400;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (00:00–23:59)');

/** Zod schema for {@link TelephoneHoursRules}; checks times, weekdays, eve names and the timezone. */
export const telephoneHoursRulesSchema = z
  .object({
    timezone: z.string().refine(isKnownTimezone, 'unknown timezone'),
    days: z
      .array(
        z.object({
          weekdays: z.array(z.number().int().min(1).max(7)).min(1),
          open: clockTime,
          close: clockTime,
        }),
      )
      .min(1),
    breaks: z.array(z.object({ from: clockTime, to: clockTime, label: z.string().min(1) })),
    closedOnPublicHolidays: z.boolean(),
    closedOnEves: z.array(
      z.string().refine((name) => eveIdFromName(name) !== undefined, {
        message: `unknown eve (known: ${EVE_IDS.join(', ')})`,
      }),
    ),
  })
  .superRefine((rules, context) => {
    const seen = new Set<number>();
    rules.days.forEach((day, index) => {
      if (toMinutes(day.open) >= toMinutes(day.close)) {
        context.addIssue({ code: 'custom', path: ['days', index], message: 'open must be before close' });
      }
      for (const weekday of day.weekdays) {
        if (seen.has(weekday)) {
          context.addIssue({ code: 'custom', path: ['days', index], message: `weekday ${weekday} given twice` });
        }
        seen.add(weekday);
      }
    });
    rules.breaks.forEach((pause, index) => {
      if (toMinutes(pause.from) >= toMinutes(pause.to)) {
        context.addIssue({ code: 'custom', path: ['breaks', index], message: 'from must be before to' });
      }
    });
  });

/** Parses telephone-hours rules from config; throws {@link TelephoneHoursError} listing every problem. */
export function parseTelephoneHoursRules(value: unknown): TelephoneHoursRules {
  const result = telephoneHoursRulesSchema.safeParse(value);
  if (!result.success) {
    throw new TelephoneHoursError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Whether the line answers at `now`, why not, and when it next opens — in the rules' timezone. */
export function phoneStatus(rules: TelephoneHoursRules, now: Date): PhoneStatus {
  const compiled = compile(rules);
  const wall = wallClockIn(now, rules.timezone);
  const today: CalendarDate = { year: wall.year, month: wall.month, day: wall.day };
  const minuteOfDay = wall.hour * 60 + wall.minute + wall.second / 60;
  const nextOpening = findNextOpening(compiled, today, minuteOfDay);
  const base = { nextOpening, timezone: rules.timezone };

  const closure = closureOn(compiled, today);
  if (closure !== undefined) return { open: false, ...closure, ...base };

  const segments = openSegmentsOn(compiled, today);
  const current = segments.find((segment) => segment.start <= minuteOfDay && minuteOfDay < segment.end);
  if (current !== undefined) {
    const closesAt = instantAt(today, Math.floor(current.end / 60), current.end % 60, rules.timezone);
    return { open: true, reason: 'open', closesAt, ...base };
  }
  const first = segments[0];
  if (first !== undefined && minuteOfDay < first.start) return { open: false, reason: 'before-opening', ...base };
  const last = segments[segments.length - 1];
  if (last !== undefined && minuteOfDay >= last.end) return { open: false, reason: 'after-closing', ...base };
  return { open: false, reason: 'lunch', ...base };
}

/**
 * Swedish text for when the line opens next, relative to `now`: "Mottagningen öppnar igen i dag kl. 13.00",
 * "… i morgon kl. 08.30", "… måndag 24 november kl. 08.30" (the year is added when it differs).
 * When the line is open: "Mottagningen har öppet till kl. 12.00".
 */
export function describeNextOpening(status: PhoneStatus, now: Date): string {
  const timezone = status.timezone ?? DEFAULT_TIMEZONE;
  if (status.open && status.closesAt !== undefined) {
    return `Mottagningen har öppet till kl. ${formatClock(status.closesAt, timezone)}`;
  }
  const today = wallClockIn(now, timezone);
  const opening = wallClockIn(status.nextOpening, timezone);
  let day: string;
  if (isSameCalendarDate(opening, today)) {
    day = 'i dag';
  } else if (isSameCalendarDate(opening, addDays(today, 1))) {
    day = 'i morgon';
  } else {
    day = calendarDateText(opening, { withYear: opening.year !== today.year });
  }
  return `Mottagningen öppnar igen ${day} kl. ${formatClock(status.nextOpening, timezone)}`;
}

type Segment = { start: number; end: number };

type CompiledRules = {
  timezone: string;
  hoursByWeekday: Map<number, Segment[]>;
  closedOnPublicHolidays: boolean;
  closedOnEves: ReadonlySet<EveId>;
};

type Closure = { reason: 'holiday'; holidayName: string } | { reason: 'weekend' | 'after-closing' };

const compiledCache = new WeakMap<TelephoneHoursRules, CompiledRules>();

function compile(rules: TelephoneHoursRules): CompiledRules {
  const cached = compiledCache.get(rules);
  if (cached !== undefined) return cached;
  const valid = parseTelephoneHoursRules(rules);
  const breaks = valid.breaks.map((pause) => ({ start: toMinutes(pause.from), end: toMinutes(pause.to) }));
  const hoursByWeekday = new Map<number, Segment[]>();
  for (const day of valid.days) {
    const segments = subtractBreaks({ start: toMinutes(day.open), end: toMinutes(day.close) }, breaks);
    for (const weekday of day.weekdays) hoursByWeekday.set(weekday, segments);
  }
  const closedOnEves = new Set<EveId>();
  for (const name of valid.closedOnEves) {
    const id = eveIdFromName(name);
    if (id !== undefined) closedOnEves.add(id);
  }
  const compiled: CompiledRules = {
    timezone: valid.timezone,
    hoursByWeekday,
    closedOnPublicHolidays: valid.closedOnPublicHolidays,
    closedOnEves,
  };
  compiledCache.set(rules, compiled);
  return compiled;
}

function subtractBreaks(hours: Segment, breaks: readonly Segment[]): Segment[] {
  let segments = [hours];
  for (const pause of [...breaks].sort((a, b) => a.start - b.start)) {
    segments = segments.flatMap((segment) => {
      if (pause.end <= segment.start || pause.start >= segment.end) return [segment];
      const pieces: Segment[] = [];
      if (pause.start > segment.start) pieces.push({ start: segment.start, end: pause.start });
      if (pause.end < segment.end) pieces.push({ start: pause.end, end: segment.end });
      return pieces;
    });
  }
  return segments;
}

/** Why the line is closed all day on `date`, or undefined when the day has opening hours. */
function closureOn(rules: CompiledRules, date: CalendarDate): Closure | undefined {
  for (const holiday of swedishHolidaysOn(date)) {
    const closes =
      holiday.kind === 'public-holiday' ? rules.closedOnPublicHolidays : rules.closedOnEves.has(holiday.id);
    if (closes) return { reason: 'holiday', holidayName: holiday.name };
  }
  if (openSegmentsOn(rules, date).length > 0) return undefined;
  return { reason: isoWeekdayOf(date) >= 6 ? 'weekend' : 'after-closing' };
}

function openSegmentsOn(rules: CompiledRules, date: CalendarDate): Segment[] {
  return rules.hoursByWeekday.get(isoWeekdayOf(date)) ?? [];
}

function findNextOpening(rules: CompiledRules, today: CalendarDate, minuteOfDay: number): Date {
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    const date = addDays(today, offset);
    if (closureOn(rules, date) !== undefined) continue;
    const segment = openSegmentsOn(rules, date).find((candidate) => offset > 0 || candidate.start > minuteOfDay);
    if (segment !== undefined) {
      return instantAt(date, Math.floor(segment.start / 60), segment.start % 60, rules.timezone);
    }
  }
  throw new TelephoneHoursError([`no opening within ${SEARCH_DAYS} days`]);
}

function toMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function formatClock(instant: Date, timezone: string): string {
  return clockText(wallClockIn(instant, timezone));
}
