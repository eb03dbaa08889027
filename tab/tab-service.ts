import type { StaffRole } from '../municipality/roles.js';
import type { Area } from '../municipality/contacts.js';
import { bookActionFor, refusalFor } from '../booking/booking-access.js';
import { availabilityProblemText, PLANNING_OPTIONS, skipReasonText, timeSpanText } from '../booking/booking-texts.js';
import type { PrivacyCategory } from '../privacy/privacy-verdict.js';
import { ANMALNINGSMOTE_WINDOW_DAYS, bookingWindow, DEFAULT_BOOKING_RULES, type AvailabilityRequest, type BookingRules } from '../booking/availability-rules.js';
import { DEFAULT_PLANNING, type Slot, type SlotKind, type StaffMember } from '../booking/booking-model.js';
import { addDays, formatCalendarDate, wallClockIn, type Clock } from '../scheduling/clock.js';
import { clockText } from '../scheduling/swedish-time.js';
import type { TabUser } from './tab-auth.js';
import { TabActionError } from './tab-errors.js';
import type {
  TabAvailabilityPort,
  TabBookingNotifier,
  TabBookingPort,
  TabCallNowLine,
  TabEvents,
  TabPrivacyGuard,
  TabRoleDirectory,
  TabSchoolDirectory,
} from './tab-ports.js';
import type { BookRequest, WeekQuery } from './tab-requests.js';
import {
  daysOfWeek,
  freeSlotEntry,
  ownBookingEntry,
  ownSlotEntry,
  postFormOptions,
  roleLabel,
  WEEK_TIMEZONE,
  weekContaining,
  weekLabel,
  type WeekEntry,
  type WeekSpan,
  type WeekView,
} from './week-view.js';

/** Everything the tab's actions need, injected once by the bot. */
export interface TabServiceDependencies {
  readonly roles: TabRoleDirectory;
  readonly schools: TabSchoolDirectory;
  readonly availability: TabAvailabilityPort;
  readonly bookings: TabBookingPort;
  readonly notifier?: TabBookingNotifier;
  readonly guard: TabPrivacyGuard;
  /** Ends the privacy refusal with whom to call now. */
  readonly callNowLine: TabCallNowLine;
  readonly clock: Clock;
  /** The posting and booking rules; the defaults when absent. */
  readonly rules?: BookingRules;
  readonly events?: TabEvents;
}

/** The answer to posting availability. */
export interface PostSlotsResult {
  readonly message: string;
  readonly posted: number;
  /** Slots left out, as "tisdag 10 mars kl. 13.00–13.45" and why. */
  readonly skipped: readonly { readonly when: string; readonly reason: string }[];
}

/** The answer to a booking. */
export interface BookResult {
  readonly message: string;
  readonly reference: string;
}

/** The answer to a cancellation. */
export interface CancelResult {
  readonly message: string;
}

/** A free slot offered instead of one that was taken. */
export interface AlternativeSlot {
  readonly slotId: string;
  readonly kind: SlotKind;
  readonly start: string;
  readonly when: string;
  readonly title: string;
}

/** How many days ahead slots are offered for booking: the 14 days of the förhandsbedömning, for both kinds, as in the chat. */
const BOOKING_WINDOW_DAYS = ANMALNINGSMOTE_WINDOW_DAYS;
const FREE_SLOTS_PER_WEEK = 200;

const CATEGORY_LABEL: Readonly<Record<PrivacyCategory, string>> = {
  name: 'ett namn',
  personnummer: 'ett personnummer',
  'date-of-birth': 'ett födelsedatum',
  phone: 'ett telefonnummer',
  email: 'en e-postadress',
  address: 'en adress',
  postcode: 'ett postnummer',
};

/**
 * The tab's actions for one signed-in user: the week view, posting and cancelling slots, booking and
 * cancelling bookings. Every action checks the role and goes through the same stores (and the same
 * atomic booking) as the chat dialogs. Refusals are TabActionError with calm Swedish text.
 */
export class TabService {
  private readonly rules: BookingRules;

  constructor(private readonly deps: TabServiceDependencies) {
    this.rules = deps.rules ?? DEFAULT_BOOKING_RULES;
  }

  /** The user's week: their slots and bookings, and the free slots they may book. */
  async week(user: TabUser, query: WeekQuery): Promise<WeekView> {
    const role = this.roleOf(user);
    const now = this.deps.clock.now();
    const span = this.clampedWeek(query, now);
    const section = (area: Area) => this.deps.schools.sectionName(area);
    const entries: WeekEntry[] = [];
    const notices: string[] = [];

    if (role.role === 'socialsekreterare') {
      const [slots, bookings] = await Promise.all([
        this.deps.availability.listOwnSlots(user.id, span.start, { to: span.end }),
        this.deps.bookings.listBookings({ ownerId: user.id, from: span.start, to: span.end }),
      ]);
      const bySlot = new Map(bookings.map((booking) => [booking.slotId, booking]));
      for (const slot of slots) entries.push(ownSlotEntry(slot, bySlot.get(slot.id), now, section));
      notices.push('Här ser du dina tider och vem som har bokat dem. Avbokar du en bokad tid får den som bokade besked i Teams.');
    } else {
      const bookings = await this.deps.bookings.listBookings({ bookedById: user.id, from: span.start, to: span.end });
      for (const booking of bookings) entries.push(ownBookingEntry(booking, now, section));
      const offers = this.offersFor(role);
      if (offers.problem) notices.push(offers.problem);
      const severalAreas = new Set(offers.searches.map((search) => search.area)).size > 1;
      for (const { area, kind } of offers.searches) {
        for (const slot of await this.freeSlotsInWeek(area, kind, span, now)) {
          if (slot.owner.id !== user.id) entries.push(freeSlotEntry(slot, now, severalAreas ? section(slot.area) : undefined));
        }
      }
      if (offers.searches.length > 0) notices.push(offers.description);
      if (span.start.getTime() > bookingWindow(now, BOOKING_WINDOW_DAYS, this.rules).to.getTime()) {
        notices.push(`Tider går att boka högst ${BOOKING_WINDOW_DAYS} dagar framåt. Den här veckan visar bara dina bokningar.`);
      }
    }

    const current = weekContaining(wallClockIn(now, WEEK_TIMEZONE));
    const last = this.lastWeek(now);
    return {
      user: { name: user.name, role: role.role, roleLabel: roleLabel(role, section) },
      week: {
        from: formatCalendarDate(span.monday),
        label: weekLabel(span.monday),
        previous: span.start.getTime() > current.start.getTime() ? formatCalendarDate(addDays(span.monday, -7)) : null,
        next: span.start.getTime() < last.start.getTime() ? formatCalendarDate(addDays(span.monday, 7)) : null,
      },
      notices,
      days: daysOfWeek(span, entries, now),
      can: { postSlots: role.role === 'socialsekreterare' },
      ...(role.role === 'socialsekreterare' ? { postForm: postFormOptions(now, this.rules) } : {}),
      planningOptions: PLANNING_OPTIONS,
    };
  }

  /** A socialsekreterare posts times in their area; the availability rules decide what is posted and what is skipped. */
  async postSlots(user: TabUser, request: AvailabilityRequest): Promise<PostSlotsResult> {
    const role = this.roleOf(user);
    if (refusalFor('post-availability', role) !== undefined || role.role !== 'socialsekreterare') {
      throw new TabActionError('TAB_ROLE_NOT_ALLOWED', 'forbidden', 'Bara socialsekreterare vid mottagningssektionen kan lägga upp tider.');
    }
    if (request.place !== undefined) this.refuseIdentifying(request.place);

    const now = this.deps.clock.now();
    const outcome = await this.deps.availability.postAvailability(this.member(user), role.area, request, now);
    if (outcome.status === 'invalid') {
      const limits = {
        maxRepeatWeeks: this.rules.maxRepeatWeeks,
        lengths: this.rules.allowedLengthsMinutes,
        dayStart: clockText(this.rules.dayStart),
        dayEnd: clockText(this.rules.dayEnd),
        interval: this.rules.slotIntervalMinutes,
      };
      const problems = outcome.problems.map((problem) => ({ code: problem, message: availabilityProblemText(problem, limits) }));
      throw new TabActionError('TAB_AVAILABILITY_INVALID', 'unprocessable', 'Tiderna kunde inte läggas upp.', { problems });
    }
    this.deps.events?.tabEvent('TAB_SLOTS_POSTED', { posted: outcome.slots.length, skipped: outcome.skipped.length });
    const posted = outcome.slots.length;
    const noun = request.kind === 'anmalningsmote' ? (posted === 1 ? 'tid för anmälningsmöte' : 'tider för anmälningsmöte') : posted === 1 ? 'konsultationstid' : 'konsultationstider';
    return {
      message: posted === 0 ? 'Inga tider lades upp.' : `${posted} ${noun} är upplagda.`,
      posted,
      skipped: outcome.skipped.map((skip) => ({ when: timeSpanText(skip.start, skip.end), reason: skipReasonText(skip.reason) })),
    };
  }

  /** A socialsekreterare cancels one of their slots; a booking on it is cancelled too and its booker told. */
  async cancelSlot(user: TabUser, slotId: string): Promise<CancelResult> {
    const role = this.roleOf(user);
    if (refusalFor('cancel-slot', role) !== undefined) {
      throw new TabActionError('TAB_ROLE_NOT_ALLOWED', 'forbidden', 'Bara socialsekreteraren som lagt upp en tid kan ta bort den.');
    }
    const outcome = await this.deps.bookings.cancelSlot(slotId, this.member(user), this.deps.clock.now());
    switch (outcome.status) {
      case 'not-found':
        throw new TabActionError('TAB_SLOT_NOT_FOUND', 'not-found', 'Tiden finns inte längre.');
      case 'not-allowed':
        throw new TabActionError('TAB_SLOT_NOT_YOURS', 'forbidden', 'Du kan bara ta bort tider som du själv har lagt upp.');
      case 'already-cancelled':
        throw new TabActionError('TAB_SLOT_ALREADY_CANCELLED', 'conflict', 'Tiden är redan borttagen.');
      case 'cancelled':
        this.deps.events?.tabEvent('TAB_SLOT_CANCELLED', { booked: outcome.cancelledBooking ? 1 : 0 });
        if (outcome.cancelledBooking) {
          await this.notify(() => this.deps.notifier?.bookingCancelled(outcome.cancelledBooking!, 'owner'));
          return { message: `Tiden är avbokad. ${outcome.cancelledBooking.bookedBy.name} får besked i Teams.` };
        }
        return { message: 'Tiden är borttagen.' };
    }
  }

  /** Books a free slot through the store's atomic booking; when someone was faster, offers the nearest free slots. */
  async book(user: TabUser, request: BookRequest): Promise<BookResult> {
    const role = this.roleOf(user);
    const offers = this.offersFor(role);
    // The same rule as in the chat (booking-access): who may book which kind.
    if (refusalFor(bookActionFor(request.kind), role) !== undefined) {
      throw new TabActionError(
        'TAB_ROLE_NOT_ALLOWED',
        'forbidden',
        request.kind === 'anmalningsmote'
          ? 'Bara rektorer och förskolechefer kan boka anmälningsmöten. Ring mottagningssektionen om ni behöver ett.'
          : 'Konsultationstider bokas av personal i förskola och skola.',
      );
    }
    if (request.kind === 'anmalningsmote' && offers.problem) throw new TabActionError('TAB_SCHOOL_UNKNOWN', 'forbidden', offers.problem);

    const slot = await this.deps.availability.getSlot(request.slotId);
    if (!slot || slot.status === 'cancelled' || slot.kind !== request.kind) {
      throw new TabActionError('TAB_SLOT_NOT_FOUND', 'not-found', 'Tiden finns inte längre. Välj en annan tid.');
    }
    if (slot.owner.id === user.id) throw new TabActionError('TAB_SLOT_OWN', 'forbidden', 'Du kan inte boka en tid som du själv har lagt upp.');
    if (!offers.searches.some((search) => search.area === slot.area && search.kind === slot.kind)) {
      throw new TabActionError('TAB_SLOT_OTHER_AREA', 'forbidden', 'Den tiden hör till en annan mottagningssektion än din skolas.');
    }

    const now = this.deps.clock.now();
    const window = bookingWindow(now, BOOKING_WINDOW_DAYS, this.rules);
    if (slot.start.getTime() > window.to.getTime()) {
      throw new TabActionError('TAB_SLOT_OUTSIDE_WINDOW', 'conflict', `Tider går att boka högst ${BOOKING_WINDOW_DAYS} dagar framåt.`);
    }
    const school = role.role === 'rektor' ? role.school : undefined;
    const outcome = await this.deps.bookings.bookSlot({
      slotId: slot.id,
      kind: request.kind,
      bookedBy: this.member(user),
      ...(request.kind === 'anmalningsmote' ? { school, planning: { ...DEFAULT_PLANNING, ...request.planning } } : {}),
      now,
      earliestStart: window.from,
      alternativesUntil: window.to,
    });
    switch (outcome.status) {
      case 'not-found':
        throw new TabActionError('TAB_SLOT_NOT_FOUND', 'not-found', 'Tiden finns inte längre. Välj en annan tid.');
      case 'taken': {
        const alternatives = outcome.alternatives.filter((alternative) => alternative.owner.id !== user.id).map((alternative) => this.alternative(alternative));
        throw new TabActionError(
          'TAB_SLOT_TAKEN',
          'conflict',
          alternatives.length > 0 ? 'Någon hann boka tiden före dig. Här är de närmaste lediga tiderna.' : 'Någon hann boka tiden före dig, och det finns inga andra lediga tider just nu. Ring mottagningssektionen.',
          { alternatives },
        );
      }
      case 'booked': {
        const booking = outcome.booking;
        this.deps.events?.tabEvent('TAB_BOOKED', { kind: booking.kind });
        await this.notify(() => this.deps.notifier?.bookingConfirmed(booking));
        const what = booking.kind === 'anmalningsmote' ? 'Anmälningsmötet är bokat' : 'Konsultationen är bokad';
        return {
          reference: booking.reference,
          message: `${what} ${timeSpanText(booking.start, booking.end)} med ${booking.owner.name}. Referens ${booking.reference}${
            booking.kind === 'anmalningsmote' ? ' – spara den med skolans egna handlingar' : ''
          }. ${booking.owner.name} får besked i Teams.`,
        };
      }
    }
  }

  /** The booker (or the socialsekreterare whose slot it is) cancels a booking; the other side is told. */
  async cancelBooking(user: TabUser, reference: string): Promise<CancelResult> {
    const outcome = await this.deps.bookings.cancelBooking(reference, this.member(user), this.deps.clock.now());
    switch (outcome.status) {
      case 'not-found':
        throw new TabActionError('TAB_BOOKING_NOT_FOUND', 'not-found', 'Det finns ingen bokning med den referensen.');
      case 'not-allowed':
        throw new TabActionError('TAB_BOOKING_NOT_YOURS', 'forbidden', 'Du kan bara avboka dina egna bokningar.');
      case 'already-cancelled':
        throw new TabActionError('TAB_BOOKING_ALREADY_CANCELLED', 'conflict', 'Bokningen är redan avbokad.');
      case 'cancelled': {
        const { booking, cancelledBy } = outcome;
        this.deps.events?.tabEvent('TAB_BOOKING_CANCELLED', { by: cancelledBy });
        await this.notify(() => this.deps.notifier?.bookingCancelled(booking, cancelledBy));
        const other = cancelledBy === 'booker' ? booking.owner.name : booking.bookedBy.name;
        const what = booking.kind === 'anmalningsmote' ? 'Anmälningsmötet' : 'Konsultationen';
        const cancelled = booking.kind === 'anmalningsmote' ? 'är avbokat' : 'är avbokad';
        return { message: `${what} ${timeSpanText(booking.start, booking.end)} ${cancelled}. ${other} får besked i Teams.` };
      }
    }
  }

  /** By object id and tenant only, exactly as the chat asks; the token's sign-in name plays no part. */
  private roleOf(user: TabUser): StaffRole {
    return this.deps.roles.roleOf({ aadObjectId: user.id, ...(user.tenantId ? { tenantId: user.tenantId } : {}) });
  }

  /** Which free slots a role is offered, with a sentence saying so, or the reason it is offered none. */
  private offersFor(role: StaffRole): { searches: { area: Area; kind: SlotKind }[]; description: string; problem?: string } {
    switch (role.role) {
      case 'socialsekreterare':
        return { searches: [], description: '' };
      case 'rektor': {
        const area = role.school ? this.deps.schools.areaOf(role.school) : undefined;
        if (!area) {
          return {
            searches: [],
            description: '',
            problem: role.school
              ? 'Din skola finns inte i kommunens kontaktlista, så jag vet inte vilken mottagningssektion den hör till. Be den som sköter Samverkansboten att rätta rollfilen.'
              : 'Rollfilen säger inte vilken skola du är rektor för, så lediga tider kan inte visas. Be den som sköter Samverkansboten att lägga till skolan.',
          };
        }
        return {
          searches: [
            { area, kind: 'anmalningsmote' },
            { area, kind: 'konsultation' },
          ],
          description: `Lediga tider hos ${this.deps.schools.sectionName(area)} de kommande ${BOOKING_WINDOW_DAYS} dagarna, och dina bokningar.`,
        };
      }
      case 'elevhalsa':
        return {
          searches: [
            { area: 'norr', kind: 'konsultation' },
            { area: 'sodra', kind: 'konsultation' },
          ],
          description: `Lediga konsultationstider de kommande ${BOOKING_WINDOW_DAYS} dagarna – välj mottagningssektionen för din förskola eller skola. Konsultationen är anonym.`,
        };
    }
  }

  private async freeSlotsInWeek(area: Area, kind: SlotKind, span: WeekSpan, now: Date): Promise<Slot[]> {
    const window = bookingWindow(now, BOOKING_WINDOW_DAYS, this.rules);
    const from = new Date(Math.max(span.start.getTime(), window.from.getTime()));
    const to = new Date(Math.min(span.end.getTime() - 1, window.to.getTime()));
    if (from.getTime() > to.getTime()) return [];
    return this.deps.availability.findFreeSlots({ area, kind, from, to, limit: FREE_SLOTS_PER_WEEK });
  }

  /** The asked week, kept between this week and the last week slots may be posted for. */
  private clampedWeek(query: WeekQuery, now: Date): WeekSpan {
    const current = weekContaining(wallClockIn(now, WEEK_TIMEZONE));
    if (!query.from) return current;
    const asked = weekContaining(query.from);
    if (asked.start.getTime() < current.start.getTime()) return current;
    const last = this.lastWeek(now);
    return asked.start.getTime() > last.start.getTime() ? last : asked;
  }

  private lastWeek(now: Date): WeekSpan {
    return weekContaining(wallClockIn(new Date(now.getTime() + this.rules.maximumHorizonDays * 86_400_000), WEEK_TIMEZONE));
  }

  private refuseIdentifying(text: string): void {
    const verdict = this.deps.guard.inspectValue(text);
    if (!verdict.identifying) return;
    const kinds = verdict.categories.map((category) => CATEGORY_LABEL[category]);
    throw new TabActionError(
      'TAB_PRIVACY_REFUSED',
      'unprocessable',
      `Platsen ser ut att innehålla ${swedishList(kinds)}. Skriv bara rum eller byggnad, till exempel ”Mottagningen, rum 2”. Inget har sparats. ${this.deps.callNowLine(this.deps.clock.now())}`,
      { categories: verdict.categories },
    );
  }

  private alternative(slot: Slot): AlternativeSlot {
    return { slotId: slot.id, kind: slot.kind, start: slot.start.toISOString(), when: timeSpanText(slot.start, slot.end), title: `${slot.owner.name} · ${this.deps.schools.sectionName(slot.area)}` };
  }

  private member(user: TabUser): StaffMember {
    return { id: user.id, name: user.name, ...(user.upn ? { upn: user.upn } : {}) };
  }

  /** A notification that fails is logged; the booking or cancellation itself stands. */
  private async notify(send: () => Promise<void> | undefined): Promise<void> {
    try {
      await send();
    } catch (error) {
      this.deps.events?.portFailed('TAB_NOTIFY_FAILED', error);
    }
  }
}

function swedishList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'uppgifter som kan peka ut någon';
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}
