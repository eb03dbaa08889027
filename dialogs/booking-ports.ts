import type { TurnContext } from 'botbuilder';
import type { StaffRole } from '../municipality/roles.js';
import type { Area } from '../municipality/contacts.js';
import type { AvailabilityRequest, BookingRules } from '../booking/availability-rules.js';
import type {
  Booking,
  BookingOutcome,
  BookingQuery,
  BookSlotRequest,
  CancelBookingOutcome,
  CancelSlotOutcome,
  FreeSlotQuery,
  MoveBookingOutcome,
  MoveBookingRequest,
  PostAvailabilityOutcome,
  Slot,
  StaffMember,
} from '../booking/booking-model.js';
import type { Clock } from '../scheduling/clock.js';

/** Port: who is writing, and what they may do. The bot also remembers where to reach them for notifications. */
export interface StaffDirectory {
  identify(context: TurnContext): Promise<{ readonly member: StaffMember; readonly role: StaffRole }>;
}

/** Port: the user's förskola/skola and its area. */
export interface SchoolDirectory {
  /** The school remembered for this user (from the school question), if any. */
  schoolOf(context: TurnContext): Promise<{ readonly name: string; readonly area?: Area } | undefined>;
  /** The area of a school named in the roles file; undefined when the name is not in the contacts file. */
  areaOf(schoolName: string): Area | undefined;
  /** "Mottagningssektion Södra" and its phone number, for texts that send the user to the phone. */
  sectionOf(area: Area): { readonly name: string; readonly phone: string; readonly tel: string };
}

/** Port: posted slots (the availability store fits it). */
export interface AvailabilityPort {
  postAvailability(owner: StaffMember, area: Area, request: AvailabilityRequest, now: Date): Promise<PostAvailabilityOutcome>;
  findFreeSlots(query: FreeSlotQuery): Promise<Slot[]>;
  listOwnSlots(ownerId: string, from: Date, options?: { to?: Date }): Promise<Slot[]>;
  getSlot(slotId: string): Promise<Slot | undefined>;
}

/** Port: bookings (the booking store fits it). `bookSlot` is the one atomic booking every path uses. */
export interface BookingPort {
  bookSlot(request: BookSlotRequest): Promise<BookingOutcome>;
  cancelBooking(reference: string, actor: StaffMember, now: Date): Promise<CancelBookingOutcome>;
  cancelSlot(slotId: string, actor: StaffMember, now: Date): Promise<CancelSlotOutcome>;
  moveBooking(request: MoveBookingRequest): Promise<MoveBookingOutcome>;
  getBooking(reference: string): Promise<Booking | undefined>;
  listBookings(query: BookingQuery): Promise<Booking[]>;
}

/** Port: tells the other side of a booking what happened, proactively in Teams. Never throws for a missing conversation. */
export interface BookingNotifier {
  /** A slot was booked: the socialsekreterare gets the confirmation card and the invitation. */
  bookingConfirmed(booking: Booking): Promise<void>;
  /** A booking was cancelled: the side that did not cancel is told. */
  bookingCancelled(booking: Booking, cancelledBy: 'booker' | 'owner'): Promise<void>;
  /** A booking was moved: the side that did not move it is told, with the new time. */
  bookingMoved(booking: Booking, previous: Booking, movedBy: 'booker' | 'owner'): Promise<void>;
}

/** Port: the link a participant opens to add the meeting to their calendar (a signed .ics URL). */
export interface CalendarLinks {
  /** Undefined when the bot has no public address configured. */
  invitationUrl(booking: Booking): string | undefined;
}

/** Port: what the booking dialogs report for the logs — codes and ids, never what anyone wrote. */
export interface BookingEvents {
  bookingEvent(code: string, details?: Readonly<Record<string, string | number>>): void;
  portFailed(code: string, error: unknown): void;
}

/** Everything the booking dialogs need, injected once by the bot. */
export interface BookingDependencies {
  readonly staff: StaffDirectory;
  readonly schools: SchoolDirectory;
  readonly availability: AvailabilityPort;
  readonly bookings: BookingPort;
  readonly notifier: BookingNotifier;
  readonly calendarLinks: CalendarLinks;
  readonly clock: Clock;
  /** The posting and booking rules; the defaults when absent. */
  readonly rules?: BookingRules;
  readonly events?: BookingEvents;
}
