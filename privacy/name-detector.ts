import type { Findings } from './findings.js';
import { LETTER_BIT, LETTER_OR_MARK, codePointBits, runEnd } from './letter-runs.js';
import { foldForeignLetters, foldToAscii, type PrivacyWordLists } from './word-lists.js';

/** An age right after a word: "Stig, 8 år", "Sol (8)", "Bo 8 år", "Maj, 14-åring". */
const AGE_AFTER =
  /\s*,?\s*\(?\s*(?:aged\s+)?(?:[1-9]\d?|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:år|-?åring|mån|years?(?:\s+old)?|-year-old|yo)(?![\p{L}])/iuy;
/** Also a bare number in brackets: "Sol (5)"; only for words that are names anyway. */
const BRACKETED_AGE_AFTER = /\s*(?:\(\s*[1-9]\d?\s*\)|,\s*[1-9]\d?\s*,)/uy;
/** A number or a year next to a month: "3 maj", "maj 2024". */
const NUMBER_BEFORE = /\d\.?(?::e|:a)?\s*$/u;
const NUMBER_AFTER = /[ \t]*\d/y;
const YEAR_AFTER = /^\s*-?\s*(?:\d{4}|'\d{2})/u;
/** What follows a person's name when it names a place or an institution: "Karl Johans skola", "Astrid Lindgrens väg". */
const NAMED_AFTER_PERSON =
  /(?:\s+\p{Lu}\p{L}+)?s?\s+(?:skola|skolan|förskola|förskolan|gymnasium|gymnasiet|väg|vägen|gata|gatan|gränd|park|parken|torg|plan|kyrka|kyrkan|sjukhus|barnsjukhus|syndrom|syndromet|sjukdom|sjukdomen|stiftelse|stiftelsen|institut|institutet)(?![\p{L}])/uy;
/** Kinds of business whose name follows them: "Pizzeria Roma", "Café Blomman", "Salong Lotta". */
const BUSINESS_NOUNS = new Set([
  'pizzeria', 'café', 'cafe', 'kafé', 'konditori', 'salong', 'frisörsalong', 'restaurang', 'bageri', 'kiosk', 'livs', 'grill', 'gatukök',
  'butik', 'bistro', 'hotell', 'pensionat', 'vandrarhem', 'åkeri', 'taxi', 'studio', 'gym', 'klinik', 'pub', 'bar',
  'restaurant', 'salon', 'bakery', 'kebab', 'pizza', 'buss', 'bilar', 'däck', 'bygg', 'städ', 'måleri', 'trafikskola', 'shop', 'store',
]);
/** "var med i …", "deltog i …": what follows is a show or a competition. */
const SHOW_VERBS = new Set(['är', 'var', 'varit', 'vara', 'syntes', 'syns']);
const TAKES_PART = new Set(['deltog', 'deltar', 'medverkade', 'medverkar', 'tävlade', 'tävlar']);
/** Words for a diagnosis whose name may follow in brackets. */
const DIAGNOSIS_WORDS = new Set(['sjukdom', 'sjukdomen', 'syndrom', 'syndromet', 'diagnos', 'diagnosen', 'disease', 'syndrome', 'diagnosis', 'condition']);
/** A word with one or two letters masked: "S_lma", "M*hammed", "A__a" (not "user_id" alone: a listed name must come of it). */
const MASK_HINT = /\p{L}[_*]{1,2}\p{L}/u;
const MASKED_WORD = /(?<![\p{L}\p{N}_*@.])\p{L}*(?:[_*]\p{L}*){1,2}\p{L}(?![\p{L}\p{N}_*@])/gu;
const MASK_LETTERS = 'abcdefghijklmnopqrstuvwxyzåäöé';
/** Words a group's own name follows: "avdelning Blåbär", "gruppen Ekorren", "group Lärkan". */
const GROUP_NOUNS = new Set(['avdelning', 'avd', 'grupp', 'gruppen', 'group', 'förskolegrupp', 'syskongrupp']);
/** Units whose name is given with "heter": "Vår förskola heter Solen". */
const UNIT_SUBJECTS = new Set([
  'förskola', 'förskolan', 'avdelning', 'avdelningen', 'avdelningar', 'grupp', 'gruppen', 'skola', 'skolan', 'klassen', 'enheten', 'fritids', 'fritidset',
  'preschool', 'school', 'group', 'unit', 'class',
]);
/** Possessives that may stand before a person noun and a name in apposition: "vår elev sten", "min son bo". */
const OWNERS = new Set(['vår', 'min', 'din', 'er', 'hans', 'hennes', 'deras', 'hens', 'our', 'my', 'his', 'her', 'their']);
/** What two children are to each other: "bo och ask är bröder". */
const PAIR_NOUNS = new Set(['bröder', 'systrar', 'syskon', 'tvillingar', 'kusiner', 'kompisar', 'vänner', 'bästisar', 'brothers', 'sisters', 'siblings', 'twins', 'cousins', 'friends']);
/** Nothing but the end of a clause after a word: "… bitas.", "… bitas" at the end. */
const CLAUSE_END_AFTER = /^\s*(?:[.!?,;:)]|$)/u;
/** Pronouns that speak of a person: "about grace, she seems sad". */
const PERSON_PRONOUNS_EN = new Set(['she', 'he']);
/** Web addresses: their words are paths and host names, not names. */
const URL = /(?:https?:\/\/|www\.)[^\s<>"]{1,2000}/giu;
const LEADING_LETTERS = /^\p{L}+/u;
const NOT_ASCII_LOWER = /[^a-zåäö]/;
const LETTER = /\p{L}/u;
/** Three small letters in a row: the text is not written all in capitals. */
const LOWER_RUN = /\p{Ll}{3}/u;
/** Verbs of telling before a clause about the speaker: "X på förskolan säger att hon …", "X keeps saying she …". */
const TELLING_VERBS = new Set(['säger', 'sa', 'sade', 'berättar', 'berättade', 'says', 'said', 'saying', 'tells', 'told', 'telling']);
/** Whom it is told to: "berättade för oss att", "keeps telling us that". */
const TOLD_TO = new Set(['oss', 'mig', 'dem', 'us', 'me', 'them']);
const CLAUSE_MARKERS = new Set(['att', 'that']);
const THIRD_PERSON = new Set(['hon', 'han', 'hen', 'she', 'he']);
/** Words of endearment or pity before a child's name: "lilla Sol", "stackars Mo", "little Joy". */
const ENDEARMENTS = new Set(['lilla', 'lille', 'stackars', 'little', 'poor']);

/** Function words that only English has: two of them, and more than Swedish ones, make a text English. */
const ENGLISH_MARKERS = new Set([
  'the', 'is', 'are', 'was', 'were', 'you', 'he', 'she', 'it', 'we', 'they', 'my', 'your', 'our', 'their', 'this', 'that',
  'what', 'who', 'how', 'why', 'when', 'where', 'which', 'to', 'of', 'on', 'at', 'for', 'with', 'about', 'from', 'and', 'or',
  'but', 'not', 'can', 'could', 'would', 'should', 'will', 'do', 'does', 'did', 'have', 'has', 'had', 'been', 'be', 'please',
  'if', 'there', 'any', 'after', 'than', 'me', 'him', 'her', 'them', 'us', "i'm", "i've", "don't", "can't", "won't", "isn't",
  "hasn't", "doesn't", "didn't", "haven't", "she's", "he's", "it's", "what's", 'an', 'by', 'into', 'hi', 'hello', 'thanks',
]);
/** Function words that only Swedish has. */
const SWEDISH_MARKERS = new Set([
  'och', 'att', 'det', 'är', 'ett', 'som', 'på', 'med', 'för', 'har', 'inte', 'jag', 'hon', 'han', 'vi', 'de', 'kan', 'vad',
  'hur', 'om', 'till', 'av', 'den', 'ska', 'var', 'vid', 'från', 'men', 'eller', 'så', 'när', 'också', 'hennes', 'hans',
  'sin', 'vår', 'hej', 'tack', 'mig', 'oss', 'dom', 'sig', 'ni', 'du', 'hen', 'får', 'vill', 'måste', 'bara',
]);
const ENGLISH_SUFFIXES = ['ies', 'es', 's', 'ed', 'ing', 'ly'];

/** "services" → "service", "reported" → "report": a rough stem for English words the word list holds only as stems. */
function englishStem(lower: string): string {
  for (const suffix of ENGLISH_SUFFIXES) {
    if (lower.length > suffix.length + 2 && lower.endsWith(suffix)) return suffix === 'ies' ? `${lower.slice(0, -3)}y` : lower.slice(0, -suffix.length);
  }
  return lower;
}

/** What a token is on its own, before its neighbours are looked at. */
const enum Kind {
  /** Too short, a number-like shape or claimed by another detector. */
  Skip,
  /** A listed first name or surname, not an everyday word: a name wherever it stands. */
  Name,
  /** A name that is also an everyday word, month or place (Bo, Maj, Lund): needs context. */
  Ambiguous,
  /** Only the genitive of a name is an everyday word (klass, minnas): needs a trigger or a kin word. */
  AmbiguousGenitive,
  /** A known non-name: everyday word, place, unit, law, acronym. */
  NonName,
  /** Not in any list. */
  Unknown,
}

const SKIPPED: { kind: Kind; genitive: boolean } = { kind: Kind.Skip, genitive: false };

const enum Trigger {
  None,
  /** "heter", "namnet", "förnamn": whatever follows is a name unless it is plainly a word. */
  Strong,
  /** "kallas", "kallad": only a listed or capitalised name counts. */
  Calling,
}

const enum Shape {
  Lower,
  Capitalised,
  AllCaps,
  MixedCaps,
}

/** Small words that may stand between a trigger and the name: "kallas för X", "namnet är X", "heter ju X", "heter typ X". */
const TRIGGER_FILLERS = new Set(['för', 'är', 'var', 'ju', 'typ', 'is', 'was']);
/** Who is called something: "vi kallar henne X", "we call him X". */
const CALLED_PRONOUNS = new Set(['henne', 'honom', 'hen', 'dem', 'her', 'him', 'them']);
/** Time words before a month that make it a date, not a name: "i maj", "sedan juni", "slutet av maj". */
const MONTH_CONTEXT_BEFORE = new Set([
  'i', 'under', 'från', 'till', 'sedan', 'sen', 'efter', 'innan', 'före', 'inför', 'av', 'om', 'slutet', 'början',
  'mitten', 'hela', 'varje', 'nästa', 'förra', 'denna', 'sista', 'tidig', 'tidigt', 'sent', 'senast', 'kring', 'runt',
  'in', 'during', 'since', 'until', 'before', 'after', 'early', 'late', 'end', 'next', 'last', 'this', 'every', 'on', 'by',
]);
/** Question words before "heter": the asker wants the name of a thing, not giving a person's. */
const QUESTION_WORDS = new Set(['vad', 'hur', 'vilket', 'vilken']);
/** Small words that may follow a name given after "heter": "heter zyxo och", "heter zyxo i efternamn". */
const CLAUSE_CONTINUATIONS = new Set([
  'och', 'i', 'som', 'men', 'eller', 'från', 'på', 'med', 'har', 'hade', 'är', 'var', 'går', 'gick', 'bor', 'ska', 'kan',
]);
/** Words that put a law name next: "enligt Sol". */
const LAW_WORDS_BEFORE = new Set(['enligt', 'lagen', 'lag', 'paragraf', 'kapitel']);
/** Verbs that make a capitalised ambiguous word the subject: "Liv har", "Lo går"; not "Sol är viktigt". */
const AMBIGUOUS_NAME_VERBS = new Set(['har', 'hade', 'går', 'gick', 'fick', 'blev', 'bor', 'bodde']);
/** Words that stand first in a clause after its verb ("Idag kom hon"), showing the first word was no subject. */
const SUBJECT_WORDS = new Set([
  'jag', 'du', 'han', 'hon', 'hen', 'vi', 'ni', 'de', 'dom', 'det', 'den', 'man', 'någon', 'ingen', 'alla', 'inget', 'ingenting',
]);
/** Nouns after a place name: "Marks kommun", "Lunds stad". */
const PLACE_NOUNS_AFTER = new Set(['kommun', 'kommuns', 'kommunen', 'stad', 'stads', 'län', 'läns', 'socken', 'församling', 'region']);
/** Adverbs that may stand between a verb and its subject: "Sen kom inte pappan", "Då sa faktiskt hon". */
const INVERSION_ADVERBS = new Set(['inte', 'aldrig', 'också', 'även', 'ju', 'väl', 'nog', 'redan', 'bara', 'alltid', 'ofta', 'faktiskt', 'verkligen', 'själv', 'plötsligt']);
/** Prepositions between a relation and a name: "mamma till Kenza", "pratade med Kenza". */
const RELATION_PREPOSITIONS = new Set(['till', 'åt', 'för', 'hos', 'med']);
/** Endings of plurals and adverbs ("Grannar", "Tydligen"), not of names, for sentence-initial words. */
const NON_NAME_ENDINGS = ['ar', 'er', 'or', 'ligen', 'vis', 'ligt', 'ande', 'ende'];
/** Words after which a lower-case name may start a clause: "och bo sa att". */
const CLAUSE_OPENERS = new Set(['och', 'men', 'när', 'då', 'sen', 'sedan', 'eftersom']);
/** Adverbs that open a clause before its verb, so the subject follows the verb: "igår sa sol att …". */
const OPENING_ADVERBS = new Set([
  'igår', 'idag', 'imorse', 'ikväll', 'sen', 'sedan', 'då', 'nu', 'plötsligt', 'efteråt', 'förut', 'senare', 'också', 'även',
  'dessutom', 'sist', 'först', 'tidigare', 'häromdagen', 'yesterday', 'today', 'then',
]);
/** Words of time after a determiner, as in an adverbial: "varje morgon", "hela dagen", "en gång", "every day". */
const TIME_OF_DAY = new Set([
  'morgon', 'dag', 'dagen', 'kväll', 'kvällen', 'natt', 'natten', 'vecka', 'veckan', 'gång', 'rast', 'lektion', 'helg', 'helgen',
  'morning', 'day', 'night', 'week', 'time', 'weekend',
]);
/** A group the writer shares with a child, and the word after it: " i klassen har", " på fritids säger", " i 2:ans grupp är". */
const IN_GROUP_THEN =
  /\s+(?:i|på)\s+(?:(?:min|mitt|vår|vårt|hennes|hans|deras|[1-9]:ans|\p{Ll}+ans)\s+)?(?:klass(?:en)?|grupp(?:en)?|barngrupp(?:en)?|fritids|förskolan|avdelningen)\s+(\p{L}+)(?:\s+([^\s]+))?/uy;
const DIGIT_START = /^\d/;
/** Words of regarding that open a message about someone. */
const REGARDING = new Set(['angående', 'ang', 'gällande', 'rörande', 'beträffande', 'regarding', 're']);
/** Nouns of time that open a sentence without an article ("dag har gått", "tid har vi inte"). */
const TIME_NOUNS = new Set(['dag', 'tid', 'natt', 'vecka', 'år', 'kväll', 'morgon']);
/** A quantifier that can stand alone before a verb ("Inga kom"), unlike the possessives hans, mina, dina. */
const STANDALONE_PRONOUNS = new Set(['inga']);
/** What follows a child's name and places them in a class or group: "i åk 3", "i 4B", "i 3:an", "(åk 2)", "på avdelning". */
const GRADE_AFTER =
  /\s*(?:\(\s*|,\s*)?(?:(?:som\s+)?(?:går\s+)?(?:i|på|från|in|at|from)\s+(?:the\s+|my\s+|our\s+|her\s+|his\s+|min\s+|vår\s+|hennes\s+|hans\s+)?)?(?:åk\s?[1-9][a-fA-F]?|årskurs\s?[1-9][a-fA-F]?|klass\s?[1-9][a-fA-F]?|[1-9][a-fA-F]|[1-9]:(?:an|orna)|ettan|tvåan|trean|fyran|femman|sexan|sjuan|åttan|nian|förskoleklass\p{L}*|f-klass\p{L}*|avdelning|fritids\p{L}*|year\s?[1-9][a-fA-F]?|grade\s?[1-9][a-fA-F]?|class\s?[1-9][a-fA-F]?|reception|preschool|nursery|kindergarten)(?![\p{L}\d])/iuy;
/** Digits written for a name's first letter: "3bba", "0mar", "4hmed", "5ara". */
const LEET_INITIALS: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b' };
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Initials standing for a child: "K.J.", "A. H", "S.M.". */
const INITIALS = /(?<![\p{L}\d.])\p{Lu}\.\s?\p{Lu}(?:\.|(?![\p{L}\d]))/gu;
const NOT_LETTERS = /[^\p{L}]/gu;
const INITIALS_HINT = /\p{Lu}\.\s?\p{Lu}/u;
/** What says initials stand for a person: "heter", "initialerna", "eleven", "flickan", "called". */
const INITIALS_CONTEXT_BEFORE =
  /(?:heter|initial\p{L}*|kallas|kallad|kallar\s+\p{L}+|eleven|elev|flickan|pojken|barnet|tjejen|killen|dottern|sonen|named|called|initials|pupil|the\s+(?:girl|boy|child))[\s:,(]*(?:(?:är|var|is|was)\s+)?$/iu;
/** A verb of telling or a state after the initials: "K.J. har blåmärken", "S.M. säger att". */
const INITIALS_VERB_AFTER = /^\s*(?:har|hade|är|var|säger|sa|berättade|berättar|kom|går|gick|bor|verkar|has|is|was|said|says|told)(?![\p{L}])/iu;
/** A preschool group named like a thing, after "på": "Saga på Ekorren", "Kaj på Humlan", "Ros på Blåklinten". */
const GROUP_AFTER = /\s+på\s+(?:avdelning\s+)?\p{Lu}\p{Ll}+(?:en|an|na|n)(?![\p{L}\d])/uy;
/** Prepositions before a person: "oroliga för Kenza", "pratade med Kenza", "en anmälan om Kenza", "hos Kenza". */
const PERSON_PREPOSITIONS = new Set(['för', 'med', 'om', 'åt', 'hos', 'mot', 'angående', 'gällande', 'kring', 'rörande', 'bredvid']);
/** English prepositions before a place: "from Manchester", "in Gdańsk", "near Alby". */
const ENGLISH_PLACE_PREPOSITIONS = new Set(['from', 'in', 'at', 'near', 'outside', 'into', 'across']);
/** Finite verbs that open a question before its subject: "Kan Mehret få …", "Har Ayaan ätit …", "Ska Noor …". */
const QUESTION_VERBS = new Set([
  'kan', 'kunde', 'ska', 'skulle', 'får', 'fick', 'har', 'hade', 'vill', 'ville', 'måste', 'brukar', 'borde', 'mår', 'går', 'bor', 'behöver', 'verkar',
]);
/** Words before "på" that make it "about": "har ni något på Veera", "någon koll på Ilona". */
const ABOUT_LEADS = new Set(['något', 'nåt', 'någonting', 'info', 'information', 'uppgifter', 'koll', 'mer']);
/** A word of short parts joined by hyphens: "jun-seo", "ji-woo", "mai-linh". */
const SHORT_PARTS = /^\p{L}{2,4}(?:-\p{L}{2,4})+$/u;
/** Swedish nicknames end like a definite noun in -an ("Mackan", "Stickan", "Fredde" does not); plurals ("Tvillingarna") do not. */
const NICKNAME = /^\p{L}{2,6}an$/u;
/** A short aside in brackets between a trigger and the name: "heter (uttalas) ai-no", "kallas (av alla) Mo". */
const ASIDE_BEFORE = /\(\s*[^()\n]{1,30}\)\s*$/u;
/** Prepositions before a place: "i Bjuv", "på Tellus", "från Skogås". */
const PLACE_PREPOSITIONS = new Set(['i', 'på', 'från', 'till', 'vid', 'inom', 'utanför', 'via', 'genom', 'mellan', 'nära', 'runt']);
/** Words of worry, talk and help before such a preposition: "orolig för", "anmälan om", "pratade med", "gör vi med". */
const PERSON_PREPOSITION_LEADS = new Set([
  'orolig', 'oroliga', 'oro', 'oron', 'oroar', 'oroade', 'rädd', 'rädda', 'bekymrad', 'bekymrade', 'ledsen', 'arg',
  'anmälan', 'orosanmälan', 'anmäla', 'anmäler', 'anmälde', 'anmält', 'anmälningen',
  'skriva', 'skriver', 'skrev', 'skrivit', 'fråga', 'frågor', 'frågar', 'frågade', 'frågat', 'berätta', 'berättar', 'berättade',
  'prata', 'pratar', 'pratade', 'pratat', 'tala', 'talar', 'talade', 'samtal', 'samtalet', 'samtalade', 'möte', 'mötet',
  'träffa', 'träffar', 'träffade', 'träffat', 'ringa', 'ringer', 'ringde', 'ringt', 'hjälpa', 'hjälper', 'hjälpte', 'hjälp',
  'gör', 'göra', 'gjorde', 'gjort', 'hände', 'händer', 'hänt', 'hända', 'jobba', 'jobbar', 'jobbat', 'arbeta', 'arbetar',
  'sitta', 'satt', 'sitter', 'leka', 'leker', 'lekte', 'bråk', 'bråkar', 'bråkade',
  'tänker', 'tänkte', 'funderar', 'undrar', 'undrade',
]);
/** Verbs after a proper noun that make it the subject: "när Kenza har", "att Kenza ska". */
const SUBJECT_VERBS = new Set([
  'har', 'hade', 'är', 'var', 'ska', 'skulle', 'kan', 'kunde', 'vill', 'får', 'fick', 'måste', 'brukar', 'blir', 'blev',
  'bor', 'bodde', 'går', 'gick', 'hämtas', 'lämnas', 'mår', 'behöver', 'slutade', 'började',
]);
/** Verbs after an unknown word opening a sentence; not "är"/"var", which follow nouns as often ("Matematik är …"). */
const OPENING_SUBJECT_VERBS = new Set([
  'har', 'hade', 'ska', 'skulle', 'vill', 'får', 'fick', 'måste', 'brukar', 'bor', 'bodde', 'hämtas', 'lämnas', 'mår',
  'behöver', 'slutade', 'började', 'gick', 'går', 'kan', 'kunde',
]);
/** English verbs after a sentence's subject: "Jiayi has been", "Yichen said". */
const ENGLISH_SUBJECT_VERBS = new Set([
  'has', 'had', 'is', 'was', 'says', 'said', 'told', 'tells', 'lives', 'lived', 'keeps', 'kept', 'came', 'comes', 'went', 'goes',
  'does', "doesn't", 'did', "didn't", "hasn't", "isn't", "wasn't", 'will', "won't", 'cannot', "can't", 'wants', 'needs', 'seems',
  'cried', 'cries', 'refuses', 'refused', 'stays', 'stayed', 'arrived', 'left', 'missed', 'misses', 'showed', 'shows', 'hit', 'hits',
]);
/** Words that end a phrase after a name: "pratat med zyxo igen", "oro för zyxo men …". */
const PHRASE_END_WORDS = new Set([
  'men', 'igen', 'idag', 'igår', 'nu', 'också', 'med', 'imorse', 'ikväll', 'eftersom', 'då', 'så', 'längre', 'heller', 'förut', 'tidigare',
]);
/** Endings of Swedish pet forms of first names: "Vilmis", "Ebbis", "Idde", "Mackan". */
const PET_ENDINGS = ['is', 'isen', 'an', 'e', 'ie'];
/** Plural endings of Swedish nouns, longest first: "elev-er", "flick-or", "lärar-na". */
const PLURAL_ENDINGS = ['erna', 'arna', 'orna', 'na', 'er', 'ar', 'or'];
/** Letters a slip may put in or swap in. */
const SLIP_LETTERS = 'abcdefghijklmnopqrstuvwxyzåäö';
/** English articles opening a noun phrase: "the guest X password" has X as a modifier, not a person. */
const ENGLISH_ARTICLES = new Set(['the', 'a', 'an']);
/** Definite and plural endings of Swedish nouns: "ekonomi-n", "terapi-er", "rutin-erna". */
const INFLECTION_ENDINGS = ['erna', 'arna', 'orna', 'na', 'en', 'et', 'er', 'ar', 'or', 'n', 't'];
/** Words for a family before its surname: "familjen Wu". */
const FAMILY_WORDS = new Set(['familjen', 'familj', 'family']);
/** "en Björn i tvåan", "a Rose in year 3". */
const ONE_OF = new Set(['en', 'ett', 'a']);
/** Object pronouns between a verb of talk and its preposition: "ringa mig om Kenza", "berätta för oss om Kenza". */
const OBJECT_PRONOUNS = new Set(['mig', 'dig', 'oss', 'er', 'henne', 'honom', 'hen', 'dem', 'dom']);
/** Possessives after "och" that make the word before it a person: "Kenza och hennes bror". */
const POSSESSIVES = new Set(['hennes', 'hans', 'hens', 'sin', 'sina', 'sitt', 'deras', 'her', 'his', 'their']);
/** Verbs and adjectives that describe how a child is: "Sol är ledsen", "Liv verkar rädd". */
const STATE_VERBS = new Set(['är', 'var', 'verkar', 'verkade', 'blev', 'känns', 'is', 'was', 'seems']);
const PERSON_STATES = new Set([
  'ledsen', 'rädd', 'borta', 'sjuk', 'hungrig', 'trött', 'arg', 'orolig', 'glad', 'frånvarande', 'tyst', 'blek', 'smutsig',
  'nedstämd', 'deprimerad', 'ensam', 'utåtagerande', 'stökig', 'skadad', 'försvunnen', 'sad', 'scared', 'afraid', 'hungry',
  'tired', 'absent', 'missing', 'upset', 'withdrawn', 'hurt',
]);
/** Small words inside English titles: "Save the Children", "Department of Education". */
const TITLE_LINKS = new Set(['the', 'of', 'for', 'and']);
/** English prepositions before a person: "worried about Rose", "talked with Mark". */
const ENGLISH_PERSON_PREPOSITIONS = new Set(['about', 'with', 'regarding', 'concerning']);
/** Verbs that say whom a case concerns: "Det gäller Kenza", "Ärendet rör Kenza". */
const CONCERNS_VERBS = new Set(['gäller', 'angår', 'rör', 'concerns']);
const CONCERNS_SUBJECTS = new Set(['det', 'detta', 'ärendet', 'anmälan', 'frågan', 'oron', 'it', 'this']);
/** "och" in Swedish and English. */
const AND_WORDS = new Set(['och', 'and']);
/** Endings of Swedish nouns and adjectives that names do not have. */
const WORD_ENDINGS = ['ning', 'ningar', 'het', 'heten', 'heter', 'else', 'skap', 'tion', 'sion', 'ism', 'ande', 'ende', 'itet', 'lig', 'ligt', 'liga', 'isk', 'iska', 'iskt', 'lek', 'mål'];
/**
 * Letter groups Swedish words almost never have but names from other languages often do (Rayhan, Anouar,
 * Dareen, Thamer, Khadro, Marwah): a word with one may end like a Swedish definite noun and still be a name.
 */
const NOT_SWEDISH_LETTERS = /[wzq]|[^a-zåäöé'’-]|ou|ay|aa|ii|uu|^(?:th|kh|sh|dh|gh)|een$|[^aeiouyåäösc]h$/;
/** Endings that mark a Swedish definite noun ("blanketten", "rektorn"), never an unknown first name. */
const DEFINITE_ENDINGS = ['erna', 'arna', 'orna', 'en', 'et', 'an', 'rn', 'ns', 'ts'];

/**
 * Finds names of people: first names and surnames from the shipped lists in any case and in the
 * genitive ("Sofias mamma"), double and hyphenated names, Swedish -sson and compound surnames, and
 * unknown names in a name context ("heter X", "eleven X", "hennes pappa X", "X, 8 år", "X säger").
 * Words that are also names (Björn, Sol, Bo, Maj, Stig, Ros) need such context; places, units, laws,
 * weekdays and months do not trip it.
 */
export class NameDetector {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly lowers: string[] = [];
  private readonly kinds: Kind[] = [];
  private readonly shapes: Shape[] = [];
  private readonly genitives: boolean[] = [];
  /** Organisation names that contain a person's name, by the first letters of their first word. */
  private readonly phrasesByStart = new Map<string, string[]>();
  /** Every list of words that are not names, merged for one lookup. */
  private readonly nonNameWords: ReadonlySet<string>;
  /** Listed names one slip from a word that stands before a noun ("ester" for "efter", "ali" for "all"). */
  private readonly functionWordSlips = new Set<string>();
  /** Listed names, and their genitives, one slip from a person noun ("mamas" for "mammas"). */
  private readonly personNounSlips = new Set<string>();
  /** Swedish words with å, ä or ö typed without them ("sjalv" for "själv", "hjalp" for "hjälp"). */
  private readonly asciiTypedWords = new Set<string>();
  /** Beginnings of person nouns and roles, written as abbreviations ("rekt" for "rektor", "kurat" for "kurator"). */
  private readonly personNounStarts = new Set<string>();
  /** Tokens of the text being read that are listed names but may be a mistyped word; decided once every token is classified. */
  private readonly slipCandidates: number[] = [];
  private text = '';
  private count = 0;
  /** True while reading a text written in English: English words are then words, and English contexts count. */
  private english = false;
  private shouting = false;

  constructor(private readonly lists: PrivacyWordLists) {
    for (const phrase of lists.nonNamePhrases) {
      const start = LEADING_LETTERS.exec(phrase)?.[0] ?? phrase;
      this.phrasesByStart.set(start, [...(this.phrasesByStart.get(start) ?? []), phrase.replace(/\s+/g, ' ')]);
    }
    this.nonNameWords = new Set([
      ...lists.domainWords,
      ...lists.places,
      ...lists.nonNameTerms,
      ...lists.calendarWords,
      ...lists.acronyms,
      ...lists.personNouns,
      ...lists.personVerbs,
      ...lists.determiners,
      ...lists.nameTriggers,
      ...lists.callingWords,
    ]);
    this.collectSlips();
  }

  /** Builds the sets of listed names that are slips of everyday words, and the other typed forms of known words. */
  private collectSlips(): void {
    const lists = this.lists;
    const slipNames = (words: Iterable<string>, target: Set<string>): void => {
      for (const word of words) {
        if (word.length < 3) continue;
        for (const slip of slipsOf(word)) {
          if (slip.length >= 3 && slip !== word && this.isListedName(slip) && !this.isKnownWord(slip)) target.add(slip);
        }
      }
    };
    slipNames([...lists.determiners, ...lists.nounPrepositions], this.functionWordSlips);
    // Only a double letter written single ("mama" for "mamma"): other slips of a kin word are names ("kalle", "maja").
    for (const noun of lists.personNouns) {
      for (let k = 1; k < noun.length; k++) {
        if (noun[k] !== noun[k - 1]) continue;
        const slip = noun.slice(0, k) + noun.slice(k + 1);
        if (slip.length >= 4 && this.isListedName(slip) && !this.isKnownWord(slip)) this.personNounSlips.add(slip);
      }
    }
    for (const word of [...lists.commonWords, ...lists.domainWords, ...lists.personNouns]) {
      const ascii = foldToAscii(word);
      // Not two-letter words ("ar" for "är"): they are as often a fragment of a name cut up.
      if (ascii !== word && ascii.length >= 3 && !this.isKnownWord(ascii)) this.asciiTypedWords.add(ascii);
    }
    for (const noun of [...lists.personNouns, ...lists.roleNouns]) {
      for (let k = 4; k <= noun.length - 2; k++) this.personNounStarts.add(noun.slice(0, k));
    }
  }

  /** Adds 'name' to `findings` when the text names a person. */
  detect(text: string, findings: Findings): void {
    try {
      this.read(text, findings);
    } finally {
      // Nothing of a message stays in the detector once it is read: a refused message's names must not linger.
      this.text = '';
      this.lowers.length = 0;
    }
  }

  private read(text: string, findings: Findings): void {
    if (text.includes('://') || text.includes('www.')) {
      URL.lastIndex = 0;
      for (let match = URL.exec(text); match !== null; match = URL.exec(text)) findings.claim(match.index, match.index + match[0].length);
    }
    this.text = text;
    if (this.tokenize(findings)) {
      findings.add('name');
      return;
    }
    for (let i = 0; i < this.count; i++) {
      if (this.isNameInContext(i) || this.splitNameAt(i) || this.leetInitialNameAt(i)) {
        findings.add('name');
        return;
      }
    }
    if (text.includes('.') && INITIALS_HINT.test(text) && this.initialsForPerson(text)) findings.add('name');
    else if (MASK_HINT.test(text) && this.maskedName(text)) findings.add('name');
  }

  /** "S_lma", "M*hammed", "A__a": a listed name with one or two letters masked by underscores or asterisks. */
  private maskedName(text: string): boolean {
    MASKED_WORD.lastIndex = 0;
    for (let match = MASKED_WORD.exec(text); match !== null; match = MASKED_WORD.exec(text)) {
      const word = match[0].toLowerCase();
      if (word.length < 4) continue;
      const masks: number[] = [];
      for (let k = 0; k < word.length; k++) if (word[k] === '_' || word[k] === '*') masks.push(k);
      if (masks.length > 2 || masks.length * 2 >= word.length) continue;
      if (this.fillsToName(word, masks, 0)) return true;
    }
    return false;
  }

  private fillsToName(word: string, masks: readonly number[], at: number): boolean {
    if (at === masks.length) return this.isListedName(word) && !this.lists.commonWords.has(word) && !this.lists.collisions.has(word);
    const k = masks[at]!;
    for (const letter of MASK_LETTERS) {
      if (this.fillsToName(word.slice(0, k) + letter + word.slice(k + 1), masks, at + 1)) return true;
    }
    return false;
  }

  /** "3bba", "0mar", "5ara": a name whose first letter is written as a digit (the rest of the word is read on its own). */
  private leetInitialNameAt(i: number): boolean {
    const start = this.starts[i]!;
    if (start === 0 || this.lowers[i]!.length < 3 || this.kinds[i] === Kind.Name) return false;
    const letter = LEET_INITIALS[this.text[start - 1]!];
    if (letter === undefined || (start >= 2 && LETTER_OR_DIGIT.test(this.text[start - 2]!))) return false;
    return this.classifyWord(letter + this.lowers[i]!) === Kind.Name;
  }

  /**
   * "Ham za", "ha mza", "Mo ham med": a name cut into short pieces by spaces to get past a filter. Two or three pieces of
   * at most four letters, one of them no word at all, that together are a listed name and no word.
   */
  private splitNameAt(i: number): boolean {
    const first = this.lowers[i]!;
    if (first.length > 4 || this.genitives[i] || first.includes('-')) return false;
    // Cheap test first: one of the pieces is no word at all.
    if (this.kinds[i] !== Kind.Unknown && this.kinds[i + 1] !== Kind.Unknown && this.kinds[i + 2] !== Kind.Unknown) return false;
    let joined = first;
    let unknown = this.kinds[i] === Kind.Unknown;
    for (let j = i + 1; j <= i + 2 && j < this.count; j++) {
      const part = this.lowers[j]!;
      const gap = this.text.slice(this.ends[j - 1]!, this.starts[j]!);
      // "Oli\nver": a name broken over lines parts as a space does.
      if (part.length > 4 || part.includes('-') || (gap !== ' ' && gap !== '\n')) return false;
      joined += part;
      unknown ||= this.kinds[j] === Kind.Unknown;
      if (unknown && joined.length >= 5 && this.classifyWord(joined) === Kind.Name) return true;
    }
    return false;
  }

  /** "K.J. i 3A", "eleven heter A.H.", "initialerna S.M.", "K.J. har blåmärken": initials where a person's name stands. */
  private initialsForPerson(text: string): boolean {
    INITIALS.lastIndex = 0;
    for (let match = INITIALS.exec(text); match !== null; match = INITIALS.exec(text)) {
      const end = match.index + match[0].length;
      // "E.U.", "U.S." are bodies and countries written with dots.
      if (this.lists.acronyms.has(match[0].replace(NOT_LETTERS, '').toLowerCase())) continue;
      if (INITIALS_CONTEXT_BEFORE.test(text.slice(Math.max(0, match.index - 30), match.index))) return true;
      GRADE_AFTER.lastIndex = end;
      if (GRADE_AFTER.test(text) || INITIALS_VERB_AFTER.test(text.slice(end, end + 16))) return true;
    }
    return false;
  }

  private isNameInContext(i: number): boolean {
    switch (this.kinds[i]) {
      case Kind.Ambiguous:
        return this.ambiguousIsName(i);
      case Kind.AmbiguousGenitive:
        return this.genitiveIsName(i);
      case Kind.Unknown:
        return this.unknownIsName(i);
      case Kind.NonName:
        // "we call him Mo", "vi kallar henne Lo": whatever the word is elsewhere, here it is what a person is called.
        if (this.shapes[i] === Shape.Capitalised && this.triggerBefore(i) === Trigger.Calling && CALLED_PRONOUNS.has(this.lowers[i - 1] ?? '')) return true;
        // "Jun-seo i 3A": short parts joined by a hyphen, capitalised and placed in a class, are a name, not a compound.
        if (this.shapes[i] === Shape.Capitalised && SHORT_PARTS.test(this.lowers[i]!) && (this.gradeAfter(i) || this.groupAfter(i) || this.ageAfter(i))) return true;
        // "SARA i 2B", "NOAH (7)", "heter A_L_I": a listed name in capitals, placed in a class, given an age or after
        // "heter", is no acronym.
        if (this.shapes[i] === Shape.AllCaps && !this.shouting && this.isCapitalsName(this.lowers[i]!) && (this.gradeAfter(i) || this.groupAfter(i) || this.ageAfter(i, true) || this.triggerBefore(i) === Trigger.Strong)) return true;
        // "heter (uttalas) ai-no": a name spelled in parts after "heter" is no compound of words.
        return this.lowers[i]!.includes('-') && (this.triggerBefore(i) === Trigger.Strong || this.asideAfterTrigger(i)) && this.endsClause(i);
      default:
        return false;
    }
  }

  private isCapitalsName(lower: string): boolean {
    const lists = this.lists;
    return lower.length >= 3 && this.isListedName(lower) && !lists.acronyms.has(lower) && !lists.nonNameTerms.has(lower) && !lists.commonWords.has(lower) && !lists.places.has(lower);
  }

  /** Claims an organisation name that contains a person's name ("Maria Ungdom") starting at this token. */
  private claimPhraseAt(lower: string, start: number, findings: Findings): void {
    const phrases = this.phrasesByStart.get(lower);
    if (phrases === undefined) return;
    for (const phrase of phrases) {
      if (this.text.slice(start, start + phrase.length).toLowerCase() === phrase) findings.claim(start, start + phrase.length);
    }
  }

  /**
   * Splits the text into tokens and classifies them; returns true as soon as a plain listed name is found. A token is
   * a word with inner apostrophes or hyphens (O'Brien, Anna-Karin, Al-Hassan) and a ":s" genitive (Bo:s): what
   * /[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*(?::s(?![\p{L}\d]))?/gu matches, read by hand (a regular expression run
   * word by word allocates a match for each).
   */
  private tokenize(findings: Findings): boolean {
    this.count = 0;
    this.slipCandidates.length = 0;
    let englishMarkers = 0;
    let swedishMarkers = 0;
    const text = this.text;
    const length = text.length;
    let position = 0;
    while (position < length) {
      const first = text.codePointAt(position)!;
      if ((codePointBits(first) & LETTER_OR_MARK) === 0) {
        position += first > 0xffff ? 2 : 1;
        continue;
      }
      const start = position;
      position = runEnd(text, position, LETTER_OR_MARK);
      for (;;) {
        const c = text.charCodeAt(position);
        const joins = (c === 39 || c === 0x2019 || c === 45) && position + 1 < length && (codePointBits(text.codePointAt(position + 1)!) & LETTER_OR_MARK) !== 0;
        if (!joins) break;
        position = runEnd(text, position + 1, LETTER_OR_MARK);
      }
      if (text.charCodeAt(position) === 58 && text.charCodeAt(position + 1) === 115) {
        const after = position + 2 < length ? text.codePointAt(position + 2)! : -1;
        if (after < 0 || ((codePointBits(after) & LETTER_BIT) === 0 && !(after >= 48 && after <= 57))) position += 2;
      }
      // [start, position) is the token as written; a genitive ending (":s", "'s", "’s", ":S") is not part of the word.
      const rawLength = position - start;
      let wordEnd = position;
      let genitive = false;
      if (rawLength >= 2) {
        const mark = text.charCodeAt(position - 2);
        const s = text.charCodeAt(position - 1);
        if ((s === 115 && (mark === 58 || mark === 39 || mark === 0x2019)) || (s === 83 && mark === 58)) {
          wordEnd = position - 2;
          genitive = true;
        }
      }
      const word = text.slice(start, wordEnd);
      const lower = word.toLowerCase();
      if (ENGLISH_MARKERS.has(lower) || (rawLength === 1 && text.charCodeAt(start) === 73 && this.count > 0)) englishMarkers++;
      else if (SWEDISH_MARKERS.has(lower)) swedishMarkers++;
      const i = this.count++;
      this.starts[i] = start;
      this.ends[i] = position;
      this.lowers[i] = lower;
      this.shapes[i] = shapeOf(word, lower);
      this.genitives[i] = genitive;
    }
    // Two English function words and more than Swedish ones; or, in a short question ("Can Fittja's youth centre
    // help?"), no Swedish function word and mostly English words.
    this.shouting = !LOWER_RUN.test(this.text);
    this.english = (englishMarkers >= 2 && englishMarkers > swedishMarkers) || (englishMarkers === 1 && swedishMarkers === 0 && this.mostlyEnglishWords());
    for (let i = 0; i < this.count; i++) {
      const lower = this.lowers[i]!;
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      this.claimPhraseAt(lower, start, findings);
      if (this.inBusinessName(i) || this.inTitleOrDiagnosis(i) || this.namesGroup(i)) findings.claim(start, end);
      const skip = lower.length < 2 || findings.overlapsClaimed(start, end);
      const last = this.text.charCodeAt(this.genitives[i] ? end - 3 : end - 1);
      let classified = skip ? SKIPPED : this.classify(lower, this.shapes[i]!, this.genitives[i]!, last >= 65 && last <= 90);
      // "har börjat bitas.": a lower-case word read as a name's genitive ("Bita-s") needs what is owned after it.
      if (classified.kind === Kind.Name && classified.genitive && !this.genitives[i] && this.shapes[i] === Shape.Lower && CLAUSE_END_AFTER.test(this.text.slice(end, end + 3))) {
        classified = { kind: Kind.AmbiguousGenitive, genitive: true };
      }
      // "mamas kille": a kin word with a double letter written single is that kin word, not a name.
      if (this.shapes[i] === Shape.Lower && classified.kind !== Kind.Unknown && this.kinSlip(lower)) classified = { kind: Kind.NonName, genitive: classified.genitive };
      this.kinds[i] = classified.kind;
      this.genitives[i] = classified.genitive;
      if (classified.kind === Kind.Name) {
        if (this.mayBeSlip(i)) this.slipCandidates.push(i);
        else if (!this.namesPlace(end)) return true;
        this.kinds[i] = Kind.NonName;
      }
    }
    // "ester lunch" for "efter lunch", "ali elever" for "all(a) elever": the everyday word fits before the noun, a name does not.
    for (const i of this.slipCandidates) {
      if (!this.nounAfter(i) && !this.namesPlace(this.ends[i]!)) return true;
    }
    return false;
  }

  /** A listed name one slip from a word that stands before a noun, in lower case or opening a sentence. */
  private mayBeSlip(i: number): boolean {
    if (this.genitives[i] || !this.functionWordSlips.has(this.lowers[i]!)) return false;
    return this.shapes[i] === Shape.Lower || (this.shapes[i] === Shape.Capitalised && this.sentenceStart(i));
  }

  /** "elever", "flickor", "lärarna": the plural of a person noun. */
  private pluralOfPersonNoun(word: string): boolean {
    for (const ending of PLURAL_ENDINGS) {
      if (word.length <= ending.length + 2 || !word.endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length);
      if (this.lists.personNouns.has(stem) || this.lists.personNouns.has(`${stem}a`)) return true;
    }
    return false;
  }

  /** "mama", "mamas", "papa": a kin word with one of its double letters left out. */
  private kinSlip(lower: string): boolean {
    return this.personNounSlips.has(lower) || (lower.endsWith('s') && this.personNounSlips.has(lower.slice(0, -1)));
  }

  /**
   * A noun right after, where a name does not stand: a person noun in the plural ("elever"), a term or a time ("lunch",
   * "morgon"), or a known word in its definite form ("skolan", "mötet"), not a state ("borta").
   */
  private nounAfter(i: number): boolean {
    const next = i + 1;
    if (!this.adjacent(i, next) || this.shapes[next] !== Shape.Lower || this.kinds[next] !== Kind.NonName) return false;
    const word = this.lowers[next]!;
    if (this.lists.personNouns.has(word)) return !this.singularPersonNounAt(i, next);
    if (this.pluralOfPersonNoun(word)) return true;
    if (this.lists.nonNameTerms.has(word) || TIME_OF_DAY.has(word)) return true;
    return this.hasDefiniteEnding(word) && this.isKnownWord(word) && !PERSON_STATES.has(word) && !this.lists.personVerbs.has(word) && !SUBJECT_VERBS.has(word);
  }

  /**
   * "Pizzeria Roma", "Café Blomman", "Salong Lotta", "Restaurang Bella Napoli": up to two capitalised words right after a
   * capitalised kind of business name the business, not a person.
   */
  private inBusinessName(i: number): boolean {
    if (this.shapes[i] !== Shape.Capitalised) return false;
    // "Bella Pizza", "Tumba Buss": a capitalised word before a capitalised kind of business, and that kind itself.
    const next = i + 1;
    if (!this.genitives[i] && next < this.count && this.shapes[next] === Shape.Capitalised && BUSINESS_NOUNS.has(this.lowers[next]!) && this.text.slice(this.ends[i]!, this.starts[next]!) === ' ') {
      return true;
    }
    if (i === 0) return false;
    if (BUSINESS_NOUNS.has(this.lowers[i]!) && this.shapes[i - 1] === Shape.Capitalised && this.text.slice(this.ends[i - 1]!, this.starts[i]!) === ' ') return true;
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
      if (this.text.slice(this.ends[j]!, this.starts[j + 1]!) !== ' ' || this.shapes[j] !== Shape.Capitalised) return false;
      if (BUSINESS_NOUNS.has(this.lowers[j]!)) return true;
    }
    return false;
  }

  /**
   * "var med i Bonde söker fru", "deltog i Talang": the title of a show someone takes part in; "en sjukdom (Prader-Willi)":
   * the name of a diagnosis in brackets after the word for it.
   */
  private inTitleOrDiagnosis(i: number): boolean {
    if (i < 2 || this.shapes[i] !== Shape.Capitalised || this.genitives[i]) return false;
    if (this.lowers[i - 1] === 'i') {
      const before = this.lowers[i - 2]!;
      if (TAKES_PART.has(before)) return true;
      return before === 'med' && i >= 3 && SHOW_VERBS.has(this.lowers[i - 3]!);
    }
    return DIAGNOSIS_WORDS.has(this.lowers[i - 1]!) && this.text.slice(this.ends[i - 1]!, this.starts[i]!).trim() === '(';
  }

  /**
   * "avdelning Blåbär", "preschool group Ekorren", "Vår förskola heter Solen", "Our preschool is called Lärkan": the name
   * of a group or a preschool, not of a person ("Barnet på avdelningen heter Sara" still names one).
   */
  private namesGroup(i: number): boolean {
    if (i === 0 || this.shapes[i] !== Shape.Capitalised || this.genitives[i]) return false;
    const before = this.lowers[i - 1]!;
    if (GROUP_NOUNS.has(before)) return this.text.slice(this.ends[i - 1]!, this.starts[i]!).trim().length <= 1;
    let subject = -1;
    if (before === 'heter') subject = i - 2;
    else if (before === 'called' && this.lowers[i - 2] === 'is') subject = i - 3;
    if (subject < 0 || !UNIT_SUBJECTS.has(this.lowers[subject]!)) return false;
    return subject === 0 || !PLACE_PREPOSITIONS.has(this.lowers[subject - 1]!) && !ENGLISH_PLACE_PREPOSITIONS.has(this.lowers[subject - 1]!);
  }

  /** At least two words only English has, and more of them than words only Swedish has. */
  private mostlyEnglishWords(): boolean {
    let english = 0;
    let swedish = 0;
    for (let i = 0; i < this.count; i++) {
      const lower = this.lowers[i]!;
      if (lower.length < 2) continue;
      const englishWord = this.lists.englishWords.has(lower);
      const swedishWord = this.lists.commonWords.has(lower) || this.lists.domainWords.has(lower);
      if (englishWord && !swedishWord) english++;
      else if (swedishWord && !englishWord) swedish++;
    }
    return english >= 2 && english > swedish;
  }

  /** True when the name that ends at `end` is part of a place or institution name ("Karl Johans skola"). */
  private namesPlace(end: number): boolean {
    NAMED_AFTER_PERSON.lastIndex = end;
    return NAMED_AFTER_PERSON.test(this.text);
  }

  private classify(lower: string, shape: Shape, genitive: boolean, endsInCapital: boolean): { kind: Kind; genitive: boolean } {
    const lists = this.lists;
    // "SoL", "LO": a short word ending in a capital is an acronym, unless the whole text is written in capitals.
    if (shape !== Shape.Lower && shape !== Shape.Capitalised && lower.length <= 4 && endsInCapital && !this.shouting) {
      return { kind: Kind.NonName, genitive };
    }
    if (this.english) {
      const english = this.classifyEnglish(lower, shape);
      if (english !== Kind.Unknown) return { kind: english, genitive };
    }
    if (shape === Shape.AllCaps || shape === Shape.MixedCaps) {
      if (lists.acronyms.has(lower) || lists.nonNameTerms.has(lower)) return { kind: Kind.NonName, genitive };
      // "IVA", "BUP": a short all-capital word is an acronym unless a hand-written list has it as a name (ALI, EVA).
      if (shape === Shape.AllCaps && lower.length <= 5 && !lists.handListedNames.has(lower)) return { kind: Kind.NonName, genitive };
      if (shape === Shape.MixedCaps) return { kind: this.isListedName(lower) ? Kind.Name : Kind.NonName, genitive };
    }
    if (lower.includes('-') || lower.includes("'") || lower.includes('’')) return this.classifyCompound(lower, genitive, shape === Shape.Capitalised);
    const own = this.classifyWord(lower);
    if (own !== Kind.Unknown || genitive) {
      if (shape === Shape.AllCaps && own === Kind.Unknown && lower.length <= 5) return { kind: Kind.NonName, genitive };
      return { kind: own, genitive };
    }
    if (lower.length > 3 && lower.endsWith('s')) {
      const base = this.classifyWord(lower.slice(0, -1));
      if (base === Kind.Name || base === Kind.Ambiguous || base === Kind.NonName) return { kind: base, genitive: true };
    }
    if (shape === Shape.AllCaps && lower.length <= 5) return { kind: Kind.NonName, genitive };
    return { kind: Kind.Unknown, genitive: lower.endsWith('s') };
  }

  /**
   * In an English sentence, English words are words ("Can I call", "I said", "the bill"); a listed name that is one
   * ("Grace", "Mark", "Will") is a name only in a name context, in lower case too ("mark's mum", "called lily"); other
   * listed names that are English words only when capitalised.
   */
  private classifyEnglish(lower: string, shape: Shape): Kind {
    const lists = this.lists;
    if (lists.englishNameWords.has(lower)) return Kind.Ambiguous;
    if (ENGLISH_MARKERS.has(lower)) return Kind.NonName;
    if (!lists.englishWords.has(lower) && !lists.englishWords.has(englishStem(lower))) return Kind.Unknown;
    if (this.isListedName(lower)) return shape === Shape.Lower ? Kind.NonName : Kind.Ambiguous;
    return Kind.NonName;
  }

  private classifyWord(word: string): Kind {
    const lists = this.lists;
    if (lists.collisions.has(word)) return this.isListedName(word) ? Kind.Ambiguous : Kind.AmbiguousGenitive;
    if (lists.commonWords.has(word)) return Kind.NonName;
    if (this.isListedName(word)) {
      const alsoNonName = lists.places.has(word) || lists.calendarWords.has(word) || lists.nonNameTerms.has(word);
      return alsoNonName ? Kind.Ambiguous : Kind.Name;
    }
    if (this.nonNameWords.has(word)) return Kind.NonName;
    // "sjalv", "hjalp": a word typed without å, ä and ö; "rekt", "kurat": a person noun cut short.
    if (this.asciiTypedWords.has(word) || this.personNounStarts.has(word)) return Kind.NonName;
    if (this.isSurnameShape(word)) return Kind.Name;
    return Kind.Unknown;
  }

  /** Hyphenated and apostrophe words: a name if any part is a plain name (Anna-Karin, Al-Hassan, Sol-Britt). */
  private classifyCompound(lower: string, genitive: boolean, capitalised: boolean): { kind: Kind; genitive: boolean } {
    const whole = this.classifyWord(lower);
    if (whole !== Kind.Unknown) return { kind: whole, genitive };
    // "Mo-ham-med", "Ha-mza": short pieces that together are a listed name are that name cut up.
    const pieces = lower.split(/['’\-]/);
    if (pieces.length >= 2 && pieces.every((piece) => piece.length <= 4)) {
      const joined = pieces.join('');
      if (joined.length >= 4 && this.classifyWord(joined) === Kind.Name) return { kind: Kind.Name, genitive };
    }
    let unknownParts = 0;
    let nonNameParts = 0;
    const parts = lower.split(/['’\-]/);
    // "Phromma-killen", "Zyxo-tjejen": a capitalised unknown word before a person noun is the person's name.
    if (capitalised && parts.length === 2 && this.lists.personNouns.has(parts[1]!) && this.unknownNameLike(parts[0]!)) {
      return { kind: Kind.Name, genitive };
    }
    // "Eva-modellen", "Pippi-temat": a compound whose last part is a plain word is a thing named after someone;
    // "Elsa-mamman" is Elsa's mother, though.
    const head = parts[parts.length - 1]!;
    if (head.length >= 3 && this.classifyWord(head) === Kind.NonName && !this.lists.personNouns.has(head)) {
      return { kind: Kind.NonName, genitive };
    }
    let nameWordParts = 0;
    for (const part of parts) {
      if (part.length < 2) continue;
      const kind = this.classifyWord(part);
      if (kind === Kind.Name) return { kind: Kind.Name, genitive };
      if (kind === Kind.Unknown) unknownParts++;
      if (kind === Kind.NonName) nonNameParts++;
      if (kind === Kind.Ambiguous && !this.lists.calendarWords.has(part) && !this.lists.places.has(part)) nameWordParts++;
    }
    // "Karl-Axel", "Bo-Stig": two names that are also words, joined, are a double name ("maj-juni" is no name).
    if (nameWordParts >= 2 && nonNameParts === 0) return { kind: Kind.Name, genitive };
    // "BBIC-blanketten", "SoL-anmälan": a known word in it makes the compound a thing.
    if (unknownParts > 0 && nonNameParts === 0) return { kind: Kind.Unknown, genitive: genitive || lower.endsWith('s') };
    return { kind: Kind.NonName, genitive };
  }

  /** An unknown word of three letters or more built like no Swedish word: a name, where a context says a person is meant. */
  private unknownNameLike(lower: string): boolean {
    return lower.length >= 3 && this.classifyWord(lower) === Kind.Unknown && !this.looksLikeSwedishWord(lower) && !this.hasNonNameEnding(lower);
  }

  private isListedName(word: string): boolean {
    const names = this.lists.names;
    if (names.has(word)) return true;
    if (NOT_ASCII_LOWER.test(word)) {
      const foreign = foldForeignLetters(word);
      if (foreign !== word && names.has(foreign)) return true;
      const ascii = foldToAscii(word);
      if (ascii !== word && names.has(ascii)) return true;
    }
    return false;
  }

  /** Swedish surnames not in the list: -sson names (Ibrahimsson) and nature compounds (Lindqvist, Ekström). */
  private isSurnameShape(word: string): boolean {
    if (word.length >= 6 && word.endsWith('sson')) return !this.wordWithDoubledS(word);
    if (word.length < 5) return false;
    for (const ending of this.lists.surnameEndings) {
      if (word.length > ending.length + 1 && word.endsWith(ending) && this.lists.surnamePrefixes.has(word.slice(0, -ending.length))) {
        return true;
      }
    }
    return false;
  }

  /**
   * "kontaktpersson": a known word in -son typed with a double s, or a known word with a listed -sson name inside it,
   * is a compound of words, not a surname (Persson, Ibrahimsson are).
   */
  private wordWithDoubledS(word: string): boolean {
    if (this.isKnownWord(`${word.slice(0, -3)}on`)) return true;
    for (let k = 4; k <= word.length - 6; k++) {
      if (this.isPlainWord(word.slice(0, k)) && this.isListedName(word.slice(k))) return true;
    }
    return false;
  }

  private ambiguousIsName(i: number): boolean {
    if (this.placeNounAfter(i) || this.namesPlace(this.ends[i]!)) return false;
    const lower = this.lowers[i]!;
    const key = this.genitives[i] && !this.lists.collisions.has(lower) ? lower.slice(0, -1) : lower;
    const capitalised = this.shapes[i] !== Shape.Lower;
    if (this.triggerBefore(i) !== Trigger.None || this.asideAfterTrigger(i)) return true;
    if (this.genitives[i] && this.personNounAt(i, i + 1)) return true;
    // "Ros mamma": a name ending in s takes no genitive s; "Hans mamma" stays "his mother".
    if (capitalised && lower.endsWith('s') && !this.lists.commonWords.has(lower) && this.personNounAt(i, i + 1)) return true;
    // "tinas pappa", "rosas mamma": in lower case the genitive of a listed name before a kin word, unless it is a word.
    if (lower.endsWith('s') && !this.isKnownWord(lower) && this.isListedName(lower.slice(0, -1)) && this.personNounAt(i, i + 1)) return true;
    if (this.lists.calendarWords.has(key) && this.inDateContext(i)) return false;
    if (capitalised && this.personNounAt(i, i - 1)) return true;
    if (this.nameNextTo(i)) return true;
    if (capitalised && (this.endearmentBefore(i) || this.roleSetOffAfter(i))) return true;
    // "vi har en Björn i tvåan": a capitalised word after "en" placed in a class is one of its pupils.
    if (capitalised && !this.sentenceStart(i) && ONE_OF.has(this.lowers[i - 1] ?? '') && this.adjacent(i, i - 1) && !this.lists.calendarWords.has(key) && (this.gradeAfter(i) || this.inGroupThenPersonVerb(i))) {
      return true;
    }
    if (this.determinerAt(i, i - 1)) return false;
    if (this.ageAfter(i, true)) return true;
    // "Sten i klassen har blåmärken", "Liv på förskolan är ledsen", "en Björn i klassen som …": a child placed in the
    // writer's group, then what they do or are.
    if (capitalised && this.inGroupThenPersonVerb(i)) return true;
    if (this.numberAfter(i)) return false;
    // "Sol i 3A", "Saga på Ekorren", "Sol och hennes bror", "hur gör jag med lina på avdelning myran": a child placed in a group.
    if (capitalised || this.sentenceStart(i) || this.personPrepositionBefore(i)) {
      if (this.gradeAfter(i) || this.groupAfter(i) || this.companionAfter(i) || this.appositionBeforePersonNoun(i)) return true;
    }
    if (this.subjectAfterOpeningVerb(i)) return true;
    // "vi är oroliga för sol", "pratade med björn": a word of worry or talk and a preposition, even in lower case.
    // A word staff also write as a word ("fråga om lov igen") needs the phrase to end in punctuation.
    const phraseEnds = this.isKnownWord(key) ? !this.adjacent(i, i + 1) : this.phraseEndsAfter(i);
    if (!capitalised && this.personPrepositionBefore(i) && (phraseEnds || this.namePairAfter(i))) return true;
    // "eleven vilja har slutat komma": a singular person noun, the word, and a verb, as after a name.
    // "vår elev sten har", "min dotter liv är": a possessive is no article, the word still stands in apposition.
    if (!capitalised && this.singularPersonNounAt(i, i - 1) && this.verbAfter(i) && (!this.determinerAt(i - 1, i - 2) || OWNERS.has(this.lowers[i - 2]!))) return true;
    // "my student ivy is scared", "our pupil grace has bruises": in English, after a possessive and a person noun.
    if (this.english && i >= 2 && OWNERS.has(this.lowers[i - 2]!) && this.singularPersonNounAt(i, i - 1) && this.adjacent(i, i + 1) && ENGLISH_SUBJECT_VERBS.has(this.lowers[i + 1]!)) {
      return true;
    }
    // "the mum of jack?", "the dad of rose said": in English, a relative "of" the word, then the end or a verb.
    if (this.english && i >= 2 && this.lowers[i - 1] === 'of' && this.personNounAt(i - 1, i - 2) && (!this.adjacent(i, i + 1) || ENGLISH_SUBJECT_VERBS.has(this.lowers[i + 1]!))) {
      return true;
    }
    // "worried about grace, she seems sad": the word is then spoken of as a person.
    if (this.english && i >= 1 && ENGLISH_PERSON_PREPOSITIONS.has(this.lowers[i - 1]!) && this.pronounAfterComma(i)) return true;
    // "oroliga för Bo", "Det gäller Liv", "när Ask inte vill": contexts an unknown capitalised word would need.
    if (capitalised && !this.sentenceStart(i) && !this.nearAcronym(i)) {
      if (this.personPrepositionBefore(i) || this.concernedBefore(i) || this.subjectVerbAfter(i)) return true;
      // In English, a capitalised word that is no English word ("Vilja"), or one after "about", "with" ("about Ask").
      // Not an English word opening a title after "with" ("with Save the Children").
      if (this.english && !this.lists.englishWords.has(key)) return true;
      if (this.english && i > 0 && ENGLISH_PERSON_PREPOSITIONS.has(this.lowers[i - 1]!) && !this.inTitle(i)) return true;
    }
    if (this.appositionAfterPersonNoun(i)) return true;
    const everydayWord = this.lists.commonWords.has(key);
    const place = this.lists.places.has(key);
    // Not an English word capitalised in an English title ("Save the Children", "Social Services").
    const englishTitleWord = this.english && this.lists.englishWords.has(key) && this.inTitle(i);
    if (capitalised && !everydayWord && !place && !englishTitleWord && !this.sentenceStart(i) && !this.nearAcronym(i) && !this.placeOnlyPrepositionBefore(i)) return true;
    if (place || STANDALONE_PRONOUNS.has(key)) return false;
    // In lower case only a word opening a sentence can be its subject: "liv har blåmärken", "saga är rädd"; not a
    // possessive standing alone ("mina har slutat").
    if ((capitalised || (this.sentenceStart(i) && !this.english && !this.lists.determiners.has(key) && !TIME_NOUNS.has(key))) && this.adjacent(i, i + 1)) {
      const next = this.lowers[i + 1]!;
      // "Liv har slutat äta", "Lo går på Myran", "Jan är pappa till eleven".
      // Not "Lucia har vi den 13 december": a subject after the verb shows the word opened the sentence as an object.
      if (AMBIGUOUS_NAME_VERBS.has(next)) return this.subjectOfVerb(i);
      if ((next === 'är' || next === 'var') && this.personNounAt(i + 1, i + 2)) return true;
      // "Sol är ledsen", "Liv verkar rädd": a child's state, not "Sol är viktigt".
      if (STATE_VERBS.has(next) && this.adjacent(i + 1, i + 2) && PERSON_STATES.has(this.lowers[i + 2]!)) return this.subjectOfVerb(i);
    }
    // "att lo verkade ledsen", "men sol är rädd": a child's state after a clause opens, in lower case too.
    if (!capitalised && i > 0 && this.adjacent(i, i - 1) && (CLAUSE_MARKERS.has(this.lowers[i - 1]!) || CLAUSE_OPENERS.has(this.lowers[i - 1]!)) && this.adjacent(i, i + 1)) {
      if (STATE_VERBS.has(this.lowers[i + 1]!) && this.adjacent(i + 1, i + 2) && PERSON_STATES.has(this.lowers[i + 2]!)) return true;
    }
    // "bo och ask är bröder", "liv och sol är tvillingar": two listed names said to be siblings or friends.
    if (this.siblingPair(i)) return true;
    // "mamma till Liv", and in lower case "mamma till liv ringde", "pappa till bo." where a verb or the phrase's end follows.
    if (this.personRelationBefore(i)) return capitalised || !this.adjacent(i, i + 1) || this.subjectVerbAfter(i) || this.personVerbAt(i, i + 1);
    if (capitalised && !everydayWord && this.sentenceStart(i) && this.tellsAboutSelf(i)) return true;
    // "Bo säger att …", "och stig sa …"; not "var ska barnet bo kommer …".
    if (!this.personVerbAt(i, i + 1)) return false;
    return capitalised || this.sentenceStart(i) || (i > 0 && CLAUSE_OPENERS.has(this.lowers[i - 1]!));
  }

  /** "såg eleven på Max", "vid Ica": after a preposition of place a word that may be a name names a place or a business. */
  private placeOnlyPrepositionBefore(i: number): boolean {
    const j = i - 1;
    return !this.english && this.adjacent(i, j) && this.lists.placePrepositions.has(this.lowers[j]!) && !this.aboutBefore(i);
  }

  private genitiveIsName(i: number): boolean {
    return this.triggerBefore(i) === Trigger.Strong || this.personNounAt(i, i + 1);
  }

  private unknownIsName(i: number): boolean {
    const lower = this.lowers[i]!;
    const shape = this.shapes[i]!;
    const trigger = this.asideAfterTrigger(i) ? Trigger.Strong : this.triggerBefore(i);
    if (this.hasInstitutionEnding(lower)) return false;
    // "familjen le?", "familjen Wu har …": a short surname after "familjen", ending the phrase or before a verb.
    if (lower.length === 2 && this.familyBefore(i)) return this.phraseEndsAfter(i) || this.subjectVerbAfter(i);
    if (shape === Shape.Lower) return trigger === Trigger.Strong ? !this.hasDefiniteEnding(lower) && this.endsClause(i) : this.lowerCaseIsName(i);
    // Nicknames often look definite ("kallas Stickan"); longer definite words are things ("kallas Skottlandsmodellen").
    if (trigger !== Trigger.None) return trigger === Trigger.Strong || lower.length <= 8 || !this.hasDefiniteEnding(lower);
    if (shape !== Shape.Capitalised || this.placeNounAfter(i)) return false;
    if (this.personNounAt(i, i - 1) || this.appositionAfterPersonNoun(i)) return true;
    if (this.fullNameInContext(i) || this.englishOpeningSubject(i)) return true;
    // "Yichen's mother": Swedish writes no apostrophe genitive, so a definite-looking ending says nothing here.
    if (this.apostropheGenitive(i) && this.personNounAt(i, i + 1) && !this.isRoleNoun(lower.slice(0, -1)) && !this.isKnownWord(lower.slice(0, -1))) return true;
    if ((this.endearmentBefore(i) && !this.hasDefiniteEnding(lower)) || this.roleSetOffAfter(i)) return true;
    const base = this.genitives[i] ? lower.slice(0, -1) : lower;
    if (this.genitives[i] && this.personNounAt(i, i + 1)) {
      // "Pizzeriaägarens son", "Rektorns barnbarn" narrow a child down without naming anyone.
      if (this.isRoleNoun(base)) return false;
      // The base decides ("Tamsins" is Tamsin's; "Rektorns" ends like the definite "rektorn").
      return !this.hasDefiniteEnding(base) && !this.lists.commonWords.has(base) && !this.isKnownWord(base);
    }
    // "Mackan i 7A", "Stickan på avdelning Humlan": nicknames look definite, but only a child is placed in a class.
    if (this.sentenceStart(i) && NICKNAME.test(lower) && !this.looksLikeSwedishWord(lower) && (this.gradeAfter(i) || this.groupAfter(i))) return true;
    // "Kan Mehret få …": a short word may end like a definite noun and still be a name.
    if ((lower.length <= 6 || !this.hasDefiniteEnding(lower)) && this.questionSubject(i)) return true;
    if (this.hasDefiniteEnding(lower)) return false;
    if (this.ageAfter(i)) return true;
    if (this.personRelationBefore(i)) return true;
    if (this.sentenceStart(i)) {
      // "Zorvan är rädd för att gå hem", "Angående Zorvan: …".
      return this.subjectOfPersonVerb(i) || this.openingIsName(i) || this.tellsAboutSelf(i) || (this.stateOfPersonAfter(i) && this.unknownNameLike(lower));
    }
    if (this.regardingOpens(i)) return true;
    return this.personVerbAt(i, i + 1) || this.personVerbAt(i, i - 1) || this.properNounIsName(i);
  }

  /**
   * An unknown capitalised word inside a sentence is a proper noun; it is a person's name when a person
   * context surrounds it: "oroliga för Kenza", "Kenza i åk 3", "Kenza och hennes bror", "när Kenza har".
   * Apps, organisations, languages and places are listed as non-names; Swedish compounds ("Läxhjälp") are skipped.
   */
  private properNounIsName(i: number): boolean {
    if (this.nearAcronym(i) || this.looksLikeSwedishWord(this.lowers[i]!)) return false;
    // "skickade hem till Kanya och hennes bror": a child's context wins over the preposition.
    if (this.companionAfter(i) || this.companionBefore(i)) return true;
    // "har ni något på Veera?": "på" after "något", "koll", "info" means "about".
    if (this.aboutBefore(i)) return true;
    // "I Bjuv har …", "på Tellus", "från Skogås", "from Manchester": a capitalised word after a place preposition names a place.
    if (i > 0 && PLACE_PREPOSITIONS.has(this.lowers[i - 1]!)) return false;
    if (this.english && i > 0 && ENGLISH_PLACE_PREPOSITIONS.has(this.lowers[i - 1]!)) return false;
    if (this.gradeAfter(i) || this.groupAfter(i)) return true;
    if (this.personPrepositionBefore(i) || this.appositionBeforePersonNoun(i) || this.concernedBefore(i)) return true;
    // English capitalises proper nouns only: an unknown capitalised word inside an English sentence is a name,
    // unless it is part of a longer proper noun ("Barnens Hus", "Save the Children").
    if (this.english && !this.sentenceStart(i) && !this.capitalisedNonNameNextTo(i) && !this.modifierInNounPhrase(i)) return true;
    return this.subjectVerbAfter(i);
  }

  /**
   * "the guest X password", "an X account": in English, a capitalised word inside a noun phrase opened by an article and
   * followed by its noun is a product or a brand, not a person (not "the girl X has", where a person noun comes first).
   */
  private modifierInNounPhrase(i: number): boolean {
    const next = i + 1;
    if (!this.adjacent(i, next) || this.shapes[next] !== Shape.Lower) return false;
    const noun = this.lowers[next]!;
    if (ENGLISH_MARKERS.has(noun) || ENGLISH_SUBJECT_VERBS.has(noun) || this.lists.personNouns.has(noun)) return false;
    if (!this.lists.englishWords.has(noun) && !this.lists.englishWords.has(englishStem(noun))) return false;
    for (let j = i - 1; j >= i - 3 && this.adjacent(j, j + 1); j--) {
      const word = this.lowers[j]!;
      if (ENGLISH_ARTICLES.has(word)) return true;
      if (this.shapes[j] !== Shape.Lower || this.lists.personNouns.has(word) || ENGLISH_MARKERS.has(word)) return false;
    }
    return false;
  }

  /** Inside a run of capitalised words, as English titles are written: "Social Services", "Save the Children". */
  private inTitle(i: number): boolean {
    const capitalisedAt = (j: number): boolean => j >= 0 && j < this.count && this.shapes[j] !== Shape.Lower && this.lowers[j]!.length > 1;
    if (this.adjacent(i, i - 1) && capitalisedAt(i - 1) && !this.sentenceStart(i - 1)) return true;
    if (this.adjacent(i, i + 1) && capitalisedAt(i + 1)) return true;
    return this.adjacent(i, i + 1) && TITLE_LINKS.has(this.lowers[i + 1]!) && this.adjacent(i + 1, i + 2) && capitalisedAt(i + 2);
  }

  /** A capitalised word next to it that is no name: the two are one proper noun ("Barnens Hus", "Hallunda Centrum"). */
  private capitalisedNonNameNextTo(i: number): boolean {
    for (const j of [i - 1, i + 1]) {
      if (this.adjacent(i, j) && this.shapes[j] !== Shape.Lower && this.kinds[j] === Kind.NonName && !(j === i - 1 && this.sentenceStart(j))) return true;
    }
    return false;
  }

  /**
   * "Thanakorn Chaiyaporn (9 år)", "ringa mig om Abebe Tadesse", "möte om Ploy Saetang": two capitalised unknown words
   * in a row, built like no Swedish word, are a first name and a surname when a person context surrounds the pair.
   */
  private fullNameInContext(i: number): boolean {
    const second = i + 1;
    if (!this.adjacent(i, second) || this.kinds[second] !== Kind.Unknown || this.shapes[second] !== Shape.Capitalised) return false;
    if (!this.unknownNameLike(this.lowers[i]!) || !this.unknownNameLike(this.lowers[second]!) || this.nearAcronym(i)) return false;
    if (this.placeNounAfter(second) || this.namesPlace(this.ends[second]!)) return false;
    if (this.ageAfter(second, true) || this.gradeAfter(second) || this.personVerbAt(second, second + 1) || this.subjectVerbAfter(second)) return true;
    return this.adjacent(i, i - 1) && PERSON_PREPOSITIONS.has(this.lowers[i - 1]!);
  }

  /** "Jiayi has been living …", "Yichen said …": an English sentence opened by a word no dictionary has, before a verb. */
  private englishOpeningSubject(i: number): boolean {
    if (!this.english || !this.sentenceStart(i) || !this.adjacent(i, i + 1) || !ENGLISH_SUBJECT_VERBS.has(this.lowers[i + 1]!)) return false;
    return this.unknownNameLike(this.lowers[i]!);
  }

  /** "Yichen's": a genitive written with an apostrophe. */
  private apostropheGenitive(i: number): boolean {
    if (!this.genitives[i]) return false;
    const c = this.text.charCodeAt(this.ends[i]! - 2);
    return c === 39 || c === 0x2019;
  }

  /** "när Kenza har", "när Kenza inte vill": a subject verb right after, or after "inte", "aldrig", "också". */
  private subjectVerbAfter(i: number): boolean {
    if (!this.adjacent(i, i + 1)) return false;
    const next = this.lowers[i + 1]!;
    if (SUBJECT_VERBS.has(next)) return true;
    return INVERSION_ADVERBS.has(next) && this.adjacent(i + 1, i + 2) && SUBJECT_VERBS.has(this.lowers[i + 2]!);
  }

  /** "Det gäller Kenza", "ärendet rör Kenza": a case said to concern someone. */
  private concernedBefore(i: number): boolean {
    const verb = i - 1;
    if (!this.adjacent(i, verb) || !CONCERNS_VERBS.has(this.lowers[verb]!) || !this.adjacent(verb, verb - 1)) return false;
    return CONCERNS_SUBJECTS.has(this.lowers[verb - 1]!);
  }

  /**
   * "oroliga för Kenza", "en anmälan om Kenza", "hur gör vi med Kenza": a preposition after a word of worry, talk or
   * help; "samarbete med Skolfam" names an organisation. A name plainly not Swedish needs only the preposition.
   */
  private personPrepositionBefore(i: number): boolean {
    const j = i - 1;
    if (!this.adjacent(i, j) || !PERSON_PREPOSITIONS.has(this.lowers[j]!)) return false;
    if (NOT_SWEDISH_LETTERS.test(this.lowers[i]!)) return true;
    let lead = j - 1;
    // "hur gör vi med Kenza", "vad ska jag göra med Kenza".
    if (this.adjacent(j, lead) && (SUBJECT_WORDS.has(this.lowers[lead]!) || OBJECT_PRONOUNS.has(this.lowers[lead]!))) lead--;
    return lead >= 0 && PERSON_PREPOSITION_LEADS.has(this.lowers[lead]!) && this.gapIs(lead, lead + 1, false);
  }

  /** A capitalised unknown word opening a sentence: "Kenza i åk 3 …", "Kenza och hennes bror …", "Kenza har inte …". */
  private openingIsName(i: number): boolean {
    const lower = this.lowers[i]!;
    // "Mo i åk 6": a two-letter word is a name only when a class or group places it.
    if (lower.length === 2) return this.gradeAfter(i) || this.groupAfter(i);
    if (lower.length < 3 || this.hasDefiniteEnding(lower) || this.looksLikeSwedishWord(lower)) return false;
    if (this.hasNonNameEnding(lower)) return false;
    if (this.gradeAfter(i) || this.groupAfter(i) || this.companionAfter(i) || this.appositionBeforePersonNoun(i)) return true;
    return this.openingSubject(i);
  }

  /** "Kenza har inte kommit", "kenza vill inte gå hem": an opening word before "har", "vill", "ska" as its subject. */
  private openingSubject(i: number): boolean {
    return this.adjacent(i, i + 1) && OPENING_SUBJECT_VERBS.has(this.lowers[i + 1]!) && this.subjectOfVerb(i);
  }

  /**
   * An unknown word in lower case is a name only in a strong person context: "eleven kenza är …",
   * "kenza säger att …" opening a sentence, "kenzas pappa", "kenza och hennes bror", "kenza i åk 3".
   */
  private lowerCaseIsName(i: number): boolean {
    const lower = this.lowers[i]!;
    if (lower.length < 3) return false;
    if (this.genitives[i] && this.kinNounAt(i + 1)) {
      const base = lower.slice(0, -1);
      return base.length >= 3 && !this.isRoleNoun(base) && !this.hasDefiniteEnding(base) && !this.isKnownWord(base) && !this.looksLikeSwedishWord(base);
    }
    // Cheap context checks first: most lower-case unknown words are plain words with no person context.
    const context =
      (this.singularPersonNounAt(i, i - 1) && this.verbAfter(i)) ||
      this.subjectAfterOpeningVerb(i) ||
      this.appositionAfterPersonNoun(i) ||
      (this.sentenceStart(i) && (this.subjectOfPersonVerb(i) || this.possessiveCompanionAfter(i) || this.openingSubject(i))) ||
      // "zyxo i sjuan säger …", "undrar om zyxo på avdelning kotten": placed in a class or a group.
      ((this.sentenceStart(i) || this.personPrepositionBefore(i)) && this.gradeAfter(i)) ||
      // "pratat med zyxo igen", "oro för zyxo men …", "ringa mig om zyxo qwerty?": the person talked about, ending the phrase.
      (this.personPrepositionBefore(i) && this.plainlyNameShaped(lower) && (this.phraseEndsAfter(i) || this.lowerSurnameEndsPhrase(i))) ||
      // "mamma till zyxo ringde", "pappa till zyxo.": a relation's child, before a verb or the phrase's end.
      (this.personRelationBefore(i) && (!this.adjacent(i, i + 1) || this.subjectVerbAfter(i) || this.personVerbAt(i, i + 1))) ||
      // "zyxo är rädd för att gå hem": how a child is, said of the sentence's subject (not "vaktis är sjuk").
      (this.sentenceStart(i) && this.stateOfPersonAfter(i) && this.plainlyNameShaped(lower)) ||
      // "(det) gäller zyxo i 4a": whom a case concerns, placed in a class or ending the phrase.
      ((this.concernedBefore(i) || this.clauseOpeningConcerns(i)) && (this.gradeAfter(i) || this.phraseEndsAfter(i)) && this.plainlyNameShaped(lower)) ||
      // "vi tror att zyxo blir slagen": the subject of a clause, when the word is plainly no Swedish word.
      (i > 0 && CLAUSE_MARKERS.has(this.lowers[i - 1]!) && this.adjacent(i, i - 1) && this.subjectVerbAfter(i) && this.plainlyNameShaped(lower));
    if (!context) return false;
    return !this.hasDefiniteEnding(lower) && !this.hasNonNameEnding(lower) && !this.afterNumber(i) && !this.looksLikeSwedishWord(lower);
  }

  /** "är rädd", "verkar ledsen": a verb of state and a state only a person is in, right after the word. */
  private stateOfPersonAfter(i: number): boolean {
    return this.adjacent(i, i + 1) && STATE_VERBS.has(this.lowers[i + 1]!) && this.adjacent(i + 1, i + 2) && PERSON_STATES.has(this.lowers[i + 2]!);
  }

  /** "Angående Zyxo:", "Ang. Zyxo i 4A": a capitalised word right after a word of regarding that opens the message or a sentence. */
  private regardingOpens(i: number): boolean {
    const j = i - 1;
    return j >= 0 && this.adjacent(i, j) && REGARDING.has(this.lowers[j]!) && this.sentenceStartOrComma(j) && this.unknownNameLike(this.lowers[i]!);
  }

  /** "hej, gäller zyxo …": "gäller" opening a clause, its subject left out. */
  private clauseOpeningConcerns(i: number): boolean {
    return i > 0 && this.adjacent(i, i - 1) && CONCERNS_VERBS.has(this.lowers[i - 1]!) && this.sentenceStartOrComma(i - 1);
  }

  /** A clause starts at the token: the text's or a sentence's start, or a comma before it. */
  private sentenceStartOrComma(i: number): boolean {
    if (this.sentenceStart(i)) return true;
    const before = this.text.slice(Math.max(0, this.starts[i]! - 3), this.starts[i]!);
    return before.trimEnd().endsWith(',');
  }

  private familyBefore(i: number): boolean {
    return this.adjacent(i, i - 1) && FAMILY_WORDS.has(this.lowers[i - 1]!);
  }

  /**
   * The lists hold no full Swedish dictionary, so an unknown small word may be a Swedish one ("lov", "dagis"): it is a
   * name on weak context only when its letters are plainly not Swedish ("niila", "zeynu") or it is a pet form of a
   * listed first name ("vilmis" ← Vilma, "idde" ← Ida).
   */
  private plainlyNameShaped(lower: string): boolean {
    if (this.inflectsKnownWord(lower)) return false;
    if (NOT_SWEDISH_LETTERS.test(lower)) return true;
    for (const ending of PET_ENDINGS) {
      if (lower.length <= ending.length + 1 || !lower.endsWith(ending)) continue;
      const stem = lower.slice(0, -ending.length);
      if (this.isKnownWord(stem) || this.lists.collisions.has(stem)) continue;
      if (this.lists.firstNames.has(stem) || this.lists.firstNames.has(`${stem}a`) || this.lists.firstNames.has(`${stem}e`) || this.lists.firstNames.has(`${stem}o`)) return true;
    }
    return false;
  }

  /** "ekonomin", "terapin", "rutinerna": a known word with a definite or plural ending, unless its letters are plainly not Swedish. */
  private inflectsKnownWord(lower: string): boolean {
    if (NOT_SWEDISH_LETTERS.test(lower)) return false;
    // "terapin", "kemin": nouns in -i take -n; unlisted names in -in are rare (Karin, Jasmin are listed).
    if (lower.endsWith('in')) return true;
    for (const ending of INFLECTION_ENDINGS) {
      if (lower.length > ending.length + 2 && lower.endsWith(ending) && this.isKnownWord(lower.slice(0, -ending.length))) return true;
    }
    return false;
  }

  /** The phrase ends after the word: punctuation, the end of the text, or a word such as "igen", "men", "idag". */
  private phraseEndsAfter(i: number): boolean {
    return !this.adjacent(i, i + 1) || PHRASE_END_WORDS.has(this.lowers[i + 1]!);
  }

  /** "om zyxo qwerty?": a second unknown lower-case word, a surname, ends the phrase. */
  private lowerSurnameEndsPhrase(i: number): boolean {
    const next = i + 1;
    return this.adjacent(i, next) && this.kinds[next] === Kind.Unknown && this.shapes[next] === Shape.Lower && this.phraseEndsAfter(next) &&
      this.unknownNameLike(this.lowers[next]!) && !this.hasDefiniteEnding(this.lowers[next]!);
  }

  /** "3-åring", "7:orna", "f-klass": a word joined to a number or a letter by a hyphen or a colon is no name. */
  private afterNumber(i: number): boolean {
    const start = this.starts[i]!;
    if (start === 0) return false;
    const c = this.text.charCodeAt(start - 1);
    return c === 45 || c === 58 || (c >= 48 && c <= 57);
  }

  /** "pratat med saga och vilja": "och" and a second word that is a name, ending the phrase. */
  private namePairAfter(i: number): boolean {
    if (!this.adjacent(i, i + 1) || !AND_WORDS.has(this.lowers[i + 1]!) || !this.adjacent(i + 1, i + 2)) return false;
    const kind = this.kinds[i + 2];
    return kind === Kind.Name || kind === Kind.Ambiguous;
  }

  private siblingPair(i: number): boolean {
    let first = i;
    if (i >= 2 && AND_WORDS.has(this.lowers[i - 1]!) && this.adjacent(i, i - 1) && this.adjacent(i - 1, i - 2)) first = i - 2;
    else if (!this.namePairAfter(i)) return false;
    const firstKind = this.kinds[first];
    const secondKind = this.kinds[first + 2];
    if ((firstKind !== Kind.Name && firstKind !== Kind.Ambiguous) || (secondKind !== Kind.Name && secondKind !== Kind.Ambiguous)) return false;
    const verb = first + 3;
    return verb + 1 < this.count && (this.lowers[verb] === 'är' || this.lowers[verb] === 'var' || this.lowers[verb] === 'are') && this.adjacent(verb, verb + 1) && PAIR_NOUNS.has(this.lowers[verb + 1]!);
  }

  private pronounAfterComma(i: number): boolean {
    const next = i + 1;
    if (next + 2 >= this.count || this.text.slice(this.ends[i]!, this.starts[next]!).trim() !== ',' || !PERSON_PRONOUNS_EN.has(this.lowers[next]!)) return false;
    // Then a child's state: "she seems sad", "he is scared"; not "she said it matters".
    return (STATE_VERBS.has(this.lowers[next + 1]!) || this.lowers[next + 1] === 'looks') && PERSON_STATES.has(this.lowers[next + 2]!);
  }

  /** "heter (uttalas) ai-no", "kallas (av kompisarna) Mo": a trigger, then a short aside in brackets, then the word. */
  private asideAfterTrigger(i: number): boolean {
    const start = this.starts[i]!;
    if (start < 4 || this.text.charCodeAt(this.text.slice(0, start).trimEnd().length - 1) !== 41) return false;
    const aside = ASIDE_BEFORE.exec(this.text.slice(Math.max(0, start - 40), start));
    if (aside === null) return false;
    const asideStart = start - aside[0].length;
    let j = i - 1;
    while (j >= 0 && this.starts[j]! >= asideStart) j--;
    if (j < 0 || this.text.slice(this.ends[j]!, asideStart).trim() !== '') return false;
    return this.lists.nameTriggers.has(this.lowers[j]!) || this.lists.callingWords.has(this.lowers[j]!);
  }

  /** "Kan Mehret få gå …?", "Har Ayaan ätit?": an unknown capitalised word right after a verb opening a question. */
  private questionSubject(i: number): boolean {
    const verb = i - 1;
    if (this.english || !this.adjacent(i, verb) || !QUESTION_VERBS.has(this.lowers[verb]!) || !this.sentenceStart(verb)) return false;
    const lower = this.lowers[i]!;
    if (lower.length < 3 || this.looksLikeSwedishWord(lower) || this.nearAcronym(i) || this.capitalisedNonNameNextTo(i)) return false;
    // The subject is followed by the rest of the verb phrase, in lower case: "Kan Mehret få", "Har Ayaan inte".
    return this.adjacent(i, i + 1) && this.shapes[i + 1] === Shape.Lower && this.kinds[i + 1] !== Kind.Unknown;
  }

  /** "har ni något på Veera", "någon koll på Ilona": "på" meaning "about". */
  private aboutBefore(i: number): boolean {
    const preposition = i - 1;
    if (!this.adjacent(i, preposition) || this.lowers[preposition] !== 'på') return false;
    return this.adjacent(preposition, preposition - 1) && ABOUT_LEADS.has(this.lowers[preposition - 1]!);
  }

  /** "Saga på Ekorren", "Kaj på Humlan": a preschool group named like a thing. */
  private groupAfter(i: number): boolean {
    GROUP_AFTER.lastIndex = this.ends[i]!;
    return GROUP_AFTER.test(this.text);
  }

  /**
   * "X på förskolan säger att hon …", "X keeps saying she …": an opening word, a few words on, tells something about
   * him- or herself. Person nouns and known words are filtered out before this is asked.
   */
  private tellsAboutSelf(i: number): boolean {
    const lower = this.lowers[i]!;
    if (this.hasDefiniteEnding(lower) || this.looksLikeSwedishWord(lower)) return false;
    for (let k = i + 1; k <= i + 4 && this.adjacent(k - 1, k); k++) {
      if (!TELLING_VERBS.has(this.lowers[k]!)) continue;
      let next = k + 1;
      if (this.adjacent(k, next) && this.lowers[next] === 'för') next++;
      if (this.adjacent(next - 1, next) && TOLD_TO.has(this.lowers[next]!)) next++;
      if (this.adjacent(next - 1, next) && CLAUSE_MARKERS.has(this.lowers[next]!)) next++;
      return this.adjacent(next - 1, next) && THIRD_PERSON.has(this.lowers[next]!);
    }
    return false;
  }

  /** "lilla Sol", "stackars Mo": a word of endearment or pity right before. */
  private endearmentBefore(i: number): boolean {
    return this.adjacent(i, i - 1) && ENDEARMENTS.has(this.lowers[i - 1]!);
  }

  /** "Tsegaye (pappan) vill …", "Stig, pappan, har …": a single person's role set off by brackets or commas after the word. */
  private roleSetOffAfter(i: number): boolean {
    const noun = i + 1;
    if (noun >= this.count || !this.singularPersonNounAt(noun - 1, noun) && !this.lists.personNouns.has(this.lowers[noun]!)) return false;
    const role = this.lowers[noun]!;
    if (!(role.endsWith('en') || role.endsWith('an') || role.endsWith('et') || role.endsWith('rn'))) return false;
    const before = this.text.slice(this.ends[i]!, this.starts[noun]!).trim();
    const after = this.text.slice(this.ends[noun]!, this.ends[noun]! + 3).trimStart();
    return (before === '(' && after.startsWith(')')) || (before === ',' && after.startsWith(','));
  }

  /** "Jocke, pappan till en pojke …", "Gülten, mormor till en elev": a word set off by a comma before a relation. */
  private appositionBeforePersonNoun(i: number): boolean {
    const noun = i + 1;
    if (noun >= this.count || this.text.slice(this.ends[i]!, this.starts[noun]!).trim() !== ',') return false;
    if (!this.lists.personNouns.has(this.lowers[noun]!) || !this.adjacent(noun, noun + 1)) return false;
    return RELATION_PREPOSITIONS.has(this.lowers[noun + 1]!) || this.lowers[noun + 1] === 'to' || this.lowers[noun + 1] === 'of';
  }

  /** "igår sa sol att …", "sen berättade kenza att …": the subject right after a clause-opening verb, before "att". */
  private subjectAfterOpeningVerb(i: number): boolean {
    const verb = i - 1;
    if (!this.personVerbAt(i, verb) || !this.adjacent(i, i + 1) || this.lowers[i + 1] !== 'att') return false;
    return this.sentenceStart(verb) || (this.adjacent(verb, verb - 1) && OPENING_ADVERBS.has(this.lowers[verb - 1]!));
  }

  /** An occupation or role ("pizzeriaägaren", "rektorn", "prästen"), for genitives that are not names. */
  private isRoleNoun(lower: string): boolean {
    const roles = this.lists.roleNouns;
    if (roles.has(lower)) return true;
    for (const ending of this.lists.roleEndings) if (lower.length > ending.length + 1 && lower.endsWith(ending)) return true;
    return false;
  }

  /** "Kenza i åk 3", "Kenza (åk 2)", "Kenza på avdelning Solen", "Kenza i 4B": only a child is placed in a class. */
  private gradeAfter(i: number): boolean {
    GRADE_AFTER.lastIndex = this.ends[i]!;
    return GRADE_AFTER.test(this.text);
  }

  /** " i klassen har …", " på fritids säger …", " i min klass som …": a group, then a verb of a person (not "är 25 elever"). */
  private inGroupThenPersonVerb(i: number): boolean {
    IN_GROUP_THEN.lastIndex = this.ends[i]!;
    const match = IN_GROUP_THEN.exec(this.text);
    if (match === null) return false;
    const verb = match[1]!.toLowerCase();
    const next = (match[2] ?? '').toLowerCase();
    if (verb === 'som') return ONE_OF.has(this.lowers[i - 1] ?? '');
    if (!SUBJECT_VERBS.has(verb) && !this.lists.personVerbs.has(verb)) return false;
    return next === '' || (!DIGIT_START.test(next) && !SUBJECT_WORDS.has(next) && !this.lists.determiners.has(next));
  }

  /** "Kenza och hennes bror", "Kenza och Elif", "Kenza och mamma". */
  private companionAfter(i: number): boolean {
    if (!this.adjacent(i, i + 1) || !AND_WORDS.has(this.lowers[i + 1]!) || !this.adjacent(i + 1, i + 2)) return false;
    const next = this.lowers[i + 2]!;
    return POSSESSIVES.has(next) || this.lists.personNouns.has(next) || this.kinds[i + 2] === Kind.Name;
  }

  /** "kenza och hennes bror", "kenza och elif": only a possessive or a listed name, since "mamma och barnet" is no name. */
  private possessiveCompanionAfter(i: number): boolean {
    if (!this.adjacent(i, i + 1) || !AND_WORDS.has(this.lowers[i + 1]!) || !this.adjacent(i + 1, i + 2)) return false;
    return POSSESSIVES.has(this.lowers[i + 2]!) || this.kinds[i + 2] === Kind.Name;
  }

  /** "Elif och Kenza": a listed name before "och". */
  private companionBefore(i: number): boolean {
    return this.adjacent(i, i - 1) && AND_WORDS.has(this.lowers[i - 1]!) && this.adjacent(i - 1, i - 2) && this.kinds[i - 2] === Kind.Name;
  }

  /** A person noun for one person right before: "eleven", "mamma", "storebror" (not "föräldrar", "kompisar"). */
  private singularPersonNounAt(i: number, j: number): boolean {
    if (!this.personNounAt(i, j)) return false;
    const noun = this.lowers[j]!;
    return !noun.endsWith('ar') && !noun.endsWith('arna') && !noun.endsWith('er') && !noun.endsWith('erna') && noun !== 'barn' && noun !== 'syskon';
  }

  /** "kenzas pappa", "kenzas storebror": a kin or role noun right after. */
  private kinNounAt(j: number): boolean {
    return j < this.count && this.adjacent(j - 1, j) && this.lists.personNouns.has(this.lowers[j]!);
  }

  /** After "eleven kenza": a verb follows, as after a name ("eleven kenza är borta"), not "kompis soffa". */
  private verbAfter(i: number): boolean {
    if (!this.adjacent(i, i + 1)) return false;
    const word = this.lowers[i + 1]!;
    return this.lists.personVerbs.has(word) || SUBJECT_VERBS.has(word);
  }

  /** An opening word before "har", "ska", "vill" is the subject unless a subject follows the verb ("Idag har hon …"). */
  private subjectOfVerb(i: number): boolean {
    const after = i + 2;
    if (after >= this.count || !this.adjacent(i + 1, after)) return true;
    const word = this.lowers[after]!;
    return !SUBJECT_WORDS.has(word) && !this.lists.determiners.has(word) && !this.lists.personNouns.has(word) && this.kinds[after] !== Kind.Name;
  }

  private isKnownWord(lower: string): boolean {
    return this.lists.commonWords.has(lower) || this.nonNameWords.has(lower);
  }

  /**
   * True for words built like Swedish words rather than names: a typical noun or adjective ending
   * ("mobbning", "trygghet", "praktiska") or a compound that ends or starts with a known word ("läxhjälp", "skolfoto").
   */
  private looksLikeSwedishWord(lower: string): boolean {
    for (const ending of WORD_ENDINGS) if (lower.length > ending.length + 2 && lower.endsWith(ending)) return true;
    for (let k = 2; k <= lower.length - 4; k++) {
      const tail = lower.slice(k);
      if (this.isPlainWord(tail)) return true;
    }
    // "Skolfoto", "Barnomsorg": a known word first, in its compounding form ("skol" for "skola").
    for (let k = 4; k <= lower.length - 3; k++) {
      const head = lower.slice(0, k);
      if (this.isPlainWord(head) || this.isPlainWord(`${head}a`) || this.isPlainWord(`${head}e`)) return true;
    }
    return false;
  }

  private isPlainWord(word: string): boolean {
    return (this.lists.commonWords.has(word) || this.lists.domainWords.has(word)) && !this.lists.determiners.has(word);
  }

  /** "Kenza säger att …" at the start of a sentence, but not "Tydligen kom hon", "Sen kom inte pappan" or "Grannar säger". */
  private subjectOfPersonVerb(i: number): boolean {
    if (!this.personVerbAt(i, i + 1)) return false;
    const lower = this.lowers[i]!;
    if (this.hasNonNameEnding(lower)) return false;
    // A subject right after the verb means the first word was an adverb ("Plötsligt kom en man").
    for (let j = i + 2; j < this.count && j <= i + 3 && this.adjacent(j - 1, j); j++) {
      const word = this.lowers[j]!;
      const kind = this.kinds[j]!;
      // "gråter varje morgon", "sov hela dagen": a determiner before a word of time starts an adverbial, not a subject.
      if (this.lists.determiners.has(word) && this.adjacent(j, j + 1) && TIME_OF_DAY.has(this.lowers[j + 1]!)) break;
      if (SUBJECT_WORDS.has(word) || this.lists.determiners.has(word) || this.lists.personNouns.has(word)) return false;
      if (kind === Kind.Name || this.hasDefiniteEnding(word)) return false;
      if (!INVERSION_ADVERBS.has(word)) break;
    }
    return true;
  }

  private placeNounAfter(i: number): boolean {
    return this.adjacent(i, i + 1) && PLACE_NOUNS_AFTER.has(this.lowers[i + 1]!);
  }

  /** "mamma till Kenza", "pratade med Kenza", "ringde till Sol". */
  private personRelationBefore(i: number): boolean {
    const preposition = i - 1;
    if (!this.adjacent(i, preposition) || !RELATION_PREPOSITIONS.has(this.lowers[preposition]!)) return false;
    if (this.personVerbAt(preposition, preposition - 1)) return true;
    if (!this.personNounAt(preposition, preposition - 1)) return false;
    // "en lärare med kniv", "mamma med barnvagn": "med" after a person noun tells what they have, unless the word is plainly a name.
    return this.lowers[preposition] !== 'med' || this.shapes[i] !== Shape.Lower || this.plainlyNameShaped(this.lowers[i]!);
  }

  /** "en tjej, Kenza, som …", "eleven, Kenza, har …": a name set off by commas after a singular person noun. */
  private appositionAfterPersonNoun(i: number): boolean {
    const j = i - 1;
    if (j < 0 || !this.lists.personNouns.has(this.lowers[j]!)) return false;
    const gap = this.text.slice(this.ends[j]!, this.starts[i]!);
    if (gap.trim() !== ',') return false;
    // Not in a list of roles ("föräldrar, socialsekreterare, Familjebehandlare"): the noun needs an article or a definite ending.
    const noun = this.lowers[j]!;
    const definite = noun.endsWith('en') || noun.endsWith('an') || noun.endsWith('et') || noun.endsWith('rn');
    if (!definite && !(j > 0 && this.determinerAt(j, j - 1))) return false;
    const rest = this.text.slice(this.ends[i]!, this.ends[i]! + 6);
    return /^\s*(?:,|som\b|\(|$)/u.test(rest);
  }

  /** "heter X", "namnet är X", "förnamn: X" (Strong); "kallas för X", "kallad X" (Calling; not "så kallad"). */
  private triggerBefore(i: number): Trigger {
    let j = i - 1;
    if (j >= 0 && TRIGGER_FILLERS.has(this.lowers[j]!) && this.gapIs(j, i, true)) j--;
    // "vi kallar henne Lo", "we call him Mo".
    if (j > 0 && CALLED_PRONOUNS.has(this.lowers[j]!) && this.adjacent(j, j - 1) && (j + 1 === i || this.gapIs(j, j + 1, false))) {
      const verb = this.lowers[j - 1]!;
      if (this.lists.callingWords.has(verb) || verb === 'call' || verb === 'calls') return Trigger.Calling;
    }
    if (j < 0 || !(j + 1 === i || this.gapIs(j + 1, i, true)) || !this.gapIs(j, j + 1, true)) return Trigger.None;
    const word = this.lowers[j]!;
    // "Vad heter blanketten?", "Hur heter Team skolnärvaro?" ask for the name of a thing.
    if (j > 0 && QUESTION_WORDS.has(this.lowers[j - 1]!) && this.gapIs(j - 1, j, false)) return Trigger.None;
    if (this.lists.nameTriggers.has(word)) return Trigger.Strong;
    if (this.lists.callingWords.has(word) && !(j > 0 && this.lowers[j - 1] === 'så')) return Trigger.Calling;
    return Trigger.None;
  }

  /** True when token j exists and only spaces separate it from token i. */
  private adjacent(i: number, j: number): boolean {
    if (j < 0 || j >= this.count) return false;
    return j < i ? this.gapIs(j, i, false) : this.gapIs(i, j, false);
  }

  private personNounAt(i: number, j: number): boolean {
    return this.adjacent(i, j) && this.lists.personNouns.has(this.lowers[j]!);
  }

  private personVerbAt(i: number, j: number): boolean {
    return this.adjacent(i, j) && this.lists.personVerbs.has(this.lowers[j]!);
  }

  /** A determiner or a genitive noun before ("en björn", "barnets liv", "Elevens vilja"). */
  private determinerAt(i: number, j: number): boolean {
    if (!this.adjacent(i, j)) return false;
    const word = this.lowers[j]!;
    if (this.lists.determiners.has(word)) return true;
    const kind = this.kinds[j]!;
    if (word.length <= 3 || !word.endsWith('s') || kind === Kind.Name || kind === Kind.Ambiguous) return false;
    return kind !== Kind.Unknown || this.shapes[j] === Shape.Lower || this.sentenceStart(j);
  }

  /** After "heter x": the word ends the clause or a small word follows ("heter zyxo och går i 3:an"). */
  private endsClause(i: number): boolean {
    const next = i + 1;
    if (next >= this.count || !this.gapIs(i, next, false)) return true;
    const word = this.lowers[next]!;
    return CLAUSE_CONTINUATIONS.has(word) || this.lists.personVerbs.has(word) || this.kinds[next] === Kind.Name;
  }

  /** An acronym within two words ("enligt Sol och LVU"): "Sol" is then the law written carelessly. */
  private nearAcronym(i: number): boolean {
    for (let j = Math.max(0, i - 2); j <= Math.min(this.count - 1, i + 2); j++) {
      if (j !== i && this.kinds[j] === Kind.NonName && (this.shapes[j] === Shape.AllCaps || this.shapes[j] === Shape.MixedCaps)) return true;
    }
    return i > 0 && LAW_WORDS_BEFORE.has(this.lowers[i - 1]!);
  }

  /** "Dag 2", "Maj 2024": a number right after an ambiguous word that is not an age. */
  private numberAfter(i: number): boolean {
    NUMBER_AFTER.lastIndex = this.ends[i]!;
    return NUMBER_AFTER.test(this.text);
  }

  /** "Bo Andersson", "Anna Berg", "Bo Berg": a plain name right before or after, or two capitalised ambiguous names. */
  private nameNextTo(i: number): boolean {
    for (const j of [i - 1, i + 1]) {
      if (!this.adjacent(i, j)) continue;
      const kind = this.kinds[j]!;
      if (kind === Kind.Name) return true;
      // English capitalises titles ("Can Save the Children help?"): there two words that may be names are not enough.
      if (kind === Kind.Ambiguous && !this.english && this.shapes[i] !== Shape.Lower && this.shapes[j] !== Shape.Lower) return true;
    }
    return this.lowerFullName(i);
  }

  /**
   * "lina berg är borta", "per lind har": in lower case a first name and a surname that are both words are a name when
   * the pair is the subject of a verb ("per dag" and "sol strand och bad" are not: dag is no surname, no verb follows).
   */
  private lowerFullName(i: number): boolean {
    const j = i + 1;
    if (this.shapes[i] !== Shape.Lower || this.english || !this.adjacent(i, j) || this.kinds[j] !== Kind.Ambiguous) return false;
    const first = this.lowers[i]!;
    const last = this.lowers[j]!;
    if (!this.lists.firstNames.has(first) || this.lists.firstNames.has(last) || this.lists.places.has(last) || !this.isListedName(last)) return false;
    return this.subjectVerbAfter(j) || this.personVerbAt(j, j + 1) || (this.adjacent(j, j + 1) && STATE_VERBS.has(this.lowers[j + 1]!));
  }

  /** True when the characters between token a and a later token b are only spaces (or also ":", quotes, "-", "=" when `loose`). */
  private gapIs(a: number, b: number, loose: boolean): boolean {
    if (a === b) return true;
    const text = this.text;
    for (let k = this.ends[a]!; k < this.starts[b]!; k++) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 160 || c === 9) continue;
      if (loose && (c === 58 || c === 34 || c === 39 || c === 0x201d || c === 0x201c || c === 0x2019 || c === 45 || c === 61)) continue;
      return false;
    }
    return true;
  }

  private inDateContext(i: number): boolean {
    const before = this.text.slice(Math.max(0, this.starts[i]! - 8), this.starts[i]!);
    if (NUMBER_BEFORE.test(before)) return true;
    if (YEAR_AFTER.test(this.text.slice(this.ends[i]!, this.ends[i]! + 8))) return true;
    const previous = i - 1;
    if (previous >= 0 && this.gapIs(previous, i, true)) {
      const word = this.lowers[previous]!;
      // "mamman till Maj", "pappa åt juni": a relative's child, not a time.
      if (RELATION_PREPOSITIONS.has(word) && this.personNounAt(previous, previous - 1)) return false;
      if (MONTH_CONTEXT_BEFORE.has(word) || this.lists.calendarWords.has(word)) return true;
    }
    const next = i + 1;
    return next < this.count && this.gapIs(i, next, true) && (this.lowers[next]!.startsWith('månad') || this.lists.calendarWords.has(this.lowers[next]!));
  }

  private ageAfter(i: number, bracketedNumber = false): boolean {
    AGE_AFTER.lastIndex = this.ends[i]!;
    if (AGE_AFTER.test(this.text)) return true;
    if (!bracketedNumber) return false;
    BRACKETED_AGE_AFTER.lastIndex = this.ends[i]!;
    return BRACKETED_AGE_AFTER.test(this.text);
  }

  /** True at the start of the text, a line or a sentence (after . ! ? : ;), skipping quotes, bullets and emoji. */
  private sentenceStart(i: number): boolean {
    const text = this.text;
    for (let k = this.starts[i]! - 1; k >= 0; k--) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) return true;
      if (c === 46 || c === 33 || c === 63 || c === 58 || c === 59) return true;
      if (c === 44) return false;
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0 && c < 0x2000) return false;
    }
    return true;
  }

  private hasInstitutionEnding(lower: string): boolean {
    for (const ending of this.lists.institutionEndings) {
      if (lower.length > ending.length && lower.endsWith(ending)) return true;
    }
    return false;
  }

  /** A definite noun ("blanketten", "rektorn"), unless its letters are plainly not Swedish ("Rayhan", "Dareen"). */
  private hasDefiniteEnding(lower: string): boolean {
    if (lower.length < 5) return false;
    for (const ending of DEFINITE_ENDINGS) if (lower.endsWith(ending)) return !NOT_SWEDISH_LETTERS.test(lower);
    return false;
  }

  /** A plural or adverb ending ("Grannar", "Tydligen"), unless the letters are plainly not Swedish ("Anouar", "Thamer"). */
  private hasNonNameEnding(lower: string): boolean {
    for (const ending of NON_NAME_ENDINGS) if (lower.endsWith(ending)) return !NOT_SWEDISH_LETTERS.test(lower);
    return false;
  }
}

function shapeOf(raw: string, lower: string): Shape {
  if (raw === lower) return Shape.Lower;
  if (raw.length > 1 && raw === raw.toUpperCase()) return Shape.AllCaps;
  if (raw[0] === lower[0]) return Shape.MixedCaps;
  // Capitals only at the start of each part (Anna-Karin, Al-Hassan, O'Brien); "SoL" has one after a small letter.
  for (let k = 1; k < raw.length; k++) {
    if (raw[k] !== lower[k] && lower[k - 1] !== undefined && raw[k - 1] === lower[k - 1] && LETTER.test(raw[k - 1]!)) {
      return Shape.MixedCaps;
    }
  }
  return Shape.Capitalised;
}

/** Every word one slip from `word`: a letter left out, doubled or added, changed, or two letters swapped. */
function slipsOf(word: string): string[] {
  const slips: string[] = [];
  for (let k = 0; k < word.length; k++) {
    slips.push(word.slice(0, k) + word.slice(k + 1));
    if (k + 1 < word.length) slips.push(word.slice(0, k) + word[k + 1]! + word[k]! + word.slice(k + 2));
    for (const letter of SLIP_LETTERS) if (letter !== word[k]) slips.push(word.slice(0, k) + letter + word.slice(k + 1));
  }
  for (let k = 0; k <= word.length; k++) for (const letter of SLIP_LETTERS) slips.push(word.slice(0, k) + letter + word.slice(k));
  return slips;
}
