import type { Dialog, DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { BookAnmalningsmoteDialog, BOOK_ANMALNINGSMOTE_DIALOG_ID, type BookAnmalningsmoteOptions } from './book-anmalningsmote-dialog.js';
import type { BookingCardAction, BookingFlow } from './booking-card-actions.js';
import type { BookingDependencies } from './booking-ports.js';
import { cardActivity } from './cards/adaptive-card.js';
import { bookingMenuCard } from './cards/booking-cards.js';
import { ManageBookingDialog, MANAGE_BOOKING_DIALOG_ID, type ManageBookingOptions } from './manage-booking-dialog.js';
import { PostAvailabilityDialog, POST_AVAILABILITY_DIALOG_ID } from './post-availability-dialog.js';
import { isSharedConversation } from '../privacy/index.js';

/** How the router reaches availability and booking: the dialogs to register, the words and buttons that start them. */

/** The booking dialogs, to add to the router's dialog set. */
export function bookingDialogs(deps: BookingDependencies): Dialog[] {
  return [new BookAnmalningsmoteDialog(deps), new PostAvailabilityDialog(deps), new ManageBookingDialog(deps)];
}

const FLOW_NAMES: readonly [RegExp, BookingFlow][] = [
  [/^boka( ett| in ett)? anmälningsmöte[\s.!]*$/iu, 'boka-anmalningsmote'],
  [/^boka( en)? konsultation(stid)?[\s.!]*$/iu, 'boka-konsultation'],
  [/^(lägg upp|lägga upp|publicera) (tider|konsultationstider|mötestider)[\s.!]*$/iu, 'lagg-upp-tider'],
  [/^mina tider( och bokningar)?[\s.!]*$/iu, 'mina-tider'],
  [/^(mina bokningar|avboka|flytta( tid| mötet)?)[\s.!]*$/iu, 'mina-bokningar'],
  [/^(tider och bokningar|bokningar|boka|boka tid)[\s.!]*$/iu, 'meny'],
];

/** A booking flow named in typed text ("boka anmälningsmöte", "lägg upp tider", "mina bokningar"), or undefined. */
export function bookingFlowNamedIn(text: string): BookingFlow | undefined {
  return FLOW_NAMES.find(([pattern]) => pattern.test(text.trim()))?.[1];
}

/** Starts what a booking starter button or a named flow asks for; the menu card is sent at once and ends the turn. */
export async function startBooking(dc: DialogContext, deps: BookingDependencies, start: BookingFlow | BookingCardAction): Promise<DialogTurnResult> {
  const action: BookingCardAction = typeof start === 'string' ? { action: 'booking.start', flow: start } : start;
  // In a channel or group chat the dialog is shared by everyone in it, so one person could press on
  // as another; and every card would show names and schools to the whole group.
  if (isSharedConversation(dc.context.activity)) {
    deps.events?.bookingEvent('BOOKING_REFUSED', { action: 'shared-conversation' });
    await dc.context.sendActivity('Tider och bokningar sköter du i en personlig chatt med mig, inte här där alla i gruppen ser dem. Öppna chatten med Samverkansboten och skriv **boka anmälningsmöte**, **boka konsultation** eller **lägg upp tider**.');
    return dc.endDialog();
  }
  switch (action.action) {
    case 'booking.start':
      return startFlow(dc, deps, action.flow);
    case 'booking.cancel':
      return dc.beginDialog(MANAGE_BOOKING_DIALOG_ID, { intent: 'cancel-booking', reference: action.reference } satisfies ManageBookingOptions);
    case 'booking.move':
      return dc.beginDialog(MANAGE_BOOKING_DIALOG_ID, { intent: 'move-booking', reference: action.reference } satisfies ManageBookingOptions);
    case 'slot.cancel':
      return dc.beginDialog(MANAGE_BOOKING_DIALOG_ID, { intent: 'cancel-slot', slotId: action.slotId } satisfies ManageBookingOptions);
    default:
      await dc.context.sendActivity('Det kortet hör till en bokning som redan är avslutad. Skriv **mina bokningar** eller **boka anmälningsmöte** för att börja om.');
      return dc.endDialog();
  }
}

async function startFlow(dc: DialogContext, deps: BookingDependencies, flow: BookingFlow): Promise<DialogTurnResult> {
  switch (flow) {
    case 'meny': {
      const { role } = await deps.staff.identify(dc.context);
      await dc.context.sendActivity(cardActivity(bookingMenuCard(role)));
      return dc.endDialog();
    }
    case 'boka-anmalningsmote':
      return dc.beginDialog(BOOK_ANMALNINGSMOTE_DIALOG_ID, { kind: 'anmalningsmote' } satisfies BookAnmalningsmoteOptions);
    case 'boka-konsultation':
      return dc.beginDialog(BOOK_ANMALNINGSMOTE_DIALOG_ID, { kind: 'konsultation' } satisfies BookAnmalningsmoteOptions);
    case 'lagg-upp-tider':
      return dc.beginDialog(POST_AVAILABILITY_DIALOG_ID);
    case 'mina-tider':
      return dc.beginDialog(MANAGE_BOOKING_DIALOG_ID, { intent: 'list-slots' } satisfies ManageBookingOptions);
    case 'mina-bokningar':
      return dc.beginDialog(MANAGE_BOOKING_DIALOG_ID, { intent: 'list-bookings' } satisfies ManageBookingOptions);
  }
}
