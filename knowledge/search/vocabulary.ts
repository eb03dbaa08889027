import { foldDiacritics } from './swedish-analyzer.js';

// Shortest word a typo is looked for in: below this, one edit turns most words into another word.
const MIN_TYPO_LENGTH = 4;
// Below this length only the commonest slips are accepted: a doubled or undoubled letter ("kalar",
// "fyler"), two letters swapped. Any other edit turns a short word into another word ("spara"/"svara").
const ANY_EDIT_FROM = 6;
// Below this length a letter typed for another is not accepted either ("rasten"/"rätten", "hamnar"/"lämnar"),
// except, from NEIGHBOUR_KEY_FROM letters, the key next to it ("telefpntid"); shorter words collide ("väder"/"växer").
const SUBSTITUTION_FROM = 9;
const NEIGHBOUR_KEY_FROM = 7;
// From this length two edits are allowed ("förhandsbedömnig" needs one; long compounds may need two).
const TWO_EDITS_FROM = 12;
// An inflected form: the question's word and a known one differ only in an ending of up to this many letters.
const MAX_ENDING = 4;
// The endings of verb forms made from a stem that drops the infinitive's -a, and the shortest such infinitive ("läsa").
const VERB_FORM_ENDINGS = ['t', 'te', 'de', 'er', 'ts'];
const MIN_INFINITIVE = 4;
const MIN_INFLECTED = 5;
// A four-letter word ("paga" for "pågå") may find a form at most this much longer ("pågår").
const SHORT_WORD_ENDING = 2;
// A word this short is found from its definite form only ("fax" from "faxet").
const SHORT_BASE = 3;
// Suffixes that make an adjective or an abstract noun of a word ("medicin" → "medicinsk", "ledig", "ledighet").
const DERIVATION = /^(?:i?sk|i?g|lig|het|else|skap)/;
const DEFINITE_ENDINGS = new Set(['et', 'en']);
const DOUBLED_BEFORE_ENDING = /(?:mm|nn)$/u;
// Swedish inflectional endings (diacritic-free), for telling a longer form of a word from a compound.
const ENDINGS = new Set(['a', 'e', 'n', 'r', 's', 't', 'en', 'er', 'et', 'ar', 'or', 'na', 'ns', 'es', 'de', 'te', 'ts', 'erna', 'arna', 'orna', 'ens', 'ets', 'ande', 'ende', 'ade', 'ats', 'are', 'ern', 'ers', 'ast']);

/**
 * The words the knowledge base is written in, looked up the way staff type: without å/ä/ö
 * ("vardnadshavare") or with a slip of the keyboard ("återkopling", "kalar"). Typo candidates come
 * from a deletion index (SymSpell), so a look-up costs the same however large the base grows.
 */
export class Vocabulary {
  // Diacritic-free word → the written word most often used.
  private readonly byFolded = new Map<string, { word: string; count: number }>();
  // The folded words in the order they were first met (what ties between equally good candidates follow).
  private readonly foldedWords: string[];
  // A folded word with one or two letters deleted → the folded words it comes from, as sorted numbers
  // (hash of the variant × 2^21 + index of the word in foldedWords): eight bytes a pair instead of a
  // string and a map entry per variant (the variants were 83,000 strings, a tenth of the bot's heap).
  private readonly deletions: Float64Array;
  private readonly written = new Set<string>();
  // Every folded word, sorted, for finding the known forms a word is the beginning of.
  private readonly sorted: string[];

  constructor(words: Iterable<string>) {
    const spellings = new Map<string, Map<string, number>>();
    for (const word of words) {
      this.written.add(word);
      const folded = foldDiacritics(word);
      const forms = spellings.get(folded) ?? new Map<string, number>();
      forms.set(word, (forms.get(word) ?? 0) + 1);
      spellings.set(folded, forms);
    }
    for (const [folded, forms] of spellings) {
      let best = '';
      let bestCount = 0;
      let total = 0;
      for (const [word, count] of forms) {
        total += count;
        if (count > bestCount) [best, bestCount] = [word, count];
      }
      this.byFolded.set(folded, { word: best, count: total });
    }
    this.foldedWords = [...this.byFolded.keys()];
    this.sorted = [...this.foldedWords].sort();
    this.deletions = deletionIndex(this.foldedWords);
  }

  /** The vocabulary again after a structured clone (the start snapshot), which keeps the fields but not the class. */
  static revive(cloned: Vocabulary): Vocabulary {
    return Object.setPrototypeOf(cloned, Vocabulary.prototype) as Vocabulary;
  }

  /** True when the knowledge base has the word written exactly so. */
  isWritten(word: string): boolean {
    return this.written.has(word);
  }

  /** Every word the knowledge base writes, as written. */
  writtenWords(): IterableIterator<string> {
    return this.written.values();
  }

  /** What follows `start` in the known words that begin with it and are longer, all without diacritics ("tid": "en", "er" …). */
  endingsAfter(start: string): string[] {
    const folded = foldDiacritics(start);
    const endings: string[] = [];
    for (let i = lowerBound(this.sorted, folded); i < this.sorted.length && this.sorted[i]!.startsWith(folded); i++) {
      if (this.sorted[i]!.length > folded.length) endings.push(this.sorted[i]!.slice(folded.length));
    }
    return endings;
  }

  /** The known word spelt like `word` without its diacritics, if any. */
  withoutDiacritics(word: string): string | undefined {
    return this.byFolded.get(foldDiacritics(word))?.word;
  }

  /**
   * A known form of the same word with another ending: "skillnad" → "skillnaden", "registret" →
   * "register". The shorter of the two must have at least five letters (four, with a short ending:
   * "paga" → "pågår"); the most used form wins.
   */
  inflected(word: string, accept: (known: string) => boolean = () => true): string | undefined {
    const folded = foldDiacritics(word);
    if (folded.length < MIN_INFLECTED - 1) return undefined;
    const maxEnding = folded.length < MIN_INFLECTED ? SHORT_WORD_ENDING : MAX_ENDING;
    let best: { word: string; count: number } | undefined;
    const consider = (candidate: string) => {
      const known = this.byFolded.get(candidate);
      if (known && candidate !== folded && accept(known.word) && (!best || known.count > best.count)) best = known;
    };
    // Known words that begin with the question's word.
    let i = lowerBound(this.sorted, folded);
    for (; i < this.sorted.length && this.sorted[i]!.startsWith(folded); i++) {
      // What follows must not make another word: "medicinsk" is an adjective made from "medicin", not a form of it.
      if (this.sorted[i]!.length - folded.length <= maxEnding && !DERIVATION.test(this.sorted[i]!.slice(folded.length))) consider(this.sorted[i]!);
    }
    // Known words the question's word begins with, when what is left is an ending ("registret" → "register"
    // is not this: "personalmöte" is not "personal" + an ending).
    for (let cut = 1; cut <= MAX_ENDING && folded.length - cut >= MIN_INFLECTED; cut++) {
      if (!ENDINGS.has(folded.slice(-cut))) continue;
      const base = folded.slice(0, -cut);
      consider(base);
      // A short vowel's m or n is doubled before the ending ("programmet" → "program", "vännen" → "vän").
      if (DOUBLED_BEFORE_ENDING.test(base) && base.length - 1 >= MIN_INFLECTED) consider(base.slice(0, -1));
    }
    // A short word with a definite ending ("faxet", "faxen"): the three-letter word it inflects.
    if (folded.length - 2 === SHORT_BASE && DEFINITE_ENDINGS.has(folded.slice(-2))) consider(folded.slice(0, -2));
    return best?.word;
  }

  /**
   * The most used known word that begins with an abbreviation ("förhandsbed." → "förhandsbedömning",
   * "kontaktpers" → "kontaktperson"). Undefined when none does or the abbreviation is too short.
   */
  completion(abbreviation: string, minLength: number, accept: (known: string) => boolean = () => true): string | undefined {
    const folded = foldDiacritics(abbreviation);
    if (folded.length < minLength) return undefined;
    let best: { word: string; count: number } | undefined;
    for (let i = lowerBound(this.sorted, folded); i < this.sorted.length && this.sorted[i]!.startsWith(folded); i++) {
      const known = this.byFolded.get(this.sorted[i]!)!;
      if (this.sorted[i] !== folded && accept(known.word) && (!best || known.count > best.count)) best = known;
    }
    return best?.word;
  }

  /**
   * A known word that begins like `start` and ends like `end`: "anm.möte" is "anmälningsmöte",
   * "tel.tid" is "telefontid". Undefined when none does.
   */
  joined(start: string, end: string): string | undefined {
    const [head, tail] = [foldDiacritics(start), foldDiacritics(end)];
    let best: { word: string; count: number } | undefined;
    for (let i = lowerBound(this.sorted, head); i < this.sorted.length && this.sorted[i]!.startsWith(head); i++) {
      const candidate = this.sorted[i]!;
      if (candidate.length <= head.length + tail.length || !candidate.endsWith(tail)) continue;
      const known = this.byFolded.get(candidate)!;
      if (!best || known.count > best.count) best = known;
    }
    return best?.word;
  }

  /**
   * The known word closest to a misspelt one: one edit away (two for long words), the same first
   * letter for short words; among equals the most used (`usage`, by default how often the entries write the word).
   * Undefined when nothing is close enough.
   */
  closest(word: string, accept: (known: string) => boolean = () => true, usage: (known: string) => number = (known) => this.byFolded.get(foldDiacritics(known))?.count ?? 0): string | undefined {
    const folded = foldDiacritics(word);
    if (folded.length < MIN_TYPO_LENGTH || /\d/.test(folded)) return undefined;
    const maxDistance = folded.length >= TWO_EDITS_FROM ? 2 : 1;
    const candidates = this.candidatesWithin(folded, maxDistance);
    let best: { folded: string; distance: number; count: number } | undefined;
    for (const candidate of candidates) {
      if (candidate === folded) continue;
      if (folded.length < ANY_EDIT_FROM && !isCommonSlip(folded, candidate)) continue;
      if (folded.length < SUBSTITUTION_FROM && folded.length === candidate.length && !isCommonSlip(folded, candidate) && !(folded.length >= NEIGHBOUR_KEY_FROM && isNeighbourKey(folded, candidate))) continue;
      const distance = editDistance(folded, candidate, maxDistance);
      if (distance > maxDistance || !accept(this.byFolded.get(candidate)!.word)) continue;
      const count = usage(this.byFolded.get(candidate)!.word);
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { folded: candidate, distance, count };
    }
    return best ? this.byFolded.get(best.folded)!.word : undefined;
  }
  /** Known words that deleting up to `maxDistance` letters from both sides makes equal to `folded` (symmetric deletion). */
  private candidatesWithin(folded: string, maxDistance: number): Set<string> {
    const candidates = new Set<string>();
    for (const variant of [folded, ...deletionsOf(folded, maxDistance)]) {
      if (this.byFolded.has(variant)) candidates.add(variant);
      const first = variantHash(variant, -1, -1) * WORD_SLOTS;
      for (let i = lowerBound(this.deletions, first); i < this.deletions.length && this.deletions[i]! < first + WORD_SLOTS; i++) {
        const source = this.foldedWords[this.deletions[i]! - first]!;
        // Another variant may share the hash: the word counts only if deleting letters from it gives this variant.
        if (isIndexedDeletion(variant, source)) candidates.add(source);
      }
    }
    return candidates;
  }

  /**
   * The known word a misspelt one most likely stands for, with looser rules than `closest`: any one edit
   * from four letters, two from ten (the first letter kept below six); among equals the most used. For
   * weighing a word rather than trusting it: a word this close to a known one is more likely a slip than a
   * topic the knowledge base lacks.
   */
  near(word: string, accept: (known: string) => boolean = () => true): { word: string; distance: number } | undefined {
    const folded = foldDiacritics(word);
    if (folded.length < MIN_TYPO_LENGTH || /\d/.test(folded)) return undefined;
    const maxDistance = folded.length >= TWO_EDITS_FROM - 2 ? 2 : 1;
    const candidates = this.candidatesWithin(folded, maxDistance);
    let best: { folded: string; distance: number; count: number } | undefined;
    for (const candidate of candidates) {
      if (candidate === folded || candidate.length < MIN_TYPO_LENGTH) continue;
      if (folded.length < ANY_EDIT_FROM && candidate[0] !== folded[0]) continue;
      const distance = editDistance(folded, candidate, maxDistance);
      if (distance > maxDistance || !accept(this.byFolded.get(candidate)!.word)) continue;
      const count = this.byFolded.get(candidate)!.count;
      if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { folded: candidate, distance, count };
    }
    return best ? { word: this.byFolded.get(best.folded)!.word, distance: best.distance } : undefined;
  }
}

/**
 * The word with an inflectional ending taken off, if what is left is one of `words` (diacritic-free):
 * "morgonen" → "morgon", "definieras" → "definiera". Only endings are taken off, so "jobb" is not "jobba".
 */
export function baseFormIn(word: string, words: ReadonlySet<string>): string | undefined {
  const folded = foldDiacritics(word);
  for (let cut = 1; cut <= MAX_ENDING && folded.length - cut >= MIN_INFLECTED - 1; cut++) {
    if (ENDINGS.has(folded.slice(-cut)) && words.has(folded.slice(0, -cut))) return folded.slice(0, -cut);
  }
  // A verb form whose infinitive ends in -a the form drops ("läst", "läste", "ringde" of "läsa", "ringa").
  for (const ending of VERB_FORM_ENDINGS) {
    const infinitive = `${folded.slice(0, -ending.length)}a`;
    if (folded.endsWith(ending) && infinitive.length >= MIN_INFINITIVE && words.has(infinitive)) return infinitive;
  }
  return undefined;
}

/** A doubled letter written once (or once written twice), or two neighbouring letters swapped. */
function isCommonSlip(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return long.slice(0, i) + long.slice(i + 1) === short && (long[i] === long[i - 1] || long[i] === long[i + 1]);
}

// Keys next to each other on a Swedish keyboard (diacritic-free: å, ä, ö are compared as a, a, o).
const KEY_ROWS = ['qwertyuiopa', 'asdfghjkloa', 'zxcvbnm'];
const NEIGHBOURS = new Map<string, Set<string>>();
KEY_ROWS.forEach((row, r) => {
  [...row].forEach((key, c) => {
    const near = NEIGHBOURS.get(key) ?? new Set<string>();
    for (const [dr, dc] of [[0, -1], [0, 1], [-1, 0], [-1, 1], [1, 0], [1, -1]] as const) {
      const other = KEY_ROWS[r + dr]?.[c + dc];
      if (other) near.add(other);
    }
    NEIGHBOURS.set(key, near);
  });
});

/** One letter typed with the key next to the right one ("telefpntider"). */
function isNeighbourKey(a: string, b: string): boolean {
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 1 && (NEIGHBOURS.get(a[diff[0]!]!)?.has(b[diff[0]!]!) ?? false);
}

/** The first position in an ascending list whose value is not below `value` (the list's length if none). */
export function lowerBound<T extends string | number>(sorted: ArrayLike<T>, value: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Room for the index of a word below a variant's hash in the deletion index (2^21 words; 2^53 is exact in a double).
const WORD_SLOTS = 2 ** 21;

/** How many letters the deletion index deletes from a folded word: none below three letters, two from ten. */
function indexedDepth(folded: string): number {
  if (folded.length < MIN_TYPO_LENGTH - 1) return 0;
  return folded.length >= TWO_EDITS_FROM - 2 ? 2 : 1;
}

/**
 * The deletion index of `words`: for each word and each string made by deleting one letter of it (or
 * two, see indexedDepth), hash × WORD_SLOTS + the word's index, sorted, each pair once; so the words a
 * variant comes from follow in the order of `words`.
 */
function deletionIndex(words: readonly string[]): Float64Array {
  if (words.length > WORD_SLOTS) throw new Error(`a vocabulary of more than ${WORD_SLOTS} words`);
  let count = 0;
  for (const word of words) {
    const depth = indexedDepth(word);
    if (depth > 0) count += word.length + (depth === 2 ? (word.length * (word.length - 1)) / 2 : 0);
  }
  const pairs = new Float64Array(count);
  let n = 0;
  words.forEach((word, index) => {
    const depth = indexedDepth(word);
    for (let a = 0; a < word.length && depth > 0; a++) {
      pairs[n++] = variantHash(word, a, -1) * WORD_SLOTS + index;
      if (depth === 2) for (let b = a + 1; b < word.length; b++) pairs[n++] = variantHash(word, a, b) * WORD_SLOTS + index;
    }
  });
  pairs.sort();
  let unique = 0;
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) pairs[unique++] = pairs[i]!;
  return pairs.slice(0, unique);
}

/** 32-bit FNV-1a of `word` without the letters at `skipA` and `skipB` (-1: none). */
function variantHash(word: string, skipA: number, skipB: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) if (i !== skipA && i !== skipB) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** True when `variant` is one of the strings the deletion index made from `word`: a few letters shorter, its letters in order. */
function isIndexedDeletion(variant: string, word: string): boolean {
  const deleted = word.length - variant.length;
  if (deleted < 1 || deleted > indexedDepth(word)) return false;
  let j = 0;
  for (let i = 0; i < word.length && j < variant.length; i++) if (word[i] === variant[j]) j++;
  return j === variant.length;
}

/** Every string made by deleting up to `depth` letters of `word`. */
function deletionsOf(word: string, depth: number): Set<string> {
  const out = new Set<string>();
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      if (w.length <= 2) continue;
      for (let i = 0; i < w.length; i++) {
        const variant = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(variant)) {
          out.add(variant);
          next.push(variant);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** Optimal-string-alignment distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const cols = b.length + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, prevPrev[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = current;
  }
  return prev[cols - 1]!;
}
