import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { addDays, wallClockIn } from '../../scheduling/clock.js';
import { AvailabilityStore } from '../../storage/availability-store.js';
import { openDatabase } from '../../storage/index.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { PlaygroundChat, startPlayground } from '../helpers/agents-playground.js';

const REPLY_TIMEOUT_MS = 30_000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(repoRoot, 'test-results');

/** Posts Ahmed's konsultation times 13–15 on the next day that has any, straight into the bot's database. */
async function postKonsultationTimes(sqlitePath: string): Promise<void> {
  const database = await openDatabase({ sqlitePath });
  try {
    const store = new AvailabilityStore(database.db);
    const now = new Date();
    let day = addDays(wallClockIn(now, 'Europe/Stockholm'), 1);
    for (let tries = 0; tries < 10; tries += 1, day = addDays(day, 1)) {
      const outcome = await store.postAvailability({ id: 'aad-ahmed', name: 'Ahmed Socialsekreterare' }, 'sodra', {
        kind: 'konsultation',
        date: day,
        from: { hour: 13, minute: 0 },
        to: { hour: 15, minute: 0 },
        slotLengthMinutes: 45,
        repeatWeeks: 1,
      }, now);
      if (outcome.status === 'posted' && outcome.slots.length > 0) return;
    }
    throw new Error('found no open day to post times on');
  } finally {
    await database.close();
  }
}

describe.skipIf(!hasChromium)('booking in the Agents Playground', () => {
  let bot: BotProcess | undefined;
  let playground: { url: string; stop(): Promise<void> } | undefined;
  let browser: BrowserContext | undefined;
  let userDataDir: string | undefined;

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'playground-booking-'));
    const sqlitePath = join(dataDir, 'bot.sqlite');
    await postKonsultationTimes(sqlitePath);
    bot = await startBotProcess({ sqlitePath });
    playground = await startPlayground(`${bot.baseUrl}/api/messages`);
    userDataDir = mkdtempSync(join(tmpdir(), 'playground-chromium-'));
    browser = await launchChromium(userDataDir, { width: 1400, height: 1100 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  describe('when a staff member books a konsultation (Alex Wilber is not in the roles file, so elevhälsa)', () => {
    it('asks the school, shows the times, confirms and books – every card rendered and every button working', async () => {
      const page: Page = browser!.pages()[0] ?? (await browser!.newPage());
      mkdirSync(resultsDir, { recursive: true });
      onTestFailed(async () => {
        await page.screenshot({ path: join(resultsDir, 'playground-booking-failure.png') });
        console.error(`Bot stderr:\n${bot?.stderr.join('\n')}`);
      });
      const chat = new PlaygroundChat(page);
      const botMessages = () => chat.botMessages();
      const send = (text: string) => chat.send(text);

      await page.goto(playground!.url);
      await botMessages().filter({ hasText: 'Samverkansboten' }).first().waitFor({ timeout: REPLY_TIMEOUT_MS });
      await send('boka konsultation');
      await botMessages().filter({ hasText: 'Vilken förskola eller skola' }).last().waitFor({ timeout: REPLY_TIMEOUT_MS });
      await send('Tunaskolan');
      const times = botMessages().filter({ hasText: 'Lediga konsultationstider hos Mottagningssektion Södra' }).last();
      await times.waitFor({ timeout: REPLY_TIMEOUT_MS });

      await times.getByRole('button', { name: /13\.00–13\.45 · Ahmed/ }).click();
      const confirm = botMessages().filter({ hasText: 'nämn inte barnets namn' }).last();
      await confirm.waitFor({ timeout: REPLY_TIMEOUT_MS });
      await confirm.getByRole('button', { name: 'Boka', exact: true }).click();
      const booked = botMessages().filter({ hasText: 'Konsultationen är bokad' }).last();
      await booked.waitFor({ timeout: REPLY_TIMEOUT_MS });
      await page.screenshot({ path: join(resultsDir, 'playground-booking.png'), animations: 'disabled' });

      const text = await booked.innerText();
      expect(text).toMatch(/KO-[0-9A-Z]{4}-[0-9A-Z]{2}/);
      expect(text).toContain('Ahmed Socialsekreterare, Mottagningssektion Södra');
      expect(text).toContain('Alex Wilber');
    }, 120_000);
  });
});
