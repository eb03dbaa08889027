import type { ConversationReference } from 'botbuilder';
import type { Answer } from '../knowledge/answerer.js';
import type { Area } from '../municipality/contacts.js';

export type { Clock } from '../scheduling/clock.js';

/** Port: answers a free-text question from the routines, with citations. */
export interface QuestionAnswerer {
  answer(question: string): Promise<Answer>;
}

/** The staff member asking to be called back: their Teams identity, never a child's. */
export interface EscalationRequester {
  requestCallback(request: CallbackRequest): Promise<CallbackResult>;
  /** The requester says it is solved, or withdraws the alert: the channel card shows it and reminders stop. */
  closeCallback(request: CloseCallbackRequest): Promise<CloseCallbackResult>;
}

/** Whether the alert reached the section's channel; its id goes on the requester's "det är löst"/"återkalla" buttons. */
export type CallbackResult = { readonly status: 'sent'; readonly escalationId: string } | { readonly status: 'no-channel' };

/** Why the requester closes an alert: "det är löst", or withdrawn ("återkalla"). */
export type CloseCallbackReason = 'resolved' | 'withdrawn';

/** The requester closing their own alert. */
export interface CloseCallbackRequest {
  /** The Teams id of whoever asks; only the requester's own alert can be closed. */
  readonly requesterId: string;
  /** From the confirmation card's button; absent when typed, then their latest open alert. */
  readonly escalationId?: string;
  readonly reason: CloseCallbackReason;
}

/** What became of the close: done (and which section saw it), already closed, or no open alert of theirs. */
export type CloseCallbackResult =
  | { readonly status: 'closed'; readonly sectionName: string; readonly takenBy?: string }
  | { readonly status: 'already-closed' }
  | { readonly status: 'none-open' };

/** What an akut alert to a mottagningssektion carries: area, school and who to call back. */
export interface CallbackRequest {
  readonly area: Area;
  readonly school: string;
  readonly requester: { readonly id: string; readonly name: string; readonly aadObjectId?: string };
  readonly conversationReference: Partial<ConversationReference>;
}

/** Port: stores a reminder to ask, on day 14 after a report, whether the school has had återkoppling. */
export interface ReminderScheduler {
  scheduleAterkopplingReminder(reminder: AterkopplingReminder): Promise<void>;
}

/** One återkoppling reminder: who, where to send it, and when. No child data. */
export interface AterkopplingReminder {
  readonly userId: string;
  readonly conversationReference: Partial<ConversationReference>;
  readonly dueAt: Date;
  /** Day 14 itself, when it is not a working day and `dueAt` was moved to the working day before. */
  readonly movedFrom?: Date;
}

/** Port: the staff member's own förskola/skola, by user id (the staff profile store fits it); the tab reads the same. */
export interface StaffProfiles {
  /** The key of the user's school, or undefined when they never chose one. */
  schoolOf(userId: string): Promise<string | undefined>;
  rememberSchool(userId: string, schoolKey: string): Promise<void>;
}

/** Port: what the dialogs report for the logs — codes and ids only, never what the user wrote. */
export interface DialogEvents {
  routineStarted(routine: string): void;
  /** A routine asked for in a channel or group chat, answered with the way to the personal chat instead. */
  routineRedirected(routine: string): void;
  questionAnswered(outcome: { kind: Answer['kind']; citations: readonly string[]; aiGenerated: boolean; ms: number }): void;
  portFailed(code: string, error: unknown): void;
}
