import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Area } from '../municipality/contacts.js';
import { DEFAULT_BOOKING_RULES, planAvailability, type AvailabilityRequest, type BookingRules } from '../booking/availability-rules.js';
import type { FreeSlotQuery, PostAvailabilityOutcome, Slot, SlotKind, SlotStatus, StaffMember } from '../booking/booking-model.js';
import { appendAudit } from './booking-audit.js';
import type { AvailabilitySlotsTable, Database, DatabaseSchema } from './database-schema.js';
import { fromStoredTime, toStoredTime } from './stored-time.js';

/** Options for tests and tools; production uses the defaults. */
export interface AvailabilityStoreOptions {
  newId?: () => string;
  rules?: BookingRules;
}

/**
 * The slots socialsekreterare post, in `availability_slots`. Posting checks the rules (interval, buffer,
 * lead time, horizon, closed days, no overlap with the same person's other slots) and writes every
 * slot of one request in one transaction, with one audit entry each.
 */
export class AvailabilityStore {
  private readonly newId: () => string;
  private readonly rules: BookingRules;

  constructor(
    private readonly db: Database,
    options: AvailabilityStoreOptions = {},
  ) {
    this.newId = options.newId ?? randomUUID;
    this.rules = options.rules ?? DEFAULT_BOOKING_RULES;
  }

  /** Posts the slots a request describes for `owner` in `area`; `now` decides what is past or too close. */
  async postAvailability(owner: StaffMember, area: Area, request: AvailabilityRequest, now: Date): Promise<PostAvailabilityOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('availability_slots')
        .select(['starts_at', 'ends_at'])
        .where('owner_id', '=', owner.id)
        .where('status', '!=', 'cancelled')
        .where('ends_at', '>', toStoredTime(now))
        .execute();
      const plan = planAvailability(
        request,
        existing.map((row) => ({ start: fromStoredTime(row.starts_at), end: fromStoredTime(row.ends_at) })),
        now,
        this.rules,
      );
      if (!plan.ok) return { status: 'invalid', problems: plan.problems, ...(plan.conflicts ? { conflicts: plan.conflicts } : {}) };

      const rows = plan.slots.map((planned) => ({
        id: this.newId(),
        owner_id: owner.id,
        owner_name: owner.name,
        owner_teams_id: owner.teamsId ?? null,
        owner_upn: owner.upn ?? null,
        area,
        kind: planned.kind,
        starts_at: toStoredTime(planned.start),
        ends_at: toStoredTime(planned.end),
        place: planned.place ?? null,
        status: 'free' as const,
        version: 0,
        created_at: toStoredTime(now),
        updated_at: toStoredTime(now),
      }));
      if (rows.length > 0) await trx.insertInto('availability_slots').values(rows).execute();
      for (const row of rows) {
        await appendAudit(trx, { at: now, actorId: owner.id, action: 'slot-posted', slotId: row.id, area, kind: row.kind });
      }
      return { status: 'posted', slots: rows.map(slotFromRow), skipped: plan.skipped };
    });
  }

  /** One slot by id, whatever its status. */
  async getSlot(slotId: string): Promise<Slot | undefined> {
    const row = await this.db.selectFrom('availability_slots').selectAll().where('id', '=', slotId).executeTakeFirst();
    return row && slotFromRow(row);
  }

  /** Free slots of a kind in an area, nearest first. */
  async findFreeSlots(query: FreeSlotQuery): Promise<Slot[]> {
    return findFreeSlots(this.db, query);
  }

  /** A socialsekreterare's own slots that end after `from` (free and booked; cancelled ones only when asked), earliest first. */
  async listOwnSlots(ownerId: string, from: Date, options: { to?: Date; includeCancelled?: boolean } = {}): Promise<Slot[]> {
    let query = this.db
      .selectFrom('availability_slots')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('ends_at', '>', toStoredTime(from));
    if (options.to) query = query.where('starts_at', '<', toStoredTime(options.to));
    if (!options.includeCancelled) query = query.where('status', '!=', 'cancelled');
    const rows = await query.orderBy('starts_at').orderBy('id').execute();
    return rows.map(slotFromRow);
  }
}

/** Free slots matching the query, nearest first; shared with the booking store, which offers them as alternatives. */
export async function findFreeSlots(db: Kysely<DatabaseSchema>, query: FreeSlotQuery): Promise<Slot[]> {
  let select = db
    .selectFrom('availability_slots')
    .selectAll()
    .where('area', '=', query.area)
    .where('kind', '=', query.kind)
    .where('status', '=', 'free')
    .where('starts_at', '>=', toStoredTime(query.from))
    .where('starts_at', '<=', toStoredTime(query.to));
  if (query.excludeSlotId !== undefined) select = select.where('id', '!=', query.excludeSlotId);
  const rows = await select
    .orderBy('starts_at')
    .orderBy('id')
    .limit(query.limit ?? 10)
    .execute();
  return rows.map(slotFromRow);
}

/** A stored slot row as the domain type. */
export function slotFromRow(row: Selectable<AvailabilitySlotsTable>): Slot {
  return {
    id: row.id,
    owner: staffFromColumns(row.owner_id, row.owner_name, row.owner_teams_id, row.owner_upn),
    area: row.area as Area,
    kind: row.kind as SlotKind,
    start: fromStoredTime(row.starts_at),
    end: fromStoredTime(row.ends_at),
    ...(row.place === null ? {} : { place: row.place }),
    status: row.status as SlotStatus,
    version: row.version,
  };
}

/** A staff member from the four columns each table keeps for one. */
export function staffFromColumns(id: string, name: string, teamsId: string | null, upn: string | null): StaffMember {
  return { id, name, ...(teamsId === null ? {} : { teamsId }), ...(upn === null ? {} : { upn }) };
}
