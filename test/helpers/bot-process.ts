import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The bot running as its own Node process, as `npm start` runs it. */
export interface BotProcess {
  readonly port: number;
  readonly baseUrl: string;
  /** The SQLite file the bot uses; pass it to a second start to test a restart. */
  readonly sqlitePath: string;
  readonly stdout: string[];
  readonly stderr: string[];
  readonly pid: number;
  /** Resolves with the exit code (null when ended by a signal) once the process has exited. */
  readonly exit: Promise<number | null>;
  /** True once the process has exited, for whatever reason. */
  exited(): boolean;
  /** Stops the bot (SIGTERM, then SIGKILL after 10 s) and removes its temporary data unless kept. */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

/** How to start the bot; `env` entries override the defaults, `undefined` removes a variable. */
export interface BotProcessOptions {
  env?: Record<string, string | undefined>;
  /** Reuse this SQLite file (e.g. from an earlier start) instead of a fresh one. */
  sqlitePath?: string;
  /** How long to wait for /healthz before giving up (default 60 s). */
  startTimeoutMs?: number;
  /** Run the compiled `dist/bot/main.js` (call `buildIfStale()` first) instead of the sources through tsx. */
  compiled?: boolean;
  /** Run the app on a clock this far ahead of the machine's (test/helpers/bot-process-clock.ts); not with `compiled`. */
  clockOffsetMs?: number;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// Variables from the developer's shell that would change which bot starts: with an app id it
// demands channel tokens, with DATABASE_URL it leaves SQLite, with a model URL it calls out.
const INHERITED_VARIABLES_TO_DROP = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
  'MicrosoftAppType',
  'DATABASE_URL',
  'OPENAI_BASE_URL',
  'OPENAI_API_KEY',
  'OPENAI_MODEL',
  'KNOWLEDGE_DIR',
];
const STOP_GRACE_MS = 10_000;
const HEALTH_POLL_MS = 200;

/** Builds dist/ unless it is up to date (`npm run build -- --if-stale`); concurrent callers wait for one build. */
export function buildIfStale(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/build.ts', '--if-stale'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Starts `bot/main.ts` in a child process on a free loopback port and waits for /healthz. */
export async function startBotProcess(options: BotProcessOptions = {}): Promise<BotProcess> {
  const port = await findFreePort();
  const dataDir = options.sqlitePath === undefined ? mkdtempSync(join(tmpdir(), 'bot-process-')) : undefined;
  const sqlitePath = options.sqlitePath ?? join(dataDir!, 'bot.sqlite');

  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of INHERITED_VARIABLES_TO_DROP) delete env[name];
  Object.assign(env, { PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: sqlitePath, LOG_LEVEL: 'info', RATE_LIMIT_TURNS_PER_MINUTE: '0' }, options.env);
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];

  const entry = options.compiled
    ? ['dist/bot/main.js']
    : options.clockOffsetMs !== undefined
      ? ['--import', 'tsx', 'test/helpers/bot-process-clock.ts', String(options.clockOffsetMs)]
      : ['--import', 'tsx', 'bot/main.ts'];
  const child = spawn(process.execPath, entry, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => stdout.push(line));
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const removeData = () => {
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  };
  const stop = async (stopOptions: { keepData?: boolean } = {}) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
    if (!stopOptions.keepData) removeData();
  };

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, exited, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    const output = [...stderr, ...stdout.slice(-20)].join('\n');
    throw new Error(`${(error as Error).message}\n--- bot output ---\n${output}`, { cause: error });
  }
  return { port, baseUrl, sqlitePath, stdout, stderr, pid: child.pid!, exit: exited, exited: () => child.exitCode !== null || child.signalCode !== null, stop };
}

async function waitForHealth(baseUrl: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the bot exited with code ${exitCode} before /healthz answered`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      // Not listening yet: remember why and keep polling until the deadline.
      lastProblem = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  throw new Error(`the bot did not answer GET ${baseUrl}/healthz within ${timeoutMs} ms (${lastProblem})`);
}

/** Asks the OS for a free loopback port. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not read the port of a probe server'));
      });
    });
  });
}
