// Scratch (not committed): aggregates only for a sealed QA set given as argv[2].
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/config.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { evaluateBlindQa, parseBlindQaCases } from '../knowledge/qa-evaluation.js';
const config = loadConfig();
const knowledge = await loadKnowledge(config.knowledgeDir);
const answerer = await createAnswerer(knowledge, config.knowledgeDir, {});
const r = await evaluateBlindQa(parseBlindQaCases(await readFile(process.argv[2]!, 'utf8')), (q) => answerer.answer(q));
const pct = (n: number, d: number) => `${n}/${d} ${((100 * n) / Math.max(1, d)).toFixed(1)} %`;
console.log(`score ${r.score.toFixed(3)} of ${r.total}; answerable ${pct(r.answerable.correct, r.answerable.total)}; declined ${pct(r.outOfScope.declined, r.outOfScope.total)} (unrelated ${r.outOfScope.unrelatedAnswers}); yes/no lead ${pct(r.yesNo.leading, r.yesNo.total)} wrong ${r.yesNo.wrong}`);
const styles = new Map<string, [number, number]>();
for (const o of r.outcomes) { const s = styles.get(o.case.style) ?? [0, 0]; s[1]++; if (o.correct) s[0]++; styles.set(o.case.style, s); }
for (const [s, [c, t]] of [...styles].sort()) console.log(`  ${s.padEnd(14)} ${pct(c, t)}`);
