import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { ANNA, driveTraffic, LENA, NORR_CHANNEL, STAFF, TRAFFIC_START, TRAFFIC_WEEK, writeInsightRolesFile, type Traffic } from '../helpers/insights-traffic.js';
import { settableClock, startProactiveApp, type ProactiveApp } from '../helpers/proactive-app.js';
import { postgresText, sqliteText } from '../helpers/stored-text.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

describe.each(testDialects)('insights from real traffic on %s', (dialect) => {
  let database: TestDatabase;
  let connector: FakeBotConnector;
  let bot: ProactiveApp;
  let rolesDir: string;
  let traffic: Traffic;
  let env: Record<string, string>;
  let stats: any;
  let rawCounters: { metric: string; area: string; dimension: string; count: number; total: number }[];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    connector = await startFakeBotConnector();
    rolesDir = await mkdtemp(path.join(tmpdir(), 'insights-roles-'));
    const clock = settableClock(TRAFFIC_START);
    env = {
      ROLES_FILE: await writeInsightRolesFile(rolesDir),
      ESCALATION_CHANNELS: `norr=${NORR_CHANNEL}`,
      AUTH_MODE: 'dev',
      ...(database.options.databaseUrl ? { DATABASE_URL: database.options.databaseUrl } : {}),
    };
    bot = await startProactiveApp({ clock, env });
    traffic = await driveTraffic(bot, connector, clock);
    rawCounters = await bot.app.insights.store.counters(TRAFFIC_WEEK, TRAFFIC_WEEK);
    await bot.stop({ keepData: true });
    // The figures as a script reads them: `npm run --silent stats -- --json --from … --to …`.
    const { stdout } = await run('npm', ['run', '--silent', 'stats', '--', '--json', '--from', TRAFFIC_WEEK, '--to', TRAFFIC_WEEK], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'warn', SQLITE_PATH: path.join(bot.dataDir, 'bot.sqlite'), ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}) },
    });
    stats = JSON.parse(stdout);
  }, 240_000);

  afterAll(async () => {
    await connector?.close();
    await database?.dispose();
    await rm(bot.dataDir, { recursive: true, force: true });
    await rm(rolesDir, { recursive: true, force: true });
  });

  it('counts the questions answered and declined, per week and per area', () => {
    expect(stats.from).toBe(TRAFFIC_WEEK);
    expect(stats.questions.answered).toBe(7);
    expect(stats.questions.declined).toBe(8);
    expect(stats.questions.byWeek).toEqual([{ week: TRAFFIC_WEEK, answered: 7, declined: 8 }]);
    expect(stats.questions.byArea).toEqual([
      { area: 'norr', name: 'Mottagningssektion Norr', answered: 7, declined: 8 },
      { area: 'sodra', name: 'Mottagningssektion Södra', answered: '< 5', declined: '< 5' },
    ]);
    expect(stats.topics).toEqual([
      { entry: 'anmalningsskyldighet', title: expect.any(String), total: 6, byWeek: { [TRAFFIC_WEEK]: 6 } },
      { entry: 'utredning', title: expect.any(String), total: '< 5', byWeek: { [TRAFFIC_WEEK]: '< 5' } },
    ]);
  });

  it('shows a gap term only once five different people asked, and no other word of the declined questions', () => {
    expect(stats.gapTerms).toEqual([{ term: 'skolskjuts', people: 5 }]);
  });

  it('counts feedback with the entries the answers cited', () => {
    expect(stats.feedback.like).toBe(5);
    expect(stats.feedback.dislike).toBe('< 5');
    expect(stats.feedback.entries).toEqual([{ entry: 'anmalningsskyldighet', title: expect.any(String), like: 5, dislike: '< 5' }]);
    expect(stats.health.mostDisliked).toEqual([{ entry: 'anmalningsskyldighet', title: expect.any(String), dislikes: '< 5' }]);
  });

  it('counts akut alerts per area, the minutes to take them and the one left untaken', () => {
    expect(stats.akut.detected).toBe(6);
    const norr = stats.escalations.find((row: { area: string }) => row.area === 'norr');
    expect(norr).toEqual({
      area: 'norr',
      name: 'Mottagningssektion Norr',
      raised: 6,
      taken: 5,
      untaken: '< 5',
      averageMinutesToTake: 10,
      minutesToTake: { '0-4': '< 5', '5-9': '< 5', '10-29': '< 5', '30-59': '< 5', '60-': '< 5' },
    });
  });

  it('counts anmälningsmöten per area with the days to the meeting, and the one after an orosanmälan in the chat', () => {
    const sodra = stats.anmalningsmoten.find((row: { area: string }) => row.area === 'sodra');
    expect(sodra).toEqual({
      area: 'sodra',
      name: 'Mottagningssektion Södra',
      booked: 5,
      cancelled: '< 5',
      moved: '< 5',
      averageDaysToMeeting: 2.8,
      daysToMeeting: { '0-2': '< 5', '3-6': '< 5', '7-10': '< 5', '11-14': '< 5', '15-': '< 5' },
      afterOrosanmalan: '< 5',
      averageDaysFromOrosanmalan: '< 5',
    });
    expect(stats.orosanmalan.map((row: { count: unknown }) => row.count)).toEqual(['< 5', '< 5', '< 5', '< 5', '< 5', '< 5']);
    // Behind the suppressed cells: Maria's booking, the same day as her orosanmälan, and every step once.
    const raw = (metric: string, dimension: string) => rawCounters.filter((row) => row.metric === metric && row.dimension === dimension).map(({ area, count, total }) => ({ area, count, total }));
    expect(raw('meetings', 'anmalningsmote-after-orosanmalan')).toEqual([{ area: 'sodra', count: 1, total: 0 }]);
    expect(raw('meetings', 'anmalningsmote-cancelled')).toEqual([{ area: 'sodra', count: 1, total: 0 }]);
    expect(raw('orosanmalan-step', 'klar')).toEqual([{ area: 'sodra', count: 1, total: 0 }]);
    expect(raw('escalations', 'untaken')).toEqual([{ area: 'norr', count: 1, total: 0 }]);
    // Johan's consultation: its four button answers, as codes, under his school's area.
    const answers = rawCounters.filter((row) => row.metric === 'consultation-answer').map((row) => `${row.area}:${row.dimension}:${row.count}`);
    expect(answers.sort()).toEqual(['norr:agegroup-forskola:1', 'norr:concern-behov:1', 'norr:duration-veckor:1', 'norr:schoolactions-elevhalsan:1', 'norr:schoolactions-vardnadshavare:1']);
  });

  it('suppresses every small cell: the consultation, the refusals and their categories', () => {
    expect(stats.konsultationer.finished).toBe('< 5');
    expect(stats.konsultationer.answers.length).toBeGreaterThan(0);
    for (const answer of stats.konsultationer.answers) expect(answer.count).toBe('< 5');
    expect(stats.guard.refused).toBe('< 5');
    for (const category of stats.guard.categories) expect(category.count).toBe('< 5');
    // Nowhere in the report is there a number from 1 to 4.
    const numbers = JSON.stringify(stats, (key, value) => (['averageMinutesToTake', 'averageDaysToMeeting', 'suppressedBelow'].includes(key) ? undefined : value))
      .match(/:(\d+(\.\d+)?)[,}]/g)
      ?.map((match) => Number(match.slice(1, -1)));
    expect(numbers?.filter((n) => n > 0 && n < 5) ?? []).toEqual([]);
  });

  it('reports the knowledge base’s health: never cited and not reviewed for a year', () => {
    const neverCited = stats.health.neverCited.map((row: { entry: string }) => row.entry);
    expect(neverCited).not.toContain('anmalningsskyldighet');
    expect(neverCited).toContain('socialjouren');
    for (const row of stats.health.notReviewedIn12Months) expect(row.lastReviewed < '2025-12-05').toBe(true);
  });

  it('keeps no word anyone typed, except the shown gap term, anywhere in the database', async () => {
    const stored = (dialect === 'sqlite' ? await sqliteText(bot.dataDir) : await postgresText(env.DATABASE_URL!)).toLocaleLowerCase('sv');
    expect(stored).toContain('skolskjuts');
    // A word of the bot's own texts (the pack's entries and routines, which cards in the dialog state
    // carry, and the codes counted) proves nothing when found; every other typed word must be absent.
    const ownWords = await packWords();
    const shown = new Set(stats.gapTerms.map((row: { term: string }) => row.term));
    const words = [...new Set(traffic.typed.flatMap(wordsOf))].filter((word) => word.length >= 3 && !shown.has(word) && !ownWords.has(word));
    expect(words).toEqual(expect.arrayContaining(['utflykten', 'lunchmatsedeln', 'gympasalen', 'leonora', 'abdirahman', '140312', 'bälte', 'fredrikssons', 'taxiresor']));
    const found = words.filter((word) => new RegExp(`(^|[^\\p{L}\\p{N}])${word}($|[^\\p{L}\\p{N}])`, 'u').test(stored));
    expect(found).toEqual([]);
  });
});

describe('the statistics API of the tab', () => {
  let connector: FakeBotConnector;
  let bot: ProactiveApp;
  let rolesDir: string;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    rolesDir = await mkdtemp(path.join(tmpdir(), 'insights-api-'));
    const clock = settableClock(TRAFFIC_START);
    bot = await startProactiveApp({ clock, env: { ROLES_FILE: await writeInsightRolesFile(rolesDir), ESCALATION_CHANNELS: `norr=${NORR_CHANNEL}`, AUTH_MODE: 'dev' } });
    await driveTraffic(bot, connector, clock);
  }, 240_000);

  afterAll(async () => {
    await bot?.stop();
    await connector?.close();
    await rm(rolesDir, { recursive: true, force: true });
  });

  it('gives the ledningsgrupp and the knowledge owner the same figures as the script', async () => {
    for (const who of [LENA, ANNA]) {
      const response = await fetch(`${bot.baseUrl}/api/tab/statistics?from=${TRAFFIC_WEEK}&to=${TRAFFIC_WEEK}`, { headers: { 'x-dev-user': who.upn } });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.viewer.roleLabel).toBe(who === LENA ? 'Ledningsgrupp' : 'Kunskapsägare');
      expect(body.report.questions.answered).toBe(7);
      expect(body.report.gapTerms).toEqual([{ term: 'skolskjuts', people: 5 }]);
    }
  });

  it('exports the same figures as CSV, small cells as "< 5"', async () => {
    const response = await fetch(`${bot.baseUrl}/api/tab/statistics.csv?from=${TRAFFIC_WEEK}&to=${TRAFFIC_WEEK}`, { headers: { 'x-dev-user': LENA.upn } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="samverkansboten-statistik-${TRAFFIC_WEEK}-${TRAFFIC_WEEK}.csv"`);
    const lines = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('avsnitt,rad,område,vecka,värde');
    expect(lines).toContain('frågor,besvarade,,,7');
    expect(lines).toContain('ord i frågor utan svar,skolskjuts,,,5');
    expect(lines).toContain('akuta larm,minuter till taget (medel),Mottagningssektion Norr,,10');
    expect(lines).toContain('akuta larm,inte tagna i tid,Mottagningssektion Norr,,< 5');
  });

  it('refuses staff without a statistics role, also a rektor and a socialsekreterare', async () => {
    for (const upn of [STAFF[0]!.upn, 'maria.berg@botkyrka.se', 'ahmed.hassan@botkyrka.se']) {
      for (const route of ['statistics', 'statistics.csv']) {
        const response = await fetch(`${bot.baseUrl}/api/tab/${route}`, { headers: { 'x-dev-user': upn } });
        expect(response.status).toBe(403);
        const body = await response.json();
        expect(body.code).toBe('TAB_STATISTICS_NOT_ALLOWED');
        expect(body.message).toMatch(/^Statistiken är bara för ledningsgruppen/);
      }
    }
  });

  it('refuses a malformed week with the field named', async () => {
    const response = await fetch(`${bot.baseUrl}/api/tab/statistics?from=2026-13`, { headers: { 'x-dev-user': LENA.upn } });
    expect(response.status).toBe(400);
    expect((await response.json()).fields).toEqual(['from']);
  });
});

function wordsOf(text: string): string[] {
  return text.toLocaleLowerCase('sv').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Every word of the municipality pack's texts (entries, routines, contacts), and the codes the bot counts by. */
async function packWords(): Promise<Set<string>> {
  const dir = path.join(repoRoot, 'knowledge');
  const files = [...(await readdir(dir)).filter((file) => file.endsWith('.yaml')), ...(await readdir(path.join(dir, 'entries'))).map((file) => `entries/${file}`)];
  const texts = await Promise.all(files.map((file) => readFile(path.join(dir, file), 'utf8')));
  const codes = ['personnummer', 'namn', 'vad-hander-sedan', 'anmalningsskyldighet', 'skriftlig-anmalan'];
  return new Set([...texts, ...codes].flatMap(wordsOf));
}
