import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRIVACY_TARGETS, evaluateGuard, loadLabelledCorpus } from '../../privacy/corpus-evaluation.js';
import { PrivacyGuard } from '../../privacy/index.js';

/**
 * Sets B, C and D: each written blind by another reviewer and scored once (93.6 %, 92.6 % and 96.6 % recall),
 * then opened for tuning when the next blind set was written; since then tuning and regression sets. Set H (quasi,
 * lower case, obfuscated and hard negatives only) was scored once on arrival (96.9 % recall, 90.2 % quasi warned,
 * 1.1 % refused) and tuned on. The levels asserted are those reached after tuning on them, so a change that loses one
 * of their mechanisms fails here.
 */
const SETS = [
  { name: 'B', file: 'sealed/blind-2026-12-final.jsonl', messages: 649, identifying: 391, quasi: 41 },
  { name: 'C', file: 'blind-2026-12-c.jsonl', messages: 715, identifying: 432, quasi: 38 },
  { name: 'D', file: 'blind-2026-12-d.jsonl', messages: 930, identifying: 594, quasi: 47 },
  { name: 'H', file: 'blind-2026-12-h.jsonl', messages: 302, identifying: 130, quasi: 82, styles: ['obfuscated', 'lowercase', 'hard-negative', 'quasi'] },
] as const;

const ALL_STYLES = ['plain', 'english', 'obfuscated', 'lowercase', 'word-name', 'pnr-layout', 'hard-negative', 'quasi'];
const guard = new PrivacyGuard();

describe.each(SETS)('blind set $name (tuned on since)', (set) => {
  const messages = loadLabelledCorpus(fileURLToPath(new URL(`../../privacy/corpus/${set.file}`, import.meta.url)));
  const evaluation = evaluateGuard(guard, messages);

  describe('when the set is read', () => {
    it('holds its messages in their writing styles, its labels read as the guard names them', () => {
      expect(messages).toHaveLength(set.messages);
      expect(messages.filter((message) => message.identifying)).toHaveLength(set.identifying);
      expect(messages.filter((message) => message.quasi)).toHaveLength(set.quasi);
      expect(new Set(messages.map((message) => message.style))).toEqual(new Set('styles' in set ? set.styles : ALL_STYLES));
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
      const english = evaluation.perStyle.english;
      if (english !== undefined) expect(english.refused / english.clean).toBeLessThanOrEqual(PRIVACY_TARGETS.cleanFalsePositiveRate);
    });

    it('warns on at least nine in ten quasi-identifiers without refusing them', () => {
      expect(evaluation.quasi.recall).toBeGreaterThanOrEqual(PRIVACY_TARGETS.quasiRecall);
      expect(evaluation.quasi.recall).toBeGreaterThanOrEqual(0.95);
    });
  });
});
