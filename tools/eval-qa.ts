/** `npm run eval:qa`: scores the answerer on test/fixtures/qa-eval.jsonl and prints the result. */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/config.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { evaluateQa, parseQaCases } from '../knowledge/qa-evaluation.js';
import { phraserFromConfig } from '../model/openai-phraser.js';

const file = process.argv.find((a) => a.endsWith('.jsonl')) ?? 'test/fixtures/qa-eval.jsonl';
const config = loadConfig();
const knowledge = await loadKnowledge(config.knowledgeDir);
const answerer = await createAnswerer(knowledge, config.knowledgeDir, {
  phraser: phraserFromConfig(config.model),
  phraserTimeoutMs: config.model?.timeoutMs,
});
const cases = parseQaCases(await readFile(file, 'utf8'));
const started = performance.now();
const report = await evaluateQa(cases, (q) => answerer.answer(q));
const ms = performance.now() - started;

for (const f of report.failures) {
  console.log(`MISS  ${JSON.stringify(f.q)}  expected ${Array.isArray(f.expected) ? f.expected.join('|') : f.expected}, got ${f.got}`);
}
console.log('');
console.log(`questions:            ${report.total} (${report.answerable.total} answerable, ${report.unanswerable.total} outside the routines)`);
console.log(`answerable correct:   ${report.answerable.correct}/${report.answerable.total}`);
console.log(`outside declined:     ${report.unanswerable.declined}/${report.unanswerable.total}`);
console.log(`score:                ${report.score.toFixed(3)}`);
console.log(`mean time/question:   ${(ms / Math.max(1, report.total)).toFixed(2)} ms`);
