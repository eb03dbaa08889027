/**
 * `npm run bench:retrieval`: how long retrieval and a whole extractive answer take per question, as
 * p50 and p99, for the knowledge base as it is and duplicated 10× and 100× (to show how it scales), with
 * the inverted index and, for comparison, an exhaustive scan of every entry (which must rank the same).
 * Questions: the regression set and the blind dev split, several rounds after a warm-up. Times are
 * wall-clock: on a busy machine the "all" p99 includes other processes' turns; "steady" takes each
 * question's median round first.
 */
import { readFile } from 'node:fs/promises';
import { Answerer } from '../knowledge/answerer.js';
import { createAnalyzer, createLanguageResources } from '../knowledge/create-answerer.js';
import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load-knowledge.js';
import { parseBlindQaCases, parseQaCases } from '../knowledge/qa-evaluation.js';

const KNOWLEDGE_DIR = 'knowledge';
const ROUNDS = 7;
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

function percentiles(samples: readonly number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Per question, the median of its rounds: what the work costs without other processes' turns in it. */
function medianPerQuestion(rounds: readonly number[][]): number[] {
  return rounds[0]!.map((_, i) => percentiles(rounds.map((r) => r[i]!)).p50);
}

const cell = (samples: readonly number[]) => {
  const { p50, p99 } = percentiles(samples);
  return `${p50.toFixed(3).padStart(6)} / ${p99.toFixed(3).padEnd(6)}`;
};

console.log(`${questions.length} questions (regression set and blind dev split), ${ROUNDS} rounds after a warm-up, extractive answers; ms per question`);
console.log('"all": every timing; "steady": p50/p99 over the questions of each one\'s median round (other processes\' turns left out)');
console.log('entries  build ms  index all p50/p99  index steady p50/p99  scan steady p50/p99  answer all p50/p99  same ranking');
for (const times of SCALES) {
  const base = scaled(knowledge, times);
  const started = performance.now();
  const answerer = new Answerer(base, await createAnalyzer(KNOWLEDGE_DIR), language);
  const buildMs = performance.now() - started;
  const retriever = answerer.search;
  for (const q of questions) await answerer.answer(q);
  const analyzed = questions.map((q) => retriever.analyze(q));
  // The index must rank exactly as scoring every entry does.
  const same = analyzed.filter((q) => JSON.stringify(ids(retriever.search(q, 5))) === JSON.stringify(ids(retriever.scan(q, 5)))).length;
  const index: number[][] = [];
  const scan: number[][] = [];
  const answers: number[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const i: number[] = [];
    const s: number[] = [];
    const a: number[] = [];
    for (const [n, q] of questions.entries()) {
      const t0 = performance.now();
      retriever.search(q, 5);
      const t1 = performance.now();
      retriever.scan(analyzed[n]!, 5);
      const t2 = performance.now();
      await answerer.answer(q);
      const t3 = performance.now();
      i.push(t1 - t0);
      s.push(t2 - t1);
      a.push(t3 - t2);
    }
    index.push(i);
    scan.push(s);
    answers.push(a);
  }
  console.log(
    `${String(base.entries.length).padStart(7)}  ${buildMs.toFixed(0).padStart(8)}  ${cell(index.flat())}    ${cell(medianPerQuestion(index))}       ${cell(medianPerQuestion(scan))}      ${cell(answers.flat())}    ${same}/${questions.length}`,
  );
}

function ids(hits: readonly { entry: { id: string }; score: number }[]): string[] {
  return hits.map((h) => `${h.entry.id}:${h.score}`);
}
