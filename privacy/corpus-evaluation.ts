import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PrivacyGuard } from './privacy-guard.js';
import { PRIVACY_CATEGORIES, type PrivacyCategory, type PrivacyVerdict } from './privacy-verdict.js';

/** The shipped labelled corpus: messages as staff write them in Teams, with what they contain. */
export const LABELLED_CORPUS_PATH = fileURLToPath(new URL('./corpus/labelled-messages.jsonl', import.meta.url));

/**
 * Labels other writers use for the guard's categories: a samordningsnummer is scored as a personnummer (the guard
 * names both alike), "other" as an identifier (handles, passport and registration numbers).
 */
const CATEGORY_ALIASES: Readonly<Record<string, PrivacyCategory>> = {
  date_of_birth: 'date-of-birth',
  samordningsnummer: 'personnummer',
  other: 'identifier',
};

const categorySchema = z.preprocess(
  (value) => (typeof value === 'string' ? (CATEGORY_ALIASES[value] ?? value) : value),
  z.enum(PRIVACY_CATEGORIES as [PrivacyCategory, ...PrivacyCategory[]]),
);

const labelledMessageSchema = z
  .object({
    text: z.string().min(1),
    identifying: z.boolean(),
    quasi: z.boolean(),
    categories: z.array(categorySchema).transform((categories) => PRIVACY_CATEGORIES.filter((category) => categories.includes(category))),
    /** How the message was written (plain, english, obfuscated, pnr-layout …), where the corpus says. */
    style: z.string().min(1).optional(),
  })
  .refine((message) => message.identifying === message.categories.length > 0, {
    message: 'identifying must be true exactly when categories are given',
  })
  .refine((message) => !(message.identifying && message.quasi), { message: 'quasi is only for non-identifying messages' });

/** One message of a labelled corpus. */
export type LabelledMessage = z.infer<typeof labelledMessageSchema>;

/** Raised when a corpus line is not valid JSON or not a labelled message. */
export class CorpusError extends Error {
  readonly code = 'PRIVACY_CORPUS_INVALID';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CorpusError';
  }
}

/** Parses JSONL text of labelled messages, one per line. */
export function parseLabelledCorpus(jsonl: string): LabelledMessage[] {
  const messages: LabelledMessage[] = [];
  jsonl.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new CorpusError(`Line ${index + 1} is not JSON`, index + 1);
    }
    const parsed = labelledMessageSchema.safeParse(json);
    if (!parsed.success) throw new CorpusError(`Line ${index + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, index + 1);
    messages.push(parsed.data);
  });
  return messages;
}

/** Reads the labelled corpus from a file (the shipped one by default). */
export function loadLabelledCorpus(path = LABELLED_CORPUS_PATH): LabelledMessage[] {
  return parseLabelledCorpus(readFileSync(path, 'utf8'));
}

/** Recall, precision and false-positive rate for one yes/no decision. */
export interface DetectionScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  recall: number;
  precision: number;
  falsePositiveRate: number;
}

/** How a guard did on the messages of one writing style. */
export interface StyleEvaluation {
  messages: number;
  identifying: number;
  /** Identifying messages refused. */
  caught: number;
  quasi: number;
  /** Quasi-identifiers warned about (not refused). */
  warned: number;
  clean: number;
  /** Clean messages refused. */
  refused: number;
}

/** How a guard did on a labelled corpus. */
export interface CorpusEvaluation {
  messages: number;
  /** Identifying or not, over all messages. */
  overall: DetectionScore;
  /** Per category: the category found or not, over all messages. */
  perCategory: Record<PrivacyCategory, DetectionScore>;
  /**
   * The quasi warning, over messages labelled not identifying. A quasi-identifier that is refused counts as
   * missed: the writer is told it names someone, which it does not.
   */
  quasi: DetectionScore;
  /** Per writing style, for corpora that label one. */
  perStyle: Record<string, StyleEvaluation>;
  /** Share of clean messages (neither identifying nor quasi) that were refused. */
  cleanFalsePositiveRate: number;
  /** Share of clean messages that got any reaction (refusal or quasi warning). */
  cleanAnyFlagRate: number;
  /** The messages the guard got wrong on the identifying decision or a category. */
  mistakes: { message: LabelledMessage; verdict: PrivacyVerdict }[];
}

function score(tp: number, fp: number, fn: number, tn: number): DetectionScore {
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    falsePositiveRate: fp + tn === 0 ? 0 : fp / (fp + tn),
  };
}

class Counter {
  tp = 0;
  fp = 0;
  fn = 0;
  tn = 0;
  count(expected: boolean, actual: boolean): void {
    if (expected && actual) this.tp++;
    else if (!expected && actual) this.fp++;
    else if (expected && !actual) this.fn++;
    else this.tn++;
  }
  toScore(): DetectionScore {
    return score(this.tp, this.fp, this.fn, this.tn);
  }
}

function countStyle(perStyle: Record<string, StyleEvaluation>, message: LabelledMessage, verdict: PrivacyVerdict): void {
  const style = (perStyle[message.style!] ??= { messages: 0, identifying: 0, caught: 0, quasi: 0, warned: 0, clean: 0, refused: 0 });
  style.messages++;
  if (message.identifying) {
    style.identifying++;
    if (verdict.identifying) style.caught++;
  } else if (message.quasi) {
    style.quasi++;
    if (verdict.quasi) style.warned++;
  } else {
    style.clean++;
    if (verdict.identifying) style.refused++;
  }
}

/** Runs the guard on every message and scores it against the labels. */
export function evaluateGuard(guard: PrivacyGuard, corpus: readonly LabelledMessage[]): CorpusEvaluation {
  const overall = new Counter();
  const quasi = new Counter();
  const perCategory = new Map(PRIVACY_CATEGORIES.map((category) => [category, new Counter()]));
  let clean = 0;
  let cleanRefused = 0;
  let cleanFlagged = 0;
  const mistakes: CorpusEvaluation['mistakes'] = [];
  const perStyle: Record<string, StyleEvaluation> = {};
  for (const message of corpus) {
    const verdict = guard.inspectText(message.text);
    overall.count(message.identifying, verdict.identifying);
    if (!message.identifying) quasi.count(message.quasi, verdict.quasi);
    if (message.style !== undefined) countStyle(perStyle, message, verdict);
    let categoryMistake = false;
    for (const category of PRIVACY_CATEGORIES) {
      const expected = message.categories.includes(category);
      const actual = verdict.categories.includes(category);
      perCategory.get(category)!.count(expected, actual);
      categoryMistake ||= expected !== actual;
    }
    if (!message.identifying && !message.quasi) {
      clean++;
      if (verdict.identifying) cleanRefused++;
      if (verdict.identifying || verdict.quasi) cleanFlagged++;
    }
    if (categoryMistake || message.identifying !== verdict.identifying || (!message.identifying && message.quasi !== verdict.quasi)) {
      mistakes.push({ message, verdict });
    }
  }
  return {
    messages: corpus.length,
    overall: overall.toScore(),
    perCategory: Object.fromEntries([...perCategory].map(([category, counter]) => [category, counter.toScore()])) as Record<
      PrivacyCategory,
      DetectionScore
    >,
    quasi: quasi.toScore(),
    perStyle,
    cleanFalsePositiveRate: clean === 0 ? 0 : cleanRefused / clean,
    cleanAnyFlagRate: clean === 0 ? 0 : cleanFlagged / clean,
    mistakes,
  };
}

/** The targets the guard must meet on every corpus. */
export const PRIVACY_TARGETS = {
  overallRecall: 0.98,
  personnummerRecall: 1,
  cleanFalsePositiveRate: 0.01,
  quasiRecall: 0.9,
  messagesPerSecond: 20_000,
} as const;
