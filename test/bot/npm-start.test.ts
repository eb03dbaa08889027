import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale, findFreePort } from '../helpers/bot-process.js';

const root = path.resolve(import.meta.dirname, '../..');

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1_000) })).status === 200;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

describe('npm start', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'npm-start-'));
    // npm start builds dist/ when it is stale; build first so the start itself is measured, not tsc.
    buildIfStale();
  }, 600_000);
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  // SIGTERM is how a process manager stops it; SIGINT is what Ctrl-C in a terminal sends.
  describe.each(['SIGTERM', 'SIGINT'] as const)('when npm is stopped with %s', (signal) => {
    it('stops the bot too and frees the port', async () => {
      const port = await findFreePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), SQLITE_PATH: path.join(dataDir, 'bot.sqlite'), LOG_LEVEL: 'silent' },
        stdio: 'ignore',
      });
      try {
        expect(await waitUntil(() => healthy(baseUrl), 60_000)).toBe(true);

        npm.kill(signal);

        expect(await waitUntil(async () => !(await healthy(baseUrl)), 10_000)).toBe(true);
      } finally {
        npm.kill('SIGKILL');
      }
    });
  });
});
