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
