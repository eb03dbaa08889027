import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-classes.js';
import { NOT_YOUR_BOOKING, unknownBookingText } from '../booking/booking-access.js';
import type { Booking } from '../booking/booking-model.js';
import { BOOKING_WINDOW_DAYS, type BookingActor, type Refused } from '../booking/booking-service.js';
import { kindText, timeSpanText } from '../booking/booking-texts.js';
import type { BookingCardAction } from './booking-card-actions.js';
import { BookingCardPrompt, cardQuestion } from './booking-card-prompt.js';
import type { BookingDependencies } from './booking-ports.js';
import { adaptiveCard, cardActivity, paragraph } from './cards/adaptive-card.js';
import { bookingButton, bookingConfirmationCard, confirmCancelCard, moveTargetsCard, myBookingsCard, ownSlotsCard } from './cards/booking-cards.js';

/** Dialog id of listing, cancelling and moving bookings and slots. */
export const MANAGE_BOOKING_DIALOG_ID = 'manageBookingDialog';

/** What to do: list (bookings, or a socialsekreterare's slots), cancel or move a booking, or cancel a slot. */
export type ManageBookingOptions =
  | { readonly intent: 'list-bookings' }
  | { readonly intent: 'list-slots' }
  | { readonly intent: 'cancel-booking'; readonly reference: string }
  | { readonly intent: 'move-booking'; readonly reference: string; readonly notice?: string }
  | { readonly intent: 'cancel-slot'; readonly slotId: string };

interface ManageValues {
  actor: BookingActor;
}

const WATERFALL = 'manageBookingDialog.waterfall';
const PROMPT = 'manageBookingDialog.prompt';
const SLOTS_LISTED = 20;
const LIST_DAYS = 60;
const RETRY_TEXT = 'Välj med knapparna på kortet ovan – eller skriv **avbryt**.';

/**
 * The user's bookings and a socialsekreterare's slots: lists them with "Flytta" and "Avboka"/"Ställ in",
 * asks before cancelling anything, moves a booking to another free time (the reference stays), and
 * tells the other side. Every action checks that the booking or slot is the user's.
 */
export class ManageBookingDialog extends ComponentDialog {
  constructor(private readonly deps: BookingDependencies) {
    super(MANAGE_BOOKING_DIALOG_ID);
    this.addDialog(new BookingCardPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.showOrAsk.bind(this), this.carryOut.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async showOrAsk(step: WaterfallStepContext) {
    const options = step.options as ManageBookingOptions;
    const actor = await this.deps.staff.identify(step.context);
    Object.assign(step.values, { actor } satisfies ManageValues);
    switch (options.intent) {
      case 'list-bookings':
        return actor.role.role === 'socialsekreterare' ? this.listSlots(step, actor) : this.listBookings(step, actor);
      case 'list-slots':
        return this.listSlots(step, actor);
      case 'cancel-booking':
        return this.askCancelBooking(step, actor, options.reference);
      case 'move-booking':
        return this.askMoveTarget(step, actor, options.reference, options.notice);
      case 'cancel-slot':
        return this.askCancelSlot(step, actor, options.slotId);
    }
  }

  private async carryOut(step: WaterfallStepContext) {
    const { actor } = step.values as ManageValues;
    const answer = step.result as BookingCardAction;
    switch (answer.action) {
      case 'booking.confirmCancel':
        return this.cancelBooking(step, actor, answer.reference);
      case 'slot.confirmCancel':
        return this.cancelSlot(step, actor, answer.slotId);
      case 'booking.moveTo':
        return this.moveBooking(step, actor, answer.reference, answer.slotId);
      default:
        await step.context.sendActivity('Okej, jag ändrar ingenting.');
        return step.endDialog();
    }
  }

  private async listBookings(step: WaterfallStepContext, actor: BookingActor) {
    const bookings = await this.deps.service.ownBookings(actor, this.now());
    await step.context.sendActivity(cardActivity(myBookingsCard({ bookings, sectionName: (booking) => this.sectionName(booking) })));
    return step.endDialog();
  }

  private async listSlots(step: WaterfallStepContext, actor: BookingActor) {
    const now = this.now();
    const listed = await this.deps.service.ownSlots(actor, now, new Date(now.getTime() + LIST_DAYS * 86_400_000));
    if (listed.status === 'refused') return this.refuse(step, listed);
    const { slots, bookingsBySlot } = listed;
    await step.context.sendActivity(cardActivity(ownSlotsCard({ slots: slots.slice(0, SLOTS_LISTED), bookingsBySlot: new Map(bookingsBySlot), more: Math.max(0, slots.length - SLOTS_LISTED) })));
    return step.endDialog();
  }

  private async askCancelBooking(step: WaterfallStepContext, actor: BookingActor, reference: string) {
    const booking = await this.ownBooking(step, actor, reference);
    if (!booking) return step.endDialog();
    const other = booking.bookedBy.id === actor.member.id ? booking.owner.name : `${booking.bookedBy.name}${booking.school ? `, ${booking.school}` : ''}`;
    const card = confirmCancelCard({
      title: `Avboka ${kindText(booking.kind)}?`,
      text: `${timeSpanText(booking.start, booking.end)} (referens ${booking.reference}). ${other} får ett meddelande om att mötet är avbokat.`,
      confirm: { action: 'booking.confirmCancel', reference: booking.reference },
      confirmTitle: 'Ja, avboka',
    });
    return step.prompt(PROMPT, cardQuestion(cardActivity(card), RETRY_TEXT, ['booking.confirmCancel', 'booking.keep']));
  }

  private async askMoveTarget(step: WaterfallStepContext, actor: BookingActor, reference: string, notice: string | undefined) {
    const targets = await this.deps.service.moveTargets(actor, reference, 6);
    if (targets.status !== 'found') {
      await step.context.sendActivity(this.ownBookingProblem(targets.status, reference));
      return step.endDialog();
    }
    const { booking, slots } = targets;
    if (slots.length === 0) {
      const section = this.deps.service.sectionOf(booking.area);
      await step.context.sendActivity(
        `${notice ? `${notice}\n\n` : ''}Det finns inga andra lediga tider de kommande ${BOOKING_WINDOW_DAYS} dagarna, så bokningen står kvar. Ring [${section.phone}](${section.tel}) om ni behöver en annan tid.`,
      );
      return step.endDialog();
    }
    return step.prompt(PROMPT, cardQuestion(cardActivity(moveTargetsCard({ booking, slots: [...slots], notice })), RETRY_TEXT, ['booking.moveTo', 'booking.keep']));
  }

  private async askCancelSlot(step: WaterfallStepContext, actor: BookingActor, slotId: string) {
    const own = await this.deps.service.ownSlot(actor, slotId);
    switch (own.status) {
      case 'refused':
        return this.refuse(step, own);
      case 'not-found':
      case 'not-yours':
        await step.context.sendActivity(own.status === 'not-yours' ? 'Den tiden är inte din, så du kan inte ställa in den.' : 'Jag hittar inte den tiden längre. Skriv **mina tider** för att se dina tider.');
        return step.endDialog();
      case 'already-cancelled':
        await step.context.sendActivity('Den tiden är redan inställd.');
        return step.endDialog();
    }
    const { slot, booking } = own;
    const card = confirmCancelCard({
      title: booking ? 'Ställa in en bokad tid?' : 'Ta bort tiden?',
      text: booking
        ? `${timeSpanText(slot.start, slot.end)} är bokad av ${booking.bookedBy.name}${booking.school ? `, ${booking.school}` : ''} (${booking.reference}). Om du ställer in tiden avbokas mötet och ${booking.bookedBy.name} får ett meddelande.`
        : `${timeSpanText(slot.start, slot.end)} (${kindText(slot.kind)}) tas bort och kan inte bokas.`,
      confirm: { action: 'slot.confirmCancel', slotId: slot.id },
      confirmTitle: booking ? 'Ja, ställ in' : 'Ja, ta bort',
    });
    return step.prompt(PROMPT, cardQuestion(cardActivity(card), RETRY_TEXT, ['slot.confirmCancel', 'booking.keep']));
  }

  private async cancelBooking(step: WaterfallStepContext, actor: BookingActor, reference: string) {
    const outcome = await this.deps.service.cancelBooking(actor, reference);
    if (outcome.status !== 'cancelled') {
      await step.context.sendActivity(outcome.status === 'not-allowed' ? NOT_YOUR_BOOKING : outcome.status === 'already-cancelled' ? 'Bokningen är redan avbokad.' : unknownBookingText(reference));
      return step.endDialog();
    }
    const { booking, cancelledBy } = outcome;
    const other = cancelledBy === 'booker' ? booking.owner.name : booking.bookedBy.name;
    const rebook =
      cancelledBy === 'booker'
        ? [bookingButton('Boka en ny tid', { action: 'booking.start', flow: booking.kind === 'anmalningsmote' ? 'boka-anmalningsmote' : 'boka-konsultation' })]
        : [];
    await step.context.sendActivity(
      cardActivity(adaptiveCard([paragraph(`Avbokat: ${kindText(booking.kind)} ${timeSpanText(booking.start, booking.end)} (referens ${booking.reference}). Jag har meddelat ${other}.`)], rebook)),
    );
    return step.endDialog();
  }

  private async cancelSlot(step: WaterfallStepContext, actor: BookingActor, slotId: string) {
    const outcome = await this.deps.service.cancelSlot(actor, slotId);
    if (outcome.status === 'refused') return this.refuse(step, outcome);
    if (outcome.status !== 'cancelled') {
      await step.context.sendActivity(outcome.status === 'not-allowed' ? 'Den tiden är inte din, så du kan inte ställa in den.' : outcome.status === 'already-cancelled' ? 'Den tiden är redan inställd.' : 'Jag hittar inte den tiden längre.');
      return step.endDialog();
    }
    const cancelled = outcome.cancelledBooking;
    await step.context.sendActivity(
      cancelled
        ? `Inställt: ${timeSpanText(outcome.slot.start, outcome.slot.end)}. Bokningen ${cancelled.reference} är avbokad och jag har meddelat ${cancelled.bookedBy.name}.`
        : `Borttagen: ${timeSpanText(outcome.slot.start, outcome.slot.end)}.`,
    );
    return step.endDialog();
  }

  private async moveBooking(step: WaterfallStepContext, actor: BookingActor, reference: string, slotId: string) {
    const outcome = await this.deps.service.move(actor, reference, slotId);
    switch (outcome.status) {
      case 'moved': {
        const { booking, movedBy } = outcome;
        await step.context.sendActivity(
          cardActivity(
            bookingConfirmationCard(booking, {
              viewer: movedBy,
              sectionName: this.sectionName(booking),
              calendarUrl: this.deps.calendarLinks.invitationUrl(booking),
              title: `Flyttat till ${timeSpanText(booking.start, booking.end)}`,
            }),
          ),
        );
        return step.endDialog();
      }
      case 'taken':
        return step.replaceDialog(WATERFALL, { intent: 'move-booking', reference, notice: 'Den tiden hann bokas av någon annan. Välj en annan:' } satisfies ManageBookingOptions);
      case 'not-allowed':
        await step.context.sendActivity(NOT_YOUR_BOOKING);
        return step.endDialog();
      case 'not-movable':
        await step.context.sendActivity('Bokningen kan inte flyttas längre – den är avbokad eller ändrades nyss. Skriv **mina bokningar** för att se hur den ser ut nu.');
        return step.endDialog();
      case 'not-found':
        await step.context.sendActivity(unknownBookingText(reference));
        return step.endDialog();
    }
  }

  /** The booking if it exists, is still booked and is the user's (as booker or socialsekreterare); otherwise says why. */
  private async ownBooking(step: WaterfallStepContext, actor: BookingActor, reference: string): Promise<Booking | undefined> {
    const own = await this.deps.service.ownBooking(actor, reference);
    if (own.status === 'found') return own.booking;
    await step.context.sendActivity(this.ownBookingProblem(own.status, reference));
    return undefined;
  }

  private ownBookingProblem(status: 'not-found' | 'not-yours' | 'already-cancelled', reference: string): string {
    switch (status) {
      case 'not-found':
        return unknownBookingText(reference);
      case 'not-yours':
        return NOT_YOUR_BOOKING;
      case 'already-cancelled':
        return 'Bokningen är redan avbokad.';
    }
  }

  private async refuse(step: WaterfallStepContext, refused: Refused) {
    await step.context.sendActivity(refused.text);
    return step.endDialog();
  }

  private sectionName(booking: Booking): string {
    return this.deps.service.sectionOf(booking.area).name;
  }

  private now(): Date {
    return this.deps.service.now();
  }
}
