import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { PLAYGROUND_PEOPLE, playgroundBotEnvironment, playgroundConfigYaml, type PlaygroundPerson } from '../../tools/playground-people.js';
import { stockholm } from '../dialogs/dialog-harness.js';
import { PlaygroundChat, startPlayground, type Playground } from '../helpers/agents-playground.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { settableClock, type SettableClock } from '../helpers/proactive-app.js';

/**
 * The journeys of JOURNEYS.md, each walked end to end in the Microsoft 365 Agents Playground by the
 * people `npm run playground` ships (tools/playground-people.ts, playground/roles.yaml): one bot with
 * a clock the test sets, one Playground per person, one headless Chromium tab per person. Each test
 * counts what the person had to do (messages typed, buttons pressed) and checks the words that matter.
 * Screenshots: test-results/journeys/.
 */

const REPLY_TIMEOUT_MS = 30_000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const screenshotDir = join(repoRoot, 'test-results', 'journeys');

const person = (key: PlaygroundPerson['key']): PlaygroundPerson => PLAYGROUND_PEOPLE.find((someone) => someone.key === key)!;

/** One person at their own Playground: what they type and press is counted. */
class PersonAtPlayground {
  readonly chat: PlaygroundChat;
  /** Messages typed and buttons pressed since the journey started. */
  actions = 0;

  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {
    this.chat = new PlaygroundChat(page);
  }

  /** Opens the Playground afresh (the bot greets again) and starts counting from zero. */
  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.chat.botMessages().filter({ hasText: 'Samverkansboten' }).first().waitFor({ timeout: REPLY_TIMEOUT_MS });
    this.actions = 0;
  }

  async say(text: string): Promise<void> {
    this.actions += 1;
    await this.chat.send(text);
  }

  async press(message: Locator, button: string | RegExp): Promise<void> {
    this.actions += 1;
    await message.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  }

  /** The last bot message with this text, once it has arrived. */
  async reply(text: string | RegExp): Promise<Locator> {
    const message = this.chat.botMessages().filter({ hasText: text }).last();
    await message.waitFor({ timeout: REPLY_TIMEOUT_MS });
    return message;
  }

  /** How many messages the bot has posted in the open chat. */
  botMessageCount(): Promise<number> {
    return this.chat.botMessages().count();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(screenshotDir, `${name}.png`), animations: 'disabled' });
  }
}

describe.skipIf(!hasChromium)('the journeys of JOURNEYS.md in the Agents Playground', () => {
  let clock: SettableClock;
  let bot: AppUnderTest | undefined;
  const playgrounds = new Map<PlaygroundPerson['key'], Playground>();
  let browser: BrowserContext | undefined;
  let chromiumDir: string | undefined;
  const people = new Map<PlaygroundPerson['key'], PersonAtPlayground>();
  const at = (key: PlaygroundPerson['key']): PersonAtPlayground => people.get(key)!;

  beforeAll(async () => {
    clock = settableClock(stockholm(2026, 12, 4, 9, 0));
    bot = await startAppUnderTest({ ...playgroundBotEnvironment(), REMINDER_POLL_MS: '0' }, undefined, { clock });
    await Promise.all(
      PLAYGROUND_PEOPLE.map(async (someone) => {
        playgrounds.set(someone.key, await startPlayground(`${bot!.baseUrl}/api/messages`, { config: playgroundConfigYaml(someone) }));
      }),
    );
    chromiumDir = mkdtempSync(join(tmpdir(), 'journeys-chromium-'));
    browser = await launchChromium(chromiumDir, { width: 1400, height: 1500 });
    for (const someone of PLAYGROUND_PEOPLE) people.set(someone.key, new PersonAtPlayground(await browser.newPage(), playgrounds.get(someone.key)!.url));
    mkdirSync(screenshotDir, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([...playgrounds.values()].map((playground) => playground.stop()));
    await bot?.stop();
    if (chromiumDir !== undefined) rmSync(chromiumDir, { recursive: true, force: true });
  });

  /** On failure: a screenshot of every open page and the bot's last log lines. */
  function onFailureShowEverything(journey: string): void {
    onTestFailed(async () => {
      for (const [key, someone] of people) await someone.page.screenshot({ path: join(screenshotDir, `${journey}-failure-${key}.png`) }).catch(() => undefined);
      console.error(`Bot log (last 40 lines):\n${bot?.logs.slice(-40).join('\n')}`);
    });
  }

  describe('Leila, kurator in Norr, with akut oro', () => {
    it('Monday 12.35: socialjouren first (lunch), then the alert, and at 13.02 she is told Ahmed will call', async () => {
      onFailureShowEverything('leila-monday');
      clock.set(stockholm(2026, 12, 7, 12, 35));
      const ahmed = at('ahmed');
      const leila = at('leila');
      // Ahmed has the section's alert channel open, as the mottagningssektion does in Teams.
      await ahmed.open();
      await ahmed.chat.open('Akuta larm');
      await leila.open();

      await leila.say('en elev säger att pappa slog henne med bälte i helgen, vad gör jag');
      const advice = await leila.reply('Akut oro – gör så här nu');
      const adviceText = await advice.innerText();
      // Whom to call now comes first: at lunch that is socialjouren, with when the mottagning opens and 112.
      expect(adviceText.indexOf('Ring socialjouren nu')).toBeGreaterThanOrEqual(0);
      expect(adviceText.indexOf('Ring socialjouren nu')).toBeLessThan(adviceText.indexOf('Berätta inte för vårdnadshavarna'));
      expect(adviceText).toContain('öppnar igen i dag kl. 13.00');
      expect(adviceText).toMatch(/omedelbar fara: ring 112/);
      expect(adviceText).toContain('Anmäl muntligt nu');
      expect(adviceText).toContain('Var nåbar');

      const offer = await leila.reply(/Larma .* i Teams\?/);
      await leila.press(offer, /^Larma /);
      // The first time, the bot needs her school to know the section.
      await leila.reply('Vilken förskola eller skola arbetar du på?');
      await leila.say('Hallundaskolan');
      const sent = await leila.reply('Ditt larm har kommit fram i Teams');
      expect(await sent.innerText()).toContain('Mottagningssektion Norr har lunchstängt. Mottagningen öppnar igen i dag kl. 13.00.');
      await leila.screenshot('leila-monday-1235-alert-sent');

      const alert = ahmed.chat.channelPosts().filter({ hasText: 'Akut oro – vill bli uppringd' }).last();
      await alert.waitFor({ timeout: REPLY_TIMEOUT_MS });
      const alertText = await alert.innerText();
      expect(alertText).toContain('Leila Karimi');
      expect(alertText).toContain('Hallundaskolan');
      expect(alertText).toContain('måndag 7 december kl. 12.35');

      clock.set(stockholm(2026, 12, 7, 13, 2));
      await ahmed.press(alert, 'Jag tar det');
      await ahmed.chat.channelPosts().filter({ hasText: 'Ahmed Nour tog larmet kl. 13.02 och ringer upp.' }).last().waitFor({ timeout: REPLY_TIMEOUT_MS });
      await ahmed.screenshot('leila-monday-1302-ahmed-took-the-alert');

      const taken = await leila.reply('har tagit ditt larm');
      expect(await taken.innerText()).toContain('Ahmed Nour på Mottagningssektion Norr har tagit ditt larm (kl. 13.02) och ringer upp dig.');
      await leila.screenshot('leila-monday-1302-told-who-calls');
      // One message, one press, her school once; Ahmed one press.
      expect(leila.actions).toBe(3);
      expect(ahmed.actions).toBe(1);
    }, 180_000);

    it('Saturday 11.00: socialjouren and Monday’s opening; the alert waits in the channel, marked as sent while closed', async () => {
      onFailureShowEverything('leila-saturday');
      clock.set(stockholm(2026, 12, 12, 11, 0));
      const ahmed = at('ahmed');
      const leila = at('leila');
      await ahmed.open();
      await ahmed.chat.open('Akuta larm');
      await leila.open();

      await leila.say('en elev säger att pappa slog henne med bälte i helgen, vad gör jag');
      const advice = await leila.reply('Akut oro – gör så här nu');
      const adviceText = await advice.innerText();
      expect(adviceText.indexOf('Ring socialjouren nu')).toBeGreaterThanOrEqual(0);
      expect(adviceText).toContain('stängt i helgen');
      expect(adviceText).toContain('måndag 14 december kl. 08.30');
      expect(adviceText).toMatch(/omedelbar fara: ring 112/);

      // Her school is remembered from Monday: the alert goes to Norr with one press.
      const offer = await leila.reply('Larma Mottagningssektion Norr i Teams?');
      await leila.press(offer, 'Larma Mottagningssektion Norr');
      const sent = await leila.reply('Ditt larm har kommit fram i Teams');
      expect(await sent.innerText()).toContain('Mottagningssektion Norr har stängt i helgen. Mottagningen öppnar igen måndag 14 december kl. 08.30.');
      await leila.screenshot('leila-saturday-1100-alert-sent');

      const alert = ahmed.chat.channelPosts().filter({ hasText: 'lördag 12 december kl. 11.00' }).last();
      await alert.waitFor({ timeout: REPLY_TIMEOUT_MS });
      expect(await alert.innerText()).toContain('Larmet kom medan mottagningen hade stängt.');
      await ahmed.screenshot('leila-saturday-1100-alert-in-channel');
      expect(leila.actions).toBe(2);
    }, 180_000);
  });
});
