/** A kind of identifying data the guard refuses. */
export type PrivacyCategory =
  | 'personnummer'
  | 'date-of-birth'
  | 'name'
  | 'phone'
  | 'email'
  | 'address'
  | 'postcode'
  /** A handle, user id, passport, LMA-card or vehicle registration number: points to one person without a name. */
  | 'identifier';

/** Every category, in the sorted order verdicts list them. */
export const PRIVACY_CATEGORIES: readonly PrivacyCategory[] = [
  'address',
  'date-of-birth',
  'email',
  'identifier',
  'name',
  'personnummer',
  'phone',
  'postcode',
];

/** What the guard found in a text or value. */
export interface PrivacyVerdict {
  /** Hard refusal: the text identifies someone. */
  identifying: boolean;
  /** Softer warning (e.g. a specific class like "4B" with other detail); never true when `identifying` is. */
  quasi: boolean;
  /** Sorted, unique; empty when clean. */
  categories: PrivacyCategory[];
}

/** The verdict for text with nothing identifying in it. */
export function cleanVerdict(): PrivacyVerdict {
  return { identifying: false, quasi: false, categories: [] };
}

/** Combines verdicts, e.g. for the fields of a card submit. */
export function mergeVerdicts(verdicts: readonly PrivacyVerdict[]): PrivacyVerdict {
  const found = new Set<PrivacyCategory>();
  let quasi = false;
  for (const verdict of verdicts) {
    for (const category of verdict.categories) found.add(category);
    quasi ||= verdict.quasi;
  }
  const categories = PRIVACY_CATEGORIES.filter((category) => found.has(category));
  const identifying = categories.length > 0;
  return { identifying, quasi: quasi && !identifying, categories };
}
