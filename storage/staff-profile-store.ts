import type { CompiledQuery } from 'kysely';
import type { Database } from './database-schema.js';
import { toStoredTime } from './stored-time.js';

const USERS_PER_QUERY = 50;

/** Options for tests and tools; production uses the defaults. */
export interface StaffProfileStoreOptions {
  now?: () => Date;
}

/**
 * Each staff member's own förskola/skola, by user id (the Entra object id), as they chose it in the
 * chat. Staff data, never child data. The chat and the tab read the same row, so both book in the
 * same area.
 */
export class StaffProfileStore {
  private readonly now: () => Date;
  private schoolOfOne?: CompiledQuery<{ school_key: string }>;

  constructor(
    private readonly db: Database,
    options: StaffProfileStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The key of the user's school, or undefined when they never chose one. */
  async schoolOf(userId: string): Promise<string | undefined> {
    // Asked on many answered turns: the statement is built and compiled once, and only its parameter changes.
    this.schoolOfOne ??= this.db.selectFrom('staff_profiles').select('school_key').where('user_id', '=', '').compile();
    const { rows } = await this.db.executeQuery<{ school_key: string }>({ ...this.schoolOfOne, parameters: [userId] });
    return rows[0]?.school_key;
  }

  /** The schools of the users that chose one, by user id, fifty users a query. */
  async schoolsOf(userIds: readonly string[]): Promise<Map<string, string>> {
    const schools = new Map<string, string>();
    const unique = [...new Set(userIds)];
    for (let start = 0; start < unique.length; start += USERS_PER_QUERY) {
      const chunk = unique.slice(start, start + USERS_PER_QUERY);
      // Always the same number of ids (the first repeated), so it is one statement to prepare, not one per count.
      const ids = [...chunk, ...Array<string>(USERS_PER_QUERY - chunk.length).fill(chunk[0]!)];
      const rows = await this.db.selectFrom('staff_profiles').select(['user_id', 'school_key']).where('user_id', 'in', ids).execute();
      for (const row of rows) schools.set(row.user_id, row.school_key);
    }
    return schools;
  }

  /** Stores (or replaces) the user's school. */
  async rememberSchool(userId: string, schoolKey: string): Promise<void> {
    const row = { user_id: userId, school_key: schoolKey, updated_at: toStoredTime(this.now()) };
    await this.db
      .insertInto('staff_profiles')
      .values(row)
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ school_key: row.school_key, updated_at: row.updated_at }))
      .execute();
  }
}
