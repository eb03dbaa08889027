import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bookingWindow } from '../../booking/availability-rules.js';
import { instantAt } from '../../scheduling/clock.js';
import { AvailabilityStore } from '../../storage/availability-store.js';
import { BOOKING_REMINDER_KIND, BookingStore } from '../../storage/booking-store.js';
import { ConversationReferenceStore, userReferenceKey } from '../../storage/conversation-reference-store.js';
import type { DatabaseHandle } from '../../storage/index.js';
import { botAddedToTeamActivity, claimPressActivity, messageActivity } from '../helpers/activities.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { startFakeBotConnector, type ConnectorCall, type FakeBotConnector } from '../helpers/fake-bot-connector.js';

const BOT = { id: '28:samverkansboten', name: 'Samverkansboten' };
const TEAM_ID = '19:general-mottagningen@thread.tacv2';
const NORR_CHANNEL = '19:mottagningssektion-norr@thread.tacv2';
const AHMED = { id: '29:ahmed', name: 'Ahmed Socialsekreterare', aadObjectId: '00000000-0000-0000-0000-0000000000a1' };
const SARA = { id: '29:sara', name: 'Sara Socialsekreterare', aadObjectId: '00000000-0000-0000-0000-0000000000a2' };
// Both workers poll every second (the shortest REMINDER_POLL_MS). Each post to the connector takes
// this long, so one pass over the due reminders outlasts a poll interval and the passes overlap.
const POLL_MS = 1_000;
const SLOW_CONNECTOR_MS = 400;
// Both processes run on one test clock that starts at Monday 14 April 2025, 10.00 in Stockholm
// (a working day, the telephones open) and moves on in real time.
const STOCKHOLM = 'Europe/Stockholm';
const MONDAY_1000 = instantAt({ year: 2025, month: 4, day: 14 }, 10, 0, STOCKHOLM);

type Person = { id: string; name: string; aadObjectId: string };
type ReplyActivity = { type: string; text?: string; attachments?: unknown[] };

/** Someone at a school (not in the roles file), with a personal chat of their own. */
function staffMember(label: string, index: number): Person & { conversationId: string } {
  return { id: `29:${label}-${index}`, name: `Kurator ${label} ${index}`, aadObjectId: randomUUID(), conversationId: `a:${label}-${randomUUID()}` };
}

describe('two bot processes on one PostgreSQL database, both sending reminders', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let connector: FakeBotConnector;
  let rolesDir: string;
  let a: BotProcess;
  let b: BotProcess;
  let clockOffsetMs: number;
  const testNow = () => new Date(Date.now() + clockOffsetMs);

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    connector = await startFakeBotConnector();
    rolesDir = await mkdtemp(path.join(tmpdir(), 'two-instances-roles-'));
    const rolesFile = path.join(rolesDir, 'roles.yaml');
    await writeFile(
      rolesFile,
      ['people:', `  - { role: socialsekreterare, area: norr, aadObjectId: "${AHMED.aadObjectId}" }`, `  - { role: socialsekreterare, area: norr, aadObjectId: "${SARA.aadObjectId}" }`, ''].join('\n'),
    );
    const env = { DATABASE_URL: database.options.databaseUrl!, REMINDER_POLL_MS: String(POLL_MS), ESCALATION_CHANNELS: `norr=${NORR_CHANNEL}`, ROLES_FILE: rolesFile };
    clockOffsetMs = MONDAY_1000.getTime() - Date.now();
    a = await startBotProcess({ env, clockOffsetMs });
    b = await startBotProcess({ env, clockOffsetMs });
    handle = await database.open();

    // The mottagningssektion adds the bot to its team (on one instance); both instances then know the channel.
    connector.setTeamChannels(TEAM_ID, [
      { id: TEAM_ID, name: 'General' },
      { id: NORR_CHANNEL, name: 'Akuta larm' },
    ]);
    const added = await post(a, botAddedToTeamActivity({ serviceUrl: connector.serviceUrl, from: AHMED, teamId: TEAM_ID, teamName: 'Mottagningen' }));
    expect(added.status).toBeLessThan(300);
  }, 180_000);

  afterEach(() => connector.delayPostsBy(0));

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await connector?.close();
    await database?.dispose();
    if (rolesDir) await rm(rolesDir, { recursive: true, force: true });
  });

  async function post(bot: BotProcess, activity: object): Promise<{ status: number; body: any }> {
    const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** One turn in a person's personal chat; returns the bot's replies as text and card JSON. */
  async function say(bot: BotProcess, person: Person & { conversationId: string }, text: string, value?: unknown): Promise<string> {
    const activity = { ...messageActivity(text, { conversationId: person.conversationId, userId: person.id, ...(value === undefined ? {} : { value }) }), from: person, serviceUrl: connector.serviceUrl };
    const response = await post(bot, activity);
    expect(response.status).toBe(200);
    return ((response.body?.activities ?? []) as ReplyActivity[]).map((reply) => `${reply.text ?? ''}${JSON.stringify(reply.attachments ?? [])}`).join('\n');
  }

  /** Time passes: the reminders of this kind fall due now, for both instances at once. */
  async function makeDue(kind: string): Promise<void> {
    await handle.db.updateTable('reminders').set({ due_at: new Date(testNow().getTime() - 1_000).toISOString() }).where('kind', '=', kind).where('status', '=', 'pending').execute();
  }

  /** Waits until no reminder of this kind is left to send, then one more poll of each worker, so a second send would have shown. */
  async function settled(kind: string): Promise<{ status: string; claimed_by_instance: string | null }[]> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rows = await handle.db.selectFrom('reminders').select(['status', 'claimed_by_instance']).where('kind', '=', kind).execute();
      if (rows.every((row) => row.status !== 'pending' && row.status !== 'sending')) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS + SLOW_CONNECTOR_MS * 2));
        return rows;
      }
      if (Date.now() > deadline) throw new Error(`reminders of kind ${kind} still not sent: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function textsTo(conversationId: string): string[] {
    return connector.posted(conversationId).map((call) => String(call.body?.text ?? ''));
  }

  /** Raises an akut alert for the person through their chat (akut message, "larma", their school); returns the alert card as posted. */
  async function raiseAlert(bot: BotProcess, person: Person & { conversationId: string }): Promise<{ escalationId: string; card: ConnectorCall }> {
    const before = connector.posted(NORR_CHANNEL).length;
    await say(bot, person, 'en elev säger att pappa slog henne med bälte i helgen, vad gör jag');
    await say(bot, person, '', { action: 'akut.escalate' });
    await say(bot, person, 'Hallundaskolan');
    const card = connector.posted(NORR_CHANNEL)[before];
    const actions = (card?.body?.attachments?.[0]?.content?.actions ?? []) as { verb?: string; data?: { escalationId?: string } }[];
    const escalationId = actions.find((action) => action.verb === 'claimEscalation')?.data?.escalationId;
    if (card === undefined || escalationId === undefined) throw new Error('no alert card was posted');
    return { escalationId, card };
  }

  /** "Jag tar det" pressed on the alert card in the channel. */
  function claimPress(from: Person, escalationId: string, card: ConnectorCall) {
    return claimPressActivity({ serviceUrl: connector.serviceUrl, from, escalationId, channelId: NORR_CHANNEL, teamId: TEAM_ID, replyToId: card.createdId! });
  }

  describe('when the day-14 reminders of several people fall due', () => {
    it('gives each person exactly one reminder, though both instances send reminders', async () => {
      const people = Array.from({ length: 6 }, (_, index) => staffMember('report', index));
      // Each walks through Orosanmälan and asks for the reminder, half of them on each instance.
      await Promise.all(
        people.map(async (person, index) => {
          const bot = index % 2 === 0 ? a : b;
          for (const text of ['orosanmälan', 'nej', 'Tunaskolan', 'nästa', 'nästa', 'nästa']) await say(bot, person, text);
          expect(await say(bot, person, 'ja')).toContain('Klart! Jag påminner dig');
        }),
      );
      for (const person of people) expect(textsTo(person.conversationId)).toEqual([]);

      connector.delayPostsBy(SLOW_CONNECTOR_MS);
      await makeDue('aterkoppling-day-14');
      const reminders = await settled('aterkoppling-day-14');

      for (const person of people) {
        const received = textsTo(person.conversationId);
        expect(received).toHaveLength(1);
        expect(received[0]).toMatch(/Har skolan fått återkoppling från socialtjänsten\?/);
      }
      expect(reminders.map((row) => row.status)).toEqual(people.map(() => 'sent'));
      // Both instances took part: each sent some of them, neither sent one the other had.
      expect(new Set(reminders.map((row) => row.claimed_by_instance)).size).toBe(2);
    });
  });

  describe('when the day-before reminders of several bookings fall due', () => {
    it('reminds each rektor and the socialsekreterare once per booking', async () => {
      const sara = { id: SARA.aadObjectId, name: SARA.name, teamsId: SARA.id };
      const rektorer = Array.from({ length: 3 }, (_, index) => ({ id: `00000000-0000-0000-0000-0000000b00${index}0`, name: `Rektor ${index}`, teamsId: `29:rektor-${index}` }));
      // Everyone has a personal chat with the bot on record, as after their first booking turn.
      const references = new ConversationReferenceStore(handle.db);
      const chats = new Map<string, string>();
      for (const member of [sara, ...rektorer]) {
        const conversationId = `a:chat-${randomUUID()}`;
        await references.save(userReferenceKey(member.teamsId), {
          channelId: 'msteams',
          serviceUrl: connector.serviceUrl,
          bot: BOT,
          user: { id: member.teamsId, name: member.name, aadObjectId: member.id },
          conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
          locale: 'sv-SE',
        });
        chats.set(member.teamsId, conversationId);
      }
      // Sara posts three times for Tuesday, and the rektorer book them on Monday morning (in the tab or the chat).
      const mondayMorning = instantAt({ year: 2025, month: 4, day: 14 }, 8, 0, STOCKHOLM);
      const request = { kind: 'anmalningsmote', date: { year: 2025, month: 4, day: 15 }, from: { hour: 10, minute: 0 }, to: { hour: 13, minute: 0 }, slotLengthMinutes: 45, bufferMinutes: 15, repeatWeeks: 1, place: 'Mottagningen Norr, rum 1' } as const;
      const posted = await new AvailabilityStore(handle.db).postAvailability(sara, 'norr', request, mondayMorning);
      if (posted.status !== 'posted') throw new Error(`no times posted: ${posted.problems.join(', ')}`);
      expect(posted.slots).toHaveLength(3);

      connector.delayPostsBy(SLOW_CONNECTOR_MS);
      const window = bookingWindow(mondayMorning, 14);
      const bookingStore = new BookingStore(handle.db);
      const bookingReferences = [];
      for (const [index, rektor] of rektorer.entries()) {
        const outcome = await bookingStore.bookSlot({ slotId: posted.slots[index]!.id, kind: 'anmalningsmote', bookedBy: rektor, school: 'Hallundaskolan', now: mondayMorning, earliestStart: window.from, alternativesUntil: window.to });
        if (outcome.status !== 'booked') throw new Error(`not booked: ${outcome.status}`);
        bookingReferences.push(outcome.booking.reference);
      }
      // Their reminders were due at 09.00, so each is due as soon as it is stored.
      const reminders = await settled(BOOKING_REMINDER_KIND);

      expect(reminders.map((row) => row.status)).toEqual(rektorer.map(() => 'sent'));
      for (const [index, rektor] of rektorer.entries()) {
        const received = connector.posted(chats.get(rektor.teamsId)).map((call) => JSON.stringify(call.body));
        expect(received).toHaveLength(1);
        expect(received[0]).toContain('Påminnelse: anmälningsmöte');
        expect(received[0]).toContain(bookingReferences[index]);
      }
      const toSara = connector.posted(chats.get(sara.teamsId)).map((call) => JSON.stringify(call.body));
      expect(toSara).toHaveLength(3);
      for (const reference of bookingReferences) expect(toSara.filter((text) => text.includes(reference))).toHaveLength(1);
    });
  });

  describe('when alerts stay untaken past their time', () => {
    it('reminds the channel and tells each requester to call, exactly once per alert', async () => {
      const requesters = Array.from({ length: 3 }, (_, index) => staffMember('alert', index));
      const alerts = [];
      for (const [index, requester] of requesters.entries()) alerts.push(await raiseAlert(index % 2 === 0 ? a : b, requester));
      const toRequestersBefore = requesters.map((requester) => textsTo(requester.conversationId).length);

      connector.delayPostsBy(SLOW_CONNECTOR_MS);
      await makeDue('escalation-unclaimed');
      const reminders = await settled('escalation-unclaimed');

      expect(reminders.map((row) => row.status)).toEqual(alerts.map(() => 'sent'));
      for (const alert of alerts) {
        const inThread = textsTo(`${NORR_CHANNEL};messageid=${alert.card.createdId}`);
        expect(inThread).toHaveLength(1);
        expect(inThread[0]).toMatch(/^\*\*Påminnelse:\*\* larmet från Hallundaskolan/);
      }
      for (const [index, requester] of requesters.entries()) {
        const received = textsTo(requester.conversationId).slice(toRequestersBefore[index]);
        expect(received).toHaveLength(1);
        expect(received[0]).toContain('Ingen på Mottagningssektion Norr har hunnit ta ditt larm ännu');
      }
      expect(new Set(reminders.map((row) => row.claimed_by_instance)).size).toBe(2);
    });
  });

  describe('when two socialsekreterare press "Jag tar det" on both instances at once', () => {
    it('lets exactly one take the alert, updates its card once and tells the requester once', async () => {
      const requester = staffMember('alert', 99);
      const { escalationId, card } = await raiseAlert(a, requester);
      const toRequesterBefore = textsTo(requester.conversationId).length;
      const press = (from: Person) => claimPress(from, escalationId, card);

      // Each presses twice (an impatient second tap), on both instances.
      const responses = await Promise.all([post(a, press(AHMED)), post(b, press(SARA)), post(b, press(AHMED)), post(a, press(SARA))]);

      const answers = responses.map((response) => {
        expect(response.status).toBe(200);
        return JSON.stringify(response.body);
      });
      const taken = answers.filter((answer) => !/hann före dig|Du har redan tagit det här larmet/.test(answer));
      expect(taken).toHaveLength(1);
      const winner = taken[0]!.includes(AHMED.name) ? AHMED : SARA;
      const loser = winner === AHMED ? SARA : AHMED;
      expect(answers.filter((answer) => answer.includes(`${winner.name} hann före dig`))).toHaveLength(2);
      expect(answers.filter((answer) => answer.includes('Du har redan tagit det här larmet'))).toHaveLength(1);
      for (const answer of answers) expect(answer).not.toContain(`${loser.name} tog larmet`);

      const updates = connector.updated(NORR_CHANNEL).filter((call) => call.activityId === card.createdId);
      expect(updates).toHaveLength(1);
      expect(JSON.stringify(updates[0]?.body)).toContain(`${winner.name} tog larmet`);
      const toRequester = textsTo(requester.conversationId).slice(toRequesterBefore);
      expect(toRequester).toHaveLength(1);
      expect(toRequester[0]).toContain(`**${winner.name}** på Mottagningssektion Norr har tagit ditt larm`);
    });
  });

  describe('when someone takes an alert while the other instance is sending its untaken reminder', () => {
    it('never tells the requester that nobody has taken it after telling them who did', async () => {
      const requester = staffMember('alert', 77);
      const { escalationId, card } = await raiseAlert(b, requester);
      const toRequesterBefore = textsTo(requester.conversationId).length;

      // A slow Bot Connector: the reminder is on its way for a while once an instance has claimed it.
      connector.delayPostsBy(1_000);
      await makeDue('escalation-unclaimed');
      const reminderStatus = async () =>
        (await handle.db.selectFrom('reminders').select('status').where('dedupe_key', '=', `escalation-unclaimed:${escalationId}`).executeTakeFirstOrThrow()).status;
      const deadline = Date.now() + 10_000;
      while ((await reminderStatus()) === 'pending') {
        if (Date.now() > deadline) throw new Error('no instance picked up the reminder');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      // Ahmed presses on the card as one instance sends the reminder (and taps again, on the other instance).
      const pressed = await Promise.all([post(a, claimPress(AHMED, escalationId, card)), post(b, claimPress(AHMED, escalationId, card))]);
      for (const response of pressed) expect(response.status).toBe(200);
      await settled('escalation-unclaimed');

      const received = textsTo(requester.conversationId).slice(toRequesterBefore);
      const told = received.findIndex((text) => text.includes('har tagit ditt larm'));
      expect(told, 'the requester is told who took the alert').toBeGreaterThanOrEqual(0);
      expect(received.filter((text) => text.includes('har tagit ditt larm'))).toHaveLength(1);
      expect(received.slice(told + 1).filter((text) => text.includes('har hunnit ta ditt larm'))).toEqual([]);
    });
  });
});
