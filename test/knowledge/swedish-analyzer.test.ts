import { describe, expect, it } from 'vitest';
import { buildSynonymMap, foldDiacritics, hasDiacritics, SwedishAnalyzer } from '../../knowledge/search/swedish-analyzer.js';
import { stemSwedish } from '../../knowledge/search/swedish-stemmer.js';

describe('stemSwedish', () => {
  it('folds inflections of one word together', () => {
    expect(stemSwedish('anmälningar')).toBe(stemSwedish('anmälning'));
    expect(stemSwedish('utredningen')).toBe(stemSwedish('utredning'));
    expect(stemSwedish('föräldrarna')).toBe(stemSwedish('föräldrar'));
  });

  it('keeps the -ar of "ansvar", which is no plural, so the noun is one word with "ansvarar" and "ansvarig"', () => {
    expect(stemSwedish('ansvar')).toBe(stemSwedish('ansvarig'));
    expect(stemSwedish('ansvar')).toBe(stemSwedish('ansvarar'));
    expect(stemSwedish('huvudansvar')).toBe(stemSwedish('huvudansvarig'));
    expect(stemSwedish('ansvars')).toBe(stemSwedish('ansvar'));
    // A plural -ar is still taken off.
    expect(stemSwedish('dagar')).toBe(stemSwedish('dag'));
  });

  it('leaves short words alone', () => {
    expect(stemSwedish('är')).toBe('är');
  });

  describe('when an adjective without its -ig or -lig is another word', () => {
    it('keeps the ending, so the adjective and its forms stay apart from that word', () => {
      expect(stemSwedish('hemlig')).not.toBe(stemSwedish('hem'));
      expect(stemSwedish('hemliga')).toBe(stemSwedish('hemlig'));
      expect(stemSwedish('billigt')).toBe(stemSwedish('billig'));
      expect(stemSwedish('billigt')).not.toBe(stemSwedish('bilen'));
      expect(stemSwedish('ledighet')).not.toBe(stemSwedish('leder'));
    });

    it('keeps "bestämmelse" (a provision) apart from "bestämmer" (decides)', () => {
      expect(stemSwedish('bestämmelser')).not.toBe(stemSwedish('bestämmer'));
      expect(stemSwedish('bestämmelserna')).toBe(stemSwedish('bestämmelse'));
      expect(stemSwedish('sekretessbestämmelser')).not.toBe(stemSwedish('sekretessbestämmer'));
      expect(stemSwedish('bestammelser')).not.toBe(stemSwedish('bestammer'));
    });

    it('still folds an adjective into the word it is made from', () => {
      expect(stemSwedish('orolig')).toBe(stemSwedish('oro'));
    });
  });
});

describe('foldDiacritics', () => {
  // The reference: what the analyzer folded with before it looked letters up in a table.
  const decomposed = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const everyCharacter = Array.from({ length: 0x10000 }, (_, code) => code).filter((code) => code < 0xd800 || code > 0xdfff).map((code) => String.fromCharCode(code));

  it('folds å, ä, ö and other accented letters to their base letters', () => {
    expect(foldDiacritics('Förhandsbedömning på Åland, café')).toBe('Forhandsbedomning pa Aland, cafe');
    expect(foldDiacritics('vardnadshavare')).toBe('vardnadshavare');
  });

  describe('when a text holds any character of the basic plane', () => {
    it('folds it as decomposing the whole text and dropping the combining marks does', () => {
      const texts = everyCharacter.flatMap((char) => [char, `Bör ${char}ö`, `${char}\u0301e`, `å${char}\u0308`]);
      expect(texts.filter((text) => foldDiacritics(text) !== decomposed(text))).toEqual([]);
    });

    it('says it has diacritics exactly when that folding would remove a mark', () => {
      const texts = everyCharacter.flatMap((char) => [char, `ok ${char} – “x”`, `${char}\u0301`]);
      expect(texts.filter((text) => hasDiacritics(text) !== /[\u0300-\u036f]/.test(text.normalize('NFD')))).toEqual([]);
    });
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

    it('reads no preposition in front as a part: "överenskommelse" is no "över", "tillgång" no "till"', () => {
      const prepositions = new SwedishAnalyzer({ stopWords: new Set(['över', 'till']), synonyms: buildSynonymMap([]) });
      prepositions.useVocabulary(new Set(['över', 'till', stemSwedish('lämna'), stemSwedish('gång')]));
      expect(prepositions.splitCompound(stemSwedish('överlämna'))).toEqual([stemSwedish('lämna')]);
      expect(prepositions.splitCompound(stemSwedish('tillgång'))).toEqual([stemSwedish('gång')]);
    });

    it('reads no function word as the last part: "skolsvårigheter" is "svår", not "vår"', () => {
      const functionWords = new SwedishAnalyzer({ stopWords: new Set(['vår']), synonyms: buildSynonymMap([]) });
      functionWords.useVocabulary(new Set(['skol', 'vår', 'svår']));
      expect(functionWords.splitCompound('skolsvår')).toEqual(['skol', 'svår']);
    });

    it('does not read the ending "-skap" as a word "skapa" after a linking s ("beredskap")', () => {
      const withEnding = new SwedishAnalyzer({ stopWords: new Set(), synonyms: buildSynonymMap([]) });
      withEnding.useVocabulary(new Set([stemSwedish('bereda'), stemSwedish('skapa'), 'kap']));
      expect(withEnding.splitCompound(stemSwedish('beredskap'))).toEqual([]);
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

describe('SwedishAnalyzer.coordinatedTerms', () => {
  const analyzer = new SwedishAnalyzer({ stopWords: new Set(['och']), synonyms: buildSynonymMap([]) });

  it('reads a name of two words sharing a last part as one term, and nothing else', () => {
    const [name] = analyzer.coordinatedTerms('Gäller det barn- och utbildningsförvaltningen?');
    expect(name).toBe(`${analyzer.canonical('barn')}&${analyzer.canonical('utbildningsförvaltningen')}`);
    expect(analyzer.coordinatedTerms('hälso- eller sjukvården')).toHaveLength(1);
    expect(analyzer.coordinatedTerms('barn och utbildning, e-post och BBIC-utlåtande')).toEqual([]);
  });
});

