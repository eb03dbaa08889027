import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { createTestDatabase, testPostgresUrl, type TestDatabase } from '../helpers/databases.js';

describe('when a message holds details that together could point out a child', () => {
  let bot: AppUnderTest;
  beforeAll(async () => {
    bot = await startAppUnderTest();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('warns and asks to say it more generally, then still answers', async () => {
    const { replies } = await bot.send(messageActivity('eleven i 4B som är den enda med hörapparat verkar ledsen, måste vi anmäla?'));
    expect(replies[0]?.text).toMatch(/Kan du säga det mer allmänt\?/);
    expect(replies[0]?.text).not.toContain('hörapparat');
    expect(replies.length).toBeGreaterThan(1);
    expect(bot.logs.some((l) => l.includes('"PRIVACY_QUASI_WARNING"'))).toBe(true);
  });
});

describe('when the database goes away while the bot runs', () => {
  let database: TestDatabase;
  let bot: AppUnderTest;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    bot = await startAppUnderTest({ DATABASE_URL: database.options.databaseUrl!, REMINDER_POLL_MS: '0' });
  });
  afterAll(async () => {
    await bot.stop();
    await database.dispose();
  });

  it('tells the user calmly in Swedish whom to call, logs a code and keeps serving', async () => {
    const schema = new URL(database.options.databaseUrl!).searchParams.get('options')!.split('=')[1]!;
    const admin = new pg.Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();

    const { status, replies } = await bot.send(messageActivity('hur länge får en utredning ta?'));
    expect(status).toBe(200);
    expect(replies.at(-1)?.text).toMatch(/^Något gick fel hos mig/);
    expect(replies.at(-1)?.text).toContain('08-530 622 55');
    expect(bot.logs.some((l) => l.includes('"turn failed"'))).toBe(true);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });
});
