import type { TurnContext } from 'botbuilder';
import type { BookingEvents, CalendarLinks } from '../booking/booking-ports.js';
import type { BookingActor, BookingService } from '../booking/booking-service.js';

/** Port: who is writing. The bot looks the role up through the booking service and remembers where to reach them. */
export interface StaffDirectory {
  identify(context: TurnContext): Promise<BookingActor>;
  /** The role only, from the roles file: no lookups, nothing saved (for a routine that just needs the school). */
  roleOf(context: TurnContext): BookingActor['role'];
}

/** Everything the booking dialogs need, injected once by the bot: they are a thin chat adapter over the booking service. */
export interface BookingDependencies {
  readonly staff: StaffDirectory;
  readonly service: BookingService;
  readonly calendarLinks: CalendarLinks;
  readonly events?: BookingEvents;
}
