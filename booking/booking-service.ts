import type { Area, Contacts } from '../municipality/contacts.js';
import type { StaffRole } from '../municipality/roles.js';
import { schoolInfo, schoolNamed, schoolOptions, sectionOf, type SchoolInfo, type SectionContact } from '../municipality/schools.js';
import type { Clock } from '../scheduling/clock.js';
import { bookingWindow, DEFAULT_BOOKING_RULES, type AvailabilityRequest, type BookingRules } from './availability-rules.js';
import { bookActionFor, refusalFor, type BookingAction } from './booking-access.js';
import {
  DEFAULT_PLANNING,
  type Booking,
  type CancelBookingOutcome,
  type CancelSlotOutcome,
  type MoveBookingOutcome,
  type PlanningAnswers,
  type PostAvailabilityOutcome,
  type Slot,
  type SlotKind,
  type StaffMember,
} from './booking-model.js';
import type { AvailabilityPort, BookingEvents, BookingNotifier, BookingPort, RolePort, StaffProfilePort } from './booking-ports.js';
import { availabilityProblemText, conflictText } from './booking-texts.js';

/** How many days ahead slots are offered for booking and moving: the 14 days of the förhandsbedömning, for both kinds. */
export const BOOKING_WINDOW_DAYS = 14;

/** Who is asking, as the edge knows them: the chat from the Teams activity, the tab from the verified SSO token. */
export interface BookingIdentity {
  /** The Entra object id; the role is looked up by it (and the tenant), never by name. */
  readonly aadObjectId?: string;
  /** The Teams user id (`29:…`); the member id when there is no object id. */
  readonly teamsId?: string;
  readonly tenantId?: string;
  readonly name: string;
  /** For calendar invitations only; never decides a role. */
  readonly upn?: string;
}

/** A staff member and their role: what every booking action starts from. */
export interface BookingActor {
  readonly member: StaffMember;
  readonly role: StaffRole;
}

/** The booker's förskola/skola and the area (and mottagningssektion) whose times they book. */
export interface BookerPlace {
  readonly school: string;
  readonly area: Area;
  readonly section: SectionContact;
}

/** Why a role may not do something, with the calm Swedish text to show. */
export type Refused = { readonly status: 'refused'; readonly action: BookingAction; readonly text: string };

/** The booker's school (and so the area) is unknown: the roles file names none and they never chose one in the chat. */
export type NoSchool = { readonly status: 'no-school'; readonly text: string };

/** Free slots in the booker's area. */
export type FreeSlotsOutcome = Refused | NoSchool | { readonly status: 'listed'; readonly place: BookerPlace; readonly slots: readonly Slot[] };

/** Whether a slot can be booked by this user now, and why not. */
export type SlotCheck =
  | Refused
  | NoSchool
  | { readonly status: 'not-found' | 'own-slot' | 'other-area' | 'outside-window' }
  | { readonly status: 'taken' }
  | { readonly status: 'bookable'; readonly slot: Slot; readonly place: BookerPlace };

/** The result of booking through the service. */
export type BookOutcome =
  | Exclude<SlotCheck, { status: 'bookable' | 'taken' }>
  | { readonly status: 'taken'; readonly alternatives: readonly Slot[] }
  | {
      readonly status: 'booked';
      readonly booking: Booking;
      /** False when the socialsekreterare could not be told in Teams (the booking stands): the booker should call. */
      readonly ownerNotified: boolean;
    };

/** The result of posting availability through the service; problems come with their Swedish text. */
export type PostOutcome =
  | Refused
  | { readonly status: 'invalid'; readonly problems: readonly { readonly code: string; readonly text: string }[] }
  | (Extract<PostAvailabilityOutcome, { status: 'posted' }> & { readonly section: SectionContact });

/** A socialsekreterare's slots with the bookings on them. */
export type OwnSlotsOutcome = Refused | { readonly status: 'listed'; readonly slots: readonly Slot[]; readonly bookingsBySlot: ReadonlyMap<string, Booking> };

/** One of the user's bookings, as booker or socialsekreterare, that can still be changed. */
export type OwnBookingOutcome =
  | { readonly status: 'not-found' | 'not-yours' | 'already-cancelled' }
  | { readonly status: 'found'; readonly booking: Booking; readonly side: 'booker' | 'owner' };

/** One of a socialsekreterare's slots that can still be cancelled, with the booking it holds. */
export type OwnSlotOutcome =
  | Refused
  | { readonly status: 'not-found' | 'not-yours' | 'already-cancelled' }
  | { readonly status: 'found'; readonly slot: Slot; readonly booking?: Booking };

/** Free slots a booking can be moved to. */
export type MoveTargetsOutcome = Exclude<OwnBookingOutcome, { status: 'found' }> | { readonly status: 'found'; readonly booking: Booking; readonly slots: readonly Slot[] };

/** Everything the booking service needs, wired once by the bot. */
export interface BookingServiceDependencies {
  readonly roles: RolePort;
  readonly profiles: StaffProfilePort;
  /** The municipality pack's schools, areas and mottagningssektioner. */
  readonly contacts: Contacts;
  readonly availability: AvailabilityPort;
  readonly bookings: BookingPort;
  /** Optional: without it bookings still work, nobody is told proactively. */
  readonly notifier?: BookingNotifier;
  readonly clock: Clock;
  /** The posting and booking rules; the defaults when absent. */
  readonly rules?: BookingRules;
  readonly events?: BookingEvents;
}

/**
 * Availability and booking, once for the chat and the tab: every action is role check → the booker's
 * school and area → the booking window → the store (one atomic booking) → telling the other side →
 * an event for the log. The dialogs and the tab only turn its outcomes into cards, text and HTTP.
 */
export class BookingService {
  readonly rules: BookingRules;

  constructor(private readonly deps: BookingServiceDependencies) {
    this.rules = deps.rules ?? DEFAULT_BOOKING_RULES;
  }

  /** Now, by the service's clock (the one tests set). */
  now(): Date {
    return this.deps.clock.now();
  }

  /** The staff member and role behind an identity: by Entra object id and tenant only, the same for chat and tab. */
  actor(identity: BookingIdentity): BookingActor {
    const role = this.deps.roles.roleOf({ aadObjectId: identity.aadObjectId, ...(identity.tenantId ? { tenantId: identity.tenantId } : {}) });
    const id = identity.aadObjectId ?? identity.teamsId;
    if (id === undefined) throw new Error('a booking identity needs an object id or a Teams id');
    const member: StaffMember = {
      id,
      name: identity.name || 'Okänd användare',
      ...(identity.teamsId ? { teamsId: identity.teamsId } : {}),
      ...(identity.upn ? { upn: identity.upn } : {}),
    };
    return { member, role };
  }

  /** The booker's school and area: the roles file's school for a rektor, else the school they chose in the chat. */
  async placeOf(actor: BookingActor): Promise<BookerPlace | undefined> {
    const fromRoles = actor.role.role === 'rektor' && actor.role.school ? schoolNamed(this.deps.contacts, actor.role.school) : undefined;
    if (fromRoles?.area) return this.place(fromRoles.name, fromRoles.area);
    const key = await this.deps.profiles.schoolOf(actor.member.id);
    const chosen = key === undefined ? undefined : schoolInfo(this.deps.contacts, key);
    return chosen?.area ? this.place(chosen.name, chosen.area) : undefined;
  }

  /**
   * Whether the user chooses their own school, and from which: everyone books by the school they chose,
   * except socialsekreterare (they post, by area) and a rektor whose school the roles file names.
   * Only schools with a known area are offered, since the area decides whose times are shown.
   */
  async schoolChoice(actor: BookingActor): Promise<{ readonly current?: SchoolInfo; readonly options: readonly SchoolInfo[] } | undefined> {
    if (!this.choosesOwnSchool(actor)) return undefined;
    const key = await this.deps.profiles.schoolOf(actor.member.id);
    const current = key === undefined ? undefined : schoolInfo(this.deps.contacts, key);
    return { ...(current?.area ? { current } : {}), options: schoolOptions(this.deps.contacts).filter((school) => school.area !== undefined) };
  }

  /** Remembers the user's school, for the chat and the tab alike. */
  async chooseSchool(actor: BookingActor, key: string): Promise<{ readonly status: 'chosen'; readonly place: BookerPlace } | { readonly status: 'not-yours' | 'unknown' }> {
    if (!this.choosesOwnSchool(actor)) return { status: 'not-yours' };
    const school = schoolInfo(this.deps.contacts, key);
    if (!school?.area) return { status: 'unknown' };
    await this.deps.profiles.rememberSchool(actor.member.id, school.key);
    this.event('SCHOOL_CHOSEN', { area: school.area });
    return { status: 'chosen', place: this.place(school.name, school.area) };
  }

  /** The mottagningssektion of an area, with its number. */
  sectionOf(area: Area): SectionContact {
    return sectionOf(this.deps.contacts, area);
  }

  /** The slot kinds a role may book, anmälningsmöte first. */
  bookableKinds(role: StaffRole): SlotKind[] {
    return (['anmalningsmote', 'konsultation'] as const).filter((kind) => refusalFor(bookActionFor(kind), role) === undefined);
  }

  /** The time slots can be booked in now: from the lead time to {@link BOOKING_WINDOW_DAYS} days ahead. */
  window(now: Date = this.deps.clock.now()): { from: Date; to: Date } {
    return bookingWindow(now, BOOKING_WINDOW_DAYS, this.rules);
  }

  /** Free slots of a kind in the booker's area, nearest first, within the booking window (and `within`, when given). */
  async freeSlots(actor: BookingActor, kind: SlotKind, options: { readonly limit: number; readonly within?: { from: Date; to: Date } }): Promise<FreeSlotsOutcome> {
    const refused = this.refusal(bookActionFor(kind), actor);
    if (refused) return refused;
    const place = await this.placeOf(actor);
    if (!place) return this.noSchool(actor);
    const window = this.window();
    const from = new Date(Math.max(window.from.getTime(), options.within?.from.getTime() ?? -Infinity));
    const to = new Date(Math.min(window.to.getTime(), options.within?.to.getTime() ?? Infinity));
    const slots = from.getTime() > to.getTime() ? [] : await this.deps.availability.findFreeSlots({ area: place.area, kind, from, to, limit: options.limit });
    if (slots.length === 0) this.event('BOOKING_NO_FREE_SLOTS', { kind, area: place.area });
    return { status: 'listed', place, slots: slots.filter((slot) => slot.owner.id !== actor.member.id) };
  }

  /** Whether this user may book this slot now: role, school, the slot itself, its area and the window. */
  async checkSlot(actor: BookingActor, slotId: string, kind: SlotKind): Promise<SlotCheck> {
    const refused = this.refusal(bookActionFor(kind), actor);
    if (refused) return refused;
    const place = await this.placeOf(actor);
    if (!place) return this.noSchool(actor);
    const slot = await this.deps.availability.getSlot(slotId);
    if (!slot || slot.status === 'cancelled' || slot.kind !== kind) return { status: 'not-found' };
    if (slot.status === 'booked') return { status: 'taken' };
    if (slot.owner.id === actor.member.id) return { status: 'own-slot' };
    if (slot.area !== place.area) return { status: 'other-area' };
    if (slot.start.getTime() > this.window().to.getTime()) return { status: 'outside-window' };
    return { status: 'bookable', slot, place };
  }

  /** Books a slot (the store's one atomic booking) and tells the socialsekreterare. */
  async book(actor: BookingActor, request: { readonly slotId: string; readonly kind: SlotKind; readonly planning?: Partial<PlanningAnswers> }): Promise<BookOutcome> {
    const check = await this.checkSlot(actor, request.slotId, request.kind);
    if (check.status === 'taken') {
      // Booked a moment ago: offer the nearest free slots, as when the store sees it taken.
      this.event('BOOKING_SLOT_TAKEN', { kind: request.kind });
      const place = await this.placeOf(actor);
      return { status: 'taken', alternatives: place ? await this.alternatives(actor, place, request.kind) : [] };
    }
    if (check.status !== 'bookable') return check;
    const now = this.deps.clock.now();
    const window = this.window(now);
    const anmalningsmote = request.kind === 'anmalningsmote';
    const outcome = await this.deps.bookings.bookSlot({
      slotId: check.slot.id,
      kind: request.kind,
      bookedBy: actor.member,
      // A konsultation is anonymous: neither school nor planning is stored for it.
      ...(anmalningsmote ? { school: check.place.school, planning: { ...DEFAULT_PLANNING, ...request.planning } } : {}),
      now,
      earliestStart: window.from,
      alternativesUntil: window.to,
    });
    switch (outcome.status) {
      case 'not-found':
        return { status: 'not-found' };
      case 'taken':
        this.event('BOOKING_SLOT_TAKEN', { kind: request.kind });
        return { status: 'taken', alternatives: outcome.alternatives.filter((slot) => slot.owner.id !== actor.member.id) };
      case 'booked':
        this.event('BOOKING_BOOKED', { kind: outcome.booking.kind, area: outcome.booking.area });
        return { ...outcome, ownerNotified: await this.ownerTold(outcome.booking) };
    }
  }

  /** A socialsekreterare posts times in their own area; the availability rules decide what is posted and what is skipped. */
  async post(actor: BookingActor, request: AvailabilityRequest): Promise<PostOutcome> {
    const refused = this.refusal('post-availability', actor);
    if (refused) return refused;
    const area = areaOfSocialsekreterare(actor.role);
    const outcome = await this.deps.availability.postAvailability(actor.member, area, request, this.deps.clock.now());
    if (outcome.status === 'invalid') {
      const conflicts = outcome.conflicts ?? [];
      this.event('AVAILABILITY_REFUSED', { problems: outcome.problems.join(','), conflicts: [...new Set(conflicts.map((slot) => slot.reason))].join(',') });
      return {
        status: 'invalid',
        problems: [
          ...outcome.problems.map((problem) => ({ code: problem, text: availabilityProblemText(problem, this.rules) })),
          ...conflicts.map((slot) => ({ code: `slot-${slot.reason}`, text: conflictText(slot) })),
        ],
      };
    }
    this.event('AVAILABILITY_POSTED', { kind: request.kind, slots: outcome.slots.length, skipped: outcome.skipped.length });
    return { ...outcome, section: this.sectionOf(area) };
  }

  /** A socialsekreterare's own slots from `from` to `to`, with the booking on each booked one. */
  async ownSlots(actor: BookingActor, from: Date, to: Date): Promise<OwnSlotsOutcome> {
    const refused = this.refusal('list-own-slots', actor);
    if (refused) return refused;
    const [slots, bookings] = await Promise.all([
      this.deps.availability.listOwnSlots(actor.member.id, from, { to }),
      this.deps.bookings.listBookings({ ownerId: actor.member.id, from, to }),
    ]);
    return { status: 'listed', slots, bookingsBySlot: new Map(bookings.map((booking) => [booking.slotId, booking])) };
  }

  /** The bookings the user made, from `from` (to `to`, when given). */
  async ownBookings(actor: BookingActor, from: Date, to?: Date): Promise<Booking[]> {
    return this.deps.bookings.listBookings({ bookedById: actor.member.id, from, ...(to ? { to } : {}) });
  }

  /** A booking the user is a side of and that still stands. */
  async ownBooking(actor: BookingActor, reference: string): Promise<OwnBookingOutcome> {
    const booking = await this.deps.bookings.getBooking(reference);
    if (!booking) return { status: 'not-found' };
    const side = sideOf(booking, actor.member.id);
    if (!side) {
      this.event('BOOKING_REFUSED', { action: 'not-own-booking' });
      return { status: 'not-yours' };
    }
    if (booking.status !== 'booked') return { status: 'already-cancelled' };
    return { status: 'found', booking, side };
  }

  /** Cancels a booking (by its booker or the socialsekreterare) and tells the other side. */
  async cancelBooking(actor: BookingActor, reference: string): Promise<CancelBookingOutcome> {
    const outcome = await this.deps.bookings.cancelBooking(reference, actor.member, this.deps.clock.now());
    if (outcome.status === 'cancelled') {
      this.event('BOOKING_CANCELLED', { kind: outcome.booking.kind, by: outcome.cancelledBy });
      await this.notify(() => this.deps.notifier?.bookingCancelled(outcome.booking, outcome.cancelledBy));
    }
    return outcome;
  }

  /** One of the socialsekreterare's slots that still stands, and the booking on it. */
  async ownSlot(actor: BookingActor, slotId: string): Promise<OwnSlotOutcome> {
    const refused = this.refusal('cancel-slot', actor);
    if (refused) return refused;
    const slot = await this.deps.availability.getSlot(slotId);
    if (!slot) return { status: 'not-found' };
    if (slot.owner.id !== actor.member.id) return { status: 'not-yours' };
    if (slot.status === 'cancelled') return { status: 'already-cancelled' };
    const booking =
      slot.status === 'booked'
        ? (await this.deps.bookings.listBookings({ ownerId: actor.member.id, from: slot.start, to: slot.end })).find((candidate) => candidate.slotId === slot.id)
        : undefined;
    return { status: 'found', slot, ...(booking ? { booking } : {}) };
  }

  /** A socialsekreterare cancels one of their slots; a booking on it is cancelled too and its booker told. */
  async cancelSlot(actor: BookingActor, slotId: string): Promise<Refused | CancelSlotOutcome> {
    const refused = this.refusal('cancel-slot', actor);
    if (refused) return refused;
    const outcome = await this.deps.bookings.cancelSlot(slotId, actor.member, this.deps.clock.now());
    if (outcome.status === 'cancelled') {
      this.event('SLOT_CANCELLED', { kind: outcome.slot.kind, booked: outcome.cancelledBooking ? 1 : 0 });
      const cancelled = outcome.cancelledBooking;
      if (cancelled) await this.notify(() => this.deps.notifier?.bookingCancelled(cancelled, 'owner'));
    }
    return outcome;
  }

  /** The free slots a booking could move to: same area and kind, within the window, nearest first. */
  async moveTargets(actor: BookingActor, reference: string, limit: number): Promise<MoveTargetsOutcome> {
    const own = await this.ownBooking(actor, reference);
    if (own.status !== 'found') return own;
    const window = this.window();
    const slots = await this.deps.availability.findFreeSlots({ area: own.booking.area, kind: own.booking.kind, from: window.from, to: window.to, limit, excludeSlotId: own.booking.slotId });
    return { status: 'found', booking: own.booking, slots };
  }

  /** Moves a booking to another free slot (the reference stays) and tells the other side. */
  async move(actor: BookingActor, reference: string, toSlotId: string): Promise<MoveBookingOutcome> {
    const now = this.deps.clock.now();
    const window = this.window(now);
    const outcome = await this.deps.bookings.moveBooking({ reference, toSlotId, actor: actor.member, now, earliestStart: window.from, alternativesUntil: window.to });
    if (outcome.status === 'moved') {
      this.event('BOOKING_MOVED', { kind: outcome.booking.kind, by: outcome.movedBy });
      await this.notify(() => this.deps.notifier?.bookingMoved(outcome.booking, outcome.previous, outcome.movedBy));
    }
    return outcome;
  }

  private choosesOwnSchool(actor: BookingActor): boolean {
    if (actor.role.role === 'socialsekreterare') return false;
    return !(actor.role.role === 'rektor' && actor.role.school && schoolNamed(this.deps.contacts, actor.role.school)?.area);
  }

  private place(school: string, area: Area): BookerPlace {
    return { school, area, section: this.sectionOf(area) };
  }

  /** Undefined when the actor's role may do the action; otherwise why not (and the event is logged). */
  refusal(action: BookingAction, actor: BookingActor): Refused | undefined {
    const text = refusalFor(action, actor.role);
    if (text === undefined) return undefined;
    this.event('BOOKING_REFUSED', { action, role: actor.role.role });
    return { status: 'refused', action, text };
  }

  private noSchool(actor: BookingActor): NoSchool {
    this.event('BOOKING_NO_SCHOOL', { role: actor.role.role });
    return {
      status: 'no-school',
      text:
        'Jag vet inte vilken förskola eller skola du arbetar på, så jag vet inte vilken mottagningssektion som har dina tider. ' +
        'Skriv **byt skola** i chatten med Samverkansboten och välj den – sedan visas lediga tider.',
    };
  }

  private async alternatives(actor: BookingActor, place: BookerPlace, kind: SlotKind): Promise<Slot[]> {
    const window = this.window();
    const slots = await this.deps.availability.findFreeSlots({ area: place.area, kind, from: window.from, to: window.to, limit: 3 });
    return slots.filter((slot) => slot.owner.id !== actor.member.id);
  }

  private event(code: string, details?: Readonly<Record<string, string | number>>): void {
    this.deps.events?.bookingEvent(code, details);
  }

  /**
   * Tells the socialsekreterare of a new booking. A failed send (logged as BOOKING_NOTIFY_FAILED) or
   * an owner who never opened the bot is logged as BOOKING_OWNER_NOT_NOTIFIED, and the booking stands.
   */
  private async ownerTold(booking: Booking): Promise<boolean> {
    if (!this.deps.notifier) return true;
    let reached = false;
    try {
      reached = (await this.deps.notifier.bookingConfirmed(booking)) !== false;
    } catch (error) {
      this.deps.events?.portFailed('BOOKING_NOTIFY_FAILED', error);
    }
    if (!reached) this.event('BOOKING_OWNER_NOT_NOTIFIED', { kind: booking.kind, area: booking.area });
    return reached;
  }

  /** A notification that fails is logged; the booking or cancellation itself stands. */
  private async notify(send: () => Promise<void> | undefined): Promise<void> {
    try {
      await send();
    } catch (error) {
      this.deps.events?.portFailed('BOOKING_NOTIFY_FAILED', error);
    }
  }
}

function areaOfSocialsekreterare(role: StaffRole): Area {
  if (role.role !== 'socialsekreterare') throw new Error('only a socialsekreterare posts times');
  return role.area;
}

/** Which side of a booking the user is on, if any. */
function sideOf(booking: Booking, memberId: string): 'booker' | 'owner' | undefined {
  if (booking.bookedBy.id === memberId) return 'booker';
  if (booking.owner.id === memberId) return 'owner';
  return undefined;
}
