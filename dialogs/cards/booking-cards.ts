import type { StaffRole } from '../../municipality/roles.js';
import { DEFAULT_BOOKING_RULES, type BookingRules } from '../../booking/availability-rules.js';
import type { Booking, PlanningAnswers, Slot, SlotKind } from '../../booking/booking-model.js';
import type { BookingCardAction } from '../booking-card-actions.js';
import {
  kindLabel,
  kindText,
  meetingPlaceText,
  ownerText,
  PLANNING_OPTIONS,
  planningLines,
  slotButtonText,
  timeSpanText,
} from '../../booking/booking-texts.js';
import { formatCalendarDate, type CalendarDate } from '../../scheduling/clock.js';
import { calendarDateText } from '../../scheduling/swedish-time.js';
import { adaptiveCard, buttonStack, facts, heading, paragraph, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** What a booking button sends before Teams adds input values. */
type BookingButtonData = Exclude<BookingCardAction, { action: 'availability.post' | 'booking.confirm' }> | { action: 'booking.confirm'; slotId: string };

/**
 * A button that sends `data` back as `activity.value`. Plain data, no `msteams` messageBack envelope:
 * the Agents Playground's card renderer throws on `data.msteams`, so such a button does nothing there.
 */
export function bookingButton(title: string, data: BookingButtonData, options: { style?: 'positive' | 'destructive' } = {}): CardElement {
  return { type: 'Action.Submit', title, ...(options.style ? { style: options.style } : {}), data };
}

/** A button that submits the card's inputs with `data` (no echo: the inputs are the answer). */
function inputButton(title: string, data: Record<string, string>): CardElement {
  return { type: 'Action.Submit', title, style: 'positive', data };
}

/** The entry card: what this user may do with times and bookings, by role. */
export function bookingMenuCard(role: StaffRole): AdaptiveCard {
  const buttons =
    role.role === 'socialsekreterare'
      ? [
          bookingButton('Lägg upp tider', { action: 'booking.start', flow: 'lagg-upp-tider' }),
          bookingButton('Mina tider och bokningar', { action: 'booking.start', flow: 'mina-tider' }),
        ]
      : [
          ...(role.role === 'rektor' ? [bookingButton('Boka anmälningsmöte', { action: 'booking.start', flow: 'boka-anmalningsmote' })] : []),
          bookingButton('Boka konsultation', { action: 'booking.start', flow: 'boka-konsultation' }),
          bookingButton('Mina bokningar', { action: 'booking.start', flow: 'mina-bokningar' }),
        ];
  return adaptiveCard([heading('Tider och bokningar'), ...buttonStack(buttons)]);
}

/** Free slots to pick from, nearest first. */
export function freeSlotsCard(input: { kind: SlotKind; sectionName: string; days: number; slots: readonly Slot[]; notice?: string }): AdaptiveCard {
  const intro =
    input.kind === 'anmalningsmote'
      ? `Lediga tider hos ${input.sectionName} de kommande ${input.days} dagarna, närmast först. Lägg mötet inom 14 dagar från anmälan – socialtjänsten beslutar om utredning inom den tiden.`
      : `Lediga konsultationstider hos ${input.sectionName}, närmast först. Konsultationen är anonym: bara du och tiden sparas.`;
  return adaptiveCard([
    heading(input.kind === 'anmalningsmote' ? 'Boka anmälningsmöte' : 'Boka konsultation'),
    ...(input.notice ? [{ type: 'TextBlock', text: input.notice, wrap: true, color: 'Attention', weight: 'Bolder' } as CardElement] : []),
    paragraph(intro),
    ...buttonStack(input.slots.map((slot) => bookingButton(slotButtonText(slot), { action: 'booking.pick', slotId: slot.id }))),
  ]);
}

/** The planning points with the routine's answers preselected, and "Boka". */
export function planningCard(input: { slot: Slot; school: string; sectionName: string; planning?: PlanningAnswers }): AdaptiveCard {
  const planning = input.planning ?? { guardiansInvitedBy: 'skolan', ledBy: 'skolan', location: 'skolan' };
  const choice = (id: keyof PlanningAnswers, label: string, options: readonly { value: string; title: string }[]): CardElement => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'expanded',
    // The routine's answers are long: wrapped, they are read whole on a phone instead of cut with "…".
    wrap: true,
    isRequired: true,
    errorMessage: 'Välj ett av alternativen.',
    value: planning[id],
    choices: options.map((option) => ({ title: option.value === 'socialtjansten' && id === 'location' && input.slot.place ? `Hos socialtjänsten: ${input.slot.place}` : option.title, value: option.value })),
  });
  return adaptiveCard(
    [
      heading('Planera anmälningsmötet'),
      facts([
        ['Tid', timeSpanText(input.slot.start, input.slot.end)],
        ['Socialsekreterare', `${input.slot.owner.name}, ${input.sectionName}`],
        ['Förskola/skola', input.school],
      ]),
      paragraph('Rutinens svar är förvalda. Ändra bara om ni har kommit överens om något annat.', { subtle: true }),
      choice('guardiansInvitedBy', 'Vem kallar vårdnadshavarna?', PLANNING_OPTIONS.guardiansInvitedBy),
      choice('ledBy', 'Vem leder mötet?', PLANNING_OPTIONS.ledBy),
      choice('location', 'Var hålls mötet?', PLANNING_OPTIONS.location),
    ],
    [inputButton('Boka', { action: 'booking.confirm', slotId: input.slot.id }), bookingButton('Välj en annan tid', { action: 'booking.other' })],
  );
}

/** "Book this konsultation?" with the time and who calls. */
export function konsultationConfirmCard(input: { slot: Slot; sectionName: string }): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Boka konsultation'),
      facts([
        ['Tid', timeSpanText(input.slot.start, input.slot.end)],
        ['Socialsekreterare', `${input.slot.owner.name}, ${input.sectionName}`],
      ]),
      paragraph('Socialsekreteraren ringer upp dig i Teams. Konsultationen är anonym: nämn inte barnets namn eller personnummer.'),
    ],
    [bookingButton('Boka', { action: 'booking.confirm', slotId: input.slot.id }, { style: 'positive' }), bookingButton('Välj en annan tid', { action: 'booking.other' })],
  );
}

/** The confirmation both sides get: time, place, participants, planning, reference, calendar link and what they can do. */
export function bookingConfirmationCard(booking: Booking, input: { viewer: 'booker' | 'owner'; sectionName: string; calendarUrl?: string; title?: string }): AdaptiveCard {
  const meeting = booking.kind === 'anmalningsmote';
  const title = input.title ?? (input.viewer === 'booker' ? (meeting ? 'Anmälningsmötet är bokat' : 'Konsultationen är bokad') : `Ny bokning: ${kindText(booking.kind)}`);
  const rows: [string, string][] = [
    ['Tid', timeSpanText(booking.start, booking.end)],
    ['Plats', meetingPlaceText(booking.planning, booking)],
    ['Socialsekreterare', ownerText(booking, input.sectionName)],
    ['Bokat av', booking.bookedBy.name],
    ...(booking.school ? [['Förskola/skola', booking.school] as [string, string]] : []),
    ['Referens', booking.reference],
  ];
  // The calendar link has its own row above: three buttons in one row are cut on a phone.
  const calendarLink: CardElement[] = input.calendarUrl ? [{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Lägg till i kalendern (.ics)', url: input.calendarUrl }] }] : [];
  const actions: CardElement[] = [
    bookingButton('Flytta', { action: 'booking.move', reference: booking.reference }),
    bookingButton('Avboka', { action: 'booking.cancel', reference: booking.reference }, { style: 'destructive' }),
  ];
  return adaptiveCard(
    [
      heading(title),
      facts(rows),
      ...calendarLink,
      ...(booking.planning ? [{ type: 'TextBlock', text: planningLines(booking.planning, booking).map((line) => `- ${line}`).join('\n'), wrap: true } as CardElement] : []),
      paragraph(
        !meeting
          ? 'Här sparas bara vem som bokat och tiden. Du får en påminnelse arbetsdagen före.'
          : input.viewer === 'booker'
            ? 'Anteckna referensen i skolans egen dokumentation. Här finns inga uppgifter om barnet. Ni får en påminnelse arbetsdagen före.'
            : 'Skolan har referensen i sin egen dokumentation. Här finns inga uppgifter om barnet. Du får en påminnelse arbetsdagen före.',
        { subtle: true },
      ),
      paragraph(calendarHowTo(Boolean(input.calendarUrl)), { subtle: true }),
    ],
    actions,
  );
}

/** How the meeting gets into Outlook (and so into the Teams calendar), with or without the .ics link. */
function calendarHowTo(withLink: boolean): string {
  return withLink
    ? '**Till kalendern:** välj **Lägg till i kalendern (.ics)** och öppna filen. Outlook visar mötet – välj **Acceptera** eller **Spara**, så syns det också i kalendern i Teams.'
    : '**Till kalendern:** lägg in tiden som en ny händelse i Outlook eller i kalendern i Teams, med referensen ovan.';
}

/** The values the posting form can be filled with again after a refused submit. */
export type AvailabilityFormValues = Partial<Record<'dates' | 'date' | 'from' | 'to' | 'length' | 'buffer' | 'kind' | 'place' | 'repeatWeeks', string>>;

/**
 * The posting form: kind, the days (the coming working days to tick, several at once, or another
 * date), from–to, slot length, gap, place for meetings and weekly repeats. One submit posts them all.
 */
export function availabilityFormCard(input: {
  /** The working days offered as checkboxes, the first postable day first. */
  days: readonly CalendarDate[];
  problems?: readonly string[];
  values?: AvailabilityFormValues;
  rules?: BookingRules;
}): AdaptiveCard {
  const rules = input.rules ?? DEFAULT_BOOKING_RULES;
  const values = input.values ?? {};
  const hhmm = (time: { hour: number; minute: number }): string => `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
  const choices = (items: readonly (readonly [string, string])[]) => items.map(([value, title]) => ({ value, title }));
  const offered = input.days.map(formatCalendarDate);
  // Days ticked before a refused submit stay ticked even if they are no longer offered.
  const ticked = (values.dates ?? '').split(',').map((day) => day.trim()).filter((day) => /^\d{4}-\d{2}-\d{2}$/.test(day));
  const dayValues = [...new Set([...offered, ...ticked])].sort();
  const first = offered[0];
  return adaptiveCard(
    [
      heading('Lägg upp tider'),
      ...(input.problems && input.problems.length > 0
        ? [{ type: 'TextBlock', text: input.problems.map((problem) => `- ${problem}`).join('\n'), wrap: true, color: 'Attention' } as CardElement]
        : []),
      { type: 'Input.ChoiceSet', id: 'kind', label: 'Vad gäller tiderna?', style: 'expanded', isRequired: true, errorMessage: 'Välj vad tiderna gäller.', value: values.kind ?? 'konsultation', choices: choices([['konsultation', kindLabel('konsultation')], ['anmalningsmote', kindLabel('anmalningsmote')]]) },
      {
        type: 'Input.ChoiceSet',
        id: 'dates',
        label: 'Dagar – kryssa i en eller flera',
        style: 'expanded',
        isMultiSelect: true,
        value: ticked.join(','),
        choices: dayValues.map((day) => ({ value: day, title: dayTitle(day) })),
      },
      { type: 'Input.Date', id: 'date', label: 'Eller ett annat datum', ...(first ? { min: first } : {}), value: values.date ?? '' },
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'from', label: 'Från', isRequired: true, errorMessage: 'Välj när tiderna börjar.', min: hhmm(rules.dayStart), max: hhmm(rules.dayEnd), value: values.from ?? '13:00' }] },
          { type: 'Column', width: 'stretch', items: [{ type: 'Input.Time', id: 'to', label: 'Till', isRequired: true, errorMessage: 'Välj när tiderna slutar.', min: hhmm(rules.dayStart), max: hhmm(rules.dayEnd), value: values.to ?? '15:00' }] },
        ],
      },
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [{ type: 'Input.ChoiceSet', id: 'length', label: 'Längd per tid', value: values.length ?? '45', choices: rules.allowedLengthsMinutes.map((minutes) => ({ value: String(minutes), title: `${minutes} min` })) }] },
          { type: 'Column', width: 'stretch', items: [{ type: 'Input.ChoiceSet', id: 'buffer', label: 'Mellan tiderna', value: values.buffer ?? String(rules.defaultBufferMinutes), choices: [0, 15, 30, 45, 60].filter((m) => m <= rules.maxBufferMinutes).map((minutes) => ({ value: String(minutes), title: `${minutes} min` })) }] },
        ],
      },
      { type: 'Input.Text', id: 'place', label: 'Plats för anmälningsmöten hos er (om mötet inte hålls på skolan)', placeholder: 'T.ex. Mottagningen Södra, rum 2 – ingen gatuadress', maxLength: rules.maxPlaceLength, value: values.place ?? '' },
      { type: 'Input.ChoiceSet', id: 'repeatWeeks', label: 'Upprepa varje vecka', value: values.repeatWeeks ?? '1', choices: Array.from({ length: rules.maxRepeatWeeks }, (_, i) => ({ value: String(i + 1), title: i === 0 ? 'Nej, bara de valda dagarna' : `${i + 1} veckor` })) },
      paragraph('Alla tider läggs upp på en gång. Krockar en tid med en du redan har, eller har den redan varit, får du ändra innan något läggs upp. Helgdagar i upprepade veckor hoppas över.', { subtle: true }),
    ],
    [inputButton('Lägg upp', { action: 'availability.post' }), bookingButton('Mina tider och bokningar', { action: 'booking.start', flow: 'mina-tider' })],
  );
}

/** "tis 10 mars" for a form value "2026-03-10". */
function dayTitle(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return calendarDateText({ year, month, day: date }, { style: 'short' });
}

/** A socialsekreterare's coming slots: who booked what, with "Flytta" and "Ställ in" per slot. */
export function ownSlotsCard(input: { slots: readonly Slot[]; bookingsBySlot: ReadonlyMap<string, Booking>; more: number }): AdaptiveCard {
  const rows = input.slots.map((slot): CardElement => {
    const booking = input.bookingsBySlot.get(slot.id);
    const what = booking
      ? `**${timeSpanText(slot.start, slot.end)}** – ${kindText(slot.kind)}, bokad av ${booking.bookedBy.name}${booking.school ? `, ${booking.school}` : ''} (${booking.reference})`
      : `${timeSpanText(slot.start, slot.end)} – ${kindText(slot.kind)}, ledig`;
    const buttons = booking
      ? [
          bookingButton('Flytta', { action: 'booking.move', reference: booking.reference }),
          bookingButton('Ställ in', { action: 'slot.cancel', slotId: slot.id }, { style: 'destructive' }),
        ]
      : [bookingButton('Ta bort', { action: 'slot.cancel', slotId: slot.id })];
    return { type: 'Container', separator: true, items: [paragraph(what), { type: 'ActionSet', actions: buttons }] };
  });
  return adaptiveCard([
    heading('Mina tider och bokningar'),
    ...(rows.length > 0 ? rows : [paragraph('Du har inga kommande tider. Välj **Lägg upp tider** för att lägga upp några.')]),
    ...(input.more > 0 ? [paragraph(`… och ${input.more} tider till längre fram.`, { subtle: true })] : []),
  ], [bookingButton('Lägg upp tider', { action: 'booking.start', flow: 'lagg-upp-tider' })]);
}

/** A booker's coming bookings with "Flytta" and "Avboka". */
export function myBookingsCard(input: { bookings: readonly Booking[]; sectionName: (booking: Booking) => string }): AdaptiveCard {
  const rows = input.bookings.map((booking): CardElement => ({
    type: 'Container',
    separator: true,
    items: [
      paragraph(`**${timeSpanText(booking.start, booking.end)}** – ${kindText(booking.kind)} med ${ownerText(booking, input.sectionName(booking))}. Referens ${booking.reference}.`),
      {
        type: 'ActionSet',
        actions: [
          bookingButton('Flytta', { action: 'booking.move', reference: booking.reference }),
          bookingButton('Avboka', { action: 'booking.cancel', reference: booking.reference }, { style: 'destructive' }),
        ],
      },
    ],
  }));
  return adaptiveCard([heading('Mina bokningar'), ...(rows.length > 0 ? rows : [paragraph('Du har inga kommande bokningar.')])]);
}

/** "Cancel this?" before anything is cancelled. */
export function confirmCancelCard(input: { title: string; text: string; confirm: BookingButtonData; confirmTitle: string }): AdaptiveCard {
  return adaptiveCard(
    [heading(input.title), paragraph(input.text)],
    [bookingButton(input.confirmTitle, input.confirm, { style: 'destructive' }), bookingButton('Nej, behåll', { action: 'booking.keep' })],
  );
}

/** Free slots to move a booking to. */
export function moveTargetsCard(input: { booking: Booking; slots: readonly Slot[]; notice?: string }): AdaptiveCard {
  return adaptiveCard([
    heading(`Flytta ${kindText(input.booking.kind)}`),
    ...(input.notice ? [{ type: 'TextBlock', text: input.notice, wrap: true, color: 'Attention', weight: 'Bolder' } as CardElement] : []),
    paragraph(`Nu: ${timeSpanText(input.booking.start, input.booking.end)} (referens ${input.booking.reference}). Välj en ny tid – referensen behålls och den gamla tiden blir ledig:`),
    ...buttonStack(input.slots.map((slot) => bookingButton(slotButtonText(slot), { action: 'booking.moveTo', reference: input.booking.reference, slotId: slot.id }))),
    ...buttonStack([bookingButton('Behåll tiden', { action: 'booking.keep' })]),
  ]);
}
