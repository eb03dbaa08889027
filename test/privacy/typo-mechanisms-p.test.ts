import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

// Ordinary words that a slip, a missing å/ä/ö or an abbreviation turns into a listed name (set P session). Every case is
// written for this file, none is taken from a set or an evaluation question.
const guard = new PrivacyGuard();

const refused = (text: string): boolean => guard.inspectText(text).identifying;

describe('NameDetector reading slips and typed forms of ordinary words', () => {
  describe('when a listed name is one slip from a word that stands before a noun, and a noun follows', () => {
    it.each([
      'ester mötet ringer vi mottagningen',
      'Ester skolan brukar hon vara trött, ska vi anmäla?',
      'ali föräldrar har fått samma brev',
      'vi pratar med ali elever om näthat nästa vecka',
    ])('passes %j', (text) => expect(refused(text)).toBe(false));

    it.each([
      'ester har inte kommit idag',
      'ali i 3b slår andra barn',
      'pratade med ester igår om det som hänt',
      'ester mamma ringde i morse och var arg',
      'Ali säger att han inte vågar gå hem',
    ])('still refuses %j', (text) => expect(refused(text)).toBe(true));
  });

  describe('when a kin word is written with one of its double letters single', () => {
    it.each(['hon säger att papas nya flickvän skriker på henne', 'vad gör vi när mamas sambo hotar barnen'])('passes %j', (text) =>
      expect(refused(text)).toBe(false),
    );
    it.each(['mayas pappa ringde och var arg', 'kalles mamma vill inte att vi ringer soc'])('still refuses %j', (text) =>
      expect(refused(text)).toBe(true),
    );
  });

  describe('when a word is typed without å, ä and ö', () => {
    it.each(['kan eleven sjalv vill prata med kuratorn forst', 'barnet sjalv har berattat det for mig'])('passes %j', (text) =>
      expect(refused(text)).toBe(false),
    );
    it.each(['eleven zeynu vill inte ga hem', 'kenza har inte atit pa hela dagen'])('still refuses %j', (text) => expect(refused(text)).toBe(true));
  });

  describe('when a person noun is cut short', () => {
    it.each(['kurat ska ringa hem imorgon', 'vårdn har inte svarat på två veckor'])('passes %j', (text) => expect(refused(text)).toBe(false));
    it.each(['kenza ska hämtas av farmor idag'])('still refuses %j', (text) => expect(refused(text)).toBe(true));
  });

  describe('when a word in -son is typed with a double s', () => {
    it.each(['vi saknar en stödpersson för barnet', 'vem blir kontaktpersson när mentorn är sjuk'])('passes %j', (text) =>
      expect(refused(text)).toBe(false),
    );
    it.each(['Pojken heter Gunnarsson i efternamn', 'ringde Mattsson om mötet?', 'Eleven Ibrahimsson har hög frånvaro.'])('still refuses %j', (text) =>
      expect(refused(text)).toBe(true),
    );
  });

  describe('when "med" after a person noun tells what the person has', () => {
    it.each(['en förälder med kniv stod utanför skolan', 'en pappa med hund hämtade barnet'])('passes %j', (text) =>
      expect(refused(text)).toBe(false),
    );
    it.each(['mamma till zeynep ringde', 'vi pratade med kenza igår'])('still refuses %j', (text) => expect(refused(text)).toBe(true));
  });

  describe('when a word that may be a name follows a preposition of place', () => {
    it.each(['Klassen fikade på Max efter utflykten.', 'Vi brukar ses vid Max i centrum.'])('passes %j', (text) =>
      expect(refused(text)).toBe(false),
    );
    it.each(['Har ni något på Max i 4B?', 'Jag har pratat med Max om det.', 'Vi är oroliga för Max.'])('still refuses %j', (text) =>
      expect(refused(text)).toBe(true),
    );
  });

  describe('when an English noun phrase has a capitalised word before its noun', () => {
    it.each(['Can I use the Quizlo app for homework?', 'Where is the staff Qwiko login for the tablets?'])('passes %j', (text) =>
      expect(refused(text)).toBe(false),
    );
    it.each(['The girl Jiayi has bruises again.', 'I talked with Quizlo about the fight.', 'Yichen said his dad hit him.'])('still refuses %j', (text) =>
      expect(refused(text)).toBe(true),
    );
  });
});
