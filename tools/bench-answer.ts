/**
 * `npm run bench:answer`: how long a question takes — the answerer alone, and a whole turn through
 * POST /api/messages (privacy guard, dialogs, state in SQLite) — as medians and 95th percentiles.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startApp } from '../bot/app.js';
import { loadConfig } from '../config/config.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { parseQaCases } from '../knowledge/qa-evaluation.js';
import { createLogger } from '../observability/logger.js';
import { isAkutOro } from '../triage/akut-oro-detector.js';

const ROUNDS = 3;
const questions = parseQaCases(await readFile('test/fixtures/qa-eval.jsonl', 'utf8')).map((c) => c.q);

function summary(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  console.log(`${label.padEnd(34)} n=${sorted.length}  median ${at(0.5).toFixed(2)} ms  p95 ${at(0.95).toFixed(2)} ms  max ${at(1).toFixed(2)} ms`);
}

const knowledge = await loadKnowledge('knowledge');
const answerer = await createAnswerer(knowledge, 'knowledge', { acuteConcern: isAkutOro });
const direct: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of questions) {
    const started = performance.now();
    await answerer.answer(q);
    direct.push(performance.now() - started);
  }
}

const dir = await mkdtemp(path.join(tmpdir(), 'bench-answer-'));
const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: path.join(dir, 'bench.sqlite'), LOG_LEVEL: 'silent', REMINDER_POLL_MS: '0' });
const app = await startApp(config, createLogger('silent'));
const turns: number[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, q] of questions.entries()) {
      const body = JSON.stringify({
        type: 'message',
        id: `bench-${round}-${i}`,
        channelId: 'msteams',
        serviceUrl: 'https://smba.invalid/',
        deliveryMode: 'expectReplies',
        from: { id: `29:bench-${i % 10}` },
        recipient: { id: '28:bot' },
        conversation: { id: `a:bench-${i % 10}`, conversationType: 'personal' },
        text: q,
      });
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${app.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      await response.text();
      turns.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`turn answered ${response.status}`);
    }
  }
} finally {
  await app.close();
  await rm(dir, { recursive: true, force: true });
}

console.log(`${questions.length} questions from test/fixtures/qa-eval.jsonl, ${ROUNDS} rounds, extractive answers (no model)`);
summary('answerer.answer()', direct);
summary('question turn via /api/messages', turns);
