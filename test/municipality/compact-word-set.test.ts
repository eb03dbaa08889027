import { deserialize, serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactWordSet } from '../../municipality/compact-word-set.js';

describe('CompactWordSet', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'å', 'ö', 'ł', 'đ', '-', "'", ' '), maxLength: 6 });

  describe('when asked for any word', () => {
    it('answers as a Set of the same words does', () => {
      fc.assert(
        fc.property(fc.array(word, { maxLength: 60 }), fc.array(word, { maxLength: 30 }), (words, asked) => {
          const set = new Set(words);
          const compact = new CompactWordSet(words);
          expect(compact.size).toBe(set.size);
          for (const candidate of [...words, ...asked]) expect(compact.has(candidate)).toBe(set.has(candidate));
        }),
      );
    });
  });

  describe('when it comes back from the start snapshot', () => {
    it('still knows its words and no others', () => {
      const words = ['anna', 'göran', 'đorđe', 'lindén', ''];
      const revived = CompactWordSet.revive(deserialize(serialize(new CompactWordSet(words))) as CompactWordSet);

      expect(words.every((w) => revived.has(w))).toBe(true);
      expect(revived.has('ann')).toBe(false);
      expect(revived.has('annas')).toBe(false);
    });
  });
});
