import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { fixedClock } from '../../scheduling/clock.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { stockholm } from './dialog-harness.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { startPlayground } from '../helpers/agents-playground.js';

const TIMEOUT_MS = 20_000;
const resultsDir = fileURLToPath(new URL('../../test-results', import.meta.url));

/** Presses the last button with this name in the chat, as a user would. */
async function press(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('button', { name }).last().click();
}

async function waitForText(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).last().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
}

describe.skipIf(!hasChromium)('the routines in the Agents Playground (Teams client)', () => {
  let bot: AppUnderTest | undefined;
  let playground: { url: string; stop(): Promise<void> } | undefined;
  let browser: BrowserContext | undefined;
  let userDataDir: string | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    bot = await startAppUnderTest({ LOG_LEVEL: 'warn' }, undefined, { clock: fixedClock(stockholm(2026, 11, 23, 12, 30)) });
    playground = await startPlayground(`${bot.baseUrl}/api/messages`);
    userDataDir = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
    browser = await launchChromium(userDataDir, { width: 1400, height: 1400 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  describe('when Johan uses the card buttons and then Leila-style akut text is sent (Monday 12.30)', () => {
    it('renders every card, every button reaches the bot, and the akut reply names socialjouren first', async () => {
      const page = browser!.pages()[0] ?? (await browser!.newPage());
      page.on('pageerror', (error) => pageErrors.push(String(error)));
      mkdirSync(resultsDir, { recursive: true });
      onTestFailed(async () => {
        await page.screenshot({ path: join(resultsDir, 'playground-dialogs-failure.png'), fullPage: true });
      });

      const say = async (text: string) => {
        await page.locator('[role="textbox"][data-lexical-editor="true"]').click();
        await page.keyboard.type(text);
        await page.getByRole('button', { name: 'Send Message' }).click();
      };

      await page.goto(playground!.url);
      await waitForText(page, 'Vad vill du göra?');
      // Johan's school, typed once, so the consultation knows his section.
      await say('byt skola');
      await waitForText(page, 'Vilken förskola eller skola arbetar du på?');
      await say('Förskolan Ametisten');
      await waitForText(page, /Jag kommer ihåg att du arbetar på Förskolan Ametisten/);
      await press(page, 'Anonym konsultation');
      await waitForText(page, '1 av 4: Hur gammalt är barnet?');
      await press(page, '1–5 år (förskola)');
      await waitForText(page, '2 av 4: Vad gäller oron?');
      await press(page, 'Behoven tillgodoses inte');
      await waitForText(page, '3 av 4: Hur länge har ni varit oroliga?');
      await press(page, 'Några veckor');
      await waitForText(page, '4 av 4: Vad har förskolan/skolan gjort hittills?');
      await page.getByText('Pratat med barnet').last().click();
      await press(page, 'Klar');
      await waitForText(page, 'Sammanfattning inför samtalet');
      await waitForText(page, 'Ring Mottagningssektion Södra');
      await page.screenshot({ path: join(resultsDir, 'playground-consultation-summary.png'), fullPage: true });

      await say('en elev säger att pappa slog henne med bälte i helgen, vad gör jag');
      await waitForText(page, /Larma Mottagningssektion Södra i Teams/);
      const akutReply = page.locator('div:has(> [aria-label="Message header"] [aria-label="Message author"])').filter({ hasText: 'Akut oro – gör så här nu' }).last();
      const akutText = await akutReply.innerText();
      await page.screenshot({ path: join(resultsDir, 'playground-akut-oro.png'), fullPage: true });
      expect(akutText.indexOf('Ring socialjouren nu')).toBeLessThan(akutText.indexOf('Berätta inte för vårdnadshavarna'));
      expect(akutText).toMatch(/öppnar igen i dag kl\. 13\.00/);

      // The school is known, so one press alerts (no channel is wired here, so the bot says to call).
      await press(page, /^Larma/);
      await waitForText(page, 'Larmet kunde inte skickas i Teams');
      expect(pageErrors).toEqual([]);
    }, 120_000);
  });
});
