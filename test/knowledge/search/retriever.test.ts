import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../../knowledge/answerer.js';
import { createAnswerer } from '../../../knowledge/create-answerer.js';
import { loadKnowledge } from '../../../knowledge/load-knowledge.js';
import type { Retriever } from '../../../knowledge/search/retriever.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../../knowledge');

describe('Retriever (on the shipped knowledge base)', () => {
  let answerer: Answerer;
  let retriever: Retriever;
  beforeAll(async () => {
    answerer = await createAnswerer(await loadKnowledge(knowledgeDir), knowledgeDir);
    retriever = answerer.search;
  });

  const top = (question: string) => retriever.search(question, 1)[0]?.entry.id;

  describe('when staff leave out å, ä and ö', () => {
    it('finds the same entry as with them', () => {
      expect(top('nar far forskolan ringa socialjouren')).toBe(top('när får förskolan ringa socialjouren'));
      expect(top('vad ar en forhandsbedomning')).toBe('forhandsbedomning');
    });

    it('does not fold words of a writer who uses them ("i rad" is not "råd")', () => {
      const terms = retriever.analyze('flera dagar i rad på förskolan').terms.map((t) => t.term);
      expect(terms).not.toContain(retriever.analyze('råd').terms[0]?.term);
    });
  });

  describe('when a short word has a typo', () => {
    it('still finds the entry', () => {
      expect(top('vem kalar vårdnadshavarna till anmälningsmötet')).toBe(top('vem kallar vårdnadshavarna till anmälningsmötet'));
      expect(top('hur fyler man i utlåtandet')).toBe('bbic-utlatande-instruktioner');
    });
  });

  describe('when a question names something the routines do not cover', () => {
    it('counts the unknown word against every entry', () => {
      const known = retriever.search('Vilka telefontider har mottagningen?', 1)[0]!;
      const unknown = retriever.search('Vilka telefontider har Skatteverket?', 1)[0]!;
      expect(unknown.coverage).toBeLessThan(known.coverage / 2);
    });

    it.each([
      'Får jag ha med en tolk på utvecklingssamtalet?',
      'Hur mycket semesterersättning får en lärare?',
      'Vad är telefonnumret till socialtjänsten i Nacka?',
      'Hur ansöker en familj om LSS?',
      'Vad är e-postadressen till skolskjutsen?',
    ])('declines "%s"', async (question) => {
      expect((await answerer.answer(question)).kind).toBe('no-answer');
    });
  });

  describe('when a question is in English', () => {
    it('maps its domain words to the Swedish ones', () => {
      const query = retriever.analyze('Do I need consent from the parents?');
      expect(query.english).toBe(true);
      expect(query.terms.map((t) => t.term)).toEqual(expect.arrayContaining([retriever.analyze('samtycke').terms[0]!.term, retriever.analyze('vårdnadshavare').terms[0]!.term]));
    });
  });

  describe('when a month and a weekday share a stem', () => {
    it('does not read "månad" as "måndag"', () => {
      expect(retriever.analyze('en månad').terms[0]?.term).not.toBe(retriever.analyze('måndag').terms[0]?.term);
    });
  });
});
