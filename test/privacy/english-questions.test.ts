import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard();

// Written for this test: ordinary questions English-speaking staff ask, with English words that are also names
// in the lists (can, will, mark, hope, grace, may, bill, said, june, joy).
const QUESTIONS = [
  'Can I make a report without the parents knowing?',
  'What happens after I have reported a concern?',
  'Who should I call if a child is in danger after school hours?',
  'How long does the initial assessment take?',
  'Will the family be told who made the report?',
  'Is it enough that I am worried, or do I need proof?',
  'Should the principal sign the report as well?',
  'May I talk to the child before I report?',
  'Do I have to tell the parents that I am going to report?',
  'What does the reception section at social services actually do?',
  'Will I hear back about what happened after my report?',
  'I promised a pupil not to tell anyone, what do I do now?',
  'How do I book a consultation meeting with social services?',
  'Where can I find the form for reporting a concern?',
  'Mark it as urgent or not – how do I decide?',
  'Can a preschool teacher report on her own, or does it have to go through the head?',
  'Is the duty to report the same for school nurses and counsellors?',
  'Does the school have to pay the bill for an interpreter at the meeting?',
  'Hoping you can help – is it neglect if a child often comes without lunch?',
  'Is there a grace period before the assessment starts, or does it begin in June right away?',
];

describe('English staff questions', () => {
  describe('when an ordinary question is written in English', () => {
    it.each(QUESTIONS)('is not refused: "%s"', (question) => {
      expect(guard.inspectText(question).identifying).toBe(false);
    });
  });

  describe('when an English question names places, services and organisations', () => {
    it.each([
      'Can I use Google Translate for the parents?',
      'Is Social Services open during the Christmas holidays?',
      'Can Save the Children help the family?',
      'Can Maria Ungdom take a 15-year-old?',
      'Do you have the number to Barnens Hus?',
      'We live in Botkyrka but the school is near Tumba station.',
    ])('is not refused: "%s"', (question) => {
      expect(guard.inspectText(question).identifying).toBe(false);
    });
  });

  describe('when an English message names a child', () => {
    it.each([
      'Grace from 2B says her stepfather hurts her.',
      "I think Will's father is drinking again.",
      'We are worried about Joy, she has not eaten all week.',
      'Her name is Hope and she is in year 4.',
      'My pupil Mark says he is scared to go home.',
      'Is Mark still absent? His mum does not answer.',
      'We talked with Grace yesterday about the bruises.',
      'Born on 14 March 2016, lives with her aunt.',
      'Date of birth: 03/11/2015, boy in the preschool class.',
    ])('is refused: "%s"', (message) => {
      expect(guard.inspectText(message).identifying).toBe(true);
    });
  });
});
