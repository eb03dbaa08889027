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
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('bot_state')
        .addColumn('key', 'text', (column) => column.primaryKey().notNull())
        .addColumn('value', 'text', (column) => column.notNull())
        .addColumn('etag', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('bot_state').execute();
    },
  },
};

/** Hands the in-code migrations to Kysely's Migrator. */
export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
