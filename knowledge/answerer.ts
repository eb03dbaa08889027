import { z } from 'zod';
import type { Contacts } from '../municipality/contacts.js';
import { describeSource, type KnowledgeEntry } from './knowledge-entry.js';
import type { KnowledgeBase } from './load-knowledge.js';
import { findAddedContent, type AddedContentKind } from './model-output-check.js';
import { Retriever, type RetrievalHit } from './search/retriever.js';
import type { SwedishAnalyzer } from './search/swedish-analyzer.js';

/** Where a statement in an answer comes from. `index` is the `[n]` marker in the text. */
export interface Citation {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  /** Document and section, as shown to the user. */
  readonly source: string;
  readonly lastReviewed: string;
  /** A short extract of the entry, for citation pop-ups. */
  readonly excerpt: string;
}

/** A reply to a question: a cited answer, or a clear statement that the routines have none. */
export interface Answer {
  readonly kind: 'answer' | 'no-answer';
  readonly text: string;
  readonly citations: readonly Citation[];
  /** True when a language model phrased the text. */
  readonly aiGenerated: boolean;
}

/** A passage handed to a phraser: the entry text it may use, numbered as its citation. */
export interface Passage {
  readonly index: number;
  readonly title: string;
  readonly text: string;
}

/** Port: something that rewrites retrieved passages into a short answer (a language model). */
export interface AnswerPhraser {
  phrase(question: string, passages: readonly Passage[], signal: AbortSignal): Promise<string>;
}

/** Port: where the answerer reports what happened, without the user's words. */
export interface AnswerEvents {
  /**
   * The model's text was not used. `detail` is a refusal reason (MODEL_OUTPUT_REFUSED) or an error
   * name: never the model's or the user's text.
   */
  modelFallback(code: string, detail: string): void;
}

/** Tunables of the answerer; the defaults were set with `npm run eval:qa`. */
export interface AnswererOptions {
  readonly phraser?: AnswerPhraser;
  readonly phraserTimeoutMs?: number;
  readonly events?: AnswerEvents;
  readonly minCoverage?: number;
  readonly minScore?: number;
}

const RELATED_SCORE_RATIO = 0.8;

/** Answers questions from the knowledge base; never answers without a passage to cite. */
export class Answerer {
  private readonly retriever: Retriever;
  private readonly minCoverage: number;
  private readonly minScore: number;

  constructor(
    private readonly knowledge: KnowledgeBase,
    analyzer: SwedishAnalyzer,
    private readonly options: AnswererOptions = {},
  ) {
    this.retriever = new Retriever(knowledge.entries, analyzer);
    this.minCoverage = options.minCoverage ?? 0.35;
    this.minScore = options.minScore ?? 4;
  }

  /** Retrieval only: the entries that pass the relevance bar, best first. */
  relevant(question: string): RetrievalHit[] {
    const hits = this.retriever.search(question, 5);
    const top = hits[0];
    if (!top || top.coverage < this.minCoverage || top.score < this.minScore) return [];
    const related = hits
      .slice(1)
      .find((h) => h.score >= top.score * RELATED_SCORE_RATIO && h.coverage >= this.minCoverage && h.entry.id !== top.entry.supersededBy);
    return related ? [top, related] : [top];
  }

  /** The full answer: model-phrased when a phraser is configured and its text checks out, else extractive. */
  async answer(question: string): Promise<Answer> {
    const hits = this.relevant(question);
    if (hits.length === 0) return noAnswer(this.knowledge.contacts);
    const extractive = composeExtractive(hits.map((h) => h.entry));
    if (!this.options.phraser) return extractive;
    return (await this.tryPhrased(question, hits.map((h) => h.entry))) ?? extractive;
  }

  private async tryPhrased(question: string, entries: readonly KnowledgeEntry[]): Promise<Answer | undefined> {
    const passages = entries.map((entry, i) => ({ index: i + 1, title: entry.title, text: entry.body }));
    const controller = new AbortController();
    const timeoutMs = this.options.phraserTimeoutMs ?? 4000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new PhraserError('MODEL_TIMEOUT', `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const raw = await Promise.race([this.options.phraser!.phrase(question, passages, controller.signal), timeout]);
      return checkPhrasedAnswer(raw, entries, question);
    } catch (error) {
      if (error instanceof ModelOutputRefusedError) {
        this.options.events?.modelFallback(error.code, error.reason);
        return undefined;
      }
      const code = error instanceof PhraserError ? error.code : 'MODEL_ERROR';
      this.options.events?.modelFallback(code, error instanceof Error ? error.name : 'unknown');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Why a model answer was not used. */
export class PhraserError extends Error {
  constructor(
    readonly code: 'MODEL_TIMEOUT' | 'MODEL_ERROR' | 'MODEL_UNCHECKED',
    message: string,
  ) {
    super(message);
    this.name = 'PhraserError';
  }
}

/** Why a model's text was refused; logged as the reason, never with the text. */
export const MODEL_OUTPUT_REFUSAL_REASONS = [
  'empty-or-overlong',
  'no-citation',
  'citation-outside-passages',
  'added-markup',
  'added-url',
  'added-email',
  'added-phone',
  'added-number',
] as const;
/** One refusal reason. */
export type ModelOutputRefusalReason = (typeof MODEL_OUTPUT_REFUSAL_REASONS)[number];

/** Model text that did not pass the check; the extractive answer is sent instead. */
export class ModelOutputRefusedError extends Error {
  readonly code = 'MODEL_OUTPUT_REFUSED';
  constructor(readonly reason: ModelOutputRefusalReason) {
    super(`Model output refused: ${reason}`);
    this.name = 'ModelOutputRefusedError';
  }
}

const ADDED: Readonly<Record<AddedContentKind, ModelOutputRefusalReason>> = {
  markup: 'added-markup',
  url: 'added-url',
  email: 'added-email',
  phone: 'added-phone',
  number: 'added-number',
};

const phrasedTextSchema = z.string().trim().min(20).max(1500);

/**
 * Accepts model text only if it cites the passages it was given and adds nothing to them: every `[n]`
 * must point at a passage and at least one must be there; links, markup (HTML, Markdown links),
 * e-mail addresses and telephone numbers must stand in the passages; every other number must stand in
 * the passages or the question. Otherwise throws ModelOutputRefusedError with the reason.
 */
export function checkPhrasedAnswer(raw: unknown, entries: readonly KnowledgeEntry[], question: string): Answer {
  const parsed = phrasedTextSchema.safeParse(raw);
  if (!parsed.success) throw new ModelOutputRefusedError('empty-or-overlong');
  const text = parsed.data;
  const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (markers.length === 0) throw new ModelOutputRefusedError('no-citation');
  if (markers.some((n) => n < 1 || n > entries.length)) throw new ModelOutputRefusedError('citation-outside-passages');
  const added = findAddedContent(text, { passages: entries.map((e) => `${e.title}\n${e.body}`), question });
  if (added) throw new ModelOutputRefusedError(ADDED[added]);

  // Renumber so the citations are exactly the cited passages, in order of first mention.
  const order = [...new Set(markers)];
  const renumbered = text.replace(/\[(\d+)\]/g, (_, n: string) => `[${order.indexOf(Number(n)) + 1}]`);
  const cited = order.map((n) => entries[n - 1]!);
  return {
    kind: 'answer',
    text: `${renumbered}\n\n${sourceLines(cited)}`,
    citations: cited.map(toCitation),
    aiGenerated: true,
  };
}

/** The extractive answer: the best entry in full, a related one by title, and the sources. */
export function composeExtractive(entries: readonly KnowledgeEntry[]): Answer {
  const [main, ...related] = entries;
  if (!main) throw new Error('composeExtractive needs at least one entry');
  const parts = [`**${main.title}**`, `${main.body} [1]`];
  if (main.status === 'superseded') parts.push('Observera: den här uppgiften är ersatt av en nyare rutin, se nedan.');
  related.forEach((entry, i) => parts.push(`Läs också: ${entry.title} [${i + 2}]`));
  parts.push(sourceLines(entries));
  return { kind: 'answer', text: parts.join('\n\n'), citations: entries.map(toCitation), aiGenerated: false };
}

function sourceLines(entries: readonly KnowledgeEntry[]): string {
  const lines = entries.map((entry, i) => `[${i + 1}] ${describeSource(entry)}. Granskad ${entry.lastReviewed}.`);
  // One paragraph per source: Teams joins lines separated by a single newline.
  return `Källa:\n\n${lines.join('\n\n')}`;
}

/** The citation of an entry shown as the `i + 1`-th source. */
export function toCitation(entry: KnowledgeEntry, i: number): Citation {
  return {
    index: i + 1,
    id: entry.id,
    title: entry.title,
    source: describeSource(entry),
    lastReviewed: entry.lastReviewed,
    excerpt: entry.body.length > 300 ? `${entry.body.slice(0, 297)}…` : entry.body,
  };
}

/** The honest reply when the routines hold no answer: say so, and whom to call. */
export function noAnswer(contacts: Contacts): Answer {
  const sections = contacts.mottagningssektioner.map((s) => `${s.name}: ${s.phone}`).join(', ');
  const text = [
    'Det hittar jag inget svar på i rutinerna, och jag vill inte gissa.',
    `Fråga er kontaktperson från socialtjänsten eller ring mottagningssektionen under telefontid (${sections}).`,
    `Utanför telefontid: ${contacts.socialjouren.name}, ${contacts.socialjouren.phones[0]}. Är ett barn i akut fara: ring ${contacts.emergency.phone}.`,
  ].join('\n\n');
  return { kind: 'no-answer', text, citations: [], aiGenerated: false };
}

/** For callers that only want retrieval hits (e.g. evaluation). */
export type { RetrievalHit };
