import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../scheduling/clock.js';
import { messageActivity } from '../helpers/activities.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';
import { startSsoTokenIssuer, type SsoTokenIssuer } from '../helpers/sso-token-issuer.js';
import { chooseSchoolInChat, personalChat } from '../helpers/chat-steps.js';
import { entriesOf, tabClient, type TabClient } from '../helpers/tab-client.js';
import { TAB_PEOPLE, TAB_TEST_NOW, writeTabRolesFile } from '../helpers/tab-fixtures.js';

const HOST_ORIGIN = 'http://127.0.0.1:4999';
const TUESDAY = '2026-03-10';
const THURSDAY = '2026-03-12';
const PLACE = 'Mottagningen Norr, rum 2';

/** Ahmed's Tuesday konsultationer and Thursday anmälningsmöten, as he posts them in the tab. */
const KONSULTATIONER = { kind: 'konsultation', date: TUESDAY, from: '13:00', to: '15:00', slotLengthMinutes: 45, bufferMinutes: 15, repeatWeeks: 1 };
const ANMALNINGSMOTEN = { kind: 'anmalningsmote', date: THURSDAY, from: '09:00', to: '12:00', slotLengthMinutes: 60, bufferMinutes: 15, repeatWeeks: 1, place: PLACE };

describe('tab routes', () => {
  let bot: AppUnderTest;
  const as = (person: keyof typeof TAB_PEOPLE): TabClient => tabClient(bot.baseUrl, { 'x-dev-user': TAB_PEOPLE[person].upn });

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tab-routes-'));
    const rolesFile = await writeTabRolesFile(dir);
    bot = await startAppUnderTest({ AUTH_MODE: 'dev', ROLES_FILE: rolesFile, REMINDER_POLL_MS: '0', TAB_HOST_ORIGINS: HOST_ORIGIN }, dir, { clock: fixedClock(TAB_TEST_NOW) });
    // Leila is kurator at Hallundaskolan (Norr) and has told the bot so in the chat; the tab reads the same profile.
    await chooseSchoolInChat(bot, TAB_PEOPLE.leila, 'hallundaskolan');
  });
  afterAll(async () => {
    await bot?.stop();
  });

  describe('when the page is loaded', () => {
    it('serves the Swedish page, its script and teams-js, framable only by Teams and the configured host', async () => {
      const page = await fetch(`${bot.baseUrl}/tab`);
      const html = await page.text();
      const csp = page.headers.get('content-security-policy') ?? '';

      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html).toContain('<html lang="sv">');
      expect(html).toContain('<meta name="tab-auth-mode" content="dev" />');
      expect(html).toContain(`<meta name="tab-host-origins" content="${HOST_ORIGIN}" />`);
      expect(csp).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com .*http:\/\/127\.0\.0\.1:4999/);
      expect(csp).toContain("script-src 'self'");
      for (const asset of ['/tab/tab.js', '/tab/tab.css', '/tab/vendor/teams-js.js']) {
        expect((await fetch(`${bot.baseUrl}${asset}`)).status, asset).toBe(200);
      }
    });
  });

  describe('when nobody is signed in', () => {
    it('answers 401 in Swedish, with the reason only in the log', async () => {
      const anonymous = await tabClient(bot.baseUrl, {}).week();
      const stranger = await tabClient(bot.baseUrl, { 'x-dev-user': 'okand.person@botkyrka.se' }).week();

      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect(anonymous.body.message).toMatch(/Stäng fliken och öppna den igen/);
      expect(stranger.status).toBe(401);
      expect(stranger.body.code).toBe('TAB_DEV_USER_UNKNOWN');
      expect(bot.logs.some((line) => line.includes('"code":"TAB_DEV_USER_MISSING"'))).toBe(true);
      expect(bot.logs.join('\n')).not.toContain('okand.person');
    });
  });

  describe('when a socialsekreterare posts times', () => {
    it('posts them in her area and shows them as free in her week', async () => {
      const konsultationer = await as('ahmed').postSlots(KONSULTATIONER);
      const moten = await as('ahmed').postSlots(ANMALNINGSMOTEN);
      const week = await as('ahmed').week();

      expect(konsultationer.status).toBe(201);
      expect(konsultationer.body).toMatchObject({ posted: 2, message: '2 konsultationstider är upplagda.' });
      expect(moten.body).toMatchObject({ posted: 2, message: '2 tider för anmälningsmöte är upplagda.' });
      expect(week.status).toBe(200);
      expect(week.body.user).toMatchObject({ name: 'Ahmed Hassan', role: 'socialsekreterare', roleLabel: 'Socialsekreterare · Mottagningssektion Norr' });
      expect(week.body.week).toMatchObject({ from: '2026-03-09', label: 'Vecka 11 · 9–15 mars 2026', previous: null, next: '2026-03-16' });
      expect(week.body.can.postSlots).toBe(true);
      const entries = entriesOf(week.body);
      expect(entries.map((entry) => `${entry.day} ${entry.time} ${entry.state}`)).toEqual([
        '2026-03-10 13.00–13.45 free',
        '2026-03-10 14.00–14.45 free',
        '2026-03-12 09.00–10.00 free',
        '2026-03-12 10.15–11.15 free',
      ]);
      expect(entries[2]?.lines).toContain(`Plats hos er: ${PLACE}`);
      expect(entries[0]?.actions).toEqual([expect.objectContaining({ type: 'cancel-slot', label: 'Ta bort' })]);
    });

    it('explains which rules a request breaks', async () => {
      const response = await as('ahmed').postSlots({ ...KONSULTATIONER, from: '15:00', to: '13:00' });

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('TAB_AVAILABILITY_INVALID');
      expect(response.body.problems).toContainEqual({ code: 'window-reversed', message: 'Sluttiden måste vara senare än starttiden.' });
    });

    it('refuses a place that names a person, without repeating the name or storing anything', async () => {
      const before = entriesOf((await as('ahmed').week('2026-03-16')).body);
      const response = await as('ahmed').postSlots({ ...ANMALNINGSMOTEN, date: '2026-03-19', place: 'Hos Elsa Johansson, rum 4' });
      const after = entriesOf((await as('ahmed').week('2026-03-16')).body);

      expect(response.status).toBe(422);
      expect(response.body.code).toBe('TAB_PRIVACY_REFUSED');
      expect(response.body.message).toContain('ett namn');
      // Like every privacy refusal, it ends with whom to call now (08.00 on a Monday: before opening).
      expect(response.body.message).toMatch(
        /Inget har sparats\. Brådskar det, ring socialjouren nu: 08-778 48 60 eller 010-564 64 67\. Mottagningssektionerna har inte öppnat än\. Mottagningen öppnar igen i dag kl\. 08\.30\. Är barnet i omedelbar fara, ring 112\.$/,
      );
      expect(JSON.stringify(response.body)).not.toContain('Elsa');
      expect(after).toEqual(before);
      expect(bot.logs.join('\n')).not.toContain('Elsa');
    });

    it('names a personnummer in a place the way the chat refusal does', async () => {
      const response = await as('ahmed').postSlots({ ...ANMALNINGSMOTEN, date: '2026-03-19', place: 'Rum 4, gäller 150312-2386' });

      expect(response.status).toBe(422);
      expect(response.body.message).toContain('Platsen ser ut att innehålla ett personnummer eller samordningsnummer.');
      expect(JSON.stringify(response.body)).not.toContain('2386');
    });

    it('answers 400 naming the fields of a malformed body', async () => {
      const response = await as('ahmed').postSlots({ kind: 'fika', date: '10 mars', from: '13:00', to: '15:00', slotLengthMinutes: 45, repeatWeeks: 1 });

      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'TAB_REQUEST_INVALID', fields: expect.arrayContaining(['kind', 'date']) });
    });
  });

  describe('when someone who is not a socialsekreterare posts times', () => {
    it('answers 403 with a plain Swedish reason', async () => {
      const response = await as('johan').postSlots(KONSULTATIONER);

      expect(response.status).toBe(403);
      expect(response.body).toEqual({ code: 'TAB_ROLE_NOT_ALLOWED', message: 'Bara socialsekreterare vid mottagningssektionen kan lägga upp tider.' });
    });
  });

  describe('when a rektor books an anmälningsmöte', () => {
    it('shows the free slots of the school’s area and books one with the planning answers', async () => {
      const week = await as('johan').week();
      const free = entriesOf(week.body).filter((entry) => entry.kind === 'anmalningsmote');
      const booking = await as('johan').book({ slotId: free[0]!.id, kind: 'anmalningsmote', location: 'socialtjansten' });

      expect(week.body.user.roleLabel).toBe('Rektor/förskolechef · Hallundaskolan');
      expect(week.body.notices).toContain('Lediga tider hos Mottagningssektion Norr de kommande 14 dagarna, och dina bokningar.');
      expect(free.map((entry) => `${entry.time} ${entry.title}`)).toEqual(['09.00–10.00 Ahmed Hassan', '10.15–11.15 Ahmed Hassan']);
      expect(booking.status).toBe(201);
      expect(booking.body.reference).toMatch(/^AM-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
      expect(booking.body.message).toBe(
        // Ahmed has never opened the bot in Teams, so he cannot be told there: Johan is asked to call.
        `Anmälningsmötet är bokat torsdag 12 mars kl. 09.00–10.00 med Ahmed Hassan. Referens ${booking.body.reference} – spara den med skolans egna handlingar. ` +
          `Bokningen är gjord och sparad, men jag kunde inte skicka bekräftelsen till Ahmed Hassan i Teams just nu. Ring Mottagningssektion Norr på 08-530 622 55 och säg att ni har bokat anmälningsmöte torsdag 12 mars kl. 09.00–10.00, referens ${booking.body.reference}.`,
      );
    });

    it('shows the booking to both sides: the rektor’s own booking, and who booked on the socialsekreterare’s slot', async () => {
      const johans = entriesOf((await as('johan').week()).body).filter((entry) => entry.state === 'mine');
      const ahmeds = entriesOf((await as('ahmed').week()).body).filter((entry) => entry.state === 'booked');

      expect(johans).toHaveLength(1);
      expect(johans[0]).toMatchObject({ time: '09.00–10.00', title: 'Med Ahmed Hassan' });
      expect(johans[0]?.lines).toContain('Mottagningssektion Norr');
      expect(johans[0]?.lines).toContain(`Plats: ${PLACE}.`);
      expect(ahmeds).toHaveLength(1);
      expect(ahmeds[0]).toMatchObject({ time: '09.00–10.00', title: 'Bokad av Johan Ek, Hallundaskolan', reference: johans[0]?.reference });
      expect(ahmeds[0]?.lines).toContain('Förskolan/skolan kallar vårdnadshavarna.');
    });

    it('offers the nearest free slots to the one who came second', async () => {
      const johans = entriesOf((await as('johan').week()).body).find((entry) => entry.state === 'mine');
      const response = await as('nadia').book({ slotId: johans!.id, kind: 'anmalningsmote' });

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('TAB_SLOT_TAKEN');
      expect(response.body.message).toBe('Någon hann boka tiden före dig. Här är de närmaste lediga tiderna.');
      expect(response.body.alternatives).toEqual([expect.objectContaining({ kind: 'anmalningsmote', when: 'torsdag 12 mars kl. 10.15–11.15' })]);
    });

    it('does not show or book slots of another area', async () => {
      const ahmedsFree = entriesOf((await as('ahmed').week()).body).find((entry) => entry.state === 'free');
      const marias = entriesOf((await as('maria').week()).body);
      const response = await as('maria').book({ slotId: ahmedsFree!.id, kind: ahmedsFree!.kind });

      expect(marias.filter((entry) => entry.state === 'free')).toEqual([]);
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('TAB_SLOT_OTHER_AREA');
    });

    it('does not let elevhälsa book an anmälningsmöte', async () => {
      const free = entriesOf((await as('johan').week()).body).find((entry) => entry.kind === 'anmalningsmote' && entry.state === 'free');
      const response = await as('leila').book({ slotId: free!.id, kind: 'anmalningsmote' });

      expect(response.status).toBe(403);
      expect(response.body.message).toMatch(/^Bara rektorer och förskolechefer kan boka anmälningsmöten/);
    });
  });

  describe('when staff book a konsultation', () => {
    it('lets elevhälsa book one anonymously and cancel it, which frees the slot', async () => {
      const free = entriesOf((await as('leila').week()).body).filter((entry) => entry.state === 'free');
      const booked = await as('leila').book({ slotId: free[0]!.id, kind: 'konsultation' });
      const ahmedsView = entriesOf((await as('ahmed').week()).body).find((entry) => entry.id === free[0]!.id);
      const someoneElse = await as('johan').cancelBooking(booked.body.reference);
      const cancelled = await as('leila').cancelBooking(booked.body.reference);
      const afterwards = entriesOf((await as('leila').week()).body).find((entry) => entry.id === free[0]!.id);

      expect(free.map((entry) => entry.kind)).toEqual(['konsultation', 'konsultation']);
      expect(booked.status).toBe(201);
      expect(ahmedsView).toMatchObject({ state: 'booked', title: 'Bokad av Leila Karimi' });
      expect(ahmedsView?.lines).toContain('Anonym konsultation – inga uppgifter om barnet');
      expect(someoneElse.status).toBe(403);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.message).toBe('Konsultationen tisdag 10 mars kl. 13.00–13.45 är avbokad. Ahmed Hassan får besked i Teams.');
      expect(afterwards).toMatchObject({ state: 'free' });
    });
  });

  describe('when staff tell the tab their school', () => {
    it('offers the list to elevhälsa, remembers the choice for the chat too, and refuses it to those the roles file places', async () => {
      const before = await as('leila').week();
      const chosen = await as('leila').chooseSchool('hallundaskolan');
      const unknown = await as('leila').chooseSchool('en-skola-som-inte-finns');
      const socialsekreterare = await as('ahmed').chooseSchool('hallundaskolan');
      const rektor = await as('johan').chooseSchool('tunaskolan');
      const chatSays = await personalChat(bot, TAB_PEOPLE.leila).say('vem ringer jag nu');

      expect(before.body.school.current).toBe('hallundaskolan');
      expect(before.body.school.options).toContainEqual({ value: 'tunaskolan', label: 'Tunaskolan' });
      expect(before.body.school.options.map((option: { value: string }) => option.value)).not.toContain('annan');
      expect(chosen.status).toBe(200);
      expect(chosen.body.message).toBe('Sparat: du arbetar på Hallundaskolan (Mottagningssektion Norr). Det gäller också i chatten.');
      expect(unknown.status).toBe(422);
      expect(socialsekreterare.status).toBe(403);
      expect(rektor.body.code).toBe('TAB_SCHOOL_FROM_ROLES');
      expect((await as('ahmed').week()).body.school).toBeUndefined();
      expect(JSON.stringify(chatSays)).toContain('Mottagningssektion Norr');
      expect(JSON.stringify(chatSays)).not.toContain('Mottagningssektion Södra');
    });
  });

  describe('when a socialsekreterare tries to book a colleague’s konsultation', () => {
    it('answers 403, as the chat does: konsultationer are for staff in förskola and skola', async () => {
      const saras = await tabClient(bot.baseUrl, { 'x-dev-user': TAB_PEOPLE.sara.upn }).postSlots({ ...KONSULTATIONER, date: THURSDAY });
      const free = entriesOf((await as('sara').week()).body).find((entry) => entry.day === THURSDAY && entry.kind === 'konsultation');
      const response = await as('ahmed').book({ slotId: free!.id, kind: 'konsultation' });

      expect(saras.status).toBe(201);
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ code: 'TAB_ROLE_NOT_ALLOWED', message: 'Konsultationstider bokas av personal i förskola och skola.' });
    });
  });

  describe('when the socialsekreterare cancels a booked slot', () => {
    it('cancels the booking too and tells the page who will be told', async () => {
      const booked = entriesOf((await as('ahmed').week()).body).find((entry) => entry.state === 'booked');
      const byRektor = await as('johan').cancelSlot(booked!.id);
      const response = await as('ahmed').cancelSlot(booked!.id);
      const again = await as('ahmed').cancelSlot(booked!.id);
      const johans = entriesOf((await as('johan').week()).body).filter((entry) => entry.state === 'mine');

      expect(byRektor.status).toBe(403);
      expect(response.status).toBe(200);
      expect(response.body.message).toBe('Tiden är avbokad. Johan Ek får besked i Teams.');
      expect(again.status).toBe(409);
      expect(johans).toEqual([]);
    });
  });

  describe('when the API has logged all of the above', () => {
    it('logged codes, never who asked (the header) or what they wrote (the body)', () => {
      const logs = bot.logs.join('\n');
      expect(logs).toContain('"code":"TAB_SLOT_TAKEN"');
      expect(logs).toContain('"code":"TAB_PRIVACY_REFUSED"');
      expect(logs).not.toContain(PLACE);
      for (const person of Object.values(TAB_PEOPLE)) expect(logs).not.toContain(person.upn);
    });
  });
});

describe('tab routes with Teams SSO', () => {
  /** A second tenant whose issuer the bot also accepts, signed with the same keys: a guest organisation, say. */
  const OTHER_TENANT = '0f0e0d0c-0b0a-4909-8807-060504030201';
  const OTHER_ISSUER = `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`;
  const NOT_SOCIALSEKRETERARE = { code: 'TAB_ROLE_NOT_ALLOWED', message: 'Bara socialsekreterare vid mottagningssektionen kan lägga upp tider.' };
  let issuer: SsoTokenIssuer;
  let bot: AppUnderTest;
  const withToken = (token: string): TabClient => tabClient(bot.baseUrl, { authorization: `Bearer ${token}` });
  /** "lägg upp tider" in a personal chat, as Teams would send it for this object id and tenant. */
  const chatPostTimes = async (aadObjectId: string, tenantId: string): Promise<string> => {
    const activity = messageActivity('lägg upp tider', { userId: `29:${aadObjectId}` });
    const { replies } = await bot.send({ ...activity, from: { ...activity.from, aadObjectId }, conversation: { ...activity.conversation, tenantId }, channelData: { tenant: { id: tenantId } } });
    return JSON.stringify(replies);
  };

  beforeAll(async () => {
    issuer = await startSsoTokenIssuer();
    const dir = await mkdtemp(path.join(tmpdir(), 'tab-sso-'));
    const rolesFile = await writeTabRolesFile(dir, { tenantId: issuer.tenantId });
    bot = await startAppUnderTest(
      { ROLES_FILE: rolesFile, REMINDER_POLL_MS: '0', TAB_SSO_JWKS_URL: issuer.jwksUrl, TAB_SSO_AUDIENCE: issuer.audience, TAB_SSO_ISSUER: `${issuer.issuer},${OTHER_ISSUER}` },
      dir,
      { clock: fixedClock(TAB_TEST_NOW) },
    );
  });
  afterAll(async () => {
    await bot?.stop();
    await issuer?.close();
  });

  describe('when the page sends a valid token', () => {
    it('answers with the week of the user the token names', async () => {
      const token = await issuer.token({ oid: TAB_PEOPLE.sara.aadObjectId, upn: TAB_PEOPLE.sara.upn, name: 'Sara Lind' });
      const response = await withToken(token).week();

      expect(response.status).toBe(200);
      expect(response.body.user).toMatchObject({ name: 'Sara Lind', roleLabel: 'Socialsekreterare · Mottagningssektion Södra' });
    });
  });

  describe('when a token names a listed person by upn/preferred_username but carries another object id', () => {
    it('gives no role: the week is an ordinary staff member\'s, and posting times gets the calm refusal', async () => {
      const impostor = await issuer.token({ oid: '7e7e7e7e-0000-4000-8000-000000000001', upn: TAB_PEOPLE.ahmed.upn, name: 'Ahmed Hassan' });
      const week = await withToken(impostor).week();
      const post = await withToken(impostor).postSlots(KONSULTATIONER);

      expect(week.status).toBe(200);
      expect(week.body.user.role).toBe('elevhalsa');
      expect(week.body.can.postSlots).toBe(false);
      expect(post.status).toBe(403);
      expect(post.body).toEqual(NOT_SOCIALSEKRETERARE);
    });
  });

  describe('when a token carries a listed object id and upn, but from another accepted tenant', () => {
    it('gives no role in the tab, and none in the chat either', async () => {
      const otherTenant = await issuer.token(
        { oid: TAB_PEOPLE.ahmed.aadObjectId, upn: TAB_PEOPLE.ahmed.upn, name: 'Ahmed Hassan' },
        { issuer: OTHER_ISSUER, claims: { tid: OTHER_TENANT } },
      );
      const week = await withToken(otherTenant).week();
      const post = await withToken(otherTenant).postSlots(KONSULTATIONER);

      expect(week.status).toBe(200);
      expect(week.body.user.role).toBe('elevhalsa');
      expect(post.status).toBe(403);
      expect(post.body).toEqual(NOT_SOCIALSEKRETERARE);
      const chat = await chatPostTimes(TAB_PEOPLE.ahmed.aadObjectId, OTHER_TENANT);
      expect(chat).toContain('du är inte registrerad som socialsekreterare');
      expect(chat).not.toContain('availability.post');
    });
  });

  describe('when a listed person\'s sign-in name has changed', () => {
    it('still gives the role by object id and tenant, in the tab as in the chat', async () => {
      const renamed = await issuer.token({ oid: TAB_PEOPLE.ahmed.aadObjectId, upn: 'ahmed.hassan-nyman@botkyrka.se', name: 'Ahmed Hassan' });
      const week = await withToken(renamed).week();
      const post = await withToken(renamed).postSlots(KONSULTATIONER);

      expect(week.body.user).toMatchObject({ role: 'socialsekreterare', roleLabel: 'Socialsekreterare · Mottagningssektion Norr' });
      expect(post.status).toBe(201);
      expect(post.body).toMatchObject({ posted: 2 });
      const chat = await chatPostTimes(TAB_PEOPLE.ahmed.aadObjectId, issuer.tenantId);
      expect(chat).toContain('"action":"availability.post"');
      expect(chat).not.toContain('du är inte registrerad som socialsekreterare');
    });
  });

  describe('when the token is for another app, or the development header is sent instead', () => {
    it('answers 401 and logs the code, never the token', async () => {
      const token = await issuer.token({ oid: TAB_PEOPLE.sara.aadObjectId }, { audience: 'api://annan.example/11111111-2222-3333-4444-555555555555' });
      const wrongAudience = await tabClient(bot.baseUrl, { authorization: `Bearer ${token}` }).week();
      const devHeader = await tabClient(bot.baseUrl, { 'x-dev-user': TAB_PEOPLE.sara.upn }).week();

      expect(wrongAudience.status).toBe(401);
      expect(wrongAudience.body.code).toBe('TAB_TOKEN_WRONG_AUDIENCE');
      expect(devHeader.status).toBe(401);
      expect(bot.logs.join('\n')).toContain('"code":"TAB_TOKEN_WRONG_AUDIENCE"');
      expect(bot.logs.join('\n')).not.toContain(token.split('.')[1]!);
    });
  });
});

describe('tab routes without SSO settings', () => {
  it('answers 503: the tab is not configured, which is not the user’s fault', async () => {
    const bot = await startAppUnderTest({ REMINDER_POLL_MS: '0' });
    try {
      const response = await tabClient(bot.baseUrl, { authorization: 'Bearer a.b.c' }).week();

      expect(response.status).toBe(503);
      expect(response.body.code).toBe('TAB_SSO_NOT_CONFIGURED');
      expect(response.body.message).toMatch(/^Fliken är inte färdig att använda än/);
    } finally {
      await bot.stop();
    }
  });
});
