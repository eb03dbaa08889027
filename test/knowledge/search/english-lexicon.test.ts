import { describe, expect, it } from 'vitest';
import { EnglishLexicon } from '../../../knowledge/search/english-lexicon.js';

const lexicon = new EnglishLexicon({
  markers: ['what', 'who', 'how', 'the', 'is', 'do', 'does', 'it', 'a', 'of'],
  stopWords: ['means', 'mean'],
  terms: { received: 'mottagen', meaning: 'betydelse', report: 'orosanmälan' },
});

describe('EnglishLexicon', () => {
  describe('when a term is listed in an inflected form', () => {
    it('reads the word\'s other forms as that term', () => {
      expect(lexicon.read(['who', 'receives', 'it']).swedish).toEqual(['mottagen']);
      expect(lexicon.read(['receiving', 'a', 'report']).swedish).toEqual(['mottagen', 'orosanmälan']);
    });

    it('leaves a stop word that shares a base form with it out ("means" of "meaning")', () => {
      const reading = lexicon.read(['what', 'does', 'it', 'means']);
      expect(reading.swedish).toEqual([]);
      expect(reading.untranslated.size).toBe(0);
    });
  });

  describe('when a listed phrase is longer than four words', () => {
    it('still reads the whole phrase as its Swedish term', () => {
      const long = new EnglishLexicon({
        markers: ['what', 'the', 'of', 'on', 'is'],
        stopWords: [],
        terms: { 'united nations declaration on the rights of indigenous peoples': 'urfolksdeklarationen', rights: 'rättigheter' },
      });
      const words = 'what is the united nations declaration on the rights of indigenous peoples'.split(' ');
      expect(long.read(words).swedish).toEqual(['urfolksdeklarationen']);
    });
  });

  describe('when a listed phrase has a possessive', () => {
    it('reads it from the words a question is split into at the apostrophe', () => {
      const possessive = new EnglishLexicon({
        markers: ['who', 'are', 'the'],
        stopWords: ['s'],
        terms: { "children's services": 'socialtjänsten', children: 'barn', services: 'tjänster' },
      });
      expect(possessive.read(['who', 'are', 'children', 's', 'services']).swedish).toEqual(['socialtjänsten']);
    });
  });

  describe('when a word means another thing by where it points', () => {
    const pointing = new EnglishLexicon({
      markers: ['what', 'the', 'of', 'to', 'is', 'we', 'a', 'should', 'her', 'do', 'how', 'i'],
      stopWords: [],
      terms: { send: 'skicka', 'send … to the court': 'överklaga', court: 'domstol', doctor: 'läkare' },
    });

    it('reads its pointed sense only when the words it points to follow within a few words', () => {
      expect(pointing.read('should we send her file to the court'.split(' ')).swedish).toEqual(['överklaga', 'file', 'domstol']);
    });

    it('reads its plain sense when it points elsewhere', () => {
      expect(pointing.read('how do i send a note to the doctor'.split(' ')).swedish).toEqual(['skicka', 'note', 'läkare']);
    });

    it('does not take a word far beyond it as where it points', () => {
      expect(pointing.read('send it and later ask them whether it went to the court'.split(' ')).swedish[0]).toBe('skicka');
    });
  });
});
