import type { Logger } from '../observability/logger.js';

/** A job that runs now and then in the background (a purge), which a test can also run at once. */
export interface PeriodicJob<Result> {
  /** One run now; tests call this. */
  runOnce(): Promise<Result>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `run` a while after start and then every interval, never throwing: a failed run is logged with
 * `failureCode` and tried again at the next interval. The timers do not keep the process alive.
 */
export function startPeriodicJob<Result>(options: {
  readonly run: () => Promise<Result>;
  readonly failureCode: string;
  readonly logger: Logger;
  /** Time between runs; default one hour. */
  readonly intervalMs?: number;
  /** Time from start to the first run; default one minute, so a starting instance does not compete with the others for the write lock. */
  readonly firstRunAfterMs?: number;
}): PeriodicJob<Result> {
  let running: Promise<unknown> = Promise.resolve();
  const safeRun = () => {
    running = options.run().catch((error: unknown) => {
      options.logger.error({ code: options.failureCode, errorName: (error as Error).name, errorCode: (error as { code?: unknown }).code }, 'background job failed');
    });
  };
  let timer: NodeJS.Timeout = setTimeout(() => {
    safeRun();
    timer = setInterval(safeRun, options.intervalMs ?? 60 * 60_000);
    timer.unref();
  }, options.firstRunAfterMs ?? 60_000);
  timer.unref();
  return {
    runOnce: options.run,
    async stop() {
      clearTimeout(timer);
      clearInterval(timer);
      await running;
    },
  };
}
