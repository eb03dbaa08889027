import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAddedActivity, messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';

describe('POST /api/messages', () => {
  let bot: AppUnderTest;
  beforeAll(async () => {
    bot = await startAppUnderTest();
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('when a staff member asks a question the routines answer', () => {
    it('replies in Swedish with the answer, [1] markers and a Teams citation entity', async () => {
      const { status, replies } = await bot.send(messageActivity('Måste vi vara säkra innan vi gör en orosanmälan?'));
      expect(status).toBe(200);
      expect(replies).toHaveLength(1);
      const reply = replies[0]!;
      expect(reply.text).toContain('[1]');
      expect(reply.text).toMatch(/misstanke|säker/i);
      expect(reply.text).toMatch(/Källa:[\s\S]*Kraftsamlings styrdokument[\s\S]*Granskad \d{4}-\d{2}-\d{2}/);
      const entity = reply.entities?.find((e) => e.type === 'https://schema.org/Message') as
        | { citation: { position: number; appearance: { name: string; abstract: string } }[]; additionalType?: string[] }
        | undefined;
      expect(entity?.citation[0]?.position).toBe(1);
      expect(entity?.citation[0]?.appearance.abstract).toMatch(/Granskad/);
      expect(entity?.additionalType).toBeUndefined();
    });
  });

  describe('when the question is outside the routines', () => {
    it('says it has no answer and whom to call, without citations', async () => {
      const { replies } = await bot.send(messageActivity('Hur återställer jag mitt lösenord till lönesystemet?'));
      expect(replies[0]?.text).toMatch(/inget svar/i);
      expect(replies[0]?.text).toMatch(/08-530 622 55/);
      expect(replies[0]?.entities ?? []).toHaveLength(0);
    });
  });

  describe('when the bot is added to a conversation', () => {
    it('welcomes with what it does and the anonymity rule', async () => {
      const { replies } = await bot.send(botAddedActivity());
      const text = replies.map((r) => r.text ?? JSON.stringify(r.attachments ?? '')).join('\n');
      expect(text).toContain('Samverkansboten');
      expect(text).toMatch(/anonym/i);
      expect(text).toMatch(/personnummer/);
    });
  });

  describe('when asked in a channel with an @mention', () => {
    it('answers the question without the mention, in the same thread', async () => {
      const activity = messageActivity('hur länge får en utredning ta?', { kind: 'channel' });
      const { replies } = await bot.send(activity);
      expect(replies[0]?.text).toMatch(/fyra månader/i);
      expect(replies[0]?.conversation?.id).toBe(activity.conversation.id);
      expect(replies[0]?.replyToId).toBe(activity.id);
    });
  });

  describe('when asked in a group chat', () => {
    it('answers with a citation', async () => {
      const { replies } = await bot.send(messageActivity('vilket nummer har mottagningen?', { kind: 'groupChat' }));
      expect(replies[0]?.text).toMatch(/530/);
      expect(replies[0]?.text).toContain('[1]');
    });
  });

  describe('when the body is not a valid activity', () => {
    it('answers 400 with a code for a body without type or conversation', async () => {
      const { status, body } = await bot.send({ text: 'hej' });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'ACTIVITY_INVALID' });
      expect(bot.logs.some((l) => l.includes('"ACTIVITY_INVALID"'))).toBe(true);
    });

    it('answers 400 for JSON that is not an object', async () => {
      const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
      expect(response.status).toBe(400);
    });

    it('answers 413 for an oversized body', async () => {
      const response = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...messageActivity('x'), text: 'a'.repeat(600_000) }),
      });
      expect(response.status).toBe(413);
    });

    it('keeps serving after bad requests', async () => {
      const { replies } = await bot.send(messageActivity('vad är en förhandsbedömning?'));
      expect(replies[0]?.text).toMatch(/14 dagar/);
    });
  });

  describe('when a message has no text (an empty card submit)', () => {
    it('asks for the question as text instead of failing', async () => {
      const activity = { ...messageActivity(''), text: undefined, value: { unexpected: true } };
      const { status, replies } = await bot.send(activity);
      expect(status).toBe(200);
      expect(replies[0]?.text).toMatch(/[A-ZÅÄÖ]/);
    });
  });
});

describe('GET /healthz and /readyz', () => {
  it('report alive and ready when knowledge and database are up', async () => {
    const bot = await startAppUnderTest();
    try {
      expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${bot.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    } finally {
      await bot.stop();
    }
  });
});

describe('authentication', () => {
  describe('when an app id is configured', () => {
    it('refuses a request without a channel token with 401', async () => {
      const bot = await startAppUnderTest({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' });
      try {
        const { status, replies } = await bot.send(messageActivity('vilket nummer har mottagningen?'));
        expect(status).toBe(401);
        expect(replies).toHaveLength(0);
      } finally {
        await bot.stop();
      }
    });
  });
});
