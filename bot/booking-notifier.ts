import type { Activity, ConversationReference } from 'botbuilder';
import type { BookingNotifier, CalendarLinks } from '../booking/booking-ports.js';
import { kindText, timeSpanText } from '../booking/booking-texts.js';
import { adaptiveCard, cardActivity, paragraph } from '../dialogs/cards/adaptive-card.js';
import { bookingButton, bookingConfirmationCard } from '../dialogs/cards/booking-cards.js';
import type { Logger } from '../observability/logger.js';
import { addDays, isSameCalendarDate, wallClockIn } from '../scheduling/clock.js';
import { monthName, SWEDISH_TIMEZONE, weekdayName } from '../scheduling/swedish-time.js';
import type { Booking, StaffMember } from '../booking/booking-model.js';
import { userReferenceKey, type ConversationReferenceStore } from '../storage/conversation-reference-store.js';

/** "i morgon" when the meeting is the day after `now`, else "på måndag" (within the week the reminder moved back over). */
function meetingDayText(start: Date, now: Date): string {
  const day = wallClockIn(start, SWEDISH_TIMEZONE);
  if (isSameCalendarDate(day, addDays(wallClockIn(now, SWEDISH_TIMEZONE), 1))) return 'i morgon';
  return `på ${weekdayName(day.isoWeekday)} ${day.day} ${monthName(day.month)}`;
}

/** The part of the proactive messenger the notifier uses. */
export interface ProactiveSender {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity> | string): Promise<string | undefined>;
}

/** What the notifier needs. */
export interface BookingNotifierOptions {
  readonly references: ConversationReferenceStore;
  readonly messenger: ProactiveSender;
  readonly calendarLinks: CalendarLinks;
  readonly sectionName: (booking: Booking) => string;
  readonly logger: Logger;
}

/**
 * Tells the other side of a booking, in their personal chat with the bot (the reference saved when
 * they last used the booking dialogs). Someone who never opened the bot cannot be reached: that is
 * logged by code, and the booking stands. Send failures are thrown for the caller (or the reminder
 * worker, which retries) to handle.
 */
export class ProactiveBookingNotifier implements BookingNotifier {
  constructor(private readonly options: BookingNotifierOptions) {}

  /** The socialsekreterare gets the confirmation card with the calendar link; false when they have no chat with the bot. */
  async bookingConfirmed(booking: Booking): Promise<boolean> {
    return this.sendTo(booking.owner, cardActivity(this.card(booking, 'owner')), 'confirmed');
  }

  /** The side that did not cancel is told; a booker whose meeting was cancelled is offered a new time. */
  async bookingCancelled(booking: Booking, cancelledBy: 'booker' | 'owner'): Promise<void> {
    const when = `${kindText(booking.kind)} ${timeSpanText(booking.start, booking.end)} (referens ${booking.reference})`;
    const url = this.options.calendarLinks.invitationUrl(booking);
    const calendar = url ? [{ type: 'Action.OpenUrl', title: 'Ta bort ur kalendern (.ics)', url }] : [];
    if (cancelledBy === 'booker') {
      const who = `${booking.bookedBy.name}${booking.school ? `, ${booking.school},` : ''}`;
      await this.sendTo(booking.owner, cardActivity(adaptiveCard([paragraph(`**Avbokat:** ${who} har avbokat ${when}. Tiden är ledig igen.`)], calendar)), 'cancelled');
      return;
    }
    const rebook = bookingButton('Boka en ny tid', { action: 'booking.start', flow: booking.kind === 'anmalningsmote' ? 'boka-anmalningsmote' : 'boka-konsultation' });
    await this.sendTo(
      booking.bookedBy,
      cardActivity(adaptiveCard([paragraph(`**Inställt:** ${booking.owner.name} har ställt in ${when}. Boka en ny tid, eller ring mottagningssektionen.`)], [rebook, ...calendar])),
      'cancelled',
    );
  }

  /** The side that did not move it gets the updated confirmation. */
  async bookingMoved(booking: Booking, previous: Booking, movedBy: 'booker' | 'owner'): Promise<void> {
    const recipient = movedBy === 'booker' ? 'owner' : 'booker';
    const title = `Flyttat: ${kindText(booking.kind)} från ${timeSpanText(previous.start, previous.end)} till ${timeSpanText(booking.start, booking.end)}`;
    const to = recipient === 'owner' ? booking.owner : booking.bookedBy;
    await this.sendTo(to, cardActivity(this.card(booking, recipient, title)), 'moved');
    // A socialsekreterare moving to another colleague's slot: that colleague is now the owner and is told too.
    if (movedBy === 'booker' && previous.owner.id !== booking.owner.id) await this.sendTo(previous.owner, `${booking.bookedBy.name} har flyttat ${kindText(booking.kind)} ${booking.reference} från din tid ${timeSpanText(previous.start, previous.end)}. Tiden är ledig igen.`, 'moved');
  }

  /**
   * The reminder on the working day before, to both sides: "i morgon", or the weekday when a weekend
   * or holiday lies between ("på måndag"). Returns how many of the two could be reached.
   */
  async dayBefore(booking: Booking, now: Date): Promise<number> {
    let reached = 0;
    for (const viewer of ['booker', 'owner'] as const) {
      const title = `Påminnelse: ${kindText(booking.kind)} ${meetingDayText(booking.start, now)}`;
      if (await this.sendTo(viewer === 'owner' ? booking.owner : booking.bookedBy, cardActivity(this.card(booking, viewer, title)), 'reminder')) reached += 1;
    }
    return reached;
  }

  private card(booking: Booking, viewer: 'booker' | 'owner', title?: string) {
    return bookingConfirmationCard(booking, {
      viewer,
      sectionName: this.options.sectionName(booking),
      calendarUrl: this.options.calendarLinks.invitationUrl(booking),
      ...(title ? { title } : {}),
    });
  }

  /** True when sent; false when the person has no personal chat with the bot on record. */
  private async sendTo(member: StaffMember, activity: Partial<Activity> | string, what: string): Promise<boolean> {
    const reference = await this.options.references.get(userReferenceKey(member.teamsId ?? member.id));
    if (!reference) {
      this.options.logger.warn({ code: 'BOOKING_RECIPIENT_UNREACHABLE', what }, 'the other side of a booking has no personal chat with the bot');
      return false;
    }
    await this.options.messenger.send(reference as Partial<ConversationReference>, activity);
    this.options.logger.info({ code: 'BOOKING_NOTIFIED', what }, 'booking notification sent');
    return true;
  }
}
