import { readFileSync } from 'node:fs';

/** One suffix rule of a Hunspell affix file: strip `strip` from a stem ending in `condition`, then add `add`. */
interface SuffixRule {
  readonly strip: string;
  readonly add: string;
  readonly condition: RegExp;
}

/**
 * Enough of Hunspell to answer "is this an ordinary word?" for the name-list builder: stems from the .dic file
 * written in lower case (capitalised stems are proper nouns), expanded by the suffix rules of the .aff file.
 * Prefixes and compounding are left out: a name is an ordinary word only if the dictionary lists it as one.
 */
export class HunspellDictionary {
  private readonly forms = new Set<string>();

  private constructor() {}

  /** Reads a dictionary from its .aff and .dic files. */
  static fromFiles(affPath: string, dicPath: string): HunspellDictionary {
    const dictionary = new HunspellDictionary();
    const aff = readFileSync(affPath, 'utf8').split(/\r?\n/);
    const rules = new Map<string, SuffixRule[]>();
    // A stem with NEEDAFFIX is a word only inflected; one with ONLYINCOMPOUND or FORBIDDENWORD never on its own.
    const needsAffix = new Set<string>();
    const neverAlone = new Set<string>();
    for (const line of aff) {
      const parts = line.trim().split(/\s+/);
      if (parts[0] === 'NEEDAFFIX' && parts[1] !== undefined) needsAffix.add(parts[1]);
      if ((parts[0] === 'ONLYINCOMPOUND' || parts[0] === 'FORBIDDENWORD') && parts[1] !== undefined) neverAlone.add(parts[1]);
      if (parts[0] !== 'SFX' || parts.length < 5) continue;
      const [, flag, stripField, addField, condition] = parts as [string, string, string, string, string];
      const add = addField.split('/')[0]!;
      const rule: SuffixRule = {
        strip: stripField === '0' ? '' : stripField,
        add: add === '0' ? '' : add,
        condition: new RegExp(`${condition === '.' ? '' : condition}$`, 'u'),
      };
      rules.set(flag, [...(rules.get(flag) ?? []), rule]);
    }
    const dic = readFileSync(dicPath, 'utf8').split(/\r?\n/).slice(1);
    for (const line of dic) {
      const entry = line.split(/\s/)[0] ?? '';
      const slash = entry.indexOf('/');
      const stem = slash >= 0 ? entry.slice(0, slash) : entry;
      const flags = slash >= 0 ? entry.slice(slash + 1) : '';
      if (stem === '' || stem !== stem.toLowerCase() || !/^\p{L}/u.test(stem)) continue;
      if ([...flags].some((flag) => neverAlone.has(flag))) continue;
      if (![...flags].some((flag) => needsAffix.has(flag))) dictionary.forms.add(stem);
      for (const flag of flags) {
        for (const rule of rules.get(flag) ?? []) {
          if (!rule.condition.test(stem) || !stem.endsWith(rule.strip)) continue;
          dictionary.forms.add(stem.slice(0, stem.length - rule.strip.length) + rule.add);
        }
      }
    }
    return dictionary;
  }

  /** True when `lower` is a listed word or one of its inflected forms. */
  has(lower: string): boolean {
    return this.forms.has(lower);
  }

  /** Every word form, lower case. */
  words(): IterableIterator<string> {
    return this.forms.values();
  }
}
