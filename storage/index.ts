export {
  createMigrator,
  openDatabase,
  type DatabaseDialect,
  type DatabaseHandle,
  type OpenDatabaseOptions,
} from './database.js';
export type { BotStateTable, Database, DatabaseSchema } from './database-schema.js';
export { migrationProvider, migrations } from './migrations.js';
export { StateStore, type StateChange, type StateEntry, type StateStoreOptions } from './state-store.js';
export { StaffProfileStore, type StaffProfileStoreOptions } from './staff-profile-store.js';
export { AvailabilityStore, type AvailabilityStoreOptions } from './availability-store.js';
export { SYSTEM_ACTOR, type AuditFilter } from './booking-audit.js';
export { BOOKING_REMINDER_KIND, BookingRequestError, BookingStore, newBookingReference, type BookingStoreOptions } from './booking-store.js';
export {
  StateEtagConflictError,
  StateValueCorruptError,
  StorageError,
  StorageMigrationError,
  StorageUnreachableError,
  StorageUrlInvalidError,
  type StorageErrorCode,
} from './storage-errors.js';
export { fromStoredTime, toStoredTime, type StoredTime } from './stored-time.js';
