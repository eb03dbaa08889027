import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../scheduling/clock.js';
import { botAddedActivity, messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest, type ReplyActivity } from '../helpers/app-under-test.js';
import { stockholm } from './dialog-harness.js';

const MONDAY_LUNCH = stockholm(2026, 11, 23, 12, 30);

/** The visible text of a reply: its text and the text of its Adaptive Card. */
function shown(reply: ReplyActivity | undefined): string {
  return `${reply?.text ?? ''}\n${JSON.stringify(reply?.attachments?.map((a) => a.content) ?? [])}`;
}

describe('dialogs through POST /api/messages', () => {
  let bot: AppUnderTest;
  beforeAll(async () => {
    bot = await startAppUnderTest({}, undefined, { clock: fixedClock(MONDAY_LUNCH) });
  });
  afterAll(async () => {
    await bot.stop();
  });

  /** One staff member in one personal chat, talking to the running bot over HTTP. */
  function chat(userId: string, aadObjectId?: string) {
    const conversationId = `a:personal-${userId}`;
    const who = { userId, conversationId, ...(aadObjectId ? { aadObjectId } : {}) };
    return {
      say: (text: string) => bot.send(messageActivity(text, who)),
      press: (value: unknown) => bot.send(messageActivity('', { ...who, value })),
    };
  }

  describe('when the bot is added', () => {
    it('welcomes with a short text and the main menu card', async () => {
      const { replies } = await bot.send(botAddedActivity());
      expect(replies[0]?.text).toMatch(/Samverkansboten/);
      expect(replies[0]?.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(shown(replies[0])).toContain('Anonym konsultation');
    });
  });

  describe('when Leila (school in Norr) describes akut oro at Monday 12.30', () => {
    it('first replies with socialjouren, when the mottagningssektion opens, 112 and what to do', async () => {
      const leila = chat('29:leila');
      await leila.press({ action: 'menu', routine: 'skola' });
      await leila.press({ action: 'school.choose', school: 'grindtorpsskolan' });
      const { status, replies } = await leila.say('en elev säger att pappa slog henne med bälte i helgen, vad gör jag');
      expect(status).toBe(200);
      const first = replies[0]?.text ?? '';
      expect(first).toMatch(/^\*\*Akut oro – gör så här nu\*\*/);
      expect(first).toContain('**Ring socialjouren nu:** [08-778 48 60](tel:+4687784860) eller [010-564 64 67](tel:+46105646467).');
      expect(first).toContain('Mottagningssektion Norr har lunchstängt. Mottagningen öppnar igen i dag kl. 13.00 – då når du den på [08-530 622 55](tel:+46853062255).');
      expect(first).toMatch(/Berätta inte för vårdnadshavarna/);
      expect(replies[0]?.entities?.some((e) => e.type === 'https://schema.org/Message')).toBe(true);
      expect(shown(replies[1])).toContain('Larma Mottagningssektion Norr');
    });

    it('answers the alert button honestly while no Teams channel is wired', async () => {
      const leila = chat('29:leila');
      const { replies } = await leila.press({ action: 'akut.escalate' });
      const text = replies.at(-1)?.text ?? '';
      // 12.30 is lunch: the number that answers now is socialjouren's, not the closed section's.
      expect(text).toMatch(/^Larmet kunde inte skickas i Teams, så ingen har sett det\.\n\n\*\*Ring socialjouren nu:\*\* \[08-778 48 60\]/);
      expect(text).toContain('Mottagningen öppnar igen i dag kl. 13.00');
      expect(text).toContain('ring **[112](tel:112)**');
    });
  });

  describe('when an identifying message is written inside a consultation', () => {
    it('is refused by the privacy guard, is not stored, and the consultation continues where it was', async () => {
      const johan = chat('29:johan');
      await johan.press({ action: 'menu', routine: 'konsultation' });
      const q2 = await johan.press({ action: 'consultation.ageGroup', choice: 'forskola' });
      expect(shown(q2.replies[0])).toContain('2 av 4');

      const refused = await johan.say('Det gäller Lisa Andersson 170315-1234, hon är trött och hungrig');
      expect(refused.replies).toHaveLength(1);
      expect(shown(refused.replies[0])).not.toContain('3 av 4');
      expect(refused.replies[0]?.text).not.toContain('Lisa');
      expect(refused.replies[0]?.text).not.toContain('170315');
      // It names the question to answer again, not "the question" in general.
      expect(refused.replies[0]?.text).toContain('Svara sedan på frågan ”2 av 4: Vad gäller oron?” igen – tryck på ett alternativ på kortet');
      expect(refused.replies[0]?.text).not.toContain('Skriv gärna frågan igen');

      const q3 = await johan.press({ action: 'consultation.concern', choice: 'behov' });
      expect(shown(q3.replies[0])).toContain('3 av 4');

      const files = (await readdir(bot.dataDir)).filter((file) => file.startsWith('bot.sqlite'));
      for (const file of files) {
        const bytes = await readFile(path.join(bot.dataDir, file));
        expect(bytes.includes('Lisa Andersson'), file).toBe(false);
        expect(bytes.includes('170315'), file).toBe(false);
      }
    });
  });

  describe('when an identifying message is written outside any routine', () => {
    it('asks to write the question again, since no card question waits', async () => {
      const { replies } = await chat('29:nobody').say('Vad gör vi med Lisa Andersson 170315-1234?');
      expect(replies[0]?.text).toContain('Skriv gärna frågan igen utan uppgifter som pekar ut någon');
    });
  });

  describe('when a typed question is answered by an entry that says to reach the mottagningssektion', () => {
    const question = 'Hur går vi till väga när vi gör en orosanmälan?';

    it('gives the number of the user’s own area when the bot knows their school', async () => {
      const teacher = chat('29:teacher-known-school', '00000000-0000-0000-0000-0000000000c1');
      await teacher.say('byt skola');
      const chosen = await teacher.press({ action: 'school.choose', school: 'grindtorpsskolan' });
      expect(shown(chosen.replies[0])).toContain('Mottagningssektion Norr');
      const { status, replies } = await teacher.say(question);
      expect(status).toBe(200);
      const text = replies[0]?.text ?? '';
      expect(text).toContain('Anmäl **direkt** till mottagningssektionen');
      expect(text).toMatch(/\n\n\*\*Ring Mottagningssektion Norr\*\* \(Grindtorpsskolan\): \[08-530 622 55\]\(tel:\+46853062255\)(\n|$)/);
      expect(text).not.toContain('08-530 619 05');
      // The call line comes from the contacts, not from an entry: the citations are the entries'.
      const entity = replies[0]?.entities?.find((e) => e.type === 'https://schema.org/Message') as { citation: { appearance: { name: string } }[] } | undefined;
      expect(entity?.citation.map((c) => c.appearance.name)).toEqual(['Så gör ni en orosanmälan', 'Vem gör anmälan – du eller rektor?']);
    });

    it('gives both sections’ numbers, each with its areas, when it does not', async () => {
      const { replies } = await chat('29:teacher-unknown-school', '00000000-0000-0000-0000-0000000000c2').say(question);
      const text = replies[0]?.text ?? '';
      expect(text).toContain(
        '**Ring mottagningssektionen för ert område:** Norr (Alby/Fittja, Hallunda/Norsborg) [08-530 622 55](tel:+46853062255) · Södra (Tullinge, Tumba) [08-530 619 05](tel:+46853061905). Skriv **byt skola** så visar jag bara ert nummer.',
      );
    });

    it('adds no call line when the answer already gives the numbers', async () => {
      const { replies } = await chat('29:teacher-numbers', '00000000-0000-0000-0000-0000000000c3').say('Vilka telefonnummer har mottagningssektionerna?');
      const text = replies[0]?.text ?? '';
      expect(text).toContain('08-530 622 55');
      expect(text).not.toContain('Ring mottagningssektionen för ert område');
    });
  });

  describe('when Johan types his consultation answers instead of pressing buttons', () => {
    it('understands them, and the summary shows his choices and only his section’s number', async () => {
      const johan = chat('29:johan-typing', '00000000-0000-0000-0000-0000000000f1');
      await johan.say('anonym konsultation');
      await johan.say('4 år');
      await johan.say('mat och sömn');
      await johan.say('några veckor');
      const school = await johan.say('inget ännu');
      expect(shown(school.replies[0])).toContain('Vilken förskola eller skola arbetar du på?');
      const { replies } = await johan.say('Förskolan Ametisten');
      const summary = replies.map(shown).find((text) => text.includes('Sammanfattning inför samtalet')) ?? '';
      expect(summary).toContain('Behoven tillgodoses inte');
      expect(summary).toContain('Mottagningssektion Södra 08-530 619 05');
      expect(summary).not.toContain('Mottagningssektion Norr');
      expect(summary).not.toContain('egna ord');
      expect(replies.map(shown).join('\n')).toContain('tel:+46853061905');

      // "Boka konsultationstid" on the next-steps card starts the booking in his section.
      const booking = await johan.press({ action: 'booking.start', flow: 'boka-konsultation' });
      expect(booking.replies.map(shown).join('\n')).toMatch(/konsultation/i);
      expect(booking.replies.map(shown).join('\n')).not.toMatch(/redan är avslutat/);
    });
  });

  describe('when “ångra” is written in the middle of a routine', () => {
    it('cancels it calmly', async () => {
      const someone = chat('29:angra');
      await someone.say('orosanmälan');
      const { replies } = await someone.say('ångra');
      expect(replies[0]?.text).toBe('Okej, jag har avbrutit. Skriv en fråga, eller **hjälp** för menyn.');
    });
  });

  describe('when a card submit is odd', () => {
    it('answers calmly with status 200 instead of failing the turn', async () => {
      const { status, replies } = await chat('29:odd').press({ action: 'consultation.concern', choice: '<script>' });
      expect(status).toBe(200);
      expect(replies[0]?.text).toMatch(/^Jag kunde inte läsa svaret från kortet/);
      expect(bot.logs.some((line) => line.includes('"TURN_FAILED"'))).toBe(false);
    });
  });

  describe('when “hjälp” is written with an @mention in a channel', () => {
    it('shows the menu in the thread, with what one can type there', async () => {
      const { replies } = await bot.send(messageActivity('hjälp', { kind: 'channel' }));
      expect(shown(replies[0])).toContain('Vad vill du göra?');
      expect(shown(replies[0])).toContain('Du kan också skriva');
      expect(shown(replies[0])).not.toContain('boka anmälningsmöte');
    });
  });

  describe('when Maria follows the orosanmälan and asks for the day-14 reminder', () => {
    it('confirms the reminder for 14 days after the clock’s now', async () => {
      const maria = chat('29:maria');
      await maria.press({ action: 'menu', routine: 'skola' });
      await maria.press({ action: 'school.choose', school: 'tunaskolan' });
      const first = await maria.say('orosanmälan');
      expect(shown(first.replies[0])).toContain('Först: är det akut?');
      for (const step of ['nej', 'nästa', 'nästa', 'nästa']) await maria.say(step);
      const { replies } = await maria.say('ja');
      expect(replies[0]?.text).toBe('Klart! Jag påminner dig måndag 7 december: har förskolan/skolan fått återkoppling – och vad har ni rätt att få veta?');
    });
  });
});
