import { z } from 'zod';
import { parseCalendarDate, parseWallTime, type AvailabilityRequest } from '../booking/availability-rules.js';
import { bookingReferenceSchema, slotIdSchema } from '../booking/booking-input.js';
import { GUARDIAN_INVITERS, MEETING_LEADERS, MEETING_LOCATIONS, SLOT_KINDS, type PlanningAnswers, type SlotKind } from '../booking/booking-model.js';
import type { CalendarDate } from '../scheduling/clock.js';

/** What the tab API accepts, parsed with zod at the edge: each `parseX(value: unknown)` returns the domain shape or the failing fields. */

/** A parse result: the value, or the names of the fields that were wrong (never their content). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly fields: readonly string[] };

const calendarDate = z
  .string()
  .trim()
  .max(10)
  .transform((text, ctx) => parseCalendarDate(text) ?? (ctx.addIssue({ code: 'custom', message: 'must be YYYY-MM-DD' }), z.NEVER));
const wallTime = z
  .string()
  .trim()
  .max(5)
  .transform((text, ctx) => parseWallTime(text) ?? (ctx.addIssue({ code: 'custom', message: 'must be HH:MM' }), z.NEVER));
const minutes = z.coerce.number().int().min(0).max(24 * 60);
const slotId = slotIdSchema;
const reference = bookingReferenceSchema;

const weekQuerySchema = z.object({ from: calendarDate.optional() });

const postSlotsSchema = z
  .object({
    kind: z.enum(SLOT_KINDS),
    date: calendarDate,
    from: wallTime,
    to: wallTime,
    slotLengthMinutes: minutes,
    bufferMinutes: z.preprocess((value) => (value === '' || value === null ? undefined : value), minutes.optional()),
    repeatWeeks: z.coerce.number().int().min(1).max(52),
    place: z.string().trim().max(200).optional(),
  })
  .strict();

const bookSchema = z
  .object({
    slotId,
    kind: z.enum(SLOT_KINDS),
    guardiansInvitedBy: z.enum(GUARDIAN_INVITERS).optional(),
    ledBy: z.enum(MEETING_LEADERS).optional(),
    location: z.enum(MEETING_LOCATIONS).optional(),
  })
  .strict();

const schoolChoiceSchema = z.object({ school: z.string().trim().min(1).max(80).regex(/^[a-z0-9-]+$/) }).strict();

/** `PUT /api/tab/school`: the key of the user's school, from the list the week view offers. */
export function parseSchoolChoice(value: unknown): Parsed<string> {
  return parsed(schoolChoiceSchema.safeParse(value), (data) => data.school);
}

/** `GET /api/tab/week?from=YYYY-MM-DD`: any date of the wanted week; this week when absent. */
export interface WeekQuery {
  readonly from?: CalendarDate;
}

/** `POST /api/tab/bookings`: the slot, its kind as the user saw it, and (for an anmälningsmöte) the planning answers. */
export interface BookRequest {
  readonly slotId: string;
  readonly kind: SlotKind;
  readonly planning?: Partial<PlanningAnswers>;
}

/** Parses the week query string. */
export function parseWeekQuery(value: unknown): Parsed<WeekQuery> {
  return parsed(weekQuerySchema.safeParse(value ?? {}), (data) => (data.from ? { from: data.from } : {}));
}

/** Parses a "Lägg upp tider" body into the request the availability rules check. */
export function parsePostSlotsRequest(value: unknown): Parsed<AvailabilityRequest> {
  return parsed(postSlotsSchema.safeParse(value), (data) => ({
    kind: data.kind,
    date: data.date,
    from: data.from,
    to: data.to,
    slotLengthMinutes: data.slotLengthMinutes,
    repeatWeeks: data.repeatWeeks,
    ...(data.bufferMinutes === undefined ? {} : { bufferMinutes: data.bufferMinutes }),
    ...(data.kind === 'anmalningsmote' && data.place ? { place: data.place } : {}),
  }));
}

/** Parses a booking body. */
export function parseBookRequest(value: unknown): Parsed<BookRequest> {
  return parsed(bookSchema.safeParse(value), (data) => {
    const planning: Partial<PlanningAnswers> = {
      ...(data.guardiansInvitedBy ? { guardiansInvitedBy: data.guardiansInvitedBy } : {}),
      ...(data.ledBy ? { ledBy: data.ledBy } : {}),
      ...(data.location ? { location: data.location } : {}),
    };
    return { slotId: data.slotId, kind: data.kind, ...(Object.keys(planning).length > 0 ? { planning } : {}) };
  });
}

/** Parses a slot id from the path. */
export function parseSlotId(value: unknown): Parsed<string> {
  return parsed(slotId.safeParse(value), (id) => id, 'id');
}

/** Parses a booking reference from the path (`AM-7K3Q-9D`, any case). */
export function parseBookingReference(value: unknown): Parsed<string> {
  return parsed(reference.safeParse(value), (ref) => ref, 'reference');
}

function parsed<In, Out>(result: z.ZodSafeParseResult<In>, map: (data: In) => Out, field?: string): Parsed<Out> {
  if (result.success) return { ok: true, value: map(result.data) };
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || field || '(body)'))];
  return { ok: false, fields };
}
