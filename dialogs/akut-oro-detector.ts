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

const KIND_ORDER: readonly AkutKind[] = ['sexual-abuse', 'child-abuse', 'honour-violence', 'domestic-violence', 'threat'];

/** Reads free text and tells whether it describes akut oro. Never keeps or logs the text. */
export function detectAkutOro(text: string): AkutOroDetection {
  const normalized = normalize(text);
  const lexicon = /[åäö]/.test(normalized) ? swedishLexicon : foldedLexicon;
  if (isGeneralQuestion(normalized, lexicon)) return { acute: false, kinds: [] };

  const sentences = normalized.split(/[.!?\n]+/).map((sentence) => ` ${sentence.trim()} `);
  const found = new Set<AkutKind>();
  sentences.forEach((sentence, index) => {
    const otherSentences = sentences.filter((_, other) => other !== index).join(' ');
    const context: SentenceContext = {
      sentence,
      lexicon,
      actors: findActors(sentence, lexicon),
      caregiverElsewhere: test(lexicon.caregiver, otherSentences),
    };
    for (const detector of DETECTORS) {
      for (const kind of detector(context)) found.add(kind);
    }
  });
  const kinds = KIND_ORDER.filter((kind) => found.has(kind));
  return { acute: kinds.length > 0, kinds };
}

// ---------------------------------------------------------------------------------------------
// Lexicon. Sources are written with Swedish letters; `\p{L}` stands for "any letter", so `slå\p{L}*`
// is any word starting with "slå". Every source is wrapped in letter boundaries when compiled.

const ANY = '\\p{L}*';
/** Up to `max` words, never a negator, so "ser inga tecken på våld" is not one match around the "inga". */
const GAP = (max: number): string =>
  `(?:(?!(?:inte|ej|ingen|inget|inga|aldrig)\\s)[\\p{L}\\p{N}:'-]+\\s+){0,${max}}`;

/** Parents and everyone acting as one: violence from them is barnmisshandel. */
const CAREGIVER = [
  'mamma', 'mamman', 'mammas', 'mammans', 'morsan', 'morsa', 'modern', 'mor',
  'pappa', 'pappan', 'pappas', 'pappans', 'farsan', 'farsa', 'fadern',
  `föräld${ANY}`, `vårdnadshavar${ANY}`, `styv(?:pappa|mamma|far|mor|fadern|modern|förälder)${ANY}`,
  `bonus(?:pappa|mamma|förälder)${ANY}`, `familjehemsförälder${ANY}`, `jourhemsförälder${ANY}`,
  `(?:mammas|pappas|mammans|pappans)\\s+(?:nya\\s+)?(?:kille|pojkvän|sambo|man|fru|tjej|flickvän|partner)`,
  'de vuxna hemma', 'någon vuxen hemma', 'någon hemma',
].join('|');

/** Other relatives: violence or control from them counts (honour contexts often involve brothers). */
const RELATIVE = [
  'bror', 'brodern', 'broderns', 'brorsan', 'brorsa', 'bröder', 'bröderna', `storebror${ANY}`, `lillebror${ANY}`,
  'syster', 'systern', `storasyster${ANY}`, `farbror${ANY}`, `morbror${ANY}`, `moster${ANY}`, `faster${ANY}`,
  `farfar${ANY}`, `morfar${ANY}`, `farmor${ANY}`, `mormor${ANY}`, `kusin${ANY}`, `släkting${ANY}`, 'släkten',
  'familjen', 'familj', `syskon${ANY}`,
].join('|');

/** The young person's own partner: violence from them is våld i nära relation. */
const PARTNER = [
  `(?:ex-?)?pojkvän${ANY}`, `(?:ex-?)?flickvän${ANY}`, `(?:hennes|hans|hens|sin)\\s+(?:kille|tjej|partner)`,
].join('|');

/** Peers: violence or threats from them are far illa but not akut oro. */
const PEER = [
  `kompis${ANY}`, `kamrat${ANY}`, `klasskompis${ANY}`, `klasskamrat${ANY}`, 'elev', 'elever', 'eleverna',
  `jämnårig${ANY}`, 'andra barn', 'andra barnen', 'ett annat barn', 'de andra', 'killarna', 'tjejerna',
  'en kille', 'en tjej', 'en pojke', 'en flicka', 'några killar', 'några tjejer', `gäng${ANY}`, 'äldre elever',
  'äldre killar', 'äldre tjejer', 'någon i klassen',
].join('|');

/** Places that put an incident among peers rather than at home. */
const PEER_PLACE = [
  `rast${ANY}`, `skolgård${ANY}`, `korridor${ANY}`, 'i klassen', 'på skolan', 'i skolan', `fotboll${ANY}`,
  `träning${ANY}`, `omklädningsrum${ANY}`, 'på bussen', `mobb${ANY}`, 'på fritids', `idrott${ANY}`, 'på gympan',
].join('|');

/** An adult outside the family (still acute when they abuse a child, on the safe side). */
const OTHER_ADULT = ['en vuxen', 'en vuxen man', 'en man', 'en äldre man', 'en okänd', `tränar${ANY}`, 'en granne', 'grannen'].join('|');

const HOME = ['hemma', 'i hemmet', 'hemifrån', 'i familjen', 'inom familjen'].join('|');

/** The child as a victim, right after a verb. */
const CHILD_OBJECT = [
  'henne', 'honom', 'hen', 'dem', 'mig', 'barnet', 'barnen', 'flickan', 'pojken', 'tjejen', 'killen', 'dottern',
  'sonen', 'eleven', 'bebisen', 'babyn', 'lillan', 'sin dotter', 'sin son', 'sina barn', 'sitt barn',
].join('|');

/** A parent or partner as the victim: violence against them is våld i nära relation. */
const PARENT_VICTIM = [
  'mamma', 'mamman', 'pappa', 'pappan', 'sin fru', 'sin man', 'sin sambo', 'sin partner', 'sin flickvän',
  'sin pojkvän', 'hennes mamma', 'hans mamma', 'barnens mamma', 'barnens pappa', 'varandra', `styv(?:mamma|pappa)${ANY}`,
].join('|');

/**
 * Violence verbs, active voice. `slå` must not be followed by a particle that changes its meaning
 * ("slår larm", "slog sig", "slår på tv:n", "slår vad").
 */
const ACTIVE_VIOLENCE = [
  `(?:slå|slår|slog|slagit)(?!\\s+(?:sig|larm|vad|följe|fast|upp|ihop|av|an|rot|knut|igen|in|ett\\s+slag|på\\s+(?!henne|honom|hen(?!\\p{L}))))`,
  'sparka', 'sparkar', 'sparkade', 'sparkat',
  'misshandla', 'misshandlar', 'misshandlade', 'misshandlat',
  'örfila', 'örfilar', 'örfilade', 'örfilat', '(?:ger|gav|gett|ge|delar\\s+ut)\\s+(?:(?:henne|honom|hen|barnet|barnen|dem|sin\\s+\\p{L}+)\\s+)?(?:en\\s+)?(?:örfil|örfilar|smisk|stryk|spö|smällar|en\\s+smäll|en\\s+lavett)',
  'lugga', 'luggar', 'luggade', 'nyper', 'nöp', 'nypa', 'nypit',
  'stryper', 'strypte', 'strypa', `strypgrepp${ANY}`, `stryptag${ANY}`,
  'piskar', 'piskade', 'piska', 'smiskar', 'smiskade', 'smiska', 'daskar', 'daskade', 'aga', 'agar', 'agade',
  'knuffar', 'knuffade',
  `bränn(?:er|de|t|a)\\s+(?:henne|honom|hen|barnet|dottern|sonen|eleven)`,
  `skaka(?:r|de|t)?\\s+(?:barnet|bebisen|babyn|henne|honom|hen)`,
  `dr(?:ar|og|agit)\\s+(?:henne|honom|hen|barnet|dottern|sonen)\\s+i\\s+håret`,
  `kasta(?:r|de|t)?\\s+${GAP(2)}(?:på|mot)\\s+(?:henne|honom|hen|barnet|mamma|pappa)`,
  `utsätt(?:er|te|er)\\s+(?:henne|honom|hen|barnet|barnen|dem|sin\\s+\\p{L}+|sina\\s+barn)\\s+för\\s+(?:fysiskt\\s+|grovt\\s+)?(?:våld|misshandel)`,
  'våld', 'våldsam', 'våldsamt', 'våldsamma',
].join('|');

/** Violence verbs in the passive (the child, or a parent, is the one harmed). */
const PASSIVE_VIOLENCE = [
  'slagen', 'slagna', 'slås', 'slogs', 'sparkad', 'sparkas', 'sparkades', `misshandlad${ANY}`, 'misshandlas',
  'misshandlades', 'örfilad', 'luggad', 'strypt', 'piskad', 'smiskad', 'agad', 'agas',
  `(?:får|fått|fick|få|åker\\s+på|åkte\\s+på)\\s+(?:ofta\\s+)?(?:stryk|spö|smisk|smällar|en\\s+smäll|örfilar|en\\s+örfil|en\\s+lavett|smörj)`,
  `(?:utsatt${ANY}|utsätts|utsattes)\\s+för\\s+(?:fysiskt\\s+|grovt\\s+|upprepat\\s+)?(?:våld|misshandel|barnmisshandel)`,
  'misshandel', 'misshandeln', `barnmisshandel${ANY}`, 'stryk(?=\\s+(?:av|hemma|från))', `fysisk${ANY}\\s+bestraffning${ANY}`, `kroppslig${ANY}\\s+bestraffning${ANY}`,
].join('|');

/** Fighting each other: between parents it is våld i nära relation, between siblings or peers not. */
const MUTUAL_VIOLENCE = ['slåss', 'slogs med varandra', 'slår varandra', 'misshandlar varandra'].join('|');

/** An implement used to hit a child. */
const IMPLEMENT = `med\\s+(?:ett\\s+|en\\s+)?(?:bälte${ANY}|livrem${ANY}|skärp${ANY}|sladd${ANY}|käpp${ANY}|pinne${ANY}|toffl${ANY}|sko${ANY}|slev${ANY}|galge${ANY}|kabel${ANY}|kniv${ANY}|piska${ANY}|knytnäv${ANY}|stek${ANY}|pinnar)`;

const DISCLOSURE = `berätta${ANY}|säger\\s+att|sa\\s+att|sagt\\s+att|berättade|uppger|visade|har\\s+sett|såg\\s+att`;

const INJURY_ALWAYS = `brännmärk${ANY}|brännskad${ANY}\\s+(?:från|efter)\\s+(?:en\\s+)?cigarett${ANY}|cigarettmärk${ANY}|cigarettbrännskad${ANY}|strypmärk${ANY}|märken\\s+(?:på|runt)\\s+halsen`;
const INJURY = `blåmärk${ANY}|blåmärke|blått\\s+öga|blåtira|märken\\s+(?:på|efter)\\s+${GAP(1)}(?:kroppen|armarna|armen|ryggen|benen|ansiktet|rumpan|låren)|brännskad${ANY}|skador\\s+(?:på|i)\\s+(?:kroppen|ansiktet)`;
const INJURY_CUE = `oförklarlig${ANY}|kan\\s+inte\\s+förklara|förklarar\\s+inte|(?:vill|kan)\\s+inte\\s+(?:säga|berätta|förklara)|konstig${ANY}|misstänkt${ANY}|återkommande|ofta|flera\\s+gånger|igen|nya|döljer|gömmer|täcker\\s+över`;
const ACCIDENT = `ramla${ANY}|föll|trilla${ANY}|snubbla${ANY}|olycka${ANY}|olyckshändelse${ANY}|cykel${ANY}|cykla${ANY}|fotboll${ANY}|hockey|idrott${ANY}|gympa${ANY}|lek${ANY}|slog\\s+sig|slagit\\s+sig|skadade\\s+sig|brände\\s+sig|bränt\\s+sig|spisen|vattenkokar${ANY}|sport${ANY}|trampolin${ANY}|klättr${ANY}`;

const FEAR = [
  `(?:vågar|törs)\\s+(?:inte|ej)\\s+(?:gå|åka|komma|vara|sova)\\s+hem${ANY}`,
  `(?:inte|ej)\\s+(?:vågar|törs)\\s+(?:gå|åka|komma|vara|sova)\\s+hem${ANY}`,
  `rädd\\s+(?:för\\s+)?att\\s+(?:gå|åka|komma|vara)\\s+hem${ANY}`,
  `(?:rädd|livrädd|skräckslagen)\\s+för\\s+(?:sin\\s+|sina\\s+|hennes\\s+|hans\\s+)?(?:mamma|pappa|föräldrar${ANY}|styvpappa|styvmamma|bror|brodern|bröderna|storebror|mammas\\s+kille|pappas\\s+tjej|vad\\s+som\\s+händer\\s+hemma)`,
].join('|');

const SEXUAL = [
  `sexuell${ANY}\\s+(?:övergrep${ANY}|ofredande${ANY}|utnyttj${ANY}|handling${ANY}|trakasser${ANY}|våld|ofredad${ANY}|utsatt${ANY}|misshandlad${ANY})`,
  `övergrep${ANY}`, `våldt${ANY}`, `tafs${ANY}`, `incest${ANY}`, `pedofil${ANY}`, `groom${ANY}`, `nakenbild${ANY}`, `nakenfoto${ANY}`, 'nakna bilder', 'nudes', `sexbild${ANY}`,
  `(?:rör|rörde|rört|kladdar|kladdade|kladdat|smeker|smekte|smekt|pillar|pillade|pillat)\\s+(?:vid\\s+|på\\s+)?(?:henne|honom|hen|barnet|flickan|pojken|dottern|sonen|eleven|bebisen|mig)`,
  `(?:rör|rörde|rört|tar|tog|tagit|kladdar|pillar|pillade|smeker|känner|kände)\\s+${GAP(3)}(?:mellan\\s+benen|i\\s+underlivet|på\\s+underlivet|där\\s+nere|på\\s+snippan|på\\s+snoppen|på\\s+könet|på\\s+brösten|på\\s+rumpan|i\\s+stjärten|på\\s+stjärten|på\\s+ett\\s+(?:konstigt|sexuellt|obehagligt|olämpligt)\\s+sätt)`,
  `(?:rör|rörde|rört|tar|tog|tagit|pillar|kladdar)\\s+(?:på\\s+|vid\\s+)?(?:hennes|hans|hens|barnets|dotterns|sonens)\\s+(?:snippa|snopp|underliv|kön|bröst|rumpa|stjärt)${ANY}`,
  `blottar|blottade|blottat|blottning${ANY}`,
  `(?:tvingar|tvingade|tvingat)\\s+(?:henne|honom|hen)\\s+(?:till|att)\\s+(?:ha\\s+)?sex${ANY}`,
  `(?:tvingad${ANY}|tvingas)\\s+(?:till|att)\\s+(?:ha\\s+)?sex${ANY}`,
  `sex\\s+med\\s+${GAP(2)}(?:en\\s+vuxen|vuxna|en\\s+äldre|pappa|styvpappa|mammas\\s+kille|sin\\s+pappa|en\\s+man)`,
  `(?:visar|visade|visat)\\s+(?:porr|porrfilm${ANY})\\s+för\\s+(?:henne|honom|hen|barnet|barnen)`,
].join('|');

const HONOUR = [
  `heders${ANY}`, `(?:familjens|släktens)\\s+heder`, `gift${ANY}\\s+bort`, `bortgift${ANY}`, `tvångsgift${ANY}`,
  `tvångsäktenskap${ANY}`, `barnäktenskap${ANY}`, `arrangerat${ANY}\\s+äktenskap${ANY}`,
  `(?:gift${ANY}|förlov${ANY}|äktenskap${ANY})\\s+mot\\s+sin\\s+vilja`,
  `(?:hon|han|hen|eleven|flickan|tjejen|pojken|killen|dottern)\\s+(?:ska|måste|tvingas|kommer\\s+att)\\s+${GAP(1)}gift(?:a|as)`,
  `(?:ska|tvingas)\\s+förlov${ANY}`,
  `(?:hemlandet|utomlands)\\s+${GAP(4)}gift(?:a|as)`, `gift${ANY}\\s+${GAP(3)}(?:i\\s+hemlandet|med\\s+(?:en\\s+)?(?:kusin|äldre\\s+man))`,
  `får\\s+(?:inte|ej)\\s+(?:träffa|umgås\\s+med|prata\\s+med|ha|vara\\s+med|ha\\s+kontakt\\s+med|ha\\s+några)\\s+${GAP(1)}(?:killar|pojkar|tjejer|flickor|pojkvän|flickvän|kille|tjej|svenska\\s+\\p{L}+|svenskar)`,
  `(?:skickas|skickad|skickats|skicka\\s+(?:henne|honom|hen)|skickades)\\s+${GAP(2)}(?:till\\s+hemlandet|utomlands|tillbaka\\s+till\\s+hemlandet)`,
  `lämnas\\s+kvar\\s+(?:i\\s+hemlandet|utomlands)`, `uppfostringsres${ANY}`,
  `könsstymp${ANY}`, `oskuld${ANY}`, `skam${ANY}\\s+(?:över|för|i)\\s+(?:familjen|släkten)`, `vanär${ANY}`,
].join('|');

/** Controlling a young person; honour-related when a relative does it. */
const CONTROL = `(?:kontroller${ANY}|bevak${ANY}|vakta${ANY}|övervak${ANY}|följer\\s+efter|förföljer|spionerar\\s+på)\\s+(?:henne|honom|hen|systern|dottern|sonen|eleven|flickan|allt\\s+(?:hon|han)|vad\\s+(?:hon|han)|vem\\s+(?:hon|han)|var\\s+(?:hon|han)|hennes\\s+\\p{L}+|hans\\s+\\p{L}+)`;

const DOMESTIC = [
  `våld\\s+i\\s+(?:hemmet|familjen|nära\\s+relation${ANY}|relationen)`, `våld\\s+mellan\\s+(?:föräldrarna|de\\s+vuxna|mamma\\s+och\\s+pappa)`,
  `familjevåld${ANY}`, 'partnervåld', `relationsvåld${ANY}`, `kvinnojour${ANY}`, 'skyddat boende', `skyddade\\s+boende${ANY}`,
  `(?:bevittna${ANY}|upplevt|upplever|upplevde|sett|ser|såg|hört|hör|hörde)\\s+${GAP(3)}(?:våld|misshandel)\\s+(?:hemma|i\\s+hemmet|mellan|mot\\s+(?:mamma|pappa))`,
  `(?:bevittna${ANY}|upplevt|upplever|upplevde)\\s+${GAP(2)}våld`,
].join('|');

/** Threats that are serious whoever makes them: to kill, with a weapon. */
const SERIOUS_THREAT = [
  `dödshot${ANY}`, `mordhot${ANY}`, `hotad${ANY}\\s+till\\s+livet`,
  `hot${ANY}\\s+${GAP(2)}(?:att\\s+)?(?:döda|mörda|slå\\s+ihjäl|skjuta|knivhugga|sticka\\s+ner|ta\\s+livet\\s+av\\s+(?!sig(?!\\p{L})))`,
  `hot${ANY}\\s+${GAP(2)}med\\s+(?:en\\s+)?(?:kniv${ANY}|vapen|pistol${ANY}|yxa|döden)`,
  `(?:ska|skulle|kommer\\s+att|tänker)\\s+${GAP(1)}(?:döda|mörda|slå\\s+ihjäl|skjuta)\\s+(?:henne|honom|hen|dig|mig|dem|barnet|mamma|pappa|oss)`,
].join('|');

/** Threats that are akut oro when a relative or partner makes them. */
const THREAT = [
  `hota(?:r|de|t|s)?\\s+(?:henne|honom|hen|dottern|sonen|systern|eleven|barnet|barnen|mamma|pappa|familjen|dem|oss|mig)`,
  `hota(?:r|de|t|s)?\\s+(?:med\\s+)?(?:att\\s+)?(?:slå|sparka|skada|misshandla|bränna|skicka|gifta\\s+bort|låsa\\s+in|kasta\\s+ut|stryk|våld)`,
  `hotfull${ANY}`, 'hotad', 'hotas', 'hot', 'hoten', 'hot om våld',
].join('|');

const NEGATORS = new Set(['inte', 'ej', 'icke', 'ingen', 'inget', 'inga', 'aldrig', 'utan', 'knappast']);
/** Words before a negator that make it doubt, not denial ("vet inte om", "vågar inte berätta"). */
const DOUBT_BEFORE = new Set(['vet', 'visste', 'vågar', 'vågade', 'törs', 'vill', 'ville', 'orkar', 'förstår', 'minns', 'hinner']);
/** Words after a negator that make it doubt, not denial ("inte säker", "kan inte utesluta", "ingen vet"). */
const DOUBT_AFTER = new Set([
  'om', 'ifall', 'säker', 'säkra', 'bara', 'helt', 'riktigt', 'längre', 'utesluta', 'uteslutas', 'berätta', 'berättat',
  'säga', 'sagt', 'prata', 'pratat', 'vet', 'visste', 'våga', 'vågar', 'vill', 'förstå', 'förstår', 'minns', 'ens',
]);

/** Markers of a general question about terms, law or routines. */
const GENERAL_QUESTION = [
  `vad\\s+(?:räknas|menas|innebär|betyder|säger|är)`, `hur\\s+(?:definieras|ser\\s+lagen|arbetar|jobbar|pratar|förebygger|upptäcker|känner\\s+man\\s+igen)`,
  `definition${ANY}`, `definieras`, `enligt\\s+(?:lagen|sol|socialtjänstlagen|skollagen|brottsbalken|barnkonventionen|rutinen|rutinerna)`,
  `lagen`, `lagstiftning${ANY}`, `paragraf${ANY}`, `rutin${ANY}`, `handlingsplan${ANY}`, `utbildning${ANY}`, `föreläsning${ANY}`,
  `förebygg${ANY}`, `skillnad${ANY}`, `statistik`, `(?:räknas|klassas|anses|bedöms)\\s+${GAP(3)}som`,
  `vilka\\s+(?:tecken|signaler|varningstecken)`, `varningssignal${ANY}`, `varningstecken`,
].join('|');

/** Markers that a concrete child or event is described (then a question is not general). */
const CONCRETE_CASE = [
  'han', 'hon', 'hen', 'henne', 'honom', 'hans', 'hennes', 'hens', 'eleven', 'barnet', 'flickan', 'pojken', 'tjejen',
  'killen', 'dottern', 'sonen', `min${ANY}\\s+elev${ANY}`, `vår${ANY}\\s+elev${ANY}`, 'en av mina', 'en av våra',
  `en\\s+elev\\s+(?:i|på|hos|som|har|är)`, `ett\\s+barn\\s+(?:i|på|hos|som|har|är)`, `i\\s+(?:min|vår)\\s+(?:klass|grupp|förskola|skola)`,
  DISCLOSURE, 'misstänker', 'i helgen', 'i går', 'igår', 'i morse', 'i dag', 'idag', 'i natt', 'förra veckan',
].join('|');

type Lexicon = Readonly<Record<
  | 'caregiver' | 'relative' | 'partner' | 'peer' | 'peerPlace' | 'otherAdult' | 'home' | 'childObject' | 'parentVictim'
  | 'activeViolence' | 'passiveViolence' | 'mutualViolence' | 'implement' | 'disclosure' | 'injuryAlways' | 'injury'
  | 'injuryCue' | 'accident' | 'fear' | 'sexual' | 'honour' | 'control' | 'domestic' | 'seriousThreat' | 'threat'
  | 'generalQuestion' | 'concreteCase',
  RegExp
>>;

const SOURCES: Readonly<Record<keyof Lexicon, string>> = {
  caregiver: CAREGIVER, relative: RELATIVE, partner: PARTNER, peer: PEER, peerPlace: PEER_PLACE, otherAdult: OTHER_ADULT,
  home: HOME, childObject: CHILD_OBJECT, parentVictim: PARENT_VICTIM, activeViolence: ACTIVE_VIOLENCE,
  passiveViolence: PASSIVE_VIOLENCE, mutualViolence: MUTUAL_VIOLENCE, implement: IMPLEMENT, disclosure: DISCLOSURE,
  injuryAlways: INJURY_ALWAYS, injury: INJURY, injuryCue: INJURY_CUE, accident: ACCIDENT, fear: FEAR, sexual: SEXUAL,
  honour: HONOUR, control: CONTROL, domestic: DOMESTIC, seriousThreat: SERIOUS_THREAT, threat: THREAT,
  generalQuestion: GENERAL_QUESTION, concreteCase: CONCRETE_CASE,
};

function compileLexicon(fold: (source: string) => string): Lexicon {
  const entries = Object.entries(SOURCES).map(([name, source]) => [
    name,
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${fold(source)})(?![\\p{L}\\p{N}])`, 'gu'),
  ]);
  return Object.freeze(Object.fromEntries(entries)) as Lexicon;
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
    .filter((actor) => !all.some((other) => other !== actor && other.start <= actor.start && other.end >= actor.end && other.end - other.start > actor.end - actor.start))
    .sort((a, b) => a.start - b.start);
}

/** Where the reported event begins: after the last "säger att", "berättar" before `index` (the teller is not the actor). */
function reportStart(context: SentenceContext, index: number): number {
  let start = 0;
  for (const found of matches(context.lexicon.disclosure, context.sentence)) {
    if (found.end <= index) start = found.end;
  }
  return start;
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
  const boundary = /(?:[,:;–—]|\s(?:men|fast|eftersom|för att|därför att|och (?:hon|han|hen|säger|sa|berättar|berättade|har|vi|jag|det|nu|då))\s)/gu;
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
    const agent = agentAfter(context, found.end);
    const actor = agent.stated ? agent.actor : actorBefore(context, found.start);
    if (actor !== undefined) return isFamily(actor) || actor.actor === 'partner';
    return !agent.stated && test(context.lexicon.home, context.sentence);
  });
  return fromFamilyOrPartner ? ['threat'] : [];
};

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
    } else if (test(lexicon.home, sentence) || !hasPeerContext(context, reportStart(context, verb.start))) {
      kinds.push('child-abuse'); // harmed at home, or harmed and nothing points at peers
    }
  }
  return kinds;
};

/** A parent (or partner) as the subject right before a passive verb: "mamma blir slagen". */
const PARENT_VICTIM_SUBJECT =
  /(?<![\p{L}\p{N}])(?:mamma|mamman|pappa|pappan|mamma\s+och\s+pappa|hennes\s+mamma|hans\s+mamma|barnens\s+mamma)\s+(?:(?:blir|blev|har|hade|blivit|ofta|alltid|också|varit)\s+){1,3}$/u;

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
    .replace(/(\p{L})\1{2,}/gu, '$1') // "slåååår" → "slår"
    .replace(/([åäö])\1/gu, '$1') // Swedish words never double these: "slåår" → "slår"
    .replace(/[ \t\u00a0]+/g, ' ');
}

function isGeneralQuestion(text: string, lexicon: Lexicon): boolean {
  const isQuestion = text.includes('?') || /^\s*(?:vad|hur|vilka|vilken|vilket|när|varför|får|måste|ska|kan|är|räknas|finns|gäller)\s/u.test(text);
  return isQuestion && test(lexicon.generalQuestion, text) && !test(lexicon.concreteCase, text);
}
