import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_MIGRATION_TABLE, Kysely, Migrator, PostgresDialect, sql } from './kysely-runtime.js';
import type { Logger } from '../observability/logger.js';
import type { Database, DatabaseSchema } from './database-schema.js';
import { migrationProvider } from './migrations.js';
import { silenceAwarePool } from './postgres-pool.js';
import { preparedOnce } from './prepared-statements.js';
import { SqliteImmediateDialect } from './sqlite-immediate-dialect.js';
import {
  StorageMigrationError,
  StorageUnreachableError,
  StorageUrlInvalidError,
} from './storage-errors.js';

/** Which SQL engine a database handle talks to. */
export type DatabaseDialect = 'sqlite' | 'postgres';

/** Where the database is and how long to wait for it. */
export interface OpenDatabaseOptions {
  /** `postgres://…` or `postgresql://…`; when absent or empty the SQLite file at `sqlitePath` is used. */
  databaseUrl?: string;
  /** SQLite file, created with its folder on first start; `:memory:` for a throwaway database. */
  sqlitePath: string;
  /** Used as given: pass a child logger (`{ module: 'storage' }`). Never receives credentials. */
  logger?: Logger;
  /** How long to wait for PostgreSQL to accept a connection, and for `ping()`; default 3000 ms. */
  connectTimeoutMs?: number;
  /**
   * How long a PostgreSQL statement may run before the server cancels it; default 2000 ms. A connection
   * that gives no answer at all is given up (and closed) 500 ms after that. Migrations are exempt.
   */
  statementTimeoutMs?: number;
  /** How long an SQLite write or transaction waits for another process's write lock; default 5000 ms. */
  busyTimeoutMs?: number;
}

/** An open, migrated database. */
export interface DatabaseHandle {
  readonly db: Database;
  readonly dialect: DatabaseDialect;
  /** Safe to log: the SQLite file path, or PostgreSQL `host:port/database` (never credentials). */
  readonly location: string;
  /** PostgreSQL schema the tables live in (first on the search_path); undefined on SQLite. */
  readonly schema: string | undefined;
  /** Resolves when the database answers a trivial query in time; otherwise rejects with STORAGE_UNREACHABLE. */
  ping(): Promise<void>;
  /** Releases the file or the connection pool; calling it again does nothing. */
  close(): Promise<void>;
}

const defaultConnectTimeoutMs = 3_000;
const defaultStatementTimeoutMs = 2_000;
const defaultBusyTimeoutMs = 5_000;
// Lets the server's own cancellation of a slow statement arrive before the client gives up the connection.
const answerGraceMs = 500;
// A transaction left open by a client that vanished gives back its row locks after this long.
const idleInTransactionTimeoutMs = 10_000;
// TCP keepalive lets an idle pooled connection notice a server or route that went away.
const keepAliveInitialDelayMs = 10_000;

/**
 * Opens the database named by the options and brings its schema up to date. Rejects with
 * STORAGE_UNREACHABLE when it cannot be reached, STORAGE_URL_INVALID for an unusable URL and
 * STORAGE_MIGRATION_FAILED when a migration fails.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const logger = options.logger;
  const handle = options.databaseUrl
    ? await openPostgres(
        options.databaseUrl,
        { connectTimeoutMs: options.connectTimeoutMs ?? defaultConnectTimeoutMs, statementTimeoutMs: options.statementTimeoutMs ?? defaultStatementTimeoutMs },
        logger,
      )
    : openSqlite(options.sqlitePath, options.busyTimeoutMs ?? defaultBusyTimeoutMs, options.connectTimeoutMs ?? defaultConnectTimeoutMs);
  try {
    const applied = await handle.migrate();
    logger?.info({ code: 'STORAGE_READY', dialect: handle.dialect, location: handle.location, appliedMigrations: applied }, 'database ready');
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** A Kysely Migrator over the bot's migrations, for tools and tests that move the schema by hand. */
export function createMigrator(handle: Pick<DatabaseHandle, 'db' | 'schema'>): Migrator {
  return new Migrator({
    db: handle.db,
    provider: migrationProvider,
    // Kysely finds its bookkeeping tables by name across all schemas unless told which one is ours.
    migrationTableSchema: handle.schema,
  });
}

interface MigratableHandle extends DatabaseHandle {
  /** Applies pending migrations and returns their names. */
  migrate(): Promise<string[]>;
}

function openSqlite(sqlitePath: string, busyTimeoutMs: number, pingTimeoutMs: number): MigratableHandle {
  const inMemory = sqlitePath === ':memory:';
  const location = inMemory ? ':memory:' : resolve(sqlitePath);
  let file: BetterSqlite3.Database | undefined;
  try {
    if (!inMemory) {
      mkdirSync(dirname(location), { recursive: true });
    }
    file = new BetterSqlite3(location, { timeout: busyTimeoutMs });
    // WAL lets readers and one writer work at once, which several bot processes on one file need.
    file.pragma('journal_mode = WAL');
    file.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    file.pragma('synchronous = NORMAL');
    file.pragma('foreign_keys = ON');
  } catch (cause) {
    file?.close();
    throw new StorageUnreachableError('SQLite', location, reasonOf(cause), { cause });
  }
  const sqlite = file;
  // Every transaction that may write takes the write lock at BEGIN; see SqliteImmediateDialect.
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteImmediateDialect({ database: preparedOnce(sqlite) }) });
  const handle: MigratableHandle = {
    db,
    dialect: 'sqlite',
    location,
    schema: undefined,
    ping: () => pingDatabase(db, 'SQLite', location, pingTimeoutMs),
    // Kysely closes the file only if it ever ran a query; a start that found nothing to migrate may not have.
    close: closeOnce(async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    }),
    async migrate() {
      const migrator = createMigrator(handle);
      if (await allMigrationsRecorded(sqlite)) {
        return [];
      }
      if (!(await hasPendingMigrations(migrator))) {
        return [];
      }
      // Kysely runs SQLite migrations without a transaction or lock. BEGIN IMMEDIATE takes the
      // file's write lock first, so two processes starting together migrate one after the other
      // (the second finds nothing left to do) and a failed migration leaves nothing half-done.
      // better-sqlite3 waits for the lock synchronously, so only take it when there is work to do.
      try {
        sqlite.exec('BEGIN IMMEDIATE');
      } catch (cause) {
        throw new StorageMigrationError(undefined, `could not lock ${location}: ${reasonOf(cause)}`, { cause });
      }
      try {
        const applied = await runMigrations(migrator);
        sqlite.exec('COMMIT');
        return applied;
      } finally {
        if (sqlite.inTransaction) {
          sqlite.exec('ROLLBACK');
        }
      }
    },
  };
  return handle;
}

async function openPostgres(
  databaseUrl: string,
  timeouts: { connectTimeoutMs: number; statementTimeoutMs: number },
  logger: Logger | undefined,
): Promise<MigratableHandle> {
  const location = describePostgresUrl(databaseUrl);
  // Loaded only for PostgreSQL: an SQLite start does not pay for the driver.
  const { default: pg } = await import('pg');
  const unreachable = (cause: unknown) => new StorageUnreachableError('PostgreSQL', location, reasonOf(cause), { cause });
  const connection = {
    connectionString: databaseUrl,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: keepAliveInitialDelayMs,
  };
  const pool = new pg.Pool({
    ...connection,
    statement_timeout: timeouts.statementTimeoutMs,
    idle_in_transaction_session_timeout: idleInTransactionTimeoutMs,
    idleTimeoutMillis: 30_000,
    max: 10,
    // int8 (count(*), bigint ids) as a number, as on SQLite, so code reads alike on both dialects.
    types: {
      getTypeParser: (id, format) =>
        id === pg.types.builtins.INT8 && format !== 'binary' ? parseSafeInteger : pg.types.getTypeParser(id, format),
    },
  });
  // Without a listener, a connection dropped while idle (database restart) would crash the process.
  pool.on('error', (error: Error & { code?: string }) => {
    logger?.warn({ location, code: error.code }, 'an idle PostgreSQL connection failed; the pool will reconnect');
  });
  const db = new Kysely<DatabaseSchema>({
    dialect: new PostgresDialect({
      pool: silenceAwarePool(pool, { answerTimeoutMs: timeouts.statementTimeoutMs + answerGraceMs, unreachable }),
    }),
  });

  let schema: string | null | undefined;
  try {
    const result = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
    schema = result.rows[0]?.schema;
  } catch (cause) {
    await destroyQuietly(db, logger);
    throw cause instanceof StorageUnreachableError ? cause : unreachable(cause);
  }
  if (!schema) {
    await destroyQuietly(db, logger);
    throw new StorageMigrationError(undefined, `none of the schemas on the search_path exists in PostgreSQL at ${location}`);
  }

  const handle: MigratableHandle = {
    db,
    dialect: 'postgres',
    location,
    schema,
    ping: () => pingDatabase(db, 'PostgreSQL', location, timeouts.connectTimeoutMs),
    close: closeOnce(() => db.destroy()),
    async migrate() {
      // A restart of a migrated database (every start but the first) needs no lock, no connection of its own and none
      // of the migrator's introspection: one look at its bookkeeping table tells.
      if (await allMigrationsRecordedInSchema(db, schema)) return [];
      // Kysely holds an advisory lock and runs all pending migrations in one transaction. That (or
      // waiting for another instance's lock) may take longer than a statement may, so it gets a
      // connection of its own without the statement timeout.
      const migrationPool = new pg.Pool({ ...connection, max: 1 });
      migrationPool.on('error', (error: Error & { code?: string }) => {
        logger?.warn({ location, code: error.code }, 'the PostgreSQL migration connection failed');
      });
      const migrationDb = new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool: migrationPool }) });
      try {
        return await runMigrations(createMigrator({ db: migrationDb, schema }));
      } finally {
        await destroyQuietly(migrationDb, logger);
      }
    },
  };
  return handle;
}

async function runMigrations(migrator: Migrator): Promise<string[]> {
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error');
    throw new StorageMigrationError(failed?.migrationName, reasonOf(error), { cause: error });
  }
  return results.map((result) => result.migrationName);
}

/**
 * True when the SQLite file's migration table lists every migration of ours: one query, where the
 * migrator's own check introspects every table and column first. Otherwise (a new file, a migration
 * to run) the migrator decides.
 */
async function allMigrationsRecorded(sqlite: BetterSqlite3.Database): Promise<boolean> {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(DEFAULT_MIGRATION_TABLE);
  if (table === undefined) return false;
  return recordsExactlyOurMigrations(sqlite.prepare(`select name from "${DEFAULT_MIGRATION_TABLE}"`).pluck().all() as string[]);
}

/**
 * True when PostgreSQL schema `schema`'s migration table lists every migration of ours. Otherwise (a new schema, a
 * migration to run, another instance migrating now) the migrator decides, under its lock.
 */
async function allMigrationsRecordedInSchema(db: Database, schema: string): Promise<boolean> {
  try {
    const table = await sql<{ present: boolean }>`select to_regclass(quote_ident(${schema}) || '.' || quote_ident(${DEFAULT_MIGRATION_TABLE})) is not null as present`.execute(db);
    if (table.rows[0]?.present !== true) return false;
    const { rows } = await sql<{ name: string }>`select name from ${sql.table(`${schema}.${DEFAULT_MIGRATION_TABLE}`)}`.execute(db);
    return await recordsExactlyOurMigrations(rows.map((row) => row.name));
  } catch (cause) {
    if (cause instanceof StorageUnreachableError) throw cause;
    throw new StorageMigrationError(undefined, `could not read which migrations ran: ${reasonOf(cause)}`, { cause });
  }
}

/**
 * True when the names recorded as run are exactly this release's migrations. A name this release lacks (the database
 * ran a newer release's migration) leaves the decision to the migrator, which refuses to start on it.
 */
async function recordsExactlyOurMigrations(recorded: readonly string[]): Promise<boolean> {
  const ours = new Set(Object.keys(await migrationProvider.getMigrations()));
  const executed = new Set(recorded);
  return executed.size === ours.size && [...ours].every((name) => executed.has(name));
}

async function hasPendingMigrations(migrator: Migrator): Promise<boolean> {
  try {
    const known = await migrator.getMigrations();
    return known.some((migration) => migration.executedAt === undefined);
  } catch (cause) {
    throw new StorageMigrationError(undefined, `could not read which migrations ran: ${reasonOf(cause)}`, { cause });
  }
}

async function pingDatabase(db: Database, engine: 'SQLite' | 'PostgreSQL', location: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([sql`select 1`.execute(db), timeout]);
  } catch (cause) {
    throw new StorageUnreachableError(engine, location, reasonOf(cause), { cause });
  } finally {
    clearTimeout(timer);
  }
}

/** `host:port/database` for messages and logs; the URL's user name and password are left out. */
function describePostgresUrl(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new StorageUrlInvalidError('it is not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StorageUrlInvalidError(`the scheme "${url.protocol}" is not supported; use postgres://`);
  }
  const host = url.searchParams.get('host') ?? (url.hostname || 'localhost');
  const port = url.searchParams.get('port') ?? (url.port || '5432');
  const database = url.pathname.replace(/^\//, '');
  return `${host}:${port}${database ? `/${database}` : ''}`;
}

function parseSafeInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`PostgreSQL returned an integer outside JavaScript's safe range: ${text}`);
  }
  return value;
}

async function destroyQuietly(db: Database, logger: Logger | undefined): Promise<void> {
  try {
    await db.destroy();
  } catch (error) {
    logger?.debug({ code: (error as { code?: string }).code }, 'closing a PostgreSQL pool failed');
  }
}

function closeOnce(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

function reasonOf(error: unknown): string {
  // Connecting to a name with several addresses fails with an AggregateError whose own message is empty.
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map(reasonOf).join('; ');
  }
  if (error instanceof Error) {
    return error.message || (error as { code?: string }).code || error.name;
  }
  return String(error);
}
