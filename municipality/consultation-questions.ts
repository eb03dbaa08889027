/**
 * The four button questions of the anonymous consultation, as codes. Every option is a category, never
 * a detail about a child, so a summary built from them cannot identify anyone. Their wording is the
 * municipality pack's (routines.yaml, `konsultation.questions`).
 */

/** Age groups, by the school forms staff think in. */
export const AGE_GROUPS = ['forskola', 'lagstadiet', 'mellanstadiet', 'hogstadiet', 'gymnasiet'] as const;
/** What the concern is about: the routine's definition of "far illa", with akut oro split out. */
export const CONCERNS = ['behov', 'vald-overgrepp', 'krankning-forsummelse', 'beteende', 'jamnariga', 'familjekonflikt', 'skolsvarigheter'] as const;
/** How long the concern has lasted. */
export const DURATIONS = ['enstaka', 'dagar', 'veckor', 'manader', 'langre'] as const;
/** What the förskola/skola has done so far (several may apply). */
export const SCHOOL_ACTIONS = ['samtal-barnet', 'vardnadshavare', 'elevhalsan', 'stod-i-skolan', 'inget'] as const;

/** One of the age groups. */
export type AgeGroup = (typeof AGE_GROUPS)[number];
/** One of the concern categories. */
export type Concern = (typeof CONCERNS)[number];
/** One of the durations. */
export type Duration = (typeof DURATIONS)[number];
/** One of the things a school may have done. */
export type SchoolAction = (typeof SCHOOL_ACTIONS)[number];

/** The concern that is akut oro by the routine, not a consultation. */
export const AKUT_CONCERN: Concern = 'vald-overgrepp';
