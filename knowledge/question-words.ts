import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseKnowledgeYaml } from './load-knowledge.js';
import { fromSnapshot, remember, snapshotKey } from '../municipality/start-snapshot.js';

/** The file of the answerer's fixed word lists, in knowledge/search/ beside the other language files. */
export const QUESTION_WORDS_FILE = 'question-words.yaml';

// One word: lower-case letters, hyphens between them. Some lists go into regular expressions as they are.
const word = z.string().regex(/^\p{Ll}+(?:-\p{Ll}+)*$/u, 'ska bara innehålla ord med små bokstäver');
// One word or a few, one space between them; a word may end in "*" for any ending ("avslut*": "avslutad", "avslutats").
const phrase = z
  .string()
  .regex(/^\p{Ll}+(?:-\p{Ll}+)*\*?(?: \p{Ll}+(?:-\p{Ll}+)*\*?)*$/u, 'ska bara innehålla ord med små bokstäver, ett mellanslag mellan orden och * sist i ett ord för vilken ändelse som helst');
// A shortening as written before its last full stop ("anm", "bl.a", "fr.o.m").
const shortening = z.string().regex(/^\p{Ll}+(?:\.\p{Ll}+)*$/u, 'ska skrivas med små bokstäver och utan sista punkten');
const listOf = (item: z.ZodString) =>
  z.array(item, { error: (issue) => (issue.input === undefined ? 'saknas' : 'ska vara en lista av ord') }).min(1, 'ska ha minst ett ord');
const wordList = listOf(word);
const phraseList = listOf(phrase);
// A list matched against a question read without å/ä/ö.
const withoutDiacritics = (item: z.ZodString) => item.regex(/^[^åäö]*$/u, 'ska skrivas utan å/ä/ö');
const foldedWordList = listOf(withoutDiacritics(word));
const foldedPhraseList = listOf(withoutDiacritics(phrase));
// A kind of value asked for and the words an entry states it with (see askedKinds in question-words.yaml).
const askedKind = z.object({ asks: phraseList, unless: phraseList.optional(), states: phraseList }).strict();
// A place name as written: capitalised words, joined by a space or a hyphen ("Upplands Väsby", "Malung-Sälen", "Lilla Edet").
const placeName = z.string().regex(/^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}?\p{Ll}+)*$/u, 'ska vara ett ortnamn med stor begynnelsebokstav');

/** The answerer's fixed word lists (what each is for is said in the file). */
export const questionWordsSchema = z
  .object({
    phone: wordList,
    channel: wordList,
    time: wordList,
    howLong: wordList,
    countUnits: wordList,
    howMany: wordList,
    citing: wordList,
    olderRoutine: wordList,
    contactAsking: foldedWordList,
    askedPersons: foldedWordList,
    askedArticles: foldedWordList,
    valueNouns: foldedWordList,
    shortenedBeforeNumber: listOf(shortening),
    shortenedInSentence: listOf(shortening),
    investigationUnderWay: foldedPhraseList,
    investigationEnded: foldedPhraseList,
    otherInvestigations: foldedPhraseList,
    socialServices: foldedPhraseList,
    somethingNew: foldedPhraseList,
    actingWriters: foldedWordList,
    actingSchools: foldedWordList,
    actingVerbs: foldedWordList,
    actingVerbsBeforeWriter: foldedWordList,
    childOrFamily: foldedPhraseList,
    concern: foldedPhraseList,
    caseAuthorities: foldedPhraseList,
    reporting: foldedPhraseList,
    doubtingWriters: foldedWordList,
    notKnowing: foldedPhraseList,
    unsure: foldedPhraseList,
    doubted: foldedPhraseList,
    doubtedReporting: foldedWordList,
    socialServicesUnits: foldedPhraseList,
    askingWhatToDo: foldedWordList,
    whatToDoVerbs: foldedWordList,
    askingWhom: foldedWordList,
    whomModals: foldedWordList,
    talkingVerbs: foldedWordList,
    talkingVerbsPresent: foldedWordList,
    cost: phraseList,
    askingCost: phraseList,
    statingCost: phraseList,
    currencies: wordList,
    askingLanguage: phraseList,
    languages: phraseList,
    askedKinds: z.array(askedKind).min(1, 'ska ha minst en sorts fråga'),
    currentPeriod: foldedPhraseList,
    signUpVerbs: wordList,
    signUpSubjects: wordList,
    signUpReflexives: wordList,
    authorityAfterName: wordList,
    authorityBeforeName: wordList,
    municipalities: listOf(placeName),
    municipalitiesCapitalised: listOf(placeName),
  })
  .strict()
  .superRefine((words, ctx) => {
    // A name counted only when capitalised is one of the municipalities: a name outside the list would never be read as one.
    const municipalities = new Set(words.municipalities);
    words.municipalitiesCapitalised.forEach((name, index) => {
      if (!municipalities.has(name)) ctx.addIssue({ code: 'custom', path: ['municipalitiesCapitalised', index], message: `ska också stå i municipalities ("${name}" saknas där)` });
    });
  });

/** The answerer's fixed word lists, validated. */
export type QuestionWords = z.output<typeof questionWordsSchema>;

/** Parses and validates the text of question-words.yaml; a KnowledgeError names the list that is wrong. */
export function parseQuestionWords(text: string): QuestionWords {
  return parseKnowledgeYaml(QUESTION_WORDS_FILE, text, questionWordsSchema);
}

/** The word lists shipped with the bot, read and checked once (from the start snapshot while the file is unchanged). */
export function builtInQuestionWords(): QuestionWords {
  if (builtIn) return builtIn;
  const text = readFileSync(new URL(`./search/${QUESTION_WORDS_FILE}`, import.meta.url), 'utf8');
  const key = snapshotKey(QUESTION_WORDS_FILE, [{ name: QUESTION_WORDS_FILE, text }]);
  builtIn = fromSnapshot<QuestionWords>(key) ?? remember(key, parseQuestionWords(text));
  return builtIn;
}
let builtIn: QuestionWords | undefined;

/**
 * A list of question-words.yaml as one group of alternatives of a regular expression: the words of a phrase apart by any
 * white space ("haller pa": "haller\s+pa"), a word ending in "*" with any ending ("avslut\p{L}*"), a shortening's full
 * stops as full stops ("bl\.a").
 */
export function alternationOf(items: readonly string[]): string {
  const wordPattern = (w: string) => (w.endsWith('*') ? String.raw`${w.slice(0, -1)}\p{L}*` : w.replace(/\./g, String.raw`\.`));
  return `(?:${items.map((item) => item.split(' ').map(wordPattern).join(String.raw`\s+`)).join('|')})`;
}
