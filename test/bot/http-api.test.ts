import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botAddedActivity, messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';

describe('POST /api/messages', () => {
  let bot: AppUnderTest;
  beforeAll(async () => {
    bot = await startAppUnderTest();
  });
  afterAll(async () => {
    await bot.stop();
  });

  describe('when a staff member asks a question the routines answer', () => {
    it('replies in Swedish with the answer first, compact [1] markers and a Teams citation entity that holds the source', async () => {
      const { status, replies } = await bot.send(messageActivity('Måste vi vara säkra innan vi gör en orosanmälan?'));
      expect(status).toBe(200);
      expect(replies).toHaveLength(1);
      const reply = replies[0]!;
      expect(reply.text).toMatch(/^\*\*Nej\.\*\* /);
      expect(reply.text).toMatch(/misstanke|säker/i);
      expect(reply.text).toMatch(/[^\n]\[1\]/);
      // Teams renders the sources from the entity: the text carries none, so they never show twice.
      expect(reply.text).not.toMatch(/Källa|Källor|Granskad|Kraftsamlings styrdokument/);
      const entity = reply.entities?.find((e) => e.type === 'https://schema.org/Message') as
        | { citation: { position: number; appearance: { name: string; abstract: string; text: string } }[]; additionalType?: string[] }
        | undefined;
      expect(entity?.citation.map((c) => c.position)).toEqual([...new Set([...reply.text!.matchAll(/\[(\d)\]/g)].map((m) => Number(m[1])))]);
      expect(entity?.citation[0]?.appearance.abstract).toMatch(/Kraftsamlings styrdokument \(2016-03-17\), avsnitt .*Granskad \d{4}-\d{2}-\d{2}\./);
      expect(entity?.citation[0]?.appearance.text).toContain('misstankarna behöver inte vara bekräftade');
      expect(entity?.additionalType).toBeUndefined();
    });

    it('shows the legal reference, with the act and its version', async () => {
      const { replies } = await bot.send(messageActivity('Vilken paragraf säger att vi måste anmäla?'));
      expect(replies[0]?.text).toMatch(/Lagrum: 14 kap\. 1 § SoL \(2001:453\) \[\d\]/);
      expect(replies[0]?.text).toMatch(/SoL \(2025:400\)/);
    });

    it('adds one short line of sources on a channel that cannot show citation pop-ups', async () => {
      const { replies } = await bot.send({ ...messageActivity('Måste vi vara säkra innan vi gör en orosanmälan?'), channelId: 'webchat' });
      const text = replies[0]?.text ?? '';
      expect(text).toMatch(/\n\nKällor: \[1\] Kraftsamling 2016, Anmälningsskyldighet$/);
      expect(text).not.toMatch(/Granskad|odaterad/);
    });
  });

  describe('when the answer holds telephone and fax numbers', () => {
    it('makes every telephone number a tel: link, keeps the fax number plain and unbroken, and shows no data caveats', async () => {
      const questions = ['Vilket faxnummer har mottagningssektion Norr?', 'Vilka nummer har resursenhetens sektioner?', 'Hur lång tid har socialtjänsten på sig för förhandsbedömningen?'];
      const texts: string[] = [];
      for (const q of questions) texts.push((await bot.send(messageActivity(q))).replies[0]?.text ?? '');
      const [contacts, resursenheten] = texts;
      expect(contacts).toContain('[08-530 622 55](tel:+46853062255)');
      expect(contacts).toContain('[112](tel:112)');
      // A fax number cannot be called: shown whole, on one line, without a link.
      expect(contacts).toMatch(/fax 08\u2011530\u00a0622\u00a088(?!\]\()/);
      expect(contacts).not.toMatch(/fax 08-| fax [\d-]+ \d/);
      expect(resursenheten).toContain('(tel:+46853061928)');
      for (const text of texts) {
        expect(text).not.toMatch(/botens kontaktlista|stäm av dem|aktuella uppgifter|äldre rutinens uppgift/i);
      }
    });
  });

  describe('when the question is outside the routines', () => {
    it('says it has no answer and whom to call, without citations', async () => {
      const { replies } = await bot.send(messageActivity('Hur återställer jag mitt lösenord till lönesystemet?'));
      expect(replies[0]?.text).toMatch(/inget svar/i);
      expect(replies[0]?.text).toContain('[08-530 622 55](tel:+46853062255)');
      expect(replies[0]?.entities ?? []).toHaveLength(0);
    });
  });

  describe('when the question is about another municipality', () => {
    it('says whose routines it answers from, that the other municipality\'s socialtjänst answers for its own, and whom to call', async () => {
      const { replies } = await bot.send(messageActivity('Vilka tider har mottagningen i Lidingö för orosanmälningar?'));
      const text = replies[0]?.text ?? '';
      expect(text).toMatch(/^Jag svarar bara utifrån rutinerna i Botkyrka och kan inte säga hur det går till i Lidingö\. Det kan socialtjänsten i Lidingö berätta\./);
      expect(text).toContain('[08-530 622 55](tel:+46853062255)');
      expect(replies[0]?.entities ?? []).toHaveLength(0);
    });
  });

  describe('when the bot is added to a conversation', () => {
    it('welcomes with what it does and the anonymity rule', async () => {
      const { replies } = await bot.send(botAddedActivity());
      const text = replies.map((r) => r.text ?? JSON.stringify(r.attachments ?? '')).join('\n');
      expect(text).toContain('Samverkansboten');
      expect(text).toMatch(/anonym/i);
      expect(text).toMatch(/personnummer/);
      // Sam and other staff who write slowly in Swedish learn at once that English is understood.
      expect(text).toContain('you can also write in English');
      // In a personal chat only the user reads it: no note for a channel.
      expect(text).not.toContain('alla i kanalen');
    });
  });

  describe('when asked in a channel with an @mention', () => {
    it('answers the question without the mention, in the same thread', async () => {
      const activity = messageActivity('hur länge får en utredning ta?', { kind: 'channel' });
      const { replies } = await bot.send(activity);
      expect(replies[0]?.text).toMatch(/fyra månader/i);
      expect(replies[0]?.conversation?.id).toBe(activity.conversation.id);
      expect(replies[0]?.replyToId).toBe(activity.id);
    });
  });

  describe('when asked in a group chat', () => {
    it('answers with a citation', async () => {
      const { replies } = await bot.send(messageActivity('vilket nummer har mottagningen?', { kind: 'groupChat' }));
      expect(replies[0]?.text).toMatch(/530/);
      expect(replies[0]?.text).toContain('[1]');
    });
  });

  describe('when the body is not a valid activity', () => {
    it('answers 400 with a code for a body without type or conversation', async () => {
      const { status, body } = await bot.send({ text: 'hej' });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'ACTIVITY_INVALID' });
      expect(bot.logs.some((l) => l.includes('"ACTIVITY_INVALID"'))).toBe(true);
    });

    it('answers 400 for JSON that is not an object', async () => {
      const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": "message",' });
      expect(response.status).toBe(400);
    });

    it('answers 413 for an oversized body', async () => {
      const response = await fetch(`${bot.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...messageActivity('x'), text: 'a'.repeat(600_000) }),
      });
      expect(response.status).toBe(413);
    });

    it('refuses a compressed body with 415 without decompressing it, and stays up', async () => {
      for (const body of [Buffer.from('not gzip at all'), gzipSync(Buffer.alloc(50 * 1024 * 1024))]) {
        const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body });
        expect(response.status).toBe(415);
        expect(await response.json()).toMatchObject({ code: 'CONTENT_ENCODING_UNSUPPORTED' });
      }
    });

    it('refuses multipart and other content types with 415 before reading them, writing no file', async () => {
      const before = await readdir(tmpdir());
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(200_000, 0x61)]), 'upload.bin');
      const multipart = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', body: form });
      expect(multipart.status).toBe(415);
      const csv = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'namn,personnummer\nx,y' });
      expect(csv.status).toBe(415);
      const text = await csv.text();
      expect(text).toContain('CONTENT_TYPE_UNSUPPORTED');
      expect(text).not.toContain('personnummer');
      expect(await readdir(tmpdir())).toEqual(before);
    });

    it('answers 400, not 500, when a field has the wrong type', async () => {
      const { status, body } = await bot.send({ ...messageActivity('hej'), type: { nested: 'object' } });
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'ACTIVITY_INVALID', fields: ['type'] });
    });

    it('logs each refusal with its code and a running count', () => {
      const rejected = bot.logs.filter((line) => line.includes('"HTTP_REQUEST_REJECTED"')).map((line) => JSON.parse(line) as { reason: string; count: number });
      expect(rejected.map((r) => r.reason)).toEqual(expect.arrayContaining(['CONTENT_ENCODING_UNSUPPORTED', 'CONTENT_TYPE_UNSUPPORTED', 'ACTIVITY_INVALID', 'BODY_TOO_LARGE']));
      expect(Math.max(...rejected.filter((r) => r.reason === 'CONTENT_ENCODING_UNSUPPORTED').map((r) => r.count))).toBe(2);
    });

    it('keeps serving after bad requests', async () => {
      const { replies } = await bot.send(messageActivity('vad är en förhandsbedömning?'));
      expect(replies[0]?.text).toMatch(/14 dagar/);
    });
  });

  describe('when an activity is valid but odd', () => {
    it('welcomes calmly when membersAdded holds null, and logs no failed turn', async () => {
      const { status, replies } = await bot.send({ ...botAddedActivity(), membersAdded: [null, { id: '28:samverkansboten', name: 'Samverkansboten' }] });
      expect(status).toBe(200);
      expect(replies.length).toBeGreaterThan(0);
      expect(bot.logs.some((line) => line.includes('"TURN_FAILED"'))).toBe(false);
    });

    it('answers a message whose entities and channel data have the wrong shape', async () => {
      const { status, replies } = await bot.send({ ...messageActivity('vad är en förhandsbedömning?'), entities: [{ type: 'mention' }, 7, null], channelData: 'x' });
      expect(status).toBe(200);
      expect(replies[0]?.text).toMatch(/14 dagar/);
      expect(bot.logs.some((line) => line.includes('"TURN_FAILED"'))).toBe(false);
    });

    // Teams lets a message be about 28,000 characters. These once took the turn minutes (spelling correction of
    // one long word grew with its square, until the process ran out of memory) or seconds (patterns that
    // backtracked over a long run of letters; the akut check within one endless sentence).
    it.each([
      ['one long word', 'abcdefghij'],
      ['one letter over and over', 'å'],
      ['dotted abbreviations without end', 'förhandsbed.'],
      ['a phrase of violence repeated without a full stop', 'pappa slog '],
      ['capitals without end', 'XX'],
    ])('answers a 28,000-character message of %s, and the next question as well', async (_shape, piece) => {
      const text = piece.repeat(Math.ceil(28_000 / piece.length)).slice(0, 28_000);
      const long = await bot.send(messageActivity(text));
      expect(long.status).toBe(200);
      expect(long.replies[0]?.text ?? long.replies[0]?.attachments).toBeTruthy();
      const next = await bot.send(messageActivity('vad är en förhandsbedömning?'));
      expect(next.replies[0]?.text).toMatch(/14 dagar/);
      expect(bot.logs.some((line) => line.includes('"TURN_FAILED"'))).toBe(false);
    }, 60_000);

    it('refuses an activity without a recipient with 400', async () => {
      const { recipient: _recipient, ...withoutRecipient } = messageActivity('hej');
      const { status, body } = await bot.send(withoutRecipient);
      expect(status).toBe(400);
      expect(body).toMatchObject({ fields: ['recipient'] });
    });
  });

  describe('when there is no app id and the service URL is not on this machine', () => {
    it('refuses an activity that would make the bot post to it', async () => {
      const { status, body } = await bot.send({ ...messageActivity('hej'), deliveryMode: undefined, serviceUrl: 'https://attacker.example/' });
      expect(status).toBe(403);
      expect(body).toMatchObject({ code: 'SERVICE_URL_NOT_ALLOWED' });
    });

    it('still answers with expectReplies, where nothing is posted', async () => {
      const { status, replies } = await bot.send({ ...messageActivity('vad är en förhandsbedömning?'), serviceUrl: 'https://attacker.example/' });
      expect(status).toBe(200);
      expect(replies[0]?.text).toMatch(/14 dagar/);
    });

    it('never sends to it proactively either', async () => {
      const reference = {
        serviceUrl: 'https://attacker.example/',
        channelId: 'msteams',
        conversation: { id: '19:x@thread.tacv2', isGroup: true, conversationType: 'channel', name: 'x' },
        bot: { id: '28:samverkansboten', name: 'Samverkansboten' },
      };
      await expect(bot.app.messenger.send(reference, 'test')).rejects.toMatchObject({ code: 'SERVICE_URL_NOT_ALLOWED' });
    });
  });

  describe('when a message has no text (an empty card submit)', () => {
    it('asks for the question as text instead of failing', async () => {
      const activity = { ...messageActivity(''), text: undefined, value: { unexpected: true } };
      const { status, replies } = await bot.send(activity);
      expect(status).toBe(200);
      expect(replies[0]?.text).toMatch(/[A-ZÅÄÖ]/);
    });
  });
});

describe('GET /healthz and /readyz', () => {
  it('report alive and ready when knowledge and database are up', async () => {
    const bot = await startAppUnderTest();
    try {
      expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${bot.baseUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
    } finally {
      await bot.stop();
    }
  });
});

describe('authentication', () => {
  describe('when an app id is configured', () => {
    it('refuses a request without a channel token with 401', async () => {
      const bot = await startAppUnderTest({ MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' });
      try {
        const { status, replies } = await bot.send(messageActivity('vilket nummer har mottagningen?'));
        expect(status).toBe(401);
        expect(replies).toHaveLength(0);
      } finally {
        await bot.stop();
      }
    });
  });
});
