import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Answerer, type AnswererOptions } from './answerer.js';
import { KnowledgeError, parseKnowledgeYaml, type KnowledgeBase } from './load-knowledge.js';
import { builtInQuestionWords, type QuestionWords } from './question-words.js';
import { WHOLE_FILE } from '../municipality/pack-files.js';
import { CompactWordSet, type WordLookup } from '../municipality/compact-word-set.js';
import { fromSnapshot, remember, snapshotKey, type SnapshotSource } from '../municipality/start-snapshot.js';
import { EnglishLexicon, englishLexiconSchema } from './search/english-lexicon.js';
import type { RetrieverIndex } from './search/retriever.js';
import { buildSynonymMap, SwedishAnalyzer } from './search/swedish-analyzer.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const synonymsSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) }).strict();

/** Builds the Swedish analyzer from the stop-word list and `synonyms.yaml` in the knowledge folder. */
export async function createAnalyzer(knowledgeDir: string): Promise<SwedishAnalyzer> {
  const stopWords = await readWordList('stopwords.txt');
  const synonyms = await readKnowledgeYaml(knowledgeDir, 'synonyms.yaml', synonymsSchema);
  return new SwedishAnalyzer({ stopWords: new Set(stopWords), synonyms: buildSynonymMap(synonyms.groups) });
}

/**
 * The language resources besides the analyzer: retrieval's everyday and weak words and English lexicon, and the fixed
 * word lists the answerer reads questions with.
 */
export async function createLanguageResources(knowledgeDir: string): Promise<{
  commonWords: ReadonlySet<string>;
  weakWords: ReadonlySet<string>;
  dictionaryWords: WordLookup;
  english: EnglishLexicon;
  questionWords: QuestionWords;
}> {
  const commonWords = new Set(await readWordList('common-words.txt'));
  const dictionaryWords = new CompactWordSet(await readWordList('swedish-words.txt'));
  const weakWords = new Set(await readWordList('weak-words.txt'));
  const english = new EnglishLexicon(await readKnowledgeYaml(englishDirOf(knowledgeDir), 'english.yaml', englishLexiconSchema));
  const questionWords = builtInQuestionWords();
  return { commonWords, weakWords, dictionaryWords, english, questionWords };
}

/** The answerer over a loaded knowledge base (its retrieval index from the start snapshot while entries and language files are unchanged). */
export async function createAnswerer(knowledge: KnowledgeBase, knowledgeDir: string, options: AnswererOptions = {}): Promise<Answerer> {
  const language = await createLanguageResources(knowledgeDir);
  const analyzer = await createAnalyzer(knowledgeDir);
  // A knowledge base not loaded from files (tests, tools) has no key to find its index by, and an index built from other
  // everyday words or another English lexicon than the files' is not the stored one.
  if (knowledge.sourceKey === undefined || options.commonWords || options.english) return new Answerer(knowledge, analyzer, { ...language, ...options });
  const key = snapshotKey('retrieval-index', await retrievalInputs(knowledge.sourceKey, knowledgeDir));
  const index = fromSnapshot<RetrieverIndex>(key);
  const answerer = new Answerer(knowledge, analyzer, { ...language, ...options, ...(index ? { retrievalIndex: index } : {}) });
  if (!index) remember(key, answerer.search.exportIndex());
  return answerer;
}

/** Everything the retrieval index is built from: the entries' files, and the files of the analyzer and the language resources. */
async function retrievalInputs(knowledgeKey: string, knowledgeDir: string): Promise<SnapshotSource[]> {
  const read = (file: string) => readFile(file).catch(() => undefined);
  const englishDir = englishDirOf(knowledgeDir);
  return [
    { name: 'knowledge', text: knowledgeKey },
    { name: 'synonyms.yaml', text: await read(path.join(knowledgeDir, 'synonyms.yaml')) },
    { name: 'english.yaml', text: await read(path.join(englishDir, 'english.yaml')) },
    ...(await Promise.all(['stopwords.txt', 'common-words.txt'].map(async (file) => ({ name: file, text: await read(path.join(here, 'search', file)) })))),
  ];
}

/** English → Swedish domain terms are language, not local routine: a pack without its own english.yaml uses the built-in one. */
function englishDirOf(knowledgeDir: string): string {
  return existsSync(path.join(knowledgeDir, 'english.yaml')) ? knowledgeDir : here;
}

async function readWordList(file: string): Promise<string[]> {
  return (await readFile(path.join(here, 'search', file), 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

// Validated YAML from the start snapshot while the file is unchanged.
async function readKnowledgeYaml<T extends z.ZodType>(knowledgeDir: string, file: string, schema: T): Promise<z.output<T>> {
  let text: string;
  try {
    text = await readFile(path.join(knowledgeDir, file), 'utf8');
  } catch (error) {
    throw new KnowledgeError(file, WHOLE_FILE, `kunde inte läsas (${(error as Error).message.split('\n')[0]})`);
  }
  const key = snapshotKey(file, [{ name: file, text }]);
  return fromSnapshot<z.output<T>>(key) ?? remember(key, parseKnowledgeYaml(file, text, schema));
}
