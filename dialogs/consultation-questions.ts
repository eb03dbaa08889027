/**
 * The four button questions of the anonymous consultation. Every option is a category, never a
 * detail about a child, so a summary built from them cannot identify anyone.
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

/** The questions, in the order they are asked. */
export const CONSULTATION_QUESTIONS = ['ageGroup', 'concern', 'duration', 'schoolActions'] as const;
/** One consultation question. */
export type ConsultationQuestion = (typeof CONSULTATION_QUESTIONS)[number];

/** Button labels as staff read them. */
export const AGE_GROUP_LABELS: Readonly<Record<AgeGroup, string>> = {
  forskola: '1–5 år (förskola)',
  lagstadiet: '6–9 år (förskoleklass–åk 3)',
  mellanstadiet: '10–12 år (åk 4–6)',
  hogstadiet: '13–15 år (åk 7–9)',
  gymnasiet: '16–20 år (gymnasiet)',
};

/** Concern labels; `vald-overgrepp` is akut oro and switches to that routine. */
export const CONCERN_LABELS: Readonly<Record<Concern, string>> = {
  behov: 'Behoven tillgodoses inte hemma (t.ex. mat, sömn, hygien)',
  'vald-overgrepp': 'Våld, sexuella övergrepp eller hedersrelaterat våld',
  'krankning-forsummelse': 'Kränkningar eller försummelse',
  beteende: 'Nedbrytande beteende (missbruk, kriminalitet, självskada)',
  jamnariga: 'Mobbning, hot eller våld från jämnåriga',
  familjekonflikt: 'Allvarliga konflikter i familjen',
  skolsvarigheter: 'Stora svårigheter i skolan eller hög frånvaro',
};

/** Duration labels. */
export const DURATION_LABELS: Readonly<Record<Duration, string>> = {
  enstaka: 'En enstaka händelse',
  dagar: 'Några dagar',
  veckor: 'Några veckor',
  manader: 'Några månader',
  langre: 'Mer än ett halvår',
};

/** Labels of what the förskola/skola has done. */
export const SCHOOL_ACTION_LABELS: Readonly<Record<SchoolAction, string>> = {
  'samtal-barnet': 'Pratat med barnet',
  vardnadshavare: 'Pratat med vårdnadshavarna',
  elevhalsan: 'Tagit upp det i elevhälsoteamet',
  'stod-i-skolan': 'Gett extra stöd i förskolan/skolan',
  inget: 'Inget ännu',
};

/** The concern that is akut oro by the routine, not a consultation. */
export const AKUT_CONCERN: Concern = 'vald-overgrepp';
