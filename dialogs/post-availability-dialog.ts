import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from './dialog-classes.js';
import {
  firstPostableDay,
  MAX_DATES_PER_REQUEST,
  parseCalendarDate,
  parseWallTime,
  workingDaysFrom,
  type AvailabilityRequest,
} from '../booking/availability-rules.js';
import type { PostAvailabilityOutcome } from '../booking/booking-model.js';
import type { BookingActor } from '../booking/booking-service.js';
import { kindText, skipReasonText, timeSpanText } from '../booking/booking-texts.js';
import type { CalendarDate } from '../scheduling/clock.js';
import { instantClockText, instantDateText } from '../scheduling/swedish-time.js';
import type { BookingCardAction } from './booking-card-actions.js';
import { BookingCardPrompt, cardQuestion } from './booking-card-prompt.js';
import type { BookingDependencies } from './booking-ports.js';
import { adaptiveCard, cardActivity, paragraph } from './cards/adaptive-card.js';
import { availabilityFormCard, bookingButton, type AvailabilityFormValues } from './cards/booking-cards.js';

/** Dialog id of "Lägg upp tider". */
export const POST_AVAILABILITY_DIALOG_ID = 'postAvailabilityDialog';

/** Options: problems to show above the form and the values to fill it with (after a refused submit). */
export interface PostAvailabilityOptions {
  readonly problems?: readonly string[];
  readonly values?: AvailabilityFormValues;
}

interface PostValues {
  actor: BookingActor;
}

type PostSubmit = Extract<BookingCardAction, { action: 'availability.post' }>;

const WATERFALL = 'postAvailabilityDialog.waterfall';
const PROMPT = 'postAvailabilityDialog.prompt';
const LISTED = 10;
/** Working days offered as checkboxes: two weeks. */
const DAYS_OFFERED = 10;

/**
 * "Lägg upp tider" for a socialsekreterare: one Adaptive Card form (kind, several days at once or
 * another date, from–to, slot length, gap, place for anmälningsmöten, weekly repeats), checked
 * against the booking rules. All or nothing: a time that collides or has passed shows the form again
 * with what to fix and everything typed kept; otherwise one summary lists every time posted.
 */
export class PostAvailabilityDialog extends ComponentDialog {
  constructor(private readonly deps: BookingDependencies) {
    super(POST_AVAILABILITY_DIALOG_ID);
    this.addDialog(new BookingCardPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.showForm.bind(this), this.postTimes.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async showForm(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as PostAvailabilityOptions;
    const actor = await this.deps.staff.identify(step.context);
    const refused = this.deps.service.refusal('post-availability', actor);
    if (refused) {
      await step.context.sendActivity(refused.text);
      return step.endDialog();
    }
    Object.assign(step.values, { actor } satisfies PostValues);
    const rules = this.deps.service.rules;
    const days = workingDaysFrom(firstPostableDay(this.deps.service.now(), rules), DAYS_OFFERED);
    const card = availabilityFormCard({ days, problems: options.problems, values: options.values, rules });
    return step.prompt(PROMPT, cardQuestion(cardActivity(card), 'Fyll i formuläret ovan och välj **Lägg upp** – eller skriv **avbryt**.', ['availability.post']));
  }

  private async postTimes(step: WaterfallStepContext) {
    const { actor } = step.values as PostValues;
    const submit = step.result as PostSubmit;
    const values = formValues(submit);
    const request = requestFrom(submit);
    if (request === 'no-day') return step.replaceDialog(WATERFALL, { problems: ['Välj minst en dag, eller ett annat datum.'], values } satisfies PostAvailabilityOptions);
    if (!request) return step.replaceDialog(WATERFALL, { problems: ['Skriv datum som ÅÅÅÅ-MM-DD och tider som TT:MM.'], values } satisfies PostAvailabilityOptions);

    const outcome = await this.deps.service.post(actor, request);
    if (outcome.status === 'refused') return step.endDialog();
    if (outcome.status === 'invalid') {
      return step.replaceDialog(WATERFALL, { problems: outcome.problems.map((problem) => problem.text), values } satisfies PostAvailabilityOptions);
    }
    await step.context.sendActivity(cardActivity(adaptiveCard([paragraph(this.summary(outcome, request, outcome.section.name))], [
      bookingButton('Mina tider och bokningar', { action: 'booking.start', flow: 'mina-tider' }),
      bookingButton('Lägg upp fler', { action: 'booking.start', flow: 'lagg-upp-tider' }),
    ])));
    return step.endDialog();
  }

  private summary(outcome: Extract<PostAvailabilityOutcome, { status: 'posted' }>, request: AvailabilityRequest, section: string): string {
    const lines: string[] = [];
    if (outcome.slots.length === 0) {
      lines.push('Jag lade inte upp några tider.');
    } else {
      lines.push(`Klart! Jag har lagt upp ${outcome.slots.length} ${outcome.slots.length === 1 ? 'tid' : 'tider'} för ${kindText(request.kind)} hos ${section}:`);
      const days = byDay(outcome.slots);
      lines.push(...days.slice(0, LISTED).map((day) => `- ${day.date} kl. ${day.times.join(', ')}`));
      if (days.length > LISTED) lines.push(`- … och ${days.length - LISTED} dagar till`);
    }
    if (outcome.skipped.length > 0) {
      lines.push('', `Hoppade över ${outcome.skipped.length}:`);
      lines.push(...outcome.skipped.slice(0, LISTED).map((slot) => `- ${timeSpanText(slot.start, slot.end)} – ${skipReasonText(slot.reason)}`));
      if (outcome.skipped.length > LISTED) lines.push(`- … och ${outcome.skipped.length - LISTED} till`);
    }
    return lines.join('\n');
  }
}

/** Slots grouped by day, in order: "tisdag 10 mars" with "13.00–13.45", "14.00–14.45". */
function byDay(slots: readonly { readonly start: Date; readonly end: Date }[]): { date: string; times: string[] }[] {
  const days: { date: string; times: string[] }[] = [];
  for (const slot of slots) {
    const date = instantDateText(slot.start);
    const time = `${instantClockText(slot.start)}–${instantClockText(slot.end)}`;
    const last = days.at(-1);
    if (last?.date === date) last.times.push(time);
    else days.push({ date, times: [time] });
  }
  return days;
}

/** The form's values as strings, to fill the form again after a refused submit. */
function formValues(submit: PostSubmit): AvailabilityFormValues {
  return {
    kind: submit.kind,
    dates: submit.dates ?? '',
    date: submit.date ?? '',
    from: submit.from,
    to: submit.to,
    length: String(submit.length),
    ...(submit.buffer === undefined ? {} : { buffer: String(submit.buffer) }),
    place: submit.place ?? '',
    repeatWeeks: String(submit.repeatWeeks),
  };
}

/** The request the form describes, all or nothing; 'no-day' when no day was chosen, undefined when unreadable. */
function requestFrom(submit: PostSubmit): AvailabilityRequest | 'no-day' | undefined {
  const written = [...(submit.dates ?? '').split(','), submit.date ?? ''].map((day) => day.trim()).filter(Boolean);
  if (written.length === 0) return 'no-day';
  const dates = written.map(parseCalendarDate);
  const from = parseWallTime(submit.from);
  const to = parseWallTime(submit.to);
  if (dates.some((date) => date === undefined) || !from || !to) return undefined;
  const [date, ...moreDates] = (dates as CalendarDate[]).slice(0, MAX_DATES_PER_REQUEST + 1);
  return {
    kind: submit.kind,
    date: date!,
    ...(moreDates.length > 0 ? { moreDates } : {}),
    allOrNothing: true,
    from,
    to,
    slotLengthMinutes: submit.length,
    ...(submit.buffer === undefined ? {} : { bufferMinutes: submit.buffer }),
    repeatWeeks: submit.repeatWeeks,
    ...(submit.kind === 'anmalningsmote' && submit.place ? { place: submit.place } : {}),
  };
}
