import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../knowledge/load-knowledge.js';
import { builtInQuestionWords, parseQuestionWords, questionWordsSchema } from '../../knowledge/question-words.js';
import { WHOLE_FILE } from '../../municipality/pack-files.js';

const shipped = readFileSync(path.resolve(import.meta.dirname, '../../knowledge/search/question-words.yaml'), 'utf8');

function parseError(text: string): KnowledgeError {
  let error: unknown;
  try {
    parseQuestionWords(text);
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(KnowledgeError);
  return error as KnowledgeError;
}

describe('question words', () => {
  describe('when reading the shipped file', () => {
    it('has every list the answerer reads questions with', () => {
      const words = builtInQuestionWords();
      expect(Object.keys(words).sort()).toEqual(Object.keys(questionWordsSchema.shape).sort());
      expect(words.howMany).toEqual(['många', 'manga']);
      expect(words.valueNouns).toContain('telefonnummer');
    });
  });

  describe('when the file is broken', () => {
    it('names a list that is missing', () => {
      const error = parseError(shipped.replace(/^howMany:.*$/m, ''));
      expect(error.code).toBe('KNOWLEDGE_INVALID');
      expect(error.file).toBe('question-words.yaml');
      expect(error.field).toBe('howMany');
      expect(error.message).toContain('saknas');
    });

    it('names an empty list', () => {
      expect(parseError(shipped.replace(/^citing:.*$/m, 'citing: []')).field).toBe('citing');
    });

    it('names an entry that is not one lower-case word', () => {
      expect(parseError(shipped.replace(/^citing: \[enligt,/m, 'citing: [enligt två,')).field).toBe('citing.0');
      expect(parseError(shipped.replace(/^citing: \[enligt,/m, 'citing: [Enligt,')).field).toBe('citing.0');
    });

    it('names an entry with å/ä/ö in a list matched without them', () => {
      expect(parseError(shipped.replace(/^askedPersons: \[man,/m, 'askedPersons: [mån,')).field).toBe('askedPersons.0');
    });

    it('names a list the answerer does not know', () => {
      expect(parseError(`${shipped}\nhowOften: [ofta]\n`).field).toBe('(root)');
    });

    it('names the whole file when it is not YAML', () => {
      expect(parseError('phone: [oavslutad').field).toBe(WHOLE_FILE);
    });
  });
});
