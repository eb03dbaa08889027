import type { AvailabilityProblem, BookingRules, SkipReason } from './availability-rules.js';
import type { Booking, PlanningAnswers, Slot, SlotKind } from './booking-model.js';
import { clockText, instantClockText, instantDateText, timeSpanText } from '../scheduling/swedish-time.js';
import type { CalendarInvitation } from '../scheduling/ics.js';

/** The wording of availability and booking, in one place: times, places, planning answers and rule problems. */

/** "tisdag 10 mars kl. 10.00–10.45", in Swedish time. */
export { timeSpanText };

/** "anmälningsmöte" or "konsultation", as a noun in running text. */
export function kindText(kind: SlotKind): string {
  return kind === 'anmalningsmote' ? 'anmälningsmöte' : 'konsultation';
}

/** "Anmälningsmöte" or "Konsultation (telefon/Teams)", as a label. */
export function kindLabel(kind: SlotKind): string {
  return kind === 'anmalningsmote' ? 'Anmälningsmöte' : 'Konsultation (telefon/Teams)';
}

/** One slot as a button title short enough not to be cut on a narrow card: "tis 10 mars 10.00–10.45 · Ahmed". */
export function slotButtonText(slot: Slot): string {
  const firstName = slot.owner.name.trim().split(/\s+/)[0] ?? slot.owner.name;
  return `${instantDateText(slot.start, 'short')} ${instantClockText(slot.start)}–${instantClockText(slot.end)} · ${firstName}`;
}

/** The answer options of each planning point, the routine's default first. */
export const PLANNING_OPTIONS = {
  guardiansInvitedBy: [
    { value: 'skolan', title: 'Förskolan/skolan kallar vårdnadshavarna (rutinen)' },
    { value: 'socialtjansten', title: 'Socialsekreteraren kallar vårdnadshavarna' },
  ],
  ledBy: [
    { value: 'skolan', title: 'Förskolan/skolan leder mötet och berättar om sin oro (rutinen)' },
    { value: 'socialtjansten', title: 'Socialsekreteraren leder mötet; förskolan/skolan berättar om sin oro' },
  ],
  location: [
    { value: 'skolan', title: 'På förskolan/skolan (rutinen)' },
    { value: 'socialtjansten', title: 'Hos socialtjänsten' },
    { value: 'digitalt', title: 'Digitalt i Teams' },
  ],
} as const satisfies { readonly [Point in keyof PlanningAnswers]: readonly { readonly value: PlanningAnswers[Point]; readonly title: string }[] };

/** The planning answers as three short sentences. */
export function planningLines(planning: PlanningAnswers, booking: Pick<Booking, 'school' | 'place'>): string[] {
  return [
    planning.guardiansInvitedBy === 'skolan' ? 'Förskolan/skolan kallar vårdnadshavarna.' : 'Socialsekreteraren kallar vårdnadshavarna.',
    planning.ledBy === 'skolan'
      ? 'Förskolan/skolan leder mötet och berättar om sin oro.'
      : 'Socialsekreteraren leder mötet; förskolan/skolan berättar om sin oro.',
    `Plats: ${meetingPlaceText(planning, booking)}.`,
  ];
}

/** Where the meeting is: the school, the slot's place at social services, or Teams. */
export function meetingPlaceText(planning: PlanningAnswers | undefined, booking: Pick<Booking, 'school' | 'place'>): string {
  if (!planning) return 'Telefon eller Teams – socialsekreteraren ringer upp';
  switch (planning.location) {
    case 'skolan':
      return booking.school ?? 'förskolan/skolan';
    case 'socialtjansten':
      return booking.place ?? 'hos socialtjänsten';
    case 'digitalt':
      return 'Digitalt i Teams';
  }
}

/** Swedish for each rule a posting can break, with the limits of the rules in force. */
export function availabilityProblemText(problem: AvailabilityProblem, rules: BookingRules): string {
  const limits = {
    maxRepeatWeeks: rules.maxRepeatWeeks,
    lengths: rules.allowedLengthsMinutes,
    dayStart: clockText(rules.dayStart),
    dayEnd: clockText(rules.dayEnd),
    interval: rules.slotIntervalMinutes,
  };
  switch (problem) {
    case 'window-reversed':
      return 'Sluttiden måste vara senare än starttiden.';
    case 'outside-day':
      return `Tiderna måste ligga mellan ${limits.dayStart} och ${limits.dayEnd}.`;
    case 'off-interval':
      return `Start, slut och mellanrum måste vara hela kvartar (var ${limits.interval}:e minut).`;
    case 'length-not-allowed':
      return `Välj en längd på ${limits.lengths.join(', ')} minuter.`;
    case 'window-too-short':
      return 'Det ryms ingen hel tid mellan start och slut. Förläng tiden eller välj kortare tider.';
    case 'buffer-out-of-range':
      return 'Mellanrummet mellan tiderna är för långt.';
    case 'repeat-out-of-range':
      return `Upprepa högst ${limits.maxRepeatWeeks} veckor.`;
    case 'place-missing':
      return 'Skriv var anmälningsmöten kan hållas hos er, till exempel ”Mottagningen Södra, rum 2”.';
    case 'place-too-long':
      return 'Skriv platsen kortare – ett rum eller en byggnad räcker.';
    case 'too-many-dates':
      return 'Välj högst tio dagar åt gången – eller färre dagar och upprepa varje vecka.';
  }
}

/** One time that stopped an all-or-nothing posting, and why, for the form's list of what to fix. */
export function conflictText(slot: { readonly start: Date; readonly end: Date; readonly reason: SkipReason }): string {
  const when = timeSpanText(slot.start, slot.end);
  switch (slot.reason) {
    case 'overlap':
      return `${when} krockar med en tid du redan har lagt upp (eller ligger närmare den än mellanrummet).`;
    case 'past':
      return `${when} har redan varit.`;
    case 'lead-time':
      return `${when} ligger för nära inpå för att någon ska hinna boka den.`;
    case 'closed-day':
      return `${when} ligger på en helg eller helgdag.`;
    case 'beyond-horizon':
      return `${when} ligger för långt fram.`;
  }
}

/** Why a slot was left out, as a short phrase. */
export function skipReasonText(reason: SkipReason): string {
  switch (reason) {
    case 'past':
      return 'tiden har redan varit';
    case 'lead-time':
      return 'för nära inpå för att hinna bokas';
    case 'beyond-horizon':
      return 'för långt fram';
    case 'closed-day':
      return 'helg eller helgdag';
    case 'overlap':
      return 'krockar med en av dina andra tider';
  }
}

/** Who the user meets, for the booker: "Ahmed, Mottagningssektion Södra". */
export function ownerText(booking: Pick<Booking, 'owner'>, sectionName: string): string {
  return `${booking.owner.name}, ${sectionName}`;
}

/**
 * When the socialsekreterare could not be told of a new booking: calm, the booking stands, and what
 * to do — call the mottagningssektion with the time and reference, so the meeting is not missed.
 */
export function ownerNotNotifiedText(
  booking: Pick<Booking, 'owner' | 'kind' | 'start' | 'end' | 'reference'>,
  section: { readonly name: string; readonly phone: string; readonly tel: string },
  options: { readonly plain?: boolean } = {},
): string {
  const phone = options.plain ? section.phone : `[${section.phone}](${section.tel})`;
  return (
    `Bokningen är gjord och sparad, men jag kunde inte skicka bekräftelsen till ${booking.owner.name} i Teams just nu. ` +
    `Ring ${section.name} på ${phone} och säg att ni har bokat ${kindText(booking.kind)} ${timeSpanText(booking.start, booking.end)}, referens ${booking.reference}.`
  );
}

/** Used as organizer or attendee address when the roles file gives no UPN; calendars show it but never mail it. */
export const NO_EMAIL = 'ingen-adress@samverkansboten.invalid';

/** The booking as a calendar invitation: no child data, only time, place, participants and planning. */
export function bookingInvitation(booking: Booking, method: CalendarInvitation['method'], stamp: Date, sectionName: string): CalendarInvitation {
  const title = booking.kind === 'anmalningsmote' ? `Anmälningsmöte${booking.school ? `, ${booking.school}` : ''}` : 'Konsultation med socialtjänsten';
  const lines = [
    `Referens ${booking.reference}.`,
    `Socialsekreterare: ${ownerText(booking, sectionName)}.`,
    `Bokat av: ${booking.bookedBy.name}${booking.school ? `, ${booking.school}` : ''}.`,
    ...(booking.planning ? planningLines(booking.planning, booking) : ['Konsultationen är anonym: nämn inte barnets namn eller personnummer.']),
    'Bokat via Samverkansboten.',
  ];
  return {
    method,
    uid: booking.reference,
    sequence: booking.version,
    start: booking.start,
    end: booking.end,
    stamp,
    summary: title,
    description: lines.join('\n'),
    location: meetingPlaceText(booking.planning, booking),
    organizer: { name: booking.owner.name, email: booking.owner.upn ?? NO_EMAIL },
    attendees: [{ name: booking.bookedBy.name, email: booking.bookedBy.upn ?? NO_EMAIL }],
  };
}
