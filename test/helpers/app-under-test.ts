import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startApp, type AppOverrides, type RunningApp } from '../../bot/app.js';
import { loadConfig } from '../../config/config.js';
import { createLogger } from '../../observability/logger.js';

/** A bot started in this process on a free port, with its logs captured. */
export interface AppUnderTest {
  readonly baseUrl: string;
  readonly logs: string[];
  readonly dataDir: string;
  readonly app: RunningApp;
  /** Posts an activity to /api/messages and returns the status and (with expectReplies) the replies. */
  send(activity: object, headers?: Record<string, string>): Promise<{ status: number; replies: ReplyActivity[]; body: unknown }>;
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** The parts of a reply activity tests look at. */
export interface ReplyActivity {
  type: string;
  text?: string;
  entities?: Record<string, unknown>[];
  attachments?: { contentType: string; content: unknown }[];
  conversation?: { id: string };
  replyToId?: string;
  value?: unknown;
}

/** Starts the bot with embedded defaults and the given environment overrides (and, optionally, a fixed clock). */
export async function startAppUnderTest(env: Record<string, string> = {}, dataDir?: string, overrides: AppOverrides = {}): Promise<AppUnderTest> {
  const dir = dataDir ?? (await mkdtemp(path.join(tmpdir(), 'samverkan-')));
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SQLITE_PATH: path.join(dir, 'bot.sqlite'), LOG_LEVEL: 'debug', RATE_LIMIT_TURNS_PER_MINUTE: '0', ...env });
  const app = await startApp(config, createLogger(config.logLevel, sink), overrides);
  const baseUrl = `http://127.0.0.1:${app.port}`;
  return {
    baseUrl,
    logs,
    dataDir: dir,
    app,
    async send(activity, headers = {}) {
      const response = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await response.text();
      const body: unknown = text ? JSON.parse(text) : undefined;
      const replies = ((body as { activities?: ReplyActivity[] } | undefined)?.activities ?? []).filter((a) => a.type !== 'typing');
      return { status: response.status, replies, body };
    },
    async stop(options = {}) {
      await app.close();
      if (!options.keepData) await rm(dir, { recursive: true, force: true });
    },
  };
}
