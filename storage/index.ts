export {
  createMigrator,
  openDatabase,
  type DatabaseDialect,
  type DatabaseHandle,
  type OpenDatabaseOptions,
} from './database.js';
export { migrations } from './migrations.js';
export { StateStore, type StateChange } from './state-store.js';
export {
  StateEtagConflictError,
  StorageError,
} from './storage-errors.js';
