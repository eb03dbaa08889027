import { describe, expect, it } from 'vitest';
import { ADDED_CONTENT_KINDS, findAddedContent, type AddedContentKind } from '../../knowledge/model-output-check.js';

/** A passage as the knowledge base writes them: Markdown emphasis, a list, the sections' numbers. */
const PASSAGE = [
  'Orosanmälningar tas emot av utredningsenhetens två mottagningssektioner:',
  '',
  '- **Mottagningssektion Norr:** telefon 08-530 622 55, fax 08-530 622 88',
  '- **Mottagningssektion Södra:** telefon 08-530 619 05, fax 08-530 618 16',
  '',
  'Ring på mottagningens telefontider, kl. 8.30–11.30, t.ex. när ni är osäkra.',
].join('\n');

/** A passage that does carry a link, an e-mail address and markup, to show that repeating them is fine. */
const PASSAGE_WITH_LINKS = [
  'Checklistan finns på https://www.botkyrka.se/barn-och-familj/checklista/ och i [kommunens handbok](https://handbok.botkyrka.se/oro).',
  'Frågor om rutinen mejlas till Mottagningen.Norr@botkyrka.se. Tabellen visas som <br> i intranätet.',
].join('\n');

describe('findAddedContent', () => {
  describe('when the model adds content that no passage has', () => {
    const added: [AddedContentKind, string][] = [
      ['url', 'Läs mer på https://evil.example/anmal [1].'],
      ['url', 'Läs mer på http://botkyrka.se.evil.example [1].'],
      ['url', 'Läs mer på www.anmal-har.se [1].'],
      ['url', 'Läs mer på example.com [1].'],
      ['url', 'Läs mer på Example.COM/anmalan [1].'],
      ['url', 'Gå till botkyrka.se/annan-sida [1].'],
      ['url', 'Läs mer på ｅｘａｍｐｌｅ．ｃｏｍ [1].'],
      ['url', 'Läs mer på exam\u200bple.com [1].'],
      ['url', 'Klicka javascript:alert(1) [1].'],
      ['url', 'Ring tel:0853062255 [1].'],
      ['markup', 'Se [checklistan](https://evil.example) [1].'],
      ['markup', 'Se ![bild](https://evil.example/p.png) [1].'],
      ['markup', 'Det räcker med en misstanke [1].\n[1]: https://evil.example'],
      ['markup', 'Det räcker med en misstanke <script>alert(1)</script> [1].'],
      ['markup', 'Det räcker med en <b>misstanke</b> [1].'],
      ['markup', 'Det räcker med en misstanke <img src=x onerror=alert(1)> [1].'],
      ['markup', 'Det räcker med en misstanke ＜script＞ [1].'],
      ['markup', 'Det räcker med en misstanke &lt;script&gt; [1].'],
      ['email', 'Mejla anmalan@evil.example [1].'],
      ['email', 'Mejla mottagningen.norr@botkyrka.se [1].'],
      ['email', 'Mejla anmalan (at) botkyrka.se [1].'],
      ['phone', 'Ring 08-123 456 78 [1].'],
      ['phone', 'Ring +46 70 123 45 67 [1].'],
      ['phone', 'Ring (08) 530 699 99 [1].'],
      ['phone', 'Ring 0701234567 [1].'],
      ['phone', 'Ring 08-530 619 05 – Södras fax är 08-530 618 17 [1].'],
      ['number', 'Ring inom 48 timmar [1].'],
    ];

    it.each(added)('finds the %s in %j', (kind, text) => {
      expect(findAddedContent(text, { passages: [PASSAGE] })).toBe(kind);
    });

    it('covers every kind', () => {
      expect(new Set(added.map(([kind]) => kind))).toEqual(new Set(ADDED_CONTENT_KINDS));
    });
  });

  describe('when the model repeats what the passages have', () => {
    it.each([
      'Ring Mottagningssektion Norr på 08-530 622 55 [1].',
      'Ring Norr på 08 530 622 55 eller Södra på 08–530 619 05 [1].',
      'Ring Norr på +46 8-530 622 55 [1].',
      'Ring Norr på 530 622 55 [1].',
    ])('accepts a passage phone number however it is written: %j', (text) => {
      expect(findAddedContent(text, { passages: [PASSAGE] })).toBeUndefined();
    });

    it.each([
      'Checklistan finns på https://www.botkyrka.se/barn-och-familj/checklista/ [1].',
      'Checklistan finns på www.botkyrka.se/barn-och-familj/checklista [1].',
      'Checklistan finns på botkyrka.se [1].',
      'Se [kommunens handbok](https://handbok.botkyrka.se/oro) [1].',
      'Mejla mottagningen.norr@botkyrka.se [1].',
      'Tabellen visas som <br> [1].',
    ])('accepts a link, address or markup that a passage has: %j', (text) => {
      expect(findAddedContent(text, { passages: [PASSAGE, PASSAGE_WITH_LINKS] })).toBeUndefined();
    });
  });

  describe('when the model repeats a number from the question', () => {
    it('accepts it, but not a phone number from the question: those must stand in the passages', () => {
      expect(findAddedContent('Ja, inom 48 timmar [1].', { passages: [PASSAGE], question: 'Gäller det inom 48 timmar?' })).toBeUndefined();
      expect(findAddedContent('Ring 08-123 456 78 [1].', { passages: [PASSAGE], question: 'Ska jag ringa 08-123 456 78?' })).toBe('phone');
    });
  });

  describe('when the model writes ordinary Swedish', () => {
    it.each([
      'Ni behöver inte vara säkra, t.ex. räcker en misstanke [1].',
      'Det gäller bl.a. förskolan, m.m. och s.k. anmälningsskyldighet [1].',
      'Ring kl. 8.30–11.30 eller 8.30-11.30 [1].',
      'Rutinen granskades 2026-11-22 och gäller barn 0–20 år [1].',
      'Det räcker med en misstanke [1] (se nedan).',
      '**Mottagningssektion Norr:** tar emot anmälan [1].',
      'Barnet kan sitta t.h. om läraren, i.st.f. framför [1].',
    ])('finds nothing in %j', (text) => {
      expect(findAddedContent(text, { passages: [PASSAGE], question: 'Gäller rutinen från 2026-11-22 barn 0–20 år?' })).toBeUndefined();
    });
  });
});
