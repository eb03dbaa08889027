import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startApp, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../observability/logger.js';
import type { Clock } from '../../scheduling/clock.js';

/** A clock a test moves by hand. */
export interface SettableClock extends Clock {
  set(instant: Date): void;
  advance(ms: number): void;
}

/** A clock that stands still at `start` until the test moves it. */
export function settableClock(start: Date): SettableClock {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    set: (instant) => {
      time = instant.getTime();
    },
    advance: (ms) => {
      time += ms;
    },
  };
}

/** The bot started in this process with a test clock, for tests of what it sends on its own. */
export interface ProactiveApp {
  readonly app: RunningApp;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly logs: string[];
  /** Posts an activity to /api/messages; returns the status and the parsed body (replies or invoke response). */
  post(activity: object): Promise<{ status: number; body: any }>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * Starts the real app on a free port with the given environment and clock. Reminders are polled only
 * when the test asks (REMINDER_POLL_MS=0 unless overridden); pass `dataDir` to restart on the same
 * SQLite file.
 */
export async function startProactiveApp(options: { env?: Record<string, string>; clock: Clock; dataDir?: string }): Promise<ProactiveApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'samverkan-proactive-')));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SQLITE_PATH: path.join(dataDir, 'bot.sqlite'),
    LOG_LEVEL: 'debug',
    REMINDER_POLL_MS: '0',
    ...options.env,
  });
  const app = await startApp(config, createLogger(config.logLevel, sink), { clock: options.clock });
  const baseUrl = `http://127.0.0.1:${app.port}`;
  return {
    app,
    baseUrl,
    dataDir,
    logs,
    async post(activity) {
      const response = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    },
    async stop(stopOptions = {}) {
      await app.close();
      if (!stopOptions.keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
