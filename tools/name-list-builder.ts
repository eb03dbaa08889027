import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allLocales } from '@faker-js/faker';
import { foldForeignLetters, foldToAscii, readListFile } from '../privacy/word-lists.js';
import { HunspellDictionary } from './hunspell-dictionary.js';

/** A package's folder; the dictionaries export no subpaths, so their files are read from node_modules. */
const packageDir = (name: string): string => fileURLToPath(new URL(`../node_modules/${name}/`, import.meta.url));

function dictionary(name: string): HunspellDictionary {
  return HunspellDictionary.fromFiles(join(packageDir(name), 'index.aff'), join(packageDir(name), 'index.dic'));
}

function version(name: string): string {
  return (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;
}

/** Locales whose names are not in Latin script but can be transliterated. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', ђ: 'dj', е: 'e', ё: 'jo', є: 'je', ж: 'zj', з: 'z', ѕ: 'dz', и: 'i', і: 'i',
  ї: 'ji', й: 'j', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r', с: 's', т: 't', ћ: 'c',
  ќ: 'kj', ѓ: 'gj', у: 'u', ф: 'f', х: 'ch', ц: 'ts', ч: 'tj', џ: 'dzj', ш: 'sj', щ: 'sjtj', ъ: '', ы: 'y', ь: '', э: 'e',
  ю: 'ju', я: 'ja',
};
const GREEK: Readonly<Record<string, string>> = {
  α: 'a', ά: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', έ: 'e', ζ: 'z', η: 'i', ή: 'i', θ: 'th', ι: 'i', ί: 'i', ϊ: 'i', ΐ: 'i',
  κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', ό: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', ύ: 'y', φ: 'f',
  χ: 'ch', ψ: 'ps', ω: 'o', ώ: 'o',
};

function transliterate(name: string, table: Readonly<Record<string, string>>): string | undefined {
  let out = '';
  for (const char of name.toLowerCase()) {
    const latin = table[char];
    if (latin === undefined) {
      if (char === '-' || char === "'") out += char;
      else return undefined;
    } else out += latin;
  }
  return out.length > 0 ? out[0]!.toUpperCase() + out.slice(1) : undefined;
}

const LATIN = /^[\p{Script=Latin}\p{M}'’-]+$/u;
const VOWEL = /[aeiouyåäöæøàáâãäåèéêëìíîïòóôõöùúûüýÿąęėīįōūůőűıəə]/iu;
const flatten = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : value && typeof value === 'object' ? Object.values(value).flatMap(flatten) : [];

/** Latin-script spellings of every name of one kind (first_name or last_name) in every locale, with the locales they come from. */
function fakerNames(kind: 'first_name' | 'last_name'): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const [code, locale] of Object.entries(allLocales)) {
    if (code === 'en_BORK' || code === 'base') continue;
    const person = (locale as { person?: Record<string, unknown> }).person;
    if (person === undefined) continue;
    const table = /^(ru|uk|mk|mn)/.test(code) ? CYRILLIC : code === 'el' ? GREEK : undefined;
    for (const entry of flatten(person[kind])) {
      for (const part of entry.normalize('NFC').split(/\s+/)) {
        const written = table !== undefined ? transliterate(part, table) : LATIN.test(part) ? part : undefined;
        // Fewer than three letters, or no vowel at all ("Vlk", "Grm"), is an abbreviation more often than a name.
        if (written === undefined || written.length < 3 || written.length > 40 || !VOWEL.test(written)) continue;
        const key = written.toLowerCase();
        if (!found.has(key)) found.set(key, new Set());
        found.get(key)!.add(code);
      }
    }
  }
  return found;
}

/**
 * Builds the generated lists: file name → content, with a header naming the sources. Deterministic, so a test
 * can check that the shipped files are what the tool makes.
 */
export function buildNameLists(): Map<string, string> {
  const sv = dictionary('dictionary-sv');
  const en = dictionary('dictionary-en');
  const lower = (file: string): Set<string> => new Set(readListFile(file).map((entry) => entry.toLowerCase()));
  const handNames = new Set([...lower('first-names.txt'), ...lower('surnames.txt')]);
  const handCollisions = lower('name-word-collisions.txt');
  /** Words the guard's own lists already call non-names; a generated name must not contradict them. */
  const nonNames = new Set([
    ...lower('common-words.txt'),
    ...lower('domain-words.txt'),
    ...lower('place-names.txt'),
    ...lower('non-name-terms.txt'),
    ...lower('calendar-words.txt'),
    ...lower('acronyms.txt'),
    ...lower('person-nouns.txt'),
    ...lower('person-verbs.txt'),
    ...lower('determiners.txt'),
    ...lower('name-triggers.txt'),
    ...lower('calling-words.txt'),
  ]);

  const isWord = (word: string): boolean => sv.has(word) || en.has(word);
  const capitalise = (word: string): string => word.replace(/(^|[-'’])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

  /** The spellings the guard matches a name by: as written, without accents, without å/ä/ö. */
  const spellings = (key: string): string[] => [...new Set([key, foldForeignLetters(key), foldToAscii(key)])];

  function generated(kind: 'first_name' | 'last_name', exclude: ReadonlySet<string>): string[] {
    const names: string[] = [];
    for (const key of fakerNames(kind).keys()) {
      const written = spellings(key);
      if (exclude.has(key) || written.some((spelling) => handNames.has(spelling) || nonNames.has(spelling))) continue;
      names.push(capitalise(key));
    }
    return names.sort((a, b) => a.localeCompare(b, 'sv'));
  }

  const firstNames = generated('first_name', new Set());
  const surnames = generated('last_name', new Set(firstNames.map((name) => name.toLowerCase())));
  const generatedKeys = [...firstNames, ...surnames].map((name) => name.toLowerCase());

  /** Swedish words as typed without å, ä, ö ("lan" for "län"), which a name spelled so would also match. */
  const svAscii = new Set<string>();
  for (const word of sv.words()) if (/[åäö]/.test(word)) svAscii.add(foldToAscii(word));

  /** Generated names that are ordinary Swedish or English words, and genitives of names that are Swedish words. */
  const nameWords = new Set<string>();
  for (const key of generatedKeys) {
    for (const spelling of spellings(key)) {
      // Three letters or fewer ("ica", "ehm", "nam") collide with abbreviations and chat words: a name only in context.
      if (isWord(spelling) || svAscii.has(spelling) || spelling.length <= 3) nameWords.add(spelling);
      else if (sv.has(`${spelling}s`) && !handNames.has(`${spelling}s`) && !nonNames.has(`${spelling}s`)) nameWords.add(`${spelling}s`);
    }
  }
  /** Every listed name (hand-written or generated) that is an English word: a word, not a name, in an English sentence. */
  const englishNameWords = [...new Set([...handNames, ...generatedKeys])].filter((key) => en.has(key) && !key.includes("'")).sort();
  const englishWords = [...en.words()].filter((word) => /^\p{Ll}[\p{Ll}'-]*$/u.test(word) && word.length >= 2 && !word.endsWith("'s")).sort();

  const sources = `@faker-js/faker ${version('@faker-js/faker')}, dictionary-sv ${version('dictionary-sv')}, dictionary-en ${version('dictionary-en')}`;
  const files = new Map<string, string>();
  const file = (name: string, about: string, entries: readonly string[]): void => {
    const header = [`# ${about}`, `# Generated by tools/build-name-lists.ts from ${sources}; do not edit by hand, run the tool again.`];
    files.set(name, `${[...header, ...entries].join('\n')}\n`);
  };
  file('generated-first-names.txt', 'First names from the faker locales that the hand-written first-names.txt lacks.', firstNames);
  file('generated-surnames.txt', 'Surnames from the faker locales that the hand-written lists lack.', surnames);
  file(
    'generated-name-words.txt',
    'Generated names that are ordinary Swedish or English words (Hunspell), of three letters or fewer, or whose genitive is a Swedish word: names only in a name context.',
    [...nameWords].filter((word) => !handCollisions.has(word)).sort(),
  );
  file('english-name-words.txt', 'Listed names that are English words (can, said, grace, will): words, not names, in an English sentence.', englishNameWords);
  file('english-words.txt', 'English words and their inflected forms (Hunspell en_US), for reading English sentences.', englishWords);
  return files;
}
