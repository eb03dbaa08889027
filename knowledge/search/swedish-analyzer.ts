import { stemSwedish } from './swedish-stemmer.js';

// A shorter first part is too often accidental ("för" + "skol"); the last part may be short ("möte").
const MIN_PART = 4;
const TOKEN = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Options for turning text into search terms. */
export interface AnalyzerOptions {
  readonly stopWords: ReadonlySet<string>;
  /** stem → canonical stem, from the synonym groups. */
  readonly synonyms: ReadonlyMap<string, string>;
}

/**
 * Swedish text analysis for retrieval: lower-casing, stop words, domain synonyms, stemming and
 * compound splitting ("anmälningsmöte" also yields "anmälning" and "möte") against a vocabulary.
 */
export class SwedishAnalyzer {
  private vocabulary: ReadonlySet<string> = new Set();
  // A synonym group's own term is a word in its own right ("misstanke"), never split.
  private readonly canonicalStems: ReadonlySet<string>;

  constructor(private readonly options: AnalyzerOptions) {
    this.canonicalStems = new Set(options.synonyms.values());
  }

  /** Sets the known stems compound parts must belong to (the knowledge base's own words). */
  useVocabulary(vocabulary: ReadonlySet<string>): void {
    this.vocabulary = vocabulary;
  }

  /** Words of a text, lower-cased, before stop words and stemming. */
  words(text: string): string[] {
    return (text.toLocaleLowerCase('sv').match(TOKEN) ?? []).flatMap((w) => (w.includes('-') ? [w, ...w.split('-')] : [w]));
  }

  /** Search terms of a text: canonical stems plus the parts of compounds. */
  terms(text: string): string[] {
    const out: string[] = [];
    for (const word of this.words(text)) {
      if (this.options.stopWords.has(word)) continue;
      const stem = this.canonical(word);
      out.push(stem);
      for (const part of this.splitCompound(stem)) out.push(part);
    }
    return out;
  }

  /** The canonical stem of one word: synonym group first, else the stem. */
  canonical(word: string): string {
    const lower = word.toLocaleLowerCase('sv');
    const stem = stemSwedish(lower);
    return this.options.synonyms.get(lower) ?? this.options.synonyms.get(stem) ?? stem;
  }

  /** Known parts of a compound stem, with Swedish linking -s- and -e- allowed; empty if not a compound. */
  splitCompound(stem: string): string[] {
    if (stem.length < 2 * MIN_PART || this.vocabulary.size === 0 || this.canonicalStems.has(stem)) return [];
    for (let i = stem.length - 3; i >= MIN_PART; i--) {
      const right = stem.slice(i);
      const rightCanonical = this.options.synonyms.get(right) ?? right;
      if (!this.vocabulary.has(right) && !this.vocabulary.has(rightCanonical)) continue;
      for (const left of leftCandidates(stem.slice(0, i))) {
        if (left.length >= MIN_PART && this.vocabulary.has(left)) {
          return [this.options.synonyms.get(left) ?? left, rightCanonical];
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

/** Builds the synonym map (word and stem → canonical stem) from synonym groups. */
export function buildSynonymMap(groups: readonly (readonly string[])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) {
    const head = group[0];
    if (!head) continue;
    const canonical = stemSwedish(head.toLocaleLowerCase('sv'));
    for (const word of group) {
      const lower = word.toLocaleLowerCase('sv');
      map.set(lower, canonical);
      map.set(stemSwedish(lower), canonical);
    }
  }
  return map;
}
