import type { Findings } from './findings.js';

const DASH = '\\-\u2010\u2011\u2012\u2013\u2014\u2212';

/**
 * A date part (YYMMDD, YYYYMMDD, "14 03 12", "2014 03 12", "2014-03-12"), an optional separator
 * (dash or plus with optional spaces, one space, or nothing) and four serial characters
 * (digits, or a mask such as XXXX).
 */
const CANDIDATE = new RegExp(
  `(?<![\\d+])(\\d{8}|\\d{6}|\\d{4} \\d{2} \\d{2}|\\d{2} \\d{2} \\d{2}|\\d{4}[${DASH}]\\d{2}[${DASH}]\\d{2}|\\d{2}[${DASH}]\\d{2}[${DASH}]\\d{2})` +
    `( ?[${DASH}+] ?|\\s)?([\\dXx*#]{4})(?![\\dXx*#\\p{L}])`,
  'gu',
);

/** A label that says the number is a personnummer or samordningsnummer, ending just before it. */
const LABEL_BEFORE =
  /(?:\bp\.?\s?-?\s?nr|\bpers\.?\s?nr|personnr|personnum+e?r(?:et)?|samordningsnum+e?r(?:et)?|samordningsnr|\bsamnr|\bssn)[^\p{L}\d\n]{0,6}(?:är\s*)?$/iu;

/** A labelled date part alone ("pnr 140312", "personnummer 2014-03-12"): it still reveals a date of birth. */
const LABELLED_DATE = new RegExp(
  `(?:\\bp\\.?\\s?-?\\s?nr|\\bpers\\.?\\s?nr|personnr|personnum+e?r(?:et)?|samordningsnum+e?r(?:et)?|samordningsnr)[^\\p{L}\\d\\n]{0,6}(?:är\\s*)?` +
    `(\\d{8}|\\d{6}|\\d{4} \\d{2} \\d{2}|\\d{2} \\d{2} \\d{2}|\\d{4}[${DASH}]\\d{2}[${DASH}]\\d{2})(?!\\d)`,
  'giu',
);

/** Words that make a bare ten-digit number starting with 07 a mobile number rather than a personnummer. */
const PHONE_LABEL_BEFORE = /(?:tel|telefon\w*|mobil\w*|ring\w*|sms\w*|(?<!person)nummer|numret|\bnr|nås på)[^\p{L}\d\n]{0,6}$/iu;

const LABEL_HINT = /nr|num/i;
const MASK = /[Xx*#]/;
const MASKED_SERIAL = /^\d*[Xx*#]+$/;
const DASHED = /[^\d ]/;
const SIGN = new RegExp(`[${DASH}+]`);
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

function labelledBefore(text: string, start: number, label: RegExp): boolean {
  return label.test(text.slice(Math.max(0, start - 32), start));
}

/**
 * Finds personnummer and samordningsnummer in every written form: 10 or 12 digits, with "-", "+",
 * a space or nothing before the serial, spaces or dashes inside the date, after a label ("pnr") or
 * not. Unlabelled numbers must pass the date and Luhn checks; masked serials ("140312-XXXX") and
 * labelled numbers only the date check, since the date alone is a date of birth.
 */
export function detectPersonnummer(text: string, findings: Findings): void {
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match !== null; match = CANDIDATE.exec(text)) {
    const datePart = match[1]!.replace(NON_DIGIT, '');
    const separator = match[2] ?? '';
    const serial = match[3]!;
    if (!isPersonnummerDate(datePart)) continue;
    const start = match.index;
    const end = start + match[0].length;
    const compactDate = datePart.length === 8 ? datePart.slice(2) : datePart;
    // "2014-03-12 1234" is a date and a time or a count more often than a personnummer.
    if (DASHED.test(match[1]!) && !SIGN.test(separator)) continue;
    if (MASK.test(serial)) {
      if (MASKED_SERIAL.test(serial)) findings.add('personnummer', start, end);
      continue;
    }
    const labelled = labelledBefore(text, start, LABEL_BEFORE);
    if (!labelled && !passesLuhn(compactDate + serial)) continue;
    if (
      !labelled &&
      separator === '' &&
      datePart.length === 6 &&
      datePart.startsWith('07') &&
      labelledBefore(text, start, PHONE_LABEL_BEFORE)
    ) {
      continue; // a mobile number written without spaces; the phone detector takes it
    }
    findings.add('personnummer', start, end);
  }

  if (!LABEL_HINT.test(text)) return;
  LABELLED_DATE.lastIndex = 0;
  for (let match = LABELLED_DATE.exec(text); match !== null; match = LABELLED_DATE.exec(text)) {
    const datePart = match[1]!.replace(NON_DIGIT, '');
    if (!isPersonnummerDate(datePart)) continue;
    const end = match.index + match[0].length;
    findings.add('personnummer', end - match[1]!.length, end);
  }
}
