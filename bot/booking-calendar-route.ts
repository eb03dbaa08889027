import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { CalendarLinks } from '../booking/booking-ports.js';
import { bookingInvitation } from '../booking/booking-texts.js';
import type { Logger } from '../observability/logger.js';
import type { Booking } from '../booking/booking-model.js';
import type { Clock } from '../scheduling/clock.js';
import { invitationContentType, invitationIcs } from '../scheduling/ics.js';

/** How long after the meeting a calendar link still works. */
const LINK_VALID_AFTER_MEETING_MS = 24 * 60 * 60_000;

/**
 * Signed links to a booking's invitation: `GET /api/bookings/<reference>.ics?expires=…&signature=…`.
 * Teams bots cannot attach a file to a message without the OneDrive file-consent flow, so the
 * confirmation card opens this link instead. The signature (HMAC-SHA256 over reference and expiry)
 * keeps the names and school in the invitation away from anyone who merely guesses a reference.
 */
export class SignedCalendarLinks implements CalendarLinks {
  /** `baseUrl` may be a function: in local mode the port is known only once the server listens. */
  constructor(
    private readonly baseUrl: string | (() => string),
    private readonly secret: string,
  ) {}

  /** The link for a booking, valid until a day after the meeting. */
  invitationUrl(booking: Booking): string {
    const expires = booking.end.getTime() + LINK_VALID_AFTER_MEETING_MS;
    const query = new URLSearchParams({ expires: String(expires), signature: this.sign(booking.reference, expires) });
    const base = typeof this.baseUrl === 'string' ? this.baseUrl : this.baseUrl();
    return `${base}/api/bookings/${encodeURIComponent(booking.reference)}.ics?${query.toString()}`;
  }

  /** True when the signature is this bot's for the reference and expiry, and the link has not expired at `now`. */
  verify(reference: string, expires: string, signature: string, now: Date): boolean {
    const expiresAt = Number(expires);
    if (!Number.isSafeInteger(expiresAt) || expiresAt < now.getTime()) return false;
    const expected = Buffer.from(this.sign(reference, expiresAt));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(reference: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${reference}\n${expires}`).digest('base64url');
  }
}

/** No public address configured: the cards carry no calendar link. */
export const noCalendarLinks: CalendarLinks = { invitationUrl: () => undefined };

/** What the route needs. */
export interface BookingCalendarRouteOptions {
  readonly links: SignedCalendarLinks;
  readonly bookings: { getBooking(reference: string): Promise<Booking | undefined> };
  readonly sectionName: (booking: Booking) => string;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Serves `GET /api/bookings/:file` (`AM-7K3Q-9D.ics`): the invitation as text/calendar, METHOD:REQUEST
 * while booked and METHOD:CANCEL once cancelled, always as the booking stands now (a moved meeting
 * has a higher SEQUENCE). 403 for a bad or expired signature, 404 for an unknown or purged booking.
 */
export function registerBookingCalendarRoute(server: Server, options: BookingCalendarRouteOptions): void {
  server.get('/api/bookings/:file', async (req: Request, res: Response) => {
    const file = String(req.params?.file ?? '');
    const match = /^((?:AM|KO)-[0-9A-Z]{4}-[0-9A-Z]{2})\.ics$/.exec(file);
    const query = new URL(req.url ?? '', 'http://localhost').searchParams;
    const now = options.clock.now();
    if (!match || !options.links.verify(match[1]!, query.get('expires') ?? '', query.get('signature') ?? '', now)) {
      options.logger.warn({ code: 'CALENDAR_LINK_REFUSED' }, 'calendar link refused');
      res.send(403, { code: 'CALENDAR_LINK_INVALID', message: 'The link is not valid or has expired.' });
      return;
    }
    const booking = await options.bookings.getBooking(match[1]!);
    if (!booking) {
      res.send(404, { code: 'BOOKING_NOT_FOUND', message: 'No such booking.' });
      return;
    }
    const method = booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const body = invitationIcs(bookingInvitation(booking, method, now, options.sectionName(booking)));
    res.sendRaw(200, body, {
      'content-type': invitationContentType(method),
      'content-disposition': `attachment; filename="${booking.kind}-${booking.reference}.ics"`,
      'cache-control': 'no-store',
    });
  });
}
