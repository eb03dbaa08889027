import { readFile } from 'node:fs/promises';
import { createAnalyzer } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { parseQaCases } from '../knowledge/qa-evaluation.js';
import { Retriever } from '../knowledge/search/retriever.js';
const kb = await loadKnowledge('knowledge');
const analyzer = await createAnalyzer('knowledge');
const r = new Retriever(kb.entries, analyzer);
const cases = parseQaCases(await readFile('test/fixtures/qa-eval.jsonl', 'utf8'));
const rows = [];
for (const c of cases) {
  const hits = r.search(c.q, 3);
  const top = hits[0];
  const ok = c.expect === 'no-answer' ? 'NA' : (top && c.expect.includes(top.entry.id) ? 'OK' : 'XX');
  rows.push({ ok, q: c.q, terms: analyzer.terms(c.q).join(','), hits: hits.map(h => `${h.entry.id}:${h.score.toFixed(1)}/${h.coverage.toFixed(2)}`).join('  '), exp: c.expect });
}
for (const row of rows) console.log(`${row.ok} ${row.q}\n    [${row.terms}] ${row.hits}  exp=${row.exp}`);
