import { mkdtempSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORD_LIST_DIR, WordListError, defaultWordLists, loadWordLists, readListFile } from '../../privacy/index.js';

describe('word lists', () => {
  const lists = defaultWordLists();

  describe('when the shipped lists are loaded', () => {
    it('holds several thousand first names and a good set of surnames', () => {
      expect(new Set(readListFile('first-names.txt')).size).toBeGreaterThanOrEqual(3000);
      expect(new Set(readListFile('surnames.txt')).size).toBeGreaterThanOrEqual(750);
    });

    it('lists only names (or their genitives) as name-word collisions', () => {
      for (const word of lists.collisions) {
        const isName = lists.names.has(word) || (word.endsWith('s') && lists.names.has(word.slice(0, -1)));
        expect(isName, word).toBe(true);
      }
    });

    it('keeps listed names out of the domain words, so a name is never taken for a word of the routines', () => {
      expect(lists.domainWords.size).toBeGreaterThan(3000);
      for (const word of lists.domainWords) expect(lists.names.has(word), word).toBe(false);
    });

    it('keeps place names, units and weekdays out of the name lists unless marked as collisions', () => {
      for (const word of [...lists.places, ...lists.nonNameTerms, ...lists.calendarWords]) {
        if (lists.names.has(word)) expect(lists.collisions.has(word) || lists.places.has(word) || lists.calendarWords.has(word), word).toBe(true);
      }
      expect(lists.names.has('tumba')).toBe(false);
      expect(lists.names.has('mottagningssektion')).toBe(false);
    });
  });

  describe('when a list file holds something that is not a word', () => {
    it('fails at load with a coded error naming the file', () => {
      const dir = mkdtempSync(join(tmpdir(), 'privacy-lists-'));
      for (const file of readdirSync(WORD_LIST_DIR)) copyFileSync(join(WORD_LIST_DIR, file), join(dir, file));
      writeFileSync(join(dir, 'first-names.txt'), 'Anna\n<script>\n');
      expect(() => loadWordLists(`${dir}/`)).toThrow(WordListError);
      try {
        loadWordLists(`${dir}/`);
      } catch (error) {
        expect((error as WordListError).code).toBe('PRIVACY_WORD_LIST_INVALID');
        expect((error as WordListError).file).toBe('first-names.txt');
      }
    });
  });
});
