import type { KnowledgeEntry } from '../knowledge-entry.js';
import type { SwedishAnalyzer } from './swedish-analyzer.js';

/** One retrieved entry with how well it matched. */
export interface RetrievalHit {
  readonly entry: KnowledgeEntry;
  /** BM25 score over the entry's weighted fields. */
  readonly score: number;
  /** Share (0–1) of the question's IDF weight that this entry covers. */
  readonly coverage: number;
}

interface IndexedEntry {
  readonly entry: KnowledgeEntry;
  readonly termFrequencies: ReadonlyMap<string, number>;
  readonly length: number;
  /** The term sets of the entry's example questions. */
  readonly questionTerms: readonly ReadonlySet<string>[];
}

// Where a word stands says how much it tells about the topic.
const FIELD_WEIGHTS = { title: 3, keywords: 2.5, questions: 2, body: 1 } as const;
const K1 = 1.2;
const B = 0.5;
const SUPERSEDED_PENALTY = 0.6;
const UNKNOWN_LONG_TERM = 8;
const UNKNOWN_SHORT_FACTOR = 0.4;
const UNKNOWN_LONG_FACTOR = 1.5;
// How much a close match with one of an entry's example questions adds, relative to the top BM25 score.
const QUESTION_MATCH_WEIGHT = 0.3;

/** BM25F retrieval over the knowledge entries, with typo-tolerant lookup of unknown words. */
export class Retriever {
  private readonly indexed: IndexedEntry[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;
  private readonly vocabulary: string[];

  constructor(
    entries: readonly KnowledgeEntry[],
    private readonly analyzer: SwedishAnalyzer,
  ) {
    const plainVocabulary = new Set<string>();
    for (const entry of entries) for (const word of analyzer.words(searchableText(entry))) plainVocabulary.add(analyzer.canonical(word));
    analyzer.useVocabulary(plainVocabulary);

    this.indexed = entries.map((entry) => indexEntry(entry, analyzer));
    for (const doc of this.indexed) {
      for (const term of doc.termFrequencies.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
    }
    this.averageLength = this.indexed.reduce((sum, d) => sum + d.length, 0) / Math.max(1, this.indexed.length);
    this.vocabulary = [...this.documentFrequency.keys()];
  }

  /** The best entries for a question, best first. */
  search(question: string, limit = 5): RetrievalHit[] {
    const queryTerms = [...new Set(this.analyzer.terms(question).map((t) => this.resolveTerm(t)))];
    if (queryTerms.length === 0) return [];
    const weights = queryTerms.map((term) => this.queryWeight(term));
    const totalWeight = weights.reduce((a, b) => a + b, 0);

    const hits: (RetrievalHit & { questionMatch: number })[] = [];
    for (const doc of this.indexed) {
      let score = 0;
      let covered = 0;
      queryTerms.forEach((term, i) => {
        const tf = doc.termFrequencies.get(term);
        if (!tf) return;
        const idf = weights[i]!;
        covered += idf;
        score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / this.averageLength));
      });
      if (score === 0) continue;
      if (doc.entry.status === 'superseded') score *= SUPERSEDED_PENALTY;
      hits.push({ entry: doc.entry, score, coverage: covered / totalWeight, questionMatch: this.questionMatch(doc, queryTerms, weights) });
    }
    const best = Math.max(0, ...hits.map((h) => h.score));
    return hits
      .map(({ questionMatch, ...hit }) => ({ ...hit, score: hit.score + QUESTION_MATCH_WEIGHT * best * questionMatch }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  /** IDF-weighted Dice overlap between the question and the closest of the entry's example questions. */
  private questionMatch(doc: IndexedEntry, queryTerms: readonly string[], weights: readonly number[]): number {
    let best = 0;
    const queryWeight = weights.reduce((a, b) => a + b, 0);
    for (const terms of doc.questionTerms) {
      let shared = 0;
      queryTerms.forEach((term, i) => {
        if (terms.has(term)) shared += weights[i]!;
      });
      if (shared === 0) continue;
      let exampleWeight = 0;
      for (const term of terms) exampleWeight += this.idf(term);
      best = Math.max(best, (2 * shared) / (queryWeight + exampleWeight));
    }
    return best;
  }

  /**
   * A term the knowledge base lacks weighs more than any known term when it is long (a compound noun such as
   * "tilläggsbelopp" names a topic we do not cover) and half when short (everyday words).
   */
  private queryWeight(term: string): number {
    if (this.documentFrequency.has(term)) return this.idf(term);
    return term.length >= UNKNOWN_LONG_TERM ? this.idf(term) * UNKNOWN_LONG_FACTOR : this.idf(term) * UNKNOWN_SHORT_FACTOR;
  }

  private idf(term: string): number {
    const n = this.indexed.length;
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** A term the knowledge base lacks is matched to a known term one or two edits away (typos). */
  private resolveTerm(term: string): string {
    if (this.documentFrequency.has(term) || term.length < 6 || /\d/.test(term)) return term;
    const maxDistance = term.length >= 9 ? 2 : 1;
    let best: string | undefined;
    let bestDistance = maxDistance + 1;
    for (const known of this.vocabulary) {
      if (Math.abs(known.length - term.length) > maxDistance) continue;
      const distance = editDistance(term, known, maxDistance);
      if (distance < bestDistance || (distance === bestDistance && best && (this.documentFrequency.get(known) ?? 0) > (this.documentFrequency.get(best) ?? 0))) {
        best = known;
        bestDistance = distance;
      }
    }
    return best ?? term;
  }
}

function searchableText(entry: KnowledgeEntry): string {
  return [entry.title, entry.keywords.join(' '), entry.questions.join(' '), entry.body].join('\n');
}

function indexEntry(entry: KnowledgeEntry, analyzer: SwedishAnalyzer): IndexedEntry {
  const tf = new Map<string, number>();
  let length = 0;
  const add = (text: string, weight: number) => {
    for (const term of analyzer.terms(text)) {
      tf.set(term, (tf.get(term) ?? 0) + weight);
      length += weight;
    }
  };
  add(entry.title, FIELD_WEIGHTS.title);
  add(entry.keywords.join(' '), FIELD_WEIGHTS.keywords);
  add(entry.questions.join(' '), FIELD_WEIGHTS.questions);
  add(entry.body, FIELD_WEIGHTS.body);
  return { entry, termFrequencies: tf, length, questionTerms: entry.questions.map((q) => new Set(analyzer.terms(q))) };
}

/** Optimal-string-alignment distance, stopping early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
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
