import type { Logger } from '../observability/logger.js';
import type { Clock } from '../scheduling/clock.js';
import { startPeriodicJob, type PeriodicJob } from './periodic-job.js';

/** What the purge job needs: the booking store's purge, the clock and the retention. */
export interface BookingPurgeOptions {
  readonly bookings: { purgeEndedBefore(cutoff: Date, now: Date): Promise<{ bookings: number; slots: number }> };
  readonly clock: Clock;
  readonly retentionDays: number;
  readonly logger: Logger;
  /** Time between runs; default one hour. */
  readonly intervalMs?: number;
  /** Time from start to the first run; default one minute, so a starting instance does not compete with the others for the write lock. */
  readonly firstRunAfterMs?: number;
}

/** A running purge job. */
export type BookingPurgeJob = PeriodicJob<{ bookings: number; slots: number }>;

/**
 * Deletes bookings and slots that ended more than the retention ago, a minute after start and then
 * every interval. Several instances may run it at once: a DELETE of what is already gone deletes nothing.
 */
export function startBookingPurge(options: BookingPurgeOptions): BookingPurgeJob {
  const runOnce = async () => {
    const now = options.clock.now();
    const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000);
    const purged = await options.bookings.purgeEndedBefore(cutoff, now);
    if (purged.bookings + purged.slots > 0) options.logger.info({ code: 'BOOKINGS_PURGED', ...purged }, 'past bookings purged');
    return purged;
  };
  return startPeriodicJob({ run: runOnce, failureCode: 'BOOKING_PURGE_FAILED', logger: options.logger, intervalMs: options.intervalMs, firstRunAfterMs: options.firstRunAfterMs });
}
