import type { Area } from '../municipality/contacts.js';
import type { RoleLookup, StaffRole } from '../municipality/roles.js';
import type { AvailabilityRequest } from './availability-rules.js';
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
} from './booking-model.js';

/** The small interfaces the booking service needs; `bot/` wires in the stores, the roles file and the notifier. No SDK types. */

/** Port: the user's role, by Entra object id and tenant (the roles file's directory fits it). */
export interface RolePort {
  roleOf(user: RoleLookup): StaffRole;
}

/** Port: the staff member's own school, as they chose it in the chat (the staff profile store fits it). */
export interface StaffProfilePort {
  /** The key of the user's school, or undefined when they never chose one. */
  schoolOf(userId: string): Promise<string | undefined>;
  rememberSchool(userId: string, schoolKey: string): Promise<void>;
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
  /** A slot was booked: the socialsekreterare gets the confirmation card and the invitation. False when they cannot be reached. */
  bookingConfirmed(booking: Booking): Promise<boolean | void>;
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

/** Port: what booking reports for the logs — codes and ids, never what anyone wrote. */
export interface BookingEvents {
  bookingEvent(code: string, details?: Readonly<Record<string, string | number>>): void;
  portFailed(code: string, error: unknown): void;
}
