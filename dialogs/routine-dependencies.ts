import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from './botbuilder-runtime.js';
import type { Answer } from '../knowledge/answerer.js';
import type { KnowledgeBase } from '../knowledge/load-knowledge.js';
import type { RoleDirectory } from '../municipality/roles.js';
import type { RoutineTexts } from '../municipality/routine-texts.js';
import type { SchoolInfo } from '../municipality/schools.js';
import type { InsightRecorder } from '../insights/index.js';
import { answerActivity } from './answer-activity.js';
import type { BookingDependencies } from './booking-ports.js';
import { answerCallLine, callLineMayNameSchool } from './answer-call-line.js';
import { knownSchool, staffIdOf } from './school-dialog.js';
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
  /** The Teams link that opens the personal chat with the bot; set when the bot's app id is configured. */
  readonly personalChatUrl?: string;
  /** The municipality's checklist for a written orosanmälan, when configured. */
  readonly checklistUrl?: string;
  /** Show "typing…" while a question is answered (worth it when a language model phrases answers). */
  readonly showTyping?: boolean;
  readonly events?: DialogEvents;
  /** Availability and booking (booking-ports.ts), when wired: roles, the booker's school, booking from a routine. */
  readonly booking?: BookingDependencies;
  /** Counts what happens for the statistics: enumerated values only (insights/). */
  readonly insights?: InsightRecorder;
}

/** How a routine ends: normally, or by handing over to akut oro (an acute answer mid-routine). */
export interface RoutineResult {
  readonly switchTo?: 'akut-oro';
}

/** How a question is answered where it is asked. */
export interface AnswerQuestionOptions {
  /** Who to call is already on screen (akut oro): no call line under the answer. */
  readonly whoToCallShown?: boolean;
}

/**
 * Answers free text from the routines with a cited message, and the mottagningssektion's number under it
 * when the answer says to reach it; the text itself is never kept or logged.
 */
export async function answerQuestion(context: TurnContext, deps: RoutineDependencies, question: string, options: AnswerQuestionOptions = {}): Promise<void> {
  if (deps.showTyping) await context.sendActivity({ type: ActivityTypes.Typing });
  const started = performance.now();
  const answered = await deps.answerer.answer(question);
  const callLine = options.whoToCallShown ? undefined : await callLineUnder(context, deps, answered);
  const answer = callLine ? { ...answered, text: `${answered.text}\n\n${callLine}` } : answered;
  deps.events?.questionAnswered({
    kind: answer.kind,
    citations: answer.citations.map((c) => c.id),
    aiGenerated: answer.aiGenerated,
    ms: Math.round(performance.now() - started),
  });
  const reply = answerActivity(answer, context.activity.channelId);
  // Teams' 👍/👎 under an answer; the reaction is counted with the cited entries (bot/feedback-invoke.ts).
  if (answer.kind === 'answer') reply.channelData = { feedbackLoopEnabled: true };
  const sent = await context.sendActivity(reply);
  const citations = answer.citations.map((c) => c.id);
  if (answer.kind === 'no-answer') await deps.insights?.questionDeclined(question, staffIdOf(context));
  else await deps.insights?.record({ kind: 'answered', entries: citations, mode: answer.aiGenerated ? 'model' : 'extractive' }, staffIdOf(context));
  if (answer.kind === 'answer') await deps.insights?.answerSent(sent?.id, citations);
}

/** The call line for an answer (answer-call-line.ts), with the user's school looked up only when an entry asks for it. */
async function callLineUnder(context: TurnContext, deps: RoutineDependencies, answer: Answer): Promise<string | undefined> {
  if (answer.kind !== 'answer') return undefined;
  const entries = answer.citations.flatMap((citation) => deps.knowledge.byId(citation.id) ?? []);
  const input = { text: answer.text, entries, contacts: deps.knowledge.contacts, texts: deps.routines.answers.callLine };
  // Most answers need no call line, or one the same for every school: those need no database read.
  if (!callLineMayNameSchool(input)) return undefined;
  const line = (school?: SchoolInfo) => answerCallLine({ ...input, school });
  try {
    return line(await knownSchool(context, deps));
  } catch (error) {
    // Without the profile store the school is unknown: every section's number is still right.
    deps.events?.portFailed('SCHOOL_FOR_CALL_LINE_FAILED', error);
    return line();
  }
}
