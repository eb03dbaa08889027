import { beforeAll, describe, expect, it } from 'vitest';
import type { Contacts } from '../../municipality/contacts.js';
import { callNowLines, nonUrgentCallLines, refusalCallLine, telephoneHoursText, whoToCall } from '../../triage/who-to-call.js';
import { realKnowledge, stockholm } from '../dialogs/dialog-harness.js';

const NORR = '08-530 622 55';
const SODRA = '08-530 619 05';
const JOUREN = ['08-778 48 60', '010-564 64 67'];

describe('whoToCall', () => {
  let contacts: Contacts;
  beforeAll(async () => {
    contacts = (await realKnowledge()).contacts;
  });

  describe('when the mottagningssektion answers', () => {
    it('names the area’s section with a tel: link and when it closes', () => {
      const who = whoToCall(contacts, stockholm(2026, 11, 24, 10, 0), 'norr');
      expect(who.open).toBe(true);
      expect(who.callNow.map((c) => c.phone)).toEqual([NORR]);
      expect(who.callNow[0]?.tel).toBe('tel:+46853062255');
      expect(callNowLines(who).join('\n')).toContain('Ring Mottagningssektion Norr nu:** [08-530 622 55](tel:+46853062255)');
      expect(who.openingText).toBe('Mottagningen har öppet till kl. 12.00');
    });

    it('names both sections when the school (and so the area) is unknown', () => {
      const who = whoToCall(contacts, stockholm(2026, 11, 24, 10, 0));
      expect(who.callNow.map((c) => c.phone)).toEqual([NORR, SODRA]);
      expect(callNowLines(who)[0]).toMatch(/Mottagningssektion Norr \[08-530 622 55\].*Mottagningssektion Södra \[08-530 619 05\]/);
    });
  });

  describe.each([
    ['Monday 08.29, before opening', stockholm(2026, 11, 23, 8, 29), 'before-opening', 'Mottagningen öppnar igen i dag kl. 08.30'],
    ['Monday 12.30, lunch', stockholm(2026, 11, 23, 12, 30), 'lunch', 'Mottagningen öppnar igen i dag kl. 13.00'],
    ['Friday 14.05, after closing', stockholm(2026, 11, 27, 14, 5), 'after-closing', 'Mottagningen öppnar igen måndag 30 november kl. 08.30'],
    ['a Saturday', stockholm(2026, 11, 28, 10, 0), 'weekend', 'Mottagningen öppnar igen måndag 30 november kl. 08.30'],
    ['midsommarafton', stockholm(2026, 6, 19, 10, 0), 'holiday', 'Mottagningen öppnar igen måndag 22 juni kl. 08.30'],
    ['1 January', stockholm(2027, 1, 1, 10, 0), 'holiday', 'Mottagningen öppnar igen måndag 4 januari kl. 08.30'],
    ['the Sunday clocks go forward', stockholm(2026, 3, 29, 10, 0), 'weekend', 'Mottagningen öppnar igen i morgon kl. 08.30'],
    ['the Monday after clocks go back, 08.15', stockholm(2026, 10, 26, 8, 15), 'before-opening', 'Mottagningen öppnar igen i dag kl. 08.30'],
  ] as const)('when it is %s', (_label, now, reason, opening) => {
    it('sends the user to socialjouren and says when the mottagningssektion opens', () => {
      const who = whoToCall(contacts, now, 'norr');
      expect(who.open).toBe(false);
      expect(who.status.reason).toBe(reason);
      expect(who.callNow.map((c) => c.phone)).toEqual(JOUREN);
      expect(who.openingText).toBe(opening);
      const [call, when] = callNowLines(who);
      expect(call).toBe('**Ring socialjouren nu:** [08-778 48 60](tel:+4687784860) eller [010-564 64 67](tel:+46105646467).');
      expect(when).toContain(`${opening} – då når du den på [${NORR}](tel:+46853062255)`);
    });
  });

  describe('when the clocks have just gone forward', () => {
    it('reads 08.45 summer time as open (06.45 UTC)', () => {
      const now = stockholm(2026, 3, 30, 8, 45);
      expect(now.toISOString()).toBe('2026-03-30T06:45:00.000Z');
      expect(whoToCall(contacts, now, 'sodra').callNow.map((c) => c.phone)).toEqual([SODRA]);
    });
  });

  describe('when a holiday closes the line', () => {
    it('names the holiday', () => {
      expect(whoToCall(contacts, stockholm(2026, 6, 19, 10, 0), 'norr').closedReason).toBe('Mottagningssektion Norr har stängt (midsommarafton)');
    });
  });

  describe('when the concern can wait (a consultation)', () => {
    it('points to the section when it opens and to socialjouren only if it cannot wait', () => {
      const lines = nonUrgentCallLines(whoToCall(contacts, stockholm(2026, 11, 23, 12, 30), 'norr'));
      expect(lines[0]).toMatch(/^Mottagningssektion Norr har lunchstängt\. Mottagningen öppnar igen i dag kl\. 13\.00/);
      expect(lines[1]).toMatch(/^Kan det inte vänta till dess: ring socialjouren/);
    });
  });

  describe('refusalCallLine', () => {
    describe.each([
      [
        'Saturday 11.00',
        stockholm(2026, 11, 28, 11, 0),
        'Brådskar det, ring socialjouren nu: 08-778 48 60 eller 010-564 64 67. Mottagningssektionerna har stängt i helgen. ' +
          'Mottagningen öppnar igen måndag 30 november kl. 08.30. Är barnet i omedelbar fara, ring 112.',
      ],
      [
        'Monday 12.35 (lunch)',
        stockholm(2026, 11, 23, 12, 35),
        'Brådskar det, ring socialjouren nu: 08-778 48 60 eller 010-564 64 67. Mottagningssektionerna har lunchstängt. ' +
          'Mottagningen öppnar igen i dag kl. 13.00. Är barnet i omedelbar fara, ring 112.',
      ],
      [
        'Monday 09.00',
        stockholm(2026, 11, 23, 9, 0),
        'Brådskar det, ring mottagningssektionen nu: Mottagningssektion Norr 08-530 622 55 eller Mottagningssektion Södra 08-530 619 05. ' +
          'Är barnet i omedelbar fara, ring 112.',
      ],
    ] as const)('when a refusal is given on %s and the area is unknown', (_label, now, line) => {
      it('is one plain-text line naming whom to call now, and 112', () => {
        const text = refusalCallLine(whoToCall(contacts, now));
        expect(text).toBe(line);
        expect(text).not.toContain('\n');
        expect(text).not.toMatch(/\*\*|\]\(tel:/);
      });
    });

    describe('when the area is known and the section is open', () => {
      it('names only that section', () => {
        expect(refusalCallLine(whoToCall(contacts, stockholm(2026, 11, 23, 9, 0), 'sodra'))).toBe(
          `Brådskar det, ring Mottagningssektion Södra nu: ${SODRA}. Är barnet i omedelbar fara, ring 112.`,
        );
      });
    });
  });

  describe('telephoneHoursText', () => {
    it('lists the hours from contacts.yaml in Swedish', () => {
      expect(telephoneHoursText(contacts)).toBe(
        'måndag 08.30–18.00, tisdag–torsdag 08.30–16.00, fredag 08.30–14.00, lunchstängt 12.00–13.00, stängt helger och helgdagar',
      );
    });
  });
});
