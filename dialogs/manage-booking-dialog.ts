import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { StaffRole } from '../municipality/roles.js';
import { ANMALNINGSMOTE_WINDOW_DAYS, bookingWindow, DEFAULT_BOOKING_RULES } from '../booking/availability-rules.js';
import type { Booking, StaffMember } from '../booking/booking-model.js';
import { NOT_YOUR_BOOKING, notifySafely, refusalFor, sideOf, unknownBookingText } from '../booking/booking-access.js';
import type { BookingCardAction } from './booking-card-actions.js';
import { BookingCardPrompt, cardQuestion } from './booking-card-prompt.js';
import type { BookingDependencies } from './booking-ports.js';
import { kindText, timeSpanText } from '../booking/booking-texts.js';
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
  member: StaffMember;
  role: StaffRole;
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
    const { member, role } = await this.deps.staff.identify(step.context);
    Object.assign(step.values, { member, role } satisfies ManageValues);
    switch (options.intent) {
      case 'list-bookings':
        return role.role === 'socialsekreterare' ? this.listSlots(step, member, role) : this.listBookings(step, member);
      case 'list-slots':
        return this.listSlots(step, member, role);
      case 'cancel-booking':
        return this.askCancelBooking(step, member, options.reference);
      case 'move-booking':
        return this.askMoveTarget(step, member, options.reference, options.notice);
      case 'cancel-slot':
        return this.askCancelSlot(step, member, role, options.slotId);
    }
  }

  private async carryOut(step: WaterfallStepContext) {
    const { member } = step.values as ManageValues;
    const answer = step.result as BookingCardAction;
    const now = this.deps.clock.now();
    switch (answer.action) {
      case 'booking.confirmCancel':
        return this.cancelBooking(step, member, answer.reference, now);
      case 'slot.confirmCancel':
        return this.cancelSlot(step, member, answer.slotId, now);
      case 'booking.moveTo':
        return this.moveBooking(step, member, answer.reference, answer.slotId, now);
      default:
        await step.context.sendActivity('Okej, jag ändrar ingenting.');
        return step.endDialog();
    }
  }

  private async listBookings(step: WaterfallStepContext, member: StaffMember) {
    const bookings = await this.deps.bookings.listBookings({ bookedById: member.id, from: this.deps.clock.now() });
    await step.context.sendActivity(cardActivity(myBookingsCard({ bookings, sectionName: (booking) => this.sectionName(booking) })));
    return step.endDialog();
  }

  private async listSlots(step: WaterfallStepContext, member: StaffMember, role: StaffRole) {
    const refusal = refusalFor('list-own-slots', role);
    if (refusal) return this.refuse(step, refusal, 'list-own-slots', role);
    const now = this.deps.clock.now();
    const to = new Date(now.getTime() + LIST_DAYS * 86_400_000);
    const slots = await this.deps.availability.listOwnSlots(member.id, now, { to });
    const bookings = await this.deps.bookings.listBookings({ ownerId: member.id, from: now, to });
    const bookingsBySlot = new Map(bookings.map((booking) => [booking.slotId, booking]));
    await step.context.sendActivity(cardActivity(ownSlotsCard({ slots: slots.slice(0, SLOTS_LISTED), bookingsBySlot, more: Math.max(0, slots.length - SLOTS_LISTED) })));
    return step.endDialog();
  }

  private async askCancelBooking(step: WaterfallStepContext, member: StaffMember, reference: string) {
    const booking = await this.ownBooking(step, member, reference);
    if (!booking) return step.endDialog();
    const other = sideOf(booking, member.id) === 'booker' ? booking.owner.name : `${booking.bookedBy.name}${booking.school ? `, ${booking.school}` : ''}`;
    const card = confirmCancelCard({
      title: `Avboka ${kindText(booking.kind)}?`,
      text: `${timeSpanText(booking.start, booking.end)} (referens ${booking.reference}). ${other} får ett meddelande om att mötet är avbokat.`,
      confirm: { action: 'booking.confirmCancel', reference: booking.reference },
      confirmTitle: 'Ja, avboka',
    });
    return step.prompt(PROMPT, cardQuestion(cardActivity(card), RETRY_TEXT, ['booking.confirmCancel', 'booking.keep']));
  }

  private async askMoveTarget(step: WaterfallStepContext, member: StaffMember, reference: string, notice: string | undefined) {
    const booking = await this.ownBooking(step, member, reference);
    if (!booking) return step.endDialog();
    const window = bookingWindow(this.deps.clock.now(), ANMALNINGSMOTE_WINDOW_DAYS, this.rules);
    const slots = await this.deps.availability.findFreeSlots({ area: booking.area, kind: booking.kind, from: window.from, to: window.to, limit: 6, excludeSlotId: booking.slotId });
    if (slots.length === 0) {
      const section = this.deps.schools.sectionOf(booking.area);
      await step.context.sendActivity(
        `${notice ? `${notice}\n\n` : ''}Det finns inga andra lediga tider de kommande ${ANMALNINGSMOTE_WINDOW_DAYS} dagarna, så bokningen står kvar. Ring [${section.phone}](${section.tel}) om ni behöver en annan tid.`,
      );
      return step.endDialog();
    }
    return step.prompt(PROMPT, cardQuestion(cardActivity(moveTargetsCard({ booking, slots, notice })), RETRY_TEXT, ['booking.moveTo', 'booking.keep']));
  }

  private async askCancelSlot(step: WaterfallStepContext, member: StaffMember, role: StaffRole, slotId: string) {
    const refusal = refusalFor('cancel-slot', role);
    if (refusal) return this.refuse(step, refusal, 'cancel-slot', role);
    const slot = await this.deps.availability.getSlot(slotId);
    if (!slot || slot.owner.id !== member.id) {
      await step.context.sendActivity(slot ? 'Den tiden är inte din, så du kan inte ställa in den.' : 'Jag hittar inte den tiden längre. Skriv **mina tider** för att se dina tider.');
      return step.endDialog();
    }
    if (slot.status === 'cancelled') {
      await step.context.sendActivity('Den tiden är redan inställd.');
      return step.endDialog();
    }
    const booking = slot.status === 'booked' ? (await this.deps.bookings.listBookings({ ownerId: member.id, from: slot.start, to: slot.end })).find((b) => b.slotId === slot.id) : undefined;
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

  private async cancelBooking(step: WaterfallStepContext, member: StaffMember, reference: string, now: Date) {
    const outcome = await this.deps.bookings.cancelBooking(reference, member, now);
    if (outcome.status !== 'cancelled') {
      await step.context.sendActivity(outcome.status === 'not-allowed' ? NOT_YOUR_BOOKING : outcome.status === 'already-cancelled' ? 'Bokningen är redan avbokad.' : unknownBookingText(reference));
      return step.endDialog();
    }
    const { booking, cancelledBy } = outcome;
    this.deps.events?.bookingEvent('BOOKING_CANCELLED', { kind: booking.kind, by: cancelledBy });
    const other = cancelledBy === 'booker' ? booking.owner.name : booking.bookedBy.name;
    const rebook =
      cancelledBy === 'booker'
        ? [bookingButton('Boka en ny tid', { action: 'booking.start', flow: booking.kind === 'anmalningsmote' ? 'boka-anmalningsmote' : 'boka-konsultation' })]
        : [];
    await step.context.sendActivity(
      cardActivity(adaptiveCard([paragraph(`Avbokat: ${kindText(booking.kind)} ${timeSpanText(booking.start, booking.end)} (referens ${booking.reference}). Jag har meddelat ${other}.`)], rebook)),
    );
    await notifySafely(this.deps, 'BOOKING_NOTIFY_FAILED', () => this.deps.notifier.bookingCancelled(booking, cancelledBy));
    return step.endDialog();
  }

  private async cancelSlot(step: WaterfallStepContext, member: StaffMember, slotId: string, now: Date) {
    const outcome = await this.deps.bookings.cancelSlot(slotId, member, now);
    if (outcome.status !== 'cancelled') {
      await step.context.sendActivity(outcome.status === 'not-allowed' ? 'Den tiden är inte din, så du kan inte ställa in den.' : outcome.status === 'already-cancelled' ? 'Den tiden är redan inställd.' : 'Jag hittar inte den tiden längre.');
      return step.endDialog();
    }
    this.deps.events?.bookingEvent('SLOT_CANCELLED', { kind: outcome.slot.kind, booked: outcome.cancelledBooking ? 1 : 0 });
    const cancelled = outcome.cancelledBooking;
    await step.context.sendActivity(
      cancelled
        ? `Inställt: ${timeSpanText(outcome.slot.start, outcome.slot.end)}. Bokningen ${cancelled.reference} är avbokad och jag har meddelat ${cancelled.bookedBy.name}.`
        : `Borttagen: ${timeSpanText(outcome.slot.start, outcome.slot.end)}.`,
    );
    if (cancelled) await notifySafely(this.deps, 'BOOKING_NOTIFY_FAILED', () => this.deps.notifier.bookingCancelled(cancelled, 'owner'));
    return step.endDialog();
  }

  private async moveBooking(step: WaterfallStepContext, member: StaffMember, reference: string, slotId: string, now: Date) {
    const window = bookingWindow(now, ANMALNINGSMOTE_WINDOW_DAYS, this.rules);
    const outcome = await this.deps.bookings.moveBooking({ reference, toSlotId: slotId, actor: member, now, earliestStart: window.from, alternativesUntil: window.to });
    switch (outcome.status) {
      case 'moved': {
        this.deps.events?.bookingEvent('BOOKING_MOVED', { kind: outcome.booking.kind, by: outcome.movedBy });
        const { booking, previous, movedBy } = outcome;
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
        await notifySafely(this.deps, 'BOOKING_NOTIFY_FAILED', () => this.deps.notifier.bookingMoved(booking, previous, movedBy));
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

  /** The booking if it exists, is still booked and is the member's (as booker or socialsekreterare); otherwise says why. */
  private async ownBooking(step: WaterfallStepContext, member: StaffMember, reference: string): Promise<Booking | undefined> {
    const booking = await this.deps.bookings.getBooking(reference);
    if (!booking) {
      await step.context.sendActivity(unknownBookingText(reference));
      return undefined;
    }
    if (!sideOf(booking, member.id)) {
      this.deps.events?.bookingEvent('BOOKING_REFUSED', { action: 'not-own-booking' });
      await step.context.sendActivity(NOT_YOUR_BOOKING);
      return undefined;
    }
    if (booking.status !== 'booked') {
      await step.context.sendActivity('Bokningen är redan avbokad.');
      return undefined;
    }
    return booking;
  }

  private async refuse(step: WaterfallStepContext, text: string, action: string, role: StaffRole) {
    this.deps.events?.bookingEvent('BOOKING_REFUSED', { action, role: role.role });
    await step.context.sendActivity(text);
    return step.endDialog();
  }

  private sectionName(booking: Booking): string {
    return this.deps.schools.sectionOf(booking.area).name;
  }

  private get rules() {
    return this.deps.rules ?? DEFAULT_BOOKING_RULES;
  }
}
