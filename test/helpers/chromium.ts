import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs; browser tests skip with a clear name without it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** True when the browser tests can run on this machine. */
export const hasChromium = existsSync(CHROMIUM_PATH);

/** Headless flags for a closed network: without the background-networking ones Chromium keeps dialling out. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium as a Swedish user in Stockholm sees pages, with its own profile folder. */
export function launchChromium(userDataDir: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
}
