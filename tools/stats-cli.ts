/**
 * `npm run --silent stats -- --json [--from 2026-W02 --to 2026-W11]`: prints the statistics the tab
 * shows, as one JSON document, every count under five written "< 5". Reads the database the bot uses
 * (DATABASE_URL or SQLITE_PATH) and the pack in KNOWLEDGE_DIR. Without a range: the last twelve weeks.
 */
import { insightReports } from '../bot/insights-wiring.js';
import { loadConfig } from '../config/config.js';
import { parseIsoWeek, type ReportRange } from '../insights/index.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { createLogger } from '../observability/logger.js';
import { systemClock } from '../scheduling/clock.js';
import { openDatabase } from '../storage/index.js';
import { InsightStore } from '../storage/insight-store.js';

const USAGE = 'Användning: npm run --silent stats -- --json [--from ÅÅÅÅ-Vvv --to ÅÅÅÅ-Vvv], till exempel --from 2026-W02 --to 2026-W11\n';

function rangeFrom(args: readonly string[]): ReportRange {
  const range: { from?: string; to?: string } = {};
  for (const name of ['from', 'to'] as const) {
    const index = args.indexOf(`--${name}`);
    if (index < 0) continue;
    const week = parseIsoWeek(args[index + 1] ?? '');
    if (!week) {
      process.stderr.write(`--${name} måste vara en ISO-vecka, ÅÅÅÅ-Vvv (till exempel 2026-W11).\n${USAGE}`);
      process.exit(2);
    }
    range[name] = week;
  }
  return range;
}

const args = process.argv.slice(2).filter((arg) => arg !== '--');
if (!args.includes('--json')) {
  process.stderr.write(USAGE);
  process.exit(2);
}
const range = rangeFrom(args);
const config = loadConfig();
// Logs go to stderr so stdout holds only the JSON.
const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, process.stderr);
const knowledge = await loadKnowledge(config.knowledgeDir);
const database = await openDatabase({
  databaseUrl: config.storage.databaseUrl,
  sqlitePath: config.storage.sqlitePath,
  connectTimeoutMs: config.storage.connectTimeoutMs,
  statementTimeoutMs: config.storage.statementTimeoutMs,
  logger: logger.child({ module: 'storage' }),
});
try {
  const report = await insightReports(new InsightStore(database.db), knowledge, systemClock).report(range);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await database.close();
}
