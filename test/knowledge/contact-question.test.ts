import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../knowledge/answerer.js';
import { contactFact, readContactQuestion } from '../../knowledge/contact-question.js';
import { createAnswerer } from '../../knowledge/create-answerer.js';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load-knowledge.js';
import { builtInQuestionWords } from '../../knowledge/question-words.js';

const knowledgeDir = path.resolve(import.meta.dirname, '../../knowledge');

describe('contact questions', () => {
  let knowledge: KnowledgeBase;
  let answerer: Answerer;
  beforeAll(async () => {
    knowledge = await loadKnowledge(knowledgeDir);
    answerer = await createAnswerer(knowledge, knowledgeDir);
  });
  const read = (question: string) => readContactQuestion(question, knowledge.contacts, builtInQuestionWords().contactAsking);

  describe('readContactQuestion', () => {
    it.each([
      ['faxnr mott. S?', 'mottagning', ['sodra'], ['fax']],
      ['Vad har mottagningen i syd för telefonnummer?', 'mottagning', ['sodra'], ['phone']],
      ['nr till soc norr', 'mottagning', ['norr'], ['phone']],
      ['Vilket faxnummer gäller för Hallunda?', 'mottagning', ['norr'], ['fax']],
      ['tel till jouren', 'socialjouren', undefined, ['phone']],
      ['När stänger soc på fredagar?', 'mottagning', [], ['closes']],
      ['vilken tid oppnar mottagningstelefonen', 'mottagning', [], ['opens']],
      ['Finns det någon drop in hos mottagningen?', 'mottagning', [], ['visit']],
      ['mejladress till resursenheten?', 'resursenhet', undefined, ['email']],
    ] as const)('reads "%s" as %s %j asking for %j', (question, unit, areas, kinds) => {
      const asked = read(question);
      expect(asked?.unit.kind).toBe(unit);
      if (areas && asked?.unit.kind === 'mottagning') expect(asked.unit.areas).toEqual(areas);
      expect(asked?.kinds).toEqual(kinds);
    });

    it.each([
      // A verb, not a request for the number.
      'Kan vi faxa orosanmälan dit?',
      // The number only in the situation: the question is what to do.
      'Vad gör vi om ingen svarar när vi ringer numret till mottagningen?',
      // Another unit: its name ends in "mottagningen", or the unit is someone else's.
      'Vilket nummer har ungdomsmottagningen?',
      'Vilket nummer har BUP-mottagningen?',
      'Vad är faxnumret till mottagningen på vårdcentralen?',
      // No unit at all.
      'Vilket nummer har skolsköterskan?',
      // A school named as the one whose number is asked, not as the area served.
      'Vilket telefonnummer har Tunaskolan?',
      // Asking leave to pass the number on.
      'Hon vill ha faxnumret till soc, får jag ge henne det?',
      // Opening a case, not the line opening.
      'Vad händer när soc öppnar ett ärende om en elev?',
      'När soc öppnar en utredning, får skolan veta det?',
    ])('reads "%s" as no contact question', (question) => {
      expect(read(question)).toBeUndefined();
    });
  });

  describe('contactFact', () => {
    it('gives the area’s fax for the area named by a place', () => {
      const fact = contactFact(read('Vilket faxnummer har vi i Tullinge?')!, knowledge.contacts);
      expect(fact).toMatchObject({ kind: 'fact' });
      expect(fact.kind === 'fact' && fact.lead).toBe('Tullinge hör till Mottagningssektion Södra. **Mottagningssektion Södra:** fax 08-530 618 16.');
    });

    it('says a weekend day has no telephone hours and whom to call then', () => {
      const fact = contactFact(read('När öppnar mottagningen på söndagar?')!, knowledge.contacts);
      expect(fact.kind === 'fact' && fact.lead).toMatch(/^Mottagningssektionerna har ingen telefontid på söndagar; då tar socialjouren emot \(08-778 48 60/);
    });

    it('names days that are not consecutive as Swedish does: "på tisdagar och torsdagar"', () => {
      const fact = contactFact(read('När stänger mottagningen på tisdagar och torsdagar?')!, knowledge.contacts);
      expect(fact.kind === 'fact' && fact.lead).toBe('Mottagningssektionernas telefon stänger 16.00 på tisdagar och torsdagar; lunchstängt 12.00–13.00.');
    });

    it('does not leave out a day named that has no telephone hours, and says whom to call then', () => {
      const opens = contactFact(read('När öppnar mottagningen på måndag och lördag?')!, knowledge.contacts);
      expect(opens.kind === 'fact' && opens.lead).toMatch(/^Mottagningssektionerna öppnar telefonen 08\.30 på måndagar.* På lördagar finns ingen telefontid; då tar socialjouren emot \(08-778 48 60/);
      const phone = contactFact(read('Vilket nummer har mottagningen på lördagar?')!, knowledge.contacts);
      expect(phone.kind === 'fact' && phone.lead).toMatch(/telefon 08-530 619 05\. På lördagar finns ingen telefontid; då tar socialjouren emot \(08-778 48 60/);
    });

    it('finds no fax for socialjouren and says what it has', () => {
      const fact = contactFact(read('faxnumret till socialjouren?')!, knowledge.contacts);
      expect(fact.kind).toBe('gap');
      expect(fact.kind === 'gap' && fact.text).toMatch(/^Rutinerna anger inget faxnummer till socialjouren/);
      expect(fact.kind === 'gap' && fact.text).toContain('Socialjouren nås på telefon 08-778 48 60 eller 010-564 64 67');
    });
  });

  describe('through the answerer', () => {
    it('leads with the number asked for, for the section named however staff write it, and cites the contacts entry', async () => {
      for (const [question, lead] of [
        ['fax mott. norr?', '**Mottagningssektion Norr:** fax 08-530 622 88.'],
        ['vad ar faxnumret till mottagningen i soder', '**Mottagningssektion Södra:** fax 08-530 618 16.'],
        ['Jag behöver telefonnumret till mottagning Syd', '**Mottagningssektion Södra:** telefon 08-530 619 05.'],
        ['Vilket nummer har mottagningen för Tumba?', 'Tumba hör till Mottagningssektion Södra. **Mottagningssektion Södra:** telefon 08-530 619 05.'],
      ] as const) {
        const answer = await answerer.answer(question);
        expect(answer.kind).toBe('answer');
        expect(answer.text.startsWith(`${lead} [1]`)).toBe(true);
        expect(answer.citations.map((c) => c.id)).toEqual(['kontakter-mottagningssektionen']);
      }
    });

    it('answers each unit from its own entry when the parts ask of two units', async () => {
      const answer = await answerer.answer('När ska man ringa mottagning Norr och när ska man ringa jouren?');
      expect(answer.citations.map((c) => c.id)).toEqual(['kontakter-mottagningssektionen', 'socialjouren']);
      expect(answer.text).toContain('Mottagningssektion Norr');
    });

    it('leads with the opening, closing or lunch time asked for, for the day named', async () => {
      for (const [question, lead] of [
        ['Hur dags öppnar mottagningen?', 'Mottagningssektionerna öppnar telefonen 08.30 alla vardagar, och igen 13.00 efter lunch.'],
        ['när stänger mott på fredag', 'Mottagningssektionernas telefon stänger 14.00 på fredagar; lunchstängt 12.00–13.00.'],
        ['När tar mottagningen lunch?', 'Mottagningssektionerna har lunchstängt 12.00–13.00 alla dagar.'],
      ] as const) {
        const answer = await answerer.answer(question);
        expect(answer.text.startsWith(`${lead} [1]`)).toBe(true);
        expect(answer.citations[0]?.id).toBe('telefontider-mottagningen');
      }
    });

    it('gives socialjouren’s numbers, and what the routines say of its hours, from the socialjouren entry', async () => {
      const phone = await answerer.answer('jourens tel?');
      expect(phone.text.startsWith('Socialjouren: telefon 08-778 48 60 eller 010-564 64 67. [1]')).toBe(true);
      const hours = await answerer.answer('När öppnar socialjouren?');
      expect(hours.text).toMatch(/^Rutinerna anger inga egna telefontider för socialjouren\. Ring socialjouren när mottagningssektionerna inte svarar/);
      expect(hours.citations[0]?.id).toBe('socialjouren');
    });

    it('answers "Har de …?" with a yes and the detail when the unit has it', async () => {
      const answer = await answerer.answer('Har mottagningen fax?');
      expect(answer.text.startsWith('**Ja.** **Mottagningssektion Norr:** fax 08-530 622 88 · **Mottagningssektion Södra:** fax 08-530 618 16. [1]')).toBe(true);
    });

    it('declines a detail the unit has none of, saying what it has and whom to call, without citing an entry as the answer', async () => {
      for (const [question, lacking, has] of [
        ['Vilket fax har jouren?', 'Rutinerna anger inget faxnummer till socialjouren', '08-778 48 60'],
        ['Kan vi få mottagningens mejladress?', 'Rutinerna anger ingen e-postadress till mottagningssektionerna', 'fax 08-530 622 88'],
        ['Har mottagning Norr besökstider?', 'Rutinerna anger ingen drop-in eller besökstid för Mottagningssektion Norr', 'telefon 08-530 622 55'],
        ['När har socialjouren lunch?', 'Rutinerna anger inga lunchtider för socialjouren', '08-778 48 60'],
        ['fax till resursenheten', 'Rutinerna anger inget faxnummer till resursenheten', '08-530 617 26'],
      ] as const) {
        const answer = await answerer.answer(question);
        expect(answer.kind).toBe('no-answer');
        expect(answer.citations).toHaveLength(0);
        expect(answer.text.startsWith(lacking)).toBe(true);
        expect(answer.text).toContain(has);
        expect(answer.text).toContain('ring 112');
      }
    });

    it('declines the number of a chef of a unit the contacts list, saying it has only the unit\'s own numbers', async () => {
      for (const [question, lacking] of [
        ['Kan vi få numret till enhetschefen på mottagningen?', 'Rutinerna anger inget telefonnummer till enhetschefen på mottagningen'],
        ['Finns det ett nummer till chefen för socialjouren?', 'Rutinerna anger inget telefonnummer till chefen för socialjouren'],
        ['Vilket nummer har sektionschefen inom socialtjänsten?', 'Rutinerna anger inget telefonnummer till sektionschefen inom socialtjänsten'],
        ['Vad är numret till enhetschefen på utredningsenheten?', 'Rutinerna anger inget telefonnummer till enhetschefen på utredningsenheten'],
      ] as const) {
        const answer = await answerer.answer(question);
        expect(answer.kind, question).toBe('no-answer');
        expect(answer.text.startsWith(lacking), answer.text).toBe(true);
        expect(answer.text).toContain('telefon 08-530 622 55');
      }
      // The unit's own number is still given.
      expect((await answerer.answer('Vilket nummer har mottagningen i Norr?')).text).toContain('08-530 622 55');
    });

    it('declines an e-mail address asked of anyone, since the routines give none, unless an entry tells how that thing is sent', async () => {
      for (const question of ['Vilken mejladress har skolchefen?', 'What is the e-mail address of the head teacher?']) {
        const answer = await answerer.answer(question);
        expect(answer.kind).toBe('no-answer');
        expect(answer.text.startsWith('Rutinerna anger inga e-postadresser')).toBe(true);
      }
      expect((await answerer.answer('Kan vi mejla BBIC-utlåtandet?')).citations[0]?.id).toBe('bbic-utlatande-instruktioner');
    });

    it('leaves a question about another unit in a place of ours to the relevance gate', async () => {
      expect((await answerer.answer('Vilket faxnummer har vårdcentralen i Tumba?')).kind).toBe('no-answer');
      expect((await answerer.answer('Vilka öppettider har biblioteket i Alby?')).kind).toBe('no-answer');
    });

    it('leaves a yes/no about the hours at a time named to the telephone hours', async () => {
      const answer = await answerer.answer('Svarar mottagningen klockan 15 på fredagar?');
      expect(answer.text).toMatch(/^\*\*Nej\.\*\*/);
    });
  });
});
