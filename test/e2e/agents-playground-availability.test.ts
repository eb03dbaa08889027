import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { addDays, formatCalendarDate, isoWeekdayOf, wallClockIn, type CalendarDate } from '../../scheduling/clock.js';
import { swedishHolidaysOn } from '../../scheduling/swedish-holidays.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { PlaygroundChat, startPlayground } from '../helpers/agents-playground.js';

const REPLY_TIMEOUT_MS = 30_000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(repoRoot, 'test-results');
// Alex Wilber, the Playground's signed-in user: not a GUID, which roles.yaml accepts for such tests.
const PLAYGROUND_USER_OBJECT_ID = '00000000-0000-0000-0000-0000000000020';

/** The first working day (no weekend, holiday or eve) at least a week ahead, in Stockholm. */
function workingDayNextWeek(): CalendarDate {
  let day = addDays(wallClockIn(new Date(), 'Europe/Stockholm'), 7);
  while (isoWeekdayOf(day) > 5 || swedishHolidaysOn(day).length > 0) day = addDays(day, 1);
  return day;
}

describe.skipIf(!hasChromium)('posting availability in the Agents Playground', () => {
  let bot: BotProcess | undefined;
  let playground: { url: string; stop(): Promise<void> } | undefined;
  let browser: BrowserContext | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'playground-availability-'));
    const rolesFile = join(dataDir, 'roles.yaml');
    writeFileSync(rolesFile, `people:\n  - { role: socialsekreterare, area: norr, aadObjectId: "${PLAYGROUND_USER_OBJECT_ID}" }\n`);
    bot = await startBotProcess({ env: { ROLES_FILE: rolesFile } });
    playground = await startPlayground(`${bot.baseUrl}/api/messages`);
    browser = await launchChromium(join(dataDir, 'chromium'), { width: 1400, height: 1400 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
    if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
  });

  describe('when the Playground user is socialsekreterare in Norr', () => {
    it('fills the "Lägg upp tider" card and gets the posted anmälningsmöte times back', async () => {
      const page: Page = browser!.pages()[0] ?? (await browser!.newPage());
      mkdirSync(resultsDir, { recursive: true });
      onTestFailed(async () => {
        await page.screenshot({ path: join(resultsDir, 'playground-availability-failure.png') });
        console.error(`Bot stderr:\n${bot?.stderr.join('\n')}`);
      });
      const chat = new PlaygroundChat(page);
      const botMessages = () => chat.botMessages();
      const send = (text: string) => chat.send(text);

      await page.goto(playground!.url);
      await botMessages().filter({ hasText: 'Samverkansboten' }).first().waitFor({ timeout: REPLY_TIMEOUT_MS });
      await send('lägg upp tider');
      const form = botMessages().filter({ hasText: 'Vad gäller tiderna?' }).last();
      await form.waitFor({ timeout: REPLY_TIMEOUT_MS });

      const day = formatCalendarDate(workingDayNextWeek());
      await form.getByRole('radio', { name: /anmälningsmöte/i }).check();
      const date = form.locator('input[placeholder="Select a date..."]');
      // The Playground renders Input.Date as a Fluent date picker: it takes a typed date; Escape closes its calendar.
      await date.click();
      await date.fill(day);
      await date.press('Enter');
      await date.press('Escape');
      // From–to and slot length keep the card's defaults: 13:00–15:00, 45 min.
      await form.getByPlaceholder(/Mottagningen Södra, rum 2/).fill('Mottagningen Norr, rum 3');
      await form.getByRole('button', { name: 'Lägg upp', exact: true }).click();

      const posted = botMessages().filter({ hasText: 'Klart! Jag har lagt upp' }).last();
      await posted.waitFor({ timeout: REPLY_TIMEOUT_MS });
      await page.screenshot({ path: join(resultsDir, 'playground-availability.png'), animations: 'disabled' });

      const text = await posted.innerText();
      expect(text).toMatch(/lagt upp \d+ tider? för anmälningsmöte hos Mottagningssektion Norr/);
      expect(text).toMatch(/kl\. 13\.00–13\.45/);
      expect(text).not.toContain('Hoppade över');
    }, 120_000);
  });
});
