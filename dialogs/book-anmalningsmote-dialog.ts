import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { StaffRole } from '../municipality/roles.js';
import type { Area } from '../municipality/contacts.js';
import { ANMALNINGSMOTE_WINDOW_DAYS, bookingWindow, DEFAULT_BOOKING_RULES } from '../booking/availability-rules.js';
import { DEFAULT_PLANNING, type PlanningAnswers, type SlotKind, type StaffMember } from '../booking/booking-model.js';
import { bookActionFor, bookerSchool, notifySafely, refusalFor } from '../booking/booking-access.js';
import type { BookingCardAction } from './booking-card-actions.js';
import { BookingCardPrompt, cardQuestion } from './booking-card-prompt.js';
import type { BookingDependencies } from './booking-ports.js';
import { kindText } from '../booking/booking-texts.js';
import { cardActivity } from './cards/adaptive-card.js';
import { bookingConfirmationCard, freeSlotsCard, konsultationConfirmCard, planningCard } from './cards/booking-cards.js';
import { SCHOOL_DIALOG_ID } from './school-dialog.js';

/** Dialog id of booking an anmälningsmöte (or, with `kind: 'konsultation'`, a konsultation). */
export const BOOK_ANMALNINGSMOTE_DIALOG_ID = 'bookAnmalningsmoteDialog';

/** Options: which kind of slot to book (default anmälningsmöte), and a notice to show above the times. */
export interface BookAnmalningsmoteOptions {
  readonly kind?: SlotKind;
  readonly notice?: string;
}

/** How booking ended, for the router. */
export interface BookAnmalningsmoteResult {
  readonly status: 'booked' | 'refused' | 'no-school' | 'no-slots';
  readonly reference?: string;
}

/** What the steps keep between turns (dialog state: plain JSON). */
interface BookingValues {
  kind: SlotKind;
  member: StaffMember;
  role: StaffRole;
  school?: string;
  area?: Area;
}

const WATERFALL = 'bookAnmalningsmoteDialog.waterfall';
const PROMPT = 'bookAnmalningsmoteDialog.prompt';
const SLOTS_SHOWN = 6;
const RETRY_TEXT = 'Välj med knapparna på kortet ovan – eller skriv **avbryt** om du vill sluta.';

/**
 * Books a slot in the user's area in at most three turns: the free times (nearest first, within the
 * coming 14 days), the planning points with the routine's answers preselected (anmälningsmöte) or a
 * short confirmation (konsultation), then the booking itself — one atomic store call — and the
 * confirmation with the calendar link, on both sides. Someone faster gets the slot: the user is shown
 * the next free times.
 */
export class BookAnmalningsmoteDialog extends ComponentDialog {
  constructor(private readonly deps: BookingDependencies) {
    super(BOOK_ANMALNINGSMOTE_DIALOG_ID);
    this.addDialog(new BookingCardPrompt(PROMPT));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.checkRoleAndSchool.bind(this),
        this.showFreeSlots.bind(this),
        this.askPlanning.bind(this),
        this.bookChosenSlot.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async checkRoleAndSchool(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as BookAnmalningsmoteOptions;
    const kind = options.kind ?? 'anmalningsmote';
    const { member, role } = await this.deps.staff.identify(step.context);
    const refusal = refusalFor(bookActionFor(kind), role);
    if (refusal) {
      this.deps.events?.bookingEvent('BOOKING_REFUSED', { kind, role: role.role });
      await step.context.sendActivity(refusal);
      return step.endDialog({ status: 'refused' } satisfies BookAnmalningsmoteResult);
    }
    const values: BookingValues = { kind, member, role };
    Object.assign(step.values, values);
    if (await bookerSchool(step.context, this.deps, role)) return step.next();
    // Ask the school once (when the bot has the school question), then come back here.
    if (step.findDialog(SCHOOL_DIALOG_ID)) return step.beginDialog(SCHOOL_DIALOG_ID);
    return step.next();
  }

  private async showFreeSlots(step: WaterfallStepContext) {
    const values = step.values as BookingValues;
    const options = (step.options ?? {}) as BookAnmalningsmoteOptions;
    const place = await bookerSchool(step.context, this.deps, values.role);
    if (!place) {
      await step.context.sendActivity(
        'Jag vet inte vilken förskola eller skola du arbetar på, så jag vet inte vilken mottagningssektion som har dina tider. Skriv **byt skola** och välj den – sedan visar jag lediga tider.',
      );
      return step.endDialog({ status: 'no-school' } satisfies BookAnmalningsmoteResult);
    }
    values.school = place.school;
    values.area = place.area;

    const now = this.deps.clock.now();
    const window = bookingWindow(now, ANMALNINGSMOTE_WINDOW_DAYS, this.rules);
    const slots = await this.deps.availability.findFreeSlots({ area: place.area, kind: values.kind, from: window.from, to: window.to, limit: SLOTS_SHOWN });
    const section = this.deps.schools.sectionOf(place.area);
    if (slots.length === 0) {
      this.deps.events?.bookingEvent('BOOKING_NO_FREE_SLOTS', { kind: values.kind, area: place.area });
      await step.context.sendActivity(
        `${options.notice ? `${options.notice}\n\n` : ''}Det finns inga lediga tider för ${kindText(values.kind)} hos ${section.name} de kommande ${ANMALNINGSMOTE_WINDOW_DAYS} dagarna. ` +
          `Ring [${section.phone}](${section.tel}) så kommer ni överens om en tid.`,
      );
      return step.endDialog({ status: 'no-slots' } satisfies BookAnmalningsmoteResult);
    }
    const card = cardActivity(freeSlotsCard({ kind: values.kind, sectionName: section.name, days: ANMALNINGSMOTE_WINDOW_DAYS, slots, notice: options.notice }));
    return step.prompt(PROMPT, cardQuestion(card, RETRY_TEXT, ['booking.pick']));
  }

  private async askPlanning(step: WaterfallStepContext) {
    const values = step.values as BookingValues;
    const pick = step.result as Extract<BookingCardAction, { action: 'booking.pick' }>;
    const slot = await this.deps.availability.getSlot(pick.slotId);
    if (!slot || slot.status !== 'free' || slot.kind !== values.kind || slot.area !== values.area) {
      return step.replaceDialog(WATERFALL, { kind: values.kind, notice: 'Den tiden är inte längre ledig. Här är de lediga tiderna nu:' } satisfies BookAnmalningsmoteOptions);
    }
    const sectionName = this.deps.schools.sectionOf(slot.area).name;
    const card =
      values.kind === 'anmalningsmote'
        ? planningCard({ slot, school: values.school ?? '', sectionName })
        : konsultationConfirmCard({ slot, sectionName });
    return step.prompt(PROMPT, cardQuestion(cardActivity(card), RETRY_TEXT, ['booking.confirm', 'booking.other']));
  }

  private async bookChosenSlot(step: WaterfallStepContext) {
    const values = step.values as BookingValues;
    const answer = step.result as Extract<BookingCardAction, { action: 'booking.confirm' | 'booking.other' }>;
    if (answer.action === 'booking.other') return step.replaceDialog(WATERFALL, { kind: values.kind } satisfies BookAnmalningsmoteOptions);

    const now = this.deps.clock.now();
    const window = bookingWindow(now, ANMALNINGSMOTE_WINDOW_DAYS, this.rules);
    const planning: PlanningAnswers | undefined =
      values.kind === 'anmalningsmote'
        ? {
            guardiansInvitedBy: answer.guardiansInvitedBy ?? DEFAULT_PLANNING.guardiansInvitedBy,
            ledBy: answer.ledBy ?? DEFAULT_PLANNING.ledBy,
            location: answer.location ?? DEFAULT_PLANNING.location,
          }
        : undefined;
    const outcome = await this.deps.bookings.bookSlot({
      slotId: answer.slotId,
      kind: values.kind,
      bookedBy: values.member,
      school: values.school,
      planning,
      now,
      earliestStart: window.from,
      alternativesUntil: window.to,
    });

    if (outcome.status !== 'booked') {
      this.deps.events?.bookingEvent('BOOKING_SLOT_TAKEN', { kind: values.kind });
      const notice = outcome.status === 'taken' ? 'Tiden hann bokas av någon annan just nu. Här är de närmaste lediga tiderna:' : 'Den tiden finns inte längre. Här är de lediga tiderna nu:';
      return step.replaceDialog(WATERFALL, { kind: values.kind, notice } satisfies BookAnmalningsmoteOptions);
    }

    const { booking } = outcome;
    this.deps.events?.bookingEvent('BOOKING_BOOKED', { kind: booking.kind, area: booking.area });
    const sectionName = this.deps.schools.sectionOf(booking.area).name;
    await step.context.sendActivity(
      cardActivity(bookingConfirmationCard(booking, { viewer: 'booker', sectionName, calendarUrl: this.deps.calendarLinks.invitationUrl(booking) })),
    );
    await notifySafely(this.deps, 'BOOKING_NOTIFY_FAILED', () => this.deps.notifier.bookingConfirmed(booking));
    return step.endDialog({ status: 'booked', reference: booking.reference } satisfies BookAnmalningsmoteResult);
  }

  private get rules() {
    return this.deps.rules ?? DEFAULT_BOOKING_RULES;
  }
}
