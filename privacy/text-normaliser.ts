/**
 * One normalised form of a message for every detector, so that a detector never has to know how data can be
 * disguised: HTML entities decoded, compatibility characters folded (NFKC: full-width digits and letters,
 * non-breaking spaces), invisible characters (zero-width spaces, soft hyphens) removed, dashes unified,
 * spelled-out digit sequences written as digits, letters and digits written one by one ("G u l l a n", "V.i.k.t.o.r",
 * "h_a_m_z_a", "0 7 0 1 …") joined, Cyrillic and Greek look-alikes inside Latin words read as Latin letters, and
 * digits inside words read as the letters they stand for ("M4rt1n4").
 * Offsets into the result do not map back to the original; nothing the guard returns needs them.
 */
export function normaliseText(text: string): string {
  let out = text;
  if (out.includes('&')) out = decodeEntities(out);
  // Markup pasted from a web page or a document ("<b>190627</b>-<i>1893</i>") hides nothing: its tags go.
  if (out.includes('<')) out = out.replace(HTML_TAG, '');
  if (BEYOND_PLAIN_LATIN1.test(out)) {
    // An invisible character between a small and a capital letter stood for a space ("Camila\u2060Fuentes").
    out = out.replace(INVISIBLE_BETWEEN_WORDS, '$1 $2').replace(INVISIBLE, '');
    if (NEEDS_NFKC.test(out)) out = out.normalize('NFKC');
    else if (DECOMPOSED.test(out)) out = out.normalize('NFC');
    // Underlines and strokes drawn over characters ("2̲2̲1̲0̲"), and any mark left on a digit or symbol, hide nothing.
    if (DECOMPOSED.test(out) || OVERLAY_MARK.test(out)) out = out.replace(OVERLAY_MARK, '').replace(MARK_AFTER_NON_LETTER, '');
    if (OTHER_DIGIT_HINT.test(out)) out = out.replace(OTHER_DIGITS, readOtherDigit);
    // Tens (❿, ➉, ➓, ⓾) stand for no single digit; they are left.
    out = out.replace(DASHES, '-').replace(SPACES, ' ');
    if (MIXED_SCRIPT_HINT.test(out)) out = out.replace(MIXED_SCRIPT_WORD, readLookalikes);
    // "A🙂hmed": an emoji between two letters hides the word it parts.
    if (EMOJI_HINT.test(out)) out = out.replace(EMOJI_IN_WORD, '');
  }
  // "Y\nonas": a capital left alone at the end of a line, its word going on on the next, is one word broken to hide it.
  if (out.includes('\n')) out = out.replace(BROKEN_CAPITAL, '$1$2');

  if (LOOKALIKE_DIGITS_HINT.test(out)) out = out.replace(LOOKALIKE_DIGITS, readLookalikeDigits);
  if (NUMBER_WORD_HINT.test(out)) {
    // "fyra sex noll streck sju fyra ett": a dash said in words between digit words parts groups of one number.
    if (SEPARATOR_WORD_HINT_WORDS.test(out)) out = out.replace(SEPARATOR_WORD_BETWEEN_WORDS, ' - ');
    out = spelledDigitsToDigits(out);
  }
  if (SEPARATOR_WORD_HINT.test(out)) out = out.replace(SEPARATOR_WORD, '-');
  if (SPACED_LETTERS_HINT.test(out)) out = joinSpacedLetters(out);
  if (SYLLABLES_HINT.test(out)) out = out.replace(SYLLABLES, joinSyllables);
  if (SPACED_DIGITS_HINT.test(out)) out = out.replace(SPACED_DIGITS, joinSpacedDigits);
  if (SYMBOL_DIGITS_HINT.test(out)) out = out.replace(SYMBOL_DIGITS, joinSymbolDigits);
  if (LEET_HINT.test(out)) out = out.replace(LEET_WORD, readLeetWord);
  if (LEET_ENDS_HINT.test(out)) out = out.replace(LEET_ENDS_WORD, readLeetWord);
  // "anna_2011@hotmail[.]com", "gmail(dot)com": a dot written in brackets.
  if (BRACKETED_DOT_HINT.test(out)) out = out.replace(BRACKETED_DOT, '.');
  if (SYMBOL_CHARS.test(out) && SYMBOL_LETTER_HINT.test(out)) out = out.replace(SYMBOL_LETTER_WORD, readSymbolLetters);
  // "s@ra", "m@ja": in lower case only "@" inside a short word that is no e-mail address.
  if (out.includes('@')) out = out.replace(LOWER_AT_WORD, readSymbolLetters);
  if (out.includes(' @') || out.includes('@ ')) out = out.replace(SPACED_EMAIL, '$1@$2.$3');
  return out;
}

/**
 * A character the steps for non-ASCII text can change. Within Latin-1 only these: a no-break space, a soft hyphen, ©
 * and ® (pictographs) and superscript digits; "åäö", "é" and the rest are left as they are, so most Swedish text skips
 * those steps.
 */
const BEYOND_PLAIN_LATIN1 = /[^\x00-\xff]|[\u00a0\u00a9\u00ad\u00ae\u00b2\u00b3\u00b9]/;
/** A lone capital other than the English "I" at a line's end, and small letters going on after the break. */
const BROKEN_CAPITAL = /(?<![\p{L}\p{N}])([A-HJ-ZÅÄÖ])[ \t]*\r?\n[ \t]*(\p{Ll}{2,})/gu;
const EMOJI_IN_WORD = /(?<=\p{L})(?:\p{Extended_Pictographic}|\u{fe0f}|\u{200d}|[\u{1f3fb}-\u{1f3ff}])+(?=\p{L})/gu;
const EMOJI_HINT = /\p{L}\p{Extended_Pictographic}/u;
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]{0,9}(?:\s[^<>]{0,200})?\/?>/g;
/** Soft hyphen, zero-width spaces and joiners, word joiner, byte-order mark, combining grapheme joiner. */
const INVISIBLE = /[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;
const INVISIBLE_BETWEEN_WORDS = /(\p{Ll})[\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+(\p{Lu})/gu;
/** Characters NFKC changes that matter here: no-break and other spaces, full-width forms, ligatures, super/subscripts. */
const NEEDS_NFKC = /[\u00a0\u00b2\u00b3\u00b9\u2000-\u200a\u202f\u205f\u2070-\u209f\u2460-\u24ff\u3000\ufb00-\ufb06\uff00-\uffef]|\ud835[\udc00-\udfff]/;
const DECOMPOSED = /[\u0300-\u036f\u20d0-\u20ff]/;
/** Combining underlines, strokes and enclosing marks: drawn over a character, never part of a letter. */
const OVERLAY_MARK = /[\u0332\u0333\u0334-\u0338\u20d0-\u20ff]/g;
const MARK_AFTER_NON_LETTER = /(?<=[^\p{L}\p{M}])\p{M}+/gu;

/** Digits of other scripts (Arabic-Indic "٢٠١٤", Persian "۸۵۱۲", Devanagari …) and dingbat digits, which NFKC leaves as they are. */
const OTHER_DIGIT_HINT = /(?![0-9])\p{Nd}|[\u2776-\u2793\u24f5-\u24ff]/u;
const OTHER_DIGITS = /(?![0-9])\p{Nd}|[\u2776-\u2792\u24f5-\u24fd\u24ff]/gu;
const ANY_DIGIT = /\p{Nd}/u;
/** Dingbat circled digits, which NFKC leaves alone: ❶–❾ and ➀–➈ and ➊–➒ count from 1 in threes of ten, ⓵–⓽ from 1, ⓿ is 0. */
const DINGBAT_ONES = [0x2776, 0x2780, 0x278a, 0x24f5];

/** A digit's value is its distance from the zero of its block of ten (blocks of ten digits are contiguous). */
function readOtherDigit(digit: string): string {
  const code = digit.codePointAt(0)!;
  if (code === 0x24ff) return '0';
  for (const one of DINGBAT_ONES) if (code >= one && code < one + 9) return String(code - one + 1);
  let zero = code;
  while (zero > code - 9 && ANY_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String(code - zero);
}

/**
 * A number with letters standing in for digits ("07O174O6O9", "O7O-l23"): a token of digits and O, o, l, I, parted
 * at most by "-", "." or "/", with four or more of them, at least two digits and no more letters than digits.
 */
const LOOKALIKE_DIGITS = /(?<![\p{L}\p{N}])[\dOolI]+(?:[-./:_+ ][\dOolI]+)*(?![\p{L}\p{N}])/gu;
const SPACE_PARTS = / /;
const LOOKALIKE_DIGITS_HINT = /\d[OolI]|[OolI]\d/;
const ANY_ASCII_DIGIT = /\d/;
const LOOKALIKE_DIGITS_IN_PART = /(?<![\p{L}\p{N}])[\dOolI]+(?:[-./:_+][\dOolI]+)*(?![\p{L}\p{N}])/gu;

function readLookalikeDigits(token: string): string {
  // Groups parted by spaces ("07O-174 O6 16") belong together only when each has a digit; "I" or "O" alone is a word.
  if (token.includes(' ')) {
    for (const part of token.split(SPACE_PARTS)) if (!ANY_ASCII_DIGIT.test(part)) return token.replace(LOOKALIKE_DIGITS_IN_PART, readLookalikeDigits);
  }
  let digits = 0;
  let others = 0;
  for (const char of token) {
    if (char >= '0' && char <= '9') digits++;
    else if (char !== '-' && char !== '.' && char !== '/' && char !== ':' && char !== '_' && char !== '+' && char !== ' ') others++;
  }
  if (digits < 2 || digits + others < 4 || (digits < others && !everyGroupHasDigit(token, digits + others))) return token;
  return token.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
}
/** "2Oll-O2-O9": three groups parted by "-", "." or "/", each with a real digit, six characters or more, are a date or a number. */
function everyGroupHasDigit(token: string, length: number): boolean {
  if (length < 6) return false;
  const groups = token.split(GROUP_SEPARATORS);
  return groups.length >= 3 && groups.every((group) => ANY_ASCII_DIGIT.test(group));
}
const GROUP_SEPARATORS = /[-./]/;

/** Every dash and minus sign, emoji ones ("➖") too. */
const DASHES = /[\p{Pd}\u2212\u2796\u02d7\u2043]/gu;
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '-', mdash: '-', minus: '-', hyphen: '-',
  dash: '-', shy: '', zwsp: '', zwnj: '', zwj: '', period: '.', sol: '/', colon: ':', lowbar: '_', commat: '@',
  aring: 'å', auml: 'ä', ouml: 'ö', Aring: 'Å', Auml: 'Ä', Ouml: 'Ö', eacute: 'é', uuml: 'ü', Uuml: 'Ü',
};
const ENTITY = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Cyrillic and Greek letters that look like Latin ones, as used to hide a name from a filter ("Kenzа" with a Cyrillic а). */
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I', Ј: 'J', Ѕ: 'S',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H',
  Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const MIXED_SCRIPT_HINT = /[\u0370-\u03ff\u0400-\u04ff]/;
/** A word with both Latin and Cyrillic or Greek letters; a word wholly in another script is left as it is. */
const MIXED_SCRIPT_WORD = /[\p{L}\p{M}]*(?:\p{Script=Latin}[\p{L}\p{M}]*[\p{Script=Cyrillic}\p{Script=Greek}]|[\p{Script=Cyrillic}\p{Script=Greek}][\p{L}\p{M}]*\p{Script=Latin})[\p{L}\p{M}]*/gu;

function readLookalikes(word: string): string {
  let out = '';
  for (const char of word) out += LOOKALIKES[char] ?? char;
  return out;
}

/** Swedish and English digit words as staff spell out a number: "noll-sju-noll", "ett-fem-noll-tre", "fyrtiofyra", "one six one two". */
const DIGIT_WORDS: Readonly<Record<string, string>> = {
  noll: '0', ett: '1', etta: '1', två: '2', tvåa: '2', tre: '3', trea: '3', fyra: '4', fyran: '4', fem: '5', femma: '5',
  sex: '6', sexa: '6', sju: '7', sjua: '7', åtta: '8', nio: '9', nia: '9',
  tio: '10', elva: '11', tolv: '12', tretton: '13', fjorton: '14', femton: '15', sexton: '16', sjutton: '17', arton: '18',
  nitton: '19',
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const TENS: Readonly<Record<string, string>> = {
  tjugo: '2', trettio: '3', fyrtio: '4', femtio: '5', sextio: '6', sjuttio: '7', åttio: '8', nittio: '9',
};
const UNITS = '(?:ett|en|två|tre|fyra|fem|sex|sju|åtta|nio)';
const TEENS = 'tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton';
const TENS_WORDS = '(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio)';
/** "etthundrasjuttiofyra", "hundra", "tjugohundrafjorton" (a year read as twenty hundred and fourteen). */
const HUNDREDS = `(?:${TENS_WORDS}|${TEENS}|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?hundra(?:${TENS_WORDS}${UNITS}?|${TEENS}|${UNITS})?`;
const NUMBER_WORD =
  `(?:${HUNDREDS}|${TENS_WORDS}${UNITS}?|noll|etta|ett|tvåa|två|trea|tre|fyra|femma|fem|sexa|sex|sjua|sju|åtta|nia|nio|` +
  `${TEENS}|zero|oh|one|two|three|four|five|six|seven|eight|nine)`;
const NUMBER_WORD_HINT =
  /(?:noll|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|ton|hundra|zero|oh|one|two|three|four|five|six|seven|eight|nine)[- ,]+(?:noll|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|fjorton|sjutton|arton|nitton|tjugo|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra|zero|oh|one|two|three|four|five|six|seven|eight|nine)/i;
/** A digit word, or a group of digits written among them ("noll sjuttio etthundrasjuttiofyra noll sex 94"). */
const NUMBER_MEMBER = `(?:${NUMBER_WORD}|\\d{1,4})(?![\\p{L}\\d])`;
/** Four or more digit words (or digit groups among them) in a row, joined by hyphens, spaces or ", ". */
const SPELLED_NUMBER = new RegExp(
  `(?<![\\p{L}\\d])${NUMBER_MEMBER}(?:(?:-|,? | [-–] )${NUMBER_MEMBER}){3,}`,
  'giu',
);
const ONE_NUMBER_MEMBER = new RegExp(NUMBER_MEMBER, 'giuy');
const SEPARATOR_CHARS = ', -–';
const DIGIT_GROUP = /^\d+$/;

function spelledWordValue(word: string): string {
  if (DIGIT_GROUP.test(word)) return word;
  const direct = DIGIT_WORDS[word];
  if (direct !== undefined) return direct;
  const hundred = word.indexOf('hundra');
  if (hundred >= 0) {
    const count = hundred === 0 ? 1 : Number(spelledWordValue(word.slice(0, hundred)));
    const rest = word.slice(hundred + 'hundra'.length);
    return String(count * 100 + (rest === '' ? 0 : Number(spelledWordValue(rest === 'en' ? 'ett' : rest))));
  }
  for (const [tens, digit] of Object.entries(TENS)) {
    if (!word.startsWith(tens)) continue;
    const rest = word.slice(tens.length);
    if (rest === '') return `${digit}0`;
    return `${digit}${rest === 'en' ? '1' : (DIGIT_WORDS[rest] ?? '0')}`;
  }
  return word;
}

/** "ett-fem-noll-tre-ett-två, två-tre-åtta-sex" → "150312 2386": hyphens and spaces join digits, commas and dashes part groups. */
function spelledDigitsToDigits(text: string): string {
  return text.replace(SPELLED_NUMBER, (run) => {
    let digits = '';
    let groups = '';
    let words = 0;
    let position = 0;
    while (position < run.length) {
      ONE_NUMBER_MEMBER.lastIndex = position;
      const word = ONE_NUMBER_MEMBER.exec(run);
      if (word === null) break;
      const lower = word[0].toLowerCase();
      if (!DIGIT_GROUP.test(lower)) words++;
      digits += spelledWordValue(lower);
      position = ONE_NUMBER_MEMBER.lastIndex;
      // A hyphen or a space joins digits ("noll-sju-noll", "noll sju noll"); a comma or a spaced dash starts a new group.
      if (run[position] === '-' || (run[position] === ' ' && run[position + 1] !== '-' && run[position + 1] !== '–')) position++;
      else if (position < run.length) {
        groups += `${digits} `;
        digits = '';
        while (position < run.length && SEPARATOR_CHARS.includes(run[position]!)) position++;
      }
    }
    const all = `${groups}${digits}`.trim();
    return words >= 3 && all.replace(/\s/g, '').length >= 6 ? all : run;
  });
}

/** "nio streck sju", "noll bindestreck ett": a separator said in words between digit words. */
const SEPARATOR_WORD_HINT_WORDS = /\s(?:bindestreck|streck|minus|dash|hyphen)\s/i;
const SEPARATOR_WORD_BETWEEN_WORDS = new RegExp(
  `(?<=(?<![\\p{L}])${NUMBER_WORD})\\s+(?:bindestreck|streck|minus|dash|hyphen)\\s+(?=${NUMBER_WORD}(?![\\p{L}]))`,
  'giu',
);

/** "180127 streck 0032", "0701 bindestreck 23": a separator said in words between digits. */
const SEPARATOR_WORD = /(?<=\d)\s*(?:bindestreck|streck|minus|dash|hyphen)\s*(?=\d)/giu;
const SEPARATOR_WORD_HINT = /\d\s*(?:bindestreck|streck|minus|dash|hyphen)\s*\d/i;

/** Three or more single letters with the same separator between them: "G u l l a n", "V.i.k.t.o.r", "R-a-n-i-a", "h_a_m_z_a", "K*e*n*z*a". */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}( {1,3}|[^\p{L}\p{N}\p{M}\s])\p{L}(?:\1\p{L})+(?![\p{L}\p{N}])(?: {1,3}\d(?: \d){1,3}(?![\d\p{L}]))?/gu;
const SPACED_LETTERS_HINT = /(?:^|[^\p{L}\p{N}])\p{L}(?: {1,3}|[^\p{L}\p{N}\p{M}\s])\p{L}(?: {1,3}|[^\p{L}\p{N}\p{M}\s])\p{L}(?![\p{L}\p{N}])/u;
const SEPARATORS = /[^\p{L}]/gu;

/** Joins the letters, and a house number spelled out the same way after them ("K r o k v ä g e n  1 2" → "Krokvägen 12"). */
function joinSpacedLetters(text: string): string {
  return text.replace(SPACED_LETTERS, (run) => {
    const digitsAt = run.search(FIRST_DIGIT);
    if (digitsAt < 0) {
      const joined = run.replace(SEPARATORS, '');
      // "S.A.G.A", "O M A R": four or more capitals spelled one by one are a word spelled out, not an acronym.
      return joined.length >= 4 && joined === joined.toUpperCase() && joined !== joined.toLowerCase() ? joined[0] + joined.slice(1).toLowerCase() : joined;
    }
    return `${run.slice(0, digitsAt).replace(SEPARATORS, '')} ${run.slice(digitsAt).replace(SPACES_ONLY, '')}`;
  });
}
const FIRST_DIGIT = /\d/;
const SPACES_ONLY = / /g;

/** A word split into syllables to get past a filter: "Ab-di-ra-hman", "fa_ti_ma", "Mu·ham·mad"; three or more short parts. */
const SYLLABLES = /(?<![\p{L}\p{N}_·-])\p{L}\p{Ll}{0,3}([-_·])\p{Ll}{1,4}(?:\1\p{Ll}{1,4})+(?![\p{L}\p{N}_·-])/gu;
const SYLLABLES_HINT = /\p{L}[-_·]\p{Ll}{1,4}[-_·]\p{Ll}/u;

/** Joins the parts when most are syllable-short (two letters or fewer), as no hyphenated compound is. */
function joinSyllables(run: string, separator: string): string {
  const parts = run.split(separator);
  let short = 0;
  for (const part of parts) if (part.length <= 2) short++;
  return short * 2 > parts.length ? parts.join('') : run;
}

/**
 * Six or more digits written one by one ("0 7 0 1 7 4 0 6 5 5"), joined; no count or date is written so. Not the tail
 * of a run grouped by other separators ("0 0.0 1.0 1 0 0 0 8"), which the personnummer scanner reads whole.
 */
const SPACED_DIGITS = /(?<!\d|\d[.\-\/:_])\d(?:(?: {1,3}| ?[.\-\/] ?)\d){5,}(?!\d)/gu;
const SPACED_DIGITS_HINT = /\d {1,3}\d {1,3}\d|\d [.\-/] \d/;
const WIDE_GAP = / {2,}/;
const ONE_SPACE = / /g;
const SPACED_SEPARATOR = / ?([.\-/]) ?/g;

/**
 * "0 7 0 1 7 4" → "070174"; a wider gap parts groups as written ("5 3 0  6 2 2  5 5" → "530 622 55"), and so does a
 * dot, dash or slash ("0 4 . 0 6 . 2 0 1 8" → "04.06.2018"). A run with no space is left to the other readers.
 */
function joinSpacedDigits(run: string): string {
  if (!run.includes(' ')) return run;
  return run
    .replace(SPACED_SEPARATOR, '$1')
    .split(WIDE_GAP)
    .map((group) => group.replace(ONE_SPACE, ''))
    .join(' ');
}

/**
 * Six or more digits one by one with the same symbol between them ("1,4,0,3,1,2,-,2,3,8,6", "1*4*0*3*1*2"): the symbol
 * goes, a dash standing alone as a digit ("-") stays as the dash it is.
 */
const SYMBOL_DIGITS = /(?<![\d\p{L}])\d([^\d\p{L}\s])(?:\d|-)(?:\1(?:\d|-)){4,}(?![\d\p{L}])/gu;
const SYMBOL_DIGITS_HINT = /\d([^\d\p{L}\s])\d\1\d\1\d/u;

function joinSymbolDigits(run: string, symbol: string): string {
  let digits = 0;
  for (const char of run) if (char >= '0' && char <= '9') digits++;
  if (digits < 6) return run;
  return run.split(symbol).join('');
}

/**
 * A capitalised word with a symbol standing for a letter ("M@ria", "Fa+ima", "$ara", "J€nny", "|ina"): read as the
 * letter. Only a word that starts with a capital (or "$", "€") and goes on in small letters, so "mamma+pappa", handles
 * ("@dansare_09") and e-mail addresses ("anna@skola.se") are left.
 */
const SYMBOL_LETTER_WORD = /(?<![\p{L}\p{N}@$€+|._-])[\p{Lu}$€](?:\p{Ll}|[@$€+|](?=\p{Ll})){2,}(?![\p{L}\p{N}@$€+|_]|\.\p{L})/gu;
const SYMBOL_LETTER_HINT = /[\p{L}][@$€+|]\p{Ll}|(?<![\p{L}\p{N}])[$€]\p{Ll}/u;
// "!" is left: "Tack!jag undrar" is a missing space, not a disguised letter.
const SYMBOL_CHARS = /[@$€+|]/;
const LOWER_AT_WORD = /(?<![\p{L}\p{N}@$€+|._-])\p{Ll}{1,4}@\p{Ll}{1,6}(?![\p{L}\p{N}@$€+|_.-])/gu;
const SYMBOL_LETTERS: Readonly<Record<string, string>> = { '@': 'a', $: 's', '€': 'e', '+': 't', '|': 'l' };
const SYMBOL_LETTER = /[@$€+|]/g;

function readSymbolLetters(word: string): string {
  let symbols = 0;
  for (const char of word) if (SYMBOL_LETTERS[char] !== undefined) symbols++;
  // One or two symbols among at least three letters; a word of symbols is no disguised name.
  if (symbols === 0 || symbols > 2 || word.length - symbols < 3) return word;
  return word.replace(SYMBOL_LETTER, (char) => SYMBOL_LETTERS[char]!);
}

/** An e-mail address with spaces around "@" and the dot: "anna @ gmail . com", "anna.s @ skola.se". */
const SPACED_EMAIL = /([\p{L}\p{N}._-]) *@ *([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*) *\. *(\p{L}{2,24})(?![\p{L}\p{N}])/gu;

/** A word with digits between its letters ("N1k0la", "4l3ks4ndr4", "P3tr0v1ć"); not "4B", "3:an", "covid19", "abcd0412". */
const LEET_HINT = /\p{L}[0134578]{1,2}\p{L}/u;
const LEET_WORD = /(?<![\p{L}\p{N}@._-])[\p{L}\p{N}]*\p{L}[0134578]{1,2}\p{L}[\p{L}\p{N}]*(?![\p{L}\p{N}@])/gu;
/** "3mm4", "4nn4", "0sk4r": a word that starts and ends in digits standing for letters, with letters between. */
const LEET_ENDS_HINT = /[0134578]\p{L}{2,}[0134578]/u;
const LEET_ENDS_WORD = /(?<![\p{L}\p{N}@._-])[0134578]\p{L}{2,}[0134578](?![\p{L}\p{N}@])/gu;
const BRACKETED_DOT_HINT = /[[(]\s*(?:\.|dot|punkt)\s*[\])]/iu;
const BRACKETED_DOT = /\s*[[(]\s*(?:\.|dot|punkt)\s*[\])]\s*/giu;
const LEET_LETTERS: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };
const OTHER_DIGIT = /[269]/;

function readLeetWord(word: string): string {
  if (OTHER_DIGIT.test(word)) return word;
  let letters = 0;
  for (const char of word) if (LEET_LETTERS[char] === undefined) letters++;
  if (letters < 2) return word;
  let out = '';
  for (const char of word) out += LEET_LETTERS[char] ?? char;
  return out;
}
