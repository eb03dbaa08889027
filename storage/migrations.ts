import type { Kysely, Migration, MigrationProvider } from 'kysely';

/*
 * How to add a table:
 * 1. Append an entry below whose name sorts after the last one (`0002_reminders`, `0003_…`).
 *    Never edit or rename an entry that has shipped: databases in the field have already run it.
 * 2. Use only portable column types: 'text', 'integer', JSON as 'text', timestamps as 'text'
 *    holding `toStoredTime()` values. No dialect-specific defaults or types.
 * 3. Add the table's interface to `DatabaseSchema` in `database-schema.ts`.
 * The same code runs on SQLite and PostgreSQL; `test/storage/migrations.test.ts` runs it on both.
 */

/** Schema migrations, applied in name order on every start; each runs once per database. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_bot_state': {
    // Migrations see the schema as it was when they were written, hence the untyped Kysely.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('bot_state')
        .addColumn('key', 'text', (column) => column.primaryKey().notNull())
        .addColumn('value', 'text', (column) => column.notNull())
        .addColumn('etag', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('bot_state').execute();
    },
  },
  '0002_escalations_and_reminders': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('conversation_references')
        .addColumn('key', 'text', (column) => column.primaryKey().notNull())
        .addColumn('reference', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();

      await db.schema
        .createTable('escalations')
        .addColumn('id', 'text', (column) => column.primaryKey().notNull())
        .addColumn('area', 'text', (column) => column.notNull())
        .addColumn('school', 'text', (column) => column.notNull())
        .addColumn('requester_id', 'text', (column) => column.notNull())
        .addColumn('requester_name', 'text', (column) => column.notNull())
        .addColumn('requester_aad_id', 'text')
        .addColumn('requester_upn', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('channel_activity_id', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('claimed_by_id', 'text')
        .addColumn('claimed_by_name', 'text')
        .addColumn('claimed_at', 'text')
        .addColumn('reminded_at', 'text')
        .execute();
      await db.schema.createIndex('escalations_area_created_at').on('escalations').columns(['area', 'created_at']).execute();

      await db.schema
        .createTable('reminders')
        .addColumn('id', 'text', (column) => column.primaryKey().notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('due_at', 'text', (column) => column.notNull())
        .addColumn('payload', 'text', (column) => column.notNull())
        .addColumn('dedupe_key', 'text', (column) => column.unique())
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('attempts', 'integer', (column) => column.notNull())
        .addColumn('claimed_by_instance', 'text')
        .addColumn('claimed_at', 'text')
        .addColumn('sent_at', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('reminders_status_due_at').on('reminders').columns(['status', 'due_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('reminders').execute();
      await db.schema.dropTable('escalations').execute();
      await db.schema.dropTable('conversation_references').execute();
    },
  },
  '0003_availability_and_bookings': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('availability_slots')
        .addColumn('id', 'text', (column) => column.primaryKey().notNull())
        .addColumn('owner_id', 'text', (column) => column.notNull())
        .addColumn('owner_name', 'text', (column) => column.notNull())
        .addColumn('owner_teams_id', 'text')
        .addColumn('owner_upn', 'text')
        .addColumn('area', 'text', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('starts_at', 'text', (column) => column.notNull())
        .addColumn('ends_at', 'text', (column) => column.notNull())
        .addColumn('place', 'text')
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('availability_slots_free').on('availability_slots').columns(['area', 'kind', 'status', 'starts_at']).execute();
      await db.schema.createIndex('availability_slots_owner').on('availability_slots').columns(['owner_id', 'starts_at']).execute();

      await db.schema
        .createTable('bookings')
        .addColumn('id', 'text', (column) => column.primaryKey().notNull())
        .addColumn('reference', 'text', (column) => column.notNull().unique())
        .addColumn('slot_id', 'text', (column) => column.notNull().references('availability_slots.id'))
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('area', 'text', (column) => column.notNull())
        .addColumn('starts_at', 'text', (column) => column.notNull())
        .addColumn('ends_at', 'text', (column) => column.notNull())
        .addColumn('place', 'text')
        .addColumn('owner_id', 'text', (column) => column.notNull())
        .addColumn('owner_name', 'text', (column) => column.notNull())
        .addColumn('owner_teams_id', 'text')
        .addColumn('owner_upn', 'text')
        .addColumn('booked_by_id', 'text', (column) => column.notNull())
        .addColumn('booked_by_name', 'text', (column) => column.notNull())
        .addColumn('booked_by_teams_id', 'text')
        .addColumn('booked_by_upn', 'text')
        .addColumn('school', 'text')
        .addColumn('guardians_invited_by', 'text')
        .addColumn('led_by', 'text')
        .addColumn('meeting_location', 'text')
        .addColumn('status', 'text', (column) => column.notNull())
        .addColumn('version', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('cancelled_at', 'text')
        .execute();
      await db.schema.createIndex('bookings_slot_id').on('bookings').column('slot_id').execute();
      await db.schema.createIndex('bookings_booked_by').on('bookings').columns(['booked_by_id', 'starts_at']).execute();
      await db.schema.createIndex('bookings_owner').on('bookings').columns(['owner_id', 'starts_at']).execute();
      await db.schema.createIndex('bookings_ends_at').on('bookings').column('ends_at').execute();

      await db.schema
        .createTable('booking_audit')
        .addColumn('id', 'text', (column) => column.primaryKey().notNull())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor_id', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('slot_id', 'text')
        .addColumn('booking_reference', 'text')
        .addColumn('area', 'text')
        .addColumn('kind', 'text')
        .execute();
      await db.schema.createIndex('booking_audit_reference').on('booking_audit').column('booking_reference').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('booking_audit').execute();
      await db.schema.dropTable('bookings').execute();
      await db.schema.dropTable('availability_slots').execute();
    },
  },
  '0004_escalation_closure': {
    // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('escalations').addColumn('closed_at', 'text').execute();
      await db.schema.alterTable('escalations').addColumn('closed_reason', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('escalations').dropColumn('closed_reason').execute();
      await db.schema.alterTable('escalations').dropColumn('closed_at').execute();
    },
  },
  '0005_staff_profiles': {
    // The staff member's own school, chosen in the chat: read by the chat and the tab alike.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('staff_profiles')
        .addColumn('user_id', 'text', (column) => column.primaryKey().notNull())
        .addColumn('school_key', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('staff_profiles').execute();
    },
  },
  // 0006 is left for the insights tables, which are written in parallel.
  '0007_turn_leases': {
    // Who is running a turn of a conversation now, so bot instances take a conversation's turns one at a time.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('turn_leases')
        .addColumn('key', 'text', (column) => column.primaryKey().notNull())
        .addColumn('holder', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('turn_leases').execute();
    },
  },
};

/** Hands the in-code migrations to Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
