import { randomBytes } from 'node:crypto';
import type { Server } from 'restify';
import type { BookingEvents, BookingNotifier } from '../booking/booking-ports.js';
import { dayNumberOf, type InsightRecorder } from '../insights/index.js';
import { BookingService } from '../booking/booking-service.js';
import type { AppConfig } from '../config/config.js';
import type { BookingDependencies } from '../dialogs/booking-ports.js';
import type { Contacts } from '../municipality/contacts.js';
import { loadRoles, type RoleDirectory } from '../municipality/roles.js';
import type { Logger } from '../observability/logger.js';
import { DEFAULT_BOOKING_RULES, type BookingRules } from '../booking/availability-rules.js';
import type { Booking } from '../booking/booking-model.js';
import type { Clock } from '../scheduling/clock.js';
import { AvailabilityStore } from '../storage/availability-store.js';
import { StaffProfileStore } from '../storage/staff-profile-store.js';
import { BookingStore } from '../storage/booking-store.js';
import type { ConversationReferenceStore } from '../storage/conversation-reference-store.js';
import type { Database } from '../storage/database-schema.js';
import { noCalendarLinks, registerBookingCalendarRoute, SignedCalendarLinks } from './booking-calendar-route.js';
import { ProactiveBookingNotifier, type ProactiveSender } from './booking-notifier.js';
import { sectionOf } from '../municipality/schools.js';
import { startBookingPurge, type BookingPurgeJob } from './booking-purge-job.js';
import { bookingReminderHandler } from './booking-reminder-handler.js';
import type { ReminderHandler } from './reminder-worker.js';
import { TeamsStaffDirectory, type UpnLookup } from './staff-directory.js';

/** What availability and booking need from the app. */
export interface BookingWiringOptions {
  readonly config: Pick<AppConfig, 'rolesFile' | 'bookings'>;
  readonly db: Database;
  /** The municipality pack's schools, areas and mottagningssektioner. */
  readonly contacts: Contacts;
  readonly references: ConversationReferenceStore;
  readonly messenger: ProactiveSender;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The Teams roster lookup (`teamsUpnLookup`) when an app id is configured; absent locally. */
  readonly lookupUpn?: UpnLookup;
  /**
   * Local mode only: this machine's own address once the server listens. Without PUBLIC_BASE_URL the
   * calendar links then point here, signed with BOOKING_LINK_SECRET or a secret made at each start.
   */
  readonly localBaseUrl?: () => string;
  /** Roles already loaded (tests); otherwise read from `config.rolesFile`. */
  readonly roles?: RoleDirectory;
  readonly rules?: BookingRules;
  /** Counts meetings booked, cancelled and moved, per area, for the statistics. */
  readonly insights?: Pick<InsightRecorder, 'record'>;
}

/** Availability and booking, wired: the dialogs' ports, the stores, the reminder handler, the .ics route and the purge job. */
export interface BookingWiring {
  /** Pass as `booking` to the MainDialog: the chat's adapter ports over the service. */
  readonly dependencies: BookingDependencies;
  /** The one booking service, for the chat and the tab. */
  readonly service: BookingService;
  /** Each staff member's own school, chosen in the chat. */
  readonly profiles: StaffProfileStore;
  readonly roles: RoleDirectory;
  readonly availability: AvailabilityStore;
  readonly bookings: BookingStore;
  readonly notifier: ProactiveBookingNotifier;
  /** Add to the ReminderWorker's handlers. */
  readonly reminderHandler: ReminderHandler;
  /** Serves the signed .ics links; does nothing when there is neither a public address nor local mode. */
  registerRoutes(server: Server): void;
  /** Purges past bookings a minute after start and then every hour. */
  startPurge(): BookingPurgeJob;
}

/** Builds availability and booking over the database and the proactive messenger. */
export async function wireBooking(options: BookingWiringOptions): Promise<BookingWiring> {
  const { config, db, contacts, clock, logger } = options;
  const rules = options.rules ?? DEFAULT_BOOKING_RULES;
  const roles =
    options.roles ??
    (await loadRoles(config.rolesFile, { knownSchools: contacts.schools.map((school) => school.name), knownAreas: contacts.mottagningssektioner.map((section) => section.area) }));
  const availability = new AvailabilityStore(db, { rules });
  const bookings = new BookingStore(db, { rules });
  const profiles = new StaffProfileStore(db, { now: () => clock.now() });
  const sectionName = (booking: Booking) => sectionOf(contacts, booking.area).name;
  const { publicBaseUrl, linkSecret } = config.bookings;
  const signedLinks =
    publicBaseUrl && linkSecret
      ? new SignedCalendarLinks(publicBaseUrl, linkSecret)
      : options.localBaseUrl && !publicBaseUrl
        ? new SignedCalendarLinks(options.localBaseUrl, linkSecret ?? randomBytes(32).toString('base64url'))
        : undefined;
  const calendarLinks = signedLinks ?? noCalendarLinks;
  const notifier = new ProactiveBookingNotifier({ references: options.references, messenger: options.messenger, calendarLinks, sectionName, logger: logger.child({ module: 'booking-notifier' }) });
  const events = loggedBookingEvents(logger.child({ module: 'booking' }));
  const service = new BookingService({ roles, profiles, contacts, availability, bookings, notifier: countingNotifier(notifier, options.insights, clock), clock, rules, events });

  return {
    dependencies: {
      staff: new TeamsStaffDirectory({ booking: service, references: options.references, logger: logger.child({ module: 'staff-directory' }), lookupUpn: options.lookupUpn }),
      service,
      calendarLinks,
      events,
    },
    service,
    profiles,
    roles,
    availability,
    bookings,
    notifier,
    reminderHandler: bookingReminderHandler({ bookings, notifier, rules }),
    registerRoutes(server) {
      if (signedLinks) registerBookingCalendarRoute(server, { links: signedLinks, bookings, sectionName, clock, logger: logger.child({ module: 'booking-calendar' }) });
    },
    startPurge: () => startBookingPurge({ bookings, clock, retentionDays: config.bookings.retentionDays, logger: logger.child({ module: 'booking-purge' }) }),
  };
}

/** The notifier, telling the statistics too: every booking, cancellation and move passes it once, from the chat and the tab alike. Exported for its test. */
export function countingNotifier(notifier: BookingNotifier, insights: Pick<InsightRecorder, 'record'> | undefined, clock: Clock): BookingNotifier {
  if (!insights) return notifier;
  return {
    async bookingConfirmed(booking) {
      const daysToMeeting = dayNumberOf(booking.start) - dayNumberOf(clock.now());
      await insights.record({ kind: 'meeting-booked', meeting: booking.kind, area: booking.area, daysToMeeting }, booking.bookedBy.id);
      return notifier.bookingConfirmed(booking);
    },
    async bookingCancelled(booking, cancelledBy) {
      await insights.record({ kind: 'meeting-cancelled', meeting: booking.kind, area: booking.area });
      await notifier.bookingCancelled(booking, cancelledBy);
    },
    async bookingMoved(booking, previous, movedBy) {
      await insights.record({ kind: 'meeting-moved', meeting: booking.kind, area: booking.area });
      await notifier.bookingMoved(booking, previous, movedBy);
    },
  };
}

/** Booking events as log lines: codes and enumerated details only. */
function loggedBookingEvents(logger: Logger): BookingEvents {
  return {
    bookingEvent: (code, details) => logger.info({ code, ...details }, 'booking event'),
    portFailed: (code, error) => logger.warn({ code, errorName: (error as Error).name, errorCode: (error as { code?: unknown }).code }, 'booking port failed'),
  };
}
