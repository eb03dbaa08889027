import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { wireInsights, type InsightsWiring } from '../../bot/insights-wiring.js';
import type { KnowledgeBase } from '../../knowledge/load-knowledge.js';
import { createRoleDirectory } from '../../municipality/roles.js';
import { createLogger } from '../../observability/logger.js';
import { PrivacyGuard } from '../../privacy/index.js';
import type { DatabaseHandle } from '../../storage/index.js';
import { messageActivity } from './activities.js';
import type { FakeBotConnector } from './fake-bot-connector.js';
import type { ProactiveApp, SettableClock } from './proactive-app.js';
import { tabClient } from './tab-client.js';
import { submitInputs } from '../dialogs/booking-harness.js';
import { buttonData } from '../dialogs/dialog-harness.js';

/** Monday 9 March 2026, 09.00 in Stockholm (ISO week 2026-W11): when the traffic starts. */
/** The statistics wired as the bot wires them, on a test database: no roles, no known schools, a real guard. */
export function wireTestInsights(handle: DatabaseHandle, knowledge: KnowledgeBase, clock: SettableClock, retentionMonths = 24): InsightsWiring {
  return wireInsights({
    config: { insights: { retentionMonths, saltRotationDays: 28 } },
    db: handle.db,
    knowledge,
    roles: createRoleDirectory([]),
    profiles: { schoolOf: async () => undefined },
    guard: new PrivacyGuard(),
    clock,
    logger: createLogger('silent'),
  });
}

export const TRAFFIC_START = new Date('2026-03-09T08:00:00Z');
/** The week all the traffic falls in. */
export const TRAFFIC_WEEK = '2026-W11';

const BOT = { id: '28:samverkansboten', name: 'Samverkansboten' };
const TEAM_ID = '19:mottagningen-team@thread.tacv2';
/** Mottagningssektion Norr's akut channel. */
export const NORR_CHANNEL = '19:akut-norr@thread.tacv2';
const MINUTE = 60_000;

/** A staff member as Teams sends them. */
export interface Person {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
  readonly upn: string;
}

function person(n: number, name: string, upn: string): Person {
  const aadObjectId = `a1b2c3d4-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id: `29:${aadObjectId}`, aadObjectId, name, upn };
}

/** Six teachers and kuratorer at Hallundaskolan (Norr), who ask, raise alerts and give feedback. */
export const STAFF: readonly Person[] = [1, 2, 3, 4, 5, 6].map((n) => person(n, `Personal ${n}`, `personal${n}@botkyrka.se`));
/** Socialsekreterare at Mottagningssektion Norr, who takes the alerts. */
export const AHMED = person(20, 'Ahmed Hassan', 'ahmed.hassan@botkyrka.se');
/** Socialsekreterare at Mottagningssektion Södra, who posts anmälningsmöte times. */
export const SARA = person(21, 'Sara Lind', 'sara.lind@botkyrka.se');
/** Five rektorer in Södra; Maria (the first) goes through the orosanmälan in the chat before she books. */
export const REKTORER: readonly (Person & { readonly school: string })[] = [
  { ...person(30, 'Maria Berg', 'maria.berg@botkyrka.se'), school: 'Broängsskolan' },
  { ...person(31, 'Rektor Storvret', 'rektor.storvret@botkyrka.se'), school: 'Storvretskolan' },
  { ...person(32, 'Rektor Tuna', 'rektor.tuna@botkyrka.se'), school: 'Tunaskolan' },
  { ...person(33, 'Rektor Björkhaga', 'rektor.bjorkhaga@botkyrka.se'), school: 'Björkhaga skola' },
  { ...person(34, 'Rektor Riksten', 'rektor.riksten@botkyrka.se'), school: 'Rikstens skola' },
];
/** The ledningsgrupp: may open the statistics. */
export const LENA = person(40, 'Lena Ledning', 'lena.ledning@botkyrka.se');
/** The knowledge owner (JOURNEYS: Anna). */
export const ANNA = person(41, 'Anna Kunskap', 'anna.kunskap@botkyrka.se');

/** Writes the roles file for the insights tests into `dir` and returns its path. */
export async function writeInsightRolesFile(dir: string): Promise<string> {
  const file = path.join(dir, 'roles.yaml');
  const line = (role: string, who: Person, extra = '') => `  - { role: ${role},${extra} aadObjectId: "${who.aadObjectId}", upn: "${who.upn}" }`;
  await writeFile(
    file,
    [
      'people:',
      line('socialsekreterare', AHMED, ' area: norr,'),
      line('socialsekreterare', SARA, ' area: sodra,'),
      ...REKTORER.map((rektor) => line('rektor', rektor, ` school: "${rektor.school}",`)),
      line('ledning', LENA),
      line('kunskapsagare', ANNA),
      ...STAFF.map((staff) => line('elevhalsa', staff)),
      '',
    ].join('\n'),
  );
  return file;
}

/** What the traffic typed (every message text and feedback comment) and what the bot answered. */
export interface Traffic {
  readonly typed: string[];
}

/**
 * Realistic traffic through real HTTP /api/messages (and the tab API for posting and booking times):
 * answers, declined questions, guard refusals, akut alerts taken after a few minutes, one untaken,
 * a consultation, an orosanmälan that leads to a booked anmälningsmöte, more bookings, and 👍/👎.
 */
export async function driveTraffic(bot: ProactiveApp, connector: FakeBotConnector, clock: SettableClock): Promise<Traffic> {
  const typed: string[] = [];
  const post = async (activity: Record<string, unknown>) => {
    const response = await bot.post({ ...activity, serviceUrl: connector.serviceUrl });
    expect(response.status).toBe(200);
    return (response.body?.activities ?? []) as { id?: string; text?: string; channelData?: Record<string, unknown>; attachments?: unknown[] }[];
  };
  const chat = (who: Person) => {
    const conversationId = `a:personal-${who.aadObjectId}`;
    const base = { userId: who.id, aadObjectId: who.aadObjectId, name: who.name, conversationId };
    return {
      say: (text: string) => {
        typed.push(text);
        return post(messageActivity(text, base));
      },
      press: (value: unknown) => post(messageActivity('', { ...base, value })),
    };
  };

  // The bot is in the mottagningssektion's team, so alerts reach Norr's channel.
  connector.setTeamChannels(TEAM_ID, [{ id: TEAM_ID, name: 'General' }, { id: NORR_CHANNEL, name: 'Akuta larm' }]);
  await post({
    type: 'conversationUpdate',
    id: randomUUID(),
    channelId: 'msteams',
    from: { id: AHMED.id, name: AHMED.name, aadObjectId: AHMED.aadObjectId },
    recipient: BOT,
    conversation: { id: TEAM_ID, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    membersAdded: [BOT],
    channelData: { tenant: { id: 'tenant-1' }, eventType: 'teamMemberAdded', team: { id: TEAM_ID, name: 'Mottagningen' } },
  });

  // The staff tell the bot their school once (a button press, not typed).
  for (const staff of STAFF) {
    await chat(staff).press({ action: 'menu', routine: 'skola' });
    await chat(staff).press({ action: 'school.choose', school: 'hallundaskolan' });
  }

  // Answers: six ask about the duty to report, one about the investigation.
  const answerIds: string[] = [];
  for (const staff of STAFF) {
    const replies = await chat(staff).say('Måste vi vara säkra innan vi anmäler?');
    const answer = replies.find((reply) => reply.channelData?.feedbackLoopEnabled === true);
    expect(answer?.id).toBeTruthy();
    answerIds.push(answer!.id!);
  }
  await chat(STAFF[0]!).say('Hur länge får en utredning ta?');

  // Declined: five different people ask about school transport; one of them twice; two other gaps once.
  const gapQuestions = [
    'Vilka regler gäller för skolskjuts?',
    'Hur bokar man skolskjuts till utflykten?',
    'Skolskjuts vid sportlovet, vem betalar?',
    'Kostar skolskjuts något för familjen?',
    'Behövs tillstånd för skolskjuts på helger?',
  ];
  for (const [index, question] of gapQuestions.entries()) await chat(STAFF[index]!).say(question);
  await chat(STAFF[0]!).say('Gäller skolskjuts även taxiresor?');
  await chat(STAFF[1]!).say('Hur fungerar lunchmatsedeln?');
  await chat(STAFF[2]!).say('Var finns nyckeln till gympasalen?');

  // Refused by the guard: a personnummer and a name.
  await chat(STAFF[3]!).say('Eleven har personnummer 140312-2386, vad gör vi?');
  await chat(STAFF[4]!).say('Vi är oroliga för Leonora Abdirahman i 4B, hon verkar hungrig');

  // Feedback: five 👍 and one 👎, each with a comment, which is never stored.
  const feedback = async (who: Person, replyToId: string, reaction: 'like' | 'dislike', comment: string) => {
    typed.push(comment);
    const response = await bot.post({
      type: 'invoke',
      name: 'message/submitAction',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: who.id, name: who.name, aadObjectId: who.aadObjectId },
      recipient: BOT,
      replyToId,
      conversation: { id: `a:personal-${who.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      value: { actionName: 'feedback', actionValue: { reaction, feedback: JSON.stringify({ feedbackText: comment }) } },
    });
    expect(response.status).toBe(200);
  };
  for (const [index, staff] of STAFF.slice(0, 5).entries()) await feedback(staff, answerIds[index]!, 'like', 'Tydligt och begripligt, tack');
  await feedback(STAFF[5]!, answerIds[5]!, 'dislike', 'Saknar telefontiderna under lovet');
  // A comment with a name is refused by the guard like any message: nothing of it is counted or kept.
  await feedback(STAFF[4]!, answerIds[4]!, 'like', 'Bra, men vad gäller för Fredrikssons klass?');

  // Akut oro: five alerts taken after 3, 7, 12, 8 and 20 minutes; a sixth nobody takes in time.
  const raiseAlert = async (who: Person): Promise<string> => {
    const before = connector.posted(NORR_CHANNEL).length;
    await chat(who).say('En elev berättar att pappa slog henne med bälte i helgen, vad gör jag');
    await chat(who).press({ action: 'akut.escalate' });
    const posted = connector.posted(NORR_CHANNEL);
    expect(posted).toHaveLength(before + 1);
    const card = posted.at(-1)?.body?.attachments?.[0]?.content as { actions: { verb?: string; data?: { escalationId?: string } }[] };
    return card.actions.find((action) => action.verb === 'claimEscalation')!.data!.escalationId!;
  };
  for (const [index, minutes] of [3, 7, 12, 8, 20].entries()) {
    const escalationId = await raiseAlert(STAFF[index]!);
    clock.advance(minutes * MINUTE);
    const response = await bot.post({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      from: { id: AHMED.id, name: AHMED.name, aadObjectId: AHMED.aadObjectId },
      recipient: BOT,
      replyToId: 'activity-1',
      conversation: { id: `${NORR_CHANNEL};messageid=activity-1`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' }, channel: { id: NORR_CHANNEL }, team: { id: TEAM_ID } },
      value: { action: { type: 'Action.Execute', verb: 'claimEscalation', data: { escalationId } }, trigger: 'manual' },
    });
    expect(response.status).toBe(200);
  }
  await raiseAlert(STAFF[5]!);
  clock.advance(11 * MINUTE);
  await bot.app.reminderWorker.runOnce(clock.now());

  // An anonymous consultation with the four button questions.
  const johan = chat(STAFF[5]!);
  await johan.press({ action: 'menu', routine: 'konsultation' });
  await johan.press({ action: 'consultation.ageGroup', choice: 'forskola' });
  await johan.press({ action: 'consultation.concern', choice: 'behov' });
  await johan.press({ action: 'consultation.duration', choice: 'veckor' });
  await johan.press({ action: 'consultation.schoolActions', choices: 'vardnadshavare,elevhalsan' });

  // Sara posts anmälningsmöte times for the week in Södra (through the tab).
  const sara = tabClient(bot.baseUrl, { 'x-dev-user': SARA.upn });
  for (const date of ['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']) {
    const posted = await sara.postSlots({ kind: 'anmalningsmote', date, from: '13:00', to: '15:15', slotLengthMinutes: 60, bufferMinutes: 15, repeatWeeks: 1, place: 'Mottagningen Södra' });
    expect(posted.status).toBe(201);
  }

  // Maria walks through the orosanmälan in the chat, then books the anmälningsmöte.
  const maria = chat(REKTORER[0]!);
  await maria.press({ action: 'menu', routine: 'orosanmalan' });
  await maria.press({ action: 'orosanmalan.acute', acute: false });
  await maria.press({ action: 'school.choose', school: 'broangsskolan' });
  for (const step of ['anmalningsskyldighet', 'skriftlig-anmalan', 'anmalningsmote']) await maria.press({ action: 'orosanmalan.next', step });
  const offer = (await maria.press({ action: 'orosanmalan.reminder', want: false })).at(-1);
  // She presses the offer's booking button, picks Tuesday 13.00 and keeps the routine's planning answers.
  const times = (await maria.press(buttonData(offer as never, /anmälningsmöte/i))).at(-1);
  const planning = (await maria.press(buttonData(times as never, /tis 10 mars 13\.00/))).at(-1);
  const confirmation = await maria.press(submitInputs(planning as never, 'Boka'));
  expect(JSON.stringify(confirmation)).toContain('Anmälningsmötet är bokat');

  // Four more rektorer book in the tab: Wednesday, Thursday and twice Friday (with Maria's: 1, 2, 3, 4 and 4 days ahead).
  const dates = ['Tisdag 10 mars', 'Onsdag 11 mars', 'Torsdag 12 mars', 'Fredag 13 mars', 'Fredag 13 mars'];
  let reference = '';
  for (const [index, rektor] of REKTORER.entries()) {
    if (index === 0) continue;
    const client = tabClient(bot.baseUrl, { 'x-dev-user': rektor.upn });
    const week = await client.week('2026-03-09');
    const day = (week.body.days as { label: string; entries: { id: string; kind: string; state: string }[] }[]).find((d) => d.label === dates[index]);
    const free = day?.entries.find((entry) => entry.kind === 'anmalningsmote' && entry.state === 'free');
    expect(free, `a free time ${dates[index]}`).toBeDefined();
    const booked = await client.book({ slotId: free!.id, kind: 'anmalningsmote' });
    expect(booked.status).toBe(201);
    reference = booked.body.reference ?? booked.body.booking?.reference ?? reference;
  }
  // The last one is cancelled again.
  const last = tabClient(bot.baseUrl, { 'x-dev-user': REKTORER[4]!.upn });
  if (reference) expect((await last.cancelBooking(reference)).status).toBe(200);
  return { typed };
}
