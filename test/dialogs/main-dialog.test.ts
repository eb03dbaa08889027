import { describe, expect, it } from 'vitest';
import { bookingFlowNamedIn } from '../../dialogs/booking-routines.js';
import { welcomeActivity } from '../../dialogs/cards/main-menu-card.js';
import { TYPED_COMMANDS } from '../../dialogs/typed-commands.js';
import { buttonData, cardNodes, cardOf, createDialogHarness, realRoutines, stockholm, visibleText } from './dialog-harness.js';
import { unbreakableNumber } from '../../municipality/contacts.js';

const NOW = stockholm(2026, 11, 24, 10, 0);

describe('MainDialog', () => {
  describe('when the user writes “hjälp”', () => {
    it('shows the main menu card with the four routines, whom to call and the bookings', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send('hjälp');
      const titles = cardNodes(cardOf(reply)!).filter((node) => node.type === 'Action.Submit').map((node) => node.title);
      expect(titles).toEqual(['Akut oro – vem ringer jag nu?', 'Ställ en fråga', 'Anonym konsultation', 'Orosanmälan steg för steg', 'Telefontider och nummer', 'Tider och bokningar']);
      expect(visibleText(reply)).toMatch(/Skriv aldrig ett barns namn, personnummer/);
    });
  });

  describe('when the user writes “hjälp” in the personal chat', () => {
    it('lists what one can type besides the menu, each of which the bot then recognises', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send('hjälp');
      const text = visibleText(reply);
      expect(text).toContain('Du kan också skriva');
      for (const command of ['byt skola', 'mina bokningar', 'boka anmälningsmöte', 'lägg upp tider', 'avbryt', 'vem ringer jag', 'boka konsultation', 'mina tider']) {
        expect(text).toContain(`**${command}** – `);
      }
      expect(text).toContain('– avbryt det du håller på med (eller skriv ångra).');
    });

    it('lists in a channel only what works there (consultation, orosanmälan, bookings and “byt skola” are personal)', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send({ text: 'hjälp', conversation: { id: '19:eht@thread.tacv2', name: 'EHT', conversationType: 'channel', isGroup: true } });
      const text = visibleText(reply);
      expect(text).toContain('**akut oro** – ');
      expect(text).not.toMatch(/\*\*(anonym konsultation|orosanmälan|byt skola|mina bokningar|boka anmälningsmöte|lägg upp tider)\*\*/);
    });
  });

  describe('when a consultation started before it was refused in channels is still running in one', () => {
    it('stops it at the next press and shows the way to the personal chat, so nobody answers on someone else’s behalf', async () => {
      const harness = await createDialogHarness({ now: NOW });
      // Its state, as an earlier version left it: the routine began in this conversation and waits for its next press.
      const id = '19:eht@thread.tacv2';
      await harness.send({ value: { action: 'menu', routine: 'konsultation' }, conversation: { id, name: 'EHT', conversationType: 'personal', isGroup: false } });
      const channel = { id, name: 'EHT', conversationType: 'channel', isGroup: true };
      const [reply] = await harness.send({ value: { action: 'consultation.ageGroup', choice: 'forskola' }, conversation: channel });
      expect(visibleText(reply)).toMatch(/^\*\*Anonym konsultation\*\* gör du i en personlig chatt med mig/);
      expect(harness.events).toContain('redirected:konsultation');
      const [after] = await harness.send({ value: { action: 'consultation.concern', choice: 'behov' }, conversation: channel });
      expect(visibleText(after)).toMatch(/hör till något som redan är avslutat/);
    });

    it('still lets akut oro through at once', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const id = '19:eht@thread.tacv2';
      await harness.send({ value: { action: 'menu', routine: 'orosanmalan' }, conversation: { id, name: 'EHT', conversationType: 'personal', isGroup: false } });
      const [reply] = await harness.send({ value: { action: 'menu', routine: 'akut-oro' }, conversation: { id, name: 'EHT', conversationType: 'channel', isGroup: true } });
      expect(reply?.text).toMatch(/^\*\*Akut oro – gör så här nu\*\*/);
    });
  });

  describe('when every command “hjälp” lists is typed', () => {
    it('starts what it names instead of searching the routines for it', async () => {
      const bookingWords = new Set(['boka anmälningsmöte', 'mina bokningar', 'lägg upp tider', 'boka konsultation', 'mina tider']);
      for (const command of TYPED_COMMANDS.filter((c) => !bookingWords.has(c.title))) {
        const harness = await createDialogHarness({ now: NOW });
        await harness.send(command.title);
        expect(harness.events.filter((event) => event.startsWith('answered:')), command.title).toEqual([]);
      }
      for (const title of bookingWords) expect(bookingFlowNamedIn(title), title).toBeDefined();
    });
  });

  describe('when the user writes “ångra” in the middle of a routine', () => {
    it.each(['ångra', 'Ångra mig', 'jag ångrar mig'])('“%s” cancels it calmly instead of being taken as a question', async (words) => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.press({ action: 'menu', routine: 'konsultation' });
      await harness.press({ action: 'consultation.ageGroup', choice: 'forskola' });
      const [reply] = await harness.send(words);
      expect(reply?.text).toBe('Okej, jag har avbrutit. Skriv en fråga, eller **hjälp** för menyn.');
      expect(harness.events.filter((event) => event.startsWith('answered:'))).toEqual([]);
      // The consultation is gone: its next button leads back to the menu.
      const [stale] = await harness.press({ action: 'consultation.concern', choice: 'behov' });
      expect(stale?.text).toMatch(/hör till något som redan är avslutat/);
    });

    it('says calmly that there is nothing to undo outside a routine', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send('ångra');
      expect(reply?.text).toMatch(/^Det finns inget pågående att avbryta/);
      expect(harness.events).toEqual([]);
    });
  });

  describe('when the bot welcomes a new user', () => {
    it('sends the pack’s short text with the anonymity rule and the main menu', async () => {
      const welcome = welcomeActivity((await realRoutines()).welcome);
      expect(welcome.text).toMatch(/Samverkansboten/);
      expect(welcome.text).toMatch(/anonym.*personnummer/s);
      expect(cardOf(welcome)).toBeDefined();
    });
  });

  describe('when free text comes outside a routine', () => {
    it('answers it from the routines with citations', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send('Måste vi vara säkra innan vi gör en orosanmälan?');
      expect(reply?.text).toMatch(/misstank/i);
      expect(reply?.text).toContain('[1]');
      expect(reply?.entities?.some((e) => e.type === 'https://schema.org/Message')).toBe(true);
      expect(harness.events).toContain('answered:answer');
    });

    it('says honestly when the routines hold no answer', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send('Hur återställer jag mitt lösenord till lönesystemet?');
      expect(reply?.text).toMatch(/inget svar/);
    });
  });

  describe('when the user writes “avbryt”', () => {
    it('says there is nothing to cancel outside a routine', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send('avbryt');
      expect(reply?.text).toMatch(/^Det finns inget pågående att avbryta/);
    });

    it('leaves the orosanmälan, and its old buttons then only lead back to the menu', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.press({ action: 'menu', routine: 'skola' });
      await harness.press({ action: 'school.choose', school: 'tunaskolan' });
      await harness.press({ action: 'menu', routine: 'orosanmalan' });
      const [step1] = await harness.send('nej');
      const [cancelled] = await harness.send('Avbryt.');
      expect(cancelled?.text).toMatch(/^Okej, jag har avbrutit/);
      const [stale] = await harness.press(buttonData(step1, 'Nästa: skriftlig anmälan'));
      expect(stale?.text).toMatch(/hör till något som redan är avslutat/);
      expect(cardNodes(cardOf(stale)!).some((node) => node.title === 'Anonym konsultation')).toBe(true);
    });
  });

  describe('when “meny” is written in the middle of a routine', () => {
    it('leaves the routine and shows the menu', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.press({ action: 'menu', routine: 'konsultation' });
      const [reply] = await harness.send('meny');
      expect(visibleText(reply)).toContain('Vad vill du göra?');
      const [answer] = await harness.send('hur länge får en utredning ta?');
      expect(answer?.text).toMatch(/fyra månader/);
    });
  });

  describe('when a menu button is pressed in the middle of a routine', () => {
    it('starts the chosen routine', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.press({ action: 'menu', routine: 'konsultation' });
      const [reply] = await harness.press({ action: 'menu', routine: 'orosanmalan' });
      expect(visibleText(reply)).toContain('Först: är det akut?');
    });
  });

  describe('when a card submit is odd', () => {
    it.each([
      ['an unknown action', { action: 'admin.deleteAll' }],
      ['a tampered choice', { action: 'consultation.concern', choice: 'något helt annat' }],
      ['a bare string', 'hej'],
      ['an empty object', {}],
    ])('answers %s outside a routine calmly, with the menu', async (_label, value) => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.press(value);
      expect(reply?.text).toMatch(/^Jag kunde inte läsa svaret från kortet/);
      expect(cardOf(reply)).toBeDefined();
    });

    it('answers it inside a routine and the routine goes on', async () => {
      const harness = await createDialogHarness({ now: NOW });
      await harness.press({ action: 'menu', routine: 'konsultation' });
      const [odd] = await harness.press({ action: 'consultation.ageGroup', choice: 'vuxen' });
      expect(odd?.text).toMatch(/^Jag kunde inte läsa svaret från kortet.*Svara på frågan ovan/);
      const [next] = await harness.press({ action: 'consultation.ageGroup', choice: 'gymnasiet' });
      expect(visibleText(next)).toContain('2 av 4');
    });

    it('says that a button of a finished routine is no longer in use', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.press({ action: 'consultation.duration', choice: 'dagar' });
      expect(reply?.text).toMatch(/hör till något som redan är avslutat/);
    });
  });

  describe('when a message has no text', () => {
    it('asks for the question as text', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send({ text: '' });
      expect(reply?.text).toMatch(/^Skriv din fråga som text/);
    });
  });

  describe('when the menu choices are typed or pressed', () => {
    it('starts the orosanmälan from the typed word', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.send('orosanmälan');
      expect(visibleText(reply)).toContain('Först: är det akut?');
    });

    it('starts akut oro from the menu without a question', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.press({ action: 'menu', routine: 'akut-oro' });
      expect(reply?.text).toMatch(/^\*\*Akut oro – gör så här nu\*\*/);
    });

    it('invites a question on “Ställ en fråga”', async () => {
      const harness = await createDialogHarness({ now: NOW });
      const [reply] = await harness.press({ action: 'menu', routine: 'fraga' });
      expect(reply?.text).toMatch(/^Skriv din fråga med egna ord/);
    });

    it('shows whom to call now, with a button to pick the school when it is unknown', async () => {
      const harness = await createDialogHarness({ now: stockholm(2026, 11, 23, 12, 30) });
      const [reply] = await harness.press({ action: 'menu', routine: 'vem-ringer' });
      const text = visibleText(reply);
      expect(text).toContain('**Ring socialjouren nu:**');
      // Neither number can break over two lines on a narrow card.
      expect(text).toContain(`Mottagningssektion Norr: ${unbreakableNumber('08-530 622 55')} (fax ${unbreakableNumber('08-530 622 88')})`);
      expect(text).toContain('Källor: Äldre Botkyrkarutin, avsnitten Telefontider och Socialjouren · Kraftsamling 2016, Akut oro');
      const pick = await harness.press(buttonData(reply, 'Välj din förskola/skola'));
      expect(visibleText(pick[0])).toContain('Vilken förskola eller skola arbetar du på?');
      await harness.press({ action: 'school.choose', school: 'broangsskolan' });
      const [again] = await harness.press({ action: 'menu', routine: 'vem-ringer' });
      expect(visibleText(again)).not.toContain('Mottagningssektion Norr');
      expect(visibleText(again)).not.toContain('Välj din förskola/skola');
    });
  });
});
