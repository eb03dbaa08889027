import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';
import { isAkutOro } from '../../triage/akut-oro-detector.js';
import type { Answer } from '../../knowledge/answerer.js';
import { evaluateBlindQa, evaluateQa, evaluateYesNo, parseBlindQaCases, parseQaCases, parseYesNoCases, type BlindQaReport, type QaReport } from '../../knowledge/qa-evaluation.js';

const root = path.resolve(import.meta.dirname, '../..');
const knowledgeDir = path.join(root, 'knowledge');

/**
 * The figures `npm run eval:qa` reached on the regression set and the tuning sets (issue 9) – the first
 * blind set's dev and test splits (the test split was opened for tuning on 2026-12-05) and set E's dev
 * half, set G (tuned on from 2026-12-05 18:25) – held as floors so a change that loses answers is caught, and the hand-written English versions of open
 * questions in test/fixtures/robustness. Set E's test half is sealed elsewhere.
 */
describe('answer quality on the evaluation sets', () => {
  let regression: QaReport;
  let dev: BlindQaReport;
  let oldTest: BlindQaReport;
  let setE: BlindQaReport;
  let setG: BlindQaReport;
  let englishRewrites: BlindQaReport;
  let freshOutOfScope: BlindQaReport;
  beforeAll(async () => {
    // As the bot and `npm run eval:qa` build it: with the akut-oro detector behind the answerer's port.
    const answerer = await createAnswerer(await loadKnowledge(knowledgeDir), knowledgeDir, { acuteConcern: isAkutOro });
    const ask = (q: string) => answerer.answer(q);
    regression = await evaluateQa(parseQaCases(await readFile(path.join(root, 'test/fixtures/qa-eval.jsonl'), 'utf8')), ask);
    const blind = async (file: string) => evaluateBlindQa(parseBlindQaCases(await readFile(path.join(root, 'test/fixtures/blind', file), 'utf8')), ask);
    dev = await blind('qa-blind-2026-12-dev.jsonl');
    oldTest = await blind('qa-blind-2026-12-test.jsonl');
    setE = await blind('qa-blind-2026-12-e-dev.jsonl');
    setG = await blind('qa-blind-2026-12-g.jsonl');
    const robustness = async (file: string) => evaluateBlindQa(parseBlindQaCases(await readFile(path.join(root, 'test/fixtures/robustness', file), 'utf8')), ask);
    englishRewrites = await robustness('english-rewrites.jsonl');
    freshOutOfScope = await robustness('out-of-scope-sv.jsonl');
  });

  describe('when the regression set is answered', () => {
    it('scores at least 0.95', () => {
      expect(regression.score).toBeGreaterThanOrEqual(0.95);
    });
  });

  describe('when the blind dev split is answered', () => {
    it('scores at least 0.94 overall', () => {
      expect(dev.score).toBeGreaterThanOrEqual(0.94);
    });

    it('declines at least 0.95 of the out-of-scope questions and presents at most two unrelated entries as answers', () => {
      expect(dev.outOfScope.declined / dev.outOfScope.total).toBeGreaterThanOrEqual(0.95);
      expect(dev.outOfScope.unrelatedAnswers).toBeLessThanOrEqual(2);
    });

    it('understands every English question', () => {
      expect(dev.byStyle['english']).toEqual({ total: 13, correct: 13 });
    });

    it('starts most right yes/no answers with the yes or the no, and every one-number answer with the number', () => {
      expect(dev.yesNo.leading / dev.yesNo.total).toBeGreaterThanOrEqual(0.75);
      expect(dev.oneNumber.inLead).toBe(dev.oneNumber.total);
    });
  });

  describe('when the other tuning sets are answered', () => {
    it('scores at least 0.93 on the first set\'s old test split and 0.88 on set E\'s dev half', () => {
      expect(oldTest.score).toBeGreaterThanOrEqual(0.93);
      expect(setE.score).toBeGreaterThanOrEqual(0.88);
    });

    it('understands English versions of open questions, written by hand, and declines English questions the routines do not cover', () => {
      expect(englishRewrites.answerable.correct / englishRewrites.answerable.total).toBeGreaterThanOrEqual(0.85);
      expect(englishRewrites.outOfScope.declined).toBe(englishRewrites.outOfScope.total);
    });

    it('declines at least 0.9 of Swedish questions the routines do not cover, written fresh (80)', () => {
      expect(freshOutOfScope.outOfScope.declined / freshOutOfScope.total).toBeGreaterThanOrEqual(0.9);
    });

    it('declines at least 0.88 of set G\'s out-of-scope questions, most of them near misses in the routines\' own words, and answers at least 0.88 of its answerable ones', () => {
      expect(setG.outOfScope.declined / setG.outOfScope.total).toBeGreaterThanOrEqual(0.88);
      expect(setG.answerable.correct / setG.answerable.total).toBeGreaterThanOrEqual(0.88);
    });

    it('never opens with the wrong yes or no', () => {
      for (const report of [dev, oldTest, setE, setG]) expect(report.yesNo.wrong).toBe(0);
    });
  });
});

describe('evaluateYesNo', () => {
  const cases = parseYesNoCases(
    ['{"id":"a","q":"Får vi?","yes_no":"ja"}', '{"id":"b","q":"Måste vi?","yes_no":"nej"}', '{"id":"c","q":"Ska vi?","yes_no":"ja"}', '{"id":"d","q":"Kan vi?","yes_no":"nej"}', '{"id":"e","q":"Bör vi?","yes_no":"ja"}'].join('\n'),
  );
  const replies: Record<string, Answer> = {
    'Får vi?': { kind: 'answer', text: '**Jo.** Det får ni. [1]', citations: [], aiGenerated: false },
    'Måste vi?': { kind: 'answer', text: '**Ja.** Det måste ni. [1]', citations: [{ id: 'x' } as Answer['citations'][number]], aiGenerated: false },
    'Ska vi?': { kind: 'answer', text: 'Rutinen säger så här. [1]', citations: [], aiGenerated: false },
    'Kan vi?': { kind: 'no-answer', text: 'Det hittar jag inget svar på.', citations: [], aiGenerated: false },
    'Bör vi?': { kind: 'answer', text: 'Yes. You should. [1]', citations: [], aiGenerated: false },
  };

  it('counts right and wrong openings, answers that open with neither, and declines', async () => {
    const report = await evaluateYesNo(cases, async (q) => replies[q]!);
    expect(report).toMatchObject({ total: 5, right: 2, wrong: 1, noLead: 1, declined: 1 });
    expect(report.wrongCases.map((w) => [w.case.id, w.got])).toEqual([['b', 'x']]);
  });
});
