import type { Area } from '../municipality/contacts.js';

/**
 * What the bot counts, as enumerated values only: codes, entry ids, areas and whole numbers. No event
 * carries a name, a user id, a time finer than the ISO week, or anything a person wrote.
 */

/** The orosanmälan walk-through's steps, in order; the last one is reached when the booking offer is shown. */
export const OROSANMALAN_STEPS = ['start', 'anmalningsskyldighet', 'skriftlig-anmalan', 'anmalningsmote', 'vad-hander-sedan', 'klar'] as const;
/** One step of the orosanmälan walk-through. */
export type OrosanmalanStepName = (typeof OROSANMALAN_STEPS)[number];

/** A 👍 or a 👎 in Teams' feedback buttons. */
export type FeedbackReaction = 'like' | 'dislike';

/** The consultation's four button answers (codes of municipality/consultation-questions.ts, or "egna-ord"). */
export interface ConsultationAnswers {
  readonly ageGroup?: string;
  readonly concern?: string;
  readonly duration?: string;
  readonly schoolActions?: string | readonly string[];
}

/** One thing that happened, to be counted in its ISO week. */
export type InsightEvent =
  | { readonly kind: 'answered'; readonly entries: readonly string[]; readonly mode: 'extractive' | 'model' }
  | { readonly kind: 'declined' }
  | { readonly kind: 'guard-refused'; readonly categories: readonly string[] }
  | { readonly kind: 'akut-detected' }
  | { readonly kind: 'escalation-raised'; readonly area: Area }
  | { readonly kind: 'escalation-taken'; readonly area: Area; readonly minutes: number }
  | { readonly kind: 'escalation-untaken'; readonly area: Area }
  | { readonly kind: 'consultation-finished'; readonly answers: ConsultationAnswers }
  | { readonly kind: 'orosanmalan-step'; readonly step: OrosanmalanStepName }
  | { readonly kind: 'meeting-booked'; readonly meeting: 'anmalningsmote' | 'konsultation'; readonly area: Area; readonly daysToMeeting: number }
  | { readonly kind: 'meeting-cancelled'; readonly meeting: 'anmalningsmote' | 'konsultation'; readonly area: Area }
  | { readonly kind: 'meeting-moved'; readonly meeting: 'anmalningsmote' | 'konsultation'; readonly area: Area }
  | { readonly kind: 'feedback'; readonly reaction: FeedbackReaction; readonly entries: readonly string[] };

/** One counter to bump: what is counted (`metric`), one enumerated value of it (`dimension`), and a number to add up. */
export interface CounterIncrement {
  readonly metric: string;
  readonly dimension: string;
  /** Added to the counter's total (minutes to take, days to the meeting); 0 when only the count matters. */
  readonly value: number;
}

/** A code: lower-case letters, digits and dashes (entry ids, categories, answer codes). Anything else is dropped. */
const CODE = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The counters an event bumps. Values that are not codes are dropped, so no free text can slip in as a dimension. */
export function countersOf(event: InsightEvent): CounterIncrement[] {
  const one = (metric: string, dimension: string, value = 0): CounterIncrement[] => (CODE.test(dimension) ? [{ metric, dimension, value }] : []);
  switch (event.kind) {
    case 'answered':
      return [
        ...one('questions', 'answered'),
        ...one('answer-mode', event.mode),
        ...(event.entries[0] ? one('topic', event.entries[0]) : []),
        ...unique(event.entries).flatMap((entry) => one('cited', entry)),
      ];
    case 'declined':
      return one('questions', 'declined');
    case 'guard-refused':
      return [...one('guard', 'refused'), ...unique(event.categories).flatMap((category) => one('guard-category', category))];
    case 'akut-detected':
      return one('akut', 'detected');
    case 'escalation-raised':
      return one('escalations', 'raised');
    case 'escalation-taken':
      return [...one('escalations', 'taken', wholeNonNegative(event.minutes)), ...one('minutes-to-take', minutesBucket(event.minutes))];
    case 'escalation-untaken':
      return one('escalations', 'untaken');
    case 'consultation-finished':
      return [
        ...one('consultations', 'finished'),
        ...(['ageGroup', 'concern', 'duration', 'schoolActions'] as const).flatMap((question) => {
          const answer = event.answers[question];
          const codes = answer === undefined ? [] : typeof answer === 'string' ? [answer] : unique(answer);
          return codes.flatMap((code) => (CODE.test(code) ? one('consultation-answer', `${question.toLowerCase()}-${code}`) : []));
        }),
      ];
    case 'orosanmalan-step':
      return one('orosanmalan-step', event.step);
    case 'meeting-booked':
      return [...one('meetings', `${event.meeting}-booked`, wholeNonNegative(event.daysToMeeting)), ...one('days-to-meeting', `${event.meeting}-${daysBucket(event.daysToMeeting)}`)];
    case 'meeting-cancelled':
      return one('meetings', `${event.meeting}-cancelled`);
    case 'meeting-moved':
      return one('meetings', `${event.meeting}-moved`);
    case 'feedback':
      return [...one('feedback', event.reaction), ...unique(event.entries).flatMap((entry) => one('feedback-entry', `${event.reaction}-${entry}`))];
  }
}

/** The area an event carries itself (escalations, meetings); others take the area of the user's school. */
export function areaOfEvent(event: InsightEvent): Area | undefined {
  return 'area' in event ? event.area : undefined;
}

/** Buckets for minutes from an akut alert to "Jag tar det". */
export const MINUTE_BUCKETS = ['0-4', '5-9', '10-29', '30-59', '60-'] as const;
/** Buckets for days from booking to the meeting. */
export const DAY_BUCKETS = ['0-2', '3-6', '7-10', '11-14', '15-'] as const;

function minutesBucket(minutes: number): string {
  if (minutes < 5) return '0-4';
  if (minutes < 10) return '5-9';
  if (minutes < 30) return '10-29';
  if (minutes < 60) return '30-59';
  return '60-';
}

function daysBucket(days: number): string {
  if (days <= 2) return '0-2';
  if (days <= 6) return '3-6';
  if (days <= 10) return '7-10';
  if (days <= 14) return '11-14';
  return '15-';
}

function wholeNonNegative(value: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
