import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAddedActivity, messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';

const REFUSAL = /^Jag kan inte ta emot det här meddelandet/;
const DELETE_REQUEST = 'Ta gärna bort det själv';

/** A Teams activity of any type from a staff member in a personal chat, asking for replies in the HTTP response. */
function activityOf(type: string, fields: Record<string, unknown>) {
  const { text: _text, entities: _entities, ...base } = messageActivity('');
  return { ...base, type, ...fields };
}

/** An invoke other than a card press, as a message extension sends it; a loopback service URL, since the bot has no app id. */
function invoke(name: string, value: unknown) {
  const { deliveryMode: _deliveryMode, ...base } = activityOf('invoke', { name, value });
  return { ...base, serviceUrl: 'http://127.0.0.1:9/' };
}

describe('PrivacyMiddleware on every activity type, through POST /api/messages', () => {
  let bot: AppUnderTest;

  beforeAll(async () => {
    bot = await startAppUnderTest({ REMINDER_POLL_MS: '0' });
  });

  afterAll(async () => {
    await bot?.stop();
  });

  describe('when a message is edited to add a name', () => {
    it('refuses the edit like a new message', async () => {
      const edit = activityOf('messageUpdate', {
        text: 'Vi är oroliga för Amira Haddad i 4B',
        channelData: { tenant: { id: 'tenant-1' }, eventType: 'editMessage' },
      });

      const { status, replies } = await bot.send(edit);

      expect(status).toBe(200);
      expect(replies).toHaveLength(1);
      expect(replies[0]?.text).toMatch(REFUSAL);
      expect(replies[0]?.text).not.toContain('Amira');
    });

    it('lets a clean edit through without a word', async () => {
      const edit = activityOf('messageUpdate', {
        text: 'Hur lång tid tar en förhandsbedömning?',
        channelData: { tenant: { id: 'tenant-1' }, eventType: 'editMessage' },
      });

      const { status, replies } = await bot.send(edit);

      expect(status).toBe(200);
      expect(replies).toHaveLength(0);
    });
  });

  describe('when a group chat says only conversationType, not isGroup', () => {
    it('still asks the writer to delete the refused message', async () => {
      const message = messageActivity('ring pappan på 070-174 06 55', { kind: 'groupChat' });
      const { isGroup: _isGroup, ...conversation } = message.conversation as { isGroup?: boolean; id: string };

      const { replies } = await bot.send({ ...message, conversation });

      expect(replies[0]?.text).toMatch(REFUSAL);
      expect(replies[0]?.text).toContain(DELETE_REQUEST);
    });
  });

  describe('when the identifying data is outside the text', () => {
    it('refuses a file whose name holds a name', async () => {
      const message = {
        ...messageActivity('Här är underlaget inför mötet'),
        attachments: [{ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'Kenza_Ahmed_utredning.pdf', content: { fileType: 'pdf' } }],
      };

      const { replies } = await bot.send(message);

      expect(replies[0]?.text).toMatch(REFUSAL);
    });

    it('refuses a formatted copy of the message that holds a personnummer', async () => {
      const message = {
        ...messageActivity('Hej'),
        attachments: [{ contentType: 'text/html', content: '<p>Hej, det gäller <b>140312-2386</b></p>' }],
      };

      const { replies } = await bot.send(message);

      expect(replies[0]?.text).toMatch(REFUSAL);
      expect(replies[0]?.text).toContain('personnummer');
    });

    it('refuses a summary that holds a phone number', async () => {
      const { replies } = await bot.send({ ...messageActivity('Se sammanfattningen'), summary: 'mamma nås på 070-174 06 55' });

      expect(replies[0]?.text).toMatch(REFUSAL);
    });

    it('answers a message extension invoke whose value holds a name with a refusal in the invoke response', async () => {
      const { status, body } = await bot.send(invoke('composeExtension/query', { commandId: 'search', parameters: [{ name: 'q', value: 'Milena Kowalczyk' }] }));

      expect(status).toBe(200);
      const text = String((body as { value?: unknown } | undefined)?.value ?? '');
      expect(text).toMatch(REFUSAL);
      expect(text).not.toContain('Milena');
    });

    it('drops an event whose value holds a name, without a reply, and logs only the kinds', async () => {
      const event = activityOf('event', { name: 'application/vnd.samverkan.note', value: { note: 'Milena Kowalczyk i 4B' } });

      const { status, replies } = await bot.send(event);

      expect(status).toBeLessThan(300);
      expect(replies).toHaveLength(0);
      const logs = bot.logs.join('\n');
      expect(logs).toContain('"activityType":"event"');
      expect(logs).not.toContain('Kowalczyk');
    });
  });

  describe('when an activity carries nothing anyone wrote', () => {
    it('lets the bot being added through, so the welcome is still sent', async () => {
      const { status, replies } = await bot.send(botAddedActivity({ conversationId: `a:new-${randomUUID()}` }));

      expect(status).toBe(200);
      expect(replies.length).toBeGreaterThan(0);
      expect(replies[0]?.text ?? JSON.stringify(replies[0]?.attachments)).not.toMatch(REFUSAL);
    });
  });
});
