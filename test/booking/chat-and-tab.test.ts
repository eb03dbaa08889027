import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../scheduling/clock.js';
import { cardNodes, cardOf } from '../dialogs/dialog-harness.js';
import { startAppUnderTest, type AppUnderTest, type ReplyActivity } from '../helpers/app-under-test.js';
import { chooseSchoolInChat, personalChat, type ChatPerson } from '../helpers/chat-steps.js';
import { entriesOf, tabClient } from '../helpers/tab-client.js';
import { TAB_TEST_NOW } from '../helpers/tab-fixtures.js';

/**
 * The same booking scenario through the chat (real HTTP to /api/messages) and through the tab (its
 * JSON API, dev sign-in): both are adapters over one booking service, so they must agree — on who
 * may book, in which area, and which free times are offered.
 */

const TUESDAY = '2026-03-10';
const people = {
  ahmed: { aadObjectId: 'c0000000-0000-4000-8000-000000000001', name: 'Ahmed Hassan', upn: 'ahmed@botkyrka.se' },
  sara: { aadObjectId: 'c0000000-0000-4000-8000-000000000002', name: 'Sara Lind', upn: 'sara@botkyrka.se' },
  /** A rektor whose school the roles file does not name. */
  rut: { aadObjectId: 'c0000000-0000-4000-8000-000000000003', name: 'Rut Rektor', upn: 'rut@botkyrka.se' },
  /** A kurator at Hallundaskolan (Norr). */
  leila: { aadObjectId: 'c0000000-0000-4000-8000-000000000004', name: 'Leila Karimi', upn: 'leila@botkyrka.se' },
} as const satisfies Record<string, ChatPerson & { upn: string }>;

describe('booking through the chat and the tab', () => {
  let bot: AppUnderTest;
  const tab = (person: keyof typeof people) => tabClient(bot.baseUrl, { 'x-dev-user': people[person].upn });
  const chat = (person: keyof typeof people) => personalChat(bot, people[person]);
  let norr: { konsultation: string[]; anmalningsmote: string[] };
  let sodraKonsultationer: string[];

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'chat-and-tab-'));
    const rolesFile = path.join(dir, 'roles.yaml');
    const p = people;
    await writeFile(
      rolesFile,
      [
        'people:',
        `  - { role: socialsekreterare, area: norr, aadObjectId: "${p.ahmed.aadObjectId}", upn: "${p.ahmed.upn}" }`,
        `  - { role: socialsekreterare, area: sodra, aadObjectId: "${p.sara.aadObjectId}", upn: "${p.sara.upn}" }`,
        `  - { role: rektor, aadObjectId: "${p.rut.aadObjectId}", upn: "${p.rut.upn}" }`,
        `  - { role: elevhalsa, aadObjectId: "${p.leila.aadObjectId}", upn: "${p.leila.upn}" }`,
        '',
      ].join('\n'),
    );
    bot = await startAppUnderTest({ AUTH_MODE: 'dev', ROLES_FILE: rolesFile, REMINDER_POLL_MS: '0' }, dir, { clock: fixedClock(TAB_TEST_NOW) });

    const times = { date: TUESDAY, from: '13:00', to: '15:00', slotLengthMinutes: 45, bufferMinutes: 15, repeatWeeks: 1 };
    await tab('ahmed').postSlots({ ...times, kind: 'konsultation' });
    await tab('ahmed').postSlots({ ...times, kind: 'anmalningsmote', date: '2026-03-11', place: 'Mottagningen Norr, rum 2' });
    await tab('sara').postSlots({ ...times, kind: 'konsultation' });
    const ownSlots = async (person: 'ahmed' | 'sara', kind: string) =>
      entriesOf((await tab(person).week()).body)
        .filter((entry) => entry.kind === kind)
        .map((entry) => entry.id)
        .sort();
    norr = { konsultation: await ownSlots('ahmed', 'konsultation'), anmalningsmote: await ownSlots('ahmed', 'anmalningsmote') };
    sodraKonsultationer = await ownSlots('sara', 'konsultation');
  });

  afterAll(async () => {
    await bot?.stop();
  });

  describe('when a rektor has no school in roles.yaml', () => {
    it('is refused free times in both until the school is known, then both offer the same anmälningsmöten in its area', async () => {
      const tabBefore = await tab('rut').week();
      const tabBookBefore = await tab('rut').book({ slotId: norr.anmalningsmote[0], kind: 'anmalningsmote' });
      const chatBefore = await chat('rut').say('boka anmälningsmöte');

      expect(tabBefore.body.notices.join(' ')).toMatch(/Välj din förskola eller skola/);
      expect(tabBefore.body.school).toMatchObject({ current: null });
      expect(freeIds(tabBefore.body, 'anmalningsmote')).toEqual([]);
      expect(tabBookBefore.status).toBe(403);
      expect(tabBookBefore.body.code).toBe('TAB_SCHOOL_UNKNOWN');
      expect(cardText(chatBefore)).toContain('Vilken förskola eller skola arbetar du på?');
      expect(pickedSlotIds(chatBefore)).toEqual([]);

      // She answers the chat's school question with Hallundaskolan (Norr): the booking goes on in the chat …
      const chatAfter = await chat('rut').press({ action: 'school.choose', school: 'hallundaskolan' });
      const tabAfter = await tab('rut').week();

      // … and the tab, reading the same profile, offers exactly the same times.
      expect(pickedSlotIds(chatAfter)).toEqual(norr.anmalningsmote);
      expect(freeIds(tabAfter.body, 'anmalningsmote')).toEqual(norr.anmalningsmote);
      expect(tabAfter.body.notices.join(' ')).toContain('Mottagningssektion Norr');
      await chat('rut').say('avbryt');
    });

    it('books in both, and the slot one of them booked is gone from the other', async () => {
      const byTab = await tab('rut').book({ slotId: norr.anmalningsmote[0], kind: 'anmalningsmote' });
      const chatNow = await chat('rut').say('boka anmälningsmöte');

      expect(byTab.status).toBe(201);
      expect(pickedSlotIds(chatNow)).toEqual(norr.anmalningsmote.slice(1));
      expect(freeIds((await tab('rut').week()).body, 'anmalningsmote')).toEqual(norr.anmalningsmote.slice(1));
      await chat('rut').say('avbryt');
    });
  });

  describe('when elevhälsa look for konsultationer', () => {
    it('are offered those of their own area only, in the chat and in the tab alike', async () => {
      await chooseSchoolInChat(bot, people.leila, 'hallundaskolan');

      const chatOffer = await chat('leila').say('boka konsultation');
      const tabOffer = await tab('leila').week();
      await chat('leila').say('avbryt');

      expect(pickedSlotIds(chatOffer)).toEqual(norr.konsultation);
      expect(freeIds(tabOffer.body, 'konsultation')).toEqual(norr.konsultation);
      expect(freeIds(tabOffer.body, 'konsultation')).not.toEqual(expect.arrayContaining([sodraKonsultationer[0]]));
    });

    it('cannot book a konsultation in the other area in either', async () => {
      const otherArea = sodraKonsultationer[0]!;
      const byTab = await tab('leila').book({ slotId: otherArea, kind: 'konsultation' });
      await chat('leila').say('boka konsultation');
      // A pick of the other area's slot, as a forged or stale card would send it.
      const byChat = await chat('leila').press({ action: 'booking.pick', slotId: otherArea });
      await chat('leila').say('avbryt');
      const saras = entriesOf((await tab('sara').week()).body).find((entry) => entry.id === otherArea);

      expect(byTab.status).toBe(403);
      expect(byTab.body.code).toBe('TAB_SLOT_OTHER_AREA');
      expect(cardText(byChat)).toContain('Den tiden är inte längre ledig');
      expect(saras?.state).toBe('free');
    });
  });

  describe('when the school is changed in the tab', () => {
    it('is the chat’s school too: the chat then offers the new area’s konsultationer', async () => {
      const changed = await tab('leila').chooseSchool('tunaskolan');
      const chatOffer = await chat('leila').say('boka konsultation');
      await chat('leila').say('avbryt');

      expect(changed.status).toBe(200);
      expect(pickedSlotIds(chatOffer)).toEqual(sodraKonsultationer.slice(0, pickedSlotIds(chatOffer).length));
      expect(pickedSlotIds(chatOffer).length).toBeGreaterThan(0);
      expect(freeIds((await tab('leila').week()).body, 'konsultation')).toEqual(pickedSlotIds(chatOffer));
    });
  });

  describe('when elevhälsa have not told the bot their school', () => {
    it('are asked for it in the chat before any times are offered', async () => {
      const stranger = { aadObjectId: 'c0000000-0000-4000-8000-000000000009', name: 'Kim Kurator' };
      const chatOffer = await personalChat(bot, stranger).say('boka konsultation');

      expect(cardText(chatOffer)).toContain('Vilken förskola eller skola arbetar du på?');
      expect(pickedSlotIds(chatOffer)).toEqual([]);
    });
  });
});

/** The free slots of a kind in a tab week, by id. */
function freeIds(week: unknown, kind: string): string[] {
  return entriesOf(week)
    .filter((entry) => entry.state === 'free' && entry.kind === kind)
    .map((entry) => entry.id)
    .sort();
}

/** The slot ids on the chat's free-times buttons. */
function pickedSlotIds(replies: readonly ReplyActivity[]): string[] {
  return replies
    .flatMap((reply) => {
      const card = cardOf(reply as Partial<Activity>);
      return card ? cardNodes(card) : [];
    })
    .filter((node) => node.type === 'Action.Submit' && (node.data as { action?: string } | undefined)?.action === 'booking.pick')
    .map((node) => String((node.data as { slotId: string }).slotId))
    .sort();
}

/** Every text and card text of the replies, as one string. */
function cardText(replies: readonly ReplyActivity[]): string {
  return replies
    .map((reply) => {
      const card = cardOf(reply as Partial<Activity>);
      const texts = card ? cardNodes(card).filter((node) => node.type === 'TextBlock').map((node) => String(node.text)) : [];
      return [reply.text ?? '', ...texts].join('\n');
    })
    .join('\n');
}
