import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseKnowledgeYaml } from './load-knowledge.js';
import { fromSnapshot, remember, snapshotKey } from '../municipality/start-snapshot.js';

/** The file of the answerer's fixed word lists, in knowledge/search/ beside the other language files. */
export const QUESTION_WORDS_FILE = 'question-words.yaml';

// One word: lower-case letters, hyphens between them. Some lists go into regular expressions as they are.
const word = z.string().regex(/^\p{Ll}+(?:-\p{Ll}+)*$/u, 'ska bara innehålla ord med små bokstäver');
const listOf = (item: z.ZodString) =>
  z.array(item, { error: (issue) => (issue.input === undefined ? 'saknas' : 'ska vara en lista av ord') }).min(1, 'ska ha minst ett ord');
const wordList = listOf(word);
// A list matched against a question read without å/ä/ö.
const foldedWordList = listOf(word.regex(/^[^åäö]*$/u, 'ska skrivas utan å/ä/ö'));

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
  })
  .strict();

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
