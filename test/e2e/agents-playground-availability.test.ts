import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { firstPostableDay, workingDaysFrom } from '../../booking/availability-rules.js';
import { isoWeekdayOf, type CalendarDate } from '../../scheduling/clock.js';
import { calendarDateText } from '../../scheduling/swedish-time.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { PlaygroundChat, startPlayground } from '../helpers/agents-playground.js';

const REPLY_TIMEOUT_MS = 30_000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(repoRoot, 'test-results');
// Alex Wilber, the Playground's signed-in user: not a GUID, which roles.yaml accepts for such tests.
const PLAYGROUND_USER_OBJECT_ID = '00000000-0000-0000-0000-0000000000020';

/** Ahmed's journey: the first Tuesday and Thursday the form offers after its first day (so never a time already past). */
function tuesdayAndThursday(): CalendarDate[] {
  const [, ...later] = workingDaysFrom(firstPostableDay(new Date()), 10);
  return [2, 4].map((weekday) => later.find((day) => isoWeekdayOf(day) === weekday)).filter((day): day is CalendarDate => day !== undefined);
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
    it('posts Tuesday and Thursday 13–15 with one submit of the "Lägg upp tider" card and lists them by day', async () => {
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

      const days = tuesdayAndThursday();
      await form.getByRole('radio', { name: /anmälningsmöte/i }).check();
      // Several days in one submit: tick them in the form's list of working days.
      for (const day of days) await form.getByText(calendarDateText(day, { style: 'short' }), { exact: true }).click();
      // From–to and slot length keep the card's defaults: 13:00–15:00, 45 min.
      await form.getByPlaceholder(/Mottagningen Södra, rum 2/).fill('Mottagningen Norr, rum 3');
      await form.getByRole('button', { name: 'Lägg upp', exact: true }).click();

      const posted = botMessages().filter({ hasText: 'Klart! Jag har lagt upp' }).last();
      await posted.waitFor({ timeout: REPLY_TIMEOUT_MS });
      await page.screenshot({ path: join(resultsDir, 'playground-availability.png'), animations: 'disabled' });

      const text = await posted.innerText();
      expect(text).toMatch(new RegExp(`lagt upp ${days.length * 2} tider för anmälningsmöte hos Mottagningssektion Norr`));
      for (const day of days) expect(text).toContain(`${calendarDateText(day)} kl. 13.00–13.45, 14.00–14.45`);
      expect(text).not.toContain('Hoppade över');
    }, 120_000);
  });
});
