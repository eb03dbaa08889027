import type { Area } from '../municipality/contacts.js';
import type { AvailabilityProblem, SkippedSlot } from './availability-rules.js';

/**
 * The words of availability and booking, shared by the rules, the stores, the dialogs and the tab.
 * Plain types and enumerations: no I/O, no SDK, no database.
 */

/** What a slot is for: an anonymous konsultation by phone/Teams, or an anmälningsmöte with the family. */
export const SLOT_KINDS = ['konsultation', 'anmalningsmote'] as const;
/** One slot kind. */
export type SlotKind = (typeof SLOT_KINDS)[number];

/** A slot is free until booked; the socialsekreterare who posted it may cancel it. */
export const SLOT_STATUSES = ['free', 'booked', 'cancelled'] as const;
/** One slot status. */
export type SlotStatus = (typeof SLOT_STATUSES)[number];

/** A booking stands until either side cancels it; a moved booking keeps its reference. */
export const BOOKING_STATUSES = ['booked', 'cancelled'] as const;
/** One booking status. */
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Who invites the vårdnadshavare to the anmälningsmöte (the routine: the school does). */
export const GUARDIAN_INVITERS = ['skolan', 'socialtjansten'] as const;
/** Who leads the anmälningsmöte; the school presents its concern either way. */
export const MEETING_LEADERS = ['skolan', 'socialtjansten'] as const;
/** Where the anmälningsmöte is held (the routine: at the school unless agreed otherwise). */
export const MEETING_LOCATIONS = ['skolan', 'socialtjansten', 'digitalt'] as const;

/** The planning points of an anmälningsmöte, as enumerated answers: never free text about a child. */
export interface PlanningAnswers {
  readonly guardiansInvitedBy: (typeof GUARDIAN_INVITERS)[number];
  readonly ledBy: (typeof MEETING_LEADERS)[number];
  readonly location: (typeof MEETING_LOCATIONS)[number];
}

/** The routine's defaults: the school invites the guardians, presents its concern and hosts the meeting. */
export const DEFAULT_PLANNING: PlanningAnswers = Object.freeze({ guardiansInvitedBy: 'skolan', ledBy: 'skolan', location: 'skolan' });

/** A staff member as the bookings know them: never a child. */
export interface StaffMember {
  /** Entra object id when Teams gave one, else the Teams user id; ownership is checked on this. */
  readonly id: string;
  readonly name: string;
  /** Teams user id (`29:…`), used to find the conversation to notify. */
  readonly teamsId?: string;
  /** User principal name, used as the e-mail address in calendar invitations. */
  readonly upn?: string;
}

/** A time a socialsekreterare has posted. */
export interface Slot {
  readonly id: string;
  readonly owner: StaffMember;
  readonly area: Area;
  readonly kind: SlotKind;
  readonly start: Date;
  readonly end: Date;
  /** Where an anmälningsmöte can be held at social services; undefined for a konsultation. */
  readonly place?: string;
  readonly status: SlotStatus;
  /** Bumped on every change. */
  readonly version: number;
}

/** A booked slot: who booked it, for which school and with which planning answers. No child data. */
export interface Booking {
  readonly id: string;
  /** Generated reference the school keeps with its own records, e.g. `AM-7K3Q-9D`. */
  readonly reference: string;
  readonly slotId: string;
  readonly kind: SlotKind;
  readonly area: Area;
  readonly start: Date;
  readonly end: Date;
  /** The slot's place, copied when booked or moved. */
  readonly place?: string;
  /** The socialsekreterare who posted the slot. */
  readonly owner: StaffMember;
  readonly bookedBy: StaffMember;
  /** The school, for an anmälningsmöte; undefined for an anonymous konsultation. */
  readonly school?: string;
  /** The planning answers, for an anmälningsmöte. */
  readonly planning?: PlanningAnswers;
  readonly status: BookingStatus;
  /** 0 when booked, bumped on every move or cancellation; the calendar invitation's SEQUENCE. */
  readonly version: number;
  readonly createdAt: Date;
}

/** What can happen to a slot or a booking, as the append-only audit log records it. */
export const BOOKING_AUDIT_ACTIONS = ['slot-posted', 'slot-cancelled', 'booked', 'booking-cancelled', 'booking-moved', 'booking-purged'] as const;
/** One audited action. */
export type BookingAuditAction = (typeof BOOKING_AUDIT_ACTIONS)[number];

/** One audit entry: who did what, when. No free text. */
export interface BookingAuditEntry {
  readonly at: Date;
  /** The staff member's id, or `system` for the retention purge. */
  readonly actorId: string;
  readonly action: BookingAuditAction;
  readonly slotId?: string;
  readonly bookingReference?: string;
  readonly area?: Area;
  readonly kind?: SlotKind;
}

/** The result of trying to book a slot. */
export type BookingOutcome =
  | { readonly status: 'booked'; readonly booking: Booking }
  /** Someone else got it first (or it was cancelled or is too close now): the nearest free slots instead. */
  | { readonly status: 'taken'; readonly alternatives: readonly Slot[] }
  | { readonly status: 'not-found' };

/** The result of cancelling a booking. */
export type CancelBookingOutcome =
  | { readonly status: 'cancelled'; readonly booking: Booking; readonly cancelledBy: 'booker' | 'owner' }
  | { readonly status: 'not-found' | 'not-allowed' | 'already-cancelled' };

/** The result of a socialsekreterare cancelling one of their slots. */
export type CancelSlotOutcome =
  | { readonly status: 'cancelled'; readonly slot: Slot; /** The booking it held, now cancelled: notify its booker. */ readonly cancelledBooking?: Booking }
  | { readonly status: 'not-found' | 'not-allowed' | 'already-cancelled' };

/** The result of moving a booking to another slot. */
export type MoveBookingOutcome =
  | { readonly status: 'moved'; readonly booking: Booking; readonly previous: Booking; readonly movedBy: 'booker' | 'owner' }
  | { readonly status: 'taken'; readonly alternatives: readonly Slot[] }
  | { readonly status: 'not-found' | 'not-allowed' | 'not-movable' };

/** The outcome of posting availability: the problems that stopped it, or the slots posted and those skipped. */
export type PostAvailabilityOutcome =
  | { readonly status: 'invalid'; readonly problems: readonly AvailabilityProblem[]; readonly conflicts?: readonly SkippedSlot[] }
  | { readonly status: 'posted'; readonly slots: readonly Slot[]; readonly skipped: readonly SkippedSlot[] };

/** Which free slots to find. */
export interface FreeSlotQuery {
  readonly area: Area;
  readonly kind: SlotKind;
  /** Earliest start (now plus the lead time). */
  readonly from: Date;
  /** Latest start. */
  readonly to: Date;
  readonly limit?: number;
  /** Leave this slot out (the one a booking already holds, when moving it). */
  readonly excludeSlotId?: string;
}

/** What it takes to book a slot. */
export interface BookSlotRequest {
  readonly slotId: string;
  /** The kind the user chose; a slot of another kind is not booked. */
  readonly kind: SlotKind;
  readonly bookedBy: StaffMember;
  /** Required for an anmälningsmöte; never stored for a konsultation (it is anonymous). */
  readonly school?: string;
  /** For an anmälningsmöte; the routine's defaults when absent. Never stored for a konsultation. */
  readonly planning?: PlanningAnswers;
  readonly now: Date;
  /** Slots starting before this (now + lead time) are not booked and not offered. */
  readonly earliestStart: Date;
  /** Alternatives offered when the slot is taken start no later than this. */
  readonly alternativesUntil: Date;
}

/** What it takes to move a booking to another slot. */
export interface MoveBookingRequest {
  readonly reference: string;
  readonly toSlotId: string;
  readonly actor: StaffMember;
  readonly now: Date;
  readonly earliestStart: Date;
  readonly alternativesUntil: Date;
}

/** Which bookings to list. */
export interface BookingQuery {
  /** Bookings made by this staff member. */
  readonly bookedById?: string;
  /** Bookings of slots this socialsekreterare posted. */
  readonly ownerId?: string;
  /** Only bookings that end after this. */
  readonly from: Date;
  /** Only bookings that start before this. */
  readonly to?: Date;
  readonly includeCancelled?: boolean;
}
