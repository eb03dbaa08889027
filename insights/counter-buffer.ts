import type { Area } from '../municipality/contacts.js';
import type { Clock } from '../scheduling/clock.js';
import { countersOf, type CounterIncrement, type FeedbackReaction } from './insight-events.js';
import type { AnswerRef, CounterRow, CounterSink, InsightStorePort, StaffAreas } from './insight-ports.js';
import type { IsoWeek } from './iso-week.js';

const SEPARATOR = '\u0000';

/** A 👍/👎 waiting for the flush that finds the entries its answer cited. */
interface PendingFeedback {
  readonly messageKey: string;
  readonly reaction: FeedbackReaction;
  readonly week: IsoWeek;
  readonly userId?: string;
  readonly receivedAt: number;
}

/** What waits for the next flush. */
interface Pending {
  /** Counter rows by key. */
  readonly rows: Map<string, CounterRow>;
  /** Rows counted under the user's school, by user, until the flush looks the areas up. */
  readonly byUser: Map<string, Map<string, CounterRow>>;
  /** Answers' cited entries by hashed message id. */
  readonly answers: Map<string, AnswerRef>;
  readonly feedback: PendingFeedback[];
}

/** What the buffer needs besides the store. */
export interface CounterBufferOptions {
  /** The areas of the users' schools, looked up at the flush. */
  readonly areasOf: StaffAreas;
  readonly clock: Clock;
  /**
   * How long a 👍/👎 whose answer is not in the database yet waits for it: at least two flush
   * intervals, so the instance that sent the answer has flushed its reference meanwhile.
   */
  readonly answerWaitMs: number;
}

/**
 * The insight store with the weekly counters and the answers' cited entries kept in memory between
 * flushes: a turn that counts something or sends an answer adds to a map and touches no database,
 * and `flush` writes everything since the last flush in one transaction (the app flushes every
 * minute and once more on a graceful stop, after the last turn). A crash therefore loses at most
 * one flush interval; a failed flush keeps everything for the next one.
 *
 * The area of an event counted under the user's school is looked up at the flush, for all of the
 * interval's users in one read, so the user ids are held in memory until then and never written. A
 * 👍/👎 is counted at a flush too, with the entries its answer cited: from this instance's memory or
 * the database, and when neither has them yet (another instance sent the answer and has not flushed)
 * at a later flush, within `answerWaitMs`; after that, or at the last flush before a stop, it is
 * counted without entries. Reading the counters flushes first, so this instance's own counts are in
 * what it shows; another instance's show up after its next flush. Every other method goes straight
 * to the store.
 */
export class CounterBuffer implements InsightStorePort, CounterSink {
  private pending: Pending = emptyPending();
  private flushing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly table: InsightStorePort,
    private readonly options: CounterBufferOptions,
  ) {}

  /** Counts in memory; never touches the database. */
  async increment(week: IsoWeek, area: Area | '', increments: readonly CounterIncrement[], userId?: string): Promise<void> {
    const rows = area === '' && userId ? userRowsOf(this.pending, userId) : this.pending.rows;
    for (const { metric, dimension, value } of increments) countOne(rows, week, area, metric, dimension, value);
  }

  /** Keeps the answer's cited entries until the next flush. */
  async rememberAnswer(messageKey: string, entries: readonly string[], week: IsoWeek): Promise<void> {
    if (!this.pending.answers.has(messageKey)) this.pending.answers.set(messageKey, { messageKey, entries: [...entries], week });
  }

  /** Keeps the reaction until a flush finds the entries its answer cited. */
  async feedback(messageKey: string, reaction: FeedbackReaction, week: IsoWeek, userId?: string): Promise<void> {
    this.pending.feedback.push({ messageKey, reaction, week, ...(userId ? { userId } : {}), receivedAt: this.options.clock.now().getTime() });
  }

  /**
   * Writes what was gathered since the last flush in one transaction; returns how many counter rows
   * it wrote. `final` (the last flush before a stop) counts every waiting 👍/👎, found or not.
   */
  flush(options: { readonly final?: boolean } = {}): Promise<number> {
    // One flush at a time, so a read that flushes also waits for a flush already under way.
    const flushed = this.flushing.then(() => this.writePending(options.final ?? false));
    this.flushing = flushed.catch(() => undefined);
    return flushed;
  }

  /** How many counter rows, answers and reactions wait for the next flush. */
  get pendingRows(): number {
    let rows = this.pending.rows.size + this.pending.answers.size + this.pending.feedback.length;
    for (const userRows of this.pending.byUser.values()) rows += userRows.size;
    return rows;
  }

  /** Adds rows and answers to the store at once (a flush of this buffer goes through here too). */
  addCounts(rows: readonly CounterRow[], answers: readonly AnswerRef[] = []): Promise<void> {
    return this.table.addCounts(rows, answers);
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

  /** The entries answer `messageKey` cited: from memory when this instance has not flushed it yet, else from the store. */
  async answerEntries(messageKey: string): Promise<readonly string[] | undefined> {
    return this.pending.answers.get(messageKey)?.entries ?? this.table.answerEntries(messageKey);
  }

  /** Flushes first, so counts still in memory are purged by the same rule as the stored ones. */
  async purge(options: { readonly countersBefore: IsoWeek; readonly answersBefore: IsoWeek; readonly period: number }): Promise<number> {
    await this.flush();
    return this.table.purge(options);
  }

  private async writePending(final: boolean): Promise<number> {
    const taken = this.pending;
    if (taken.rows.size === 0 && taken.byUser.size === 0 && taken.answers.size === 0 && taken.feedback.length === 0) return 0;
    this.pending = emptyPending();
    try {
      const rows = new Map(taken.rows);
      const byUser = new Map([...taken.byUser].map(([userId, userRows]) => [userId, new Map(userRows)]));
      const waiting = await this.countFeedback(taken, final, rows, byUser);
      if (byUser.size > 0) {
        const areas = await this.options.areasOf([...byUser.keys()]);
        for (const [userId, userRows] of byUser) for (const row of userRows.values()) add(rows, { ...row, area: areas.get(userId) ?? '' });
      }
      if (rows.size > 0 || taken.answers.size > 0) await this.table.addCounts([...rows.values()], [...taken.answers.values()]);
      this.pending.feedback.push(...waiting);
      return rows.size;
    } catch (error) {
      // Not written: put everything back, added to whatever came meanwhile, for the next flush.
      for (const row of taken.rows.values()) add(this.pending.rows, row);
      for (const [userId, userRows] of taken.byUser) for (const row of userRows.values()) add(userRowsOf(this.pending, userId), row);
      for (const [messageKey, answer] of taken.answers) if (!this.pending.answers.has(messageKey)) this.pending.answers.set(messageKey, answer);
      this.pending.feedback.unshift(...taken.feedback);
      throw error;
    }
  }

  /** Adds the counts of each 👍/👎 whose answer is known (or waited long enough) to the rows; returns the ones still waiting. */
  private async countFeedback(taken: Pending, final: boolean, rows: Map<string, CounterRow>, byUser: Map<string, Map<string, CounterRow>>): Promise<PendingFeedback[]> {
    const waiting: PendingFeedback[] = [];
    const now = this.options.clock.now().getTime();
    for (const feedback of taken.feedback) {
      const entries = taken.answers.get(feedback.messageKey)?.entries ?? (await this.table.answerEntries(feedback.messageKey));
      if (entries === undefined && !final && now - feedback.receivedAt < this.options.answerWaitMs) {
        waiting.push(feedback);
        continue;
      }
      const into = feedback.userId ? (byUser.get(feedback.userId) ?? new Map<string, CounterRow>()) : rows;
      if (feedback.userId) byUser.set(feedback.userId, into);
      for (const { metric, dimension, value } of countersOf({ kind: 'feedback', reaction: feedback.reaction, entries: entries ?? [] })) {
        add(into, { week: feedback.week, area: '', metric, dimension, count: 1, total: value });
      }
    }
    return waiting;
  }
}

function emptyPending(): Pending {
  return { rows: new Map(), byUser: new Map(), answers: new Map(), feedback: [] };
}

function userRowsOf(pending: Pending, userId: string): Map<string, CounterRow> {
  const rows = pending.byUser.get(userId) ?? new Map<string, CounterRow>();
  pending.byUser.set(userId, rows);
  return rows;
}

/**
 * Counts one increment into a pending map, in place: every row there is the buffer's own object (made here, or
 * put back from a failed flush that is over), so no caller holds it. A flush merges into copies with `add`.
 */
function countOne(rows: Map<string, CounterRow>, week: IsoWeek, area: string, metric: string, dimension: string, value: number): void {
  const key = counterKey(week, area, metric, dimension);
  const counted = rows.get(key) as { count: number; total: number } | undefined;
  if (!counted) rows.set(key, { week, area, metric, dimension, count: 1, total: value });
  else {
    counted.count += 1;
    counted.total += value;
  }
}

/** The key of one counter in a pending map. */
function counterKey(week: IsoWeek, area: string, metric: string, dimension: string): string {
  return `${week}${SEPARATOR}${area}${SEPARATOR}${metric}${SEPARATOR}${dimension}`;
}

/** Adds `row`'s count and total to the row of the same counter in `rows`, replacing it (rows may be shared). */
function add(rows: Map<string, CounterRow>, row: CounterRow): void {
  const key = counterKey(row.week, row.area, row.metric, row.dimension);
  const counted = rows.get(key);
  rows.set(key, counted ? { ...counted, count: counted.count + row.count, total: counted.total + row.total } : row);
}
