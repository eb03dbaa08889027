import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRIVACY_TARGETS, evaluateGuard, loadLabelledCorpus } from '../../privacy/corpus-evaluation.js';
import { PrivacyGuard } from '../../privacy/index.js';

// Written blind by a fourth reviewer and scored once (96.6 % recall); unsealed when the final set was written, since
// then a tuning and regression set.
const SET_D_PATH = fileURLToPath(new URL('../../privacy/corpus/blind-2026-12-d.jsonl', import.meta.url));

const setD = loadLabelledCorpus(SET_D_PATH);
const guard = new PrivacyGuard();
const evaluation = evaluateGuard(guard, setD);

describe('blind set D', () => {
  describe('when the set is read', () => {
    it('holds 930 messages in their writing styles, its labels read as the guard names them', () => {
      expect(setD).toHaveLength(930);
      expect(setD.filter((message) => message.identifying)).toHaveLength(594);
      expect(setD.filter((message) => message.quasi)).toHaveLength(47);
      expect(new Set(setD.map((message) => message.style))).toEqual(
        new Set(['plain', 'english', 'obfuscated', 'lowercase', 'word-name', 'pnr-layout', 'hard-negative', 'quasi']),
      );
    });
  });

  describe('when the guard is scored on it', () => {
    it('meets the recall targets, every written form of personnummer included, as reached after tuning on it', () => {
      expect(evaluation.overall.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.overallRecall);
      expect(evaluation.overall.recall).toBeGreaterThanOrEqual(0.995);
      expect(evaluation.perCategory.personnummer.recall).toBe(PRIVACY_TARGETS.personnummerRecall);
      for (const category of ['date-of-birth', 'phone', 'email', 'identifier', 'name'] as const) {
        expect(evaluation.perCategory[category].recall, category).toBeGreaterThanOrEqual(0.95);
      }
      for (const [style, score] of Object.entries(evaluation.perStyle)) {
        if (score.identifying > 0) expect(score.caught / score.identifying, style).toBeGreaterThanOrEqual(0.99);
      }
    });

    it('refuses at most 1 % of ordinary messages, English ones included', () => {
      expect(evaluation.cleanFalsePositiveRate).toBeLessThanOrEqual(PRIVACY_TARGETS.cleanFalsePositiveRate);
      const english = evaluation.perStyle.english!;
      expect(english.refused / english.clean).toBeLessThanOrEqual(PRIVACY_TARGETS.cleanFalsePositiveRate);
    });

    it('warns on at least nine in ten quasi-identifiers without refusing them', () => {
      expect(evaluation.quasi.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.quasiRecall);
      expect(evaluation.quasi.recall).toBeGreaterThanOrEqual(0.95);
    });
  });
});
