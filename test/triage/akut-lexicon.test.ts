import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AkutLexiconError, builtInAkutLexicon, compileAkutLexicon, LEXICON_CATEGORIES } from '../../triage/akut-lexicon.js';

const shipped = parseYaml(readFileSync(new URL('../../triage/akut-lexicon.yaml', import.meta.url), 'utf8')) as { patterns: Record<string, string[]>; negation: unknown };

function problemOf(change: (lexicon: typeof shipped) => void): AkutLexiconError {
  const copy = structuredClone(shipped);
  change(copy);
  try {
    compileAkutLexicon(copy);
  } catch (error) {
    if (error instanceof AkutLexiconError) return error;
    throw error;
  }
  throw new Error('expected an AkutLexiconError');
}

describe('akut lexicon', () => {
  describe('when the shipped file is compiled', () => {
    it('gives a whole-word pattern for every category the detector uses', () => {
      const lexicon = builtInAkutLexicon();
      for (const category of LEXICON_CATEGORIES) expect(() => new RegExp(lexicon.sources[category], 'u')).not.toThrow();
      expect(new RegExp(lexicon.sources.caregiver, 'u').test('styvpappan')).toBe(true);
      expect(lexicon.doubtBefore.has('vagar')).toBe(true);
    });

    it('reads the notation: * for any letters, a space for spaces, {name} for another pattern', () => {
      const lexicon = compileAkutLexicon({
        negation: { negators: ['inte'], doubtBefore: ['vet'], doubtAfter: ['om'] },
        patterns: {
          ...Object.fromEntries(LEXICON_CATEGORIES.map((category): [string, string[]] => [category, category === 'caregiver' ? ['styv{parent}*', 'de vuxna hemma'] : ['x']])),
          parent: ['pappa', 'mamma'],
        },
      });
      expect(lexicon.sources.caregiver).toBe('(?:styv(?:pappa|mamma)\\p{L}*|de\\s+vuxna\\s+hemma)');
    });
  });

  describe('when the file is wrong', () => {
    it('names a pattern that refers to one that does not exist', () => {
      const error = problemOf((lexicon) => lexicon.patterns['activeViolence']!.push('slår {barnet}'));
      expect(error.field).toMatch(/^patterns\.activeViolence\.\d+$/);
      expect(error.message).toContain('{barnet}');
    });

    it('names a category the detector needs that is missing', () => {
      expect(problemOf((lexicon) => delete lexicon.patterns['honour']).field).toBe('patterns.honour');
    });

    it('names an alternative that is not a valid pattern', () => {
      expect(problemOf((lexicon) => lexicon.patterns['home']!.push('hemma(')).field).toBe('patterns.home');
    });
  });
});
