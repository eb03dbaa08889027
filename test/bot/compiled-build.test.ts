import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { buildIfStale, startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { startLocalModelServer, type LocalModelServer } from '../helpers/openai-compatible-server.js';

async function ask(bot: BotProcess, text: string): Promise<Response> {
  return fetch(`${bot.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity(text)),
  });
}

async function replyTexts(response: Response): Promise<string[]> {
  const body = (await response.json()) as { activities: { text?: string }[] };
  return body.activities.map((activity) => activity.text ?? '');
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the compiled build (dist/)', () => {
  beforeAll(() => {
    buildIfStale();
  }, 600_000);

  describe('when started with node dist/bot/main.js', () => {
    let bot: BotProcess;
    beforeAll(async () => {
      bot = await startBotProcess({ compiled: true });
    }, 120_000);
    afterAll(async () => {
      await bot?.stop();
    });

    it('is ready and answers a question through /api/messages with its source', async () => {
      expect((await fetch(`${bot.baseUrl}/readyz`)).status).toBe(200);

      const response = await ask(bot, 'Vad är en orosanmälan?');

      expect(response.status).toBe(200);
      const texts = await replyTexts(response);
      expect(texts.join('\n')).toMatch(/anmäl/i);
      expect(texts.join('\n')).toMatch(/\[1\]/);
    });

    it('starts from the snapshot the build wrote: the shipped pack, lists and index are not parsed again', () => {
      const line = bot.stdout.find((text) => text.includes('"START_SNAPSHOT_USED"'));

      expect(line).toBeDefined();
      const report = JSON.parse(line!) as { used: string; parsed: string };
      expect(report.parsed).toBe('');
      expect(report.used.split(',')).toEqual(expect.arrayContaining(['knowledge', 'retrieval-index', 'privacy-lists', 'akut-lexicon']));
    });

    it('serves the tab page, read from the copied assets', async () => {
      const response = await fetch(`${bot.baseUrl}/tab/tab.js`);

      expect(response.status).toBe(200);
      expect((await response.text()).length).toBeGreaterThan(100);
    });
  });

  describe('when stopped with SIGTERM while a turn is running', () => {
    let model: LocalModelServer;
    let bot: BotProcess;
    beforeAll(async () => {
      model = await startLocalModelServer({ kind: 'hang' });
      bot = await startBotProcess({ compiled: true, env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'test', OPENAI_TIMEOUT_MS: '2000' } });
    }, 120_000);
    afterAll(async () => {
      await bot?.stop();
      await model?.close();
    });

    it('finishes the turn, refuses new ones and exits with code 0', async () => {
      const running = ask(bot, 'Vad är en orosanmälan?');
      await waitUntil(() => model.requests.length > 0, 20_000);

      process.kill(bot.pid, 'SIGTERM');
      await waitUntil(() => bot.stdout.some((line) => line.includes('"STOPPING"')), 10_000);
      const late = await ask(bot, 'Vad är en orosanmälan?').then((response) => response.status, () => 'refused');

      const response = await running;
      expect(response.status).toBe(200);
      expect((await replyTexts(response)).join('\n')).toMatch(/anmäl/i);
      expect([503, 'refused']).toContain(late);
      expect(await bot.exit).toBe(0);
      expect(bot.stdout.some((line) => line.includes('"STOPPED"'))).toBe(true);
    });
  });
});
