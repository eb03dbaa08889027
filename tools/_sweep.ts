import { readFile } from 'node:fs/promises';
import { Answerer } from '../knowledge/answerer.js';
import { createAnalyzer } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { evaluateQa, parseQaCases } from '../knowledge/qa-evaluation.js';
const kb = await loadKnowledge('knowledge');
const cases = parseQaCases(await readFile('test/fixtures/qa-eval.jsonl', 'utf8'));
const out = [];
for (const minCoverage of [0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) for (const minScore of [2, 3, 4, 5, 6, 7, 8]) {
  const a = new Answerer(kb, await createAnalyzer('knowledge'), { minCoverage, minScore });
  const r = await evaluateQa(cases, (q) => a.answer(q));
  out.push([r.score, minCoverage, minScore, r.answerable.correct, r.unanswerable.declined]);
}
out.sort((a, b) => b[0] - a[0]);
for (const o of out.slice(0, 12)) console.log(o.join('\t'));
