import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DataFileError, parseYaml } from '../municipality/pack-files.js';
import { fromSnapshot, remember, snapshotKey } from '../municipality/start-snapshot.js';

/**
 * The akut oro lexicon as data (akut-lexicon.yaml beside this file): named patterns in a small
 * notation domain reviewers can read and edit, compiled here into the regular expressions the
 * detector runs. The detector's grammar — who did what to whom, negation, general questions — stays
 * in akut-oro-detector.ts; the words live in the file.
 */

/** The patterns the detector looks for by name; the file may hold more, as building blocks ({name}). */
export const LEXICON_CATEGORIES = [
  'caregiver', 'relative', 'partner', 'peer', 'peerPlace', 'otherAdult', 'home', 'childObject', 'parentVictim',
  'activeViolence', 'passiveViolence', 'mutualViolence', 'implement', 'disclosure', 'injuryAlways', 'injury',
  'injuryCue', 'accident', 'fear', 'sexual', 'honour', 'control', 'domestic', 'seriousThreat', 'threat',
  'threatAtStaff', 'staffThreatened', 'childNamed', 'speechVerb',
  'generalQuestion', 'topicOnly', 'concreteCase',
] as const;
/** One category the detector uses. */
export type LexiconCategory = (typeof LEXICON_CATEGORIES)[number];

/** A lexicon file that cannot be used. */
export class AkutLexiconError extends DataFileError {
  constructor(file: string, field: string, problem: string) {
    super('AKUT_LEXICON_INVALID', file, field, problem, `Akutlexikonet ${file} är felaktigt`);
    this.name = 'AkutLexiconError';
  }
}

const words = z.array(z.string().trim().min(1)).min(1);
const lexiconFileSchema = z
  .object({
    negation: z.object({ negators: words, doubtBefore: words, doubtAfter: words }).strict(),
    patterns: z.record(z.string().regex(/^[a-z][A-Za-z]*$/, 'must be a name in camelCase'), z.array(z.string().min(1)).min(1)),
  })
  .strict();

/** The compiled lexicon: a regular-expression source per category, and the negation word lists. */
export interface AkutLexicon {
  readonly sources: Readonly<Record<LexiconCategory, string>>;
  readonly negators: ReadonlySet<string>;
  readonly doubtBefore: ReadonlySet<string>;
  readonly doubtAfter: ReadonlySet<string>;
}

/** Up to `max` words, never a negator, so "ser inga tecken på våld" is not one match around the "inga". */
function gap(max: number): string {
  return `(?:(?!(?:inte|ej|ingen|inget|inga|aldrig)\\s)[\\p{L}\\p{N}:'-]+\\s+){0,${max}}`;
}

/** Parses and compiles a lexicon document; throws AkutLexiconError naming the field. */
export function compileAkutLexicon(raw: unknown, file = 'akut-lexicon.yaml'): AkutLexicon {
  const parsed = lexiconFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AkutLexiconError(file, issue?.path.join('.') || '(fil)', issue?.message ?? 'är ogiltigt');
  }
  const { patterns, negation } = parsed.data;
  const compiled = new Map<string, string>();
  const compiling = new Set<string>();

  const compile = (name: string, field: string): string => {
    const known = compiled.get(name);
    if (known !== undefined) return known;
    const alternatives = patterns[name];
    if (!alternatives) throw new AkutLexiconError(file, field, `nämner {${name}}, som inte finns under patterns`);
    if (compiling.has(name)) throw new AkutLexiconError(file, `patterns.${name}`, 'hänvisar till sig själv');
    compiling.add(name);
    const source = `(?:${alternatives.map((alternative, index) => translate(alternative, `patterns.${name}.${index}`)).join('|')})`;
    compiling.delete(name);
    compiled.set(name, source);
    return source;
  };

  const translate = (alternative: string, field: string): string =>
    alternative
      .split(/(\{[^{}]+\})/)
      .map((piece) => {
        const token = /^\{([^{}]+)\}$/.exec(piece)?.[1];
        if (token === undefined) return piece.replace(/\*/g, '\\p{L}*').replace(/ +/g, '\\s+');
        if (token === 'word') return '\\p{L}+';
        if (token === 'eow') return '(?!\\p{L})';
        const gapSize = /^gap (\d)$/.exec(token)?.[1];
        if (gapSize !== undefined) return gap(Number(gapSize));
        return compile(token, field);
      })
      .join('');

  const sources = Object.fromEntries(
    LEXICON_CATEGORIES.map((category) => {
      if (!patterns[category]) throw new AkutLexiconError(file, `patterns.${category}`, 'saknas: detektorn letar efter den');
      const source = compile(category, `patterns.${category}`);
      try {
        new RegExp(source, 'u');
      } catch (error) {
        throw new AkutLexiconError(file, `patterns.${category}`, `blir inget giltigt mönster (${(error as Error).message})`);
      }
      return [category, source];
    }),
  ) as Record<LexiconCategory, string>;

  return {
    sources: Object.freeze(sources),
    negators: new Set(negation.negators),
    doubtBefore: withFolded(negation.doubtBefore),
    doubtAfter: withFolded(negation.doubtAfter),
  };
}

/** The lexicon shipped with the bot: akut-lexicon.yaml beside this file, read and checked once (from the start snapshot while unchanged). */
export function builtInAkutLexicon(): AkutLexicon {
  if (builtIn) return builtIn;
  const text = readFileSync(new URL('./akut-lexicon.yaml', import.meta.url), 'utf8');
  const key = snapshotKey('akut-lexicon', [{ name: 'akut-lexicon.yaml', text }]);
  const stored = fromSnapshot<AkutLexicon>(key);
  builtIn = stored ? { ...stored, sources: Object.freeze(stored.sources) } : remember(key, compileAkutLexicon(parseYaml(text)));
  return builtIn;
}
let builtIn: AkutLexicon | undefined;

/** The words plus their spelling without å/ä/ö ("vågar" and "vagar"). */
function withFolded(list: readonly string[]): ReadonlySet<string> {
  return new Set(list.flatMap((word) => [word, word.replace(/[åä]/g, 'a').replace(/ö/g, 'o')]));
}
