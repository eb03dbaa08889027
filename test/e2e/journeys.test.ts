import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { colleagueOf, PLAYGROUND_PEOPLE, playgroundBotEnvironment, playgroundConfigYaml, type PlaygroundPerson } from '../../tools/playground-people.js';
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

// Waits, not timed assertions: six Playgrounds and their pages share a busy two-core machine.
const REPLY_TIMEOUT_MS = 60_000;
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const screenshotDir = join(repoRoot, 'test-results', 'journeys');

const knowledgeDir = join(repoRoot, 'knowledge');

/** A made-up entry Anna writes for a question the routines do not answer yet (only in a copy of the pack). */
const ANNAS_ENTRY = `---
id: skolskjuts-vid-placering
title: "Skolskjuts när ett barn är placerat"
source:
  document: kraftsamling-2016
  section: "Skolgång vid placering"
audience: [alla]
keywords: [skolskjuts, placering, jourhem, familjehem, skolgång, annan kommun]
questions:
  - Vem ordnar skolskjuts när ett barn har placerats i ett jourhem?
english: "When a child is placed in an emergency foster home, the social worker and the school's rektor agree on school transport."
status: current
lastReviewed: 2026-12-07
---
När ett barn har placerats i ett jourhem eller familjehem kommer socialsekreteraren och rektor överens om hur barnet tar sig till skolan. Skolskjuts ordnas av hemkommunen så länge barnet går kvar i sin skola.
`;

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
    await this.page.goto(this.url, { timeout: 120_000, waitUntil: 'domcontentloaded' });
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

  /** Picks an entry of a searchable list on a card (the Playground draws it as a combobox): types, then picks. */
  async choose(message: Locator, entry: string): Promise<void> {
    this.actions += 1;
    const list = message.getByRole('combobox');
    await list.click();
    await list.fill(entry);
    await this.page.getByRole('option', { name: entry, exact: true }).click();
  }

  /** Ticks a box on a card (a multi-select question). */
  async tick(message: Locator, box: string): Promise<void> {
    this.actions += 1;
    await message.getByRole('checkbox', { name: box }).check();
  }

  /** The last bot message with this text, once it has arrived. */
  async reply(text: string | RegExp): Promise<Locator> {
    const message = this.chat.botMessages().filter({ hasText: text }).last();
    await message.waitFor({ timeout: REPLY_TIMEOUT_MS });
    return message;
  }

  /** The bot's next message in the open chat, after `before` messages (what `botMessageCount` said before the person wrote). */
  async nextReply(before: number): Promise<Locator> {
    const message = this.chat.botMessages().nth(before);
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
    // One after the other: six Playgrounds starting at once can starve a busy two-core machine.
    for (const someone of PLAYGROUND_PEOPLE) {
      playgrounds.set(someone.key, await startPlayground(`${bot.baseUrl}/api/messages`, { config: playgroundConfigYaml(someone) }));
    }
    chromiumDir = mkdtempSync(join(tmpdir(), 'journeys-chromium-'));
    browser = await launchChromium(chromiumDir, { width: 1400, height: 1500 });
    for (const someone of PLAYGROUND_PEOPLE) {
      const page = await browser.newPage();
      page.setDefaultTimeout(REPLY_TIMEOUT_MS);
      people.set(someone.key, new PersonAtPlayground(page, playgrounds.get(someone.key)!.url));
    }
    mkdirSync(screenshotDir, { recursive: true });
  }, 600_000);

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

  describe('Ahmed, socialsekreterare in Norr, posting times on a Friday morning', () => {
    it('posts Tuesday and Thursday 13–15 in 45-minute slots with 15 minutes between, and sees them under "Mina tider"', async () => {
      onFailureShowEverything('ahmed');
      clock.set(stockholm(2026, 12, 4, 9, 0));
      const ahmed = at('ahmed');
      await ahmed.open();

      await ahmed.say('lägg upp tider');
      const form = await ahmed.reply('Vad gäller tiderna?');
      // Konsultation, 13:00–15:00, 45 min and 15 min between are the form's defaults: he ticks Tuesday and Thursday.
      await ahmed.tick(form, 'tis 8 dec');
      await ahmed.tick(form, 'tors 10 dec');
      await ahmed.press(form, 'Lägg upp');
      const posted = await ahmed.reply('Klart! Jag har lagt upp 4 tider för konsultation hos Mottagningssektion Norr');
      const postedText = await posted.innerText();
      expect(postedText).toMatch(/8 dec[^\n]*13\.00–13\.45[^\n]*14\.00–14\.45/);
      expect(postedText).toMatch(/10 dec[^\n]*13\.00–13\.45[^\n]*14\.00–14\.45/);
      await ahmed.screenshot('ahmed-friday-posted');

      // The card before has a "Mina tider och bokningar" button: wait for the bot's next message, not any with that text.
      const before = await ahmed.botMessageCount();
      await ahmed.say('mina tider');
      const mine = await ahmed.nextReply(before);
      await mine.getByText('Mina tider och bokningar').first().waitFor({ timeout: REPLY_TIMEOUT_MS });
      const mineText = await mine.innerText();
      for (const day of ['tisdag 8 december', 'torsdag 10 december']) expect(mineText).toContain(day);
      expect(mineText.match(/konsultation, ledig/g)).toHaveLength(4);
      await ahmed.screenshot('ahmed-friday-mina-tider');
      // "lägg upp tider", two ticks and "Lägg upp" for both days, then "mina tider".
      expect(ahmed.actions).toBe(5);
    }, 300_000);
  });

  describe('Maria, rektor at Tunaskolan (Tumba), after the report', () => {
    it('walks orosanmälan step by step, books Tuesday 10.00 on step 3, sets the day-14 reminder, and Sara is told', async () => {
      onFailureShowEverything('maria');
      clock.set(stockholm(2026, 12, 7, 9, 30));
      const sara = at('sara');
      const maria = at('maria');
      // Sara (socialsekreterare, Södra) has posted anmälningsmöte times for Tuesday and Thursday.
      const service = bot!.app.booking.service;
      const saraActor = service.actor({ aadObjectId: person('sara').aadObjectId, name: person('sara').name, teamsId: `29:playground-sara` });
      for (const day of [8, 10]) {
        const posted = await service.post(saraActor, {
          kind: 'anmalningsmote',
          date: { year: 2026, month: 12, day },
          from: { hour: 10, minute: 0 },
          to: { hour: 11, minute: 0 },
          slotLengthMinutes: 60,
          repeatWeeks: 1,
          place: 'Mottagningen Södra, rum 2',
        });
        expect(posted.status).toBe('posted');
      }
      await sara.open();
      await sara.say('mina tider');
      await sara.reply('Mina tider och bokningar');
      await maria.open();

      const menu = await maria.reply('Vad vill du göra?');
      await maria.press(menu, 'Orosanmälan steg för steg');
      await maria.press(await maria.reply('Först: är det akut?'), 'Nej – inte akut');
      await maria.press(await maria.reply('1 av 4: Vem anmäler?'), 'Nästa: skriftlig anmälan');
      const written = await maria.reply('2 av 4: Skriftlig anmälan');
      // Her school is in the roles file: only Södra's fax and number.
      expect(await written.innerText()).toMatch(/Mottagningssektion Södra: fax/);
      expect(await written.innerText()).not.toContain('Mottagningssektion Norr');
      await maria.press(written, 'Nästa: anmälningsmötet');
      const planning = await maria.reply('3 av 4: Planera anmälningsmötet');
      expect(await planning.innerText()).toContain('Förskolan/skolan kallar vårdnadshavarna.');
      // Booking is offered where the routine plans the meeting.
      await maria.press(planning, 'Boka anmälningsmöte');
      const times = await maria.reply('Lediga tider hos Mottagningssektion Södra');
      await maria.press(times, /^tis 8 dec 10\.00/);
      const plan = await maria.reply('Rutinens svar är förvalda.');
      expect(await plan.innerText()).toContain('Tunaskolan');
      await maria.press(plan, 'Boka');
      const booked = await maria.reply('Anmälningsmötet är bokat');
      const bookedText = await booked.innerText();
      expect(bookedText).toMatch(/tisdag 8 december|tis 8 dec/);
      expect(bookedText).toContain('Sara Berg, Mottagningssektion Södra');
      expect(bookedText).toContain('Tunaskolan');
      expect(bookedText).toMatch(/AM-[0-9A-Z]{4}-[0-9A-Z]{2}/);
      await maria.screenshot('maria-booked');

      // Then the walk-through goes on: step 4 and the day-14 reminder.
      await maria.press(await maria.reply('4 av 4: Vad händer sedan?'), 'Ja, påminn mig dag 14');
      expect(await (await maria.reply('Klart! Jag påminner dig')).innerText()).toContain('måndag 21 december');
      await maria.screenshot('maria-reminder');

      const told = await sara.reply('Ny bokning');
      expect(await told.innerText()).toContain('Maria Lindqvist');
      await sara.screenshot('maria-booked-sara-told');
      // Menu, not akut, two "Nästa", "Boka anmälningsmöte" on step 3, the time, "Boka" and the reminder: no school question.
      expect(maria.actions).toBe(8);
    }, 300_000);
  });

  describe('Johan, förskolechef in Södra, on a Thursday afternoon', () => {
    it('answers four button questions, is stopped kindly when he types a name, and gets guidance and a summary without it', async () => {
      onFailureShowEverything('johan');
      clock.set(stockholm(2026, 12, 10, 14, 30));
      const johan = at('johan');
      await johan.open();

      await johan.press(await johan.reply('Vad vill du göra?'), 'Anonym konsultation');
      await johan.press(await johan.reply('1 av 4: Hur gammalt är barnet?'), '1–5 år (förskola)');
      await johan.press(await johan.reply('2 av 4: Vad gäller oron?'), /^Behoven tillgodoses inte/);
      await johan.reply('3 av 4: Hur länge har ni varit oroliga?');
      const duration = johan.chat.botMessages().filter({ has: johan.page.getByRole('button', { name: 'Några veckor' }) }).last();

      await johan.say('Elsa har varit trött och hungrig i flera veckor');
      const refusal = await johan.reply('Jag kan inte ta emot det här meddelandet');
      const refusalText = await refusal.innerText();
      expect(refusalText).toContain('ett namn');
      // It names the question he was answering, so he knows where he is.
      expect(refusalText).toContain('Svara sedan på frågan ”3 av 4: Hur länge har ni varit oroliga?” igen');
      expect(refusalText).toContain('Jag har inte sparat något av det du skrev.');
      expect(refusalText).not.toContain('Elsa');
      // Whom to call names his own section only: the bot knows his förskola from the roles file.
      expect(refusalText).toContain('Mottagningssektion Södra');
      expect(refusalText).not.toContain('Mottagningssektion Norr');

      await johan.press(duration, 'Några veckor');
      const actions = await johan.reply('4 av 4: Vad har förskolan/skolan gjort hittills?');
      await johan.tick(actions, 'Pratat med vårdnadshavarna');
      // The roles file names his förskola: the last card does not ask it.
      expect(await actions.getByRole('combobox').count()).toBe(0);
      await johan.press(actions, 'Klar');

      const guidance = await johan.reply('Det här säger rutinen');
      const guidanceText = await guidance.innerText();
      expect(guidanceText).toContain('Ni behöver inte vara säkra');
      expect(guidanceText).toContain('Förskolor har ingen kontaktperson från socialtjänsten');
      expect(guidanceText).toContain('Telefontider');
      const summary = await johan.reply('Sammanfattning inför samtalet');
      const summaryText = await summary.innerText();
      for (const answer of ['1–5 år (förskola)', 'Behoven tillgodoses inte', 'Några veckor', 'Pratat med vårdnadshavarna']) expect(summaryText).toContain(answer);
      expect(summaryText).not.toContain('Elsa');
      // His förskola is in Södra: only that section's number.
      expect(summaryText).toContain('Mottagningssektion Södra');
      expect(summaryText).not.toContain('Mottagningssektion Norr');
      const next = await johan.reply('Boka konsultationstid');
      for (const step of ['Ring Mottagningssektion Södra', 'Starta orosanmälan']) expect(await next.innerText()).toContain(step);
      await johan.screenshot('johan-summary');
      // The menu button, four answers (a tick and "Klar" for the last) and the slip he typed; never his school.
      expect(johan.actions).toBe(7);
    }, 300_000);
  });

  describe('Sam, a newly arrived teacher at Grindtorpsskolan in Alby, in his first term', () => {
    it('asks in English how to report a concern and gets an English line, then the routine in Swedish with Norr’s number', async () => {
      onFailureShowEverything('sam');
      clock.set(stockholm(2026, 12, 9, 15, 10));
      const sam = at('sam');
      // He chose his school in his first week ("byt skola"); teachers have no role that names it.
      await bot!.app.booking.profiles.rememberSchool(person('sam').aadObjectId, 'grindtorpsskolan');
      await sam.open();

      const before = await sam.botMessageCount();
      await sam.say('how do I report a concern about a pupil?');
      const answer = await sam.nextReply(before);
      // The message without its header (author and time).
      const answerText = (await answer.locator(':scope > :not([aria-label="Message header"])').allInnerTexts()).join('\n');
      await sam.screenshot('sam-english-question-answered');
      // Understood, not refused: nothing he wrote in English is taken for a name.
      expect(answerText).not.toContain('Jag kan inte ta emot det här meddelandet');
      // One line in English first, then Swedish.
      const [lead, ...rest] = answerText.split(/\n+/).filter((line) => line.trim() !== '');
      expect(lead).toMatch(/\breport\b/i);
      expect(lead).not.toMatch(/\b(och|anmälan|ska)\b/);
      const swedish = rest.join('\n');
      expect(swedish).toMatch(/På svenska/);
      // What the journey says the routine tells him: directly to the mottagningssektion, in writing, usually signed
      // by the rektor, and the number of his area; soft, so a failure lists every part that is missing.
      expect.soft(swedish, 'staff report directly to the mottagningssektion').toMatch(/direkt till mottagningssektionen/i);
      expect.soft(swedish, 'in writing').toMatch(/skriftlig/i);
      expect.soft(swedish, 'the rektor usually signs').toMatch(/rektor[^.]*(undertecknar|skriver under|står för anmälan)/i);
      // Alby (Alby/Fittja) belongs to Mottagningssektion Norr: its number, tappable, and not Södra's.
      expect.soft(answerText, 'the number of Mottagningssektion Norr').toMatch(/Ring Mottagningssektion Norr[^\n]*Grindtorpsskolan[^\n]*08-530 622 55/);
      expect.soft(await answer.getByRole('link', { name: '08-530 622 55' }).getAttribute('href'), 'a tappable number').toBe('tel:+46853062255');
      expect.soft(answerText, 'only his area').not.toContain('08-530 619 05');
      // One question typed, one answer.
      expect(sam.actions).toBe(1);
      expect(await sam.botMessageCount()).toBe(before + 1);
    }, 300_000);
  });

  describe('A teacher in a group chat: the team EHT Hallundaskolan', () => {
    it('a question @mentioning the bot gets a short cited answer in its thread; a pupil’s name and personnummer are refused, with a plea to delete them', async () => {
      onFailureShowEverything('teacher-channel');
      clock.set(stockholm(2026, 12, 8, 10, 15));
      const botName = 'Samverkansboten';
      // Leila asks in the team's General channel.
      const leila = at('leila');
      await leila.open();
      await leila.chat.open('General');
      const question = 'hur länge får en utredning ta?';
      await leila.chat.post(question, botName);
      leila.actions += 1;
      const thread = leila.chat.channelPosts().filter({ hasText: question }).last();
      const answer = thread.getByText(/fyra månader/).first();
      await answer.waitFor({ timeout: REPLY_TIMEOUT_MS });
      const threadText = await thread.innerText();
      expect(threadText).toMatch(/klar inom fyra månader/);
      // Cited: the client draws the citation markers in the thread.
      expect(await leila.chat.citationMarkers(thread).count()).toBeGreaterThan(0);
      // Short: the answer in the thread stays within a few sentences.
      const answerOnly = threadText.slice(threadText.indexOf(question) + question.length);
      expect(answerOnly.length).toBeLessThan(900);
      await leila.screenshot('teacher-channel-question-answered');

      // Kim, another member of the team, writes a pupil's name and personnummer (made up) in the same channel. A Playground
      // is one person's client, so Kim has her own, signed in to the same team: the bot sees one channel conversation.
      const playground = await startPlayground(`${bot!.baseUrl}/api/messages`, { config: playgroundConfigYaml(colleagueOf(person('leila'))) });
      const page = await browser!.newPage();
      page.setDefaultTimeout(REPLY_TIMEOUT_MS);
      try {
        const kim = new PersonAtPlayground(page, playground.url);
        await kim.open();
        await kim.chat.open('General');
        const slip = 'Elin Berg 150814-2385 har varit borta i två veckor, ska vi anmäla?';
        await kim.chat.post(slip, botName);
        kim.actions += 1;
        const kimsThread = kim.chat.channelPosts().filter({ hasText: '150814-2385' }).last();
        await kimsThread.getByText('Jag kan inte ta emot det här meddelandet').waitFor({ timeout: REPLY_TIMEOUT_MS });
        const kimsText = await kimsThread.innerText();
        const refusal = kimsText.slice(kimsText.indexOf('Jag kan inte ta emot det här meddelandet'));
        // It names the kinds of data, never the data.
        expect(refusal).toContain('ett personnummer eller samordningsnummer');
        expect(refusal).toContain('ett namn');
        for (const written of ['Elin', 'Berg', '150814', '2385']) expect(refusal).not.toContain(written);
        // Everyone in the channel can read it: the writer is asked to delete it.
        expect(refusal).toContain('Alla i den här konversationen kan redan läsa meddelandet');
        expect(refusal).toMatch(/Ta gärna bort det själv/);
        await kim.screenshot('teacher-channel-name-refused');
        expect(kim.actions).toBe(1);
      } finally {
        await page.close();
        await playground.stop();
      }
      expect(leila.actions).toBe(1);
    }, 300_000);
  });

  describe('Anna, who keeps the knowledge base (her statistics tab is tested in statistics-page.test.ts)', () => {
    it('a question the routines cannot answer is declined; with her new entry the restarted bot answers it and cites it', async () => {
      onFailureShowEverything('anna');
      clock.set(stockholm(2026, 12, 7, 10, 0));
      const question = 'Vem ordnar skolskjuts när ett barn har placerats i ett jourhem i en annan kommun?';
      const leila = at('leila');
      await leila.open();
      await leila.say(question);
      await leila.reply('Det hittar jag inget svar på i rutinerna');

      // Anna writes the entry in Markdown in the pack; the next day the bot starts with it.
      const packDir = mkdtempSync(join(tmpdir(), 'annas-pack-'));
      cpSync(knowledgeDir, packDir, { recursive: true });
      writeFileSync(join(packDir, 'entries', 'skolskjuts-vid-placering.md'), ANNAS_ENTRY);
      const nextDay = await startAppUnderTest({ ...playgroundBotEnvironment(), KNOWLEDGE_DIR: packDir, REMINDER_POLL_MS: '0' });
      const playground = await startPlayground(`${nextDay.baseUrl}/api/messages`, { config: playgroundConfigYaml(person('leila')) });
      const page = await browser!.newPage();
      page.setDefaultTimeout(REPLY_TIMEOUT_MS);
      try {
        const asker = new PersonAtPlayground(page, playground.url);
        await asker.open();
        await asker.say(question);
        const answer = await asker.reply('Skolskjuts ordnas av hemkommunen');
        const markers = asker.chat.citationMarkers(answer);
        expect(await markers.count()).toBeGreaterThan(0);
        let preview = '';
        for (let attempt = 0; attempt < 3 && !preview.includes('Skolgång vid placering'); attempt += 1) {
          await asker.page.mouse.move(0, 0);
          preview = await asker.chat.openCitation(markers.first());
        }
        await asker.screenshot('anna-next-day-answered');
        // The citation names her entry's source section (and, in the full pop-up, its review date).
        expect(preview).toContain('Skolgång vid placering');
        expect(asker.actions).toBe(1);
      } finally {
        await page.close();
        await playground.stop();
        await nextDay.stop();
        rmSync(packDir, { recursive: true, force: true });
      }
    }, 300_000);
  });

  describe('Leila, kurator in Norr, with akut oro', () => {
    /** Ahmed has the section's alert channel open, as the mottagningssektion does in Teams; Leila writes what a pupil told her. */
    async function leilaWritesOfAkutOro() {
      const ahmed = at('ahmed');
      const leila = at('leila');
      await ahmed.open();
      await ahmed.chat.open('Akuta larm');
      await leila.open();
      await leila.say('en elev säger att pappa slog henne med bälte i helgen, vad gör jag');
      const adviceText = await (await leila.reply('Akut oro – gör så här nu')).innerText();
      return { ahmed, leila, adviceText };
    }

    it('Monday 12.35: socialjouren first (lunch), then the alert, and at 13.02 she is told Ahmed will call', async () => {
      onFailureShowEverything('leila-monday');
      clock.set(stockholm(2026, 12, 7, 12, 35));
      const { ahmed, leila, adviceText } = await leilaWritesOfAkutOro();
      // Whom to call now comes first: at lunch that is socialjouren, with when the mottagning opens and 112.
      expect(adviceText.indexOf('Ring socialjouren nu')).toBeGreaterThanOrEqual(0);
      expect(adviceText.indexOf('Ring socialjouren nu')).toBeLessThan(adviceText.indexOf('Berätta inte för vårdnadshavarna'));
      expect(adviceText).toContain('öppnar igen i dag kl. 13.00');
      expect(adviceText).toMatch(/omedelbar fara: ring 112/);
      expect(adviceText).toContain('Anmäl muntligt nu');
      expect(adviceText).toContain('Var nåbar');

      // The first time, the offer asks her school on the same card (once, remembered), so one press alerts.
      const offer = await leila.reply(/Larma .* i Teams\?/);
      await leila.choose(offer, 'Hallundaskolan');
      await leila.press(offer, /^Larma /);
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
      // One message, her school once, one press; Ahmed one press.
      expect(leila.actions).toBe(3);
      expect(ahmed.actions).toBe(1);
    }, 300_000);

    it('Saturday 11.00: socialjouren and Monday’s opening; the alert waits in the channel, marked as sent while closed', async () => {
      onFailureShowEverything('leila-saturday');
      clock.set(stockholm(2026, 12, 12, 11, 0));
      const { ahmed, leila, adviceText } = await leilaWritesOfAkutOro();
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
    }, 300_000);
  });
});
