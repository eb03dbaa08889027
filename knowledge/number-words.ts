/**
 * Swedish number words and their values: the one table every pattern that reads a number written in letters draws on
 * ("fyra månader", "en femtonårig elev", "hur många … fyra", "halv tre"). Each pattern takes the range it reads.
 */
const VALUES: Readonly<Record<string, number>> = {
  en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12,
  tretton: 13, fjorton: 14, femton: 15, sexton: 16, sjutton: 17, arton: 18, nitton: 19, tjugo: 20, tjugoett: 21,
  trettio: 30, hundra: 100, tusen: 1000,
};
/** The same words typed without å/ä/ö. */
const FOLDED: Readonly<Record<string, number>> = { tva: 2, atta: 8 };

interface NumberWordChoice {
  /** Whether "en" counts ("en vecka"); it is also the article, so a count of things leaves it out. */
  readonly en?: boolean;
  /** Whether the spellings without å/ä/ö count ("tva", "atta"). */
  readonly folded?: boolean;
}

/** The number words whose values run from `min` to `max`, with their values. */
export function numberWordValues(min: number, max: number, choice: NumberWordChoice = {}): Readonly<Record<string, number>> {
  const table = choice.folded ? { ...VALUES, ...FOLDED } : VALUES;
  return Object.fromEntries(Object.entries(table).filter(([word, value]) => value >= min && value <= max && (word !== 'en' || choice.en)));
}

/** The number words from `min` to `max` as a regex alternation, longest first so that "tretton" is not read as "tre". */
export function numberWordAlternation(min: number, max: number, choice: NumberWordChoice = {}): string {
  return Object.keys(numberWordValues(min, max, choice)).sort((a, b) => b.length - a.length).join('|');
}
