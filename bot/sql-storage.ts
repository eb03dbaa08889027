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
  private readonly schoolsAlong = new Map<string, { -readonly [field in keyof SchoolAlong]: SchoolAlong[field] }[]>();

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

  /**
   * Until `endSchoolAlong`, a read of `key` alone also reads the saved school of `userId`, in the same
   * statement: the turn needs it on many answers, and a second round trip to the database would cost
   * as much as the first. The school is in the returned object once such a read ran.
   */
  readSchoolAlong(key: string, userId: string): SchoolAlong {
    const along = { key, userId, read: false, schoolKey: undefined as string | undefined };
    const waiting = this.schoolsAlong.get(key);
    if (waiting) waiting.push(along);
    else this.schoolsAlong.set(key, [along]);
    return along;
  }

  /** Ends what `readSchoolAlong` began. */
  endSchoolAlong(along: SchoolAlong): void {
    const waiting = this.schoolsAlong.get(along.key);
    if (!waiting) return;
    const rest = waiting.filter((other) => other !== along);
    if (rest.length > 0) this.schoolsAlong.set(along.key, rest);
    else this.schoolsAlong.delete(along.key);
  }

  /** Reads the items stored under the keys; keys that hold nothing are absent from the result. */
  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) {
      throw new ReferenceError('Keys are required when reading.');
    }
    const items: StoreItems = {};
    // Several turns of one shared conversation may load its state at once (a message the privacy guard refuses loads it
    // before the turn queue): the school is read for the first asker waiting, and given only to that asker's turns,
    // those waiting when the read began; a turn that finds no school read along reads it itself when needed.
    const along = keys.length === 1 ? [...(this.schoolsAlong.get(keys[0]!) ?? [])] : [];
    const userId = along[0]?.userId;
    if (userId !== undefined) {
      const key = keys[0]!;
      const { entry, schoolKey } = await this.store.readWithSchool(key, userId);
      if (entry) items[key] = { ...(entry.value as object), eTag: entry.eTag };
      for (const other of along) {
        if (other.userId !== userId) continue;
        other.read = true;
        other.schoolKey = schoolKey;
      }
      return items;
    }
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

/** The saved school of a user, read along with the state under `key` (`SqlStorage.readSchoolAlong`). */
export interface SchoolAlong {
  readonly key: string;
  readonly userId: string;
  /** True once a read of the state brought the school; until then `schoolKey` means nothing. */
  readonly read: boolean;
  /** The user's school; undefined when they never chose one. */
  readonly schoolKey?: string;
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
