import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../helpers/chromium.js';
import { PlaygroundChat, startPlayground, type Playground } from '../helpers/agents-playground.js';

const QUESTION = 'Måste vi vara säkra innan vi gör en orosanmälan?';
const ANSWER_PATTERN = /misstank|säker/i;
const REPLY_TIMEOUT_MS = 30_000;

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(repoRoot, 'test-results');

/** The Microsoft 365 Agents Playground (a local Teams client) running from node_modules. */
describe.skipIf(!hasChromium)(
  hasChromium
    ? 'Samverkansboten in the Agents Playground'
    : `Samverkansboten in the Agents Playground (skipped: ${CHROMIUM_PATH} is missing; install Debian's chromium package)`,
  () => {
    let bot: BotProcess | undefined;
    let playground: Playground | undefined;
    let browser: BrowserContext | undefined;
    let userDataDir: string | undefined;

    beforeAll(async () => {
      bot = await startBotProcess();
      playground = await startPlayground(`${bot.baseUrl}/api/messages`);
      userDataDir = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
      browser = await launchChromium(userDataDir, { width: 1400, height: 900 });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await playground?.stop();
      await bot?.stop();
      if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
    });

    describe('when a staff member opens a personal chat and asks about orosanmälan', () => {
      it('shows the welcome, then a Swedish answer that cites the routine', async () => {
        const page = browser!.pages()[0] ?? (await browser!.newPage());
        mkdirSync(resultsDir, { recursive: true });
        onTestFailed(async () => {
          await page.screenshot({ path: join(resultsDir, 'playground-failure.png') });
          console.error(
            `Playground output:\n${playground?.output.join('\n')}\nBot stderr:\n${bot?.stderr.join('\n')}`,
          );
        });
        const chat = new PlaygroundChat(page);

        await page.goto(playground!.url);
        const welcome = chat.botMessages().filter({ hasText: 'Samverkansboten' }).first();
        await welcome.waitFor({ state: 'visible', timeout: REPLY_TIMEOUT_MS });

        await chat.send(QUESTION);
        const answer = chat.botMessages().filter({ hasText: ANSWER_PATTERN }).last();
        await answer.waitFor({ state: 'visible', timeout: REPLY_TIMEOUT_MS });

        const answerText = await answer.innerText();
        const markers = chat.citationMarkers(answer);
        // On a busy machine the pop-up can close before it is read: hover again, a few times, before judging it.
        let citationPreview = '';
        for (let attempt = 0; attempt < 6 && (await markers.count()) > 0 && !citationPreview.includes('Kraftsamlings styrdokument'); attempt++) {
          citationPreview = await chat.openCitation(markers.first());
        }
        await page.screenshot({ path: join(resultsDir, 'playground-answer.png'), animations: 'disabled' });

        // Teams renders the citation entity as a numbered marker whose pop-up names the routine.
        expect(await markers.count(), `no rendered citation marker; the answer read:\n${answerText}`).toBeGreaterThan(0);
        expect(`${answerText}\n${citationPreview}`).toContain('Kraftsamlings styrdokument');
      }, 120_000);
    });
  },
);
