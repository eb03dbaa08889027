import type { Activity } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CardActionName } from './card-actions.js';
import { CardPrompt, type CardPromptAnswer, type CardPromptOptions } from './card-prompt.js';
import { cardActivity, type AdaptiveCard } from './cards/adaptive-card.js';
import {
  ageGroupCard,
  concernCard,
  consultationGuidanceCard,
  consultationSummaryCard,
  durationCard,
  schoolActionsCard,
  type ConsultationSummary,
} from './cards/consultation-cards.js';
import { AKUT_CONCERN, type AgeGroup, type Concern, type Duration } from '../municipality/consultation-questions.js';
import type { RoutineDependencies, RoutineResult } from './routine-dependencies.js';
import { entryLookup } from './routine-sources.js';
import { countInsight } from './count-insight.js';
import { knownSchool } from './school-dialog.js';
import { telephoneHoursText, whoToCall } from '../triage/who-to-call.js';

/** Dialog id of the anonymous consultation. */
export const ANONYMOUS_CONSULTATION_DIALOG_ID = 'anonymousConsultationDialog';

const QUESTION_PROMPT = 'anonymousConsultationDialog.questionPrompt';
const WATERFALL = 'anonymousConsultationDialog.waterfall';

/**
 * Anonymous consultation: states the anonymity rule, asks four button questions (free text is
 * accepted but never kept), then gives the routine's guidance and a summary with button answers only.
 * A button answer that is akut oro hands over to the akut routine; typed akut oro is caught by the main dialog.
 */
export class AnonymousConsultationDialog extends ComponentDialog {
  private readonly entries;
  private readonly texts;

  constructor(private readonly deps: RoutineDependencies) {
    super(ANONYMOUS_CONSULTATION_DIALOG_ID);
    this.entries = entryLookup(deps.knowledge);
    this.texts = deps.routines.konsultation;
    this.addDialog(new CardPrompt(QUESTION_PROMPT));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.askAgeGroup.bind(this),
        this.askConcern.bind(this),
        this.askDuration.bind(this),
        this.askSchoolActions.bind(this),
        this.giveGuidance.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async askAgeGroup(step: WaterfallStepContext) {
    this.deps.events?.routineStarted('konsultation');
    return step.prompt(QUESTION_PROMPT, question(ageGroupCard(this.texts, this.entries), 'consultation.ageGroup'));
  }

  private async askConcern(step: WaterfallStepContext) {
    summaryOf(step).ageGroup = choiceOf(step.result, 'consultation.ageGroup');
    return step.prompt(QUESTION_PROMPT, question(concernCard(this.texts, this.entries), 'consultation.concern'));
  }

  private async askDuration(step: WaterfallStepContext) {
    const concern = choiceOf(step.result, 'consultation.concern');
    if (concern === AKUT_CONCERN) return step.endDialog({ switchTo: 'akut-oro' } satisfies RoutineResult);
    summaryOf(step).concern = concern;
    return step.prompt(QUESTION_PROMPT, question(durationCard(this.texts, this.entries), 'consultation.duration'));
  }

  private async askSchoolActions(step: WaterfallStepContext) {
    summaryOf(step).duration = choiceOf(step.result, 'consultation.duration');
    return step.prompt(QUESTION_PROMPT, question(schoolActionsCard(this.texts, this.entries), 'consultation.schoolActions'));
  }

  private async giveGuidance(step: WaterfallStepContext) {
    const answer = step.result as CardPromptAnswer;
    const summary = summaryOf(step);
    summary.schoolActions = answer.kind === 'card' && answer.action.action === 'consultation.schoolActions' ? answer.action.choices : 'egna-ord';
    const school = await knownSchool(step.context, this.deps);
    const who = whoToCall(this.deps.knowledge.contacts, this.deps.clock.now(), school?.area);
    const preschool = school?.kind === 'forskola' || summary.ageGroup === 'forskola';
    const hours = telephoneHoursText(this.deps.knowledge.contacts);
    await step.context.sendActivities([
      cardActivity(consultationGuidanceCard({ preschool, concern: summary.concern, who, hours }, this.texts, this.entries)),
      cardActivity(consultationSummaryCard(summary, who, this.texts)),
    ] as Partial<Activity>[]);
    await countInsight(step.context, this.deps, { kind: 'consultation-finished', answers: summary });
    return step.endDialog({} satisfies RoutineResult);
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The answers so far, in the waterfall's persisted values: button values or "egna-ord", never typed text. */
function summaryOf(step: WaterfallStepContext): Mutable<ConsultationSummary> {
  const values = step.values as { summary?: Mutable<ConsultationSummary> };
  values.summary ??= {};
  return values.summary;
}

function question(card: AdaptiveCard, action: CardActionName): CardPromptOptions {
  const prompt = cardActivity(card);
  return { prompt, retryPrompt: { ...prompt, text: 'Det svaret hör till en annan fråga. Svara gärna på den här – eller skriv **avbryt**.' }, expect: { action } };
}

type ChoiceOf = { 'consultation.ageGroup': AgeGroup; 'consultation.concern': Concern; 'consultation.duration': Duration };

function choiceOf<A extends keyof ChoiceOf>(result: unknown, action: A): ChoiceOf[A] | 'egna-ord' {
  const answer = result as CardPromptAnswer;
  if (answer.kind !== 'card' || answer.action.action !== action) return 'egna-ord';
  return (answer.action as unknown as { choice: ChoiceOf[A] }).choice;
}
