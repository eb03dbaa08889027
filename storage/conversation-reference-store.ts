import type { Database } from './database-schema.js';
import { parseStoredJsonObject } from './stored-json.js';
import { toStoredTime } from './stored-time.js';

/** A Bot Framework conversation reference as plain JSON; the bot validates its shape when it uses it. */
export type StoredConversationReference = Readonly<Record<string, unknown>>;

/** The key under which a Teams channel's reference is kept (`channel:19:…@thread.tacv2`). */
export function channelReferenceKey(channelId: string): string {
  return `channel:${channelId}`;
}

/** The key under which the last conversation a staff member used the bot from is kept. */
export function userReferenceKey(userId: string): string {
  return `user:${userId}`;
}

/** Options for tests and tools; production uses the defaults. */
export interface ConversationReferenceStoreOptions {
  now?: () => Date;
}

/** Where the bot can write proactively, one conversation reference per key; the last save wins. */
export class ConversationReferenceStore {
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    options: ConversationReferenceStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Stores (or replaces) the reference under `key`. */
  async save(key: string, reference: StoredConversationReference): Promise<void> {
    const row = { key, reference: JSON.stringify(reference), updated_at: toStoredTime(this.now()) };
    await this.db
      .insertInto('conversation_references')
      .values(row)
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ reference: row.reference, updated_at: row.updated_at }))
      .execute();
  }

  /** The reference stored under `key`, or undefined when none is. */
  async get(key: string): Promise<StoredConversationReference | undefined> {
    const row = await this.db.selectFrom('conversation_references').select('reference').where('key', '=', key).executeTakeFirst();
    return row === undefined ? undefined : parseStoredJsonObject('conversation_references', key, row.reference);
  }

  /** Forgets the reference under `key` (e.g. the bot was removed from that channel). */
  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('conversation_references').where('key', '=', key).execute();
  }
}
