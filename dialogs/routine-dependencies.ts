import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { KnowledgeBase } from '../knowledge/load-knowledge.js';
import type { RoleDirectory } from '../municipality/roles.js';
import type { RoutineTexts } from '../municipality/routine-texts.js';
import { answerActivity } from './answer-activity.js';
import type { BookingDependencies } from './booking-ports.js';
import type { Clock, DialogEvents, EscalationRequester, QuestionAnswerer, ReminderScheduler, StaffProfiles } from './ports.js';

/** Everything the routine dialogs need, injected once by the bot. */
export interface RoutineDependencies {
  readonly knowledge: KnowledgeBase;
  /** The routines' words, from the municipality pack's routines.yaml. */
  readonly routines: RoutineTexts;
  readonly clock: Clock;
  readonly answerer: QuestionAnswerer;
  readonly escalation: EscalationRequester;
  readonly reminders: ReminderScheduler;
  /** The user's school, in the database (staff data, not child data), so the tab reads the same. */
  readonly profiles: StaffProfiles;
  /** roles.yaml: a rektor's or förskolechef's school is known from it, so they are never asked. */
  readonly roles?: Pick<RoleDirectory, 'roleOf'>;
  /** The municipality's checklist for a written orosanmälan, when configured. */
  readonly checklistUrl?: string;
  /** Show "typing…" while a question is answered (worth it when a language model phrases answers). */
  readonly showTyping?: boolean;
  readonly events?: DialogEvents;
  /** Availability and booking (booking-ports.ts), when wired: roles, the booker's school, booking from a routine. */
  readonly booking?: BookingDependencies;
}

/** How a routine ends: normally, or by handing over to akut oro (an acute answer mid-routine). */
export interface RoutineResult {
  readonly switchTo?: 'akut-oro';
}

/** Answers free text from the routines with a cited message; the text itself is never kept or logged. */
export async function answerQuestion(context: TurnContext, deps: RoutineDependencies, question: string): Promise<void> {
  if (deps.showTyping) await context.sendActivity({ type: ActivityTypes.Typing });
  const started = performance.now();
  const answer = await deps.answerer.answer(question);
  deps.events?.questionAnswered({
    kind: answer.kind,
    citations: answer.citations.map((c) => c.id),
    aiGenerated: answer.aiGenerated,
    ms: Math.round(performance.now() - started),
  });
  await context.sendActivity(answerActivity(answer, context.activity.channelId));
}
