/**
 * `npm run bench:retrieval`: how long retrieval and a whole extractive answer take per question, as
 * p50 and p99, for the knowledge base as it is and duplicated 10× and 100× (to show how it scales).
 * Questions: the regression set and the blind dev split, several rounds after a warm-up. Times are
 * wall-clock: on a busy machine the p99 includes other processes' turns.
 */
import { readFile } from 'node:fs/promises';
import { Answerer } from '../knowledge/answerer.js';
import { createAnalyzer, createLanguageResources } from '../knowledge/create-answerer.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load-knowledge.js';
import { parseBlindQaCases, parseQaCases } from '../knowledge/qa-evaluation.js';

const KNOWLEDGE_DIR = 'knowledge';
const ROUNDS = 5;
const SCALES = [1, 10, 100];

const questions = [
  ...parseQaCases(await readFile('test/fixtures/qa-eval.jsonl', 'utf8')).map((c) => c.q),
  ...parseBlindQaCases(await readFile('test/fixtures/blind/qa-blind-2026-12-dev.jsonl', 'utf8')).map((c) => c.q),
];
const knowledge = await loadKnowledge(KNOWLEDGE_DIR);
const language = await createLanguageResources(KNOWLEDGE_DIR);

/** The knowledge base with every entry repeated `times` times under new ids. */
function scaled(base: KnowledgeBase, times: number): KnowledgeBase {
  const entries: KnowledgeEntry[] = [];
  for (let copy = 0; copy < times; copy++) {
    for (const entry of base.entries) entries.push(copy === 0 ? entry : { ...entry, id: `${entry.id}-${copy}`, supersededBy: entry.supersededBy && `${entry.supersededBy}-${copy}` });
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { ...base, entries, byId: (id) => byId.get(id) };
}

function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

console.log(`${questions.length} questions (regression set and blind dev split), ${ROUNDS} rounds after a warm-up, extractive answers`);
console.log('entries   build ms   retrieval p50 / p99 ms   answer p50 / p99 ms');
for (const times of SCALES) {
  const base = scaled(knowledge, times);
  const started = performance.now();
  const answerer = new Answerer(base, await createAnalyzer(KNOWLEDGE_DIR), language);
  const buildMs = performance.now() - started;
  for (const q of questions) await answerer.answer(q);
  const retrieval: number[] = [];
  const answers: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const t0 = performance.now();
      answerer.search.search(q, 5);
      const t1 = performance.now();
      await answerer.answer(q);
      const t2 = performance.now();
      retrieval.push(t1 - t0);
      answers.push(t2 - t1);
    }
  }
  const cell = (samples: number[]) => {
    const { p50, p99 } = percentiles(samples);
    return `${p50.toFixed(3).padStart(9)} / ${p99.toFixed(3).padEnd(9)}`;
  };
  console.log(`${String(base.entries.length).padStart(7)}   ${buildMs.toFixed(0).padStart(8)}   ${cell(retrieval)}     ${cell(answers)}`);
}
