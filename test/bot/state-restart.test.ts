import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type ReplyActivity } from '../helpers/app-under-test.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

function shown(reply: ReplyActivity | undefined): string {
  return `${reply?.text ?? ''}\n${JSON.stringify(reply?.attachments?.map((a) => a.content) ?? [])}`;
}

describe.each(testDialects)('conversation state across a restart on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  describe('when the bot restarts in the middle of an anonymous consultation', () => {
    it('continues at the question the user had reached', async () => {
      const env: Record<string, string> = database.options.databaseUrl ? { DATABASE_URL: database.options.databaseUrl } : {};
      const conversationId = `a:johan-${dialect}`;
      const press = (bot: Awaited<ReturnType<typeof startAppUnderTest>>, value: unknown) =>
        bot.send(messageActivity('', { userId: '29:johan', conversationId, value }));

      const first = await startAppUnderTest(env);
      await press(first, { action: 'menu', routine: 'konsultation' });
      const second = await press(first, { action: 'consultation.ageGroup', choice: 'forskola' });
      expect(shown(second.replies[0])).toContain('2 av 4');
      await first.stop({ keepData: true });

      const restarted = await startAppUnderTest(env, first.dataDir);
      try {
        const third = await press(restarted, { action: 'consultation.concern', choice: 'behov' });
        expect(shown(third.replies[0])).toContain('3 av 4');
      } finally {
        await restarted.stop();
      }
    });
  });
});
