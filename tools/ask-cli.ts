/**
 * `npm run --silent ask -- --jsonl`: reads `{"q": "…"}` lines on stdin and prints one answer line each,
 * `{"kind", "text", "citations": [{"id", "title", "source"}]}`, through the same guard and answerer as the bot.
 * Without --jsonl it answers the question given as arguments.
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { loadConfig } from '../config/config.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { publishedPhoneNumbers } from '../municipality/contacts.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { phraserFromConfig } from '../model/openai-phraser.js';
import { createLogger } from '../observability/logger.js';
import { PrivacyGuard, refusalText } from '../privacy/index.js';
import { refusalCallLine, whoToCall } from '../triage/who-to-call.js';
import { systemClock } from '../scheduling/clock.js';
import { isAkutOro } from '../triage/akut-oro-detector.js';

const questionLine = z.object({ q: z.string() }).loose();

const config = loadConfig();
// Logs go to stderr so stdout holds only answer lines.
const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
const knowledge = await loadKnowledge(config.knowledgeDir);
const guard = new PrivacyGuard({ allowedPhoneNumbers: publishedPhoneNumbers(knowledge.contacts) });
const answerer = await createAnswerer(knowledge, config.knowledgeDir, {
  phraser: phraserFromConfig(config.model),
  phraserTimeoutMs: config.model?.timeoutMs,
  acuteConcern: isAkutOro,
  events: { modelFallback: (code) => logger.warn({ code }, 'model answer not used') },
});

async function answerOne(question: string): Promise<Record<string, unknown>> {
  const verdict = guard.inspectText(question);
  if (verdict.identifying) {
    return { kind: 'no-answer', refused: true, categories: verdict.categories, text: refusalText(verdict, { sharedConversation: false, callNowLine: refusalCallLine(whoToCall(knowledge.contacts, systemClock.now())) }), citations: [] };
  }
  const answer = await answerer.answer(question);
  return {
    kind: answer.kind,
    text: answer.text,
    citations: answer.citations.map((c) => ({ id: c.id, title: c.title, source: c.source, shortSource: c.shortSource, lastReviewed: c.lastReviewed })),
    aiGenerated: answer.aiGenerated,
  };
}

if (process.argv.includes('--jsonl')) {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    let parsed: z.infer<typeof questionLine> | undefined;
    try {
      parsed = questionLine.parse(JSON.parse(line));
    } catch {
      process.stdout.write(`${JSON.stringify({ error: 'Raden är inte JSON med fältet "q".' })}\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify(await answerOne(parsed.q))}\n`);
  }
} else {
  const question = process.argv.slice(2).filter((a) => a !== '--').join(' ');
  if (!question) {
    process.stderr.write('Användning: npm run --silent ask -- "Din fråga"   eller   npm run --silent ask -- --jsonl < frågor.jsonl\n');
    process.exit(2);
  }
  const result = await answerOne(question);
  // A terminal shows no citation pop-ups: the sources follow as one short line.
  const citations = (result.citations ?? []) as { shortSource?: string }[];
  const sources = citations.length > 0 ? `\n\nKällor: ${citations.map((c, i) => `[${i + 1}] ${c.shortSource}`).join(' · ')}` : '';
  process.stdout.write(`${String(result.text)}${sources}\n`);
}
