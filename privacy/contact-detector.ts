import type { Findings } from './findings.js';
import type { PrivacyWordLists } from './word-lists.js';

const DASH = '\\-\u2010\u2011\u2012\u2013\u2014\u2212';

/** +46 / 0046 numbers: "+46 70 123 45 67", "+46 (0)8-530 622 55", "0046701234567". */
const INTERNATIONAL_PHONE = new RegExp(
  `(?<![\\d+])(?:\\+|00)\\s?46\\s?(?:\\(0\\)\\s?)?[${DASH}]?\\s?(\\(?[1-9]\\d?\\)?(?:[\\s${DASH}]?\\d){6,9})(?!\\d)`,
  'g',
);
/** National numbers with a trunk 0: "070-123 45 67", "08-530 622 55", "(08) 530 622 55", "0701234567". */
const NATIONAL_PHONE = new RegExp(
  `(?<![\\d+/]|\\d[${DASH}.])\\(?0[1-9]\\d{0,3}\\)?(?:\\s?[${DASH}/]\\s?|\\s)?\\d(?:[\\s${DASH}]?\\d){4,8}(?![\\d])`,
  'g',
);
/** Numbers of other countries: "+48 601 234 567", "0047 412 34 567", "+1 (555) 010-1234" (+46 is read above). */
const FOREIGN_PHONE = /(?<![\d+])(?:\+|00)(?!46)[1-9]\d{0,2}[\s\-.]?(?:\(\d{1,4}\)[\s\-.]?)?\d(?:[\s\-.]?\d){5,12}(?![\d])/g;
/** Mobile numbers written with dots: "070.123.45.67", "0701.23.45.67" (times never have this shape). */
const DOTTED_MOBILE = /(?<![\d.])07\d{1,2}\.\d{2,3}\.\d{2}\.\d{2}(?![\d.])/g;
/** Local numbers without an area code ("530 622 55", "778 48 60"): read as phone numbers only after a phone word. */
const LOCAL_PHONE = new RegExp(`(?<![\\d+${DASH}])[1-9]\\d{1,2}[ ${DASH}]\\d{2,3}[ ${DASH}]\\d{2}(?![\\d]|[ ${DASH}]\\d{2}(?!\\d))`, 'g');
/** A mobile number written without its trunk 0 ("70 174 06 77", "739876543"), as after +46 or when told to leave it out. */
const MOBILE_WITHOUT_TRUNK = /(?<![\d+.,:\/])7[02369](?:[ -]?\d){7}(?![\d]|[.,:]\d)/g;
const PHONE_WORD_BEFORE =
  /(?:\btel\b|telefon\w*|\btfn|telnr|mobil\w*|\bring\w*|\bsms\w*|\bnummer|\bnumret|\bnr\b|\bnås\b(?:\s+på)?)[^\p{L}\d\n]{0,8}$/iu;
/** Free, shared-cost and premium-rate series (020, 0200, 077x, 0900, 0939, 0944) belong to services, not people. */
const SERVICE_NUMBER = /^(?:020|077|090|0939|0944)/;

const EMAIL = /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu;
/** "namn (at) skola.se", "namn [at] gmail punkt com", "namn snabel-a gmail dot com", "namn snabela hotmail prick se". */
const OBFUSCATED_EMAIL =
  /[\p{L}\p{N}._-]{1,64}\s?(?:[([{<](?:at|snabel-?a|a|@)[)\]}>]|\s(?:at|snabel-?a|snabela|kanelbulle)\s)\s?[\p{L}\p{N}-]{1,63}(?:\.|\s?[([{<](?:dot|punkt|prick)[)\]}>]\s?|\s(?:dot|punkt|prick)\s)\p{L}{2,24}(?![\p{L}])/giu;
const OBFUSCATED_HINT = /[([{<](?:at|snabel-?a|a|@)[)\]}>]|snabel-?a|kanelbulle|\sat\s|\s(?:dot|punkt|prick)\s/i;

/** "lägenhet 1102", "lgh 1102", "lägenhetsnummer 1102", "lgh nr 12". */
const APARTMENT =
  /(?<![\p{L}])(?:lägenhet(?:snummer|snr|en)?|lgh|lght|lägh|flat|apartment|apt)\.?\s*(?:(?:nr\.?|nummer|no\.?|number)\s*:?\s*(\d{1,4})|:?\s*(\d{4}))(?!\d)/giu;
/** An English street after its number: "14 Baker Street", "3a Mill Road". */
const NUMBER_THEN_ENGLISH_STREET = /(?<![\p{L}\d.,:])\d{1,4}\s?[A-Ha-h]?\s+\p{Lu}[\p{L}'-]+\s+(?:Street|Road|Avenue|Lane|Close|Drive|Way|Crescent|Gardens|Terrace)(?![\p{L}])/gu;
const ENGLISH_STREET_HINT = /Street|Road|Avenue|Lane|Close|Drive|Way|Crescent|Gardens|Terrace/;
/** A house number before the street, as English puts it: "lives at 14 Storgatan", "14B Hågelbyvägen". */
const NUMBER_THEN_STREET = /(?<![\p{L}\d.,:])\d{1,4}\s?[A-Ha-h]?\s+(\p{L}[\p{L}-]{5,})(?![\p{L}])/gu;
/** Words after a number that make it a count ("skolvägen 3 gånger") rather than a house number. */
const UNIT_AFTER =
  /^\s*(?:gånger|gång|ggr|hus|kvarter|år|åren|dagar|dag|dar|veckor|vecka|timmar|timme|tim|min|minuter|sek|st|stycken|kr|kronor|%|procent|elever|barn|personer|meter|m|km|mil)(?![\p{L}])/iu;
/** Streets abroad, where the family has gone or has kin, named after a prefix: "ul. Długa 15/3", "rue Victor Hugo 12", "calle Mayor 4". */
const FOREIGN_STREET =
  /(?<![\p{L}])(?:ul\.|ulica|ulitsa|al\.|aleja|rue|via|viale|calle|avenida|avda\.|rua|str\.|cd\.|caddesi|sokak|bulevar|shari'?a?)\s+\p{L}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){0,2}\s+\d{1,4}\s?[a-zA-Z]?(?:\/\d{1,4})?(?![\p{L}\d])/giu;
const FOREIGN_STREET_HINT = /(?:ul|al|avda|str|cd)\.|ulica|ulitsa|aleja|\brue\b|\bvia\b|viale|calle|avenida|\brua\b|caddesi|sokak|bulevar|shari/i;
/** Two-word street names: "Tumba torg 3", "Astrid Lindgrens väg 5", "Baker Street 21", "Berliner Straße 4". */
const TWO_WORD_STREET =
  /(?<![\p{L}])\p{Lu}[\p{L}-]+\s(?:[Vv]äg|[Gg]ata|[Gg]ränd|[Tt]org|[Bb]acke|[Aa]llé|[Ss]tig|[Pp]lan|[Pp]ark|[Gg]ård|[Hh]age|[Ää]ng|[Gg]ärde|[Hh]amn|[Bb]rink|[Uu]dde|[Hh]öjd|[Kk]ulle|[Hh]ed|[Ll]id|[Åå]s|[Tt]omt|[Bb]yväg|[Bb]yggata|[Ss]treet|[Rr]oad|[Aa]venue|[Ll]ane|[Ss]traße|[Ss]trasse|[Ss]okak|[Cc]addesi)\s(\d{1,4})(?:\s?[A-Ha-h](?![\p{L}\d]))?(?!\d)/gu;
/** A word of five letters or more and a house number: "Storgatan 14", "Hågelbyvägen 5B", "Storgatan nr 3", "byväg 64c". */
const WORD_THEN_NUMBER =
  /(?<![\p{L}])(\p{L}[\p{L}-]{4,})\s?(?:nr\.?\s?|nummer\s)?\d{1,4}(?:\s?[A-Ha-h](?![\p{L}\d]))?(?![\d:.,]\d|\d)/gu;
/** A street written short, as on an envelope: "Storg. 5", "Hågelbyv. 12B" (gatan and vägen cut to g. and v.); capitalised, as a street is. */
const ABBREVIATED_STREET = /(?<![\p{L}])(\p{Lu}\p{Ll}{3,}[gv])\.\s?\d{1,4}(?:\s?[A-Ha-h](?![\p{L}\d]))?(?![\d\p{L}]|[.,:]\d)/gu;
const ABBREVIATED_STREET_HINT = /\p{L}[gv]\.\s?\d/u;
/** The house number before the street: "nummer 5 på Albyvägen", "hus nr 12 på Storgatan". */
const NUMBER_ON_STREET = /(?<![\p{L}])(?:nr\.?|nummer|number)\s?\d{1,4}(?:\s?[A-Ha-h](?![\p{L}\d]))?\s+(?:på|on|i)\s+(\p{L}[\p{L}-]{4,})(?![\p{L}])/giu;
const LIVES_ON = /(?:bor|bodde|adress|flytta)/i;
const NUMBER_WORD_HINT = /(?:gen|gatan|gränd|torg|backe|allé|stig|vägen|väg|plan|gård|stigen|backen|gården|slingan|gången|höjden)\s+(?:n|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tret|fjor|sex|sjut|art|nit|tju|fyr|sjut|ått)/i;
/** A house number written as a word: "Storgatan fjorton", "Tallvägen nummer tre" (not "ett"/"en", which are articles). */
const WORD_THEN_NUMBER_WORD =
  /(?<![\p{L}])(\p{L}[\p{L}-]{5,})\s(?:nr\.?\s?|nummer\s)?(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)?)(?![\p{L}])/giu;
/** The word after "bor på", "adressen är", "flyttade till". */
const STREET_AFTER_LIVES_ON = /(?<![\p{L}])(?:bor|bodde|adress(?:en)?|flyttat?|flyttade)\s+(?:på|vid|i|till|är)?\s*(\p{Lu}[\p{L}-]{5,})/gu;

/** Postcodes "147 41", "14741", "SE-147 41". */
const POSTCODE = /(?<![\d+,.\-–])(?<!\d\s)(?:SE-?\s?)?([1-9]\d{2})(\s?)(\d{2})(?![\d]|[.,:]\d)/g;
const POSTCODE_WORD_BEFORE = /(?:postnummer|postnr|post nr|postadress)[^\p{L}\d\n]{0,6}$/iu;
const PLACE_AFTER = /^\s+\p{Lu}\p{Ll}/u;
const AMOUNT_AROUND_BEFORE = /(?:\d\s?|kr\.?\s|kronor\s|sek\s)$/iu;
const AMOUNT_AFTER = /^\s*(?:kr|kronor|sek|:-|st|stycken|%|procent|elever|barn|personer|ansökningar|anmälningar)(?![\p{L}])/iu;

function digitsOf(text: string): string {
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits += text[i];
  }
  return digits;
}

/**
 * The telephone numbers that are never identifying: the municipality's own published numbers, in any
 * format; an entry ending in * covers a number series ("08-530 6*").
 */
export class PhoneAllowList {
  private readonly exact = new Set<string>();
  private readonly prefixes: string[] = [];

  constructor(numbers: readonly string[]) {
    for (const entry of numbers) {
      const national = PhoneAllowList.toNational(entry);
      if (national.length < 2) continue;
      if (entry.trim().endsWith('*')) this.prefixes.push(national);
      else this.exact.add(national);
    }
  }

  /** Digits in national form: +46 8 … and 0046 8 … become 08 …; a number without area code stays as it is. */
  static toNational(written: string): string {
    const trimmed = written.trim();
    let digits = digitsOf(trimmed.replace(/\(0\)/g, ''));
    if (trimmed.startsWith('+46')) digits = `0${digits.slice(2)}`;
    else if (digits.startsWith('0046')) digits = `0${digits.slice(4)}`;
    return digits;
  }

  /** True when a number (national form, or local without area code) is one of the allowed ones. */
  allows(digits: string): boolean {
    const candidates = digits.startsWith('0') ? [digits] : [digits, `08${digits}`];
    for (const candidate of candidates) {
      if (this.exact.has(candidate)) return true;
      for (const prefix of this.prefixes) if (candidate.startsWith(prefix)) return true;
    }
    if (!digits.startsWith('0')) {
      for (const allowed of this.exact) {
        if (allowed.endsWith(digits) && allowed.length - digits.length <= 4) return true;
      }
    }
    return false;
  }
}

/** Finds Swedish telephone numbers (mobile and landline, national and +46), skipping allowed and service numbers. */
export function detectPhoneNumbers(text: string, findings: Findings, allowList: PhoneAllowList): void {
  INTERNATIONAL_PHONE.lastIndex = 0;
  for (let match = INTERNATIONAL_PHONE.exec(text); match !== null; match = INTERNATIONAL_PHONE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (findings.overlapsClaimed(start, end)) continue;
    const national = `0${digitsOf(match[1]!)}`;
    if (national.length < 8 || national.length > 10) continue;
    if (allowList.allows(national) || SERVICE_NUMBER.test(national)) findings.claim(start, end);
    else findings.add('phone', start, end);
  }

  if (text.includes('+') || text.includes('00')) {
    FOREIGN_PHONE.lastIndex = 0;
    for (let match = FOREIGN_PHONE.exec(text); match !== null; match = FOREIGN_PHONE.exec(text)) {
      const end = match.index + match[0].length;
      if (!findings.overlapsClaimed(match.index, end)) findings.add('phone', match.index, end);
    }
  }

  LOCAL_PHONE.lastIndex = 0;
  for (let match = LOCAL_PHONE.exec(text); match !== null; match = LOCAL_PHONE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (findings.overlapsClaimed(start, end)) continue;
    const local = digitsOf(match[0]);
    if (local.length < 6 || local.length > 8) continue;
    if (allowList.allows(local)) {
      findings.claim(start, end);
      continue;
    }
    if (PHONE_WORD_BEFORE.test(text.slice(Math.max(0, start - 24), start))) findings.add('phone', start, end);
  }

  MOBILE_WITHOUT_TRUNK.lastIndex = 0;
  for (let match = MOBILE_WITHOUT_TRUNK.exec(text); match !== null; match = MOBILE_WITHOUT_TRUNK.exec(text)) {
    const end = match.index + match[0].length;
    if (findings.overlapsClaimed(match.index, end)) continue;
    if (allowList.allows(`0${digitsOf(match[0])}`)) findings.claim(match.index, end);
    else findings.add('phone', match.index, end);
  }

  if (text.includes('.')) {
    DOTTED_MOBILE.lastIndex = 0;
    for (let match = DOTTED_MOBILE.exec(text); match !== null; match = DOTTED_MOBILE.exec(text)) {
      const end = match.index + match[0].length;
      if (!findings.overlapsClaimed(match.index, end) && digitsOf(match[0]).length === 10) findings.add('phone', match.index, end);
    }
  }

  NATIONAL_PHONE.lastIndex = 0;
  for (let match = NATIONAL_PHONE.exec(text); match !== null; match = NATIONAL_PHONE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (findings.overlapsClaimed(start, end)) continue;
    const national = digitsOf(match[0]);
    if (national.length < 8 || national.length > 10) continue;
    // A mobile number one digit short ("070-174025") is still someone's number mistyped, not a date or a count.
    if (national.startsWith('07') && national.length < 9) continue;
    if (allowList.allows(national) || SERVICE_NUMBER.test(national)) findings.claim(start, end);
    else findings.add('phone', start, end);
  }
}

/** True for a public body's domain or a subdomain of one ("edu.botkyrka.se"). */
function isPublicDomain(domain: string, lists: PrivacyWordLists): boolean {
  for (const publicDomain of lists.publicMailDomains) {
    if (domain === publicDomain || domain.endsWith(`.${publicDomain}`)) return true;
  }
  return false;
}

/** Finds e-mail addresses (also "namn (at) skola.se"), skipping functional mailboxes such as mottagningen@…. */
export function detectEmails(text: string, findings: Findings, lists: PrivacyWordLists): void {
  if (text.includes('@')) {
    EMAIL.lastIndex = 0;
    for (let match = EMAIL.exec(text); match !== null; match = EMAIL.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      const at = match[0].indexOf('@');
      const local = match[0].slice(0, at).toLowerCase();
      if (lists.roleMailboxes.has(local) && isPublicDomain(match[0].slice(at + 1).toLowerCase(), lists)) {
        findings.claim(start, end);
        continue;
      }
      findings.add('email', start, end);
    }
  }
  if (OBFUSCATED_HINT.test(text)) {
    OBFUSCATED_EMAIL.lastIndex = 0;
    for (let match = OBFUSCATED_EMAIL.exec(text); match !== null; match = OBFUSCATED_EMAIL.exec(text)) {
      findings.add('email', match.index, match.index + match[0].length);
    }
  }
}

/** Finds street addresses and apartment numbers; street names are recognised by their endings. */
export class AddressDetector {
  /**
   * A street suffix right before a house number, case-insensitive: every WORD_THEN_NUMBER match that counts has one
   * (its word ends in a suffix and the number follows it), so where it is missing that costly pattern is not run.
   */
  private readonly suffixBeforeNumber: RegExp;

  constructor(private readonly lists: PrivacyWordLists) {
    const suffixes = lists.streetSuffixes.map((suffix) => suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.suffixBeforeNumber = new RegExp(`(?:${suffixes.join('|')})\\s?(?:nr\\.?\\s?|nummer\\s)?\\d`, 'iu');
  }

  /**
   * Finds street addresses ("Storgatan 14", "Hågelbyvägen 5B", "Tumba torg 3") and apartment numbers
   * ("lägenhet 1102"). A street named after "bor på" without a number is a quasi-identifier.
   */
  detect(text: string, findings: Findings, hasDigit: boolean): void {
    // Only where someone lives is spoken of: "bor på Storgatan fjorton", not "Storgatan tre hus bort".
    const livesOn = LIVES_ON.test(text);
    if (livesOn && NUMBER_WORD_HINT.test(text)) {
      WORD_THEN_NUMBER_WORD.lastIndex = 0;
      for (let match = WORD_THEN_NUMBER_WORD.exec(text); match !== null; match = WORD_THEN_NUMBER_WORD.exec(text)) {
        const end = match.index + match[0].length;
        if (!this.endsWithStreetSuffix(match[1]!.toLowerCase()) || UNIT_AFTER.test(text.slice(end, end + 16))) continue;
        this.addAddress(text, match.index, end, findings);
      }
    }
    if (hasDigit) {
      APARTMENT.lastIndex = 0;
      for (let match = APARTMENT.exec(text); match !== null; match = APARTMENT.exec(text)) {
        findings.add('address', match.index, match.index + match[0].length);
      }
      WORD_THEN_NUMBER.lastIndex = 0;
      const suffixFound = this.suffixBeforeNumber.test(text);
      for (let match = suffixFound ? WORD_THEN_NUMBER.exec(text) : null; match !== null; match = WORD_THEN_NUMBER.exec(text)) {
        const word = match[1]!;
        if (!this.endsWithStreetSuffix(word.toLowerCase())) continue;
        const end = match.index + match[0].length;
        if (UNIT_AFTER.test(text.slice(end, end + 16))) continue;
        this.addAddress(text, match.index, end, findings);
      }
      NUMBER_THEN_STREET.lastIndex = 0;
      for (let match = NUMBER_THEN_STREET.exec(text); match !== null; match = NUMBER_THEN_STREET.exec(text)) {
        if (!this.endsWithStreetSuffix(match[1]!.toLowerCase())) continue;
        this.addAddress(text, match.index, match.index + match[0].length, findings);
      }
      if (FOREIGN_STREET_HINT.test(text)) {
        FOREIGN_STREET.lastIndex = 0;
        for (let match = FOREIGN_STREET.exec(text); match !== null; match = FOREIGN_STREET.exec(text)) {
          const end = match.index + match[0].length;
          if (!UNIT_AFTER.test(text.slice(end, end + 16))) findings.add('address', match.index, end);
        }
      }
      if (ENGLISH_STREET_HINT.test(text)) {
        NUMBER_THEN_ENGLISH_STREET.lastIndex = 0;
        for (let match = NUMBER_THEN_ENGLISH_STREET.exec(text); match !== null; match = NUMBER_THEN_ENGLISH_STREET.exec(text)) {
          this.addAddress(text, match.index, match.index + match[0].length, findings);
        }
      }
      // Only where someone lives is spoken of: "Bilag. 3" is no street.
      NUMBER_ON_STREET.lastIndex = 0;
      for (let match = NUMBER_ON_STREET.exec(text); match !== null; match = NUMBER_ON_STREET.exec(text)) {
        if (this.endsWithStreetSuffix(match[1]!.toLowerCase())) this.addAddress(text, match.index, match.index + match[0].length, findings);
      }
      if (livesOn && ABBREVIATED_STREET_HINT.test(text)) {
        ABBREVIATED_STREET.lastIndex = 0;
        for (let match = ABBREVIATED_STREET.exec(text); match !== null; match = ABBREVIATED_STREET.exec(text)) {
          const end = match.index + match[0].length;
          const word = match[1]!.toLowerCase();
          // "Bilag. 3", "Tillg. 5": a word cut short is no street.
          if (this.lists.commonWords.has(word) || this.lists.domainWords.has(word) || UNIT_AFTER.test(text.slice(end, end + 16))) continue;
          this.addAddress(text, match.index, end, findings);
        }
      }
      TWO_WORD_STREET.lastIndex = 0;
      for (let match = TWO_WORD_STREET.exec(text); match !== null; match = TWO_WORD_STREET.exec(text)) {
        const end = match.index + match[0].length;
        if (UNIT_AFTER.test(text.slice(end, end + 16))) continue;
        this.addAddress(text, match.index, end, findings);
      }
    }
    if (livesOn) this.detectStreetWithoutNumber(text, findings);
  }

  /** "bor på Hågelbyvägen": the street narrows the child down without a house number. */
  private detectStreetWithoutNumber(text: string, findings: Findings): void {
    STREET_AFTER_LIVES_ON.lastIndex = 0;
    for (let match = STREET_AFTER_LIVES_ON.exec(text); match !== null; match = STREET_AFTER_LIVES_ON.exec(text)) {
      const word = match[1]!;
      const start = match.index + match[0].length - word.length;
      if (findings.overlapsClaimed(start, start + word.length)) continue;
      if (this.endsWithStreetSuffix(word.toLowerCase())) findings.markQuasi();
    }
  }

  /** Adds an address, unless it is one of the municipality's own offices. */
  private addAddress(text: string, start: number, end: number, findings: Findings): void {
    const written = text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
    if (this.lists.municipalAddresses.includes(written)) findings.claim(start, end);
    else findings.add('address', start, end);
  }

  private endsWithStreetSuffix(word: string): boolean {
    for (const suffix of this.lists.streetSuffixes) {
      if (word.length >= suffix.length + 2 && word.endsWith(suffix)) return true;
    }
    return false;
  }
}

/**
 * Finds postcodes: five digits as "147 41" or "14741" followed by a place ("147 41 Tumba"), after
 * "postnummer" or an address, or written "1NN NN" as Stockholm-area postcodes are.
 */
export function detectPostcodes(text: string, findings: Findings, lists: PrivacyWordLists, allowList: PhoneAllowList): void {
  POSTCODE.lastIndex = 0;
  for (let match = POSTCODE.exec(text); match !== null; match = POSTCODE.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (findings.overlapsClaimed(start, end)) continue;
    if (lists.municipalAddresses.includes(`${match[1]!} ${match[3]!}`)) {
      findings.claim(start, end);
      continue;
    }
    const before = text.slice(Math.max(0, start - 24), start);
    const after = text.slice(end, end + 24);
    if (AMOUNT_AFTER.test(after) || AMOUNT_AROUND_BEFORE.test(before) || PHONE_WORD_BEFORE.test(before)) continue;
    const placeFollows = PLACE_AFTER.test(after);
    const labelled = POSTCODE_WORD_BEFORE.test(before);
    const afterAddress = findings.has('address') && findings.overlapsClaimed(Math.max(0, start - 3), start);
    // "ringa 114 14": a public number shaped like a postcode, unless it is written as one.
    if (!placeFollows && !labelled && !afterAddress && allowList.allows(`${match[1]!}${match[3]!}`)) {
      findings.claim(start, end);
      continue;
    }
    const stockholmShape = match[2] === ' ' && match[1]!.startsWith('1') && !match[0].startsWith('SE');
    if (placeFollows || labelled || afterAddress || stockholmShape || match[0].startsWith('SE')) {
      findings.add('postcode', start, end);
    }
  }
}
