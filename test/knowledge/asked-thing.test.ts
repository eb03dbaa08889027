import { describe, expect, it } from 'vitest';
import { askedThingOf as askedThingWith } from '../../knowledge/asked-thing.js';
import { builtInQuestionWords } from '../../knowledge/question-words.js';

const askedThingOf = (question: string) => askedThingWith(question, builtInQuestionWords());

describe('askedThingOf', () => {
  describe('when a question asks for an amount or a kind of thing', () => {
    it('reads the noun after "hur mycket" and "vilken/vilket"', () => {
      expect(askedThingOf('Hur mycket pengar har gruppen?')).toMatchObject({ noun: 'pengar', aboutNoun: false });
      expect(askedThingOf('Vilken budget har elevhälsan?')).toMatchObject({ noun: 'budget', aboutNoun: false });
    });

    it('leaves out a noun naming the kind of value asked for, and "vilka", which a verb often follows', () => {
      expect(askedThingOf('Vilken månad är planeringsdagen?')).toBeUndefined();
      expect(askedThingOf('Vilka ingår i gruppen?')).toBeUndefined();
    });
  });

  describe('when a question asks what applies to a thing', () => {
    it('reads the noun after the preposition as the thing whose rules are asked', () => {
      expect(askedThingOf('Vad gäller för lägerskolor?')).toMatchObject({ noun: 'lägerskolor', aboutNoun: false });
      expect(askedThingOf('vilka regler galler vid en utflykt')).toMatchObject({ noun: 'utflykt' });
      expect(askedThingOf('Vad gäller?')).toBeUndefined();
    });
  });

  describe('when a question asks how something works or is done', () => {
    it('reads the thing as the topic an answer must be about, in the words as written', () => {
      expect(askedThingOf('Hur fungerar inskolningen på förskolan?')).toMatchObject({ noun: 'inskolningen', aboutNoun: true });
      expect(askedThingOf('Hur går ett trepartssamtal till?')).toMatchObject({ noun: 'trepartssamtal', aboutNoun: true });
      expect(askedThingOf('hur leder man ett foraldramote')).toMatchObject({ words: 'leder', noun: 'foraldramote', aboutNoun: true });
    });

    it('reads the doing after a modal and passes over determiners', () => {
      expect(askedThingOf('Hur ska vi planera ett sådant möte?')).toMatchObject({ words: 'planera', noun: 'möte' });
    });

    it('reads the thing applied or signed up for after "om" or "till", not the preposition', () => {
      expect(askedThingOf('Hur ansöker man om parkeringstillstånd?')).toMatchObject({ words: 'ansöker', noun: 'parkeringstillstånd' });
      expect(askedThingOf('Hur anmäler man sig till en kurs?')).toMatchObject({ noun: 'kurs' });
    });

    it('reads the doing and the doer of "Hur prioriterar polisen …", but not "hur hög …" or "hur är …"', () => {
      expect(askedThingOf('Hur prioriterar polisen sina ärenden?')?.words).toBe('prioriterar polisen sina');
      expect(askedThingOf('Hur hög frånvaro räknas som hög?')).toBeUndefined();
      expect(askedThingOf('Hur är det tänkt?')).toBeUndefined();
    });
  });

  describe('when a question asks how long something takes', () => {
    it('reads what is timed, after "att" or "innan" or after the modal and its subject', () => {
      expect(askedThingOf('Hur lång tid tar det för nämnden att besluta om en kontaktfamilj?')).toMatchObject({ words: 'besluta om en kontaktfamilj', wholeWords: true });
      expect(askedThingOf('Hur snabbt kan socialtjänsten ordna ett jourhem?')?.words).toBe('ordna ett jourhem');
    });
  });

  it('reads nothing of a question that opens otherwise', () => {
    expect(askedThingOf('Måste vi vara säkra innan vi anmäler?')).toBeUndefined();
  });
});
