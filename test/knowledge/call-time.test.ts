import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answeredAt } from '../../knowledge/call-time.js';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load-knowledge.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../knowledge');

describe('answeredAt', () => {
  let knowledge: KnowledgeBase;
  beforeAll(async () => {
    knowledge = await loadKnowledge(knowledgeDir);
  });
  const at = (question: string) => answeredAt(question, knowledge.contacts.telephoneHours);

  describe('when a question asks whether the line answers at a time it names', () => {
    it.each([
      ['Kan jag ringa mottagningen klockan 17 på en tisdag?', 'nej'],
      ['Svarar mottagningen klockan 17 på måndagar?', 'ja'],
      ['Kan man ringa mottagningssektionen kl 9.30 på fredag?', 'ja'],
      ['Går det att nå dem kvart över tolv?', 'nej'],
      ['Kan vi ringa dem halv tre en fredag?', 'nej'],
      ['Kan man ringa mottagningen på lördag kl 10?', 'nej'],
      ['Can I call the intake section at 5 pm on a Thursday?', 'nej'],
    ] as const)('answers "%s" with %s', (question, answer) => {
      expect(at(question)).toBe(answer);
    });
  });

  describe('when the hours do not settle it', () => {
    it.each([
      // Monday to Thursday yes, Friday no.
      'Svarar mottagningen klockan 15?',
      'Kan jag ringa mottagningen på julafton kl 10?',
      'Kan jag ringa mottagningen på onsdag eller torsdag kl 17?',
      'Ska vi ringa mottagningen direkt när det är akut?',
    ])('gives no yes or no to "%s"', (question) => {
      expect(at(question)).toBeUndefined();
    });
  });

  describe('through the answerer', () => {
    it('opens the answer on telephone hours with the yes or no for the time asked about', async () => {
      const answerer = await createAnswerer(knowledge, knowledgeDir);
      expect((await answerer.answer('Kan jag ringa mottagningen klockan 17 på en tisdag?')).text).toMatch(/^\*\*Nej\.\*\*/);
      expect((await answerer.answer('Svarar mottagningen klockan 17 på måndagar?')).text).toMatch(/^\*\*Ja\.\*\*/);
    });
  });
});
