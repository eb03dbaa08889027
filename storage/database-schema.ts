import type { Kysely } from 'kysely';
import type { StoredTime } from './stored-time.js';

/**
 * Every table the bot owns, as Kysely sees it. A new migration in `migrations.ts` adds its table here.
 * Column conventions, identical on both dialects: text, integer, JSON as text, timestamps as
 * `StoredTime` text.
 */
export interface DatabaseSchema {
  bot_state: BotStateTable;
}

/** Conversation and user state written by botbuilder, one JSON document per storage key. */
export interface BotStateTable {
  /** botbuilder's storage key, e.g. `msteams/conversations/<id>/`. */
  key: string;
  /** The item as JSON text, without its eTag. */
  value: string;
  /** Opaque token that changes on every write; compared for optimistic concurrency. */
  etag: string;
  updated_at: StoredTime;
}

/** The typed query builder over the bot's tables. */
export type Database = Kysely<DatabaseSchema>;
