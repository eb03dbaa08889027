import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EscalationStore } from '../../storage/escalation-store.js';
import { openDatabase } from '../../storage/index.js';
import { botAddedToTeamActivity, claimPressActivity, messageActivity } from '../helpers/activities.js';
import { startFakeBotConnector, type ConnectorCall, type FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { settableClock, startProactiveApp, type ProactiveApp, type SettableClock } from '../helpers/proactive-app.js';
import { alertReplyCases, NORR_LINK } from '../fixtures/alert-replies.js';

const BOT = { id: '28:samverkansboten', name: 'Samverkansboten' };
const TEAM_ID = '19:general-mottagningen@thread.tacv2';
const NORR_CHANNEL = '19:mottagningssektion-norr@thread.tacv2';
const LEILA = { id: '29:leila', name: 'Leila Kurator', aadObjectId: '00000000-0000-0000-0000-00000000001e' };
const AHMED = { id: '29:ahmed', name: 'Ahmed Socialsekreterare', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
const SARA = { id: '29:sara', name: 'Sara Socialsekreterare', aadObjectId: '00000000-0000-0000-0000-0000000000a2' };
/** A socialsekreterare at Mottagningssektion Södra: may take Södra's alerts, not Norr's. */
const OLOF = { id: '29:olof', name: 'Olof Socialsekreterare', aadObjectId: '00000000-0000-0000-0000-0000000000b1' };
/** Someone in the channel who is not in the roles file, even with a socialsekreterare's display name. */
const IMPOSTOR = { id: '29:someone', name: AHMED.name, aadObjectId: '00000000-0000-0000-0000-0000000000c1' };

// Monday 14 April 2025, 12.35 in Stockholm (summer time, UTC+2): lunch, the telephones are closed.
const MONDAY_1235 = new Date('2025-04-14T10:35:00.000Z');
// Saturday 12 April 2025, 11.00, and Monday 14 April 2025, 09.00, in Stockholm.
const SATURDAY_1100 = new Date('2025-04-12T09:00:00.000Z');
const MONDAY_0900 = new Date('2025-04-14T07:00:00.000Z');
const MINUTE = 60_000;

let connector: FakeBotConnector;
let clock: SettableClock;
let bot: ProactiveApp;
let rolesDir: string;

/** The roles file: Ahmed and Sara at Norr, Olof at Södra, all by Entra object id. Leila is not listed (elevhälsa). */
async function writeRolesFile(dir: string): Promise<string> {
  const file = path.join(dir, 'roles.yaml');
  await writeFile(
    file,
    [
      'people:',
      `  - { role: socialsekreterare, area: norr, aadObjectId: "${AHMED.aadObjectId}" }`,
      `  - { role: socialsekreterare, area: norr, aadObjectId: "${SARA.aadObjectId}" }`,
      `  - { role: socialsekreterare, area: sodra, aadObjectId: "${OLOF.aadObjectId}" }`,
      '',
    ].join('\n'),
  );
  return file;
}

async function startBot(unclaimedMinutes = '10'): Promise<ProactiveApp> {
  const env = { ESCALATION_CHANNELS: `norr=${NORR_CHANNEL}`, ESCALATION_UNCLAIMED_MINUTES: unclaimedMinutes, ROLES_FILE: path.join(rolesDir, 'roles.yaml') };
  return startProactiveApp({ clock, env });
}

beforeEach(async () => {
  connector = await startFakeBotConnector();
  clock = settableClock(MONDAY_1235);
  rolesDir = await mkdtemp(path.join(tmpdir(), 'escalation-roles-'));
  await writeRolesFile(rolesDir);
  bot = await startBot();
});

afterEach(async () => {
  await bot.stop();
  await connector.close();
  await rm(rolesDir, { recursive: true, force: true });
});

/** Teams' conversationUpdate when the bot is installed in the mottagningssektion's team. */
function botAddedToTeam() {
  return botAddedToTeamActivity({ serviceUrl: connector.serviceUrl, from: AHMED, teamId: TEAM_ID, teamName: 'Mottagningen' });
}

/** A message from a staff member in their personal chat with the bot, sent to the fake connector's service URL. */
function personalMessage(from: { id: string; name: string; aadObjectId: string }, conversationId: string, text: string, value?: unknown) {
  return { ...messageActivity(text, { conversationId, userId: from.id, ...(value === undefined ? {} : { value }) }), from, serviceUrl: connector.serviceUrl };
}

/** "Jag tar det" pressed on the alert card in the channel. */
function claimPress(from: { id: string; name: string; aadObjectId: string }, escalationId: unknown, replyToId = 'activity-1') {
  return claimPressActivity({ serviceUrl: connector.serviceUrl, from, escalationId, channelId: NORR_CHANNEL, teamId: TEAM_ID, replyToId });
}

async function addBotToTeam(): Promise<void> {
  connector.setTeamChannels(TEAM_ID, [
    { id: TEAM_ID, name: 'General' },
    { id: NORR_CHANNEL, name: 'Akuta larm' },
  ]);
  const response = await bot.post(botAddedToTeam());
  expect(response.status).toBeLessThan(300);
}

type ReplyActivity = { text?: string; attachments?: { content?: Record<string, any> }[] };

/**
 * Leila's journey: an acute free-text message, "larma", then her school. Returns her chat's id, the
 * bot's replies (text and card JSON) and the last reply as sent (its card has her "Det är löst" buttons).
 */
async function leilaAsksForCallBack(options: { knownToTeams?: boolean } = {}): Promise<{ conversationId: string; replies: string[]; last: ReplyActivity | undefined }> {
  const conversationId = `a:leila-${randomUUID()}`;
  if (options.knownToTeams !== false) {
    connector.setMember(LEILA.id, { id: LEILA.id, name: LEILA.name, aadObjectId: LEILA.aadObjectId, userPrincipalName: 'leila.kurator@botkyrka.se' });
  }
  const turns = [
    personalMessage(LEILA, conversationId, 'en elev säger att pappa slog henne med bälte i helgen, vad gör jag'),
    personalMessage(LEILA, conversationId, '', { action: 'akut.escalate' }),
    personalMessage(LEILA, conversationId, 'Hallundaskolan'),
  ];
  const replies: string[] = [];
  let last: ReplyActivity | undefined;
  for (const turn of turns) {
    const response = await bot.post({ ...turn, deliveryMode: 'expectReplies' });
    expect(response.status).toBe(200);
    for (const activity of (response.body?.activities ?? []) as ReplyActivity[]) {
      replies.push([activity.text ?? '', JSON.stringify(activity.attachments ?? [])].join('\n'));
      last = activity;
    }
  }
  return { conversationId, replies, last };
}

/** What Leila types or presses afterwards in her personal chat; returns the bot's reply texts. */
async function leilaSays(conversationId: string, text: string, value?: unknown): Promise<string[]> {
  const response = await bot.post({ ...personalMessage(LEILA, conversationId, text, value), deliveryMode: 'expectReplies' });
  expect(response.status).toBe(200);
  return ((response.body?.activities ?? []) as ReplyActivity[]).map((activity) => activity.text ?? '');
}

/** The data of a button on a card Leila got (an Action.Submit in an ActionSet). */
function submitData(reply: ReplyActivity | undefined, title: string): Record<string, unknown> {
  const card = reply?.attachments?.[0]?.content;
  const actions = ((card?.body ?? []) as { type: string; actions?: { title: string; data: Record<string, unknown> }[] }[]).flatMap((block) => block.actions ?? []);
  const button = actions.find((action) => action.title === title);
  if (!button) throw new Error(`no button "${title}" on Leila's card`);
  return button.data;
}

function urlActions(card: Record<string, any>): { title: string; url: string }[] {
  // The links to reach the requester sit in an ActionSet in the body; "Jag tar det" at the bottom.
  const rows = (card.body as { type: string; actions?: { type: string; title: string; url: string }[] }[]).flatMap((element) => (element.type === 'ActionSet' ? (element.actions ?? []) : []));
  return [...rows, ...(card.actions as { type: string; title: string; url: string }[])].filter((action) => action.type === 'Action.OpenUrl').map(({ title, url }) => ({ title, url }));
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
    it('posts nothing and gives the number that answers now (socialjouren at lunch), then the section’s', async () => {
      const { replies } = await leilaAsksForCallBack();

      expect(connector.posted(NORR_CHANNEL)).toEqual([]);
      expect(replies.at(-1)).toMatch(/^Larmet kunde inte skickas i Teams, så ingen har sett det\.\n\n\*\*Ring socialjouren nu:\*\*/);
      expect(replies.at(-1)).toContain(`Mottagningen öppnar igen i dag kl. 13.00 – då når du den på ${NORR_LINK}`);
    });
  });

  describe('when the bot is added to the team whose channel is configured', () => {
    it('remembers the channel, so a later alert is posted there', async () => {
      await addBotToTeam();

      await leilaAsksForCallBack();

      expect(connector.posted(NORR_CHANNEL)).toHaveLength(1);
    });

    it('greets the section with what alerts will appear and how to take one, not with the staff welcome and akut menu', async () => {
      await addBotToTeam();

      const greeting = connector.posted(TEAM_ID);
      expect(greeting).toHaveLength(1);
      const text = String(greeting[0]?.body?.text ?? '');
      expect(text).toContain('I Mottagningssektion Norrs larmkanal visar jag akuta larm');
      expect(text).toContain('Tryck **Jag tar det** på kortet när du ringer upp.');
      expect(text).toContain('Har ingen tagit larmet efter 10 minuter påminner jag här');
      expect(greeting[0]?.body?.attachments ?? []).toEqual([]);
      expect(textOf(greeting)).not.toMatch(/Vad vill du göra\?|Akut oro – vem ringer jag nu\?/);
    });
  });

  describe('when the bot is added to an ordinary team', () => {
    it('sends the staff welcome with the menu there', async () => {
      const otherTeam = '19:eht-hallundaskolan@thread.tacv2';
      connector.setTeamChannels(otherTeam, [{ id: otherTeam, name: 'General' }]);
      const added = botAddedToTeam();
      await bot.post({ ...added, conversation: { ...added.conversation, id: otherTeam }, channelData: { ...added.channelData, team: { id: otherTeam, name: 'EHT' } } });

      const greeting = connector.posted(otherTeam);
      expect(greeting).toHaveLength(1);
      expect(textOf(greeting)).toContain('Vad vill du göra?');
      // Everyone in the channel reads it: how to ask there, and where the private routines belong.
      expect(textOf(greeting)).toContain('Här kan alla i kanalen läsa det som skrivs.');
      expect(textOf(greeting)).toContain('@Samverkansboten');
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

    it('posts an alert card with area, school, requester, time and Teams chat and call links', async () => {
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
      expect(urlActions(card)).toEqual([
        { title: 'Skriv i Teams', url: 'https://teams.microsoft.com/l/chat/0/0?users=leila.kurator%40botkyrka.se' },
        { title: 'Ring upp i Teams', url: 'https://teams.microsoft.com/l/call/0/0?users=leila.kurator%40botkyrka.se' },
      ]);
      // 12.35 is lunch: the card says so, and Leila is not promised a call she will not get.
      expect(textOf(card)).toContain('Larmet kom medan mottagningen hade stängt. Den som larmade har fått rådet att ringa socialjouren under tiden.');
      expect(replies.at(-1)).toMatch(/^Mottagningssektion Norr har lunchstängt\. Mottagningen öppnar igen i dag kl\. 13\.00\. Ditt larm har kommit fram i Teams/);
    });

    it('links to Leila by her Entra object id when Teams does not give her UPN in time', async () => {
      await leilaAsksForCallBack({ knownToTeams: false });

      const card = alertCardOf(connector.posted(NORR_CHANNEL)[0]);
      expect(urlActions(card).map((action) => action.url)).toEqual([
        `https://teams.microsoft.com/l/chat/0/0?users=8%3Aorgid%3A${LEILA.aadObjectId}`,
        `https://teams.microsoft.com/l/call/0/0?users=8%3Aorgid%3A${LEILA.aadObjectId}`,
      ]);
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
      expect(inThread[0]).toContain('Leila Kurator har nu fått rådet att ringa er direkt.');
      const toLeila = connector.posted(conversationId).map((call) => String(call.body?.text));
      expect(toLeila).toHaveLength(1);
      expect(toLeila[0]).toContain('Ingen på Mottagningssektion Norr har hunnit ta ditt larm ännu');
      expect(toLeila[0]).toContain('[08-530 622 55](tel:+46853062255)');
    });

    it('sends the socialjouren number instead when the mottagningssektion is at lunch', async () => {
      const { conversationId } = await leilaAsksForCallBack(); // 12.35 + 10 minutes = lunch
      const alert = connector.posted(NORR_CHANNEL)[0];

      await bot.app.reminderWorker.runOnce(new Date(MONDAY_1235.getTime() + 10 * MINUTE));

      const inThread = connector.posted(`${NORR_CHANNEL};messageid=${alert?.createdId}`).map((call) => String(call.body?.text));
      expect(inThread[0]).toContain('Leila Kurator har nu fått rådet att ringa socialjouren, eftersom mottagningen har stängt.');

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

  describe.each(alertReplyCases({ saturday1100: SATURDAY_1100, monday1235: MONDAY_1235, monday0900: MONDAY_0900, openingMonday: 'måndag 14 april' }))('when Leila asks for a call back on %s', (_label, now, delivered, notDelivered) => {
    beforeEach(async () => {
      clock.set(now);
      await addBotToTeam();
    });

    it('says whether the section calls back now, or that it is closed, when it opens and to call socialjouren now', async () => {
      const { last } = await leilaAsksForCallBack();

      expect(connector.posted(NORR_CHANNEL)).toHaveLength(1);
      expect(last?.text).toBe(delivered.join('\n\n'));
    });

    it('gives the number that answers now when the alert could not be delivered', async () => {
      connector.failPostsWith(403);

      const { last } = await leilaAsksForCallBack();

      expect(last?.text).toBe(notDelivered.join('\n\n'));
    });
  });

  describe('when someone who may not take the alert presses "Jag tar det"', () => {
    beforeEach(addBotToTeam);

    it.each([
      ['Leila, who raised it', LEILA, 'Det här är ditt eget larm, så du kan inte ta det själv.', 'requester'],
      ['a socialsekreterare of Södra', OLOF, 'Larmet gäller Mottagningssektion Norr, och du är socialsekreterare på Mottagningssektion Södra', 'other-area'],
      ['someone not in the roles file, with Ahmed’s display name', IMPOSTOR, 'Bara socialsekreterare på Mottagningssektion Norr kan ta larmet', 'not-socialsekreterare'],
    ] as const)('answers %s calmly in place, leaves the card and keeps the alert untaken', async (_who, presser, answer, reason) => {
      const { conversationId } = await leilaAsksForCallBack();
      const alert = connector.posted(NORR_CHANNEL)[0];
      const escalationId = escalationIdOf(alertCardOf(alert));

      const refused = await bot.post(claimPress(presser, escalationId, alert?.createdId));

      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(String(refused.body.value)).toContain(answer);
      expect(String(refused.body.value)).toContain('Larmet ligger kvar');
      expect(connector.updated()).toEqual([]);
      expect(connector.posted(conversationId)).toEqual([]); // Leila is not told anyone took it
      expect(bot.logs.some((line) => line.includes('"code":"ESCALATION_CLAIM_REFUSED"') && line.includes(`"reason":"${reason}"`))).toBe(true);

      const ahmed = await bot.post(claimPress(AHMED, escalationId, alert?.createdId));
      expect(textOf(ahmed.body)).toContain(`${AHMED.name} tog larmet`);
    });
  });

  describe('when a socialsekreterare of the area takes the alert', () => {
    beforeEach(addBotToTeam);

    it('shows the taken card in the channel with a Teams chat and call link to Leila, and nothing about the child', async () => {
      await leilaAsksForCallBack();
      const alert = connector.posted(NORR_CHANNEL)[0];

      await bot.post(claimPress(AHMED, escalationIdOf(alertCardOf(alert)), alert?.createdId));

      const taken = alertCardOf(connector.updated(NORR_CHANNEL)[0]);
      expect(textOf(taken)).toContain(`${AHMED.name} tog larmet kl. 12.35 och ringer upp.`);
      expect(urlActions(taken)).toEqual([
        { title: 'Skriv i Teams', url: 'https://teams.microsoft.com/l/chat/0/0?users=leila.kurator%40botkyrka.se' },
        { title: 'Ring upp i Teams', url: 'https://teams.microsoft.com/l/call/0/0?users=leila.kurator%40botkyrka.se' },
      ]);
      for (const word of ['pappa', 'slog', 'bälte']) expect(textOf(taken)).not.toContain(word);
    });
  });

  describe('when Leila withdraws the alert before anyone took it', () => {
    beforeEach(addBotToTeam);

    it('closes it on the channel card, sends no reminder, and a later "Jag tar det" only shows it is closed', async () => {
      const { conversationId, last } = await leilaAsksForCallBack();
      const alert = connector.posted(NORR_CHANNEL)[0];
      const escalationId = escalationIdOf(alertCardOf(alert));
      clock.set(new Date('2025-04-14T10:40:00.000Z')); // 12.40

      const reply = await leilaSays(conversationId, '', submitData(last, 'Återkalla larmet'));

      expect(reply).toEqual([
        'Larmet är återkallat. Mottagningssektion Norr ser det i Teams, så ingen ringer upp dig för det.\n\n' +
          'Finns oron för barnet kvar gäller anmälningsplikten ändå: anmäl den till socialtjänsten.',
      ]);
      const updates = connector.updated(NORR_CHANNEL);
      expect(updates).toHaveLength(1);
      expect(updates[0]?.activityId).toBe(alert?.createdId);
      const closed = alertCardOf(updates[0]);
      expect(textOf(closed)).toContain('Återkallat: Leila Kurator återkallade larmet kl. 12.40. Ingen behöver ringa upp.');
      expect(closed.actions).toEqual([]);

      const postsBefore = connector.posted().length;
      const pass = await bot.app.reminderWorker.runOnce(new Date(MONDAY_1235.getTime() + 10 * MINUTE));
      expect(pass.sent).toBe(0);
      expect(connector.posted()).toHaveLength(postsBefore);

      const late = await bot.post(claimPress(AHMED, escalationId, alert?.createdId));
      expect(textOf(late.body)).toContain('Den som larmade har redan avslutat larmet. Ingen behöver ringa upp.');
      expect(textOf(late.body)).not.toContain('claimEscalation');
      expect(connector.updated(NORR_CHANNEL)).toHaveLength(1);
      expect(await leilaSays(conversationId, '', submitData(last, 'Återkalla larmet'))).toEqual(['Larmet är redan avslutat, så det finns inget mer att göra här.']);
    });
  });

  describe('when Leila types "det är löst" after Ahmed took the alert', () => {
    beforeEach(addBotToTeam);

    it('marks it solved on the card and tells Ahmed in the alert thread that he need not call', async () => {
      const { conversationId } = await leilaAsksForCallBack();
      const alert = connector.posted(NORR_CHANNEL)[0];
      await bot.post(claimPress(AHMED, escalationIdOf(alertCardOf(alert)), alert?.createdId));
      clock.set(new Date('2025-04-14T11:05:00.000Z')); // 13.05

      const reply = await leilaSays(conversationId, 'det är löst');

      expect(reply).toEqual([
        `Jag har meddelat Mottagningssektion Norr att det är löst, så ingen ringer upp dig för det här larmet. ${AHMED.name}, som hade tagit larmet, får veta det i Teams.`,
      ]);
      const updates = connector.updated(NORR_CHANNEL);
      expect(updates).toHaveLength(2);
      expect(textOf(alertCardOf(updates[1]))).toContain('Löst: Leila Kurator meddelade kl. 13.05 att det är löst. Ingen behöver ringa upp.');
      const inThread = connector.posted(`${NORR_CHANNEL};messageid=${alert?.createdId}`).map((call) => String(call.body?.text));
      expect(inThread).toEqual([`Leila Kurator meddelade kl. 13.05 att det är löst. ${AHMED.name} behöver inte ringa upp.`]);
    });

    it('does not let anyone else close Leila’s alert by typing it', async () => {
      await leilaAsksForCallBack();
      const ahmedsChat = `a:ahmed-${randomUUID()}`;

      const response = await bot.post({ ...personalMessage(AHMED, ahmedsChat, 'det är löst'), deliveryMode: 'expectReplies' });

      expect(response.body?.activities?.[0]?.text).toBe('Jag hittar inget öppet larm från dig, så det finns inget att avsluta.');
      expect(connector.updated()).toEqual([]);
    });
  });

  describe('when the reminder comes after a single minute', () => {
    it('says "1 minut", not "1 minuter"', async () => {
      await bot.stop();
      bot = await startBot('1');
      await addBotToTeam();
      await leilaAsksForCallBack();
      const alert = connector.posted(NORR_CHANNEL)[0];

      await bot.app.reminderWorker.runOnce(new Date(MONDAY_1235.getTime() + MINUTE));

      const inThread = connector.posted(`${NORR_CHANNEL};messageid=${alert?.createdId}`).map((call) => String(call.body?.text));
      expect(inThread[0]).toContain('larmet från Hallundaskolan (kl. 12.35) har inte tagits på 1 minut.');
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
