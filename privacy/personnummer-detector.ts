import type { Findings } from './findings.js';

/**
 * A run of digit groups joined by short separators that people put inside numbers: spaces, "-", "/", ".", ":", "_",
 * "+" (the text is normalised first, so dashes, no-break spaces and full-width digits are plain). A line break, or two
 * around a dash or an empty line, may part the date from the serial. A run starts
 * after something that is not a digit, "+" or a letter, so "+46 70 …" and "abcd0412" are not runs.
 */
const DIGIT_RUN = /(?<![\p{L}\d+])\d+(?:(?:[ \t\-/.:_+]{1,3}|[ \t\-/.:_+]{0,3}(?:\r?\n[ \t\-/.:_+]{0,3}){1,2})\d+)*(?![\d\p{L}])/gu;
const GROUP = /\d+/g;

/** A masked serial after a date part: "140312-XXXX", "2014 03 12-12xx", "140312 ****". */
const MASKED = /(?<![\p{L}\d+])(\d{8}|\d{6}|\d{4}[ \-/.]\d{2}[ \-/.]\d{2}|\d{2}[ \-/.]\d{2}[ \-/.]\d{2})[ \-+_:/.]{0,3}(\d{0,3}[Xx*#]{1,4})(?![\dXx*#\p{L}])/gu;

const LABEL =
  '(?:\\bp\\.?\\s?-?\\s?nr|födelsedel(?:en)?|\\bpers\\.?\\s?-?\\s?nr|person\\s?-?\\s?nr|person\\s?-?\\s?num+e?r(?:et)?|födelse-?\\s?num+e?r(?:et)?|födelsenr|' +
  'samordnings-?\\s?num+e?r(?:et)?|samordnings-?\\s?nr|\\bsamnr|\\bsamo(?:-?\\s?nr)?\\b|\\bssn|social security(?: number)?|personal (?:identity |id )?number|' +
  'personal id|coordination number|id-?\\s?num+e?r(?:et)?|id-?\\s?nr|\\bid\\s?no\\.?|identitetsnummer|identity number)';
/**
 * A part of every LABEL (same flags): "nr", "num(m)er", "födelsedel", "samo", "ssn", "social", "personal",
 * "coordination", "id no", "identity". Looked for before the label patterns, which are costly to run.
 */
const LABEL_PART = /nr|num|födelsedel|samo|ssn|social|personal|coordination|id\s?no|identity/iu;
/** A part of every OTHER_NUMBER_LABEL_BEFORE (same flags). */
const OTHER_NUMBER_LABEL_PART = /nr|nummer|diarie|ärende|faktura|ocr|ref|order|giro|bg|pg|konto|clearing|org|sfs|case|invoice/iu;
/** A part of every SERIAL_APART match (same flags). */
const SERIAL_APART_PART = /sista|last|slutar|siffr|end/iu;
/** A label that says the number is a personnummer or samordningsnummer, ending just before it. */
const LABEL_BEFORE = new RegExp(`${LABEL}[^\\p{L}\\d\\n]{0,6}(?:(?:är|is|was|var)\\s*)?(?:[^\\p{L}\\d\\n]{0,3})$`, 'iu');
/** A label that names the number after it, in brackets: "18.09.67-9507 (samordningsnummer)". */
const LABEL_AFTER = new RegExp(`^[^\\p{L}\\d\\n]{0,4}${LABEL}`, 'iu');

/** A labelled date part alone ("pnr 140312", "personnummer 2014-03-12"): it still reveals a date of birth. */
const LABELLED_DATE = new RegExp(
  `${LABEL}[^\\p{L}\\d\\n]{0,6}(?:(?:är|is|was|var|börjar på|starts with)\\s*)?` +
    '(\\d{8}|\\d{6}|\\d{4}[ \\-/.]\\d{2}[ \\-/.]\\d{2}|\\d{2}[ \\-/.]\\d{2}[ \\-/.]\\d{2})(?!\\d)',
  'giu',
);

/** "sista fyra är 8177", "slutar på 2480", "kontrollsiffrorna 0391", "last four 6318": the serial written apart from the date. */
const SERIAL_APART =
  /(?<![\d\p{L}])\d{4}\s+(?:är|var|=|is|are)\s+(?:de\s+|the\s+)?(?:sista|fyra\s+sista|last|slutsiffr|kontrollsiffr)|(?:sista\s+(?:fyra|4)|(?:fyra|4)\s+sista|slutar\s+på|slutsiffr\p{L}*|kontrollsiffr\p{L}*|sista\s+siffr\p{L}*|last\s+(?:four|4)|ends?\s+(?:with|in))[^\p{L}\d\n]{0,6}(?:(?:är|is|was|var)\s*)?(\d{4})(?!\d)/iu;
/** A date written out, for SERIAL_APART: "14 mars 2014", "2014-03-12". */
const WRITTEN_DATE =
  /(?<![\d\p{L}])(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}(?::e|:a)?\s*(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\p{L}*\.?\s*(?:\d{4}|-?\d{2}))(?!\d)/iu;
/** A date part that can carry a personnummer, anywhere in the text (for SERIAL_APART). */
const COMPACT_DATE = /(?<![\d+])(\d{8}|\d{6})(?!\d)/g;

/**
 * What hides a personnummer from the scan: a letter touching its digits ("elev140312-2383", "140312-2383s mamma") or a
 * mark other than a dash before the serial ("140312·2383", "140312 | 2383", "140312,2383"; a comma or semicolon only
 * without a space, as a list is written with one). Each is read as a space, so offsets stay as they are.
 */
const GLUE = /\p{L}(?=\d)|(?<=\d)\p{L}|(?<=\d\s?)[·•~*=|^#](?=\s?\d)|(?<=\d)[;,](?=\d)/gu;
const EIGHT_DIGITS = /\d(?:\D*\d){7}/;
const GLUE_HINT = /\p{L}\d|\d\p{L}|\d\s?[·•~*=|;,^#]\s?\d/u;

/**
 * A date and, a few words away, four digits that pass the check digit with it: "2014-03-12, 2383", "140312 och 2383",
 * "14 mars 2014 – 2383". The check digit makes a chance pairing of a date and a number unlikely (one in ten).
 */
const DATE_NEAR_FOUR =
  /(?<![\d\p{L}])(?:(\d{8}|\d{6})|((?:19|20)\d{2})[-./ ](\d{1,2})[-./ ](\d{1,2})|(\d{2})[-./](\d{2})[-./](\d{2})|(\d{1,2})(?::e|:a)?\s*(jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\p{L}*\.?\s*((?:19|20)?\d{2}))(?!\d)([^\d.!?\n]{1,20}?)(?<![\d\p{L}])(\d{4})(?![\d\p{L}])/giu;
const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, maj: 5, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, okt: 10, oct: 10, nov: 11, dec: 12,
};

const GAP_WITH_WORDS = /[\p{L},;()]/u;
const NOT_SERIAL_BEFORE = /(?:\bkl\.?|klockan|at|från|till|nr|nummer|tel\p{L}*|rum|sal|år)\s*$/iu;
const NOT_SERIAL_AFTER = /^\s*(?:kr|kronor|sek|:-|st\b|invånare|elever|barn)/iu;
const THIS_YEAR = new Date().getFullYear();

/** A date of this year or later, written with its century. */
function recentYear(match: RegExpExecArray): boolean {
  const year = match[1]?.length === 8 ? match[1].slice(0, 4) : (match[2] ?? (match[10]?.length === 4 ? match[10] : undefined));
  return year !== undefined && Number(year) >= THIS_YEAR - 1;
}

/** YYMMDD of a DATE_NEAR_FOUR match, or undefined when it is no date. */
function sixDigitDate(match: RegExpExecArray): string | undefined {
  const two = (value: number): string => String(value).padStart(2, '0');
  if (match[1] !== undefined) return isPersonnummerDate(match[1]) ? match[1].slice(-6) : undefined;
  let date: string;
  if (match[2] !== undefined) date = `${match[2]}${two(Number(match[3]))}${two(Number(match[4]))}`;
  else if (match[5] !== undefined) date = `${match[5]}${match[6]}${match[7]}`;
  else date = `${match[10]!.slice(-2)}${two(MONTH_NUMBERS[match[9]!.toLowerCase()]!)}${two(Number(match[8]))}`;
  return isPersonnummerDate(date) ? date.slice(-6) : undefined;
}

/** Words that make a run starting with 0 a phone number rather than a personnummer. */
const PHONE_LABEL_BEFORE = /(?:tel|telefon\w*|mobil\w*|ring\w*|sms\w*|(?<!person)nummer|numret|\bnr|nås på|phone|call|number)[^\p{L}\d\n]{0,6}$/iu;
/** Labels of numbers that are not about a person: case, invoice, payment and organisation numbers ("dnr 2024/0312-1234"). */
const OTHER_NUMBER_LABEL_BEFORE =
  /(?:\bdnr|diarie-?\s?n(?:umme)?r\p{L}*|ärende-?\s?n(?:umme)?r\p{L}*|ärende\s+nr|faktura-?\s?n(?:umme)?r\p{L}*|\bocr|referens-?\s?n(?:umme)?r\p{L}*|\bref\.?|order-?\s?n(?:umme)?r\p{L}*|(?:beställnings|artikel|produkt|kvitto|avtals|projekt|serie)-?\s?n(?:umme)?r\p{L}*|bankgiro|plusgiro|\bbg|\bpg|konto-?\s?n(?:umme)?r\p{L}*|clearing\p{L}*|organisations-?\s?n(?:umme)?r\p{L}*|\borg\.?\s?nr|\bsfs|case\s+(?:number|no\.?)|invoice\s+(?:number|no\.?))[^\p{L}\d\n]{0,6}(?:(?:är|is)\s*)?$/iu;
/** Words near a date and a four-digit time: "Mötet är 2024-03-12 1300". */
const TIME_WORDS = /(?:\bkl\b|klockan|möte|mötet|träff|tid\b|tiden|\bfrån\b|\btill\b|mellan|meeting|\bat\b|time)/iu;

/** A ten-digit run starting like a Swedish mobile number. */
const MOBILE_PREFIX = /^07[02369]\d{7}$/;
const LABEL_HINT = /nr|num|ssn|\bid\b|\bno\./i;
/** Six digits of a date part, together or in pairs: only then can a labelled date be there. */
const DATE_PART_HINT = /\d\d[ \-/.]?\d\d[ \-/.]?\d\d/;
const NON_DIGIT = /\D/g;

/** The Luhn check digit for the first nine digits of a ten-digit personnummer. */
export function personnummerCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let product = (nineDigits.charCodeAt(i) - 48) * (i % 2 === 0 ? 2 : 1);
    if (product > 9) product -= 9;
    sum += product;
  }
  return (10 - (sum % 10)) % 10;
}

function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True when `dateDigits` (YYMMDD or YYYYMMDD) is a date a personnummer can carry, including a
 * samordningsnummer's day + 60. A ten-digit number's century is unknown, so 29 February needs YY % 4 = 0.
 */
export function isPersonnummerDate(dateDigits: string): boolean {
  const long = dateDigits.length === 8;
  const offset = long ? 4 : 2;
  const year = long ? Number(dateDigits.slice(0, 4)) : undefined;
  const shortYear = Number(dateDigits.slice(offset - 2, offset));
  const month = Number(dateDigits.slice(offset, offset + 2));
  let day = Number(dateDigits.slice(offset + 2, offset + 4));
  if (year !== undefined && (year < 1870 || year > 2099)) return false;
  if (month < 1 || month > 12) return false;
  if (day > 60) day -= 60;
  if (day < 1) return false;
  const limit = year === undefined && month === 2 ? (shortYear % 4 === 0 ? 29 : 28) : daysInMonth(year, month);
  return day <= limit;
}

/** True when ten digits (YYMMDDNNNC) pass the Luhn check. */
export function passesLuhn(tenDigits: string): boolean {
  return personnummerCheckDigit(tenDigits) === tenDigits.charCodeAt(9) - 48;
}

/** Where a run's digit groups are, and what separates them. */
interface DigitRun {
  readonly start: number;
  readonly end: number;
  readonly groups: string[];
  /** separators[k] stands between groups[k] and groups[k + 1]. */
  readonly separators: string[];
}

function readRun(text: string, start: number, run: string): DigitRun {
  const groups: string[] = [];
  const separators: string[] = [];
  GROUP.lastIndex = 0;
  let previousEnd = -1;
  for (let match = GROUP.exec(run); match !== null; match = GROUP.exec(run)) {
    if (previousEnd >= 0) separators.push(run.slice(previousEnd, match.index));
    groups.push(match[0]);
    previousEnd = match.index + match[0].length;
  }
  return { start, end: start + run.length, groups, separators };
}

const WHITESPACE = /\s/;
/** Where a group of a ten-digit personnummer can end: after YY, YYMM, YYMMDD, YYMMDDNN. */
const DATE_GROUP_ENDS = new Set([2, 4, 6, 8]);
const TIME_SEPARATOR = /^[:.]$/;

/**
 * Decides whether groups [first, last] of a run (10 or 12 digits) are a personnummer. The date must be valid
 * (day + 60 for a samordningsnummer); the check digit is not needed, since the date alone is a date of birth.
 * A number starting with 0 that is grouped like a telephone number (070-174 06 55) needs a label or the check digit,
 * and a date with a time ("2024-03-12 13:00", "Mötet är 2024-03-12 1300") is not a personnummer unless labelled.
 */
function isPersonnummerWindow(text: string, run: DigitRun, first: number, last: number, labelled: boolean): boolean {
  const digits = run.groups.slice(first, last + 1).join('');
  const dateLength = digits.length - 4;
  if (!isPersonnummerDate(digits.slice(0, dateLength))) return false;
  if (labelled) return true;
  const compact = digits.slice(dateLength - 6);
  // Where the date ends: between two groups, or inside one.
  let length = 0;
  let boundary = -1;
  for (let k = first; k <= last; k++) {
    length += run.groups[k]!.length;
    if (length === dateLength) boundary = k;
  }
  const serialGroups = boundary >= 0 ? run.groups.slice(boundary + 1, last + 1) : [];
  const serialSeparators = boundary >= 0 ? run.separators.slice(boundary + 1, last) : [];
  const beforeSerial = boundary >= 0 ? run.separators[boundary]! : '';
  const dateSeparators = boundary >= 0 ? run.separators.slice(first, boundary) : [];
  if (serialGroups.length === 2 && serialGroups[0]!.length === 2 && TIME_SEPARATOR.test(serialSeparators[0]!)) {
    // "2024-03-12 13:00": a time, unless the date is written with the same separator ("18.09.67.95.07").
    const hours = Number(serialGroups[0]);
    const minutes = Number(serialGroups[1]);
    const sameAsDate = dateSeparators.length > 0 && dateSeparators.every((separator) => separator === serialSeparators[0]);
    if (hours <= 23 && minutes <= 59 && !sameAsDate) return false;
  }
  if (serialGroups.length === 1 && WHITESPACE.test(beforeSerial) && dateSeparators.some((separator) => separator === '-')) {
    // "Mötet är 2024-03-12 1300": an ISO date and a time, said next to a word of meeting or time.
    const hours = Number(serialGroups[0]!.slice(0, 2));
    const minutes = Number(serialGroups[0]!.slice(2));
    if (hours <= 23 && minutes <= 59 && TIME_WORDS.test(text.slice(Math.max(0, run.start - 40), run.end + 20))) return false;
  }
  if (digits.length === 10 && digits.startsWith('0')) {
    // 070-174 06 55 is a telephone number; 080312-2386 and 08 03 12-2386 (born 2008) are not written like one.
    const dateShape = run.groups.slice(first, boundary + 1).map((group) => group.length).join(',');
    const dateLike = boundary >= 0 && (dateShape === '6' || dateShape === '2,2,2' || dateShape === '4,2' || dateShape === '2,4');
    if (dateLike && serialGroups.length === 1) return true;
    if (labelledBefore(text, run.start, PHONE_LABEL_BEFORE)) return false;
    // Digit by digit, where the date and the serial may have run together ("0 0 0 1 0 10 0 0 8").
    const window = run.groups.slice(first, last + 1);
    const digitByDigit = window.every((group) => group.length <= 2) && window.filter((group) => group.length === 2).length <= 1;
    // Every group ends where a date part or a serial pair ends, as when spaced digits were joined and the serial ran
    // into the day ("0 0-0 1-0 1 0 0 0 8" → "00-01-010008", "0 0 0 1-0 1 0 0 0 8" → "0001-010008"); a telephone
    // number's area code (070-, 010-, 0470-) does not end there.
    let ends = 0;
    const groupedAsDate = window.slice(0, -1).every((group) => DATE_GROUP_ENDS.has((ends += group.length)));
    // Grouped like a telephone number (070-174 06 55, 010-564 64 67): a telephone number.
    if (dateLike || first === last || digitByDigit || groupedAsDate) return passesLuhn(compact);
    return false;
  }
  return true;
}

function labelledBefore(text: string, start: number, label: RegExp, part?: RegExp): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  return (part === undefined || part.test(before)) && label.test(before);
}

/**
 * Finds personnummer and samordningsnummer in every written form. The text is normalised first; then every run
 * of digits joined by short separators is read, whatever the layout ("YYYYMM DD NNNN", "YY YY MM DD NN NN",
 * "YYYY/MM/DD-NNNN", "YY.MM.DD-NNNN", "YYMMDD:NNNN", "YYMMDD_NNNN"), and a run or part of a run (parted at
 * spaces) of 10 or 12 digits with a valid date is a personnummer, also when its check digit is wrong. A masked
 * serial ("140312-XXXX"), a labelled date part ("pnr 140312") and a serial given apart from the date ("född
 * 160408, sista fyra 8177") count too.
 */
export function detectPersonnummer(text: string, findings: Findings): void {
  scanRuns(text, findings, false);
  // A glued number has ten digits; "4B" and "åk5" are common and need no second scan.
  if (!findings.has('personnummer') && GLUE_HINT.test(text) && EIGHT_DIGITS.test(text)) {
    // Read apart from what it was glued to, a number must also pass the check digit: nobody glues a number to a word on purpose.
    scanRuns(text.replace(GLUE, (glue) => ' '.repeat(glue.length)), findings, true);
  }
  detectOtherForms(text, findings);
}

/** Every run of digit groups, read as a personnummer where a window of it can be one. */
function scanRuns(text: string, findings: Findings, checkDigitNeeded: boolean): void {
  DIGIT_RUN.lastIndex = 0;
  for (let match = DIGIT_RUN.exec(text); match !== null; match = DIGIT_RUN.exec(text)) {
    const raw = match[0];
    if (raw.length < 10) continue;
    const run = readRun(text, match.index, raw);
    const labelled = labelledBefore(text, run.start, LABEL_BEFORE, LABEL_PART) || LABEL_AFTER.test(text.slice(run.end, run.end + 24));
    if (!labelled && labelledBefore(text, run.start, OTHER_NUMBER_LABEL_BEFORE, OTHER_NUMBER_LABEL_PART)) continue;
    const count = run.groups.length;
    for (let first = 0; first < count; first++) {
      // A part starts at the run's start or after a separator with a space in it, and ends likewise.
      if (first > 0 && !WHITESPACE.test(run.separators[first - 1]!)) continue;
      let length = 0;
      for (let last = first; last < count && length < 12; last++) {
        length += run.groups[last]!.length;
        if (length !== 10 && length !== 12) continue;
        if (last < count - 1 && !WHITESPACE.test(run.separators[last]!)) continue;
        if (isPersonnummerWindow(text, run, first, last, labelled) && (!checkDigitNeeded || passesLuhn(windowDigits(run, first, last)))) {
          findings.add('personnummer', run.start, run.end);
          // "0701740649" unlabelled reads as a mobile number as well as a samordningsnummer: both are identifying.
          if (!labelled && first === last && MOBILE_PREFIX.test(run.groups[first]!)) findings.add('phone', run.start, run.end);
          first = count;
          break;
        }
      }
    }
  }

}

/** The last ten digits of groups [first, last] of a run. */
function windowDigits(run: DigitRun, first: number, last: number): string {
  return run.groups.slice(first, last + 1).join('').slice(-10);
}

/** A masked serial, a labelled date part and a serial given apart from its date. */
function detectOtherForms(text: string, findings: Findings): void {
  if (text.includes('X') || text.includes('x') || text.includes('*') || text.includes('#')) {
    MASKED.lastIndex = 0;
    for (let match = MASKED.exec(text); match !== null; match = MASKED.exec(text)) {
      if (isPersonnummerDate(match[1]!.replace(NON_DIGIT, ''))) findings.add('personnummer', match.index, match.index + match[0].length);
    }
  }

  if (LABEL_HINT.test(text) && DATE_PART_HINT.test(text)) {
    LABELLED_DATE.lastIndex = 0;
    for (let match = LABELLED_DATE.exec(text); match !== null; match = LABELLED_DATE.exec(text)) {
      const datePart = match[1]!.replace(NON_DIGIT, '');
      if (!isPersonnummerDate(datePart)) continue;
      const end = match.index + match[0].length;
      findings.add('personnummer', end - match[1]!.length, end);
    }
  }

  // A date and four digits: eight digits at least ("12 mars 14 – 2383").
  if (!findings.has('personnummer') && EIGHT_DIGITS.test(text)) {
    DATE_NEAR_FOUR.lastIndex = 0;
    for (let match = DATE_NEAR_FOUR.exec(text); match !== null; match = DATE_NEAR_FOUR.exec(text)) {
      const date = sixDigitDate(match);
      const four = match[12]!;
      // A word, comma or bracket between, or a date written with its month: a run of digits and spaces is the scan's to judge ("2024-03-12 1300").
      const apartByWords = GAP_WITH_WORDS.test(match[11]!) || match[8] !== undefined;
      const end = match.index + match[0].length;
      // Not a time ("kl 1300"), an amount ("1400 kr") or a date of this year or later (a meeting, not a birth).
      const notSerial = NOT_SERIAL_BEFORE.test(match[0].slice(0, -4)) || NOT_SERIAL_AFTER.test(text.slice(end, end + 8)) || recentYear(match);
      if (date !== undefined && apartByWords && !notSerial && passesLuhn(date + four)) {
        findings.add('personnummer');
        break;
      }
      // The four digits may start the next pairing ("2014-03-12 1300, 140312 2383"): look again right after the date.
      DATE_NEAR_FOUR.lastIndex = match.index + 1;
    }
  }

  if (!findings.has('personnummer') && SERIAL_APART_PART.test(text) && SERIAL_APART.test(text)) {
    if (WRITTEN_DATE.test(text)) {
      findings.add('personnummer');
      return;
    }
    COMPACT_DATE.lastIndex = 0;
    for (let match = COMPACT_DATE.exec(text); match !== null; match = COMPACT_DATE.exec(text)) {
      if (isPersonnummerDate(match[1]!)) {
        // No range is claimed: "född 160408" is also a date of birth.
        findings.add('personnummer');
        break;
      }
    }
  }
}
