import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CompactWordSet, type WordLookup } from '../municipality/compact-word-set.js';
import { fromSnapshot, remember, snapshotKey } from '../municipality/start-snapshot.js';

/** Raised when a list file in `privacy/lists/` is missing or holds a line that is not a word. */
export class WordListError extends Error {
  readonly code = 'PRIVACY_WORD_LIST_INVALID';
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WordListError';
  }
}

/** The folder holding the guard's name and word lists (plain text, one entry a line). */
export const WORD_LIST_DIR = fileURLToPath(new URL('./lists/', import.meta.url));

const wordLine = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{M}][\p{L}\p{M}'’.:\- ]*$/u, 'expected a word');
const addressLine = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[\p{L}\d][\p{L}\d .\-]*$/u, 'expected an address or a postcode');
const phoneLine = z
  .string()
  .min(3)
  .max(40)
  .regex(/^[+\d][\d ()\-–]*\*?$/, 'expected a telephone number');

/** Reads one list file: `#` starts a comment line, blank lines are skipped, each entry is validated. */
export function readListFile(fileName: string, kind: 'word' | 'phone' | 'address' = 'word', dir = WORD_LIST_DIR): string[] {
  const path = `${dir}${fileName}`;
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new WordListError(`Cannot read word list ${fileName}`, fileName, { cause: error });
  }
  const lines = content
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const parsed = z.array(kind === 'word' ? wordLine : kind === 'phone' ? phoneLine : addressLine).safeParse(lines);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const index = typeof issue?.path[0] === 'number' ? issue.path[0] : -1;
    throw new WordListError(`Invalid entry "${lines[index] ?? '?'}" in word list ${fileName}`, fileName);
  }
  return parsed.data;
}

const FOREIGN_LETTERS: Readonly<Record<string, string>> = {
  à: 'a', á: 'a', â: 'a', ã: 'a', ą: 'a', ā: 'a', æ: 'ä',
  ç: 'c', ć: 'c', č: 'c',
  ď: 'd', đ: 'd', ð: 'd',
  è: 'e', é: 'e', ê: 'e', ë: 'e', ę: 'e', ě: 'e', ē: 'e',
  ğ: 'g',
  ì: 'i', í: 'i', î: 'i', ï: 'i', ı: 'i', ī: 'i',
  ł: 'l', ľ: 'l',
  ñ: 'n', ń: 'n', ň: 'n',
  ò: 'o', ó: 'o', ô: 'o', õ: 'o', ø: 'ö', ō: 'o',
  ř: 'r',
  ś: 's', š: 's', ş: 's', ș: 's', ß: 'ss',
  ť: 't', ț: 't',
  ù: 'u', ú: 'u', û: 'u', ü: 'u', ū: 'u', ů: 'u',
  ý: 'y', ÿ: 'y',
  ź: 'z', ż: 'z', ž: 'z',
  '’': "'",
};
const SWEDISH_LETTERS: Readonly<Record<string, string>> = { å: 'a', ä: 'a', ö: 'o' };
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** Folds letters from other alphabets to the Swedish ones (Güler → guler, Đorđe → dorde); input is lower case. */
export function foldForeignLetters(lower: string): string {
  if (ASCII_ONLY.test(lower)) return lower;
  let out = '';
  for (const char of lower.normalize('NFC')) out += FOREIGN_LETTERS[char] ?? char;
  return out.replace(COMBINING_MARKS, '');
}

/** Folds to plain ASCII letters as people type without a Swedish keyboard (Göran → goran); input is lower case. */
export function foldToAscii(lower: string): string {
  const foreign = foldForeignLetters(lower);
  if (ASCII_ONLY.test(foreign)) return foreign;
  let out = '';
  for (const char of foreign) out += SWEDISH_LETTERS[char] ?? char;
  return out;
}

/** The lists the detectors use, as sets of lower-case keys, loaded once from `privacy/lists/`. */
export interface PrivacyWordLists {
  /** First names and surnames, with their accent-folded spellings. */
  readonly names: WordLookup;
  /** The names of the hand-written lists only: an all-capital short word is an acronym unless it is one of them (ALI, EVA; not IVA). */
  readonly handListedNames: ReadonlySet<string>;
  /** First names only (used for "Anna Berg": a first name before an ambiguous surname). */
  readonly firstNames: WordLookup;
  readonly surnamePrefixes: ReadonlySet<string>;
  readonly surnameEndings: readonly string[];
  readonly collisions: ReadonlySet<string>;
  /** Listed names that are English words ("can", "said", "grace"): words, not names, in an English sentence. */
  readonly englishNameWords: ReadonlySet<string>;
  /** English words and their inflected forms, for reading English sentences. */
  readonly englishWords: WordLookup;
  readonly commonWords: ReadonlySet<string>;
  /** Words of the routine documents that are not names; checked after the name lists. */
  readonly domainWords: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
  readonly nonNameTerms: ReadonlySet<string>;
  readonly acronyms: ReadonlySet<string>;
  readonly calendarWords: ReadonlySet<string>;
  readonly nameTriggers: ReadonlySet<string>;
  /** "kallas", "kallad": weaker triggers than "heter". */
  readonly callingWords: ReadonlySet<string>;
  readonly personNouns: ReadonlySet<string>;
  readonly personVerbs: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
  /** "efter", "till", "med": prepositions before a noun phrase, besides the determiners. */
  readonly nounPrepositions: ReadonlySet<string>;
  /** "i", "på", "vid": prepositions after which a word that may be a name names a place or a business. */
  readonly placePrepositions: ReadonlySet<string>;
  readonly streetSuffixes: readonly string[];
  /** Endings of unit and place words ("-skolan", "-verket"), longest first. */
  readonly institutionEndings: readonly string[];
  /** Organisation names that contain a person's name ("maria ungdom"). */
  readonly nonNamePhrases: readonly string[];
  readonly quasiDetailWords: ReadonlySet<string>;
  /** Occupations and public roles with their definite and genitive forms ("prästen", "rektorns"). */
  readonly roleNouns: ReadonlySet<string>;
  /** The same forms of roles of five letters or more, which also end compounds ("pizzeriaägaren"), longest first. */
  readonly roleEndings: readonly string[];
  readonly roleMailboxes: ReadonlySet<string>;
  /** Domains of public bodies, where a functional mailbox belongs to a unit ("botkyrka.se"). */
  readonly publicMailDomains: readonly string[];
  readonly municipalPhoneNumbers: readonly string[];
  /** The municipality's own street addresses and postcodes, lower case with single spaces. */
  readonly municipalAddresses: readonly string[];
}

function lowerSet(entries: readonly string[]): Set<string> {
  return new Set(entries.map((entry) => entry.toLowerCase()));
}

function addNameVariants(target: Set<string>, entries: readonly string[], commonWords: ReadonlySet<string>): void {
  for (const entry of entries) {
    const lower = entry.toLowerCase();
    target.add(lower);
    for (const variant of [foldForeignLetters(lower), foldToAscii(lower), lower.replace(/đ/g, 'dj')]) {
      // Rosén, Lindén: without the accent they are definite nouns ("rosen", "linden").
      const definiteNoun = lower.endsWith('én') && variant.endsWith('en');
      if (variant !== lower && !definiteNoun && !commonWords.has(variant)) target.add(variant);
    }
  }
}

/** A role and its Swedish definite, genitive and plural forms (präst, prästen, prästens, präster; ägare, ägaren, ägarens) and English genitive. */
function roleForms(stems: readonly string[]): Set<string> {
  const forms = new Set<string>();
  for (const stem of stems.map((entry) => entry.toLowerCase())) {
    // Both definite endings for a consonant: rektor → rektorn, präst → prästen.
    // Neuter roles take -et (kommunalråd → kommunalrådet); plurals of consonant stems take -er (poliser, präster),
    // definite -erna ("en av politikerna").
    const vowelEnd = stem.endsWith('e') || stem.endsWith('a');
    const definites = vowelEnd ? [`${stem}n`] : [`${stem}n`, `${stem}en`, `${stem}et`];
    // Agent nouns in -are keep their form in the plural (lärare → lärarna); nouns in -a take -or (barnmorska → barnmorskorna).
    const plurals = stem.endsWith('are')
      ? [`${stem.slice(0, -1)}na`]
      : stem.endsWith('a')
        ? [`${stem.slice(0, -1)}or`, `${stem.slice(0, -1)}orna`]
        : vowelEnd
          ? []
          : stem.endsWith('er')
            ? [`${stem}na`]
            : [`${stem}er`, `${stem}erna`];
    for (const form of [stem, `${stem}s`, `${stem}'s`, ...definites, ...definites.map((definite) => `${definite}s`), ...plurals]) forms.add(form);
  }
  return forms;
}

function withAsciiFolds(words: Set<string>, except: ReadonlySet<string> = new Set()): Set<string> {
  for (const word of [...words]) {
    const folded = foldToAscii(word);
    if (!except.has(folded)) words.add(folded);
  }
  return words;
}

/** Loads and validates every list from `dir` (the shipped lists by default; from the start snapshot while they are unchanged). */
export function loadWordLists(dir = WORD_LIST_DIR): PrivacyWordLists {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.txt')).sort();
  } catch {
    return parseWordLists(dir);
  }
  const text = (name: string) => {
    try {
      return readFileSync(`${dir}${name}`);
    } catch {
      return undefined; // parseWordLists reports it, naming the file
    }
  };
  const key = snapshotKey('privacy-lists', files.map((name) => ({ name, text: text(name) })));
  const stored = fromSnapshot<PrivacyWordLists>(key);
  if (!stored) return remember(key, parseWordLists(dir));
  const revive = (set: WordLookup) => CompactWordSet.revive(set as CompactWordSet);
  return { ...stored, names: revive(stored.names), firstNames: revive(stored.firstNames), englishWords: revive(stored.englishWords) };
}

function parseWordLists(dir: string): PrivacyWordLists {
  const read = (file: string): string[] => readListFile(file, 'word', dir);
  const commonWords = lowerSet(read('common-words.txt'));
  const handListedNames = new Set<string>();
  addNameVariants(handListedNames, read('first-names.txt'), commonWords);
  addNameVariants(handListedNames, read('surnames.txt'), commonWords);
  const firstNames = new Set<string>();
  addNameVariants(firstNames, read('first-names.txt'), commonWords);
  addNameVariants(firstNames, read('generated-first-names.txt'), commonWords);
  const names = new Set<string>([...firstNames, ...handListedNames]);
  addNameVariants(names, read('generated-surnames.txt'), commonWords);
  const roleNouns = roleForms(read('role-nouns.txt'));
  return {
    // The three large lists (40,000–75,000 words) are held compactly; the others are small sets.
    names: new CompactWordSet(names),
    handListedNames,
    firstNames: new CompactWordSet(firstNames),
    surnamePrefixes: lowerSet(read('surname-prefixes.txt')),
    surnameEndings: [...lowerSet(read('surname-endings.txt'))],
    collisions: withAsciiFolds(lowerSet([...read('name-word-collisions.txt'), ...read('generated-name-words.txt')])),
    englishNameWords: lowerSet(read('english-name-words.txt')),
    englishWords: new CompactWordSet(read('english-words.txt').map((entry) => entry.toLowerCase())),
    commonWords,
    domainWords: lowerSet(read('domain-words.txt')),
    places: lowerSet(read('place-names.txt')),
    nonNameTerms: lowerSet(read('non-name-terms.txt')),
    acronyms: lowerSet(read('acronyms.txt')),
    calendarWords: lowerSet(read('calendar-words.txt')),
    nameTriggers: lowerSet(read('name-triggers.txt')),
    callingWords: lowerSet(read('calling-words.txt')),
    personNouns: lowerSet(read('person-nouns.txt')),
    // Typed without å/ä/ö too ("stig slar …"), unless that spelling is an everyday word of its own.
    personVerbs: withAsciiFolds(lowerSet(read('person-verbs.txt')), commonWords),
    determiners: lowerSet(read('determiners.txt')),
    nounPrepositions: lowerSet(read('noun-prepositions.txt')),
    placePrepositions: lowerSet(read('place-prepositions.txt')),
    streetSuffixes: [...lowerSet(read('street-suffixes.txt'))].sort((a, b) => b.length - a.length),
    institutionEndings: [...lowerSet(read('institution-endings.txt'))].sort((a, b) => b.length - a.length),
    nonNamePhrases: [...lowerSet(read('non-name-phrases.txt'))],
    quasiDetailWords: lowerSet(read('quasi-detail-words.txt')),
    roleNouns,
    roleEndings: [...roleNouns].filter((form) => form.length >= 5).sort((a, b) => b.length - a.length),
    roleMailboxes: lowerSet(read('role-mailboxes.txt')),
    publicMailDomains: read('public-mail-domains.txt').map((domain) => domain.toLowerCase()),
    municipalPhoneNumbers: readListFile('municipal-phone-numbers.txt', 'phone', dir),
    municipalAddresses: readListFile('municipal-addresses.txt', 'address', dir).map((entry) => entry.toLowerCase().replace(/\s+/g, ' ')),
  };
}

let shipped: PrivacyWordLists | undefined;

/** The shipped lists, loaded on first use and shared by every guard. */
export function defaultWordLists(): PrivacyWordLists {
  shipped ??= loadWordLists();
  return shipped;
}
