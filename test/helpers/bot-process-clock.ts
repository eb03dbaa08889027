import { startApp } from '../../bot/app.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../observability/logger.js';

/**
 * The bot as `bot/main.ts` starts it, but on a clock that runs `offsetMs` ahead of this machine's
 * (`node --import tsx bot-process-clock.ts <offsetMs>`): several processes given the same offset
 * share one test time that moves on in real time, so their reminder workers see the same moment.
 */
const offsetMs = Number(process.argv[2]);
if (!Number.isFinite(offsetMs)) throw new Error('usage: bot-process-clock.ts <offsetMs>');

const config = loadConfig();
const logger = createLogger(config.logLevel);
const app = await startApp(config, logger, { clock: { now: () => new Date(Date.now() + offsetMs) } });
process.once('SIGTERM', () => {
  void app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
