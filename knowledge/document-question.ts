import type { SourceDocument } from './knowledge-entry.js';
import { foldDiacritics } from './search/swedish-analyzer.js';

// "Vilket datum har …?", "När antogs …?", "Från vilket år är …?", "What year is … from?": a question for a document's
// date, matched on lower-case text without å/ä/ö.
const ASKS_DATE =
  /(?<![\p{L}])(?:vilket\s+datum|vilket\s+ar(?:tal)?|fran\s+vilket\s+ar|nar\s+(?:antogs|skrevs|kom|beslutades|daterades|gavs\s+ut|togs|publicerades|faststalldes)|hur\s+gammal\s+ar|what\s+date|which\s+year|what\s+year|when\s+was\s+\S+(?:\s+\S+)?\s+(?:written|adopted|published|dated))(?![\p{L}])/u;
// Words of a document's names that tell no document apart.
const GENERIC = new Set([
  'samverkan', 'mellan', 'forskola', 'skola', 'socialtjanst', 'socialtjansten', 'kring', 'barn', 'illa', 'riskerar', 'rapport',
  'rapporten', 'rutin', 'rutinen', 'rutiner', 'rutinerna', 'inom', 'stads', 'stad', 'kommun', 'botkyrka', 'socialforvaltningen', 'fran', 'projektet',
]);
// Words that only say where or how a date is written ("står på", "är daterad"): no topic of their own.
const DATE_FILLER = /(?<![\p{L}])(?:star|stod|anges|angivet|skriven|skrivet|daterad|daterat|utgiven|utgivet|version|versionen|dated|written)(?![\p{L}])/gu;
const MIN_WORD = 5;
const MIN_PREFIX = 6;

/**
 * The source document a question asks the date of ("Vilket år är Östermalmsrapporten från?"), named by the words of its
 * title, short name or the names staff use; undefined when the question asks no date or names no one document.
 */
export function documentAskedDateOf(question: string, sources: readonly SourceDocument[]): { source: SourceDocument; rest: string } | undefined {
  const text = fold(question);
  const asks = ASKS_DATE.exec(text);
  if (!asks) return undefined;
  const named = oneDocumentNamed(text, sources);
  if (!named) return undefined;
  // What the question says besides the date asked and the document's name: for the caller to judge.
  let rest = text.replace(asks[0], ' ').replace(DATE_FILLER, ' ');
  for (const word of named.words) rest = rest.replace(new RegExp(String.raw`(?<![\p{L}])${word}(?![\p{L}])`, 'u'), ' ');
  return { source: named.source, rest };
}

/**
 * The words of a question that name the source document it cites as where to look ("… enligt Östermalmsrapporten?",
 * "… jämfört med vad Kraftsamlings styrdokument säger …", "Hur ser överenskommelsen på …?"): the name words after "enligt"
 * ("enl.") or "från", or between "hur ser" and "på", lower case
 * without å/ä/ö, when they name one document; empty otherwise. Words naming the document before that ("Vad är skolsociala
 * team enligt …") are what is asked about.
 */
export function citedDocumentWords(question: string, sources: readonly SourceDocument[]): string[] {
  return citedDocumentOf(question, sources)?.words ?? [];
}

/** The source document a question cites as where to look, with the words naming it; undefined when it cites none (see citedDocumentWords). */
export function citedDocumentOf(question: string, sources: readonly SourceDocument[]): { source: SourceDocument; words: string[] } | undefined {
  const text = fold(question);
  // "Hur ser överenskommelsen på …?" asks the document's view: it is named between "ser" and "på". When those words name
  // no document ("Hur ser samverkan ut på skolan enligt …?"), one cited after "enligt" still counts.
  const view = /(?<![\p{L}])hur\s+ser\s+((?:\p{L}+\s+){0,2}\p{L}+)\s+pa(?![\p{L}])/u.exec(text);
  const viewed = view ? oneDocumentNamed(view[1]!, sources) : undefined;
  if (viewed) return viewed;
  const cites = /(?<![\p{L}])(?:enligt|enl\.?|fran)(?![\p{L}])/u.exec(text);
  if (!cites) return undefined;
  return oneDocumentNamed(text.slice(cites.index + cites[0].length), sources);
}

/**
 * The source document a question asks what it says ("Vad säger Kraftsamlings styrdokument om …?", "Står det i
 * Östermalmsrapporten …?"), named by the few words after the asking ones; undefined when it names none.
 */
export function documentAskedAbout(question: string, sources: readonly SourceDocument[]): { source: SourceDocument; words: string[] } | undefined {
  const subject = /(?<![\p{L}])(?:vad\s+sager|star\s+det\s+i)\s+((?:\p{L}+\s+){0,2}\p{L}+)/u.exec(fold(question));
  return subject ? oneDocumentNamed(subject[1]!, sources) : undefined;
}

/** The one document `text` (folded) names most words of, with those words; undefined when none, or two name as many. */
function oneDocumentNamed(text: string, sources: readonly SourceDocument[]): { source: SourceDocument; words: string[] } | undefined {
  const words = text.split(/[^\p{L}\d]+/u).filter((w) => w.length >= MIN_WORD);
  const scored = sources
    .map((source) => {
      const names = nameWords(source);
      return { source, words: words.filter((word) => names.some((name) => sameWord(word, name))) };
    })
    .filter((s) => s.words.length > 0)
    .sort((a, b) => b.words.length - a.words.length);
  if (scored.length === 0 || (scored.length > 1 && scored[1]!.words.length === scored[0]!.words.length)) return undefined;
  return scored[0];
}

/** "”Kraftsamlings styrdokument” är daterat 2016-03-17. Utgivare: Botkyrka kommun, …": the date as the sources file gives it. */
export function documentDateText(source: SourceDocument): string {
  const when = /^\d{4}-\d{2}-\d{2}$/.test(source.date)
    ? `är daterat ${source.date}`
    : /^\d{4}$/.test(source.date)
      ? `är från ${source.date}`
      : `är ${source.date}`;
  return `”${source.title}” ${when}. Utgivare: ${source.publisher}.`;
}

// A source's name words, worked out once per source: every question containing "från" or "enligt" asks for them.
const nameWordsOf = new WeakMap<SourceDocument, readonly string[]>();

function nameWords(source: SourceDocument): readonly string[] {
  let words = nameWordsOf.get(source);
  if (!words) {
    const names = [source.title, source.short, ...source.named].map(fold).join(' ');
    words = [...new Set(names.split(/[^\p{L}]+/u).filter((w) => w.length >= MIN_WORD && !GENERIC.has(w)))];
    nameWordsOf.set(source, words);
  }
  return words;
}

/** One word the other's inflection or compound head: "styrdokumentet" and "styrdokument", "kraftsamlings" and "kraftsamling". */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_PREFIX && long.startsWith(short) && long.length - short.length <= 3;
}

function fold(text: string): string {
  return foldDiacritics(text.toLocaleLowerCase('sv'));
}
