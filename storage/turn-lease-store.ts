import type { Database } from './database-schema.js';
import { toStoredTime } from './stored-time.js';

/**
 * Leases on conversations in the `turn_leases` table: one atomic statement takes a lease that is
 * free or expired, so of several bot instances on one database exactly one holds a conversation at
 * a time. A lease expires by itself, so an instance that dies mid-turn blocks nobody for long.
 */
export class TurnLeaseStore {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Takes the lease on `key` for `holder` until `leaseMs` from now; false when another holder has it. */
  async tryAcquire(key: string, holder: string, leaseMs: number): Promise<boolean> {
    const now = this.now();
    const expiresAt = toStoredTime(new Date(now.getTime() + leaseMs));
    const result = await this.db
      .insertInto('turn_leases')
      .values({ key, holder, expires_at: expiresAt })
      .onConflict((conflict) =>
        conflict
          .column('key')
          .doUpdateSet({ holder, expires_at: expiresAt })
          .where('turn_leases.expires_at', '<=', toStoredTime(now)),
      )
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  /** Gives the lease back, if `holder` still has it. */
  async release(key: string, holder: string): Promise<void> {
    await this.db.deleteFrom('turn_leases').where('key', '=', key).where('holder', '=', holder).execute();
  }
}
