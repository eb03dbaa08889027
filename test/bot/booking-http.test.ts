import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantAt } from '../../scheduling/clock.js';
import { messageActivity } from '../helpers/activities.js';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fake-bot-connector.js';
import { settableClock, startProactiveApp, type ProactiveApp } from '../helpers/proactive-app.js';

const AHMED = { id: '29:ahmed', name: 'Ahmed Socialsekreterare', aadObjectId: 'b0000000-0000-4000-8000-000000000001' };
const MARIA = { id: '29:maria', name: 'Maria Rektor', aadObjectId: 'b0000000-0000-4000-8000-000000000002' };
const ROLES = `people:
  - { role: socialsekreterare, area: sodra, aadObjectId: "${AHMED.aadObjectId}" }
  - { role: rektor, school: "Broängsskolan", aadObjectId: "${MARIA.aadObjectId}" }
`;
const PLACE = 'Mottagningen Södra, rum 2';

type Reply = { type: string; text?: string; attachments?: { contentType: string; content: any }[] };

/** Every node of an Adaptive Card (body, actions, nested). */
function nodes(card: any): any[] {
  const out: any[] = [];
  const visit = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node && typeof node === 'object') {
      if (typeof node.type === 'string') out.push(node);
      for (const [key, value] of Object.entries(node)) if (key !== 'data') visit(value);
    }
  };
  visit(card?.body);
  visit(card?.actions ?? []);
  return out;
}

function cardIn(replies: Reply[]): any {
  return replies.flatMap((reply) => reply.attachments ?? []).find((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}

/** What `user` types (or submits with `value`) in their personal chat with the bot, and the bot's replies. */
async function sayInPersonalChat(bot: ProactiveApp, connector: FakeBotConnector, user: typeof AHMED, text: string, value?: unknown): Promise<Reply[]> {
  const activity = { ...messageActivity(text, { conversationId: `a:personal-${user.id}`, userId: user.id, ...(value === undefined ? {} : { value }) }), from: user, serviceUrl: connector.serviceUrl };
  const { status, body } = await bot.post(activity);
  expect(status).toBe(200);
  return (body?.activities ?? []) as Reply[];
}

describe('availability and booking through /api/messages', () => {
  let connector: FakeBotConnector;
  let dataDir: string;
  let bot: ProactiveApp;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    dataDir = await mkdtemp(path.join(tmpdir(), 'samverkan-booking-'));
    await writeFile(path.join(dataDir, 'roles.yaml'), ROLES);
    bot = await startProactiveApp({
      clock: settableClock(instantAt({ year: 2026, month: 3, day: 6 }, 9, 0, 'Europe/Stockholm')),
      dataDir,
      env: { ROLES_FILE: path.join(dataDir, 'roles.yaml'), PUBLIC_BASE_URL: 'https://bot.example', BOOKING_LINK_SECRET: 'an-http-test-secret-long-enough-0123456' },
    });
  });

  afterAll(async () => {
    await bot.stop({ keepData: true });
    await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const say = (user: typeof AHMED, text: string, value?: unknown) => sayInPersonalChat(bot, connector, user, text, value);

  it('lets Ahmed post times and Maria book one; Ahmed hears of it, the .ics link works, and the logs hold no user text', async () => {
    const form = cardIn(await say(AHMED, 'lägg upp tider'));
    expect(nodes(form).filter((node) => node.type.startsWith('Input.')).map((node) => node.id)).toContain('place');
    const posted = await say(AHMED, '', { action: 'availability.post', kind: 'anmalningsmote', date: '2026-03-10', from: '09:00', to: '12:00', length: '45', buffer: '15', place: PLACE, repeatWeeks: '1' });
    expect(JSON.stringify(posted)).toContain('Klart! Jag har lagt upp 3 tider för anmälningsmöte hos Mottagningssektion Södra');

    const times = cardIn(await say(MARIA, 'boka anmälningsmöte'));
    const first = nodes(times).find((node) => node.type === 'Action.Submit' && node.data?.action === 'booking.pick');
    expect(first.title).toBe('tis 10 mars 09.00–09.45 · Ahmed');
    const planning = cardIn(await say(MARIA, '', first.data));
    const inputs = Object.fromEntries(nodes(planning).filter((node) => node.type === 'Input.ChoiceSet').map((node) => [node.id, node.value]));
    const book = nodes(planning).find((node) => node.type === 'Action.Submit' && node.title === 'Boka');
    const confirmation = cardIn(await say(MARIA, '', { ...inputs, ...book.data }));
    const facts = nodes(confirmation).find((node) => node.type === 'FactSet').facts as { title: string; value: string }[];
    const reference = facts.find((fact) => fact.title === 'Referens')!.value;
    expect(reference).toMatch(/^AM-/);

    const notified = await connector.waitFor((call) => call.conversationId === `a:personal-${AHMED.id}` && JSON.stringify(call.body ?? {}).includes('Ny bokning'), 1, 10_000);
    expect(JSON.stringify(notified[0]!.body)).toContain(reference);

    const link = nodes(confirmation).find((node) => node.type === 'Action.OpenUrl').url as string;
    const ics = await fetch(link.replace('https://bot.example', bot.baseUrl));
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain(`UID:${reference}\r\n`);

    expect(bot.logs.some((line) => line.includes('BOOKING_BOOKED'))).toBe(true);
    expect(bot.logs.filter((line) => line.includes(PLACE) || line.includes('Broängsskolan'))).toEqual([]);
  });

  it('refuses a street address in the place field before the dialog sees it', async () => {
    await say(AHMED, 'lägg upp tider');
    const replies = await say(AHMED, '', { action: 'availability.post', kind: 'anmalningsmote', date: '2026-03-11', from: '09:00', to: '10:00', length: '45', buffer: '15', place: 'Tumba torg 2', repeatWeeks: '1' });
    expect(JSON.stringify(replies)).not.toContain('Klart!');
  });

  it('keeps bookings out of channels, where everybody would see them and could press on', async () => {
    const activity = { ...messageActivity('boka anmälningsmöte', { kind: 'channel', userId: MARIA.id }), from: MARIA, serviceUrl: connector.serviceUrl };
    const { body } = await bot.post(activity);
    const replies = (body?.activities ?? []) as Reply[];
    expect(replies.map((reply) => reply.text).join('\n')).toContain('Tider och bokningar sköter du i en personlig chatt med mig');
    expect(cardIn(replies)).toBeUndefined();
  });
});

describe('booking in local mode, without a public address', () => {
  let connector: FakeBotConnector;
  let dataDir: string;
  let bot: ProactiveApp;

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    dataDir = await mkdtemp(path.join(tmpdir(), 'samverkan-booking-local-'));
    await writeFile(path.join(dataDir, 'roles.yaml'), ROLES);
    bot = await startProactiveApp({
      clock: settableClock(instantAt({ year: 2026, month: 3, day: 6 }, 9, 0, 'Europe/Stockholm')),
      dataDir,
      env: { ROLES_FILE: path.join(dataDir, 'roles.yaml') },
    });
  });

  afterAll(async () => {
    await bot.stop({ keepData: true });
    await connector.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const say = (user: typeof AHMED, text: string, value?: unknown) => sayInPersonalChat(bot, connector, user, text, value);

  it('gives Maria a calendar file from this machine, and tells her whom to call when Ahmed cannot be reached', async () => {
    await say(AHMED, 'lägg upp tider');
    await say(AHMED, '', { action: 'availability.post', kind: 'anmalningsmote', date: '2026-03-10', from: '09:00', to: '10:00', length: '45', buffer: '15', place: PLACE, repeatWeeks: '1' });
    const times = cardIn(await say(MARIA, 'boka anmälningsmöte'));
    const pick = nodes(times).find((node) => node.type === 'Action.Submit' && node.data?.action === 'booking.pick');
    const planning = cardIn(await say(MARIA, '', pick.data));
    const inputs = Object.fromEntries(nodes(planning).filter((node) => node.type === 'Input.ChoiceSet').map((node) => [node.id, node.value]));
    const book = nodes(planning).find((node) => node.type === 'Action.Submit' && node.title === 'Boka');

    connector.failPostsWith(502);
    const replies = await say(MARIA, '', { ...inputs, ...book.data });
    connector.failPostsWith(undefined);

    const confirmation = cardIn(replies);
    const text = nodes(confirmation).filter((node) => node.type === 'TextBlock').map((node) => node.text).join('\n');
    expect(text).toContain('Anmälningsmötet är bokat');
    expect(text).toContain('välj **Lägg till i kalendern (.ics)** och öppna filen');
    expect(replies.map((reply) => reply.text ?? '').join('\n')).toContain('Bokningen är gjord och sparad, men jag kunde inte skicka bekräftelsen till Ahmed Socialsekreterare i Teams just nu. Ring Mottagningssektion Södra');
    expect(bot.logs.some((line) => line.includes('"BOOKING_NOTIFY_FAILED"'))).toBe(true);
    expect(bot.logs.some((line) => line.includes('"BOOKING_OWNER_NOT_NOTIFIED"'))).toBe(true);

    const link = nodes(confirmation).find((node) => node.type === 'Action.OpenUrl').url as string;
    expect(link.startsWith(`${bot.baseUrl}/api/bookings/AM-`)).toBe(true);
    const ics = await fetch(link);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VEVENT');
    const forged = await fetch(link.replace(/signature=[^&]+/, 'signature=forged'));
    expect(forged.status).toBe(403);
  });
});
