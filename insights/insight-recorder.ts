import { createHmac, createSecretKey } from 'node:crypto';
import type { Clock } from '../scheduling/clock.js';
import { countersOf, areaOfEvent, type InsightEvent } from './insight-events.js';
import type { CounterSink, InsightRecorder, InsightStorePort } from './insight-ports.js';
import { gapTermsOf, GAP_TERM_MIN_PEOPLE, type DomainTermTest } from './gap-terms.js';
import { dayNumberOf, isoWeekOf } from './iso-week.js';

const DAY_MS = 86_400_000;

/** What the recorder needs, wired once in bot/. */
export interface InsightRecorderOptions {
  /** The store, with the counters kept in memory until the next flush (CounterBuffer). */
  readonly store: InsightStorePort & CounterSink;
  readonly clock: Clock;
  readonly isDomainTerm: DomainTermTest;
  /** The knowledge entries' ids: a cited id outside them is not counted. */
  readonly entryIds: ReadonlySet<string>;
  /** How many days one salt lives before it is replaced and thrown away. */
  readonly saltRotationDays: number;
  /** Told when recording failed; the user's turn goes on regardless. */
  readonly failed: (code: string, error: unknown) => void;
}

/**
 * Records insight events as weekly counters. The user id of an event is used for two things only and
 * never stored: to find the area of their school, and — for declined questions and the link from an
 * orosanmälan to its anmälningsmöte — as an HMAC under a salt that is replaced every
 * `saltRotationDays` days, the old one deleted, so nothing stored can be tied to a person afterwards.
 */
export class InsightService implements InsightRecorder {
  constructor(private readonly options: InsightRecorderOptions) {}

  async record(event: InsightEvent, userId?: string): Promise<void> {
    await this.safely('INSIGHT_RECORD_FAILED', async () => {
      const checked = this.withKnownEntries(event);
      const area = areaOfEvent(checked);
      const increments = countersOf(checked);
      if (checked.kind === 'meeting-booked' && checked.meeting === 'anmalningsmote' && userId) {
        const days = await this.daysSinceReport(userId);
        if (days !== undefined) increments.push({ metric: 'meetings', dimension: 'anmalningsmote-after-orosanmalan', value: days });
      }
      if (checked.kind === 'orosanmalan-step' && checked.step === 'anmalningsmote' && userId) await this.rememberReport(userId);
      // Without an area of its own, the event counts under the user's school, looked up when the counts are written.
      await this.options.store.increment(this.week(), area ?? '', increments, area ? undefined : userId);
    });
  }

  async questionDeclined(question: string, userId: string): Promise<void> {
    await this.record({ kind: 'declined' }, userId);
    const terms = gapTermsOf(question, this.options.isDomainTerm);
    if (terms.length === 0) return;
    await this.safely('INSIGHT_GAP_TERMS_FAILED', async () => {
      const { period, salt } = await this.salt();
      const userKey = keyOf(salt, `user:${userId}`);
      for (const term of terms) {
        const { people, newAsker } = await this.options.store.addGapAsker(period, keyOf(salt, `term:${term}`), userKey);
        if (!newAsker || people < GAP_TERM_MIN_PEOPLE) continue;
        // Only now, with five different people behind it, does the word itself reach the database.
        const shown = await this.options.store.shownGapTerm(term);
        await this.options.store.showGapTerm(term, shown ? shown.people + 1 : people, this.week());
      }
    });
  }

  async answerSent(messageId: string | undefined, entries: readonly string[]): Promise<void> {
    if (!messageId) return;
    await this.safely('INSIGHT_ANSWER_REF_FAILED', () =>
      this.options.store.rememberAnswer(messageKey(messageId), entries.filter((entry) => this.options.entryIds.has(entry)), this.week()),
    );
  }

  async feedbackGiven(messageId: string, reaction: 'like' | 'dislike', userId?: string): Promise<void> {
    // Counted at a flush, once the entries the answer cited are known (the answer may be another instance's).
    await this.safely('INSIGHT_FEEDBACK_FAILED', () => this.options.store.feedback(messageKey(messageId), reaction, this.week(), userId));
  }

  /** The current salt period's number: whole `saltRotationDays` since 1970. */
  period(): number {
    return Math.floor(this.options.clock.now().getTime() / (this.options.saltRotationDays * DAY_MS));
  }

  private week() {
    return isoWeekOf(this.options.clock.now());
  }

  private async salt(): Promise<{ period: number; salt: string }> {
    const period = this.period();
    return { period, salt: await this.options.store.saltFor(period) };
  }

  private async rememberReport(userId: string): Promise<void> {
    const { period, salt } = await this.salt();
    await this.options.store.rememberReport(period, keyOf(salt, `user:${userId}`), this.epochDay());
  }

  private async daysSinceReport(userId: string): Promise<number | undefined> {
    const { period, salt } = await this.salt();
    const day = await this.options.store.takeReport(period, keyOf(salt, `user:${userId}`));
    return day === undefined ? undefined : Math.max(0, this.epochDay() - day);
  }

  private epochDay(): number {
    return dayNumberOf(this.options.clock.now());
  }

  private withKnownEntries(event: InsightEvent): InsightEvent {
    if (event.kind !== 'answered' && event.kind !== 'feedback') return event;
    return { ...event, entries: event.entries.filter((entry) => this.options.entryIds.has(entry)) };
  }

  private async safely<T>(code: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.options.failed(code, error);
      return undefined;
    }
  }
}

function keyOf(salt: string, text: string): string {
  return createHmac('sha256', salt).update(text).digest('base64url');
}

// The answers' key is fixed and not secret (it is in the source): the hash only keeps Teams message ids out of the
// table. Prepared once, not on every answered turn.
const ANSWER_KEY = createSecretKey(Buffer.from('samverkansboten-answer', 'utf8'));

/** Teams message ids are kept hashed: the table of answers links to no conversation. */
export function messageKey(messageId: string): string {
  return createHmac('sha256', ANSWER_KEY).update(messageId).digest('base64url');
}
