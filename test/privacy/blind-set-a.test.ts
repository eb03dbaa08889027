import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRIVACY_TARGETS, evaluateGuard, loadLabelledCorpus } from '../../privacy/corpus-evaluation.js';
import { PrivacyGuard } from '../../privacy/index.js';

// Written blind for the anonymity issue and scored once before the guard changed; now a tuning and regression set.
const SET_A_PATH = fileURLToPath(new URL('../../privacy/corpus/blind-2026-12-a.jsonl', import.meta.url));

const setA = loadLabelledCorpus(SET_A_PATH);
const guard = new PrivacyGuard();
const evaluation = evaluateGuard(guard, setA);

describe('blind set A', () => {
  describe('when the set is read', () => {
    it('holds 656 messages in their writing styles, its labels read as the guard names them', () => {
      expect(setA).toHaveLength(656);
      expect(setA.filter((message) => message.identifying)).toHaveLength(402);
      expect(setA.filter((message) => message.quasi)).toHaveLength(44);
      expect(new Set(setA.map((message) => message.style))).toEqual(
        new Set(['plain', 'english', 'obfuscated', 'lowercase', 'word-name', 'pnr-layout', 'hard-negative', 'quasi']),
      );
    });
  });

  describe('when the guard is scored on it', () => {
    it('meets the recall targets, every written form of personnummer included', () => {
      expect(evaluation.overall.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.overallRecall);
      expect(evaluation.perCategory.personnummer.recall).toBe(PRIVACY_TARGETS.personnummerRecall);
      for (const [style, score] of Object.entries(evaluation.perStyle)) {
        if (score.identifying > 0) expect(score.caught / score.identifying, style).toBeGreaterThanOrEqual(0.95);
      }
    });

    it('refuses at most 1 % of ordinary messages, English ones included', () => {
      expect(evaluation.cleanFalsePositiveRate).toBeLessThanOrEqual(PRIVACY_TARGETS.cleanFalsePositiveRate);
    });

    it('warns on at least nine in ten quasi-identifiers without refusing them', () => {
      expect(evaluation.quasi.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.quasiRecall);
    });
  });
});
