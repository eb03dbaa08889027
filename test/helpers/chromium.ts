import { existsSync } from 'node:fs';

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
