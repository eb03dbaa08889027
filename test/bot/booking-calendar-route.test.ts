import restify, { type Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerBookingCalendarRoute, SignedCalendarLinks } from '../../bot/booking-calendar-route.js';
import { createLogger } from '../../observability/logger.js';
import { bookingWindow } from '../../booking/availability-rules.js';
import type { Booking } from '../../booking/booking-model.js';
import { instantAt } from '../../scheduling/clock.js';
import { AvailabilityStore } from '../../storage/availability-store.js';
import { BookingStore } from '../../storage/booking-store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';

const now = instantAt({ year: 2026, month: 3, day: 6 }, 9, 0, 'Europe/Stockholm');

describe('booking calendar route', () => {
  let database: TestDatabase;
  let server: Server;
  let baseUrl: string;
  let bookings: BookingStore;
  let links: SignedCalendarLinks;
  let booking: Booking;
  let clockNow = now;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    const handle = await database.open();
    const slots = new AvailabilityStore(handle.db);
    bookings = new BookingStore(handle.db);
    const posted = await slots.postAvailability(
      { id: 'aad-ahmed', name: 'Ahmed', upn: 'ahmed@botkyrka.se' },
      'sodra',
      { kind: 'anmalningsmote', date: { year: 2026, month: 3, day: 10 }, from: { hour: 10, minute: 0 }, to: { hour: 11, minute: 0 }, slotLengthMinutes: 45, repeatWeeks: 1, place: 'Mottagningen Södra' },
      now,
    );
    const slot = posted.status === 'posted' ? posted.slots[0]! : undefined;
    const window = bookingWindow(now, 14);
    const outcome = await bookings.bookSlot({ slotId: slot!.id, kind: 'anmalningsmote', bookedBy: { id: 'aad-maria', name: 'Maria', upn: 'maria@botkyrka.se' }, school: 'Broängsskolan', now, earliestStart: window.from, alternativesUntil: window.to });
    booking = outcome.status === 'booked' ? outcome.booking : (undefined as never);

    server = restify.createServer();
    links = new SignedCalendarLinks('http://127.0.0.1:0', 'a-test-secret-that-is-long-enough-0123');
    registerBookingCalendarRoute(server, { links, bookings, sectionName: () => 'Mottagningssektion Södra', clock: { now: () => clockNow }, logger: createLogger('silent') });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.dispose();
  });

  function localUrl(url: string): string {
    return url.replace('http://127.0.0.1:0', baseUrl);
  }

  describe('when a participant opens the link from the confirmation card', () => {
    it('downloads the invitation as text/calendar with METHOD:REQUEST and the booking reference as UID', async () => {
      const response = await fetch(localUrl(links.invitationUrl(booking)));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="anmalningsmote-${booking.reference}.ics"`);
      const ics = await response.text();
      expect(ics).toContain('METHOD:REQUEST\r\n');
      expect(ics).toContain(`UID:${booking.reference}\r\n`);
      expect(ics).toContain('DTSTART;TZID=Europe/Stockholm:20260310T100000\r\n');
      expect(ics).toContain('ORGANIZER;CN=Ahmed:mailto:ahmed@botkyrka.se\r\n');
      expect(ics).toContain('LOCATION:Broängsskolan\r\n');
    });
  });

  describe('when the link is tampered with or too old', () => {
    it('refuses a changed signature, another reference and an expired link', async () => {
      const url = new URL(localUrl(links.invitationUrl(booking)));
      const forged = new URL(url);
      forged.searchParams.set('signature', `${url.searchParams.get('signature')!.slice(0, -2)}AA`);
      expect((await fetch(forged)).status).toBe(403);
      const other = new URL(url.toString().replace(booking.reference, 'AM-2222-22'));
      expect((await fetch(other)).status).toBe(403);
      clockNow = new Date(booking.end.getTime() + 2 * 86_400_000);
      try {
        expect((await fetch(url)).status).toBe(403);
      } finally {
        clockNow = now;
      }
    });
  });

  describe('when the booking has been cancelled', () => {
    it('serves METHOD:CANCEL with a higher SEQUENCE, so the calendar removes the event', async () => {
      await bookings.cancelBooking(booking.reference, { id: 'aad-maria', name: 'Maria' }, now);
      const response = await fetch(localUrl(links.invitationUrl(booking)));
      const ics = await response.text();
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=CANCEL');
      expect(ics).toContain('METHOD:CANCEL\r\n');
      expect(ics).toContain('SEQUENCE:1\r\n');
      expect(ics).toContain('STATUS:CANCELLED\r\n');
    });
  });
});
