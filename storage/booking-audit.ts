import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Area } from '../municipality/contacts.js';
import type { BookingAuditAction, BookingAuditEntry, SlotKind } from '../booking/booking-model.js';
import type { DatabaseSchema } from './database-schema.js';
import { fromStoredTime, toStoredTime } from './stored-time.js';

/** The actor id recorded for what the bot does by itself (the retention purge). */
export const SYSTEM_ACTOR = 'system';

// Entry ids sort in writing order: the time, then a per-process counter for entries in the same millisecond.
let written = 0;

/** Appends one entry to `booking_audit`. There is no update or delete: the log is append-only. */
export async function appendAudit(db: Kysely<DatabaseSchema>, entry: BookingAuditEntry): Promise<void> {
  written += 1;
  await db
    .insertInto('booking_audit')
    .values({
      id: `${toStoredTime(entry.at)}/${String(written).padStart(12, '0')}/${randomUUID().slice(0, 8)}`,
      at: toStoredTime(entry.at),
      actor_id: entry.actorId,
      action: entry.action,
      slot_id: entry.slotId ?? null,
      booking_reference: entry.bookingReference ?? null,
      area: entry.area ?? null,
      kind: entry.kind ?? null,
    })
    .execute();
}

/** Which audit entries to read; all of them when empty. */
export interface AuditFilter {
  readonly bookingReference?: string;
  readonly slotId?: string;
  readonly action?: BookingAuditAction;
  readonly since?: Date;
}

/** Reads audit entries in the order they were written. */
export async function readAudit(db: Kysely<DatabaseSchema>, filter: AuditFilter = {}): Promise<BookingAuditEntry[]> {
  let query = db.selectFrom('booking_audit').selectAll();
  if (filter.bookingReference !== undefined) query = query.where('booking_reference', '=', filter.bookingReference);
  if (filter.slotId !== undefined) query = query.where('slot_id', '=', filter.slotId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.since !== undefined) query = query.where('at', '>=', toStoredTime(filter.since));
  const rows = await query.orderBy('id').execute();
  return rows.map((row) => ({
    at: fromStoredTime(row.at),
    actorId: row.actor_id,
    action: row.action as BookingAuditAction,
    ...(row.slot_id === null ? {} : { slotId: row.slot_id }),
    ...(row.booking_reference === null ? {} : { bookingReference: row.booking_reference }),
    ...(row.area === null ? {} : { area: row.area as Area }),
    ...(row.kind === null ? {} : { kind: row.kind as SlotKind }),
  }));
}
