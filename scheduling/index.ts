/** Time, telephone hours, Swedish holidays, availability rules and calendar invitations: plain TypeScript, no I/O. */
export {
  fixedClock,
  formatCalendarDate,
  instantAt,
  isoWeekdayOf,
  TimezoneError,
  wallClockIn,
} from './clock.js';
export {
  describeNextOpening,
  parseTelephoneHoursRules,
  phoneStatus,
  TelephoneHoursError,
  type TelephoneHoursRules,
} from './phone-hours.js';
export {
  easterSunday,
  eveIdFromName,
  swedishHolidays,
  swedishHolidaysOn,
  type SwedishHoliday,
} from './swedish-holidays.js';
export * from './swedish-time.js';
