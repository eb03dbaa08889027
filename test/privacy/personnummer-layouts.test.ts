import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PrivacyGuard, personnummerCheckDigit } from '../../privacy/index.js';

const guard = new PrivacyGuard();
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** A valid personnummer or samordningsnummer (day + 60) as its parts. */
const number = fc
  .record({
    year: fc.integer({ min: 1930, max: 2024 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 0.999, noNaN: true }),
    serial: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
  })
  .map(({ year, month, dayFraction, serial, coordination }) => {
    const day = 1 + Math.floor(dayFraction * daysIn(year, month)) + (coordination ? 60 : 0);
    const nine = `${pad(year % 100)}${pad(month)}${pad(day)}${pad(serial, 3)}`;
    return { yyyy: String(year), yy: pad(year % 100), mm: pad(month), dd: pad(day), serial: `${pad(serial, 3)}${personnummerCheckDigit(nine)}` };
  });

/** How the date part is grouped: compact, in pairs, "YYYYMM DD", the century apart ("20 14 03 12"). */
const dateGrouping = fc.constantFrom('compact', 'pairs', 'year-month+day', 'century-pairs');
/** What stands between the groups of the date. */
const dateSeparator = fc.constantFrom(' ', '-', '/', '.', ':', '_');
/** What stands before the last four. */
const serialSeparator = fc.constantFrom('', '-', '+', ' ', ' - ', '/', '.', ':', '_', '\u2013', '\u2212', '\u00a0-\u00a0', '&#8211;', '&ndash;', '&minus;', '&#45;', '\u200b-\u200b',
  // A line break, an emoji minus, and the dash said in words ("180127 streck 0032").
  '\n', '\n-', ' -\n', '\u2796', ' streck ', ' bindestreck ', '&#x2010;',
  // Any mark at hand on a phone keyboard ("140312·2383", "140312|2383", "140312,2383").
  '\u00b7', '\u2022', '|', ',', ';', '~', '=',
  // The serial on a line of its own, after an empty line or a dash on its own line.
  '\n\n', '\n-\n');
/** The last four together or in pairs. */
const serialGrouping = fc.constantFrom('together', 'pairs');
/** Disguises applied to the whole number. */
const disguise = fc.constantFrom(
  'none', 'full-width', 'zero-width', 'soft-hyphen', 'no-break-space', 'digit-by-digit', 'markup', 'keycap', 'letter-o', 'arabic-indic', 'superscript',
);
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Where the number stands. */
const context = fc.constantFrom(
  (n: string) => n,
  (n: string) => `Kan ni kolla ${n} åt mig?`,
  (n: string) => `eleven ${n} har inte kommit`,
  (n: string) => `Det gäller ${n}, hämtas ofta sent`,
  (n: string) => `The pupil is ${n} if you need it.`,
  (n: string) => `födelsenummer ${n}`,
  // Glued to a word or a genitive: "elev140312-2383", "140312-2383s mamma".
  (n: string) => `elev${n} har inte kommit`,
  (n: string) => `${n}s mamma ringde`,
);

function write(
  n: { yyyy: string; yy: string; mm: string; dd: string; serial: string },
  long: boolean,
  grouping: string,
  inDate: string,
  beforeSerial: string,
  serialInPairs: boolean,
  how: string,
): string {
  const year = long ? n.yyyy : n.yy;
  let date: string;
  if (grouping === 'compact') date = `${year}${n.mm}${n.dd}`;
  else if (grouping === 'pairs') date = [year, n.mm, n.dd].join(inDate);
  else if (grouping === 'year-month+day') date = `${year}${n.mm}${inDate}${n.dd}`;
  else date = long ? [n.yyyy.slice(0, 2), n.yyyy.slice(2), n.mm, n.dd].join(inDate) : [year, n.mm, n.dd].join(inDate);
  // Pairs in the serial take the date's separator, or a space: "18.09.67.95.07", "20 14 07 15 64 78".
  const pairJoin = grouping === 'compact' ? ' ' : inDate;
  const serial = serialInPairs ? `${n.serial.slice(0, 2)}${pairJoin}${n.serial.slice(2)}` : n.serial;
  // Nobody runs the serial into a grouped date ("14 03 121234"); it is then parted like the date.
  const separator = (serialInPairs || grouping !== 'compact') && beforeSerial === '' ? pairJoin : beforeSerial;
  // Disguises touch the digits, not an entity standing for the dash ("&#8211;").
  return `${applyDisguise(date, how)}${separator}${applyDisguise(serial, how)}`;
}

function applyDisguise(text: string, how: string): string {
  switch (how) {
    case 'full-width':
      return text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
    case 'zero-width':
      return text.replace(/(\d)(?=\d)/g, '$1\u200b');
    case 'soft-hyphen':
      return text.replace(/(\d\d)(?=\d)/g, '$1\u00ad');
    case 'no-break-space':
      return text.replace(/ /g, '\u00a0');
    case 'digit-by-digit':
      return text.replace(/\d(?=\d)/g, '$& ');
    case 'markup':
      return `<b>${text}</b>`;
    case 'keycap':
      return text.replace(/\d/g, '$&\ufe0f\u20e3');
    case 'letter-o':
      // One zero written as the letter O, as typed on a phone ("14O312").
      return text.replace('0', 'O');
    case 'arabic-indic':
      return text.replace(/\d/g, (digit) => String.fromCharCode(0x660 + Number(digit)));
    case 'superscript':
      return text.replace(/\d/g, (digit) => SUPERSCRIPT[Number(digit)]!);
    default:
      return text;
  }
}

describe('personnummer layouts', () => {
  describe('when a valid personnummer or samordningsnummer is written with any separator, grouping or disguise', () => {
    it('is caught', () => {
      fc.assert(
        fc.property(
          number,
          fc.boolean(),
          dateGrouping,
          dateSeparator,
          serialSeparator,
          serialGrouping,
          disguise,
          context,
          (n, long, grouping, inDate, beforeSerial, serialGroups, how, wrap) => {
            const text = wrap(write(n, long, grouping, inDate, beforeSerial, serialGroups === 'pairs', how));
            // A number glued to a word with O typed for 0 ("elev14O312-2383") reads as a word: two disguises at once.
            fc.pre(!(how === 'letter-o' && (text.startsWith('elev') || text.includes('s mamma'))));
            expect(guard.inspectText(text).categories, JSON.stringify(text)).toContain('personnummer');
          },
        ),
        { numRuns: 3000 },
      );
    });
  });

  describe('when a number from 2000 starting with 0 is written digit by digit and its serial runs into the day', () => {
    // Found by the property above in CI: spaced digits are joined, and the date's groups no longer end where the date does.
    it.each(['0 0-0 1-0 1 0 0 0 8', '0 0.0 1.0 1 0 0.0 8', '0 0 0 1-0 1 0 0 0 8'])('is caught: %j', (text) => {
      expect(guard.inspectText(text).categories).toContain('personnummer');
    });
  });

  describe('when the digits are spelled out in Swedish', () => {
    const words = ['noll', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio'];
    const spell = (digits: string): string => [...digits].map((digit) => words[Number(digit)]).join('-');

    it('is caught', () => {
      fc.assert(
        fc.property(number, (n) => {
          const text = `personnumret är ${spell(`${n.yy}${n.mm}${n.dd}`)}, ${spell(n.serial)}`;
          expect(guard.inspectText(text).categories, text).toContain('personnummer');
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('when the digits are said in pairs as Swedish numbers', () => {
    const ones = ['noll', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio'];
    const teens = ['tio', 'elva', 'tolv', 'tretton', 'fjorton', 'femton', 'sexton', 'sjutton', 'arton', 'nitton'];
    const tens = ['', '', 'tjugo', 'trettio', 'fyrtio', 'femtio', 'sextio', 'sjuttio', 'åttio', 'nittio'];
    /** "03" → "noll tre", "14" → "fjorton", "86" → "åttiosex", "40" → "fyrtio". */
    const say = (pair: string): string => {
      const value = Number(pair);
      if (pair.startsWith('0')) return `noll ${ones[value]}`;
      if (value < 20) return teens[value - 10]!;
      return `${tens[Math.floor(value / 10)]}${value % 10 === 0 ? '' : ones[value % 10]}`;
    };
    const inPairs = (digits: string): string => (digits.match(/\d\d/g) ?? []).map(say).join(' ');

    it('is caught', () => {
      fc.assert(
        fc.property(number, fc.boolean(), (n, long) => {
          const text = `hon har ${inPairs(`${long ? n.yyyy : n.yy}${n.mm}${n.dd}${n.serial}`)} som personnummer`;
          expect(guard.inspectText(text).categories, text).toContain('personnummer');
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('when the serial is given apart from the date', () => {
    it.each([
      'Flickan är född 130517, de fyra sista är 4471',
      'Numret börjar med 20111104 och slutar på 2093',
      'Datumdelen 170228, sista siffrorna 6650',
      'date of birth 120304, last four 5512',
      '5512 är de sista siffrorna, datumdelen 120304',
    ])('is caught: "%s"', (text) => {
      expect(guard.inspectText(text).categories).toContain('personnummer');
    });
  });
});
