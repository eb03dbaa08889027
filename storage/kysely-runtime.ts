import { createRequire } from 'node:module';
import type * as KyselyPackage from 'kysely';

// Kysely's ESM build is 279 modules, and node links each ESM module at every start; its CommonJS
// build, loaded with `require`, costs 45 ms less CPU and 6 MB less memory. Types are imported with
// `import type` from the package as usual; a class here also names its type, used in both positions.
// Values of the two builds are interchangeable where tests mix them (`sql`, `NO_MIGRATIONS` are duck-typed).
const require = createRequire(import.meta.url);
const kysely = require('kysely') as typeof KyselyPackage;

/** Kysely's `CompiledQuery`. */
export const { CompiledQuery } = kysely;
/** Kysely's name of its migration bookkeeping table. */
export const { DEFAULT_MIGRATION_TABLE } = kysely;
/** Kysely's `Kysely`, the query builder over a database. */
export const { Kysely } = kysely;
/** Kysely's `Kysely`. */
export type Kysely<DB> = KyselyPackage.Kysely<DB>;
/** Kysely's `Migrator`. */
export const { Migrator } = kysely;
/** Kysely's `Migrator`. */
export type Migrator = KyselyPackage.Migrator;
/** Kysely's `PostgresDialect`. */
export const { PostgresDialect } = kysely;
/** Kysely's `SqliteDialect`. */
export const { SqliteDialect } = kysely;
/** Kysely's `SqliteDriver`. */
export const { SqliteDriver } = kysely;
/** Kysely's `sql` template tag. */
export const { sql } = kysely;
