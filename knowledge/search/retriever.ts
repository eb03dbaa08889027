import type { KnowledgeEntry } from '../knowledge-entry.js';
import type { WordLookup } from '../../municipality/compact-word-set.js';
import type { EnglishLexicon } from './english-lexicon.js';
import { numberWordAlternation, numberWordValues } from '../number-words.js';
import { foldDiacritics, hasDiacritics, hasWordParts, type SwedishAnalyzer } from './swedish-analyzer.js';
import { stemSwedish } from './swedish-stemmer.js';
import { baseFormIn, editDistance, lowerBound, Vocabulary } from './vocabulary.js';

/** One retrieved entry with how well it matched. */
export interface RetrievalHit {
  readonly entry: KnowledgeEntry;
  /** BM25F score plus the example-question bonus. */
  readonly score: number;
  /** Share (0–1) of the question's weight, unknown words included, that this entry covers. */
  readonly coverage: number;
  /** Share (0–1) of the weight of the question's known words that this entry covers. */
  readonly knownCoverage: number;
  /** The weight of the question's words this entry has. */
  readonly matchedWeight: number;
  /** IDF-weighted Dice overlap (0–1) with the closest of the entry's example questions. */
  readonly questionMatch: number;
  /** The question's terms this entry has. */
  readonly matched: readonly string[];
}

/** How one word of a question was understood. */
export interface QueryTerm {
  /** The index term (a canonical stem), or the word itself when the knowledge base lacks it. */
  readonly term: string;
  readonly weight: number;
  readonly known: boolean;
  /**
   * How the word was found: as written, as a part of an unknown compound, as a close spelling, as a word only
   * probably a slip of it (`near`), through the first part of an unknown compound (`head`), from two words of
   * the question that make it (`joined`), or in the entries' English summaries (`english`).
   */
  readonly via: 'word' | 'part' | 'typo' | 'near' | 'head' | 'joined' | 'english';
}

/** A question as the retriever understood it. */
export interface AnalyzedQuery {
  readonly terms: readonly QueryTerm[];
  /** Total weight of words the knowledge base lacks: evidence that the question is about something else. */
  readonly unknownWeight: number;
  readonly totalWeight: number;
  readonly english: boolean;
  /**
   * Two words of the question, side by side, that the entries also write side by side ("kränkande behandling"): a
   * term of art, whose last word alone means something else ("vård eller behandling").
   */
  readonly phrases?: readonly string[];
}

interface IndexedEntry {
  readonly entry: KnowledgeEntry;
  /** The term sets of the entry's question forms, each with its total IDF weight. */
  readonly questionTerms: readonly { readonly terms: ReadonlySet<string>; readonly weight: number }[];
}

/** One term's postings: the entries that have it, each with BM25's saturated, length-normalised term frequency. */
interface TermPostings {
  /** Inverse document frequency, computed once when the index is built. */
  readonly idf: number;
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

/** An entry scored for a question, before the example-question bonus. */
interface Candidate {
  readonly doc: number;
  readonly bm25: number;
  readonly covered: number;
  readonly bits: number;
}

/**
 * How a question word was found: its index term (a close spelling or not; `near` when only probably so),
 * skipped (null) or not found.
 */
type Resolution = { readonly term: string; readonly typo: boolean; readonly near?: boolean } | null | undefined;

/** Tunables of retrieval; the defaults were set on the blind dev split and the regression set. */
export interface RetrieverOptions {
  readonly english?: EnglishLexicon;
  /** Everyday words skipped when the knowledge base lacks them. */
  readonly commonWords?: ReadonlySet<string>;
  /** Weight of an unknown content word, relative to the rarest known word. */
  readonly unknownWordFactor?: number;
  /** Weight of an unknown compound whose parts are known ("skolplacering"), relative to an unknown word. */
  readonly unknownCompoundFactor?: number;
  /** Weight of a known part of an unknown compound, relative to the part as a word of its own. */
  readonly compoundPartFactor?: number;
  /** Weight of an unknown verb form (passive, participle), relative to an unknown word. */
  readonly verbFormFactor?: number;
  /** Everyday words the entries use that say little about a topic, and the share of their weight they keep. */
  readonly weakWords?: ReadonlySet<string>;
  readonly weakWordFactor?: number;
  /** Correctly spelt Swedish words (four to seven letters): never read as a slip of the keyboard for another word. */
  readonly dictionaryWords?: WordLookup;
  readonly ranking?: RankingOptions;
  /** The index `exportIndex` gave for the same entries, analyzer, word lists and ranking: used instead of building it. */
  readonly index?: RetrieverIndex;
}

/**
 * What the constructor builds from the entries, as structured-cloneable data (the start snapshot keeps
 * it): everything but the entries themselves, the analyzer and the options, which the caller passes again.
 */
export interface RetrieverIndex {
  readonly stems: ReadonlySet<string>;
  readonly particleVerbs: Set<string>;
  readonly prefixedParticleVerbs: Set<string>;
  readonly foldedCommonWords: ReadonlySet<string>;
  readonly vocabulary: Vocabulary;
  readonly commonVocabulary: Vocabulary;
  readonly everydayVocabulary: Vocabulary;
  readonly docWeights: ReadonlyMap<string, number>[];
  readonly postings: Map<string, TermPostings>;
  readonly unknownIdf: number;
  readonly penalty: Float64Array;
  readonly phrases: Map<string, Set<number>>;
  readonly questionTerms: IndexedEntry['questionTerms'][];
  readonly examples: { readonly postings: ReadonlyMap<string, Int32Array>; readonly firstOfDoc: Int32Array; readonly weights: Float64Array };
}

/** How entries are ranked: BM25F field weights and parameters, and the example-question bonus. */
export interface RankingOptions {
  /** Where a word stands says how much it tells about the topic. */
  readonly fieldWeights: { readonly title: number; readonly keywords: number; readonly questions: number; readonly body: number };
  readonly k1: number;
  readonly b: number;
  /** How much a close match with one of an entry's example questions adds, relative to the top BM25 score. */
  readonly questionMatchWeight: number;
}

/** The ranking the answerer uses; set on the blind dev split and the regression set. */
export const DEFAULT_RANKING: RankingOptions = {
  fieldWeights: { title: 3, keywords: 2.5, questions: 2, body: 1 },
  k1: 2,
  b: 0.3,
  questionMatchWeight: 0.2,
};
const SUPERSEDED_PENALTY = 0.6;
// An abbreviation is completed to a known word when it is this long, or this long with a full stop after it.
const MIN_ABBREVIATION = 6;
const MIN_DOTTED_ABBREVIATION = 2;
// "telefonnr": a known beginning of at least three letters before "nr".
const MIN_NUMBER_ABBREVIATION = 5;
const RESOLUTION_CACHE = 20_000;
// Terms of a question scored (they are tracked in a 32-bit mask); a longer question keeps its first 32.
const MAX_QUERY_TERMS = 32;
// From this many words, a question's unknown words weigh less (by the square root of the excess).
const LONG_QUESTION_WORDS = 6;
// A passive or participle ("läggas", "beviljat", "revideras", "genomfördes"): how something is done, seldom what a
// question is about, so an unknown one weighs less than an unknown noun ("lägenhet", "Huddinge").
const VERB_FORM = /\p{L}{4}(?:as|ades|ats|ade|erat|erats|at|its|ts)$/u;
// A word only probably a slip for a known one ("håölas", "utredhing") counts for it at this share of its weight.
const NEAR_WORD_FACTOR = 0.6;
// Shorter words are one slip from too many others ("väder"/"vände", "byta"/"bryta") to be read as a slip.
const MIN_NEAR_WORD = 5;
const MIN_NEAR_EVERYDAY_WORD = 4;
// A shorter unknown word one slip from a known or everyday word ("efer", "hllas", "skla") is not read as that
// word, but weighs this share of an unknown word: it is as likely a slip as a topic the routines lack.
const SLIP_FACTOR = 0.4;
const MIN_SLIP_WORD = 4;
// Shortest word read with its letters put back in order against the dictionary: a shorter one makes another word too often.
const MIN_RESPELLED_WORD = 7;
// The last part a compound-only first part ("gymnasie") must have to count as spelt right.
const MIN_RESPELLED_TAIL = 5;
// A stop word this long typed without its last letter ("fö", "til") is read as the stop word.
const MIN_CUT_STOP_WORD = 3;
const MAX_CUT_STOP_WORD = 4;
// A letter with a diacritic, as a writer types it.
const ACCENTED_LETTER = /[åäöéü]/gu;
const DOUBLED_ACCENTED_LETTER = /([åäöéü])\1+/gu;
const SWEDISH_MARKED = /^[åäö]$/u;
// The plural and definite endings a word spelt right may carry beyond the dictionary's seven letters.
const INFLECTION_ENDING = /(?:erna|arna|orna|er|ar|or|en|et|na)$/u;
const CONSONANT = /[bcdfghjklmnpqrstvwxz]/u;
// Adverbs made with -vis or -ligen from a word of four letters or more.
const EVERYDAY_ADVERB = /^\p{L}{4,}(?:vis|ligen)$/u;
// An unknown compound is read through a known first part of this many letters, before a last part of this many.
const MIN_COMPOUND_HEAD = 5;
const MIN_COMPOUND_TAIL = 4;
// A word read as the last part of a known compound: at least this long ("byten" of "personalbyten").
const MIN_LAST_PART = 4;
// An abbreviated compound written without a full stop: at least this long a beginning and a known end.
const MIN_JOINED_HEAD = 3;
const MIN_JOINED_TAIL = 3;
// Two words of a question that make a known compound count for it at this share of its weight; each at least this long.
const COMPOUND_OF_WORDS_FACTOR = 0.5;
const MIN_COMPOUND_OF_WORDS = 3;
// A question word's stem is trusted only when at most this many letters were cut off to reach it.
const MAX_STEM_CUT = 4;
// A supine or participle in -t after a consonant other than t ("sökt", "läst"; not "bytt"), at least this long.
const SUPINE = /[^aeiouyåäöt]t$/u;
const MIN_SUPINE = 4;
// The shortest bare form a neuter definite "-et" is taken off to reach ("förslag", a compound: "föräldrastöd"); shorter
// ones are as often another word ("ämnet", "laget").
const MIN_DEFINITE_BASE = 7;
// The written-out numbers an age of a child or young person is said in.
const AGE_NUMBERS = numberWordValues(1, 21, { folded: true });
// Telling of someone without saying who it is: the routines' "anonymt" (with or without å/ä/ö).
const UNNAMED_CHILD =
  /(?<!\p{L})utan\s+(?:att\s+(?:s[äa]ga|n[äa]mna|uppge|ber[äa]tta|avsl[öo]ja|r[öo]ja|tala\s+om|ange)\s+(?:vem|vilken|vilket|(?:elevens\s+|barnets\s+)?namn(?:et)?)(?:\s+(?:det\s+g[äa]ller|(?:eleven|barnet|hen|han|hon)\s+[äa]r))?|(?:elevens\s+|barnets\s+)?namn)(?!\p{L})/giu;
// Agreeing to something ("vårdnadshavarna har gått med på det"): the routines' samtycke; coming along to a meeting
// ("gå med på mötet") is not.
const GOES_ALONG = /(?<!\p{L})(?:g[åa]|g[åa]r|gick|g[åa]tt)\s+med\s+p[åa](?!\p{L})(?!\s+(?:m[öo]te|m[öo]tet|samtal|samtalet|bes[öo]k|bes[öo]ket|utflykt\p{L}*|resan)(?!\p{L}))/giu;
// An age written as one word ("femtonårig", "16-åring", "en artonårings"): the routines write ages as "15 år".
const AGE_COMPOUND = new RegExp(
  String.raw`(?<![\p{L}\d])(\d{1,2}|${Object.keys(AGE_NUMBERS).join('|')})(?:\s*-\s*|\s+)?[åa]r(?:ig|iga|ige|ing|ingen|ingar|ingarna|ingens|s)(?![\p{L}])`,
  'giu',
);
// "har fyllt arton", "fyller femton i vår": an age turned, written out.
const TURNED_AGE = new RegExp(String.raw`(?<![\p{L}])(fyllt|fyller|fyllde|fylla)\s+(${Object.keys(AGE_NUMBERS).join('|')})(?![\p{L}])`, 'giu');
// "dök upp" written without ö: "dok" alone is staff's shortening of dokumentation (synonyms.yaml), with "upp" after it the verb.
const SURFACED = /(?<!\p{L})dok(?=\s+upp(?!\p{L}))/giu;
// "på grund av" says why, as its shortening "pga" does: no "grund" (nor grundskola) in it.
const BECAUSE_OF = /(?<!\p{L})p[åa]\s+grund\s+av(?!\p{L})/giu;
// After a number a shortened unit of time is the unit, not the weekday or the word it also shortens ("4 mån", "2 v."): the
// synonym lists read "mån" alone as måndag. "8-12 mån-fre" is a time and a range of weekdays, not months.
const NUMBER_AND_UNIT = new RegExp(
  String.raw`(?<![\p{L}\d])(\d+|${numberWordAlternation(1, 10, { en: true, folded: true })})\s*(mån|mnd|v|veck|tim|h)(?!\.?\s*[-–—]\s*(?:tis|ons|tor|fre|lör|lor|sön|son)\p{L}*\.?(?!\p{L}))(?:\.|(?!\p{L}))`,
  'giu',
);
// Where a sentence starts: at the beginning of the text or after "." "!" "?" (and any quotes or dashes).
const SENTENCE_START = /(?:^|[.!?:])[\s"'”–—-]*$/u;
const UNITS: Readonly<Record<string, string>> = { mån: 'månader', mnd: 'månader', v: 'veckor', veck: 'veckor', tim: 'timmar', h: 'timmar' };
// A stem ending in a vowel is no bare form: "gymnasiet" is "gymnasium", not "gymnasi" + "-et".
const VOWEL_END = /[aeiouyåäö]$/u;
// How many times as many entries must write the bare form as write the definite one.
const BARE_FORM_SHARE = 2;
// A word of an English question found only in the entries' English summaries counts at this share of its weight.
const ENGLISH_SUMMARY_FACTOR = 0.7;
// An English word neither the lexicon nor any summary has weighs this share of an unknown Swedish word: the
// lexicon cannot hold all of English, so the word is weaker evidence of a topic the routines lack.
const ENGLISH_UNKNOWN_FACTOR = 0.5;
// Particles that make a verb another verb ("stänga av" is to suspend a pupil, "gå hem" to leave work, "skriva ut" to
// print): a verb followed by one counts as known only when the routines use the verb with that particle too.
const PARTICLES: ReadonlySet<string> = new Set(['av', 'ut', 'upp', 'ner', 'ned', 'bort', 'hem', 'fram', 'tillbaka', 'ihop', 'iväg']);
// Particles a participle takes in front ("fylla i" → "ifylld", "bjuda in" → "inbjuden", "skriva ut" → "utskriven"); longest first.
const PREFIXED_PARTICLES: readonly string[] = ['tillbaka', 'till', 'fram', 'bort', 'över', 'upp', 'med', 'in', 'ut', 'av', 'på', 'om', 'i'];
// What may follow the particle: the participle of a verb, at least this long ("fylld").
const MIN_PREFIXED_VERB = 4;
const PARTICIPLE_ENDING = /(?:dda|tta|da|ta|dd|tt|d|t|na|en|et)$/u;
// Only an active verb form ("stänga", "stänger", "stängde") takes a particle: after a noun ("hjälp av soc",
// "mottagare av", "ledningsgruppen fram") or a passive ("utreds av", "giftas bort") the word is a preposition.
const ACTIVE_VERB_FORM = /(?:[^r]a|ar|er|de|te)$/u;
// Everyday verbs that are stop words, never terms themselves, and that a particle makes another verb ("gå ner" in time,
// "tar ut" leave); not "komma", whose particle keeps its sense ("kommer hem igen").
const EVERYDAY_PARTICLE_VERBS: ReadonlySet<string> = new Set(['gå', 'går', 'gick', 'gått', 'tar', 'tog']);
// Adverbs that end like an active verb ("far illa av", "nära till"): no particle makes them another verb.
const ADVERBS_IN_A: ReadonlySet<string> = new Set(['illa', 'nära', 'sakta', 'gärna', 'ofta', 'bara', 'kvar', 'tidiga', 'sena']);
// Verbs of learning whose "av" names where from ("få veta av soc", "lära av varandra"): no other verb.
const LEARNING_FROM: ReadonlySet<string> = new Set(['veta', 'lära']);
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['man', 'jag', 'vi', 'du', 'ni', 'han', 'hon', 'hen', 'de', 'dom', 'den', 'det']);
// The question words a question opens with; the unknown verb right after one is what is asked about ("Vem betalar
// …?"), so it weighs this much more.
const QUESTION_WORDS: ReadonlySet<string> = new Set(['vem', 'vad', 'hur', 'när', 'var', 'vilken', 'vilket', 'vilka', 'varför', 'kan', 'får', 'måste', 'ska', 'bör']);
const ASKED_VERB_FACTOR = 2;
// "Finns det någon X?", "Har de något X?": the unknown thing after these is what is asked for, and weighs as an asked verb;
// not in "vill inte göra något tokigt", where no verb of having or offering comes shortly before.
const ASKED_THING: ReadonlySet<string> = new Set(['någon', 'något', 'några', 'nån', 'nåt', 'nagon', 'nagot', 'nagra', 'ngn', 'ngt']);
const HAVING_VERBS: ReadonlySet<string> = new Set(['finns', 'har', 'erbjuder', 'ordnar', 'ger']);
const HAVING_VERB_DISTANCE = 3;
// Words of quantity before "av" ("många av", "flera av") are no verbs.
const QUANTITY_WORDS: ReadonlySet<string> = new Set(['många', 'flera', 'några', 'alla', 'båda', 'samtliga', 'hälften', 'ingen', 'inga', 'vilka', 'vilken', 'vilket', 'varje', 'var', 'en', 'ett', 'mycket', 'mer', 'mest']);
// A concern or a report about a child or a pupil (matched without å/ä/ö): the person words then say whom the case is
// about, as every entry is about a child, and weigh nothing ("Hur anmäler jag oro för en elev?").
const CASE_OBJECT =
  /\b(?:oro|orolig[a]?|orosanmalan|orosanmala|anmalan|anmala|anmaler|concerns?|concerned|worr(?:y|ies|ied)|reports?|reporting)\s+(?:om|for|kring|about|regarding|over)\s+(?:en|ett|var|min|vart|a|an|the|my|our|one\s+of\s+our)?\s*(?:elev|elever|eleven|barn|barnet|pupil|pupils|student|students|child|children|kid)\b/i;
const CASE_PERSON_WORDS: ReadonlySet<string> = new Set(['elev', 'elever', 'eleven', 'barn', 'barnet']);
// A word of time before a step of the process tells which phase a question is about: "efter utredningen" (what the
// school learns when it is done) is not "under utredningen" (consent to collaborate while it runs). The pair is a
// term of its own, in the entries and in the question, at this share of its weight.
const PHASE_WORDS: ReadonlySet<string> = new Set(['efter', 'under', 'innan', 'före', 'medan']);
// Between them may stand an article, or "att" with who did it ("efter att vi har anmält").
const PHASE_FILLERS: ReadonlySet<string> = new Set(['en', 'ett', 'den', 'det', 'att', 'sin', 'sitt', 'vår', 'er', 'hela', 'vi', 'ni', 'jag', 'man', 'de', 'har', 'hade', 'ha']);
const MAX_PHASE_FILLERS = 3;
const PHASE_FACTOR = 0.5;
// A message that tells the case is under investigation ("soc utreder redan", "de startade en utredning i höstas",
// "utredningen pågår") asks about that phase as "under en pågående utredning" does (matched without å/ä/ö).
const UNDER_INVESTIGATION =
  /(?<![\p{L}])(?:(?:redan|nu)\s+(?:\p{L}+\s+)?(?:utreder|utreds)|(?:utreder|utreds)\s+(?:\p{L}+\s+)?(?:redan|nu)|(?:startat|startade|inlett|inledde|oppnat|oppnade|paborjat|paborjade)\s+(?:en\s+)?utredning|utredning(?:en)?\s+(?:som\s+)?(?:redan\s+)?pagar|pagaende\s+utredning)(?![\p{L}])/iu;
const UNDER_INVESTIGATION_TERM = 'under>utredning';
// A present participle before a noun makes a term of art ("kränkande behandling", "förebyggande arbete"), whose noun
// alone may mean something else ("vård eller behandling").
const PHRASE_MODIFIER = /\p{L}{3}(?:ande|ende)$/u;
// Of two entries scored alike, the one with more of the question's words comes first: a share of the top BM25 score per
// share of the question covered, too small to outweigh a real difference in score.
const COVERAGE_BONUS = 0.01;
// Example-question matching is done for this many of the best BM25 candidates only.
const RERANK_DEPTH = 40;
// About what one binary search in a list of example questions costs, in entries of the list read one by one.
const SEARCH_STEPS = 16;

/**
 * BM25F retrieval over the knowledge entries through an inverted index. A question word is matched as
 * written, without diacritics or with a typo; a word the knowledge base lacks (an interpreter, a
 * salary, another municipality) is kept with a high weight, so it lowers the coverage of every entry.
 */
export class Retriever {
  private readonly indexed: IndexedEntry[];
  private readonly postings = new Map<string, TermPostings>();
  /** Per entry: each of its terms with its saturated term frequency (for the exhaustive reference ranking). */
  private readonly docWeights: ReadonlyMap<string, number>[];
  /** Per entry: the factor its BM25 score is multiplied by (superseded entries rank lower). */
  private readonly penalty: Float64Array;
  private readonly docIndex: ReadonlyMap<KnowledgeEntry, number>;
  private readonly unknownIdf: number;
  private readonly vocabulary: Vocabulary;
  private readonly unknownWordFactor: number;
  private readonly unknownCompoundFactor: number;
  private readonly compoundPartFactor: number;
  private readonly verbFormFactor: number;
  private readonly foldedCommonWords: ReadonlySet<string>;
  private readonly commonVocabulary: Vocabulary;
  /** Everyday and stop words, for telling a slip of one of them ("efer", "Vqrför") from a topic. */
  private readonly everydayVocabulary: Vocabulary;
  private readonly weakWords: ReadonlySet<string>;
  private readonly weakWordFactor: number;
  // The stop words of four letters or more, made when first needed: what a slipped function word ("elelr") is read as.
  private longStopWords: { readonly vocabulary: Vocabulary; readonly longest: number } | undefined;
  // The index terms of the weak words, made when first needed: a slip of one ("styrdokumnetet") is as weak as the word.
  private weakTerms: ReadonlySet<string> | undefined;
  /** Stop words of three or four letters with the last one left out ("fö", "oc", "til"): a word typed short, not a topic. */
  private readonly cutStopWords: ReadonlySet<string>;
  private readonly ranking: RankingOptions;
  private readonly resolutions = new Map<string, Resolution>();
  // The index's terms with å/ä/ö by their spelling without them, made when first needed.
  private foldedTerms: ReadonlyMap<string, string> | undefined;
  /** Each pair of terms the entries write side by side ("kränk behandling"), with the entries that do. */
  private readonly phrases = new Map<string, Set<number>>();
  /** "stäng av", "skriv ut": each verb term the entries use with a particle after it (or before it, as in "avstängning"). */
  private readonly particleVerbs = new Set<string>();
  /** The words the entries write as the last part of a compound after a known first word, built when first asked for. */
  private lastParts: ReadonlySet<string> | undefined;
  /** "fylla i", "bjuda in": each verb term the entries use with a particle that its participle takes in front ("ifylld"). */
  private readonly prefixedParticleVerbs = new Set<string>();
  /** The knowledge base's stems, which the analyzer splits compounds against. */
  private readonly stems: ReadonlySet<string>;
  /**
   * The entries' example questions as one inverted index: per term the examples that have it, per entry the range
   * of its examples, per example its total IDF weight and its entry; with an accumulator per example reused between
   * questions.
   */
  private readonly examples: {
    readonly postings: ReadonlyMap<string, Int32Array>;
    readonly firstOfDoc: Int32Array;
    readonly weights: Float64Array;
    readonly docOf: Int32Array;
    readonly shared: Float64Array;
  };
  private readonly scratch: {
    readonly score: Float64Array;
    readonly termBits: Uint32Array;
    readonly touched: Int32Array;
    /** 1 for the entries being reranked. */
    readonly isCandidate: Uint8Array;
    readonly heapDocs: Int32Array;
    readonly heapScores: Float64Array;
  };

  constructor(
    entries: readonly KnowledgeEntry[],
    private readonly analyzer: SwedishAnalyzer,
    private readonly options: RetrieverOptions = {},
  ) {
    this.unknownWordFactor = options.unknownWordFactor ?? 1;
    this.unknownCompoundFactor = options.unknownCompoundFactor ?? 0.5;
    this.compoundPartFactor = options.compoundPartFactor ?? 1;
    this.verbFormFactor = options.verbFormFactor ?? 1;
    this.weakWords = options.weakWords ?? new Set();
    this.weakWordFactor = options.weakWordFactor ?? 0.3;
    this.ranking = options.ranking ?? DEFAULT_RANKING;
    this.cutStopWords = cutStopWordsOf(analyzer);
    if (options.index) {
      const index = options.index;
      this.stems = index.stems;
      analyzer.useVocabulary(index.stems);
      this.particleVerbs = index.particleVerbs;
      this.prefixedParticleVerbs = index.prefixedParticleVerbs;
      this.foldedCommonWords = index.foldedCommonWords;
      this.vocabulary = Vocabulary.revive(index.vocabulary);
      this.commonVocabulary = Vocabulary.revive(index.commonVocabulary);
      this.everydayVocabulary = Vocabulary.revive(index.everydayVocabulary);
      this.docWeights = index.docWeights;
      this.postings = index.postings;
      this.unknownIdf = index.unknownIdf;
      this.penalty = index.penalty;
      this.docIndex = new Map(entries.map((entry, doc) => [entry, doc]));
      this.phrases = index.phrases;
      this.scratch = scratchFor(entries.length);
      this.indexed = entries.map((entry, doc) => ({ entry, questionTerms: index.questionTerms[doc]! }));
      const examples = index.examples.weights.length;
      this.examples = { ...index.examples, docOf: docOfExamples(index.examples.firstOfDoc), shared: new Float64Array(examples) };
      return;
    }
    this.foldedCommonWords = new Set([...(options.commonWords ?? [])].map(foldDiacritics));
    this.commonVocabulary = new Vocabulary(options.commonWords ?? []);
    this.everydayVocabulary = new Vocabulary([...(options.commonWords ?? []), ...analyzer.stopWordList()]);
    const rawWords: string[] = [];
    const stems = new Set<string>();
    const particlePairs: [string, string][] = [];
    for (const entry of entries) {
      let previous = '';
      for (const word of analyzer.words(searchableText(entry))) {
        if (PARTICLES.has(word) && previous !== '') this.particleVerbs.add(`${analyzer.canonical(previous, { fold: false })} ${word}`);
        if (PREFIXED_PARTICLES.includes(word) && previous !== '') particlePairs.push([previous, word]);
        previous = word;
        if (analyzer.isStopWord(word)) continue;
        rawWords.push(word);
        stems.add(analyzer.canonical(word));
      }
    }
    this.stems = stems;
    analyzer.useVocabulary(stems);
    for (const [verb, particle] of particlePairs) this.prefixedParticleVerbs.add(`${analyzer.canonical(verb, { fold: false })} ${particle}`);
    for (const word of rawWords) {
      for (const particle of PARTICLES) {
        if (word.length - particle.length >= 4 && word.startsWith(particle)) this.particleVerbs.add(`${analyzer.canonical(word.slice(particle.length), { fold: false })} ${particle}`);
      }
    }
    // The synonym lists' own words are vocabulary too: a typo of "faxnumret" finds it there.
    this.vocabulary = new Vocabulary([...rawWords, ...analyzer.synonymWords()]);

    const { k1, b } = this.ranking;
    const englishTerms = options.english ? (text: string) => options.english!.englishTerms(text) : undefined;
    const frequencies = entries.map((entry) => termFrequencies(entry, analyzer, this.ranking.fieldWeights, englishTerms));
    const averageLength = frequencies.reduce((sum, f) => sum + f.length, 0) / Math.max(1, frequencies.length);
    // The weights are computed once here: a question only adds up precomputed products.
    this.docWeights = frequencies.map(({ tf, length }) => {
      const norm = k1 * (1 - b + (b * length) / averageLength);
      return new Map([...tf].map(([term, count]) => [term, (count * (k1 + 1)) / (count + norm)]));
    });
    const lists = new Map<string, { docs: number[]; weights: number[] }>();
    this.docWeights.forEach((weights, doc) => {
      for (const [term, weight] of weights) {
        let list = lists.get(term);
        if (!list) lists.set(term, (list = { docs: [], weights: [] }));
        list.docs.push(doc);
        list.weights.push(weight);
      }
    });
    const n = entries.length;
    const idfOf = (df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));
    this.unknownIdf = idfOf(0);
    for (const [term, list] of lists) {
      this.postings.set(term, { idf: idfOf(list.docs.length), docs: Int32Array.from(list.docs), weights: Float64Array.from(list.weights) });
    }
    this.penalty = Float64Array.from(entries, (entry) => (entry.status === 'superseded' ? SUPERSEDED_PENALTY : 1));
    this.docIndex = new Map(entries.map((entry, doc) => [entry, doc]));
    entries.forEach((entry, doc) => {
      const words = analyzer.words(searchableText(entry));
      for (let i = 1; i < words.length; i++) {
        if (!PHRASE_MODIFIER.test(words[i - 1]!) || analyzer.isStopWord(words[i]!)) continue;
        const key = `${analyzer.canonical(words[i - 1]!)} ${analyzer.canonical(words[i]!)}`;
        let docs = this.phrases.get(key);
        if (!docs) this.phrases.set(key, (docs = new Set()));
        docs.add(doc);
      }
    });
    this.scratch = scratchFor(n);
    // An entry's question forms: its example questions and the yes/no questions it settles.
    this.indexed = entries.map((entry) => ({
      entry,
      questionTerms: [...entry.questions, ...entry.yesNo.map((c) => c.question)].map((q) => {
        const terms = new Set(analyzer.terms(q));
        let weight = 0;
        for (const term of terms) weight += this.idf(term);
        return { terms, weight };
      }),
    }));
    const firstOfDoc = new Int32Array(n + 1);
    const exampleWeights: number[] = [];
    const exampleLists = new Map<string, number[]>();
    this.indexed.forEach(({ questionTerms }, doc) => {
      firstOfDoc[doc] = exampleWeights.length;
      for (const { terms, weight } of questionTerms) {
        for (const term of terms) {
          let list = exampleLists.get(term);
          if (!list) exampleLists.set(term, (list = []));
          list.push(exampleWeights.length);
        }
        exampleWeights.push(weight);
      }
    });
    firstOfDoc[n] = exampleWeights.length;
    this.examples = {
      postings: new Map([...exampleLists].map(([term, list]) => [term, Int32Array.from(list)])),
      firstOfDoc,
      weights: Float64Array.from(exampleWeights),
      docOf: docOfExamples(firstOfDoc),
      shared: new Float64Array(exampleWeights.length),
    };
  }

  /** The index built from the entries, for the start snapshot (see RetrieverOptions.index). */
  exportIndex(): RetrieverIndex {
    const { postings, firstOfDoc, weights } = this.examples;
    return {
      stems: this.stems,
      particleVerbs: this.particleVerbs,
      prefixedParticleVerbs: this.prefixedParticleVerbs,
      foldedCommonWords: this.foldedCommonWords,
      vocabulary: this.vocabulary,
      commonVocabulary: this.commonVocabulary,
      everydayVocabulary: this.everydayVocabulary,
      docWeights: this.docWeights,
      postings: this.postings,
      unknownIdf: this.unknownIdf,
      penalty: this.penalty,
      phrases: this.phrases,
      questionTerms: this.indexed.map(({ questionTerms }) => questionTerms),
      examples: { postings, firstOfDoc, weights },
    };
  }

  /**
   * The question's terms: resolved to the knowledge base's words where possible, weighted by rarity.
   * `keepEverydayWords` keeps the everyday words the entries lack, as unknown words (for comparing questions).
   */
  analyze(question: string, options: { keepEverydayWords?: boolean } = {}): AnalyzedQuery {
    // "anm.möte", "tel.tid": an abbreviated first part joined to a word, read as the compound it stands for.
    // (Most questions have no full stop to look at.)
    if (question.includes('.')) question = question.replace(/(?<!\p{L})(\p{L}{2,})\.(\p{L}{2,})/gu, (whole, start: string, end: string) => this.vocabulary.joined(start.toLocaleLowerCase('sv'), end.toLocaleLowerCase('sv')) ?? whole);
    // Telling of a child "utan att nämna barnets namn": what the routines call anonymt.
    question = question.replace(UNNAMED_CHILD, 'anonymt');
    // "gått med på" is what the routines call samtyckt.
    question = question.replace(GOES_ALONG, 'samtyckt');
    // "Frågan dok upp på EHT" tells that a question came up, not that anything was documented.
    question = question.replace(SURFACED, 'dök');
    question = question.replace(BECAUSE_OF, 'pga');
    question = question.replace(TURNED_AGE, (_, verb: string, years: string) => `${verb} ${AGE_NUMBERS[years.toLocaleLowerCase('sv')]!}`);
    question = question.replace(AGE_COMPOUND, (_, years: string) => `${AGE_NUMBERS[years.toLocaleLowerCase('sv')] ?? years} år`);
    question = question.replace(NUMBER_AND_UNIT, (_, count: string, unit: string) => `${count} ${UNITS[unit.toLocaleLowerCase('sv')]}`);
    // "telefonnr", "mobilnr": a word ending in the abbreviation "nr" after a word is read as the number it names.
    let words = this.analyzer.words(question).map((w) => (this.isNumberAbbreviation(w) ? `${w.slice(0, -2)}nummer` : w));
    const abbreviations = abbreviationsIn(question);
    const english = this.options.english?.isEnglish(words, (word) => this.analyzer.isStopWord(word)) ?? false;
    let untranslated: ReadonlySet<string> = new Set();
    if (english) ({ swedish: words, untranslated } = this.options.english!.read(words) as { swedish: string[]; untranslated: ReadonlySet<string> });
    const folded = !english && !hasDiacritics(question);
    const names = namesIn(question);
    // "oro för en elev", "a concern about a pupil": the pupil is whom the case is about, not what is asked.
    const caseObject = CASE_OBJECT.test(foldDiacritics(question));
    const seen = new Map<string, QueryTerm>();
    // The term each word was read as, by position, for finding the pairs the entries write side by side.
    const termAt: (string | undefined)[] = [];
    const add = (term: string, known: boolean, weight: number, via: QueryTerm['via'] = 'word') => {
      const previous = seen.get(term);
      if (!previous || previous.weight < weight) seen.set(term, { term, known, weight, via });
    };
    // The parts of a hyphenated word follow it ("hvb-hem", "hvb", "hem"): no part is a particle.
    const hyphenParts = new Set<number>();
    words.forEach((word, i) => {
      if (hasWordParts(word)) for (let n = 1; n <= word.split('-').length; n++) hyphenParts.add(i + n);
    });
    if (UNDER_INVESTIGATION.test(foldDiacritics(question))) {
      const ongoing = this.analyzer.canonical('pågående', { fold: false });
      for (const term of [UNDER_INVESTIGATION_TERM, ongoing]) if (this.postings.has(term)) add(term, true, this.idf(term) * PHASE_FACTOR, 'joined');
    }
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (word.length < 2 || this.analyzer.isStopWord(word, folded)) continue;
      // A particle after an everyday verb makes another verb ("gå hem" is to leave work, not a home): unless the routines
      // use the pair, it is a thing they lack, not the particle's other sense.
      if (!english && PARTICLES.has(word) && !hyphenParts.has(i)) {
        const verb = SUBJECT_PRONOUNS.has(words[i - 1] ?? '') ? words[i - 2] : words[i - 1];
        if (verb !== undefined && EVERYDAY_PARTICLE_VERBS.has(verb) && this.analyzer.isStopWord(verb) && !this.particleVerbs.has(`${this.analyzer.canonical(verb, { fold: false })} ${word}`)) {
          add(`?${verb} ${word}`, false, this.unknownWeight());
          continue;
        }
      }
      // A stop word left without its å/ä/ö by a writer who uses them elsewhere ("pa", "nar"), unless the routines use the word.
      if (!folded && !english && this.analyzer.isStopWord(word, true) && !this.vocabulary.isWritten(word)) continue;
      // An English word the lexicon left as it is counts only if the routines have it as written ("BBIC",
      // "socialjouren"): read as a slip of a Swedish word, "lives" would be "livet".
      // So does a name capitalised in mid-sentence with an -s that is no genitive, as no noun follows it ("på Teams?",
      // "Teams-möte"): an English plural, not the Swedish word its stem is ("team").
      const resolution = untranslated.has(word) || this.isForeignName(word, i, words, names) ? this.resolveWritten(word) : this.resolve(word, abbreviations.has(word), folded);
      // A hyphenated word counts through its parts, which follow it, unless the whole is known ("fsk-chef").
      if (hasWordParts(word)) {
        // A hyphenated compound with a part the routines lack ("drop-in-tid") names a thing they do not, as an unknown
        // compound written solid does: it weighs as one, and its parts follow it as words of their own.
        if (resolution === undefined && this.hasSkippedPart(word, folded)) {
          const asked = !english && (isAskedVerb(words, i) || isAskedThing(words, i)) ? ASKED_VERB_FACTOR : 1;
          add(`?${word}`, false, this.unknownWeight() * this.unknownCompoundFactor * asked);
        }
        if (!resolution) continue;
        // Its parts still count where the routines know them ("bbic" of "BBIC-utlåtandet"); unknown parts do not.
        const partCount = word.split('-').length;
        for (const part of words.slice(i + 1, i + 1 + partCount)) {
          const known = part.length >= 2 && !this.analyzer.isStopWord(part, folded) ? this.resolve(part, false, folded) : undefined;
          if (known) add(known.term, true, this.idf(known.term), known.typo ? 'typo' : 'word');
        }
        i += partCount;
      }
      // Everyday words the entries lack are skipped for retrieval; comparing two questions keeps them.
      if (resolution === null && !options.keepEverydayWords) continue;
      // A verb with a particle the routines never use it with is another verb ("stänger av" a pupil).
      // The subject may stand between them in a question ("Hur stänger man av …").
      const next = SUBJECT_PRONOUNS.has(words[i + 1] ?? '') ? i + 2 : i + 1;
      const particle = english || hyphenParts.has(next) ? undefined : words[next];
      if (resolution && particle !== undefined && this.isUnknownParticleVerb(word, resolution.term, particle)) {
        add(`?${resolution.term} ${particle}`, false, this.unknownWeight());
        continue;
      }
      if (resolution) {
        const { term: resolved, typo } = resolution;
        // The child or pupil a concern is about says no more than "barn", which every entry has: it weighs nothing,
        // but is still a word of the question (the unknown words of a long one weigh less).
        const incidental = caseObject && CASE_PERSON_WORDS.has(word);
        const weak = (incidental ? 0 : this.weakWords.has(word) || (typo && this.isWeakTerm(resolved)) ? this.weakWordFactor : 1) * (resolution.near ? NEAR_WORD_FACTOR : 1);
        const via = resolution.near ? 'near' : typo ? 'typo' : 'word';
        add(resolved, true, this.idf(resolved) * weak, via);
        termAt[i] = resolved;
        const phase = phaseBefore(words, i);
        if (phase !== undefined && this.postings.has(`${phase}>${resolved}`)) add(`${phase}>${resolved}`, true, this.idf(`${phase}>${resolved}`) * PHASE_FACTOR, 'joined');
        for (const part of this.analyzer.splitCompound(resolved)) if (this.postings.has(part)) add(part, true, this.idf(part) * weak, via);
        continue;
      }
      // An English word the lexicon lacks but an entry's English summary has ("section", "purpose").
      if (untranslated.has(word)) {
        const englishTerm = this.options.english!.englishTerm(word);
        if (this.postings.has(englishTerm)) {
          add(englishTerm, true, this.idf(englishTerm) * ENGLISH_SUMMARY_FACTOR, 'english');
          continue;
        }
      }
      // A number says nothing of a topic; a name with digits in it ("Skola24") is a topic the routines lack.
      if (/\d/.test(word) && !/\p{L}{3}/u.test(word)) continue;
      // "… oroliga fö?": a short stop word typed without its last letter says no more than the stop word.
      // Not in a text written without å/ä/ö, where "ma" is "må", nor an English word among Swedish ones ("do", "to").
      if (!english && !folded && this.cutStopWords.has(word) && !this.options.english?.isFunctionWord(word)) continue;
      const stem = this.analyzer.canonical(word);
      const split = this.analyzer.splitCompound(stem).filter((p) => this.postings.has(p));
      // A compound whose last part the routines lack still says something through a known first part
      // ("lunchuppehåll": "lunch"); the unknown whole then weighs as an unknown compound.
      const firstPart = split.length === 0 ? this.knownFirstPart(word) : undefined;
      const parts = firstPart === undefined ? split : [firstPart];
      // A word the routines write only as the last part of their compounds ("byten" of "personalbyten") names a thing
      // near theirs, as an unknown compound with a known part does: it weighs as one.
      const lastPart = parts.length === 0 && this.isKnownLastPart(word, stem);
      const factor = untranslated.has(word)
        ? ENGLISH_UNKNOWN_FACTOR
        : parts.length > 0 || lastPart
          ? this.unknownCompoundFactor : VERB_FORM.test(foldDiacritics(word)) ? this.verbFormFactor : this.isProbablySlip(word) ? SLIP_FACTOR : 1;
      // The thing asked for counts double only when no part of it is known ("något lunchuppehåll" is about lunch).
      const asked = !english && (isAskedVerb(words, i) || (parts.length === 0 && isAskedThing(words, i))) ? ASKED_VERB_FACTOR : 1;
      add(`?${stem}`, false, this.unknownWeight() * factor * asked);
      for (const part of parts) add(part, true, this.idf(part) * this.compoundPartFactor, firstPart === undefined ? 'part' : 'head');
    }
    // Two words of the question that make a known compound ("tid" … "telefon": "telefontid") count for it too.
    this.addCompoundsOf(words, folded, (term) => {
      if (!seen.has(term)) add(term, true, this.idf(term) * COMPOUND_OF_WORDS_FACTOR, 'joined');
    });
    // In a long message the unknown words are mostly the situation told around the question: each weighs less.
    const wordCount = [...seen.values()].filter((t) => t.via !== 'part' && t.via !== 'head' && t.via !== 'joined').length;
    const scale = Math.min(1, Math.sqrt(LONG_QUESTION_WORDS / Math.max(1, wordCount)));
    const terms = [...seen.values()].map((t) => (t.known ? t : { ...t, weight: t.weight * scale }));
    const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
    const unknownWeight = terms.filter((t) => !t.known).reduce((sum, t) => sum + t.weight, 0);
    const phrases = termAt.flatMap((term, i) => {
      const next = termAt[i + 1];
      return term !== undefined && next !== undefined && PHRASE_MODIFIER.test(words[i]!) && this.phrases.has(`${term} ${next}`) ? [`${term} ${next}`] : [];
    });
    return { terms, unknownWeight, totalWeight, english, ...(phrases.length > 0 ? { phrases } : {}) };
  }

  /**
   * The question with each function word typed with a slip spelt right ("elelr" → "eller", "mpste" → "måste"), for the
   * patterns that read a question by those words ("… för hand eller på dator?"): a word of four letters or more that no
   * dictionary, entry or everyday list has, one slip from a stop word beginning with its letter and from no word of the
   * routines as close, and not capitalised inside a sentence (a name). Written without å/ä/ö where the question has none.
   */
  respellFunctionWords(question: string): string {
    // An English question's words are English ("tell" is no "till").
    if (this.options.english?.isEnglish(this.analyzer.words(question), (word) => this.analyzer.isStopWord(word))) return question;
    const folded = !hasDiacritics(question);
    return question.replace(/(?<![\p{L}\d-])\p{L}{4,}(?![\p{L}\d-])/gu, (written, at: number) => {
      const word = written.toLocaleLowerCase('sv');
      // A capital inside a sentence starts a name ("en elev som heter Alma"), not a slipped "alla".
      if (written[0] !== word[0] && !SENTENCE_START.test(question.slice(0, at))) return written;
      if (this.analyzer.isStopWord(word, folded) || this.isDictionaryWord(word) || this.vocabulary.isWritten(word) || this.foldedCommonWords.has(foldDiacritics(word))) return written;
      this.longStopWords ??= this.longStopWordsOf();
      // One slip from a stop word is at most one letter longer than the longest: a longer word (a run of letters pasted
      // into a message) is not looked up, whose every deletion would be tried.
      if (word.length > this.longStopWords.longest + 1) return written;
      const meant = this.longStopWords.vocabulary.near(word);
      if (meant === undefined || meant.distance > 1 || foldDiacritics(meant.word)[0] !== foldDiacritics(word)[0]) return written;
      const known = this.vocabulary.near(word);
      if (known !== undefined && known.distance <= meant.distance) return written;
      const spelt = folded ? foldDiacritics(meant.word) : meant.word;
      return written[0] === word[0] ? spelt : `${spelt[0]!.toLocaleUpperCase('sv')}${spelt.slice(1)}`;
    });
  }

  /** The stop words long enough to be slipped in ("elelr"), and the length of the longest. */
  private longStopWordsOf(): { readonly vocabulary: Vocabulary; readonly longest: number } {
    const words = [...this.analyzer.stopWordList()].filter((w) => w.length >= MIN_SLIP_WORD);
    return { vocabulary: new Vocabulary(words), longest: Math.max(0, ...words.map((w) => w.length)) };
  }

  /**
   * The best entries for a question, best first. Term at a time over the inverted index: only the
   * entries that share a word with the question are touched, and only the best RERANK_DEPTH of them are
   * kept (a bounded heap) for the example-question bonus; cost grows with the postings read, not the base.
   */
  search(question: string | AnalyzedQuery, limit = 5): RetrievalHit[] {
    const query = typeof question === 'string' ? this.analyze(question) : question;
    const terms = query.terms.filter((t) => t.known).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return [];

    // Accumulators indexed by entry, reused between questions: no allocation per matching entry.
    const { score, termBits, touched } = this.scratch;
    let touchedCount = 0;
    for (let bit = 0; bit < terms.length; bit++) {
      const { term, weight } = terms[bit]!;
      const postings = this.postings.get(term);
      if (!postings) continue;
      const { docs, weights } = postings;
      const mask = (1 << bit) >>> 0;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (termBits[doc] === 0) touched[touchedCount++] = doc;
        score[doc]! += weight * weights[i]!;
        termBits[doc]! |= mask;
      }
    }
    const heap = new TopK(this.scratch.heapDocs, this.scratch.heapScores);
    const penalty = this.penalty;
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      heap.offer(doc, score[doc]! * penalty[doc]!);
      score[doc] = 0;
    }
    // The weight a candidate covers is added up from its bits in the order the terms were read: the same sum as `scan`'s.
    const candidates = heap.sorted().map(({ doc, score: bm25 }) => ({ doc, bm25, covered: weightCovered(terms, termBits[doc]!), bits: termBits[doc]! }));
    for (let i = 0; i < touchedCount; i++) termBits[touched[i]!] = 0;
    return this.rerank(candidates, terms, query, limit);
  }

  /**
   * The same ranking as `search`, by scoring every entry from its own term weights: the reference the
   * index is tested and benchmarked against. Linear in the size of the knowledge base.
   */
  scan(question: string | AnalyzedQuery, limit = 5): RetrievalHit[] {
    const query = typeof question === 'string' ? this.analyze(question) : question;
    const terms = query.terms.filter((t) => t.known).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return [];
    const all: Candidate[] = [];
    this.docWeights.forEach((weights, doc) => {
      let bm25 = 0;
      let coveredWeight = 0;
      let bits = 0;
      terms.forEach(({ term, weight }, bit) => {
        const w = weights.get(term);
        if (w === undefined) return;
        bm25 += weight * w;
        coveredWeight += weight;
        bits = (bits | (1 << bit)) >>> 0;
      });
      if (bits !== 0) all.push({ doc, bm25: bm25 * this.penalty[doc]!, covered: coveredWeight, bits });
    });
    all.sort((a, b) => b.bm25 - a.bm25 || a.doc - b.doc);
    return this.rerank(all.slice(0, RERANK_DEPTH), terms, query, limit);
  }

  /** Adds the example-question bonus to the best BM25 candidates and ranks them (ties: the earlier entry first). */
  private rerank(candidates: readonly Candidate[], terms: readonly QueryTerm[], query: AnalyzedQuery, limit: number): RetrievalHit[] {
    const best = candidates[0]?.bm25 ?? 0;
    const known = query.terms.filter((t) => t.known);
    const knownWeight = known.reduce((sum, t) => sum + t.weight, 0);
    this.shareOut(known, candidates);
    // Every candidate is scored; only the `limit` kept become hits.
    const scored = candidates.map((candidate) => {
      const questionMatch = this.questionMatch(candidate.doc, knownWeight);
      return { candidate, questionMatch, score: candidate.bm25 + this.ranking.questionMatchWeight * best * questionMatch + COVERAGE_BONUS * best * (candidate.covered / query.totalWeight) };
    });
    return scored
      .sort((a, b) => b.score - a.score || a.candidate.doc - b.candidate.doc)
      .slice(0, limit)
      .map(({ candidate: { doc, covered: coveredWeight, bits }, questionMatch, score }) => ({
        entry: this.indexed[doc]!.entry,
        score,
        coverage: coveredWeight / query.totalWeight,
        knownCoverage: coveredWeight / knownWeight,
        matchedWeight: coveredWeight,
        questionMatch,
        matched: terms.filter((_, bit) => (bits & (1 << bit)) !== 0).map((t) => t.term),
      }));
  }

  /** The index terms of a passage of text, for choosing the sentences that answer a question. */
  termsOf(text: string): Set<string> {
    return new Set(this.analyzer.terms(text));
  }

  /** Whether an entry has an index term, without copying its terms. */
  writesTerm(entry: KnowledgeEntry, term: string): boolean {
    const doc = this.docIndex.get(entry);
    return doc !== undefined && this.docWeights[doc]!.has(term);
  }

  /** The index terms of one entry (all its fields). */
  entryTerms(entry: KnowledgeEntry): ReadonlySet<string> {
    const doc = this.docIndex.get(entry);
    return doc === undefined ? new Set() : new Set(this.docWeights[doc]!.keys());
  }

  /** The coordinated names of a question ("barn- och utbildningsförvaltningen") that some entry writes, as terms. */
  coordinatedNames(question: string): string[] {
    return this.analyzer.coordinatedTerms(question).filter((term) => this.postings.has(term));
  }

  /** How many entries write a pair of terms side by side (a phrase of `AnalyzedQuery.phrases`). */
  entriesWithPhrase(phrase: string): number {
    return this.phrases.get(phrase)?.size ?? 0;
  }

  /** Whether an entry writes a pair of terms side by side. */
  hasPhrase(entry: KnowledgeEntry, phrase: string): boolean {
    const doc = this.docIndex.get(entry);
    return doc !== undefined && (this.phrases.get(phrase)?.has(doc) ?? false);
  }

  /** How many entries have an index term. */
  entriesWith(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  /** How much an index term tells about a topic (its inverse document frequency). */
  weightOf(term: string): number {
    return this.idf(term);
  }

  /**
   * Adds the weight of each known term of the question to the candidates' example questions that have it, term by
   * term. Only the candidates' examples are touched: a short list of examples is read whole, a long one (a common
   * word in a large knowledge base) only where each candidate's examples lie in it, found by binary search.
   */
  private shareOut(known: readonly QueryTerm[], candidates: readonly Candidate[]): void {
    const { postings, firstOfDoc, docOf, shared } = this.examples;
    const { isCandidate } = this.scratch;
    for (const { doc } of candidates) isCandidate[doc] = 1;
    const searchCost = candidates.length * SEARCH_STEPS;
    for (const { term, weight } of known) {
      const examples = postings.get(term);
      if (!examples) continue;
      if (examples.length <= searchCost) {
        for (let i = 0; i < examples.length; i++) if (isCandidate[docOf[examples[i]!]!] === 1) shared[examples[i]!]! += weight;
        continue;
      }
      for (const { doc } of candidates) {
        const end = firstOfDoc[doc + 1]!;
        for (let i = lowerBound(examples, firstOfDoc[doc]!); i < examples.length && examples[i]! < end; i++) shared[examples[i]!]! += weight;
      }
    }
    for (const { doc } of candidates) isCandidate[doc] = 0;
  }

  /**
   * IDF-weighted Dice overlap between the question (`queryWeight`: its known terms' weight) and the closest of the
   * entry's example questions, from the weights `shareOut` has just given them (which it clears).
   */
  private questionMatch(doc: number, queryWeight: number): number {
    const { firstOfDoc, weights, shared } = this.examples;
    let best = 0;
    for (let example = firstOfDoc[doc]!; example < firstOfDoc[doc + 1]!; example++) {
      const weight = shared[example]!;
      if (weight > 0) best = Math.max(best, (2 * weight) / (queryWeight + weights[example]!));
      shared[example] = 0;
    }
    return best;
  }

  /**
   * The index term for a question word: as written, an everyday word (null: skip it), without
   * diacritics, or a close spelling. Undefined when the knowledge base has no such word.
   */
  private resolve(word: string, abbreviated: boolean, withoutDiacritics: boolean): Resolution {
    // Words repeat across questions: remember how each was resolved (a pure function of the word).
    const key = `${word}${abbreviated ? '.' : ''}${withoutDiacritics ? '~' : ''}`;
    if (this.resolutions.has(key)) return this.resolutions.get(key);
    const resolution = this.resolveUncached(word, abbreviated, withoutDiacritics);
    if (this.resolutions.size >= RESOLUTION_CACHE) this.resolutions.clear();
    this.resolutions.set(key, resolution);
    return resolution;
  }

  /**
   * The term of a compound noun's bare form when the word is its neuter definite form ("-et") and the entries write the
   * bare form too ("stödprogrammet" → "stödprogram"): the two forms are one topic, though the stemmer keeps "-et"
   * (cutting it everywhere takes "-et" off words it belongs to, as in "samarbetet"). Only long bare forms (compounds) that
   * far more entries write than write the definite form.
   */
  private definiteNeuterBase(word: string): string | undefined {
    if (!word.endsWith('et') || word.length - 2 < MIN_DEFINITE_BASE) return undefined;
    const bare = word.slice(0, -2);
    if (VOWEL_END.test(bare) || !this.vocabulary.isWritten(bare)) return undefined;
    // An everyday word is no topic in either form ("sammanhanget").
    if (this.options.commonWords?.has(bare) || this.foldedCommonWords.has(foldDiacritics(bare))) return undefined;
    const term = this.analyzer.canonical(bare, { fold: false });
    // Where the entries write the definite form about as often ("styrdokumentet", a document's name), it is a term of
    // its own: the bare form must be in BARE_FORM_SHARE times as many entries.
    const definite = this.vocabulary.isWritten(word) ? this.postings.get(this.analyzer.canonical(word, { fold: false }))?.docs.length ?? 0 : 0;
    return (this.postings.get(term)?.docs.length ?? 0) >= definite * BARE_FORM_SHARE ? term : undefined;
  }

  /**
   * The canonical term of the known compound an unknown word abbreviates: a short beginning joined to a known
   * word ("anm" + "möte" → "anmälningsmöte"). The end must be a known word of its own.
   */
  private joinedAbbreviation(word: string): string | undefined {
    if (word.length < MIN_JOINED_HEAD + MIN_JOINED_TAIL || /[\d-]/.test(word)) return undefined;
    for (let cut = MIN_JOINED_HEAD; cut <= word.length - MIN_JOINED_TAIL; cut++) {
      const tail = word.slice(cut);
      if (!this.vocabulary.isWritten(tail)) continue;
      const joined = this.vocabulary.joined(word.slice(0, cut), tail);
      if (joined !== undefined) return this.analyzer.canonical(joined, { fold: false });
    }
    return undefined;
  }

  /** Known compound terms made of two content words of a question, in either order, with or without a linking -s-. */
  private addCompoundsOf(words: readonly string[], folded: boolean, found: (term: string) => void): void {
    const content = [...new Set(words.filter((w) => w.length >= MIN_COMPOUND_OF_WORDS && !w.includes('-') && !/\d/.test(w) && !this.analyzer.isStopWord(w, folded)))].slice(0, MAX_QUERY_TERMS);
    // A long question has hundreds of pairs: only those a known word is made of (compared without å/ä/ö) are looked up
    // as written, found from what follows each first word in the known words (most words begin none, or a few).
    const positions = new Map<string, number[]>();
    content.forEach((word, j) => {
      const key = foldDiacritics(word);
      const at = positions.get(key);
      if (at) at.push(j);
      else positions.set(key, [j]);
    });
    content.forEach((first, i) => {
      // Each pair as (2 × the second word's position, plus 1 with a linking -s-), to look them up in the question's order.
      const pairs: { order: number; joined: string }[] = [];
      for (const ending of this.vocabulary.endingsAfter(first)) {
        for (const j of positions.get(ending) ?? []) if (j !== i) pairs.push({ order: 2 * j, joined: first + content[j]! });
        if (!ending.startsWith('s')) continue;
        for (const j of positions.get(ending.slice(1)) ?? []) if (j !== i) pairs.push({ order: 2 * j + 1, joined: `${first}s${content[j]!}` });
      }
      for (const { joined } of pairs.sort((a, b) => a.order - b.order)) this.foundCompound(joined, found);
    });
  }

  /** Passes on the known term of a compound as written, if any. */
  private foundCompound(joined: string, found: (term: string) => void): void {
    if (!this.vocabulary.isWritten(joined)) return;
    const term = this.analyzer.canonical(joined, { fold: false });
    if (this.postings.has(term)) found(term);
  }

  /** The index term of a word the knowledge base has exactly as written (or a synonym list has); no slips. */
  private resolveWritten(word: string): Resolution {
    if (!this.vocabulary.isWritten(word)) return undefined;
    const term = this.analyzer.canonical(word, { fold: false });
    return this.postings.has(term) ? { term, typo: false } : undefined;
  }

  private resolveUncached(word: string, abbreviated: boolean, withoutDiacritics: boolean, respell = true): Resolution {
    const known = (term: string | undefined) => (term !== undefined && this.postings.has(term) ? term : undefined);
    const commonWords = this.options.commonWords;
    const bare = this.definiteNeuterBase(word);
    if (bare !== undefined) return { term: bare, typo: false };
    // A word the entries use as written, then an everyday word, then the same word written without å/ä/ö
    // ("hander" is "händer", not "hand" + -er), then the stem ("anmälde" → "anmäl").
    if (this.vocabulary.isWritten(word)) {
      const term = known(this.analyzer.canonical(word, { fold: false }));
      if (term) return { term, typo: false };
    }
    if (commonWords?.has(word)) return null;
    // The diacritic-free twin only for a writer who does not use å/ä/ö: "i rad" is not "råd".
    const unfolded = withoutDiacritics ? this.vocabulary.withoutDiacritics(word) : undefined;
    // A stem reached by cutting a long derivational ending is another word ("ledighet" → "led", as in "leder").
    const stemmed = (term: string) => (term === stemSwedish(word) && word.length - term.length > MAX_STEM_CUT ? undefined : known(term));
    const steps = [
      () => (unfolded !== undefined && unfolded !== word ? (this.definiteNeuterBase(unfolded) ?? known(this.analyzer.canonical(unfolded, { fold: false }))) : undefined),
      () => stemmed(this.analyzer.canonical(word, { fold: false })),
      () => (withoutDiacritics ? stemmed(this.analyzer.canonical(word)) : undefined),
      // A form the routines never write, whose stem they write with å/ä/ö ("motes": "mötes", stem "möt" of "möte"); an
      // everyday word stays one ("forsokte" is no "försök" the entries write of).
      () => (withoutDiacritics && !this.isEverydayForm(word) ? this.foldedStemTerm(stemSwedish(word)) : undefined),
    ];
    for (const step of steps) {
      const term = step();
      if (term) return { term, typo: false };
    }
    // A writer who uses å/ä/ö still leaves them off a word now and then ("pagå", "lange"): a word no dictionary has is
    // read as a writer without them would mean it, when that finds it without a slip.
    if (!withoutDiacritics && word.length >= MIN_SLIP_WORD && !this.isDictionaryWord(word) && !this.isDictionaryCompound(word)) {
      const twin = respell ? this.resolve(word, abbreviated, true) : this.resolveUncached(word, abbreviated, true, false);
      if (twin === null || (twin && !twin.typo)) return twin;
    }
    const particleVerb = this.prefixedParticleVerb(word);
    if (particleVerb !== undefined) return { term: particleVerb, typo: false };
    if (this.foldedCommonWords.has(foldDiacritics(word))) return null;
    // An everyday word with an ending ("morgonen", "definieras") is an everyday word.
    if (baseFormIn(word, this.foldedCommonWords) !== undefined) return null;
    // An adverb of manner or likelihood ("vanligtvis", "förslagsvis", "egentligen", "ursprungligen") is never a topic.
    if (EVERYDAY_ADVERB.test(foldDiacritics(word))) return null;
    const isWord = (candidate: string) => !this.analyzer.isStopWord(candidate) && !commonWords?.has(candidate);
    // A writer who uses å/ä/ö means the letters written: "prov" is no form of "prövas".
    const inflected = this.vocabulary.inflected(word, (candidate) => isWord(candidate) && (withoutDiacritics || candidate.startsWith(word) || word.startsWith(candidate)));
    const inflectedTerm = inflected === undefined ? undefined : known(this.analyzer.canonical(inflected, { fold: false }));
    if (inflectedTerm) return { term: inflectedTerm, typo: false };
    // A supine or participle in -t ("sökt") of a verb the entries write in its present tense ("söker"): the stemmer
    // keeps the -t, so the form is read through the present tense.
    const supine = this.supineTerm(word);
    if (supine !== undefined) return { term: supine, typo: false };
    // A plural or definite form the dictionary lacks ("lektioner") of a word it has ("lektion") is read as that word; not a
    // word the stemmer cut a derivational ending off ("lagenhet" is no form of "lagen").
    const lemma = this.analyzer.canonical(word, { fold: false });
    if (word.startsWith(lemma) && INFLECTION_ENDING.exec(word)?.[0] === word.slice(lemma.length) && !this.isDictionaryWord(word) && this.isDictionaryWord(lemma)) {
      const base = this.resolve(lemma, abbreviated, withoutDiacritics);
      if (base && !base.typo) return base;
    }
    // A compound of words spelt right is no double slip for a compound with another last word ("förskoleplats" is not
    // "förskoleklass"); one slip still is, though it happens to spell a word ("checklisan"), and so is a slip in the
    // first part ("anmälningmöte").
    // Among spellings as close, the word whose term the entries use most: "beskrv" is "beskriv" (as in "beskriver",
    // "beskrivs"), not the rarer past tense "beskrev".
    const typo = this.vocabulary.closest(word, isWord, (candidate) => this.postings.get(this.analyzer.canonical(candidate, { fold: false }))?.docs.length ?? 0);
    const typoTerm = typo === undefined || this.changesLastWord(word, typo) || this.isUnlikelySlip(word, typo) ? undefined : known(this.analyzer.canonical(typo, { fold: false }));
    if (typoTerm) return { term: typoTerm, typo: true };
    // Two letters typed in the wrong order, or one a place too far ("gymnasierektron", "konsulerta"), in a word whose right
    // spelling the routines have only in another form or compound: read as the word the dictionary has.
    const respelled = respell ? this.respelled(word, abbreviated, withoutDiacritics) : undefined;
    if (respelled !== undefined) return respelled;
    // An abbreviation: written with a full stop ("utl.", "förhandsbed.") or a long beginning of a word.
    // A word spelt right is no abbreviation unless written with a full stop ("vårdnad" is not "vårdnadshavare").
    const completion = !abbreviated && this.isDictionaryWord(word) ? undefined : this.vocabulary.completion(word, abbreviated ? MIN_DOTTED_ABBREVIATION : MIN_ABBREVIATION, isWord);
    // A whole word is no abbreviation of the compound it begins ("handling" of "handling|s|plan"): what the completion
    // adds is a linking -s- and a word of its own.
    const completed = completion !== undefined && !abbreviated && this.isWholeFirstPart(word, completion) ? undefined : completion;
    const completedTerm = completed === undefined ? undefined : known(this.analyzer.canonical(completed, { fold: false }));
    if (completedTerm) return { term: completedTerm, typo: true };
    // An abbreviated first part joined to a known word without a full stop ("anmmöte", "teltider"); a word the dictionary
    // has is itself ("hänger" is no "hän(dlägg)er").
    const joinedTerm = this.isDictionaryWord(word) ? undefined : known(this.joinedAbbreviation(word));
    if (joinedTerm) return { term: joinedTerm, typo: true };
    // A misspelt everyday word is still an everyday word ("förkortnigen", "begrepet"), though it splits into short
    // words spelt right ("beg" + "repet"); a word spelt right is itself.
    if (!this.isDictionaryWord(word) && this.commonVocabulary.closest(word) !== undefined) return null;
    // A word spelt right the routines lack, with two letters in the wrong order of a word they write ("temas": "teams"), is
    // probably that word: swapped letters make a word of another by chance as well.
    const swapped = respell && this.isDictionaryWord(word) ? this.swappedWrittenWord(word, isWord) : undefined;
    if (swapped !== undefined) return { term: swapped, typo: true, near: true };
    // A word spelt right is no slip of another ("regler" is not "reglera"), nor is a compound of words spelt right
    // ("skolgården" is not "skolgången").
    if (this.isDictionaryWord(word) || this.isDictionaryCompound(word)) return undefined;
    // In a word too short for other slips, a doubled consonant written once ("til", "ila") is still read as meant.
    const undoubled = word.length < MIN_SLIP_WORD ? this.undoubledSlip(word) : undefined;
    if (undoubled !== undefined) return undoubled;
    // Nor is a present tense typed without the e of its "-er" ("ledr" for "leder"), too short for a looser slip.
    const present = word.length <= MIN_SLIP_WORD ? this.presentWithoutE(word) : undefined;
    if (present !== undefined) return present;
    // Nor are two letters typed in the wrong order in such a word: "mde" is "med", "ohc" is "och".
    if (word.length < MIN_SLIP_WORD && this.isSwappedEverydayWord(word)) return null;
    // Looser: a word one slip from a known word is more likely that word than a topic the routines lack. An
    // everyday or stop word as close wins ("efer" is "efter"); a known word counts at a lower weight.
    // The word as written, or its stem: a slip in an inflected form ("mondagar") is one edit from the known stem.
    const stem = stemSwedish(word);
    const nearKnown =
      word.length >= MIN_NEAR_WORD ? (this.vocabulary.near(word, isWord) ?? (stem !== word && stem.length >= MIN_NEAR_WORD ? this.vocabulary.near(stem, isWord) : undefined)) : undefined;
    const nearEveryday = word.length >= MIN_NEAR_EVERYDAY_WORD ? this.everydayVocabulary.near(word) : undefined;
    // On a tie, a known word the written one only leaves a letter out of ("inats": "insats") beats an everyday word reached
    // by another letter in its place ("inatt").
    const leavesOutKnown = (near: { word: string }) => isOneLeftOutOf(foldDiacritics(word), foldDiacritics(near.word));
    const knownByLeftOut = nearKnown !== undefined && nearEveryday !== undefined && leavesOutKnown(nearKnown) && !leavesOutKnown(nearEveryday);
    if (nearEveryday && (!nearKnown || nearEveryday.distance < nearKnown.distance || (nearEveryday.distance === nearKnown.distance && !knownByLeftOut))) return null;
    // Two slips are read only as two letters left out ("tefonnumret"): two struck or added make another word as often
    // ("anmärkning" is no "anmälning", "revelation" no "relation").
    const twoLeftOut = (meant: string) => isLeftOutOf(foldDiacritics(word), meant) || isLeftOutOf(foldDiacritics(stem), meant);
    const nearTerm =
      nearKnown === undefined || this.isUnlikelySlip(word, nearKnown.word) || (nearKnown.distance > 1 && !twoLeftOut(foldDiacritics(nearKnown.word)))
        ? undefined
        : known(this.analyzer.canonical(nearKnown.word, { fold: false }));
    if (nearTerm) return { term: nearTerm, typo: true, near: true };
    return undefined;
  }

  /**
   * The term of the word the entries write (or a form of it, "teams" of "team") that `word` is with two neighbouring letters
   * swapped, if exactly one is.
   */
  private swappedWrittenWord(word: string, isWord: (candidate: string) => boolean): string | undefined {
    if (word.length < MIN_NEAR_WORD) return undefined;
    const terms = new Set<string>();
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const spelling = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (!isWord(spelling)) continue;
      const term = this.analyzer.canonical(spelling, { fold: false });
      if (this.postings.has(term) && (this.vocabulary.isWritten(spelling) || this.vocabulary.isWritten(term))) terms.add(term);
    }
    return terms.size === 1 ? [...terms][0] : undefined;
  }

  /** Whether a term is that of a weak word ("styrdokumentet"), for a word read as a slip of it. */
  private isWeakTerm(term: string): boolean {
    this.weakTerms ??= new Set([...this.weakWords].map((word) => this.analyzer.canonical(word, { fold: false })));
    return this.weakTerms.has(term);
  }

  /** An everyday word, or one with an inflectional ending, compared without å/ä/ö. */
  private isEverydayForm(word: string): boolean {
    return this.foldedCommonWords.has(foldDiacritics(word)) || baseFormIn(word, this.foldedCommonWords) !== undefined;
  }

  /**
   * The index term that is `stem` with its å/ä/ö, when the stem as typed is no term: of several, the one most entries have.
   */
  private foldedStemTerm(stem: string): string | undefined {
    if (this.postings.has(stem)) return undefined;
    if (this.foldedTerms === undefined) {
      const byFolded = new Map<string, string>();
      for (const [term, postings] of this.postings) {
        if (!hasDiacritics(term) || !/^\p{L}+$/u.test(term)) continue;
        const folded = foldDiacritics(term);
        const other = byFolded.get(folded);
        if (other === undefined || postings.docs.length > this.postings.get(other)!.docs.length) byFolded.set(folded, term);
      }
      this.foldedTerms = byFolded;
    }
    return this.foldedTerms.get(stem);
  }

  /**
   * How a word no dictionary has reads with two neighbouring letters put back in order, or one letter moved back two places
   * ("konsulerta": "konsultera"), where that makes a word spelt right (or a compound of such): the first such spelling the
   * routines have a term for (null if it is an everyday word). Undefined when none does.
   */
  private respelled(word: string, abbreviated: boolean, withoutDiacritics: boolean): Resolution {
    if (word.length < MIN_RESPELLED_WORD || /[\d-]/.test(word) || this.isDictionaryWord(word) || this.isDictionaryCompound(word)) return undefined;
    for (const spelling of reorderings(word)) {
      if (!this.isDictionaryWord(spelling) && !this.vocabulary.isWritten(spelling) && !this.isDictionaryCompound(spelling) && !this.endsInDictionaryWord(spelling)) continue;
      // A stop word put back in order ("betdyer": "betyder") says no more than the stop word.
      if (this.analyzer.isStopWord(spelling, withoutDiacritics)) return null;
      // Read without putting letters in order again: that would only undo the change.
      const resolution = this.resolveUncached(spelling, abbreviated, withoutDiacritics, false);
      if (resolution === null) return null;
      if (resolution !== undefined) return { term: resolution.term, typo: true };
    }
    return undefined;
  }

  /**
   * A compound whose first part begins a longer word of the routines and whose last part, of five letters or more, is a word
   * spelt right ("gymnasie|rektorn", as in "gymnasieskola"): a compound-only first part no dictionary lists alone.
   */
  private endsInDictionaryWord(word: string): boolean {
    for (let cut = MIN_COMPOUND_HEAD; cut <= word.length - MIN_RESPELLED_TAIL; cut++) {
      if (this.isDictionaryWord(word.slice(cut)) && this.vocabulary.endingsAfter(word.slice(0, cut)).length > 0) return true;
    }
    return false;
  }

  /**
   * A hyphenated word with a part that retrieval skips as everyday ("drop" in "drop-in-tid") and none it counts as unknown
   * by itself ("sfs" in "SFS-nummer" counts already).
   */
  private hasSkippedPart(word: string, folded: boolean): boolean {
    const parts = word.split('-').filter((part) => part.length >= 2 && !/\d/.test(part) && !this.analyzer.isStopWord(part, folded));
    const resolved = parts.map((part) => this.resolve(part, false, folded));
    return resolved.includes(null) && !resolved.includes(undefined);
  }

  /** "telefonnr", "mobilnr": a word the routines lack, of a known or dictionary word and "nr" ("hinenr" is a slip). */
  private isNumberAbbreviation(word: string): boolean {
    if (word.length < MIN_NUMBER_ABBREVIATION || !word.endsWith('nr') || this.vocabulary.isWritten(word)) return false;
    const head = word.slice(0, -2);
    return this.vocabulary.isWritten(head) || this.isDictionaryWord(head);
  }

  /**
   * The verb term of a participle with its particle in front ("ifyllda", "inbjudna"), when the entries use that verb
   * with that particle ("fylla i", "bjuda in").
   */
  private prefixedParticleVerb(word: string): string | undefined {
    for (const particle of PREFIXED_PARTICLES) {
      if (!word.startsWith(particle) || word.length - particle.length < MIN_PREFIXED_VERB) continue;
      const verb = word.slice(particle.length);
      const ending = PARTICIPLE_ENDING.exec(verb)?.[0] ?? '';
      for (const form of ending === '' ? [verb] : [verb, verb.slice(0, -ending.length)]) {
        const term = this.analyzer.canonical(form, { fold: false });
        if (this.postings.has(term) && this.prefixedParticleVerbs.has(`${term} ${particle}`)) return term;
      }
    }
    return undefined;
  }

  /**
   * A short word ending in a consonant and "r" read as the present tense with its e put back ("ledr": "leder"): null for an
   * everyday or stop word, the known term for a word of the routines, undefined otherwise.
   */
  private presentWithoutE(word: string): Resolution {
    if (!/[bcdfghjklmnpqstvwxz]r$/u.test(word)) return undefined;
    const meant = `${word.slice(0, -1)}er`;
    if (this.analyzer.isStopWord(meant) || this.options.commonWords?.has(meant)) return null;
    const written = this.resolveWritten(meant);
    return written ? { term: written.term, typo: true } : undefined;
  }

  /** True when swapping two neighbouring letters of `word` gives a stop word or an everyday word. */
  private isSwappedEverydayWord(word: string): boolean {
    for (let i = 0; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const meant = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (this.everydayVocabulary.isWritten(meant)) return true;
    }
    return false;
  }

  /**
   * A short word with one consonant doubled in what was meant ("til" for "till", "ila" for "illa"): null for an
   * everyday or stop word, the known term for a word of the routines, undefined when doubling finds neither.
   */
  private undoubledSlip(word: string): Resolution {
    for (let i = 0; i < word.length; i++) {
      if (!CONSONANT.test(word[i]!)) continue;
      const meant = `${word.slice(0, i + 1)}${word.slice(i)}`;
      if (this.analyzer.isStopWord(meant) || this.options.commonWords?.has(meant)) return null;
      const written = this.resolveWritten(meant);
      if (written) return { term: written.term, typo: true };
    }
    return undefined;
  }

  /**
   * The index term of a known word that an unknown compound starts with (a linking -s- allowed), when what
   * follows is long enough to be a word of its own; the longest such first part.
   */
  private knownFirstPart(word: string): string | undefined {
    if (word.includes('-') || /\d/.test(word)) return undefined;
    for (let cut = word.length - MIN_COMPOUND_TAIL; cut >= MIN_COMPOUND_HEAD; cut--) {
      const head = word.slice(0, cut);
      for (const candidate of head.endsWith('s') ? [head, head.slice(0, -1)] : [head]) {
        if (candidate.length < MIN_COMPOUND_HEAD || !this.vocabulary.isWritten(candidate) || this.options.commonWords?.has(candidate) || this.analyzer.isStopWord(candidate)) continue;
        const term = this.analyzer.canonical(candidate, { fold: false });
        if (this.postings.has(term)) return term;
      }
    }
    return undefined;
  }

  /**
   * True when the entries write the word, in this very form, as the last part of a compound after a known first word
   * ("byten" of "personalbyten"); not another form of it ("byta" is no part of "personalbyte").
   */
  private isKnownLastPart(word: string, stem: string): boolean {
    // A word known on its own but read as unknown for another reason ("Teams" as a name) stays as unknown as it was.
    if (word.length < MIN_LAST_PART || this.postings.has(stem)) return false;
    if (!this.lastParts) {
      const lastParts = new Set<string>();
      for (const written of this.vocabulary.writtenWords()) {
        for (let cut = MIN_COMPOUND_HEAD; cut <= written.length - MIN_LAST_PART; cut++) {
          const head = written.slice(0, cut);
          const heads = head.endsWith('s') ? [head, head.slice(0, -1)] : [head];
          if (heads.some((h) => h.length >= MIN_COMPOUND_HEAD && this.vocabulary.isWritten(h) && !this.analyzer.isStopWord(h))) lastParts.add(written.slice(cut));
        }
      }
      this.lastParts = lastParts;
    }
    return this.lastParts.has(word);
  }

  /**
   * True when a verb and the particle after it make a verb the routines never use ("stänga av", "skriva ut"):
   * an active verb form, not a passive ("giftas bort"), a noun or a word of quantity ("många av").
   */
  private isUnknownParticleVerb(word: string, term: string, particle: string): boolean {
    if (!PARTICLES.has(particle) || this.particleVerbs.has(`${term} ${particle}`) || word.endsWith('s')) return false;
    if (particle === 'av' && LEARNING_FROM.has(word)) return false;
    // The routines (or a synonym list) may have the verb as a compound with the particle in front: "bortgift" for "gifta bort".
    if (this.vocabulary.isWritten(`${particle}${stemSwedish(word)}`)) return false;
    // A noun whose -te/-de only looks like a past tense ("anmälningsmöte ihop"): the routines write it with -t or -n too.
    if (/[dt]e$/u.test(word) && (this.vocabulary.isWritten(`${word}t`) || this.vocabulary.isWritten(`${word}n`))) return false;
    // A plural noun whose -er/-ar only looks like a present tense ("följs serviceinsatser upp"): the routines write its
    // definite plural or its singular in -en.
    if (/(?:er|ar|or)$/u.test(word) && (this.vocabulary.isWritten(`${word}na`) || this.vocabulary.isWritten(`${word.slice(0, -2)}en`))) return false;
    return ACTIVE_VERB_FORM.test(word) && !QUANTITY_WORDS.has(word) && !ADVERBS_IN_A.has(word);
  }

  /**
   * A name capitalised in mid-sentence that ends in an -s with no noun after it, so no genitive ("Botkyrkas rutiner" is
   * one): at the end, before a stop word, or as the first part of a hyphenated word ("Teams-möte").
   */
  private isForeignName(word: string, i: number, words: readonly string[], names: ReadonlySet<string>): boolean {
    if (!names.has(word) || !word.endsWith('s') || this.vocabulary.isWritten(word)) return false;
    const next = words[i + 1];
    return next === undefined || this.analyzer.isStopWord(next) || (words[i - 1]?.startsWith(`${word}-`) ?? false);
  }

  /** A short unknown word one edit from a known or everyday word with the same first letter. */
  private isProbablySlip(word: string): boolean {
    if (word.length < MIN_SLIP_WORD || word.length >= MIN_NEAR_WORD || /\d/.test(word) || this.isDictionaryWord(word)) return false;
    return this.vocabulary.near(word) !== undefined || this.everydayVocabulary.near(word) !== undefined;
  }

  /**
   * A compound of two words spelt right: a first part listed as written, or with the -a/-e it drops in a
   * compound or a linking -s ("skol|gården", "arbets|plats"), then a listed last part of at least four letters.
   */
  private isDictionaryCompound(word: string): boolean {
    return this.dictionaryCompoundTail(word) !== undefined;
  }

  /**
   * The last part of a compound of two words spelt right: a first part listed as written, or with the -a/-e it drops
   * in a compound, the -a its -e/-o/-u stands for ("förskole|plats", "kyrko|gård") or a linking -s ("skol|gården",
   * "arbets|plats"), then a listed last part of at least four letters; the longest such last part.
   */
  private dictionaryCompoundTail(word: string): string | undefined {
    if (!this.options.dictionaryWords || /[\d-]/.test(word)) return undefined;
    for (let cut = MIN_COMPOUND_OF_WORDS; cut <= word.length - MIN_COMPOUND_TAIL; cut++) {
      const tail = word.slice(cut);
      if (!this.isDictionaryWord(tail)) continue;
      const head = word.slice(0, cut);
      const heads = [head, `${head}a`, `${head}e`, ...(head.endsWith('s') ? [head.slice(0, -1)] : []), ...(/[eou]$/u.test(head) ? [`${head.slice(0, -1)}a`] : [])];
      if (heads.some((h) => h.length >= MIN_COMPOUND_OF_WORDS && (this.isDictionaryWord(h) || this.vocabulary.isWritten(h)))) return tail;
    }
    return undefined;
  }

  /**
   * Whether a close spelling is unlikely what was meant: a letter with å/ä/ö the writer typed is meant ("förstått" is not
   * "fortsatt", "värre" not "vare"), so is the first letter, and a word spelt right is itself ("bråkar" is not "råkar", "lektioner" not
   * "sektioner"), unless the close spelling only doubles a consonant written once ("kalar": "kallar").
   */
  private isUnlikelySlip(word: string, typo: string): boolean {
    // A slip seldom falls on the first letter ("körskollärare" is no "förskollärare").
    if (!keepsTypedLetters(word, typo) || foldDiacritics(word)[0] !== foldDiacritics(typo)[0]) return true;
    const base = this.spelledBase(word);
    // Another form of the word itself is no other word ("tillåtet": "tillåter").
    return base !== undefined && !typo.startsWith(base) && !doublesAConsonant(word, typo);
  }

  /** The dictionary's form of a word spelt right: as written, or without an inflectional ending ("lektioner": "lektion"). */
  private spelledBase(word: string): string | undefined {
    if (this.isDictionaryWord(word)) return word;
    const ending = INFLECTION_ENDING.exec(word)?.[0];
    const base = ending === undefined ? undefined : word.slice(0, -ending.length);
    return base !== undefined && base.length >= MIN_NEAR_WORD && this.isDictionaryWord(base) ? base : undefined;
  }

  /** Whether a close spelling is two slips from a compound of words spelt right and changes its last word. */
  private changesLastWord(word: string, typo: string): boolean {
    const [written, meant] = [foldDiacritics(word), foldDiacritics(typo)];
    if (editDistance(written, meant, 1) <= 1) return false;
    const tail = this.dictionaryCompoundTail(word);
    return tail !== undefined && !meant.endsWith(foldDiacritics(tail));
  }

  /**
   * A word the completion of which only adds a linking -s- and a short word spelt right ("handling|s|plan"): the word is
   * the compound's whole first part. A long last part ("barnavård|s|utredning") is what a writer leaves off.
   */
  private isWholeFirstPart(word: string, completion: string): boolean {
    const rest = completion.slice(word.length);
    return rest.startsWith('s') && this.isDictionaryWord(rest.slice(1));
  }

  /**
   * The known term of the verb whose supine or participle in -t the word is ("sökt": "sök" of "söker"), if the entries write
   * its present tense; an adjective's neuter ("digitalt") is no supine.
   */
  private supineTerm(word: string): string | undefined {
    if (word.length < MIN_SUPINE || !SUPINE.test(word)) return undefined;
    const base = word.slice(0, -1);
    // Only the present tense in -er: "-a" after the same base is as often an adjective's plural ("digitalt": "digitala").
    const present = `${base}er`;
    if (!this.vocabulary.isWritten(present)) return undefined;
    const term = this.analyzer.canonical(present, { fold: false });
    return this.postings.has(term) ? term : undefined;
  }

  /** A word spelt right: listed in the dictionary as written. */
  private isDictionaryWord(word: string): boolean {
    return this.options.dictionaryWords?.has(word) ?? false;
  }

  private unknownWeight(): number {
    return this.unknownIdf * this.unknownWordFactor;
  }

  private idf(term: string): number {
    return this.postings.get(term)?.idf ?? this.unknownIdf;
  }
}

/** Whether `meant` is `written` with one consonant doubled that was written once ("kalar" → "kallar", "til" → "till"). */
function doublesAConsonant(written: string, meant: string): boolean {
  if (meant.length !== written.length + 1) return false;
  for (let i = 0; i < meant.length - 1; i++) {
    if (meant[i] !== written[i]) return i > 0 && CONSONANT.test(meant[i]!) && meant[i] === meant[i - 1] && meant.slice(i + 1) === written.slice(i);
  }
  return CONSONANT.test(meant[meant.length - 1]!) && meant[meant.length - 1] === meant[meant.length - 2];
}

/** `word` with two neighbouring letters swapped, then with one letter moved two places either way; each spelling once. */
function reorderings(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) if (word[i] !== word[i + 1]) out.add(`${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`);
  for (let i = 0; i + 2 < word.length; i++) {
    out.add(`${word.slice(0, i)}${word[i + 1]}${word[i + 2]}${word[i]}${word.slice(i + 3)}`);
    out.add(`${word.slice(0, i)}${word[i + 2]}${word[i]}${word[i + 1]}${word.slice(i + 3)}`);
  }
  out.delete(word);
  return [...out];
}

/** Whether `written` is `meant` with one letter left out. */
function isOneLeftOutOf(written: string, meant: string): boolean {
  if (meant.length !== written.length + 1) return false;
  let j = 0;
  for (let i = 0; i < meant.length && j < written.length; i++) if (meant[i] === written[j]) j++;
  return j === written.length;
}

/** Whether `written` is `meant` with two of its letters left out. */
function isLeftOutOf(written: string, meant: string): boolean {
  if (meant.length !== written.length + 2) return false;
  let j = 0;
  for (let i = 0; i < meant.length && j < written.length; i++) if (meant[i] === written[j]) j++;
  return j === written.length;
}

/**
 * Whether a close spelling has every å, ä and ö the writer typed ("förstått" is not "fortsatt"; "förhandsbedomnig" may be
 * "förhandsbedömning"). A key struck twice types the letter once ("förhandsbedöömning"), and å, ä and ö sit next to each
 * other on the keyboard, so one typed for another is still a letter with a mark ("misstönker" for "misstänker").
 */
function keepsTypedLetters(written: string, meant: string): boolean {
  const typed = written.replace(DOUBLED_ACCENTED_LETTER, '$1');
  for (const letter of typed.match(ACCENTED_LETTER) ?? []) {
    if (typed.split(letter).length <= meant.split(letter).length) continue;
    if (!SWEDISH_MARKED.test(letter) || isNeighbourMarkSwap(typed, meant)) continue;
    return false;
  }
  return true;
}

/** Whether `meant` is `written` with one of å/ä/ö typed as another (neighbouring keys), the same length and no other change. */
function isNeighbourMarkSwap(written: string, meant: string): boolean {
  if (written.length !== meant.length) return false;
  const diff = [...written].flatMap((ch, i) => (ch === meant[i] ? [] : [i]));
  return diff.length === 1 && SWEDISH_MARKED.test(written[diff[0]!]!) && SWEDISH_MARKED.test(meant[diff[0]!]!);
}

/** The word of time ("efter", "under") a word follows, over an article or "att vi har" ("efter en anmälan"), if any. */
function phaseBefore(words: readonly string[], i: number): string | undefined {
  let j = i - 1;
  for (let skipped = 0; skipped < MAX_PHASE_FILLERS && j >= 0 && PHASE_FILLERS.has(words[j]!); skipped++) j--;
  if (j < 0) return undefined;
  // "medans" is how many write "medan".
  const word = words[j] === 'medans' ? 'medan' : words[j]!;
  return PHASE_WORDS.has(word) ? word : undefined;
}

/** The word after "någon"/"något" that a verb of having comes shortly before ("Har sektionen någon drop-in-tid?"). */
function isAskedThing(words: readonly string[], i: number): boolean {
  if (!ASKED_THING.has(words[i - 1] ?? '')) return false;
  return words.slice(Math.max(0, i - 1 - HAVING_VERB_DISTANCE), i - 1).some((w) => HAVING_VERBS.has(w));
}

/** The word right after the question word ("Vem betalar …", "Hur bokar jag …"), a subject pronoun allowed before it. */
function isAskedVerb(words: readonly string[], i: number): boolean {
  const before = SUBJECT_PRONOUNS.has(words[i - 1] ?? '') && i >= 2 ? words[i - 2] : words[i - 1];
  return before !== undefined && QUESTION_WORDS.has(before) && (i === 1 || i === 2);
}

// A word capitalised after another word, a comma, a bracket or a quote: not at the start of a sentence.
const MID_SENTENCE_CAPITALISED = /(?<=[\p{L}\p{N},;]\s+|[(/"”]\s*)\p{Lu}\p{Ll}+(?![\p{L}\p{N}])/gu;

/** The words a question capitalises in mid-sentence (lower-cased): names of products, places or people, not the words they look like. */
function namesIn(question: string): Set<string> {
  const out = new Set<string>();
  for (const match of question.matchAll(MID_SENTENCE_CAPITALISED)) out.add(match[0].toLocaleLowerCase('sv'));
  return out;
}

/**
 * Words written as abbreviations: a full stop right after them, then more text that is not a new sentence,
 * or a question mark or comma ("under utr.?").
 */
function abbreviationsIn(question: string): Set<string> {
  const out = new Set<string>();
  for (const match of question.toLocaleLowerCase('sv').matchAll(/(?<!\p{L})(\p{L}{2,})\.(?=\p{L}|\s*[-–]|\s+\p{Ll}|\s+\d|[?!,)]|$)/gu)) out.add(match[1]!);
  return out;
}

function searchableText(entry: KnowledgeEntry): string {
  return [entry.title, entry.keywords.join(' '), entry.questions.join(' '), entry.body, legalText(entry), sectionText(entry), documentText(entry)].join('\n');
}

/**
 * How staff name the source document ("Östermalmsrapporten", "Stockholms stads rapport 2020"): every entry from it
 * shares the name, so the rest of the question chooses among them.
 */
function documentText(entry: KnowledgeEntry): string {
  return entry.source.document.named.join('\n');
}

/** The last step of the source section's path ("Bakgrund", "Telefontider"): the document's own name for the topic. */
function sectionText(entry: KnowledgeEntry): string {
  const steps = entry.source.section.split(/\s+[–-]\s+/);
  return steps[steps.length - 1]!;
}

/** The entry's legal references as words ("14 kap. 1 § SoL (2001:453)"): staff ask which act and chapter. */
function legalText(entry: KnowledgeEntry): string {
  return entry.legal.map((l) => `${l.ref} ${l.act} ${l.note ?? ''}`).join('\n');
}


/** Stop words of three or four letters without their last letter, where that is no stop word itself ("för" → "fö"). */
function cutStopWordsOf(analyzer: SwedishAnalyzer): ReadonlySet<string> {
  const cut = new Set<string>();
  for (const word of analyzer.stopWordList()) {
    if (word.length >= MIN_CUT_STOP_WORD && word.length <= MAX_CUT_STOP_WORD && !analyzer.isStopWord(word.slice(0, -1))) cut.add(word.slice(0, -1));
  }
  return cut;
}

/** Per example question, the entry it belongs to (from where each entry's examples begin). */
function docOfExamples(firstOfDoc: Int32Array): Int32Array {
  const docOf = new Int32Array(firstOfDoc[firstOfDoc.length - 1]!);
  for (let doc = 0; doc + 1 < firstOfDoc.length; doc++) docOf.fill(doc, firstOfDoc[doc]!, firstOfDoc[doc + 1]!);
  return docOf;
}

/** The total weight of the terms whose bits are set, added up in the terms' order. */
function weightCovered(terms: readonly QueryTerm[], bits: number): number {
  let weight = 0;
  for (let bit = 0; bit < terms.length; bit++) if ((bits & (1 << bit)) !== 0) weight += terms[bit]!.weight;
  return weight;
}

/** The per-question working arrays of a retriever over `n` entries. */
function scratchFor(n: number): Retriever['scratch'] {
  return {
    score: new Float64Array(n),
    termBits: new Uint32Array(n),
    touched: new Int32Array(n),
    isCandidate: new Uint8Array(n),
    heapDocs: new Int32Array(RERANK_DEPTH),
    heapScores: new Float64Array(RERANK_DEPTH),
  };
}

function termFrequencies(
  entry: KnowledgeEntry,
  analyzer: SwedishAnalyzer,
  weights: RankingOptions['fieldWeights'],
  englishTerms?: (text: string) => string[],
): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  let length = 0;
  const add = (text: string, weight: number) => {
    for (const term of analyzer.terms(text)) {
      tf.set(term, (tf.get(term) ?? 0) + weight);
      length += weight;
    }
    // The coordinated names ("barn- och utbildningsförvaltningen") and the phases named ("efter utredningen") count too,
    // without lengthening the entry.
    for (const term of analyzer.coordinatedTerms(text)) tf.set(term, (tf.get(term) ?? 0) + weight);
    const words = analyzer.words(text);
    words.forEach((word, i) => {
      const phase = phaseBefore(words, i);
      if (phase === undefined || analyzer.isStopWord(word)) return;
      const term = `${phase}>${analyzer.canonical(word)}`;
      tf.set(term, (tf.get(term) ?? 0) + weight);
    });
  };
  add(entry.title, weights.title);
  add(entry.keywords.join(' '), weights.keywords);
  add(entry.questions.join(' '), weights.questions);
  add(entry.body, weights.body);
  add(legalText(entry), weights.body);
  add(sectionText(entry), weights.body);
  add(documentText(entry), weights.body);
  // The English summary, for English questions only: its terms are marked as English and leave the length
  // (and so the ranking of Swedish questions) as it was.
  if (englishTerms && entry.english) for (const term of englishTerms(entry.english)) tf.set(term, (tf.get(term) ?? 0) + weights.body);
  return { tf, length };
}

/**
 * The best `k` (entry, score) pairs seen, in a min-heap over preallocated arrays: the worst kept pair is
 * at the root, so a pair that cannot make the top costs one comparison. Ties go to the earlier entry.
 */
class TopK {
  private size = 0;

  constructor(
    private readonly docs: Int32Array,
    private readonly scores: Float64Array,
  ) {}

  /** Keeps a pair if it is among the best `k` so far: most pairs are turned away by one comparison with the root. */
  offer(doc: number, score: number): void {
    if (this.size === this.docs.length && (this.size === 0 || !this.worse(this.docs[0]!, this.scores[0]!, doc, score))) return;
    this.keep(doc, score);
  }

  /** Adds a pair to a heap not yet full, or puts it in place of the root (the worst kept pair). */
  private keep(doc: number, score: number): void {
    const capacity = this.docs.length;
    if (this.size < capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(doc, score, this.docs[parent]!, this.scores[parent]!)) break;
        this.docs[i] = this.docs[parent]!;
        this.scores[i] = this.scores[parent]!;
        i = parent;
      }
      this.docs[i] = doc;
      this.scores[i] = score;
      return;
    }
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= capacity) break;
      const right = left + 1;
      const child = right < capacity && this.worse(this.docs[right]!, this.scores[right]!, this.docs[left]!, this.scores[left]!) ? right : left;
      if (!this.worse(this.docs[child]!, this.scores[child]!, doc, score)) break;
      this.docs[i] = this.docs[child]!;
      this.scores[i] = this.scores[child]!;
      i = child;
    }
    this.docs[i] = doc;
    this.scores[i] = score;
  }

  /** The kept pairs, best first. */
  sorted(): { doc: number; score: number }[] {
    const out: { doc: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** True when pair a ranks below pair b. */
  private worse(docA: number, scoreA: number, docB: number, scoreB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && docA > docB);
  }
}
