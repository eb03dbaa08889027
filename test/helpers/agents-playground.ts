import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Locator, Page } from 'playwright-core';
import { findFreePort } from './bot-process.js';

/** A running Microsoft 365 Agents Playground: a local Teams client in the browser. */
export interface Playground {
  url: string;
  output: string[];
  stop(): Promise<void>;
}

/** How to start a Playground; `config` is the text of a `.m365agentsplayground.yml` (who the user is, their team …). */
export interface PlaygroundOptions {
  readonly config?: string;
}

/** Starts the Playground against a bot endpoint, in the msteams channel, fully offline. */
export async function startPlayground(appEndpoint: string, options: PlaygroundOptions = {}): Promise<Playground> {
  const cliPath = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  // The Playground writes devTools/ logs into its working directory: keep them out of the repo.
  const workDir = mkdtempSync(join(tmpdir(), 'agents-playground-'));
  const configEnv: Record<string, string> = {};
  if (options.config !== undefined) {
    configEnv.M365_AGENTS_PLAYGROUND_CONFIG_PATH = join(workDir, '.m365agentsplayground.yml');
    writeFileSync(configEnv.M365_AGENTS_PLAYGROUND_CONFIG_PATH, options.config);
  }
  const requestedPort = await findFreePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [cliPath, '-e', appEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(requestedPort)],
    { cwd: workDir, env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', ...configEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(workDir, { recursive: true, force: true });
  };

  // It falls back to a random port when the requested one is taken, so read the one it chose.
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Playground did not start listening within 90 s')), 90_000);
    const onLine = (line: string) => {
      output.push(line);
      const listening = /Listening on (\d+)/.exec(line);
      if (listening?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the Playground exited before it listened:\n${output.join('\n')}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return { url: `http://127.0.0.1:${port}/`, output, stop };
}

/** The conversation pane of the Playground, seen the way a user reads it. */
export class PlaygroundChat {
  constructor(private readonly page: Page) {}

  /** Every message the bot has posted: only bot messages carry an author line in their header. */
  botMessages(): Locator {
    return this.page.locator('div:has(> [aria-label="Message header"] [aria-label="Message author"])');
  }

  /** Posts in the open Teams channel: rendered as cards, not as chat messages. */
  channelPosts(): Locator {
    return this.page.locator('.fui-Card[role="group"]');
  }

  /** Opens a chat or channel from the left-hand list by its name ("Personal Chat", "Akuta larm" …). */
  async open(name: string): Promise<void> {
    await this.page.getByText(name, { exact: true }).first().click();
  }

  /**
   * Starts a new post in the open Teams channel, @mentioning the bot first as a channel member must for the
   * bot to hear it: types "@" and the start of its name, picks it from the list, then types the text and posts.
   */
  async post(text: string, botName: string): Promise<void> {
    // In a channel the first editor is "Start a new post"; each thread has its own reply box below it.
    const newPost = this.page.locator('[role="textbox"][data-lexical-editor="true"]').first();
    await newPost.click();
    await this.page.keyboard.type(`@${botName.slice(0, 4)}`);
    await this.page.getByRole('listbox').getByText(botName, { exact: true }).click();
    await this.page.keyboard.type(` ${text}`);
    await newPost.filter({ hasText: text }).waitFor({ timeout: 5_000 });
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    await newPost.filter({ hasText: text }).waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Types into the compose box and presses the send button, as a user would. */
  async send(text: string): Promise<void> {
    const composeBox = this.page.locator('[role="textbox"][data-lexical-editor="true"]');
    // On a busy machine the editor may not take the first keystrokes: check the text arrived before sending.
    for (let attempt = 1; ; attempt += 1) {
      await composeBox.click();
      await this.page.keyboard.type(text);
      try {
        await composeBox.filter({ hasText: text }).waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Control+A');
        await this.page.keyboard.press('Backspace');
      }
    }
    await this.page.getByRole('button', { name: 'Send Message' }).click();
    await composeBox.filter({ hasText: text }).waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Citation markers ([1], [2] …) that the client rendered from the message's citation entities. */
  citationMarkers(message: Locator): Locator {
    return message.getByRole('button', { name: /^\d+$/ });
  }

  /** Hovers a citation marker and returns the text of the preview that opens. */
  async openCitation(marker: Locator): Promise<string> {
    // The pop-up is for the screenshot; it may close again before it is read on a busy machine.
    try {
      // Leave the marker first: hovering where the pointer already is opens nothing, so a retry would only wait.
      await this.page.mouse.move(0, 0);
      await marker.hover();
      const preview = this.page.getByRole('dialog').filter({ hasText: /\S/ }).last();
      await preview.waitFor({ state: 'visible', timeout: 5_000 });
      return await preview.innerText({ timeout: 5_000 });
    } catch {
      return '';
    }
  }
}
