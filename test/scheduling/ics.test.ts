import { describe, expect, it } from 'vitest';
import { instantAt } from '../../scheduling/clock.js';
import { escapeText, foldLine, invitationContentType, invitationIcs, type CalendarInvitation } from '../../scheduling/ics.js';

const stockholm = 'Europe/Stockholm';

const tuesdayMeeting: CalendarInvitation = {
  method: 'REQUEST',
  uid: 'AM-7K3Q-9D',
  sequence: 0,
  start: instantAt({ year: 2026, month: 3, day: 10 }, 10, 0, stockholm),
  end: instantAt({ year: 2026, month: 3, day: 10 }, 10, 45, stockholm),
  stamp: new Date('2026-03-06T08:15:00.000Z'),
  summary: 'Anmälningsmöte, Broängsskolan',
  description: 'Referens AM-7K3Q-9D. Skolan kallar vårdnadshavarna; skolan leder mötet och redogör för sin oro; mötet hålls på skolan.',
  location: 'Broängsskolan',
  organizer: { name: 'Ahmed Socialsekreterare', email: 'socialsekreterare.sodra1@botkyrka.se' },
  attendees: [{ name: 'Maria, rektor', email: 'rektor.broangsskolan@botkyrka.se' }],
};

/** Undoes folding (RFC 5545 §3.1) and splits into content lines. */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
}

function valueOf(ics: string, name: string): string | undefined {
  const line = contentLines(ics).find((candidate) => candidate.startsWith(`${name}:`) || candidate.startsWith(`${name};`));
  return line?.slice(line.indexOf(':') + 1);
}

describe('invitationIcs', () => {
  describe('when a booking is confirmed', () => {
    const ics = invitationIcs(tuesdayMeeting);

    it('is a VCALENDAR with METHOD:REQUEST around one VEVENT whose UID is the booking reference', () => {
      const lines = contentLines(ics);
      expect(lines[0]).toBe('BEGIN:VCALENDAR');
      expect(lines.at(-1)).toBe('END:VCALENDAR');
      expect(lines).toContain('VERSION:2.0');
      expect(lines).toContain('METHOD:REQUEST');
      expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
      expect(valueOf(ics, 'UID')).toBe('AM-7K3Q-9D');
      expect(valueOf(ics, 'STATUS')).toBe('CONFIRMED');
      expect(valueOf(ics, 'SEQUENCE')).toBe('0');
    });

    it('gives local Stockholm times with TZID and ships the VTIMEZONE that defines it', () => {
      const lines = contentLines(ics);
      expect(lines).toContain('DTSTART;TZID=Europe/Stockholm:20260310T100000');
      expect(lines).toContain('DTEND;TZID=Europe/Stockholm:20260310T104500');
      expect(lines).toContain('BEGIN:VTIMEZONE');
      expect(lines).toContain('TZID:Europe/Stockholm');
      expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
      expect(lines).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
      expect(valueOf(ics, 'DTSTAMP')).toBe('20260306T081500Z');
    });

    it('writes a summer meeting at its summer wall-clock time', () => {
      const summer = invitationIcs({ ...tuesdayMeeting, start: new Date('2026-06-16T08:00:00Z'), end: new Date('2026-06-16T08:45:00Z') });
      expect(contentLines(summer)).toContain('DTSTART;TZID=Europe/Stockholm:20260616T100000');
    });

    it('ends every line with CRLF and keeps every physical line within 75 octets', () => {
      expect(ics.endsWith('\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    });

    it('escapes commas and semicolons in text and reads back unchanged after unfolding', () => {
      expect(valueOf(ics, 'DESCRIPTION')).toBe(escapeText(tuesdayMeeting.description!));
      expect(valueOf(ics, 'DESCRIPTION')).toContain('vårdnadshavarna\\; skolan leder mötet');
      expect(valueOf(ics, 'SUMMARY')).toBe('Anmälningsmöte\\, Broängsskolan');
    });

    it('names organizer and attendee with quoted names where needed and mailto addresses', () => {
      const lines = contentLines(ics);
      expect(lines).toContain('ORGANIZER;CN=Ahmed Socialsekreterare:mailto:socialsekreterare.sodra1@botkyrka.se');
      expect(lines.find((line) => line.startsWith('ATTENDEE'))).toBe(
        'ATTENDEE;CN="Maria, rektor";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:rektor.broangsskolan@botkyrka.se',
      );
    });

    it('is served as text/calendar with its method', () => {
      expect(invitationContentType('REQUEST')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    });
  });

  describe('when a booking is cancelled', () => {
    it('sends METHOD:CANCEL with the same UID, a higher SEQUENCE and STATUS:CANCELLED', () => {
      const ics = invitationIcs({ ...tuesdayMeeting, method: 'CANCEL', sequence: 2 });
      expect(contentLines(ics)).toContain('METHOD:CANCEL');
      expect(valueOf(ics, 'UID')).toBe('AM-7K3Q-9D');
      expect(valueOf(ics, 'SEQUENCE')).toBe('2');
      expect(valueOf(ics, 'STATUS')).toBe('CANCELLED');
      expect(ics).not.toContain('BEGIN:VALARM');
    });
  });

  describe('when folding long lines', () => {
    it('never splits a multi-byte character and unfolds to the original', () => {
      const line = `DESCRIPTION:${'åäö€'.repeat(30)}`;
      const folded = foldLine(line);
      for (const physical of folded.split('\r\n')) {
        expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
        expect(physical).not.toContain('\uFFFD');
      }
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    });

    it('leaves a short line alone', () => {
      expect(foldLine('UID:AM-7K3Q-9D')).toBe('UID:AM-7K3Q-9D');
    });

    it('escapes backslashes and line breaks', () => {
      expect(escapeText('a\\b\nc')).toBe('a\\\\b\\nc');
    });
  });
});
