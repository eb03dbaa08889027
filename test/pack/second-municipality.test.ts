import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config/config.js';
import { instantAt } from '../../scheduling/clock.js';
import { SWEDISH_TIMEZONE } from '../../scheduling/swedish-time.js';
import { cardNodes, cardOf } from '../dialogs/dialog-harness.js';
import { botAddedActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest, type ReplyActivity } from '../helpers/app-under-test.js';
import { chooseSchoolInChat, personalChat } from '../helpers/chat-steps.js';
import { settableClock } from '../helpers/proactive-app.js';
import { entriesOf, tabClient } from '../helpers/tab-client.js';

/**
 * A second, made-up municipality (test/fixtures/municipality-exempelby): other areas, numbers, hours,
 * schools, booking rules and entries. Pointing KNOWLEDGE_DIR at its pack is all it takes — the bot
 * answers from it, tells whom to call by its hours and books in its areas, through real HTTP.
 */

const exempelby = path.resolve(import.meta.dirname, '../fixtures/municipality-exempelby');
const at = (month: number, day: number, hour: number, minute = 0) => instantAt({ year: 2026, month, day }, hour, minute, SWEDISH_TIMEZONE);
const people = {
  oskar: { aadObjectId: 'e0000000-0000-4000-8000-000000000001', name: 'Oskar Öst', upn: 'oskar@exempelby.se' },
  vera: { aadObjectId: 'e0000000-0000-4000-8000-000000000002', name: 'Vera Väst', upn: 'vera@exempelby.se' },
  rolf: { aadObjectId: 'e0000000-0000-4000-8000-000000000003', name: 'Rolf Rektor', upn: 'rolf@exempelby.se' },
  eva: { aadObjectId: 'e0000000-0000-4000-8000-000000000004', name: 'Eva Kurator', upn: 'eva@exempelby.se' },
} as const;

describe('a second municipality’s pack', () => {
  describe('when ESCALATION_CHANNELS names an area the pack does not have', () => {
    it('refuses to start, naming the setting and the pack’s areas', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'exempelby-bad-'));
      const started = startAppUnderTest({ KNOWLEDGE_DIR: exempelby, ESCALATION_CHANNELS: 'norr=19:norr@thread.tacv2', REMINDER_POLL_MS: '0' }, dir);

      await expect(started).rejects.toThrow(ConfigError);
      await expect(started).rejects.toThrow(/"norr" is not an area in contacts\.yaml \(areas: ost, vast\)/);
    });
  });

  describe('when the bot runs on it', () => {
    let bot: AppUnderTest;
    const clock = settableClock(at(3, 9, 10));
    const tab = (person: keyof typeof people) => tabClient(bot.baseUrl, { 'x-dev-user': people[person].upn });
    const chat = (person: keyof typeof people) => personalChat(bot, people[person]);

    beforeAll(async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'exempelby-'));
      bot = await startAppUnderTest(
        { KNOWLEDGE_DIR: exempelby, AUTH_MODE: 'dev', ESCALATION_CHANNELS: 'ost=19:ost@thread.tacv2,vast=19:vast@thread.tacv2', REMINDER_POLL_MS: '0' },
        dir,
        { clock },
      );
    });
    afterAll(async () => {
      await bot?.stop();
    });

    it('greets with the pack’s welcome when added', async () => {
      const { replies } = await bot.send(botAddedActivity());

      expect(replies[0]?.text).toContain('Exempelby kommuns rutiner');
    });

    it('answers a question from the pack’s own entries, citing them', async () => {
      const replies = await chat('eva').say('Var gör vi den skriftliga orosanmälan?');

      expect(textOf(replies)).toContain('Trygg Anmälan');
      expect(textOf(replies)).toContain('[1]');
      const citation = JSON.stringify(replies[0]?.entities ?? []);
      expect(citation).toContain('Rutin för samverkan kring barn som far illa (Exempelby kommun)');
    });

    it('tells whom to call by the pack’s numbers and hours: the sections while open, socialjouren after Friday noon', async () => {
      clock.set(at(3, 9, 10));
      const mondayMorning = textOf(await chat('eva').say('vem ringer jag nu'));
      clock.set(at(3, 13, 13));
      const fridayAfternoon = textOf(await chat('eva').say('vem ringer jag nu'));
      clock.set(at(3, 9, 10));

      expect(mondayMorning).toContain('0123-45 67 01');
      expect(mondayMorning).toContain('0123-45 67 02');
      expect(mondayMorning).not.toContain('08-530');
      // Botkyrka's sections answer until 14.00 on Fridays; Exempelby's close at 12.00.
      expect(fridayAfternoon).toContain('0123-99 99 00');
      expect(fridayAfternoon).toContain('måndag 16 mars kl. 09.00');
    });

    it('gives the pack’s akut first reply with its numbers', async () => {
      const replies = await chat('eva').say('en elev berättar att pappa slog henne i helgen');

      expect(textOf(replies)).toContain('Akut oro i Exempelby – ring nu');
      expect(textOf(replies)).toContain('0123-45 67 01');
      await chat('eva').say('avbryt');
    });

    it('posts times by the pack’s booking rules, in the socialsekreterare’s area of the pack', async () => {
      const times = { kind: 'konsultation', date: '2026-03-10', from: '09:00', to: '11:00', bufferMinutes: 0, repeatWeeks: 1 };
      const refused = await tab('oskar').postSlots({ ...times, slotLengthMinutes: 45 });
      const oskars = await tab('oskar').postSlots({ ...times, slotLengthMinutes: 60 });
      const veras = await tab('vera').postSlots({ ...times, slotLengthMinutes: 30, from: '13:00', to: '14:00' });
      const verasMoten = await tab('vera').postSlots({ ...times, kind: 'anmalningsmote', date: '2026-03-11', slotLengthMinutes: 60, place: 'Väst, rum 1' });
      const week = await tab('oskar').week();

      expect(refused.status).toBe(422);
      expect(refused.body.problems).toContainEqual({ code: 'length-not-allowed', message: 'Välj en längd på 30, 60 minuter.' });
      expect(oskars.body.posted).toBe(2);
      expect(veras.body.posted).toBe(2);
      expect(verasMoten.body.posted).toBe(2);
      expect(week.body.user.roleLabel).toBe('Socialsekreterare · Mottagningssektion Öst');
    });

    it('books in the pack’s areas: a rektor of Hamnskolan in Väst, a kurator of Ekbackens skola in Öst', async () => {
      const rolfsWeek = await tab('rolf').week();
      const rolfsOffer = entriesOf(rolfsWeek.body).filter((entry) => entry.state === 'free' && entry.kind === 'anmalningsmote');
      const booked = await tab('rolf').book({ slotId: rolfsOffer[0]!.id, kind: 'anmalningsmote' });

      await chooseSchoolInChat(bot, people.eva, 'ekbackens-skola');
      const evasOffer = await chat('eva').say('boka konsultation');
      const oskarsSlots = entriesOf((await tab('oskar').week()).body).map((entry) => entry.id).sort();

      expect(rolfsWeek.body.notices.join(' ')).toContain('Mottagningssektion Väst');
      expect(rolfsOffer).toHaveLength(2);
      expect(booked.status).toBe(201);
      expect(booked.body.message).toMatch(/^Anmälningsmötet är bokat onsdag 11 mars kl. 09.00–10.00 med Vera/);
      expect(textOf(evasOffer)).toContain('Lediga konsultationstider hos Mottagningssektion Öst');
      expect(pickedSlotIds(evasOffer)).toEqual(oskarsSlots);
      await chat('eva').say('avbryt');
    });
  });
});

/** Every text, card text and fact of the replies, as one string. */
function textOf(replies: readonly ReplyActivity[]): string {
  return replies
    .map((reply) => {
      const card = cardOf(reply as Partial<Activity>);
      const nodes = card ? cardNodes(card) : [];
      const texts = nodes.flatMap((node) =>
        node.type === 'TextBlock' ? [String(node.text)] : node.type === 'FactSet' ? (node.facts as { title: string; value: string }[]).map((fact) => `${fact.title}: ${fact.value}`) : [],
      );
      return [reply.text ?? '', ...texts].join('\n');
    })
    .join('\n');
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
