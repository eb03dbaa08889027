import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { settableClock, startProactiveApp, type ProactiveApp } from '../helpers/proactive-app.js';

const MARIA = { id: '29:maria', name: 'Maria Rektor', aadObjectId: '00000000-0000-0000-0000-0000000000b1' };
// Tuesday 6 May 2025, 10.00 in Stockholm; day 14 is Tuesday 20 May.
const REPORT_DAY = new Date('2025-05-06T08:00:00.000Z');
const DAY = 24 * 60 * 60_000;

let connector: FakeBotConnector;
let dataDir: string;
const running: ProactiveApp[] = [];

beforeEach(async () => {
  connector = await startFakeBotConnector();
  dataDir = await mkdtemp(path.join(tmpdir(), 'samverkan-reminders-'));
});

afterEach(async () => {
  for (const app of running.splice(0)) await app.stop({ keepData: true });
  await connector.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts a bot instance on the shared SQLite file, as one of several instances or after a restart. */
async function startInstance(now: Date): Promise<ProactiveApp> {
  const app = await startProactiveApp({ clock: settableClock(now), dataDir });
  running.push(app);
  return app;
}

async function stopInstance(app: ProactiveApp): Promise<void> {
  running.splice(running.indexOf(app), 1);
  await app.stop({ keepData: true });
}

/**
 * Maria's orosanmälan walk-through up to "Vill du ha en påminnelse dag 14?" and her "ja". Answers by
 * text, as the cards' text alternatives allow; "nästa" until the reminder question shows.
 */
async function mariaAsksForDay14Reminder(app: ProactiveApp, conversationId: string): Promise<string> {
  const say = async (text: string, value?: unknown) => {
    const activity = { ...messageActivity(text, { conversationId, userId: MARIA.id, ...(value === undefined ? {} : { value }) }), from: MARIA, serviceUrl: connector.serviceUrl };
    const response = await app.post(activity);
    expect(response.status).toBe(200);
    return JSON.stringify(response.body?.activities ?? []);
  };
  await say('', { action: 'menu', routine: 'orosanmalan' });
  await say('nej');
  let replies = await say('Tunaskolan');
  for (let step = 0; step < 6 && !replies.includes('orosanmalan.reminder'); step += 1) replies = await say('nästa');
  expect(replies).toContain('orosanmalan.reminder');
  return say('ja');
}

function day14Posts(conversationId: string) {
  return connector.posted(conversationId).filter((call) => String(call.body?.text ?? '').startsWith('Det har gått 14 dagar sedan anmälan.'));
}

describe('reminders', () => {
  describe('when Maria asks for the day-14 reminder and the bot restarts before then', () => {
    it('sends it on day 14, once, citing what the school may be told', async () => {
      const conversationId = `a:maria-${randomUUID()}`;
      const first = await startInstance(REPORT_DAY);
      const confirmation = await mariaAsksForDay14Reminder(first, conversationId);
      expect(confirmation).toContain('Klart! Jag påminner dig tisdag 20 maj');
      await stopInstance(first);

      const afterRestart = await startInstance(new Date(REPORT_DAY.getTime() + 14 * DAY));
      const dayBefore = await afterRestart.app.reminderWorker.runOnce(new Date(REPORT_DAY.getTime() + 13 * DAY));
      const onDay14 = await afterRestart.app.reminderWorker.runOnce(new Date(REPORT_DAY.getTime() + 14 * DAY + 60_000));
      const dayAfter = await afterRestart.app.reminderWorker.runOnce(new Date(REPORT_DAY.getTime() + 15 * DAY));

      expect([dayBefore.sent, onDay14.sent, dayAfter.sent]).toEqual([0, 1, 0]);
      const [reminder, ...more] = day14Posts(conversationId);
      expect(more).toEqual([]);
      expect(reminder?.body?.text).toContain('Har skolan fått återkoppling från socialtjänsten? Det här får skolan veta:');
      expect(reminder?.body?.text).toContain('om utredning **inleds eller inte**');
      expect(reminder?.body?.text).toContain('har inletts, inte har inletts eller redan pågår');
      expect(reminder?.body?.text).toMatch(/fråga mottagningssektionen\.[^\n]* \[1\]/);
      const citations = reminder?.body?.entities?.[0]?.citation as { appearance: { name: string } }[];
      expect(citations.map((c) => c.appearance.name)).toEqual(['Vad får förskolan/skolan veta efter en anmälan?']);
    });
  });

  describe('when day 14 is Kristi himmelsfärdsdag', () => {
    it('reminds on the working day before and says why it comes early', async () => {
      const conversationId = `a:maria-${randomUUID()}`;
      // Thursday 15 May 2025, 10.00: day 14 is Thursday 29 May, Kristi himmelsfärdsdag.
      const reportDay = new Date('2025-05-15T08:00:00.000Z');
      const app = await startInstance(reportDay);
      const confirmation = await mariaAsksForDay14Reminder(app, conversationId);
      expect(confirmation).toContain('Klart! Jag påminner dig onsdag 28 maj');

      const tuesday = await app.app.reminderWorker.runOnce(new Date(reportDay.getTime() + 12 * DAY + 60_000));
      const wednesday = await app.app.reminderWorker.runOnce(new Date(reportDay.getTime() + 13 * DAY + 60_000));
      expect([tuesday.sent, wednesday.sent]).toEqual([0, 1]);
      const [reminder] = connector.posted(conversationId).filter((call) => String(call.body?.text ?? '').startsWith('Dag 14 efter anmälan'));
      expect(reminder?.body?.text).toMatch(/^Dag 14 efter anmälan är torsdag 29 maj, då ska förhandsbedömningen vara klar\. Eftersom det inte är en arbetsdag påminner jag redan nu\. Har skolan fått återkoppling/);
    });
  });

  describe('when two bot instances share the database', () => {
    it('sends a due reminder from only one of them', async () => {
      const conversationId = `a:maria-${randomUUID()}`;
      const scheduling = await startInstance(REPORT_DAY);
      await mariaAsksForDay14Reminder(scheduling, conversationId);
      await stopInstance(scheduling);
      const day14 = new Date(REPORT_DAY.getTime() + 14 * DAY + 60_000);
      const one = await startInstance(day14);
      const two = await startInstance(day14);

      // One after the other: two handles on one SQLite file in one process would wait on each other's
      // lock synchronously. The concurrent claim itself is raced in test/storage/reminder-store.test.ts.
      const passes = [await one.app.reminderWorker.runOnce(day14), await two.app.reminderWorker.runOnce(day14)];

      expect(passes.map((pass) => pass.sent).sort()).toEqual([0, 1]);
      expect(day14Posts(conversationId)).toHaveLength(1);
    });
  });

  describe('when Maria presses "ja" twice', () => {
    it('still reminds her once', async () => {
      const conversationId = `a:maria-${randomUUID()}`;
      const app = await startInstance(REPORT_DAY);
      await mariaAsksForDay14Reminder(app, conversationId);
      await mariaAsksForDay14Reminder(app, conversationId);

      await app.app.reminderWorker.runOnce(new Date(REPORT_DAY.getTime() + 14 * DAY + 60_000));

      expect(day14Posts(conversationId)).toHaveLength(1);
    });
  });

  describe('when Teams cannot be reached on day 14', () => {
    it('tries again later and sends it once Teams answers', async () => {
      const conversationId = `a:maria-${randomUUID()}`;
      const app = await startInstance(REPORT_DAY);
      await mariaAsksForDay14Reminder(app, conversationId);
      const day14 = REPORT_DAY.getTime() + 14 * DAY + 60_000;

      connector.failPostsWith(403);
      const failed = await app.app.reminderWorker.runOnce(new Date(day14));
      connector.failPostsWith(undefined);
      const tooSoon = await app.app.reminderWorker.runOnce(new Date(day14 + 30_000));
      const retried = await app.app.reminderWorker.runOnce(new Date(day14 + 2 * 60_000));

      expect([failed.retried, tooSoon.sent, retried.sent]).toEqual([1, 0, 1]);
      expect(day14Posts(conversationId)).toHaveLength(1);
      expect(app.logs.some((line) => line.includes('REMINDER_RETRY'))).toBe(true);
    });
  });

  describe('when the worker polls on its own', () => {
    it('sends a due reminder without being asked, and stops when the app closes', async () => {
      const conversationId = `a:maria-${randomUUID()}`;
      const scheduling = await startInstance(REPORT_DAY);
      await mariaAsksForDay14Reminder(scheduling, conversationId);
      await stopInstance(scheduling);

      const polling = await startProactiveApp({ clock: settableClock(new Date(REPORT_DAY.getTime() + 14 * DAY + 60_000)), dataDir, env: { REMINDER_POLL_MS: '1000' } });
      running.push(polling);

      await connector.waitFor((call) => call.conversationId === conversationId && String(call.body?.text ?? '').startsWith('Det har gått 14 dagar'), 1, 10_000);
      await stopInstance(polling);
      expect(day14Posts(conversationId)).toHaveLength(1);
    });
  });
});
