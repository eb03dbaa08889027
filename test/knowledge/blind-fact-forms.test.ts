import { describe, expect, it } from 'vitest';
import type { Answer } from '../../knowledge/answerer.js';
import { evaluateBlindQa, type BlindQaCase } from '../../knowledge/qa-evaluation.js';

const question = (id: string, facts: string[][]): BlindQaCase => ({ id, q: `fråga ${id}`, style: 'plain', answerable: true, sources: [], facts, yes_no: null });
const answering =
  (texts: Record<string, string>) =>
  async (q: string): Promise<Answer> => {
    const text = texts[q.replace('fråga ', '')];
    return text === undefined ? { kind: 'no-answer', text: 'Det hittar jag inget svar på.', citations: [], aiGenerated: false } : { kind: 'answer', text, citations: [{ id: 'e' } as never], aiGenerated: false };
  };

/** `eval:qa` tells apart answers that lack a fact from answers that hold it in another form of its words: a diagnostic, never the score. */
describe('answers holding a fact in another word form', () => {
  it('are still misses, but counted apart when every fact stands in one sentence in another inflection', async () => {
    const report = await evaluateBlindQa(
      [question('a', [['beslutas']]), question('b', [['ringer inte']]), question('c', [['kallar till möte']])],
      answering({
        a: 'Socialtjänsten beslutar inom två veckor.',
        b: 'Ni ringer. Det gör inte vi.',
        c: 'Rektorn kallade till ett möte med familjen.',
      }),
    );
    expect(report.answerable.correct).toBe(0);
    expect(report.answerable.factMissing).toBe(3);
    // "beslutar" is another form of "beslutas"; the words of "ringer inte" stand in two sentences; "kallade … till … möte" is one.
    expect(report.outcomes.map((o) => o.factInOtherForm)).toEqual([true, false, true]);
    expect(report.answerable.factInOtherForm).toBe(2);
  });

  it('are not counted when the answer is right as written or declined', async () => {
    const report = await evaluateBlindQa([question('a', [['ring']]), question('b', [['ringer']])], answering({ a: 'Ring mottagningen.' }));
    expect(report.answerable.correct).toBe(1);
    expect(report.answerable.declined).toBe(1);
    expect(report.answerable.factInOtherForm).toBe(0);
  });
});
