import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createLanguageResources } from '../../../knowledge/create-answerer.js';
import { loadKnowledge } from '../../../knowledge/load-knowledge.js';
import { Retriever, type RetrieverIndex } from '../../../knowledge/search/retriever.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../../knowledge');

// Questions of our own (typos, no å/ä/ö, English, compounds), none from an evaluation set.
const QUESTIONS = [
  'Hur anmäler jag oro för ett barn?',
  'vart ringer man efter kl 16',
  'förhandsbedömnig hur lång tid',
  'What happens after a report?',
  'kan vårdnadshavare få läsa anmälan',
  'anm.möte med familjen',
  'telefonnr till socialjouren',
  'elevhälsoteamet och samtycke',
];

describe('Retriever', () => {
  describe('when built from an exported index (as the start snapshot stores it)', () => {
    it('ranks every question as the retriever that built the index', async () => {
      const knowledge = await loadKnowledge(knowledgeDir);
      const language = await createLanguageResources(knowledgeDir);
      const built = new Retriever(knowledge.entries, await createAnalyzer(knowledgeDir), language);
      const index = deserialize(serialize(built.exportIndex())) as RetrieverIndex;

      const revived = new Retriever(knowledge.entries, await createAnalyzer(knowledgeDir), { ...language, index });

      // A field the constructor builds but the index leaves out would be missing here.
      const fields = (retriever: Retriever) => Object.entries(retriever).filter(([, value]) => value !== undefined).map(([name]) => name).sort();
      expect(fields(revived)).toEqual(fields(built));

      for (const question of QUESTIONS) {
        const ranked = (retriever: Retriever) => retriever.search(question, 8).map((hit) => [hit.entry.id, hit.score]);
        expect(ranked(revived)).toEqual(ranked(built));
        expect(revived.analyze(question)).toEqual(built.analyze(question));
      }
    });
  });
});
