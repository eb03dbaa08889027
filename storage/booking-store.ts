import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Area } from '../municipality/contacts.js';
import { DEFAULT_BOOKING_RULES, dayBeforeReminderAt, type BookingRules } from '../booking/availability-rules.js';
import {
  DEFAULT_PLANNING,
  type Booking,
  type BookingAuditEntry,
  type BookingOutcome,
  type BookingQuery,
  type BookingStatus,
  type BookSlotRequest,
  type CancelBookingOutcome,
  type CancelSlotOutcome,
  type MoveBookingOutcome,
  type MoveBookingRequest,
  type PlanningAnswers,
  type SlotKind,
  type StaffMember,
} from '../booking/booking-model.js';
import { findFreeSlots, slotFromRow, staffFromColumns } from './availability-store.js';
import { appendAudit, readAudit, SYSTEM_ACTOR, type AuditFilter } from './booking-audit.js';
import type { BookingsTable, Database, DatabaseSchema } from './database-schema.js';
import { fromStoredTime, toStoredTime } from './stored-time.js';

/** The reminder kind the booking store schedules in `reminders`; its payload is `{ bookingId }`. */
export const BOOKING_REMINDER_KIND = 'booking-day-before';

/** A booking request was malformed (a programming error, not a user's): e.g. an anmälningsmöte without a school. */
export class BookingRequestError extends Error {
  readonly code = 'BOOKING_REQUEST_INVALID';
  constructor(reason: string) {
    super(`Invalid booking request: ${reason}`);
    this.name = 'BookingRequestError';
  }
}

/** Options for tests and tools; production uses the defaults. */
export interface BookingStoreOptions {
  newId?: () => string;
  /** Makes a booking reference for a kind; the default draws `AM-7K3Q-9D` style references. */
  newReference?: (kind: SlotKind) => string;
  rules?: BookingRules;
  /** How many alternatives a loser is offered. */
  alternatives?: number;
}

const MAX_REFERENCE_ATTEMPTS = 5;
const DEFAULT_ALTERNATIVES = 3;

/**
 * Bookings of posted slots, in `bookings`, with every change in the append-only `booking_audit` and
 * the day-before reminder in `reminders`. Booking is one conditional UPDATE (`… set status = 'booked'
 * where id = ? and status = 'free'`) whose affected-row count decides the winner, followed by the
 * booking insert in the same transaction: however many people on however many bot instances press at
 * once, exactly one gets the slot and the others are offered the nearest free slots.
 */
export class BookingStore {
  private readonly newId: () => string;
  private readonly newReference: (kind: SlotKind) => string;
  private readonly rules: BookingRules;
  private readonly alternatives: number;

  constructor(
    private readonly db: Database,
    options: BookingStoreOptions = {},
  ) {
    this.newId = options.newId ?? randomUUID;
    this.newReference = options.newReference ?? newBookingReference;
    this.rules = options.rules ?? DEFAULT_BOOKING_RULES;
    this.alternatives = options.alternatives ?? DEFAULT_ALTERNATIVES;
  }

  /** Books a free slot; when someone else got it first, returns the nearest free slots of the same kind and area. */
  async bookSlot(request: BookSlotRequest): Promise<BookingOutcome> {
    if (request.kind === 'anmalningsmote' && !request.school?.trim()) throw new BookingRequestError('an anmälningsmöte needs the school');
    for (let attempt = 1; ; attempt += 1) {
      try {
        const booking = await this.db.transaction().execute((trx) => this.bookInTransaction(trx, request));
        if (booking) return { status: 'booked', booking };
        break;
      } catch (error) {
        // A drawn reference that already exists is the only conflict worth retrying; it is astronomically rare.
        if (attempt < MAX_REFERENCE_ATTEMPTS && isUniqueViolation(error)) continue;
        throw error;
      }
    }
    const slot = await this.db.selectFrom('availability_slots').selectAll().where('id', '=', request.slotId).executeTakeFirst();
    if (!slot) return { status: 'not-found' };
    const alternatives = await findFreeSlots(this.db, {
      area: slot.area as Area,
      kind: request.kind,
      from: request.earliestStart,
      to: request.alternativesUntil,
      limit: this.alternatives,
    });
    return { status: 'taken', alternatives };
  }

  /** Cancels a booking. The booker's cancellation frees the slot again; the socialsekreterare's withdraws it. */
  async cancelBooking(reference: string, actor: StaffMember, now: Date): Promise<CancelBookingOutcome> {
    return this.db.transaction().execute(async (trx): Promise<CancelBookingOutcome> => {
      const row = await selectBooking(trx, reference);
      if (!row) return { status: 'not-found' };
      const cancelledBy = row.booked_by_id === actor.id ? 'booker' : row.owner_id === actor.id ? 'owner' : undefined;
      if (!cancelledBy) return { status: 'not-allowed' };
      if (row.status !== 'booked') return { status: 'already-cancelled' };
      // The slot row first, as every other change does, so two changes never wait on each other in opposite order.
      await trx
        .updateTable('availability_slots')
        .set((eb) => ({ status: cancelledBy === 'booker' ? 'free' : 'cancelled', version: eb('version', '+', 1), updated_at: toStoredTime(now) }))
        .where('id', '=', row.slot_id)
        .where('status', '=', 'booked')
        .execute();
      const updated = await trx
        .updateTable('bookings')
        .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1), updated_at: toStoredTime(now), cancelled_at: toStoredTime(now) }))
        .where('id', '=', row.id)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) throw new Rollback<CancelBookingOutcome>({ status: 'already-cancelled' });
      await cancelReminders(trx, row.id);
      await appendAudit(trx, { at: now, actorId: actor.id, action: 'booking-cancelled', slotId: row.slot_id, bookingReference: row.reference, area: row.area as Area, kind: row.kind as SlotKind });
      return { status: 'cancelled', booking: bookingFromRow((await selectBooking(trx, reference))!), cancelledBy };
    }).catch(unwrapRollback<CancelBookingOutcome>);
  }

  /** A socialsekreterare cancels one of their slots; a booking it held is cancelled too and returned, so its booker can be told. */
  async cancelSlot(slotId: string, actor: StaffMember, now: Date): Promise<CancelSlotOutcome> {
    return this.db.transaction().execute(async (trx): Promise<CancelSlotOutcome> => {
      const slot = await trx.selectFrom('availability_slots').selectAll().where('id', '=', slotId).executeTakeFirst();
      if (!slot) return { status: 'not-found' };
      if (slot.owner_id !== actor.id) return { status: 'not-allowed' };
      const updated = await trx
        .updateTable('availability_slots')
        .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1), updated_at: toStoredTime(now) }))
        .where('id', '=', slotId)
        .where('status', 'in', ['free', 'booked'])
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return { status: 'already-cancelled' };
      await appendAudit(trx, { at: now, actorId: actor.id, action: 'slot-cancelled', slotId, area: slot.area as Area, kind: slot.kind as SlotKind });

      // Read after the update: a booking committed just before it is seen and cancelled with the slot.
      const booked = await trx.selectFrom('bookings').selectAll().where('slot_id', '=', slotId).where('status', '=', 'booked').executeTakeFirst();
      let cancelledBooking: Booking | undefined;
      if (booked) {
        await trx
          .updateTable('bookings')
          .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1), updated_at: toStoredTime(now), cancelled_at: toStoredTime(now) }))
          .where('id', '=', booked.id)
          .execute();
        await cancelReminders(trx, booked.id);
        await appendAudit(trx, { at: now, actorId: actor.id, action: 'booking-cancelled', slotId, bookingReference: booked.reference, area: booked.area as Area, kind: booked.kind as SlotKind });
        cancelledBooking = bookingFromRow((await selectBooking(trx, booked.reference))!);
      }
      const cancelled = await trx.selectFrom('availability_slots').selectAll().where('id', '=', slotId).executeTakeFirstOrThrow();
      return { status: 'cancelled', slot: slotFromRow(cancelled), ...(cancelledBooking ? { cancelledBooking } : {}) };
    });
  }

  /**
   * Moves a booking to another free slot of the same kind and area, keeping its reference (calendars
   * update the same event). The booker or the socialsekreterare may move it; the old slot is free again.
   */
  async moveBooking(request: MoveBookingRequest): Promise<MoveBookingOutcome> {
    const outcome = await this.db.transaction().execute(async (trx): Promise<MoveBookingOutcome | 'taken'> => {
      const row = await selectBooking(trx, request.reference);
      if (!row) return { status: 'not-found' };
      const movedBy = row.booked_by_id === request.actor.id ? 'booker' : row.owner_id === request.actor.id ? 'owner' : undefined;
      if (!movedBy) return { status: 'not-allowed' };
      if (row.status !== 'booked' || row.slot_id === request.toSlotId) return { status: 'not-movable' };
      const now = toStoredTime(request.now);

      const claimed = await trx
        .updateTable('availability_slots')
        .set((eb) => ({ status: 'booked', version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', request.toSlotId)
        .where('status', '=', 'free')
        .where('kind', '=', row.kind)
        .where('area', '=', row.area)
        .where('starts_at', '>=', toStoredTime(request.earliestStart))
        .executeTakeFirst();
      if (claimed.numUpdatedRows === 0n) return 'taken';
      await trx
        .updateTable('availability_slots')
        .set((eb) => ({ status: 'free', version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', row.slot_id)
        .where('status', '=', 'booked')
        .execute();
      const target = await trx.selectFrom('availability_slots').selectAll().where('id', '=', request.toSlotId).executeTakeFirstOrThrow();
      const movedRow = await trx
        .updateTable('bookings')
        .set((eb) => ({
          slot_id: target.id,
          starts_at: target.starts_at,
          ends_at: target.ends_at,
          place: target.place,
          owner_id: target.owner_id,
          owner_name: target.owner_name,
          owner_teams_id: target.owner_teams_id,
          owner_upn: target.owner_upn,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', '=', row.id)
        .where('slot_id', '=', row.slot_id)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      // Another move or a cancellation of this booking got in first: undo the claim above.
      if (movedRow.numUpdatedRows === 0n) throw new Rollback<MoveBookingOutcome>({ status: 'not-movable' });
      const moved = bookingFromRow((await selectBooking(trx, row.reference))!);
      await cancelReminders(trx, row.id);
      await this.scheduleReminder(trx, moved, request.now);
      await appendAudit(trx, { at: request.now, actorId: request.actor.id, action: 'booking-moved', slotId: target.id, bookingReference: row.reference, area: moved.area, kind: moved.kind });
      return { status: 'moved', booking: moved, previous: bookingFromRow(row), movedBy };
    }).catch(unwrapRollback<MoveBookingOutcome>);
    if (outcome !== 'taken') return outcome;
    const booking = await this.getBooking(request.reference);
    const alternatives = booking
      ? await findFreeSlots(this.db, { area: booking.area, kind: booking.kind, from: request.earliestStart, to: request.alternativesUntil, limit: this.alternatives, excludeSlotId: booking.slotId })
      : [];
    return { status: 'taken', alternatives };
  }

  /** One booking by its reference, whatever its status. */
  async getBooking(reference: string): Promise<Booking | undefined> {
    const row = await selectBooking(this.db, reference);
    return row && bookingFromRow(row);
  }

  /** One booking by its internal id (what a reminder's payload holds). */
  async getBookingById(id: string): Promise<Booking | undefined> {
    const row = await this.db.selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirst();
    return row && bookingFromRow(row);
  }

  /** Bookings made by someone, or of someone's slots, earliest first. */
  async listBookings(query: BookingQuery): Promise<Booking[]> {
    let select = this.db.selectFrom('bookings').selectAll().where('ends_at', '>', toStoredTime(query.from));
    if (query.bookedById !== undefined) select = select.where('booked_by_id', '=', query.bookedById);
    if (query.ownerId !== undefined) select = select.where('owner_id', '=', query.ownerId);
    if (query.to !== undefined) select = select.where('starts_at', '<', toStoredTime(query.to));
    if (!query.includeCancelled) select = select.where('status', '=', 'booked');
    const rows = await select.orderBy('starts_at').orderBy('reference').execute();
    return rows.map(bookingFromRow);
  }

  /**
   * Deletes bookings and slots that ended before `cutoff` (now minus the retention), with one audit
   * entry per purged booking. Safe to run on several instances at once. Returns what was deleted.
   */
  async purgeEndedBefore(cutoff: Date, now: Date): Promise<{ bookings: number; slots: number }> {
    return this.db.transaction().execute(async (trx) => {
      const ended = toStoredTime(cutoff);
      const doomed = await trx.selectFrom('bookings').select(['id', 'reference', 'slot_id', 'area', 'kind']).where('ends_at', '<', ended).execute();
      const deletedBookings = await trx.deleteFrom('bookings').where('ends_at', '<', ended).executeTakeFirst();
      const deletedSlots = await trx.deleteFrom('availability_slots').where('ends_at', '<', ended).executeTakeFirst();
      for (const row of doomed) {
        await appendAudit(trx, { at: now, actorId: SYSTEM_ACTOR, action: 'booking-purged', slotId: row.slot_id, bookingReference: row.reference, area: row.area as Area, kind: row.kind as SlotKind });
      }
      return { bookings: Number(deletedBookings.numDeletedRows), slots: Number(deletedSlots.numDeletedRows) };
    });
  }

  /** The audit log, oldest first. */
  async auditTrail(filter: AuditFilter = {}): Promise<BookingAuditEntry[]> {
    return readAudit(this.db, filter);
  }

  private async bookInTransaction(trx: Kysely<DatabaseSchema>, request: BookSlotRequest): Promise<Booking | undefined> {
    const now = toStoredTime(request.now);
    // THE decision: of all concurrent attempts, only one finds the slot still free.
    const claimed = await trx
      .updateTable('availability_slots')
      .set((eb) => ({ status: 'booked', version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', request.slotId)
      .where('status', '=', 'free')
      .where('kind', '=', request.kind)
      .where('starts_at', '>=', toStoredTime(request.earliestStart))
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return undefined;

    const slot = await trx.selectFrom('availability_slots').selectAll().where('id', '=', request.slotId).executeTakeFirstOrThrow();
    const anmalningsmote = request.kind === 'anmalningsmote';
    const planning = anmalningsmote ? (request.planning ?? DEFAULT_PLANNING) : undefined;
    const row = {
      id: this.newId(),
      reference: this.newReference(request.kind),
      slot_id: slot.id,
      kind: request.kind,
      area: slot.area,
      starts_at: slot.starts_at,
      ends_at: slot.ends_at,
      place: slot.place,
      owner_id: slot.owner_id,
      owner_name: slot.owner_name,
      owner_teams_id: slot.owner_teams_id,
      owner_upn: slot.owner_upn,
      booked_by_id: request.bookedBy.id,
      booked_by_name: request.bookedBy.name,
      booked_by_teams_id: request.bookedBy.teamsId ?? null,
      booked_by_upn: request.bookedBy.upn ?? null,
      school: anmalningsmote ? request.school!.trim() : null,
      guardians_invited_by: planning?.guardiansInvitedBy ?? null,
      led_by: planning?.ledBy ?? null,
      meeting_location: planning?.location ?? null,
      status: 'booked' as const,
      version: 0,
      created_at: now,
      updated_at: now,
      cancelled_at: null,
    };
    await trx.insertInto('bookings').values(row).execute();
    const booking = bookingFromRow(row);
    await appendAudit(trx, { at: request.now, actorId: request.bookedBy.id, action: 'booked', slotId: slot.id, bookingReference: row.reference, area: booking.area, kind: booking.kind });
    await this.scheduleReminder(trx, booking, request.now);
    return booking;
  }

  /** Schedules the day-before reminder for both sides, unless that moment has passed. */
  private async scheduleReminder(trx: Kysely<DatabaseSchema>, booking: Booking, now: Date): Promise<void> {
    const due = dayBeforeReminderAt(booking.start, now, this.rules);
    if (!due) return;
    await trx
      .insertInto('reminders')
      .values({
        id: this.newId(),
        kind: BOOKING_REMINDER_KIND,
        due_at: toStoredTime(due),
        payload: JSON.stringify({ bookingId: booking.id }),
        dedupe_key: reminderKeyPrefix(booking.id) + String(booking.version),
        status: 'pending',
        attempts: 0,
        claimed_by_instance: null,
        claimed_at: null,
        sent_at: null,
        created_at: toStoredTime(now),
      })
      .execute();
  }
}

/**
 * Draws a booking reference: `AM-` for an anmälningsmöte, `KO-` for a konsultation, then 4 + 2
 * characters. No vowels, so no reference spells a name the privacy guard would stop ("EMMY", "EK"),
 * and no look-alikes (0/O, 1/I/L).
 */
export function newBookingReference(kind: SlotKind): string {
  const alphabet = '23456789BCDFGHJKMNPQRSTVWXZ';
  const draw = (length: number): string => Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${kind === 'anmalningsmote' ? 'AM' : 'KO'}-${draw(4)}-${draw(2)}`;
}

/** A stored booking row as the domain type. */
export function bookingFromRow(row: Selectable<BookingsTable>): Booking {
  const planning: PlanningAnswers | undefined =
    row.guardians_invited_by && row.led_by && row.meeting_location
      ? {
          guardiansInvitedBy: row.guardians_invited_by as PlanningAnswers['guardiansInvitedBy'],
          ledBy: row.led_by as PlanningAnswers['ledBy'],
          location: row.meeting_location as PlanningAnswers['location'],
        }
      : undefined;
  return {
    id: row.id,
    reference: row.reference,
    slotId: row.slot_id,
    kind: row.kind as SlotKind,
    area: row.area as Area,
    start: fromStoredTime(row.starts_at),
    end: fromStoredTime(row.ends_at),
    ...(row.place === null ? {} : { place: row.place }),
    owner: staffFromColumns(row.owner_id, row.owner_name, row.owner_teams_id, row.owner_upn),
    bookedBy: staffFromColumns(row.booked_by_id, row.booked_by_name, row.booked_by_teams_id, row.booked_by_upn),
    ...(row.school === null ? {} : { school: row.school }),
    ...(planning ? { planning } : {}),
    status: row.status as BookingStatus,
    version: row.version,
    createdAt: fromStoredTime(row.created_at),
  };
}

function selectBooking(db: Kysely<DatabaseSchema>, reference: string) {
  return db.selectFrom('bookings').selectAll().where('reference', '=', reference.trim().toUpperCase()).executeTakeFirst();
}

function reminderKeyPrefix(bookingId: string): string {
  return `${BOOKING_REMINDER_KIND}:${bookingId}:`;
}

async function cancelReminders(trx: Kysely<DatabaseSchema>, bookingId: string): Promise<void> {
  await trx
    .updateTable('reminders')
    .set({ status: 'cancelled' })
    .where('kind', '=', BOOKING_REMINDER_KIND)
    .where('dedupe_key', 'like', `${reminderKeyPrefix(bookingId)}%`)
    .where('status', '=', 'pending')
    .execute();
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Leaves a transaction with a result after undoing its writes. */
class Rollback<T> extends Error {
  constructor(readonly outcome: T) {
    super('rolled back');
  }
}

function unwrapRollback<T>(error: unknown): T {
  if (error instanceof Rollback) return error.outcome as T;
  throw error;
}
