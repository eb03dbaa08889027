import type { Area } from '../municipality/contacts.js';
import type { CounterIncrement } from './insight-events.js';
import type { CounterRow, CounterSink, InsightStorePort, StaffAreas } from './insight-ports.js';
import type { IsoWeek } from './iso-week.js';

const SEPARATOR = '\u0000';

/** Counts in memory: counter rows by key, and rows whose area is the user's, by user until the flush looks the areas up. */
interface Pending {
  readonly rows: Map<string, CounterRow>;
  readonly byUser: Map<string, Map<string, CounterRow>>;
}

/**
 * The insight store with the weekly counters kept in memory between flushes: a turn that counts
 * something adds to a map and touches no database, and `flush` writes everything counted since the
 * last flush in one transaction (the app flushes every minute and once more on a graceful stop,
 * after the last turn). A crash therefore loses at most the counts of one flush interval; a failed
 * flush keeps its counts for the next one. The area of an event counted under the user's school is
 * looked up at the flush, for all of the interval's users in one read, so the user ids are held in
 * memory until then and never written. Reading the counters flushes first, so this instance's own
 * counts are always in what it shows; another instance's show up after its next flush. Every other
 * method goes straight to the store.
 */
export class CounterBuffer implements InsightStorePort, CounterSink {
  private pending: Pending = emptyPending();
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly table: InsightStorePort,
    private readonly areasOf: StaffAreas,
  ) {}

  /** Counts in memory; never touches the database. */
  async increment(week: IsoWeek, area: Area | '', increments: readonly CounterIncrement[], userId?: string): Promise<void> {
    let rows = this.pending.rows;
    if (area === '' && userId) {
      rows = this.pending.byUser.get(userId) ?? new Map();
      this.pending.byUser.set(userId, rows);
    }
    for (const { metric, dimension, value } of increments) add(rows, { week, area, metric, dimension, count: 1, total: value });
  }

  /** Writes the counts gathered since the last flush in one transaction; returns how many counter rows it wrote. */
  flush(): Promise<number> {
    // One flush at a time, so a read that flushes also waits for a flush already under way.
    const flushed = this.flushing.then(() => this.writePending());
    this.flushing = flushed.catch(() => undefined);
    return flushed;
  }

  /** How many counter rows wait for the next flush. */
  get pendingRows(): number {
    let rows = this.pending.rows.size;
    for (const userRows of this.pending.byUser.values()) rows += userRows.size;
    return rows;
  }

  /** Adds rows to the store at once (a flush of this buffer goes through here too). */
  addCounts(rows: readonly CounterRow[]): Promise<void> {
    return this.table.addCounts(rows);
  }

  async counters(from: IsoWeek, to: IsoWeek): Promise<CounterRow[]> {
    await this.flush();
    return this.table.counters(from, to);
  }

  saltFor(period: number): Promise<string> {
    return this.table.saltFor(period);
  }

  addGapAsker(period: number, termKey: string, userKey: string): Promise<{ readonly people: number; readonly newAsker: boolean }> {
    return this.table.addGapAsker(period, termKey, userKey);
  }

  shownGapTerm(term: string) {
    return this.table.shownGapTerm(term);
  }

  showGapTerm(term: string, people: number, week: IsoWeek): Promise<void> {
    return this.table.showGapTerm(term, people, week);
  }

  gapTerms() {
    return this.table.gapTerms();
  }

  rememberReport(period: number, userKey: string, epochDay: number): Promise<void> {
    return this.table.rememberReport(period, userKey, epochDay);
  }

  takeReport(period: number, userKey: string): Promise<number | undefined> {
    return this.table.takeReport(period, userKey);
  }

  rememberAnswer(messageKey: string, entries: readonly string[], week: IsoWeek): Promise<void> {
    return this.table.rememberAnswer(messageKey, entries, week);
  }

  answerEntries(messageKey: string): Promise<readonly string[] | undefined> {
    return this.table.answerEntries(messageKey);
  }

  /** Flushes first, so counts still in memory are purged by the same rule as the stored ones. */
  async purge(options: { readonly countersBefore: IsoWeek; readonly answersBefore: IsoWeek; readonly period: number }): Promise<number> {
    await this.flush();
    return this.table.purge(options);
  }

  private async writePending(): Promise<number> {
    if (this.pending.rows.size === 0 && this.pending.byUser.size === 0) return 0;
    const taken = this.pending;
    this.pending = emptyPending();
    try {
      const rows = new Map(taken.rows);
      if (taken.byUser.size > 0) {
        const areas = await this.areasOf([...taken.byUser.keys()]);
        for (const [userId, userRows] of taken.byUser) for (const row of userRows.values()) add(rows, { ...row, area: areas.get(userId) ?? '' });
      }
      if (rows.size > 0) await this.table.addCounts([...rows.values()]);
      return rows.size;
    } catch (error) {
      // Not written: put the counts back, added to whatever was counted meanwhile, for the next flush.
      for (const row of taken.rows.values()) add(this.pending.rows, row);
      for (const [userId, userRows] of taken.byUser) {
        const into = this.pending.byUser.get(userId) ?? new Map<string, CounterRow>();
        this.pending.byUser.set(userId, into);
        for (const row of userRows.values()) add(into, row);
      }
      throw error;
    }
  }
}

function emptyPending(): Pending {
  return { rows: new Map(), byUser: new Map() };
}

/** Adds `row`'s count and total to the row of the same counter in `rows`. */
function add(rows: Map<string, CounterRow>, row: CounterRow): void {
  const key = [row.week, row.area, row.metric, row.dimension].join(SEPARATOR);
  const counted = rows.get(key);
  rows.set(key, counted ? { ...counted, count: counted.count + row.count, total: counted.total + row.total } : row);
}
