import type { Activity } from 'botbuilder';
import type { PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-classes.js';
import type { CardAction, CardActionName } from './card-actions.js';
import { CardPrompt, type CardPromptAnswer, type CardPromptOptions } from './card-prompt.js';
import { cardActivity, type AdaptiveCard } from './cards/adaptive-card.js';
import {
  ageGroupCard,
  concernCard,
  consultationGuidanceCard,
  consultationNextStepsCard,
  consultationSummaryCard,
  durationCard,
  schoolActionsCard,
  type ConsultationSummary,
  type ConsultationTexts,
} from './cards/consultation-cards.js';
import { AGE_GROUPS, AKUT_CONCERN, CONCERNS, DURATIONS, SCHOOL_ACTIONS, type AgeGroup, type Concern, type Duration } from '../municipality/consultation-questions.js';
import { schoolInfo, schoolOptions } from '../municipality/schools.js';
import type { RoutineDependencies, RoutineResult } from './routine-dependencies.js';
import { entryLookup } from './routine-sources.js';
import { countInsight } from './count-insight.js';
import { knownSchool, rememberSchoolOf, SchoolDialog, SCHOOL_DIALOG_ID, type SchoolInfo } from './school-dialog.js';
import { readTurnInput } from './turn-input.js';
import { typedChoice, typedChoices, type TypedOption } from './typed-choice.js';
import { telephoneHoursText, whoToCall } from '../triage/who-to-call.js';

/** Dialog id of the anonymous consultation. */
export const ANONYMOUS_CONSULTATION_DIALOG_ID = 'anonymousConsultationDialog';

const QUESTION_PROMPT = 'anonymousConsultationDialog.questionPrompt';
const WATERFALL = 'anonymousConsultationDialog.waterfall';

/**
 * Anonymous consultation: states the anonymity rule, asks four button questions (a typed answer
 * counts when it means one option; the text is never kept), asks the school once if it is not known,
 * then gives the routine's guidance, a summary with the chosen options only, and the next steps.
 * A button answer that is akut oro hands over to the akut routine; typed akut oro is caught by the main dialog.
 */
export class AnonymousConsultationDialog extends ComponentDialog {
  private readonly entries;
  private readonly texts;

  constructor(private readonly deps: RoutineDependencies) {
    super(ANONYMOUS_CONSULTATION_DIALOG_ID);
    this.entries = entryLookup(deps.knowledge);
    this.texts = deps.routines.konsultation;
    this.addDialog(new CardPrompt(QUESTION_PROMPT, (prompt) => this.acceptTypedChoice(prompt)));
    this.addDialog(new SchoolDialog(deps));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.askAgeGroup.bind(this),
        this.askConcern.bind(this),
        this.askDuration.bind(this),
        this.askSchoolActions.bind(this),
        this.ensureSchoolKnown.bind(this),
        this.giveGuidance.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async askAgeGroup(step: WaterfallStepContext) {
    this.deps.events?.routineStarted('konsultation');
    return step.prompt(QUESTION_PROMPT, question(ageGroupCard(this.texts, this.entries), 'consultation.ageGroup', this.texts.questions.ageGroup.title));
  }

  private async askConcern(step: WaterfallStepContext) {
    summaryOf(step).ageGroup = choiceOf(step.result, 'consultation.ageGroup');
    return step.prompt(QUESTION_PROMPT, question(concernCard(this.texts, this.entries), 'consultation.concern', this.texts.questions.concern.title));
  }

  private async askDuration(step: WaterfallStepContext) {
    const concern = choiceOf(step.result, 'consultation.concern');
    if (concern === AKUT_CONCERN) return step.endDialog({ switchTo: 'akut-oro' } satisfies RoutineResult);
    summaryOf(step).concern = concern;
    return step.prompt(QUESTION_PROMPT, question(durationCard(this.texts, this.entries), 'consultation.duration', this.texts.questions.duration.title));
  }

  private async askSchoolActions(step: WaterfallStepContext) {
    summaryOf(step).duration = choiceOf(step.result, 'consultation.duration');
    const askSchool = (await knownSchool(step.context, this.deps)) === undefined ? schoolOptions(this.deps.knowledge.contacts) : undefined;
    const card = schoolActionsCard(this.texts, this.entries, askSchool);
    return step.prompt(QUESTION_PROMPT, question(card, 'consultation.schoolActions', this.texts.questions.schoolActions.title));
  }

  /** The school chosen on question 4 is remembered; typed answers leave it unknown, so it is asked once here. */
  private async ensureSchoolKnown(step: WaterfallStepContext) {
    const result = step.result as CardPromptAnswer | undefined;
    const answer = result?.kind === 'card' ? result.action : undefined;
    if (answer?.action !== 'consultation.schoolActions') return step.next();
    summaryOf(step).schoolActions = answer.choices;
    const chosen = answer.school === undefined ? undefined : schoolInfo(this.deps.knowledge.contacts, answer.school);
    if (chosen) {
      await rememberSchoolOf(step.context, this.deps, chosen);
      return step.next(chosen);
    }
    return step.beginDialog(SCHOOL_DIALOG_ID);
  }

  private async giveGuidance(step: WaterfallStepContext) {
    const summary = summaryOf(step);
    const school = (step.result as SchoolInfo | undefined) ?? (await knownSchool(step.context, this.deps));
    const who = whoToCall(this.deps.knowledge.contacts, this.deps.clock.now(), school?.area);
    const preschool = school?.kind === 'forskola' || summary.ageGroup === 'forskola';
    const hours = telephoneHoursText(this.deps.knowledge.contacts);
    await step.context.sendActivities([
      cardActivity(consultationGuidanceCard({ preschool, concern: summary.concern, who, hours }, this.texts, this.entries)),
      cardActivity(consultationSummaryCard(summary, who, this.texts)),
      cardActivity(consultationNextStepsCard(who, this.texts)),
    ] as Partial<Activity>[]);
    await countInsight(step.context, this.deps, { kind: 'consultation-finished', answers: summary });
    return step.endDialog({} satisfies RoutineResult);
  }

  /** A typed answer that means exactly one option (or, on question 4, one option per part) counts as pressing it. */
  private async acceptTypedChoice(prompt: PromptValidatorContext<CardPromptAnswer>): Promise<boolean> {
    const answer = prompt.recognized.value;
    if (prompt.recognized.succeeded && answer?.kind === 'card') return true;
    const input = readTurnInput(prompt.context);
    const action = input.kind === 'text' ? typedAction(input.text, (prompt.options as CardPromptOptions).expect.action, this.texts) : undefined;
    if (action) {
      prompt.recognized.value = { kind: 'card', action };
      return true;
    }
    // One message: why, and the same question again (the prompt does not repeat itself once the turn has a reply).
    const why =
      input.kind === 'text'
        ? 'Jag kunde inte koppla svaret till något av alternativen. Tryck på det som passar bäst – eller skriv **avbryt**.'
        : 'Det svaret hör till en annan fråga. Svara gärna på den här – eller skriv **avbryt**.';
    await prompt.context.sendActivity({ ...((prompt.options as CardPromptOptions).prompt as Partial<Activity>), text: why });
    return false;
  }
}

/** The card action a typed answer means on this question, or undefined when it does not fit exactly one option. */
function typedAction(text: string, expected: CardActionName, texts: ConsultationTexts): CardAction | undefined {
  const { questions } = texts;
  switch (expected) {
    case 'consultation.ageGroup': {
      const choice = typedChoice(text, optionsOf(AGE_GROUPS, questions.ageGroup));
      return choice && { action: expected, choice };
    }
    case 'consultation.concern': {
      const choice = typedChoice(text, optionsOf(CONCERNS, questions.concern));
      return choice && { action: expected, choice };
    }
    case 'consultation.duration': {
      const choice = typedChoice(text, optionsOf(DURATIONS, questions.duration));
      return choice && { action: expected, choice };
    }
    case 'consultation.schoolActions': {
      const choices = typedChoices(text, optionsOf(SCHOOL_ACTIONS, questions.schoolActions));
      return choices && { action: expected, choices };
    }
    default:
      return undefined;
  }
}

function optionsOf<Code extends string>(
  codes: readonly Code[],
  question: { readonly options: Readonly<Record<Code, string>>; readonly details?: Readonly<Partial<Record<Code, string>>> },
): TypedOption<Code>[] {
  return codes.map((code) => ({ code, label: question.options[code], ...(question.details?.[code] ? { detail: question.details[code] } : {}) }));
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The answers so far, in the waterfall's persisted values: option codes only, never typed text. */
function summaryOf(step: WaterfallStepContext): Mutable<ConsultationSummary> {
  const values = step.values as { summary?: Mutable<ConsultationSummary> };
  values.summary ??= {};
  return values.summary;
}

/** A question card; `name` is how a refusal of a typed answer tells the user which question to answer again. */
function question(card: AdaptiveCard, action: CardActionName, name: string): CardPromptOptions {
  const prompt = cardActivity(card);
  return { prompt, expect: { action }, question: name };
}

type ChoiceOf = { 'consultation.ageGroup': AgeGroup; 'consultation.concern': Concern; 'consultation.duration': Duration };

function choiceOf<A extends keyof ChoiceOf>(result: unknown, action: A): ChoiceOf[A] | undefined {
  const answer = result as CardPromptAnswer;
  if (answer.kind !== 'card' || answer.action.action !== action) return undefined;
  return (answer.action as unknown as { choice: ChoiceOf[A] }).choice;
}
