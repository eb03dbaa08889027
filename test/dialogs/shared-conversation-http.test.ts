import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../scheduling/clock.js';
import { messageActivity, type ConversationKind } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest, type ReplyActivity } from '../helpers/app-under-test.js';
import { APP_ID, APP_PASSWORD, channelToken, newKeys, startKeyServer, type Keys } from '../helpers/bot-framework-channel.js';
import { cardNodes, cardOf, stockholm, visibleText } from './dialog-harness.js';

const MONDAY_LUNCH = stockholm(2026, 11, 23, 12, 30);
const REDIRECT_CODE = '"ROUTINE_REDIRECTED_TO_PERSONAL_CHAT"';
const PERSONAL_CHAT_LINK = `https://teams.microsoft.com/l/chat/0/0?users=28:${APP_ID}`;

/** What a staff member sees of a reply: its text, the card's text blocks and button titles. */
function seen(reply: ReplyActivity | undefined): string {
  return visibleText(reply as Partial<Activity> | undefined);
}

/** The buttons on a reply's card: their titles, and the link of those that open one. */
function buttons(reply: ReplyActivity | undefined): { title: string; url?: string }[] {
  const card = cardOf(reply as Partial<Activity> | undefined);
  return (card ? cardNodes(card) : [])
    .filter((node) => node.type.startsWith('Action.'))
    .map((node) => ({ title: String(node.title), ...(typeof node.url === 'string' ? { url: node.url } : {}) }));
}

let conversations = 0;

/** One staff member in one conversation of this kind; the same conversation for every message. */
function conversationIn(bot: AppUnderTest, kind: ConversationKind, headers: () => Promise<Record<string, string>> = async () => ({})) {
  conversations += 1;
  const conversationId = kind === 'channel' ? `19:eht-${conversations}@thread.tacv2;messageid=1` : kind === 'groupChat' ? `19:group-${conversations}@thread.v2` : `a:personal-${conversations}`;
  const who = { kind, conversationId, userId: `29:staff-${conversations}` };
  return {
    say: async (text: string) => bot.send(messageActivity(text, who), await headers()),
    press: async (value: unknown) => bot.send(messageActivity('', { ...who, value }), await headers()),
  };
}

const STARTS: readonly [string, 'konsultation' | 'orosanmalan', (chat: ReturnType<typeof conversationIn>) => ReturnType<ReturnType<typeof conversationIn>['say']>][] = [
  ['“anonym konsultation” typed', 'konsultation', (chat) => chat.say('anonym konsultation')],
  ['the menu’s Anonym konsultation pressed', 'konsultation', (chat) => chat.press({ action: 'menu', routine: 'konsultation' })],
  ['“orosanmälan” typed', 'orosanmalan', (chat) => chat.say('orosanmälan')],
  ['the menu’s Orosanmälan pressed', 'orosanmalan', (chat) => chat.press({ action: 'menu', routine: 'orosanmalan' })],
];

describe('consultation and orosanmälan in a channel or group chat, through POST /api/messages', () => {
  describe('when the bot runs without an app id (on this machine only)', () => {
    let bot: AppUnderTest;
    beforeAll(async () => {
      bot = await startAppUnderTest({}, undefined, { clock: fixedClock(MONDAY_LUNCH) });
    });
    afterAll(async () => {
      await bot.stop();
    });

    for (const kind of ['channel', 'groupChat'] as const) {
      describe(`in a ${kind === 'channel' ? 'team channel' : 'group chat'}`, () => {
        it.each(STARTS)('answers %s with the way to the personal chat, and starts nothing', async (_how, routine, start) => {
          const chat = conversationIn(bot, kind);
          const redirectsBefore = bot.logs.filter((line) => line.includes(REDIRECT_CODE)).length;
          const { status, replies } = await start(chat);
          expect(status).toBe(200);
          expect(replies).toHaveLength(1);
          const text = seen(replies[0]);
          expect(text).toMatch(/gör du i en personlig chatt med mig, inte här – alla i den här konversationen kan läsa det som skrivs\./);
          expect(text).toContain(`sök på **Samverkansboten** och skriv **${routine === 'konsultation' ? 'anonym konsultation' : 'orosanmälan'}** där`);
          expect(text).toContain('skriva **akut oro** här');
          expect(text).not.toMatch(/1 av 4|Först: är det akut\?/);
          const redirects = bot.logs.filter((line) => line.includes(REDIRECT_CODE));
          expect(redirects).toHaveLength(redirectsBefore + 1);
          expect(redirects.at(-1)).toContain(`"routine":"${routine}"`);

          // Nothing runs behind it: a colleague pressing an old consultation card gets the channel's menu, not the next question.
          const next = await chat.press({ action: 'consultation.ageGroup', choice: 'forskola' });
          expect(next.status).toBe(200);
          expect(seen(next.replies[0])).toMatch(/hör till något som redan är avslutat/);
          expect(seen(next.replies[0])).not.toContain('2 av 4');
          expect(buttons(next.replies[0]).map((button) => button.title)).not.toContain('Anonym konsultation');
        });
      });
    }

    it('still runs both in a personal chat', async () => {
      const consultation = await conversationIn(bot, 'personal').say('anonym konsultation');
      expect(seen(consultation.replies.at(-1))).toContain('1 av 4');
      const report = await conversationIn(bot, 'personal').press({ action: 'menu', routine: 'orosanmalan' });
      expect(seen(report.replies[0])).toContain('Först: är det akut?');
    });

    it('gives akut oro’s call-now guidance in a channel, as in the personal chat', async () => {
      const { status, replies } = await conversationIn(bot, 'channel').say('en elev säger att pappa slog henne med bälte i helgen, vad gör jag');
      expect(status).toBe(200);
      const first = replies[0]?.text ?? '';
      expect(first).toMatch(/^\*\*Akut oro – gör så här nu\*\*/);
      expect(first).toContain('**Ring socialjouren nu:**');
      expect(first).toContain('ring **[112](tel:112)**');
    });

    it('offers in a channel’s “hjälp” only what runs there, and how to find the personal chat', async () => {
      const { replies } = await conversationIn(bot, 'channel').say('hjälp');
      expect(buttons(replies[0]).map((button) => button.title)).toEqual(['Akut oro – vem ringer jag nu?', 'Ställ en fråga', 'Telefontider och nummer']);
      const text = seen(replies[0]);
      expect(text).not.toMatch(/\*\*(anonym konsultation|orosanmälan)\*\* – /);
      expect(text).toContain('Anonym konsultation, orosanmälan och bokningar gör du i en personlig chatt med mig');
      expect(text).toContain('sök på **Samverkansboten**');
    });
  });

  describe('when the bot has an app id', () => {
    let keyServer: Awaited<ReturnType<typeof startKeyServer>>;
    let keys: Keys;
    let bot: AppUnderTest;
    const signed = async () => ({ authorization: `Bearer ${await channelToken(keys)}` });

    beforeAll(async () => {
      const published = await newKeys('channel-key');
      keys = published;
      keyServer = await startKeyServer([published.publicJwk]);
      bot = await startAppUnderTest({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, CHANNEL_OPENID_METADATA_URL: keyServer.url }, undefined, {
        clock: fixedClock(MONDAY_LUNCH),
      });
    });
    afterAll(async () => {
      await bot.stop();
      await keyServer.close();
    });

    it.each([
      ['channel', 'anonym konsultation'],
      ['groupChat', 'orosanmälan'],
    ] as const)('answers in a %s with a button that opens the personal chat with the bot', async (kind, command) => {
      const { status, replies } = await conversationIn(bot, kind, signed).say(command);
      expect(status).toBe(200);
      expect(seen(replies[0])).toContain(`Öppna chatten med knappen och skriv **${command}** där.`);
      expect(buttons(replies[0])).toEqual([{ title: 'Öppna chatten med mig', url: PERSONAL_CHAT_LINK }]);
    });

    it('offers the same button in a channel’s “hjälp”', async () => {
      const { replies } = await conversationIn(bot, 'channel', signed).say('hjälp');
      expect(buttons(replies[0])).toContainEqual({ title: 'Öppna chatten med mig', url: PERSONAL_CHAT_LINK });
      expect(buttons(replies[0]).map((button) => button.title)).not.toContain('Orosanmälan steg för steg');
    });
  });
});
