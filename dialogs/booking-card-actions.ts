import { z } from 'zod';
import { bookingReferenceSchema, slotIdSchema } from '../booking/booking-input.js';
import { GUARDIAN_INVITERS, MEETING_LEADERS, MEETING_LOCATIONS, SLOT_KINDS } from '../booking/booking-model.js';

/** What the "Tider och bokningar" entry can start. */
export const BOOKING_FLOWS = ['meny', 'boka-anmalningsmote', 'boka-konsultation', 'lagg-upp-tider', 'mina-tider', 'mina-bokningar'] as const;
/** One booking flow. */
export type BookingFlow = (typeof BOOKING_FLOWS)[number];

const id = slotIdSchema;
const reference = bookingReferenceSchema;
/** Input.* values arrive as strings; an untouched optional input may be missing or empty. */
const text = (max: number) => z.string().trim().max(max);
const minutes = z.coerce.number().int().min(0).max(24 * 60);

/**
 * Every booking card submit, told apart by `action`; spread into the bot's card-action union so the
 * router recognises them. Unknown keys (e.g. `msteams`) are dropped.
 */
export const bookingCardActionVariants = [
  z.object({ action: z.literal('booking.start'), flow: z.enum(BOOKING_FLOWS) }),
  z.object({ action: z.literal('booking.pick'), slotId: id }),
  z.object({
    action: z.literal('booking.confirm'),
    slotId: id,
    guardiansInvitedBy: z.enum(GUARDIAN_INVITERS).optional(),
    ledBy: z.enum(MEETING_LEADERS).optional(),
    location: z.enum(MEETING_LOCATIONS).optional(),
  }),
  z.object({ action: z.literal('booking.other') }),
  z.object({ action: z.literal('booking.cancel'), reference }),
  z.object({ action: z.literal('booking.move'), reference }),
  z.object({ action: z.literal('booking.moveTo'), reference, slotId: id }),
  z.object({ action: z.literal('booking.confirmCancel'), reference }),
  z.object({ action: z.literal('slot.cancel'), slotId: id }),
  z.object({ action: z.literal('slot.confirmCancel'), slotId: id }),
  z.object({ action: z.literal('booking.keep') }),
  z.object({
    action: z.literal('availability.post'),
    kind: z.enum(SLOT_KINDS),
    // The form's days ("2026-03-10,2026-03-12" from a multi-select) and/or one other date; at least one is needed.
    dates: text(10 * 11).optional(),
    date: text(10).optional(),
    from: text(5),
    to: text(5),
    length: minutes,
    buffer: z.preprocess((value) => (value === '' ? undefined : value), minutes.optional()),
    repeatWeeks: z.coerce.number().int().min(1).max(52),
    place: text(200).optional(),
  }),
] as const;

/** Every booking card submit. */
export const bookingCardActionSchema = z.discriminatedUnion('action', bookingCardActionVariants);

/** A validated booking card submit. */
export type BookingCardAction = z.infer<typeof bookingCardActionSchema>;
/** The name of a booking card action. */
export type BookingCardActionName = BookingCardAction['action'];

/** Actions that start a booking flow from anywhere (a menu button, or a button on an earlier confirmation). */
export const BOOKING_STARTER_ACTIONS: readonly BookingCardActionName[] = ['booking.start', 'booking.cancel', 'booking.move', 'slot.cancel'];

/**
 * Reads `activity.value` as a booking card submit; undefined for anything else (an old card, another
 * routine's card, a forged payload). A messageBack value delivered as a JSON string is parsed first.
 */
export function parseBookingCardAction(value: unknown): BookingCardAction | undefined {
  let candidate = value;
  if (typeof value === 'string') {
    try {
      candidate = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  const parsed = bookingCardActionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** True for the actions that start a booking flow by themselves. */
export function isBookingStarterAction(action: { readonly action: string }): boolean {
  return (BOOKING_STARTER_ACTIONS as readonly string[]).includes(action.action);
}
