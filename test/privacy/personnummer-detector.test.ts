import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrivacyGuard, isPersonnummerDate, personnummerCheckDigit } from '../../privacy/index.js';

const guard = new PrivacyGuard();

interface Person {
  year: number;
  month: number;
  day: number;
  serial: string;
  coordination: boolean;
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A valid personnummer or samordningsnummer for a plausible date (children and their parents). */
const person = fc
  .record({
    year: fc.integer({ min: 1930, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
  })
  .map(({ year, month, dayFraction, serial, coordination }): Person => {
    const day = 1 + Math.floor(dayFraction * daysIn(year, month));
    const nine = `${pad(year % 100)}${pad(month)}${pad(day + (coordination ? 60 : 0))}${pad(serial, 3)}`;
    return { year, month, day, serial: `${pad(serial, 3)}${personnummerCheckDigit(nine)}`, coordination };
  });

function dateParts(p: Person): { yy: string; yyyy: string; mm: string; dd: string } {
  return { yy: pad(p.year % 100), yyyy: String(p.year), mm: pad(p.month), dd: pad(p.day + (p.coordination ? 60 : 0)) };
}

/** Every way staff write the same number. */
function writtenForms(p: Person): string[] {
  const { yy, yyyy, mm, dd } = dateParts(p);
  const s = p.serial;
  return [
    `${yy}${mm}${dd}-${s}`,
    `${yy}${mm}${dd}${s}`,
    `${yy}${mm}${dd} ${s}`,
    `${yy}${mm}${dd} - ${s}`,
    `${yy}${mm}${dd}\u2013${s}`,
    `${yy}${mm}${dd}+${s}`,
    `${yyyy}${mm}${dd}-${s}`,
    `${yyyy}${mm}${dd}${s}`,
    `${yyyy}${mm}${dd} ${s}`,
    `${yy} ${mm} ${dd}-${s}`,
    `${yy} ${mm} ${dd} ${s}`,
    `${yyyy} ${mm} ${dd}-${s}`,
    `${yyyy}-${mm}-${dd}-${s}`,
    `pnr ${yy}${mm}${dd}-${s}`,
    `personnr: ${yyyy}${mm}${dd}${s}`,
    `p-nr ${yy}${mm}${dd}${s}`,
  ];
}

const sentence = (number: string): string => `Kan ni kolla ${number} åt mig?`;

describe('personnummer detection', () => {
  describe('when a valid number is written in any form', () => {
    it('catches every form, alone and inside a sentence', () => {
      fc.assert(
        fc.property(person, (p) => {
          for (const form of writtenForms(p)) {
            expect(guard.inspectText(form).categories, form).toContain('personnummer');
            expect(guard.inspectText(sentence(form)).categories, form).toContain('personnummer');
          }
        }),
        { numRuns: 300 },
      );
    });

    it('catches a masked serial, since the date alone reveals the date of birth', () => {
      fc.assert(
        fc.property(person, fc.constantFrom('XXXX', 'xxxx', '****', '12XX'), (p, mask) => {
          const { yy, yyyy, mm, dd } = dateParts(p);
          expect(guard.inspectText(`${yy}${mm}${dd}-${mask}`).categories).toContain('personnummer');
          expect(guard.inspectText(`Eleven (${yyyy}${mm}${dd}-${mask}) har berättat om våld`).categories).toContain('personnummer');
        }),
      );
    });
  });

  describe('when digits only look like a personnummer', () => {
    it('does not read numbers whose date part is not a date as a personnummer, whatever the check digit', () => {
      const notADate = fc.record({
        yy: fc.integer({ min: 10, max: 99 }),
        month: fc.oneof(fc.constant(0), fc.integer({ min: 13, max: 99 })),
        day: fc.integer({ min: 1, max: 28 }),
        serial: fc.integer({ min: 0, max: 999 }),
      });
      fc.assert(
        fc.property(notADate, ({ yy, month, day, serial }) => {
          const nine = `${pad(yy)}${pad(month)}${pad(day)}${pad(serial, 3)}`;
          const number = `${nine.slice(0, 6)}-${nine.slice(6)}${personnummerCheckDigit(nine)}`;
          // Still refused, as a long number nobody publishes (an account, a card), but not as a personnummer.
          expect(guard.inspectText(sentence(number)).categories).toEqual(['identifier']);
        }),
      );
    });

    it('ignores random digit strings whose date part is not a date', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[1-9]\d{9}$/), (digits) => {
          fc.pre(!isPersonnummerDate(digits.slice(0, 6)));
          expect(guard.inspectText(`Ärende ${digits.slice(0, 6)}-${digits.slice(6)}`).categories).not.toContain('personnummer');
        }),
      );
    });

    it.each([
      'Enligt 14 kap. 1 § SoL ska vi anmäla.',
      'SoL (2001:453) gäller till den 1 juli 2025.',
      'Ring 08-530 622 55 mellan kl 13.00 och 15.00.',
      'Mötet är 2024-03-12 1300 i Tumba.',
      'Frånvaron är 35 % sedan den 12 mars.',
      'Botkyrka kommuns organisationsnummer är 212000-0142.',
      'Mötet flyttas från 2024-03-12 13:00 till 2024-03-19 13:00.',
      'Ring socialjouren på 010-564 64 67 eller 08-778 48 60.',
      'Mammans mobil är 070-174 06 55.',
      'Perioden 2024-03-12 - 2024-04-12 gäller.',
      'Vi fick 1 250 000 kr i bidrag 2024.',
    ])('does not refuse "%s"', (text) => {
      expect(guard.inspectText(text).categories).not.toContain('personnummer');
    });
  });

  describe('when the check digit is wrong', () => {
    it('still catches the number, since its date is a date of birth', () => {
      fc.assert(
        fc.property(person, fc.integer({ min: 1, max: 9 }), (p, shift) => {
          const { yy, mm, dd } = dateParts(p);
          const wrong = (Number(p.serial[3]) + shift) % 10;
          // Years 00–09 written like a telephone number without a label need the check digit; see the layouts below.
          fc.pre(!yy.startsWith('0'));
          const number = `${yy}${mm}${dd}-${p.serial.slice(0, 3)}${wrong}`;
          expect(guard.inspectText(sentence(number)).categories).toContain('personnummer');
        }),
      );
    });
  });

  describe('when a label says it is a personnummer', () => {
    it('catches the date part alone, and a number whose check digit is off', () => {
      expect(guard.inspectText('pnr 140312').categories).toEqual(['personnummer']);
      expect(guard.inspectText('personnummer 20140312').categories).toEqual(['personnummer']);
      expect(guard.inspectText('Pnr: 140312-1235').categories).toEqual(['personnummer']);
      expect(guard.inspectText('samo 800175-3398').categories).toEqual(['personnummer']);
    });
  });

  describe('when the number is parted across lines, or the serial is given after a written date', () => {
    it('catches it', () => {
      expect(guard.inspectText('pnr\n20080115\n3392').categories).toEqual(['personnummer']);
      expect(guard.inspectText('född 15 januari 2008, de fyra sista är 3392').categories).toContain('personnummer');
    });
  });

  describe('when a samordningsnummer is written', () => {
    it('accepts day + 60 and rejects a day past 91', () => {
      expect(isPersonnummerDate('140372')).toBe(true);
      expect(isPersonnummerDate('140392')).toBe(false);
      expect(isPersonnummerDate('20150229')).toBe(false);
      expect(isPersonnummerDate('20160229')).toBe(true);
    });
  });
  describe('when the number is glued to a word or parted from its serial by an unusual mark', () => {
    it.each(['elev0806184420 har inte kommit', '080618-4420s mamma ringde', 'pnr080618-4420', '080618·4420', '080618 | 4420', '080618,4420', '20080618;4420'])(
      'is caught: %j',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('personnummer');
      },
    );

    it.each(['artikel1403122386 i katalogen', 'värdena 140312,2386 och 140313,2387', 'Telefon 530 48 60, alt 010-564 64 67'])('a number whose check digit fails is not one: %j', (text) => {
      expect(guard.inspectText(text).categories).not.toContain('personnummer');
    });
  });
  describe('when the serial stands a few words after the date and passes the check digit with it', () => {
    it.each(['2014-03-12, 2383', '140312 och 2383', '12 mars 2014 – 2383', 'född 14-03-12, sen 2383'])('is caught: %j', (text) => {
      expect(guard.inspectText(text).categories).toContain('personnummer');
    });

    it.each(['mötet 2025-03-12, 1300 i rum 4', 'faktura 2024-05-10 på 1250 kr', '140312 och 2386 är två olika nummer'])('a time, an amount or a failing check digit is not: %j', (text) => {
      expect(guard.inspectText(text).categories).not.toContain('personnummer');
    });
  });
});
