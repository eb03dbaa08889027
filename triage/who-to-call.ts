import { telLink, type Area, type Contacts } from '../municipality/contacts.js';
import { describeNextOpening, phoneStatus, type PhoneStatus } from '../scheduling/phone-hours.js';
import { telephoneHoursList } from '../municipality/telephone-hours.js';

/** A number to call, as shown and as a tappable `tel:` link. */
export interface PhoneContact {
  readonly name: string;
  readonly phone: string;
  readonly tel: string;
}

/** Whom to call right now, and why. */
export interface WhoToCall {
  /** True when the mottagningssektion answers now. */
  readonly open: boolean;
  readonly status: PhoneStatus;
  /** The area, when the user's school is known. */
  readonly area?: Area;
  /** The area's mottagningssektion, or both sections when the area is unknown. */
  readonly sections: readonly PhoneContact[];
  /** The numbers to call now: the section(s) when open, socialjouren when closed. */
  readonly callNow: readonly PhoneContact[];
  /** "Mottagningen har lunchstängt" and the like; undefined when open. */
  readonly closedReason?: string;
  /** "Mottagningen öppnar igen i dag kl. 13.00" or "Mottagningen har öppet till kl. 16.00". */
  readonly openingText: string;
  /** 112, for a child in immediate danger. */
  readonly emergency: PhoneContact;
}

/** From the clock, the telephone-hours rules and the area: whom to call now. */
export function whoToCall(contacts: Contacts, now: Date, area?: Area): WhoToCall {
  const status = phoneStatus(contacts.telephoneHours, now);
  const sections = contacts.mottagningssektioner
    .filter((section) => area === undefined || section.area === area)
    .map((section) => contact(section.name, section.phone));
  const socialjouren = contacts.socialjouren.phones.map((phone) => contact(contacts.socialjouren.name, phone));
  return {
    open: status.open,
    status,
    area,
    sections,
    callNow: status.open ? sections : socialjouren,
    closedReason: status.open ? undefined : closedReasonText(status, sections.length === 1 ? sections[0]?.name : undefined),
    openingText: describeNextOpening(status, now),
    emergency: contact(contacts.emergency.name, contacts.emergency.phone),
  };
}

/** A number as Markdown: `[08-530 622 55](tel:+46853062255)`. */
export function phoneLink(contact: PhoneContact): string {
  return `[${contact.phone}](${contact.tel})`;
}

/** The lines that tell whom to call now, in Markdown, the first one being the one that matters. */
export function callNowLines(who: WhoToCall): string[] {
  const sectionNumbers = who.sections.map((s) => `${s.name} ${phoneLink(s)}`).join(' · ');
  const single = who.sections.length === 1 ? who.sections[0] : undefined;
  if (who.open) {
    return single
      ? [`**Ring ${single.name} nu:** ${phoneLink(single)}.`, `${who.openingText}.`]
      : [`**Ring mottagningssektionen för er förskola/skola nu:** ${sectionNumbers}.`, `${who.openingText}. Vet du inte vilken sektion ni hör till, ring någon av dem.`];
  }
  const jouren = who.callNow.map(phoneLink).join(' eller ');
  return [
    `**Ring socialjouren nu:** ${jouren}.`,
    `${who.closedReason}. ${who.openingText} – ${single ? `då når du den på ${phoneLink(single)}` : sectionNumbers}.`,
  ];
}

/** For a concern that can wait for telephone hours (a consultation): the section, and socialjouren only if it cannot wait. */
export function nonUrgentCallLines(who: WhoToCall): string[] {
  if (who.open) return callNowLines(who);
  const single = who.sections.length === 1 ? who.sections[0] : undefined;
  const sectionNumbers = who.sections.map((s) => `${s.name} ${phoneLink(s)}`).join(' · ');
  return [
    `${who.closedReason}. ${who.openingText} – ${single ? `då når du den på ${phoneLink(single)}` : sectionNumbers}.`,
    `Kan det inte vänta till dess: ring socialjouren, ${who.callNow.map(phoneLink).join(' eller ')}.`,
  ];
}

/** The emergency line, always the same words. */
export function emergencyLine(who: WhoToCall): string {
  return `Är barnet i omedelbar fara: ring **${phoneLink(who.emergency)}**.`;
}

/**
 * The one plain-text line that ends every privacy refusal: the mottagningssektion(er) when open, else
 * socialjouren with why the section is closed and when it opens; 112 always. No Markdown, since the
 * line is also shown in card (invoke) answers and in the tab, which do not render it.
 */
export function refusalCallLine(who: WhoToCall): string {
  const emergency = `Är barnet i omedelbar fara, ring ${who.emergency.phone}.`;
  if (who.open) {
    const single = who.sections.length === 1 ? who.sections[0] : undefined;
    if (single) return `Brådskar det, ring ${single.name} nu: ${single.phone}. ${emergency}`;
    return `Brådskar det, ring mottagningssektionen nu: ${who.sections.map((s) => `${s.name} ${s.phone}`).join(' eller ')}. ${emergency}`;
  }
  const jouren = who.callNow.map((c) => c.phone).join(' eller ');
  return `Brådskar det, ring socialjouren nu: ${jouren}. ${who.closedReason}. ${who.openingText}. ${emergency}`;
}

/** The telephone hours as one line: "måndag 08.30–18.00, tisdag–torsdag 08.30–16.00 … lunchstängt 12.00–13.00". */
export function telephoneHoursText(contacts: Contacts): string {
  const closed = contacts.telephoneHours.closedOnPublicHolidays ? 'stängt helger och helgdagar' : 'stängt helger';
  return `${telephoneHoursList(contacts.telephoneHours)}, ${closed}`;
}

function contact(name: string, phone: string): PhoneContact {
  return { name, phone, tel: phone.trim() === '112' ? 'tel:112' : telLink(phone) };
}

function closedReasonText(status: PhoneStatus, sectionName: string | undefined): string {
  const subject = sectionName ?? 'Mottagningssektionerna';
  switch (status.reason) {
    case 'lunch':
      return `${subject} har lunchstängt`;
    case 'before-opening':
      return `${subject} har inte öppnat än`;
    case 'after-closing':
      return `${subject} har stängt för dagen`;
    case 'weekend':
      return `${subject} har stängt i helgen`;
    case 'holiday':
      return `${subject} har stängt (${status.holidayName ?? 'helgdag'})`;
    case 'open':
      return subject;
  }
}
