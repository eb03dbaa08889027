import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRIVACY_TARGETS, evaluateGuard, loadLabelledCorpus } from '../../privacy/corpus-evaluation.js';
import { PrivacyGuard } from '../../privacy/index.js';

// Written blind by a second reviewer and scored once (93.6 % recall); since then a tuning and regression set.
const SET_B_PATH = fileURLToPath(new URL('../../privacy/corpus/sealed/blind-2026-12-final.jsonl', import.meta.url));

const setB = loadLabelledCorpus(SET_B_PATH);
const guard = new PrivacyGuard();
const evaluation = evaluateGuard(guard, setB);

describe('blind set B', () => {
  describe('when the set is read', () => {
    it('holds 649 messages in their writing styles, its labels read as the guard names them', () => {
      expect(setB).toHaveLength(649);
      expect(setB.filter((message) => message.identifying)).toHaveLength(391);
      expect(setB.filter((message) => message.quasi)).toHaveLength(41);
      expect(new Set(setB.map((message) => message.style))).toEqual(
        new Set(['plain', 'english', 'obfuscated', 'lowercase', 'word-name', 'pnr-layout', 'hard-negative', 'quasi']),
      );
    });
  });

  describe('when the guard is scored on it', () => {
    it('meets the recall targets, every written form of personnummer included, as reached after tuning on it', () => {
      expect(evaluation.overall.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.overallRecall);
      expect(evaluation.overall.recall).toBeGreaterThanOrEqual(0.995);
      expect(evaluation.perCategory.personnummer.recall).toBe(PRIVACY_TARGETS.personnummerRecall);
      expect(evaluation.perCategory['date-of-birth'].recall).toBe(1);
      expect(evaluation.perCategory.phone.recall).toBe(1);
      for (const [style, score] of Object.entries(evaluation.perStyle)) {
        if (score.identifying > 0) expect(score.caught / score.identifying, style).toBeGreaterThanOrEqual(0.99);
      }
    });

    it('refuses at most 1 % of ordinary messages, English ones included', () => {
      expect(evaluation.cleanFalsePositiveRate).toBeLessThanOrEqual(PRIVACY_TARGETS.cleanFalsePositiveRate);
      expect(evaluation.cleanFalsePositiveRate).toBe(0);
    });

    it('warns on at least nine in ten quasi-identifiers without refusing them', () => {
      expect(evaluation.quasi.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.quasiRecall);
      expect(evaluation.quasi.recall).toBeGreaterThanOrEqual(0.95);
    });
  });
});
