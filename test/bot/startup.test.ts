import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs `bot/main.ts` as `npm start` would and collects what it prints until it exits. */
function runBot(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not exit within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('starting the bot', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'samverkan-start-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('when the configuration is invalid', () => {
    it('stops with one message listing every bad key and exit code 1', async () => {
      const result = await runBot({ PORT: 'abc', DATABASE_URL: 'mysql://nope', SQLITE_PATH: path.join(dir, 'a.sqlite') });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Ogiltig konfiguration');
      expect(result.stderr).toContain('PORT');
      expect(result.stderr).toContain('DATABASE_URL');
    });
  });

  describe('when a knowledge file is broken', () => {
    it('stops naming the file and the field', async () => {
      const knowledgeDir = path.join(dir, 'knowledge');
      await cp(path.join(root, 'knowledge'), knowledgeDir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
      const file = path.join(knowledgeDir, 'entries', 'anmalningsskyldighet.md');
      const original = await readFile(file, 'utf8');
      await writeFile(file, original.replace(/^lastReviewed:.*$/m, 'lastReviewed: igår'));
      const result = await runBot({ KNOWLEDGE_DIR: knowledgeDir, SQLITE_PATH: path.join(dir, 'b.sqlite') });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('entries/anmalningsskyldighet.md');
      expect(result.stderr).toContain('lastReviewed');
      expect(result.stdout).toContain('"KNOWLEDGE_INVALID"');
    });
  });

  describe('when the knowledge folder is missing', () => {
    it('says which file is missing and where, and logs the file by name', async () => {
      const missing = path.join(dir, 'no-such-knowledge');
      const result = await runBot({ KNOWLEDGE_DIR: missing, SQLITE_PATH: path.join(dir, 'c.sqlite') });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Kunskapsfilen sources.yaml är felaktig: filen saknas i ${missing}`);
      expect(result.stdout).toContain('"file":"sources.yaml"');
    });
  });

  describe('when the database cannot be reached', () => {
    it('stops with a clear message and a non-zero exit code', async () => {
      const result = await runBot({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/test' });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/kunde inte starta/);
      expect(result.stderr).toContain('127.0.0.1:1');
      expect(result.stdout).toContain('"STORAGE_UNREACHABLE"');
    });
  });
});
