import { z } from 'zod';
import type { Contacts } from '../municipality/contacts.js';
import type { WordLookup } from '../municipality/compact-word-set.js';
import { describeSource, shortSource, type EntrySituation, type KnowledgeEntry } from './knowledge-entry.js';
import type { KnowledgeBase } from './load-knowledge.js';
import { findAddedContent, type AddedContentKind } from './model-output-check.js';
import type { EnglishLexicon } from './search/english-lexicon.js';
import { AnswerComposer, COUNT_WORDS, countOf, type ComposedPart } from './answer-composer.js';
import { answeredAt } from './call-time.js';
import { numberWordAlternation } from './number-words.js';
import { askedThingOf } from './asked-thing.js';
import { alternationOf, builtInQuestionWords, type QuestionWords } from './question-words.js';
import { citedDocumentOf, documentAskedAbout, documentAskedDateOf, documentDateText } from './document-question.js';
import { asksForContactDetail, contactFact, readContactQuestion, type ContactFact, type ContactQuestion } from './contact-question.js';
import { SWEDISH_MODALS, asksToCompare, doneThingOf, shapeOf, withoutComparingWords, withoutSelfIntroduction, withoutWhereDefined, type QuestionShape } from './question-shape.js';
import { Retriever, type AnalyzedQuery, type QueryTerm, type RetrievalHit, type RetrieverIndex } from './search/retriever.js';
import { foldDiacritics, type SwedishAnalyzer } from './search/swedish-analyzer.js';
import { stemSwedish } from './search/swedish-stemmer.js';

/** Where a statement in an answer comes from. `index` is the `[n]` marker in the text. */
export interface Citation {
  readonly index: number;
  readonly id: string;
  readonly title: string;
  /** Document and section, as shown to the user. */
  readonly source: string;
  /** Document and section in a few words, for a compact source list. */
  readonly shortSource: string;
  readonly lastReviewed: string;
  /** The entry's text, for citation pop-ups. */
  readonly excerpt: string;
}

/** A reply to a question: a cited answer, or a clear statement that the routines have none. */
export interface Answer {
  readonly kind: 'answer' | 'no-answer';
  readonly text: string;
  readonly citations: readonly Citation[];
  /** True when a language model phrased the text. */
  readonly aiGenerated: boolean;
}

/** A passage handed to a phraser: the entry text it may use, numbered as its citation. */
export interface Passage {
  readonly index: number;
  readonly title: string;
  readonly text: string;
}

/** Port: something that rewrites retrieved passages into a short answer (a language model). */
export interface AnswerPhraser {
  phrase(question: string, passages: readonly Passage[], signal: AbortSignal): Promise<string>;
}

/** Port: where the answerer reports what happened, without the user's words. */
export interface AnswerEvents {
  /**
   * The model's text was not used. `detail` is a refusal reason (MODEL_OUTPUT_REFUSED) or an error
   * name: never the model's or the user's text.
   */
  modelFallback(code: string, detail: string): void;
}

/** Tunables of the answerer; the defaults were set with `npm run eval:qa` on the blind dev split. */
export interface AnswererOptions {
  readonly phraser?: AnswerPhraser;
  readonly phraserTimeoutMs?: number;
  readonly events?: AnswerEvents;
  /** Least share of the question's weight (unknown words included) the best entry must cover. */
  readonly minCoverage?: number;
  /** Retrieval's weights of unknown compounds and their parts (for tools that study them). */
  readonly retrieval?: { readonly unknownCompoundFactor?: number; readonly compoundPartFactor?: number; readonly verbFormFactor?: number };
  /** The relevance gate's other thresholds (for tools that study it). */
  readonly gate?: Partial<RelevanceGate>;
  readonly english?: EnglishLexicon;
  readonly commonWords?: ReadonlySet<string>;
  readonly weakWords?: ReadonlySet<string>;
  readonly dictionaryWords?: WordLookup;
  /** The fixed word lists questions are read with; the built-in question-words.yaml when absent. */
  readonly questionWords?: QuestionWords;
  /** The retrieval index built before for the same entries and language files (the start snapshot's). */
  readonly retrievalIndex?: RetrieverIndex;
  /**
   * Port: whether a message tells of akut oro for a child (violence, abuse, honour-related control in the family).
   * The composition root wires in triage's detector; without it no message is read as akut.
   */
  readonly acuteConcern?: (text: string) => boolean;
}

/** When the best entry is good enough to answer with. */
export interface RelevanceGate {
  /** Coverage plus this much of the example-question match must reach minCoverage… */
  readonly questionMatch: number;
  /** …and the entry's matched weight must reach this many times the weight of the words the routines lack… */
  readonly unknownRatio: number;
  /**
   * …and the entry must share at least one word this telling with the question (not only "barn",
   * "förskolan", "vårdnadshavare"), or be this close to one of its question forms.
   */
  readonly tellingWord: number;
  readonly tellingQuestion: number;
}
/** A subordinate clause that tells the situation of the question asked before it. */
const SITUATION_CLAUSE = /\s(?:när|nar|om|ifall|eftersom|innan|medan|efter att|if|because)\s/iu;
/** A question that opens with its question word, so that what it asks comes first. */
const WH_QUESTION = /^\s*(?:vem|vilka|vilken|vilket|vad|hur|var|varför|varfor|who|what|which|how|where|why)\s/iu;
const DEFAULT_GATE: RelevanceGate = { questionMatch: 0.5, unknownRatio: 1.3, tellingWord: 0.8, tellingQuestion: 0.5 };
// A short yes/no question is answered only by an entry covering this share of it, or this close to one of its questions.
const YES_NO_MIN_COVERAGE = 0.42;
const YES_NO_CLOSE_QUESTION = 0.6;
// A second entry joins a one-part question when it scores this close to the best and adds words it lacks.
const RELATED_SCORE_RATIO = 0.9;
const RELATED_NEW_WEIGHT = 0.15;
// …or, without adding words, when it scores this close: the question does not tell the two apart.
const TIED_SCORE_RATIO = 0.95;
const MAX_ENTRIES = 3;
// An entry of another document that compares the same things is shown beside the best when it scores this much of it.
const COMPARED_ELSEWHERE_RATIO = 0.6;
// The yes/no claims of this many of the best entries are considered, besides those of the entries used.
const RELATED_CLAIM_HITS = 3;
// "Hur går det med utredningen om eleven …?": a question about one case's progress.
// Both are matched on the question without å/ä/ö, as staff also write it ("hur gar det med …", "vem ar …").
const CASE_STATUS = /\bhur\s+gar\s+det\s+(med|for)\b/i;
// "Vad heter socialchefen?", "Vem är sektionschef där just nu?", "Vilka är ordförande i år?", "Vem är enhetschef för …?", "Vem är rektor på …?": the name of whoever holds a
// post, which the routines never give (they name roles, not people; a chef is a post, not a role another role holds); "e" is
// how staff write "är" in a hurry ("vem e sektionschef …"). Who
// must do something now ("Vilka är skyldiga att anmäla i år?") asks about the routines, not for a name.
const WHO_HOLDS_POST =
  /\bvad\s+heter\s+(?!det\b)|\b(?:vem|vilka)\s+(?:ar|e)\s+(?![a-z]*skyldig[a-z]*\b|tvungn?a?\b|ansvarig[a-z]*\b)[^?]*\b(?:just\s+nu|med\s+namn|i\s+ar|for\s+tillfallet|nuvarande)\b|\bvem\s+(?:ar|e)\s+(?:var\s+|er\s+|den\s+nya\s+|den\s+|dess\s+|ny\s+)?[a-z]*chef(?:en)?\b(?!\s+(?:skyldig|tvungen|ansvarig|ratt|den\s+som)\b)|\bvem\s+(?:ar|e)\s+(?:rektor|kurator|skolskoterska|skollakare|skolpsykolog|psykolog|specialpedagog)n?\s+(?:pa|for|i|vid)\s|\bwhat\s+is\s+the\s+name\s+of\b|\bwho\s+is\s+(?:the\s+|our\s+|your\s+)?(?:[a-z]+\s+)?(?:head|manager|director|chief|principal|headteacher|counsell?or|nurse)\s+(?:of|for|at)\b/i;
// "Vilka förskolor hör till …?", "Which schools are in …?": a question for the schools of a group or an area.
const ASKS_WHICH_SCHOOLS = /(?<![\p{L}])(?:vilka|which)\s+(?:\p{L}+\s+)?(?:skolor|skolorna|förskolor|förskolorna|forskolor|forskolorna|grundskolor|grundskolorna|schools|preschools)(?![\p{L}])/iu;
// "Vem är …?", "Who is …?": a question for one person ("Vem är med …?" asks who takes part, which roles do; "Vem är
// ansvarig för att kalla …?" asks whose task something is, which the routines say). "Who currently chairs …?", "Vem
// leder … just nu?" ask for whoever holds the post today, as "Vem är …?" does ("Who now handles …?" asks whose task it is).
const ASKS_WHO_IS =
  /^\s*(?:vem\s+(?:är|ar|e)|who\s+is|who\s+(?:currently|presently|now)\s+(?:leads|chairs|heads|runs)|vem\s+(?:leder|basar)(?=[^?]*(?<![\p{L}])(?:just\s+nu|för\s+tillfället|for\s+tillfallet)(?![\p{L}])))(?![\p{L}])(?!\s+(?:med|with|ansvarig\p{L}*)(?![\p{L}]))/iu;
// "… Norr eller Södra?", "… Norr or Södra?": a question which of two.
const EITHER_OR = /(?<![\p{L}])(?:eller|or)(?![\p{L}])/iu;
// "Hur blir man jourhem?", "Hur gör jag för att bli kontaktfamilj?", "How do I become …?": how to become something (a
// foster home, a contact family), which is recruitment, not the routines (matched without å/ä/ö). "Hur blir man kallad/
// delaktig …?" (a participle or an adjective) asks something else, and so does "Hur blir en anmälan/ett barn …?" (what
// happens to it): only a person or a family becomes something.
const BECOMES = /\b(?:hur\s+blir\s+(?:man|jag|vi|ni|en\s+familj)|hur\s+(?:gor|kan)\s+(?:man|jag|vi|ni)(?:\s+for\s+att)?\s+bli|how\s+(?:do|can|does)\s+(?:i|we|you|one|a\s+family)\s+become)\s+(?:en\s+|ett\s+|a\s+|an\s+)?(?![a-z]*(?:ad|at|ade|ig|igt|lig|ligt|d|t|en|ed)\b)[a-z]{4,}/i;
// "Vilken paragraf/vilket kapitel …?": a question for where in an act, not which act; and a paragraph cited in a text.
const ASKS_PARAGRAPH = /\b(?:kapitel|kap|paragraf\p{L}*|lagrum\p{L}*|chapter|paragraph)\b/iu;
const PARAGRAPH = /\d+\s*(?:kap\.?|§)/u;
// An act named by its SFS number ("2025:400"): a question for its paragraph needs an entry that cites that act.
const SFS_NUMBER = /(?<!\d)(1[89]\d\d|20\d\d):(\d{1,4})(?!\d)/g;
// A title that is itself a definition question ("Vad är ett samtycke?") is about what follows.
const DEFINITION_TITLE = /^(vad är|vad menas med|vad betyder)\s+(en\s+|ett\s+)?/i;
// The entry of the akut routine, which every pack has (its REQUIRED_ENTRY_IDS): what to do when a child is at risk now.
const AKUT_ORO_ENTRY = 'akut-oro';
// A story sentence telling that socialtjänsten investigates now ("soc utreder redan", "utredningen har pågått", "har en
// utredning igång"; the words telling it is under way or has ended are lists of question-words.yaml).
const INVESTIGATES = /(?<![\p{L}])utred(?:er|s)(?![\p{L}])/iu;
const INVESTIGATION = /(?<![\p{L}])utredning\p{L}*/iu;
// How many entries are compared when the whole message and its question sentences are ranked together.
const LONG_MESSAGE_CANDIDATES = 8;
const QUESTION_SENTENCE_WEIGHT = 0.35;
// Of the weight of a long message's unknown words, the share an entry must match when only its question sentences pass.
const LONG_MESSAGE_UNKNOWN_SHARE = 0.25;
// How many entries a long message's story is tried against to see whether it tells a topic of the routines.
const STORY_CANDIDATES = 5;
// A story whose words the routines lack more than this share of (by weight) tells of something else.
const STORY_UNKNOWN_SHARE = 0.6;
// A question that ends pointing back at the story ("Vem kan svara på det?", "Vad gäller då?") asks about the story.
const POINTS_BACK = /(?<![\p{L}])(?:det|detta|dessa|de|dom|dem|då|da|så|sådant|sådana|dit|that|this|it|then)\s*[?.!]*\s*$/iu;
// "… med på det mötet?", "… i den blanketten?": a demonstrative before the last noun points back at a thing the story named.
const NAMES_BACK = /(?<![\p{L}])(?:det|den|detta|denna|dessa|samma|that|this|these|those)\s+(?:\p{L}+\s+)?\p{L}+\s*[?.!]*\s*$/iu;
// "Vart ska vi tipsa honom att vända sig?", "Vem hjälper till med sånt?", "Vad gör vi fram till dess?": a pronoun that
// stands for someone or something the story told, wherever in the question sentences it stands.
const REFERS_BACK = /(?<![\p{L}])(?:henne|honom|dem|dom|sånt|sådant|sådan|sådana|dess)(?![\p{L}])/iu;
// Of the best entry's score for a long message, the share a close entry whose title names what its question sentences
// ask must have to come first; and the weight of a word of theirs that names a topic in a title (not "utredning" alone).
const TITLE_ASKED_SCORE_RATIO = 0.7;
const TITLE_ASKED_WEIGHT = 1.5;
// The least share of the best entry's score for the message alone that such an entry, close on the blend, must have.
const TITLE_ASKED_MESSAGE_RATIO = 0.5;
// "det samtycket", "den anmälan", "det mötet": a demonstrative before a noun in its definite form names back a thing
// already spoken of ("det gäller", "det gälla" are verbs).
const NAMED_BACK = /(?<![\p{L}])(?:det|den|dessa|samma)\s+(\p{L}{2,}(?:et|en|an|na))(?![\p{L}])/iu;
// "Vad säger lagen om X?", "What does the act say about X?": what is said about a thing, X; not
// "Vad säger rutinen om vi …?", where "om" opens a condition.
// An entry naming what is said about is preferred to a better-scoring one about the document alone when this close.
const SAID_ABOUT_SCORE_RATIO = 0.6;
const SAID_ABOUT_CANDIDATES = 10;
const SAYS_ABOUT =
  /^\s*(?:vad|hur)\s+(?:säger|sager|skriver|anger)\s+\S.*?\s+om\s+(?!(?:jag|vi|man|ni|du|de|dom|han|hon|hen|det|den)\s)([^?.!]+)|^\s*what\s+(?:does|do)\s+\S.*?\s+say\s+about\s+([^?.!]+)/iu;
// "… och vilket nummer når man dem på?", "… and what is their number?": a personal pronoun in a later part of a question stands
// for someone the parts before named ("det", "den" mostly stand for nothing: "vad är det för nummer").
const PRONOUN_BACK = /(?<![\p{L}])(?:de|dem|dom|deras|hen|hens|han|hans|hon|hennes|they|them|their)(?![\p{L}])/iu;
// "… och vilka sitter där?", "… och hur når vi dem?": a later part that names its thing only by a pronoun that is never an
// article ("den", "de" are: "de lokala grupperna") or by "där"/"dit" is about what the parts before named.
const POINTER_BACK = /(?<![\p{L}])(?:dem|hen|hens|han|hans|hon|hennes|där|dar|dit|them|there)(?![\p{L}])/iu;
// "Kan det hållas digitalt?", "Hur ofta träffas de?": question sentences that ask of a thing the story before them named.
const GAP_POINTER_BACK = /(?<![\p{L}])(?:det|den|de|dem|dom|detta|denna|dessa|hen|han|hon|där|dar|dit)(?![\p{L}])/iu;
// "… och hur lämnas den?", "… om vi faxar den?": "den" last in a part stands for a thing named before (not an article).
const PRONOUN_LAST = /(?<![\p{L}])den\s*[?.!]*\s*$/iu;
// A later part with at most this many words of the routines does not say by itself what it is about.
const LEANING_PART_TERMS = 1;
// The weight a leaning part's search gives the words of the parts before, against its own.
const LEANING_CONTEXT_FACTOR = 0.5;
// Question sentences this close to one of an entry's questions, with no word it lacks, carry what is asked by themselves.
const SELF_CONTAINED_QUESTION_MATCH = 0.6;
const FULL_COVERAGE = 0.999;
// One word does not make a question by itself: "Vart vänder vi oss?", "Vem ska jag ringa?" ask about the story.
const MIN_SELF_CONTAINED_TERMS = 2;
// The weight of a word that tells the question sentences' topic by itself (a rare term of the routines).
const OWN_TOPIC_WEIGHT = 2.5;
// The share of its weight an unknown word of a case story keeps (see storyDiscounted).
const CASE_STORY_UNKNOWN_FACTOR = 0.5;
// The share of its weight a story's everyday word keeps when an entry happens to use it (a weak word's).
const STORY_EVERYDAY_FACTOR = 0.3;
// The story is judged clause by clause: "jag är ny och har frågat runt i personalrummet, och jag oroar mig för en elev"
// tells of the writer first and of a child only after the comma.
const STORY_SENTENCE_END = /(?<=[.!?,;])\s+|\s+(?:men|och|fast|så)\s+/u;
// A sentence that goes on about the child by a pronoun ("Hon är jätterädd.") tells of the case too.
const CASE_PRONOUN = /(?<![\p{L}])(?:han|hon|hen)(?![\p{L}])/iu;
// After a sentence of the case, one with "de"/"dem" goes on about its people ("En pappa … Vi är rädda att vi sårar dem.").
const CASE_PLURAL_PRONOUN = /(?<![\p{L}])(?:de|dem|dom|deras)(?![\p{L}])/iu;
// A telephone number written in an entry; what the number is for (the question's words besides those that ask for a
// number, `phone` in question-words.yaml) must be named by the entry when it weighs at least NAMED_THING_WEIGHT
// (everyday words like "skola" weigh less). 112, the emergency number, is a number to call as much as a section's.
const PHONE_NUMBER = /\b\d{3} \d{2,3} \d{2}\b|(?<![\d ])112(?![\d ])/;
const FAX_NUMBER = /fax[^\n\d]{0,20}(?:\d{2,3}-)?\d{3} \d{2,3} \d{2}\b/i;
// Hours in an entry. As for a number, what the hours are for (the question's words besides those that ask for hours,
// `time` in question-words.yaml) must be named by the entry ("öppettider för öppna förskolan" are not the mottagning's
// telephone hours), and the entry must give hours: a time of day, a day of the week, or hours in words ("kvällar och
// helger", "dygnet runt"). An entry that only names the place asked about (a local group meeting in Tumba) says nothing
// of when anything there is open.
const HOURS =
  /\b\d{1,2}[.:]\d{2}\b|\bkl\.?\s?\d|(?<![\p{L}])(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|vardag|helg|kväll|natt|dygnet|lunch|telefontid|öppettid)\p{L}*/iu;
const NAMED_THING_WEIGHT = 1;
// "den öppna förskolan", "öppen mottagning": "öppen" before a noun names a kind of place, not the hours asked for, so
// an entry giving hours must name that open place itself. Prepositions and adverbs after "öppet" ("öppet under
// sommaren") leave it a word that asks.
const OPEN_PLACE = /(?<![\p{L}])(?:öppna|öppen|oppna|oppen)\s+(?!(?:under|efter|innan|mellan|sedan|sen|till|idag|ikväll|igen|även|aven|också|ocksa|alltid|hela|alla|varje|nästa|nasta|dagtid|kvällstid|helger|vardagar)(?![\p{L}]))(\p{L}{4,})/iu;
// A word of the question that only one other entry has is partly evidence that the question is about that
// entry's topic: it counts this share of its weight against the best entry, as an unknown word does in full.
const RARE_UNMATCHED_SHARE = 0.3;
// A word of a gap's `asks` with a space in it: a phrase, not a stem.
const GAP_PHRASE = /\s/u;
// A keyword written with a capital and then small letters: a name ("MiniMaria"), not a topic word nor a shortening
// that may read as an English word ("SET").
const NAME = /^\p{Lu}\p{Ll}/u;
const MAX_TELLING_SUMMARIES = 2;
// A term of art that at most this many entries write is what a question using it asks about.
const RARE_PHRASE_ENTRIES = 2;
// Of the best entry's score, the share a close entry that writes the question's coordinated name must have to come first.
const COORDINATED_NAME_SCORE_RATIO = 0.6;
// Of the best entry's score, the share a close entry that writes the question's rare term of art must have to come first.
const TERM_OF_ART_SCORE_RATIO = 0.5;
// "Vad menas med …", "Vad innebär …": a question for the meaning of what follows, wherever it says it is written.
const ASKS_MEANING = /^(?:vad\s+(?:menas\s+med|innebär|innebar|betyder)|what\s+(?:is\s+meant\s+by|does))\s/iu;
const TELLING_NOUN_WEIGHT = 2;
// Below this example-question match, an entry answers only when it covers at least this share of the question.
const UNASKED_QUESTION_MATCH = 0.01;
const UNASKED_MIN_COVERAGE = 0.55;
const UNKNOWN_NUMBER_KIND = /\p{L}{3}(?:numm|nummer|numr|numret|telefon)$/u;
// "Hur många (av) X" ("how many X") opening a question, also after a topic and a dash ("LSG – hur många …?"), not "vem
// bestämmer hur många …": the words counted; and a number with the two words after it in an entry.
const HOW_MANY = /(?:^|[.?!:]\s*|\s[–—-]\s+|\b(?:i|inom|på|in|within)\s+)(?:hur\s+m[åa]nga|how\s+many)\s+(?:av\s+|of\s+)?((?:[\p{L}-]+\s*){1,2})/iu;
// "Kan socialjouren …?", "Får rektorn …?": a yes/no question's modal verb and its one subject after it (an article may come
// between); "Får rektorn och läraren …?" names two, and an entry about either may answer.
const YES_NO_SUBJECT = new RegExp(String.raw`^\s*(?:${SWEDISH_MODALS.join('|')})\s+(?:en\s+|ett\s+)?([\p{L}-]{3,})(?![\p{L}-])(?!\s*(?:(?:och|eller|o|el)(?![\p{L}])|[&/,]))`, 'iu');
// Of the best entry's score, the share a close entry that names the yes/no question's subject must have to come first.
const YES_NO_SUBJECT_SCORE_RATIO = 0.8;
// "Vilka två sätt …?", "de tre parterna": a question that names how many of a thing there are, and the thing.
const NAMED_COUNT = new RegExp(String.raw`(?<![\p{L}\d])(?:vilka|de|dessa|båda|which|the)\s+(${COUNT_WORDS.join('|')}|\d+)\s+([\p{L}-]+)`, 'iu');
// Of the best entry's score, the share an entry that states the named count must have to come first.
const NAMED_COUNT_SCORE_RATIO = 0.5;
const COUNT_AND_WORDS = new RegExp(String.raw`(?<![\p{L}\d])(?:\d+|${numberWordAlternation(2, 20)})(?![\p{L}\d])(?=\s+((?:[\p{L}-]+\s*){1,2}))`, 'giu');
// "… efter beslutet", "… från det att mötet hölls": the point a count of days starts from, which names no step being timed
// ("Inom hur många dagar efter mötet ska protokollet skickas?" times the sending, not the meeting).
// A starting point told as a clause ("… efter det att anmälan kommit in") runs to the clause's end.
const STARTING_POINT = /(?<![\p{L}])(?:efter|från|fran|sedan|after|from|since)\s+(?:(?:det\s+)?att\s+[^,.;:!?]*|(?:(?:en|ett|den|det|the|a|an)\s+)?\p{L}+)/giu;
// The shortest head of a compound that names the compound back ("möt" in "anmälningsmöt").
const MIN_NAMED_HEAD = 3;
const DEFINITE_ENDING = /(?:et|en|na)$/u;
// Where a clause of an entry's sentence ends: the number it holds is of what that clause tells.
const CLAUSE_BREAKS = /[,;:.!?–—]\s+|\s+(?:och|men|samt|eller)\s+/gu;

// "Hur länge …?", "Inom hur lång tid …?", "Hur lång är väntetiden?", "Hur lång väntetid är det …?": a question for a length of time; and a length of time in an entry.
// "hur länge sparas …", "how long is … kept": the passive verb whose duration is asked.
const HOW_LONG_PASSIVE = /\bhur\s+(?:länge|lange)\s+(\p{L}{3,}as)(?!\p{L})/iu;
const HOW_LONG = /\b(?:hur\s+(?:länge|lange|lång\s+tid|lang\s+tid|l[åa]ng\s+(?:är|ar|blir)|snabbt)|inom\s+hur|how\s+(?:long|soon|quickly))\b|(?<![\p{L}])(?:v[äa]ntetid\p{L}*|waiting\s+times?)(?![\p{L}])/iu;
const DURATION = new RegExp(String.raw`(?<![\p{L}\d])(?:\d+|${numberWordAlternation(1, 20, { en: true })})\s+(?:timm(?:e|ar)|dag(?:ar)?|veck(?:a|or)|månad(?:er)?|år)(?![\p{L}])`, 'iu');
// "Vilken mejladress har …?", "postadressen till …", "the e-mail address of …": a question for an address, which only an
// entry that states one (an e-mail address, or a street and number) answers; and such an address in an entry.
const ASKS_ADDRESS = /^\s*(?:vilke[nt]|vad|var|what(?:'s|\s+is)?|which|where)\b.*(?:adress|address)|(?:adress|address)\p{L}*\s+(?:till|för|for|of|hos|at)\s/iu;
const ADDRESS = /[\w.+-]+@[\w-]+\.\w+|(?<![\p{L}])\p{L}+(?:gatan|vägen|torget|gränd|backe|plan)\s+\d+|(?<![\p{L}])box\s+\d+/iu;
// "… om vårdnadshavarna vägrar …?", "får de neka?": a question about someone refusing, which only an entry that tells what
// happens when someone says no (to consent, to information, to a meeting) answers; and such a refusal in an entry
// ("utan samtycke", and as the routine writes it, "utan det samtycket").
const ASKS_REFUSAL = /(?<![\p{L}])(?:v[äa]gra\p{L}*|nekar?|nekade|mots[äa]tter|tackar\s+nej|s[äa]ger\s+nej|avb[öo]j\p{L}*|refuses?|refused)(?![\p{L}])/iu;
const REFUSAL = /(?<![\p{L}])(?:(?:utan|oavsett|inget)\s+(?:\p{L}+\s+)?samtycke(?:t)?|inte\s+(?:\p{L}+\s+){0,2}samtycke\p{L}*|säger\s+nej|nekar?|vägra\p{L}*|inte\s+vill|vill\s+inte|motsätter|tackar\s+nej|avböj\p{L}*|återkalla\p{L}*)(?![\p{L}])/iu;
// "Hur ofta …?" ("how often"): a question for how often something is done; and a frequency in an entry ("fem gånger
// per år", "varje termin", "årligen", "regelbundet").
const HOW_OFTEN = /\b(?:hur\s+ofta|how\s+often)\b/iu;
const FREQUENCY = /(?<![\p{L}])(?:\p{L}+\s+gånger?\s+(?:per|om|i|varje|på)|varje\s+(?:dag|vecka|månad|termin|läsår|år)|per\s+(?:dag|vecka|månad|termin|läsår|år)|varannan|vartannat|årlig\p{L}*|dagligen|veckovis|månadsvis|terminsvis|regelbund\p{L}*|löpande)(?![\p{L}])/iu;
// "Vad ska jag göra …?", "What should we do …?" (matched without å/ä/ö): a question for what to do, which an entry
// that defines a term does not answer when a close candidate tells what to do.
const ASKS_WHAT_TO_DO = /\b(?:vad\s+(?:ska|bor|kan|maste|behover)\s+(?:jag|vi|man|ni)\s+gora|vad\s+gor\s+(?:jag|vi|man|ni)|hur\s+ska\s+(?:jag|vi|man|ni)\s+(?:gora|agera|ga\s+till\s+vaga)|what\s+(?:should|do|can|must)\s+(?:i|we)\s+do|how\s+should\s+(?:i|we)\s+act)\b/i;
const ACTION_SCORE_RATIO = 0.6;
// "Vad gör mottagningssektionen …?", "Vad händer när …?", "What happens …?" (matched without å/ä/ö): a question for what
// happens or what someone else does – not "vad gör vi …?", which asks what to do.
const ASKS_WHAT_HAPPENS = /\b(?:vad\s+(?:gor|hander|sker)\b(?!\s+(?:jag|vi|man|ni|du)\b)|what\s+happens\b|what\s+does\s+(?!(?:i|we)\b)\S+\s+do\b)/i;
// A close candidate written to answer that is preferred when it scores at least this share of the best, among this many.
const PROCESS_SCORE_RATIO = 0.5;
// The one whose doing "vad gör X …?" asks about (read without å/ä/ö).
const DOER = /\bvad\s+gor\s+(?:(?:en|ett|den|det|de)\s+)?([\p{L}-]+)/iu;
/** A question match at which the question says what one of the entry's own questions says, in other words or order. */
const OWN_QUESTION_MATCH = 0.9;
/** "Vad händer om X?", "Om X, vad händer då?": X is the situation whose outcome is asked (the first group, or the second). */
const OUTCOME_OF = /(?:^|[\s,])(?:vad\s+(?:händer|hander|sker)|what\s+happens)(?:\s+(?:då|da|sen|sedan|then))?\s+(?:om|ifall|if)\s+([^?.!]+)|^\s*(?:om|ifall|if)\s+([^,?.!]+),\s*(?:vad\s+(?:händer|hander|sker)|what\s+happens)(?![\p{L}])/iu;
/** How deep the entries are searched for the one that speaks of such a situation. */
const SITUATION_CANDIDATES = 40;
const PROCESS_CANDIDATES = 10;
// A candidate that cites an act is preferred for a question about the law only when it scores this close to the best.
const CITED_SCORE_RATIO = 0.85;
// The names of the months, as the entries write them.
const MONTH_NAMES = 'januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december';
// "(pågår) till juni 2022": an end the entry states answers how long something runs ("Hur länge pågår projektet?"), as a
// duration does; not how long something else takes or is kept.
const RUNS = /(?<![\p{L}])(?:p[åa]g[åa]r?|p[åa]gick|varar?|l[öo]per|h[åa]ller\s+p[åa]|lasts?|runs?)(?![\p{L}])/iu;
const UNTIL_YEAR = new RegExp(String.raw`(?<![\p{L}])(?:till|fram\s+till|t\.o\.m\.?)\s+(?:(?:${MONTH_NAMES})\s+)?(?:19|20)\d{2}(?!\d)`, 'iu');
// How soon, said without a number ("genast", "så snart ni kan", "samma dag"), or until what time of day ("hur länge svarar de?" – "till
// 16.00"): an answer to "hur länge/snabbt …?" too.
const SOON = /\b\d{1,2}[.:]\d{2}\b|(?<![\p{L}])(?:genast|omedelbart|direkt|snarast|så snart|sa snart|samma dag|när som helst|tills vidare|inom \p{L}+ (?:timmar|dagar|veckor))(?![\p{L}])/iu;
// "Vilken månad …?", "När tar de fram …?": a question for a month (or opening with "när"); and a month named in an entry.
const WHICH_MONTH = /^\s*n[äa]r\s|\b(?:vilken\s+m[åa]nad|vilka\s+m[åa]nader|n[äa]r\s+p[åa]\s+[åa]ret|which\s+month|what\s+month)\b/iu;
// "When is …?": the English question for when something is, which WHICH_MONTH does not read.
const ASKS_WHEN_ENGLISH = /^\s*when\s/iu;
const MONTH = new RegExp(String.raw`(?<![\p{L}])(?:${MONTH_NAMES})(?![\p{L}])`, 'iu');
// "Hur långt i förväg …?", "Måste vi boka långt i förväg?", "Hur många dagar innan mötet …?", "How far in advance …?": a
// question for a lead time, which only an entry that states a length of time before something answers ("en vecka innan
// mötet"); a deadline after it ("inom 14 dagar från anmälan") is not one.
const ASKS_LEAD_TIME =
  /\b(?:l[åa]ngt\s+i\s+f[öo]rv[äa]g|hur\s+tidigt|hur\s+m[åa]nga\s+(?:dagar|dygn|veckor|timmar)\s+(?:innan|före|fore|i\s+f[öo]rv[äa]g)|how\s+far\s+in\s+advance|how\s+early|how\s+many\s+(?:days|weeks|hours)\s+(?:before|in\s+advance))(?![\p{L}])/iu;
const LEAD_TIME = new RegExp(String.raw`${DURATION.source}(?:\s+\p{L}+){0,2}\s+(?:före|innan|i\s+förväg|tidigare|in\s+advance|before|ahead)(?![\p{L}])`, 'iu');
// "När är nästa nätverksträff?", "When is the next drop-in?": a question for the date of the next time something happens.
// The routines are standing documents: only an entry that states a calendar date ("den 12 mars", "2026-03-12") answers
// it; how often something happens ("fem gånger per år") does not say when the next time is. "Nästa år" and "nästa gång"
// ask something else ("Vilken månad tas nästa års plan fram?").
const ASKS_NEXT_DATE = /^\s*(?:när|nar)\b[^?.!]*?(?<![\p{L}])(?:nästa|nasta)\s+(?!(?:år|ar|års|ars|gång|gang)(?![\p{L}]))\p{L}|\bwhen\b[^?.!]*?\bnext\s+(?!(?:year|time)\b)\p{L}/iu;
// "Vilka datum börjar läsåret?", "What date is the meeting?": a question for a date, answered likewise only by a stated date.
const ASKS_DATE = /(?<![\p{L}])(?:vilket|vilka|what|which)\s+(?:datum|dates?)(?![\p{L}])/iu;
const CALENDAR_DATE = new RegExp(String.raw`(?<![\p{L}\d])(?:\d{1,2}\s+(?:${MONTH_NAMES})|(?:19|20)\d{2}-\d{2}-\d{2})(?![\p{L}\d])`, 'iu');
// "Vilka exakta frågor har blanketten?", "Vad står det exakt i mallen?", "the exact wording of the form": a question for a
// document's own wording, which the entries tell in their own words and never quote unless they hold a quotation.
const ASKS_EXACT_WORDING =
  /(?<![\p{L}])(?:exakta?\s+(?:fr[åa]gor\p{L}*|formulering\p{L}*|ordalydelse\p{L}*|lydelse\p{L}*|text\p{L}*|ord(?:en)?|rubrik\p{L}*|punkter\p{L}*)|(?:står|star|lyder)\s+(?:det\s+)?exakt|exakt\s+vad\s+(?:det\s+)?(?:står|star)|ordagrann?\p{L}*|ordagrant|exact\s+(?:wording|words|questions|text)|word\s+for\s+word|verbatim)(?![\p{L}])/iu;
const QUOTATION = /[”"“«»][^”"“«»\n]{12,}[”"“«»]/u;
// "… med post eller med bud?": the two alternatives a question asks between, a few words each side of "eller"/"or".
const ALTERNATIVES = /((?:[\p{L}\d-]+\s+){0,2}[\p{L}\d-]+)\s+(?:eller|or)\s+((?:[\p{L}\d-]+\s+){0,2}[\p{L}\d-]+)/iu;
// The share of its weight an unknown word of the alternative the entry does not name keeps (see passesAsAlternative).
const ALTERNATIVE_UNKNOWN_FACTOR = 0.5;
// "Får socialtjänsten hämta …?", "Kan eleven själv välja …?": the verb of the action a may/must question asks about, after
// the modal, its subject (a pronoun or one word) and an adverb of who or when.
const ASKED_ACTION = new RegExp(String.raw`^(?:${SWEDISH_MODALS.join('|')})\s+\p{L}+\s+(?:(?:själv|själva|sjalv|sjalva|också|ocksa|även|aven|alltid)\s+)?(\p{L}+)`, 'iu');
// Where the object of such a verb ends: a clause of its own, or a mark. A degree ("längre än fyra månader") says how
// much of the action, not what it is done to.
const ACTION_OBJECT_END = /[,;:.!?–—]|\s(?:när|nar|om|ifall|eftersom|innan|medan|efter|utan|varför|varfor|då|da|så|sa|och|eller|men|if|when|because|before|after|without)\s|(?:^|\s)\p{L}+\s+(?:än|an|than)\s/iu;
/** "fortsätta att följa upp": the action is the verb after "att". */
const INNER_ACTION = /^\s*att\s+(\p{L}+)/iu;
/** "dra tillbaka", "ta bort": a particle that makes the verb's sense ("dra" alone is pulling; "dra tillbaka" is withdrawing). */
const VERB_PARTICLE = /^\s*(tillbaka|undan|bort|ifrån|ifran)(?![\p{L}])/iu;
// "Kan någon förklara …?", "Kan ni beskriva …?": a request to be told, not an action the question asks about.
const TELLING_VERB = /^(?:förklara|forklara|beskriva|förtydliga|fortydliga)$/iu;
// A number written in letters ("fyra", "fjorton"), which the common-words list holds as everyday words.
const NUMBER_WORD = new RegExp(`^(?:${numberWordAlternation(1, 1000, { en: true })})$`, 'u');
// A candidate that states a length of time is preferred only when it scores this close to the best.
const DURATION_SCORE_RATIO = 0.85;
// How much the words that ask what a thing includes, is for or where it is written weigh ("ingår", "syftet", "står").
const ASKING_WORD_FACTOR = 0;
// "… på surfplattan eller för hand?": "eller" between two ways asked of, split at the first one; not "och/eller" nor English "or".
const ONE_OR = /^(.*?\p{L})\s+eller\s+(\p{L}.*)$/su;
// The unknown words of the alternative the routines lack weigh this share: they name what the answer is not.
const OTHER_ALTERNATIVE_FACTOR = 0.25;
// The entry about the thing whose parts or purpose are asked comes first when it scores this close to the best.
const SUBJECT_SCORE_RATIO = 0.75;
// How much the words naming a document the question cites as where to look weigh, when it asks something besides.
const CITED_DOCUMENT_FACTOR = 0.3;
// An entry from the document a question cites comes first when it scores at least this share of the best.
const CITED_SOURCE_SCORE_RATIO = 0.75;
// A question citing a document in everyday words only names at least this many of them for an entry of it to answer.
const CITED_ASKED_TERMS = 3;
// "Vilket år …?", "Upp till vilken ålder …?": asks for a year or an age, which an entry states as "2011" or "0–17 år".
// The age is matched without å/ä/ö; the year as written, since without them "vilka ar", "vilket ar" are far more often
// "vilka är" ("Vilka är med på …?") than years.
const WHICH_YEAR = /(?<![\p{L}])(?:vilket\s+(?:år|årtal|artal)|vilka\s+år|(?:which|what)\s+year)(?![\p{L}])/iu;
// An entry that states no year or age cannot answer such a question: a runner-up that states one may trail further.
const STATED_VALUE_SCORE_RATIO = 0.75;
const YEAR = /(?<![\d.,:-])(?:19|20)\d{2}(?![\d.,:])/u;
const WHICH_AGE = /(?<![\p{L}])(?:vilken\s+alder|vilka\s+aldrar|hur\s+gaml[at]|aldersgrans(?:en)?|(?:what|which)\s+ages?|how\s+old)(?![\p{L}])/iu;
const AGE = /(?<![\p{L}\d])\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+år(?![\p{L}])/u;
// A word this telling besides a document's name and the date asked makes the question about something the document tells.
const DOCUMENT_OTHER_WEIGHT = 1;
const DOCUMENT_CANDIDATES = 20;
// An e-mail address as an entry would write it.
const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
// The weight of a word that names what an e-mail would send (a rare term of the routines, not a role like "rektor").
const EMAIL_TOPIC_WEIGHT = 2;
const EMAIL_WORD = /(?<![\p{L}])(?:e-?post\p{L}*|mejl\p{L}*|mail\p{L}*)/iu;
// A message of at most this many words is read whole as a question for a contact detail.
const SHORT_CONTACT_QUESTION = 12;
// A word naming what a question asks about ("budget", "prioriterar") this telling must be one the answer's entries have.
const ASKED_THING_WEIGHT = 2.5;

// The text before a sentence's first word: nothing, or the end of a sentence, a line, a quote or a dash before it.
const SENTENCE_START = /(?:^|[.!?:\n])[\s"”'(–-]*$/u;

/** The patterns the answerer reads questions and entries with that are made from lists of question-words.yaml. */
interface WordListPatterns {
  /** A story sentence telling that an investigation is under way ("pågår", "har inletts", "håller på")… */
  readonly underWay: RegExp;
  /** …or that it has ended ("avslutad", "lades ned"). */
  readonly ended: RegExp;
  /** An investigation by someone else than socialtjänsten, or of another kind ("på BUP", "en NPF-utredning", "polisen")… */
  readonly otherInvestigation: RegExp;
  /** …unless the sentence names socialtjänsten too ("soc", "socialsekreteraren"). */
  readonly socialServices: RegExp;
  /** A story sentence telling of something new ("nya blåmärken", "berättade igen", "oroar oss ännu mer"). */
  readonly somethingNew: RegExp;
  /** A question about what the school does or whether it waits ("Vad gör vi nu?", "Räcker det att vi avvaktar?"). */
  readonly actsOrWaits: RegExp;
  /** A question for what something costs or who pays ("Vad kostar …?", "Är det gratis?", "Who pays …?"). */
  readonly asksCost: RegExp;
  /** A sentence that gives a cost or says who bears it. */
  readonly cost: RegExp;
  /** A question for the language something is in or offered in ("På vilka språk …?", "Which language …?"). */
  readonly asksLanguage: RegExp;
  /** A language named ("på svenska och arabiska"). */
  readonly language: RegExp;
  /** Each kind of value only an entry stating one gives: what asks for it and what states it, both read without å/ä/ö. */
  readonly askedKinds: readonly { readonly asks: RegExp; readonly unless?: RegExp; readonly states: RegExp }[];
  /** This or last year or season named ("årets", "i höst"), read without å/ä/ö. */
  readonly currentPeriod: RegExp;
  /** "anmäla sig (till …)": to sign up for something, not to report a concern. */
  readonly signsUp: RegExp;
  /** "Västerås stad", "Ystads kommun", "Region Skåne": a municipality or region named with the word for one. */
  readonly namedAuthority: RegExp;
  /** A Swedish municipality named by its name alone ("i Huddinge", "Nackas"), read without å/ä/ö in lower case. */
  readonly municipality: RegExp;
  /** A municipality whose name is also an everyday word ("Mark", "Boden"), as written with its capital. */
  readonly capitalisedMunicipality: RegExp;
  /** The word for a municipality just after its name (" kommun", " stad"). */
  readonly authorityAfterName: RegExp;
  /** Each municipality of the list by its municipalityKey ("upplands vasby" → "Upplands Väsby"). */
  readonly municipalityByKey: ReadonlyMap<string, string>;
  /** A story telling of a child, a family or the authorities, which is about a case ("en elev berättade …", "soc har …"). */
  readonly casePerson: RegExp;
  /** A concern for a child: a child or family, a concern, or a report of concern named by the noun. */
  readonly concernForChild: RegExp;
  /**
   * "Vi vet inte om det räcker för en anmälan", "osäkra på om vi ska anmäla": what the writer does not know, not what another
   * does not ("mamman vet inte om …"), nor "vet inte om att" (is unaware that …).
   */
  readonly unsureWhetherToReport: RegExp;
  /** Whom a report in the writer's doubt goes to ("anmäla till polisen", "anmäla henne till Skolinspektionen"): group 1. */
  readonly reportedTo: RegExp;
  /** A unit of socialtjänsten a report to it may name, besides the names of socialServices; the whole word. */
  readonly socialServicesUnit: RegExp;
  /** A report named by the verb or the noun. */
  readonly report: RegExp;
  /** A question closing the message that asks what the school can do or how it goes about it ("Vad kan vi göra?", "Hur gör vi?"). */
  readonly asksWhatWeCanDo: RegExp;
  /** … or whom they can talk to about it ("Vem kan vi prata med först?", "Vart ska jag vända mig?"). */
  readonly asksWhomToTalkTo: RegExp;
}

// A place name as a pattern: its words joined by a space or a hyphen, with or without the genitive -s ("Upplands Väsbys").
function placeNamePattern(names: readonly string[], flags: string, form: (name: string) => string = (name) => name): RegExp {
  const alternatives = names.map((name) => form(name).split(/[ -]/u).join(String.raw`[\s-]+`));
  return new RegExp(String.raw`(?<![\p{L}])(?:${alternatives.join('|')})s?(?![\p{L}])`, flags);
}

const patternsByWords = new WeakMap<QuestionWords, WordListPatterns>();

// A municipality's name however it is written: lower case, without å/ä/ö, its words one space apart ("Upplands-Bro", "upplands bro").
function municipalityKey(name: string): string {
  return foldDiacritics(name.toLocaleLowerCase('sv')).replace(/[\s-]+/gu, ' ');
}

// The patterns of one set of lists, built once (the lists are fixed after start).
function wordListPatternsOf(words: QuestionWords): WordListPatterns {
  const cached = patternsByWords.get(words);
  if (cached) return cached;
  // A whole word or phrase of the list(s), not a part of a longer word.
  const whole = (...lists: (readonly string[])[]) => String.raw`(?<![\p{L}])${alternationOf(lists.flat())}(?![\p{L}])`;
  const signUpVerbs = [...new Set(words.signUpVerbs.flatMap((verb) => [verb, foldDiacritics(verb)]))];
  const patterns: WordListPatterns = {
    underWay: new RegExp(whole(words.investigationUnderWay), 'iu'),
    ended: new RegExp(whole(words.investigationEnded), 'iu'),
    otherInvestigation: new RegExp(whole(words.otherInvestigations), 'iu'),
    socialServices: new RegExp(whole(words.socialServices), 'iu'),
    somethingNew: new RegExp(whole(words.somethingNew), 'iu'),
    actsOrWaits: new RegExp(
      String.raw`(?<![\p{L}])(?:${alternationOf([...words.actingWriters, ...words.actingSchools])}\s+(?:\p{L}+\s+){0,2}?${alternationOf(words.actingVerbs)}|${alternationOf(words.actingVerbsBeforeWriter)}\s+${alternationOf(words.actingWriters)})(?![\p{L}])`,
      'iu',
    ),
    asksCost: new RegExp(whole(words.cost, words.askingCost), 'iu'),
    cost: new RegExp(String.raw`(?<![\p{L}])(?:${alternationOf([...words.cost, ...words.statingCost])}|\d+\s*${alternationOf(words.currencies)})(?![\p{L}])`, 'iu'),
    asksLanguage: new RegExp(whole(words.askingLanguage), 'iu'),
    language: new RegExp(whole(words.languages), 'iu'),
    currentPeriod: new RegExp(whole(words.currentPeriod), 'iu'),
    askedKinds: words.askedKinds.map((kind) => ({
      asks: new RegExp(whole(kind.asks.map(foldDiacritics)), 'iu'),
      ...(kind.unless ? { unless: new RegExp(whole(kind.unless.map(foldDiacritics)), 'iu') } : {}),
      states: new RegExp(whole(kind.states.map(foldDiacritics)), 'iu'),
    })),
    signsUp: new RegExp(
      String.raw`(?<![\p{L}])${alternationOf(signUpVerbs)}\s+(?:${alternationOf(words.signUpSubjects)}\s+)?${alternationOf(words.signUpReflexives)}(?![\p{L}])`,
      'iu',
    ),
    namedAuthority: new RegExp(
      String.raw`(?<![\p{L}])(?:(\p{L}{3,})\s+${alternationOf(words.authorityAfterName)}|${alternationOf(words.authorityBeforeName)}\s+(\p{L}{3,}))(?![\p{L}])`,
      'giu',
    ),
    municipality: placeNamePattern(
      words.municipalities.filter((name) => !words.municipalitiesCapitalised.includes(name)),
      'gu',
      (name) => foldDiacritics(name.toLocaleLowerCase('sv')),
    ),
    capitalisedMunicipality: placeNamePattern(words.municipalitiesCapitalised, 'gu'),
    authorityAfterName: new RegExp(String.raw`^\s+${alternationOf(words.authorityAfterName)}(?![\p{L}])`, 'iu'),
    municipalityByKey: new Map(words.municipalities.map((name) => [municipalityKey(name), name])),
    casePerson: new RegExp(whole(words.childOrFamily, words.concern, words.caseAuthorities, words.reporting), 'iu'),
    concernForChild: new RegExp(whole(words.childOrFamily, words.concern), 'iu'),
    unsureWhetherToReport: new RegExp(
      String.raw`(?:(?:(?<![\p{L}])${alternationOf(words.doubtingWriters)}\s+(?:\p{L}+\s+){0,2}|(?:^|[.!?,]\s*))${alternationOf(words.notKnowing)}|(?<![\p{L}])${alternationOf(words.unsure)})` +
        String.raw`\s+(?:om|ifall)\s+(?!att\s)(?:[\p{L}-]+\s+){0,6}?` +
        String.raw`(?:${alternationOf(words.doubted)}|${alternationOf(words.doubtedReporting)}(?!\s+${alternationOf(words.signUpReflexives)}(?![\p{L}])))(?![\p{L}])`,
      'iu',
    ),
    reportedTo: new RegExp(String.raw`(?<![\p{L}])${alternationOf(words.reporting)}\s+(?:\p{L}+\s+){0,2}?till\s+(?:(?:en|ett|den|det)\s+)?(\p{L}+)`, 'gu'),
    socialServicesUnit: new RegExp(String.raw`^${alternationOf(words.socialServicesUnits)}$`, 'u'),
    report: new RegExp(String.raw`(?<![\p{L}])${alternationOf(words.reporting)}`, 'iu'),
    asksWhatWeCanDo: new RegExp(
      String.raw`(?<![\p{L}])${alternationOf(words.askingWhatToDo)}\s+${alternationOf(words.whatToDoVerbs)}\s+${alternationOf(words.actingWriters)}(?:\s+gora)?(?:\s+nu)?\s*[?.!]*\s*$`,
      'iu',
    ),
    asksWhomToTalkTo: new RegExp(
      String.raw`(?<![\p{L}])${alternationOf(words.askingWhom)}\s+(?:\p{L}+\s+)?(?:${alternationOf(words.whomModals)}\s+${alternationOf(words.actingWriters)}\s+${alternationOf(words.talkingVerbs)}|${alternationOf(words.talkingVerbsPresent)}\s+${alternationOf(words.actingWriters)}(?:\s+nu)?\s*[?.!]*\s*$)(?![\p{L}])`,
      'iu',
    ),
  };
  patternsByWords.set(words, patterns);
  return patterns;
}

/** An entry with the forms a contact question searches: its body, the body's digits alone, its title folded. */
interface EntryText {
  readonly entry: KnowledgeEntry;
  readonly body: string;
  readonly digits: string;
  readonly title: string;
}

/** Which entries answer a question, each with the part it answers; `askedParts`: a two-part question's parts, each with its entry. */
interface Plan {
  readonly parts: ComposedPart[];
  readonly shape: QuestionShape;
  readonly asked: () => AnalyzedQuery;
  readonly related: KnowledgeEntry[];
  /**
   * Each part of a question in two parts as written (`asks`) and as searched (`text`: with the parts before it when it points
   * back at them, "… och vilka sitter där?"), with the entry that answers it alone, if one does.
   */
  readonly askedParts?: readonly { readonly asks: string; readonly text: string; readonly entry?: KnowledgeEntry }[];
}

/**
 * What a question asks that the routines do not give (an entry's gap): the whole question, declined with the gap's sentence;
 * or one part of a two-part question, whose sentence `says` follows the answer to the rest (`text`, answered by `plan`).
 */
type GapAsked = { readonly kind: 'declined'; readonly says: string } | { readonly kind: 'part'; readonly says: string; readonly text: string; readonly plan: Plan };

/** Answers questions from the knowledge base; never answers without a passage to cite. */
export class Answerer {
  private readonly retriever: Retriever;
  private readonly composer: AnswerComposer;
  private readonly minCoverage: number;
  private readonly gate: RelevanceGate;
  /** The fixed word lists questions are read with (question-words.yaml). */
  private readonly words: QuestionWords;
  /** The patterns made from those lists. */
  private readonly patterns: WordListPatterns;
  /** Work that depends only on the knowledge base, done once: each entry's title term, the terms of the fixed word lists. */
  private readonly titleTerms = new Map<string, string | undefined>();
  private readonly wordLists = new Map<string, ReadonlySet<string>>();
  private readonly processEntries = new Map<string, boolean>();
  private readonly topicTerms = new Map<string, ReadonlySet<string>>();
  private readonly soleEntryNames = new Map<string, boolean>();
  private placeTerms: ReadonlyMap<string, ReadonlySet<string>> | undefined;
  private allPlaceTerms: ReadonlySet<string> | undefined;
  private localAreaTerms: ReadonlySet<string> | undefined;
  private areaTerms: ReadonlySet<string> | undefined;
  private everydayTerms: ReadonlySet<string> | undefined;
  private currentEntryTexts: readonly EntryText[] | undefined;
  private situationEntries: ReadonlyMap<EntrySituation, string> | undefined;

  constructor(
    private readonly knowledge: KnowledgeBase,
    analyzer: SwedishAnalyzer,
    private readonly options: AnswererOptions = {},
  ) {
    this.words = options.questionWords ?? builtInQuestionWords();
    this.patterns = wordListPatternsOf(this.words);
    this.retriever = new Retriever(knowledge.entries, analyzer, {
      english: options.english,
      commonWords: options.commonWords,
      weakWords: options.weakWords,
      dictionaryWords: options.dictionaryWords,
      unknownWordFactor: 1.5,
      unknownCompoundFactor: options.retrieval?.unknownCompoundFactor ?? 0.5,
      compoundPartFactor: options.retrieval?.compoundPartFactor ?? 0.5,
      verbFormFactor: options.retrieval?.verbFormFactor ?? 0.5,
      ...(options.retrievalIndex ? { index: options.retrievalIndex } : {}),
    });
    this.composer = new AnswerComposer(this.retriever, this.words.olderRoutine, this.words);
    this.minCoverage = options.minCoverage ?? 0.3;
    this.gate = { ...DEFAULT_GATE, ...options.gate };
  }

  /** For tools: the retriever behind the answers. */
  get search(): Retriever {
    return this.retriever;
  }

  /** Retrieval only: the entries an answer would be made from, best first; empty when the routines hold none. */
  relevant(written: string): KnowledgeEntry[] {
    // Read as answer() reads it, slipped function words spelt right.
    const question = this.retriever.respellFunctionWords(written);
    const shape = shapeOf(question, this.words);
    const contact = this.contactReply(question, shape) ?? this.documentDateReply(shape);
    if (contact) return contact.entry ? [contact.entry] : [];
    const plan = this.plan(question, false, shape);
    if (!plan) return [];
    const gaps = this.gapsOf(question, shape, plan);
    if (gaps?.kind === 'declined' || this.lacksAskedKind(gaps?.text ?? shape.clause, gaps?.plan ?? plan)) return [];
    return (gaps?.plan ?? plan).parts.map((p) => p.entry);
  }

  /** The full answer: model-phrased when a phraser is configured and its text checks out, else extractive. */
  async answer(written: string): Promise<Answer> {
    // The question patterns read function words: a slip in one ("elelr") is read as the word.
    const question = this.retriever.respellFunctionWords(written);
    // Read once: the contact, document-date and entry paths all start from the question's shape.
    const shape = shapeOf(question, this.words);
    const contact = this.contactReply(question, shape);
    if (contact) {
      if (!this.options.phraser || !contact.entry) return contact.answer;
      return (await this.tryPhrased(question, [contact.entry])) ?? contact.answer;
    }
    // The date comes from the sources file, not from the entry cited: a model given the entry would not have it.
    const dated = this.documentDateReply(shape);
    if (dated) return dated.answer;
    const plan = this.plan(question, false, shape);
    if (!plan) {
      const elsewhere = this.otherMunicipalityNamed(question);
      return noAnswer(this.knowledge.contacts, elsewhere && otherMunicipalityDecline(this.knowledge.contacts.municipality, elsewhere));
    }
    const gaps = this.gapsOf(question, shape, plan);
    if (gaps?.kind === 'declined') return noAnswer(this.knowledge.contacts, gaps.says);
    // A part of the question asks a gap: the other part is answered as asked alone, and the gap's sentence follows it.
    const answered = gaps?.plan ?? plan;
    if (this.lacksAskedKind(gaps?.text ?? shape.clause, answered)) return noAnswer(this.knowledge.contacts);
    const asked = gaps?.text ?? question;
    const composed = this.composer.compose(answered.parts, answered.shape, answered.asked, answered.related, this.followUpOf(answered.parts), this.settledByHours(asked, answered));
    const unanswered = gaps ? `\n\n${gaps.says}\n\n${askContactLine(this.knowledge.contacts)}` : '';
    const extractive: Answer = { kind: 'answer', text: `${composed.text}${unanswered}`, citations: composed.entries.map(toCitation), aiGenerated: false };
    if (!this.options.phraser) return extractive;
    const phrased = await this.tryPhrased(asked, composed.entries);
    return phrased ? { ...phrased, text: `${phrased.text}${unanswered}` } : extractive;
  }

  /**
   * What of the question asks a gap of the entry that answers it (its `gaps`): the whole question, declined with the gap's
   * sentence; or one part of a question in two parts ("Vilka sitter i ledningsgruppen, och hur ofta träffas de?"), whose
   * sentence then follows the answer to the other part, planned as asked alone. When that other part is not answered alone
   * from an entry the question found, the whole question is declined: no part is answered by an entry it was not asked of.
   */
  private gapsOf(question: string, shape: QuestionShape, plan: Plan): GapAsked | undefined {
    const main = plan.parts[0]!.entry;
    // A part asks a gap by its own words: "… och vilka sitter där?" after "Hur ofta träffas ledningsgruppen" does not ask how
    // often, though it is searched with the part before it (the pronoun may still take one group's word from the question).
    const partGaps = (plan.askedParts ?? []).map((part) => {
      const entries = part.entry && part.entry !== main ? [part.entry, main] : [main];
      return { asks: part.asks, text: part.text, says: entries.map((entry) => this.gapAsked(part.asks, entry, question)).find((says) => says !== undefined) };
    });
    const gapped = partGaps.filter((p) => p.says !== undefined);
    // The gap is asked in the question sentences: a story before them ("Vi har dokumenterat …") asks nothing.
    const whole = gapped.length === 0 ? this.gapAsked(shape.clause, main, question) : undefined;
    if (whole) return { kind: 'declined', says: whole };
    if (gapped.length === 0) return undefined;
    const says = [...new Set(gapped.map((p) => p.says!))].join(' ');
    const rest = partGaps.filter((p) => p.says === undefined);
    if (rest.length === 0) return { kind: 'declined', says };
    const text = rest.map((p) => p.text).join(', och ');
    const restPlan = this.plan(text);
    const found = new Set([...plan.parts.map((p) => p.entry.id), ...(plan.askedParts ?? []).flatMap((p) => (p.entry ? [p.entry.id] : []))]);
    const restMain = restPlan?.parts[0]?.entry;
    const restAsksGap = restMain !== undefined && this.gapAsked(rest.map((p) => p.asks).join(', och '), restMain, question) !== undefined;
    if (!restPlan || !restMain || !found.has(restMain.id) || restAsksGap) return { kind: 'declined', says };
    return { kind: 'part', says, text, plan: restPlan };
  }

  /**
   * "Kan jag ringa mottagningen klockan 17 en onsdag?": a yes or no from the telephone hours, when the question asks
   * whether the line answers at a time it names and is answered by an entry about the mottagningssektion.
   */
  private settledByHours(question: string, plan: { parts: readonly ComposedPart[]; shape: QuestionShape }): 'ja' | 'nej' | undefined {
    if (!plan.shape.yesNo || plan.parts[0]?.entry.contact !== 'mottagningssektion') return undefined;
    return answeredAt(question, this.knowledge.contacts.telephoneHours);
  }

  /**
   * "faxnr till mott. N?", "När stänger mottagningen på fredagar?", "Vad är faxnumret till socialjouren?": a question
   * for a contact detail of a unit the contacts list is answered from the contacts, the detail asked for first and
   * cited to the entry that gives it; a detail the unit has none of is declined, saying what it has and whom to call.
   * Undefined for any other question, and for one that names a unit or topic the routines lack ("mottagningen på BUP").
   */
  private contactReply(question: string, shape: QuestionShape): { answer: Answer; entry?: KnowledgeEntry } | undefined {
    // A short message is read whole: "faxnr mott. syd" is one question, though "mott." may read as a sentence's end.
    const clause = withoutSelfIntroduction(question.trim().split(/\s+/).length <= SHORT_CONTACT_QUESTION ? question : shape.clause);
    // "Vilket nummer har Södra, och när svarar de?" asks two details; "Vilket nummer har Södra, och vad ska vi säga?" asks more.
    if (!(clause === question ? shape : shapeOf(clause, this.words)).parts.every(asksForContactDetail)) return undefined;
    const asked = readContactQuestion(clause, this.knowledge.contacts, this.words.contactAsking);
    if (!asked) return undefined;
    // "När ska vi ringa mottagningen och när socialjouren?" asks of two units: each part is answered by its own entry.
    if (this.asksOfSeveralUnits(clause)) return undefined;
    // "Socialjourens nummer i Göteborg?" asks another municipality's contacts: the answer's path checks the places named.
    const places = this.otherPlaceTerms();
    const analyzed = this.retriever.analyze(clause);
    if (analyzed.terms.some((t) => t.known && places.has(t.term))) return undefined;
    if (asked.unit.kind === 'other' ? asked.unit.person === undefined && this.answersAboutEmail(question, asked) : this.namesOtherTopic(asked, clause)) return undefined;
    const fact = contactFact(asked, this.knowledge.contacts);
    if (fact.kind === 'gap') return { answer: { kind: 'no-answer', text: fact.text, citations: [], aiGenerated: false } };
    // "Har mottagningen fax?" is answered "Ja"; whether the line answers at a time named is for the hours and claims.
    // "Har Norr och Södra samma nummer?" asks more than whether there is one.
    if (asked.yesNo && (/\d/.test(clause) || asked.kinds.some((k) => k === 'hours' || k === 'opens' || k === 'closes') || this.otherTerms(asked, clause).length > 0)) return undefined;
    const entry = this.entryHolding(fact);
    if (!entry) return undefined;
    const composed = this.composer.composeFact(entry, fact.lead, { yes: asked.yesNo, english: analyzed.english });
    return { answer: { kind: 'answer', text: composed.text, citations: [toCitation(entry, 0)], aiGenerated: false }, entry };
  }

  /** Whether the parts of a question for contact details ask of different units (the mottagningssektion and socialjouren). */
  private asksOfSeveralUnits(clause: string): boolean {
    const parts = shapeOf(clause, this.words).parts;
    if (parts.length < 2) return false;
    const units = parts.map((part) => readContactQuestion(part, this.knowledge.contacts, this.words.contactAsking)?.unit.kind);
    return new Set(units.filter((u) => u !== undefined)).size > 1;
  }

  /**
   * "Vilket datum har Kraftsamlings styrdokument?", "Från vilket år är Östermalmsrapporten?": a question for the date of a
   * source document, and nothing else, is answered from the sources file, cited to the document's entry closest to it.
   */
  private documentDateReply(shape: QuestionShape): { answer: Answer; entry: KnowledgeEntry } | undefined {
    const clause = withoutSelfIntroduction(shape.clause);
    const asked = documentAskedDateOf(clause, this.knowledge.sources);
    // "Vilket år blev Kraftsamling ordinarie verksamhet?" asks the date of something the document tells.
    if (!asked || this.retriever.analyze(asked.rest).terms.some((t) => t.weight >= DOCUMENT_OTHER_WEIGHT)) return undefined;
    const fromIt = (entry: KnowledgeEntry) => entry.status === 'current' && entry.source.document.key === asked.source.key;
    const analyzed = this.retriever.analyze(clause);
    const entry = this.retriever.search(analyzed, DOCUMENT_CANDIDATES).find((h) => fromIt(h.entry))?.entry ?? this.knowledge.entries.find(fromIt);
    if (!entry) return undefined;
    const composed = this.composer.composeFact(entry, documentDateText(asked.source), { english: analyzed.english });
    return { answer: { kind: 'answer', text: composed.text, citations: [toCitation(entry, 0)], aiGenerated: false }, entry };
  }

  /** A word of the question besides those naming the unit and the detail that no entry has: the question is about something else. */
  private namesOtherTopic(asked: ContactQuestion, written: string): boolean {
    const terms = this.otherTerms(asked, written);
    // A section named only by a place ("… i Fittja") is asked about only when nothing else is named.
    if (asked.unit.kind === 'mottagning' && asked.unit.byPlaceOnly && terms.length > 0) return true;
    return terms.some((t) => !t.known || this.retriever.entriesWith(t.term) === 0);
  }

  /**
   * For an e-mail address asked of someone the contacts do not list: an entry gives one, or the entry that answers the
   * question tells how something is sent by e-mail ("utlåtandet skickas med post, inte med e-post") – then that entry answers.
   */
  private answersAboutEmail(question: string, asked: ContactQuestion): boolean {
    if (this.knowledge.entries.some((e) => EMAIL_ADDRESS.test(e.body))) return true;
    const main = this.plan(question)?.parts[0]?.entry;
    if (main === undefined || !EMAIL_WORD.test(`${main.body} ${main.keywords.join(' ')}`)) return false;
    // What is sent must be the entry's topic ("utlåtandet"), not only a role it names ("rektorn").
    const terms = this.retriever.entryTerms(main);
    return this.otherTerms(asked, question).some((t) => t.via !== 'english' && t.weight >= EMAIL_TOPIC_WEIGHT && terms.has(t.term));
  }

  /**
   * The terms of the question besides the words that name the unit, the place, the detail and the weekday. Each word left is
   * read as the question `written` it: without its å/ä/ö a word the entries lack ("växel" as "vaxel") may read as one they have.
   */
  private otherTerms(asked: ContactQuestion, written: string): readonly QueryTerm[] {
    let rest = asked.text;
    const spans = [...asked.spans].sort((a, b) => b.length - a.length);
    for (const span of spans) rest = rest.replace(foldDiacritics(span.toLocaleLowerCase('sv')), ' ');
    const asWritten = new Map(written.toLocaleLowerCase('sv').match(/[\p{L}\d-]+/gu)?.map((word) => [foldDiacritics(word), word] as const) ?? []);
    return this.retriever.analyze(rest.replace(/[\p{L}\d-]+/gu, (word) => asWritten.get(word) ?? word)).terms;
  }

  /** The current entry that states the detail: of those giving every value, the one giving most of the unit's, then the shortest. */
  private entryHolding(fact: Extract<ContactFact, { kind: 'fact' }>): KnowledgeEntry | undefined {
    const statesOf = (value: string) => {
      const digits = value.replace(/\D+/g, '');
      const number = /\d{5,}/.test(digits) ? digits.replace(/^0(\d)(?=\d{7})/, '') : undefined;
      return (entry: EntryText) => (number !== undefined ? entry.digits.includes(number) : entry.body.includes(value));
    };
    const all = fact.values.map(statesOf);
    const ofUnit = fact.unitValues.map(statesOf);
    let best: { entry: KnowledgeEntry; count: number } | undefined;
    for (const text of this.entryTexts()) {
      const { entry } = text;
      if (!all.every((states) => states(text))) continue;
      const count = ofUnit.filter((states) => states(text)).length + (text.title.includes(fact.unitWord) ? 0.5 : 0);
      if (!best || count > best.count || (count === best.count && entry.body.length < best.entry.body.length)) best = { entry, count };
    }
    return best?.entry;
  }

  /** Every current entry's body, its digits alone and its title folded, worked out once: a contact question looks in them all. */
  private entryTexts(): readonly EntryText[] {
    this.currentEntryTexts ??= this.knowledge.entries
      .filter((entry) => entry.status === 'current')
      .map((entry) => ({ entry, body: entry.body, digits: entry.body.replace(/\D+/g, ''), title: foldDiacritics(entry.title.toLocaleLowerCase('sv')) }));
    return this.currentEntryTexts;
  }

  /** The id of the entry that answers a situation a message tells (the entry whose `situation` it is), if the pack has one. */
  private entryFor(situation: EntrySituation): string | undefined {
    this.situationEntries ??= new Map(this.knowledge.entries.flatMap((entry) => (entry.situation ? [[entry.situation, entry.id] as const] : [])));
    return this.situationEntries.get(situation);
  }

  /** The entry the answer's main entry names as its followUp, when the answer has room for it and does not use it already. */
  private followUpOf(parts: readonly ComposedPart[]): KnowledgeEntry | undefined {
    const id = parts[0]?.entry.followUp;
    const followed = id === undefined ? undefined : this.knowledge.byId(id);
    if (!followed || followed.status !== 'current' || parts.length >= MAX_ENTRIES || parts.some((p) => p.entry.id === id)) return undefined;
    return followed;
  }

  /**
   * Which entries answer the question, each with the part of the question it answers: the best entry
   * if it passes the gate, the best entry of each part of a two-part question, and a close second.
   */
  private plan(question: string, storyRead = false, shapeRead?: QuestionShape): Plan | undefined {
    // How one child's case is going is for the socialsekreterare to say, not the routines.
    const folded = foldDiacritics(question);
    if (CASE_STATUS.test(folded) || WHO_HOLDS_POST.test(folded) || BECOMES.test(folded)) return undefined;
    if (this.namesUnknownAuthority(question)) return undefined;
    const shape = shapeRead ?? shapeOf(question, this.words);
    // A short question is its own question clause: the same text is analysed once.
    // A word for refusing the routines lack ("neka") is asked through ASKS_REFUSAL below: only an entry that tells what
    // happens when someone says no answers, so the word itself need not be found.
    const refusing = ASKS_REFUSAL.test(shape.clause);
    // A role the question asks about ("As a teacher, do I have to report?") is dropped from what chooses the entry, and kept
    // in what is compared with the entries' yes/no claims, whose brackets name the roles they hold for: each use says which.
    const searchable = (text: string, askedRole: 'keep' | 'drop') => {
      const plain = withoutWhereDefined(withoutComparingWords(withoutSelfIntroduction(text, askedRole)));
      return refusing ? this.withoutUnknownRefusal(plain) : plain;
    };
    const queryText = searchable(question, 'drop');
    const clauseText = shape.clause === question ? queryText : searchable(shape.clause, 'drop');
    // The asking words ("ingår", "står") do not choose the entry, but they still find the sentence that answers ("X omfattar …").
    const wholeQuestion = this.citationDiscounted(queryText, this.retriever.analyze(queryText));
    const query = this.askingDiscounted(shape, this.alternativeDiscounted(shape.clause, wholeQuestion));
    const clause = clauseText === queryText ? query : this.askingDiscounted(shape, this.citationDiscounted(clauseText, this.retriever.analyze(clauseText)));
    // The whole message is judged with the unknown words of a case story weighing less; the question sentences are not.
    const whole = this.storyDiscounted(query, question, shape.clause, clause);
    // A long message whose story names no topic of the routines ("Jag är ny här och har letat i pärmen …") is
    // answered as its question alone: the story's words neither choose the entry nor count against answering.
    // A message that tells of akut oro and asks what to do is answered by the akut routine, whatever else the story
    // names ("steg för steg", "förskolechef", a word the routines lack for who hit the child).
    const acute = !storyRead && this.asksWhatToDoAtAcute(question, shape.clause);
    // A story telling that socialtjänsten already investigates and that something new has come up, asking what to do now,
    // is answered by the entry about exactly that (a new report), whatever else the story names; at akut oro the akut routine follows.
    const newConcern = !storyRead && newConcernDuringInvestigation(question, shape.clause, this.patterns);
    // Staff unsure whether what they see is enough to report, asking what they can do, are answered by consulting socialtjänsten;
    // not at akut oro, where the akut routine is the answer and consulting first would delay it.
    const told: EntrySituation | undefined = newConcern ? 'new-concern-during-investigation' : !acute && unsureWhetherToReport(question, this.patterns) ? 'unsure-whether-to-report' : undefined;
    const situation = told && this.entryFor(told);
    if (!acute && !newConcern && !storyRead && shape.clause !== question.trim() && this.asksAlone(question, shape.clause, clause)) return this.plan(shape.clause, true);
    // A kind of number the routines do not list ("direktnummer", "mobilnumret"): an unknown compound ending in a number word.
    if (clause.terms.some((t) => !t.known && UNKNOWN_NUMBER_KIND.test(t.term))) return undefined;
    const long = shape.clause !== question.trim();
    // A long message's entries are ordered by their blend of message and question-sentence scores: a near tie there is one.
    const blendRanks = new Map<RetrievalHit, number>();
    // The question sentences' own ranking, searched once for the steps of a long message that use it.
    let clauseHits: RetrievalHit[] | undefined;
    const clauseRanked = () => (clauseHits ??= this.retriever.search(clause, LONG_MESSAGE_CANDIDATES));
    const found = this.preferCitedDocument(long ? this.rankLongMessage(whole, clause, shape.clause, clauseRanked, blendRanks) : this.retriever.search(query, 5), clauseText);
    // What the question names moves a close entry that has it first, in this order (a later step has the last word).
    const preferences: ((hits: RetrievalHit[]) => RetrievalHit[])[] = [
      (hits) => this.preferDefinition(hits, shape.defines ?? shape.asksOf?.subject, shape.defines ? 0 : SUBJECT_SCORE_RATIO),
      (hits) => this.preferTermOfArt(hits, shape.defines !== undefined || ASKS_MEANING.test(shape.clause) ? query : undefined),
      (hits) => this.preferCoordinatedName(hits, clauseText),
      (hits) => this.preferCounting(hits, shape.clause),
      (hits) => this.preferNamedCount(hits, shape.clause),
      (hits) => this.preferYesNoSubject(hits, shape),
      (hits) => (long ? this.preferTitleAsked(hits, shape.clause, clause, whole, clauseRanked(), blendRanks) : hits),
      (hits) => (long ? hits : this.preferSaidAbout(hits, shape.clause, query)),
    ];
    const ranked = preferences.reduce((hits, prefer) => prefer(hits), found);
    const unsituated = this.preferAcute(acute, whole, this.preferProcess(preferAction(this.preferCited(preferValueAsked(ranked, shape.clause), shape.number === 'law', query), shape.clause), shape.clause, long ? undefined : query));
    const preferred = this.preferSituation(situation, acute, whole, unsituated);
    const hits = long ? preferred : this.preferAskedAmongTied(preferred, whole);
    const top = hits[0];
    // A situation the routines have an entry for is answered by that entry alone; at akut oro the akut routine follows it.
    const situationTop = situation !== undefined && top?.entry.id === situation;
    const acuteTop = acute && (top?.entry.id === AKUT_ORO_ENTRY || situationTop);
    const answers = (hit: RetrievalHit) =>
      this.passes(hit, whole) || (!long && this.passesAsCited(hit, whole, clauseText)) || (!long && this.passesAsAlternative(hit, whole, clauseText)) || (long && this.asksOfTitledTopic(hit, whole, shape.clause, clause)) || (long && this.passesClause(hit, clause) && (this.tellsEnough(hit, query) || this.asksOwnTopic(hit, shape.clause, clause, query)));
    // The situation chose the entry, not the words: the message is about the routines when the entry its words chose passes,
    // or when the writer's doubt is whether to report, which is what the routines are about, whatever the story's words.
    const wordsChose = situationTop ? unsituated[0] : undefined;
    const doubtsReport = situationTop && told === 'unsure-whether-to-report' && doubtNamesReport(question, this.patterns);
    if (!top || !(acuteTop || doubtsReport || answers(top) || (wordsChose !== undefined && answers(wordsChose)))) return undefined;
    if (!this.answersMainClause(top, shape.clause)) return undefined;
    if (!long && !this.answersWhatIsSaidAbout(top, shape.clause)) return undefined;
    // A yes or no settles what is asked: an entry that covers well under half of a short yes/no question, and is
    // not close to one of its own questions, leaves the part asked ("… hållas digitalt?", "… få ledigt …?") unsaid. A
    // situation told ("…, behöver vi göra något mer?") chose its entry, which says what to do then.
    if (!long && !situationTop && shape.yesNo && top.coverage < YES_NO_MIN_COVERAGE && top.questionMatch < YES_NO_CLOSE_QUESTION) return undefined;
    // "Får vi fotografera …?": the action asked about is an everyday verb no entry uses, so no entry says
    // whether one may; only one whose own question is close to it (saying the action in another word) answers.
    if (!long && shape.yesNo && shape.modal !== undefined && top.questionMatch < YES_NO_CLOSE_QUESTION && this.asksUnwrittenAction(shape.clause)) return undefined;
    // "Får eleven se det skolan har skrivit?" is not answered by an entry about what the guardians may see that shares only
    // "skolan" and "skrivit": when the question names a topic word the entry lacks ("eleven"), the entry must share one
    // too, not only everyday words (the common-words list: "skrivit", "tycker") and words most entries have ("skolan").
    // A term joined from two words ("medan>utredning") says when rather than what: the entry need not have it.
    if (!long && shape.yesNo) {
      const topic = this.topicWords(query);
      if (topic.some((t) => t.via !== 'joined' && !top.matched.includes(t.term)) && !topic.some((t) => top.matched.includes(t.term))) return undefined;
    }
    // A question for one value (how long, how often, a number) asks it of what it names: a word only another entry has
    // ("en tid hos tandläkaren") then counts in full against the best entry, whose value is for something else.
    if (!long && shape.parts.length < 2 && asksForValue(shape) && !this.passes(top, whole, 1)) return undefined;
    // "Hur länge arkiveras utlåtandet?": the duration is of what the passive verb names; an entry that never says it tells another duration.
    if (!long && !this.saysWhatLasts(top, shape.clause)) return undefined;
    if (!this.namesPlacesOf(top, query) || ((shape.yesNo || EITHER_OR.test(shape.clause)) && !this.namesLocalAreasOf(top, clause))) return undefined;
    if (this.asksOfNamedArea(shape.clause, clause)) return undefined;
    const parts: ComposedPart[] = [];
    let askedParts: { asks: string; text: string; entry?: KnowledgeEntry }[] | undefined;
    let tiedEntry: KnowledgeEntry | undefined;
    const add = (entry: KnowledgeEntry, q: AnalyzedQuery) => {
      if (parts.length < MAX_ENTRIES && !parts.some((p) => p.entry.id === entry.id)) parts.push({ entry, query: q });
    };
    // At akut oro the akut routine is the answer to what to do (after the entry on new concern during an investigation, when
    // the story tells of one); the story's other words choose no second entry.
    if (acuteTop || situationTop) {
      add(top.entry, query);
      const akut = acute ? hits.find((h) => h.entry.id === AKUT_ORO_ENTRY) : undefined;
      if (akut) add(akut.entry, query);
    }
    else if (shape.parts.length >= 2) {
      let firstPart: { best: RetrievalHit; hits: readonly RetrievalHit[] } | undefined;
      askedParts = [];
      let answeredParts = 0;
      for (const text of shape.parts) {
        const partShape = shapeOf(text, this.words);
        const before = shape.parts.slice(0, shape.parts.indexOf(text)).join(' ');
        // "… och vilket nummer har de?": a part asking for a number of someone named by a pronoun asks it of whom the parts
        // before named, and is searched with them; the entry must then give a number itself.
        const asksNumberBack = partShape.number === 'phone' && PRONOUN_BACK.test(text);
        // Any other part that points back so is searched with them too (in a long message the story already says what it is).
        const pointsBack = asksNumberBack || (!long && before !== '' && POINTER_BACK.test(text));
        // A later part that leans on the ones before ("… och vem kallar till mötena?", "… vad gör soc då?") is searched with
        // their words too, weighing less than its own: its best entry is one about what they named.
        const leansBack = !pointsBack && !long && before !== '' && !asksToCompare(shape.clause) && this.leansBack(text);
        const searched = pointsBack ? `${before} ${text}` : text;
        // A part's own asking words ("Vad händer på …", "Vad är syftet med …") name no topic, as the whole question's do not.
        const partQuery = leansBack ? this.withContextOf(text, before) : this.askingDiscounted(partShape, this.retriever.analyze(searched));
        // In a long message each part is about the story told ("… familjen är med. Hur planerar vi ett sånt möte?"): among
        // the part's close entries, the one that also fits the whole message comes first.
        // A part asking for a value is answered by the close entry that states it (below), not by the whole question's best.
        // A leaning part asks something more of what the parts before named: of its close entries, one they have not found yet.
        const partHits = long
          ? this.rankPartOfStory(partQuery, whole)
          : asksForValue(partShape)
            ? this.retriever.search(partQuery, 5)
            : leansBack
              ? notFoundBefore(this.retriever.search(partQuery, 5), parts)
              : bestOfWholeInTie(this.retriever.search(partQuery, 5), ranked[0]);
        // A part asking for a value ("…, och hur länge får utredningen pågå?") is answered by an entry that states one, as a
        // question asking only that is.
        const best = this.preferDefinition(this.namingBack(preferValueAsked(partHits, text), text, before, top), partShape.defines)[0];
        const answering = best && this.passes(best, partQuery) ? best : undefined;
        askedParts.push({ asks: text, text: searched, ...(answering ? { entry: answering.entry } : {}) });
        if (!answering || !best) continue;
        // The part that asks for a number is answered only with a number for what it names.
        const numberQuery = asksNumberBack ? this.retriever.analyze(text) : partQuery;
        if (partShape.number === 'phone' && !this.hasNumberFor([{ entry: best.entry, query: numberQuery }], numberQuery)) return undefined;
        // The words before chose a leaning part's entry; its sentences are those that answer the part's own words.
        add(best.entry, leansBack ? this.retriever.analyze(text) : partQuery);
        answeredParts += 1;
        if (text === shape.parts[0]) firstPart = { best, hits: partHits };
      }
      if (!parts.some((p) => p.entry.id === top.entry.id)) {
        // The question's best entry leads, unless each part found its own entry and the first part's ranks it below a near tie with
        // its own: then that entry answers what is asked first, and the best entry for the words of both parts comes after.
        const topForFirst = firstPart?.hits.find((h) => h.entry.id === top.entry.id)?.score ?? 0;
        const firstPartLeads = !long && firstPart !== undefined && answeredParts === shape.parts.length && topForFirst < firstPart.best.score * TIED_SCORE_RATIO;
        parts.splice(firstPartLeads ? 1 : 0, 0, { entry: top.entry, query });
      }
      if (parts.length > MAX_ENTRIES) parts.length = MAX_ENTRIES;
    } else {
      add(top.entry, query);
      const second = hits[1];
      const close = second !== undefined && second.score >= top.score * RELATED_SCORE_RATIO;
      // A second entry the question does not tell from the best (a near tie) is shown too: the question may mean either.
      // An entry that names its own companion (followUp) gets that one instead. In a long message a tied entry passes as
      // the best one did: for the whole message or its question sentences.
      const blendTie = second !== undefined && (blendRanks.get(second) ?? 0) >= (blendRanks.get(top) ?? Infinity) * TIED_SCORE_RATIO;
      const tied = second !== undefined && !top.entry.followUp && (second.score >= top.score * TIED_SCORE_RATIO || blendTie);
      if (second && close && this.passes(second, query) && addsWeight(second, top, query) >= RELATED_NEW_WEIGHT) add(second.entry, query);
      else if (second && tied && (this.passes(second, whole) || (long && this.passesClause(second, clause)))) tiedEntry = second.entry;
    }
    const otherComparing = !acuteTop && !long && asksToCompare(shape.clause) ? this.otherDocumentComparing(top, hits, shape.clause) : undefined;
    if (otherComparing) add(otherComparing.entry, query);
    if (top.entry.status === 'superseded' && top.entry.supersededBy) {
      const current = this.knowledge.byId(top.entry.supersededBy);
      if (current) add(current, query);
    }
    // In a long message the number asked for is named in the question, not in the story around it.
    if (shape.number === 'phone' && shape.parts.length < 2 && !this.hasNumberFor(parts, long ? clause : query)) return undefined;
    if (shape.number === 'time' && shape.parts.length < 2 && !this.namesWhatItIsFor(parts, long ? clause : query, HOURS, this.words.time)) return undefined;
    if (shape.number === 'time' && shape.parts.length < 2 && !namesOpenPlace(parts, shape.clause)) return undefined;
    if (!acuteTop && this.sharesOnlySending(top, query)) return undefined;
    // A one-part question's thing is the best entry's to speak of: an entry shown beside it does not make it the answer.
    if (!acuteTop && !this.speaksOfAskedThing(shape.parts.length < 2 ? parts.slice(0, 1) : parts, shape.clause)) return undefined;
    if (!acuteTop && shape.parts.length < 2 && !this.namesDoneThing(parts[0]!, shape.clause)) return undefined;
    // "Hur lång tid tar det att få en tid hos tandläkaren?": entries that lack what the question times tell how long something else takes.
    if (!acuteTop && !long && HOW_LONG.test(shape.clause) && this.timesSomethingElse(top, hits.filter((h) => parts.some((p) => p.entry.id === h.entry.id)), query)) return undefined;
    if (!this.hasCountFor(parts, shape.clause)) return undefined;
    if (!acuteTop && !long && !this.speaksOfSituation(parts, shape.clause)) return undefined;
    if (!acuteTop && !long && shape.yesNo && shape.modal !== undefined && shape.parts.length < 2) {
      // A near tie may be what the question means: it may be the one that speaks of the action.
      const answering = hits.filter((h) => h.entry.id === tiedEntry?.id || parts.some((p) => p.entry.id === h.entry.id));
      if (!this.speaksOfAction(top, answering, shape.clause)) return undefined;
    }
    if (shape.number !== 'time' && HOW_LONG.test(shape.clause) && !parts.some((p) => DURATION.test(p.entry.body) || SOON.test(p.entry.body) || (RUNS.test(shape.clause) && UNTIL_YEAR.test(p.entry.body)))) return undefined;
    if (ASKS_LEAD_TIME.test(shape.clause) && !parts.some((p) => LEAD_TIME.test(p.entry.body))) return undefined;
    if (ASKS_ADDRESS.test(shape.clause) && !parts.some((p) => ADDRESS.test(p.entry.body))) return undefined;
    if (ASKS_REFUSAL.test(shape.clause) && !parts.some((p) => REFUSAL.test(p.entry.body))) return undefined;
    if (HOW_OFTEN.test(shape.clause) && !parts.some((p) => FREQUENCY.test(p.entry.body))) return undefined;
    // "Vilket år startade teamet?" is answered only by an entry that states a year: one without any tells something else of it.
    if (WHICH_YEAR.test(shape.clause) && !this.statesYearAsked(parts, shape.clause)) return undefined;
    if (this.patterns.asksCost.test(shape.clause) && !parts.some((p) => this.patterns.cost.test(p.entry.body))) return undefined;
    // "På vilka språk finns …?" is answered only by an entry that names a language: "tala samma språk" names none.
    if (this.patterns.asksLanguage.test(shape.clause) && !parts.some((p) => this.patterns.language.test(p.entry.body))) return undefined;
    // "Hur anmäler man sig?" asks how to sign up: entries about reporting a concern share the word, not the sense.
    if (this.patterns.signsUp.test(shape.clause) && !parts.some((p) => this.patterns.signsUp.test(p.entry.body))) return undefined;
    if ((ASKS_NEXT_DATE.test(shape.clause) || ASKS_DATE.test(shape.clause)) && !parts.some((p) => CALENDAR_DATE.test(p.entry.body))) return undefined;
    if (ASKS_EXACT_WORDING.test(shape.clause) && !parts.some((p) => QUOTATION.test(p.entry.body))) return undefined;
    if (shape.number === 'law' && !citesActsNamed(parts, shape.clause)) return undefined;
    // "Vilken paragraf …?" needs an entry that cites one: an entry without legal references has no paragraph to give.
    if (shape.number === 'law' && ASKS_PARAGRAPH.test(shape.clause) && !parts.some((p) => p.entry.legal.length > 0 || PARAGRAPH.test(p.entry.body))) return undefined;
    // The tied entry is shown beside the answer; it does not make a question answerable that the answer itself is not.
    if (tiedEntry) add(tiedEntry, query);
    // What is asked, everyday words kept, is compared with the entries' yes/no claims: only a yes/no question needs it.
    const asked = () => this.retriever.analyze(searchable(shape.clause, 'keep'), { keepEverydayWords: true });
    const sentencesOf = (part: ComposedPart) => (part.query === query ? { ...part, query: wholeQuestion } : part);
    // The situation told settles what the answer is: another entry's yes/no claim ("… vänta … för att få stöd?") does not lead it.
    const related = situationTop ? [top.entry] : hits.slice(0, RELATED_CLAIM_HITS).map((h) => h.entry);
    return { parts: parts.map(sentencesOf), shape, asked, related, ...(askedParts ? { askedParts } : {}) };
  }

  /**
   * "Hur skiljer sig X från Y?": when an entry of another document than the best one's also has every word the question
   * compares (the question's known words, as written, but the comparing ones), as the best does, and scores at least
   * COMPARED_ELSEWHERE_RATIO of it, the two documents each draw the line in their own words: the other's is shown too.
   */
  private otherDocumentComparing(top: RetrievalHit, hits: readonly RetrievalHit[], clause: string): RetrievalHit | undefined {
    const compared = this.retriever.analyze(withoutComparingWords(clause)).terms.filter((t) => t.known && t.via === 'word').map((t) => t.term);
    if (compared.length < 2 || !compared.every((term) => top.matched.includes(term))) return undefined;
    return hits.find(
      (h) =>
        h !== top &&
        h.entry.source.document.key !== top.entry.source.document.key &&
        h.score >= top.score * COMPARED_ELSEWHERE_RATIO &&
        compared.every((term) => h.matched.includes(term)),
    );
  }

  /**
   * The message tells of akut oro for a child (the acuteConcern port) and its question asks what to do about it: not
   * what to do with something the routines lack ("Vad ska vi göra med lönerevisionen?"), which is named right after.
   */
  private asksWhatToDoAtAcute(question: string, clause: string): boolean {
    if (this.options.acuteConcern === undefined) return false;
    const folded = foldDiacritics(clause);
    const asks = ASKS_WHAT_TO_DO.exec(folded);
    if (!asks) return false;
    const after = folded.slice(asks.index + asks[0].length);
    const situation = SITUATION_CLAUSE.exec(after);
    const object = situation === null ? after : after.slice(0, situation.index);
    return !this.retriever.analyze(object).terms.some((t) => !t.known) && this.options.acuteConcern(question);
  }

  /**
   * At akut oro, the akut routine's entry comes first, even when the message shares no word with it: the detector read
   * the story ("hennes bror hotar henne … skicka iväg henne") in words no entry uses.
   */
  private preferAcute(acute: boolean, whole: AnalyzedQuery, hits: RetrievalHit[]): RetrievalHit[] {
    if (!acute || hits[0]?.entry.id === AKUT_ORO_ENTRY) return hits;
    const entry = this.knowledge.byId(AKUT_ORO_ENTRY);
    if (!entry) return hits;
    const found = hits.find((h) => h.entry.id === AKUT_ORO_ENTRY) ?? this.retriever.search(whole, LONG_MESSAGE_CANDIDATES).find((h) => h.entry.id === AKUT_ORO_ENTRY);
    const akut: RetrievalHit = found ?? { entry, score: 0, coverage: 0, knownCoverage: 0, matchedWeight: 0, questionMatch: 0, matched: [] };
    return [akut, ...hits.filter((h) => h.entry.id !== AKUT_ORO_ENTRY)];
  }

  /**
   * A message telling a situation the routines have an entry for (new concern while socialtjänsten already investigates;
   * unsure whether to report): that entry comes first, even when the story's words ("utan mat", "bråk hemma") rank others
   * higher; at akut oro the akut routine comes second.
   */
  private preferSituation(id: string | undefined, acute: boolean, whole: AnalyzedQuery, hits: RetrievalHit[]): RetrievalHit[] {
    if (id === undefined || hits[0]?.entry.id === id) return hits;
    const entry = this.knowledge.byId(id);
    if (!entry || entry.status !== 'current') return hits;
    const found: RetrievalHit = hits.find((h) => h.entry.id === id) ??
      this.retriever.search(whole, DOCUMENT_CANDIDATES).find((h) => h.entry.id === id) ?? { entry, score: 0, coverage: 0, knownCoverage: 0, matchedWeight: 0, questionMatch: 0, matched: [] };
    const akut = acute ? hits.filter((h) => h.entry.id === AKUT_ORO_ENTRY) : [];
    return [found, ...akut, ...hits.filter((h) => h.entry.id !== id && !akut.includes(h))];
  }

  /**
   * "… och vad omfattar det samtycket?": a part that names back a thing of the question before it ("det samtycket", "den
   * anmälan") is about that thing, and only an entry that has its word answers the part (not one sharing "omfattar").
   * The thing must have been named in the parts before (`before`); when the question's best entry (`top`) is about it,
   * the part asks more of that entry, which the answer has already.
   */
  private namingBack(hits: RetrievalHit[], part: string, before: string, top: RetrievalHit): RetrievalHit[] {
    const named = NAMED_BACK.exec(part)?.[1];
    if (named === undefined) return hits;
    const term = this.retriever.analyze(named).terms.find((t) => t.known)?.term;
    if (term === undefined) return hits;
    // The thing as named before: the same word, or a compound ending in it ("skyddsbedömningen … den bedömningen").
    const asNamed = this.retriever.analyze(before).terms.filter((t) => t.known && (t.term === term || t.term.endsWith(term))).map((t) => t.term);
    if (asNamed.length === 0) return hits;
    const about = (h: RetrievalHit) => h.matched.includes(term) || asNamed.some((t) => h.matched.includes(t));
    return about(top) ? hits.filter((h) => h.entry.id === top.entry.id) : hits.filter(about);
  }

  /**
   * Whether a later part of a question leans on the parts before: it ends on a word pointing back ("… vad gör soc då?",
   * "… om vi faxar den?") or names too little to stand alone ("vem kallar till mötena": the meetings are those the part
   * before named; "hur ska den helst lämnas").
   */
  private leansBack(part: string): boolean {
    const folded = foldDiacritics(part);
    if (POINTS_BACK.test(folded) || PRONOUN_LAST.test(folded)) return true;
    return this.retriever.analyze(part).terms.filter((t) => t.known).length <= LEANING_PART_TERMS;
  }

  /** The part's words, and those of the parts before it does not have, at LEANING_CONTEXT_FACTOR of their weight. */
  private withContextOf(part: string, before: string): AnalyzedQuery {
    const own = this.retriever.analyze(part);
    const context = this.retriever.analyze(before).terms.filter((t) => t.known && !own.terms.some((o) => o.term === t.term));
    return reweighed(own, [...own.terms, ...context.map((t) => ({ ...t, weight: t.weight * LEANING_CONTEXT_FACTOR }))]);
  }

  /** The text without the words for refusing that no entry has ("neka", "avböja"): the refusal gate asks for them. */
  private withoutUnknownRefusal(text: string): string {
    return text.replace(new RegExp(ASKS_REFUSAL.source, 'giu'), (word) => (this.retriever.analyze(word).terms.some((t) => !t.known) ? ' ' : word));
  }

  /**
   * The terms of the words that name a cited document and of the words that cite ("enligt", "från": they only say that a
   * document follows); neither names a topic. `asks`: a known term of the question that is neither, what it asks besides.
   */
  private citedDocumentTerms(words: readonly string[]): { naming: ReadonlySet<string>; citing: ReadonlySet<string>; asks: (term: QueryTerm) => boolean } {
    const naming = new Set(this.retriever.analyze(words.join(' ')).terms.filter((t) => t.known).map((t) => t.term));
    const citing = this.wordListTerms(this.words.citing);
    return { naming, citing, asks: (t) => t.known && !naming.has(t.term) && !citing.has(t.term) };
  }

  /**
   * A question that cites the document to look in ("… enligt överenskommelsen mellan barn- och utbildningsförvaltningen
   * och socialförvaltningen?") and asks something besides: the words naming the document say where to look, not what is
   * asked, so they weigh less and the asked words choose among the entries.
   */
  private citationDiscounted(text: string, query: AnalyzedQuery): AnalyzedQuery {
    const words = citedDocumentOf(text, this.knowledge.sources)?.words ?? [];
    if (words.length === 0) return query;
    const { naming, citing, asks } = this.citedDocumentTerms(words);
    if (!query.terms.some((t) => asks(t) && t.weight >= this.gate.tellingWord)) return query;
    const terms = query.terms.map((t) =>
      citing.has(t.term) ? { ...t, weight: 0 } : naming.has(t.term) ? { ...t, weight: t.weight * CITED_DOCUMENT_FACTOR } : t,
    );
    return reweighed(query, terms);
  }

  /**
   * "Vad ingår i en skyddsbedömning?", "Vad syftar en utredning till?", "Var står det hur länge vi ska vänta?": the words that ask
   * what a thing includes, what it is for or where something is written name no topic, so they count for nothing and the
   * thing asked about chooses the entry (an entry that happens to say "ingår" or "står" is not about it).
   */
  private askingDiscounted(shape: QuestionShape, query: AnalyzedQuery): AnalyzedQuery {
    const words = shape.asksOf?.words;
    if (words === undefined) return query;
    const asking = new Set(this.retriever.analyze(words).terms.map((t) => t.term));
    if (!query.terms.some((t) => asking.has(t.term))) return query;
    const terms = query.terms.map((t) => (asking.has(t.term) ? { ...t, weight: t.weight * ASKING_WORD_FACTOR } : t));
    return reweighed(query, terms);
  }

  /**
   * "Skriver vi utlåtandet på surfplattan eller för hand?": when one of two ways asked of is a word the routines have and
   * the other only words they lack, an entry that lists the known way among its keywords answers which of the two holds;
   * the unknown words of the other way then weigh less. Without such an entry ("på Zoom eller på plats") nothing changes.
   */
  private alternativeDiscounted(clauseText: string, query: AnalyzedQuery): AnalyzedQuery {
    const sides = ONE_OR.exec(clauseText.replace(/[?!.]+\s*$/u, ''));
    if (!sides || /\b(?:och\/eller|eller\s+eller)\b/iu.test(clauseText) || query.english) return query;
    const [before, after] = [this.retriever.analyze(sides[1]!).terms, this.retriever.analyze(sides[2]!).terms];
    const unknown = (terms: readonly QueryTerm[]) => new Set(terms.filter((t) => !t.known).map((t) => t.term));
    // The side with unknown words only is the way the routines lack; the other side's own known words name the way they know.
    const [lacking, knownSide, otherSide] = unknown(after).size === 0 ? [unknown(before), after, before] : unknown(before).size === 0 ? [unknown(after), before, after] : [new Set<string>(), [], []];
    const way = knownSide.filter((t) => t.known && !otherSide.some((o) => o.term === t.term)).map((t) => t.term);
    if (lacking.size === 0 || way.length === 0) return query;
    const terms = query.terms.map((t) => (!t.known && lacking.has(t.term) ? { ...t, weight: t.weight * OTHER_ALTERNATIVE_FACTOR } : t));
    const discounted = reweighed(query, terms);
    const top = this.retriever.search(discounted, 1)[0]?.entry;
    const keywords = top ? new Set(this.retriever.analyze(top.keywords.join(', ')).terms.map((t) => t.term)) : new Set<string>();
    return way.some((term) => keywords.has(term)) ? discounted : query;
  }

  /**
   * A long message tells a situation and then asks: an entry must fit both. Entries are ranked by their
   * score for the whole message plus their score for the question sentences, each relative to the best.
   */
  private rankLongMessage(query: AnalyzedQuery, clause: AnalyzedQuery, clauseText: string, clauseRanked: () => RetrievalHit[], ranks?: Map<RetrievalHit, number>): RetrievalHit[] {
    const ranked = this.retriever.search(query, LONG_MESSAGE_CANDIDATES);
    // Question sentences without a telling word ("Vad säger rutinen om det?") name no topic: the story chooses. Nor do
    // they when they name what they ask about by a pronoun for the story's person or thing ("Vart ska vi tipsa honom att
    // vända sig?"): their other words ("vända sig") are said of the story, and ranked alone they pick entries that only share them.
    if (REFERS_BACK.test(clauseText) || !clause.terms.some((t) => t.known && t.weight >= this.gate.tellingWord)) return ranked;
    return blendRelative(ranked, clauseRanked(), ranks);
  }

  /**
   * The story of a long message may lift an entry above the one whose title names what its question sentences ask
   * ("… hans föräldrar vill inte att skola och soc talar med varandra om honom. Vad gäller när vi saknar samtycke?" lifts
   * an entry on feedback after a report above the one titled on samtycke). A close entry (TITLE_ASKED_SCORE_RATIO of the best's score) comes first when its
   * title has more of the question sentences' topic words than the best's, the question sentences by themselves score
   * it at least as high as the best, and it passes. Only question sentences that ask (a question word or a question
   * mark) choose so: a fragment left after a full stop ("… tills utr. är klar.") asks nothing.
   */
  private preferTitleAsked(hits: RetrievalHit[], clauseText: string, clause: AnalyzedQuery, whole: AnalyzedQuery, own: RetrievalHit[], blendRanks: ReadonlyMap<RetrievalHit, number>): RetrievalHit[] {
    const top = hits[0];
    if (!top || !(WH_QUESTION.test(clauseText) || clauseText.trim().endsWith('?'))) return hits;
    const asked = clause.terms.filter((t) => t.known && t.weight >= TITLE_ASKED_WEIGHT).map((t) => t.term);
    const named = (hit: RetrievalHit) => {
      const title = this.retriever.termsOf(hit.entry.title);
      return asked.filter((term) => title.has(term)).length;
    };
    const ownScore = (hit: RetrievalHit) => own.find((h) => h.entry.id === hit.entry.id)?.score ?? 0;
    // Where the message and its question sentences were blended, closeness is measured on that blend, which ordered them;
    // the message alone must still give the entry half the best's score, or the question sentences alone would choose it.
    const closeness = (hit: RetrievalHit) => blendRanks.get(hit) ?? hit.score;
    const messageClose = (hit: RetrievalHit) => hit.score >= TITLE_ASKED_MESSAGE_RATIO * top.score;
    return closeFirst(
      hits,
      TITLE_ASKED_SCORE_RATIO,
      (h) => h !== top && messageClose(h) && named(h) > named(top) && ownScore(h) >= ownScore(top) && (this.passes(h, whole) || this.passesClause(h, clause)),
      closeness,
    );
  }

  /** A part of a long message's question: its entries ranked by their score for the part plus a share of their score for the whole message. */
  private rankPartOfStory(part: AnalyzedQuery, whole: AnalyzedQuery): RetrievalHit[] {
    return blendRelative(this.retriever.search(part, LONG_MESSAGE_CANDIDATES), this.retriever.search(whole, LONG_MESSAGE_CANDIDATES * 2));
  }

  /**
   * The question sentences of a long message name their own topic: the entry is their best, and they share with
   * it a word heavy enough to tell a topic by itself ("skyddsbedömning", "faxnummer"), not only "kontakta" or "göra".
   * Then words of the story the routines lack do not make the message about something else.
   */
  private asksOwnTopic(hit: RetrievalHit, clauseText: string, clause: AnalyzedQuery, query: AnalyzedQuery): boolean {
    // The story's words (the message's less its question's) must not be mostly words the routines lack.
    // A question pointing back at the story asks about it, and a story mostly in words the routines lack is about
    // something else ("Vi planerar en klassresa … Vem kan svara på det?").
    if (POINTS_BACK.test(clauseText) || query.unknownWeight - clause.unknownWeight > STORY_UNKNOWN_SHARE * (query.totalWeight - clause.totalWeight)) return false;
    const own = this.retriever.search(clause, 1)[0];
    return own !== undefined && own.entry.id === hit.entry.id && this.tellingWeight(own, clause) >= OWN_TOPIC_WEIGHT;
  }

  /**
   * The clauses of a story that tell of a child or a family say what was seen and said in words the routines never
   * use ("magen", "morbror"): those words weigh less as evidence that the message is about something else. Words of
   * the question sentences, and of the story's other clauses ("intranätet", "pärmen"), keep their full weight.
   */
  private storyDiscounted(query: AnalyzedQuery, question: string, clauseText: string, clause: AnalyzedQuery): AnalyzedQuery {
    if (clauseText === question.trim()) return query;
    const sentences = withoutSelfIntroduction(question.replace(clauseText, ' ')).split(STORY_SENTENCE_END);
    const tellsOfCase = (_: string, i: number) => tellsOfTheCase(sentences, i, this.patterns);
    const unknownIn = (text: string) => this.retriever.analyze(text).terms.filter((t) => !t.known).map((t) => t.term);
    const kept = new Set([...clause.terms.map((t) => t.term), ...sentences.filter((s, i) => !tellsOfCase(s, i)).flatMap(unknownIn)]);
    const told = new Set(sentences.filter(tellsOfCase).flatMap(unknownIn));
    // The everyday words that some entry happens to use ("vi fick olika svar", "frågan dök upp") in the sentences that tell
    // how the writer came to ask, not of the case, weigh as weak words, unless the question sentences say them too.
    const clauseTerms = new Set(clause.terms.map((t) => t.term));
    const everyday = this.everydayTermsIn(sentences.filter((s, i) => !tellsOfCase(s, i)).join(' '));
    if (told.size === 0 && everyday.size === 0) return query;
    const factorOf = (t: QueryTerm) => {
      if (t.known) return everyday.has(t.term) && !clauseTerms.has(t.term) ? STORY_EVERYDAY_FACTOR : 1;
      return kept.has(t.term) || !told.has(t.term) ? 1 : CASE_STORY_UNKNOWN_FACTOR;
    };
    return reweighed(query, query.terms.map((t) => (factorOf(t) === 1 ? t : { ...t, weight: t.weight * factorOf(t) })));
  }

  /** The known terms of the everyday words (the common-words list) written in a text; number words are values, not everyday words. */
  private everydayTermsIn(text: string): Set<string> {
    const words = text.toLocaleLowerCase('sv').match(/\p{L}+/gu) ?? [];
    const everyday = words.filter((word) => this.options.commonWords?.has(word) && !NUMBER_WORD.test(word));
    return new Set(everyday.flatMap((word) => this.retriever.analyze(word).terms.filter((t) => t.known).map((t) => t.term)));
  }

  /**
   * "Vad är X?" is best answered by the entry about X – the one whose title opens with it – rather than by
   * one that only mentions X ("Vem är anmälningsskyldig?" for "Vad innebär anmälningsskyldighet?"). With `minRatio`, only
   * an entry scoring at least that share of the best: a question for what X includes or is for asks more than what X is.
   */
  private preferDefinition(hits: RetrievalHit[], defines: string | undefined, minRatio = 0): RetrievalHit[] {
    if (!defines) return hits;
    const subject = this.retriever.analyze(defines).terms.find((t) => t.known)?.term;
    if (!subject) return hits;
    const least = minRatio * (hits[0]?.score ?? 0);
    const opensWith = (hit: RetrievalHit) => hit.score >= least && this.titleTermOf(hit.entry) === subject;
    // A title that is itself the definition question ("Vad är ett samtycke?") comes before others about X.
    const about = hits.find((h) => DEFINITION_TITLE.test(h.entry.title) && opensWith(h)) ?? hits.find(opensWith);
    return about && about !== hits[0] ? [about, ...hits.filter((h) => h !== about)] : hits;
  }

  /**
   * "Vad säger styrdokumentet om läxhjälp på fritids?": a question that names the document to look in and asks in
   * everyday words only is answered by an entry of that document that has every one of those words (at least
   * CITED_ASKED_TERMS of them) and passes the gate but for a telling word: the document named tells where to look.
   */
  private passesAsCited(hit: RetrievalHit, query: AnalyzedQuery, clause: string): boolean {
    const cited = citedDocumentOf(clause, this.knowledge.sources) ?? documentAskedAbout(clause, this.knowledge.sources);
    if (cited === undefined || hit.entry.source.document.key !== cited.source.key) return false;
    const { asks } = this.citedDocumentTerms(cited.words);
    const asked = query.terms.filter(asks);
    return asked.length >= CITED_ASKED_TERMS && asked.every((t) => hit.matched.includes(t.term)) && this.passes(hit, query, RARE_UNMATCHED_SHARE, 0);
  }

  /**
   * "Ska blanketten fyllas i för hand eller i ett digitalt system?": a question which of two ways, whose entry names one of
   * them, is answered by that entry (it is the way, or it is not); the other way's words the routines lack say what the
   * asker thought of instead, and weigh ALTERNATIVE_UNKNOWN_FACTOR of their weight. Only when the entry names a word of
   * one alternative and none of the other's is known to it.
   */
  private passesAsAlternative(hit: RetrievalHit, query: AnalyzedQuery, clause: string): boolean {
    const alternatives = ALTERNATIVES.exec(clause);
    if (alternatives === null) return false;
    const [one, other] = [alternatives[1]!, alternatives[2]!].map((side) => this.retriever.analyze(side).terms);
    const names = (side: readonly QueryTerm[]) => side.some((t) => t.known && hit.matched.includes(t.term));
    const unknownOf = (side: readonly QueryTerm[]) => new Set(side.filter((t) => !t.known).map((t) => t.term));
    const lacking = names(one!) && !names(other!) ? unknownOf(other!) : names(other!) && !names(one!) ? unknownOf(one!) : new Set<string>();
    if (lacking.size === 0) return false;
    const terms = query.terms.map((t) => (lacking.has(t.term) ? { ...t, weight: t.weight * ALTERNATIVE_UNKNOWN_FACTOR } : t));
    const reweighted = reweighed(query, terms);
    return this.passes({ ...hit, coverage: hit.matchedWeight / reweighted.totalWeight }, reweighted);
  }

  /**
   * "Vad säger Kraftsamlings styrdokument om X?", "… enligt överenskommelsen?": the document cited is where to look, so an
   * entry taken from it comes first when it has more of the asked words (those besides the document's name) than the best
   * – or as much, when the best is from another document.
   */
  private preferCitedDocument(hits: RetrievalHit[], clause: string): RetrievalHit[] {
    const top = hits[0];
    const cited = top === undefined ? undefined : citedDocumentOf(clause, this.knowledge.sources);
    if (!top || cited === undefined) return hits;
    const { asks } = this.citedDocumentTerms(cited.words);
    const query = this.retriever.analyze(clause);
    const asked = (hit: RetrievalHit) => query.terms.filter((t) => asks(t) && hit.matched.includes(t.term)).reduce((sum, t) => sum + t.weight, 0);
    const fromCited = (hit: RetrievalHit) => hit.entry.source.document.key === cited.source.key;
    const least = asked(top);
    const best = hits
      .filter((h) => h !== top && fromCited(h) && h.score >= CITED_SOURCE_SCORE_RATIO * top.score)
      .map((hit) => ({ hit, weight: asked(hit) }))
      .filter((c) => c.weight > least || (c.weight === least && !fromCited(top)))
      .sort((a, b) => b.weight - a.weight)[0];
    return best ? [best.hit, ...hits.filter((h) => h !== best.hit)] : hits;
  }

  /**
   * "Vad gör mottagningssektionen med en anmälan?", "Vad händer när …?": a question for what happens, or what someone
   * does, is best answered by a close entry written to answer that ("Vad gör mottagningssektionen?", "Vad händer efter
   * en anmälan?") rather than by one that shares the question's words but tells staff what to do. The candidates are
   * searched a little deeper for it, as such an entry names the steps rather than the question's words.
   */
  private preferProcess(hits: RetrievalHit[], clause: string, query: AnalyzedQuery | undefined): RetrievalHit[] {
    const top = hits[0];
    if (!top || !query || !ASKS_WHAT_HAPPENS.test(foldDiacritics(clause)) || this.tellsWhatHappens(top.entry)) return hits;
    const deeper = this.retriever.search(query, PROCESS_CANDIDATES);
    const telling = deeper
      .slice(1)
      .filter((h) => h.score >= PROCESS_SCORE_RATIO * top.score && this.tellsWhatHappens(h.entry))
      .sort((a, b) => b.questionMatch - a.questionMatch || b.score - a.score)[0];
    // An entry one of whose own questions says what the question says keeps its place: "Vad gör X i sitt förebyggande
    // arbete?" is answered by the entry asking "Vilket förebyggande arbete gör X?", not by one telling what else X does.
    if (!telling || telling.entry.id === top.entry.id || !this.passes(telling, query) || top.questionMatch >= OWN_QUESTION_MATCH) return hits;
    // "Vad gör LSG med handlingsplanen?": an entry telling what someone else does (a styrgrupp) is no answer for the doer named.
    const doer = DOER.exec(foldDiacritics(clause))?.[1];
    // The doer's word as a whole ("ledningsgrupp"), not a part of it that others share ("grupp" of "styrgrupp").
    const doerTerm = doer === undefined ? undefined : this.retriever.analyze(doer).terms[0];
    if (doerTerm?.known && top.matched.includes(doerTerm.term) && !telling.matched.includes(doerTerm.term)) return hits;
    return [telling, ...hits.filter((h) => h.entry.id !== telling.entry.id)];
  }

  /** Whether an entry's title or one of its example questions asks what happens or what someone does. */
  private tellsWhatHappens(entry: KnowledgeEntry): boolean {
    let tells = this.processEntries.get(entry.id);
    if (tells === undefined) {
      tells = [entry.title, ...entry.questions].some((q) => ASKS_WHAT_HAPPENS.exec(foldDiacritics(q).trim())?.index === 0);
      this.processEntries.set(entry.id, tells);
    }
    return tells;
  }

  /**
   * Every other municipality the question names ("… i Göteborg?") is named by the entry as one it tells of: the
   * routines' own answer is Botkyrka's, and an example from Vänersborg does not answer for Falun.
   */
  private namesPlacesOf(hit: RetrievalHit, query: AnalyzedQuery): boolean {
    const places = this.otherPlaceTerms();
    const own = this.placeTerms!.get(hit.entry.id) ?? new Set<string>();
    const named = query.terms.filter((t) => t.known && places.has(t.term));
    if (named.some((t) => !own.has(t.term))) return false;
    // "Hur gör man en orosanmälan i Falun?" is not answered by an example from Falun about something else: besides the
    // place, the entry shares a telling word with the question.
    const besides = query.terms.filter((t) => t.known && !places.has(t.term) && hit.matched.includes(t.term));
    return named.length === 0 || Math.max(0, ...besides.map((t) => t.weight)) >= this.gate.tellingWord;
  }

  /**
   * Every area of the municipality the question names is named by the entry: whether, or which of two, holds for an area
   * ("Hör Tullinge till Norr eller Södra?") is not answered by an entry about the sections in general, and which section
   * serves an area is an assumption of the contacts file, not something the routines say.
   */
  private namesLocalAreasOf(hit: RetrievalHit, query: AnalyzedQuery): boolean {
    this.localAreaTerms ??= this.retriever.termsOf(this.knowledge.contacts.lsgAreas.map((lsg) => lsg.name.replace(/\//g, ' ')).join(' '));
    const areas = this.localAreaTerms;
    return query.terms.every((t) => !t.known || !areas.has(t.term) || hit.matched.includes(t.term));
  }

  /**
   * "Vilka skolor hör till Södra?", "Vem är ordförande i LSG Tumba?": which schools an area or a mottagningssektion has, or
   * who holds a post in one, the routines do not say. They name the areas, the sections and the roles, not the schools of
   * each or the people; the school list of contacts.yaml is an assumption to be verified, not something to answer from.
   */
  private asksOfNamedArea(clauseText: string, clause: AnalyzedQuery): boolean {
    if (!ASKS_WHICH_SCHOOLS.test(clauseText) && !ASKS_WHO_IS.test(withoutSelfIntroduction(clauseText))) return false;
    const { lsgAreas, mottagningssektioner } = this.knowledge.contacts;
    // A section by the word after its unit's ("Norr" of "Mottagningssektion Norr"), an LSG area by each of its places.
    this.areaTerms ??= this.retriever.termsOf([...lsgAreas.map((lsg) => lsg.name.replace(/\//g, ' ')), ...mottagningssektioner.map((section) => section.name.split(' ').at(-1) ?? '')].join(' '));
    const areas = this.areaTerms;
    return clause.terms.some((t) => t.known && areas.has(t.term));
  }

  /** The index terms of every other municipality or authority an entry describes (its `places`), worked out once. */
  private otherPlaceTerms(): ReadonlySet<string> {
    if (!this.placeTerms || !this.allPlaceTerms) {
      this.placeTerms = new Map(this.knowledge.entries.map((e) => [e.id, this.retriever.termsOf((e.places ?? []).join(' '))]));
      this.allPlaceTerms = new Set([...this.placeTerms.values()].flatMap((terms) => [...terms]));
    }
    return this.allPlaceTerms;
  }

  /** The index term of the first word of an entry's title (after "Vad är"), worked out once per entry. */
  private titleTermOf(entry: KnowledgeEntry): string | undefined {
    if (this.titleTerms.has(entry.id)) return this.titleTerms.get(entry.id);
    const title = entry.title.replace(DEFINITION_TITLE, '');
    const first = title.split(/[\s–:?,]+/).find(Boolean) ?? '';
    const term: string | undefined = this.retriever.termsOf(first).values().next().value;
    this.titleTerms.set(entry.id, term);
    return term;
  }

  /** The index terms of one of the fixed word lists (question-words.yaml), worked out once. */
  private wordListTerms(words: readonly string[]): ReadonlySet<string> {
    const text = words.join(' ');
    let terms = this.wordLists.get(text);
    if (!terms) this.wordLists.set(text, (terms = this.retriever.termsOf(text)));
    return terms;
  }

  /**
   * Whether a long message's question sentences carry what is asked by themselves: they pass the gate for their
   * best entry through a telling word, and the rest of the message – who writes, what happened, what was tried –
   * passes it for no entry, so it tells no topic of the routines that the answer would have to fit. A story about a
   * child or a family may still shape the answer, unless the question names its own topic with a heavy word.
   */
  private asksAlone(question: string, clauseText: string, clause: AnalyzedQuery): boolean {
    const best = this.retriever.search(clause, 1)[0];
    if (!best || !this.passes(best, clause)) return false;
    // Question sentences whose every word the entry has, and that say one of its own questions in other words, ask by
    // themselves whatever the story tells of a child's case ("… blåmärken på ryggen … Måste hon vara säker innan hon
    // anmäler?"); a story of something else still makes them about that ("… en kollega dricker … Vem anmäler jag det till?").
    const selfContained =
      best.coverage >= FULL_COVERAGE && best.questionMatch >= SELF_CONTAINED_QUESTION_MATCH && clause.terms.filter((t) => t.known).length >= MIN_SELF_CONTAINED_TERMS;
    if (!selfContained && this.tellingWeight(best, clause) < this.gate.tellingWord) return false;
    const storyText = withoutSelfIntroduction(question.replace(clauseText, ' '));
    if (POINTS_BACK.test(clauseText) || NAMES_BACK.test(clauseText) || this.namesStoryThing(clauseText, storyText)) return false;
    const story = this.retriever.analyze(storyText);
    // A story about a case counts unless the question names its own topic and the story is not mostly in words the
    // routines lack (then it is about something else: "… en elev med en NPF-diagnos … Vem fattar beslutet …?").
    // A story mostly in words the routines lack leaves only a question that names its own topic ("… ventilationen …
    // Vem ska vi kontakta?" is not about whom the routines say to contact).
    const aboutCase = this.patterns.casePerson.test(foldDiacritics(storyText));
    const mostlyUnknown = story.unknownWeight > STORY_UNKNOWN_SHARE * story.totalWeight;
    const ownTopic = this.tellingWeight(best, clause) >= OWN_TOPIC_WEIGHT;
    if (aboutCase ? !selfContained && (!ownTopic || mostlyUnknown) : mostlyUnknown && !ownTopic) return false;
    return !this.retriever.search(story, STORY_CANDIDATES).some((h) => this.passes(h, story));
  }

  /**
   * "Nu kallar handläggaren till ett möte … Vad har mötet för syfte?": a thing the story brought in ("ett möte")
   * and the question sentences name in the definite form ("mötet") is the story's thing, which the story tells of. The
   * child or family of a case ("en elev" … "eleven") is not such a thing: the question asks of them in any story.
   */
  private namesStoryThing(clauseText: string, storyText: string): boolean {
    const introduced = [...storyText.toLocaleLowerCase('sv').matchAll(/(?<![\p{L}])(?:en|ett)\s+(\p{L}{3,})(?![\p{L}])/gu)].map((m) => m[1]!);
    const definite = (clauseText.toLocaleLowerCase('sv').match(/\p{L}{4,}/gu) ?? []).filter((word) => DEFINITE_ENDING.test(word));
    return definite.some(
      (word) => !this.patterns.casePerson.test(foldDiacritics(word)) && introduced.some((thing) => word.startsWith(thing) && word.length - thing.length >= 1 && word.length - thing.length <= 2),
    );
  }

  /**
   * "I styrdokumentet står det om risk- och skyddsfaktorer. På nästa APT ska jag gå igenom dem med personalgruppen. Vad
   * menas med dem?": a question that names nothing of its own asks about what the story named, and when
   * the story names the entry's own subject (a heavy word of its title), the story's other words the routines lack tell
   * what the writer will do with the answer: they weigh as the unknown words of a case story do.
   */
  private asksOfTitledTopic(hit: RetrievalHit, whole: AnalyzedQuery, clauseText: string, clause: AnalyzedQuery): boolean {
    // The question names nothing the routines lack, and no topic of its own: at most a verb when it points back ("Hur beskrivs de?").
    const ownWeight = POINTS_BACK.test(clauseText) ? OWN_TOPIC_WEIGHT : this.gate.tellingWord;
    if (clause.unknownWeight > 0 || clause.terms.some((t) => t.weight >= ownWeight)) return false;
    const title = this.retriever.termsOf(hit.entry.title);
    if (!whole.terms.some((t) => t.known && t.weight >= OWN_TOPIC_WEIGHT && title.has(t.term) && hit.matched.includes(t.term))) return false;
    const terms = whole.terms.map((t) => (t.known ? t : { ...t, weight: t.weight * CASE_STORY_UNKNOWN_FACTOR }));
    const reweighted = reweighed(whole, terms);
    return this.passes({ ...hit, coverage: hit.matchedWeight / reweighted.totalWeight }, reweighted);
  }

  /**
   * A long message whose question sentences pass on their own must still not be mostly about something the
   * routines lack: the entry has to cover a share of the weight of the message's unknown words.
   */
  private tellsEnough(hit: RetrievalHit, query: AnalyzedQuery): boolean {
    return hit.matchedWeight >= LONG_MESSAGE_UNKNOWN_SHARE * this.gate.unknownRatio * query.unknownWeight;
  }

  /** The question sentences of a long message pass the gate on their own, for an entry the whole message also found. */
  private passesClause(hit: RetrievalHit, clause: AnalyzedQuery): boolean {
    const own = this.retriever.search(clause, LONG_MESSAGE_CANDIDATES).find((h) => h.entry.id === hit.entry.id);
    return own !== undefined && this.passes(own, clause);
  }

  /**
   * A question for a telephone number is answered only when an entry with a number also names what the
   * number is for: "faxnumret till BUP" or "numret till polisen" must not get the mottagningssektion's.
   */
  private hasNumberFor(parts: readonly ComposedPart[], query: AnalyzedQuery): boolean {
    // A fax number is asked for: a telephone number is no answer.
    const fax = this.wordListTerms(['fax']);
    const number = query.terms.some((t) => t.known && fax.has(t.term)) ? FAX_NUMBER : PHONE_NUMBER;
    return this.namesWhatItIsFor(parts, query, number, this.words.phone, true);
  }

  /**
   * Whether an entry that states a value of the kind asked for (a number, hours) also names every telling word of the
   * question besides the words that ask for the value: what the value is for.
   */
  private namesWhatItIsFor(parts: readonly ComposedPart[], query: AnalyzedQuery, value: RegExp, askWords: readonly string[], nearValue = false): boolean {
    const withValues = parts.filter((p) => value.test(p.entry.body));
    if (withValues.length === 0) return false;
    const named = new Set(withValues.flatMap((p) => [...(nearValue ? this.retriever.termsOf(valueContext(p.entry, value)) : this.retriever.entryTerms(p.entry))]));
    const asking = this.wordListTerms(askWords);
    // A number in the question is the value asked about ("klockan 17"), not what it is for.
    return query.terms.every((t) => !t.known || t.weight < NAMED_THING_WEIGHT || /^\d/.test(t.term) || asking.has(t.term) || named.has(t.term));
  }

  /** The question asks how something is sent (by post, fax or e-mail), and the entry shares no other word with it. */
  private sharesOnlySending(hit: RetrievalHit, query: AnalyzedQuery): boolean {
    return this.sharesOnly(hit, query, this.words.channel);
  }

  /** The question uses some of the words that ask for a kind of value (`askWords`), and the entry shares no other word with it. */
  private sharesOnly(hit: RetrievalHit, query: AnalyzedQuery, askWords: readonly string[]): boolean {
    const asking = this.wordListTerms(askWords);
    const asks = query.terms.some((t) => t.known && asking.has(t.term));
    return asks && hit.matched.every((term) => asking.has(term));
  }

  /**
   * For "hur lång tid …?": the best entry shares only the words that ask how long, and no other answering entry shares a
   * word heavy enough to name a topic by itself ("skyddsbedömning"): what the question times ("en tid hos tandläkaren") is not theirs.
   */
  private timesSomethingElse(top: RetrievalHit, answering: readonly RetrievalHit[], query: AnalyzedQuery): boolean {
    if (!this.sharesOnly(top, query, this.words.howLong)) return false;
    return !answering.some((h) => this.tellingWeight(h, query) >= OWN_TOPIC_WEIGHT);
  }

  /**
   * "Hur många X …?" is answered only by an entry that counts X ("fyra lokala samverkansgrupper", "14 dagar"):
   * an entry about X without a count must not stand in for the number of socialsekreterare or of reports made.
   */
  private hasCountFor(parts: readonly ComposedPart[], clause: string): boolean {
    const counted = this.countedTerms(clause);
    return counted === undefined || parts.some((p) => this.counts(p.entry, counted, this.countedOf(clause, counted)));
  }

  /**
   * For "Hur många dagar …?": the question's other known terms, which name what takes that many days – not the words
   * that ask ("inom"), nor the point the days count from ("… efter beslutet", "… från mötet"); undefined for a
   * count of anything but time ("Hur många lokala samverkansgrupper …?" names what it counts in the counted words).
   */
  private countedOf(clause: string, counted: ReadonlySet<string>): ReadonlySet<string> | undefined {
    const units = this.wordListTerms(this.words.countUnits);
    if (![...counted].some((t) => units.has(t))) return undefined;
    const asking = new Set([...this.wordListTerms(this.words.howLong), ...this.wordListTerms(this.words.howMany)]);
    const named = this.retriever.analyze(clause.replace(STARTING_POINT, ' ')).terms.filter((t) => t.known && !counted.has(t.term) && !units.has(t.term) && !asking.has(t.term));
    return new Set(named.map((t) => t.term));
  }

  /**
   * For "Vilken lag/paragraf …?", the reference is what is asked: of the close candidates, the one whose legal
   * references name the question's words comes first ("anmälningsskyldigheten" in the note of 14 kap. 1 § SoL).
   */
  private preferCited(hits: RetrievalHit[], asksForLaw: boolean, query: AnalyzedQuery): RetrievalHit[] {
    const top = hits[0];
    if (!asksForLaw || !top) return hits;
    const asked = new Set(query.terms.filter((t) => t.known).map((t) => t.term));
    const namesAsked = (hit: RetrievalHit) =>
      hit.entry.legal.some((l) => [...this.retriever.termsOf(`${l.ref} ${l.note ?? ''}`)].some((term) => asked.has(term)));
    const close = hits.slice(0, 4).filter((h) => h.score >= CITED_SCORE_RATIO * top.score);
    const cited = close.find(namesAsked) ?? (top.entry.legal.length > 0 ? undefined : close.find((h) => h.entry.legal.length > 0));
    return cited && cited !== top ? [cited, ...hits.filter((h) => h !== cited)] : hits;
  }

  /**
   * A term of art a question asks the meaning of ("åtgärdande insatser"), written by few entries, is
   * defined by a close entry that writes it rather than by one that only shares its words ("åtgärder", "insatser").
   * (`query` is undefined when the question asks no meaning.)
   */
  private preferTermOfArt(hits: RetrievalHit[], query: AnalyzedQuery | undefined): RetrievalHit[] {
    const rare = (query?.phrases ?? []).filter((phrase) => this.retriever.entriesWithPhrase(phrase) <= RARE_PHRASE_ENTRIES);
    if (rare.length === 0) return hits;
    return closeFirst(hits, TERM_OF_ART_SCORE_RATIO, (hit) => rare.some((phrase) => this.retriever.hasPhrase(hit.entry, phrase)));
  }

  /**
   * A name made of two words sharing a last part ("barn- och utbildningsförvaltningen") is the name one
   * document uses, so a close entry that writes it comes before one that only shares its words ("utbildningsförvaltningen").
   */
  private preferCoordinatedName(hits: RetrievalHit[], question: string): RetrievalHit[] {
    const names = this.retriever.coordinatedNames(question);
    if (names.length === 0) return hits;
    return closeFirst(hits, COORDINATED_NAME_SCORE_RATIO, (hit) => names.some((name) => this.retriever.writesTerm(hit.entry, name)));
  }

  /** For "Hur många X …?", an entry among the best few that counts X comes first. */
  private preferCounting(hits: RetrievalHit[], clause: string): RetrievalHit[] {
    const counted = this.countedTerms(clause);
    if (counted === undefined || hits.length === 0) return hits;
    const of = this.countedOf(clause, counted);
    if (this.counts(hits[0]!.entry, counted, of)) return hits;
    const counting = hits.find((h) => this.counts(h.entry, counted, of));
    return counting ? [counting, ...hits.filter((h) => h !== counting)] : hits;
  }

  /**
   * "Kan socialjouren hämta …?" is about socialjouren: when the best entry never names the subject of a yes/no question and
   * a close one does, the close one comes first – the best one matched what the subject would do, not who asks about it.
   */
  private preferYesNoSubject(hits: RetrievalHit[], shape: QuestionShape): RetrievalHit[] {
    const named = shape.yesNo ? YES_NO_SUBJECT.exec(shape.clause) : null;
    const subject = named ? [...this.retriever.termsOf(named[1]!)] : [];
    if (subject.length === 0) return hits;
    return closeFirst(hits, YES_NO_SUBJECT_SCORE_RATIO, (hit) => subject.some((t) => this.retriever.writesTerm(hit.entry, t)));
  }

  /**
   * "Vilka tre steg …?": the question names a count of a thing, so an entry among the close ones that states that count
   * of that thing ("två sätt: …") comes first; one that shares the question's other words but counts nothing tells less.
   */
  private preferNamedCount(hits: RetrievalHit[], clause: string): RetrievalHit[] {
    const named = NAMED_COUNT.exec(clause);
    if (!named) return hits;
    const count = countOf(named[1]!);
    const thing = this.retriever.termsOf(named[2]!);
    if (thing.size === 0) return hits;
    const states = (entry: KnowledgeEntry) =>
      [...`${entry.title}\n${entry.body}`.matchAll(COUNT_AND_WORDS)].some(
        (m) => countOf(m[0]) === count && [...this.retriever.termsOf(m[1]!.split(/\s+/)[0] ?? '')].some((t) => thing.has(t)),
      );
    return closeFirst(hits, NAMED_COUNT_SCORE_RATIO, (hit) => states(hit.entry));
  }

  /** The known terms of what "Hur många X" counts, or undefined when the question does not ask for a count. */
  private countedTerms(clause: string): ReadonlySet<string> | undefined {
    const asked = HOW_MANY.exec(clause);
    if (!asked) return undefined;
    const counted = new Set(this.retriever.analyze(asked[1]!).terms.filter((t) => t.known).map((t) => t.term));
    if (counted.size > 0) return counted;
    // A unit of time no entry counts in ("hur många timmar"): what is counted is that unit, which no entry gives.
    const unit = this.retriever.termsOf(asked[1]!.trim().split(/\s+/)[0]!);
    const units = this.wordListTerms(this.words.countUnits);
    return [...unit].some((t) => units.has(t)) ? unit : undefined;
  }

  /**
   * Whether the entry gives a count of what is counted; with `of` (a count of days, weeks …), of what the question
   * names: the count stands in the title or in a clause of the body, with a word of `of` ("beslutar inom 14 dagar om
   * en utredning" does not tell how many days a confirmation takes).
   */
  private counts(entry: KnowledgeEntry, counted: ReadonlySet<string>, of?: ReadonlySet<string>): boolean {
    const text = `${entry.title}\n${entry.body}`;
    for (const match of text.matchAll(COUNT_AND_WORDS)) {
      // Read as the question's words are, and once more: "områdena" stems to "områden", which the question's "områden" passes.
      const named = [...this.knownTerms(match[1]!)];
      if (![...named, ...named.flatMap((term) => [...this.knownTerms(term)])].some((term) => counted.has(term))) continue;
      if (of === undefined || of.size === 0) return true;
      // A count in the title is of what the title names ("Förhandsbedömning – beslut inom 14 dagar").
      if (match.index < entry.title.length) {
        if (namesAny(this.knownTerms(entry.title), of)) return true;
        continue;
      }
      // The clause around the count: from the break before it to the break after it, within its line.
      const line = text.lastIndexOf('\n', match.index) + 1;
      let [start, end] = [line, text.indexOf('\n', match.index)];
      if (end === -1) end = text.length;
      for (const found of text.slice(line, end).matchAll(CLAUSE_BREAKS)) {
        const at = line + found.index;
        if (at < match.index) start = Math.max(start, at + found[0].length);
        else {
          end = at;
          break;
        }
      }
      // The entry's starting point ("… inom 14 dagar efter det att anmälan kommit in") is not what it times either.
      if (namesAny(this.knownTerms(text.slice(start, end).replace(STARTING_POINT, ' ')), of)) return true;
    }
    return false;
  }

  /** The known terms of an entry's text as a question's are read, so that the two compare ("mötet" as "möt"). */
  private knownTerms(text: string): ReadonlySet<string> {
    return new Set(this.retriever.analyze(text).terms.filter((t) => t.known).map((t) => t.term));
  }

  /**
   * In a question that opens with its question word, what is asked stands before a "när …"/"om …" clause, which
   * tells the situation: when the main clause's own
   * content is more unknown than the entry explains of it ("Vem ordnar skolskjuts när ett barn har placerats …"),
   * only the situation found the entry, and it does not answer the question.
   */
  private answersMainClause(hit: RetrievalHit, clause: string): boolean {
    const situation = WH_QUESTION.test(clause) ? SITUATION_CLAUSE.exec(clause) : null;
    if (situation === null) return true;
    const main = this.retriever.analyze(withoutSelfIntroduction(clause.slice(0, situation.index)));
    const explained = main.terms.filter((t) => t.known && hit.matched.includes(t.term)).reduce((sum, t) => sum + t.weight, 0);
    return main.unknownWeight <= explained;
  }

  /**
   * "Vad säger överenskommelsen om vårdnadshavarnas roll?": when the best entry is about the document alone, a close entry
   * from the same document that names the thing said about (a telling word of it) comes first; the document's name is only
   * where to look. An entry from another source is no word of that document ("Vad säger nya SoL om …?").
   */
  private preferSaidAbout(hits: RetrievalHit[], clause: string, query: AnalyzedQuery): RetrievalHit[] {
    const top = hits[0];
    const telling = this.saidAboutTerms(clause);
    if (!top || telling.length === 0 || telling.some((t) => top.matched.includes(t))) return hits;
    const names = (h: RetrievalHit) => h.entry.source.document === top.entry.source.document && h.score >= top.score * SAID_ABOUT_SCORE_RATIO && telling.some((t) => h.matched.includes(t));
    // The document's own entries fill the first places: the one naming the thing may rank just below them.
    const naming = hits.find(names) ?? this.retriever.search(query, SAID_ABOUT_CANDIDATES).find(names);
    return naming ? [naming, ...hits.filter((h) => h.entry.id !== naming.entry.id)] : hits;
  }

  /** The telling known terms of what a "Vad säger X om Y?" question asks is said about (Y); none for other questions. */
  private saidAboutTerms(clause: string): string[] {
    const said = SAYS_ABOUT.exec(withoutSelfIntroduction(clause));
    const about = said?.[1] ?? said?.[2];
    if (about === undefined) return [];
    return this.retriever.analyze(about).terms.filter((t) => t.known && t.weight >= this.gate.tellingWord).map((t) => t.term);
  }

  /**
   * "Vad säger BBIC om skolans roll?": what a law or a document says about a thing is answered only by
   * an entry that names the thing (a telling word of it), not by one about the law alone.
   */
  private answersWhatIsSaidAbout(hit: RetrievalHit, clause: string): boolean {
    const telling = this.saidAboutTerms(clause);
    return telling.length === 0 || telling.some((t) => hit.matched.includes(t));
  }

  /**
   * Words alone cannot tell near-tied entries apart when every word of a short question is in many of them ("Blir
   * varje anmälan en utredning?": "anmälan", "utredning"): when the best fails the gate, a tied entry whose example
   * questions or claims the question matches more closely, and which passes the gate itself, comes first.
   */
  private preferAskedAmongTied(hits: RetrievalHit[], whole: AnalyzedQuery): RetrievalHit[] {
    const top = hits[0];
    // A question with a telling word of its own ("kränkande") is told apart by it: this is only for the common words.
    if (!top || whole.terms.some((t) => t.weight >= this.gate.tellingWord) || this.passes(top, whole)) return hits;
    const asked = hits.find((h) => h !== top && h.score >= top.score * TIED_SCORE_RATIO && h.questionMatch > top.questionMatch && this.passes(h, whole));
    return asked ? [asked, ...hits.filter((h) => h !== asked)] : hits;
  }

  /**
   * "Vilken budget har …?", "Hur prioriterar polisen …?", "Hur lång tid tar det att besluta om en placering?": the thing
   * the question asks about, read from how it opens, is what an answer must speak of. An entry that shares the rest of
   * the question's words (the routine, the group, the authority) but lacks a telling word of the thing asked – a budget,
   * a priority order, the decision timed – tells of something else, however much of the question it covers.
   */
  private speaksOfAskedThing(parts: readonly ComposedPart[], clause: string): boolean {
    // "Hur skiljer sig X från Y?", "Hur hänger X ihop med Y?" ask of two things, which the comparing checks look after.
    const plain = withoutSelfIntroduction(clause);
    const asked = withoutComparingWords(plain) !== plain ? undefined : askedThingOf(plain, this.words);
    if (asked === undefined) return true;
    const tellingOf = (words: string) => this.retriever.analyze(words).terms.filter((t) => t.known && t.via !== 'english' && t.weight >= ASKED_THING_WEIGHT);
    // "stödet" is spoken of by an entry about "stöd".
    const has = (terms: ReadonlySet<string>, t: QueryTerm) => terms.has(t.term) || terms.has(bareForm(t.term));
    const spoken = parts.map((p) => this.retriever.entryTerms(p.entry));
    if (!tellingOf(asked.words).every((t) => spoken.some((terms) => has(terms, t)))) return false;
    // A word the routines lack altogether ("skolskjuts", what is timed: "… besluta om en kontaktfamilj") names a thing no entry speaks of.
    const lacked = (words: string) => this.retriever.analyze(words).terms.some((t) => !t.known && t.via === 'word');
    if (asked.wholeWords && lacked(asked.words)) return false;
    if (asked.noun === undefined) return true;
    if (lacked(asked.noun)) return false;
    const nounTerms = tellingOf(asked.noun);
    if (!nounTerms.every((t) => spoken.some((terms) => has(terms, t)))) return false;
    // How a thing works or is done is told by an entry about it, not by one naming it in passing ("skillnader beroende på kön").
    if (!asked.aboutNoun) return true;
    const topics = parts.map((p) => this.topicTermsOf(p.entry));
    return nounTerms.every((t) => topics.some((terms) => has(terms, t)));
  }

  /**
   * "Kan vi ta tillbaka en anmälan?": a short yes/no question about doing something to a thing is about that thing, however
   * many entries name it; an entry that never names it ("ta tillbaka ett samtycke") answers another question.
   */
  private namesDoneThing(part: ComposedPart, clause: string): boolean {
    const done = doneThingOf(clause);
    if (done === undefined) return true;
    const thing = this.retriever.analyze(done).terms.filter((t) => t.known && t.via === 'word');
    return thing.every((t) => this.retriever.writesTerm(part.entry, t.term) || this.retriever.writesTerm(part.entry, bareForm(t.term)));
  }

  /** The terms of what an entry is about: its title and the questions it answers, worked out once. */
  private topicTermsOf(entry: KnowledgeEntry): ReadonlySet<string> {
    let terms = this.topicTerms.get(entry.id);
    if (terms === undefined) {
      terms = this.retriever.termsOf([entry.title, ...entry.questions, ...entry.yesNo.map((y) => y.question)].join(' '));
      this.topicTerms.set(entry.id, terms);
    }
    return terms;
  }

  /** The relevance gate, relative to the question: enough of it covered, and more known than unknown. */
  private passes(hit: RetrievalHit, query: AnalyzedQuery, rareUnmatchedShare = RARE_UNMATCHED_SHARE, tellingWord = this.gate.tellingWord): boolean {
    const telling = this.tellingWeight(hit, query);
    // An entry none of whose example questions shares a word with the question must cover most of it: it only
    // mentions what the question is about ("kränkande behandling" in a list of plans).
    if (hit.questionMatch < UNASKED_QUESTION_MATCH && hit.coverage < UNASKED_MIN_COVERAGE) return false;
    return (
      hit.coverage + this.gate.questionMatch * hit.questionMatch >= this.minCoverage &&
      hit.matchedWeight >=
        this.gate.unknownRatio * (query.unknownWeight + this.unhelpedCompoundWeight(hit, query) + this.rareUnmatchedWeight(hit, query, rareUnmatchedShare) + this.otherSenseWeight(hit, query)) &&
      (telling >= tellingWord || hit.questionMatch >= this.gate.tellingQuestion)
    );
  }

  /**
   * What the asking sentences (`asking`: the question's clause, or a part of it) ask of the entry's topic that the entry
   * says its source does not give (its `gaps`), if anything. A story told before them asks nothing ("Vi har dokumenterat
   * …", "Vi träffas varje vecka."), but what asks by a pronoun ("Kan det hållas digitalt?") asks of what the story named:
   * then one group of words (the thing the pronoun stands for) may be in the `story`. That thing is the entry's own: a group
   * the entry never writes ("mejl", "Teams") is what the routines lack, and must be asked, not told ("Jag skickade ett mejl
   * … Kan vi konsultera anonymt om det?" does not ask whether to consult by e-mail).
   */
  private gapAsked(asking: string, entry: KnowledgeEntry, story = ''): string | undefined {
    if (entry.gaps.length === 0) return undefined;
    const termsOf = (text: string) => ({ text, terms: new Set(this.retriever.analyze(text, { keepEverydayWords: true }).terms.map((t) => t.term.replace(/^\?/, ''))) });
    const asked = termsOf(asking);
    const told = story !== '' && GAP_POINTER_BACK.test(asking) ? termsOf(story) : termsOf('');
    const stemOf = (word: string) => this.retriever.analyze(word, { keepEverydayWords: true }).terms[0]?.term.replace(/^\?/, '');
    const anyStem = (group: readonly string[], holds: (stem: string) => boolean) => group.some((word) => { const stem = stemOf(word); return !GAP_PHRASE.test(word) && stem !== undefined && holds(stem); });
    // A word of several ("hotar mig": the writer threatened) is a phrase, found as written, with or without å/ä/ö.
    const phraseIn = (text: string, group: readonly string[]) => group.some((word) => GAP_PHRASE.test(word) && wholeWords(foldDiacritics(word.toLocaleLowerCase('sv'))).test(foldDiacritics(text.toLocaleLowerCase('sv'))));
    const has = (of: { text: string; terms: ReadonlySet<string> }, group: readonly string[]) => anyStem(group, (stem) => of.terms.has(stem)) || phraseIn(of.text, group);
    const written = (group: readonly string[]) => anyStem(group, (stem) => this.retriever.writesTerm(entry, stem)) || phraseIn(entry.body, group);
    return entry.gaps.find((gap) => {
      const fromStory = gap.asks.filter((group) => !has(asked, group));
      return fromStory.length === 0 || (fromStory.length === 1 && fromStory.length < gap.asks.length && has(told, fromStory[0]!) && written(fromStory[0]!));
    })?.says;
  }

  /**
   * "Vem beslutar om …?", "Är dagen obligatorisk?": a question asking for a kind of value (askedKinds), or of this year or
   * season (currentPeriod), that no entry of the answer states is not answered by them – they tell something else of what
   * it names. Checked after the gaps, whose sentence says better what the routines lack. A one-part question's value is
   * the best entry's to give: an entry shown beside it that states one ("obligatoriskt att ingå i en grupp") states it of
   * something else.
   */
  private lacksAskedKind(asking: string, plan: Plan): boolean {
    const asked = foldDiacritics(asking);
    const parts = plan.shape.parts.length < 2 ? plan.parts.slice(0, 1) : plan.parts;
    // "Vilka mål står i årets handlingsplan?": what is planned for this year, or was done last, only a dated entry tells;
    // when something is this season ("När är Kraftsamlingsdagen i höst?") also one that gives the month it is every year.
    const asksWhen = WHICH_MONTH.test(asked) || ASKS_WHEN_ENGLISH.test(asked);
    if (this.patterns.currentPeriod.test(asked) && !parts.some((p) => CALENDAR_DATE.test(p.entry.body) || (asksWhen && MONTH.test(p.entry.body)))) return true;
    return this.patterns.askedKinds.some((kind) => kind.asks.test(asked) && !kind.unless?.test(asked) && !parts.some((p) => kind.states.test(foldDiacritics(p.entry.body))));
  }

  /**
   * "Vilket år startade Team skolnärvaro?": an entry states the year asked for in a sentence that names something the
   * question names besides its verb (the word after "vilket år"); "ett pilotprojekt som startade 2013" in an entry about
   * other teams states the year of something else.
   */
  private statesYearAsked(parts: readonly ComposedPart[], clause: string): boolean {
    const termsOf = (text: string) => new Map(this.retriever.analyze(text).terms.map((t) => [t.term.replace(/^\?/, ''), t.weight]));
    const found = WHICH_YEAR.exec(clause);
    const verb = found === null ? undefined : /^\s+(\p{L}+)/u.exec(clause.slice(found.index + found[0].length))?.[1];
    const verbTerms = verb === undefined ? new Map<string, number>() : termsOf(verb);
    const named = [...termsOf(clause.replace(WHICH_YEAR, ' '))].filter(([term]) => !verbTerms.has(term));
    const namedWeight = named.reduce((sum, [, weight]) => sum + weight, 0);
    // Half the weight of what the question names: "teamen" alone does not name "Team skolnärvaro i Botkyrka".
    const namesAsked = (sentence: string) => {
      const terms = [...termsOf(sentence).keys()].map(bareForm);
      // Word forms differ between the analyzed question and sentence ("pilotprojektet", "pilotprojek"): one begins the other.
      const has = (term: string) => { const bare = bareForm(term); return terms.some((t) => t === bare || (Math.min(t.length, bare.length) >= 4 && (t.startsWith(bare) || bare.startsWith(t)))); };
      return named.filter(([term]) => has(term)).reduce((sum, [, weight]) => sum + weight, 0) >= namedWeight / 2;
    };
    return parts.some((p) => p.entry.body.split(/(?<=[.!?])\s+|\n+/u).some((sentence) => YEAR.test(sentence) && namesAsked(sentence)));
  }

  /** False for "Hur länge <verb>s …?" when the verb is a word of the routines the entry does not have. */
  private saysWhatLasts(hit: RetrievalHit, clause: string): boolean {
    const verb = HOW_LONG_PASSIVE.exec(clause)?.[1];
    if (verb === undefined) return true;
    return this.retriever.analyze(verb).terms.every((t) => !t.known || hit.matched.includes(t.term));
  }

  /**
   * "Vad händer om X?": what follows from a situation is told only by an entry that speaks of it – that passes the gate for
   * X alone. The answer's main entry may speak of X in its own words; another entry of the answer must have every word of
   * X, everyday words counted: one about the meeting does not tell what happens when someone "inte dyker upp" to it.
   */
  private speaksOfSituation(parts: readonly ComposedPart[], clause: string): boolean {
    const found = OUTCOME_OF.exec(withoutSelfIntroduction(clause));
    const text = found?.[1] ?? found?.[2];
    if (text === undefined) return true;
    const situation = this.retriever.analyze(text);
    const hits = this.retriever.search(situation, SITUATION_CANDIDATES);
    const speaks = (part: ComposedPart) => hits.some((h) => h.entry.id === part.entry.id && this.passes(h, situation));
    if (parts[0] !== undefined && speaks(parts[0])) return true;
    return !this.retriever.analyze(text, { keepEverydayWords: true }).terms.some((t) => !t.known) && parts.some(speaks);
  }

  /**
   * "Får skolan <verb> <object> …?": whether one may do something is said only by an entry that speaks of doing it. When the
   * verb is a word of the routines, an entry of the answer has it, or the main entry says it in other words of the same
   * thing and has every word of the object that tells a topic: an entry about a placement does not say whether one may
   * send the pupil's files on.
   */
  private speaksOfAction(top: RetrievalHit, answering: readonly RetrievalHit[], clause: string): boolean {
    const asked = ASKED_ACTION.exec(withoutSelfIntroduction(clause).trim());
    const verb = asked?.[1];
    if (asked === null || verb === undefined || TELLING_VERB.test(verb)) return true;
    const rest = asked.input.slice(asked.index + asked[0].length);
    const inner = INNER_ACTION.exec(rest)?.[1] ?? VERB_PARTICLE.exec(rest)?.[1];
    // A verb too common to tell what is done ("hålla på") leaves the action to the object.
    const terms = this.retriever.analyze(`${verb} ${inner ?? ''}`).terms.filter((t) => t.known);
    if (terms.every((t) => t.weight < this.gate.tellingWord) || answering.some((h) => terms.some((t) => h.matched.includes(t.term)))) return true;
    const object = rest.slice(0, ACTION_OBJECT_END.exec(rest)?.index ?? rest.length);
    return this.retriever.analyze(object).terms.every((t) => t.known && (t.via === 'joined' || t.weight < this.gate.tellingWord || top.matched.includes(t.term)));
  }

  /**
   * The question names a municipality or region ("… stad", "Region …", or a municipality by its name alone: "i Huddinge")
   * by a name no entry has: the routines are the pack's municipality's and those of the places they describe, and say
   * nothing of how that one works.
   */
  private namesUnknownAuthority(question: string): boolean {
    return !this.unknownAuthoritiesNamed(question).next().done;
  }

  /** The first municipality of the `municipalities` list the question names by a name no entry has, as the list writes it. */
  private otherMunicipalityNamed(question: string): string | undefined {
    for (const name of this.unknownAuthoritiesNamed(question)) {
      const key = municipalityKey(name);
      const listed = this.patterns.municipalityByKey.get(key) ?? (key.endsWith('s') ? this.patterns.municipalityByKey.get(key.slice(0, -1)) : undefined);
      if (listed) return listed;
    }
    return undefined;
  }

  /** The names of municipalities or regions the question names that no entry has, as written, one at a time. */
  private *unknownAuthoritiesNamed(question: string): Generator<string> {
    const unknown = (name: string) => this.retriever.analyze(name).terms.every((t) => !t.known);
    // "… i vår kommun" names none: the words before "kommun" must leave a term.
    const withWord = [...question.matchAll(this.patterns.namedAuthority)].map((named) => named[1] ?? named[2] ?? '');
    for (const name of withWord) if (this.retriever.analyze(name).terms.length > 0 && unknown(name)) yield name;
    // A municipality's name alone is known only as the entries write it: a name they lack may leave no term, or be read
    // as a slip for a word they have ("Kalmar" for "kall").
    const written = (name: string) => this.retriever.analyze(name).terms.some((t) => t.known && t.via === 'word');
    const folded = foldDiacritics(question.toLocaleLowerCase('sv'));
    // A name that is also an everyday word is a name where its capital is not the sentence's own ("Vara anonym, går det?"),
    // or where the word for a municipality follows it ("Mark kommun, …").
    const capitalised = [...question.matchAll(this.patterns.capitalisedMunicipality)].filter(
      (name) => !SENTENCE_START.test(question.slice(0, name.index)) || this.patterns.authorityAfterName.test(question.slice(name.index + name[0].length)),
    );
    const named = [...folded.matchAll(this.patterns.municipality), ...capitalised];
    for (const name of named) if (!written(name[0])) yield name[0];
  }

  /** Whether the verb of "Får/Kan/Måste <someone> <verb> …?" is an everyday word the entries never use. */
  private asksUnwrittenAction(clause: string): boolean {
    const verb = ASKED_ACTION.exec(withoutSelfIntroduction(clause).trim())?.[1];
    // A verb of refusing ("neka") is asked through ASKS_REFUSAL: an entry that tells what happens at a no speaks of it.
    if (verb === undefined || TELLING_VERB.test(verb) || ASKS_REFUSAL.test(verb)) return false;
    return this.retriever.analyze(verb).terms.length === 0 && this.retriever.analyze(verb, { keepEverydayWords: true }).terms.some((t) => !t.known);
  }

  /**
   * The words of the question as telling as the gate asks that are not everyday words (the common-words list); a number
   * word ("fyra") is no everyday word here, as it is the value the question checks.
   */
  private topicWords(query: AnalyzedQuery): readonly QueryTerm[] {
    // Each everyday word's own term, not the terms of its parts: "tillräcklig" makes no everyday word of "räcker".
    const ownTerm = (word: string) => this.retriever.analyze(word, { keepEverydayWords: true }).terms.find((t) => t.via === 'word')?.term.replace(/^\?/, '');
    this.everydayTerms ??= new Set(
      [...(this.options.commonWords ?? [])].filter((word) => !NUMBER_WORD.test(word)).flatMap((word) => ownTerm(word) ?? [...this.retriever.termsOf(word)]),
    );
    const everyday = this.everydayTerms;
    return query.terms.filter((t) => t.known && t.weight >= this.gate.tellingWord && !everyday.has(t.term));
  }

  /**
   * The weight of the heaviest word of the question the entry has. A word found only in the entries' English summaries
   * tells the topic only when few summaries have it ("revised", not "building").
   */
  private tellingWeight(hit: RetrievalHit, query: AnalyzedQuery): number {
    const tells = (t: QueryTerm) => t.via !== 'english' || this.retriever.entriesWith(t.term) <= MAX_TELLING_SUMMARIES;
    return Math.max(0, ...query.terms.filter((t) => tells(t) && hit.matched.includes(t.term)).map((t) => t.weight));
  }

  /**
   * An unknown compound weighs half when its first part is known ("lunchuppehåll"); when the entry lacks that
   * part too ("stadshuset" for an entry without "stad"), the part explained nothing and the compound weighs in full.
   */
  private unhelpedCompoundWeight(hit: RetrievalHit, query: AnalyzedQuery): number {
    let weight = 0;
    for (const head of query.terms) {
      if (head.via !== 'head' || hit.matched.includes(head.term)) continue;
      for (const t of query.terms) if (!t.known && t.term.startsWith(`?${head.term}`)) weight += t.weight;
    }
    return weight;
  }

  /**
   * The weight of a term of art the question uses ("kränkande behandling") that few entries write and this one lacks,
   * modifier and all: its noun alone ("vård eller behandling") is another thing, and the term is what is asked about.
   */
  private otherSenseWeight(hit: RetrievalHit, query: AnalyzedQuery): number {
    let weight = 0;
    for (const phrase of query.phrases ?? []) {
      if (this.retriever.entriesWithPhrase(phrase) > RARE_PHRASE_ENTRIES || this.retriever.hasPhrase(hit.entry, phrase)) continue;
      const [modifier, noun] = phrase.split(' ');
      // A noun most entries have ("myndighetsutövande socialtjänst") names no other thing without its modifier.
      if (hit.matched.includes(modifier!) || this.retriever.weightOf(noun!) < TELLING_NOUN_WEIGHT) continue;
      for (const t of query.terms) if (t.term === modifier || t.term === noun) weight += t.weight;
    }
    return weight;
  }

  /**
   * The weight of the question's words that one other entry has and this one lacks ("BUP", "exakt"), each counted at
   * `share`, or in full when that entry names it (namedByItsEntry).
   */
  private rareUnmatchedWeight(hit: RetrievalHit, query: AnalyzedQuery, share: number): number {
    let weight = 0;
    for (const t of query.terms) {
      if (!t.known || hit.matched.includes(t.term) || this.retriever.entriesWith(t.term) !== 1) continue;
      weight += t.weight * (share > 0 && this.namedByItsEntry(t.term) ? 1 : share);
    }
    return weight;
  }

  /**
   * Whether the one entry that has a term names it among its keywords with a capital ("MiniMaria"): a name of something
   * that entry tells of is no partial evidence but what the question is about, so it counts in full against an entry
   * that does not write it, as an unknown word does. Topic words ("tidsgräns", "utvecklingssamtal") keep the share.
   */
  private namedByItsEntry(term: string): boolean {
    let named = this.soleEntryNames.get(term);
    if (named === undefined) {
      const entry = this.knowledge.entries.find((e) => this.retriever.writesTerm(e, term));
      named = entry !== undefined && this.retriever.termsOf(entry.keywords.filter((k) => NAME.test(k)).join(' ')).has(term);
      this.soleEntryNames.set(term, named);
    }
    return named;
  }

  private async tryPhrased(question: string, entries: readonly KnowledgeEntry[]): Promise<Answer | undefined> {
    const passages = entries.map((entry, i) => ({ index: i + 1, title: entry.title, text: entry.body }));
    const controller = new AbortController();
    const timeoutMs = this.options.phraserTimeoutMs ?? 4000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new PhraserError('MODEL_TIMEOUT', `no answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const raw = await Promise.race([this.options.phraser!.phrase(question, passages, controller.signal), timeout]);
      return checkPhrasedAnswer(raw, entries, question);
    } catch (error) {
      if (error instanceof ModelOutputRefusedError) {
        this.options.events?.modelFallback(error.code, error.reason);
        return undefined;
      }
      const code = error instanceof PhraserError ? error.code : 'MODEL_ERROR';
      this.options.events?.modelFallback(code, error instanceof Error ? error.name : 'unknown');
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Why a model answer was not used. */
export class PhraserError extends Error {
  constructor(
    readonly code: 'MODEL_TIMEOUT' | 'MODEL_ERROR' | 'MODEL_UNCHECKED',
    message: string,
  ) {
    super(message);
    this.name = 'PhraserError';
  }
}

/** Why a model's text was refused; logged as the reason, never with the text. */
export const MODEL_OUTPUT_REFUSAL_REASONS = [
  'empty-or-overlong',
  'no-citation',
  'citation-outside-passages',
  'added-markup',
  'added-url',
  'added-email',
  'added-phone',
  'added-number',
] as const;
/** One refusal reason. */
export type ModelOutputRefusalReason = (typeof MODEL_OUTPUT_REFUSAL_REASONS)[number];

/** Model text that did not pass the check; the extractive answer is sent instead. */
export class ModelOutputRefusedError extends Error {
  readonly code = 'MODEL_OUTPUT_REFUSED';
  constructor(readonly reason: ModelOutputRefusalReason) {
    super(`Model output refused: ${reason}`);
    this.name = 'ModelOutputRefusedError';
  }
}

const ADDED: Readonly<Record<AddedContentKind, ModelOutputRefusalReason>> = {
  markup: 'added-markup',
  url: 'added-url',
  email: 'added-email',
  phone: 'added-phone',
  number: 'added-number',
};

const phrasedTextSchema = z.string().trim().min(20).max(1500);

/**
 * Accepts model text only if it cites the passages it was given and adds nothing to them: every `[n]`
 * must point at a passage and at least one must be there; links, markup (HTML, Markdown links),
 * e-mail addresses and telephone numbers must stand in the passages; every other number must stand in
 * the passages or the question. Otherwise throws ModelOutputRefusedError with the reason.
 */
export function checkPhrasedAnswer(raw: unknown, entries: readonly KnowledgeEntry[], question: string): Answer {
  const parsed = phrasedTextSchema.safeParse(raw);
  if (!parsed.success) throw new ModelOutputRefusedError('empty-or-overlong');
  const text = parsed.data;
  const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (markers.length === 0) throw new ModelOutputRefusedError('no-citation');
  if (markers.some((n) => n < 1 || n > entries.length)) throw new ModelOutputRefusedError('citation-outside-passages');
  const added = findAddedContent(text, { passages: entries.map((e) => `${e.title}\n${e.body}`), question });
  if (added) throw new ModelOutputRefusedError(ADDED[added]);

  // Renumber so the citations are exactly the cited passages, in order of first mention.
  const order = [...new Set(markers)];
  const renumbered = text.replace(/\[(\d+)\]/g, (_, n: string) => `[${order.indexOf(Number(n)) + 1}]`);
  const cited = order.map((n) => entries[n - 1]!);
  return { kind: 'answer', text: renumbered, citations: cited.map(toCitation), aiGenerated: true };
}

/** One entry in full with its `[1]` marker: for messages that cite a known entry (the day-14 reminder). */
export function composeExtractive(entries: readonly KnowledgeEntry[]): Answer {
  const [main, ...related] = entries;
  if (!main) throw new Error('composeExtractive needs at least one entry');
  const parts = [`**${main.title}**`, `${main.body} [1]`];
  related.forEach((entry, i) => parts.push(`Läs också: ${entry.title} [${i + 2}]`));
  return { kind: 'answer', text: parts.join('\n\n'), citations: entries.map(toCitation), aiGenerated: false };
}

/**
 * The sources as one short paragraph, for channels that cannot show citation pop-ups (Teams shows the
 * entities instead): "Källor: [1] Kraftsamling 2016, Orosanmälan · [2] …".
 */
export function compactSources(citations: readonly Citation[]): string {
  return `Källor: ${citations.map((c) => `[${c.index}] ${c.shortSource}`).join(' · ')}`;
}

const EXCERPT_MAX = 1500;

/** The citation of an entry shown as the `i + 1`-th source; the excerpt holds the whole entry, one click away. */
export function toCitation(entry: KnowledgeEntry, i: number): Citation {
  let cited = citedTexts.get(entry);
  if (!cited) {
    cited = { source: describeSource(entry), shortSource: shortSource(entry), excerpt: entry.body.length > EXCERPT_MAX ? `${entry.body.slice(0, EXCERPT_MAX - 1)}…` : entry.body };
    citedTexts.set(entry, cited);
  }
  return { index: i + 1, id: entry.id, title: entry.title, source: cited.source, shortSource: cited.shortSource, lastReviewed: entry.lastReviewed, excerpt: cited.excerpt };
}

// What a citation shows of an entry depends on the entry alone: worked out once per entry, not on every answer.
const citedTexts = new WeakMap<KnowledgeEntry, { readonly source: string; readonly shortSource: string; readonly excerpt: string }>();

/** A query with its terms' weights changed: its total and unknown weights follow them. */
function reweighed(query: AnalyzedQuery, terms: readonly QueryTerm[]): AnalyzedQuery {
  const weigh = (list: readonly QueryTerm[]) => list.reduce((sum, t) => sum + t.weight, 0);
  return { ...query, terms, totalWeight: weigh(terms), unknownWeight: weigh(terms.filter((t) => !t.known)) };
}

/**
 * Why a question about another municipality's routines gets no answer: the routines are `own`'s (the pack's municipality),
 * and the other municipality's socialtjänst answers for its own.
 */
function otherMunicipalityDecline(own: string, other: string): string {
  return `Jag svarar bara utifrån rutinerna i ${own} och kan inte säga hur det går till i ${other}. Det kan socialtjänsten i ${other} berätta.`;
}

/** The honest reply when the routines hold no answer (or not the detail asked, `lacking`): say so, and whom to call. */
export function noAnswer(contacts: Contacts, lacking?: string): Answer {
  const text = [
    lacking ?? 'Det hittar jag inget svar på i rutinerna, och jag vill inte gissa.',
    askContactLine(contacts),
    `Utanför telefontid: ${contacts.socialjouren.name}, ${contacts.socialjouren.phones[0]}. Är ett barn i akut fara: ring ${contacts.emergency.phone}.`,
  ].join('\n\n');
  return { kind: 'no-answer', text, citations: [], aiGenerated: false };
}

/** Whom to ask what the routines do not give: the contact person, or a mottagningssektion during telephone hours. */
function askContactLine(contacts: Contacts): string {
  const sections = contacts.mottagningssektioner.map((s) => `${s.name}: ${s.phone}`).join(', ');
  return `Fråga er kontaktperson från socialtjänsten eller ring mottagningssektionen under telefontid (${sections}).`;
}

/**
 * What an entry says a value is for: its title and keywords, each line that holds a value, and the line introducing a
 * list of them ("… mottagningssektioner:"). "Övriga tider gäller socialjouren" two lines below the fax numbers does not
 * make them socialjouren's.
 */
/**
 * For hours asked of an open place ("den öppna förskolan"): some entry that gives hours writes that place, "öppen"
 * or "öppna" before the same word (compared by its first letters, for the definite and plural forms).
 */
function namesOpenPlace(parts: readonly ComposedPart[], clause: string): boolean {
  const place = OPEN_PLACE.exec(clause)?.[1];
  if (place === undefined) return true;
  const stem = place.toLowerCase().replace(/[åä]/gu, 'a').replace(/ö/gu, 'o').slice(0, 5);
  return parts.some((p) => {
    if (!HOURS.test(p.entry.body)) return false;
    const text = p.entry.body.toLowerCase().replace(/[åä]/gu, 'a').replace(/ö/gu, 'o');
    return new RegExp(String.raw`(?<![\p{L}])oppe?na?\s+${stem}`, 'u').test(text);
  });
}

function valueContext(entry: KnowledgeEntry, value: RegExp): string {
  const lines = entry.body.split('\n');
  const near = lines.filter((line, i) => value.test(line) || (line.trimEnd().endsWith(':') && lines.slice(i + 1).some((next) => value.test(next))));
  return [entry.title, ...entry.keywords, ...near].join('\n');
}

/** For callers that only want retrieval hits (e.g. evaluation). */
export type { RetrievalHit };

/**
 * "Vad omfattar samtycket, och vem ber föräldrarna om det?": when a part's words alone do not tell the whole question's best
 * entry by its words (`top`, before a value one part asks for reorders it) from the part's best (a near tie on
 * "samtycke"), the best entry answers the part: the rest of the question says which is meant.
 */
function bestOfWholeInTie(partHits: RetrievalHit[], top: RetrievalHit | undefined): RetrievalHit[] {
  const best = partHits[0];
  const tied = partHits.find((h) => h.entry.id === top?.entry.id && best !== undefined && h.score >= best.score * TIED_SCORE_RATIO);
  return tied === undefined || tied === best ? partHits : [tied, ...partHits.filter((h) => h !== tied)];
}

/** The part's hits with the first close one (RELATED_SCORE_RATIO of the best) that no part before found first, when the best is one they found. */
function notFoundBefore(partHits: RetrievalHit[], found: readonly ComposedPart[]): RetrievalHit[] {
  const best = partHits[0];
  const foundBefore = (h: RetrievalHit) => found.some((p) => p.entry.id === h.entry.id);
  if (best === undefined || !foundBefore(best)) return partHits;
  const other = partHits.find((h) => !foundBefore(h) && h.score >= best.score * RELATED_SCORE_RATIO);
  return other === undefined ? partHits : [other, ...partHits.filter((h) => h !== other)];
}

/** For a question for a length of time, a month, a year or an age, a close runner-up that states one comes before a best entry that does not. */
function preferValueAsked(hits: RetrievalHit[], clause: string): RetrievalHit[] {
  const folded = foldDiacritics(clause);
  return preferStating(preferStating(preferMonth(preferDuration(hits, clause), clause), WHICH_YEAR.test(clause), YEAR), WHICH_AGE.test(folded), AGE);
}

/**
 * For "Hur länge …?", an entry among the close runners-up that states a length of time ("fyra månader",
 * "14 dagar") comes before a best entry that states none.
 */
function preferDuration(hits: RetrievalHit[], clause: string): RetrievalHit[] {
  const top = hits[0];
  // "genast" answers "hur snabbt …?" as well as "14 dagar" does.
  if (!top || !HOW_LONG.test(clause) || DURATION.test(top.entry.body) || SOON.test(top.entry.body)) return hits;
  // Of the close runners-up that state one, the one covering most of the question.
  const timed = hits
    .slice(1, 4)
    .filter((h) => h.score >= DURATION_SCORE_RATIO * top.score && DURATION.test(h.entry.body))
    .sort((a, b) => b.coverage - a.coverage || b.score - a.score)[0];
  return timed ? [timed, ...hits.filter((h) => h !== timed)] : hits;
}

/**
 * For "Vilken paragraf i lagen (2025:400) …?": every act the question names by its SFS number is cited by an entry
 * used. The routines cite the acts of their time; the paragraph of another act is not theirs to give.
 */
function citesActsNamed(parts: readonly ComposedPart[], clause: string): boolean {
  const named = [...clause.matchAll(SFS_NUMBER)].map((m) => m[0]);
  return named.every((sfs) => parts.some((p) => p.entry.legal.some((l) => l.act.includes(sfs) || l.ref.includes(sfs))));
}

/** A question for one value: a number, a time, a count, a length of time or how often. */
function asksForValue(shape: QuestionShape): boolean {
  return (shape.number !== undefined && shape.number !== 'law') || HOW_LONG.test(shape.clause) || HOW_OFTEN.test(shape.clause);
}

/** For a question for what to do, a close candidate comes before a best entry that only defines a term. */
function preferAction(hits: RetrievalHit[], clause: string): RetrievalHit[] {
  const top = hits[0];
  if (!top || !DEFINITION_TITLE.test(top.entry.title) || !ASKS_WHAT_TO_DO.test(foldDiacritics(clause))) return hits;
  // Of the close candidates that tell what to do, the one whose example questions are closest to the question.
  const acting = hits
    .slice(1, 4)
    .filter((h) => h.score >= ACTION_SCORE_RATIO * top.score && !DEFINITION_TITLE.test(h.entry.title))
    .sort((a, b) => b.questionMatch - a.questionMatch)[0];
  return acting ? [acting, ...hits.filter((h) => h !== acting)] : hits;
}

/** Whether story sentence `i` tells of the child or family: names them, or goes on about them by "de"/"dem" after a sentence that did. */
function tellsOfTheCase(sentences: readonly string[], i: number, patterns: WordListPatterns): boolean {
  const personal = (s: string) => patterns.casePerson.test(foldDiacritics(s)) || CASE_PRONOUN.test(s);
  return personal(sentences[i] ?? '') || (i > 0 && CASE_PLURAL_PRONOUN.test(sentences[i] ?? '') && sentences.slice(0, i).some(personal));
}

/**
 * The message tells, before its question, that socialtjänsten investigates the case now and that something new has come up,
 * and its question asks what the school does or whether it waits.
 */
function newConcernDuringInvestigation(question: string, clause: string, patterns: WordListPatterns): boolean {
  if (!patterns.actsOrWaits.test(foldDiacritics(clause))) return false;
  const told = question.replace(clause, ' ');
  // A message of one sentence tells the situation before its last comma or "men" ("soc utreder redan men nu har eleven
  // berättat nya saker, ska vi göra en ny anmälan"): the pieces before the last are the story.
  const story = (told.trim() === '' ? clause.split(STORY_SENTENCE_END).slice(0, -1) : told.split(STORY_SENTENCE_END)).map(foldDiacritics);
  // An investigation at BUP, at the habilitering or the school's own (an NPF investigation) is not socialtjänsten's.
  const others = (s: string) => patterns.otherInvestigation.test(s) && !patterns.socialServices.test(s);
  const investigating = story.some((s) => !patterns.ended.test(s) && !others(s) && (INVESTIGATES.test(s) || (INVESTIGATION.test(s) && patterns.underWay.test(s))));
  // The new thing is of the case ("eleven har nya blåmärken"), not of the school ("vi har fått en ny vaktmästare").
  return investigating && story.some((s, i) => patterns.somethingNew.test(s) && tellsOfTheCase(story, i, patterns));
}

/** The message says its writer is unsure whether what they see is enough to report, and asks what they can do or whom to talk to. */
function unsureWhetherToReport(question: string, patterns: WordListPatterns): boolean {
  const folded = foldDiacritics(question.trim());
  if (!(patterns.asksWhatWeCanDo.test(folded) || patterns.asksWhomToTalkTo.test(folded)) || !patterns.unsureWhetherToReport.test(folded)) return false;
  // A concern for a child: the message tells of a child, a family or a concern, or names a report of concern ("anmäla stölden" is none).
  return patterns.concernForChild.test(folded);
}

/**
 * The writer's doubt names the report itself ("… om det är tillräckligt för en anmälan"), not only whether something is
 * enough, and not a report to someone else than socialtjänsten ("om vi ska anmäla till polisen", "… till Skolinspektionen").
 */
function doubtNamesReport(question: string, patterns: WordListPatterns): boolean {
  const folded = foldDiacritics(question.trim());
  const doubt = patterns.unsureWhetherToReport.exec(folded);
  if (!doubt) return false;
  const sentence = folded.slice(doubt.index).split(/[.!?]/u)[0] ?? '';
  const recipients = [...sentence.matchAll(patterns.reportedTo)].map((m) => m[1] ?? '');
  if (recipients.some((recipient) => !patterns.socialServices.test(recipient) && !patterns.socialServicesUnit.test(recipient))) return false;
  return patterns.report.test(sentence);
}

/** For "Vilken månad …?", a close runner-up that names a month comes before a best entry that names none. */
function preferMonth(hits: RetrievalHit[], clause: string): RetrievalHit[] {
  const top = hits[0];
  if (!top || !WHICH_MONTH.test(clause) || MONTH.test(top.entry.body)) return hits;
  const dated = hits.slice(1, 4).find((h) => h.score >= DURATION_SCORE_RATIO * top.score && MONTH.test(h.entry.body));
  return dated ? [dated, ...hits.filter((h) => h !== dated)] : hits;
}

/** For a question for a year or an age, a close runner-up that states one comes before a best entry that states none. */
function preferStating(hits: RetrievalHit[], asks: boolean, states: RegExp): RetrievalHit[] {
  const top = hits[0];
  if (!top || !asks || states.test(top.entry.body)) return hits;
  const stating = hits.slice(1, 4).find((h) => h.score >= STATED_VALUE_SCORE_RATIO * top.score && states.test(h.entry.body));
  return stating ? [stating, ...hits.filter((h) => h !== stating)] : hits;
}

/**
 * Whether `terms` (a clause of an entry) name one of `of`: the same term, or the head of a compound of the question
 * ("mötet" names back "anmälningsmötet", "utredning" names "barnavårdsutredning").
 */
function namesAny(terms: ReadonlySet<string>, of: ReadonlySet<string>): boolean {
  const stems = [...of].map(bareForm);
  return [...terms].some((term) => {
    const head = bareForm(term);
    return of.has(term) || (head.length >= MIN_NAMED_HEAD && stems.some((o) => o.endsWith(head)));
  });
}

/** A term without its definite or plural ending ("mötet" → "möt"), as the stems of compounds stand. */
function bareForm(term: string): string {
  const bare = stemSwedish(term).replace(DEFINITE_ENDING, '');
  return bare.length >= MIN_NAMED_HEAD ? bare : term;
}

/** The share of the question's weight that `hit` has and `top` lacks. */
function addsWeight(hit: RetrievalHit, top: RetrievalHit, query: AnalyzedQuery): number {
  const inTop = new Set(top.matched);
  let added = 0;
  for (const term of query.terms) if (term.known && hit.matched.includes(term.term) && !inTop.has(term.term)) added += term.weight;
  return query.totalWeight === 0 ? 0 : added / query.totalWeight;
}

/**
 * `ranked`'s hits reordered by their score relative to its best plus QUESTION_SENTENCE_WEIGHT times their
 * score in `other` relative to its best: an entry must fit both searches.
 */
function blendRelative(ranked: readonly RetrievalHit[], other: readonly RetrievalHit[], ranks?: Map<RetrievalHit, number>): RetrievalHit[] {
  const best = ranked[0]?.score ?? 0;
  const otherBest = other[0]?.score ?? 0;
  const otherScore = new Map(other.map((h) => [h.entry.id, otherBest > 0 ? h.score / otherBest : 0]));
  const blended = ranked
    .map((hit) => ({ hit, rank: (best > 0 ? hit.score / best : 0) + QUESTION_SENTENCE_WEIGHT * (otherScore.get(hit.entry.id) ?? 0) }))
    .sort((a, b) => b.rank - a.rank);
  for (const { hit, rank } of blended) ranks?.set(hit, rank);
  return blended.map((r) => r.hit);
}

/**
 * The hits with the first of the close ones (the next four, scoring at least `ratio` of the best) that `has` what the
 * question names moved to the front, unless the best already has it.
 */
function closeFirst(hits: RetrievalHit[], ratio: number, has: (hit: RetrievalHit) => boolean, closeness: (hit: RetrievalHit) => number = (hit) => hit.score): RetrievalHit[] {
  const top = hits[0];
  if (!top || has(top)) return hits;
  const having = hits.slice(1, 5).find((h) => closeness(h) >= ratio * closeness(top) && has(h));
  return having ? [having, ...hits.filter((h) => h !== having)] : hits;
}

/** A phrase (folded, lower case) as whole words, any white space between them. */
function wholeWords(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}])${words.join('\\s+')}(?![\\p{L}])`, 'u');
}
