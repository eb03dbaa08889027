import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigrator, openDatabase, StorageError, type DatabaseHandle } from '../../storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';
import { proxyDatabaseUrl, type TcpProxy } from '../helpers/tcp-proxy.js';

async function openingError(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

/** Puts a table named like ours in the way, as a leftover from some other tool would be. */
async function createConflictingTable(database: TestDatabase): Promise<void> {
  await withRawConnection(database, (run) => run('create table bot_state (something_else integer)'));
}

async function appliedMigrationCount(database: TestDatabase): Promise<number> {
  return withRawConnection(database, async (run) => {
    // A rolled-back first start leaves no bookkeeping table at all: nothing was applied.
    const rows = await run('select count(*) as n from kysely_migration').catch(() => [{ n: 0 }]);
    return Number(rows[0]?.n ?? 0);
  });
}

async function withRawConnection<T>(
  database: TestDatabase,
  work: (run: (statement: string) => Promise<Array<Record<string, unknown>>>) => Promise<T>,
): Promise<T> {
  if (database.options.databaseUrl) {
    const client = new pg.Client({ connectionString: database.options.databaseUrl });
    await client.connect();
    try {
      return await work(async (statement) => (await client.query(statement)).rows);
    } finally {
      await client.end();
    }
  }
  await mkdir(dirname(database.options.sqlitePath), { recursive: true });
  const file = new BetterSqlite3(database.options.sqlitePath);
  try {
    return await work(async (statement) => {
      const prepared = file.prepare(statement);
      if (prepared.reader) {
        return prepared.all() as Array<Record<string, unknown>>;
      }
      prepared.run();
      return [];
    });
  } finally {
    file.close();
  }
}

describe('openDatabase', () => {
  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
    });

    afterAll(async () => {
      await database.dispose();
    });

    describe('when the database is new', () => {
      it('reports its dialect and creates the bot_state table', async () => {
        const handle = await database.open();

        expect(handle.dialect).toBe(dialect);
        // Straight from bot_state: Kysely's introspection reads every PostgreSQL schema, and other test files drop theirs meanwhile.
        expect(await handle.db.selectFrom('bot_state').select('key').execute()).toEqual([]);
        await handle.close();
      });

      it('answers a ping', async () => {
        const handle = await database.open();

        await expect(handle.ping()).resolves.toBeUndefined();
        await handle.close();
      });
    });

    describe('when opened again after a restart', () => {
      it('finds every migration applied and keeps the data', async () => {
        const first = await database.open();
        await first.db.insertInto('bot_state').values({ key: 'k', value: '{}', etag: 'e1', updated_at: 'now' }).execute();
        await first.close();

        const second = await database.open();

        const migrations = await createMigrator(second).getMigrations();
        expect(migrations.every((migration) => migration.executedAt !== undefined)).toBe(true);
        const rows = await second.db.selectFrom('bot_state').select('etag').where('key', '=', 'k').execute();
        expect(rows).toEqual([{ etag: 'e1' }]);
        await second.close();
      });
    });

    describe('when a newer release brings a migration the database has not had', () => {
      it('applies that migration at the next start', async () => {
        const first = await database.open();
        const { results = [] } = await createMigrator(first).migrateDown();
        const undone = results[0]?.migrationName;
        await first.close();

        const second = await database.open();

        expect(undone).toBeDefined();
        const migrations = await createMigrator(second).getMigrations();
        expect(migrations.find((migration) => migration.name === undone)?.executedAt).toBeDefined();
        await second.close();
      });
    });

    describe('when a migration cannot be applied', () => {
      it('rejects with STORAGE_MIGRATION_FAILED naming the migration and records nothing as applied', async () => {
        const blocked = await createTestDatabase(dialect);
        try {
          await createConflictingTable(blocked);

          const error = await openingError(openDatabase(blocked.options));

          expect(error.code).toBe('STORAGE_MIGRATION_FAILED');
          expect(error.message).toContain('0001_bot_state');
          expect(await appliedMigrationCount(blocked)).toBe(0);
        } finally {
          await blocked.dispose();
        }
      });
    });

    describe('when closed', () => {
      it('rejects a ping with STORAGE_UNREACHABLE and can be closed again', async () => {
        const handle = await database.open();
        await handle.close();

        const error = await openingError(handle.ping());

        expect(error.code).toBe('STORAGE_UNREACHABLE');
        await expect(handle.close()).resolves.toBeUndefined();
      });
    });

    describe('when counting rows', () => {
      it('returns the count as a number', async () => {
        const handle = await database.open();

        const row = await handle.db
          .selectFrom('bot_state')
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow();

        expect(typeof row.count).toBe('number');
        await handle.close();
      });
    });
  });

  describe('with an SQLite file', () => {
    let folder: string;

    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'samverkan-open-'));
    });

    afterAll(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    describe('when its folder does not exist yet', () => {
      it('creates the folder and the file, journaling in WAL mode', async () => {
        const sqlitePath = join(folder, 'new', 'nested', 'bot.sqlite');

        const handle = await openDatabase({ sqlitePath });

        expect(existsSync(sqlitePath)).toBe(true);
        const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
        expect(rows[0]?.journal_mode).toBe('wal');
        await handle.close();
      });
    });

    describe('when a transaction begins', () => {
      it('takes the write lock at once, so another process waits for it instead of failing half-way; a read-only one does not', async () => {
        const sqlitePath = join(folder, 'locking', 'bot.sqlite');
        const bot = await openDatabase({ sqlitePath });
        // Another bot process on the same file that gives up waiting for the lock after 50 ms.
        const other = await openDatabase({ sqlitePath, busyTimeoutMs: 50 });
        const row = (key: string) => ({ key, value: '{}', etag: key, updated_at: new Date().toISOString() });
        try {
          const writing = await bot.db.startTransaction().execute();
          await writing.selectFrom('bot_state').select('key').execute();
          const blocked = await other.db.insertInto('bot_state').values(row('while-writing')).execute().then(
            () => undefined,
            (error: unknown) => error as { code?: string },
          );
          await writing.rollback().execute();
          expect(blocked?.code).toBe('SQLITE_BUSY');

          const reading = await bot.db.startTransaction().setAccessMode('read only').execute();
          await reading.selectFrom('bot_state').select('key').execute();
          await other.db.insertInto('bot_state').values(row('while-reading')).execute();
          await reading.commit().execute();
          expect(await bot.db.selectFrom('bot_state').select('key').execute()).toEqual([{ key: 'while-reading' }]);
        } finally {
          await other.close();
          await bot.close();
        }
      });
    });

    describe('when the file is not an SQLite database', () => {
      it('rejects with STORAGE_UNREACHABLE naming the file', async () => {
        const sqlitePath = join(folder, 'not-a-database.sqlite');
        await writeFile(sqlitePath, 'this is plain text, not a database '.repeat(100));

        const error = await openingError(openDatabase({ sqlitePath }));

        expect(error.code).toBe('STORAGE_UNREACHABLE');
        expect(error.message).toContain(sqlitePath);
      });
    });

    describe('when the folder cannot be created', () => {
      it('rejects with STORAGE_UNREACHABLE naming the file', async () => {
        const blocker = join(folder, 'a-file');
        await writeFile(blocker, 'x');
        const sqlitePath = join(blocker, 'bot.sqlite');

        const error = await openingError(openDatabase({ sqlitePath }));

        expect(error.code).toBe('STORAGE_UNREACHABLE');
        expect(error.message).toContain(sqlitePath);
      });
    });
  });

  describe('with a PostgreSQL URL', () => {
    describe('when nothing listens on the port', () => {
      it('rejects with STORAGE_UNREACHABLE naming host and port but not the password', async () => {
        const error = await openingError(
          openDatabase({ databaseUrl: 'postgres://bot:hemligt-l%C3%B6sen@127.0.0.1:1/samverkan', sqlitePath: ':memory:' }),
        );

        expect(error.code).toBe('STORAGE_UNREACHABLE');
        expect(error.message).toContain('127.0.0.1:1');
        expect(error.message).not.toMatch(/hemligt/);
      });
    });

    describe('when the URL is not a PostgreSQL URL', () => {
      it('rejects with STORAGE_URL_INVALID without echoing the URL', async () => {
        const error = await openingError(
          openDatabase({ databaseUrl: 'mysql://bot:hemligt@127.0.0.1:3306/samverkan', sqlitePath: ':memory:' }),
        );

        expect(error.code).toBe('STORAGE_URL_INVALID');
        expect(error.message).not.toMatch(/hemligt/);
      });
    });

    describe('when the URL carries a password', () => {
      it('logs where it opened the database but never the password', async () => {
        const database = await createTestDatabase('postgres');
        const lines: string[] = [];
        const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(line) });
        // The test server trusts local connections, so the password is accepted and ignored.
        const url = new URL(database.options.databaseUrl!);
        url.password = 'hemligt-losen';
        try {
          const handle = await openDatabase({ ...database.options, databaseUrl: url.toString(), logger });
          await handle.close();

          expect(lines.join('')).toContain('127.0.0.1:5432/test');
          expect(lines.join('')).not.toContain('hemligt');
        } finally {
          await database.dispose();
        }
      });
    });

    describe('when a statement runs longer than the statement timeout', () => {
      it('is cancelled by the server and the connection stays in use', async () => {
        const database = await createTestDatabase('postgres');
        try {
          const handle = await database.open();
          const slow = await openDatabase({ ...database.options, statementTimeoutMs: 200 });
          try {
            const error = await sql`select pg_sleep(2)`.execute(slow.db).then(
              () => undefined,
              (rejection: unknown) => rejection as { code?: string },
            );
            expect(error?.code).toBe('57014');
            await expect(slow.ping()).resolves.toBeUndefined();
            // The default leaves room for what the bot really does.
            await expect(sql`select pg_sleep(0.3)`.execute(handle.db)).resolves.toBeDefined();
          } finally {
            await slow.close();
          }
        } finally {
          await database.dispose();
        }
      });
    });

    describe('when the connection goes silent', () => {
      // The client gives a silent connection up 500 ms after the statement timeout.
      const statementTimeoutMs = 1_000;
      const answerTimeoutMs = statementTimeoutMs + 500;
      let database: TestDatabase;
      let proxy: TcpProxy;
      let handle: DatabaseHandle;

      beforeAll(async () => {
        database = await createTestDatabase('postgres');
        const proxied = await proxyDatabaseUrl(database.options.databaseUrl!);
        proxy = proxied.proxy;
        handle = await openDatabase({ ...database.options, databaseUrl: proxied.url, statementTimeoutMs, connectTimeoutMs: 1_000 });
      });

      afterAll(async () => {
        await handle?.close();
        await proxy?.close();
        await database?.dispose();
      });

      it('rejects a query with STORAGE_UNREACHABLE once the answer is overdue, and the ping too', async () => {
        await sql`select 1`.execute(handle.db);
        proxy.freeze();

        const started = performance.now();
        const error = await openingError(sql`select 1`.execute(handle.db));
        const elapsedMs = performance.now() - started;

        expect(error.code).toBe('STORAGE_UNREACHABLE');
        expect(error.message).toContain(`no answer within ${answerTimeoutMs} ms`);
        expect(elapsedMs).toBeGreaterThanOrEqual(answerTimeoutMs - 50);
        expect(elapsedMs).toBeLessThan(2 * answerTimeoutMs);
        expect((await openingError(handle.ping())).code).toBe('STORAGE_UNREACHABLE');
      });

      it('works again once new connections get through, though the old ones stay silent', async () => {
        proxy.thaw();

        await expect(handle.ping()).resolves.toBeUndefined();
        // More at once than one connection, so a silent one kept in the pool would be handed out.
        const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => sql<{ n: number }>`select ${i}::int as n, pg_sleep(0.05)`.execute(handle.db)));
        expect(answers.map((answer) => answer.rows[0]?.n)).toEqual([0, 1, 2, 3, 4]);
      });

      it('fails a transaction whose connection goes silent half-way without waiting a second time for the rollback', async () => {
        const started = performance.now();
        const error = await openingError(
          handle.db.transaction().execute(async (trx) => {
            await sql`select 1`.execute(trx);
            proxy.freeze();
            await sql`select 2`.execute(trx);
          }),
        );
        const elapsedMs = performance.now() - started;
        proxy.thaw();

        expect(error.code).toBe('STORAGE_UNREACHABLE');
        expect(elapsedMs).toBeLessThan(2 * answerTimeoutMs);
        await expect(handle.ping()).resolves.toBeUndefined();
      });

      it('gives up every query in flight, sent at different moments, when the path goes silent under them', async () => {
        const sent: Promise<StorageError>[] = [];
        for (let i = 0; i < 3; i++) {
          sent.push(openingError(sql`select pg_sleep(0.2), ${i}::int as n`.execute(handle.db)));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        proxy.freeze();
        const errors = await Promise.all(sent);
        proxy.thaw();

        expect(errors.map((error) => error.code)).toEqual(['STORAGE_UNREACHABLE', 'STORAGE_UNREACHABLE', 'STORAGE_UNREACHABLE']);
        await expect(handle.ping()).resolves.toBeUndefined();
        const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => sql<{ n: number }>`select ${i}::int as n`.execute(handle.db)));
        expect(answers.map((answer) => answer.rows[0]?.n)).toEqual([0, 1, 2, 3, 4]);
      });
    });

    describe('when the URL is set', () => {
      it('uses PostgreSQL and leaves the SQLite path alone', async () => {
        const database = await createTestDatabase('postgres');
        const sqlitePath = join(tmpdir(), `never-created-${process.pid}.sqlite`);
        try {
          const handle = await openDatabase({ ...database.options, sqlitePath });
          await handle.close();

          expect(handle.dialect).toBe('postgres');
          expect(existsSync(sqlitePath)).toBe(false);
        } finally {
          await database.dispose();
        }
      });
    });
  });
});
