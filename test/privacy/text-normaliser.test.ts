import { describe, expect, it } from 'vitest';
import { PrivacyGuard, normaliseText } from '../../privacy/index.js';

const guard = new PrivacyGuard();

describe('normaliseText', () => {
  describe('when characters disguise digits or letters', () => {
    it.each([
      ['１４０３１２－２３８６', '140312-2386'],
      ['140312&#8211;2386', '140312-2386'],
      ['140312&minus;2386', '140312-2386'],
      ['14\u200b03\u200b12-23\u200b86', '140312-2386'],
      ['Ha\u00adli\u00addé', 'Halidé'],
      ['Teodora\u2060Marić', 'Teodora Marić'],
      ['070\u00a0174\u00a006\u00a055', '070 174 06 55'],
      ['Ｋｅｎｚａ', 'Kenza'],
      ['Kenz\u0430 och \u041cira', 'Kenza och Mira'],
      ['0 7 0 1 7 4 0 6 5 5', '0701740655'],
      ['٠٨٠٣١٢-٢٣٨٦', '080312-2386'],
      ['۹۰۰۴۱۷-۳۱۲۸', '900417-3128'],
      ['𝟏𝟒𝟎𝟑𝟏𝟐-𝟐𝟑𝟖𝟔', '140312-2386'],
      ['1\u03324\u03320\u03323\u0332', '1403'],
      ['l4O3l2-23B6', '140312-23B6'],
      ['O7O-l23 45 67', '070-123 45 67'],
      ['eight zero zero one one five three three nine two', '8001153392'],
      ['❽⓿⓿❶❶➎-➌➌➒➁', '800115-3392'],
      ['३१०५२२-४४८१', '310522-4481'],
      ['8,0,0,1,1,5,-,3,3,9,2', '800115-3392'],
      ['8*0*0*1*1*5', '800115'],
    ])('reads %j as %j', (written, read) => {
      expect(normaliseText(written)).toBe(read);
    });
  });

  describe('when a word is written letter by letter or with digits for letters', () => {
    it.each([
      ['heter G u l l a n och', 'heter Gullan och'],
      ['heter G  u  l  l  a  n', 'heter Gullan'],
      ['V.i.k.t.o.r E.k.b.e.r.g', 'Viktor Ekberg'],
      ['R-a-n-i-a och', 'Rania och'],
      ['h_a_m_z_a på', 'hamza på'],
      ['L*e*j*l*a och', 'Lejla och'],
      ['M4rt1n4 K0v4č', 'Martina Kovač'],
      ['heter Ab-di-ka-rim', 'heter Abdikarim'],
      ['heter Ha_li_ma', 'heter Halima'],
    ])('reads %j as %j', (written, read) => {
      expect(normaliseText(written)).toBe(read);
    });

    it('leaves words of O and l alone, and numbers with too few digits', () => {
      expect(normaliseText('Olle, lOOl, 1O')).toBe('Olle, lOOl, 1O');
      expect(normaliseText('one or two of them')).toBe('one or two of them');
    });

    it('leaves class codes, abbreviations, ids, counts and words in other scripts alone', () => {
      expect(normaliseText('4B, 3:an, t.ex., covid19, abcd0412')).toBe('4B, 3:an, t.ex., covid19, abcd0412');
      expect(normaliseText('Svara 1 2 3 eller 4, läs Толстой')).toBe('Svara 1 2 3 eller 4, läs Толстой');
    });
  });

  describe('when digits are spelled out', () => {
    it('writes four or more digit words as digits, grouped as they were spoken', () => {
      expect(normaliseText('ett-fem-noll-tre-ett-två, två-tre-åtta-sex')).toBe('150312 2386');
      expect(normaliseText('noll-sju-noll, ett-sju-fyra, noll-sex-fyrtiofyra')).toBe('070 174 0644');
    });

    it('leaves counts in words alone', () => {
      expect(normaliseText('sex-sju år, fem syskon och två katter')).toBe('sex-sju år, fem syskon och två katter');
    });
  });
});

describe('PrivacyGuard on disguised names', () => {
  it.each([
    'Flickan heter J a s m i n e och vill inte gå hem',
    'T.i.l.d.e i förskoleklassen har blåmärken på ryggen',
    'R-a-n-i-a och hennes syster hämtas aldrig i tid',
    'Ring gärna om V.i.k.t.o.r E.k.b.e.r.g i eftermiddag',
    'M4rt1n4 K0v4č har inte ätit på två dagar',
    'Mag\u00addale\u00adna Wój\u00adcik i 2C, vi är oroliga',
    'Vi undrar över Ｈａｍｚａ som gråter varje morgon',
  ])('refuses "%s"', (text) => {
    expect(guard.inspectText(text).categories).toContain('name');
  });
});
