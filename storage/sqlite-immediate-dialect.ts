import type { DatabaseConnection, Driver, SqliteDialectConfig, TransactionSettings } from 'kysely';
import { CompiledQuery, SqliteDialect, SqliteDriver } from './kysely-runtime.js';

/**
 * Kysely's SQLite dialect, except that a transaction takes the file's write lock when it begins
 * (`BEGIN IMMEDIATE`) unless it is declared read-only (`setAccessMode('read only')`).
 *
 * Kysely begins with a plain, deferred `BEGIN`: a transaction that reads before it writes then has to
 * upgrade its lock half-way, and when another process holds or has just released the write lock,
 * SQLite refuses the upgrade at once with SQLITE_BUSY or SQLITE_BUSY_SNAPSHOT, without waiting for the
 * busy timeout (waiting could deadlock). `BEGIN IMMEDIATE` waits for the lock, up to the busy timeout,
 * before the transaction has read anything, so two bot processes on one file queue instead of failing.
 * PostgreSQL needs none of this: its row locks wait by themselves.
 */
export class SqliteImmediateDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new SqliteImmediateDriver(this.#config);
  }
}

class SqliteImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin deferred' : 'begin immediate'));
  }
}
