import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../knowledge/answerer.js';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { citedDocumentWords, documentAskedAbout, documentAskedDateOf } from '../../knowledge/document-question.js';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load-knowledge.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../knowledge');

describe('document dates', () => {
  let knowledge: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    knowledge = await loadKnowledge(knowledgeDir);
    answerer = await createAnswerer(knowledge, knowledgeDir);
  });

  describe('citedDocumentWords', () => {
    it('gives the words naming the document a question cites as where to look', () => {
      expect(citedDocumentWords('Vad säger man om tolk enligt Östermalmsrapporten?', knowledge.sources)).toEqual(['ostermalmsrapporten']);
      expect(citedDocumentWords('Hur lång tid skiljer den gamla rutinen från Kraftsamlings styrdokument?', knowledge.sources)).toEqual(['kraftsamlings', 'styrdokument']);
      expect(citedDocumentWords('tolk vid anmälningsmöte enl. Östermalmsrapporten?', knowledge.sources)).toEqual(['ostermalmsrapporten']);
    });

    it('gives the words naming the document whose view "Hur ser … på …?" asks, not the words of what it is asked of', () => {
      expect(citedDocumentWords('Hur ser överenskommelsen på elevhälsans ansvar?', knowledge.sources)).toEqual(['overenskommelsen']);
      expect(citedDocumentWords('Hur ser det ut på mötet?', knowledge.sources)).toEqual([]);
      // Words there that name no document leave the one cited after "enligt".
      expect(citedDocumentWords('Hur ser samverkan ut på skolan enligt Östermalmsrapporten?', knowledge.sources)).toEqual(['ostermalmsrapporten']);
    });

    it('leaves the words naming what is asked about, before the citation, and questions citing nothing', () => {
      expect(citedDocumentWords('Hur arbetar de skolsociala teamen med frånvaro, enligt Stockholms stads rapport?', knowledge.sources)).not.toContain('skolsociala');
      expect(citedDocumentWords('Vad är bakgrunden till Kraftsamling?', knowledge.sources)).toEqual([]);
    });
  });

  describe('documentAskedAbout', () => {
    it('gives the document a question asks what it says, named right after the asking words', () => {
      expect(documentAskedAbout('Vad säger Östermalmsrapporten om tolk?', knowledge.sources)?.source.key).toBe('ostermalm-samverkan-2007');
      expect(documentAskedAbout('står det i kraftsamlings styrdokument nåt om lov?', knowledge.sources)?.source.key).toBe('kraftsamling-2016');
    });

    it('reads no document from "rutinerna" or from words further on in the message', () => {
      expect(documentAskedAbout('Vad säger rutinerna om tolk på mötet?', knowledge.sources)).toBeUndefined();
      expect(documentAskedAbout('Vad säger ni om att vi skriver till socialtjänsten på skolan?', knowledge.sources)).toBeUndefined();
    });
  });

  it('answers from the entry asked about when the question cites the agreement by its long name', async () => {
    const answer = await answerer.answer('Vad ska ingå i dokumentationen enligt samverkansöverenskommelsen mellan barn- och utbildningsförvaltningen och socialförvaltningen?');
    expect(answer.citations[0]?.id).toBe('overenskommelse-utgangspunkter');
    expect(answer.text).toMatch(/mål, insats\/er, ansvar, tid/);
  });

  describe('documentAskedDateOf', () => {
    it.each([
      ['När antogs styrdokumentet?', 'kraftsamling-2016'],
      ['vilket ar ar ostermalmsrapporten fran', 'ostermalm-samverkan-2007'],
      ['När skrevs den äldre rutinen?', 'samverkansrutin-botkyrka'],
    ])('reads "%s" as asking the date of %s', (question, key) => {
      expect(documentAskedDateOf(question, knowledge.sources)?.source.key).toBe(key);
    });

    it('reads no document date where no date is asked or no document is named', () => {
      expect(documentAskedDateOf('Vad står det i styrdokumentet om samtycke?', knowledge.sources)).toBeUndefined();
      expect(documentAskedDateOf('När kom den nya lagen?', knowledge.sources)).toBeUndefined();
    });
  });

  describe('through the answerer', () => {
    it('leads with the date the sources give, cited to an entry of that document', async () => {
      const answer = await answerer.answer('Vilket datum står på Kraftsamlings styrdokument?');
      expect(answer.text.startsWith('”Kraftsamlings styrdokument” är daterat 2016-03-17.')).toBe(true);
      expect(answer.citations[0]?.source).toContain('Kraftsamlings styrdokument');
    });

    it('says an undated document is undated', async () => {
      const answer = await answerer.answer('Från vilket år är den äldre Botkyrkarutinen?');
      expect(answer.text).toMatch(/^”Samverkan mellan förskola\/skola .*” är odaterad \(ca 2009–2011\)\./);
    });

    it('leaves the date of something the document tells to the entries', async () => {
      const answer = await answerer.answer('Vilket år blev Kraftsamling en del av den ordinarie verksamheten?');
      expect(answer.text).not.toContain('2016-03-17');
    });
  });
});
