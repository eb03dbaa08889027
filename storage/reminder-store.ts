import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Database, RemindersTable } from './database-schema.js';
import { parseStoredJsonObject } from './stored-json.js';
import { fromStoredTime, toStoredTime } from './stored-time.js';

/** Where a reminder is in its life: waiting, being sent by one instance, done, given up, or no longer needed. */
export type ReminderStatus = RemindersTable['status'];

/** A small JSON object: ids and conversation keys only, never child data or anything a user wrote. */
export type ReminderPayload = Readonly<Record<string, unknown>>;

/** A reminder to store. */
export interface NewReminder {
  /** Which handler will send it, e.g. `aterkoppling-day-14`. */
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload: ReminderPayload;
  /** When set, a second reminder with the same key is not stored (scheduling twice is harmless). */
  readonly dedupeKey?: string;
}

/** A stored reminder. */
export interface Reminder {
  readonly id: string;
  readonly kind: string;
  readonly dueAt: Date;
  readonly payload: ReminderPayload;
  readonly dedupeKey?: string;
  readonly status: ReminderStatus;
  /** How many times an instance has started sending it. */
  readonly attempts: number;
  readonly claimedByInstance?: string;
  readonly claimedAt?: Date;
  readonly sentAt?: Date;
  readonly createdAt: Date;
}

/** Which due reminders to look for. */
export interface DueReminderQuery {
  /** Only these kinds: an instance never picks up a kind it has no handler for. */
  readonly kinds: readonly string[];
  /** A reminder left in `sending` longer than this (its instance died) is due again. */
  readonly leaseMs: number;
  readonly limit: number;
}

/** Options for tests and tools; production uses the defaults. */
export interface ReminderStoreOptions {
  newId?: () => string;
  now?: () => Date;
}

/**
 * Reminders in the `reminders` table. Sending is leased: `claim` moves one reminder from `pending`
 * (or from a `sending` whose lease ran out) to `sending` in a single conditional UPDATE, so among any
 * number of worker instances exactly one gets to send it.
 */
export class ReminderStore {
  private readonly newId: () => string;
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    options: ReminderStoreOptions = {},
  ) {
    this.newId = options.newId ?? randomUUID;
    this.now = options.now ?? (() => new Date());
  }

  /** Stores a pending reminder. With a dedupe key already in use, nothing is stored and `created` is false. */
  async schedule(reminder: NewReminder): Promise<{ id: string; created: boolean }> {
    const row: Selectable<RemindersTable> = {
      id: this.newId(),
      kind: reminder.kind,
      due_at: toStoredTime(reminder.dueAt),
      payload: JSON.stringify(reminder.payload),
      dedupe_key: reminder.dedupeKey ?? null,
      status: 'pending',
      attempts: 0,
      claimed_by_instance: null,
      claimed_at: null,
      sent_at: null,
      created_at: toStoredTime(this.now()),
    };
    const inserted = await this.db
      .insertInto('reminders')
      .values(row)
      .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
      .executeTakeFirst();
    if ((inserted.numInsertedOrUpdatedRows ?? 0n) > 0n) return { id: row.id, created: true };
    const existing = await this.db.selectFrom('reminders').select('id').where('dedupe_key', '=', reminder.dedupeKey ?? '').executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }

  /** The reminder with this id, or undefined. */
  async get(id: string): Promise<Reminder | undefined> {
    const row = await this.db.selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toReminder(row);
  }

  /** Reminders due at `now` (pending, or stuck in `sending` past the lease), earliest first. */
  async findDue(now: Date, query: DueReminderQuery): Promise<Reminder[]> {
    if (query.kinds.length === 0) return [];
    const rows = await this.db
      .selectFrom('reminders')
      .selectAll()
      .where('kind', 'in', [...query.kinds])
      .where('due_at', '<=', toStoredTime(now))
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', toStoredTime(new Date(now.getTime() - query.leaseMs)))]),
        ]),
      )
      .orderBy('due_at')
      .orderBy('id')
      .limit(query.limit)
      .execute();
    return rows.map(toReminder);
  }

  /**
   * Takes the lease on a due reminder for `instanceId`. True for exactly one caller; false when it is
   * not due, already sent, or another instance holds a lease that has not run out.
   */
  async claim(id: string, instanceId: string, now: Date, leaseMs: number): Promise<boolean> {
    const updated = await this.db
      .updateTable('reminders')
      .set((eb) => ({
        status: 'sending',
        claimed_by_instance: instanceId,
        claimed_at: toStoredTime(now),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where('due_at', '<=', toStoredTime(now))
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', toStoredTime(new Date(now.getTime() - leaseMs)))]),
        ]),
      )
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  /** Records that the holder of the lease sent it. False when the lease was lost to another instance. */
  async markSent(id: string, instanceId: string, at: Date): Promise<boolean> {
    return this.finish(id, instanceId, { status: 'sent', sent_at: toStoredTime(at) });
  }

  /** Records that the holder of the lease found nothing left to send (e.g. the alert was taken meanwhile). */
  async markCancelled(id: string, instanceId: string): Promise<boolean> {
    return this.finish(id, instanceId, { status: 'cancelled' });
  }

  /** Records that the holder of the lease gave up on it. */
  async markFailed(id: string, instanceId: string): Promise<boolean> {
    return this.finish(id, instanceId, { status: 'failed' });
  }

  /** Gives the lease back after a failed attempt; the reminder is due again at `retryAt`. */
  async release(id: string, instanceId: string, retryAt: Date): Promise<boolean> {
    return this.finish(id, instanceId, { status: 'pending', due_at: toStoredTime(retryAt), claimed_by_instance: null, claimed_at: null });
  }

  /** Cancels the pending reminders scheduled with this dedupe key (e.g. a booking that was called off). */
  async cancelPending(dedupeKey: string): Promise<number> {
    const updated = await this.db
      .updateTable('reminders')
      .set({ status: 'cancelled' })
      .where('dedupe_key', '=', dedupeKey)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows);
  }

  private async finish(id: string, instanceId: string, changes: Partial<Selectable<RemindersTable>>): Promise<boolean> {
    const updated = await this.db
      .updateTable('reminders')
      .set(changes)
      .where('id', '=', id)
      .where('status', '=', 'sending')
      .where('claimed_by_instance', '=', instanceId)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }
}

function toReminder(row: Selectable<RemindersTable>): Reminder {
  return {
    id: row.id,
    kind: row.kind,
    dueAt: fromStoredTime(row.due_at),
    payload: parseStoredJsonObject('reminders', row.id, row.payload),
    ...(row.dedupe_key === null ? {} : { dedupeKey: row.dedupe_key }),
    status: row.status,
    attempts: Number(row.attempts),
    ...(row.claimed_by_instance === null ? {} : { claimedByInstance: row.claimed_by_instance }),
    ...(row.claimed_at === null ? {} : { claimedAt: fromStoredTime(row.claimed_at) }),
    ...(row.sent_at === null ? {} : { sentAt: fromStoredTime(row.sent_at) }),
    createdAt: fromStoredTime(row.created_at),
  };
}
