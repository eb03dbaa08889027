import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrivacyMiddleware } from '../../bot/privacy-middleware.js';
import { createLogger } from '../../observability/logger.js';
import { PrivacyGuard } from '../../privacy/index.js';
import { realKnowledge } from '../dialogs/dialog-harness.js';
import { messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { settableClock, type SettableClock } from '../helpers/proactive-app.js';

/** Leila in a hurry, naming the child: the guard must refuse it, and the refusal must still say whom to call. */
const AKUT_WITH_NAME = 'pappa slår Amira, vad gör jag?';

// Saturday 12 April, Monday 14 April 12.35 (lunch) and Monday 14 April 09.00, 2025, in Stockholm (UTC+2).
const SATURDAY_1100 = new Date('2025-04-12T09:00:00.000Z');
const MONDAY_1235 = new Date('2025-04-14T10:35:00.000Z');
const MONDAY_0900 = new Date('2025-04-14T07:00:00.000Z');

const CALL_LINES = [
  [
    'Saturday 11.00',
    SATURDAY_1100,
    'Brådskar det, ring socialjouren nu: 08-778 48 60 eller 010-564 64 67. Mottagningssektionerna har stängt i helgen. ' +
      'Mottagningen öppnar igen måndag 14 april kl. 08.30. Är barnet i omedelbar fara, ring 112.',
  ],
  [
    'Monday 12.35 (lunch)',
    MONDAY_1235,
    'Brådskar det, ring socialjouren nu: 08-778 48 60 eller 010-564 64 67. Mottagningssektionerna har lunchstängt. ' +
      'Mottagningen öppnar igen i dag kl. 13.00. Är barnet i omedelbar fara, ring 112.',
  ],
  [
    'Monday 09.00',
    MONDAY_0900,
    'Brådskar det, ring mottagningssektionen nu: Mottagningssektion Norr 08-530 622 55 eller Mottagningssektion Södra 08-530 619 05. ' +
      'Är barnet i omedelbar fara, ring 112.',
  ],
] as const;

/** An Action.Execute press whose data carries a name (a forged or mistyped card), as Teams sends it. */
function identifyingCardPress() {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    // Without an app id the edge answers only a loopback service URL; the refusal goes back in the invoke response.
    serviceUrl: 'http://127.0.0.1:9/',
    from: { id: '29:leila', name: 'Leila Kurator', aadObjectId: '00000000-0000-0000-0000-00000000001e' },
    recipient: { id: '28:samverkansboten', name: 'Samverkansboten' },
    conversation: { id: `a:leila-${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    value: { action: { type: 'Action.Execute', verb: 'claimEscalation', data: { note: 'det gäller Milena Kowalczyk' } }, trigger: 'manual' },
  };
}

describe('PrivacyMiddleware through POST /api/messages', () => {
  let clock: SettableClock;
  let bot: AppUnderTest;

  beforeAll(async () => {
    clock = settableClock(MONDAY_1235);
    bot = await startAppUnderTest({ REMINDER_POLL_MS: '0' }, undefined, { clock });
  });

  afterAll(async () => {
    await bot?.stop();
  });

  describe.each(CALL_LINES)('when an akut message naming the child is refused on %s', (_label, now, callLine) => {
    it('ends the refusal with whom to call now and 112, without repeating the name', async () => {
      clock.set(now);

      const { status, replies } = await bot.send(messageActivity(AKUT_WITH_NAME, { conversationId: `a:leila-${randomUUID()}` }));

      expect(status).toBe(200);
      expect(replies).toHaveLength(1);
      const text = replies[0]?.text ?? '';
      expect(text).toMatch(/^Jag kan inte ta emot det här meddelandet\. Det ser ut att innehålla ett namn\./);
      expect(text.endsWith(`\n\n${callLine}`)).toBe(true);
      expect(text).not.toContain('Amira');
    });

    it('ends it the same way in a channel, after asking the writer to delete the message', async () => {
      clock.set(now);

      const { replies } = await bot.send(messageActivity(AKUT_WITH_NAME, { kind: 'channel' }));

      const paragraphs = (replies[0]?.text ?? '').split('\n\n');
      expect(paragraphs.at(-2)).toMatch(/Ta gärna bort det själv/);
      expect(paragraphs.at(-1)).toBe(callLine);
    });

    it('ends a card (invoke) refusal with it too, in the invoke response', async () => {
      clock.set(now);

      const { status, body } = await bot.send(identifyingCardPress());

      expect(status).toBe(200);
      expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      const text = String((body as { value: unknown }).value);
      expect(text).toMatch(/^Jag kan inte ta emot det här meddelandet/);
      expect(text.endsWith(`\n\n${callLine}`)).toBe(true);
      expect(text).not.toContain('Milena');
    });
  });

  describe('when the writer has chosen their school', () => {
    it('names only their own section in the refusal, not both', async () => {
      clock.set(MONDAY_0900);
      const writer = { conversationId: `a:kurator-norr-${randomUUID()}`, aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
      await bot.send(messageActivity('byt skola', writer));
      await bot.send(messageActivity('', { ...writer, value: { action: 'school.choose', school: 'hallundaskolan' } }));

      const { replies } = await bot.send(messageActivity(AKUT_WITH_NAME, writer));

      const text = replies[0]?.text ?? '';
      expect(text).toMatch(/^Jag kan inte ta emot det här meddelandet/);
      expect(text.split('\n\n').at(-1)).toBe('Brådskar det, ring Mottagningssektion Norr nu: 08-530 622 55. Är barnet i omedelbar fara, ring 112.');
      expect(text).not.toContain('Södra');
    });
  });

  describe('when the refusal is logged', () => {
    it('records the code and the kinds found, never the words', () => {
      const logs = bot.logs.join('\n');
      expect(logs).toContain('"code":"PRIVACY_REFUSED"');
      for (const fragment of ['Amira', 'Milena', 'Kowalczyk', 'slår']) expect(logs).not.toContain(fragment);
    });
  });
});

describe('PrivacyMiddleware when the saved dialog state cannot be read', () => {
  it('still refuses at once with whom to call, only without naming the pending question, and logs why by code', async () => {
    const knowledge = await realKnowledge();
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _encoding, done) => void (lines.push(chunk.toString()), done()) }));
    const adapter = new TestAdapter(async (context) => void (await context.sendActivity('should not be reached')));
    adapter.use(
      new PrivacyMiddleware(new PrivacyGuard(), logger, {
        contacts: knowledge.contacts,
        clock: { now: () => MONDAY_0900 },
        pendingQuestion: async () => {
          throw new Error('database down');
        },
      }),
    );

    await adapter.receiveActivity({ type: 'message', text: AKUT_WITH_NAME });
    const replies = adapter.activeQueue.splice(0);

    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toMatch(/^Jag kan inte ta emot det här meddelandet/);
    expect(replies[0]?.text).toContain('Skriv gärna frågan igen');
    expect(replies[0]?.text).toContain('Brådskar det, ring mottagningssektionen nu');
    expect(lines.join('')).toContain('"code":"PRIVACY_PENDING_QUESTION_UNREAD"');
    expect(lines.join('')).not.toContain('Amira');
  });
});
