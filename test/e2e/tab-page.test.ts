import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { fixedClock } from '../../scheduling/clock.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { chooseSchoolInChat } from '../helpers/chat-steps.js';
import { startFakeTeamsHost, type FakeTeamsHost } from '../helpers/fake-teams-host.js';
import { startSsoTokenIssuer, type SsoTokenIssuer } from '../helpers/sso-token-issuer.js';
import { tabClient } from '../helpers/tab-client.js';
import { TAB_PEOPLE, TAB_TEST_NOW, writeTabRolesFile } from '../helpers/tab-fixtures.js';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../helpers/chromium.js';

const UI_TIMEOUT_MS = 15_000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(repoRoot, 'test-results');

type Person = keyof typeof TAB_PEOPLE;

/** Sara's week at Mottagningssektion Södra, posted through the API as the tab's form posts it. */
async function seedSarasWeek(baseUrl: string): Promise<void> {
  const sara = tabClient(baseUrl, { 'x-dev-user': TAB_PEOPLE.sara.upn });
  const place = 'Mottagningen Södra, rum 3';
  const posts = [
    { kind: 'konsultation', date: '2026-03-09', from: '13:00', to: '15:00', slotLengthMinutes: 45, bufferMinutes: 15, repeatWeeks: 1 },
    { kind: 'anmalningsmote', date: '2026-03-10', from: '09:00', to: '12:00', slotLengthMinutes: 60, bufferMinutes: 15, repeatWeeks: 1, place },
    { kind: 'konsultation', date: '2026-03-12', from: '13:00', to: '15:00', slotLengthMinutes: 45, bufferMinutes: 15, repeatWeeks: 1 },
    { kind: 'anmalningsmote', date: '2026-03-13', from: '09:00', to: '10:00', slotLengthMinutes: 60, bufferMinutes: 15, repeatWeeks: 1, place },
  ];
  for (const post of posts) expect((await sara.postSlots(post)).status).toBe(201);
  // The kurator books Monday's first konsultation; the rektor Tuesday's first anmälningsmöte.
  const leila = tabClient(baseUrl, { 'x-dev-user': TAB_PEOPLE.leila.upn });
  const maria = tabClient(baseUrl, { 'x-dev-user': TAB_PEOPLE.maria.upn });
  const free = (await maria.week()).body.days.flatMap((day: { entries: { id: string; kind: string; time: string }[] }) => day.entries);
  const monday = free.find((entry: { kind: string; time: string }) => entry.kind === 'konsultation' && entry.time === '13.00–13.45');
  const tuesday = free.find((entry: { kind: string; time: string }) => entry.kind === 'anmalningsmote' && entry.time === '09.00–10.00');
  expect((await leila.book({ slotId: monday.id, kind: 'konsultation' })).status).toBe(201);
  expect((await maria.book({ slotId: tuesday.id, kind: 'anmalningsmote' })).status).toBe(201);
}

/** Opens the fake Teams host as a person and returns the tab's frame once the week is shown. */
async function openTab(page: Page, host: FakeTeamsHost, tabUrl: string, person: Person, token?: string): Promise<FrameLocator> {
  const who = TAB_PEOPLE[person];
  await page.goto(host.url({ tabUrl, upn: who.upn, oid: who.aadObjectId, displayName: who.name, ...(token ? { token } : {}) }));
  const tab = page.frameLocator('#tab');
  await tab.getByRole('heading', { name: 'Vecka 11 · 9–15 mars 2026' }).waitFor({ timeout: UI_TIMEOUT_MS });
  return tab;
}

async function launch(): Promise<{ browser: BrowserContext; userDataDir: string }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'tab-chromium-'));
  const browser = await launchChromium(userDataDir, { width: 1366, height: 900 });
  // teams-js refreshes its list of valid host origins from a CDN; there is no network here.
  await browser.route('https://res.cdn.office.net/**', (route) => route.abort());
  return { browser, userDataDir };
}

describe.skipIf(!hasChromium)(
  hasChromium ? 'the tab page in a fake Teams host' : `the tab page in a fake Teams host (skipped: ${CHROMIUM_PATH} is missing; install Debian's chromium package)`,
  () => {
    let host: FakeTeamsHost;
    let bot: AppUnderTest;
    let browser: BrowserContext;
    let userDataDir: string;
    let page: Page;

    beforeAll(async () => {
      host = await startFakeTeamsHost();
      const dir = await mkdtemp(join(tmpdir(), 'tab-page-'));
      const rolesFile = await writeTabRolesFile(dir);
      bot = await startAppUnderTest({ AUTH_MODE: 'dev', ROLES_FILE: rolesFile, REMINDER_POLL_MS: '0', TAB_HOST_ORIGINS: host.origin }, dir, {
        clock: fixedClock(TAB_TEST_NOW),
      });
      // The kurator works at Tunaskolan (Södra) and has told the bot so in the chat, as staff do once.
      await chooseSchoolInChat(bot, TAB_PEOPLE.leila, 'tunaskolan');
      await seedSarasWeek(bot.baseUrl);
      ({ browser, userDataDir } = await launch());
      page = browser.pages()[0] ?? (await browser.newPage());
      mkdirSync(resultsDir, { recursive: true });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await bot?.stop();
      await host?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    });

    describe('when Maria, rektor in Tumba, opens the tab', () => {
      it('shows free times at Mottagningssektion Södra and her booking, and books a meeting with the planning answers', async () => {
        onTestFailed(async () => {
          await page.screenshot({ path: join(resultsDir, 'tab-week-rektor-failure.png') });
        });
        const tab = await openTab(page, host, `${bot.baseUrl}/tab`, 'maria');

        await expect.poll(() => tab.locator('#who').innerText()).toBe('Maria Berg · Rektor/förskolechef · Broängsskolan');
        const tuesday = tab.getByRole('region', { name: 'Tisdag 10 mars' });
        await expect.poll(() => tuesday.locator('article.state-mine').innerText()).toContain('Med Sara Lind');

        const friday = tab.getByRole('region', { name: 'Fredag 13 mars' });
        await friday.getByRole('button', { name: 'Boka: Anmälningsmöte 09.00–10.00', exact: true }).click();
        await expect.poll(() => friday.getByLabel('Var hålls mötet?', { exact: true }).inputValue()).toBe('skolan');
        await friday.getByLabel('Var hålls mötet?', { exact: true }).selectOption('digitalt');
        await friday.getByRole('button', { name: 'Bekräfta bokningen' }).click();

        const status = tab.getByRole('status');
        await expect.poll(() => status.innerText(), { timeout: UI_TIMEOUT_MS }).toMatch(/^Anmälningsmötet är bokat fredag 13 mars kl\. 09\.00–10\.00 med Sara Lind\. Referens AM-/);
        await expect.poll(() => friday.locator('article.state-mine').innerText()).toContain('Plats: Digitalt i Teams.');
        await page.screenshot({ path: join(resultsDir, 'tab-week-rektor.png'), animations: 'disabled' });

        expect(await page.evaluate(() => (window as unknown as { hostLog: string[] }).hostLog)).toEqual(expect.arrayContaining(['initialize', 'getContext']));
      }, 60_000);
    });

    describe('when Sara, socialsekreterare at Mottagningssektion Södra, opens the tab', () => {
      it('shows who booked her times, posts new ones with the form, and removes a free time after she confirms', async () => {
        onTestFailed(async () => {
          await page.screenshot({ path: join(resultsDir, 'tab-week-failure.png') });
        });
        const tab = await openTab(page, host, `${bot.baseUrl}/tab`, 'sara');

        const booked = tab.locator('article.state-booked');
        await expect.poll(() => booked.allInnerTexts()).toEqual([
          expect.stringContaining('Bokad av Leila Karimi'),
          expect.stringContaining('Bokad av Maria Berg, Broängsskolan'),
          expect.stringContaining('Bokad av Maria Berg, Broängsskolan'),
        ]);
        await expect.poll(() => tab.getByText('Lägg upp tider', { exact: true }).isVisible()).toBe(true);

        await tab.getByText('Lägg upp tider', { exact: true }).click();
        await tab.getByLabel('Anmälningsmöte', { exact: true }).check();
        await tab.getByLabel('Datum').selectOption('2026-03-11');
        await tab.getByLabel('Från', { exact: true }).selectOption('10:00');
        await tab.getByLabel('Till', { exact: true }).selectOption('12:30');
        await tab.getByLabel('Längd på varje tid').selectOption('60');
        await tab.getByLabel('Plats för mötet hos er').fill('Mottagningen Södra, rum 3');
        await tab.getByRole('button', { name: 'Lägg upp tiderna' }).click();
        await expect.poll(() => tab.getByRole('status').innerText(), { timeout: UI_TIMEOUT_MS }).toContain('2 tider för anmälningsmöte är upplagda.');
        const wednesday = tab.getByRole('region', { name: 'Onsdag 11 mars' });
        await expect.poll(() => wednesday.locator('article .time').allInnerTexts()).toEqual(['10.00–11.00', '11.15–12.15']);

        const thursday = tab.getByRole('region', { name: 'Torsdag 12 mars' });
        await thursday.getByRole('button', { name: 'Ta bort: Konsultation (telefon/Teams) 14.00–14.45', exact: true }).click();
        await thursday.getByRole('button', { name: 'Ja, ta bort' }).click();

        await expect.poll(() => tab.getByRole('status').innerText(), { timeout: UI_TIMEOUT_MS }).toContain('Tiden är borttagen.');
        await expect.poll(() => thursday.locator('article').allInnerTexts()).toEqual([expect.stringContaining('13.00–13.45')]);
        await page.screenshot({ path: join(resultsDir, 'tab-week.png'), animations: 'disabled' });

        await page.setViewportSize({ width: 420, height: 900 });
        await page.screenshot({ path: join(resultsDir, 'tab-week-narrow.png'), animations: 'disabled' });
        await page.setViewportSize({ width: 1366, height: 900 });
      }, 60_000);
    });

    describe('when Leila, kurator, changes her school in the tab', () => {
      it('shows the school she chose in the chat, and after she picks another, that school’s section', async () => {
        onTestFailed(async () => {
          await page.screenshot({ path: join(resultsDir, 'tab-week-school-failure.png') });
        });
        const tab = await openTab(page, host, `${bot.baseUrl}/tab`, 'leila');

        await expect.poll(() => tab.getByLabel('Din förskola eller skola').inputValue()).toBe('tunaskolan');
        await expect.poll(() => tab.locator('#notices').innerText()).toContain('Mottagningssektion Södra');
        await expect.poll(() => tab.locator('article.state-free').count()).toBeGreaterThan(0);

        await tab.getByLabel('Din förskola eller skola').selectOption('hallundaskolan');
        await tab.getByRole('button', { name: 'Spara' }).click();

        await expect.poll(() => tab.getByRole('status').innerText(), { timeout: UI_TIMEOUT_MS }).toContain('Sparat: du arbetar på Hallundaskolan (Mottagningssektion Norr).');
        await expect.poll(() => tab.locator('#notices').innerText()).toContain('Mottagningssektion Norr');
        await expect.poll(() => tab.locator('article.state-free').count()).toBe(0);
        await page.screenshot({ path: join(resultsDir, 'tab-week-school.png'), animations: 'disabled' });
      }, 60_000);
    });
  },
);

describe.skipIf(!hasChromium)('the tab page with Teams SSO', () => {
  let host: FakeTeamsHost;
  let issuer: SsoTokenIssuer;
  let bot: AppUnderTest;
  let browser: BrowserContext;
  let userDataDir: string;

  beforeAll(async () => {
    host = await startFakeTeamsHost();
    issuer = await startSsoTokenIssuer();
    const dir = await mkdtemp(join(tmpdir(), 'tab-page-sso-'));
    const rolesFile = await writeTabRolesFile(dir);
    bot = await startAppUnderTest(
      {
        ROLES_FILE: rolesFile,
        REMINDER_POLL_MS: '0',
        TAB_HOST_ORIGINS: host.origin,
        TAB_SSO_JWKS_URL: issuer.jwksUrl,
        TAB_SSO_AUDIENCE: issuer.audience,
        TAB_SSO_ISSUER: issuer.issuer,
      },
      dir,
      { clock: fixedClock(TAB_TEST_NOW) },
    );
    ({ browser, userDataDir } = await launch());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await issuer?.close();
    await host?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  describe('when the host hands the tab a token from authentication.getAuthToken', () => {
    it('shows the week of the user the token names', async () => {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const token = await issuer.token({ oid: TAB_PEOPLE.ahmed.aadObjectId, upn: TAB_PEOPLE.ahmed.upn, name: 'Ahmed Hassan' });
      const tab = await openTab(page, host, `${bot.baseUrl}/tab`, 'ahmed', token);

      await expect.poll(() => tab.locator('#who').innerText()).toBe('Ahmed Hassan · Socialsekreterare · Mottagningssektion Norr');
      expect(await page.evaluate(() => (window as unknown as { hostLog: string[] }).hostLog)).toContain('authentication.getAuthToken');
    }, 60_000);
  });

  describe('when the host has no token for the tab', () => {
    it('tells the user in Swedish how to get signed in again', async () => {
      const page = browser.pages()[0] ?? (await browser.newPage());
      const who = TAB_PEOPLE.ahmed;
      await page.goto(host.url({ tabUrl: `${bot.baseUrl}/tab`, upn: who.upn, oid: who.aadObjectId, displayName: who.name }));

      await expect.poll(() => page.frameLocator('#tab').getByRole('status').innerText(), { timeout: UI_TIMEOUT_MS }).toContain('Stäng fliken och öppna den igen');
    }, 60_000);
  });
});
