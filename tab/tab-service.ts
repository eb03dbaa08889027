import { bookActionFor } from '../booking/booking-access.js';
import type { Slot, SlotKind } from '../booking/booking-model.js';
import { BOOKING_WINDOW_DAYS, type BookingActor, type BookingService } from '../booking/booking-service.js';
import type { AvailabilityRequest } from '../booking/availability-rules.js';
import { ownerNotNotifiedText, PLANNING_OPTIONS, skipReasonText, timeSpanText } from '../booking/booking-texts.js';
import type { Area } from '../municipality/contacts.js';
import { namedCategories } from '../privacy/index.js';
import { addDays, formatCalendarDate, wallClockIn } from '../scheduling/clock.js';
import type { TabUser } from './tab-auth.js';
import { TabActionError } from './tab-errors.js';
import type { TabCallNowLine, TabPrivacyGuard } from './tab-ports.js';
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

/** Everything the tab's actions need, injected once by the bot: the same booking service the chat uses. */
export interface TabServiceDependencies {
  readonly booking: BookingService;
  readonly guard: TabPrivacyGuard;
  /** Ends the privacy refusal with whom to call now. */
  readonly callNowLine: TabCallNowLine;
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

const FREE_SLOTS_PER_WEEK = 200;
/** Where the tab sends a user whose school is unknown: the list on the page (the chat's "byt skola" sets the same). */
const NO_SCHOOL_IN_TAB = 'Välj din förskola eller skola i listan nedan, så visas lediga tider hos mottagningssektionen för den.';


/**
 * The tab's actions for one signed-in user: the week view, posting and cancelling slots, booking and
 * cancelling bookings. A thin adapter over the booking service the chat uses too — the same roles,
 * the same school and area, the same window and the same atomic booking. Refusals are TabActionError
 * with calm Swedish text.
 */
export class TabService {
  constructor(private readonly deps: TabServiceDependencies) {}

  /** The user's week: their slots and bookings, and the free slots they may book. */
  async week(user: TabUser, query: WeekQuery): Promise<WeekView> {
    const booking = this.deps.booking;
    const actor = this.actor(user);
    const { role } = actor;
    const now = booking.now();
    const span = this.clampedWeek(query, now);
    const section = (area: Area) => booking.sectionOf(area).name;
    const entries: WeekEntry[] = [];
    const notices: string[] = [];

    if (role.role === 'socialsekreterare') {
      const own = await booking.ownSlots(actor, span.start, span.end);
      if (own.status === 'listed') for (const slot of own.slots) entries.push(ownSlotEntry(slot, own.bookingsBySlot.get(slot.id), now));
      notices.push('Här ser du dina tider och vem som har bokat dem. Avbokar du en bokad tid får den som bokade besked i Teams.');
    } else {
      for (const own of await booking.ownBookings(actor, span.start, span.end)) entries.push(ownBookingEntry(own, now, section));
      let sectionName: string | undefined;
      for (const kind of booking.bookableKinds(role)) {
        const free = await booking.freeSlots(actor, kind, { limit: FREE_SLOTS_PER_WEEK, within: { from: span.start, to: new Date(span.end.getTime() - 1) } });
        if (free.status !== 'listed') {
          const text = free.status === 'no-school' ? NO_SCHOOL_IN_TAB : plainText(free.text);
          if (!notices.includes(text)) notices.push(text);
          continue;
        }
        sectionName = free.place.section.name;
        for (const slot of free.slots) entries.push(freeSlotEntry(slot, now));
      }
      if (sectionName) {
        notices.push(
          role.role === 'rektor'
            ? `Lediga tider hos ${sectionName} de kommande ${BOOKING_WINDOW_DAYS} dagarna, och dina bokningar.`
            : `Lediga konsultationstider hos ${sectionName} de kommande ${BOOKING_WINDOW_DAYS} dagarna. Konsultationen är anonym.`,
        );
      }
      if (span.start.getTime() > booking.window(now).to.getTime()) {
        notices.push(`Tider går att boka högst ${BOOKING_WINDOW_DAYS} dagar framåt. Den här veckan visar bara dina bokningar.`);
      }
    }

    const current = weekContaining(wallClockIn(now, WEEK_TIMEZONE));
    const last = this.lastWeek(now);
    const school = await booking.schoolChoice(actor);
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
      ...(role.role === 'socialsekreterare' ? { postForm: postFormOptions(now, booking.rules) } : {}),
      ...(school ? { school: { current: school.current?.key ?? null, options: school.options.map((option) => ({ value: option.key, label: option.label })) } } : {}),
      planningOptions: PLANNING_OPTIONS,
    };
  }

  /** The user tells which förskola/skola they work at; the chat reads the same choice. */
  async chooseSchool(user: TabUser, schoolKey: string): Promise<CancelResult> {
    const outcome = await this.deps.booking.chooseSchool(this.actor(user), schoolKey);
    switch (outcome.status) {
      case 'not-yours':
        throw new TabActionError('TAB_SCHOOL_FROM_ROLES', 'forbidden', 'Din skola eller ditt område står i rollfilen. Be den som sköter Samverkansboten att ändra det.');
      case 'unknown':
        throw new TabActionError('TAB_SCHOOL_NOT_IN_LIST', 'unprocessable', 'Den förskolan eller skolan finns inte i listan. Välj en annan.');
      case 'chosen':
        return { message: `Sparat: du arbetar på ${outcome.place.school} (${outcome.place.section.name}). Det gäller också i chatten.` };
    }
  }

  /** A socialsekreterare posts times in their area; the availability rules decide what is posted and what is skipped. */
  async postSlots(user: TabUser, request: AvailabilityRequest): Promise<PostSlotsResult> {
    const actor = this.actor(user);
    if (this.deps.booking.refusal('post-availability', actor)) {
      throw new TabActionError('TAB_ROLE_NOT_ALLOWED', 'forbidden', 'Bara socialsekreterare vid mottagningssektionen kan lägga upp tider.');
    }
    if (request.place !== undefined) this.refuseIdentifying(request.place);
    const outcome = await this.deps.booking.post(actor, request);
    switch (outcome.status) {
      case 'refused':
        throw new TabActionError('TAB_ROLE_NOT_ALLOWED', 'forbidden', 'Bara socialsekreterare vid mottagningssektionen kan lägga upp tider.');
      case 'invalid':
        throw new TabActionError('TAB_AVAILABILITY_INVALID', 'unprocessable', 'Tiderna kunde inte läggas upp.', {
          problems: outcome.problems.map((problem) => ({ code: problem.code, message: problem.text })),
        });
      case 'posted': {
        const posted = outcome.slots.length;
        const noun = request.kind === 'anmalningsmote' ? (posted === 1 ? 'tid för anmälningsmöte' : 'tider för anmälningsmöte') : posted === 1 ? 'konsultationstid' : 'konsultationstider';
        return {
          message: posted === 0 ? 'Inga tider lades upp.' : `${posted} ${noun} är upplagda.`,
          posted,
          skipped: outcome.skipped.map((skip) => ({ when: timeSpanText(skip.start, skip.end), reason: skipReasonText(skip.reason) })),
        };
      }
    }
  }

  /** A socialsekreterare cancels one of their slots; a booking on it is cancelled too and its booker told. */
  async cancelSlot(user: TabUser, slotId: string): Promise<CancelResult> {
    const outcome = await this.deps.booking.cancelSlot(this.actor(user), slotId);
    switch (outcome.status) {
      case 'refused':
        throw new TabActionError('TAB_ROLE_NOT_ALLOWED', 'forbidden', 'Bara socialsekreteraren som lagt upp en tid kan ta bort den.');
      case 'not-found':
        throw new TabActionError('TAB_SLOT_NOT_FOUND', 'not-found', 'Tiden finns inte längre.');
      case 'not-allowed':
        throw new TabActionError('TAB_SLOT_NOT_YOURS', 'forbidden', 'Du kan bara ta bort tider som du själv har lagt upp.');
      case 'already-cancelled':
        throw new TabActionError('TAB_SLOT_ALREADY_CANCELLED', 'conflict', 'Tiden är redan borttagen.');
      case 'cancelled':
        return outcome.cancelledBooking ? { message: `Tiden är avbokad. ${outcome.cancelledBooking.bookedBy.name} får besked i Teams.` } : { message: 'Tiden är borttagen.' };
    }
  }

  /** Books a free slot through the booking service; when someone was faster, offers the nearest free slots. */
  async book(user: TabUser, request: BookRequest): Promise<BookResult> {
    const outcome = await this.deps.booking.book(this.actor(user), { slotId: request.slotId, kind: request.kind, ...(request.planning ? { planning: request.planning } : {}) });
    switch (outcome.status) {
      case 'refused':
        throw new TabActionError(
          'TAB_ROLE_NOT_ALLOWED',
          'forbidden',
          bookActionFor(request.kind) === 'book-anmalningsmote'
            ? 'Bara rektorer och förskolechefer kan boka anmälningsmöten. Ring mottagningssektionen om ni behöver ett.'
            : 'Konsultationstider bokas av personal i förskola och skola.',
        );
      case 'no-school':
        throw new TabActionError('TAB_SCHOOL_UNKNOWN', 'forbidden', NO_SCHOOL_IN_TAB);
      case 'not-found':
        throw new TabActionError('TAB_SLOT_NOT_FOUND', 'not-found', 'Tiden finns inte längre. Välj en annan tid.');
      case 'own-slot':
        throw new TabActionError('TAB_SLOT_OWN', 'forbidden', 'Du kan inte boka en tid som du själv har lagt upp.');
      case 'other-area':
        throw new TabActionError('TAB_SLOT_OTHER_AREA', 'forbidden', 'Den tiden hör till en annan mottagningssektion än din skolas.');
      case 'outside-window':
        throw new TabActionError('TAB_SLOT_OUTSIDE_WINDOW', 'conflict', `Tider går att boka högst ${BOOKING_WINDOW_DAYS} dagar framåt.`);
      case 'taken': {
        const alternatives = outcome.alternatives.map((alternative) => this.alternative(alternative));
        throw new TabActionError(
          'TAB_SLOT_TAKEN',
          'conflict',
          alternatives.length > 0 ? 'Någon hann boka tiden före dig. Här är de närmaste lediga tiderna.' : 'Någon hann boka tiden före dig, och det finns inga andra lediga tider just nu. Ring mottagningssektionen.',
          { alternatives },
        );
      }
      case 'booked': {
        const { booking } = outcome;
        const what = booking.kind === 'anmalningsmote' ? 'Anmälningsmötet är bokat' : 'Konsultationen är bokad';
        return {
          reference: booking.reference,
          message: `${what} ${timeSpanText(booking.start, booking.end)} med ${booking.owner.name}. Referens ${booking.reference}${
            booking.kind === 'anmalningsmote' ? ' – spara den med skolans egna handlingar' : ''
          }. ${outcome.ownerNotified ? `${booking.owner.name} får besked i Teams.` : ownerNotNotifiedText(booking, this.deps.booking.sectionOf(booking.area), { plain: true })}`,
        };
      }
    }
  }

  /** The booker (or the socialsekreterare whose slot it is) cancels a booking; the other side is told. */
  async cancelBooking(user: TabUser, reference: string): Promise<CancelResult> {
    const outcome = await this.deps.booking.cancelBooking(this.actor(user), reference);
    switch (outcome.status) {
      case 'not-found':
        throw new TabActionError('TAB_BOOKING_NOT_FOUND', 'not-found', 'Det finns ingen bokning med den referensen.');
      case 'not-allowed':
        throw new TabActionError('TAB_BOOKING_NOT_YOURS', 'forbidden', 'Du kan bara avboka dina egna bokningar.');
      case 'already-cancelled':
        throw new TabActionError('TAB_BOOKING_ALREADY_CANCELLED', 'conflict', 'Bokningen är redan avbokad.');
      case 'cancelled': {
        const { booking, cancelledBy } = outcome;
        const other = cancelledBy === 'booker' ? booking.owner.name : booking.bookedBy.name;
        const what = booking.kind === 'anmalningsmote' ? 'Anmälningsmötet' : 'Konsultationen';
        const cancelled = booking.kind === 'anmalningsmote' ? 'är avbokat' : 'är avbokad';
        return { message: `${what} ${timeSpanText(booking.start, booking.end)} ${cancelled}. ${other} får besked i Teams.` };
      }
    }
  }

  /** By object id and tenant only, exactly as the chat asks; the token's sign-in name plays no part. */
  private actor(user: TabUser): BookingActor {
    return this.deps.booking.actor({ aadObjectId: user.id, ...(user.tenantId ? { tenantId: user.tenantId } : {}), name: user.name, ...(user.upn ? { upn: user.upn } : {}) });
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
    return weekContaining(wallClockIn(new Date(now.getTime() + this.deps.booking.rules.maximumHorizonDays * 86_400_000), WEEK_TIMEZONE));
  }

  private refuseIdentifying(text: string): void {
    const verdict = this.deps.guard.inspectValue(text);
    if (!verdict.identifying) return;
    throw new TabActionError(
      'TAB_PRIVACY_REFUSED',
      'unprocessable',
      `Platsen ser ut att innehålla ${namedCategories(verdict.categories)}. Skriv bara rum eller byggnad, till exempel ”Mottagningen, rum 2”. Inget har sparats. ${this.deps.callNowLine(this.deps.booking.now())}`,
      { categories: verdict.categories },
    );
  }

  private alternative(slot: Slot): AlternativeSlot {
    return { slotId: slot.id, kind: slot.kind, start: slot.start.toISOString(), when: timeSpanText(slot.start, slot.end), title: `${slot.owner.name} · ${this.deps.booking.sectionOf(slot.area).name}` };
  }
}

/** The service's texts are Markdown for the chat; the page shows plain text. */
function plainText(markdown: string): string {
  return markdown.replace(/\*\*/g, '');
}
