import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Answerer, type AnswererOptions } from './answerer.js';
import { KnowledgeError, type KnowledgeBase } from './load-knowledge.js';
import { buildSynonymMap, SwedishAnalyzer } from './search/swedish-analyzer.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const synonymsSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) }).strict();

/** Builds the Swedish analyzer from the stop-word list and `synonyms.yaml` in the knowledge folder. */
export async function createAnalyzer(knowledgeDir: string): Promise<SwedishAnalyzer> {
  const stopWords = (await readFile(path.join(here, 'search', 'stopwords.txt'), 'utf8'))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  let synonymsRaw: unknown;
  try {
    synonymsRaw = parseYaml(await readFile(path.join(knowledgeDir, 'synonyms.yaml'), 'utf8'));
  } catch (error) {
    throw new KnowledgeError('synonyms.yaml', '(file)', `kunde inte läsas (${(error as Error).message.split('\n')[0]})`);
  }
  const synonyms = synonymsSchema.safeParse(synonymsRaw);
  if (!synonyms.success) {
    const issue = synonyms.error.issues[0];
    throw new KnowledgeError('synonyms.yaml', issue?.path.join('.') || '(root)', issue?.message ?? 'är ogiltigt');
  }
  return new SwedishAnalyzer({ stopWords: new Set(stopWords), synonyms: buildSynonymMap(synonyms.data.groups) });
}

/** The answerer over a loaded knowledge base. */
export async function createAnswerer(knowledge: KnowledgeBase, knowledgeDir: string, options: AnswererOptions = {}): Promise<Answerer> {
  return new Answerer(knowledge, await createAnalyzer(knowledgeDir), options);
}
