/** What kind of refusal a tab action ended in; `bot/` maps it to an HTTP status. */
export type TabRefusal = 'forbidden' | 'not-found' | 'conflict' | 'unprocessable';

/** Codes of refused tab actions, stable for logs and tests. */
export type TabActionErrorCode =
  | 'TAB_ROLE_NOT_ALLOWED'
  | 'TAB_SCHOOL_UNKNOWN'
  | 'TAB_SCHOOL_NOT_IN_LIST'
  | 'TAB_SCHOOL_FROM_ROLES'
  | 'TAB_SLOT_NOT_FOUND'
  | 'TAB_SLOT_NOT_YOURS'
  | 'TAB_SLOT_OTHER_AREA'
  | 'TAB_SLOT_OWN'
  | 'TAB_SLOT_OUTSIDE_WINDOW'
  | 'TAB_SLOT_ALREADY_CANCELLED'
  | 'TAB_SLOT_TAKEN'
  | 'TAB_BOOKING_NOT_FOUND'
  | 'TAB_BOOKING_NOT_YOURS'
  | 'TAB_BOOKING_ALREADY_CANCELLED'
  | 'TAB_AVAILABILITY_INVALID'
  | 'TAB_PRIVACY_REFUSED'
  | 'TAB_STATISTICS_NOT_ALLOWED';

/** A tab action the user may not or cannot do; `message` is calm Swedish for the page, `details` extra data it shows. */
export class TabActionError extends Error {
  constructor(
    readonly code: TabActionErrorCode,
    readonly refusal: TabRefusal,
    readonly userMessage: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(`Tab action refused: ${code}`);
    this.name = 'TabActionError';
  }
}
