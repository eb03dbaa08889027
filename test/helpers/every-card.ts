/** Every card the bot can send, built from the real municipality pack with realistic times and bookings (for the parser test and the 360 px render). */
import { escalationCard } from '../../bot/escalation-card.js';
import type { Booking, Slot } from '../../booking/booking-model.js';
import type { KnowledgeBase } from '../../knowledge/load-knowledge.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import type { RoutineTexts } from '../../municipality/routine-texts.js';
import { schoolOptions } from '../../municipality/schools.js';
import { whoToCall } from '../../triage/who-to-call.js';
import { adaptiveCard, paragraph, submitAction, type AdaptiveCard } from '../../dialogs/cards/adaptive-card.js';
import { alertFollowUpCard } from '../../dialogs/cards/alert-follow-up-card.js';
import {
  availabilityFormCard,
  bookingButton,
  bookingConfirmationCard,
  bookingMenuCard,
  confirmCancelCard,
  freeSlotsCard,
  konsultationConfirmCard,
  moveTargetsCard,
  myBookingsCard,
  ownSlotsCard,
  planningCard,
} from '../../dialogs/cards/booking-cards.js';
import {
  ageGroupCard,
  concernCard,
  consultationGuidanceCard,
  consultationNextStepsCard,
  consultationSummaryCard,
  durationCard,
  schoolActionsCard,
} from '../../dialogs/cards/consultation-cards.js';
import { escalationOfferCard } from '../../dialogs/cards/escalation-offer-card.js';
import { mainMenuCard } from '../../dialogs/cards/main-menu-card.js';
import { personalChatRedirectActivity } from '../../dialogs/cards/personal-chat-card.js';
import { commandsFor } from '../../dialogs/typed-commands.js';
import {
  acuteQuestionCard,
  anmalningsmoteCard,
  bookAnmalningsmoteOfferCard,
  dutyToReportCard,
  writtenReportCard,
  whatHappensNextCard,
} from '../../dialogs/cards/orosanmalan-cards.js';
import { schoolCard } from '../../dialogs/cards/school-card.js';
import { whoToCallCard } from '../../dialogs/cards/who-to-call-card.js';
import { stockholm } from '../dialogs/dialog-harness.js';

/** One card as the bot sends it, with a name that says where it comes from. */
export interface NamedCard {
  readonly name: string;
  readonly card: object;
}

/** The coming working days the posting form offers on a Monday. */
const WORKING_DAYS = [7, 8, 9, 10, 11, 14, 15, 16, 17, 18].map((day) => ({ year: 2026, month: 12, day }));

const NOW = stockholm(2026, 12, 7, 12, 35); // a Monday at lunch: the mottagningssektion is closed
const OPEN = stockholm(2026, 12, 7, 14, 10);

const ahmed = { id: 'aad-ahmed', name: 'Ahmed Socialsekreterare', teamsId: '29:ahmed', upn: 'ahmed@botkyrka.example' };
const maria = { id: 'aad-maria', name: 'Maria Rektor', teamsId: '29:maria', upn: 'maria@botkyrka.example' };

function slot(id: string, kind: Slot['kind'], day: number, hour: number, place?: string): Slot {
  return {
    id,
    owner: ahmed,
    area: 'sodra',
    kind,
    start: stockholm(2026, 12, day, hour, 0),
    end: stockholm(2026, 12, day, hour, 45),
    ...(place ? { place } : {}),
    status: 'free',
    version: 1,
  };
}

function booking(kind: Booking['kind'], reference: string, bookedSlot: Slot): Booking {
  return {
    id: `booking-${reference}`,
    reference,
    slotId: bookedSlot.id,
    kind,
    area: bookedSlot.area,
    start: bookedSlot.start,
    end: bookedSlot.end,
    ...(bookedSlot.place ? { place: bookedSlot.place } : {}),
    owner: ahmed,
    bookedBy: maria,
    ...(kind === 'anmalningsmote' ? { school: 'Tunaskolan', planning: { guardiansInvitedBy: 'skolan', ledBy: 'skolan', location: 'skolan' } as const } : {}),
    status: 'booked',
    version: 0,
    createdAt: NOW,
  };
}

const PERSONAL_CHAT_URL = 'https://teams.microsoft.com/l/chat/0/0?users=28:11111111-2222-3333-4444-555555555555';

/** Builds every card the bot can send, from the real municipality pack and realistic times and bookings. */
export function everyCard(knowledge: KnowledgeBase, routines: RoutineTexts): NamedCard[] {
  const entries = (ids: readonly string[]): KnowledgeEntry[] => ids.map((id) => knowledge.byId(id)!).filter(Boolean);
  const entry = (id: string): KnowledgeEntry => knowledge.byId(id)!;
  const contacts = knowledge.contacts;
  const closedNorr = whoToCall(contacts, NOW, 'norr');
  const openSodra = whoToCall(contacts, OPEN, 'sodra');
  const unknownArea = whoToCall(contacts, NOW);
  const consultation = routines.konsultation;
  const orosanmalan = routines.orosanmalan;
  const meetingSlots = [slot('s1', 'anmalningsmote', 8, 10, 'Mottagningen Södra, rum 2'), slot('s2', 'anmalningsmote', 10, 13), slot('s3', 'anmalningsmote', 15, 9)];
  const consultationSlot = slot('k1', 'konsultation', 10, 13);
  const meeting = booking('anmalningsmote', 'AM-7K3Q-9D', meetingSlots[0]!);
  const consultationBooking = booking('konsultation', 'KO-4H2P-7C', consultationSlot);
  const escalation = { escalationId: 'bcdfghjkmnpqrstvwxzbcdfghj', sectionName: 'Mottagningssektion Norr', requesterName: 'Leila Kurator', school: 'Hallundaskolan', createdAt: NOW };
  const faxes = contacts.mottagningssektioner.map((section) => ({ name: section.name, fax: section.fax }));
  const card = (name: string, built: AdaptiveCard | object): NamedCard => ({ name, card: built });

  return [
    card('main menu', mainMenuCard()),
    card('help in a personal chat', mainMenuCard({ scope: 'personal' }, commandsFor('personal'))),
    card('help in a channel', mainMenuCard({ scope: 'shared', personalChatUrl: PERSONAL_CHAT_URL }, commandsFor('shared'))),
    card('help in a channel, no app id', mainMenuCard({ scope: 'shared' }, commandsFor('shared'))),
    card('consultation in a channel: to the personal chat', personalChatRedirectActivity('konsultation', routines, PERSONAL_CHAT_URL).attachments![0]!.content as object),
    card('orosanmälan in a channel: to the personal chat', personalChatRedirectActivity('orosanmalan', routines, PERSONAL_CHAT_URL).attachments![0]!.content as object),
    card('who to call, closed, area known', whoToCallCard(closedNorr, contacts, [entry('telefontider-mottagningen')])),
    card('who to call, area unknown', whoToCallCard(unknownArea, contacts, [entry('telefontider-mottagningen')])),
    card('school list', schoolCard(schoolOptions(contacts), entry('kontakter-mottagningssektionen'))),
    card('escalation offer, school known', escalationOfferCard(closedNorr, undefined, entry('akut-oro'))),
    card('escalation offer, school unknown', escalationOfferCard(unknownArea, schoolOptions(contacts), entry('akut-oro'))),
    card('alert follow-up', alertFollowUpCard(escalation.escalationId, escalation.sectionName)),
    card('consultation: age group', ageGroupCard(consultation, entries)),
    card('consultation: concern', concernCard(consultation, entries)),
    card('consultation: duration', durationCard(consultation, entries)),
    card('consultation: school actions', schoolActionsCard(consultation, entries)),
    card('consultation: school actions, school unknown', schoolActionsCard(consultation, entries, schoolOptions(contacts))),
    card('consultation: guidance, preschool', consultationGuidanceCard({ preschool: true, concern: 'behov', who: openSodra, hours: 'mån–fre 9–12 och 13–16' }, consultation, entries)),
    card('consultation: guidance, school', consultationGuidanceCard({ preschool: false, concern: 'skolsvarigheter', who: closedNorr, hours: 'mån–fre 9–12 och 13–16' }, consultation, entries)),
    card(
      'consultation: summary',
      consultationSummaryCard({ ageGroup: 'forskola', concern: 'behov', duration: 'veckor', schoolActions: ['vardnadshavare', 'elevhalsan'] }, openSodra, consultation),
    ),
    card('consultation: next steps', consultationNextStepsCard(openSodra, consultation)),
    card('orosanmälan: akut?', acuteQuestionCard(orosanmalan, entries)),
    card('orosanmälan: duty to report', dutyToReportCard(orosanmalan, entries)),
    card('orosanmälan: written report', writtenReportCard({ who: openSodra, faxes, checklistUrl: 'https://www.botkyrka.se/checklista' }, orosanmalan, entries)),
    card('orosanmälan: written report, closed, no checklist link', writtenReportCard({ who: closedNorr, faxes }, orosanmalan, entries)),
    card('orosanmälan: anmälningsmöte', anmalningsmoteCard(orosanmalan, entries)),
    card('orosanmälan: anmälningsmöte, rektor may book', anmalningsmoteCard(orosanmalan, entries, { canBook: true })),
    card('orosanmälan: what happens next', whatHappensNextCard({ reminderDay: 'måndag 21 december' }, orosanmalan, entries)),
    card('orosanmälan: booking offer', bookAnmalningsmoteOfferCard(orosanmalan)),
    card('booking menu, socialsekreterare', bookingMenuCard({ role: 'socialsekreterare', area: 'sodra' })),
    card('booking menu, rektor', bookingMenuCard({ role: 'rektor', school: 'Tunaskolan' })),
    card('booking menu, elevhälsa', bookingMenuCard({ role: 'elevhalsa' })),
    card('free anmälningsmöte times', freeSlotsCard({ kind: 'anmalningsmote', sectionName: 'Mottagningssektion Södra', days: 14, slots: meetingSlots })),
    card('free konsultation times, with notice', freeSlotsCard({ kind: 'konsultation', sectionName: 'Mottagningssektion Södra', days: 14, slots: [consultationSlot], notice: 'Tiden hann bokas av någon annan.' })),
    card('planning the anmälningsmöte', planningCard({ slot: meetingSlots[0]!, school: 'Tunaskolan', sectionName: 'Mottagningssektion Södra' })),
    card('confirm konsultation', konsultationConfirmCard({ slot: consultationSlot, sectionName: 'Mottagningssektion Södra' })),
    card('anmälningsmöte booked, booker, calendar link', bookingConfirmationCard(meeting, { viewer: 'booker', sectionName: 'Mottagningssektion Södra', calendarUrl: 'https://bot.example/calendar/AM-7K3Q-9D.ics?sig=abc' })),
    card('anmälningsmöte booked, owner', bookingConfirmationCard(meeting, { viewer: 'owner', sectionName: 'Mottagningssektion Södra' })),
    card('konsultation booked', bookingConfirmationCard(consultationBooking, { viewer: 'booker', sectionName: 'Mottagningssektion Södra' })),
    card('posting form', availabilityFormCard({ days: WORKING_DAYS })),
    card('posting form with problems', availabilityFormCard({ days: WORKING_DAYS, problems: ['Till måste vara efter Från.'], values: { kind: 'anmalningsmote', dates: '2026-12-08,2026-12-10', from: '15:00', to: '13:00', place: 'Rum 3' } })),
    card('own slots', ownSlotsCard({ slots: [meetingSlots[0]!, meetingSlots[1]!], bookingsBySlot: new Map([[meetingSlots[0]!.id, meeting]]), more: 3 })),
    card('own slots, none', ownSlotsCard({ slots: [], bookingsBySlot: new Map(), more: 0 })),
    card('my bookings', myBookingsCard({ bookings: [meeting, consultationBooking], sectionName: () => 'Mottagningssektion Södra' })),
    card('my bookings, none', myBookingsCard({ bookings: [], sectionName: () => 'Mottagningssektion Södra' })),
    card('confirm cancel', confirmCancelCard({ title: 'Avboka anmälningsmötet?', text: 'Tiden blir ledig igen.', confirm: { action: 'booking.confirmCancel', reference: 'AM-7K3Q-9D' }, confirmTitle: 'Ja, avboka' })),
    card('move targets', moveTargetsCard({ booking: meeting, slots: meetingSlots.slice(1) })),
    // The short notices dialogs and the notifier build inline from the same pieces.
    card('inline notice with buttons', adaptiveCard([paragraph('**Avbokat:** Maria Rektor har avbokat anmälningsmötet.')], [bookingButton('Boka en ny tid', { action: 'booking.start', flow: 'boka-anmalningsmote' }), submitAction('Meny', { action: 'menu', routine: 'fraga' })])),
    card('akut alert, waiting', escalationCard({ ...escalation, chatUrl: 'https://teams.microsoft.com/l/chat/0/0?users=leila', callUrl: 'https://teams.microsoft.com/l/call/0/0?users=leila', postedWhileClosed: true }).content),
    card('akut alert, taken', escalationCard({ ...escalation, claimedBy: { name: 'Ahmed Socialsekreterare', at: stockholm(2026, 12, 7, 13, 2) }, notice: 'Någon hann före dig.' }).content),
    card('akut alert, closed', escalationCard({ ...escalation, closed: { reason: 'resolved', at: stockholm(2026, 12, 7, 13, 20) } }).content),
  ];
}

