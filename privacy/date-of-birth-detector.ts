import type { Findings } from './findings.js';

/** Swedish and English month names and their short forms. */
const MONTH =
  '(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mar(?:s|ch)?|apr(?:il)?|maj|may|jun(?:i|e)?|jul(?:i|y)?|aug(?:usti|ust)?|' +
  'sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** Words that introduce a date of birth: "född", "f.", "födelsedatum", "fyller år", "fyllde 8 år". */
const TRIGGER =
  '(?:född(?:a|es)?|fött|fodd(?:a|es)?|fott|født|fødd|geboren|urodzon[aey]?|nacid[oa]|fd\\.?(?=\\s+\\d)|f\\.?(?=\\s+\\d)|b\\.(?=\\s*\\d)|fdd|födelsedatum(?:et)?|födelsedag(?:en)?|f-datum|födelsedata|dob|d\\.o\\.b\\.?|' +
  '(?:fyller|fyllde)(?:\\s+år|\\s+\\d{1,2}(?:\\s+år)?)|born|date\\s+of\\s+birth|birth\\s?date|birthday)';

/** Day and month, with an optional year: "12 mars 2014", "12:e mars", "12 mars -14", "den 12 mars", "12th of April 2016", "April 12, 2016". */
const DAY_MONTH =
  `(?:(\\d{1,2})(?::e|:a|e|st|nd|rd|th|\\.)?\\s*(?:(?:of|i)\\s+)?${MONTH}(?:\\s*(?:\\d{4}|'\\d{2}|-\\d{2}|\\d{2})(?!\\d))?|` +
  `${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s*\\d{4})?)`;
/**
 * Numeric dates: "2014-03-12", "2014.03.12", "20140312", "140312", "12/3 2014", "12/3-14", "12.3.2014", "12/3",
 * "12-03-2014" (day first, with a four-digit year) and "14-03-12" (year first, as dates are short-written here).
 */
const NUMERIC =
  '(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)|(\\d{8}|\\d{6})(?![\\d])|(\\d{1,2})[/.](\\d{1,2})(?:(?:[-./ ]\\s?)(\\d{4}|\\d{2}))?(?![\\d])|' +
  '(\\d{1,2})-(\\d{1,2})-(\\d{4})(?!\\d)|(\\d{2})-(\\d{2})-(\\d{2})(?![\\d-])';
/** A day written as an ordinal word: "den tolfte mars", "tjugoförsta maj". */
const ORDINAL_DAY =
  '(första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|elfte|tolfte|trettonde|fjortonde|femtonde|sextonde|' +
  'sjuttonde|artonde|nittonde|tjugonde|tjugo(?:första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde)|trettionde|trettioförsta|' +
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|' +
  'seventeenth|eighteenth|nineteenth|twentieth|twenty-?\\s?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty-?\\s?first)';
/** Days that are dates every year: "föddes på nyårsafton 2015", "born on Christmas Day". */
const FIXED_FEAST =
  "(?:nyårsafton|nyårsdagen|julafton|juldagen|annandag\\s+jul|trettondedag(?:en|\\s+jul)|trettondagsafton|valborg(?:smässoafton)?|" +
  "lucia(?:dagen)?|nationaldagen|midsommar(?:afton|dagen)|påsk(?:afton|dagen)|annandag\\s+påsk|långfredagen|alla\\s+hjärtans\\s+dag|new\\s+year'?s\\s+(?:eve|day)|christmas\\s+(?:eve|day)|boxing\\s+day|" +
  "valentine'?s\\s+day|halloween)";

/**
 * A part of TRIGGER that every DATE_OF_BIRTH match contains (same flags): where it is missing, the costly pattern is
 * not run. "f.", "fd" and "b." count only before a digit, as in TRIGGER.
 */
const TRIGGER_HINT = /föd|fött|fodd|fott|født|fødd|geboren|urodzon|nacid|fd\.?\s+\d|f\.?\s+\d|b\.\s*\d|fdd|f-datum|dob|d\.o\.b|fyll|born|birth/iu;
const DATE_OF_BIRTH = new RegExp(
  `(?<![\\p{L}])${TRIGGER}[\\s:,]*(?:(?:är|var|is|was)\\s+)?(?:(?:den|på|i|d\\.|on|the)\\s+)?(?:${DAY_MONTH}|${NUMERIC}|${ORDINAL_DAY}\\s+(?:of\\s+)?${MONTH}(?![\\p{L}])|${FIXED_FEAST}(?![\\p{L}]))`,
  'giu',
);
/** A full date right before "föddes" or "är hennes födelsedag": "2014-03-12 föddes hon". */
const DATE_THEN_BORN = new RegExp(
  `(?<![\\d\\p{L}])(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s*${MONTH}\\s*\\d{4})\\s+(?:föddes|är\\s+(?:hennes|hans|hens|barnets|elevens)\\s+födelsedag)`,
  'iu',
);

/** Cheap test before the phrasings below: a word of birth, birthday or age reached. */
const BIRTH_OR_AGE_HINT = /föd|fött|fodd|blir\s+\d|will\s+be\s+\d|årsdag|\bfdd?\b|\bf\.|\bb\.|born|fyll|turn|birthday|världen|birth|dob|d\.o\.b|b-?day|n[ée]e\b/i;
/** "född i mars -14, den 22:a": the month and year first, the day after. */
const MONTH_YEAR_THEN_DAY = new RegExp(
  `(?<![\\p{L}])(?:född(?:a|es)?|born)\\s+(?:i\\s+|in\\s+)?${MONTH}\\s*(?:\\d{4}|'\\d{2}|-\\d{2})[\\s,]+(?:den\\s+|the\\s+|on\\s+the\\s+)?\\d{1,2}(?::e|:a|st|nd|rd|th)?(?![\\d\\p{L}])`,
  'iu',
);
/** "fyllde 8 i förrgår", "turned 9 yesterday": an age and the day it was reached give the date of birth. */
const AGE_ON_KNOWN_DAY =
  /(?<![\p{L}])(?:fyll(?:de|er|t)|turn(?:ed|s))\s+(?:år\s+|\d{1,2}\s+(?:år\s+)?)(?:i\s*går|i\s*förrgår|i\s*dag|i\s*morgon|i\s*övermorgon|today|yesterday|tomorrow|(?:på|i|nu\s+på|förra|nästa)\s+(?:mån|tis|ons|tors|fre|lör|sön)dag(?:s|en)?|(?:on|last|next|this)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![\p{L}])/iu;
/**
 * "född en tisdag, 12 mars 2014", "kom till världen den 12 mars 2014": a birth and a full date in the same clause; not
 * "född i Syrien och kom hit 12 mars 2022", where the date belongs to another verb.
 */
const BORN_THEN_FULL_DATE = new RegExp(
  `(?<![\\p{L}])(?:född(?:a|es)?|fodd(?:a|es)?|fd|born|kom\\s+till\\s+världen|date\\s+of\\s+birth|dob|birth\\s?date)(?:(?![\\s,](?:och|and|men|but|kom|came|flyttade|moved)\\s)[^.!?\\n\\d]){0,40}` +
    `(?:\\d{1,2}(?::e|:a|e|st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH}\\s*(?:\\d{4}|'\\d{2}|-\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\/\\d{1,2}[-\\/ ]\\d{4}|` +
    // "född 2018 den 9:e oktober": the year first, then the day and month.
    `(?:19|20)\\d{2},?\\s+(?:den\\s+|(?:on\\s+)?the\\s+|on\\s+)?\\d{1,2}(?::e|:a|e|st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH}(?![\\p{L}]))(?!\\d)`,
  'iu',
);
/** "hon fyllde 8 …, den 3 december": a birthday and a day and month in the same sentence. */
const BIRTHDAY_THEN_DATE = new RegExp(
  `(?<![\\p{L}])(?:fyll(?:de|er|t)|turn(?:ed|s)(?=\\s+\\d)|födelsedag|birthday)[^.!?\\n]{0,40}?(?:den|the|on)\\s+\\d{1,2}(?::e|:a|e|st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH}(?![\\p{L}])`,
  'iu',
);

/**
 * "född i mars 2014", "född juni -15", "born in March 2016": a month and year of birth, which with a school or a class
 * finds the child; identifying like a full date.
 */
const MONTH_AND_YEAR = new RegExp(
  `(?<![\\p{L}])(?:född(?:a|es)?|fodd(?:a|es)?|born)\\s+(?:i\\s+|in\\s+)?${MONTH}\\s*(?:\\d{4}|'\\d{2}|-\\d{2})(?!\\d)`,
  'iu',
);

/**
 * A word that says the date near it is someone's birth or birthday, in any phrasing: "född", "föddes", "fd", "f.",
 * "b.", "née", "born", "DOB", "bday", "födelsedag", "födelsedatum", "birthday", an age reached ("fyller 7", "fyllde år",
 * "turns 9", "turned 9"), "kom till världen".
 */
const BIRTH_CUE =
  /(?<![\p{L}])(?:född(?:es|e)?|fött|fodd(?:es)?|fott|(?:fdd|fd\.?|f\.|b\.)(?=\s*\d)|n[ée]e|born|d\.?o\.?b\.?|b-?day|bday|birth\s?day|birth\s?date|date\s+of\s+birth|födelse(?:dag(?:en)?|datum(?:et)?|data)|fyll(?:er|de|t)\s+(?:år|\d{1,2})|(?<!man\s)blir\s+\d{1,2}(?:\s+år(?![\p{L}])|(?=\s+(?:den|på|i\s*dag|i\s*morgon)\s))|will\s+be\s+\d{1,2}(?:\s+years?\s+old)?(?=\s+(?:on|the|today|tomorrow)\s)|turn(?:s|ed|ing)?\s+\d{1,2}|(?<!\d)1?\d-?årsdag(?:en)?|födis|födde|kom\s+till\s+världen)(?![\p{L}])/giu;
/** What ends the stretch after a birth word: the end of a sentence, or a verb that gives the next date to another event. */
const CUE_STRETCH_END =
  /[!?\n]|\.(?=\s+\p{Lu})|(?<![\p{L}])(?:och|and|men|but|sedan|then|kom|came|flyttade|moved|anlände|arrived|började|started|mötet?|meeting|inskriven|enrolled|placerad|placed|från|fr\.?o\.?m|till|from|until|senast|by|efter|after|rätt|right|ska|shall|will)(?![\p{L}])/iu;
/** A cardinal or ordinal day in words: "tolv", "tolfte", "twelfth". */
const DAY_WORD =
  `(?:${ORDINAL_DAY.slice(1, -1)}|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|tjugo(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?|trettio(?:en|ett)?)`;
/** A month as an ordinal ("den tolfte i femte"). */
const ORDINAL_MONTH = '(?:första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde|elfte|tolfte)';
/**
 * A day and a month in any written form, with or without a year: "12/5", "12.5.14", "2014 05 12", "12 i 5 2014",
 * "12:e maj", "the 12th of May", "May 12", "tolv maj", "tolfte i femte", "140512", or a feast day.
 */
const ANY_DAY_AND_MONTH = new RegExp(
  `(?<![\\p{L}\\d])(?:(\\d{4})[-./ ]{1,2}(\\d{1,2})[-./ ]{1,2}(\\d{1,2})(?![\\d]|:\\d)|(\\d{1,2})\\s?[-./]\\s?(\\d{1,2})(?![\\d]|:\\d)|(\\d{1,2})\\s+i\\s+(\\d{1,2})(?!\\d)|` +
    `(\\d{8}|\\d{6})(?!\\d)|\\d{1,2}(?::e|:a|:te|:dje|dje|e|a|st|nd|rd|th|\\.)?\\s*(?:(?:of|i|av)\\s+)?${MONTH}(?![\\p{L}])|${MONTH}\\s+(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?(?![\\d\\p{L}])|` +
    `${DAY_WORD}\\s+(?:(?:of|i|av)\\s+)?(?:${MONTH}|${ORDINAL_MONTH})(?![\\p{L}])|${FIXED_FEAST}(?![\\p{L}]))`,
  'iu',
);
/** A day known from today: "i morgon", "på torsdag", "next Friday", "om tre dagar", "in 2 days". */
const KNOWN_DAY =
  /(?<![\p{L}])(?:i\s*går|i\s*förrgår|i\s*dag|i\s*morgon|i\s*övermorgon|today|yesterday|tomorrow|(?:(?:på|i|nu\s+på|förra|nästa|kommande|on|last|next|this|coming)\s+)?(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en|s)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|om\s+(?:\d{1,2}|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)\s+dag(?:ar)?|in\s+(?:\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?)(?![\p{L}])/iu;
/** A birth word that is a birthday or an age reached: with a day known from today, the date of birth follows. */
const BIRTHDAY_CUE = /^(?:b-?day|bday|birth\s?day|födelsedag\p{L}*|födis|fyll|blir|will|turn|\d)/iu;
/** A day just past, when a baby was born: "föddes i fredags", "born yesterday". */
const RECENT_DAY =
  /(?<![\p{L}])(?:i\s*går|i\s*förrgår|i\s*dag|i\s*natt|i\s*morse|i\s+(?:mån|tis|ons|tors|fre|lör|sön)dags|i\s+helgen|förra\s+(?:veckan|helgen)|yesterday|today|last\s+night|this\s+morning|last\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?![\p{L}])/iu;

/**
 * A birth word and, later in the same clause, a day and a month written any way: the general form of a date of
 * birth, whatever the order of the words, the way the date is written or what stands between them.
 */
function birthCueNearDate(text: string): boolean {
  BIRTH_CUE.lastIndex = 0;
  for (let cue = BIRTH_CUE.exec(text); cue !== null; cue = BIRTH_CUE.exec(text)) {
    const after = cue.index + cue[0].length;
    // A birthday is named right before its day ("hennes födelsedag är den 12 maj"); a birth may be told more loosely.
    let stretch = text.slice(after, after + (BIRTHDAY_CUE.test(cue[0]) ? 18 : 40));
    const end = CUE_STRETCH_END.exec(stretch);
    if (end !== null) stretch = stretch.slice(0, end.index);
    const date = ANY_DAY_AND_MONTH.exec(stretch);
    if (date !== null && isPlausibleDate(date)) return true;
    if (BIRTHDAY_CUE.test(cue[0]) ? KNOWN_DAY.test(stretch) : RECENT_DAY.test(stretch)) return true;
  }
  return false;
}

function isPlausibleDate(date: RegExpExecArray): boolean {
  if (date[1] !== undefined) return isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3]));
  if (date[4] !== undefined) return isCalendarDate(undefined, Number(date[5]), Number(date[4])) || isCalendarDate(undefined, Number(date[4]), Number(date[5]));
  if (date[6] !== undefined) return isCalendarDate(undefined, Number(date[7]), Number(date[6]));
  if (date[8] !== undefined) return isCompactDate(date[8]);
  return true;
}

/**
 * A full date set off in brackets or commas right after a word: "Ali Haddad (2014/06/13)", "minh (den 14:e juli 2021)",
 * "Ahmed, 2014-05-03, har". After a name it is that person's date of birth; the guard asks only when a name was found.
 */
const SET_OFF_FULL_DATE = new RegExp(
  `(?<=\\p{L}\\s?[(,]\\s?)(?:den\\s+|f\\.?\\s*)?(?:((?:19|20)\\d{2})[-./](\\d{1,2})[-./](\\d{1,2})|(\\d{1,2})[-./](\\d{1,2})[-./]((?:19|20)\\d{2})|\\d{1,2}(?::e|:a|e|a)?\\s*${MONTH}\\s*(?:19|20)\\d{2})\\s?[),]`,
  'iu',
);

/** True when a full date is set off right after a word, as a date of birth is after a name. */
export function hasSetOffFullDate(text: string): boolean {
  const match = SET_OFF_FULL_DATE.exec(text);
  if (match === null) return false;
  if (match[1] !== undefined) return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (match[4] !== undefined) return isCalendarDate(Number(match[6]), Number(match[5]), Number(match[4]));
  return true;
}

function isCalendarDate(year: number | undefined, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  if (year !== undefined && (year < 1870 || year > 2099)) return false;
  return !(day > 30 && (month === 4 || month === 6 || month === 9 || month === 11)) && !(month === 2 && day > 29);
}

function isCompactDate(digits: string): boolean {
  const long = digits.length === 8;
  const offset = long ? 4 : 2;
  return isCalendarDate(
    long ? Number(digits.slice(0, 4)) : undefined,
    Number(digits.slice(offset, offset + 2)),
    Number(digits.slice(offset + 2, offset + 4)),
  );
}

/**
 * Finds dates of birth: a full date (day and month, with or without year) after "född", "f.",
 * "födelsedatum" or "fyller år". A year or an age alone is not a date of birth; "född i mars 2014"
 * is a quasi-identifier.
 */
export function detectDateOfBirth(text: string, findings: Findings): void {
  DATE_OF_BIRTH.lastIndex = 0;
  for (let match = TRIGGER_HINT.test(text) ? DATE_OF_BIRTH.exec(text) : null; match !== null; match = DATE_OF_BIRTH.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (findings.overlapsClaimed(start, end)) continue;
    let valid: boolean;
    const day = match[1] ?? match[2];
    if (day !== undefined) {
      valid = Number(day) >= 1 && Number(day) <= 31;
    } else if (match[3] !== undefined) {
      valid = isCalendarDate(Number(match[3]), Number(match[4]), Number(match[5]));
    } else if (match[6] !== undefined) {
      valid = isCompactDate(match[6]);
    } else if (match[7] !== undefined) {
      valid = isCalendarDate(undefined, Number(match[8]), Number(match[7]));
    } else if (match[10] !== undefined) {
      valid = isCalendarDate(Number(match[12]), Number(match[11]), Number(match[10]));
    } else if (match[13] !== undefined) {
      valid = isCalendarDate(undefined, Number(match[14]), Number(match[15]));
    } else {
      valid = true; // an ordinal day and a month, or a feast day
    }
    if (valid) findings.add('date-of-birth', start, end);
  }
  if (!findings.has('date-of-birth') && DATE_THEN_BORN.test(text)) findings.add('date-of-birth');
  let birthOrAge: boolean | undefined;
  if (!findings.has('date-of-birth') && (birthOrAge ??= BIRTH_OR_AGE_HINT.test(text))) {
    if (MONTH_YEAR_THEN_DAY.test(text) || AGE_ON_KNOWN_DAY.test(text) || BIRTHDAY_THEN_DATE.test(text) || BORN_THEN_FULL_DATE.test(text)) {
      findings.add('date-of-birth');
    }
  }
  if (!findings.has('date-of-birth') && MONTH_AND_YEAR.test(text)) findings.add('date-of-birth');
  if (!findings.has('date-of-birth') && (birthOrAge ?? BIRTH_OR_AGE_HINT.test(text)) && birthCueNearDate(text)) findings.add('date-of-birth');
}
