import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realKnowledge, realRoutines } from '../dialogs/dialog-harness.js';
import { hasChromium, launchChromium } from '../helpers/chromium.js';
import { everyCard, type NamedCard } from '../helpers/every-card.js';

/**
 * Every card rendered by Microsoft's Adaptive Cards renderer in Chromium on a 360 px phone. Like
 * Teams, the renderer keeps a button title on one line and cuts it with "…" when it does not fit
 * (`allowTitleToWrap` is off). Screenshots: test-results/cards-360/.
 */

const PHONE_WIDTH = 360;
// Teams on a phone leaves about 16 px on each side of a full-width card.
const CARD_WIDTH = PHONE_WIDTH - 2 * 16;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const screenshotDir = join(repoRoot, 'test-results', 'cards-360');
const adaptiveCardsDist = join(createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js'), '..');

/** What the page reports for one rendered card: the button titles and texts that are cut, and whether anything overflows the card. */
interface RenderReport {
  readonly buttons: number;
  readonly cutButtons: string[];
  /** The start of each text block whose text, or part of it, is wider than its room (the renderer hides what sticks out). */
  readonly cutTexts: string[];
  readonly overflowing: boolean;
}

async function render(page: Page, card: object): Promise<RenderReport> {
  return page.evaluate((json) => {
    const AdaptiveCards = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
    const host = document.getElementById('host')!;
    const adaptiveCard = new AdaptiveCards.AdaptiveCard();
    adaptiveCard.parse(json);
    host.replaceChildren(adaptiveCard.render());
    const buttons = Array.from(host.querySelectorAll<HTMLElement>('button.ac-pushButton'));
    // A title is cut when it, or the element holding its text, is wider than the room it was given.
    const isCut = (element: HTMLElement) => [element, ...Array.from(element.querySelectorAll<HTMLElement>('*'))].some((part) => part.scrollWidth > part.clientWidth + 1);
    const texts = Array.from(host.querySelectorAll<HTMLElement>('.ac-textBlock'));
    return {
      buttons: buttons.length,
      cutButtons: buttons.filter(isCut).map((button) => button.textContent ?? ''),
      cutTexts: texts.filter(isCut).map((text) => (text.textContent ?? '').slice(0, 40)),
      overflowing: host.scrollWidth > host.clientWidth + 1,
    };
  }, card);
}

describe.skipIf(!hasChromium)('the cards on a 360 px phone', () => {
  let cards: NamedCard[];
  let browser: BrowserContext | undefined;
  let userDataDir: string | undefined;
  let page: Page;

  beforeAll(async () => {
    cards = everyCard(await realKnowledge(), await realRoutines());
    userDataDir = mkdtempSync(join(tmpdir(), 'cards-360-'));
    browser = await launchChromium(userDataDir, { width: PHONE_WIDTH, height: 800 });
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.setContent(`<!doctype html><html lang="sv"><body style="margin:0 16px"><div id="host" style="width:${CARD_WIDTH}px"></div></body></html>`);
    await page.addStyleTag({ path: join(adaptiveCardsDist, 'adaptivecards.css') });
    // Teams draws cards in Segoe UI, which Linux lacks: Liberation Sans has Arial's metrics, a little narrower than
    // Segoe UI, DejaVu Sans (the fallback) is much wider. A title that is cut here is cut in Teams too.
    await page.addStyleTag({ content: '#host, #host * { font-family: "Segoe UI", "Liberation Sans", Arial, sans-serif !important; }' });
    // The renderer gives a text block's first element width 100%; a list's indent must fit inside that width, as in Teams.
    await page.addStyleTag({ content: '#host .ac-textBlock ul { box-sizing: border-box; padding-left: 20px; }' });
    await page.addScriptTag({ path: join(adaptiveCardsDist, 'adaptivecards.min.js') });
    await page.evaluate(() => {
      // The renderer leaves Markdown to its host; Teams renders **bold**, [links](…) and "- " lists, so do that much.
      const inline = (text: string) =>
        text
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
          .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>');
      const block = (paragraph: string) =>
        paragraph.split('\n').every((line) => line.startsWith('- '))
          ? `<ul>${paragraph.split('\n').map((line) => `<li>${inline(line.slice(2))}</li>`).join('')}</ul>`
          : `<p>${paragraph.split('\n').map(inline).join('<br>')}</p>`;
      (window as unknown as { AdaptiveCards: any }).AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml: string; didProcess: boolean }) => {
        result.outputHtml = text.split('\n\n').map(block).join('');
        result.didProcess = true;
      };
    });
    mkdirSync(screenshotDir, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (userDataDir !== undefined) rmSync(userDataDir, { recursive: true, force: true });
  });

  describe('when Microsoft’s renderer draws them', () => {
    it('cuts no button title and lets nothing stick out of the card', async () => {
      const problems: string[] = [];
      let buttons = 0;
      for (const { name, card } of cards) {
        const report = await render(page, card);
        buttons += report.buttons;
        await page.locator('#host').screenshot({ path: join(screenshotDir, `${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`) });
        problems.push(...report.cutButtons.map((title) => `${name}: the button "${title}" is cut`));
        problems.push(...report.cutTexts.map((text) => `${name}: the text "${text}…" is cut`));
        if (report.overflowing) problems.push(`${name}: the card is wider than ${CARD_WIDTH} px`);
      }
      expect(buttons, 'the renderer drew no buttons: the check would prove nothing').toBeGreaterThan(50);
      expect(problems).toEqual([]);
    }, 120_000);

    it('does catch a cut title, so a passing run means something', async () => {
      const long = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Behoven tillgodoses inte hemma (t.ex. mat, sömn, hygien)' }] }] };
      expect((await render(page, long)).cutButtons).toHaveLength(1);
    });

    it('does catch a text cut at the card’s edge, so a passing run means something', async () => {
      const word = 'Anmälningsskyldighetsbedömningsunderlagsdokumentationsrutinbeskrivningen';
      const wide = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `${word} ${word}`, wrap: false }] };
      expect((await render(page, wide)).cutTexts).toHaveLength(1);
    });
  });
});
