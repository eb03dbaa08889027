import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-classes.js';
import { bookActionFor } from '../booking/booking-access.js';
import { BOOKING_WINDOW_DAYS, type BookingActor } from '../booking/booking-service.js';
import type { PlanningAnswers, SlotKind } from '../booking/booking-model.js';
import { kindText, ownerNotNotifiedText } from '../booking/booking-texts.js';
import type { BookingCardAction } from './booking-card-actions.js';
import { BookingCardPrompt, cardQuestion } from './booking-card-prompt.js';
import type { BookingDependencies } from './booking-ports.js';
import { cardActivity } from './cards/adaptive-card.js';
import { bookingConfirmationCard, freeSlotsCard, konsultationConfirmCard, planningCard } from './cards/booking-cards.js';
import { SCHOOL_DIALOG_ID } from './school-dialog.js';

/** Dialog id of booking an anmälningsmöte (or, with `kind: 'konsultation'`, a konsultation). */
export const BOOK_ANMALNINGSMOTE_DIALOG_ID = 'bookAnmalningsmoteDialog';

/** Options: which kind of slot to book (default anmälningsmöte), and a notice to show above the times. */
export interface BookAnmalningsmoteOptions {
  readonly kind?: SlotKind;
  readonly notice?: string;
}

/** How booking ended, for the router. */
export interface BookAnmalningsmoteResult {
  readonly status: 'booked' | 'refused' | 'no-school' | 'no-slots';
  readonly reference?: string;
}

/** What the steps keep between turns (dialog state: plain JSON). */
interface BookingValues {
  kind: SlotKind;
  actor: BookingActor;
}

const WATERFALL = 'bookAnmalningsmoteDialog.waterfall';
const PROMPT = 'bookAnmalningsmoteDialog.prompt';
const SLOTS_SHOWN = 6;
const RETRY_TEXT = 'Välj med knapparna på kortet ovan – eller skriv **avbryt** om du vill sluta.';

/**
 * Books a slot in the user's area in at most three turns: the free times (nearest first, within the
 * coming 14 days), the planning points with the routine's answers preselected (anmälningsmöte) or a
 * short confirmation (konsultation), then the booking itself — one atomic store call — and the
 * confirmation with the calendar link, on both sides. Someone faster gets the slot: the user is shown
 * the next free times.
 */
export class BookAnmalningsmoteDialog extends ComponentDialog {
  constructor(private readonly deps: BookingDependencies) {
    super(BOOK_ANMALNINGSMOTE_DIALOG_ID);
    this.addDialog(new BookingCardPrompt(PROMPT));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.checkRoleAndSchool.bind(this),
        this.showFreeSlots.bind(this),
        this.askPlanning.bind(this),
        this.bookChosenSlot.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async checkRoleAndSchool(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as BookAnmalningsmoteOptions;
    const kind = options.kind ?? 'anmalningsmote';
    const actor = await this.deps.staff.identify(step.context);
    const refused = this.deps.service.refusal(bookActionFor(kind), actor);
    if (refused) {
      await step.context.sendActivity(refused.text);
      return step.endDialog({ status: 'refused' } satisfies BookAnmalningsmoteResult);
    }
    Object.assign(step.values, { kind, actor } satisfies BookingValues);
    if (await this.deps.service.placeOf(actor)) return step.next();
    // Ask the school once (when the bot has the school question), then come back here.
    if (step.findDialog(SCHOOL_DIALOG_ID)) return step.beginDialog(SCHOOL_DIALOG_ID);
    return step.next();
  }

  private async showFreeSlots(step: WaterfallStepContext) {
    const values = step.values as BookingValues;
    const options = (step.options ?? {}) as BookAnmalningsmoteOptions;
    const free = await this.deps.service.freeSlots(values.actor, values.kind, { limit: SLOTS_SHOWN });
    if (free.status !== 'listed') {
      await step.context.sendActivity(free.text);
      return step.endDialog({ status: free.status === 'no-school' ? 'no-school' : 'refused' } satisfies BookAnmalningsmoteResult);
    }
    const { section } = free.place;
    if (free.slots.length === 0) {
      await step.context.sendActivity(
        `${options.notice ? `${options.notice}\n\n` : ''}Det finns inga lediga tider för ${kindText(values.kind)} hos ${section.name} de kommande ${BOOKING_WINDOW_DAYS} dagarna. ` +
          `Ring [${section.phone}](${section.tel}) så kommer ni överens om en tid.`,
      );
      return step.endDialog({ status: 'no-slots' } satisfies BookAnmalningsmoteResult);
    }
    const card = cardActivity(freeSlotsCard({ kind: values.kind, sectionName: section.name, days: BOOKING_WINDOW_DAYS, slots: [...free.slots], notice: options.notice }));
    return step.prompt(PROMPT, cardQuestion(card, RETRY_TEXT, ['booking.pick']));
  }

  private async askPlanning(step: WaterfallStepContext) {
    const values = step.values as BookingValues;
    const pick = step.result as Extract<BookingCardAction, { action: 'booking.pick' }>;
    const check = await this.deps.service.checkSlot(values.actor, pick.slotId, values.kind);
    if (check.status !== 'bookable') {
      return step.replaceDialog(WATERFALL, { kind: values.kind, notice: 'Den tiden är inte längre ledig. Här är de lediga tiderna nu:' } satisfies BookAnmalningsmoteOptions);
    }
    const { slot, place } = check;
    const card =
      values.kind === 'anmalningsmote'
        ? planningCard({ slot, school: place.school, sectionName: place.section.name })
        : konsultationConfirmCard({ slot, sectionName: place.section.name });
    return step.prompt(PROMPT, cardQuestion(cardActivity(card), RETRY_TEXT, ['booking.confirm', 'booking.other']));
  }

  private async bookChosenSlot(step: WaterfallStepContext) {
    const values = step.values as BookingValues;
    const answer = step.result as Extract<BookingCardAction, { action: 'booking.confirm' | 'booking.other' }>;
    if (answer.action === 'booking.other') return step.replaceDialog(WATERFALL, { kind: values.kind } satisfies BookAnmalningsmoteOptions);

    const planning: Partial<PlanningAnswers> = {
      ...(answer.guardiansInvitedBy ? { guardiansInvitedBy: answer.guardiansInvitedBy } : {}),
      ...(answer.ledBy ? { ledBy: answer.ledBy } : {}),
      ...(answer.location ? { location: answer.location } : {}),
    };
    const outcome = await this.deps.service.book(values.actor, { slotId: answer.slotId, kind: values.kind, planning });
    if (outcome.status !== 'booked') {
      const notice = outcome.status === 'taken' ? 'Tiden hann bokas av någon annan just nu. Här är de närmaste lediga tiderna:' : 'Den tiden finns inte längre. Här är de lediga tiderna nu:';
      return step.replaceDialog(WATERFALL, { kind: values.kind, notice } satisfies BookAnmalningsmoteOptions);
    }
    const { booking } = outcome;
    const section = this.deps.service.sectionOf(booking.area);
    await step.context.sendActivity(
      cardActivity(bookingConfirmationCard(booking, { viewer: 'booker', sectionName: section.name, calendarUrl: this.deps.calendarLinks.invitationUrl(booking) })),
    );
    if (!outcome.ownerNotified) await step.context.sendActivity(ownerNotNotifiedText(booking, section));
    return step.endDialog({ status: 'booked', reference: booking.reference } satisfies BookAnmalningsmoteResult);
  }
}
