import { NO_MIGRATIONS } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, migrations } from '../../storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

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

        const tables = await handle.db.introspection.getTables();
        const botState = tables.find((table) => table.name === 'bot_state' && (handle.schema === undefined || table.schema === handle.schema));
        expect(botState?.columns.map((column) => [column.name, column.dataType.toLowerCase(), column.isNullable])).toEqual([
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
        const tablesAfterDown = await handle.db.introspection.getTables();
        expect(tablesAfterDown.filter((table) => table.schema === handle.schema).map((table) => table.name)).toEqual([]);

        const up = await migrator.migrateToLatest();
        expect(up.error).toBeUndefined();
        expect(up.results?.map((result) => result.migrationName)).toEqual(Object.keys(migrations));
        await handle.close();
      });
    });
  });
});
