import type { KnowledgeEntry } from './knowledge-entry.js';
import { numberWordValues } from './number-words.js';
import { asSentence, entryUnits, renderUnits, type EntryUnit } from './entry-units.js';
import { SWEDISH_MODALS, doneThingOf, shapeOf, withoutSelfIntroduction, type QuestionShape, type SentenceShortenings } from './question-shape.js';
import type { AnalyzedQuery } from './search/retriever.js';

/** What the composer needs from retrieval: the terms of a text, how much a term weighs, a question as understood. */
export interface TermSource {
  termsOf(text: string): ReadonlySet<string>;
  weightOf(term: string): number;
  analyze(question: string, options?: { keepEverydayWords?: boolean }): AnalyzedQuery;
}

/** A yes/no question an entry settles: its terms, the terms of the situation it holds in, its answer. */
interface Claim {
  readonly question: string;
  readonly answer: 'ja' | 'nej';
  readonly terms: ReadonlySet<string>;
  readonly conditions: ReadonlySet<string>;
  /** The claim's words outside its situation, word by word: what it says of the situation. */
  readonly subject: readonly { readonly terms: readonly string[]; readonly weight: number }[];
  /** The words that name the situation: its conditions but the everyday ones. */
  readonly naming: ReadonlySet<string>;
  /** The weight the situation counts with: that of its heaviest word. */
  readonly conditionWeight: number;
  readonly weight: number;
  /** "only", "always" or "never" when the claim asks about one of those ("Leder en anmälan alltid till …?"). */
  readonly scope: string;
  /** "same" or "different" when the claim asks whether things are alike ("Har Norr och Södra olika nummer?"). */
  readonly contrast: string | undefined;
  /** The numbers the claim names ("årskurs 4–9", "fyra månader"). */
  readonly numbers: ReadonlySet<string>;
  /** The ages the claim holds for by a bound it names ("[över 18 år]", "upp till 20 år"). */
  readonly ages: readonly AgeRange[];
  /** When in relation to its situation the claim holds: "under", "före" or "efter" ("[under lunchen]"). */
  readonly timing: ReadonlySet<string>;
  /** The claim asks about something negated ("… utredning [inte] har inletts?"). */
  readonly innerNegation: boolean;
  /** Who the claim asks about, if it asks what someone does ("Tar socialtjänsten över …?" – "socialtjänsten"; "vi" as "we"). */
  readonly doer: string | undefined;
  /** Whether the claim is about what one must or what one may do, if it says. */
  readonly modal: QuestionShape['modal'];
  /** Whether the claim says open or closed (of a line, an office, a meeting); reaching someone counts as open. */
  readonly says: OpenOrClosed;
  /** The terms of whom "Är det X som …?" singles out (none for "någon"). */
  readonly singledOut: ReadonlySet<string> | undefined;
  /** The terms of the thing "Finns det X …?" asks whether there is. */
  readonly existing: ReadonlySet<string> | undefined;
}

/** Ages from `min` to `max` (inclusive), named by `bound` ("över 18" – 19 and up, named "18"). */
interface AgeRange {
  readonly min: number;
  readonly max: number;
  readonly bound: string;
}

/** What a long message tells before it asks: its words (what it says is not the case left out) and numbers. */
interface Situation {
  readonly terms: readonly { term: string; weight: number }[];
  readonly numbers: ReadonlySet<string>;
  readonly ages: ReadonlySet<string>;
}

/** A question as compared with yes/no claims. */
interface Asked {
  readonly terms: readonly { term: string; weight: number }[];
  readonly words: readonly { terms: readonly { term: string; weight: number }[]; weight: number }[];
  readonly weight: number;
  readonly modal: QuestionShape['modal'];
  readonly without: boolean;
  readonly scope: string;
  readonly timing: ReadonlySet<string>;
  readonly contrast: string | undefined;
  readonly numbers: ReadonlySet<string>;
  /** The question asks whether anything at all holds ("får vi veta något?"). */
  readonly anything: boolean;
  /** The numbers asked about that are ages ("19 år"). */
  readonly ages: ReadonlySet<string>;
  readonly roles: readonly string[];
  readonly innerNegation: boolean;
  /** Who the question asks about: the word after its verb ("Får vi …?" – "we"). */
  readonly doer: string | undefined;
  /** The terms of the thing a short question asks about doing something to ("en anmälan" in "Kan vi ta tillbaka en anmälan?"). */
  readonly thing: ReadonlySet<string>;
  /** The terms of whom "Är det X som …?" singles out (none for "någon"). */
  readonly singledOut: ReadonlySet<string> | undefined;
  /** "Ska vi …?", "Bör anmälan …?": a question for what should be done, which what may be done does not answer. */
  readonly advice: boolean;
  /** The question's terms, as a set. */
  readonly termSet: ReadonlySet<string>;
  /** "Är det någon som …?": whether anyone does something, which a no about one doer does not answer. */
  readonly asksAnyone: boolean;
}

/** How well a claim matches a question, and the question's words that name the claim's situation. */
interface ClaimMatch {
  readonly claim: Claim;
  /** The entry the claim is of. */
  readonly entry: KnowledgeEntry;
  readonly answer: 'ja' | 'nej';
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly named: readonly string[];
}

/** One entry an answer is made from, with the (part of the) question it answers. */
export interface ComposedPart {
  readonly entry: KnowledgeEntry;
  readonly query: AnalyzedQuery;
}

/** An extractive answer's text and the entries it cites, in `[n]` order. */
export interface ComposedText {
  readonly text: string;
  readonly entries: readonly KnowledgeEntry[];
  /** "ja" or "nej" when the answer leads with one. */
  readonly yesNo?: 'ja' | 'nej';
}

// A yes/no claim answers the question when it shares this much of both questions' weight (F1), and no
// claim with the opposite answer comes within CLAIM_MARGIN of it.
const CLAIM_MATCH = 0.52;
const CLAIM_MARGIN = 0.05;
const CLAIM_RECALL = 0.45;
const CLAIM_MIN_WEIGHT = 1;
// Open and closed, as a question or a claim says them ("öppet", "lunchstängt", "closed").
const OPEN_WORDS = /(?<![\p{L}])(?:öppe[nt]|öppna|oppe[nt]|oppna|open)(?![\p{L}])/iu;
// In a claim, reaching someone by phone ("Kan man ringa mottagningen [under lunchen]?") is their being open; in a question
// it is asked at a time ("ringa efter lunch"), which the claims' timing decides.
const REACH_WORDS = /(?<![\p{L}])(?:ringa|ringer|svarar|svara|nås|nå)(?![\p{L}])/iu;
const CLOSED_WORDS = /(?:stäng|stang|closed)\p{L}*/iu;
// "Finns det (en/någon) X …?", "Is there (a/any) X …?": the thing whose existence is asked about.
const EXISTS = /^\s*(?:finns\s+det|is\s+there|are\s+there)\s+(?:en|ett|någon|något|några|nån|nåt|a|an|any)?\s*([\p{L}-]+)/iu;
const CLAIM_MAX_WEIGHT = 3;
// A claim about a situation needs this share of what it says of it (its words outside the brackets) asked or told.
const CLAIM_SUBJECT_SHARE = 0.4;
// "Är det socialtjänsten som …?": who or what a claim asks about.
const CLEFT = /^(?:är|var|blir)\s+det\s+(.+?)\s+som\s/i;
// The shortest part of a compound that is counted with it ("tid" of "utredningstid").
const MIN_PART = 3;
// A situation's word names it when it weighs at least this share of the situation's heaviest word.
const CONDITION_TELLING = 0.4;
// …and at least this much when the situation has a word that heavy: "misstänkt", "barnet", "familjen" name none.
const CONDITION_FLOOR = 1.25;
// A yes/no question's opening modal verb (after a short topic and a dash) and the forms a sentence says it with.
// The topic may stand before a colon too ("EHT-fråga: får vi …?"). A sentence says one may with "får" or "kan" ("Ni kan
// konsultera …" answers "Får vi konsultera …?"); "ska" answers "Ska vi …?" as "måste" does.
const LEAD_MODAL_QUESTION = new RegExp(
  String.raw`^\s*(?:[^.?!–—:]{1,30}(?:\s[–—-]\s+|:\s*))?(${[...SWEDISH_MODALS, 'can', 'may', 'must', 'should'].join('|')})(?![\p{L}])`,
  'iu',
);
const MAY_FORMS = String.raw`får|kan|har\s+möjlighet\s+att|har\s+rätt\s+att`;
const MUST_FORMS = String.raw`måste|ska|skall|är\s+skyldig[at]?\s+att`;
const MODAL_FORMS: Readonly<Record<string, string>> = {
  kan: String.raw`kan|har\s+möjlighet\s+att`, can: String.raw`kan|har\s+möjlighet\s+att`, får: MAY_FORMS, far: MAY_FORMS, may: MAY_FORMS,
  måste: MUST_FORMS, maste: MUST_FORMS, must: MUST_FORMS, behöver: `behöver|${MUST_FORMS}`, behover: `behöver|${MUST_FORMS}`,
  ska: MUST_FORMS, skall: MUST_FORMS, should: `bör|${MUST_FORMS}`, bör: `bör|${MUST_FORMS}`, bor: `bör|${MUST_FORMS}`,
};
// The verb and what it governs: this many words after a question's subject, or after a sentence's modal and its subject.
const VERB_PHRASE_WORDS = 4;
const MIN_COMPOUND_PART = 4;
const SUBJECT_PREPOSITIONS: ReadonlySet<string> = new Set(['på', 'i', 'inom', 'från', 'vid', 'hos']);
const ARTICLES: ReadonlySet<string> = new Set(['en', 'ett', 'den', 'det', 'de', 'a', 'an', 'the']);
// Words before a lead sentence's modal verb that are its subject, not a situation it holds in ("Förskola/skola har …").
const MAX_LEAD_SUBJECT_WORDS = 3;
// A lead sentence answers the yes/no question itself when it holds this share of the question's weight.
const LEAD_STATES_SHARE = 0.5;
// After a "Nej", a sentence with a negation scoring this share of the best leads before one without.
const NEGATED_LEAD_SHARE = 0.5;
const NEGATION_WORD = /(?<![\p{L}])(?:inte|ej|icke|aldrig|ingen|inget|inga|utan|not|no|never)(?![\p{L}])/iu;
// A negation anywhere in the lead makes it more than a plain yes.
const LEAD_NEGATION = /(?<![\p{L}])(?:inte|ej|icke|aldrig|ingen|inget|inga|utan)(?![\p{L}])/giu;
// The lead is the earliest unit scoring this close to the best: entries are written answer first.
const LEAD_SHARE = 0.8;
// A sentence that says something holds not always: "inte alltid", "inte i varje situation", "inte alla".
const NOT_ALWAYS = /(?<![\p{L}])(?:inte|ej)\s+(?:i\s+)?(?:alltid|alla|varje|samtliga)(?![\p{L}])/iu;
// A sentence about what the older routine said, and how much its score counts when the lead is chosen.
const OLDER_ROUTINE = /^\(?(?:enligt\s+)?den\s+(?:äldre|tidigare|gamla)\s+rutinen(?![\p{L}])/iu;
const ASIDE_LEAD_FACTOR = 0.25;
// A list's introduction goes into the lead only when it is this short.
const MAX_INTRO_WORDS = 12;
// A secondary entry shows its best sentences: those within this share of its best one, at most three.
const SECONDARY_SHARE = 0.5;
const SECONDARY_UNITS = 3;
// The most entries one answer is made from.
const MAX_PARTS = 3;
// A sentence that opens by pointing back to the one before ("I dem ingår …", "Dessa …", "Där …") is about what that
// one names: it is ranked with that sentence's words too, and shown with it.
const POINTS_BACK = /^(?:(?:i|av|för|med|till|hos|från|bland)\s+)?(?:dem|dessa|denna|detta|där|dit|deras|dess)(?![\p{L}])/iu;
// Words that decide a yes or no though retrieval ignores them (stop words): "bara rektor", "alltid utredning",
// "alla anmälningar".
const SCOPES: Readonly<Record<string, string>> = {
  bara: 'only', endast: 'only', enbart: 'only', only: 'only', alltid: 'always', always: 'always', aldrig: 'never', never: 'never',
  // "alla anmälningar" is "en anmälan alltid".
  alla: 'always', all: 'always', allt: 'always', samtliga: 'always', varje: 'always', every: 'always', each: 'always',
};
// "Får vi veta något …?": a no about one thing ("vad utredningen ledde till") is no no to anything at all.
const ANYTHING = /(?<![\p{L}])(?:något|nåt|någonting|nånting|anything|something)(?![\p{L}])/iu;
const SCOPE_WORDS = new RegExp(String.raw`(?<![\p{L}])(${Object.keys(SCOPES).join('|')})(?![\p{L}])`, 'gu');
// The same words, to test a question for one of them (no global state, any case).
const NAMES_SCOPE = new RegExp(SCOPE_WORDS.source, 'iu');
// The one who asks, however said ("vi", "man", "jag"); the verbs that ask what should be done rather than what is done;
// a short topic before a colon or a dash ("EHT-fråga: …").
const ASKERS: ReadonlySet<string> = new Set(['vi', 'man', 'jag', 'ni', 'du', 'we', 'i', 'you']);
const ADVISING: ReadonlySet<string> = new Set(['ska', 'skall', 'bör', 'bor', 'borde', 'should', 'måste', 'maste', 'behöver', 'behover', 'must']);
const LEAD_TOPIC = /^\s*[^.?!–—:]{1,30}(?:\s[–—-]\s+|:\s*)(?=\p{L})/u;
// Number words as digits, so "fyra månader" and "4 månader" are the same number.
const NUMBERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(numberWordValues(2, 20)).map(([word, value]) => [word, String(value)])),
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', twelve: '12', fourteen: '14', twenty: '20',
};
/** The number words `countOf` reads, for patterns that look for a count written in letters. */
export const COUNT_WORDS: readonly string[] = Object.keys(NUMBERS);
const NUMBER_WORDS = new RegExp(String.raw`(?<![\p{L}\d])(\d+|${COUNT_WORDS.join('|')})(?![\p{L}\d])`, 'gu');
/** A count written as digits or a number word ("två", "3"), as a number; NaN for anything else. */
export function countOf(word: string): number {
  const lower = word.trim().toLocaleLowerCase('sv');
  return /^\d+$/.test(lower) ? Number(lower) : Number(NUMBERS[lower] ?? Number.NaN);
}

// An age a claim names by a bound: "över 18", "som fyllt 18", "under 18 år", "upp till 20 år", "mellan 18 och 20 år".
const AGE_BOUNDS = /(?<![\p{L}])(över|fyllt|under|upp till|mellan)\s+(\d{1,2})(?:\s+och\s+(\d{1,2}))?(?!\d)/giu;
// An age asked about: "19 år", "en 19-åring", "fyllt 19", "19 years old".
const ASKED_AGE = /(?<![\p{L}\d])(\d{1,2})(?:\s*-?\s*år(?!\p{L})|\s*-?\s*åring\p{L}*|\s+years?\b|-year-old)|(?<![\p{L}])fyllt\s+(\d{1,2})(?!\d)/giu;
// "Enligt rutinen, …?": the source a question cites before it asks.
const SOURCE_ASIDE = /^(?:enligt|according to)\s[^,?]{1,80},\s*/iu;
// ", till exempel sakkunniga,": an example given of what is asked about, up to the next comma.
// "rekt ska skicka utlåtandet – får man mejla det?": a short topic (at most five words) written first, then a dash and the
// yes/no question about it. The question after the dash is what is asked; the topic's words ("skicka") would match a claim
// about something else. A longer lead-in is a sentence of its own ("Jag … vet inte hur jag ska göra – kan jag …?").
const TOPIC_ASIDE = new RegExp(String.raw`^(?:[^\s?.!–—]+\s+){0,4}[^\s?.!–—]+\s[–—]\s+(?=(?:${SWEDISH_MODALS.join('|')})(?![\p{L}]))`, 'iu');
const EXAMPLE_ASIDE = /,?\s*(?<![\p{L}])(?:till exempel|t\.\s?ex\.?|exempelvis|bland annat|bl\.\s?a\.|for example|for instance|e\.g\.)\s[^,?.!]*/iu;
// Where a situation lies in time: "före", "under" or "efter" lunchen.
const TIMINGS: Readonly<Record<string, string>> = {
  före: 'before', innan: 'before', before: 'before', under: 'during', medan: 'during', during: 'during', efter: 'after', after: 'after',
};
const TIMING_WORDS = new RegExp(String.raw`(?<![\p{L}])(${Object.keys(TIMINGS).join('|')})(?![\p{L}])`, 'gu');
// The words for the child a question is about, read as one; the people a claim may be about; the verbs that ask
// whether a rule covers something.
const CHILD_WORDS = 'barn barnet elev eleven elever unga ungdom ungdomar';
// Other words a claim and a question use for the same thing: the social services as an actor, however named;
// "skolan" and "skolorna"; "pågående" and "pågår"; "ta längre" and "förlängas".
const SAME_WORDS = ['socialtjänsten socialsekreteraren socialsekreterarna socialförvaltningen utredningsenheten', 'skola skolan', 'pågår pågående', 'förlängas längre'];
const ROLES = 'rektor lärare mentor kurator skolsköterska skolläkare psykolog specialpedagog vårdnadshavare polis BUP barnskötare förskollärare fritidspersonal';
const COVER_VERBS = 'gäller gälla omfattas omfattar omfatta berör beröra inkluderar inkludera';
// "inte", "inget", "utan" and the rest of their clause: what a situation is not ("inget tyder på våld").
const NEGATED_WORDS = /(?<![\p{L}])(?:inte|ej|icke|inget|ingen|inga|aldrig|utan|not|no|never|without)(?![\p{L}])[^.,;:!?]*/giu;
const PHONE_SOURCE = String.raw`(?:\+46\s?|0)\d{1,3}[-–\s]?\d{2,3}\s?\d{2}\s?\d{2}|\b\d{3} \d{3} \d{2}\b|\b\d{3} \d{2} \d{2}\b`;
const PHONE = new RegExp(PHONE_SOURCE);
const PHONES = new RegExp(PHONE_SOURCE, 'g');
const TIME = /\b\d{1,2}[.:]\d{2}\b|\bkl\.?\s?\d/;
const AMOUNT = /\d|\b(en eller två|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|fjorton|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b/i;
const NEW_SOL = 'SoL (2001:453) ersattes av en ny socialtjänstlag, SoL (2025:400), den 1 juli 2025; paragrafnumren kan skilja sig där.';

/**
 * Puts an extractive answer together from one to three entries: the sentence that answers the
 * question first (with "Ja"/"Nej" when an entry settles the yes/no question, the asked-for number
 * first), then the rest of the main entry as context, the best sentences of further entries, and the
 * legal references. Every statement carries the `[n]` of its entry.
 */
export class AnswerComposer {
  private readonly units = new Map<string, readonly { unit: EntryUnit; terms: ReadonlySet<string> }[]>();
  private readonly claims = new Map<string, readonly Claim[]>();
  private covers: ReadonlySet<string> | undefined;
  private roleTerms: ReadonlySet<string> | undefined;
  private children: ReadonlyMap<string, string> | undefined;
  private without: ReadonlySet<string> | undefined;
  private older: ReadonlySet<string> | undefined;
  private ways: readonly (readonly [ReadonlySet<string>, ReadonlySet<string>])[] | undefined;

  /**
   * `olderRoutineWords` ask about an older routine ("äldre", "tidigare", "förr"): a sentence about it may then lead.
   * `shortenings` are those whose full stop does not end a sentence, as the answerer reads questions.
   */
  constructor(
    private readonly terms: TermSource,
    private readonly olderRoutineWords: readonly string[],
    private readonly shortenings: SentenceShortenings,
  ) {}

  /**
   * `asked` gives the question clause as compared with the entries' yes/no claims (called only for a yes/no
   * question). `related` are further entries close to the question (retrieval's runners-up): their yes/no claims
   * may settle the question even when another entry's sentences answer it best. `settled` is a yes or no the
   * question has been given elsewhere (from the telephone hours).
   */
  compose(
    parts: readonly ComposedPart[],
    shape: QuestionShape,
    asked: () => AnalyzedQuery,
    related: readonly KnowledgeEntry[] = [],
    followUp?: KnowledgeEntry,
    settled?: 'ja' | 'nej',
  ): ComposedText {
    if (!parts[0]) throw new Error('compose needs at least one entry');
    const retrieved = parts.map((p) => p.entry);
    const candidates = [...retrieved, ...related.filter((e) => !retrieved.includes(e))];
    // "Får vi konsultera anonymt, och vad händer om …?": the yes or no answers the first part, not the words of the second.
    const [firstPart] = shape.parts;
    const askedText = shape.parts.length >= 2 && firstPart && shapeOf(firstPart, this.shortenings).yesNo ? firstPart : shape.clause;
    const claimClause = settled || !shape.yesNo ? undefined : this.withoutAsides(asked(), shape.clause, askedText);
    const settle = (entries: readonly KnowledgeEntry[]) => (claimClause ? this.settle(entries, claimClause, shape.modal, this.situation(shape.situation)) : undefined);
    const settledBy = settle(candidates);
    const claimed = settled ?? settledBy?.answer;
    // An entry whose yes/no claim is the question asked answers it: it leads (a runner-up joins; a retrieved entry moves
    // up when the best match by words settles nothing itself), and the best match by words follows – its opening
    // sentence after another entry's "Nej." would answer nothing.
    const settling =
      settledBy && shape.parts.length < 2 && settledBy.entry !== parts[0].entry && (!retrieved.includes(settledBy.entry) || !settle([parts[0].entry])) ? settledBy.entry : undefined;
    const [main, ...rest] = settling
      ? [parts.find((p) => p.entry === settling) ?? { entry: settling, query: parts[0].query }, ...parts.filter((p) => p.entry !== settling)].slice(0, MAX_PARTS)
      : parts;
    if (!main) throw new Error('compose needs at least one entry');
    const used = [main, ...rest].map((p) => p.entry);
    const { lead, context } = this.leadAndContext(main, shape, claimed);
    // No claim settles it: the lead sentence may itself say what is asked, with the question's own modal verb.
    const yesNo = claimed ?? (shape.yesNo && shape.parts.length < 2 ? this.yesNoOfLead(lead, shape) : undefined);
    // The entry the main one names as its followUp: its point, cited as the last source.
    const follow = followUp?.point && !used.includes(followUp) ? { entry: followUp, point: followUp.point, index: used.length + 1 } : undefined;
    const entries = follow ? [...used, follow.entry] : used;
    const english = main.query.english;
    const paragraphs: string[] = [];

    if (english) {
      const alsoEnglish = follow?.entry.english ? ` ${follow.entry.english} [${follow.index}]` : '';
      paragraphs.push(`${this.englishLead(main.entry, yesNo)}${alsoEnglish}`);
    }
    const opener = yesNo && !english ? `**${swedishYesNo(yesNo, shape.negated && !shape.innerNegation)}.** ` : '';
    const prefix = `${english ? 'På svenska: ' : ''}${opener}`;
    // A list cannot follow "Nej." on the same line: the yes or no stands as its own paragraph then.
    if (/^\s*([-*•]|\d+\.)\s/.test(lead) && prefix) paragraphs.push(prefix.trim(), `${lead} [1]`);
    else paragraphs.push(`${prefix}${lead} [1]`);
    // "Vad ska jag göra, och ska jag ringa föräldrarna?": the yes/no part of a question in two parts gets its yes or no.
    // When the opener answered the first part, a later yes/no part ("…, och måste den kompletteras?") gets its own.
    const partYesNo = english ? undefined : !shape.yesNo ? this.yesNoOfPart(candidates, shape, 0) : askedText === firstPart ? this.yesNoOfPart(candidates, shape, 1) : undefined;
    if (partYesNo) paragraphs.push(`**${partYesNo.question}** ${swedishYesNo(partYesNo.answer, false)}.`);
    if (context) paragraphs.push(context.endsWithList ? context.text : `${context.text} [1]`);
    if (main.entry.status === 'superseded') paragraphs.push('Observera: den här uppgiften är ersatt av en nyare rutin, se nedan.');
    rest.forEach((part, i) => paragraphs.push(`**${part.entry.title}:** ${this.bestSentences(part, shape)} [${i + 2}]`));
    if (follow) paragraphs.push(`${titleLabel(follow.entry.title)} ${follow.point} [${follow.index}]`);
    const legal = legalLine(entries);
    // "Vilket kapitel i SoL …?" is answered by the paragraph first, when the entry's own text does not give it.
    if (legal && shape.number === 'law' && !hasNumberOfKind(paragraphs[0]!, 'law')) paragraphs.unshift(legal);
    else if (legal) paragraphs.push(legal);
    return { text: paragraphs.join('\n\n'), entries, ...(yesNo ? { yesNo } : {}) };
  }

  /**
   * An answer that leads with a contact detail read from the contacts (`lead`: "Fax till Mottagningssektion Norr: …"),
   * then the entry that holds it, whole; "Ja" first for "Har de fax?", an English line first for an English question.
   */
  composeFact(entry: KnowledgeEntry, lead: string, options: { readonly yes?: boolean; readonly english?: boolean } = {}): ComposedText {
    const yesNo = options.yes ? ('ja' as const) : undefined;
    const paragraphs: string[] = [];
    if (options.english) paragraphs.push(this.englishLead(entry, yesNo));
    paragraphs.push(`${options.english ? 'På svenska: ' : ''}${yesNo && !options.english ? '**Ja.** ' : ''}${lead} [1]`);
    const units = this.unitsOf(entry).map((u) => u.unit);
    if (units.length > 0) {
      const body = renderUnits(units);
      paragraphs.push(units[units.length - 1]!.list !== 'none' ? body : `${body} [1]`);
    }
    return { text: paragraphs.join('\n\n'), entries: [entry], ...(yesNo ? { yesNo } : {}) };
  }

  /**
   * The question (or its part `text` of the `whole` clause) as compared with claims: without the source it cites ("Enligt rutinen, …") or the example it gives
   * ("andra, till exempel sakkunniga,"): what holds of the whole holds of the example, and the source is not asked about.
   */
  private withoutAsides(clause: AnalyzedQuery, whole: string, text: string): AnalyzedQuery & { text: string } {
    const stripped = text.replace(SOURCE_ASIDE, '').replace(TOPIC_ASIDE, '').replace(EXAMPLE_ASIDE, '').trim();
    const plain = stripped.split(/\s+/).length < 3 ? text.trim() : stripped;
    if (plain === whole.trim()) return { ...clause, text: whole };
    return { ...this.terms.analyze(withoutSelfIntroduction(plain), { keepEverydayWords: true }), text: plain };
  }

  /**
   * "Kan socialtjänsten ge stöd medan de utreder?" – "Socialtjänsten kan besluta om en stödinsats redan medan utredningen
   * pågår.": a lead sentence that says what the question asks, with the modal verb it opens with ("kan", "får", "måste"),
   * answers it: "ja" when the sentence says it without a negation, "nej" when the modal is negated ("får inte"). Only a
   * question asked plainly (no negation in it) and a sentence sharing most of its weight of the routines' words.
   */
  private yesNoOfLead(lead: string, shape: QuestionShape): 'ja' | 'nej' | undefined {
    // "… alltid …?", "… i alla ärenden?": a lead that says "inte alltid", "inte i varje …" of what is asked says no.
    if (!shape.negated && !shape.innerNegation && scopeOf(shape.clause) === 'always') {
      const first = lead.replace(/\*\*/g, '').split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? '';
      if (NOT_ALWAYS.test(first) && this.statesMostOf(first, shape.clause)) return 'nej';
    }
    if (shape.negated || shape.innerNegation) return undefined;
    const opening = LEAD_MODAL_QUESTION.exec(shape.clause);
    const forms = opening ? MODAL_FORMS[opening[1]!.toLocaleLowerCase('sv')] : undefined;
    if (!opening || !forms) return undefined;
    // The lead's first sentence, as entries are written answer first; a list says more than one thing.
    const sentence = lead.replace(/\*\*/g, '').split(/(?<=[.!?])\s+(?=\p{Lu})/u)[0] ?? '';
    if (/\n|^\s*(?:[-*•]|\d+\.)\s/.test(sentence)) return undefined;
    // "Kan bara vårdnadshavarna …?", "Måste vi alltid …?": a sentence that says one may says nothing of only or always;
    // one that says it of the same "alla", "alltid" or "bara" ("… och alla elever ska ha …") does.
    if (NAMES_SCOPE.test(shape.clause) && scopeOf(sentence) !== scopeOf(shape.clause)) return undefined;
    const modal = new RegExp(String.raw`(?<![\p{L}])(?:${forms})(?![\p{L}])`, 'iu').exec(sentence);
    if (!modal) return undefined;
    // What is asked: the question after its modal verb's topic ("OSL 12:3 – kan …"), not the story before it.
    const known = this.terms.analyze(shape.clause.slice(opening.index + opening[0].length - opening[1]!.length)).terms.filter((t) => t.known);
    const total = known.reduce((sum, t) => sum + t.weight, 0);
    // As a question would be read: compound parts and phase pairs ("stödinsats" has "stöd", "medan utredningen").
    const terms = new Set(this.terms.analyze(sentence).terms.map((t) => t.term));
    const shared = known.filter((t) => terms.has(t.term)).reduce((sum, t) => sum + t.weight, 0);
    if (total === 0 || shared < LEAD_STATES_SHARE * total) return undefined;
    const after = sentence.slice(modal.index + modal[0].length);
    // "Vid akut oro – … – ska ni inte informera …": a sentence that opens with the situation it holds in answers only a
    // question that names that situation; a short subject before the modal ("Socialtjänsten ska …") is no situation.
    const before = sentence.slice(0, modal.index);
    if (before.trim().split(/\s+/).length > MAX_LEAD_SUBJECT_WORDS && !this.statesMostOf(shape.clause, before)) return undefined;
    if (!this.saysWhatIsAsked(shape.clause.slice(opening.index + opening[0].length), after, terms)) return undefined;
    // "Bör anmälan göras muntligt?" – "Anmälan bör göras skriftligen, men …": the modal governs the other way.
    if (this.namesOtherWay(this.terms.termsOf(after.split(/[,;–]/u)[0] ?? ''), new Set(known.map((t) => t.term)))) return undefined;
    if (/^\s+(?:\p{L}+\s+)?(?:inte|ej|aldrig)(?![\p{L}])/iu.test(after)) return 'nej';
    // A negation the question does not share ("… men inte …") makes the sentence more than a plain yes.
    const negations = (text: string) => (text.toLocaleLowerCase('sv').match(LEAD_NEGATION) ?? []);
    const askedNegations = new Set(negations(shape.clause));
    return negations(sentence).some((word) => !askedNegations.has(word)) ? undefined : 'ja';
  }

  /**
   * Whether the sentence's modal verb governs what the question asks: the verb after the question's subject, or what it
   * does it to ("ge barnet stöd"), stands in the few words after the sentence's modal ("kan besluta om en stödinsats").
   * "Efter en avslutad placering kan socialtjänsten följa upp …" does not say whether socialtjänsten may place a child.
   */
  private saysWhatIsAsked(askedRest: string, sentenceRest: string, sentenceTerms: ReadonlySet<string>): boolean {
    const words = askedRest.trim().split(/\s+/);
    // The subject, with its article: "en orosanmälan", "socialtjänsten", "vi".
    const subjectLength = ARTICLES.has(words[0]?.toLocaleLowerCase('sv') ?? '') ? 2 : 1;
    const termsOf = (text: string) => new Set(this.terms.analyze(text).terms.filter((t) => t.known).map((t) => t.term));
    const subject = termsOf(words.slice(0, subjectLength).join(' '));
    // The sentence is about the same subject ("en orosanmälan" is not "den som gett samtycke"); "vi", "man" name none.
    if (subject.size > 0 && ![...subject].some((t) => sentenceTerms.has(t))) return false;
    const asked = [...termsOf(words.slice(subjectLength, subjectLength + VERB_PHRASE_WORDS).join(' '))].filter((t) => !subject.has(t));
    const saidWords = sentenceRest.trim().toLocaleLowerCase('sv').split(/\s+/).slice(0, VERB_PHRASE_WORDS + 1);
    const said = termsOf(saidWords.join(' '));
    if (asked.some((t) => said.has(t))) return true;
    // A word of the question inside a compound of the sentence: "stöd" in "stödinsats", which its synonym group reads as "insats".
    const askedWords = words.slice(subjectLength, subjectLength + VERB_PHRASE_WORDS).map((w) => w.toLocaleLowerCase('sv').replace(/[^\p{L}]/gu, ''));
    return askedWords.some((w) => w.length >= MIN_COMPOUND_PART && termsOf(w).size > 0 && saidWords.some((s) => s.length > w.length && s.includes(w)));
  }

  /** Whether a sentence has at least LEAD_STATES_SHARE of the weight of the question's known words. */
  private statesMostOf(sentence: string, question: string): boolean {
    const known = this.terms.analyze(question).terms.filter((t) => t.known);
    const total = known.reduce((sum, t) => sum + t.weight, 0);
    const terms = new Set(this.terms.analyze(sentence).terms.map((t) => t.term));
    return total > 0 && known.filter((t) => terms.has(t.term)).reduce((sum, t) => sum + t.weight, 0) >= LEAD_STATES_SHARE * total;
  }

  /** The yes or no to the part of a two-part question that asks for one, with that part as asked. */
  private yesNoOfPart(entries: readonly KnowledgeEntry[], shape: QuestionShape, from: number): { question: string; answer: 'ja' | 'nej' } | undefined {
    if (shape.parts.length < 2) return undefined;
    for (const part of shape.parts.slice(from)) {
      const partShape = shapeOf(part, this.shortenings);
      if (!partShape.yesNo || partShape.negated) continue;
      const asked = { ...this.terms.analyze(withoutSelfIntroduction(part), { keepEverydayWords: true }), text: part };
      const answer = this.yesNoOf(entries, asked, partShape.modal, this.situation(shape.situation));
      if (answer) return { question: `${part.charAt(0).toLocaleUpperCase('sv')}${part.slice(1)}?`, answer };
    }
    return undefined;
  }

  /** The sentence that answers the question, and the rest of the entry in its own order; `settled`: the yes or no that opens it. */
  private leadAndContext(part: ComposedPart, shape: QuestionShape, settled?: 'ja' | 'nej'): { lead: string; context?: { text: string; endsWithList: boolean } } {
    const units = this.unitsOf(part.entry);
    const ranked = settled ? this.rank(units, part.query, shape) : this.asidesBehind(this.rank(units, part.query, shape), part.query);
    const top = ranked[0];
    // Entries are written answer first: among near-equals take the earliest, unless one number is asked for.
    const share = shape.number ? 1 : LEAD_SHARE;
    let best = top && ranked.filter((r) => r.score >= top.score * share).sort((a, b) => a.unit.index - b.unit.index)[0];
    // After "Nej." a sentence that says what is not done ("ingen dokumentation") leads, not one that says what is – but not
    // an aside on what the older routine said, unless the question asks about it.
    if (settled === 'nej' && top && best && !NEGATION_WORD.test(best.unit.text)) {
      const older = this.olderRoutineTerms();
      const aside = (text: string) => OLDER_ROUTINE.test(text) && !part.query.terms.some((t) => older.has(t.term));
      const negated = ranked
        .filter((r) => r.score >= top.score * NEGATED_LEAD_SHARE && NEGATION_WORD.test(r.unit.text) && !aside(r.unit.text))
        .sort((a, b) => a.unit.index - b.unit.index)[0];
      if (negated) best = negated;
    }
    // After "Ja." to a question that denies nothing, a sentence that says what is not done ("Vid akut oro planeras inget
    // anmälningsmöte") reads as the opposite: one near it that says what is done leads, or else the entry as written.
    if (settled === 'ja' && !shape.negated && !shape.innerNegation && top && best && NEGATION_WORD.test(best.unit.text)) {
      best = ranked.filter((r) => r.score >= top.score * NEGATED_LEAD_SHARE && !NEGATION_WORD.test(r.unit.text)).sort((a, b) => a.unit.index - b.unit.index)[0];
    }
    // A question for one number is answered by the sentence that gives one, though it may not repeat the question's
    // words ("Vad är socialjourens telefonnummer?" – "Telefon: 08-…").
    const kind = shape.number;
    let numbered = false;
    if (kind && best && !hasNumberOfKind(best.unit.text, kind)) {
      const withNumber = ranked.find((r) => hasNumberOfKind(r.unit.text, kind));
      if (withNumber) [best, numbered] = [withNumber, true];
    }
    // A sentence that introduces a list ("Barn och unga far illa när de:") says nothing without it: the entry is kept whole.
    if (best && !shape.number && best.unit.list === 'none' && best.unit.text.trimEnd().endsWith(':')) best = undefined;
    if (!best || (best.score === 0 && !numbered) || best.unit.index === 0) {
      // The entry already opens with its answer (or nothing stands out): keep it whole.
      const [first, ...others] = units.map((u) => u.unit);
      if (first && first.list === 'none') return { lead: first.raw, ...this.context(others) };
      return { lead: renderUnits(units.map((u) => u.unit)) };
    }
    const lead = this.leadText(best.unit, part.query, shape);
    // A sentence moves to the front; a list item is repeated there, so the list below stays whole.
    const others = units.map((u) => u.unit).filter((u) => u.list !== 'none' || u.index !== best.unit.index);
    return { lead, ...this.context(others) };
  }

  /**
   * A sentence that tells what the older routine said ("Enligt den äldre rutinen …", "(Den äldre rutinen lät …)") is
   * background to the routine in force: it leads only when no sentence of the routine in force answers nearly as well,
   * or when the question asks about the older routine itself. (A yes or no settled by a claim leads with the sentence it rests on, older or not.)
   */
  private asidesBehind<T extends { unit: EntryUnit; score: number }>(ranked: readonly T[], query: AnalyzedQuery): T[] {
    const older = this.olderRoutineTerms();
    if (query.terms.some((t) => older.has(t.term))) return [...ranked];
    return ranked
      .map((r) => (OLDER_ROUTINE.test(r.unit.text) ? { ...r, score: r.score * ASIDE_LEAD_FACTOR } : r))
      .sort((a, b) => b.score - a.score || a.unit.index - b.unit.index);
  }

  /** The terms of the words that ask about an older routine ("äldre", "tidigare", "förr"). */
  private olderRoutineTerms(): ReadonlySet<string> {
    this.older ??= this.terms.termsOf(this.olderRoutineWords.join(' '));
    return this.older;
  }

  private context(units: readonly EntryUnit[]): { context?: { text: string; endsWithList: boolean } } {
    if (units.length === 0) return {};
    return { context: { text: renderUnits(units), endsWithList: units[units.length - 1]!.list !== 'none' } };
  }

  /** The lead sentence; for a telephone number, only the clause with the number asked for. */
  private leadText(unit: EntryUnit, query: AnalyzedQuery, shape: QuestionShape): string {
    const sentence = asSentence(unit, { maxIntroWords: MAX_INTRO_WORDS });
    if (shape.number !== 'phone' || (unit.text.match(PHONES) ?? []).length < 2) return sentence;
    const label = /^(\*\*[^*]+\*\*|[^:]{1,60}:)\s*/.exec(unit.text)?.[0] ?? '';
    const clauses = unit.text.slice(label.length).split(/,\s+/);
    if (clauses.length < 2) return sentence;
    let best = clauses[0]!;
    let bestScore = -1;
    for (const clause of clauses) {
      const score = this.score(this.terms.termsOf(clause), query) + (PHONE.test(clause) ? 0.01 : 0);
      if (score > bestScore) [best, bestScore] = [clause, score];
    }
    return asSentence({ ...unit, text: `${label}${best}` });
  }

  /** The sentences of a further entry that answer its part of the question, in the entry's order. */
  private bestSentences(part: ComposedPart, shape: QuestionShape): string {
    const units = this.unitsOf(part.entry);
    // A short entry in prose is its own best summary; an entry the question only names ("… och de lokala
    // samverkansgrupperna?") is summed up by its opening, as it is written answer first.
    const prose = units.every((u) => u.unit.list === 'none');
    if (prose && (units.length <= SECONDARY_UNITS || this.namesOnly(part))) {
      return units.slice(0, SECONDARY_UNITS).map((u) => asSentence(u.unit)).join(' ');
    }
    // A side entry's aside on the older routine stands behind its sentences in force, as the main entry's does.
    const ranked = this.asidesBehind(this.rank(units.map((u, i) => (pointsBackTo(units, i) ? { unit: u.unit, terms: new Set([...u.terms, ...units[i - 1]!.terms]) } : u)), part.query, shape), part.query);
    const top = ranked[0];
    if (!top || top.score === 0) return part.entry.body.split(/\n\s*\n/)[0]!.replace(/\n/g, ' ');
    const chosen = ranked.filter((r) => r.score >= top.score * SECONDARY_SHARE).slice(0, SECONDARY_UNITS);
    // A chosen sentence that points back comes with the sentence it points to.
    for (const r of [...chosen]) {
      const before = ranked.find((o) => o.unit.index === r.unit.index - 1);
      if (before && pointsBackTo(units, r.unit.index) && !chosen.includes(before)) chosen.push(before);
    }
    return chosen
      .sort((a, b) => a.unit.index - b.unit.index)
      .map((r) => asSentence(r.unit, { withIntro: r === top, maxIntroWords: MAX_INTRO_WORDS }))
      .join(' ');
  }

  /** Whether every word the (part of the) question has of the routines is in the entry's title or keywords: it names the entry. */
  private namesOnly(part: ComposedPart): boolean {
    const known = part.query.terms.filter((t) => t.known);
    if (known.length === 0) return false;
    const naming = this.terms.termsOf(`${part.entry.title} ${part.entry.keywords.join(' ')}`);
    return known.every((t) => naming.has(t.term));
  }

  /** Units by how well they answer: shared question weight, plus the kind of number asked for. */
  private rank(units: readonly { unit: EntryUnit; terms: ReadonlySet<string> }[], query: AnalyzedQuery, shape: QuestionShape) {
    const heaviest = Math.max(0, ...query.terms.filter((t) => t.known).map((t) => t.weight));
    return units
      .map(({ unit, terms }) => {
        let score = this.score(terms, query);
        if (score > 0 && shape.number && hasNumberOfKind(unit.text, shape.number)) score += heaviest;
        return { unit, terms, score };
      })
      .sort((a, b) => b.score - a.score || a.unit.index - b.unit.index);
  }

  private score(terms: ReadonlySet<string>, query: AnalyzedQuery): number {
    let score = 0;
    for (const t of query.terms) if (t.known && terms.has(t.term)) score += t.weight;
    return score;
  }

  /**
   * "ja"/"nej" when one of the entries' yes/no claims is the question asked. `told` are the words of the
   * situation a long message tells before it asks ("… berättat om sexuella övergrepp. Ska jag …?").
   */
  private yesNoOf(entries: readonly KnowledgeEntry[], clause: AnalyzedQuery & { text: string }, modal: QuestionShape['modal'], situation: Situation): 'ja' | 'nej' | undefined {
    return this.settle(entries, clause, modal, situation)?.answer;
  }

  /** The yes or no of `yesNoOf`, with the entry whose claim gives it. */
  private settle(entries: readonly KnowledgeEntry[], clause: AnalyzedQuery & { text: string }, modal: QuestionShape['modal'], situation: Situation): { answer: 'ja' | 'nej'; entry: KnowledgeEntry } | undefined {
    const matching = this.claimMatches(entries, clause, modal, situation).filter((c) => c.recall >= CLAIM_RECALL);
    // The exception before the rule: a claim for the situation asked about ("[gymnasierektorer]") settles the
    // question over one that holds in general ("rektorer") and does not name that situation, when it matches well
    // enough; a claim that names it too ("Ska anmälan göras skriftligt?" for "[skriftligt]") still competes.
    const specific = matching.filter((c) => c.claim.conditions.size > 0 && c.f1 >= CLAIM_MATCH);
    const overruled = (c: ClaimMatch) => c.claim.conditions.size === 0 && specific.some((s) => s.named.some((term) => !c.claim.terms.has(term)));
    const scored = matching.filter((c) => !overruled(c)).sort((a, b) => b.f1 - a.f1);
    const [best] = scored;
    if (!best || best.f1 < CLAIM_MATCH) return undefined;
    const rival = scored.find((c) => c.answer !== best.answer);
    if (rival && best.f1 - rival.f1 < CLAIM_MARGIN) return undefined;
    return best.claim.conditions.size === 0 && this.turnsInUnnamedSituation(entries, clause, modal, situation, best) ? undefined : { answer: best.answer, entry: best.entry };
  }

  /**
   * "Får skolan veta vad utredningen kom fram till?": a claim that holds in a situation the question does not name
   * ("… ledde till [utan vårdnadshavarnas samtycke]?" – nej) and says the opposite of the general claim that matched
   * ("Får skolan veta att utredningen är avslutad?" – ja), about as closely, makes the answer depend on that situation:
   * neither a yes nor a no leads then, when claims in unnamed situations say both (one exception leaves the rule's answer).
   */
  private turnsInUnnamedSituation(entries: readonly KnowledgeEntry[], clause: AnalyzedQuery & { text: string }, modal: QuestionShape['modal'], situation: Situation, best: ClaimMatch): boolean {
    const asked = this.asked(clause, modal);
    const heard = new Set([...asked.terms, ...situation.terms].map((t) => t.term));
    // Claims in situations on both sides: one exception ("[om barnets namn nämns]" – nej) leaves the rule's answer.
    const sides = new Set<string>();
    for (const entry of entries) {
      for (const claim of this.claimsOf(entry)) {
        if (claim.conditions.size === 0 || [...claim.naming].some((term) => heard.has(term))) continue;
        if (asked.modal && claim.modal && claim.modal !== asked.modal) continue;
        const subjectWeight = claim.subject.reduce((sum, w) => sum + w.weight, 0);
        const shared = claim.subject.filter((w) => w.terms.some((t) => heard.has(t))).reduce((sum, w) => sum + w.weight, 0);
        if (subjectWeight === 0 || asked.weight === 0 || shared === 0) continue;
        const [precision, recall] = [shared / asked.weight, shared / subjectWeight];
        if ((2 * precision * recall) / (precision + recall) >= best.f1 - CLAIM_MARGIN) sides.add(claim.answer);
      }
    }
    return sides.size === 2;
  }

  /** How well each claim that may answer the question matches it (precision, recall, F1 of shared weight). */
  private claimMatches(entries: readonly KnowledgeEntry[], clause: AnalyzedQuery & { text: string }, modal: QuestionShape['modal'], message: Situation) {
    const asked = this.asked(clause, modal);
    const matches: ClaimMatch[] = [];
    if (asked.weight === 0) return matches;
    // "Finns det en åldersgräns för …?" asks whether that thing exists: a claim that does not name it answers another question.
    const thing = EXISTS.exec(clause.text)?.[1];
    const things = thing === undefined ? undefined : [...this.terms.termsOf(thing)];
    const askedSays = openOrClosed(clause.text, false);
    const act = this.actOf(clause.text);
    for (const entry of entries) {
      for (const claim of this.claimsOf(entry)) {
        if (things !== undefined && things.length > 0 && !things.some((t) => claim.terms.has(t))) continue;
        // "Får socialtjänsten berätta att en utredning pågår?" is not "Kan en stödinsats beslutas under pågående utredning?":
        // a claim that shares the setting but not what is done in it answers another question.
        if (act.size > 0 && ![...act].some((t) => claim.terms.has(t))) continue;
        const forClaim = inRangeOf(claim, asked);
        const fitted = this.fits(claim, forClaim);
        // "Har mottagningen öppet på lunchen?" against "Har mottagningen lunchstängt?" (ja): open is not closed.
        const answer = fitted && opposite(askedSays, claim.says) ? (fitted === 'ja' ? 'nej' : 'ja') : fitted;
        const match = answer ? this.match(claim, forClaim, inRangeOfTold(claim, message)) : undefined;
        if (match && answer) matches.push({ ...match, answer, entry });
      }
    }
    return matches;
  }

  /**
   * What a yes/no question asks be done: the known words of the few after its modal verb and subject ("Får socialtjänsten
   * berätta för oss …?" – "berätta"); empty when the question opens otherwise or those words are everyday ones.
   */
  private actOf(text: string): ReadonlySet<string> {
    const opening = LEAD_MODAL_QUESTION.exec(text);
    if (!opening) return new Set();
    const words = text.slice(opening.index + opening[0].length).trim().split(/\s+/);
    const head = ARTICLES.has(words[0]?.toLocaleLowerCase('sv') ?? '') ? 2 : 1;
    // "personal på fritids", "lärare i förskolan": the subject's place belongs to the subject, not to what is done.
    const subjectLength = SUBJECT_PREPOSITIONS.has(words[head]?.toLocaleLowerCase('sv') ?? '') ? head + 2 : head;
    const child = this.childTerms();
    const termsOf = (part: string) => this.terms.analyze(part).terms.filter((t) => t.known).map((t) => childOf(t.term.replace(/^\?/, ''), child));
    const subject = new Set(termsOf(words.slice(0, subjectLength).join(' ')));
    return new Set(termsOf(words.slice(subjectLength, subjectLength + VERB_PHRASE_WORDS).join(' ')).filter((t) => !subject.has(t)));
  }

  /** What a question asks, as compared with claims: its words and what in it turns an answer around. */
  private asked(clause: AnalyzedQuery & { text: string }, modal: QuestionShape['modal']): Asked {
    // Everyday domain words ("skolan", "socialtjänsten") weigh little for retrieval but decide a yes or a no:
    // "hålls mötet på skolan?" and "hålls mötet hos socialtjänsten?" have opposite answers.
    // A word the knowledge base lacks is still part of what is asked ("läsa", "datorn"): it counts, capped,
    // and is the same word in a claim ("ingå" in the question is "ingå" in the claim).
    const covers = this.coverVerbs();
    const child = this.childTerms();
    const terms = clause.terms
      .map((t) => ({ term: childOf(t.term.replace(/^\?/, ''), child), weight: claimWeight(t.weight) }))
      .filter((t) => !covers.has(t.term));
    // A compound and its parts are one word: "utredningstiden" weighs once, not as "utredningstid", "utredning", "tid".
    const words = wordsOf(terms);
    const roles = this.roles();
    const without = this.withoutTerms();
    const shape = shapeOf(clause.text, this.shortenings);
    const singledOut = SINGLED_OUT.exec(clause.text)?.[1];
    return {
      terms,
      words,
      weight: words.reduce((sum, w) => sum + w.weight, 0),
      modal,
      without: terms.some((t) => without.has(t.term)),
      scope: scopeOf(clause.text),
      timing: timingOf(clause.text),
      contrast: contrastOf(clause.text),
      numbers: numbersOf(clause.text),
      ages: askedAges(clause.text),
      // In "…, och kan socialtjänsten göra något?" the "något" is the second question's.
      anything: ANYTHING.test(shape.parts[0] ?? clause.text),
      roles: terms.filter((t) => roles.has(t.term)).map((t) => t.term),
      // "barn som inte är folkbokförda" asks the opposite of "barn som är folkbokförda".
      innerNegation: shape.innerNegation,
      doer: doerOf(clause.text.replace(LEAD_TOPIC, '')),
      thing: this.terms.termsOf(doneThingOf(clause.text) ?? ''),
      singledOut: this.singledOutTerms(singledOut),
      advice: ADVICE.test(clause.text),
      termSet: new Set(terms.map((t) => t.term)),
      asksAnyone: singledOut !== undefined && ANYONE_SINGLED_OUT.test(singledOut),
    };
  }

  /**
   * The answer a claim gives the question, if it can answer it at all: nothing in one turns the other's answer
   * around, or what does turns it in a way that is known ("bara X?" – "ja" is "inte X?" – "nej").
   */
  private fits(claim: Claim, asked: Asked): 'ja' | 'nej' | undefined {
    // Whether one must is another question than whether one may: "behöver vi uppge …" is not "kan man …".
    if (asked.modal && claim.modal && claim.modal !== asked.modal) return undefined;
    // Doing something to another thing is another question: "ta tillbaka en anmälan" is not "ta tillbaka ett samtycke".
    for (const term of asked.thing) if (!claim.terms.has(term)) return undefined;
    // That something may be done does not say that it should be: "Kan den lämnas muntligt?" – "ja" does not answer
    // "Ska den helst göras muntligt?" (what may not be done should not be: a "nej" still answers).
    if (asked.advice && asked.modal === undefined && claim.modal === 'may' && claim.answer === 'ja') return undefined;
    // "Är det rektorn som ringer …?" and "Är det kuratorn som ringer …?" single out two doers: one's answer is not the other's.
    // So do "Ringer kuratorn …?" and "Är det rektorn som ringer …?".
    const doer = (singledOut: ReadonlySet<string> | undefined, doer: string | undefined) => singledOut ?? (doer === undefined || doer === 'we' ? undefined : this.terms.termsOf(doer));
    const [askedDoer, claimDoer] = [doer(asked.singledOut, asked.doer), doer(claim.singledOut, claim.doer)];
    if ((asked.singledOut || claim.singledOut) && askedDoer && claimDoer && !shares(askedDoer, claimDoer)) return undefined;
    // That one doer does not, or need not, says nothing of whether anyone does.
    if (asked.asksAnyone && claim.answer === 'nej') return undefined;
    // Done one way is not done the other: "Ska anmälan göras skriftligt?" does not answer "Bör den göras muntligt?".
    if (this.namesOtherWay(claim.terms, asked.termSet)) return undefined;
    // Whether there is a thing ("Finns det en exakt definition …?") answers only a question that names it.
    if (claim.existing && !shares(claim.existing, asked.termSet)) return undefined;
    // A no to whether someone else does something ("Tar socialtjänsten över ansvaret?") is no no to whether we may:
    // "Nej" to "Får vi …?" comes from a claim about what one may, should or does oneself ("Skickar vi med …?", "Ska
    // vårdnadshavarna informeras …?"). (A yes that it is done says that it may be.)
    if (asked.modal === 'may' && claim.modal !== 'may' && claim.answer === 'nej' && !claim.innerNegation && claim.doer !== undefined && claim.doer !== asked.doer) return undefined;
    // "samma" or "olika": a claim that two things differ does not answer whether they are the same.
    if (claim.contrast && asked.contrast && claim.contrast !== asked.contrast) return undefined;
    // Another person than the claim's: "Skickas utlåtandet till mentorn?" is not "… till rektorn?".
    const roles = this.roles();
    if (asked.roles.some((r) => !claim.terms.has(r)) && [...claim.terms].some((r) => roles.has(r) && !asked.roles.includes(r))) return undefined;
    // A number asked about that a claim with numbers lacks is another case: "årskurs 2" is not "årskurs 4–9".
    if (claim.numbers.size > 0 && [...asked.numbers].some((n) => !claim.numbers.has(n))) return undefined;
    // "efter lunchen" is not "[under lunchen]": a situation's time must be the one asked about, if one is.
    if (claim.timing.size > 0 && asked.timing.size > 0 && ![...asked.timing].some((t) => claim.timing.has(t))) return undefined;
    if (asked.anything && claim.answer === 'nej' && !ANYTHING.test(claim.question)) return undefined;
    const claimWithout = [...this.withoutTerms()].some((w) => claim.terms.has(w));
    if (claimWithout === asked.without && claim.innerNegation === asked.innerNegation) {
      return scopeCarriesOver(claim.scope, asked.scope, claim.answer) ? claim.answer : undefined;
    }
    // "om föräldrarna inte samtycker" is "[utan vårdnadshavarnas samtycke]".
    if (claimWithout && !claim.innerNegation && !asked.without && asked.innerNegation) {
      return scopeCarriesOver(claim.scope, asked.scope, claim.answer) ? claim.answer : undefined;
    }
    // What holds only for some holds for no other: "Gäller den bara barn folkbokförda i Botkyrka?" – "ja" answers
    // "Gäller den barn som inte är folkbokförda här?" with a "nej".
    const negated = (without: boolean, inner: boolean) => without || inner;
    if (claim.scope === 'only' && claim.answer === 'ja' && asked.scope === '' && !negated(claimWithout, claim.innerNegation) && negated(asked.without, asked.innerNegation)) {
      return 'nej';
    }
    return undefined;
  }

  /** Whether one set of terms names one of two opposite ways ("muntligt", "skriftligt") and the other set the other only. */
  private namesOtherWay(said: ReadonlySet<string>, asked: ReadonlySet<string>): boolean {
    this.ways ??= OPPOSITE_WAYS.map((pair) => pair.map((way) => this.terms.termsOf(way)) as [ReadonlySet<string>, ReadonlySet<string>]);
    const names = (terms: ReadonlySet<string>, way: ReadonlySet<string>) => [...way].some((term) => terms.has(term));
    return this.ways.some(([one, other]) => {
      const [askedOne, askedOther, saidOne, saidOther] = [names(asked, one), names(asked, other), names(said, one), names(said, other)];
      return (askedOne && !askedOther && saidOther && !saidOne) || (askedOther && !askedOne && saidOne && !saidOther);
    });
  }

  /** The terms of the thing "Finns det X …?" asks whether there is, up to what it is of or for; undefined when none. */
  private existingTerms(text: string): ReadonlySet<string> | undefined {
    const thing = EXISTING_THING.exec(text)?.[1];
    const terms = thing === undefined ? undefined : this.terms.termsOf(thing);
    return terms && terms.size > 0 ? terms : undefined;
  }

  /** The terms of whom "Är det X som …?" singles out (`words`, as SINGLED_OUT reads them); undefined for no one or "någon". */
  private singledOutTerms(words: string | undefined): ReadonlySet<string> | undefined {
    const terms = words === undefined ? undefined : this.terms.termsOf(words);
    return terms && terms.size > 0 ? terms : undefined;
  }

  /** How well a claim that fits matches the question; undefined when the question does not name its situation. */
  private match(claim: Claim, asked: Asked, message: Situation): Omit<ClaimMatch, 'entry'> | undefined {
    const told = message.terms;
    // A claim that holds only in a situation ("[vid akut oro]") answers only questions that name it by a
    // telling word ("barnets" does not name "[om barnets namn nämns]"), in the question or the situation told.
    // The situation's words are alternatives ("misshandel, våld eller övergrepp"): they count as one, by the best.
    const named = (t: { term: string }) => claim.naming.has(t.term);
    const namedInQuestion = asked.terms.filter(named);
    let situation = Math.max(0, ...namedInQuestion.map((t) => t.weight));
    let toldWeight = 0;
    if (claim.conditions.size > 0 && situation === 0) {
      toldWeight = Math.max(0, ...told.filter(named).map((t) => t.weight));
      if (toldWeight === 0) return undefined;
      // "Eleven har fyllt 17." does not name "[som fyllt 18]".
      if (claim.numbers.size > 0 && [...message.numbers].some((n) => !claim.numbers.has(n))) return undefined;
      situation = toldWeight;
    }
    // A claim about a situation answers only a question about what it says of it: "[fritidshemmen]" in
    // "Gäller rutinen för …?" does not answer "Finns det kontaktpersoner för fritidshem?". In a long message
    // the subject may be in the situation told ("… kontaktpersoner … Gäller det oss på gymnasiet?").
    const askedTerms = new Set(asked.terms.map((t) => t.term));
    const toldTerms = new Set(told.map((t) => t.term));
    if (claim.conditions.size > 0 && claim.subject.length > 0) {
      const subjectWeight = claim.subject.reduce((sum, w) => sum + w.weight, 0);
      const heard = claim.subject.filter((w) => w.terms.some((t) => askedTerms.has(t) || toldTerms.has(t)));
      if (heard.reduce((sum, w) => sum + w.weight, 0) < CLAIM_SUBJECT_SHARE * subjectWeight) return undefined;
    }
    let shared = 0;
    for (const word of asked.words) {
      const matched = word.terms.filter((t) => !claim.conditions.has(t.term) && claim.terms.has(t.term));
      shared += Math.max(0, ...matched.map((t) => t.weight));
    }
    shared += Math.min(situation, claim.conditionWeight);
    // A question that names the claim's situation may leave what it asks about to the situation told before it.
    let toldSubject = 0;
    if (namedInQuestion.length > 0) {
      for (const word of claim.subject) if (!word.terms.some((t) => askedTerms.has(t)) && word.terms.some((t) => toldTerms.has(t))) toldSubject += word.weight;
    }
    shared += toldSubject;
    const precision = shared / (asked.weight + Math.min(toldWeight, claim.conditionWeight) + toldSubject);
    const recall = shared / claim.weight;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { claim, answer: claim.answer, f1, precision, recall, named: namedInQuestion.map((t) => t.term) };
  }

  /**
   * "gäller", "omfattas", "berör": whether a rule covers something is asked with any of them ("Omfattas F-klass?" is
   * "Gäller den F-klass?"), so none of them tells a claim apart.
   */
  private coverVerbs(): ReadonlySet<string> {
    this.covers ??= new Set(this.terms.analyze(COVER_VERBS, { keepEverydayWords: true }).terms.map((t) => t.term.replace(/^\?/, '')));
    return this.covers;
  }

  /** The terms of "utan", which turns a situation around. */
  private withoutTerms(): ReadonlySet<string> {
    this.without ??= this.terms.termsOf('utan');
    return this.without;
  }

  /** "barnet", "eleven", "den unge": the child a question is about, however it is called; and the other same words. */
  private childTerms(): ReadonlyMap<string, string> {
    if (!this.children) {
      const same = new Map<string, string>();
      for (const group of [CHILD_WORDS, ...SAME_WORDS]) {
        const terms = group.split(' ').map((word) => this.terms.analyze(word, { keepEverydayWords: true }).terms[0]?.term.replace(/^\?/, '')).filter((t) => t !== undefined);
        for (const term of terms) same.set(term, terms[0]!);
      }
      this.children = same;
    }
    return this.children;
  }

  /** The people a claim can be about, one of whom a question names: rektor, lärare, vårdnadshavare, polis … */
  private roles(): ReadonlySet<string> {
    // Each word as a whole: "förskollärare" is a person, its part "förskola" is not.
    this.roleTerms ??= new Set(ROLES.split(' ').flatMap((word) => this.terms.analyze(word, { keepEverydayWords: true }).terms.slice(0, 1).map((t) => t.term.replace(/^\?/, ''))));
    return this.roleTerms;
  }

  /** The words of the situation a long message tells, leaving out what it says is not the case ("inget våld"). */
  private situation(situation: string | undefined): Situation {
    if (!situation) return { terms: [], numbers: new Set(), ages: new Set() };
    const affirmed = situation.replace(NEGATED_WORDS, ' ');
    // A situation told in English is read in its Swedish terms ("neglect" is "försummelse").
    const english = this.terms.analyze(affirmed, { keepEverydayWords: true });
    const terms = english.english ? new Set(english.terms.map((t) => t.term.replace(/^\?/, ''))) : this.terms.termsOf(affirmed);
    return { terms: [...terms].map((term) => ({ term, weight: claimWeight(this.terms.weightOf(term)) })), numbers: numbersOf(affirmed), ages: askedAges(affirmed) };
  }

  private englishLead(entry: KnowledgeEntry, yesNo: 'ja' | 'nej' | undefined): string {
    const opener = yesNo ? `**${yesNo === 'ja' ? 'Yes' : 'No'}.** ` : '';
    const summary = entry.english ?? `The routines answer this under “${entry.title}”; the answer in Swedish follows.`;
    return `${opener}${summary} [1]`;
  }

  private unitsOf(entry: KnowledgeEntry) {
    let units = this.units.get(entry.id);
    if (!units) {
      units = entryUnits(entry.body).map((unit) => ({ unit, terms: this.terms.termsOf(unit.intro ? `${unit.intro.text} ${unit.text}` : unit.text) }));
      this.units.set(entry.id, units);
    }
    return units;
  }

  private claimsOf(entry: KnowledgeEntry) {
    let claims = this.claims.get(entry.id);
    if (!claims) {
      claims = entry.yesNo.map((claim) => {
        // A claim is read as a question is ("ingår", "anmälningsmötet" to the same words as when asked), its
        // words weighed alike.
        const covers = this.coverVerbs();
        const child = this.childTerms();
        const analyzed = this.terms
          .analyze(claim.question.replace(/[[\]]/g, ''), { keepEverydayWords: true })
          .terms.map((t) => ({ ...t, term: childOf(t.term.replace(/^\?/, ''), child) }))
          .filter((t) => !covers.has(t.term));
        const weights = new Map(analyzed.map((t) => [t.term.replace(/^\?/, ''), claimWeight(t.weight)]));
        const terms = new Set(weights.keys());
        // "Är det socialtjänsten som kallar …?" is about who: the one named is its situation, bracketed or not.
        const conditionText = [...claim.question.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!).join(' ') || (CLEFT.exec(claim.question)?.[1] ?? '');
        const conditionTerms = (conditionText ? this.terms.analyze(conditionText, { keepEverydayWords: true }).terms : []).map((t) => ({
          ...t,
          term: childOf(t.term.replace(/^\?/, ''), child),
        }));
        const conditions = new Set(conditionTerms.map((t) => t.term.replace(/^\?/, '')));
        const weigh = (term: string) => weights.get(term) ?? claimWeight(this.terms.weightOf(term));
        const conditionWeight = Math.max(0, ...[...conditions].map(weigh));
        // A situation is named by its telling words, not by an everyday one among them ("barnets" in "[om barnets namn nämns]").
        const rawWeight = new Map(conditionTerms.map((t) => [t.term.replace(/^\?/, ''), t.weight]));
        const heaviest = Math.max(0, ...rawWeight.values());
        // A situation with a telling word ("akut") is not named by an everyday one beside it ("oro"); one of only
        // everyday words ("[skolan eller förskolan]") is named by any of them.
        const floor = heaviest >= CONDITION_FLOOR ? CONDITION_FLOOR : 0;
        const naming = new Set([...conditions].filter((t) => rawWeight.get(t)! >= Math.max(heaviest * CONDITION_TELLING, floor)));
        let weight = conditionWeight;
        const subject: { terms: string[]; weight: number }[] = [];
        for (const word of wordsOf(analyzed.map((t) => ({ term: t.term.replace(/^\?/, ''), weight: claimWeight(t.weight) })))) {
          const outside = word.terms.filter((t) => !conditions.has(t.term));
          const outsideWeight = Math.max(0, ...outside.map((t) => weigh(t.term)));
          weight += outsideWeight;
          if (outside.length > 0) subject.push({ terms: outside.map((t) => t.term), weight: outsideWeight });
        }
        return { question: claim.question, answer: claim.answer, doer: doerOf(claim.question), terms, conditions, naming, subject, conditionWeight, weight: Math.max(weight, 1e-9), scope: scopeOf(claim.question), timing: timingOf(conditionText), contrast: contrastOf(claim.question), numbers: numbersOf(claim.question), ages: agesOf(claim.question), says: openOrClosed(claim.question, true), singledOut: this.singledOutTerms(SINGLED_OUT.exec(claim.question)?.[1]), existing: this.existingTerms(claim.question), ...claimShape(claim.question, this.shortenings) };
      });
      this.claims.set(entry.id, claims);
    }
    return claims;
  }
}

/** Whether unit `i` is a prose sentence that opens by pointing back to the prose sentence before it in its paragraph. */
function pointsBackTo(units: readonly { unit: EntryUnit }[], i: number): boolean {
  const unit = units[i]?.unit;
  const before = units[i - 1]?.unit;
  return !!unit && !!before && unit.list === 'none' && before.list === 'none' && before.block === unit.block && POINTS_BACK.test(unit.text);
}

/** The ages a claim names by a bound. */
function agesOf(text: string): AgeRange[] {
  const ranges: AgeRange[] = [];
  for (const m of text.toLocaleLowerCase('sv').matchAll(AGE_BOUNDS)) {
    const n = Number(m[2]);
    const bound = m[2]!;
    if (m[1] === 'över') ranges.push({ min: n + 1, max: Infinity, bound });
    else if (m[1] === 'fyllt') ranges.push({ min: n, max: Infinity, bound });
    else if (m[1] === 'under') ranges.push({ min: 0, max: n - 1, bound });
    else if (m[1] === 'upp till') ranges.push({ min: 0, max: n, bound });
    else if (m[3]) ranges.push({ min: n, max: Number(m[3]), bound });
  }
  return ranges;
}

/** The ages a text asks about ("en elev som är 19 år", "en 16-åring"). */
function askedAges(text: string): Set<string> {
  return new Set([...text.toLocaleLowerCase('sv').matchAll(ASKED_AGE)].map((m) => String(Number(m[1] ?? m[2]))));
}

/** The claim's bound for an age it holds for by that bound, if any: "19" for "[över 18 år]" is "18". */
function boundFor(claim: Claim, age: string): string | undefined {
  if (claim.numbers.has(age)) return undefined;
  return claim.ages.find((r) => Number(age) >= r.min && Number(age) <= r.max)?.bound;
}

/**
 * The question as a claim with an age bound reads it: an age within the bound is the bound ("en elev som är
 * 19 år" names "[över 18 år]"); any other number stays what it is.
 */
function inRangeOf(claim: Claim, asked: Asked): Asked {
  if (claim.ages.length === 0 || asked.ages.size === 0) return asked;
  const swap = (term: string) => (asked.ages.has(term) ? (boundFor(claim, term) ?? term) : term);
  const terms = asked.terms.map((t) => ({ ...t, term: swap(t.term) }));
  const words = asked.words.map((w) => ({ ...w, terms: w.terms.map((t) => ({ ...t, term: swap(t.term) })) }));
  return { ...asked, terms, words, numbers: new Set([...asked.numbers].map(swap)) };
}

/** The situation told as a claim with an age bound reads it (see `inRangeOf`). */
function inRangeOfTold(claim: Claim, told: Situation): Situation {
  if (claim.ages.length === 0 || told.ages.size === 0) return told;
  const swap = (term: string) => (told.ages.has(term) ? (boundFor(claim, term) ?? term) : term);
  return { ...told, terms: told.terms.map((t) => ({ ...t, term: swap(t.term) })), numbers: new Set([...told.numbers].map(swap)) };
}

/** The words of a question that narrow or widen it to "only", "always" (every one) or "never", in a fixed order. */
function scopeOf(text: string): string {
  const scopes = new Set<string>();
  for (const match of text.toLocaleLowerCase('sv').matchAll(SCOPE_WORDS)) scopes.add(SCOPES[match[1]!]!);
  return [...scopes].sort().join(' ');
}

// "Är det skolan som …?", "Var det rektorn som …?": the one singled out as doing something ("Är det vanligt att …" is not).
const SINGLED_OUT = /(?:^|,)\s*(?:är|ar|var)\s+det\s+(?:inte\s+)?((?:(?!att\s|så\s)[\p{L}-]+\s+){0,2}?(?!att\s|så\s)[\p{L}-]+)\s+som\s/iu;
// "Är det någon som …?": no one in particular singled out.
const ANYONE_SINGLED_OUT = /^(?:någon|nån|nagon|nan|ingen)$/iu;
// "Finns det en exakt definition av …?": the thing whose existence a claim asks about, up to what it is of or for.
const EXISTING_THING =
  /^\s*(?:finns\s+det|is\s+there|are\s+there)\s+(?:inte\s+)?(?:(?:en|ett|någon|något|några|nån|nåt|a|an|any)\s+)?([^?,]+?)(?=\s+(?:för|av|om|i|på|till|vid|med|mot|som|hos|for|of|in|on|at|to|with)\s|\s*[?,]|$)/iu;
// Two opposite ways of doing something: a claim about one does not answer a question about the other.
const OPPOSITE_WAYS: readonly (readonly [string, string])[] = [['muntligt', 'skriftligt']];
// "Ska vi …?", "Bör anmälan …?", "Borde rektorn …?": what should be done ("bor" is not read as "bör": "Bor barnet …?").
const ADVICE = /^\s*(?:ska|skall|bör|borde|should)\s/iu;

/**
 * Who a question or claim asks about, when it asks what someone does: the word after its opening active verb ("Tar
 * socialtjänsten …?" – "socialtjänsten", "Får vi …?", "Skickar man …?" – "we"). None when it asks what should be done
 * ("Ska vi …?"), or opens with a passive ("Registreras …?") or with "är"/"finns" ("Är det …?" asks about no one).
 */

function doerOf(text: string): string | undefined {
  const [verb, subject] = text.trim().toLocaleLowerCase('sv').split(/[\s,]+/);
  if (!verb || !subject || ADVISING.has(verb) || (verb.length > 3 && verb.endsWith('s') && !/(?:ss|us|os)$/u.test(verb))) return undefined;
  if (verb === 'är' || verb === 'ar' || verb === 'finns' || verb === 'blir') return undefined;
  return ASKERS.has(subject) ? 'we' : subject.replace(/[^\p{L}-]/gu, '') || undefined;
}

function claimShape(question: string, shortenings: SentenceShortenings): { modal: QuestionShape['modal']; innerNegation: boolean } {
  const shape = shapeOf(question.replace(/[[\]]/g, ''), shortenings);
  return { modal: shape.modal, innerNegation: shape.innerNegation };
}

/**
 * Whether a claim's answer holds for a question that differs from it in "bara", "alltid" or "aldrig": a no to
 * "X?" is a no to "alltid X?" and a yes to "alltid X?" a yes to "X?"; "gäller den bara rektor?" – "nej" says
 * nothing of "gäller den rektor?".
 */
function scopeCarriesOver(claimScope: string, askedScope: string, answer: 'ja' | 'nej'): boolean {
  if (claimScope === askedScope) return true;
  if (claimScope.includes('never') || askedScope.includes('never')) return false;
  if (claimScope === '') return answer === 'nej';
  return askedScope === '' && answer === 'ja';
}

/** "same" or "different" when a text asks whether things are alike. */
function contrastOf(text: string): string | undefined {
  const lower = text.toLocaleLowerCase('sv');
  if (/(?<![\p{L}])(samma|same|likadan\p{L}*)(?![\p{L}])/u.test(lower)) return 'same';
  if (/(?<![\p{L}])(olika|skillnad\p{L}*|skiljer|different|difference|differ)(?![\p{L}])/u.test(lower)) return 'different';
  return undefined;
}

/** The numbers a text names, as digits ("fyra" is "4"); a time or phone number's parts count too. */
function numbersOf(text: string): Set<string> {
  const numbers = new Set<string>();
  for (const m of text.toLocaleLowerCase('sv').matchAll(NUMBER_WORDS)) numbers.add(NUMBERS[m[1]!] ?? String(Number(m[1]!)));
  return numbers;
}

/** The times a text places something at relative to another: "before", "during", "after". */
function timingOf(text: string): Set<string> {
  return new Set([...text.toLocaleLowerCase('sv').matchAll(TIMING_WORDS)].map((m) => TIMINGS[m[1]!]!));
}

/**
 * Terms grouped by the word they come from: retrieval gives a compound followed by its parts ("utredningstid",
 * "utredning", "tid"); a word weighs as its heaviest term.
 */
function wordsOf(terms: readonly { term: string; weight: number }[]): { terms: { term: string; weight: number }[]; weight: number }[] {
  const words: { terms: { term: string; weight: number }[]; weight: number }[] = [];
  for (const t of terms) {
    const last = words[words.length - 1];
    const related = last?.terms.some((u) => (u.term.length > t.term.length ? u.term.includes(t.term) : t.term.includes(u.term)) && Math.min(u.term.length, t.term.length) >= MIN_PART);
    if (last && related) {
      last.terms.push(t);
      last.weight = Math.max(last.weight, t.weight);
    } else words.push({ terms: [t], weight: t.weight });
  }
  return words;
}

/** A term, or the first word of its group of same words: "barn" for any word for the child ("eleven", "den unge"). */
function childOf(term: string, same: ReadonlyMap<string, string>): string {
  return same.get(term) ?? term;
}

/** Whether a text says open and whether it says closed (of a line, an office, a meeting). */
interface OpenOrClosed {
  readonly open: boolean;
  readonly closed: boolean;
}

function openOrClosed(text: string, reach: boolean): OpenOrClosed {
  return { open: OPEN_WORDS.test(text) || (reach && REACH_WORDS.test(text)), closed: CLOSED_WORDS.test(text) };
}

/** Whether one text says open and the other closed, and not both. */
function opposite(a: OpenOrClosed, c: OpenOrClosed): boolean {
  return (a.open && !a.closed && c.closed && !c.open) || (a.closed && !a.open && c.open && !c.closed);
}

/** A word's weight in comparing a question with a claim: everyday words count, rare ones do not outweigh all else. */
function claimWeight(weight: number): number {
  return Math.min(Math.max(weight, CLAIM_MIN_WEIGHT), CLAIM_MAX_WEIGHT);
}

/**
 * "Ja", "Nej" — or "Jo" for a yes to a question asked in the negative ("Måste vi inte …?" – "Jo."); a negation
 * inside what is asked ("… om det inte blir någon utredning?") is answered "Ja".
 */
function swedishYesNo(answer: 'ja' | 'nej', negated: boolean): string {
  if (answer === 'nej') return 'Nej';
  return negated ? 'Jo' : 'Ja';
}

function hasNumberOfKind(text: string, kind: NonNullable<QuestionShape['number']>): boolean {
  if (kind === 'phone') return PHONE.test(text);
  if (kind === 'law') return /\bkap\.|§|\b(?:19|20)\d\d:\d{1,4}\b/.test(text);
  return kind === 'time' ? TIME.test(text) : AMOUNT.test(text);
}

/** An entry's title before a sentence of its own: "**Vem gör anmälan – du eller rektor?**", "**Checklista:**". */
function titleLabel(title: string): string {
  return /[?!.]$/.test(title) ? `**${title}**` : `**${title}:**`;
}

/** "Lagrum: 14 kap. 1 § SoL (2001:453) [1]; …", and what the new Social Services Act means for the reference. */
function legalLine(entries: readonly KnowledgeEntry[]): string | undefined {
  const seen = new Set<string>();
  const refs: string[] = [];
  let oldSol = false;
  entries.forEach((entry, i) => {
    for (const legal of entry.legal) {
      const number = /\(([^)]+)\)/.exec(legal.act)?.[1];
      const text = number && !legal.ref.includes(number) ? `${legal.ref} (${number})` : legal.ref;
      if (number === '2001:453') oldSol = true;
      if (seen.has(text)) continue;
      seen.add(text);
      refs.push(`${text} [${i + 1}]`);
    }
  });
  if (refs.length === 0) return undefined;
  return `Lagrum: ${refs.join('; ')}.${oldSol ? ` ${NEW_SOL}` : ''}`;
}

/** Whether two sets of terms have one in common. */
function shares(one: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  for (const term of one) if (other.has(term)) return true;
  return false;
}
