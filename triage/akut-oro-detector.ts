import { builtInAkutLexicon, type LexiconCategory } from './akut-lexicon.js';

/**
 * Spots akut oro in free text typed by staff: suspected sexual abuse, abuse by a caregiver or
 * relative, honour-related violence and control, violence in close relationships, and serious
 * threats. Lexicon and regex only, so it can run on every message as a global interrupt.
 *
 * Decisions a reader should know:
 * - Violence needs a perpetrator from the child's family or close relationships (or an unknown one
 *   when the child is the victim). Violence, threats and bullying from peers are "far illa" but not
 *   akut oro by the routine, so "en kompis slog honom på rasten" does not fire.
 * - A general question about a term or the law with no concrete child in it ("vad räknas som
 *   misshandel enligt lagen?") does not fire: the answerer handles it with the cited routine. The same
 *   question with a child in it ("räknas det som misshandel om pappa slår henne?") fires.
 * - Cheap negation: a negator shortly before a trigger in the same clause cancels it ("ingen
 *   misstanke om våld"), except in doubt phrases ("vet inte om", "kan inte utesluta", "vågar inte berätta").
 * - Without å/ä/ö anywhere in the text (a keyboard without Swedish letters) the lexicon is matched
 *   with a, a, o instead ("pappa slar henne", "sexuella overgrepp").
 */

/** The kinds of akut oro the routine names. */
export type AkutKind = 'sexual-abuse' | 'child-abuse' | 'honour-violence' | 'domestic-violence' | 'threat';

/** Whether a text describes akut oro, and which kinds (in a fixed order, no duplicates). */
export type AkutOroDetection = { acute: boolean; kinds: AkutKind[] };

const KIND_ORDER: readonly AkutKind[] = [
  'sexual-abuse',
  'child-abuse',
  'honour-violence',
  'domestic-violence',
  'threat',
];

/** Reads free text and tells whether it describes akut oro. Never keeps or logs the text. */
export function detectAkutOro(text: string): AkutOroDetection {
  // A turn asks about the same text more than once (the router, then the interrupt check, the answerer) in the same
  // pass of the event loop: the last reading is kept until that pass ends, never until the next message comes.
  if (lastDetection?.text !== text) {
    lastDetection = { text, detection: detect(text) };
    if (!forgetScheduled) {
      forgetScheduled = true;
      setImmediate(forgetLastDetection).unref();
    }
  }
  return { acute: lastDetection.detection.acute, kinds: [...lastDetection.detection.kinds] };
}

/** Whether a text describes akut oro: the answerer's `acuteConcern` port, as the bot and the tools wire it. */
export function isAkutOro(text: string): boolean {
  return detectAkutOro(text).acute;
}

let lastDetection: { readonly text: string; readonly detection: AkutOroDetection } | undefined;
let forgetScheduled = false;

function forgetLastDetection(): void {
  lastDetection = undefined;
  forgetScheduled = false;
}

/** For tests: whether the detector still holds a text it read. */
export function holdsText(): boolean {
  return lastDetection !== undefined;
}

function detect(text: string): AkutOroDetection {
  const normalized = normalize(text);
  const lexicon = /[åäö]/.test(normalized) ? swedishLexicon : foldedLexicon;
  if (isGeneralTalk(normalized, lexicon)) return { acute: false, kinds: [] };

  const sentences = normalized.split(/[.!?\n]+/).filter((sentence) => HAS_LETTER.test(sentence)).flatMap(windowsOf).map((sentence) => ` ${sentence.trim()} `);
  const found = new Set<AkutKind>();
  // Each sentence is searched for a parent once; "another sentence names one" is then a count, so the
  // work grows with the length of the message, not with its square.
  const namesCaregiver = sentences.map((sentence) => test(lexicon.caregiver, sentence));
  const sentencesNamingCaregiver = namesCaregiver.filter(Boolean).length;
  sentences.forEach((sentence, index) => {
    // Every detector starts from a signal in the sentence; one without any is passed over in one scan.
    if (!lexicon.anySignal.test(sentence)) return;
    const context: SentenceContext = {
      sentence,
      lexicon,
      actors: findActors(sentence, lexicon),
      caregiverElsewhere: sentencesNamingCaregiver - (namesCaregiver[index] ? 1 : 0) > 0,
    };
    for (const detector of DETECTORS) {
      for (const kind of detector(context)) found.add(kind);
    }
  });
  const kinds = KIND_ORDER.filter((kind) => found.has(kind));
  return { acute: kinds.length > 0, kinds };
}

const HAS_LETTER = /\p{L}/u;
/** Longer than any sentence staff write; a longer run without a full stop is read in overlapping windows. */
const MAX_SENTENCE_WORDS = 80;
const WINDOW_OVERLAP_WORDS = 20;

/**
 * A sentence of up to MAX_SENTENCE_WORDS words as it is; a longer one (a pasted text without full stops, or a
 * hostile one) as windows of that many words, each overlapping the one before, so that a signal across a
 * window's edge is still read whole and the work per window stays bounded (the checks within a sentence
 * compare its matches pairwise).
 */
function windowsOf(sentence: string): string[] {
  const spaces = [...sentence.matchAll(/\s+/g)];
  if (spaces.length < MAX_SENTENCE_WORDS) return [sentence];
  const windows: string[] = [];
  const step = MAX_SENTENCE_WORDS - WINDOW_OVERLAP_WORDS;
  for (let first = 0; first < spaces.length; first += step) {
    const start = first === 0 ? 0 : spaces[first - 1]!.index + spaces[first - 1]![0].length;
    const last = first + MAX_SENTENCE_WORDS - 1;
    const end = last < spaces.length ? spaces[last]!.index : sentence.length;
    windows.push(sentence.slice(start, end));
    if (end === sentence.length) break;
  }
  return windows;
}

// ---------------------------------------------------------------------------------------------
// Lexicon: the words are data (akut-lexicon.yaml, see akut-lexicon.ts); here they are compiled into
// whole-word patterns, once as written and once with a, a, o for å, ä, ö.

/** One or more spaces between words. */
const _ = '\\s+';
const oneOf = (...alternatives: string[]): string => `(?:${alternatives.join('|')})`;

type Lexicon = Readonly<Record<LexiconCategory, RegExp>> & {
  /** Matches where any of SIGNAL_CATEGORIES does: the union of their patterns, not global. */
  readonly anySignal: RegExp;
};

/** The categories each detector starts from (sexual abuse, violence, threats, injuries, fear …): no kind without one. */
const SIGNAL_CATEGORIES: readonly LexiconCategory[] = [
  'sexual', 'honour', 'control', 'domestic', 'seriousThreat', 'threat', 'activeViolence', 'passiveViolence', 'mutualViolence',
  'injuryAlways', 'injury', 'fear',
];

const lexiconData = builtInAkutLexicon();
const NEGATORS = lexiconData.negators;
const DOUBT_BEFORE = lexiconData.doubtBefore;
const DOUBT_AFTER = lexiconData.doubtAfter;

function compileLexicon(fold: (source: string) => string): Lexicon {
  const wholeWords = (source: string) => `(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`;
  const entries = Object.entries(lexiconData.sources).map(([name, source]) => [name, new RegExp(wholeWords(fold(source)), 'gu')]);
  const anySignal = new RegExp(wholeWords(SIGNAL_CATEGORIES.map((category) => `(?:${fold(lexiconData.sources[category])})`).join('|')), 'u');
  return Object.freeze({ ...Object.fromEntries(entries), anySignal }) as Lexicon;
}

const swedishLexicon = compileLexicon((source) => source);
const foldedLexicon = compileLexicon((source) => source.replace(/[åä]/g, 'a').replace(/ö/g, 'o'));

// ---------------------------------------------------------------------------------------------
// Matching helpers.

type Match = { start: number; end: number };
type ActorClass = 'caregiver' | 'relative' | 'partner' | 'peer' | 'other-adult';
type Actor = Match & { actor: ActorClass };

type SentenceContext = {
  sentence: string;
  lexicon: Lexicon;
  actors: readonly Actor[];
  /** A parent is mentioned in another sentence of the message ("Hon berättar om pappa. Han slår henne."). */
  caregiverElsewhere: boolean;
};

function matches(pattern: RegExp, text: string): Match[] {
  return [...text.matchAll(pattern)].map((found) => ({ start: found.index, end: found.index + found[0].length }));
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const result = pattern.test(text);
  pattern.lastIndex = 0;
  return result;
}

/** True when `pattern` matches starting within the first `maxWords` words of `text`. */
function startsWithin(pattern: RegExp, text: string, maxWords: number): boolean {
  return matches(pattern, text).some((found) => words(text.slice(0, found.start)).length <= maxWords);
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}-]+/u).filter((word) => word !== '');
}

function findActors(sentence: string, lexicon: Lexicon): Actor[] {
  const classes: [ActorClass, RegExp][] = [
    ['caregiver', lexicon.caregiver],
    ['relative', lexicon.relative],
    ['partner', lexicon.partner],
    ['peer', lexicon.peer],
    ['other-adult', lexicon.otherAdult],
  ];
  const all = classes.flatMap(([actor, pattern]) => matches(pattern, sentence).map((found) => ({ ...found, actor })));
  // A longer match wins over one inside it ("mammas pojkvän" is a caregiver, not a partner).
  return all
    .filter((actor) => !all.some((other) => other !== actor && contains(other, actor)))
    .sort((a, b) => a.start - b.start);
}

/** Where the reported event begins: after the last "säger att" or "berättar" before `index` (the teller is no actor). */
function reportStart(context: SentenceContext, index: number): number {
  let start = 0;
  for (const found of matches(context.lexicon.disclosure, context.sentence)) {
    if (found.end <= index) start = found.end;
  }
  return start;
}

function contains(outer: Match, inner: Match): boolean {
  const longer = outer.end - outer.start > inner.end - inner.start;
  return longer && outer.start <= inner.start && outer.end >= inner.end;
}

/** The actor named last before `index` in the reported event: in Swedish the subject comes before the verb. */
function actorBefore(context: SentenceContext, index: number): Actor | undefined {
  const from = reportStart(context, index);
  return context.actors.filter((actor) => actor.start >= from && actor.end <= index).at(-1);
}

/** The agent after a passive verb or a noun: "slagen av pappa", "hot från brodern"; `stated` when "av/från" follows. */
function agentAfter(context: SentenceContext, index: number): { stated: boolean; actor?: Actor } {
  const preposition = /^\s+(?:\p{L}+\s+){0,3}?(?:av|från)\s+/u.exec(context.sentence.slice(index));
  if (preposition === null) return { stated: false };
  const agentStart = index + preposition[0].length;
  const actor = context.actors.find((candidate) => candidate.start >= agentStart && candidate.start <= agentStart + 20);
  return actor === undefined ? { stated: true } : { stated: true, actor };
}

function isFamily(actor: Actor | undefined): boolean {
  return actor?.actor === 'caregiver' || actor?.actor === 'relative';
}

/** Peers named in the reported event (from `from` on), or a school place anywhere in the sentence. */
function hasPeerContext(context: SentenceContext, from: number): boolean {
  return (
    context.actors.some((actor) => actor.actor === 'peer' && actor.start >= from) ||
    test(context.lexicon.peerPlace, context.sentence)
  );
}

/** True when a negator in the same clause shortly before `start` (or right after `end`) denies the match. */
function isNegated(sentence: string, start: number, end: number): boolean {
  const prefix = sentence.slice(0, start);
  const boundary =
    /(?:[,:;–—]|\s(?:men|fast|eftersom|f[öo]r att|d[äa]rf[öo]r att|och (?:hon|han|hen|s[äa]ger|sa|ber[äa]tta\p{L}*|har|vi|jag|det|nu|d[åa]))\s)/gu;
  let clauseStart = 0;
  for (const found of prefix.matchAll(boundary)) clauseStart = found.index + found[0].length;
  const before = words(prefix.slice(clauseStart)).slice(-6);
  const denied = before.some((word, index) => {
    if (!NEGATORS.has(word)) return false;
    const previous = before[index - 1];
    const next = before[index + 1];
    return !(previous !== undefined && DOUBT_BEFORE.has(previous)) && !(next !== undefined && DOUBT_AFTER.has(next));
  });
  if (denied) return true;
  const following = /^\s+(\p{L}+)/u.exec(sentence.slice(end))?.[1];
  return following !== undefined && NEGATORS.has(following);
}

function affirmed(context: SentenceContext, pattern: RegExp): Match[] {
  return matches(pattern, context.sentence).filter((found) => !isNegated(context.sentence, found.start, found.end));
}

// ---------------------------------------------------------------------------------------------
// Detectors, one per kind of signal. Each returns the kinds it finds in one sentence.

type Detector = (context: SentenceContext) => AkutKind[];

const detectSexualAbuse: Detector = (context) =>
  affirmed(context, context.lexicon.sexual).length > 0 ? ['sexual-abuse'] : [];

const detectHonour: Detector = (context) => {
  const kinds: AkutKind[] = [];
  if (affirmed(context, context.lexicon.honour).length > 0) kinds.push('honour-violence');
  const controlledByFamily = affirmed(context, context.lexicon.control).some((found) =>
    isFamily(actorBefore(context, found.start)),
  );
  if (controlledByFamily) kinds.push('honour-violence');
  return kinds;
};

const detectDomestic: Detector = (context) =>
  affirmed(context, context.lexicon.domestic).length > 0 ? ['domestic-violence'] : [];

const detectThreat: Detector = (context) => {
  if (affirmed(context, context.lexicon.seriousThreat).length > 0) return ['threat'];
  const fromFamilyOrPartner = affirmed(context, context.lexicon.threat).some((found) => {
    if (aimsAtStaff(context, found)) return false;
    const agent = agentAfter(context, found.end);
    const actor = agent.stated ? agent.actor : actorBefore(context, found.start);
    if (actor !== undefined) return isFamily(actor) || actor.actor === 'partner';
    return !agent.stated && test(context.lexicon.home, context.sentence);
  });
  return fromFamilyOrPartner ? ['threat'] : [];
};

/**
 * A threat aimed at staff or the writer ("hotfull mot personalen", "hotar mig", "jag blev hotad av pappan") is a matter
 * for the employer and the police, not akut oro for a child — unless a child is named beside them ("hotar mig och
 * barnet"). "mig"/"oss" are the writer's only outside a child's words ("hon berättar att pappa hotar oss", "pappa hotar
 * mig, sa eleven", a quotation are the child's).
 */
function aimsAtStaff(context: SentenceContext, threat: Match): boolean {
  const { sentence, lexicon } = context;
  // A sentence that also names the child may tell a threat aimed at the child: the akut routine is the safe side.
  if (test(lexicon.childNamed, sentence)) return false;
  const rest = sentence.slice(threat.end);
  const atStaff = matches(lexicon.threatAtStaff, rest).find((found) => words(rest.slice(0, found.start)).length <= 1);
  if (atStaff !== undefined) return true;
  const writerObject = /\s(?:mig|oss)$/u.test(sentence.slice(threat.start, threat.end));
  const childSpeaks = reportStart(context, threat.start) > 0 || test(lexicon.speechVerb, sentence) || sentence.includes('"');
  if (writerObject && !childSpeaks) return true;
  // Only a passive threat has staff as its subject ("jag blev hotad"; not "vi har hört hot", "pappa hotar henne och jag är orolig").
  if (!/^\s*hota(?:d|s)/u.test(sentence.slice(threat.start, threat.end))) return false;
  return matches(lexicon.staffThreatened, sentence).some((subject) => subject.end <= threat.start && /^\s*(?:\p{L}+\s+){0,1}$/u.test(sentence.slice(subject.end, threat.start)));
}

/** Who hit whom: the subject before an active verb, the object after it, home and disclosure cues. */
const detectActiveViolence: Detector = (context) => {
  const { sentence, lexicon } = context;
  const kinds: AkutKind[] = [];
  const threats = matches(lexicon.seriousThreat, sentence);
  for (const verb of affirmed(context, lexicon.activeViolence)) {
    // A threat to hit is a threat, not an act.
    if (/\bhot\p{L}*\s+(?:med\s+)?att\s+$/u.test(sentence.slice(0, verb.start))) continue;
    if (threats.some((threat) => threat.start <= verb.start && verb.end <= threat.end)) continue;
    const word = sentence.slice(verb.start, verb.end);
    const after = sentence.slice(verb.end);
    const againstParent = startsWithin(lexicon.parentVictim, after, 2);
    const actor = actorBefore(context, verb.start);
    if (actor !== undefined) {
      if (actor.actor === 'peer') continue;
      kinds.push(actor.actor === 'partner' || againstParent ? 'domestic-violence' : 'child-abuse');
      continue;
    }
    // Without a named perpetrator: "våld" counts only at home, "våldsam" needs a person.
    if (/^v[åa]ld$/u.test(word)) {
      if (test(lexicon.home, sentence)) kinds.push('domestic-violence');
      continue;
    }
    if (/^v[åa]ldsam/u.test(word)) continue;
    const from = reportStart(context, verb.start);
    const hitsAnotherChild = startsWithin(lexicon.peer, after, 2) || startsWithin(lexicon.relative, after, 2);
    if (hitsAnotherChild || hasPeerContext(context, from)) continue;
    if (test(lexicon.home, sentence) || context.caregiverElsewhere || startsWithin(lexicon.implement, after, 3)) {
      kinds.push(againstParent ? 'domestic-violence' : 'child-abuse');
    } else if (from > 0 && startsWithin(lexicon.childObject, after, 1)) {
      kinds.push('child-abuse'); // "hon säger att han slår henne"
    }
  }
  return kinds;
};

/** A parent as the subject right before a passive verb: "mamma blir slagen". */
const PARENT_VICTIM_SUBJECT = new RegExp(
  `(?<![\\p{L}\\p{N}])${oneOf('mamma', 'mamman', 'pappa', 'pappan', `${oneOf('hennes', 'hans', 'barnens')}${_}mamma`)}` +
    `${_}(?:${oneOf('blir', 'blev', 'har', 'hade', 'blivit', 'ofta', 'alltid', 'också', 'varit')}${_}){1,3}$`,
  'u',
);

const detectPassiveViolence: Detector = (context) => {
  const { sentence, lexicon } = context;
  const kinds: AkutKind[] = [];
  for (const verb of affirmed(context, lexicon.passiveViolence)) {
    const agent = agentAfter(context, verb.end).actor;
    const victimIsParent = PARENT_VICTIM_SUBJECT.test(sentence.slice(0, verb.start));
    if (agent !== undefined) {
      if (agent.actor === 'peer') continue;
      kinds.push(agent.actor === 'partner' || victimIsParent ? 'domestic-violence' : 'child-abuse');
    } else if (victimIsParent) {
      kinds.push('domestic-violence');
    } else if (test(lexicon.home, sentence) || !test(lexicon.peerPlace, sentence)) {
      // Harmed at home, or harmed and nothing points at school; a peer before the verb is the victim or the teller.
      kinds.push('child-abuse');
    }
  }
  return kinds;
};

const detectMutualViolence: Detector = (context) =>
  affirmed(context, context.lexicon.mutualViolence).some(
    (found) => actorBefore(context, found.start)?.actor === 'caregiver',
  )
    ? ['domestic-violence']
    : [];

const detectInjuries: Detector = (context) => {
  const { sentence, lexicon } = context;
  if (test(lexicon.accident, sentence)) return [];
  if (affirmed(context, lexicon.injuryAlways).length > 0) return ['child-abuse'];
  if (affirmed(context, lexicon.injury).length === 0) return [];
  const cued =
    context.actors.some((actor) => actor.actor === 'caregiver' || actor.actor === 'relative') ||
    context.caregiverElsewhere ||
    test(lexicon.home, sentence) ||
    test(lexicon.disclosure, sentence) ||
    test(lexicon.injuryCue, sentence);
  return cued ? ['child-abuse'] : [];
};

const detectFear: Detector = (context) => (affirmed(context, context.lexicon.fear).length > 0 ? ['child-abuse'] : []);

const DETECTORS: readonly Detector[] = [
  detectSexualAbuse,
  detectHonour,
  detectDomestic,
  detectThreat,
  detectActiveViolence,
  detectPassiveViolence,
  detectMutualViolence,
  detectInjuries,
  detectFear,
];

// ---------------------------------------------------------------------------------------------
// Text preparation and the general-question rule.

function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    // Swedish never has three equal letters in a row, nor a doubled å/ä/ö or a doubled final vowel:
    // "slåååår" → "slår", "misssshandel" → "misshandel", "pappaaa" → "pappa".
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/([åäö])\1/gu, '$1')
    .replace(/([aeiouy])\1(?!\p{L})/gu, '$1')
    .replace(/[ \t\u00a0]+/g, ' ');
}

/** A question about terms, law or routines, or talk about training, with no concrete child in it. */
function isGeneralTalk(text: string, lexicon: Lexicon): boolean {
  if (test(lexicon.concreteCase, text)) return false;
  if (test(lexicon.topicOnly, text)) return true;
  const isQuestion =
    text.includes('?') ||
    /^\s*(?:vad|hur|vilka|vilken|vilket|n[äa]r|varf[öo]r|f[åa]r|m[åa]ste|ska|kan|[äa]r|r[äa]knas|finns|g[äa]ller)\s/u.test(text);
  return isQuestion && test(lexicon.generalQuestion, text);
}
