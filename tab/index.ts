/** The personal tab "Tider och bokningar": authentication, the week view and its actions. Plain TypeScript; `bot/tab-routes.ts` serves it. */
export {
  createDevAuthenticator,
  createSsoAuthenticator,
  createUnconfiguredAuthenticator,
  TAB_AUTH_ERROR_CODES,
  TabAuthError,
  TEAMS_SSO_SCOPE,
  type ListedPerson,
  type SsoAuthenticatorOptions,
  type TabAuthenticator,
  type TabAuthErrorCode,
  type TabCredentials,
  type TabUser,
} from './tab-auth.js';
export { TabActionError, type TabActionErrorCode, type TabRefusal } from './tab-errors.js';
export type { TabCallNowLine, TabPrivacyGuard } from './tab-ports.js';
export {
  parseBookingReference,
  parseBookRequest,
  parsePostSlotsRequest,
  parseSchoolChoice,
  parseSlotId,
  parseWeekQuery,
  type BookRequest,
  type Parsed,
  type WeekQuery,
} from './tab-requests.js';
export { TabService, type AlternativeSlot, type BookResult, type CancelResult, type PostSlotsResult, type TabServiceDependencies } from './tab-service.js';
export {
  postFormOptions,
  weekContaining,
  weekLabel,
  type PostFormOptions,
  type WeekAction,
  type WeekDay,
  type WeekEntry,
  type WeekSpan,
  type WeekView,
} from './week-view.js';
