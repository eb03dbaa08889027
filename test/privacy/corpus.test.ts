import { describe, expect, it } from 'vitest';
import { PRIVACY_TARGETS, evaluateGuard, loadLabelledCorpus } from '../../privacy/corpus-evaluation.js';
import { PrivacyGuard } from '../../privacy/index.js';

const corpus = loadLabelledCorpus();
const guard = new PrivacyGuard();
const evaluation = evaluateGuard(guard, corpus);

describe('labelled corpus', () => {
  describe('when the corpus is read', () => {
    it('holds at least 400 messages, at least half of them clean', () => {
      expect(corpus.length).toBeGreaterThanOrEqual(400);
      const clean = corpus.filter((message) => !message.identifying && !message.quasi);
      expect(clean.length * 2).toBeGreaterThanOrEqual(corpus.length);
    });

    it('covers every category and the tricky negatives', () => {
      for (const category of ['personnummer', 'date-of-birth', 'name', 'phone', 'email', 'address', 'postcode'] as const) {
        expect(corpus.some((message) => message.categories.includes(category)), category).toBe(true);
      }
      const cleanTexts = corpus.filter((message) => !message.identifying).map((message) => message.text).join('\n');
      for (const fragment of ['14 kap. 1 §', '08-530 622 55', 'kl 13.00', 'den 12 mars', '%', 'Tullinge', 'Mottagningssektion Norr', 'LVU', 'björn', 'nu bor de']) {
        expect(cleanTexts, fragment).toContain(fragment);
      }
    });
  });

  describe('when the guard is scored on it', () => {
    it('meets the recall targets', () => {
      expect(evaluation.overall.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.overallRecall);
      expect(evaluation.perCategory.personnummer.recall).toBe(PRIVACY_TARGETS.personnummerRecall);
    });

    it('refuses at most 1 % of clean messages', () => {
      expect(evaluation.cleanFalsePositiveRate).toBeLessThanOrEqual(PRIVACY_TARGETS.cleanFalsePositiveRate);
    });

    it('warns on at least nine in ten quasi-identifiers without refusing them', () => {
      expect(evaluation.quasi.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.quasiRecall);
    });
  });
});
