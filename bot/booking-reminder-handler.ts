import { z } from 'zod';
import { DEFAULT_BOOKING_RULES, isReminderDayFor, type BookingRules } from '../booking/availability-rules.js';
import type { Booking } from '../booking/booking-model.js';
import { BOOKING_REMINDER_KIND } from '../storage/booking-store.js';
import type { ProactiveBookingNotifier } from './booking-notifier.js';
import { ReminderPayloadInvalidError, type ReminderHandler } from './reminder-worker.js';

/** The payload the booking store writes: the booking's id, nothing else. */
const payloadSchema = z.object({ bookingId: z.string().min(1).max(64) });

/**
 * Sends the day-before reminder of a booking to both sides. The booking store schedules it (kind
 * `booking-day-before`) in the same transaction as the booking, and cancels it when the booking is
 * cancelled or moved; the worker's lease makes it go out once across instances. A booking that is
 * gone, cancelled or moved to another day (its reminder day is no longer today) is skipped.
 */
export function bookingReminderHandler(options: {
  readonly bookings: { getBookingById(id: string): Promise<Booking | undefined> };
  readonly notifier: Pick<ProactiveBookingNotifier, 'dayBefore'>;
  readonly rules?: BookingRules;
}): ReminderHandler {
  return {
    kind: BOOKING_REMINDER_KIND,
    async send(reminder, now) {
      const payload = payloadSchema.safeParse(reminder.payload);
      if (!payload.success) throw new ReminderPayloadInvalidError(reminder.kind);
      const booking = await options.bookings.getBookingById(payload.data.bookingId);
      if (!booking || booking.status !== 'booked' || !isReminderDayFor(booking.start, now, options.rules ?? DEFAULT_BOOKING_RULES)) return 'cancelled';
      await options.notifier.dayBefore(booking, now);
      return 'sent';
    },
  };
}
