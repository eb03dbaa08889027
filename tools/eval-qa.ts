/**
 * `npm run eval:qa`: scores the answerer on the regression set (test/fixtures/qa-eval.jsonl) and on the
 * tuning sets in test/fixtures/blind/ – both splits of the first blind set (its test split was opened for
 * tuning on 2026-12-05) and the dev half of set E – per style, and lists every miss. The honest figure
 * comes from the sealed sets in test/fixtures/blind/sealed/ (set E's test half, set F), whose misses are never listed.
 * `--open` leaves the sealed sets out, for runs made while tuning (their figures are for the start and the end
 * of a piece of work only).
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../config/config.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { evaluateBlindQa, evaluateQa, parseBlindQaCases, parseQaCases, type BlindQaReport } from '../knowledge/qa-evaluation.js';
import { phraserFromConfig } from '../model/openai-phraser.js';
import { publishedPhoneNumbers } from '../municipality/contacts.js';
import { PrivacyGuard } from '../privacy/index.js';
import { isAkutOro } from '../triage/akut-oro-detector.js';

const REGRESSION_SET = 'test/fixtures/qa-eval.jsonl';
const BLIND_SPLITS = [
  { name: 'blind dev', file: 'test/fixtures/blind/qa-blind-2026-12-dev.jsonl', showMisses: true },
  { name: 'blind test', file: 'test/fixtures/blind/qa-blind-2026-12-test.jsonl', showMisses: true },
  // Set E (352 questions written from ../shared only, split once by style, seed 20261205): the dev half is
  // tuned on; the test half is sealed, scored for the figure only, its misses never listed.
  { name: 'blind E dev', file: 'test/fixtures/blind/qa-blind-2026-12-e-dev.jsonl', showMisses: true },
  // Set G (207 questions, 102 out of scope, 89 of them near misses, written from ../shared only at 18:05–18:20): tuned on.
  { name: 'blind G', file: 'test/fixtures/blind/qa-blind-2026-12-g.jsonl', showMisses: true },
  { name: 'blind E test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-e-test.jsonl', showMisses: false },
  // Set F (261 questions written from ../shared only on 2026-12-05 17:20): sealed whole, for the next honest figure.
  { name: 'blind F (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-f.jsonl', showMisses: false },
  // Set I (261 questions written from ../shared only on 2026-12-05 20:04–20:10, split once by style, seed
  // 20261205): the dev half is tuned on; the test half is sealed, for session 5's honest figure.
  { name: 'blind I dev', file: 'test/fixtures/blind/qa-blind-2026-12-i-dev.jsonl', showMisses: true },
  { name: 'blind I test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-i-test.jsonl', showMisses: false },
  // Set J (300 questions written from ../shared only on 2026-12-05 ~23:18, split once by style, seed 20261205):
  // the dev half is tuned on; the test half is sealed, for session 6's honest figure.
  { name: 'blind J dev', file: 'test/fixtures/blind/qa-blind-2026-12-j-dev.jsonl', showMisses: true },
  { name: 'blind J test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-j-test.jsonl', showMisses: false },
  // Set K (300 questions written from ../shared only on 2026-12-06 ~02:35, split once by style, seed 20261206):
  // the dev half is tuned on; the test half is sealed, for session 7's honest figure.
  { name: 'blind K dev', file: 'test/fixtures/blind/qa-blind-2026-12-k-dev.jsonl', showMisses: true },
  { name: 'blind K test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-k-test.jsonl', showMisses: false },
  // Set L (300 questions written from ../shared only on 2026-12-06 ~05:08, split once by style, seed 20261207):
  // the dev half is tuned on; the test half is sealed, for session 8's honest figure.
  { name: 'blind L dev', file: 'test/fixtures/blind/qa-blind-2026-12-l-dev.jsonl', showMisses: true },
  { name: 'blind L test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-l-test.jsonl', showMisses: false },
  // Set M (300 questions written from ../shared only on 2026-12-06 ~08:11, split once by style, seed 20261208):
  // the dev half is tuned on; the test half is sealed, for session 9's honest figure.
  { name: 'blind M dev', file: 'test/fixtures/blind/qa-blind-2026-12-m-dev.jsonl', showMisses: true },
  { name: 'blind M test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-m-test.jsonl', showMisses: false },
  // Set N (300 questions written from ../shared only on 2026-12-06 11:22–11:27, split once by style, seed 20261209):
  // the dev half is tuned on; the test half is sealed, for session 10's honest figure.
  { name: 'blind N dev', file: 'test/fixtures/blind/qa-blind-2026-12-n-dev.jsonl', showMisses: true },
  { name: 'blind N test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-n-test.jsonl', showMisses: false },
  // Set O (300 questions written from ../shared only on 2026-12-06 14:30–14:40, split once by style, seed 20261210):
  // the dev half is tuned on; the test half is sealed, for session 11's honest figure.
  { name: 'blind O dev', file: 'test/fixtures/blind/qa-blind-2026-12-o-dev.jsonl', showMisses: true },
  { name: 'blind O test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-o-test.jsonl', showMisses: false },
  // Set Q (2026-12-06 17:30, seed 20261212): written blind; the dev half is tuned on, the test half sealed.
  { name: 'blind Q dev', file: 'test/fixtures/blind/qa-blind-2026-12-q-dev.jsonl', showMisses: true },
  { name: 'blind Q test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-q-test.jsonl', showMisses: false },
  // Set R (2026-12-06 20:25, seed 20261213): written blind; the dev half is tuned on, the test half sealed.
  { name: 'blind R dev', file: 'test/fixtures/blind/qa-blind-2026-12-r-dev.jsonl', showMisses: true },
  { name: 'blind R test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-r-test.jsonl', showMisses: false },
  // Set S (2026-12-06 23:03, seed 20261214): written blind; the dev half is tuned on, the test half sealed.
  { name: 'blind S dev', file: 'test/fixtures/blind/qa-blind-2026-12-s-dev.jsonl', showMisses: true },
  { name: 'blind S test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-s-test.jsonl', showMisses: false },
  // Set T (2026-12-07 01:50, seed 20261216): written blind; the dev half is tuned on, the test half sealed.
  { name: 'blind T dev', file: 'test/fixtures/blind/qa-blind-2026-12-t-dev.jsonl', showMisses: true },
  { name: 'blind T test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-t-test.jsonl', showMisses: false },
  // Set U (2026-12-07 02:40, seed 20261217): 150 questions the routines do not answer, written blind; dev tuned on, test sealed.
  { name: 'blind U dev', file: 'test/fixtures/blind/qa-blind-2026-12-u-dev.jsonl', showMisses: true },
  { name: 'blind U test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-u-test.jsonl', showMisses: false },
  // Set V (2026-12-07 05:01, seed 20261218): written blind; the dev half is tuned on, the test half sealed.
  { name: 'blind V dev', file: 'test/fixtures/blind/qa-blind-2026-12-v-dev.jsonl', showMisses: true },
  { name: 'blind V test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-v-test.jsonl', showMisses: false },
  // Set W (2026-12-07 05:01, seed 20261219): 150 more questions the routines do not answer, written blind; dev tuned on, test sealed.
  { name: 'blind W dev', file: 'test/fixtures/blind/qa-blind-2026-12-w-dev.jsonl', showMisses: true },
  { name: 'blind W test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-w-test.jsonl', showMisses: false },
  // Set X (2026-12-07 07:58, seed 20261220): written blind; the dev half is tuned on, the test half sealed.
  { name: 'blind X dev', file: 'test/fixtures/blind/qa-blind-2026-12-x-dev.jsonl', showMisses: true },
  { name: 'blind X test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-x-test.jsonl', showMisses: false },
  // Set Z (2026-12-07 07:58, seed 20261221): 150 more questions the routines do not answer, written blind; dev tuned on, test sealed.
  { name: 'blind Z dev', file: 'test/fixtures/blind/qa-blind-2026-12-z-dev.jsonl', showMisses: true },
  { name: 'blind Z test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-z-test.jsonl', showMisses: false },
  { name: 'blind AA dev', file: 'test/fixtures/blind/qa-blind-2026-12-aa-dev.jsonl', showMisses: true },
  { name: 'blind AA test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-aa-test.jsonl', showMisses: false },
  { name: 'blind AB dev', file: 'test/fixtures/blind/qa-blind-2026-12-ab-dev.jsonl', showMisses: true },
  { name: 'blind AB test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-ab-test.jsonl', showMisses: false },
  { name: 'blind AC dev', file: 'test/fixtures/blind/qa-blind-2026-12-ac-dev.jsonl', showMisses: true },
  { name: 'blind AC test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-ac-test.jsonl', showMisses: false },
  { name: 'blind AD dev', file: 'test/fixtures/blind/qa-blind-2026-12-ad-dev.jsonl', showMisses: true },
  { name: 'blind AD test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-ad-test.jsonl', showMisses: false },
  { name: 'blind AE dev', file: 'test/fixtures/blind/qa-blind-2026-12-ae-dev.jsonl', showMisses: true },
  { name: 'blind AE test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-ae-test.jsonl', showMisses: false },
  { name: 'blind AF dev', file: 'test/fixtures/blind/qa-blind-2026-12-af-dev.jsonl', showMisses: true },
  { name: 'blind AF test (sealed)', file: 'test/fixtures/blind/sealed/qa-blind-2026-12-af-test.jsonl', showMisses: false },
];

const openOnly = process.argv.includes('--open');
const splits = openOnly ? BLIND_SPLITS.filter((split) => split.showMisses) : BLIND_SPLITS;
const config = loadConfig();
const knowledge = await loadKnowledge(config.knowledgeDir);
const answerer = await createAnswerer(knowledge, config.knowledgeDir, {
  phraser: phraserFromConfig(config.model),
  phraserTimeoutMs: config.model?.timeoutMs,
  acuteConcern: isAkutOro,
});
const ask = (q: string) => answerer.answer(q);
const guard = new PrivacyGuard({ allowedPhoneNumbers: publishedPhoneNumbers(knowledge.contacts) });
/** What the bot does with a message before the answerer sees it: refuse it as identifying, or start the akut routine. */
const botFirst = (q: string): 'refused' | 'akut' | undefined => (guard.inspectText(q).identifying ? 'refused' : isAkutOro(q) ? 'akut' : undefined);

const regression = await evaluateQa(parseQaCases(await readFile(REGRESSION_SET, 'utf8')), ask);
for (const f of regression.failures) {
  console.log(`MISS regression  ${JSON.stringify(f.q)}  expected ${Array.isArray(f.expected) ? f.expected.join('|') : f.expected}, got ${f.got}`);
}

const blind: { name: string; report: BlindQaReport }[] = [];
for (const split of splits) {
  const started = performance.now();
  const report = await evaluateBlindQa(parseBlindQaCases(await readFile(split.file, 'utf8')), ask);
  const ms = performance.now() - started;
  blind.push({ name: split.name, report });
  if (split.showMisses) {
    for (const o of report.outcomes.filter((x) => !x.correct)) {
      const expected = o.case.answerable ? o.case.facts.map((g) => g.join('|')).join(' & ') : 'decline';
      const first = botFirst(o.case.q);
      const notes = [
        o.factInOtherForm ? 'the facts stand in another word form' : '',
        first === 'akut' ? 'the bot starts the akut routine first' : first === 'refused' ? "the bot's privacy guard refuses it" : '',
      ].filter(Boolean);
      console.log(`MISS ${split.name} ${o.case.id} [${o.case.style}] ${JSON.stringify(o.case.q)}  expected ${expected}; got ${o.got}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    }
  }
  console.log(`(${split.name}: ${(ms / Math.max(1, report.total)).toFixed(2)} ms a question)`);
}

const pct = (n: number, d: number) => (d === 0 ? '   –  ' : `${((100 * n) / d).toFixed(1).padStart(5)} %`);
console.log('');
console.log(`regression set:       ${regression.correct}/${regression.total}  score ${regression.score.toFixed(3)}  (answerable ${regression.answerable.correct}/${regression.answerable.total}, declined ${regression.unanswerable.declined}/${regression.unanswerable.total})`);
for (const { name, report } of blind) {
  console.log('');
  console.log(`${name}: ${report.total} questions, score ${report.score.toFixed(3)}`);
  console.log(
    `  answerable right      ${report.answerable.correct}/${report.answerable.total}  ${pct(report.answerable.correct, report.answerable.total)}  (missed: declined ${report.answerable.declined}, answered without the fact ${report.answerable.factMissing}, of which ${report.answerable.factInOtherForm} hold it in another word form)`,
  );
  // The answerer alone is scored; in the bot, a message the akut-oro detector reads as akut starts the akut routine
  // (call now, do not tell the guardians) before any answer, which this figure does not credit.
  const akut = report.outcomes.filter((o) => o.case.answerable && !o.correct && botFirst(o.case.q) === 'akut').length;
  if (akut > 0) console.log(`  (of the answerable missed, ${akut} are met by the akut routine in the bot first; not credited)`);
  // The other way: a question the bot's privacy guard refuses never reaches the answerer, right or not.
  const refused = report.outcomes.filter((o) => botFirst(o.case.q) === 'refused').length;
  if (refused > 0) console.log(`  (${refused} of the questions are refused by the bot's privacy guard before they are answered)`);
  console.log(`  out of scope declined ${report.outOfScope.declined}/${report.outOfScope.total}  ${pct(report.outOfScope.declined, report.outOfScope.total)}  (unrelated entry given as the answer: ${report.outOfScope.unrelatedAnswers})`);
  console.log(`  yes/no leads with it  ${report.yesNo.leading}/${report.yesNo.total}  ${pct(report.yesNo.leading, report.yesNo.total)}  (opens with the wrong one: ${report.yesNo.wrong})`);
  console.log(`  number in the lead    ${report.oneNumber.inLead}/${report.oneNumber.total}  ${pct(report.oneNumber.inLead, report.oneNumber.total)}`);
  for (const [style, s] of Object.entries(report.byStyle).sort()) console.log(`  ${style.padEnd(14)} ${String(s.correct).padStart(3)}/${String(s.total).padEnd(3)} ${pct(s.correct, s.total)}`);
}
