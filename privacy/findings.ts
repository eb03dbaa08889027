import { PRIVACY_CATEGORIES, type PrivacyCategory, type PrivacyVerdict } from './privacy-verdict.js';

const CATEGORY_BIT: Readonly<Record<PrivacyCategory, number>> = {
  address: 1,
  'date-of-birth': 2,
  email: 4,
  name: 8,
  personnummer: 16,
  phone: 32,
  postcode: 64,
  identifier: 128,
};

/**
 * What the detectors found in one text: categories as bits, a quasi flag, and the character ranges
 * already explained (a personnummer's digits are not also a phone number; an e-mail's words not names).
 * One instance is reused for every inspection to avoid allocation.
 */
export class Findings {
  private bits = 0;
  private quasiFound = false;
  private readonly claimed: number[] = [];

  /** Starts over for a new text. */
  reset(): void {
    this.bits = 0;
    this.quasiFound = false;
    this.claimed.length = 0;
  }

  /** Records a category, and the range it covers when given. */
  add(category: PrivacyCategory, start = -1, end = -1): void {
    this.bits |= CATEGORY_BIT[category];
    if (start >= 0) this.claim(start, end);
  }

  /** Marks a range as explained without adding a category (e.g. an allowed unit number). */
  claim(start: number, end: number): void {
    this.claimed.push(start, end);
  }

  /** True when any character in [start, end) lies in a claimed range. */
  overlapsClaimed(start: number, end: number): boolean {
    const claimed = this.claimed;
    for (let i = 0; i < claimed.length; i += 2) {
      if (start < claimed[i + 1]! && end > claimed[i]!) return true;
    }
    return false;
  }

  has(category: PrivacyCategory): boolean {
    return (this.bits & CATEGORY_BIT[category]) !== 0;
  }

  get identifying(): boolean {
    return this.bits !== 0;
  }

  markQuasi(): void {
    this.quasiFound = true;
  }

  /** The verdict for what was found. */
  toVerdict(): PrivacyVerdict {
    const categories: PrivacyCategory[] = [];
    if (this.bits !== 0) {
      for (const category of PRIVACY_CATEGORIES) if (this.bits & CATEGORY_BIT[category]) categories.push(category);
    }
    const identifying = categories.length > 0;
    return { identifying, quasi: this.quasiFound && !identifying, categories };
  }
}
