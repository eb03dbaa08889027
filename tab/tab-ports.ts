import type { PrivacyVerdict } from '../privacy/privacy-verdict.js';

/** The small interfaces the tab needs besides the booking service; `bot/` wires them in. */

/** Port: the privacy guard, for the free-text fields of the API. */
export interface TabPrivacyGuard {
  inspectValue(value: unknown): PrivacyVerdict;
}

/**
 * Port: the one plain-text line that ends every privacy refusal — whom to call now — computed from the
 * clock only (triage's `refusalCallLine` fits it).
 */
export type TabCallNowLine = (now: Date) => string;
