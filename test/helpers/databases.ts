import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseDialect, type DatabaseHandle, type OpenDatabaseOptions } from '../../storage/index.js';

/** Both dialects, for `describe.each(testDialects)`. */
export const testDialects: readonly DatabaseDialect[] = ['sqlite', 'postgres'];

/** The PostgreSQL server tests use (CI and the dev machine run one here with trust auth). */
export const testPostgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty database of one dialect that only the calling test file uses. */
export interface TestDatabase {
  readonly dialect: DatabaseDialect;
  /** Options that open this database; pass them to `openDatabase` as the app would. */
  readonly options: OpenDatabaseOptions;
  /**
   * Opens (and migrates) the database, like one bot instance; `dispose()` closes handles left open.
   * Open several handles one after another, not at once: on a new SQLite file the first open holds
   * the write lock while it migrates, and better-sqlite3 waits for that lock synchronously.
   */
  open(): Promise<DatabaseHandle>;
  /** Closes open handles and removes the database (temp folder, or PostgreSQL schema). */
  dispose(): Promise<void>;
}

/**
 * Creates an isolated database: an SQLite file in a new temp folder, or a new PostgreSQL schema
 * `t_<random>` that the connections use through their search_path, so test files running in
 * parallel never see each other's tables.
 */
export async function createTestDatabase(dialect: DatabaseDialect): Promise<TestDatabase> {
  const target = dialect === 'sqlite' ? await createSqliteTarget() : await createPostgresTarget();
  const handles = new Set<DatabaseHandle>();
  return {
    dialect,
    options: target.options,
    async open() {
      const handle = await openDatabase(target.options);
      handles.add(handle);
      return handle;
    },
    async dispose() {
      await Promise.all([...handles].map((handle) => handle.close()));
      handles.clear();
      await target.remove();
    },
  };
}

interface Target {
  options: OpenDatabaseOptions;
  remove(): Promise<void>;
}

async function createSqliteTarget(): Promise<Target> {
  const folder = await mkdtemp(join(tmpdir(), 'samverkan-db-'));
  return {
    options: { sqlitePath: join(folder, 'data', 'bot.sqlite') },
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

async function createPostgresTarget(): Promise<Target> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await runAsAdmin(`create schema ${schema}`);
  const url = new URL(testPostgresUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    options: { databaseUrl: url.toString(), sqlitePath: ':memory:' },
    remove: () => runAsAdmin(`drop schema if exists ${schema} cascade`),
  };
}

async function runAsAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
