import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../knowledge/load-knowledge.js';
import { alternationOf, builtInQuestionWords, parseQuestionWords, questionWordsSchema } from '../../knowledge/question-words.js';
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

    it('names an empty list of asked kinds, in words an editor understands', () => {
      const error = parseError(shipped.replace(/^askedKinds:\n(?:(?: {2}.*)?\n)+?(?=\S)/m, 'askedKinds: []\n\n'));
      expect(error.field).toBe('askedKinds');
      expect(error.message).toContain('minst en sorts fråga');
    });

    it('names an entry that is not one lower-case word', () => {
      expect(parseError(shipped.replace(/^citing: \[enligt,/m, 'citing: [enligt två,')).field).toBe('citing.0');
      expect(parseError(shipped.replace(/^citing: \[enligt,/m, 'citing: [Enligt,')).field).toBe('citing.0');
    });

    it('names an entry with å/ä/ö in a list matched without them', () => {
      expect(parseError(shipped.replace(/^askedPersons: \[man,/m, 'askedPersons: [mån,')).field).toBe('askedPersons.0');
    });

    it('names a phrase that is not lower-case words one space apart, with "*" only last in a word', () => {
      expect(parseError(shipped.replace(/^somethingNew: \[ny,/m, 'somethingNew: [ny  nu,')).field).toBe('somethingNew.0');
      expect(parseError(shipped.replace(/^somethingNew: \[ny,/m, 'somethingNew: [n*y,')).field).toBe('somethingNew.0');
      expect(parseError(shipped.replace(/^somethingNew: \[ny,/m, 'somethingNew: [nå,')).field).toBe('somethingNew.0');
    });

    it('names a shortening written with its last full stop', () => {
      expect(parseError(shipped.replace(/^shortenedInSentence: \[kap,/m, 'shortenedInSentence: [kap.,')).field).toBe('shortenedInSentence.0');
    });

    it('names a place name that is not capitalised words joined by a space or a hyphen', () => {
      expect(parseError(shipped.replace(/^municipalities: \[Botkyrka,/m, 'municipalities: [botkyrka,')).field).toBe('municipalities.0');
      expect(parseError(shipped.replace(/^municipalities: \[Botkyrka,/m, 'municipalities: [Botkyrka kommun 2,')).field).toBe('municipalities.0');
    });

    it('names a municipality counted only when capitalised that is not among the municipalities', () => {
      const error = parseError(shipped.replace(/^municipalitiesCapitalised: \[Ale, Berg,/m, 'municipalitiesCapitalised: [Ale, Bergby,'));
      expect(error.field).toBe('municipalitiesCapitalised.1');
      expect(error.message).toContain('ska också stå i municipalities ("Bergby" saknas där)');
    });

    it('names a list the answerer does not know', () => {
      expect(parseError(`${shipped}\nhowOften: [ofta]\n`).field).toBe('(root)');
    });

    it('names the whole file when it is not YAML', () => {
      expect(parseError('phone: [oavslutad').field).toBe(WHOLE_FILE);
    });
  });

  describe('when a list is made a pattern', () => {
    it('matches a phrase across any white space, a word with "*" with any ending, and a shortening\'s full stops as such', () => {
      const pattern = new RegExp(`^${alternationOf(['håller på', 'avslut*', 'bl.a'])}$`, 'u');
      for (const text of ['håller på', 'håller\n  på', 'avslut', 'avslutats', 'bl.a']) expect(pattern.test(text), text).toBe(true);
      for (const text of ['hållerpå', 'avslu', 'blxa', 'avslutad nu']) expect(pattern.test(text), text).toBe(false);
    });
  });
});
