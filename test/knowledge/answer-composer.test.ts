import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../knowledge/answerer.js';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../knowledge');

/** The first paragraph of an answer: what a reader sees before anything else. */
function lead(text: string): string {
  return text.split(/\n\s*\n/)[0]!;
}

describe('AnswerComposer (through the Answerer, on the shipped knowledge base)', () => {
  let answerer: Answerer;
  beforeAll(async () => {
    answerer = await createAnswerer(await loadKnowledge(knowledgeDir), knowledgeDir);
  });

  describe('when a yes/no question is settled by an entry', () => {
    it.each([
      ['Får vi mejla utlåtandet till socialtjänsten?', 'Nej'],
      ['Kan vi prata med socialtjänsten anonymt om ett barn?', 'Ja'],
      ['Behöver vi ha bevis innan vi anmäler?', 'Nej'],
      ['Har förskolan någon egen kontaktperson på soc?', 'Nej'],
      ['Kan ett samtycke tas tillbaka?', 'Ja'],
    ])('"%s" starts with %s', async (question, word) => {
      const answer = await answerer.answer(question);
      expect(answer.text).toMatch(new RegExp(`^\\*\\*${word}\\.\\*\\*\\s+\\S`));
    });

    it('does not answer whether one must with a claim about whether one may', async () => {
      const may = await answerer.answer('Kan vi konsultera socialtjänsten anonymt?');
      expect(may.text).toMatch(/^\*\*Ja\.\*\*/);
      const must = await answerer.answer('Behöver vi säga barnets namn när vi konsulterar anonymt?');
      expect(must.text).not.toMatch(/^\*\*Ja\./);
    });

    it('does not say yes or no when the routines answer "it depends"', async () => {
      const answer = await answerer.answer('Ska vi berätta för föräldrarna att vi gör en anmälan?');
      expect(answer.kind).toBe('answer');
      expect(answer.text).not.toMatch(/^\*\*(Ja|Nej)\./);
    });
  });

  describe('when a question asks for one number', () => {
    it('gives the fax number asked for first, not the telephone number', async () => {
      const first = lead((await answerer.answer('Vilket faxnummer har mottagningssektion Södra?')).text);
      expect(first).toContain('08-530 618 16');
      expect(first).not.toContain('08-530 619 05');
    });

    it('gives the closing time of the day asked about first', async () => {
      expect(lead((await answerer.answer('Till vilken tid svarar mottagningen på torsdagar?')).text)).toContain('16.00');
    });

    it('gives the number of days first', async () => {
      expect(lead((await answerer.answer('Inom hur många dagar ska anmälningsmötet vara?')).text)).toContain('14 dagar');
    });

    it('declines to give a number for something the routines have none for', async () => {
      expect((await answerer.answer('Vilket telefonnummer har polisen i Botkyrka?')).kind).toBe('no-answer');
    });
  });

  describe('when the entry rests on a paragraph of law', () => {
    it('names the paragraph, the act and its version, and the new Social Services Act', async () => {
      const answer = await answerer.answer('Vilken paragraf ger skolan anmälningsplikt?');
      expect(answer.text).toMatch(/Lagrum: 14 kap\. 1 § SoL \(2001:453\) \[\d\]/);
      expect(answer.text).toContain('SoL (2025:400)');
    });

    it('names both acts that require collaboration', async () => {
      const answer = await answerer.answer('Vilken lag kräver att skola och socialtjänst samarbetar?');
      expect(answer.text).toMatch(/5 kap\. 1 a § SoL \(2001:453\)/);
      expect(answer.text).toMatch(/29 kap\. 13 § skollagen \(2010:800\)/);
    });
  });

  describe('when the question is written in English', () => {
    it('leads with one English line, then answers in Swedish from the same entry', async () => {
      const answer = await answerer.answer('Who do I call when the intake section is closed?');
      expect(answer.citations[0]?.id).toMatch(/socialjouren|akut-oro-mottagningen-stangd/);
      expect(lead(answer.text)).toMatch(/socialjouren.*\[1\]$/i);
      expect(answer.text).toMatch(/\n\nPå svenska: /);
    });

    it('says yes or no in English first', async () => {
      const answer = await answerer.answer('Can staff report anonymously?');
      expect(answer.text).toMatch(/^\*\*No\.\*\* /);
    });
  });

  describe('when a definition is asked for', () => {
    it('answers from the entry about the thing, not one that only mentions it', async () => {
      expect((await answerer.answer('Vad innebär anmälningsskyldighet?')).citations[0]?.id).toBe('anmalningsskyldighet');
      expect((await answerer.answer('Vad är samtycke?')).citations[0]?.id).toBe('samtycke-definition');
    });
  });

  describe('when a question has two parts', () => {
    it('answers each part from its own entry', async () => {
      const answer = await answerer.answer('Hur lång tid tar förhandsbedömningen, och hur lång tid får utredningen ta?');
      expect(answer.citations.map((c) => c.id)).toEqual(expect.arrayContaining(['forhandsbedomning', 'utredning']));
      expect(answer.text).toContain('14 dagar');
      expect(answer.text).toContain('fyra månader');
    });
  });
});
