import { describe, expect, it } from 'vitest';
import { baseFormIn, Vocabulary } from '../../../knowledge/search/vocabulary.js';

const vocabulary = new Vocabulary([
  'förhandsbedömning', 'förhandsbedömningen', 'vårdnadshavare', 'kallar', 'fyller', 'tillbaka', 'skillnaden',
  'mottagningen', 'kontaktperson', 'anmälningsmöte', 'telefontid', 'svara', 'lämnar', 'växer', 'rätten', 'pågår',
]);

describe('Vocabulary', () => {
  describe('when a word is written without å, ä and ö', () => {
    it('finds the word with them', () => {
      expect(vocabulary.withoutDiacritics('vardnadshavare')).toBe('vårdnadshavare');
      expect(vocabulary.withoutDiacritics('forhandsbedomning')).toBe('förhandsbedömning');
    });
  });

  describe('when a short word has a common slip', () => {
    it('finds a doubled letter written once, or once written twice', () => {
      expect(vocabulary.closest('kalar')).toBe('kallar');
      expect(vocabulary.closest('fyler')).toBe('fyller');
      expect(vocabulary.closest('tilbaka')).toBe('tillbaka');
    });

    it('finds two neighbouring letters swapped', () => {
      expect(vocabulary.closest('kallra')).toBe('kallar');
    });

    it('does not turn one everyday word into another', () => {
      expect(vocabulary.closest('spara')).toBeUndefined();
      expect(vocabulary.closest('hamnar')).toBeUndefined();
      expect(vocabulary.closest('väder')).toBeUndefined();
      expect(vocabulary.closest('rasten')).toBeUndefined();
    });
  });

  describe('when a long word has a typo', () => {
    it('allows one edit, and a key next to the right one', () => {
      expect(vocabulary.closest('mottagnigen')).toBe('mottagningen');
      expect(vocabulary.closest('telefpntid')).toBe('telefontid');
    });
  });

  describe('when a word is only probably a slip for a known one', () => {
    it('finds the known word one edit away, any edit, with how far it is', () => {
      expect(vocabulary.near('rättem')).toEqual({ word: 'rätten', distance: 1 });
      expect(vocabulary.near('förhandsbedömnimg')).toEqual({ word: 'förhandsbedömning', distance: 1 });
    });

    it('keeps the first letter of a short word and finds nothing further away', () => {
      expect(vocabulary.near('vpara')).toBeUndefined();
      expect(vocabulary.near('kontor')).toBeUndefined();
    });
  });

  describe('when a word is another form of a known one', () => {
    it('finds the known form by its beginning', () => {
      expect(vocabulary.inflected('skillnad')).toBe('skillnaden');
      expect(vocabulary.inflected('paga')).toBe('pågår');
    });

    it('finds the base of a form that doubles its last m or n before the ending ("stödprogrammet", "skolvännen")', () => {
      const doubled = new Vocabulary(['stödprogram', 'skolvän']);
      expect(doubled.inflected('stödprogrammet')).toBe('stödprogram');
      expect(doubled.inflected('stödprogrammen')).toBe('stödprogram');
      expect(doubled.inflected('skolvännen')).toBe('skolvän');
      expect(doubled.inflected('stödprogrammxx')).toBeUndefined();
    });

    it('does not take an adjective or noun made from the word for a form of it', () => {
      const derived = new Vocabulary(['medicinsk', 'vänlighet', 'elever']);
      expect(derived.inflected('medicin')).toBeUndefined();
      expect(derived.inflected('vänlig')).toBeUndefined();
      expect(derived.inflected('elev')).toBe('elever');
    });
  });

  describe('when a word is abbreviated', () => {
    it('completes a long beginning, or a short one written with a full stop', () => {
      expect(vocabulary.completion('förhandsbed', 6)).toBe('förhandsbedömning');
      expect(vocabulary.completion('kontaktpers', 6)).toBe('kontaktperson');
      expect(vocabulary.completion('mot', 6)).toBeUndefined();
    });

    it('reads an abbreviated first part joined to a word as the compound', () => {
      expect(vocabulary.joined('anm', 'möte')).toBe('anmälningsmöte');
      expect(vocabulary.joined('tel', 'tid')).toBe('telefontid');
    });
  });
});

describe('baseFormIn', () => {
  describe('when an everyday verb is written in a form that drops its -a', () => {
    it('finds the infinitive, so the form counts as everyday too', () => {
      const everyday = new Set(['lasa', 'ringa']);
      expect(baseFormIn('läst', everyday)).toBe('lasa');
      expect(baseFormIn('läste', everyday)).toBe('lasa');
      expect(baseFormIn('ringde', everyday)).toBe('ringa');
    });

    it('adds no -a to a word that is no verb form ("jobb" is not "jobba")', () => {
      expect(baseFormIn('jobb', new Set(['jobba']))).toBeUndefined();
    });
  });
});
