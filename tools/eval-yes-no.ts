/**
 * `npm run eval:yesno`: how the answers to blind yes/no questions open – with the right "Ja"/"Nej", the wrong one, neither,
 * or declined. Set Y (150 questions written from ../shared only on 2026-12-07, split once by language and answer, seed
 * 20261215): the dev half is tuned on and its wrong openings listed; the test half is sealed, scored for the figure only.
 * An answer that opens with the wrong word is the failure that matters: it should never happen.
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/config.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { evaluateYesNo, parseYesNoCases } from '../knowledge/qa-evaluation.js';
import { isAkutOro } from '../triage/akut-oro-detector.js';

const SPLITS = [
  { name: 'yes/no Y dev', file: 'test/fixtures/blind/yesno-y-dev.jsonl', showWrong: true },
  { name: 'yes/no Y test (sealed)', file: 'test/fixtures/blind/sealed/yesno-y-test.jsonl', showWrong: false },
];

const config = loadConfig();
const knowledge = await loadKnowledge(config.knowledgeDir);
const answerer = await createAnswerer(knowledge, config.knowledgeDir, { acuteConcern: isAkutOro });
for (const split of SPLITS) {
  const report = await evaluateYesNo(parseYesNoCases(await readFile(split.file, 'utf8')), (q) => answerer.answer(q));
  if (split.showWrong) for (const { case: c, got } of report.wrongCases) console.log(`WRONG ${split.name} ${c.id} expected ${c.yes_no}  ${JSON.stringify(c.q)}  got ${got}`);
  console.log(`${split.name}: ${report.total} questions  right ${report.right}  wrong ${report.wrong}  no yes/no ${report.noLead}  declined ${report.declined}`);
}
