import { wallClockIn } from './clock.js';
import { SWEDISH_TIMEZONE } from './swedish-time.js';

/** Someone in a calendar invitation: a display name and an e-mail address (the UPN in Entra). */
export interface CalendarParty {
  readonly name: string;
  readonly email: string;
}

/** One meeting as an RFC 5545 invitation (RFC 5546 iTIP method REQUEST, or CANCEL to withdraw it). */
export interface CalendarInvitation {
  readonly method: 'REQUEST' | 'CANCEL';
  /** The booking reference; the same for every update of one booking, so calendars replace rather than add. */
  readonly uid: string;
  /** 0 for the first invitation, higher for each move or the cancellation. */
  readonly sequence: number;
  readonly start: Date;
  readonly end: Date;
  /** When this version of the invitation was made (DTSTAMP). */
  readonly stamp: Date;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly organizer: CalendarParty;
  readonly attendees: readonly CalendarParty[];
}

/** The only timezone the invitations are written in; its VTIMEZONE is below. */
export const INVITATION_TIMEZONE = SWEDISH_TIMEZONE;

/** The MIME type of an invitation, with its method, for an HTTP response or an attachment. */
export function invitationContentType(method: CalendarInvitation['method']): string {
  return `text/calendar; charset=utf-8; method=${method}`;
}

// Central European Time as in the EU rules since 1996: summer time from the last Sunday of March
// 02.00 to the last Sunday of October 03.00.
const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${INVITATION_TIMEZONE}`,
  `X-LIC-LOCATION:${INVITATION_TIMEZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * The invitation as an iCalendar file: VCALENDAR with METHOD, the Europe/Stockholm VTIMEZONE and one
 * VEVENT whose times are local wall-clock times with TZID; CRLF line endings, lines folded at 75
 * octets without splitting a UTF-8 character, and TEXT values escaped.
 */
export function invitationIcs(invitation: CalendarInvitation): string {
  const cancelled = invitation.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Botkyrka kommun//Samverkansboten//SV',
    'CALSCALE:GREGORIAN',
    `METHOD:${invitation.method}`,
    ...STOCKHOLM_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(invitation.uid)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(invitation.sequence))}`,
    `DTSTAMP:${utcStamp(invitation.stamp)}`,
    `DTSTART;TZID=${INVITATION_TIMEZONE}:${localStamp(invitation.start)}`,
    `DTEND;TZID=${INVITATION_TIMEZONE}:${localStamp(invitation.end)}`,
    `SUMMARY:${escapeText(invitation.summary)}`,
    ...(invitation.description ? [`DESCRIPTION:${escapeText(invitation.description)}`] : []),
    ...(invitation.location ? [`LOCATION:${escapeText(invitation.location)}`] : []),
    `ORGANIZER;CN=${paramValue(invitation.organizer.name)}:mailto:${invitation.organizer.email}`,
    ...invitation.attendees.map(
      (attendee) => `ATTENDEE;CN=${paramValue(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${attendee.email}`,
    ),
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    ...(cancelled ? [] : ['BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Påminnelse', 'TRIGGER:-PT30M', 'END:VALARM']),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line longer than 75 octets into CRLF + space continuations (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  // The first line holds 75 octets; continuation lines start with a space, so they hold 74 more.
  let limit = 75;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
      limit = 74;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A parameter value (CN=…): quoted when it holds `:`, `;` or `,`; double quotes and line breaks, which it cannot hold, are dropped. */
function paramValue(text: string): string {
  const clean = text.replace(/["\r\n]/g, '').trim() || '-';
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function localStamp(instant: Date): string {
  const wall = wallClockIn(instant, INVITATION_TIMEZONE);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}
