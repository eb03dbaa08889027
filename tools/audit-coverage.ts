/**
 * `npx tsx tools/audit-coverage.ts [--doc 001] [--summary] [--why]`: which checkable facts of the seed documents the
 * knowledge base never states. Each seed (sources.yaml names them, in /work/shared/seeds or `--seeds <dir>`) is split
 * into sections and sentences; a sentence with a number, a duration, a time, a year, a percentage, a named
 * body, role or document, or a must/may/may-not rule is a fact. It counts as covered when one knowledge unit
 * (an entry's title, body and `english`, contacts.yaml, sources.yaml) holds all its numbers and most of its
 * distinctive words (folded and stemmed by the retriever's analyzer). Prints the uncovered facts per document
 * and section, and a coverage figure per document; `--why` adds the nearest unit and what it lacks. The match is
 * word-based: an entry that says a fact in other words still counts as missing it, so read the list, don't chase 100 %.
 * Not part of `npm test`: a tool for curating content.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createAnalyzer, createLanguageResources } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { foldDiacritics, type SwedishAnalyzer } from '../knowledge/search/swedish-analyzer.js';

const KNOWLEDGE_DIR = 'knowledge';
const SEEDS_DIR = argValue('--seeds') ?? '/work/shared/seeds';
// Share of a fact's distinctive words one unit must hold besides all its numbers (with numbers, fewer words suffice).
const WORD_SHARE_WITH_NUMBERS = 0.5;
const WORD_SHARE_WITHOUT_NUMBERS = 0.6;
// The rarest words of a sentence are what it is about; the rest is phrasing.
const DISTINCTIVE_WORDS = 8;
const MIN_WORD_LENGTH = 3;
const EXCERPT = 220;
// A line this short that opens a paragraph, with the text going on below it, is a heading (wrapped lines run longer).
const SHORT_HEADING = 45;

// Swedish number words a routine writes out ("tre veckor", "fjorton dagar"); "en/ett" are articles far more often.
const NUMBER_WORDS: Record<string, string> = {
  två: '2', tre: '3', fyra: '4', fem: '5', sex: '6', sju: '7', åtta: '8', nio: '9', tio: '10', elva: '11', tolv: '12',
  fjorton: '14', femton: '15', tjugo: '20', trettio: '30', första: '1', andra: '2', tredje: '3', halvår: '6',
};
const RULE = /\b(?:ska|skall|måste|får|bör|behöver|kan inte|inte får|ansvarar)\b/u;
const NAMED =
  /(?:nämnd|förvaltning|enhet|enheten|sektion|sektionen|chef|chefer|rektor|socialsekreterare|kurator|jouren|team|grupp|gruppen|lag|lagen|styrdokument|överenskommelse|handlingsplan|rapport|rutin|polis|sol|lvu|bbic|sip|jo|ivo|socialstyrelsen|skolverket|barnkonventionen|elevhälsa|elevhälsan|kap|§)\b/u;
const DATE_LINE = /^\s*(?:\d{4}-\d{2}-\d{2}|\d{1,3}|---|[|].*|<sup>.*|\d{1,2}\s+Ibid.*)\s*$/u;

interface Fact {
  readonly section: string;
  readonly sentence: string;
  readonly numbers: readonly string[];
  readonly words: readonly string[];
}

interface Unit {
  readonly name: string;
  readonly numbers: ReadonlySet<string>;
  readonly terms: ReadonlySet<string>;
}

async function main(): Promise<void> {
  const onlyDoc = argValue('--doc');
  const summaryOnly = process.argv.includes('--summary');
  const why = process.argv.includes('--why');
  const knowledge = await loadKnowledge(KNOWLEDGE_DIR);
  const analyzer = await createAnalyzer(KNOWLEDGE_DIR);
  const { commonWords, weakWords } = await createLanguageResources(KNOWLEDGE_DIR);
  const everyday = new Set([...commonWords, ...weakWords].map(foldDiacritics));

  const unitTexts: { name: string; text: string }[] = knowledge.entries.map((e) => ({
    name: e.id,
    text: [e.title, e.body, e.english ?? ''].join('\n'),
  }));
  for (const file of ['contacts.yaml', 'sources.yaml']) {
    unitTexts.push({ name: file, text: yamlText(parseYaml(await readFile(path.join(KNOWLEDGE_DIR, file), 'utf8'))) });
  }
  // Compound parts are looked up among the knowledge base's own stems, as the retriever does.
  analyzer.useVocabulary(new Set(unitTexts.flatMap((u) => analyzer.words(u.text).map((w) => analyzer.canonical(w)))));
  const units: Unit[] = unitTexts.map(({ name, text }) => ({ name, numbers: new Set(numbersOf(text)), terms: termSet(analyzer, text) }));

  const sources = knowledge.sources;
  const perDoc: { file: string; facts: Fact[]; uncovered: Fact[] }[] = [];
  const allFacts: Fact[][] = [];
  for (const source of sources) {
    const text = await readFile(path.join(SEEDS_DIR, source.file), 'utf8');
    allFacts.push(factsOf(text, analyzer, everyday));
  }
  // How many sentences of all seeds use a word: the rarer, the more a sentence is about it.
  const spread = new Map<string, number>();
  for (const fact of allFacts.flat()) for (const w of new Set(fact.words)) spread.set(w, (spread.get(w) ?? 0) + 1);

  sources.forEach((source, i) => {
    if (onlyDoc && !source.file.startsWith(onlyDoc)) return;
    const facts = allFacts[i]!.map((f) => ({ ...f, words: distinctive(f.words, spread) }));
    perDoc.push({ file: source.file, facts, uncovered: facts.filter((f) => !isCovered(f, units, analyzer)) });
  });

  for (const { file, facts, uncovered } of perDoc) {
    if (summaryOnly) continue;
    console.log(`\n=== ${file}: ${uncovered.length} of ${facts.length} facts not stated`);
    let section = '';
    for (const fact of uncovered) {
      if (fact.section !== section) {
        section = fact.section;
        console.log(`\n  [${section}]`);
      }
      const excerpt = fact.sentence.length > EXCERPT ? `${fact.sentence.slice(0, EXCERPT)}…` : fact.sentence;
      console.log(`   - ${excerpt}`);
      if (why) console.log(`       nearest: ${nearest(fact, units, analyzer)}`);
    }
  }
  console.log('\ncoverage:');
  for (const { file, facts, uncovered } of perDoc) {
    const covered = facts.length - uncovered.length;
    console.log(`  ${file}  ${covered}/${facts.length}  ${((100 * covered) / Math.max(1, facts.length)).toFixed(1)} %`);
  }
}

/** The facts of one seed: its sentences that state something checkable, each with its section. */
function factsOf(text: string, analyzer: SwedishAnalyzer, everyday: ReadonlySet<string>): Fact[] {
  const facts: Fact[] = [];
  for (const { section, paragraph } of paragraphs(text)) {
    for (const sentence of sentences(paragraph)) {
      const lower = sentence.toLocaleLowerCase('sv');
      const numbers = numbersOf(sentence);
      if (numbers.length === 0 && !RULE.test(lower) && !NAMED.test(lower)) continue;
      const words = analyzer
        .words(sentence)
        .filter((w) => w.length >= MIN_WORD_LENGTH && !/\d/u.test(w) && !analyzer.isStopWord(w) && !everyday.has(foldDiacritics(w)))
        .map((w) => foldDiacritics(analyzer.canonical(w)));
      if (words.length < 2 && numbers.length === 0) continue;
      facts.push({ section, sentence, numbers, words: [...new Set(words)] });
    }
  }
  return facts;
}

/** Paragraphs with the heading they fall under: Markdown headings, or a short line standing alone. */
function paragraphs(text: string): { section: string; paragraph: string }[] {
  const lines = text.split('\n').map((l) => l.replace(/<sup>.*?<\/sup>/gu, '').replace(/\s+$/u, ''));
  // A document with Markdown headings has no other kind.
  const markdownHeadings = lines.some((l) => /^#{1,6}\s/u.test(l));
  const out: { section: string; paragraph: string }[] = [];
  const headings: string[] = [];
  let buffer: string[] = [];
  const flush = () => {
    const paragraph = buffer.join('\n').replace(/-\n\s*(?=\p{Ll})(?!(?:och|eller|till|som)\b)/gu, '').replace(/\s+/gu, ' ').trim();
    if (paragraph) out.push({ section: headings.join(' – ') || '(början)', paragraph });
    buffer = [];
  };
  // A page's footnotes follow a long blank line, each line flush left, until the text goes on indented.
  let inFootnotes = false;
  text.split('\n').forEach((raw, i) => {
    const line = lines[i]!;
    if (/^\s{20,}$/u.test(raw)) {
      flush();
      inFootnotes = true;
      return;
    }
    if (inFootnotes && (/^\s/u.test(raw) || !raw.trim())) inFootnotes = false;
    if (inFootnotes) return;
    const bare = line.replace(/[*#]/gu, '').trim();
    if (!bare || DATE_LINE.test(line)) return flush();
    const markdown = /^#{1,6}\s/u.exec(line);
    const next = lines[i + 1]?.trim() ?? '';
    // A heading stands alone, or opens its paragraph as a short line the text does not run on from.
    const heading = !lines[i - 1]?.trim() && looksLikeHeading(bare) && (!next || (bare.length <= SHORT_HEADING && /^[\p{Lu}•]/u.test(next)));
    if (markdown || (!markdownHeadings && heading)) {
      flush();
      const level = markdown ? Math.max(1, line.indexOf(' ') - 1) : 1;
      headings.length = Math.min(headings.length, level - 1);
      headings.push(bare);
      return;
    }
    // A bullet is a statement of its own.
    if (/^\s*(?:[•\-*]|\d+\.)\s/u.test(line)) flush();
    buffer.push(line.replace(/^\s*[•*]\s*/u, '- '));
  });
  flush();
  return out;
}

function looksLikeHeading(line: string): boolean {
  if (line.length < 3 || line.length > 90 || line.split(/\s+/u).length > 14) return false;
  if (/[.,;:\-–]$/u.test(line) || /^[•-]/u.test(line)) return false;
  return /^(?:\d+(?:\.\d+)*\.?\s+)?[\p{Lu}]/u.test(line);
}

function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<!\b(?:kap|sid|s|t\.ex|bl\.a|nr|jfr|prop|dnr|ca)\.)(?<=[.!?])\s+(?=[\p{Lu}"”])/u)
    .map((s) => s.replace(/^- /u, '').trim())
    .filter((s) => s.length > 8 && !/https?:|www\./u.test(s));
}

/** Numbers as digits without leading zeros ("08.30" → 8, 30), number words among them. */
function numbersOf(text: string): string[] {
  const out = new Set<string>();
  for (const digits of text.match(/\d+/gu) ?? []) out.add(String(Number(digits)));
  for (const word of text.toLocaleLowerCase('sv').match(/\p{L}+/gu) ?? []) {
    const n = NUMBER_WORDS[word];
    if (n) out.add(n);
  }
  return [...out];
}

function termSet(analyzer: SwedishAnalyzer, text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of analyzer.words(text)) {
    const stem = analyzer.canonical(word);
    terms.add(foldDiacritics(stem));
    for (const part of analyzer.splitCompound(stem)) terms.add(foldDiacritics(part));
  }
  return terms;
}

function distinctive(words: readonly string[], spread: ReadonlyMap<string, number>): string[] {
  return [...words].sort((a, b) => (spread.get(a) ?? 0) - (spread.get(b) ?? 0)).slice(0, DISTINCTIVE_WORDS);
}

function isCovered(fact: Fact, units: readonly Unit[], analyzer: SwedishAnalyzer): boolean {
  const share = fact.numbers.length > 0 ? WORD_SHARE_WITH_NUMBERS : WORD_SHARE_WITHOUT_NUMBERS;
  const needed = Math.max(Math.min(2, fact.words.length), Math.ceil(share * fact.words.length));
  return units.some((unit) => fact.numbers.every((n) => unit.numbers.has(n)) && foundWords(fact, unit, analyzer).length >= needed);
}

function foundWords(fact: Fact, unit: Unit, analyzer: SwedishAnalyzer): string[] {
  return fact.words.filter((word) => {
    const parts = analyzer.splitCompound(word).map(foldDiacritics);
    return unit.terms.has(word) || (parts.length > 0 && parts.every((p) => unit.terms.has(p)));
  });
}

/** The unit nearest to stating a fact, and what it lacks: where a sentence would go. */
function nearest(fact: Fact, units: readonly Unit[], analyzer: SwedishAnalyzer): string {
  let best = { unit: units[0]!, score: -1 };
  for (const unit of units) {
    const score = foundWords(fact, unit, analyzer).length + fact.numbers.filter((n) => unit.numbers.has(n)).length;
    if (score > best.score) best = { unit, score };
  }
  const found = new Set(foundWords(fact, best.unit, analyzer));
  const missing = [...fact.numbers.filter((n) => !best.unit.numbers.has(n)), ...fact.words.filter((w) => !found.has(w))];
  return `${best.unit.name}, lacks: ${missing.join(' ')}`;
}

function yamlText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(yamlText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(yamlText).join('\n');
  return '';
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
