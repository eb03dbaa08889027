import { ConfigError, loadConfig, redactedSummary } from '../config/config.js';
import { DataFileError } from '../municipality/pack-files.js';
import { createLogger } from '../observability/logger.js';
import { startApp } from './app.js';

/** Starts the bot from the environment; any problem at start is one clear message and exit code 1. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  logger.info({ code: 'STARTING', config: redactedSummary(config) }, 'starting');
  try {
    const app = await startApp(config, logger);
    // The first signal drains running turns and stops cleanly; a second one ends the process at once.
    const stop = async (signal: string) => {
      logger.info({ code: 'STOPPING', signal }, 'stopping');
      try {
        await app.close();
      } catch (error) {
        logger.error({ code: 'STOP_FAILED', errorName: (error as Error).name }, 'could not stop cleanly');
        process.exit(1);
      }
      logger.info({ code: 'STOPPED', signal }, 'stopped');
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // A data file of the municipality's own names its file and field, never a user's text.
    const where = error instanceof DataFileError ? { file: error.file, field: error.field } : {};
    logger.fatal({ code: typeof code === 'string' ? code : 'START_FAILED', errorName: (error as Error).name, ...where }, 'could not start');
    process.stderr.write(`Samverkansboten kunde inte starta: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

await main();
