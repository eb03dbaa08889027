import type { Storage, StoreItems } from 'botbuilder';
import type { StateChange, StateStore } from '../storage/index.js';

/**
 * botbuilder `Storage` over the SQL state store, so conversation and user state survive restarts
 * and are shared by every bot instance on the same database. Semantics follow botbuilder's
 * MemoryStorage: read items carry an `eTag`; a write whose `eTag` is missing, falsy or `'*'`
 * overwrites; any other `eTag` must match the stored one, else the write rejects with
 * STATE_ETAG_CONFLICT (other items in the same write are still stored). Written items are not
 * modified: read them again for their new eTag.
 */
export class SqlStorage implements Storage {
  private readonly expected = new Map<string, string>();
  private readonly written = new Map<string, string>();

  constructor(private readonly store: StateStore) {}

  /**
   * The next write of `key` compares with `eTag` (`CREATE_ONLY_ETAG`: the key must hold nothing),
   * whatever eTag the item carries: botbuilder's BotState writes `'*'`, see VersionedConversationState.
   */
  expectETag(key: string, eTag: string): void {
    this.expected.set(key, eTag);
  }

  /** Ends an expectation set with `expectETag` and returns the eTag the write of `key` stored, if it wrote. */
  settle(key: string): string | undefined {
    this.expected.delete(key);
    const eTag = this.written.get(key);
    this.written.delete(key);
    return eTag;
  }

  /** Reads the items stored under the keys; keys that hold nothing are absent from the result. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) {
      throw new ReferenceError('Keys are required when reading.');
    }
    const items: StoreItems = {};
    for (const [key, entry] of await this.store.readMany(keys)) {
      items[key] = { ...(entry.value as object), eTag: entry.eTag };
    }
    return items;
  }

  /** Stores the items, honouring their eTags. */
  async write(changes: StoreItems): Promise<void> {
    if (!changes) {
      throw new ReferenceError('Changes are required when writing.');
    }
    const stored = await this.store.writeMany(
      Object.keys(changes).map((key) => {
        const change = toStateChange(key, changes[key]);
        const expectedETag = this.expected.get(key);
        return expectedETag === undefined ? change : { ...change, expectedETag };
      }),
    );
    for (const [key, eTag] of stored) if (this.expected.has(key)) this.written.set(key, eTag);
  }

  /** Deletes the items; keys that hold nothing are ignored. */
  async delete(keys: string[]): Promise<void> {
    if (!keys) {
      throw new ReferenceError('Keys are required when deleting.');
    }
    await this.store.deleteMany(keys);
  }
}

/** An eTag no stored item ever has: a write expecting it only stores into a key that holds nothing. */
export const CREATE_ONLY_ETAG = 'create-only';

function toStateChange(key: string, item: unknown): StateChange {
  if (item === null || item === undefined) {
    throw new TypeError(`Storage: cannot write an empty item to "${key}".`);
  }
  const { eTag, ...value } = { ...(item as { eTag?: unknown }) };
  return { key, value, expectedETag: !eTag || eTag === '*' ? undefined : String(eTag) };
}
