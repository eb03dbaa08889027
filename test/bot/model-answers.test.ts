import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { startLocalModelServer, type LocalModelServer } from '../helpers/openai-compatible-server.js';

describe('answers phrased by a model, through /api/messages', () => {
  let model: LocalModelServer;
  let bot: AppUnderTest;
  beforeAll(async () => {
    model = await startLocalModelServer({ kind: 'reply', content: () => 'Nej. Det räcker med en misstanke – ni behöver inte vara säkra [1].' });
    bot = await startAppUnderTest({ OPENAI_BASE_URL: model.baseUrl, OPENAI_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await bot.stop();
    await model.close();
  });

  describe('when the model answers from the passages', () => {
    it('shows typing first, then the model text labelled as AI generated with its citation', async () => {
      const { body } = await bot.send(messageActivity('Måste vi vara säkra innan vi anmäler?'));
      const activities = (body as { activities: { type: string; text?: string; entities?: Record<string, unknown>[] }[] }).activities;
      const typingAt = activities.findIndex((a) => a.type === 'typing');
      const answerAt = activities.findIndex((a) => a.type === 'message' && a.text?.includes('Det räcker med en misstanke'));
      expect(typingAt).toBeGreaterThanOrEqual(0);
      expect(answerAt).toBeGreaterThan(typingAt);
      const entity = activities[answerAt]!.entities?.find((e) => e.type === 'https://schema.org/Message');
      expect(entity?.additionalType).toEqual(['AIGeneratedContent']);
      expect((entity?.citation as unknown[]).length).toBe(1);
    });
  });

  describe('when the model adds a link, markup, a phone number or an e-mail address the passages do not have', () => {
    it.each([
      ['a URL', 'Nej. Det räcker med en misstanke [1]. Anmäl på https://oro-anmalan.example/nu', 'added-url', 'oro-anmalan.example'],
      ['a Markdown link', 'Nej. Det räcker med en [misstanke](https://oro-anmalan.example) [1].', 'added-markup', 'oro-anmalan.example'],
      ['an HTML tag', 'Nej. Det räcker med en misstanke <img src=x onerror=alert(1)> [1].', 'added-markup', 'onerror'],
      ['a phone number', 'Nej. Det räcker med en misstanke – ring 070-123 45 67 [1].', 'added-phone', '070-123 45 67'],
      ['an e-mail address', 'Nej. Det räcker med en misstanke – mejla oro@anmalan.example [1].', 'added-email', 'oro@anmalan.example'],
    ])('sends the extractive answer instead of %s, and logs the reason without the text', async (_kind, reply, reason, added) => {
      model.behave({ kind: 'reply', content: () => reply });
      const { replies } = await bot.send(messageActivity('Måste vi vara säkra innan vi anmäler?'));
      const answer = replies.find((r) => r.text?.includes('[1]'));
      const refused = bot.logs.filter((l) => l.includes('"code":"MODEL_OUTPUT_REFUSED"'));

      expect(answer?.text).toMatch(/^\*\*Nej\.\*\* .*\[1\]/);
      expect(answer?.text).not.toContain('Det räcker med en misstanke');
      expect(JSON.stringify(replies)).not.toContain(added);
      expect(answer?.entities?.find((e) => e.type === 'https://schema.org/Message')?.additionalType).toBeUndefined();
      expect(refused.at(-1)).toContain(`"detail":"${reason}"`);
      expect(bot.logs.join('\n')).not.toContain(added);
    });
  });

  describe('when the model repeats the mottagningssektionernas phone numbers from the passages', () => {
    it('sends the model text with tappable numbers, labelled as AI generated', async () => {
      model.behave({ kind: 'reply', content: () => 'Mottagningssektion Norr nås på 08-530 622 55 och Södra på +46 8 530 619 05 [1].' });
      const { replies } = await bot.send(messageActivity('Vilket telefonnummer har mottagningssektionen?'));
      const answer = replies.find((r) => r.text?.includes('+46 8 530 619 05'));

      // Shown as the model wrote them, each a tappable tel: link.
      expect(answer?.text).toContain('Mottagningssektion Norr nås på [08-530 622 55](tel:+46853062255)');
      expect(answer?.text).toContain('[+46 8 530 619 05](tel:+46853061905)');
      expect(answer?.entities?.find((e) => e.type === 'https://schema.org/Message')?.additionalType).toEqual(['AIGeneratedContent']);
    });
  });

  describe('when the model server is down', () => {
    it('still answers, extractively and without the AI label, and logs the code', async () => {
      model.behave({ kind: 'error', status: 503 });
      const { replies } = await bot.send(messageActivity('Måste vi vara säkra innan vi anmäler?'));
      const answer = replies.find((r) => r.text?.includes('[1]'));
      expect(answer?.text).toMatch(/^\*\*Nej\.\*\* .*\[1\]/);
      const entity = answer?.entities?.find((e) => e.type === 'https://schema.org/Message');
      expect(entity?.additionalType).toBeUndefined();
      expect(bot.logs.some((l) => l.includes('"MODEL_ERROR"'))).toBe(true);
    });
  });
});
