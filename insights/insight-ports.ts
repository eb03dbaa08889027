import type { Area } from '../municipality/contacts.js';
import type { CounterIncrement, FeedbackReaction, InsightEvent } from './insight-events.js';
import type { IsoWeek } from './iso-week.js';

/** Port, for the places where things happen: record an event. Never throws, never holds up the user for long. */
export interface InsightRecorder {
  /**
   * Counts `event` in this week's counters. `userId` (the staff member's Entra object id or Teams id)
   * is used to find the area of their school and is then dropped; it is never stored (it waits in
   * memory for the next flush of the counts, when the areas of all its users are looked up at once).
   */
  record(event: InsightEvent, userId?: string): Promise<void>;
  /**
   * A question the routines could not answer: counted as declined, and its domain terms counted per
   * term with a rotating salted hash of the user, so a term can be shown once five different people
   * asked. The sentence itself is dropped here.
   */
  questionDeclined(question: string, userId: string): Promise<void>;
  /** An answer was sent as message `messageId`: remember which entries it cited, for Teams' 👍/👎 on it. */
  answerSent(messageId: string | undefined, entries: readonly string[]): Promise<void>;
  /** Teams' feedback buttons on message `messageId`: count the reaction with the entries that answer cited. */
  feedbackGiven(messageId: string, reaction: 'like' | 'dislike', userId?: string): Promise<void>;
}

/** One counter row: a week, what is counted, the area ('' when unknown), one enumerated value, how often and a total. */
export interface CounterRow {
  readonly week: IsoWeek;
  readonly metric: string;
  readonly area: string;
  readonly dimension: string;
  readonly count: number;
  readonly total: number;
}

/** A gap term that at least five different people asked about, with how many did. */
export interface GapTermRow {
  readonly term: string;
  readonly people: number;
  readonly firstWeek: IsoWeek;
  readonly lastWeek: IsoWeek;
}

/** Port, for the recorder: where an event's counts go (the CounterBuffer keeps them until its next flush). */
export interface CounterSink {
  /**
   * Counts `increments` in `week` under the event's own `area`; with area '' and a `userId`, under the
   * area of the user's school, which is looked up when the counts are written (the id is then dropped).
   */
  increment(week: IsoWeek, area: Area | '', increments: readonly CounterIncrement[], userId?: string): Promise<void>;
  /** Remembers the entries an answer (by hashed message id) cited, for the 👍/👎 on it. */
  rememberAnswer(messageKey: string, entries: readonly string[], week: IsoWeek): Promise<void>;
  /** Counts a 👍/👎 on answer `messageKey` in `week`, with the entries that answer cited once they are known. */
  feedback(messageKey: string, reaction: FeedbackReaction, week: IsoWeek, userId?: string): Promise<void>;
}

/** The entries an answer cited, by its hashed message id. */
export interface AnswerRef {
  readonly messageKey: string;
  readonly entries: readonly string[];
  readonly week: IsoWeek;
}

/** Port: the areas of many staff members' schools at once (absent or undefined when unknown). */
export type StaffAreas = (userIds: readonly string[]) => Promise<ReadonlyMap<string, Area | undefined>>;

/** Port: where the counters live (the insight store in storage/ fits it). */
export interface InsightStorePort {
  /** Adds each row's count and total to its counter (creating it) and remembers the answers, all in one transaction: all or none. */
  addCounts(rows: readonly CounterRow[], answers?: readonly AnswerRef[]): Promise<void>;
  counters(from: IsoWeek, to: IsoWeek): Promise<CounterRow[]>;
  /** The salt of a rotation period, created on first use; salts of earlier periods are deleted. */
  saltFor(period: number): Promise<string>;
  /**
   * Adds (term key, user key) for the period; returns how many different user keys the term key now
   * has in the period, and whether this user was new for it.
   */
  addGapAsker(period: number, termKey: string, userKey: string): Promise<{ readonly people: number; readonly newAsker: boolean }>;
  /** The shown gap term's row, when the term has been shown. */
  shownGapTerm(term: string): Promise<GapTermRow | undefined>;
  /** Shows a term (at least five people asked) or counts one more person for it. */
  showGapTerm(term: string, people: number, week: IsoWeek): Promise<void>;
  gapTerms(): Promise<GapTermRow[]>;
  /** Remembers the day a user's orosanmälan reached the anmälningsmöte step, under the period's user key. */
  rememberReport(period: number, userKey: string, epochDay: number): Promise<void>;
  /** Takes (reads and deletes) the day remembered for the user key, if any. */
  takeReport(period: number, userKey: string): Promise<number | undefined>;
  answerEntries(messageKey: string): Promise<readonly string[] | undefined>;
  /** Deletes counters before `week`, answer references before `answersBefore`, and pending rows of periods before `period`. */
  purge(options: { readonly countersBefore: IsoWeek; readonly answersBefore: IsoWeek; readonly period: number }): Promise<number>;
}
