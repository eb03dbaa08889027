import type { BotState } from 'botbuilder';
import type { Server } from 'restify';
import type { AppConfig } from '../config/config.js';
import { loadRoles, type RoleDirectory } from '../municipality/roles.js';
import type { BookingDependencies, BookingEvents } from '../dialogs/booking-ports.js';
import { STAFF_PROFILE_PROPERTY } from '../dialogs/main-dialog.js';
import type { StaffProfile } from '../dialogs/school-dialog.js';
import type { KnowledgeBase } from '../knowledge/load-knowledge.js';
import type { Logger } from '../observability/logger.js';
import { DEFAULT_BOOKING_RULES, type BookingRules } from '../booking/availability-rules.js';
import type { Booking } from '../booking/booking-model.js';
import type { Clock } from '../scheduling/clock.js';
import { AvailabilityStore } from '../storage/availability-store.js';
import { BookingStore } from '../storage/booking-store.js';
import type { ConversationReferenceStore } from '../storage/conversation-reference-store.js';
import type { Database } from '../storage/database-schema.js';
import { noCalendarLinks, registerBookingCalendarRoute, SignedCalendarLinks } from './booking-calendar-route.js';
import { ProactiveBookingNotifier, type ProactiveSender } from './booking-notifier.js';
import { startBookingPurge, type BookingPurgeJob } from './booking-purge-job.js';
import { bookingReminderHandler } from './booking-reminder-handler.js';
import type { ReminderHandler } from './reminder-worker.js';
import { createSchoolDirectory, TeamsStaffDirectory, type UpnLookup } from './staff-directory.js';

/** What availability and booking need from the app. */
export interface BookingWiringOptions {
  readonly config: Pick<AppConfig, 'rolesFile' | 'bookings'>;
  readonly db: Database;
  readonly knowledge: KnowledgeBase;
  readonly userState: BotState;
  readonly references: ConversationReferenceStore;
  readonly messenger: ProactiveSender;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The Teams roster lookup (`teamsUpnLookup`) when an app id is configured; absent locally. */
  readonly lookupUpn?: UpnLookup;
  /** Roles already loaded (tests); otherwise read from `config.rolesFile`. */
  readonly roles?: RoleDirectory;
  readonly rules?: BookingRules;
}

/** Availability and booking, wired: the dialogs' ports, the stores, the reminder handler, the .ics route and the purge job. */
export interface BookingWiring {
  /** Pass as `booking` to the MainDialog. */
  readonly dependencies: BookingDependencies;
  readonly roles: RoleDirectory;
  readonly availability: AvailabilityStore;
  readonly bookings: BookingStore;
  readonly notifier: ProactiveBookingNotifier;
  /** Add to the ReminderWorker's handlers. */
  readonly reminderHandler: ReminderHandler;
  /** Serves the signed .ics links; does nothing when no public address is configured. */
  registerRoutes(server: Server): void;
  /** Purges past bookings a minute after start and then every hour. */
  startPurge(): BookingPurgeJob;
}

/** Builds availability and booking over the database and the proactive messenger. */
export async function wireBooking(options: BookingWiringOptions): Promise<BookingWiring> {
  const { config, db, knowledge, clock, logger } = options;
  const rules = options.rules ?? DEFAULT_BOOKING_RULES;
  const roles = options.roles ?? (await loadRoles(config.rolesFile, { knownSchools: knowledge.contacts.schools.map((school) => school.name) }));
  const availability = new AvailabilityStore(db, { rules });
  const bookings = new BookingStore(db, { rules });
  const schools = createSchoolDirectory(knowledge.contacts, options.userState.createProperty<StaffProfile | undefined>(STAFF_PROFILE_PROPERTY));
  const sectionName = (booking: Booking) => schools.sectionOf(booking.area).name;
  const { publicBaseUrl, linkSecret } = config.bookings;
  const signedLinks = publicBaseUrl && linkSecret ? new SignedCalendarLinks(publicBaseUrl, linkSecret) : undefined;
  const calendarLinks = signedLinks ?? noCalendarLinks;
  const notifier = new ProactiveBookingNotifier({ references: options.references, messenger: options.messenger, calendarLinks, sectionName, logger: logger.child({ module: 'booking-notifier' }) });
  const events = loggedBookingEvents(logger.child({ module: 'booking' }));

  return {
    dependencies: {
      staff: new TeamsStaffDirectory({ roles, references: options.references, logger: logger.child({ module: 'staff-directory' }), lookupUpn: options.lookupUpn }),
      schools,
      availability,
      bookings,
      notifier,
      calendarLinks,
      clock,
      rules,
      events,
    },
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

/** Booking events as log lines: codes and enumerated details only. */
function loggedBookingEvents(logger: Logger): BookingEvents {
  return {
    bookingEvent: (code, details) => logger.info({ code, ...details }, 'booking event'),
    portFailed: (code, error) => logger.warn({ code, errorName: (error as Error).name, errorCode: (error as { code?: unknown }).code }, 'booking port failed'),
  };
}
