import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogContext, DialogState, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, Dialog, DialogSet, DialogTurnStatus, WaterfallDialog } from './dialog-classes.js';
import { AkutOroDialog, AKUT_ORO_DIALOG_ID, type AkutOroDialogOptions } from './akut-oro-dialog.js';
import { detectAkutOro } from '../triage/akut-oro-detector.js';
import { closeAlert } from './alert-follow-up.js';
import { AnonymousConsultationDialog, ANONYMOUS_CONSULTATION_DIALOG_ID } from './anonymous-consultation-dialog.js';
import { parseBookingCardAction } from './booking-card-actions.js';
import type { BookingDependencies } from './booking-ports.js';
import type { BookingFlow } from './booking-card-actions.js';
import { bookingDialogs, bookingFlowNamedIn, startBooking } from './booking-routines.js';
import { isStarterAction, type CardAction, type MenuRoutine } from './card-actions.js';
import { cardActivity } from './cards/adaptive-card.js';
import { helpActivity, mainMenuActivity, menuPlaceOf, type MenuPlace } from './cards/main-menu-card.js';
import { personalChatRedirectActivity, type PersonalChatRoutine } from './cards/personal-chat-card.js';
import { whoToCallCard } from './cards/who-to-call-card.js';
import { OrosanmalanDialog, OROSANMALAN_DIALOG_ID } from './orosanmalan-dialog.js';
import { answerQuestion, type RoutineDependencies, type RoutineResult } from './routine-dependencies.js';
import { requireEntries } from './routine-sources.js';
import { knownSchool, SchoolDialog, SCHOOL_DIALOG_ID, type SchoolDialogOptions } from './school-dialog.js';
import {
  alertCloseRequestIn,
  isCancelRequest,
  isChangeSchoolRequest,
  isMenuRequest,
  readTurnInput,
  routineNamedIn,
  type TurnInput,
} from './turn-input.js';
import { whoToCall } from '../triage/who-to-call.js';
import { commandsFor } from './typed-commands.js';
import { isSharedConversation } from '../privacy/index.js';

/** Dialog id of the router every turn goes through. */
export const MAIN_DIALOG_ID = 'mainDialog';

/** What the main dialog needs: the routines' ports, and booking when it is wired. */
export interface MainDialogDependencies extends RoutineDependencies {
  /** Availability and booking (booking-ports.ts); without it those buttons and words are not recognised. */
  readonly booking?: BookingDependencies;
}

/** Why the router runs: a fresh turn, or a turn that just cancelled a routine. */
interface RouterOptions {
  readonly cancelled?: boolean;
}

const ROUTER = 'mainDialog.router';
const TEXT_ROUTE_KEY = Symbol('mainDialog.textRoute');

/** What a typed text outside a routine asks for (see `MainDialog.textRouteOf`). */
type TextRoute =
  | { readonly kind: 'cancel' | 'help' | 'change-school' | 'akut' | 'question' }
  | { readonly kind: 'close-alert'; readonly reason: 'resolved' | 'withdrawn' }
  | { readonly kind: 'routine'; readonly routine: MenuRoutine }
  | { readonly kind: 'booking'; readonly booking: BookingDependencies; readonly flow: BookingFlow };
const ODD_CARD_TEXT = 'Jag kunde inte läsa svaret från kortet – det kan vara ett äldre kort.';
/** The routines that run only in the personal chat, by dialog id: in a channel everyone would read the answers. */
const PERSONAL_CHAT_DIALOGS: ReadonlyMap<string, PersonalChatRoutine> = new Map([
  [ANONYMOUS_CONSULTATION_DIALOG_ID, 'konsultation'],
  [OROSANMALAN_DIALOG_ID, 'orosanmalan'],
]);

/**
 * The router: the main menu on "hjälp", "avbryt" out of any routine, akut oro from free text at
 * any point (also in the middle of another routine), "det är löst"/"återkalla" for the user's akut
 * alert, card submits to their routine, and any other free text outside a routine to a cited answer.
 */
export class MainDialog extends ComponentDialog {
  private readonly deps: RoutineDependencies;
  private readonly sources;
  private readonly booking: BookingDependencies | undefined;

  constructor(deps: MainDialogDependencies) {
    super(MAIN_DIALOG_ID);
    this.deps = deps;
    this.sources = requireEntries(deps.knowledge, ['telefontider-mottagningen', 'socialjouren', 'omedelbar-fara-112']);
    this.addDialog(new AkutOroDialog(this.deps));
    this.addDialog(new AnonymousConsultationDialog(this.deps));
    this.addDialog(new OrosanmalanDialog(this.deps));
    this.addDialog(new SchoolDialog(this.deps));
    this.booking = deps.booking;
    for (const dialog of deps.booking ? bookingDialogs(deps.booking) : []) this.addDialog(dialog);
    this.addDialog(new WaterfallDialog(ROUTER, [this.routeTurn.bind(this), this.followUp.bind(this)]));
    this.initialDialogId = ROUTER;
  }

  /** Runs one message turn: continues the routine in progress, or routes the message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    // Most turns are a question outside any routine: answer it without building the dialog stack
    // (the router would answer it the same way, and store an empty stack).
    const question = await this.plainQuestionOf(context, dialogState);
    if (question !== undefined) return answerQuestion(context, this.deps, question);
    const dialogs = new DialogSet(dialogState);
    dialogs.add(this);
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /**
   * True when this message turn is a question outside any routine: `run` answers it and changes no
   * state (the conversation's lease is not needed for it, see bot/samverkan-bot.ts).
   */
  async isPlainQuestion(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<boolean> {
    return (await this.plainQuestionOf(context, dialogState)) !== undefined;
  }

  /** The question's text when the turn is a plain question outside any routine. */
  private async plainQuestionOf(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<string | undefined> {
    if ((await dialogState.get(context))?.dialogStack?.length) return undefined;
    const input = readTurnInput(context);
    if (input.kind !== 'text') return undefined;
    // The bot asks before the lease and `run` again after it: the text's route is worked out once a turn.
    const known = context.turnState.get(TEXT_ROUTE_KEY) as { text: string; route: TextRoute } | undefined;
    const route = known?.text === input.text ? known.route : this.textRouteOf(input.text);
    context.turnState.set(TEXT_ROUTE_KEY, { text: input.text, route });
    return route.kind === 'question' ? input.text : undefined;
  }

  /** Inside a routine: "avbryt", "hjälp", akut oro and menu buttons win over the routine's question. */
  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const input = readTurnInput(inner.context);
    const personalOnly = PERSONAL_CHAT_DIALOGS.get(inner.activeDialog?.id ?? '');
    if (personalOnly && isSharedConversation(inner.context.activity) && !this.interrupts(input, inner.activeDialog?.id)) {
      // A consultation left running in a channel (started before it was refused there): nobody presses on in it.
      await inner.cancelAllDialogs();
      await this.redirectToPersonalChat(inner.context, personalOnly);
      return { status: DialogTurnStatus.complete };
    }
    if (input.kind === 'odd-card') {
      await inner.context.sendActivity(`${ODD_CARD_TEXT} Svara på frågan ovan, eller skriv **avbryt** för att börja om.`);
      return Dialog.EndOfTurn;
    }
    if (this.interrupts(input, inner.activeDialog?.id)) {
      await inner.cancelAllDialogs();
      return inner.beginDialog(ROUTER, { cancelled: true } satisfies RouterOptions);
    }
    return super.onContinueDialog(inner);
  }

  private async routeTurn(step: WaterfallStepContext) {
    const { cancelled = false } = (step.options ?? {}) as RouterOptions;
    const input = readTurnInput(step.context);
    switch (input.kind) {
      case 'card':
        return this.routeCardAction(step, input.action);
      case 'text':
        return this.routeText(step, input.text, cancelled);
      case 'odd-card':
        await step.context.sendActivity(mainMenuActivity(this.menuPlace(step.context), `${ODD_CARD_TEXT} Välj igen här:`));
        return step.endDialog();
      case 'empty':
        await step.context.sendActivity('Skriv din fråga som text, så letar jag i rutinerna. Skriv **hjälp** för menyn.');
        return step.endDialog();
    }
  }

  private async followUp(step: WaterfallStepContext) {
    const result = step.result as RoutineResult | undefined;
    if (result?.switchTo === 'akut-oro') return step.beginDialog(AKUT_ORO_DIALOG_ID);
    return step.endDialog();
  }

  private async routeCardAction(step: WaterfallStepContext, action: CardAction) {
    if (action.action === 'menu') return this.startRoutine(step, action.routine);
    if (action.action === 'akut.escalate') {
      return step.beginDialog(AKUT_ORO_DIALOG_ID, { escalateNow: true, ...(action.school ? { school: action.school } : {}) } satisfies AkutOroDialogOptions);
    }
    if (action.action === 'akut.close') {
      await closeAlert(step.context, this.deps, { escalationId: action.escalationId, reason: action.reason });
      return step.endDialog();
    }
    const bookingAction = this.booking && parseBookingCardAction(step.context.activity.value);
    if (this.booking && bookingAction) return startBooking(step, this.booking, bookingAction);
    await step.context.sendActivity(mainMenuActivity(this.menuPlace(step.context), 'Det kortet hör till något som redan är avslutat. Välj vad du vill göra:'));
    return step.endDialog();
  }

  private async routeText(step: WaterfallStepContext, text: string, cancelled: boolean) {
    const route = this.textRouteOf(text);
    switch (route.kind) {
      case 'cancel':
        await step.context.sendActivity(
          cancelled ? 'Okej, jag har avbrutit. Skriv en fråga, eller **hjälp** för menyn.' : 'Det finns inget pågående att avbryta. Skriv en fråga, eller **hjälp** för menyn.',
        );
        return step.endDialog();
      case 'help': {
        const place = this.menuPlace(step.context);
        await step.context.sendActivity(helpActivity(place, commandsFor(place.scope)));
        return step.endDialog();
      }
      case 'change-school':
        return this.startRoutine(step, 'skola');
      case 'close-alert':
        await closeAlert(step.context, this.deps, { reason: route.reason });
        return step.endDialog();
      case 'akut':
        return this.startRoutine(step, 'akut-oro');
      case 'routine':
        return this.startRoutine(step, route.routine);
      case 'booking':
        return startBooking(step, route.booking, route.flow);
      case 'question':
        await answerQuestion(step.context, this.deps, text);
        return step.endDialog();
    }
  }

  /**
   * What a typed text outside a routine asks for, in order: a command, closing an alert, akut oro, a
   * named routine, a booking flow, else a question. `run` answers a question without the dialog stack,
   * so this one function decides for both.
   */
  private textRouteOf(text: string): TextRoute {
    if (isCancelRequest(text)) return { kind: 'cancel' };
    if (isMenuRequest(text)) return { kind: 'help' };
    if (isChangeSchoolRequest(text)) return { kind: 'change-school' };
    const closeReason = alertCloseRequestIn(text);
    if (closeReason) return { kind: 'close-alert', reason: closeReason };
    if (detectAkutOro(text).acute) return { kind: 'akut' };
    const routine = routineNamedIn(text);
    if (routine) return { kind: 'routine', routine };
    const flow = this.booking && bookingFlowNamedIn(text);
    if (this.booking && flow) return { kind: 'booking', booking: this.booking, flow };
    return { kind: 'question' };
  }

  private async startRoutine(step: WaterfallStepContext, routine: MenuRoutine) {
    switch (routine) {
      case 'akut-oro':
        return step.beginDialog(AKUT_ORO_DIALOG_ID);
      case 'konsultation':
      case 'orosanmalan':
        if (isSharedConversation(step.context.activity)) {
          await this.redirectToPersonalChat(step.context, routine);
          return step.endDialog();
        }
        return step.beginDialog(routine === 'konsultation' ? ANONYMOUS_CONSULTATION_DIALOG_ID : OROSANMALAN_DIALOG_ID);
      case 'skola':
        return step.beginDialog(SCHOOL_DIALOG_ID, { force: true } satisfies SchoolDialogOptions);
      case 'vem-ringer':
        await step.context.sendActivity(await this.whoToCallNow(step.context));
        return step.endDialog();
      case 'fraga':
        await step.context.sendActivity(
          'Skriv din fråga med egna ord, till exempel ”Måste vi vara säkra innan vi anmäler?” eller ”Vad får skolan veta efter en anmälan?”. Skriv inte barnets namn eller personnummer.',
        );
        return step.endDialog();
    }
  }

  /** In a channel or group chat: the routine is not started; the user is shown the way to the personal chat. */
  private async redirectToPersonalChat(context: TurnContext, routine: PersonalChatRoutine): Promise<void> {
    this.deps.events?.routineRedirected(routine);
    await context.sendActivity(personalChatRedirectActivity(routine, this.deps.routines, this.deps.personalChatUrl));
  }

  /** Where the menu is shown: what it offers in a channel or group chat differs from the personal chat. */
  private menuPlace(context: TurnContext): MenuPlace {
    return menuPlaceOf(context.activity, this.deps.personalChatUrl);
  }

  private async whoToCallNow(context: TurnContext) {
    const school = await knownSchool(context, this.deps);
    const who = whoToCall(this.deps.knowledge.contacts, this.deps.clock.now(), school?.area);
    const s = this.sources;
    return cardActivity(whoToCallCard(who, this.deps.knowledge.contacts, [s['telefontider-mottagningen'], s['socialjouren'], s['omedelbar-fara-112']]));
  }

  private interrupts(input: TurnInput, activeRoutine: string | undefined): boolean {
    if (input.kind === 'card') return isStarterAction(input.action) && !(input.action.action === 'akut.escalate' && activeRoutine === AKUT_ORO_DIALOG_ID);
    if (input.kind !== 'text') return false;
    return (
      isCancelRequest(input.text) ||
      isMenuRequest(input.text) ||
      isChangeSchoolRequest(input.text) ||
      alertCloseRequestIn(input.text) !== undefined ||
      detectAkutOro(input.text).acute
    );
  }
}
