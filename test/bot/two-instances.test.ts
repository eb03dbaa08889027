import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';

async function say(
  bot: BotProcess,
  text: string,
  conversationId: string,
  user: { userId?: string; aadObjectId?: string } = {},
  value?: unknown,
): Promise<{ status: number; texts: string[] }> {
  const response = await fetch(`${bot.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(messageActivity(text, { conversationId, ...user, ...(value === undefined ? {} : { value }) })),
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

  describe('when a user changes their school on one instance and asks on the other', () => {
    it('gives the number of the school they chose last, on either instance', async () => {
      const user = { userId: '29:school-hopper', aadObjectId: '00000000-0000-0000-0000-0000000005c1' };
      // An answer that says to call the mottagningssektion: its call line names the user's section.
      const question = 'Hur går vi till väga när vi gör en orosanmälan?';
      const choose = async (bot: BotProcess, school: string) => {
        await say(bot, 'byt skola', 'a:school-hopper', user);
        await say(bot, '', 'a:school-hopper', user, { action: 'school.choose', school });
      };
      expect((await say(b, question, 'a:school-hopper', user)).texts.join('\n')).toContain('Ring mottagningssektionen för ert område');

      await choose(a, 'grindtorpsskolan');
      expect((await say(b, question, 'a:school-hopper', user)).texts.join('\n')).toContain('**Ring Mottagningssektion Norr** (Grindtorpsskolan)');

      await choose(b, 'tunaskolan');
      expect((await say(a, question, 'a:school-hopper', user)).texts.join('\n')).toContain('**Ring Mottagningssektion Södra** (Tunaskolan)');
      expect((await say(b, question, 'a:school-hopper', user)).texts.join('\n')).toContain('**Ring Mottagningssektion Södra** (Tunaskolan)');
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

  describe('when turns that each move a routine on arrive at both instances at once', () => {
    it('loses none of them: the routine ends up as far on as all the turns together took it', async () => {
      const walks = Array.from({ length: 3 }, (_, index) => ({
        conversationId: `a:walk-${index}`,
        user: { userId: `29:walker-${index}`, aadObjectId: `00000000-0000-0000-0000-0000000c0de${index}` },
      }));
      for (const walk of walks) {
        for (const text of ['orosanmälan', 'nej']) await say(a, text, walk.conversationId, walk.user);
        expect((await say(b, 'Tunaskolan', walk.conversationId, walk.user)).texts.join('\n')).toContain('1 av 4: Vem anmäler?');
      }

      // At once, in every conversation: three "nästa" (each moves the routine one step on) and three
      // questions on the way (each also writes the conversation's state), spread over both instances.
      const texts = ['nästa', 'Vad är en orosanmälan?', 'nästa', 'Vad är en orosanmälan?', 'nästa', 'Vad är en orosanmälan?'];
      const turns = await Promise.all(
        walks.flatMap((walk) => texts.map(async (text, index) => ({ walk, text, reply: await say(index % 2 === 0 ? a : b, text, walk.conversationId, walk.user) }))),
      );

      for (const walk of walks) {
        const own = turns.filter((turn) => turn.walk === walk);
        for (const turn of own) expect(turn.reply.status).toBe(200);
        // Every "nästa" showed a step of its own: 2, 3 and 4, whatever order they ran in.
        const steps = own
          .filter((turn) => turn.text === 'nästa')
          .map((turn) => /([234]) av 4:/.exec(turn.reply.texts.join('\n'))?.[1])
          .sort();
        expect(steps).toEqual(['2', '3', '4']);
        for (const turn of own.filter((turn) => turn.text !== 'nästa')) expect(turn.reply.texts.join('\n')).toContain('Du är mitt i orosanmälan');
        // And the routine stayed on step 4, which asks about the day-14 reminder, on either instance.
        const next = await say(walk === walks[0] ? a : b, 'nej', walk.conversationId, walk.user);
        expect(next.texts.join('\n')).toContain('Okej, ingen påminnelse.');
      }
    });
  });
});
