import { TurnContext } from './botbuilder-runtime.js';
import type { PromptValidatorContext, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-classes.js';
import { BOOK_ANMALNINGSMOTE_DIALOG_ID, type BookAnmalningsmoteOptions, type BookAnmalningsmoteResult } from './book-anmalningsmote-dialog.js';
import type { CardAction, OrosanmalanStep } from './card-actions.js';
import { CardPrompt, type CardPromptAnswer, type CardPromptOptions } from './card-prompt.js';
import { cardActivity, type AdaptiveCard } from './cards/adaptive-card.js';
import {
  acuteQuestionCard,
  bookAnmalningsmoteOfferCard,
  anmalningsmoteCard,
  dutyToReportCard,
  whatHappensNextCard,
  writtenReportCard,
} from './cards/orosanmalan-cards.js';
import { answerQuestion, type RoutineDependencies, type RoutineResult } from './routine-dependencies.js';
import { fillPlaceholders } from '../municipality/routine-texts.js';
import { entryLookup } from './routine-sources.js';
import { countInsight } from './count-insight.js';
import { knownSchool, SchoolDialog, SCHOOL_DIALOG_ID } from './school-dialog.js';
import { readTurnInput } from './turn-input.js';
import { whoToCall } from '../triage/who-to-call.js';
import { onWorkingDayOrBefore } from '../scheduling/working-days.js';

/** Dialog id of the orosanmälan walk-through. */
export const OROSANMALAN_DIALOG_ID = 'orosanmalanDialog';

/** Days after the report when the återkoppling reminder is due: the förhandsbedömning deadline. */
export const ATERKOPPLING_REMINDER_DAYS = 14;

/** What the walk-through keeps between turns: whether the anmälningsmöte was booked on step 3. */
interface WalkThroughValues {
  booked: boolean;
}

const STEP_PROMPT = 'orosanmalanDialog.stepPrompt';
const WATERFALL = 'orosanmalanDialog.waterfall';
const DAY_MS = 24 * 60 * 60 * 1000;
const YES = '^(ja|japp|jo|ja tack|gärna)[\\s.!]*$';
const NO = '^(nej|nej tack|nä)[\\s.!]*$';
const NEXT = '^(nästa|vidare|ok|okej|fortsätt|klar)[\\s.!]*$';

/**
 * Orosanmälan step by step: acute? (then akut oro), the school once, the duty to report, the
 * written report, the anmälningsmöte, what happens next — and a reminder on day 14. Questions typed
 * on the way are answered from the routines and the walk-through waits where it was.
 */
export class OrosanmalanDialog extends ComponentDialog {
  private readonly entries;
  private readonly texts;

  constructor(private readonly deps: RoutineDependencies) {
    super(OROSANMALAN_DIALOG_ID);
    this.entries = entryLookup(deps.knowledge);
    this.texts = deps.routines.orosanmalan;
    this.addDialog(new CardPrompt(STEP_PROMPT, (prompt) => this.answerQuestionsOnTheWay(prompt)));
    this.addDialog(new SchoolDialog(deps));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.askIfAcute.bind(this),
        this.ensureSchoolKnown.bind(this),
        this.explainDutyToReport.bind(this),
        this.explainWrittenReport.bind(this),
        this.planAnmalningsmote.bind(this),
        this.bookIfAsked.bind(this),
        this.explainWhatHappensNext.bind(this),
        this.scheduleReminder.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async askIfAcute(step: WaterfallStepContext) {
    this.deps.events?.routineStarted('orosanmalan');
    await countInsight(step.context, this.deps, { kind: 'orosanmalan-step', step: 'start' });
    return step.prompt(STEP_PROMPT, stepPrompt(acuteQuestionCard(this.texts, this.entries), { action: 'orosanmalan.acute' }, [
      { pattern: YES, action: { action: 'orosanmalan.acute', acute: true } },
      { pattern: NO, action: { action: 'orosanmalan.acute', acute: false } },
    ]));
  }

  private async ensureSchoolKnown(step: WaterfallStepContext) {
    const answer = step.result as CardPromptAnswer;
    if (answer.kind === 'card' && answer.action.action === 'orosanmalan.acute' && answer.action.acute) {
      return step.endDialog({ switchTo: 'akut-oro' } satisfies RoutineResult);
    }
    return step.beginDialog(SCHOOL_DIALOG_ID);
  }

  private async explainDutyToReport(step: WaterfallStepContext) {
    await countInsight(step.context, this.deps, { kind: 'orosanmalan-step', step: 'anmalningsskyldighet' });
    return step.prompt(STEP_PROMPT, nextPrompt(dutyToReportCard(this.texts, this.entries), 'anmalningsskyldighet'));
  }

  private async explainWrittenReport(step: WaterfallStepContext) {
    await countInsight(step.context, this.deps, { kind: 'orosanmalan-step', step: 'skriftlig-anmalan' });
    const school = await knownSchool(step.context, this.deps);
    const { contacts } = this.deps.knowledge;
    const who = whoToCall(contacts, this.deps.clock.now(), school?.area);
    const faxes = contacts.mottagningssektioner.filter((s) => school?.area === undefined || s.area === school.area);
    const card = writtenReportCard({ who, faxes, checklistUrl: this.deps.checklistUrl }, this.texts, this.entries);
    return step.prompt(STEP_PROMPT, nextPrompt(card, 'skriftlig-anmalan'));
  }

  private async planAnmalningsmote(step: WaterfallStepContext) {
    await countInsight(step.context, this.deps, { kind: 'orosanmalan-step', step: 'anmalningsmote' });
    const canBook = await this.mayBookAnmalningsmote(step);
    return step.prompt(STEP_PROMPT, nextPrompt(anmalningsmoteCard(this.texts, this.entries, { canBook }), 'anmalningsmote'));
  }

  /** "Boka anmälningsmöte" on step 3: the booking dialog runs here, then the walk-through goes on. */
  private async bookIfAsked(step: WaterfallStepContext) {
    const answer = step.result as CardPromptAnswer;
    const book = answer.kind === 'card' && answer.action.action === 'orosanmalan.next' && answer.action.book === true;
    if (!book || !this.deps.booking) return step.next();
    return step.beginDialog(BOOK_ANMALNINGSMOTE_DIALOG_ID, { kind: 'anmalningsmote' } satisfies BookAnmalningsmoteOptions);
  }

  private async explainWhatHappensNext(step: WaterfallStepContext) {
    const booking = step.result as BookAnmalningsmoteResult | undefined;
    await countInsight(step.context, this.deps, { kind: 'orosanmalan-step', step: 'vad-hander-sedan' });
    Object.assign(step.values, { booked: booking?.status === 'booked' } satisfies WalkThroughValues);
    const reminderDay = this.swedishDay(this.reminderDueAt());
    return step.prompt(STEP_PROMPT, stepPrompt(whatHappensNextCard({ reminderDay }, this.texts, this.entries), { action: 'orosanmalan.reminder' }, [
      { pattern: YES, action: { action: 'orosanmalan.reminder', want: true } },
      { pattern: NO, action: { action: 'orosanmalan.reminder', want: false } },
    ]));
  }

  private async scheduleReminder(step: WaterfallStepContext) {
    await countInsight(step.context, this.deps, { kind: 'orosanmalan-step', step: 'klar' });
    const answer = step.result as CardPromptAnswer;
    const wanted = answer.kind === 'card' && answer.action.action === 'orosanmalan.reminder' && answer.action.want;
    const { booked } = step.values as WalkThroughValues;
    const offerBooking = async () => {
      if (!booked) await step.context.sendActivity(cardActivity(bookAnmalningsmoteOfferCard(this.texts)));
    };
    if (!wanted) {
      await step.context.sendActivity(this.texts.afterSteps.noReminder);
      await offerBooking();
      return step.endDialog({} satisfies RoutineResult);
    }
    const day14 = this.day14();
    const dueAt = this.reminderDueAt();
    const day = this.swedishDay(dueAt);
    const scheduled = await this.deps.reminders
      .scheduleAterkopplingReminder({
        userId: step.context.activity.from.id,
        conversationReference: TurnContext.getConversationReference(step.context.activity),
        dueAt,
        ...(dueAt.getTime() === day14.getTime() ? {} : { movedFrom: day14 }),
      })
      .then(() => true)
      .catch((error: unknown) => {
        this.deps.events?.portFailed('REMINDER_NOT_SCHEDULED', error);
        return false;
      });
    const { reminderSet, reminderNotSaved } = this.texts.afterSteps;
    await step.context.sendActivity(fillPlaceholders(scheduled ? reminderSet : reminderNotSaved, { paminnelsedag: day }));
    await offerBooking();
    return step.endDialog({} satisfies RoutineResult);
  }

  /** Free text on the way is a question: answer it from the routines and keep waiting at the same step. */
  private async answerQuestionsOnTheWay(prompt: PromptValidatorContext<CardPromptAnswer>): Promise<boolean> {
    if (prompt.recognized.value?.kind === 'card') return true;
    const input = readTurnInput(prompt.context);
    if (input.kind !== 'text') return false;
    await answerQuestion(prompt.context, this.deps, input.text);
    await prompt.context.sendActivity('Du är mitt i orosanmälan – tryck på knappen i kortet ovan för att gå vidare, eller skriv **avbryt**.');
    return false;
  }

  /** Only a rektor or förskolechef books the anmälningsmöte, and only when booking is wired. */
  private async mayBookAnmalningsmote(step: WaterfallStepContext): Promise<boolean> {
    const booking = this.deps.booking;
    if (!booking || !step.findDialog(BOOK_ANMALNINGSMOTE_DIALOG_ID)) return false;
    try {
      const role = booking.staff.roleOf(step.context);
      return booking.service.bookableKinds(role).includes('anmalningsmote');
    } catch (error) {
      this.deps.events?.portFailed('BOOKING_ROLE_UNKNOWN', error);
      return false;
    }
  }

  private day14(): Date {
    return new Date(this.deps.clock.now().getTime() + ATERKOPPLING_REMINDER_DAYS * DAY_MS);
  }

  /** Day 14, or the working day before it when day 14 is a weekend, holiday or eve. */
  private reminderDueAt(): Date {
    return onWorkingDayOrBefore(this.day14(), this.deps.knowledge.contacts.telephoneHours.timezone);
  }

  private swedishDay(date: Date): string {
    const timeZone = this.deps.knowledge.contacts.telephoneHours.timezone;
    return new Intl.DateTimeFormat('sv-SE', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(date);
  }
}

function stepPrompt(card: AdaptiveCard, expect: CardPromptOptions['expect'], textAnswers: { pattern: string; action: CardAction }[] = []): CardPromptOptions {
  const prompt = cardActivity(card);
  return { prompt, retryPrompt: { ...prompt, text: 'Den knappen hör till ett annat steg. Här är steget du är på:' }, expect, textAnswers };
}

function nextPrompt(card: AdaptiveCard, step: OrosanmalanStep): CardPromptOptions {
  return stepPrompt(card, { action: 'orosanmalan.next', step }, [{ pattern: NEXT, action: { action: 'orosanmalan.next', step } }]);
}
