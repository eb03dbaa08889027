/** Time, telephone hours, Swedish holidays, availability rules and calendar invitations: plain TypeScript, no I/O. */
export {
  addDays,
  fixedClock,
  formatCalendarDate,
  instantAt,
  isKnownTimezone,
  isoWeekdayOf,
  isSameCalendarDate,
  systemClock,
  TimezoneError,
  wallClockIn,
  type CalendarDate,
  type Clock,
  type WallClockTime,
} from './clock.js';
export {
  describeNextOpening,
  parseTelephoneHoursRules,
  phoneStatus,
  TelephoneHoursError,
  telephoneHoursRulesSchema,
  type PhoneStatus,
  type PhoneStatusReason,
  type TelephoneHoursRules,
} from './phone-hours.js';
export {
  easterSunday,
  EVE_IDS,
  eveIdFromName,
  SWEDISH_HOLIDAY_NAMES,
  swedishHolidays,
  swedishHolidaysOn,
  type EveId,
  type PublicHolidayId,
  type SwedishHoliday,
} from './swedish-holidays.js';
export * from './swedish-time.js';
export { invitationContentType, invitationIcs, type CalendarInvitation, type CalendarParty } from './ics.js';
