import type { Findings } from './findings.js';
import type { PrivacyWordLists } from './word-lists.js';

/**
 * A specific class or group: "4B", "9C" (digit and capital), "klass 4b", "åk 5 b" after a class word, "i 6a" after
 * "i", or "förskoleklass B".
 */
const CLASS_CODE =
  /(?<![\p{L}\d])(?:[1-9][A-F]|(?:klass|kl\.|åk|årskurs|grupp)\s*[1-9]\s?[a-fA-F]|(?:[Ff]örskoleklass|[Ff]-klass|fsk)\s?[A-Fa-f])(?![\p{L}\d§])|(?<![\p{L}])(?:i|från|till)\s+[1-9][a-f](?![\p{L}\d§])/u;
/**
 * "den enda eleven", "enda flickan i klassen", "den ende pojken som", "den enda i klassen som …", "bara en flicka i
 * förskoleklassen som …", "the only girl in 4B".
 */
const ONLY_ONE =
  /(?<![\p{L}])(?:(?:den|det|är|var|vår|vårt|min|mitt)\s+end[ae]\s+(?:[\p{L}]+\s+)?|(?:bara|endast)\s+(?:en|ett)\s+(?=\p{L}+\s(?:[^.!?\n]{0,40}\s)?som\s))(?:elev|barn|flick|pojk|tjej|kille|killen|unge|familj|syskon|tvilling|förälder|mamma|pappa|son|dotter)\p{L}*|(?<![\p{L}])(?:de|dom)\s+enda\s+(?:med|utan|som)\s|(?<![\p{L}])den\s+end[ae]\s+(?:med|utan|som\s+har|som\s+bär)\s[^.!?\n]{1,40}?(?:i|på)\s+(?:klassen|gruppen|skolan|förskolan|avdelningen|årskursen|[1-9][a-fA-F](?![\p{L}\d]))|(?<![\p{L}])(?:den|det|de|dom)\s+end[ae]\s+(?:\p{L}+\s+)?(?:i|på|av)\s+(?:kommunen|området|byn|orten|stan|staden|länet|landet|klassen|gruppen|skolan|förskolan|avdelningen|årskursen|[1-9][a-fA-F](?![\p{L}\d]))|(?<![\p{L}])the\s+only\s+(?:ones?\s+)?(?:\p{L}+\s+)?in\s+(?:the\s+)?(?:municipality|area|town|village|county)(?![\p{L}])|(?<![\p{L}])(?:the|our|my)\s+only\s+(?:\p{L}+\s+)?(?:girls?|boys?|child|children|kids?|pupils?|students?|one|family|families|twins|triplets|siblings|brothers|sisters|user|refugee|newcomer)(?![\p{L}])|(?<![\p{L}])(?:den|det)\s+(?:äldsta|yngsta|längsta|kortaste|minsta|största|tyngsta)\s+(?:elev|barn|flick|pojk|tjej|kill|unge)\p{L}*|(?<![\p{L}])the\s+(?:oldest|youngest|tallest|shortest|smallest|biggest)\s+(?:girl|boy|child|kid|pupil|student)(?![\p{L}])|(?<![\p{L}])(?:den|det|the)\s+\p{L}+(?:aste|sta|est)\s+(?:(?:i|på|in|at)\s+(?:hela\s+|the\s+(?:whole\s+)?)?)(?:klassen|skolan|gruppen|förskolan|avdelningen|årskursen|stadiet|class|school|group|year)(?![\p{L}])/iu;
/** "bara en elev med diabetes i förskoleklassen och det är hon", "only one pupil … and that's him": the one pointed at. */
const ONLY_ONE_POINTED =
  /(?<![\p{L}])(?:(?:bara|endast)\s+(?:en|ett)|only\s+one)\s+(?:elev|barn|flicka|pojke|tjej|kille|familj|pupil|child|girl|boy|kid|family)[^.!?\n]{0,80}(?:det\s+är\s+(?:hon|han|hen|den\s+\p{L}+)|that'?s\s+(?:her|him|them))(?![\p{L}])/iu;
const ONLY_HINT = /bara|endast|only/i;
/** An age: "8 år", "8-åring", "åttaåring". */
const AGE =
  /\d\s*-?år(?:ing|ig|iga|igt)?(?![\p{L}])|(?<![\p{L}])(?:är|var|blir|fyller|is|was)\s+(?:bara\s+|redan\s+|only\s+|just\s+)?(?:fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\s+(?:år|years)(?![\p{L}])|\p{L}år(?:ing|ig|iga|igt)(?![\p{L}])|\d+[-\s]years?[-\s]old(?![\p{L}])/u;
/** A named school or preschool: "Hallundaskolan", "Tullinge förskola". */
const SCHOOL_NAME = /(?<!\p{L})(\p{Lu}\p{L}*)(?:skolan|skola)(?![\p{L}])|(?<!\p{L})(\p{Lu}\p{L}+)\s(?:skola|förskola|skolan|förskolan|school|preschool|primary)(?![\p{L}])/gu;
/** A grade: "årskurs 3", "åk 5", "i trean", "3:an", "förskoleklass", "year 5". */
const GRADE =
  /(?<![\p{L}])(?:årskurs\s?[1-9]|åk\s?[1-9]|[1-9]:(?:an|orna|or)|(?:ettan|tvåan|trean|fyran|femman|sexan|sjuan|åttan|nian)|förskoleklass\p{L}*|year\s?[1-9]|grade\s?[1-9])(?![\p{L}\d])/iu;
/** A preschool group, which narrows as much as a class: "på avdelning Solen", "på Solrosen", "i Ekorrens grupp". */
const PRESCHOOL_GROUP =
  /(?<![\p{L}])(?:(?:på|i)\s+avdelning(?:en)?|avd\.?|(?:preschool\s+)?group)\s+\p{Lu}|(?<![\p{L}])på\s+(?!\p{Lu}\p{Ll}*skolan)\p{Lu}\p{Ll}+(?:en|an|na|n)(?![\p{L}])|\p{Lu}\p{Ll}+s\s+grupp(?![\p{L}])/u;
const WORD = /[\p{L}]+(?:['’][\p{L}]+)*/gu;

/** A family that runs a business: "familjen som driver kiosken", "paret som äger frisersalongen", "runs the kebab shop". */
const BUSINESS =
  /(?<![\p{L}])(?:driver|äger|runs|owns|run|own)\s+(?:en\s+|ett\s+|den\s+|det\s+|the\s+|a\s+)?(?:\p{L}+\s+)?\p{L}*(?:kiosk(?:en)?|pizzeria(?:n)?|salong(?:en)?|restaurang(?:en)?|butik(?:en)?|affär(?:en)?|caf[eé](?:t|et)?|kaf[eé](?:t|et)?|bageri(?:et)?|verkstad(?:en)?|firma(?:n)?|grill(?:en)?|tvätteri(?:et)?|gym(?:met)?|gård(?:en)?|stall(?:et)?|apotek(?:et)?|pharmacy|chemist|mack(?:en)?|hotell(?:et)?|vandrarhem(?:met)?|camping(?:en)?|åkeri(?:et)?|taxi(?:bolaget)?|frisör(?:en)?|farm|stables?|hotel|petrol\s+station|gas\s+station|shop|store|restaurant|takeaway|bakery|garage|salon)(?![\p{L}])/iu;
/**
 * Something that happened to one child or family and that others know of: in the news, a crime, a fire, an
 * accident, a championship or an award.
 */
const EVENT =
  /(?<![\p{L}])(?:stod\s+om|i\s+(?:lokal)?tidningen|tv-program\p{L}*|tv-serie\p{L}*|dokusåpa\p{L}*|realityserie\p{L}*|dokumentär\p{L}*|(?:är|var|varit)\s+med\s+i\s+(?:en\s+|ett\s+)?(?:tv|\p{Lu}\p{Ll}+\s+\p{Ll}+)|på\s+tv|nyheterna|artikel\p{L}*|in\s+the\s+(?:local\s+)?(?:news|newspaper|paper)|on\s+(?:tv|the\s+news)|sköts|skjuten|skjutits|efterlys\p{L}*|försvunnen|försvann|kidnapp\p{L}*|bortförd|knivhöggs|knivhuggen|knivhugg\p{L}*|skottlossning\p{L}*|skjutning\p{L}*|skjutningen|mordet|explosion\p{L}*|mördades|mördad|omkom|dog\s+i|brann|påkörd|överkörd|misshandlad\p{L}*|hit\s+by\s+a|brände|tände\s+eld|häktad|häktades|fängelse|fängelset|anhållen|känd\s+från|in\s+prison|in\s+jail|famous|gripen|greps|gripna|anhållna|häktade|dömda|dömd|dömdes|rånet|rånade|olyckan|bilolyckan|ambulans\p{L}*|vann|vinnare|was\s+shot|got\s+shot|went\s+missing|reported\s+missing|stabbed|murdered|arrested|convicted|died\s+in|set\s+(?:the\s+|a\s+)?fire|started\s+(?:the\s+|a\s+)?fire|anlade\s+branden|startade\s+branden|bäst\s+i\s+(?:sverige|landet|kommunen|världen|europa|norden|länet|distriktet)|best\s+in\s+(?:sweden|the\s+country|the\s+world|the\s+region)|hoppat\s+över\s+(?:en|ett|två)\s+(?:årskurs|år|klass)\p{L}*|skipped\s+a\s+(?:grade|year)|(?:redan|already)\s+(?:går\s+på|läser\s+på|studerar\s+på|goes\s+to|attends|is\s+at)\s+(?:gymnasiet|universitet\p{L}*|högskola\p{L}*|university|college|high\s+school)|burned\s+down|won|championship|award|prize)(?![\p{L}])|(?<![\p{L}])(?:(?:kom|hamnade|slutade|came|finished)\s+(?:på\s+)?(?:första|andra|tredje|fjärde|1:a|2:a|3:e|first|second|third)(?:\s+plats)?|(?:tävling|talangtävling|talangjakt|melodifestival|finalen|final)\p{L}*|talent\s+show|competition)|national\s+team|champion\p{L}*|(?:mästerskap|mästare|stipendi|medalj|pokal|landslag)|(?<![\p{L}\d])(?:SM|VM|EM|JSM|USM)(?![\p{L}\d])/iu;
/** A rare attribute that few children in a group share. */
const RARE_ATTRIBUTE =
  /(?<![\p{L}])(?:hörapparat\p{L}*|rullstol\p{L}*|ledarhund\p{L}*|cochleaimplantat\p{L}*|protes\p{L}*|amputer\p{L}*|downs\s+syndrom|\p{L}+s\s+syndrom|albinism|albino|dvärgväxt\p{L}*|kortväxt\p{L}*|ryggmärgsbråck|cp-?skad\p{L}*|cerebral\s+pares|stomi|sondmat\p{L}*|(?:två|2)\s+meter\s+lång|blind\p{L}*|döv\p{L}*|prosthe\p{L}*|tvilling\p{L}*|trillingar\p{L}*|fyrling\p{L}*|trakeostom\p{L}*|tracheostomy|saknar\s+(?:en|ett|ena|sin|sitt)\s+(?:arm|ben|hand|fot|öga|öra)|enarmad|enbent|(?:is\s+)?missing\s+(?:an?\s+|one\s+)?(?:arm|leg|hand|foot|eye)|väger\s+(?:över\s+)?\d{2,3}\s*(?:kilo|kg)|\d{3}\s*cm\s+lång|weighs\s+\d{2,3}|wheelchair|hearing\s+aid|guide\s+dog|twins|triplets|albinism|dwarfism)(?![\p{L}])/iu;
/**
 * A condition, diagnosis or life event that few children in one class share: with a class, group, grade, school or
 * age it points to one child ("en kille i åttan med cancer", "the girl in 5B with type 1 diabetes").
 */
const CONDITION = new RegExp(
  `(?<![\\p{L}])(?:diabetes|epilep\\p{L}*|cancer\\p{L}*|leukemi|leuk(?:a)?emia|tumör\\p{L}*|tumou?r|hjärtfel|hjärtsjukdom|heart\\s+condition|njursjuk\\p{L}*|kidney\\s+disease|transplant\\p{L}*|dialys|dialysis|cystisk\\s+fibros|cystic\\s+fibrosis|reumati\\p{L}*|gravid\\p{L}*|pregnant|fått\\s+(?:ett\\s+)?barn|had\\s+a\\s+baby|adopter\\p{L}*|adopted|familjehem\\p{L}*|foster\\s+(?:home|care|family|parents)|jourhem\\p{L}*|hvb\\p{L}*|stamning|stammar|stutter\\p{L}*|ärr|scars?|brännskad\\p{L}*|burn\\s+injur\\p{L}*|tourette\\p{L}*|mutism|synskad\\p{L}*|hörselskad\\p{L}*|visually\\s+impaired|deaf|hearing\\s+impaired|slöja|hijab|niqab|turban|avliden|avled|gick\\s+bort|har\\s+dött|dött|died|passed\\s+away|förlorat\\s+sin|förlorade\\s+sin|lost\\s+(?:his|her|their)|sondmatning|tube[-\\s]fed|insulinpump|insulin\\s+pump|trans(?:person|kille|tjej)?|transgender|könsbyte|anorexi\\p{L}*|anorexia|ätstörning\\p{L}*|eating\\s+disorder|självskad\\p{L}*|self[-\\s]harm\\p{L}*|brand(?:en)?|(?:a|the)\\s+fire|` +
    // A family or a home few children have: two mothers, a twin, brothers in the same school, living with a grandparent.
    `(?:två|tre|2|3)\\s+(?:mammor|pappor)|(?:two|three|2|3)\\s+(?:mums|moms|mothers|dads|fathers)|tvilling\\p{L}*|twin\\p{L}*|` +
    `(?:syskon|bröder|systrar|siblings|brothers|sisters)\\s+(?:i|på|in|at)\\s+(?:samma|the\\s+same)|` +
    `(?:bor|bodde|lives|lived|living)\\s+(?:med|hos|with)\\s+(?:sin|sina|his|her|their)\\s+(?:mormor|morfar|farmor|farfar|moster|morbror|faster|farbror|storebror|storasyster|grand\\p{L}*|aunt|uncle)|` +
    `skyddat\\s+boende|protected\\s+housing|` +
    // A rare illness, named or not: "en sällsynt muskelsjukdom", "a rare syndrome".
    `(?:sällsynt|ovanlig)\\p{L}*\\s+(?:\\p{L}+\\s+)?(?:\\p{L}*sjukdom\\p{L}*|diagnos\\p{L}*|syndrom\\p{L}*|tillstånd\\p{L}*)|rare\\s+(?:\\p{L}+\\s+)?(?:disease|condition|syndrome|diagnosis|illness|disorder)|muskelsjuk\\p{L}*|muskeldystrofi|muscular\\s+dystrophy|blödarsjuk\\p{L}*|hemofili|ha?emophilia|spina\\s+bifida|sickelcell\\p{L}*|sicklecell\\p{L}*|sickle[-\\s]cell)(?![\\p{L}])`,
  'iu',
);
/** A home few children have: a campsite, a caravan, a hotel, a car. */
const UNUSUAL_HOME = new RegExp(
  `(?<![\\p{L}])(?:bor|bodde|sover|lives|lived|living|sleeps)\\s+(?:på|i|in|at)\\s+(?:en\\s+|ett\\s+|a\\s+|the\\s+)?(?:campingen|camping|husvagn\\p{L}*|husbil\\p{L}*|hotell\\p{L}*|vandrarhem\\p{L}*|bilen|tält\\p{L}*|prästgården|caravan|camper|campsite|hotel|hostel|car|tent|van)(?![\\p{L}])`,
  'iu',
);
/**
 * A family everyone in the area knows: "familjen som alla känner till", "den kända familjen", "a family everyone
 * knows".
 */
const KNOWN_FAMILY =
  /(?<![\p{L}])(?:(?:som|that|who)\s+(?:alla|everyone|everybody|hela\s+(?:området|byn|orten|skolan|kommunen))(?:\s+\p{L}+){0,3}?\s+(?:känner|vet\s+vem|vet\s+om|knows|has\s+heard\s+of)|(?:familjen|family)\s+(?:alla|everyone|everybody)(?:\s+\p{L}+){0,3}?\s+(?:känner|knows)|(?:kända|ökända|välkända|beryktade|known|well-known|notorious)\s+(?:familj\p{L}*|family|släkt\p{L}*|klan\p{L}*|clan))(?![\p{L}])/iu;
/** Where a home is, told by what lies next to it: "bor i lägenheten ovanför tandläkaren", "the yellow house by the church". */
const HOME_BY_LANDMARK =
  /(?<![\p{L}])(?:(?:bor|bodde|lives|lived)\s+[^.!?\n]{0,40}?(?:ovanför|nedanför|bredvid|mittemot|intill|granne\s+med|next\s+door\s+to|next\s+to|opposite|above)\s|(?:i|in)\s+(?:det|den|the)\s+(?:gula|röda|blå|blåa|vita|gröna|svarta|rosa|yellow|red|blue|white|green|black|pink)\s+(?:huset|villan|gården|radhuset|stugan|house|villa|cottage))/iu;
/** A parent's named employer or team: "vars mamma jobbar på ICA Maxi", "whose dad plays for Hammarby". */
const PARENT_AT_NAMED =
  /(?<![\p{L}])(?:vars|whose|hans|hennes|his|her|elevens|barnets|pojkens|flickans)\s+(?:mamma|pappa|mor|far|förälder|föräldrar|styvpappa|styvmamma|mum|mom|dad|mother|father|parents?|stepdad|stepmum)\s+(?:är\s+\p{L}+|jobbar|arbetar|spelar|is\s+(?:a\s+|an\s+|the\s+)?\p{L}+|works|plays)\s+(?:som\s+\p{L}+\s+|as\s+(?:a\s+|an\s+)?\p{L}+\s+)?(?:på|för|hos|at|for)\s+\p{Lu}/u;
/** "vars pappa sitter i fängelse", "whose mum is a famous singer": a relative's event or fame points to one child. */
const KIN_HINT = /vars|whose|hans|hennes|his|her/i;
const KIN_SUBJECT =
  /(?<![\p{L}])(?:vars|whose|hans|hennes|his|her)\s+(?:mamma|pappa|mor|far|förälder|föräldrar|bror|storebror|lillebror|syster|storasyster|lillasyster|styvpappa|styvmamma|mum|mom|dad|mother|father|parents?|brother|sister)\s(?<rest>[^.!?\n]{0,60})/iu;
const FAMOUS = /(?<![\p{L}])(?:kända?|välkända?|berömda?|ökända?|famous|well-known|notorious)(?![\p{L}])/iu;
/** A question about children in general: it opens with a question word and ends in a question mark. */
const GENERAL_QUESTION = /^\s*(?:hur|vad|vilka|vilken|vilket|när|kan|får|ska|bör|finns|what|how|can|should|is\s+there|are\s+there)(?![\p{L}])[^?]*\?\s*$/iu;
/** The writer's own class or group: "i min klass", "in our group". */
const OWN_GROUP = /(?<![\p{L}])(?:i|in)\s+(?:min|vår|my|our)\s+(?:klass|grupp|class|group)(?![\p{L}])/iu;
/** Diagnoses several children in a grade share: they narrow a child down only with a class, a group or a school. */
const COMMON_CONDITION = /(?<![\p{L}])(?:autism\p{L}*|autistic|adhd)(?![\p{L}])/iu;
/**
 * Alone in something: "är ensam om att ha turban på skolan", "ingen annan elev i klassen har", "nobody else in the
 * class has".
 */
const ALONE =
  /(?<![\p{L}])(?:(?<!(?:jag|vi|man|I|we)\s+)(?:är|var|blir)\s+ensamm?a?\s+(?:[\p{L}]+\s+){0,3}?om\s+att|ingen\s+annan\s+(?:elev|i\s+klassen|på\s+skolan|i\s+gruppen|på\s+förskolan|barn|familj)|(?:nobody|no\s+one|no\s+other\s+(?:pupil|child|kid|family))\s+else\s+in\s+(?:the|our|his|her)\s+(?:class|school|group|preschool))/iu;
/** Siblings or a family named together with their classes: "tre bröder i 2A, 4A och 6A". */
const SIBLING_WORDS =
  /(?<![\p{L}])(?:(?:två|tre|fyra|fem|sex|[2-6]|two|three|four|five|six|the)\s+(?:syskon|bröder|brorsor|systrar|siblings|brothers|sisters)|syskonen|bröderna|systrarna|storebror|lillebror|storasyster|lillasyster)(?![\p{L}])/iu;
const CLASS_CODES = /(?<![\p{L}\d])[1-9][A-F](?![\p{L}\d])/gu;
/** Two or three mothers or fathers. */
const SAME_SEX_PARENTS = /(?<![\p{L}])(?:(?:två|tre|2|3)\s+(?:mammor|pappor)|(?:two|three|2|3)\s+(?:mums|moms|mothers|dads|fathers))(?![\p{L}])/iu;
/** A particular child or family: "pojken", "femåringen", "flickan som", "han som", "the boy". */
const SPECIFIC =
  /(?<![\p{L}])(?:pojken|flickan|killen|tjejen|eleven|barnet|barnen|familjen|syskonen|tvillingarna|trillingarna|fyrlingarna|paret|(?:han|hon|hen)\s+som|the\s+(?:boy|girl|kid|child|pupil|family|twins))(?![\p{L}])/iu;
/**
 * "femåringen", "5-åringen": a word ending in "åringen". Found from its ending, as the letters before it can be any; a
 * pattern led by \p{L}* would be tried at every word.
 */
const SPECIFIC_AGE_WORD = /åringen(?![\p{L}])/iu;
/** A relative of someone else: "syster till en av de gripna", "the brother of the boy who". */
const KIN_OF_SOMEONE =
  /(?<![\p{L}])(?:syster|bror|brorsa|son|dotter|barn|barnet|kusin|kusinen|sister|brother|daughter|child|cousin)\s+(?:till|of)\s/iu;
/*
 * Hints: literal parts that every match of the pattern named contains, under the same flags. A hint is far cheaper to
 * look for than the pattern, and where it is missing the pattern cannot match.
 */
const KIN_OF_HINT = /(?:till|of)\s/iu;
const GRADE_HINT = /årskurs|åk|[1-9]:|ettan|tvåan|trean|fyran|femman|sexan|sjuan|åttan|nian|förskoleklass|year|grade/iu;
/** AGE is case-sensitive, and so is its hint. */
const AGE_HINT = /\d\s*-?år|\sår|åri|year/u;
const PRESCHOOL_GROUP_HINT = /avd|group|grupp|på\s+\p{Lu}/u;
const CLASS_CODE_HINT = /[1-9]\s?[a-fA-F]|örskoleklass|-klass|fsk/u;
const SCHOOL_NAME_HINT = /skola|school|primary/u;
/** "enda", "ende", "endast", "bara", "only"; or a superlative ("äldsta", "kortaste", "oldest") and a space. */
const ONLY_ONE_HINT = /end|bara|only|st[ae]?\s/iu;
const ALONE_HINT = /ensam|ingen|else/iu;
const VERY_LARGE_FAMILY_HINT = /syskon|bröder|systrar|siblings|brothers|sisters/iu;
const KNOWN_FAMILY_HINT = /känner|vet|knows|heard|familj|family|släkt|klan|clan/iu;
const FAMILY_SIZE_HINT = /barn|syskon|bröder|systrar|children|kids|siblings|brothers|sisters/iu;
const NEWLY_ARRIVED_HINT = /nyanländ|newly|flykting|refugee|asyl|från|from|kom\s+hit|came|arrived/iu;
const RARE_ATTRIBUTE_HINT =
  /hörapparat|rullstol|ledarhund|cochleaimplantat|protes|amputer|syndrom|albin|dvärgväxt|kortväxt|ryggmärgsbråck|cp-?skad|cerebral|stomi|sondmat|meter|blind|döv|prosthe|tvilling|trillingar|fyrling|trakeostom|tracheostomy|saknar|enarmad|enbent|missing|väger|cm|weighs|wheelchair|hearing|guide|twins|triplets|dwarfism/iu;
/** When something happened: "i somras", "förra veckan", "i oktober", "last week". */
const TIME =
  /(?<![\p{L}])(?:i\s+(?:somras|våras|höstas|vintras|fjol)|förra\s+(?:veckan|månaden|terminen|året|måndagen|tisdagen|onsdagen|torsdagen|fredagen|helgen)|i\s+(?:måndags|tisdags|onsdags|torsdags|fredags|lördags|söndags)|i\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)|last\s+(?:week|month|term|year|spring|summer|autumn|winter))(?![\p{L}])/iu;
/** A newly arrived family. */
const NEWLY_ARRIVED =
  /(?<![\p{L}])(?:nyanländ\p{L}*|newly\s+arrived|(?:ny|nya|new)\s+(?:familj\p{L}*|family)\s+(?:från|from)\s|flykting\p{L}*|refugee|asylsökande|asylum\s+seek\p{L}*|kom\s+(?:hit\s+)?från\s+\p{Lu}|(?:flyttade|flyttat|moved)\s+(?:hit|here|to\s+\p{L}+)\s+(?:från|from)\s+\p{Lu}|(?:came|arrived)\s+(?:here\s+)?from\s+\p{Lu}|kom\s+hit\s+(?:i|förra|in)\s|(?:flydde|flytt|fled|escaped)\s+(?:hit\s+|here\s+)?(?:från|from)\s+\p{Lu}|(?:nyss|precis|just)\s+(?:kommit|flyttat|kom|flyttade|came|moved|arrived)\s+(?:hit\s+|here\s+)?(?:från|from)\s|(?:kommit|flyttat)\s+hit\s+från\s|(?:came|arrived)\s+(?:here\s+)?(?:in|last)\s)/iu;
const FROM_HINT = /från|from/i;
/** "den nya eleven från Ukraina", "the new pupil from Eritrea": one new child, from a named country (not "nya elever från"). */
const NEW_FROM =
  /(?<![\p{L}])(?:[Nn]ya?|[Nn]ye|[Nn]ytt|[Nn]ew)\s+(?:eleven|elev|flickan|flicka|pojken|pojke|tjejen|tjej|killen|kille|barnet|barn|pupil|girl|boy|child|kid|student)\s+(?:från|from)\s+\p{Lu}/u;
/** A family size few share: "fem barn", "sju syskon", "six children". */
const FAMILY_SIZE =
  /(?<![\p{L}])(?:(?:fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|[5-9]|1\d)\s+(?:barn|syskon|bröder|systrar)|(?:five|six|seven|eight|nine|ten|eleven|twelve|[5-9]|1\d)\s+(?:children|kids|siblings|brothers|sisters))(?![\p{L}])/iu;
/** A parent who works at the writer's own school: "vars mamma jobbar här", "whose mum works at the school". */
const PARENT_WORKS_HERE =
  /(?<![\p{L}])(?:vars|whose|hans|hennes|his|her)\s+(?:mamma|pappa|förälder|föräldrar|mum|mom|dad|mother|father|parents?)\s+(?:jobbar|arbetar|works?|is\s+working)\s+(?:här|(?:på|i)\s+(?:skolan|förskolan|fritids|köket|matsalen)|here|(?:at|in)\s+(?:the|our)\s+(?:school|preschool|canteen|kitchen))(?![\p{L}])/iu;
const WORKS_HINT = /jobbar|arbetar|work/i;
const MANY_CHILDREN_HINT = /barn|children|kids/i;
/** A family with many children: "familjen med elva barn", "mamman har nio barn", "a family with ten kids". */
const MANY_CHILDREN =
  /(?<![\p{L}])(?:familj\p{L}*|mamma\p{L}*|pappa\p{L}*|föräldrar\p{L}*|family|mother|father|parents)\s+(?:med|som\s+har|har|with|has|have|who\s+have)\s+(?:åtta|nio|tio|elva|tolv|tretton|fjorton|femton|[89]|1\d|eight|nine|ten|eleven|twelve)\s+(?:barn|children|kids)(?![\p{L}])/iu;
/** A family so large that few in a municipality share it: "elva syskon", "twelve siblings". */
const VERY_LARGE_FAMILY =
  /(?<![\p{L}\d])(?:åtta|nio|tio|elva|tolv|tretton|fjorton|femton|[89]|1\d|eight|nine|ten|eleven|twelve)\s+(?:syskon|bröder|systrar|siblings|brothers|sisters)(?![\p{L}])/iu;
/** A named place nearby: "vid Tumba torg", "i Tullinge", "by the station". */
/** Every named place after a preposition of place. */
const PLACE_ALL = /(?<![\p{L}])(?:i|på|från|vid|in|at|near)\s+(\p{Lu}\p{Ll}+)/gu;
/** Places too wide to narrow a child down. */
const WIDE_PLACES = new Set(['botkyrka', 'sverige', 'sweden', 'stockholm', 'europa', 'europe']);
const PLACE = /(?<![\p{L}])(?:vid|i|utanför|bakom|near|by)\s+(?:the\s+station|\p{Lu}\p{Ll}+)/u;

/** Words between a kin noun and a role: "dotter till vår skolsköterska", "son of the vicar". */
const KIN_TO_ROLE = new Set(['till', 'åt', 'of']);
const ROLE_DETERMINERS = new Set(['vår', 'vårt', 'våra', 'en', 'ett', 'den', 'the', 'a', 'an', 'our', 'local', 'stora', 'lokala', 'av', 'one', 'of', 'någon', 'några']);
/** Verbs between a parent and a role: "pappa är polis", "mamma jobbar som läkare", "sitter i fullmäktige", "whose dad coaches". */
const ROLE_VERBS = new Set([
  'är', 'var', 'jobbar', 'arbetar', 'sitter', 'kör', 'is', 'was', 'works', 'sits', 'drives', 'coaches', 'runs', 'owns', 'leads', 'trains',
]);
const ROLE_VERB_FILLERS = new Set([
  'som', 'as', 'a', 'an', 'en', 'ett', 'the', 'i', 'in', 'on', 'själv', 'själva', 'den', 'det', 'enda', 'ende', 'only', 'one', 'of',
]);
/** Words between parents and their verb: "vars föräldrar båda är poliser", "whose parents both are". */
const BOTH = new Set(['båda', 'bägge', 'both']);
const INDEFINITE = new Set(['en', 'ett', 'a', 'an', 'någon', 'any', 'some', 'om', 'if', 'när', 'when']);
const FIRST_PERSON = new Set(['min', 'mitt', 'mina', 'my']);
const ADVERBS = new Set(['också', 'även', 'inte', 'nu', 'fortfarande', 'redan', 'bara', 'also', 'still', 'not', 'now', 'only', 'just']);
/** Verbs that are the role themselves after "whose dad": "coaches the team", "runs the shop". */
const ROLE_AS_VERB = new Set(['coaches', 'runs', 'owns', 'leads', 'trains', 'preaches']);

/**
 * Finds quasi-identifiers: details that do not name a child but narrow them down. Each detail is weighed: a
 * relative's role ("prästens dotter", "vars pappa är polis"), a family business, an event others know of (in the
 * newspaper, a shooting, a championship), being the only one, or a rare attribute with a small group is enough on
 * its own; a class code, a preschool group, a grade, a time, a named place, a newly arrived or large family count
 * when two come together. They get a warning and a question whether it can be said more generally, not a refusal.
 */
export class QuasiIdentifierDetector {
  constructor(private readonly lists: PrivacyWordLists) {}

  /** Marks `findings` as quasi when the text narrows a child down. */
  detect(text: string, findings: Findings): void {
    if (this.narrows(text, findings)) findings.markQuasi();
  }

  private narrows(text: string, findings: Findings): boolean {
    if (this.narrowsOnItsOwn(text)) return true;
    // The details below are weighed together. Each test is pure, so they are run cheapest and most telling first and
    // only when their answer can still matter: most texts have none of them.
    const specific = SPECIFIC.test(text) || SPECIFIC_AGE_WORD.test(text) || (KIN_OF_HINT.test(text) && KIN_OF_SOMEONE.test(text));
    const time = TIME.test(text);
    const classCode = this.classCode(text, findings);
    const preschoolGroup = PRESCHOOL_GROUP_HINT.test(text) && PRESCHOOL_GROUP.test(text);
    const group = classCode || preschoolGroup || OWN_GROUP.test(text);
    const grade = GRADE_HINT.test(text) && GRADE.test(text);
    const school = this.hasSchoolName(text);
    const age = AGE_HINT.test(text) && AGE.test(text);
    let area: boolean | undefined;
    const inArea = (): boolean => (area ??= this.namedArea(text));
    // An event with a child, a time, a group or an age; "rånet i Fittja centrum": an event in a named part of the municipality.
    if ((specific || time || group || grade || age || inArea()) && EVENT.test(text)) return true;
    if ((specific || group || grade || school || inArea()) && RARE_ATTRIBUTE_HINT.test(text) && RARE_ATTRIBUTE.test(text)) return true;
    if ((group || grade || school || age) && CONDITION.test(text)) return true;
    if ((group || school || (specific && (grade || age))) && COMMON_CONDITION.test(text)) return true;
    if ((specific || group || grade || school || age) && (UNUSUAL_HOME.test(text) || (KNOWN_FAMILY_HINT.test(text) && KNOWN_FAMILY.test(text)) || HOME_BY_LANDMARK.test(text))) return true;
    // "barnet som har tre mammor": a family few have, said of one child.
    if (specific && SAME_SEX_PARENTS.test(text)) return true;
    if (school && (age || grade) && this.hasDetailWord(text)) return true;
    if (classCode && (age || school || this.hasDetailWord(text))) return true;
    // Staff name their own preschool group in passing ("Pedagogerna på avdelningen Solen är oroliga för ett barn").
    if (preschoolGroup && (age || specific)) return true;
    // "en 11-årig flicka i Hallunda", "en 15-åring i Storvreten": an age and the area a child lives in.
    if (age && inArea()) return true;
    // Two of: a group, a grade or school, a time, a newly arrived family, a family size, a place said of one child.
    let details = Number(group) + Number(grade || school) + Number(time) + Number(specific && PLACE.test(text));
    if (details >= 2) return true;
    if ((NEWLY_ARRIVED_HINT.test(text) && NEWLY_ARRIVED.test(text)) || (FROM_HINT.test(text) && NEW_FROM.test(text))) details++;
    if (details === 0) return false;
    return details >= 2 || (FAMILY_SIZE_HINT.test(text) && FAMILY_SIZE.test(text));
  }

  /** Details that narrow a child down on their own: the only one, a family business, a relative's role or fame. */
  private narrowsOnItsOwn(text: string): boolean {
    if ((ONLY_ONE_HINT.test(text) && ONLY_ONE.test(text)) || (ONLY_HINT.test(text) && ONLY_ONE_POINTED.test(text)) || BUSINESS.test(text) || this.kinOfRole(text)) return true;
    if (VERY_LARGE_FAMILY_HINT.test(text) && VERY_LARGE_FAMILY.test(text)) return true;
    if (ALONE_HINT.test(text) && ALONE.test(text)) return true;
    if (SIBLING_WORDS.test(text) && (text.match(CLASS_CODES)?.length ?? 0) >= 2) return true;
    if (MANY_CHILDREN_HINT.test(text) && MANY_CHILDREN.test(text)) return true;
    if (WORKS_HINT.test(text) && PARENT_WORKS_HERE.test(text)) return true;
    if (PARENT_AT_NAMED.test(text)) return true;
    // Not a general question ("Hur pratar man med barn vars förälder sitter i fängelse?").
    if (KIN_HINT.test(text) && !GENERAL_QUESTION.test(text)) {
      const rest = KIN_SUBJECT.exec(text)?.groups?.rest;
      if (rest !== undefined && (EVENT.test(rest) || FAMOUS.test(rest))) return true;
    }
    return false;
  }

  /** A named place below the municipality ("i Hallunda", "i Tullinge"), not the country, region or municipality. */
  private namedArea(text: string): boolean {
    PLACE_ALL.lastIndex = 0;
    for (let match = PLACE_ALL.exec(text); match !== null; match = PLACE_ALL.exec(text)) {
      const place = match[1]!.toLowerCase();
      if (this.lists.places.has(place) && !WIDE_PLACES.has(place)) return true;
    }
    return false;
  }

  private classCode(text: string, findings: Findings): boolean {
    if (!CLASS_CODE_HINT.test(text)) return false;
    const classCode = CLASS_CODE.exec(text);
    return classCode !== null && !findings.overlapsClaimed(classCode.index, classCode.index + classCode[0].length);
  }

  /**
   * A child named by a relative's role: "Imamens son", "vår kollegas barn", "the pastor's daughter", "dottern till
   * fotbollstränaren", "vars pappa är polis", "Elevens pappa är tandläkare", "whose dad coaches the team".
   */
  private kinOfRole(text: string): boolean {
    const words: string[] = [];
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) words.push(match[0].toLowerCase().replace('’', "'"));
    const kin = this.lists.personNouns;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (!kin.has(word)) continue;
      // "Prästens dotter", "vår vaktmästares barnbarn", "the pastor's daughter".
      if (i > 0 && this.isRoleGenitive(words[i - 1]!)) return true;
      // "dottern till fotbollstränaren", "dotter till vår skolsköterska", "son of the vicar".
      if (KIN_TO_ROLE.has(words[i + 1] ?? '')) {
        let j = i + 2;
        while (j < words.length && j <= i + 4 && ROLE_DETERMINERS.has(words[j]!)) j++;
        // "dottern till en känd fotbollsspelare", "barnet till vår nya biträdande rektor": up to two describing words before the role.
        if (this.roleWithin(words, j, 3)) return true;
      }
      // "pappa är polis", "vars mamma jobbar som läkare", "whose dad coaches", "whose mum is the school nurse";
      // not "om en förälder är polis", which asks in general.
      // The writer's own family ("Min bror är också lärare") narrows no child down.
      const verb = BOTH.has(words[i + 1] ?? '') ? i + 2 : i + 1;
      if (ROLE_VERBS.has(words[verb] ?? '') && !(i > 0 && (INDEFINITE.has(words[i - 1]!) || FIRST_PERSON.has(words[i - 1]!)))) {
        if (ROLE_AS_VERB.has(words[verb]!) && i > 0 && (words[i - 1] === 'whose' || words[i - 1] === 'vars')) return true;
        let j = verb + 1;
        while (j < words.length && j <= i + 4 && ROLE_VERB_FILLERS.has(words[j]!)) j++;
        if (j < words.length && this.isRole(words[j]!)) return true;
        // "whose mum is the school nurse", "the only female bus driver": describing words before the role, not an
        // adverb ("är också lärare").
        if (j < words.length && !ADVERBS.has(words[j]!) && this.roleWithin(words, j + 1, 2)) return true;
      }
    }
    return false;
  }

  /** A role among the `count` words from `start`. */
  private roleWithin(words: readonly string[], start: number, count: number): boolean {
    for (let j = start; j < words.length && j < start + count; j++) if (this.isRole(words[j]!)) return true;
    return false;
  }

  private isRole(word: string): boolean {
    if (this.lists.roleNouns.has(word)) return true;
    for (const ending of this.lists.roleEndings) if (word.length > ending.length + 1 && word.endsWith(ending)) return true;
    return false;
  }

  /** "prästens", "kuratorns", "pizzeriaägarens", "kollegas", "pastor's". */
  private isRoleGenitive(word: string): boolean {
    if (word.endsWith("'s")) return this.isRole(word.slice(0, -2));
    // "polis" ends in s but is no genitive; "polisens", "kollegas" are.
    return word.endsWith('s') && this.isRole(word.slice(0, -1));
  }

  /** "Hallundaskolan", "Tullinge förskola"; not "En skola" or "Förskolan". */
  private hasSchoolName(text: string): boolean {
    if (!SCHOOL_NAME_HINT.test(text)) return false;
    SCHOOL_NAME.lastIndex = 0;
    for (let match = SCHOOL_NAME.exec(text); match !== null; match = SCHOOL_NAME.exec(text)) {
      const name = (match[1] ?? match[2] ?? '').toLowerCase();
      if (name.length >= 3 && !this.lists.commonWords.has(name) && !this.lists.determiners.has(name) && name !== 'för') return true;
    }
    return false;
  }

  private hasDetailWord(text: string): boolean {
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
      if (this.lists.quasiDetailWords.has(match[0].toLowerCase())) return true;
    }
    return false;
  }
}
