import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRIVACY_TARGETS, evaluateGuard, loadLabelledCorpus } from '../../privacy/corpus-evaluation.js';
import { PrivacyGuard } from '../../privacy/index.js';

// Written before the guard's code and lists were read, so it measures how the guard generalises.
const BLIND_SET_PATH = fileURLToPath(new URL('../../privacy/corpus/blind-messages.jsonl', import.meta.url));

const blindSet = loadLabelledCorpus(BLIND_SET_PATH);
const guard = new PrivacyGuard();
const evaluation = evaluateGuard(guard, blindSet);

describe('blind labelled set', () => {
  describe('when the set is read', () => {
    it('holds 250 messages, more than half of them clean, and about twenty quasi-identifiers', () => {
      expect(blindSet).toHaveLength(250);
      const clean = blindSet.filter((message) => !message.identifying && !message.quasi);
      expect(clean.length * 2).toBeGreaterThan(blindSet.length);
      expect(blindSet.filter((message) => message.quasi).length).toBeGreaterThanOrEqual(20);
    });

    it('covers every category', () => {
      for (const category of ['personnummer', 'date-of-birth', 'name', 'phone', 'email', 'address', 'postcode'] as const) {
        expect(blindSet.some((message) => message.categories.includes(category)), category).toBe(true);
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
