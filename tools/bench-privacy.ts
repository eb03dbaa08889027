// Scores the privacy guard on the labelled corpus and measures its speed on one core.
// Usage: npm run bench:privacy [-- --show-mistakes] [-- --corpus path/to/file.jsonl]
import { readFileSync } from 'node:fs';
import {
  LABELLED_CORPUS_PATH,
  PRIVACY_TARGETS,
  evaluateGuard,
  parseLabelledCorpus,
  type DetectionScore,
} from '../privacy/corpus-evaluation.js';
import { PRIVACY_CATEGORIES, PrivacyGuard, defaultWordLists } from '../privacy/index.js';

const args = process.argv.slice(2);
const corpusFlag = args.indexOf('--corpus');
const corpusPath = corpusFlag >= 0 ? args[corpusFlag + 1] ?? LABELLED_CORPUS_PATH : LABELLED_CORPUS_PATH;
const showMistakes = args.includes('--show-mistakes');

const corpus = parseLabelledCorpus(readFileSync(corpusPath, 'utf8'));
const guard = new PrivacyGuard();
const evaluation = evaluateGuard(guard, corpus);

const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const row = (label: string, s: DetectionScore): string =>
  `${label.padEnd(15)} ${String(s.truePositives + s.falseNegatives).padStart(5)} ${percent(s.recall).padStart(8)} ${percent(s.precision).padStart(9)} ${percent(s.falsePositiveRate).padStart(6)}`;

const clean = corpus.filter((message) => !message.identifying && !message.quasi).length;
const quasiCount = corpus.filter((message) => message.quasi).length;
console.log(`Corpus: ${corpusPath}`);
console.log(`${corpus.length} messages: ${corpus.length - clean - quasiCount} identifying, ${quasiCount} quasi, ${clean} clean`);
console.log('');
console.log(`${'category'.padEnd(15)} ${'pos'.padStart(5)} ${'recall'.padStart(8)} ${'precision'.padStart(9)} ${'FPR'.padStart(6)}`);
console.log(row('identifying', evaluation.overall));
for (const category of PRIVACY_CATEGORIES) console.log(row(category, evaluation.perCategory[category]));
console.log(row('quasi', evaluation.quasi));
console.log('');
console.log(`FPR on clean messages (refused):        ${percent(evaluation.cleanFalsePositiveRate)}`);
console.log(`Clean messages with any reaction:        ${percent(evaluation.cleanAnyFlagRate)}`);
console.log(`Quasi-identifiers warned (not refused):  ${percent(evaluation.quasi.recall)}`);

const styles = Object.entries(evaluation.perStyle).sort(([a], [b]) => a.localeCompare(b));
if (styles.length > 0) {
  const share = (part: number, whole: number): string => (whole === 0 ? '-' : percent(part / whole));
  console.log('');
  console.log(`${'style'.padEnd(15)} ${'msgs'.padStart(5)} ${'ident'.padStart(6)} ${'recall'.padStart(8)} ${'quasi'.padStart(6)} ${'warned'.padStart(8)} ${'clean'.padStart(6)} ${'refused'.padStart(8)}`);
  for (const [style, s] of styles) {
    console.log(
      `${style.padEnd(15)} ${String(s.messages).padStart(5)} ${String(s.identifying).padStart(6)} ${share(s.caught, s.identifying).padStart(8)} ` +
        `${String(s.quasi).padStart(6)} ${share(s.warned, s.quasi).padStart(8)} ${String(s.clean).padStart(6)} ${share(s.refused, s.clean).padStart(8)}`,
    );
  }
}

if (showMistakes) {
  console.log('');
  for (const { message, verdict } of evaluation.mistakes) {
    console.log(`expected ${JSON.stringify(message.categories)}${message.quasi ? ' quasi' : ''}, got ${JSON.stringify(verdict.categories)}${verdict.quasi ? ' quasi' : ''}: ${message.text}`);
  }
}

// Speed: a few hundred thousand inspections on this thread (one core), after a warm-up.
defaultWordLists();
const texts = corpus.map((message) => message.text);
for (let i = 0; i < 20_000; i++) guard.inspectText(texts[i % texts.length]!);
// The rate is per second of this process's CPU time, so a machine shared with other work does not halve it;
// the wall-clock time is printed too. JavaScript runs on one thread; GC helper threads count against the rate.
const inspections = 300_000;
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
for (let i = 0; i < inspections; i++) guard.inspectText(texts[i % texts.length]!);
const cpu = process.cpuUsage(cpuBefore);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const perSecond = inspections / cpuSeconds;
console.log(
  `Speed: ${Math.round(perSecond).toLocaleString('en-US')} messages/s on one core (${inspections.toLocaleString('en-US')} inspections in ` +
    `${cpuSeconds.toFixed(2)} s of CPU time, ${seconds.toFixed(2)} s wall clock: ${Math.round(inspections / seconds).toLocaleString('en-US')}/s)`,
);

const checks = [
  ['recall >= 0.98', evaluation.overall.recall >= PRIVACY_TARGETS.overallRecall],
  ['personnummer recall = 1.00', evaluation.perCategory.personnummer.recall >= PRIVACY_TARGETS.personnummerRecall],
  ['FPR on clean <= 0.01', evaluation.cleanFalsePositiveRate <= PRIVACY_TARGETS.cleanFalsePositiveRate],
  ['quasi recall >= 0.90', evaluation.quasi.recall >= PRIVACY_TARGETS.quasiRecall],
  ['>= 20,000 msg/s', perSecond >= PRIVACY_TARGETS.messagesPerSecond],
] as const;
const failed = checks.filter(([, ok]) => !ok).map(([label]) => label);
console.log(failed.length === 0 ? 'PASS: all targets met' : `FAIL: ${failed.join(', ')}`);
