/** The personal tab "Tider och bokningar": authentication, the week view and its actions. Plain TypeScript; `bot/tab-routes.ts` serves it. */
export {
  createDevAuthenticator,
  createSsoAuthenticator,
  createUnconfiguredAuthenticator,
  TabAuthError,
  type TabAuthenticator,
  type TabUser,
} from './tab-auth.js';
export { TabActionError, type TabRefusal } from './tab-errors.js';
export type { TabPrivacyGuard } from './tab-ports.js';
export {
  parseBookingReference,
  parseBookRequest,
  parsePostSlotsRequest,
  parseSchoolChoice,
  parseSlotId,
  parseWeekQuery,
  type Parsed,
} from './tab-requests.js';
export { TabService } from './tab-service.js';
export { parseStatisticsQuery, StatisticsTabService, type StatisticsReports } from './statistics-service.js';
