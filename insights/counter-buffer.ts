import type { Area } from '../municipality/contacts.js';
import type { CounterIncrement } from './insight-events.js';
import type { CounterRow, CounterSink, InsightStorePort } from './insight-ports.js';
import type { IsoWeek } from './iso-week.js';

const SEPARATOR = '\u0000';

/**
 * The insight store with the weekly counters kept in memory between flushes: a turn that counts
 * something adds to a map and touches no database, and `flush` writes everything counted since the
 * last flush in one transaction (the app flushes every minute and once more on a graceful stop,
 * after the last turn). A crash therefore loses at most the counts of one flush interval; a failed
 * flush keeps its counts for the next one. Reading the counters flushes first, so this instance's
 * own counts are always in what it shows; another instance's show up after its next flush. Every
 * other method goes straight to the store.
 */
export class CounterBuffer implements InsightStorePort, CounterSink {
  private pending = new Map<string, CounterRow>();
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(private readonly table: InsightStorePort) {}

  /** Counts in memory; never touches the database. */
  async increment(week: IsoWeek, area: Area | '', increments: readonly CounterIncrement[]): Promise<void> {
    for (const { metric, dimension, value } of increments) {
      const key = [week, area, metric, dimension].join(SEPARATOR);
      const row = this.pending.get(key);
      this.pending.set(key, { week, area, metric, dimension, count: (row?.count ?? 0) + 1, total: (row?.total ?? 0) + value });
    }
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
    return this.pending.size;
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
    if (this.pending.size === 0) return 0;
    const rows = this.pending;
    this.pending = new Map();
    try {
      await this.table.addCounts([...rows.values()]);
      return rows.size;
    } catch (error) {
      // Not written: put the counts back, added to whatever was counted meanwhile, for the next flush.
      for (const [key, row] of rows) {
        const newer = this.pending.get(key);
        this.pending.set(key, newer ? { ...row, count: row.count + newer.count, total: row.total + newer.total } : row);
      }
      throw error;
    }
  }
}
