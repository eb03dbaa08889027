import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORD_LIST_DIR } from '../../privacy/index.js';
import { buildNameLists } from '../../tools/name-list-builder.js';

describe('buildNameLists', () => {
  describe('when the lists are built from faker and the Hunspell dictionaries', () => {
    const built = buildNameLists();

    it('makes exactly the generated files that ship, so nobody edits them by hand', () => {
      expect([...built.keys()].sort()).toEqual(['english-name-words.txt', 'english-words.txt', 'generated-first-names.txt', 'generated-name-words.txt', 'generated-surnames.txt']);
      for (const [file, content] of built) expect(readFileSync(join(WORD_LIST_DIR, file), 'utf8') === content, file).toBe(true);
    });

    it('takes names from many languages and keeps ordinary words out of the plain names', () => {
      const firstNames = new Set(built.get('generated-first-names.txt')!.split('\n'));
      const surnames = new Set(built.get('generated-surnames.txt')!.split('\n'));
      const nameWords = new Set(built.get('generated-name-words.txt')!.split('\n'));
      for (const name of ['Jaroslava', 'Kaarina', 'Ratimir', 'Jermaine']) expect(firstNames.has(name), name).toBe(true);
      expect(surnames.has('Haugen')).toBe(true);
      expect(nameWords.has('tung')).toBe(true);
      expect(built.get('english-name-words.txt')!.split('\n')).toEqual(expect.arrayContaining(['can', 'said', 'grace', 'will']));
    });
  });
});
