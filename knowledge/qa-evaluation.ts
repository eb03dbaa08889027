import { z } from 'zod';
import type { Answer } from './answerer.js';

/** One labelled evaluation question: the entry ids a right answer may cite first, or "no-answer". */
export const qaCaseSchema = z.object({ q: z.string().min(1), expect: z.union([z.literal('no-answer'), z.array(z.string()).min(1)]) }).strict();
/** A labelled evaluation question. */
export type QaCase = z.infer<typeof qaCaseSchema>;

/** The score of an answerer on a labelled set. */
export interface QaReport {
  readonly total: number;
  readonly correct: number;
  readonly score: number;
  readonly answerable: { readonly total: number; readonly correct: number };
  readonly unanswerable: { readonly total: number; readonly declined: number };
  readonly failures: readonly { readonly q: string; readonly expected: QaCase['expect']; readonly got: string }[];
}

/** Parses a JSONL evaluation file; a bad line names its number. */
export function parseQaCases(jsonl: string): QaCase[] {
  return jsonl
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      const result = qaCaseSchema.safeParse(JSON.parse(line));
      if (!result.success) throw new Error(`qa-eval line ${n}: ${result.error.issues[0]?.message}`);
      return result.data;
    });
}

/** Runs every case through `answer` and scores it: right first citation, or a decline where none exists. */
export async function evaluateQa(cases: readonly QaCase[], answer: (q: string) => Promise<Answer>): Promise<QaReport> {
  const failures: { q: string; expected: QaCase['expect']; got: string }[] = [];
  let answerableCorrect = 0;
  let declined = 0;
  for (const item of cases) {
    const result = await answer(item.q);
    const top = result.citations[0]?.id;
    const ok = item.expect === 'no-answer' ? result.kind === 'no-answer' : result.kind === 'answer' && top !== undefined && item.expect.includes(top);
    if (ok && item.expect === 'no-answer') declined++;
    else if (ok) answerableCorrect++;
    else failures.push({ q: item.q, expected: item.expect, got: result.kind === 'answer' ? (top ?? '?') : 'no-answer' });
  }
  const unanswerableTotal = cases.filter((c) => c.expect === 'no-answer').length;
  const correct = answerableCorrect + declined;
  return {
    total: cases.length,
    correct,
    score: cases.length === 0 ? 0 : correct / cases.length,
    answerable: { total: cases.length - unanswerableTotal, correct: answerableCorrect },
    unanswerable: { total: unanswerableTotal, declined },
    failures,
  };
}

/**
 * One question of a blind set, labelled from the source documents rather than from knowledge entries:
 * an answer is right when it contains one alternative of every `facts` group; an out-of-scope question
 * is right when it is declined.
 */
export const blindQaCaseSchema = z
  .object({
    id: z.string().min(1),
    q: z.string().min(1),
    style: z.string().min(1),
    answerable: z.boolean(),
    sources: z.array(z.object({ doc: z.string(), section: z.string() })),
    facts: z.array(z.array(z.string().min(1)).min(1)),
    yes_no: z.enum(['ja', 'nej']).nullable(),
    /** Set G marks the out-of-scope questions that use the routines' own words ("near misses"). */
    near_miss: z.boolean().optional(),
  })
  .strict();
/** A blind evaluation question. */
export type BlindQaCase = z.infer<typeof blindQaCaseSchema>;

/** How one blind question went. */
export interface BlindQaOutcome {
  readonly case: BlindQaCase;
  readonly correct: boolean;
  /** For an out-of-scope question: an entry was presented as the answer. */
  readonly unrelatedAnswer: boolean;
  /** For a yes/no question answered right: whether the text opens with the expected "Ja"/"Nej" (or "Yes"/"No"). */
  readonly leadsWithYesNo?: boolean;
  /** The yes or no the answer opens with, if any ("Ja"/"Jo"/"Yes" → ja, "Nej"/"No" → nej). */
  readonly opensWith?: 'ja' | 'nej';
  /** For a one-number question answered right: whether the first paragraph already holds the number. */
  readonly numberInLead?: boolean;
  /** For an answerable question answered without a fact: whether every fact stands in another form of its words. */
  readonly factInOtherForm?: boolean;
  readonly got: string;
}

/** The score of an answerer on a blind set, overall, by kind and by style. */
export interface BlindQaReport {
  readonly total: number;
  readonly score: number;
  /** Answerable questions missed, by how: declined, or answered without a fact asked for. */
  readonly answerable: {
    readonly total: number;
    readonly correct: number;
    readonly declined: number;
    readonly factMissing: number;
    /**
     * Of those answered without the fact: how many hold every fact group in another form of its words within one
     * sentence ("har inletts" for "inleds", "bryter" for "bryts"). A diagnostic of the set's wording, never a score.
     */
    readonly factInOtherForm: number;
  };
  readonly outOfScope: { readonly total: number; readonly declined: number; readonly unrelatedAnswers: number };
  readonly yesNo: { readonly total: number; readonly leading: number; readonly wrong: number };
  readonly oneNumber: { readonly total: number; readonly inLead: number };
  readonly byStyle: Readonly<Record<string, { readonly total: number; readonly correct: number }>>;
  readonly outcomes: readonly BlindQaOutcome[];
}

/** Parses a blind JSONL set; a bad line names its number. */
export function parseBlindQaCases(jsonl: string): BlindQaCase[] {
  return jsonl
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line !== '')
    .map(([line, n]) => {
      const result = blindQaCaseSchema.safeParse(JSON.parse(line));
      if (!result.success) throw new Error(`blind qa line ${n}: ${result.error.issues[0]?.path.join('.')} ${result.error.issues[0]?.message}`);
      return result.data;
    });
}

/** Lower case, one space, no Markdown emphasis or link targets: the form facts are looked for in. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[*_`]/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** True when `alternative` stands in the answer; mostly-digit alternatives (phone numbers) are compared by digits. */
function containsFact(answer: string, answerDigits: string, alternative: string): boolean {
  const wanted = comparable(alternative);
  if (answer.includes(wanted)) return true;
  const digits = alternative.replace(/\D/g, '');
  return digits.length >= 6 && digits.length >= alternative.replace(/\s/g, '').length * 0.7 && answerDigits.includes(digits);
}

// A word of a fact matches a word of the answer sharing its beginning: all of it up to this many letters, and all but
// the last three letters of a longer word ("inleds" ~ "inletts", "vårdnadshavare" ~ "vårdnadshavarna").
const LOOSE_EXACT_LETTERS = 4;
const LOOSE_ENDING_LETTERS = 3;

/** True when one sentence of the answer has a word beginning like each word of `alternative` (a diagnostic only). */
function containsFactLoosely(sentences: readonly (readonly string[])[], alternative: string): boolean {
  const wanted = comparable(alternative).match(/[\p{L}\d]+/gu) ?? [];
  if (wanted.length === 0) return false;
  const stems = wanted.map((word) => (word.length <= LOOSE_EXACT_LETTERS ? word : word.slice(0, Math.max(LOOSE_EXACT_LETTERS, word.length - LOOSE_ENDING_LETTERS))));
  return sentences.some((words) => stems.every((stem, i) => words.some((word) => (wanted[i]!.length <= LOOSE_EXACT_LETTERS ? word === stem : word.startsWith(stem)))));
}

// How an answer may open for each label: "Jo" answers a question asked in the negative; English answers say yes/no.
const YES_NO_WORDS: Readonly<Record<'ja' | 'nej', readonly string[]>> = { ja: ['ja', 'jo', 'yes'], nej: ['nej', 'no'] };

/** Runs every blind case through `answer` and scores it. */
export async function evaluateBlindQa(cases: readonly BlindQaCase[], answer: (q: string) => Promise<Answer>): Promise<BlindQaReport> {
  const outcomes: BlindQaOutcome[] = [];
  for (const item of cases) {
    const result = await answer(item.q);
    const got = result.kind === 'answer' ? (result.citations.map((c) => c.id).join('+') || '?') : 'no-answer';
    if (!item.answerable) {
      outcomes.push({ case: item, correct: result.kind === 'no-answer', unrelatedAnswer: result.kind === 'answer', got });
      continue;
    }
    const text = comparable(result.text);
    const digits = text.replace(/\D/g, '');
    const correct = result.kind === 'answer' && item.facts.every((group) => group.some((alternative) => containsFact(text, digits, alternative)));
    const opening = text.trimStart().split(/[\s,.!:]/)[0] ?? '';
    const opensWith = YES_NO_WORDS.ja.includes(opening) ? 'ja' : YES_NO_WORDS.nej.includes(opening) ? 'nej' : undefined;
    const lead = comparable(result.text.split(/\n\s*\n/)[0] ?? '');
    const leadDigits = lead.replace(/\D/g, '');
    const sentences = correct || result.kind !== 'answer' ? [] : text.split(/[.!?\n]|\s[-–]\s/).map((sentence) => sentence.match(/[\p{L}\d]+/gu) ?? []);
    outcomes.push({
      case: item,
      correct,
      unrelatedAnswer: false,
      got,
      ...(sentences.length > 0 ? { factInOtherForm: item.facts.every((group) => group.some((alternative) => containsFact(text, digits, alternative) || containsFactLoosely(sentences, alternative))) } : {}),
      ...(opensWith ? { opensWith } : {}),
      ...(item.yes_no && correct ? { leadsWithYesNo: YES_NO_WORDS[item.yes_no].includes(opening) } : {}),
      ...(item.style === 'one-number' && correct ? { numberInLead: item.facts.every((group) => group.some((alternative) => containsFact(lead, leadDigits, alternative))) } : {}),
    });
  }
  const byStyle: Record<string, { total: number; correct: number }> = {};
  for (const outcome of outcomes) {
    const entry = (byStyle[outcome.case.style] ??= { total: 0, correct: 0 });
    entry.total += 1;
    if (outcome.correct) entry.correct += 1;
  }
  const answerable = outcomes.filter((o) => o.case.answerable);
  const outOfScope = outcomes.filter((o) => !o.case.answerable);
  const yesNo = outcomes.filter((o) => o.leadsWithYesNo !== undefined);
  const oneNumber = outcomes.filter((o) => o.numberInLead !== undefined);
  return {
    total: outcomes.length,
    score: outcomes.length === 0 ? 0 : outcomes.filter((o) => o.correct).length / outcomes.length,
    answerable: {
      total: answerable.length,
      correct: answerable.filter((o) => o.correct).length,
      declined: answerable.filter((o) => o.got === 'no-answer').length,
      factMissing: answerable.filter((o) => !o.correct && o.got !== 'no-answer').length,
      factInOtherForm: answerable.filter((o) => o.factInOtherForm).length,
    },
    outOfScope: { total: outOfScope.length, declined: outOfScope.filter((o) => o.correct).length, unrelatedAnswers: outOfScope.filter((o) => o.unrelatedAnswer).length },
    yesNo: {
      total: yesNo.length,
      leading: yesNo.filter((o) => o.leadsWithYesNo).length,
      // The dangerous kind: a yes where the documents say no, or the other way round.
      wrong: outcomes.filter((o) => o.case.yes_no && o.opensWith && o.opensWith !== o.case.yes_no).length,
    },
    oneNumber: { total: oneNumber.length, inLead: oneNumber.filter((o) => o.numberInLead).length },
    byStyle,
    outcomes,
  };
}

/** A yes/no question of a blind yes/no set and the answer the seeds give it. */
export interface YesNoCase {
  readonly id: string;
  readonly q: string;
  readonly yes_no: 'ja' | 'nej';
}

const yesNoCaseSchema = z.object({ id: z.string().min(1), q: z.string().min(1), yes_no: z.enum(['ja', 'nej']) });

/** Parses a yes/no set (JSONL; fields besides id, q and yes_no are kept out). */
export function parseYesNoCases(jsonl: string): YesNoCase[] {
  return jsonl
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => yesNoCaseSchema.parse(JSON.parse(line)));
}

/** How the answers to a yes/no set open: with the right word, the wrong one, neither, or declined. */
export interface YesNoReport {
  readonly total: number;
  readonly right: number;
  readonly wrong: number;
  readonly noLead: number;
  readonly declined: number;
  /** The cases answered with the wrong yes or no, and the entries cited. */
  readonly wrongCases: readonly { readonly case: YesNoCase; readonly got: string }[];
}

/** Runs every yes/no case through `answer`; an answer that opens with the opposite word is the failure that matters. */
export async function evaluateYesNo(cases: readonly YesNoCase[], answer: (q: string) => Promise<Answer>): Promise<YesNoReport> {
  let [right, noLead, declined] = [0, 0, 0];
  const wrongCases: { case: YesNoCase; got: string }[] = [];
  for (const item of cases) {
    const result = await answer(item.q);
    if (result.kind !== 'answer') {
      declined += 1;
      continue;
    }
    const opening = comparable(result.text).trimStart().split(/[\s,.!:]/)[0] ?? '';
    const opensWith = YES_NO_WORDS.ja.includes(opening) ? 'ja' : YES_NO_WORDS.nej.includes(opening) ? 'nej' : undefined;
    if (opensWith === undefined) noLead += 1;
    else if (opensWith === item.yes_no) right += 1;
    else wrongCases.push({ case: item, got: result.citations.map((c) => c.id).join('+') });
  }
  return { total: cases.length, right, wrong: wrongCases.length, noLead, declined, wrongCases };
}
