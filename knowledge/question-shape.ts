import { alternationOf, type QuestionWords } from './question-words.js';
import { foldDiacritics, writtenAt } from './search/swedish-analyzer.js';

/** What kind of answer a question asks for, read from its wording. */
export interface QuestionShape {
  /** A yes/no question ("Får vi …?", "Can I …?"): the answer should start with the yes or the no. */
  readonly yesNo: boolean;
  /** A yes/no question about what one must ("Måste vi …?", "Behöver …?") or may do ("Kan vi …?", "Får …?"). */
  readonly modal?: 'must' | 'may';
  /** The question itself holds a negation ("Ska vi inte …?"). */
  readonly negated: boolean;
  /**
   * A negation inside what is asked about, not the asker's "… inte …?" after the opening verb: "barn som inte
   * är folkbokförda", "om föräldrarna inte samtycker", "slipper vi …", "kan vi vägra …". It turns the answer around.
   */
  readonly innerNegation: boolean;
  /**
   * The question asks for one number: a telephone number, a time of day, a count or a length of time, or the
   * chapter and paragraph of a law ("Vilket kapitel i SoL …?").
   */
  readonly number?: 'phone' | 'time' | 'amount' | 'law';
  /**
   * The sub-questions of a two-part or comparison question ("skillnaden mellan X och Y", "…, och vad …?");
   * empty for a question with one part.
   */
  readonly parts: readonly string[];
  /** The question itself: in a long message, its last question sentences (what comes before is the situation). */
  readonly clause: string;
  /** In a long message, what it tells before (or after) the question: the situation told. */
  readonly situation?: string;
  /** For "Vad är/innebär/betyder X?", "What is X?": the X whose definition is asked for. */
  readonly defines?: string;
  /**
   * For a question that asks something of a thing rather than about the words that ask it: what X includes ("Vad ingår
   * i X?", "Vad omfattar X?"), what X is for ("Vad är syftet med X?", "Vad syftar X till?") or where something is written
   * ("Var står det …?"). `words` are the asking words, which name no topic; `subject` is X, when the question names one.
   */
  readonly asksOf?: { readonly words: string; readonly subject?: string };
}

// A yes/no question opens with a finite verb (Swedish) or an auxiliary (English).
const YES_NO_OPENERS = new Set([
  'är', 'ar', 'kan', 'får', 'far', 'ska', 'skall', 'måste', 'maste', 'behöver', 'behover', 'bör', 'gäller', 'galler', 'finns',
  'har', 'blir', 'brukar', 'går', 'gar', 'stämmer', 'stammer', 'räcker', 'racker', 'bryter', 'leder', 'omfattas', 'tar',
  'hålls', 'hinner', 'ringer', 'vet', 'kommer', 'borde', 'skulle', 'kunde', 'fick', 'blev', 'hade', 'menar',
  // Everyday verbs staff open a question with ("Sitter polisen med …?", "Krävs samtycke?").
  'sitter', 'omfattar', 'samarbetar', 'samverkar', 'bekräftar', 'ingår', 'deltar', 'krävs', 'kravs', 'behövs', 'behovs',
  'görs', 'gors', 'ges', 'ses', 'syns', 'hör', 'ligger', 'ger', 'hjälper', 'hjalper', 'erbjuder', 'erbjuds', 'skickar',
  'informerar', 'meddelar', 'kontaktar', 'kallar', 'täcker', 'ersätter', 'påverkar', 'följer', 'följs', 'upphör', 'innebär',
  'innebar', 'betyder', 'händer', 'sker', 'gör', 'gor', 'vill', 'ser', 'står', 'slutar', 'börjar', 'anmäler', 'anmäls',
  'handlar', 'avser', 'berör', 'berörs', 'rör', 'räknar', 'svarar', 'träffar', 'träffas', 'möts', 'lämnar', 'lämnas',
  'utreder', 'utreds', 'inleds', 'inleder', 'stänger', 'öppnar', 'fanns', 'finnes', 'dokumenteras', 'sparas', 'delas',
  'hamnar', 'tas', 'regleras', 'hänvisar', 'håller', 'leds', 'kostar', 'tillåter', 'tillåts', 'sköter', 'sköts', 'pratar',
  'kräver', 'behandlar', 'registrerar', 'bestämmer', 'beslutar', 'känner', 'hjälps', 'skrivs', 'skriver', 'räknas', 'tillhör', 'arbetar', 'jobbar',
  'slipper', 'riktar', 'bygger', 'berättar', 'väntar', 'vänder', 'utgår', 'låter', 'kollar', 'hindrar', 'består', 'bedömer',
  'avgör', 'ansvarar', 'ökar', 'redogör', 'bjuder', 'styrs', 'utses', 'bestäms', 'beskrivs', 'används', 'fylls', 'föregås',
  'deltog', 'arbetade', 'önskade', 'såg', 'hette', 'bryts', 'bryter',
  // Verbs of saying, asked of a document or a person ("Säger rutinen att …?", "Anser socialtjänsten att …?").
  'säger', 'sager', 'nämner', 'anger', 'föreslår', 'rekommenderar', 'beskriver', 'framgår', 'anser', 'tycker',
  // The same, asked of what a report found ("Ville cheferna …?", "Ansåg rektorerna …?").
  'ville', 'ansåg', 'tyckte', 'menade', 'sa', 'sade', 'föreslog', 'gjorde', 'visade',
  'can', 'may', 'should', 'must', 'is', 'are', 'do', 'does', 'did', 'will', 'shall', 'have', 'has', 'am', 'could', 'would',
]);
// Question words: a clause opening with one asks for more than a yes or no.
const QUESTION_WORDS = new Set([
  'vad', 'vem', 'vems', 'vilka', 'vilken', 'vilket', 'när', 'nar', 'var', 'vart', 'varifrån', 'varför', 'varfor', 'hur',
  'what', 'who', 'whom', 'whose', 'when', 'where', 'which', 'why', 'how',
]);
// A passive verb opening a question: "Registreras …?", "Räknas …?", "Dokumenterades …?".
const PASSIVE_VERB = /^\p{L}{3,}(?:as|ades|des|tes)$/u;
// A verb of the -era kind in the present opening a question: "Dokumenterar …?", "Kontrollerar …?", "Prioriterar …?".
const ERA_VERB = /^\p{L}{3,}erar$/u;
// "LSG – samarbetar de …?", "OSL 12:3 – kan …?": a short topic before a dash, then the question.
const TOPIC_DASH = /^[^.?!]{1,30}?\s[–—-]\s+/;
// "Om …, …", "När …, …", "If …, …": a sentence that opens with its condition.
const CONDITION_FIRST = /^(?:om|när|nar|ifall|if|when)\s[^,]+,\s*\S/iu;
// "…, och blir det …?": a second question joined to a first.
const SECOND_QUESTION_JOIN = /^(?:och|samt|and)\s/i;
// "…, men gäller det …?", "…, så räcker det?": a joining word before the question's verb.
const JOINING_WORD = /^(?:men|och|så|sa|eller|alltså|but|and|so)\s+/i;
// The Swedish modal verbs a may/must question opens with, with and without å/ä/ö ("Får vi …?", "Maste de …?"), and those
// that ask what should be done ("Ska vi …?", "Bör rektor …?"): one source for every pattern that reads a modal question.
const MAY_MUST_MODALS: readonly string[] = ['kan', 'får', 'far', 'måste', 'maste', 'behöver', 'behover'];
export const SWEDISH_MODALS: readonly string[] = [...MAY_MUST_MODALS, 'ska', 'skall', 'bör', 'bor'];
// "Ska vi …?" asks for advice as often as for a duty: it is neither.
const MUST = new Set(['måste', 'maste', 'behöver', 'behover', 'must', 'need']);
const MAY = new Set(['kan', 'får', 'far', 'går', 'gar', 'can', 'may', 'could']);
const GREETING = /^(hej(san)?|hallå|god (morgon|dag|kväll)|tjena|hi|hello)\b[\s,!.:]*/i;
// "kurator här:", "EHT undrar:" – a short label before a colon introduces the question.
const LEAD_IN = /^[^.?!:]{1,30}:\s*/;
const NEGATION = /\b(inte|ej|icke|not|don't|dont|doesn't|isn't|aren't|can't|cannot|shouldn't)\b/i;

// Asking for a number, not just mentioning the fax ("ska anmälan skickas per fax?").
const PHONE = /(?<![\p{L}-])(telefonnummer|telefonnumret|telefonnumren|tel|tfn|telnr|nr|nummer|numret|numren|faxnummer|faxnumret|faxnr|number)\b/iu;
const TIME = /\b(när (stänger|öppnar|svarar|har .* (öppet|stängt|lunch))|(?<!inom )vilken tid|vilka tider|vilka klockslag|vilket klockslag|till vilken tid|hur länge (är|har) .*(öppet|öppen)|lunchstängt|klockan|tel\.?\s?tid(en|er|erna)?|telefontid(en|er|erna)?|when can|what time|opening hours|phone hours)\b/i;
// Opening hours, written with or without ö (the \b of TIME does not stand before an "ö").
const OPENING_HOURS = /(?<!\p{L})(?:öppettid|oppettid)(?:en|er|erna)?(?!\p{L})/iu;
const LAW = /\b(vilke[nt]|vilka|which|what)\s+(kapitel|paragraf|paragrafer|paragrafen|lagrum|lagrummet|sfs-nummer|lag|lagar|chapter|section|paragraph|law|laws|act)\b|\bvar\s+i\s+(lagen|socialtjänstlagen|skollagen)\b/i;
const AMOUNT = /\b(hur (många|manga|länge|lange|lång tid|lang tid|lång är|lang ar|lång blir|lang blir|ofta|snabbt|gammal)|inom hur|inom vilken tid|vilken månad|vilket år|vilken ålder|vilka åldrar|hur stor|how (many|long|often|old)|which (ages|month))\b/i;

// The last "och" splits: "råd och stöd och en beslutad insats" compares "råd och stöd" with "en beslutad insats".
const COMPARISON = /\b(?:skillnaden?\s+(?:mellan|på|pa)|differences?\s+between)\s+([^,?.!]+)\s+(?:och|o|resp\.?|respektive|and)\s+([^,?.!]+?)(?=[,?.!]|$)/i;
const VERSUS = /^(.*?\S)\s+(?:jämfört med|jamfort med|respektive|kontra|versus|vs\.?|compared to|compared with)\s+(.+?)(?=[?.!]|$)/i;
// ", och vad …", " och hur …", "… and what …": a second question joined to the first.
const SECOND_QUESTION = /,?\s+(?:och|samt|and)\s+(?=(?:vad|hur|vem|vilka|vilken|vilket|när|var|vart|varför|får|kan|ska|måste|behöver|what|how|who|when|where|which|why|can|should|do)\b)/i;

// "…, och sker konsultationen anonymt?": after a comma, a yes/no question's opening verb starts a second question too.
const SECOND_YES_NO_QUESTION = /,\s*(?:och|samt|and)\s+(?=(\p{L}+))/iu;

// "Hur går X till, vem kontaktar …?": a question opening with a question word, a comma, then a second one without "och"
// ("när", "var" after a comma open a clause of time or place as often as a question, so not those).
const COMMA_SECOND_QUESTION = /(?<=^(?:vad|hur|vem|vilka|vilken|vilket)\s[^,]+),\s*(?=(?:vad|hur|vem|vilka|vilken|vilket)\s)/iu;

const ALTERNATIVES = /\s(eller|or)\s/i;

/** The shortenings whose full stop does not end a sentence: the lists of question-words.yaml a message is split with. */
export type SentenceShortenings = Pick<QuestionWords, 'shortenedBeforeNumber' | 'shortenedInSentence'>;

/** Reads the shape of a question, its sentences split with `shortenings`. Pure: no knowledge of the routines. */
export function shapeOf(question: string, shortenings: SentenceShortenings): QuestionShape {
  const text = question.trim();
  // In a long message the question is its last sentence; what comes before is the situation.
  const clause = questionClause(text, shortenings);
  const opening = clause.replace(GREETING, '').replace(LEAD_IN, '').trim().toLocaleLowerCase('sv');
  const { clause: yesNoClause, first } = yesNoClauseOf(opening);
  // What the message tells around its question: before it, and after it ("Kan vi …? Det gäller försummelse.").
  const at = text.lastIndexOf(clause);
  const situation = at < 0 ? '' : `${text.slice(0, at)} ${text.slice(at + clause.length)}`.trim();
  const number = LAW.test(clause)
    ? 'law'
    : TIME.test(clause) || OPENING_HOURS.test(clause)
      ? 'time'
      : PHONE.test(clause) && !AMOUNT.test(clause)
        ? 'phone'
        : AMOUNT.test(clause)
          ? 'amount'
          : undefined;
  return {
    yesNo: yesNoClause !== undefined,
    ...modalOf(first, yesNoClause),
    negated: NEGATION.test((yesNoClause ?? opening).replace(RESTATEMENT, '')),
    innerNegation: hasInnerNegation(opening, yesNoClause),
    ...(number ? { number } : {}),
    parts: partsOf(clause, shortenings, clause.trim() === text.trim()),
    clause,
    ...(situation ? { situation } : {}),
    ...definitionOf(clause),
    ...asksOfThing(clause),
  };
}

/**
 * The part of a question that asks for a yes or a no, opening with its verb: the whole question ("Får vi …?"),
 * what follows a short topic and a dash ("LSG – samarbetar de …?"), or its last clause after a comma ("vad
 * händer när …, får skolan veta?"), with its verb; no clause when no part asks for a yes or no, or it offers alternatives.
 */
function yesNoClauseOf(opening: string): { clause?: string; first: string } {
  const lastSentence = opening.split(/(?<=[.!?])\s+/).filter(Boolean).pop() ?? opening;
  const candidates = [opening, opening.replace(TOPIC_DASH, '')];
  // "om ett barn placeras, får skolan veta …" – a condition first, then the question, though no question mark ends it.
  if (lastSentence.endsWith('?') || CONDITION_FIRST.test(lastSentence)) {
    // "… vet inte hur jag ska göra – kan jag …?": the question after the last dash.
    const dashParts = lastSentence.split(/\s[–—-]\s+/);
    if (dashParts.length > 1) candidates.push(dashParts[dashParts.length - 1]!.trim());
    const commaParts = lastSentence.split(/,\s*/);
    // "Vad räknas som akut oro, och blir det …?" is a second question, not the one asked.
    const last = commaParts[commaParts.length - 1]!.trim();
    if (commaParts.length > 1 && !SECOND_QUESTION_JOIN.test(last)) candidates.push(last);
  }
  for (const candidate of candidates) {
    const clause = candidate.replace(JOINING_WORD, '');
    const first = clause.split(/[\s,]+/)[0] ?? '';
    if (QUESTION_WORDS.has(first)) continue;
    if (!(YES_NO_OPENERS.has(first) || PASSIVE_VERB.test(first) || ERA_VERB.test(first))) continue;
    // "Får vi berätta … [misshandel, våld eller övergrepp]?" still asks whether one may, though not for a yes or no.
    return ALTERNATIVES.test(clause) ? { first } : { clause, first };
  }
  return { first: '' };
}

// "Är det rektor som måste …?", "Är vi skyldiga att …?": a duty asked about later in the question.
const DUTY = /(?<![\p{L}])(måste|maste|behöver|behover|skyldig|skyldiga|skyldigt|tvungen|tvungna|obligatoriskt|must|obliged|required)(?![\p{L}])/iu;

function modalOf(first: string, yesNoClause: string | undefined): { modal?: 'must' | 'may' } {
  if (MUST.has(first)) return { modal: 'must' };
  if (MAY.has(first)) return { modal: 'may' };
  return yesNoClause && DUTY.test(yesNoClause) ? { modal: 'must' } : {};
}

// "Ska vi inte …?", "Måste man inte …?", "Är det inte …?": a negation this early in a yes/no question is the asker's.
const ASKERS_NEGATION_WORDS = 3;

// "Slipper vi …?", "Kan vi låta bli att …?", "Får vi vägra …?": asking whether one may not do something.
const AVOIDING = /(?<![\p{L}])(slipp\p{L}*|slapp|vägra\p{L}*|avstå\p{L}*|låt\p{L}* bli|neka\p{L}*|strunta\p{L}*|skippa\p{L}*|undvik\p{L}*|hoppa\p{L}* över|refus\p{L}*|avoid\p{L}*|skip\p{L}*)(?![\p{L}])/giu;

// ", alltså …", ", dvs …", ", det vill säga …": the rest of the question says again what it asks.
const RESTATEMENT = /,\s*(?:alltså|alltsa|dvs\.?|d\.v\.s\.?|det\s+vill\s+säga|det\s+vill\s+saga|menar\s+jag)\s[^?.!]*/iu;

function hasInnerNegation(opening: string, yesNoClause: string | undefined): boolean {
  // "Ska vi ringa direkt, alltså inte mejla?": a restatement of what is asked, whose negation negates nothing of it.
  const asked = opening.replace(RESTATEMENT, '');
  const words = asked.split(/[\s,]+/).filter(Boolean);
  let count = words.filter((w) => NEGATION.test(w)).length + (asked.match(AVOIDING) ?? []).length;
  if (yesNoClause) {
    const early = yesNoClause.split(/[\s,]+/).slice(0, ASKERS_NEGATION_WORDS);
    if (early.some((w) => NEGATION.test(w))) count -= 1;
  }
  return count > 0;
}

// "… i rutinen", "… i den äldre samverkansrutinen", "… i Kraftsamlings styrdokument": where to look, named by a word
// ending in rutin or dokument, with at most one word before it.
const WHERE_LOOKED = String.raw`i\s+(?:den\s+|det\s+)?(?:[\p{L}-]+\s+)?\p{L}*(?:rutinen|rutinerna|rutin|dokumentet|dokument)`;

// "… enligt Stockholms rapport", "… enligt styrdokumentet": the source to look in, named in any words.
const BY_SOURCE = String.raw`enligt\s+[^?.!]+`;

// "Vad innebär X för mig som lärare?": who asks may follow the term, and the question is still what X means; also
// written without å/ä/ö ("vad innebar X for oss pa skolan").
const DEFINITION = new RegExp(String.raw`^(?:vad\s+är|vad\s+ar|vad\s+innebär|vad\s+innebar|vad\s+betyder|vad\s+menas\s+med|vad\s+står|vad\s+star|hur\s+definieras|what\s+is|what's|what\s+does)\s+(?:en\s+|ett\s+|a\s+|an\s+|the\s+)?([\p{L}\d-]+(?:\s+[\p{L}\d-]+)?)\s*(?:mean|stand\s+for|f[öo]r\s+n[åa]got|f[öo]r\s+n[åa]t|f[öo]r\s+(?:mig|oss|dig|er)(?:\s+(?:som|p[åa]|i)\s+[^?.!]*)?|f[öo]r|${WHERE_LOOKED}|${BY_SOURCE})?\s*[?.!]?$`, 'iu');

// "Vad menas med X i rutinen?": the words after X say where to look, not what X is; no entry need join them to X.
const WHERE_DEFINED = new RegExp(String.raw`\s+${WHERE_LOOKED}(\s*[?.!]?\s*)$`, 'iu');

/** A definition question without the closing words that say where to look ("… i rutinen?"); other questions unchanged. */
export function withoutWhereDefined(question: string): string {
  return DEFINITION.test(question.trim().replace(GREETING, '')) ? question.replace(WHERE_DEFINED, '$1') : question;
}

function definitionOf(clause: string): { defines?: string } {
  const match = DEFINITION.exec(clause.trim().replace(GREETING, ''));
  return match ? { defines: match[1]! } : {};
}

// The article or pronoun before the thing a question asks about ("i det samtycke", "med en utredning").
const DETERMINER = String.raw`(?:(?:en|ett|det|den|de|dom|vårt|vår|våra|vart|var|vara|er|ert|era|deras|dess|hans|hennes|hens)\s+)?`;
// "Vad ingår i en skyddsbedömning?", "Vilka ord ingår i termen …?", "Vad omfattar uppgiftsskyldigheten?", "Vad innehåller
// checklistan?", "Vad innehöll deras plan?" (and without å/ä/ö, and in the past tense): what a thing includes; its asking
// verb names no topic. Not the passive ("Vilka åldrar omfattas av X?"), which asks about what comes first.
const INCLUDES = new RegExp(
  String.raw`^(?:vad|vilka|vilken|vilket|vem|vilka\s+\p{L}+|vilken\s+\p{L}+|vilket\s+\p{L}+)\s+(ingår|ingar|omfattar|innehåller|innehaller|inkluderar|rymmer|ingick|omfattade|innehöll|inneholl|inkluderade|rymde)\s+(?:i\s+|av\s+)?${DETERMINER}(?:(begreppet|begreppen|ordet|termen)\s+)?([\p{L}\d][\p{L}\d/-]*)`,
  'iu',
);
// "Vad är syftet med X?", "Vad är målet med X?", "Vad syftar X till?" (and without å/ä/ö): what a thing is for.
const PURPOSE_OF = new RegExp(String.raw`^vad\s+(?:är|ar)\s+(syftet|målet|malet|meningen)\s+med\s+${DETERMINER}([\p{L}\d][\p{L}\d-]*)`, 'iu');
// "Vad händer på ett anmälningsmöte?", "Vad sker vid en skyddsbedömning?" (and without å/ä/ö): what goes on at an event the
// question names; the event chooses the entry, not the asking verb. Not "Vad händer efter/när …", which asks what follows.
const HAPPENS_AT = new RegExp(String.raw`^vad\s+(händer|hander|sker)\s+(?:på|pa|vid|under)\s+${DETERMINER}([\p{L}\d][\p{L}\d-]*)`, 'iu');
const AIMS_AT = new RegExp(String.raw`^vad\s+(syftar)\s+${DETERMINER}([\p{L}\d][\p{L}\d-]*)[^?.!]*?\s+till\s*[?.!]?$`, 'iu');
// "Var står det (skrivet) vad …?", "Var hittar jag …?", "Var framgår det …?" (and without å/ä/ö): where something is
// written; the asking verb names no topic, what follows is asked.
const WHERE_WRITTEN = /^(?:var|vart)\s+(står|star|hittar|hittas|framgår|framgar)(?:\s+(?:det|jag|vi|man|ni))?(?:\s+(skrivet|beskrivet|nedskrivet|skrivit))?(?![\p{L}])/iu;

function asksOfThing(clause: string): { asksOf?: { words: string; subject?: string } } {
  const text = clause.trim().replace(GREETING, '').replace(LEAD_IN, '');
  const includes = INCLUDES.exec(text);
  if (includes) return { asksOf: { words: [includes[1], includes[2]].filter(Boolean).join(' '), subject: includes[3]! } };
  const purpose = PURPOSE_OF.exec(text) ?? AIMS_AT.exec(text) ?? HAPPENS_AT.exec(text);
  if (purpose) return { asksOf: { words: purpose[1]!, subject: purpose[2]! } };
  const where = WHERE_WRITTEN.exec(text);
  if (where) return { asksOf: { words: [where[1], where[2]].filter(Boolean).join(' ') } };
  return {};
}

// A long message written without a question mark: its question starts at the first question word of its last part.
const UNMARKED_LONG_WORDS = 30;
const UNMARKED_TAIL_SHARE = 0.4;
const QUESTION_WORD = /(?<![\p{L}])(?:vad|hur|vem|vilka|vilken|vilket|när|varför|vart|kan|får|ska|måste|behöver|bör|gäller|räknas|finns)(?![\p{L}])/giu;

// A message's closing courtesy after its question ("Tack på förhand!", "Tacksam för svar", "Mvh Anna"): not asked.
// It opens a sentence, or is written with its capital after a question left without its mark.
const CLOSING = /(?<=^|[.!?]\s*)(?:tack|tacksam|stort tack|mvh|med vänlig hälsning|vänliga hälsningar|hälsningar|jag återkommer|ha en (?:bra|fin) dag)(?![\p{L}])[^?]*$/iu;
const CLOSING_AFTER_LOWER = /(?<=\p{Ll}\s+)(?:Tack|Tacksam|Stort tack|Mvh|Med vänlig hälsning|Vänliga hälsningar|Hälsningar|Jag återkommer)(?![\p{L}])[^?]*$/u;

/** The message without a closing courtesy after its question, when something is left before it. */
function withoutClosing(text: string): string {
  const closing = CLOSING.exec(text) ?? CLOSING_AFTER_LOWER.exec(text);
  if (!closing || closing.index === 0) return text;
  const rest = text.slice(0, closing.index).trim();
  return rest.length > 0 ? rest : text;
}

// A dash and a lower-case word after the full stop go on with the sentence too ("pågående utr. – ny anm. …?").
const DASHED_ON = String.raw`(?![–—]\s*\p{Ll})`;

// A sentence ends at "!" or "?", or at a full stop – but not at the full stop of an abbreviation before a word in
// lower case ("en NPF-utr. på BUP", "kontakt m. soc"), which goes on with the same sentence, nor at that of an
// abbreviation that a number follows ("14 kap. 1 §", "kl. 14", "p. 3"). Staff shortenings of three letters or more
// ("enl. rutinen", "anm. till soc", "mott. norr") go on with the sentence before a lower-case word too. The shortenings
// are the lists `shortenedBeforeNumber` and `shortenedInSentence` of question-words.yaml (those the answerer was given).
// Any word's full stop before "och", "eller" or "samt" in lower case goes on too ("förhandsbed. och hur lång tid …"): no
// sentence starts with them.
function sentenceEnd(shortenings: SentenceShortenings): RegExp {
  const cached = sentenceEndPatterns.get(shortenings);
  if (cached) return cached;
  const beforeNumber = alternationOf(shortenings.shortenedBeforeNumber);
  const inSentence = alternationOf(shortenings.shortenedInSentence);
  const pattern = new RegExp(
    String.raw`(?<=[!?])\s+(?=\S)|(?<=\.)(?<!(?<![\p{L}])${beforeNumber}\.)\s+(?=[^\p{Ll}])${DASHED_ON}|(?<=\.)\s+(?=[^\p{Ll}\d])${DASHED_ON}|(?<=\.)(?<!-\p{L}{1,4}\.)(?<!(?<![\p{L}])\p{L}{1,2}\.)(?<!(?<![\p{L}])${inSentence}\.)\s+(?=\p{Ll}|[–—]\s*\p{Ll})(?!(?:och|eller|samt)\s)`,
    'u',
  );
  sentenceEndPatterns.set(shortenings, pattern);
  return pattern;
}
// The pattern of each set of lists, built once (the lists are fixed after start).
const sentenceEndPatterns = new WeakMap<SentenceShortenings, RegExp>();

// "vet inte om", "undrar hur", "är osäker på vem": a question told as a statement about what the writer does not know.
// Only the writer's own wondering ("vi vet inte om", "jag undrar hur"): "hon vet inte hur det hände" tells the story.
const INDIRECT_QUESTION = /(?<![\p{L}])(?:jag|vi)\s+(?:vet\s+(?:inte|ej)|undrar|är\s+(?:osäkra?|inte\s+säkra?)\s+på)\s+(?:om|hur|vad|vem|vilk\p{L}+|när|var|varför)(?![\p{L}])/iu;

// The fewest words of a message that tells a situation and then asks.
const MIN_SITUATION_WORDS = 7;

function questionClause(message: string, shortenings: SentenceShortenings): string {
  const text = withoutClosing(message);
  // A message this short tells no situation before its question: "faxnr till mott. N?" is one question, its full
  // stop an abbreviation's.
  if (text.split(/\s+/).length < MIN_SITUATION_WORDS) return text;
  const sentences = text.split(sentenceEnd(shortenings)).map((s) => s.trim()).filter(Boolean);
  if (!text.includes('?')) {
    const unmarked = unmarkedQuestion(sentences.length > 0 ? sentences[sentences.length - 1]! : text);
    if (unmarked !== undefined) return unmarked;
  }
  if (sentences.length <= 1) return text;
  const questions = sentences.filter((s) => s.endsWith('?'));
  if (questions.length > 0) {
    // A sentence that tells what the writer wonders ("Vi vet inte om det räcker för en anmälan.") asks too.
    const wondering = sentences.filter((s) => !s.endsWith('?') && INDIRECT_QUESTION.test(s)).slice(-1);
    return [...wondering, ...questions.slice(-2)].join(' ');
  }
  // Without a question mark, the last sentence that opens as a question does ("… Vem kallar till mötet. Vi har …").
  const asking = sentences.filter((s) => opensAsQuestion(s));
  return asking.length > 0 ? asking[asking.length - 1]! : sentences[sentences.length - 1]!;
}

/** A sentence opening with a question word or with the verb of a yes/no question. */
function opensAsQuestion(sentence: string): boolean {
  const first = sentence.replace(GREETING, '').replace(LEAD_IN, '').trim().split(/[\s,]+/)[0]?.toLocaleLowerCase('sv') ?? '';
  return QUESTION_WORDS.has(first) || YES_NO_OPENERS.has(first);
}

/** In a long stretch without a question mark, the text from the first question word of its last part on. */
function unmarkedQuestion(text: string): string | undefined {
  const words = text.split(/\s+/);
  if (words.length < UNMARKED_LONG_WORDS) return undefined;
  const tailStart = text.length * (1 - UNMARKED_TAIL_SHARE);
  for (const match of text.matchAll(QUESTION_WORD)) {
    if (match.index! >= tailStart) return text.slice(match.index);
  }
  return undefined;
}

/**
 * The parts of a question: what a comparison compares, the two questions joined in one sentence ("…, och vem …?"), or, in
 * a message that is only questions (`allAsked`), its two question sentences ("Ska VH inte veta? Vad gör soc då?").
 */
function partsOf(text: string, shortenings: SentenceShortenings, allAsked = false): string[] {
  const comparison = COMPARISON.exec(text);
  if (comparison) {
    const rest = text.slice(comparison.index + comparison[0].length).replace(/^[,\s]+((och|and)\s+)?/i, '');
    const restParts = rest.length > 8 ? splitSecond(rest) : [];
    return [comparison[1]!, comparison[2]!, ...restParts].map(clean).filter(Boolean);
  }
  const versus = VERSUS.exec(text);
  if (versus) return [versus[1]!, versus[2]!].map(clean).filter(Boolean);
  const split = splitSecond(text);
  if (split.length > 1) return split;
  const asked = allAsked ? text.split(sentenceEnd(shortenings)).map(clean).filter(Boolean) : [];
  return asked.length === 2 && text.trim().endsWith('?') && asked.every((s) => s.split(/\s+/).length >= 2) && text.split('?').length === 3 ? asked : [];
}

function splitSecond(text: string): string[] {
  const match = secondQuestionJoin(text);
  if (!match) return [text].map(clean).filter(Boolean);
  const first = text.slice(0, match.index);
  const second = text.slice(match.index + match[0].length);
  if (first.split(/\s+/).length < 2 || second.split(/\s+/).length < 2) return [text].map(clean).filter(Boolean);
  return [first, second].map(clean).filter(Boolean);
}

/** The words that join a second question to the first (", och hur", ", och sker", ", vem"), where they stand. */
function secondQuestionJoin(text: string): RegExpExecArray | undefined {
  const yesNo = SECOND_YES_NO_QUESTION.exec(text);
  const yesNoJoin = yesNo && YES_NO_OPENERS.has(yesNo[1]!.toLocaleLowerCase('sv')) ? yesNo : null;
  return SECOND_QUESTION.exec(text) ?? yesNoJoin ?? COMMA_SECOND_QUESTION.exec(text) ?? undefined;
}

function clean(part: string): string {
  return part.replace(/[?!.]+$/, '').trim();
}

// Staff often say who they are first ("Jag är skolsköterska.", "kurator här:"); the role is not the topic.
const ROLES = String.raw`(?:rektor|biträdande rektor|lärare|mentor|klasslärare|kurator|skolkurator|skolsköterska|förskollärare|barnskötare|förskolechef|specialpedagog|psykolog|skolpsykolog|fritidspedagog|fritidsledare|elevassistent|pedagog|socialsekreterare)`;
const SELF_INTRODUCTION = new RegExp(String.raw`\b(?:jag är|jag jobbar som|jag arbetar som|vi är|som)\s+(?:en\s+)?(?:ny\s+|nyanställd\s+)?${ROLES}\b[,.]?`, 'giu');
// "kurator här:", and a role written as a label before a colon ("kurator/EHT:", "Rektor:").
const ROLE_HERE = new RegExp(String.raw`^\s*${ROLES}(?:\s+här\b[:,]?|(?:\s*\/\s*\p{L}+)*\s*:)`, 'iu');
// The same in English ("I'm a new teacher here.", "As a school nurse, …", "I work as a counsellor at a preschool.").
const ENGLISH_ROLES = String.raw`(?:(?:class\s+|head\s+|preschool\s+|special\s+needs\s+|special\s+education\s+|homeroom\s+|supply\s+|substitute\s+)?teacher|headteacher|principal|deputy\s+head|head|mentor|(?:school\s+)?(?:counsell?or|nurse|psychologist|social\s+worker)|teaching\s+assistant|pupil\s+assistant|preschool\s+manager|nursery\s+manager)`;
const ENGLISH_SELF_INTRODUCTION = new RegExp(
  String.raw`(?<![\p{L}'])(?:i'm|i’m|im|i\s+am|i\s+work\s+as|we\s+are|we're|as)\s+(?:a\s+|an\s+|the\s+)?(?:new\s+|newly\s+hired\s+)?${ENGLISH_ROLES}s?(?:\s+(?:here|at\s+(?:a|an|this|our|the)\s+(?:preschool|school|nursery)))?(?![\p{L}])[,.]?`,
  'giu',
);

// "As a teacher, do I have to report?", "As a nurse, am I obliged to report?", "As a principal, can I report?": what
// follows "as <role>" asks whether that role must or may report, so the role is part of what is asked (who must report),
// not an introduction. Only the duty or right to report itself: before any other question ("As a teacher, can I report
// anonymously?", "… must I report if I only suspect it?", "… must I tell the head?") "as <role>" introduces the writer.
const ROLE_DUTY_QUESTION = new RegExp(
  String.raw`^\s*(?:(?:do|does)\s+(?:i|we|one)\s+(?:have|need|got)|have\s+(?:i|we)\s+got|(?:must|can|may|should|shall|could)\s+(?:i|we|one)|(?:am\s+i|are\s+we)\s+(?:obliged|obligated|required|bound|allowed|permitted|supposed|expected|responsible|mandated)|(?:do|does)\s+(?:i|we|one)\s+have\s+(?:a|an|the|any)\s+(?:duty|obligation|right|responsibility)|is\s+it\s+(?:my|our)\s+(?:duty|job|responsibility|obligation))` +
    String.raw`\s+(?:(?:to|for)\s+)?(?:(?:make|file|do|write)\s+(?:a|an|the)\s+report|report(?:ing)?)(?:\s+(?:it|this|that|too|as\s+well|also|myself|ourselves|personally|concerns?|a\s+concern|my\s+concerns?|our\s+concerns?|the\s+concern))*\s*[?.!]*\s*$`,
  'iu',
);

/**
 * The question without the writer introducing their role ("Jag är skolsköterska.", "rektor här:", "I'm a teacher."). A
 * role the question asks about is kept ("As a teacher, do I have to report?" asks whether a teacher must), unless
 * `askedRole` is 'drop', as where the answerer chooses the entry: by the words of the duty, as the role's own words would
 * draw it to the entries about that role (elevhälsan for a school nurse) rather than to the one on who must report.
 */
export function withoutSelfIntroduction(question: string, askedRole: 'keep' | 'drop' = 'keep'): string {
  return question
    .replace(ROLE_HERE, '')
    .replace(SELF_INTRODUCTION, ' ')
    .replace(ENGLISH_SELF_INTRODUCTION, (introduction: string, at: number, text: string) =>
      askedRole === 'keep' && /^as\s/iu.test(introduction) && ROLE_DUTY_QUESTION.test(text.slice(at + introduction.length)) ? introduction : ' ',
    )
    .replace(/\s{2,}/g, ' ')
    .trim();
}

// The words that say a question compares ("skillnaden mellan", "hur skiljer sig", "respektive", "hänger ihop med"): what
// is compared is the topic, not the comparing, which no entry needs to name.
const COMPARING_WORDS =
  /(?<![\p{L}])(?:skillnad(?:en|er|erna)?|skiljer(?:\s+sig)?(?:\s+åt)?|skilja(?:\s+sig)?(?:\s+åt)?|skiljs\s+åt|respektive|resp\.|jämfört\s+med|jämfört|jamfort(?:\s+med)?|differences?|differ|compared\s+(?:to|with))(?![\p{L}])/giu;
// "Hur hänger X ihop med Y?": the verb and its particle may stand apart.
const HANGS_TOGETHER = /(?<![\p{L}])(häng(?:er|a)|hang(?:er|a))(?![\p{L}])([^?.!]*?)(?<![\p{L}])ihop(?![\p{L}])/giu;

/** True when a question asks how things differ or compare ("skillnaden mellan X och Y", "X jämfört med Y"). */
export function asksToCompare(question: string): boolean {
  COMPARING_WORDS.lastIndex = 0;
  const found = COMPARING_WORDS.test(question);
  COMPARING_WORDS.lastIndex = 0;
  return found;
}

/** The question without the words that say it compares: what is compared is left to search for. */
export function withoutComparingWords(question: string): string {
  return question.replace(HANGS_TOGETHER, ' $2 ').replace(COMPARING_WORDS, ' ').replace(/\s{2,}/g, ' ').trim();
}

// "Kan vi ta tillbaka en anmälan?", "Får man skicka ett utlåtande?": a short yes/no question that ends with the thing done,
// after a modal verb, who does it, the verb (and its particle) and an article (read without å/ä/ö).
const DONE_THING =
  /^(?:kan|far|ska|skall|maste|bor|behover)\s+(?:man|vi|jag|ni|du|de|dom)\s+\p{L}+(?:\s+(?:tillbaka|in|ut|upp|av|bort|om|med))?\s+(?:en|ett|den|det|var|vart|vara|er|ert|era)\s+(\p{L}+)\s*\?*$/du;

/** The thing a short yes/no question asks about doing something to ("en anmälan" in "Kan vi ta tillbaka en anmälan?"), as written. */
export function doneThingOf(clause: string): string | undefined {
  const text = clause.normalize('NFC').trim().toLocaleLowerCase('sv');
  const folded = foldDiacritics(text);
  const at = DONE_THING.exec(folded)?.indices?.[1];
  return at && writtenAt(text, folded, at[0], at[1]);
}
