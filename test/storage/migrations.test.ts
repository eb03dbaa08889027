import { NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, migrations, type DatabaseHandle } from '../../storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

interface TableColumns {
  readonly name: string;
  readonly columns: readonly (readonly [string, string, boolean])[];
}

/**
 * The tables of the handle's own database or schema with their columns (name, type, nullable), in order. On PostgreSQL
 * only the handle's schema is read: Kysely's introspection reads every schema, and other test files create and drop
 * theirs meanwhile.
 */
async function tablesOf(handle: DatabaseHandle): Promise<TableColumns[]> {
  if (handle.schema === undefined) {
    return (await handle.db.introspection.getTables()).map((table) => ({
      name: table.name,
      columns: table.columns.map((column) => [column.name, column.dataType.toLowerCase(), column.isNullable] as const),
    }));
  }
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
    where table_schema = ${handle.schema} and table_name not like 'kysely_migration%'
    order by table_name, ordinal_position`.execute(handle.db);
  const tables = new Map<string, [string, string, boolean][]>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push([row.column_name, row.data_type.toLowerCase(), row.is_nullable === 'YES']);
    tables.set(row.table_name, columns);
  }
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

describe('migrations', () => {
  describe('when listed', () => {
    it('are named NNNN_snake_case and declared in the order Kysely runs them', () => {
      const names = Object.keys(migrations);

      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
      }
      expect(names).toEqual([...names].sort());
    });
  });

  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });

    afterAll(async () => {
      await database.dispose();
    });

    describe('when applied', () => {
      it('creates bot_state with the same required text columns', async () => {
        const handle = await database.open();

        const botState = (await tablesOf(handle)).find((table) => table.name === 'bot_state');
        expect(botState?.columns).toEqual([
          ['key', 'text', false],
          ['value', 'text', false],
          ['etag', 'text', false],
          ['updated_at', 'text', false],
        ]);
        await handle.close();
      });
    });

    describe('when rolled all the way down and up again', () => {
      it('drops every table and recreates them', async () => {
        const handle = await database.open();
        const migrator = createMigrator(handle);

        const down = await migrator.migrateTo(NO_MIGRATIONS);
        expect(down.error).toBeUndefined();
        expect((await tablesOf(handle)).map((table) => table.name)).toEqual([]);

        const up = await migrator.migrateToLatest();
        expect(up.error).toBeUndefined();
        expect(up.results?.map((result) => result.migrationName)).toEqual(Object.keys(migrations));
        await handle.close();
      });
    });
  });
});
