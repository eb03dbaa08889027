import type { Findings } from './findings.js';

/** Digit groups joined by the separators people put inside numbers (the text is normalised first). */
const DIGIT_RUN = /(?<![\p{L}\d])\d+(?:[ \-/.:_+()]{1,3}\d+)*(?![\d\p{L}])/gu;
const GROUP = /\d+/g;
/** Cheap test first: eight digits with at most three other characters between each two. */
const EIGHT_DIGITS = /\d(?:[^\d\p{L}]{0,3}\d){7}/u;
const NON_DIGIT = /\D/g;
/** Labels of public numbers: case and court numbers, laws, bills, organisation, giro, invoice, order and product numbers. */
const PUBLIC_LABEL_BEFORE =
  /(?:\bdnr|diarie-?\s?n(?:umme)?r\p{L}*|\bmål(?:\s+nr|nummer)?|\bjo\b|\bsfs|\bprop\.?|\bsou|\bds\b|organisations-?\s?n(?:umme)?r\p{L}*|\borg\.?\s?nr|bankgiro|plusgiro|\bbg|\bpg|faktura-?\s?n(?:umme)?r\p{L}*|(?:order|beställnings|artikel|produkt|kvitto|avtals|projekt|serie)-?\s?n(?:umme)?r\p{L}*|\bocr|\bdom|\bbeslut\p{L}*|\blag(?:en)?|\bförordning(?:en)?)[^\p{L}\n]{0,12}$/iu;
/** Amounts and counts: "12 500 000 kr", "3 000 000 invånare". */
const AMOUNT_AFTER = /^\s*(?:kr|kronor|sek|:-|%|procent|st|stycken|invånare|elever|barn|personer|euro|eur|usd|dollar)(?![\p{L}])/iu;
const AMOUNT_BEFORE = /(?:kr\.?|sek|€|\$)\s*$/iu;

/** A year a date or a school year can have. */
function isYear(group: string): boolean {
  if (group.length !== 4) return false;
  const year = Number(group);
  return year >= 1900 && year <= 2099;
}

function isTime(hours: string, minutes: string): boolean {
  return hours.length <= 2 && minutes.length === 2 && Number(hours) <= 24 && Number(minutes) <= 59;
}

/** "2026-12-15", "20261215", "15.12.2026", also with a time after it. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/**
 * True when the groups read as something public that is no one's: a date, a date and a time, a range of years or of
 * times ("2025/2026", "13.15-14.30"), or a law or bill reference ("2001:453", "2002/03:53").
 */
function isPublicShape(groups: readonly string[], separators: readonly string[]): boolean {
  let k = 0;
  const rest = (): string[] => groups.slice(k);
  // A leading date: "2026-12-15", "20261215", "15.12.2026".
  const first = groups[0]!;
  if (first.length === 8 && isCalendarDate(Number(first.slice(0, 4)), Number(first.slice(4, 6)), Number(first.slice(6)))) k = 1;
  else if (groups.length >= 3 && isYear(first) && isCalendarDate(Number(first), Number(groups[1]), Number(groups[2]))) k = 3;
  else if (groups.length >= 3 && isYear(groups[2]!) && isCalendarDate(Number(groups[2]), Number(groups[1]), Number(first))) k = 3;
  if (k > 0) {
    const tail = rest();
    if (tail.length === 0) return true;
    // A second date ("2026-12-08-2026-12-10") or a time ("2026-12-15 13.45", "20261215 1345").
    if (isPublicShape(tail, separators.slice(k))) return true;
    if (tail.length === 2 && isTime(tail[0]!, tail[1]!)) return true;
    if (tail.length === 1 && tail[0]!.length === 4 && isTime(tail[0]!.slice(0, 2), tail[0]!.slice(2))) return true;
    return false;
  }
  // Years: "2025/2026", "2025-2026", "2016/17".
  if (groups.every((group) => isYear(group) || (group.length === 2 && groups.length === 2))) return isYear(first);
  // Times: "13.15-14.30", "08:00 - 16:30".
  if (groups.length % 2 === 0 && groups.every((group, index) => (index % 2 === 0 ? isTime(group, groups[index + 1]!) : true))) {
    return separators.every((separator, index) => (index % 2 === 0 ? separator === '.' || separator === ':' : true));
  }
  // Laws and bills: "2001:453", "2002/03:53", "SFS 2018:1197".
  if (isYear(first) && separators.some((separator) => separator.includes(':'))) return true;
  return false;
}

/**
 * Finds long numbers nobody publishes: after the personnummer, telephone, postcode and address detectors have
 * claimed what they know, any run of eight or more digits (whatever separates them) that is not a public number,
 * a date, a time, a range of years or a law reference identifies someone (an account, a card, a case, a phone
 * number in a shape no pattern foresaw). A run starting with 0 or + is read as a telephone number.
 */
export function detectLongNumbers(text: string, findings: Findings): void {
  if (!EIGHT_DIGITS.test(text)) return;
  DIGIT_RUN.lastIndex = 0;
  for (let match = DIGIT_RUN.exec(text); match !== null; match = DIGIT_RUN.exec(text)) {
    const raw = match[0];
    if (raw.length < 8) continue;
    const start = match.index;
    const end = start + raw.length;
    if (raw.replace(NON_DIGIT, '').length < 8 || findings.overlapsClaimed(start, end)) continue;
    const groups: string[] = [];
    const separators: string[] = [];
    GROUP.lastIndex = 0;
    let previousEnd = -1;
    for (let group = GROUP.exec(raw); group !== null; group = GROUP.exec(raw)) {
      if (previousEnd >= 0) separators.push(raw.slice(previousEnd, group.index).trim() || ' ');
      groups.push(group[0]);
      previousEnd = group.index + group[0].length;
    }
    if (isPublicShape(groups, separators)) continue;
    const before = text.slice(Math.max(0, start - 30), start);
    if (PUBLIC_LABEL_BEFORE.test(before) || AMOUNT_BEFORE.test(before) || AMOUNT_AFTER.test(text.slice(end, end + 16))) continue;
    findings.add(raw.startsWith('0') || text[start - 1] === '+' ? 'phone' : 'identifier', start, end);
  }
}
