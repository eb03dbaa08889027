import { stemSwedish } from './swedish-stemmer.js';

// A shorter first part is too often accidental ("för" + "skol"); the last part may be short ("möte").
const MIN_PART = 4;
// Below this length a synonym maps only its own spelling, not its stem: "mån" (måndag) must not catch "månad".
const MIN_STEMMED_SYNONYM = 5;
// Keys of stems in the synonym map, apart from words written so ("~mån" could never be typed).
const STEM_KEY = '~';
// Endings that make a word of another ("behandl|ing", "tydlig|het"), never the last word of a compound.
// "bered|s|kap": the ending "-skap", whose s looks like a linking -s-.
const SUFFIXES: ReadonlySet<string> = new Set(['ing', 'ning', 'het', 'heten', 'skap', 'kap']);
const ONE_LETTER_PREFIX = /^e-/u;

/** A hyphenated word whose parts are words of their own, which `words` lists after it ("hvb-hem", not "e-post"). */
export function hasWordParts(word: string): boolean {
  return word.includes('-') && !ONE_LETTER_PREFIX.test(word);
}

const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
// "barn- och utbildningsförvaltningen": a first word cut short by a hyphen, "och"/"eller", and the word whose last part it shares.
const COORDINATED_NAME = /(?<![\p{L}-])(\p{L}{2,})-\s+(?:och|eller)\s+(\p{L}{3,})/gu;
/**
 * No word of the routines is longer ("barnavårdsutredningsverksamheten" has 32 letters); a longer token is noise
 * or a pasted string, and spelling correction and compound splitting of it would cost time in its square.
 */
const MAX_WORD_LENGTH = 48;
// How many words' canonical stems are remembered (the knowledge base has a few thousand distinct words).
const CANONICAL_CACHE = 50_000;

/** Options for turning text into search terms. */
export interface AnalyzerOptions {
  readonly stopWords: ReadonlySet<string>;
  /** word or stem → canonical stem, from the synonym groups. */
  readonly synonyms: ReadonlyMap<string, string>;
}

/**
 * What `text` says at a span found in its folded form (`foldDiacritics(text)`): folding keeps a letter a letter, so the
 * span's place is the same, and the words come back as written, å/ä/ö and all; where folding changed the length (letters
 * that decompose into more), the folded words.
 */
export function writtenAt(text: string, folded: string, start: number, end: number): string {
  return folded.length === text.length ? text.slice(start, end) : folded.slice(start, end);
}

/** "förhandsbedömning" → "forhandsbedomning": how staff write on a keyboard without å, ä and ö. */
export function foldDiacritics(text: string): string {
  // Most words and many questions are plain ASCII already, which NFD leaves as it is.
  if (!NOT_PLAIN_ASCII.test(text)) return text;
  // A question is folded several times a turn: a letter at a time from a table where the text allows it.
  let folded = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const letter = code < LETTER_FOLDS.length ? LETTER_FOLDS[code]! : NOT_IN_TABLE;
    if (letter === NOT_IN_TABLE) return foldByDecomposition(text);
    if (letter === code) continue;
    folded += text.slice(from, i) + String.fromCharCode(letter);
    from = i + 1;
  }
  return from === 0 ? text : folded + text.slice(from);
}

/** True when a text has any å, ä, ö (or other accented letter): its writer uses them. */
export function hasDiacritics(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    // What folding would remove, looked for in one decomposition.
    if (code >= LETTER_FOLDS.length || LETTER_FOLDS[code] === NOT_IN_TABLE) return COMBINING_MARK.test(text.normalize('NFD'));
    if (MARKED_LETTERS[code] === 1) return true;
  }
  return false;
}

/** The reference folding: every other path gives what this gives. */
function foldByDecomposition(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '');
}

const NOT_PLAIN_ASCII = /[^\t\n\r -~]/;
const COMBINING_MARK = /[\u0300-\u036f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Each character of Latin-1, Latin Extended-A/B and General Punctuation as `foldByDecomposition` leaves it (its
 * code), taken from it: none of them is a combining mark, so a text of ASCII and these folds a character at a time
 * exactly as the whole text decomposed. Any other character (NOT_IN_TABLE) sends the text the reference way.
 * `MARKED_LETTERS` are those whose decomposition has a mark to remove (not "\u2000", which decomposes to another space).
 */
const NOT_IN_TABLE = 0;
const { LETTER_FOLDS, MARKED_LETTERS } = (() => {
  const folds = new Uint16Array(0x2070);
  const marked = new Uint8Array(0x2070);
  for (const [first, last] of [[0x80, 0x24f], [0x2000, 0x206f]] as const) {
    for (let code = first; code <= last; code++) {
      const char = String.fromCharCode(code);
      const folded = foldByDecomposition(char);
      // Every character here folds to one character; one that did not would take the reference way.
      if (folded.length !== 1) continue;
      folds[code] = folded.charCodeAt(0);
      if (COMBINING_MARK.test(char.normalize('NFD'))) marked[code] = 1;
    }
  }
  return { LETTER_FOLDS: folds, MARKED_LETTERS: marked };
})();

/**
 * Swedish text analysis for retrieval: lower-casing, stop words, domain synonyms, stemming and
 * compound splitting ("anmälningsmöte" also yields "anmälning" and "möte") against a vocabulary.
 * Synonyms and stop words are also found by their diacritic-free spelling ("vardnadshavare").
 */
export class SwedishAnalyzer {
  private vocabulary: ReadonlySet<string> = new Set();
  // A synonym group's own term is a word in its own right ("misstanke"), never split.
  private readonly canonicalStems: ReadonlySet<string>;
  private readonly foldedSynonyms = new Map<string, string>();
  private readonly foldedStopWords = new Set<string>();
  private readonly synonymWordList: string[];
  // The canonical stems found so far, with and without finding a synonym group by the diacritic-free spelling.
  private readonly canonicals = { folding: new Map<string, string>(), asWritten: new Map<string, string>() };

  constructor(private readonly options: AnalyzerOptions) {
    this.canonicalStems = new Set(options.synonyms.values());
    for (const [key, canonical] of options.synonyms) {
      const folded = foldDiacritics(key);
      if (!this.foldedSynonyms.has(folded)) this.foldedSynonyms.set(folded, canonical);
    }
    this.synonymWordList = [...options.synonyms.keys()].filter((key) => !key.startsWith(STEM_KEY));
    for (const word of options.stopWords) this.foldedStopWords.add(foldDiacritics(word));
  }

  /** Sets the known stems compound parts must belong to (the knowledge base's own words). */
  useVocabulary(vocabulary: ReadonlySet<string>): void {
    this.vocabulary = vocabulary;
  }

  /** Words of a text, lower-cased, before stop words and stemming. */
  words(text: string): string[] {
    return (text.toLocaleLowerCase('sv').match(TOKEN) ?? []).flatMap((w) => {
      // "e-post", "e-tjänst": an electronic thing is a word of its own, whose last part is another word.
      const words = hasWordParts(w) ? [w, ...w.split('-')] : [w];
      return words.filter((word) => word.length <= MAX_WORD_LENGTH);
    });
  }

  /**
   * The names a text makes of two words sharing a last part ("barn- och utbildningsförvaltningen", "hälso- och
   * sjukvården"), each as one term ("barn&utbildningsförvaltning"): a name the entries write so is a term of its own.
   */
  coordinatedTerms(text: string): string[] {
    return [...text.toLocaleLowerCase('sv').matchAll(COORDINATED_NAME)].map((m) => `${this.canonical(m[1]!)}&${this.canonical(m[2]!)}`);
  }

  /**
   * A stop word. `folded` also accepts its diacritic-free spelling ("ar" for "är"): used only for
   * text written without å/ä/ö, where "far" is far more often "får" than the verb in "far illa".
   */
  isStopWord(word: string, folded = false): boolean {
    return this.options.stopWords.has(word) || (folded && this.foldedStopWords.has(foldDiacritics(word)));
  }

  /** Search terms of a text: canonical stems plus the parts of compounds. */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const word of this.words(text)) {
      if (this.isStopWord(word)) continue;
      const stem = this.canonical(word);
      out.push(stem);
      for (const part of this.splitCompound(stem)) out.push(part);
    }
    return out;
  }

  /**
   * The canonical stem of one word: synonym group first, else the stem. Unless `fold` is false, a word
   * written without diacritics also finds its synonym group ("vardnadshavarna").
   */
  canonical(word: string, options: { fold?: boolean } = {}): string {
    // Words repeat across entries and questions: remember each one's stem (a pure function of the word and `fold`).
    const fold = options.fold !== false;
    const known = fold ? this.canonicals.folding : this.canonicals.asWritten;
    let stem = known.get(word);
    if (stem === undefined) {
      if (known.size >= CANONICAL_CACHE) known.clear();
      known.set(word, (stem = this.canonicalUncached(word, fold)));
    }
    return stem;
  }

  private canonicalUncached(word: string, fold: boolean): string {
    const lower = word.toLocaleLowerCase('sv');
    const stem = stemSwedish(lower);
    const synonyms = this.options.synonyms;
    const direct = synonyms.get(lower) ?? synonyms.get(STEM_KEY + stem);
    if (direct) return direct;
    if (!fold || hasDiacritics(lower)) return stem;
    const folded = this.foldedSynonyms.get(lower) ?? this.foldedSynonyms.get(STEM_KEY + stem);
    return folded ?? stem;
  }

  /** The stop words as listed. */
  stopWordList(): Iterable<string> {
    return this.options.stopWords;
  }

  /** The words of the synonym groups. */
  synonymWords(): string[] {
    return this.synonymWordList;
  }

  /** True when a stem is a synonym group's own term (never split into parts). */
  isCanonicalTerm(stem: string): boolean {
    return this.canonicalStems.has(stem);
  }

  /** Known parts of a compound stem, with Swedish linking -s- and -e- allowed; empty if not a compound. */
  splitCompound(stem: string): string[] {
    if (stem.length < 2 * MIN_PART || this.vocabulary.size === 0 || this.canonicalStems.has(stem)) return [];
    for (let i = stem.length - 3; i >= MIN_PART; i--) {
      const right = stem.slice(i);
      // A function word is no last part of a compound ("genom|för", "skols|vår").
      if (SUFFIXES.has(right) || this.options.stopWords.has(right)) continue;
      const rightCanonical = this.options.synonyms.get(STEM_KEY + right) ?? this.options.synonyms.get(right) ?? right;
      if (!this.vocabulary.has(right) && !this.vocabulary.has(rightCanonical)) continue;
      for (const left of leftCandidates(stem.slice(0, i))) {
        if (left.length >= MIN_PART && this.vocabulary.has(left)) {
          // A preposition in front ("över|lämna", "till|gång") says nothing of the topic: only the last part is a term.
          if (this.options.stopWords.has(left)) return [rightCanonical];
          return [this.options.synonyms.get(STEM_KEY + left) ?? this.options.synonyms.get(left) ?? left, rightCanonical];
        }
      }
    }
    return [];
  }
}

function leftCandidates(left: string): string[] {
  const candidates = [left, stemSwedish(left)];
  if (left.endsWith('s') || left.endsWith('e')) {
    const bare = left.slice(0, -1);
    candidates.push(bare, stemSwedish(bare));
  }
  return candidates;
}

/**
 * Builds the synonym map from synonym groups: each word as written, and (under a `~` key) the stem of
 * each word of five letters or more, to the group's canonical stem. Short words map only their own
 * spelling: the stem of "mån" (måndag) is also the stem of "månad".
 */
export function buildSynonymMap(groups: readonly (readonly string[])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    const head = group[0];
    if (!head) continue;
    const canonical = stemSwedish(head.toLocaleLowerCase('sv'));
    for (const word of group) {
      const lower = word.toLocaleLowerCase('sv');
      map.set(lower, canonical);
      if (lower.length >= MIN_STEMMED_SYNONYM) map.set(STEM_KEY + stemSwedish(lower), canonical);
    }
  }
  return map;
}
