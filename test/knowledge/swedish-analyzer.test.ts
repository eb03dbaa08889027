import { describe, expect, it } from 'vitest';
import { buildSynonymMap, SwedishAnalyzer } from '../../knowledge/search/swedish-analyzer.js';
import { stemSwedish } from '../../knowledge/search/swedish-stemmer.js';

describe('stemSwedish', () => {
  it('folds inflections of one word together', () => {
    expect(stemSwedish('anmälningar')).toBe(stemSwedish('anmälning'));
    expect(stemSwedish('utredningen')).toBe(stemSwedish('utredning'));
    expect(stemSwedish('föräldrarna')).toBe(stemSwedish('föräldrar'));
  });

  it('leaves short words alone', () => {
    expect(stemSwedish('är')).toBe('är');
  });
});

describe('SwedishAnalyzer', () => {
  const analyzer = new SwedishAnalyzer({
    stopWords: new Set(['vi', 'att', 'innan', 'måste', 'vara']),
    synonyms: buildSynonymMap([
      ['orosanmälan', 'anmälan', 'anmäla', 'anmäler', 'anmälning'],
      ['socialtjänsten', 'soc', 'socialen'],
      ['elevhälsoteam', 'eht'],
    ]),
  });
  analyzer.useVocabulary(new Set([stemSwedish('anmälning'), stemSwedish('möte'), stemSwedish('skydd'), stemSwedish('bedömning')]));

  describe('when staff use everyday words for domain terms', () => {
    it('treats soc, socialen and socialtjänsten as the same term', () => {
      expect(analyzer.terms('soc')).toEqual(analyzer.terms('socialtjänsten'));
      expect(analyzer.terms('socialen')).toEqual(analyzer.terms('socialtjänsten'));
    });

    it('treats EHT and elevhälsoteam as the same term', () => {
      expect(analyzer.terms('EHT')).toEqual(analyzer.terms('elevhälsoteam'));
    });

    it('treats anmälan and orosanmälan as the same term', () => {
      expect(analyzer.terms('anmäler')[0]).toBe(analyzer.terms('orosanmälan')[0]);
    });
  });

  describe('when a question holds stop words', () => {
    it('keeps only the words that carry the topic', () => {
      expect(analyzer.terms('måste vi vara säkra innan vi anmäler')).toEqual([stemSwedish('säkra'), analyzer.canonical('orosanmälan')]);
    });
  });

  describe('when a word is a compound', () => {
    it('adds its known parts so "möte" finds "anmälningsmöte"', () => {
      const terms = analyzer.terms('anmälningsmöte');
      expect(terms).toContain(stemSwedish('möte'));
      expect(terms).toContain(analyzer.canonical('anmälan'));
    });

    it('does not read a derivational ending as the last word of a compound', () => {
      const withEnding = new SwedishAnalyzer({ stopWords: new Set(), synonyms: buildSynonymMap([]) });
      withEnding.useVocabulary(new Set([stemSwedish('behandla'), 'ing']));
      expect(withEnding.splitCompound(stemSwedish('behandling'))).toEqual([]);
    });

    it('splits at a linking s: skyddsbedömning', () => {
      expect(analyzer.terms('skyddsbedömning')).toEqual(expect.arrayContaining([stemSwedish('skydd'), stemSwedish('bedömning')]));
    });
  });

  describe('when a word is hyphenated', () => {
    it('lists the parts after the word', () => {
      expect(analyzer.words('HVB-hem')).toEqual(['hvb-hem', 'hvb', 'hem']);
    });

    it('keeps "e-post" whole: it is not post', () => {
      expect(analyzer.words('skicka med e-post')).toEqual(['skicka', 'med', 'e-post']);
    });
  });
});
