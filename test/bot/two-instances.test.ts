import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';

async function say(bot: BotProcess, text: string, conversationId: string): Promise<{ status: number; texts: string[] }> {
  const response = await fetch(`${bot.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity(text, { conversationId })),
  });
  const body = (await response.json().catch(() => ({}))) as { activities?: { type: string; text?: string; attachments?: unknown[] }[] };
  const texts = (body.activities ?? []).filter((a) => a.type === 'message').map((a) => `${a.text ?? ''}${JSON.stringify(a.attachments ?? [])}`);
  return { status: response.status, texts };
}

describe('two bot processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let a: BotProcess;
  let b: BotProcess;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const env = { DATABASE_URL: database.options.databaseUrl!, REMINDER_POLL_MS: '0' };
    a = await startBotProcess({ env });
    b = await startBotProcess({ env });
  }, 180_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.dispose();
  });

  describe('when a conversation hops from one instance to the other', () => {
    it('continues the routine begun on the first, exactly as one instance would', async () => {
      await say(a, 'orosanmälan', 'a:hop');
      await say(a, 'orosanmälan', 'a:stay');

      const hopped = await say(b, 'Nej', 'a:hop');
      const stayed = await say(a, 'Nej', 'a:stay');

      expect(hopped.status).toBe(200);
      expect(hopped.texts).toEqual(stayed.texts);
      // Outside a routine "Nej" would be taken as a question; inside it answers the routine's first question.
      const outside = await say(b, 'Nej', 'a:fresh');
      expect(hopped.texts).not.toEqual(outside.texts);
    });
  });

  describe('when turns of one conversation arrive at both instances at once', () => {
    it('answers every one of them, none failing on the shared state', async () => {
      const turns = await Promise.all(
        Array.from({ length: 12 }, (_, index) => say(index % 2 === 0 ? a : b, index % 3 === 0 ? 'konsultation' : 'Vad är en orosanmälan?', 'a:busy')),
      );

      for (const turn of turns) {
        expect(turn.status).toBe(200);
        expect(turn.texts.join('\n')).not.toMatch(/Något gick fel/);
      }
      const failures = [...a.stdout, ...b.stdout].filter((line) => /"(STATE_ETAG_CONFLICT|CONVERSATION_BUSY|TURN_FAILED)"/.test(line));
      expect(failures).toEqual([]);
    });
  });
});
