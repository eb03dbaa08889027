import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Logger } from '../observability/logger.js';
import type { Clock } from '../scheduling/clock.js';
import type { Reminder, ReminderStore } from '../storage/reminder-store.js';

/**
 * Sends one kind of reminder. Return 'cancelled' when nothing is left to send. Throw to have it retried
 * later; an error with `retryable: false` (e.g. an unreadable payload) marks it failed at once.
 */
export interface ReminderHandler {
  readonly kind: string;
  send(reminder: Reminder, now: Date): Promise<'sent' | 'cancelled'>;
}

/** What the worker needs, and its tunables. */
export interface ReminderWorkerOptions {
  readonly store: ReminderStore;
  readonly handlers: readonly ReminderHandler[];
  readonly clock: Clock;
  readonly logger: Logger;
  /** Time between passes; 0 means `start()` does nothing (the instance sends no reminders). */
  readonly pollMs: number;
  /** Names this instance in the `claimed_by_instance` column; default host, pid and a random part. */
  readonly instanceId?: string;
  /** How long a claim lasts before another instance may take over a reminder stuck in `sending`. */
  readonly leaseMs?: number;
  /** At most this many reminders per pass. */
  readonly batchSize?: number;
  /** After this many failed attempts a reminder is marked failed and never sent. */
  readonly maxAttempts?: number;
}

/** What one pass did. */
export interface ReminderPassResult {
  sent: number;
  cancelled: number;
  retried: number;
  failed: number;
}

/** A stored reminder's payload is not what its kind expects; it is marked failed without retrying. */
export class ReminderPayloadInvalidError extends Error {
  readonly code = 'REMINDER_PAYLOAD_INVALID';
  readonly retryable = false;
  constructor(readonly kind: string) {
    super(`A stored ${kind} reminder has a payload this version cannot read.`);
    this.name = 'ReminderPayloadInvalidError';
  }
}

/** Thrown at start when two handlers claim the same kind. */
export class ReminderKindConflictError extends Error {
  readonly code = 'REMINDER_KIND_CONFLICT';
  constructor(readonly kind: string) {
    super(`Two reminder handlers are registered for the kind "${kind}".`);
    this.name = 'ReminderKindConflictError';
  }
}

const defaultLeaseMs = 5 * 60_000;
const defaultBatchSize = 50;
const defaultMaxAttempts = 5;

/**
 * Sends due reminders proactively, once across instances: every pass finds due reminders of the
 * kinds it has handlers for, takes a lease on each (a conditional UPDATE only one instance wins) and
 * hands it to its kind's handler. A failed send is retried with growing delays, then marked failed.
 */
export class ReminderWorker {
  /** The id this instance claims reminders under. */
  readonly instanceId: string;
  private readonly handlers: ReadonlyMap<string, ReminderHandler>;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = true;

  constructor(private readonly options: ReminderWorkerOptions) {
    const handlers = new Map<string, ReminderHandler>();
    for (const handler of options.handlers) {
      if (handlers.has(handler.kind)) throw new ReminderKindConflictError(handler.kind);
      handlers.set(handler.kind, handler);
    }
    this.handlers = handlers;
    this.instanceId = options.instanceId ?? `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? defaultLeaseMs;
    this.batchSize = options.batchSize ?? defaultBatchSize;
    this.maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  }

  /** The kinds this worker sends. */
  get kinds(): readonly string[] {
    return [...this.handlers.keys()];
  }

  /** Starts polling every `pollMs` (first pass after one interval); does nothing when `pollMs` is 0. */
  start(): void {
    if (this.options.pollMs <= 0 || !this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops polling and waits for a pass in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs one pass at `now` (default: the clock). Tests drive the worker with this. */
  async runOnce(now: Date = this.options.clock.now()): Promise<ReminderPassResult> {
    const pass = this.pass(now);
    this.running = Promise.all([this.running, pass.catch(() => undefined)]);
    return pass;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((error: unknown) => {
          this.options.logger.error({ code: 'REMINDER_PASS_FAILED', errorName: (error as Error).name, errorCode: (error as { code?: unknown }).code }, 'reminder pass failed');
        })
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.options.pollMs);
    // Reminders must not keep a process alive that is otherwise shutting down.
    this.timer.unref();
  }

  private async pass(now: Date): Promise<ReminderPassResult> {
    const result: ReminderPassResult = { sent: 0, cancelled: 0, retried: 0, failed: 0 };
    const due = await this.options.store.findDue(now, { kinds: this.kinds, leaseMs: this.leaseMs, limit: this.batchSize });
    for (const reminder of due) {
      if (!(await this.options.store.claim(reminder.id, this.instanceId, now, this.leaseMs))) continue;
      const outcome = await this.deliver(reminder, now);
      result[outcome] += 1;
    }
    return result;
  }

  private async deliver(reminder: Reminder, now: Date): Promise<keyof ReminderPassResult> {
    const { store, logger } = this.options;
    const log = { reminderId: reminder.id, kind: reminder.kind };
    const handler = this.handlers.get(reminder.kind);
    try {
      if (handler === undefined) throw new Error(`no handler for ${reminder.kind}`);
      const outcome = await handler.send(reminder, now);
      if (outcome === 'sent') {
        await store.markSent(reminder.id, this.instanceId, now);
        logger.info({ code: 'REMINDER_SENT', ...log }, 'reminder sent');
        return 'sent';
      }
      await store.markCancelled(reminder.id, this.instanceId);
      logger.info({ code: 'REMINDER_CANCELLED', ...log }, 'reminder no longer needed');
      return 'cancelled';
    } catch (error) {
      const attempts = reminder.attempts + 1;
      const failure = { ...log, attempts, errorName: (error as Error).name, errorCode: (error as { code?: unknown }).code };
      if (attempts >= this.maxAttempts || (error as { retryable?: unknown }).retryable === false) {
        await store.markFailed(reminder.id, this.instanceId);
        logger.error({ code: 'REMINDER_FAILED', ...failure }, 'reminder given up');
        return 'failed';
      }
      await store.release(reminder.id, this.instanceId, new Date(now.getTime() + retryDelayMs(attempts)));
      logger.warn({ code: 'REMINDER_RETRY', ...failure }, 'reminder will be retried');
      return 'retried';
    }
  }
}

/** 1, 4, 16, 64 minutes … : a Bot Connector outage is waited out without hammering it. */
function retryDelayMs(attempts: number): number {
  return 60_000 * 4 ** (attempts - 1);
}
