import { randomUUID } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import { sql } from './kysely-runtime.js';
import type { DatabaseDialect } from './database.js';
import type { Database } from './database-schema.js';
import { StateEtagConflictError, StateValueCorruptError } from './storage-errors.js';
import { toStoredTime } from './stored-time.js';

/** A stored value and the eTag of the write that stored it. */
export interface StateEntry {
  readonly value: unknown;
  readonly eTag: string;
}

/** One value to store. Without `expectedETag` the last write wins. */
export interface StateChange {
  readonly key: string;
  /** Any JSON-serialisable value. */
  readonly value: unknown;
  /**
   * Store only if the stored eTag still equals this one, or if the key holds nothing (a key
   * deleted meanwhile is written again, as botbuilder's MemoryStorage does).
   */
  readonly expectedETag?: string;
}

/** Options for tests and tools; production uses the defaults. */
export interface StateStoreOptions {
  now?: () => Date;
  newETag?: () => string;
  /** The database's dialect; when given, `readWithSchool` gathers the reads asked for together into one statement. */
  dialect?: DatabaseDialect;
}

/** A `bot_state` row as the reads select it. */
type StateRow = { key: string; value: string; etag: string };

/** One key's entry and one user's saved school, read together (`readWithSchool`). */
export interface StateWithSchool {
  /** Absent when the key holds nothing. */
  readonly entry?: StateEntry;
  /** The user's school (`staff_profiles.school_key`); absent when they never chose one. */
  readonly schoolKey?: string;
}

/** What `readWithSchool` selects: a column of each table, null where its row is missing. */
type StateWithSchoolRow = { value: string | null; etag: string | null; school_key: string | null };

/** A `readWithSchool` waiting for the statement it shares with the others asked for in the same event-loop turn. */
interface WaitingRead {
  readonly key: string;
  readonly userId: string;
  resolve(read: StateWithSchool): void;
  reject(error: unknown): void;
}

/** What the gathered read selects: the row of each read, numbered from 1 in the order they were asked for. */
type NumberedStateWithSchoolRow = StateWithSchoolRow & { n: number };

// Keeps `key in (…)` lists well under SQLite's and PostgreSQL's bound-parameter limits.
const keysPerQuery = 500;
// Bounds the rows of one gathered read; more waiting reads take more statements, sent together.
const readsPerStatement = 200;

/**
 * Key/value JSON documents in the `bot_state` table with eTag optimistic concurrency.
 * Every write of one key is a single atomic statement (compare-and-swap or upsert), so bot
 * instances sharing the database never overwrite each other's newer state by accident.
 */
export class StateStore {
  private readonly now: () => Date;
  private readonly newETag: () => string;
  private readOneKey?: CompiledQuery<StateRow>;
  private readOneKeyWithSchool?: CompiledQuery<StateWithSchoolRow>;
  private readManyKeysWithSchool?: CompiledQuery<NumberedStateWithSchoolRow>;
  private readonly dialect?: DatabaseDialect;
  private waitingReads: WaitingRead[] = [];

  constructor(
    private readonly db: Database,
    options: StateStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newETag = options.newETag ?? randomUUID;
    this.dialect = options.dialect;
  }

  /** Reads the keys that hold a value; absent keys are absent from the map. */
  async readMany(keys: readonly string[]): Promise<Map<string, StateEntry>> {
    const entries = new Map<string, StateEntry>();
    const wanted = unique(keys);
    if (wanted.length === 1) {
      // Every turn reads its one conversation key: the statement is built and compiled once, and only its parameter changes.
      this.readOneKey ??= this.db.selectFrom('bot_state').select(['key', 'value', 'etag']).where('key', '=', '').compile();
      const { rows } = await this.db.executeQuery<StateRow>({ ...this.readOneKey, parameters: wanted });
      for (const row of rows) entries.set(row.key, { value: parseValue(row.key, row.value), eTag: row.etag });
      return entries;
    }
    for (const chunk of chunks(wanted)) {
      const rows = await this.db
        .selectFrom('bot_state')
        .select(['key', 'value', 'etag'])
        .where('key', 'in', chunk)
        .execute();
      for (const row of rows) {
        entries.set(row.key, { value: parseValue(row.key, row.value), eTag: row.etag });
      }
    }
    return entries;
  }

  /**
   * Reads one key and the saved school of one user in a single statement. A turn needs both (the
   * conversation's state, and the asker's school for the call line under many answers), and on
   * PostgreSQL each round trip costs as much CPU as the rest of the read: one statement, one trip.
   *
   * With a dialect given (the bot's case), the reads asked for while the event loop handles one batch of
   * input (the turns whose requests arrived together) wait until it is done and then go in one statement.
   * Under load the statement, not the rows, is what a read costs: on PostgreSQL the round trip, on SQLite
   * the statement's trip through Kysely and better-sqlite3 (measured: the same deferral with one statement
   * per read left the SQLite turn as dear as before). Each read still sees the stored state as of a moment
   * after it was asked for, and each gets its own copy of the value.
   */
  async readWithSchool(key: string, userId: string): Promise<StateWithSchool> {
    if (this.dialect === undefined) return this.readOneWithSchool(key, userId);
    return new Promise((resolve, reject) => {
      if (this.waitingReads.length === 0) setImmediate(() => this.readWaiting());
      this.waitingReads.push({ key, userId, resolve, reject });
    });
  }

  private async readOneWithSchool(key: string, userId: string): Promise<StateWithSchool> {
    // One row always (the joins are outer), built and compiled once; only its two parameters change.
    this.readOneKeyWithSchool ??= sql<StateWithSchoolRow>`select s.value, s.etag, p.school_key from (select 1 as one) as turn
      left join bot_state as s on s.key = ${''}
      left join staff_profiles as p on p.user_id = ${''}`.compile(this.db);
    const { rows } = await this.db.executeQuery<StateWithSchoolRow>({ ...this.readOneKeyWithSchool, parameters: [key, userId] });
    return stateWithSchool(key, rows[0]);
  }

  private readWaiting(): void {
    const waiting = this.waitingReads;
    this.waitingReads = [];
    for (let start = 0; start < waiting.length; start += readsPerStatement) {
      void this.readTogether(waiting.slice(start, start + readsPerStatement));
    }
  }

  private async readTogether(reads: readonly WaitingRead[]): Promise<void> {
    if (reads.length === 1) {
      // Alone (an idle bot): the one-key statement, which costs less than the gathered one.
      const [read] = reads as [WaitingRead];
      return this.readOneWithSchool(read.key, read.userId).then(read.resolve, read.reject);
    }
    let rows: NumberedStateWithSchoolRow[];
    try {
      // One row per read (the joins are outer), numbered as asked; one SQL text whatever the count, so it is prepared once.
      this.readManyKeysWithSchool ??= this.readManyKeysWithSchoolQuery(this.dialect!);
      ({ rows } = await this.db.executeQuery<NumberedStateWithSchoolRow>({
        ...this.readManyKeysWithSchool,
        parameters: this.dialect === 'postgres'
          ? [reads.map((read) => read.key), reads.map((read) => read.userId)]
          : [JSON.stringify(reads.map((read) => [read.key, read.userId]))],
      }));
    } catch (error) {
      for (const read of reads) read.reject(error);
      return;
    }
    const byNumber = new Map(rows.map((row) => [Number(row.n), row]));
    reads.forEach((read, index) => {
      try {
        read.resolve(stateWithSchool(read.key, byNumber.get(index + 1)));
      } catch (error) {
        read.reject(error);
      }
    });
  }

  private readManyKeysWithSchoolQuery(dialect: DatabaseDialect): CompiledQuery<NumberedStateWithSchoolRow> {
    if (dialect === 'postgres') {
      return sql<NumberedStateWithSchoolRow>`select wanted.n, s.value, s.etag, p.school_key
        from unnest(${[]}::text[], ${[]}::text[]) with ordinality as wanted(key, user_id, n)
        left join bot_state as s on s.key = wanted.key
        left join staff_profiles as p on p.user_id = wanted.user_id`.compile(this.db);
    }
    // SQLite has no array parameters: the reads come as one JSON array of [key, userId] pairs, numbered by position.
    return sql<NumberedStateWithSchoolRow>`select wanted.key + 1 as n, s.value, s.etag, p.school_key
      from json_each(${'[]'}) as wanted
      left join bot_state as s on s.key = wanted.value ->> 0
      left join staff_profiles as p on p.user_id = wanted.value ->> 1`.compile(this.db);
  }

  /**
   * Writes the changes in order and returns the new eTag of each key written. When some expected
   * eTags no longer match, the other changes are still written and then a StateEtagConflictError
   * naming the conflicting keys is thrown (botbuilder's MemoryStorage behaves the same way).
   */
  async writeMany(changes: readonly StateChange[]): Promise<Map<string, string>> {
    const written = new Map<string, string>();
    const conflicts: string[] = [];
    for (const change of changes) {
      const eTag = this.newETag();
      const stored = change.expectedETag === undefined
        ? await this.upsert(change.key, change.value, eTag)
        : await this.compareAndSwap(change.key, change.value, change.expectedETag, eTag);
      if (stored) {
        written.set(change.key, eTag);
      } else {
        conflicts.push(change.key);
      }
    }
    if (conflicts.length > 0) {
      throw new StateEtagConflictError(conflicts);
    }
    return written;
  }

  /** Deletes the keys; keys that hold nothing are ignored. */
  async deleteMany(keys: readonly string[]): Promise<void> {
    for (const chunk of chunks(unique(keys))) {
      await this.db.deleteFrom('bot_state').where('key', 'in', chunk).execute();
    }
  }

  private async upsert(key: string, value: unknown, eTag: string): Promise<boolean> {
    const row = { key, value: serialize(key, value), etag: eTag, updated_at: toStoredTime(this.now()) };
    await this.db
      .insertInto('bot_state')
      .values(row)
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: row.value, etag: row.etag, updated_at: row.updated_at }))
      .execute();
    return true;
  }

  private async compareAndSwap(key: string, value: unknown, expectedETag: string, eTag: string): Promise<boolean> {
    const row = { key, value: serialize(key, value), etag: eTag, updated_at: toStoredTime(this.now()) };
    const updated = await this.db
      .updateTable('bot_state')
      .set({ value: row.value, etag: row.etag, updated_at: row.updated_at })
      .where('key', '=', key)
      .where('etag', '=', expectedETag)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) {
      return true;
    }
    // Nothing matched: either the key holds nothing (store it, unless another writer creates it
    // first) or it holds another eTag (conflict). One atomic statement decides which.
    const inserted = await this.db
      .insertInto('bot_state')
      .values(row)
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst();
    return (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }
}

function stateWithSchool(key: string, row: StateWithSchoolRow | undefined): StateWithSchool {
  return {
    entry: row?.value != null && row.etag != null ? { value: parseValue(key, row.value), eTag: row.etag } : undefined,
    schoolKey: row?.school_key ?? undefined,
  };
}

function serialize(key: string, value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) {
    throw new TypeError(`State for "${key}" is not JSON-serialisable.`);
  }
  return json;
}

function parseValue(key: string, json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    // The parser's message quotes the text, which may be what a user wrote: leave it out.
    throw new StateValueCorruptError(key);
  }
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

function* chunks(keys: readonly string[]): Generator<string[]> {
  for (let start = 0; start < keys.length; start += keysPerQuery) {
    yield keys.slice(start, start + keysPerQuery);
  }
}
