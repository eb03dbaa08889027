import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wireInsights, type InsightsWiring } from '../../bot/insights-wiring.js';
import { loadKnowledge } from '../../knowledge/load-knowledge.js';
import { createRoleDirectory } from '../../municipality/roles.js';
import { createLogger } from '../../observability/logger.js';
import { PrivacyGuard } from '../../privacy/index.js';
import type { Clock } from '../../scheduling/clock.js';
import type { DatabaseHandle } from '../../storage/index.js';
import { messageActivity } from '../helpers/activities.js';
import { startBotProcess } from '../helpers/bot-process.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';
import { settableClock, startProactiveApp } from '../helpers/proactive-app.js';

// Five, so the statistics show the figure instead of "< 5".
const QUESTIONS = ['Vad är en orosanmälan?', 'Hur gör jag en anmälan?', 'Vilka telefontider har mottagningen?', 'Får vi berätta för föräldrarna att vi anmäler?', 'Vad händer efter att vi har anmält?'];

/** The answered-question count as the database holds it, read past the bot (the statistics read through its buffer). */
async function storedAnswered(handle: DatabaseHandle): Promise<number> {
  const rows = await handle.db.selectFrom('insight_counters').select('count').where('metric', '=', 'questions').where('dimension', '=', 'answered').execute();
  return rows.reduce((sum, row) => sum + Number(row.count), 0);
}

describe.each(testDialects)('counts of answered questions on %s', (dialect) => {
  let database: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    env = database.options.databaseUrl ? { DATABASE_URL: database.options.databaseUrl } : { SQLITE_PATH: database.options.sqlitePath! };
  });

  afterAll(async () => {
    await database?.dispose();
  });

  describe('when the minute is up and the counts are written', () => {
    it('holds every question the turns answered, in one write, not one per turn', async () => {
      const bot = await startProactiveApp({ clock: settableClock(new Date('2026-03-10T09:00:00Z')), env });
      const handle = await database.open();
      try {
        for (const [turn, question] of QUESTIONS.entries()) {
          const { status } = await bot.post(messageActivity(question, { conversationId: `a:flush-${dialect}-${turn}` }));
          expect(status).toBe(200);
        }
        expect(await storedAnswered(handle)).toBe(0);

        expect(await bot.app.insights.store.flush()).toBeGreaterThan(0);
        expect(await storedAnswered(handle)).toBe(QUESTIONS.length);
        // The statistics the tab shows read the same rows.
        expect((await bot.app.insights.reports.report({ from: '2026-W11', to: '2026-W11' })).questions.answered).toBe(QUESTIONS.length);
      } finally {
        await bot.stop({ keepData: true });
      }
    }, 60_000);
  });

  describe('when the bot is stopped with SIGTERM before the minute is up', () => {
    it('writes what it counted before it exits, so nothing is lost', async () => {
      const bot = await startBotProcess({ env: { ...env, REMINDER_POLL_MS: '0' }, ...(env.SQLITE_PATH ? { sqlitePath: env.SQLITE_PATH } : {}) });
      const handle = await database.open();
      try {
        const before = await storedAnswered(handle);
        for (const [turn, question] of QUESTIONS.entries()) {
          const response = await fetch(`${bot.baseUrl}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(messageActivity(question, { conversationId: `a:stop-${dialect}-${turn}` })),
          });
          expect(response.status).toBe(200);
        }
        await bot.stop({ keepData: true });
        expect(await bot.exit).toBe(0);
        expect((await storedAnswered(handle)) - before).toBe(QUESTIONS.length);
      } finally {
        await bot.stop({ keepData: true });
      }
    }, 90_000);
  });
});

/** The feedback counters as the database holds them: `[dimension, count]`. */
async function storedFeedback(handle: DatabaseHandle): Promise<[string, number][]> {
  const rows = await handle.db.selectFrom('insight_counters').select(['metric', 'dimension', 'count']).where('metric', 'in', ['feedback', 'feedback-entry']).orderBy('dimension').execute();
  return rows.map((row) => [`${row.metric}:${row.dimension}`, Number(row.count)]);
}

describe.each(testDialects)('a 👍 on an answer another instance sent, on %s', (dialect) => {
  let database: TestDatabase;
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  const clock = settableClock(new Date('2026-03-10T09:00:00Z'));
  const instance = async (handle: DatabaseHandle, at: Clock) =>
    wireInsights({
      config: { insights: { retentionMonths: 24, saltRotationDays: 28 } },
      db: handle.db,
      knowledge: await loadKnowledge('knowledge'),
      roles: createRoleDirectory([]),
      profiles: { schoolOf: async () => undefined },
      guard: new PrivacyGuard(),
      clock: at,
      logger: createLogger('silent'),
    });
  let sender: InsightsWiring;
  let receiver: InsightsWiring;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    first = await database.open();
    second = await database.open();
    sender = await instance(first, clock);
    receiver = await instance(second, clock);
  }, 60_000);

  afterAll(async () => {
    await database?.dispose();
  });

  it('is counted with the entries the answer cited once the sender has written them, not without them', async () => {
    await sender.recorder.answerSent('answer-1', ['anmalningsskyldighet']);
    await receiver.recorder.feedbackGiven('answer-1', 'like', 'staff-user-1');

    // The sender has not flushed: the receiver keeps the 👍 rather than count it without its entries.
    await receiver.store.flush();
    expect(await storedFeedback(first)).toEqual([]);

    await sender.store.flush();
    clock.advance(60_000);
    await receiver.store.flush();
    expect(await storedFeedback(first)).toEqual([
      ['feedback:like', 1],
      ['feedback-entry:like-anmalningsskyldighet', 1],
    ]);
  });

  it('is counted without entries when no instance wrote its answer within two minutes', async () => {
    await receiver.recorder.feedbackGiven('answer-nobody-sent', 'dislike', 'staff-user-2');
    await receiver.store.flush();
    expect(await storedFeedback(first)).not.toContainEqual(['feedback:dislike', 1]);

    clock.advance(121_000);
    await receiver.store.flush();
    expect(await storedFeedback(first)).toContainEqual(['feedback:dislike', 1]);
  });
});
