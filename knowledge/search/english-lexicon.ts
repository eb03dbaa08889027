import { z } from 'zod';

/** `english.yaml`: how a question written in English is recognised and turned into the routines' Swedish words. */
export const englishLexiconSchema = z
  .object({
    /** Function words that only English has; a question with more of them than Swedish stop words is English. */
    markers: z.array(z.string().min(1)).min(10),
    /** English words that carry no topic. */
    stopWords: z.array(z.string().min(1)),
    /** English word or phrase (lower case) → the Swedish words for it. */
    terms: z.record(z.string().min(1), z.string().min(1)),
  })
  .strict();
/** The parsed lexicon file. */
export type EnglishLexiconData = z.infer<typeof englishLexiconSchema>;

const SUFFIXES: readonly (readonly [string, string])[] = [['ies', 'y'], ['es', ''], ['s', ''], ['ing', ''], ['ing', 'e'], ['ed', ''], ['ed', 'e'], ['ly', '']];

/** The word and the forms it may be an inflection of ("moves" → "move"), without a dictionary. */
function baseForms(word: string): string[] {
  const forms = [word];
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length) + replacement);
  }
  return forms;
}
// What is left of a contraction once the apostrophe splits it ("isn't" → "isn" + "t"): function words.
const CONTRACTION_STEMS = new Set(['isn', 'aren', 'wasn', 'weren', 'don', 'doesn', 'didn', 'hasn', 'haven', 'hadn', 'couldn', 'shouldn', 'wouldn', 'won', 'mustn', 'needn', 'ain']);
// An adverb made of an adjective and -ly ("abruptly", "gradually", "formally") says how or when, never what about: as
// the Swedish adverbs in -vis and -ligen, it carries no topic. Only words the lexicon does not translate reach this
// ("family", "early" are terms); a stem of four letters or more leaves out "bully", "reply", "ally", and "-pply" "supply".
const MANNER_ADVERB = /^[a-z]{4,}(?<!pp)ly$/;
// In a term, the words that may stand between a word and where it points ("refer … to social services").
const GAP = '…';
const APOSTROPHE = /\s*['’]\s*/gu;
// How many words may stand between such a word and the words it points to ("refer the pupil's family to").
const MOST_BETWEEN = 4;
// Prefix of the index terms made from the entries' English summaries, apart from the Swedish terms.
const ENGLISH_TERM = 'en:';

/**
 * A light English stemmer for matching a question's words with the entries' English summaries: plural,
 * -ing, -ed and a final e go ("defines", "defined", "define" → "defin"; "sections" → "section").
 */
export function stemEnglish(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

/** Swedish words, and the English ones the lexicon has no Swedish for, of an English question. */
export interface EnglishReading {
  readonly swedish: readonly string[];
  /** English words the lexicon does not translate and that carry a topic (not stop or marker words). */
  readonly untranslated: ReadonlySet<string>;
}

// Swedish words that are also English ("i", "in", "under") do not count as Swedish evidence.
const SHARED_WORDS = new Set(['i', 'in', 'under', 'man', 'hand', 'by', 'fast']);

/**
 * English for staff who write it (Sam, journeys): detects an English question and maps its domain
 * words to the Swedish terms the knowledge base uses (report → orosanmälan, intake → mottagning).
 * Words it does not know stay as they are, so an unknown topic still counts against answering.
 */
export class EnglishLexicon {
  private readonly markers: ReadonlySet<string>;
  private readonly stopWords: ReadonlySet<string>;
  private readonly terms: ReadonlyMap<string, string>;
  /** Words in the lexicon's longest phrase, so that every listed phrase can be found ("convention on the rights of the child"). */
  private readonly longestPhrase: number;
  /**
   * The base forms of the lexicon's one-word terms listed in an inflected form ("received" → "receive", "receiv"), for
   * the word's other forms ("receives", "receiving"), which `lookup` only finds from a base form listed.
   */
  private readonly listedInflected = new Map<string, string>();
  /** Words whose Swedish depends on where they point ("refer … to social services"): the head, what must follow, the Swedish. */
  private readonly pointing: readonly { readonly head: string; readonly tail: readonly string[]; readonly swedish: string }[];

  constructor(data: EnglishLexiconData) {
    this.markers = new Set(data.markers);
    this.stopWords = new Set(data.stopWords);
    // A question's words are split at an apostrophe ("children's" → "children", "s"): so are the listed phrases, or one
    // with a possessive would never be found.
    const entries = Object.entries(data.terms).map(([k, v]) => [k.toLowerCase().replace(APOSTROPHE, ' '), v] as const);
    this.terms = new Map(entries.filter(([k]) => !k.includes(GAP)));
    this.pointing = entries.filter(([k]) => k.includes(GAP)).map(([k, swedish]) => {
      const [head, tail] = k.split(GAP).map((part) => part.trim());
      return { head: head!, tail: tail!.split(' '), swedish };
    });
    this.longestPhrase = Math.max(1, ...[...this.terms.keys()].map((term) => term.split(' ').length));
    for (const [term, swedish] of this.terms) {
      if (term.includes(' ')) continue;
      for (const form of baseForms(term).slice(1)) if (!this.terms.has(form) && !this.listedInflected.has(form)) this.listedInflected.set(form, swedish);
    }
  }

  /** True for an English marker or stop word ("do", "to"). */
  isFunctionWord(word: string): boolean {
    return this.markers.has(word) || this.stopWords.has(word);
  }

  /** True when the words (lower case) read as English rather than Swedish. */
  isEnglish(words: readonly string[], isSwedishStopWord: (word: string) => boolean): boolean {
    let english = 0;
    let swedish = 0;
    for (const word of words) {
      if (this.markers.has(word)) english += 1;
      else if (isSwedishStopWord(word) && !SHARED_WORDS.has(word)) swedish += 1;
    }
    return english >= 1 && english > swedish;
  }

  /** The index terms of an English text (an entry's summary): stemmed content words, marked as English. */
  englishTerms(text: string): string[] {
    return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && !this.isStopWord(w) && !this.markers.has(w) && !CONTRACTION_STEMS.has(w)).map((w) => ENGLISH_TERM + stemEnglish(w));
  }

  /** The index term of one English question word, as `englishTerms` makes it. */
  englishTerm(word: string): string {
    return ENGLISH_TERM + stemEnglish(word);
  }

  /** The Swedish words for an English question's words; English stop words dropped, unknown words kept. */
  toSwedish(words: readonly string[]): string[] {
    return this.read(words).swedish as string[];
  }

  /** The question read into Swedish, with the English words left untranslated named. */
  read(words: readonly string[]): EnglishReading {
    const out: string[] = [];
    const untranslated = new Set<string>();
    for (let i = 0; i < words.length; ) {
      // A word that means another thing by where it points: only its own word is read, what follows is read as usual.
      const pointing = this.pointing.find((p) => baseForms(words[i]!).includes(p.head) && this.followedBy(words, i + 1, p.tail));
      if (pointing) {
        out.push(...pointing.swedish.split(/\s+/).filter(Boolean));
        i += 1;
        continue;
      }
      let matched = false;
      for (let n = Math.min(this.longestPhrase, words.length - i); n >= 1 && !matched; n--) {
        const phrase = words.slice(i, i + n).join(' ');
        const swedish = this.lookup(phrase);
        if (swedish === undefined) continue;
        out.push(...swedish.split(/\s+/).filter(Boolean));
        i += n;
        matched = true;
      }
      if (matched) continue;
      const word = words[i]!;
      if (!this.isStopWord(word) && !this.markers.has(word) && !CONTRACTION_STEMS.has(word)) {
        // Another form of a word listed inflected ("receives" of "received"): a stop word never reaches here ("means").
        const swedish = baseForms(word).map((form) => this.listedInflected.get(form)).find((found) => found !== undefined);
        if (swedish !== undefined) out.push(...swedish.split(/\s+/).filter(Boolean));
        else {
          out.push(word);
          untranslated.add(word);
        }
      }
      i += 1;
    }
    return { swedish: out, untranslated };
  }

  /** True when the words from `start` hold `tail` within a few words ("the child" "to social services"). */
  private followedBy(words: readonly string[], start: number, tail: readonly string[]): boolean {
    for (let at = start; at <= start + MOST_BETWEEN && at + tail.length <= words.length; at++) {
      if (tail.every((word, k) => words[at + k] === word)) return true;
    }
    return false;
  }

  /** A stop word as written or in a base form ("afternoons"), or an adverb the lexicon does not translate ("abruptly"). */
  private isStopWord(word: string): boolean {
    return baseForms(word).some((form) => this.stopWords.has(form)) || MANNER_ADVERB.test(word);
  }

  /**
   * A phrase as written, or with each word in a base form ("reports", "reporting", "reported" →
   * "report"; "moves home" → "move home").
   */
  private lookup(phrase: string): string | undefined {
    const direct = this.terms.get(phrase);
    if (direct !== undefined) return direct;
    const words = phrase.split(' ');
    const last = words.pop()!;
    for (const form of baseForms(last)) {
      const found = this.terms.get([...words, form].join(' '));
      if (found !== undefined) return found;
    }
    const first = words.shift();
    if (first === undefined) return undefined;
    for (const form of baseForms(first)) {
      for (const end of baseForms(last)) {
        const found = this.terms.get([form, ...words, end].join(' '));
        if (found !== undefined) return found;
      }
    }
    return undefined;
  }
}
