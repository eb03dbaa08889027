import type { Logger } from '../observability/logger.js';
import type { Clock } from '../scheduling/clock.js';

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
export interface BookingPurgeJob {
  /** One purge now; tests call this. */
  runOnce(): Promise<{ bookings: number; slots: number }>;
  /** Stops the timer and waits for a purge in progress. */
  stop(): Promise<void>;
}

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
  let running: Promise<unknown> = Promise.resolve();
  const safeRun = () => {
    running = runOnce().catch((error: unknown) => {
      options.logger.error({ code: 'BOOKING_PURGE_FAILED', errorName: (error as Error).name, errorCode: (error as { code?: unknown }).code }, 'booking purge failed');
    });
  };
  let timer: NodeJS.Timeout = setTimeout(() => {
    safeRun();
    timer = setInterval(safeRun, options.intervalMs ?? 60 * 60_000);
    timer.unref();
  }, options.firstRunAfterMs ?? 60_000);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearTimeout(timer);
      clearInterval(timer);
      await running;
    },
  };
}
