import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EscalationStore } from '../../storage/escalation-store.js';
import { openDatabase } from '../../storage/index.js';
import { messageActivity } from '../helpers/activities.js';
import { startFakeBotConnector, type ConnectorCall, type FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { settableClock, startProactiveApp, type ProactiveApp, type SettableClock } from '../helpers/proactive-app.js';

const BOT = { id: '28:samverkansboten', name: 'Samverkansboten' };
const TEAM_ID = '19:general-mottagningen@thread.tacv2';
const NORR_CHANNEL = '19:mottagningssektion-norr@thread.tacv2';
const LEILA = { id: '29:leila', name: 'Leila Kurator', aadObjectId: '00000000-0000-0000-0000-00000000001e' };
const AHMED = { id: '29:ahmed', name: 'Ahmed Socialsekreterare', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
const SARA = { id: '29:sara', name: 'Sara Socialsekreterare', aadObjectId: '00000000-0000-0000-0000-0000000000a2' };

// Monday 14 April 2025, 12.35 in Stockholm (summer time, UTC+2).
const MONDAY_1235 = new Date('2025-04-14T10:35:00.000Z');
const MINUTE = 60_000;

let connector: FakeBotConnector;
let clock: SettableClock;
let bot: ProactiveApp;

beforeEach(async () => {
  connector = await startFakeBotConnector();
  clock = settableClock(MONDAY_1235);
  bot = await startProactiveApp({ clock, env: { ESCALATION_CHANNELS: `norr=${NORR_CHANNEL}`, ESCALATION_UNCLAIMED_MINUTES: '10' } });
});

afterEach(async () => {
  await bot.stop();
  await connector.close();
});

/** Teams' conversationUpdate when the bot is installed in the mottagningssektion's team. */
function botAddedToTeam() {
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: AHMED,
    recipient: BOT,
    conversation: { id: TEAM_ID, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    membersAdded: [BOT],
    channelData: { tenant: { id: 'tenant-1' }, eventType: 'teamMemberAdded', team: { id: TEAM_ID, name: 'Mottagningen' } },
  };
}

/** A message from a staff member in their personal chat with the bot, sent to the fake connector's service URL. */
function personalMessage(from: typeof LEILA, conversationId: string, text: string, value?: unknown) {
  return { ...messageActivity(text, { conversationId, userId: from.id, ...(value === undefined ? {} : { value }) }), from, serviceUrl: connector.serviceUrl };
}

/** "Jag tar det" pressed on the alert card in the channel. */
function claimPress(from: typeof AHMED, escalationId: unknown, replyToId = 'activity-1') {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from,
    recipient: BOT,
    replyToId,
    conversation: { id: `${NORR_CHANNEL};messageid=${replyToId}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' }, channel: { id: NORR_CHANNEL }, team: { id: TEAM_ID } },
    value: { action: { type: 'Action.Execute', verb: 'claimEscalation', data: { escalationId } }, trigger: 'manual' },
  };
}

async function addBotToTeam(): Promise<void> {
  connector.setTeamChannels(TEAM_ID, [
    { id: TEAM_ID, name: 'General' },
    { id: NORR_CHANNEL, name: 'Akuta larm' },
  ]);
  const response = await bot.post(botAddedToTeam());
  expect(response.status).toBeLessThan(300);
}

/** Leila's journey: an acute free-text message, "larma", then her school. Returns her chat's id and the bot's replies. */
async function leilaAsksForCallBack(): Promise<{ conversationId: string; replies: string[] }> {
  const conversationId = `a:leila-${randomUUID()}`;
  connector.setMember(LEILA.id, { id: LEILA.id, name: LEILA.name, aadObjectId: LEILA.aadObjectId, userPrincipalName: 'leila.kurator@botkyrka.se' });
  const turns = [
    personalMessage(LEILA, conversationId, 'en elev säger att pappa slog henne med bälte i helgen, vad gör jag'),
    personalMessage(LEILA, conversationId, '', { action: 'akut.escalate' }),
    personalMessage(LEILA, conversationId, 'Hallundaskolan'),
  ];
  const replies: string[] = [];
  for (const turn of turns) {
    const response = await bot.post({ ...turn, deliveryMode: 'expectReplies' });
    expect(response.status).toBe(200);
    for (const activity of (response.body?.activities ?? []) as { text?: string; attachments?: unknown[] }[]) {
      replies.push([activity.text ?? '', JSON.stringify(activity.attachments ?? [])].join('\n'));
    }
  }
  return { conversationId, replies };
}

function alertCardOf(call: ConnectorCall | undefined): Record<string, any> {
  const card = call?.body?.attachments?.[0]?.content;
  expect(card?.type).toBe('AdaptiveCard');
  return card as Record<string, any>;
}

function escalationIdOf(card: Record<string, any>): string {
  const button = (card.actions as { type: string; verb?: string; data?: { escalationId?: string } }[]).find((action) => action.verb === 'claimEscalation');
  const id = button?.data?.escalationId;
  if (!id) throw new Error('the alert card has no "Jag tar det" button');
  return id;
}

function textOf(value: unknown): string {
  return JSON.stringify(value);
}

describe('escalation to the mottagningssektion', () => {
  describe('when the bot has not been added to the area channel', () => {
    it('posts nothing and tells the user to call the mottagningssektion directly', async () => {
      const { replies } = await leilaAsksForCallBack();

      expect(connector.posted(NORR_CHANNEL)).toEqual([]);
      expect(replies.at(-1)).toMatch(/kunde inte skickas i Teams/);
      expect(replies.at(-1)).toContain('08-530 622 55');
    });
  });

  describe('when the bot is added to the team whose channel is configured', () => {
    it('remembers the channel, so a later alert is posted there', async () => {
      await addBotToTeam();

      await leilaAsksForCallBack();

      expect(connector.posted(NORR_CHANNEL)).toHaveLength(1);
    });
  });

  describe('when the bot is removed from that team again', () => {
    it('forgets the channel, so the user is told to call instead of alerting nobody', async () => {
      await addBotToTeam();
      await bot.post({ ...botAddedToTeam(), membersAdded: undefined, membersRemoved: [BOT], channelData: { tenant: { id: 'tenant-1' }, eventType: 'teamMemberRemoved', team: { id: TEAM_ID }, channel: { id: NORR_CHANNEL } } });

      const { replies } = await leilaAsksForCallBack();

      expect(connector.posted(NORR_CHANNEL)).toEqual([]);
      expect(replies.at(-1)).toMatch(/kunde inte skickas i Teams/);
    });
  });

  describe('when someone talks to the bot in the configured channel', () => {
    it('remembers the channel too', async () => {
      const inChannel = messageActivity('hjälp', { kind: 'channel', conversationId: `${NORR_CHANNEL};messageid=42`, userId: AHMED.id });
      await bot.post({ ...inChannel, serviceUrl: connector.serviceUrl, channelData: { tenant: { id: 'tenant-1' }, channel: { id: NORR_CHANNEL }, team: { id: TEAM_ID } } });

      await leilaAsksForCallBack();

      const posted = connector.posted(NORR_CHANNEL);
      expect(posted).toHaveLength(1);
      // A new post in the channel, not a reply in the thread the message came from.
      expect(posted[0]?.conversationId).toBe(NORR_CHANNEL);
    });
  });

  describe('when Leila asks for a call back', () => {
    beforeEach(addBotToTeam);

    it('posts an alert card with area, school, requester, time and a Teams call link', async () => {
      const { replies } = await leilaAsksForCallBack();

      const card = alertCardOf(connector.posted(NORR_CHANNEL)[0]);
      const facts = Object.fromEntries((card.body as { type: string; facts?: { title: string; value: string }[] }[]).flatMap((block) => block.facts ?? []).map((fact) => [fact.title, fact.value]));
      expect(card.version).toBe('1.5');
      expect(facts).toEqual({
        Till: 'Mottagningssektion Norr',
        'Ring upp': 'Leila Kurator',
        Skola: 'Hallundaskolan',
        'Larmet kom': 'måndag 14 april kl. 12.35',
      });
      expect(card.actions).toContainEqual(expect.objectContaining({ type: 'Action.Execute', title: 'Jag tar det', verb: 'claimEscalation' }));
      expect(card.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Ring upp i Teams', url: 'https://teams.microsoft.com/l/call/0/0?users=leila.kurator%40botkyrka.se' });
      expect(replies.at(-1)).toMatch(/Mottagningssektion Norr har fått ditt larm i Teams/);
    });

    it('puts nothing about the child in the channel', async () => {
      await leilaAsksForCallBack();

      const channelTraffic = textOf(connector.calls.filter((call) => call.conversationId?.startsWith(NORR_CHANNEL)).map((call) => call.body));
      for (const word of ['elev', 'pappa', 'slog', 'henne', 'bälte', 'helgen']) expect(channelTraffic).not.toContain(word);
    });
  });

  describe('when two socialsekreterare press "Jag tar det" at once', () => {
    beforeEach(addBotToTeam);

    it('lets exactly one take it, updates the channel card once and tells Leila who will call', async () => {
      const { conversationId } = await leilaAsksForCallBack();
      const alert = connector.posted(NORR_CHANNEL)[0];
      const escalationId = escalationIdOf(alertCardOf(alert));
      clock.set(new Date('2025-04-14T11:02:00.000Z'));

      const [ahmed, sara] = await Promise.all([bot.post(claimPress(AHMED, escalationId, alert?.createdId)), bot.post(claimPress(SARA, escalationId, alert?.createdId))]);

      const answers = [ahmed, sara].map((response) => textOf(response.body));
      const winners = answers.filter((answer) => !answer.includes('hann före dig'));
      expect(winners).toHaveLength(1);
      const winnerName = winners[0]?.includes(AHMED.name) ? AHMED.name : SARA.name;
      const loserAnswer = answers.find((answer) => answer.includes('hann före dig'));
      expect(loserAnswer).toContain(`${winnerName} hann före dig`);
      for (const answer of answers) expect(answer).toContain(`${winnerName} tog larmet kl. 13.02`);

      const updates = connector.updated(NORR_CHANNEL);
      expect(updates).toHaveLength(1);
      expect(updates[0]?.activityId).toBe(alert?.createdId);
      const updatedCard = alertCardOf(updates[0]);
      expect(textOf(updatedCard)).toContain(`${winnerName} tog larmet kl. 13.02`);
      expect(textOf(updatedCard.actions)).not.toContain('claimEscalation');

      const toLeila = connector.posted(conversationId).map((call) => String(call.body?.text ?? ''));
      expect(toLeila).toHaveLength(1);
      expect(toLeila[0]).toContain(`**${winnerName}** på Mottagningssektion Norr har tagit ditt larm (kl. 13.02)`);
    });

    it('tells the same person pressing again that they already have it', async () => {
      await leilaAsksForCallBack();
      const escalationId = escalationIdOf(alertCardOf(connector.posted(NORR_CHANNEL)[0]));
      await bot.post(claimPress(AHMED, escalationId));

      const again = await bot.post(claimPress(AHMED, escalationId));

      expect(textOf(again.body)).toContain('Du har redan tagit det här larmet.');
      expect(connector.updated(NORR_CHANNEL)).toHaveLength(1);
    });
  });

  describe('when the button sends something the bot did not put there', () => {
    it.each([
      ['no id', undefined],
      ['an id that is not one of ours', 'DROP TABLE escalations'],
      ['an unknown alert', 'bcdfghjkmnpqrstvwxzbcdfghj'],
    ])('answers calmly for %s and changes nothing', async (_case, escalationId) => {
      await addBotToTeam();

      const response = await bot.post(claimPress(AHMED, escalationId));

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(String(response.body.value)).toMatch(/Ring upp den som larmade direkt/);
      expect(connector.updated()).toEqual([]);
    });
  });

  describe('when nobody takes the alert in time', () => {
    beforeEach(addBotToTeam);

    it('reminds the channel in the alert thread and tells Leila to call, once', async () => {
      clock.set(new Date('2025-04-14T11:10:00.000Z')); // 13.10, the telephones are open
      const { conversationId } = await leilaAsksForCallBack();
      const alert = connector.posted(NORR_CHANNEL)[0];

      const early = await bot.app.reminderWorker.runOnce(new Date(clock.now().getTime() + 9 * MINUTE));
      const due = await bot.app.reminderWorker.runOnce(new Date(clock.now().getTime() + 10 * MINUTE));
      const later = await bot.app.reminderWorker.runOnce(new Date(clock.now().getTime() + 30 * MINUTE));

      expect([early.sent, due.sent, later.sent]).toEqual([0, 1, 0]);
      const inThread = connector.posted(`${NORR_CHANNEL};messageid=${alert?.createdId}`).map((call) => String(call.body?.text));
      expect(inThread).toHaveLength(1);
      expect(inThread[0]).toContain('larmet från Hallundaskolan (kl. 13.10) har inte tagits på 10 minuter');
      const toLeila = connector.posted(conversationId).map((call) => String(call.body?.text));
      expect(toLeila).toHaveLength(1);
      expect(toLeila[0]).toContain('Ingen på Mottagningssektion Norr har hunnit ta ditt larm ännu');
      expect(toLeila[0]).toContain('[08-530 622 55](tel:+46853062255)');
    });

    it('sends the socialjouren number instead when the mottagningssektion is at lunch', async () => {
      const { conversationId } = await leilaAsksForCallBack(); // 12.35 + 10 minutes = lunch

      await bot.app.reminderWorker.runOnce(new Date(MONDAY_1235.getTime() + 10 * MINUTE));

      const toLeila = connector.posted(conversationId).map((call) => String(call.body?.text));
      expect(toLeila[0]).toMatch(/Ring socialjouren nu/);
      expect(toLeila[0]).toContain('08-778 48 60');
    });

    it('reminds nobody when someone took it first', async () => {
      const { conversationId } = await leilaAsksForCallBack();
      const escalationId = escalationIdOf(alertCardOf(connector.posted(NORR_CHANNEL)[0]));
      await bot.post(claimPress(AHMED, escalationId));
      const postsBefore = connector.posted().length;

      const pass = await bot.app.reminderWorker.runOnce(new Date(MONDAY_1235.getTime() + 10 * MINUTE));

      expect(pass).toMatchObject({ sent: 0, cancelled: 1 });
      expect(connector.posted()).toHaveLength(postsBefore);
      expect(connector.posted(conversationId)).toHaveLength(1); // only "Ahmed … har tagit ditt larm"
    });
  });

  describe('when the channel cannot be reached', () => {
    it('tells Leila to call directly and keeps no record of an alert nobody saw', async () => {
      await addBotToTeam();
      connector.failPostsWith(403); // what Teams answers when the bot was removed from the team

      const { replies } = await leilaAsksForCallBack();

      expect(replies.at(-1)).toMatch(/kunde inte skickas i Teams/);
      expect(bot.logs.some((line) => line.includes('ESCALATION_POST_FAILED'))).toBe(true);
      const database = await openDatabase({ sqlitePath: path.join(bot.dataDir, 'bot.sqlite') });
      try {
        const recorded = await new EscalationStore(database.db).listCreatedBetween(new Date(0), new Date('2100-01-01T00:00:00.000Z'));
        expect(recorded).toEqual([]);
      } finally {
        await database.close();
      }
    });
  });
});
