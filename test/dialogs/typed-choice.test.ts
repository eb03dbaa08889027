import { describe, expect, it } from 'vitest';
import { AGE_GROUPS, CONCERNS, DURATIONS, SCHOOL_ACTIONS } from '../../municipality/consultation-questions.js';
import { typedChoice, typedChoices, type TypedOption } from '../../dialogs/typed-choice.js';
import { realRoutines } from './dialog-harness.js';

const routines = await realRoutines();
const { questions } = routines.konsultation;

function optionsOf<Code extends string>(codes: readonly Code[], question: { options: Record<Code, string>; details?: Partial<Record<Code, string>> }): TypedOption<Code>[] {
  return codes.map((code) => ({ code, label: question.options[code], ...(question.details?.[code] ? { detail: question.details[code] } : {}) }));
}

describe('typedChoice', () => {
  describe('when the age is typed', () => {
    it.each([
      ['4 år', 'forskola'],
      ['hon är 11 år', 'mellanstadiet'],
      ['åk 5', 'mellanstadiet'],
      ['årskurs 2', 'lagstadiet'],
      ['16', 'gymnasiet'],
      ['förskola', 'forskola'],
    ])('“%s” means %s', (text, code) => {
      expect(typedChoice(text, optionsOf(AGE_GROUPS, questions.ageGroup))).toBe(code);
    });
  });

  describe('when the concern is typed', () => {
    it.each([
      ['mat och sömn', 'behov'],
      ['mobbning', 'jamnariga'],
      ['hög frånvaro', 'skolsvarigheter'],
      ['självskada', 'beteende'],
      ['Behoven tillgodoses inte', 'behov'],
    ])('“%s” means %s (from the label or its detail)', (text, code) => {
      expect(typedChoice(text, optionsOf(CONCERNS, questions.concern))).toBe(code);
    });

    it('means nothing when the words fit no option or several', () => {
      const options = optionsOf(CONCERNS, questions.concern);
      expect(typedChoice('hon verkar ledsen', options)).toBeUndefined();
      expect(typedChoice('våld', options)).toBeUndefined();
    });
  });

  describe('when the duration is typed', () => {
    it.each([
      ['några veckor', 'veckor'],
      ['i flera månader', 'manader'],
      ['mer än ett halvår', 'langre'],
    ])('“%s” means %s', (text, code) => {
      expect(typedChoice(text, optionsOf(DURATIONS, questions.duration))).toBe(code);
    });
  });
});

describe('typedChoices', () => {
  it('reads several answers separated by commas and “och”', () => {
    const options = optionsOf(SCHOOL_ACTIONS, questions.schoolActions);
    expect(typedChoices('pratat med barnet och vårdnadshavarna', options)).toEqual(['samtal-barnet', 'vardnadshavare']);
    expect(typedChoices('elevhälsan, extra stöd', options)).toEqual(['elevhalsan', 'stod-i-skolan']);
    expect(typedChoices('inget ännu', options)).toEqual(['inget']);
  });

  it('means nothing when one part fits no option', () => {
    expect(typedChoices('pratat med barnet och ringt polisen', optionsOf(SCHOOL_ACTIONS, questions.schoolActions))).toBeUndefined();
  });
});
