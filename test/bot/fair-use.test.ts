import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';

describe('fair use', () => {
  let bot: AppUnderTest;
  beforeAll(async () => {
    bot = await startAppUnderTest({ RATE_LIMIT_TURNS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  describe('when one person sends more messages in a minute than the limit', () => {
    it('answers up to the limit, then pauses calmly once with whom to call, then stays quiet', async () => {
      const ask = (text: string, userId = '29:busy') => bot.send(messageActivity(text, { userId, aadObjectId: userId === '29:busy' ? '00000000-0000-0000-0000-00000000000b' : '00000000-0000-0000-0000-00000000000c' }));
      for (let turn = 0; turn < 3; turn++) {
        const { status, replies } = await ask('Vad är en orosanmälan?');
        expect(status).toBe(200);
        expect(replies[0]?.text).toMatch(/anmäl/i);
      }

      const over = await ask('Hur gör jag en anmälan till socialtjänsten?');
      const again = await ask('Hur gör jag en anmälan till socialtjänsten?');
      const someoneElse = await ask('Vad är en orosanmälan?', '29:other');

      expect(over.replies).toHaveLength(1);
      expect(over.replies[0]?.text).toMatch(/pausar en liten stund/);
      expect(over.replies[0]?.text).toMatch(/ring/i);
      expect(again.status).toBe(200);
      expect(again.replies).toHaveLength(0);
      expect(someoneElse.replies[0]?.text).toMatch(/anmäl/i);
      const limited = bot.logs.filter((line) => line.includes('"RATE_LIMITED"')).map((line) => JSON.parse(line) as { count: number });
      expect(limited.map((entry) => entry.count)).toEqual([1, 2]);
      expect(bot.logs.join('\n')).not.toContain('socialtjänsten?');
    });
  });
});
