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

  describe('when the model server is down', () => {
    it('still answers, extractively and without the AI label, and logs the code', async () => {
      model.behave({ kind: 'error', status: 503 });
      const { replies } = await bot.send(messageActivity('Måste vi vara säkra innan vi anmäler?'));
      const answer = replies.find((r) => r.text?.includes('[1]'));
      expect(answer?.text).toMatch(/Källa:/);
      const entity = answer?.entities?.find((e) => e.type === 'https://schema.org/Message');
      expect(entity?.additionalType).toBeUndefined();
      expect(bot.logs.some((l) => l.includes('"MODEL_ERROR"'))).toBe(true);
    });
  });
});
