import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../helpers/chromium.js';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { startFakeTeamsHost, type FakeTeamsHost } from '../helpers/fake-teams-host.js';
import { ANNA, driveTraffic, LENA, NORR_CHANNEL, STAFF, TRAFFIC_START, writeInsightRolesFile, type Person } from '../helpers/insights-traffic.js';
import { settableClock, startProactiveApp, type ProactiveApp } from '../helpers/proactive-app.js';

const UI_TIMEOUT_MS = 15_000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const resultsDir = join(repoRoot, 'test-results');

describe.skipIf(!hasChromium)(
  hasChromium ? 'the statistics page in a fake Teams host' : `the statistics page in a fake Teams host (skipped: ${CHROMIUM_PATH} is missing)`,
  () => {
    let host: FakeTeamsHost;
    let connector: FakeBotConnector;
    let bot: ProactiveApp;
    let rolesDir: string;
    let browser: BrowserContext;
    let userDataDir: string;
    let page: Page;

    beforeAll(async () => {
      host = await startFakeTeamsHost();
      connector = await startFakeBotConnector();
      rolesDir = await mkdtemp(join(tmpdir(), 'statistics-page-'));
      const clock = settableClock(TRAFFIC_START);
      bot = await startProactiveApp({
        clock,
        env: { ROLES_FILE: await writeInsightRolesFile(rolesDir), ESCALATION_CHANNELS: `norr=${NORR_CHANNEL}`, AUTH_MODE: 'dev', TAB_HOST_ORIGINS: host.origin },
      });
      await driveTraffic(bot, connector, clock);
      userDataDir = mkdtempSync(join(tmpdir(), 'statistics-chromium-'));
      browser = await launchChromium(userDataDir, { width: 1366, height: 1400 });
      await browser.route('https://res.cdn.office.net/**', (route) => route.abort());
      page = browser.pages()[0] ?? (await browser.newPage());
      mkdirSync(resultsDir, { recursive: true });
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await bot?.stop();
      await connector?.close();
      await host?.close();
      if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      if (rolesDir) await rm(rolesDir, { recursive: true, force: true });
    });

    async function open(who: Person): Promise<FrameLocator> {
      await page.goto(host.url({ tabUrl: `${bot.baseUrl}/tab/statistik`, upn: who.upn, oid: who.aadObjectId, displayName: who.name }));
      return page.frameLocator('#tab');
    }

    describe('when the ledningsgrupp opens the statistics tab', () => {
      it('draws the charts with Chart.js and shows every small cell as "< 5"', async () => {
        onTestFailed(async () => {
          await page.screenshot({ path: join(resultsDir, 'statistics-tab-failure.png'), fullPage: true });
        });
        const tab = await open(LENA);

        await expect.poll(() => tab.locator('#who').innerText(), { timeout: UI_TIMEOUT_MS }).toMatch(/^Lena Ledning · Ledningsgrupp · vecka v\. 52 2025–v\. 11 2026$/);
        await expect.poll(() => tab.locator('#questions-totals').innerText()).toBe('Besvarade: 7 · Utan svar: 8 · Stoppade av integritetsskyddet: < 5');
        await expect.poll(() => tab.locator('#gap-terms').innerText()).toBe('skolskjuts (5 personer)');
        const norr = tab.locator('#escalations-table tbody tr', { hasText: 'Mottagningssektion Norr' });
        await expect.poll(() => norr.locator('td').allInnerTexts()).toEqual(['6', '5', '< 5', '10']);
        const sodra = tab.locator('#meetings-table tbody tr', { hasText: 'Mottagningssektion Södra' });
        await expect.poll(() => sodra.locator('td').allInnerTexts()).toEqual(['5', '< 5', '< 5', '2.8', '< 5', '< 5']);
        await expect.poll(() => tab.locator('#feedback-totals').innerText()).toBe('Tummen upp: 5 · Tummen ner: < 5');

        // Five charts, each drawn by Chart.js onto its canvas (pixels that are not blank).
        const frame = page.frames().find((candidate) => candidate.url().includes('/tab/statistik'))!;
        const charts = await frame.evaluate(() => {
          const Chart = (window as unknown as { Chart: { getChart(canvas: HTMLCanvasElement): unknown } }).Chart;
          return Array.from(document.querySelectorAll('canvas')).map((canvas) => {
            const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
            return { id: canvas.id, chart: Chart.getChart(canvas) !== undefined, painted: painted > 500 };
          });
        });
        expect(charts).toEqual(
          ['questions-chart', 'topics-chart', 'escalations-chart', 'meetings-chart', 'feedback-chart'].map((id) => ({ id, chart: true, painted: true })),
        );
        // Every table fits its card (none cut off at the side), and the routines' rows speak Swedish, not codes.
        const overflowing = await frame.evaluate(() =>
          Array.from(document.querySelectorAll('.report .card')).filter((card) => card.scrollWidth > card.clientWidth).map((card) => card.querySelector('h2')?.textContent),
        );
        expect(overflowing).toEqual([]);
        const routines = await tab.locator('#other-table tbody th').allInnerTexts();
        expect(routines).toContain('Orosanmälan, steg: skriftlig anmälan');
        expect(routines).toContain('Stoppat av integritetsskyddet: namn');
        expect(routines.join(' ')).not.toMatch(/-|anmalningsskyldighet|: name$/m);
        // The page scrolls inside the tab's iframe: make the window as tall as the page, so the screenshot shows all of it.
        const height = await frame.evaluate(() => document.documentElement.scrollHeight);
        await page.setViewportSize({ width: 1366, height: height + 60 });
        await expect.poll(() => frame.evaluate(() => window.innerHeight)).toBeGreaterThanOrEqual(height);
        await page.screenshot({ path: join(resultsDir, 'statistics-tab.png'), fullPage: true, animations: 'disabled' });
        await page.setViewportSize({ width: 1366, height: 1400 });
      }, 60_000);
    });

    describe('when the knowledge owner opens it', () => {
      it('shows the same figures and the knowledge base’s health', async () => {
        const tab = await open(ANNA);
        await expect.poll(() => tab.locator('#who').innerText(), { timeout: UI_TIMEOUT_MS }).toMatch(/^Anna Kunskap · Kunskapsägare/);
        await expect.poll(() => tab.locator('#most-disliked').innerText()).toMatch(/: < 5$/);
        await expect.poll(() => tab.locator('#never-cited li').count()).toBeGreaterThan(10);
      }, 60_000);
    });

    describe('when a member of staff without the role opens it', () => {
      it('shows no figures and says who the statistics are for', async () => {
        const tab = await open(STAFF[0]!);
        await expect.poll(() => tab.getByRole('status').innerText(), { timeout: UI_TIMEOUT_MS }).toMatch(/^Statistiken är bara för ledningsgruppen/);
        expect(await tab.locator('#report').isHidden()).toBe(true);
        await page.screenshot({ path: join(resultsDir, 'statistics-tab-refused.png'), animations: 'disabled' });
      }, 60_000);
    });
  },
);
