/** Stable codes of the errors the storage layer throws; the turn-error handler and the start-up code branch on these. */
export type StorageErrorCode =
  | 'STORAGE_UNREACHABLE'
  | 'STORAGE_URL_INVALID'
  | 'STORAGE_MIGRATION_FAILED'
  | 'STATE_ETAG_CONFLICT'
  | 'STATE_VALUE_CORRUPT';

/** Base class of every storage error: an English message for operators and a stable `code`. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** The database could not be reached or opened; `location` names the file or host:port, never a password. */
export class StorageUnreachableError extends StorageError {
  constructor(
    readonly engine: 'SQLite' | 'PostgreSQL',
    readonly location: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super('STORAGE_UNREACHABLE', `Cannot connect to ${engine} at ${location}: ${reason}`, options);
    this.name = 'StorageUnreachableError';
  }
}

/** The database URL is not one this bot can use (only postgres:// and postgresql:// are). */
export class StorageUrlInvalidError extends StorageError {
  constructor(reason: string) {
    super('STORAGE_URL_INVALID', `DATABASE_URL is not usable: ${reason}`);
    this.name = 'StorageUrlInvalidError';
  }
}

/** A schema migration failed; the database is left at the last migration that succeeded. */
export class StorageMigrationError extends StorageError {
  constructor(
    readonly migrationName: string | undefined,
    reason: string,
    options?: { cause?: unknown },
  ) {
    const which = migrationName ? `migration "${migrationName}"` : 'migrating the database';
    super('STORAGE_MIGRATION_FAILED', `Failed ${which}: ${reason}`, options);
    this.name = 'StorageMigrationError';
  }
}

/** A write carried an eTag that no longer matches the stored one: someone else wrote first. */
export class StateEtagConflictError extends StorageError {
  constructor(readonly keys: readonly string[]) {
    // Same wording as botbuilder's MemoryStorage, so logs read alike whichever storage runs.
    super('STATE_ETAG_CONFLICT', `Storage: error writing ${keys.map((key) => `"${key}"`).join(', ')} due to eTag conflict.`);
    this.name = 'StateEtagConflictError';
  }
}

/** A stored value is not valid JSON; the text itself is kept out of the message because it may hold user input. */
export class StateValueCorruptError extends StorageError {
  constructor(readonly key: string) {
    super('STATE_VALUE_CORRUPT', `Stored state for "${key}" is not valid JSON.`);
    this.name = 'StateValueCorruptError';
  }
}
