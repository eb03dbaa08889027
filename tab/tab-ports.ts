import type { RoleLookup, StaffRole } from '../municipality/roles.js';
import type { Area } from '../municipality/contacts.js';
import type { PrivacyVerdict } from '../privacy/privacy-verdict.js';
import type { AvailabilityRequest } from '../booking/availability-rules.js';
import type {
  Booking,
  BookingOutcome,
  BookingQuery,
  BookSlotRequest,
  CancelBookingOutcome,
  CancelSlotOutcome,
  FreeSlotQuery,
  PostAvailabilityOutcome,
  Slot,
  StaffMember,
} from '../booking/booking-model.js';

/** The small interfaces the tab needs; `bot/` wires in the same stores and notifier the booking dialogs use. */

/** Port: posted slots (the availability store fits it). */
export interface TabAvailabilityPort {
  postAvailability(owner: StaffMember, area: Area, request: AvailabilityRequest, now: Date): Promise<PostAvailabilityOutcome>;
  findFreeSlots(query: FreeSlotQuery): Promise<Slot[]>;
  listOwnSlots(ownerId: string, from: Date, options?: { to?: Date }): Promise<Slot[]>;
  getSlot(slotId: string): Promise<Slot | undefined>;
}

/** Port: bookings (the booking store fits it); `bookSlot` is the one atomic booking every path uses. */
export interface TabBookingPort {
  bookSlot(request: BookSlotRequest): Promise<BookingOutcome>;
  cancelBooking(reference: string, actor: StaffMember, now: Date): Promise<CancelBookingOutcome>;
  cancelSlot(slotId: string, actor: StaffMember, now: Date): Promise<CancelSlotOutcome>;
  listBookings(query: BookingQuery): Promise<Booking[]>;
}

/** Port: tells the other side of a booking in Teams. Optional: without it the tab still books and cancels. */
export interface TabBookingNotifier {
  bookingConfirmed(booking: Booking): Promise<void>;
  bookingCancelled(booking: Booking, cancelledBy: 'booker' | 'owner'): Promise<void>;
}

/** Port: the user's role (the roles file's directory fits it). */
export interface TabRoleDirectory {
  roleOf(user: RoleLookup): StaffRole;
}

/** Port: a school's area and a section's name (from contacts.yaml). */
export interface TabSchoolDirectory {
  /** Undefined when the school is not in the contacts file. */
  areaOf(schoolName: string): Area | undefined;
  /** "Mottagningssektion Norr". */
  sectionName(area: Area): string;
}

/** Port: the privacy guard, for the free-text fields of the API. */
export interface TabPrivacyGuard {
  inspectValue(value: unknown): PrivacyVerdict;
}

/**
 * Port: the one plain-text line that ends every privacy refusal — whom to call now — computed from the
 * clock only (who-to-call.ts's `refusalCallLine` fits it).
 */
export type TabCallNowLine = (now: Date) => string;

/** Port: what the tab reports for the logs — codes and ids, never what anyone wrote. */
export interface TabEvents {
  tabEvent(code: string, details?: Readonly<Record<string, string | number>>): void;
  portFailed(code: string, error: unknown): void;
}
