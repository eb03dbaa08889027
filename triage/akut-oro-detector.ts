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
  const normalized = normalize(text);
  const lexicon = /[åäö]/.test(normalized) ? swedishLexicon : foldedLexicon;
  if (isGeneralTalk(normalized, lexicon)) return { acute: false, kinds: [] };

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
/** One or more spaces between words. */
const _ = '\\s+';
/** End of a word, for use inside a pattern. */
const EOW = '(?!\\p{L})';
const oneOf = (...alternatives: string[]): string => `(?:${alternatives.join('|')})`;
/** Up to `max` words, never a negator, so "ser inga tecken på våld" is not one match around the "inga". */
const GAP = (max: number): string =>
  `(?:(?!(?:inte|ej|ingen|inget|inga|aldrig)\\s)[\\p{L}\\p{N}:'-]+\\s+){0,${max}}`;

const HER_OR_HIM = oneOf('henne', 'honom', 'hen');
const THE_CHILD = oneOf('henne', 'honom', 'hen', 'barnet', 'barnen', 'dottern', 'sonen', 'eleven', 'flickan', 'pojken');

/** Parents and everyone acting as one: violence from them is barnmisshandel. */
const CAREGIVER = oneOf(
  'mamma', 'mamman', 'mammas', 'mammans', 'morsan', 'morsa', 'modern', 'mor',
  'pappa', 'pappan', 'pappas', 'pappans', 'farsan', 'farsa', 'fadern',
  `föräld${ANY}`, `vårdnadshavar${ANY}`, `familjehemsförälder${ANY}`, `jourhemsförälder${ANY}`,
  `styv${oneOf('pappa', 'mamma', 'far', 'mor', 'fadern', 'modern', 'förälder')}${ANY}`,
  `bonus${oneOf('pappa', 'mamma', 'förälder')}${ANY}`,
  `${oneOf('mammas', 'pappas', 'mammans', 'pappans')}${_}(?:nya${_})?` +
    oneOf('kille', 'pojkvän', 'sambo', 'man', 'fru', 'tjej', 'flickvän', 'partner'),
  'de vuxna hemma', 'någon vuxen hemma', 'någon hemma',
);

/** Other relatives: violence or control from them counts (honour contexts often involve brothers). */
const RELATIVE = oneOf(
  'bror', 'brodern', 'broderns', 'brorsan', 'brorsa', 'bröder', 'bröderna', `storebror${ANY}`, `lillebror${ANY}`,
  'syster', 'systern', `storasyster${ANY}`, `farbror${ANY}`, `morbror${ANY}`, `moster${ANY}`, `faster${ANY}`,
  `farfar${ANY}`, `morfar${ANY}`, `farmor${ANY}`, `mormor${ANY}`, `kusin${ANY}`, `släkting${ANY}`, 'släkten',
  'familjen', 'familj', `syskon${ANY}`,
);

/** The young person's own partner: violence from them is våld i nära relation. */
const PARTNER = oneOf(
  `(?:ex-?)?pojkvän${ANY}`,
  `(?:ex-?)?flickvän${ANY}`,
  `${oneOf('hennes', 'hans', 'hens', 'sin')}${_}${oneOf('kille', 'tjej', 'partner')}`,
);

/** Peers: violence or threats from them are far illa but not akut oro. */
const PEER = oneOf(
  `kompis${ANY}`, `kamrat${ANY}`, `klasskompis${ANY}`, `klasskamrat${ANY}`, 'elev', 'elever', 'eleverna',
  `jämnårig${ANY}`, 'andra barn', 'andra barnen', 'ett annat barn', 'de andra', 'killarna', 'tjejerna',
  'en kille', 'en tjej', 'en pojke', 'en flicka', 'några killar', 'några tjejer', `gäng${ANY}`, 'äldre elever',
  'äldre killar', 'äldre tjejer', 'någon i klassen',
);

/** Places that put an incident among peers rather than at home. */
const PEER_PLACE = oneOf(
  `rast${ANY}`, `skolgård${ANY}`, `korridor${ANY}`, 'i klassen', 'på skolan', 'i skolan', `fotboll${ANY}`,
  `träning${ANY}`, `omklädningsrum${ANY}`, 'på bussen', `mobb${ANY}`, 'på fritids', `idrott${ANY}`, 'på gympan',
);

/** An adult outside the family (still acute when they abuse a child, on the safe side). */
const OTHER_ADULT = oneOf(
  'en vuxen', 'en vuxen man', 'en man', 'en äldre man', 'en okänd', `tränar${ANY}`, 'en granne', 'grannen',
);

const HOME = oneOf('hemma', 'i hemmet', 'hemifrån', 'i familjen', 'inom familjen');

/** The child as a victim, right after a verb. */
const CHILD_OBJECT = oneOf(
  'henne', 'honom', 'hen', 'dem', 'mig', 'barnet', 'barnen', 'flickan', 'pojken', 'tjejen', 'killen', 'dottern',
  'sonen', 'eleven', 'bebisen', 'babyn', 'lillan', 'sin dotter', 'sin son', 'sina barn', 'sitt barn',
);

/** A parent or partner as the victim: violence against them is våld i nära relation. */
const PARENT_VICTIM = oneOf(
  'mamma', 'mamman', 'pappa', 'pappan', 'sin fru', 'sin man', 'sin sambo', 'sin partner', 'sin flickvän',
  'sin pojkvän', 'hennes mamma', 'hans mamma', 'barnens mamma', 'barnens pappa', 'varandra',
  `styv${oneOf('mamma', 'pappa')}${ANY}`,
);

/** Particles after "slå" that change its meaning: "slår larm", "slog sig", "slår på tv:n", "slår vad". */
const SLA_PARTICLE = oneOf(
  'sig', 'larm', 'vad', 'följe', 'fast', 'upp', 'ihop', 'av', 'an', 'rot', 'knut', 'igen', 'in', 'i', 'ut',
  `ett${_}slag`, `mig${_}att`, `på(?!${_}${HER_OR_HIM}${EOW})`,
);

/** Violence verbs in the active voice; the perpetrator is the subject before them. */
const ACTIVE_VIOLENCE = oneOf(
  `${oneOf('slå', 'slår', 'slog', 'slagit')}(?!${_}${SLA_PARTICLE}${EOW})`,
  `${oneOf('sparka', 'sparkar', 'sparkade', 'sparkat')}` +
    `(?!${_}${oneOf(`${GAP(1)}boll${ANY}`, 'igång', 'ut', 'av')}${EOW})`,
  `mis+handl${oneOf('a', 'ar', 'ade', 'at')}`, 'örfila', 'örfilar', 'örfilade', 'örfilat',
  `${oneOf('ger', 'gav', 'gett', 'ge', `delar${_}ut`)}${_}(?:${oneOf(THE_CHILD, 'dem', `sin${_}\\p{L}+`)}${_})?` +
    `(?:en${_})?${oneOf('örfil', 'örfilar', 'smisk', 'stryk', 'spö', 'smällar', `en${_}smäll`, `en${_}lavett`)}`,
  'lugga', 'luggar', 'luggade', 'nyper', 'nöp', 'nypa', 'nypit',
  'stryper', 'strypte', 'strypa', `strypgrepp${ANY}`, `stryptag${ANY}`,
  'piskar', 'piskade', 'piska', 'smiskar', 'smiskade', 'smiska', 'daskar', 'daskade', 'aga', 'agar', 'agade',
  `${oneOf('knuffar', 'knuffade')}(?!${_}på${EOW})`,
  `${oneOf('gör', 'gjorde', 'gjort')}${_}` +
    oneOf(`${oneOf(THE_CHILD, 'mig', 'dem')}${_}illa`, `illa(?!${_}${oneOf('sig', 'mig')}${EOW})`),
  `${oneOf('gör', 'gjorde', 'gjort')}${_}(?:${oneOf(THE_CHILD, 'mig', 'dem')}${_})?ont`,
  `${oneOf('skadar', 'skadade', 'skadat')}${_}${THE_CHILD}`,
  `${oneOf('låser', 'låste', 'låst')}${_}in${_}${oneOf(THE_CHILD, 'dem')}`,
  `bränn${oneOf('er', 'de', 't', 'a')}${_}${THE_CHILD}`,
  `skaka(?:r|de|t)?${_}${oneOf(THE_CHILD, 'bebisen', 'babyn')}`,
  `dr${oneOf('ar', 'og', 'agit')}${_}${THE_CHILD}${_}i${_}håret`,
  `kasta(?:r|de|t)?${_}${GAP(2)}${oneOf('på', 'mot')}${_}${oneOf(THE_CHILD, 'mamma', 'pappa')}`,
  `utsätt${oneOf('er', 'te')}${_}${oneOf(THE_CHILD, 'dem', `sin${_}\\p{L}+`, `sina${_}barn`)}${_}för${_}` +
    `(?:${oneOf('fysiskt', 'grovt')}${_})?${oneOf('våld', 'misshandel')}`,
  'våld', 'våldsam', 'våldsamt', 'våldsamma',
);

/** Violence in the passive, and nouns for it: the one harmed is the subject, the perpetrator follows "av". */
const PASSIVE_VIOLENCE = oneOf(
  'slagen', 'slagna', 'slås', 'slogs', 'sparkad', 'sparkas', 'sparkades',
  `mis+handl${oneOf(`ad${ANY}`, 'as', 'ades')}`, 'örfilad', 'luggad', 'strypt', 'piskad', 'smiskad', 'agad', 'agas',
  `${oneOf('får', 'fått', 'fick', 'få', `åker${_}på`, `åkte${_}på`)}${_}(?:ofta${_})?` +
    oneOf('stryk', 'spö', 'smisk', 'smällar', `en${_}smäll`, 'örfilar', `en${_}örfil`, `en${_}lavett`, 'smörj'),
  `${oneOf(`utsatt${ANY}`, 'utsätts', 'utsattes')}${_}för${_}(?:${oneOf('fysiskt', 'grovt', 'upprepat')}${_})?` +
    oneOf('våld', 'misshandel', 'barnmisshandel'),
  `mis+handeln?`, `barnmis+handel${ANY}`, `stryk(?=${_}${oneOf('av', 'hemma', 'från')})`,
  `fysisk${ANY}${_}bestraffning${ANY}`, `kroppslig${ANY}${_}bestraffning${ANY}`,
);

/** Fighting each other: between parents it is våld i nära relation, between siblings or peers not. */
const MUTUAL_VIOLENCE = oneOf('slåss', 'slogs med varandra', 'slår varandra', 'misshandlar varandra');

/** An implement used to hit a child: "slog henne med bälte". */
const IMPLEMENT = `med${_}(?:${oneOf('ett', 'en')}${_})?` + oneOf(
  `bälte${ANY}`, `livrem${ANY}`, `skärp${ANY}`, `sladd${ANY}`, `käpp${ANY}`, `pinne${ANY}`, 'pinnar', `toffl${ANY}`,
  `sko${ANY}`, `slev${ANY}`, `galge${ANY}`, `kabel${ANY}`, `kniv${ANY}`, `piska${ANY}`, `knytnäv${ANY}`, `stek${ANY}`,
);

/** Reported speech: what follows is what the child or someone else told. */
const DISCLOSURE = oneOf(
  `berätta${ANY}`, `säger${_}att`, `sa${_}att`, `sagt${_}att`, 'uppger', 'visade', `har${_}sett`, `såg${_}att`,
);

/** Injuries that point at abuse on their own. */
const INJURY_ALWAYS = oneOf(
  `brännmärk${ANY}`, `cigarettmärk${ANY}`, `cigarettbrännskad${ANY}`, `strypmärk${ANY}`,
  `brännskad${ANY}${_}${oneOf('från', 'efter')}${_}(?:en${_})?cigarett${ANY}`,
  `märken${_}${oneOf('på', 'runt')}${_}halsen`,
);

/** Injuries that point at abuse with a cue: a family member, a disclosure, no explanation. */
const INJURY = oneOf(
  `blåmärk${ANY}`, 'blåmärke', `blått${_}öga`, 'blåtira', `brännskad${ANY}`,
  `märken${_}${oneOf('på', 'efter')}${_}${GAP(1)}` +
    oneOf('kroppen', 'armarna', 'armen', 'ryggen', 'benen', 'ansiktet', 'rumpan', 'låren'),
  `skador${_}${oneOf('på', 'i')}${_}${oneOf('kroppen', 'ansiktet')}`,
);

const INJURY_CUE = oneOf(
  `oförklarlig${ANY}`, `kan${_}inte${_}förklara`, `förklarar${_}inte`,
  `${oneOf('vill', 'kan')}${_}inte${_}${oneOf('säga', 'berätta', 'förklara')}`, `konstig${ANY}`, `misstänkt${ANY}`,
  'återkommande', 'ofta', `flera${_}gånger`, 'igen', 'nya', 'döljer', 'gömmer', `täcker${_}över`,
);

/** An accident explains an injury. */
const ACCIDENT = oneOf(
  `ramla${ANY}`, 'föll', `trilla${ANY}`, `snubbla${ANY}`, `olycka${ANY}`, `olyckshändelse${ANY}`, `cykel${ANY}`,
  `cykla${ANY}`, `fotboll${ANY}`, 'hockey', `idrott${ANY}`, `gympa${ANY}`, `lek${ANY}`, `slog${_}sig`,
  `slagit${_}sig`, `skadade${_}sig`, `brände${_}sig`, `bränt${_}sig`, 'spisen', `vattenkokar${ANY}`, `sport${ANY}`,
  `trampolin${ANY}`, `klättr${ANY}`,
);

const GO_HOME = `${oneOf('gå', 'åka', 'komma', 'vara', 'sova')}${_}hem${ANY}`;

/** Fear of going home or of a family member. */
const FEAR = oneOf(
  `${oneOf('vågar', 'törs')}${_}${oneOf('inte', 'ej')}${_}${GO_HOME}`,
  `${oneOf('inte', 'ej')}${_}${oneOf('vågar', 'törs')}${_}${GO_HOME}`,
  `rädd${_}(?:för${_})?att${_}${GO_HOME}`,
  `${oneOf('rädd', 'livrädd', 'skräckslagen')}${_}för${_}(?:${oneOf('sin', 'sina', 'hennes', 'hans')}${_})?` +
    oneOf(
      'mamma', 'pappa', `föräldrar${ANY}`, 'styvpappa', 'styvmamma', 'bror', 'brodern', 'bröderna', 'storebror',
      `mammas${_}kille`, `pappas${_}tjej`, `vad${_}som${_}händer${_}hemma`,
    ),
);

const TOUCH = oneOf(
  'rör', 'rörde', 'rört', 'kladdar', 'kladdade', 'kladdat', 'smeker', 'smekte', 'smekt', 'pillar', 'pillade', 'pillat',
);
/** Subjects that make "rör" mean "concerns": "frågan rör eleven". */
const CONCERNS = oneOf(
  'det', 'detta', 'frågan', 'ärendet', 'saken', 'oron', 'vilket', 'anmälan', 'konsultationen', 'mötet', 'som',
);
const PRIVATE_PARTS = oneOf('snippa', 'snopp', 'underliv', 'kön', 'bröst', 'rumpa', 'stjärt');

const SEXUAL = oneOf(
  `sexuel+${ANY}${_}` + oneOf(
    `övergrep${ANY}`, `ofredande${ANY}`, `utnyttj${ANY}`, `handling${ANY}`, `trakasser${ANY}`, 'våld',
    `ofredad${ANY}`, `utsatt${ANY}`, `misshandlad${ANY}`,
  ),
  `övergrep${ANY}`, `våldt${ANY}`, `tafs${ANY}`, `incest${ANY}`, `pedofil${ANY}`, `groom${ANY}`,
  `nakenbild${ANY}`, `nakenfoto${ANY}`, 'nakna bilder', 'nudes', `sexbild${ANY}`,
  // "rör henne", but not "frågan rör eleven" (concerns).
  `(?<!${CONCERNS}${_})` +
    `${TOUCH}${_}(?:${oneOf('vid', 'på')}${_})?${oneOf(THE_CHILD, 'bebisen', 'mig')}`,
  `${oneOf(TOUCH, 'tar', 'tog', 'tagit', 'känner', 'kände')}${_}${GAP(3)}` + oneOf(
    `mellan${_}benen`, `${oneOf('i', 'på')}${_}underlivet`, `där${_}nere`, `på${_}snippan`, `på${_}snoppen`,
    `på${_}könet`, `på${_}brösten`, `på${_}rumpan`, `${oneOf('i', 'på')}${_}stjärten`,
    `på${_}ett${_}${oneOf('konstigt', 'sexuellt', 'obehagligt', 'olämpligt')}${_}sätt`,
  ),
  `${oneOf(TOUCH, 'tar', 'tog', 'tagit')}${_}(?:${oneOf('på', 'vid')}${_})?` +
    `${oneOf('hennes', 'hans', 'hens', 'barnets', 'dotterns', 'sonens')}${_}${PRIVATE_PARTS}${ANY}`,
  'blottar', 'blottade', 'blottat', `blottning${ANY}`,
  `${oneOf('tvingar', 'tvingade', 'tvingat')}${_}${HER_OR_HIM}${_}${oneOf('till', 'att')}${_}(?:ha${_})?sex${ANY}`,
  `${oneOf(`tvingad${ANY}`, 'tvingas')}${_}${oneOf('till', 'att')}${_}(?:ha${_})?sex${ANY}`,
  `sex${_}med${_}${GAP(2)}` + oneOf(
    `en${_}vuxen`, 'vuxna', `en${_}äldre`, 'pappa', 'styvpappa', `mammas${_}kille`, `sin${_}pappa`, `en${_}man`,
  ),
  `${oneOf('visar', 'visade', 'visat')}${_}${oneOf('porr', `porrfilm${ANY}`)}${_}för${_}${THE_CHILD}`,
);

const HONOUR = oneOf(
  `heders${ANY}`, `${oneOf('familjens', 'släktens')}${_}heder`, `gift${ANY}${_}bort`, `bortgift${ANY}`,
  `tvångsgift${ANY}`, `tvångsäktenskap${ANY}`, `barnäktenskap${ANY}`, `arrangerat${ANY}${_}äktenskap${ANY}`,
  `${oneOf(`gift${ANY}`, `förlov${ANY}`, `äktenskap${ANY}`)}${_}mot${_}sin${_}vilja`,
  `${oneOf('hon', 'han', 'hen', 'eleven', 'flickan', 'tjejen', 'pojken', 'killen', 'dottern')}${_}` +
    `${oneOf('ska', 'måste', 'tvingas', `kommer${_}att`)}${_}${GAP(1)}gift(?:a|as)`,
  `${oneOf('ska', 'tvingas')}${_}förlov${ANY}`,
  `${oneOf('hemlandet', 'utomlands')}${_}${GAP(4)}gift(?:a|as)`,
  `gift${ANY}${_}${GAP(3)}${oneOf(`i${_}hemlandet`, `med${_}(?:en${_})?${oneOf('kusin', `äldre${_}man`)}`)}`,
  `får${_}${oneOf('inte', 'ej')}${_}` +
    oneOf('träffa', `umgås${_}med`, `prata${_}med`, 'ha', `vara${_}med`, `ha${_}kontakt${_}med`, `ha${_}några`) +
    `${_}${GAP(1)}` +
    oneOf(
      'killar', 'pojkar', 'tjejer', 'flickor', 'pojkvän', 'flickvän', 'kille', 'tjej', `svenska${_}\\p{L}+`, 'svenskar',
    ),
  `${oneOf('skickas', 'skickad', 'skickats', 'skickades', `skicka${_}${HER_OR_HIM}`)}${_}${GAP(2)}` +
    oneOf(`till${_}hemlandet`, 'utomlands', `tillbaka${_}till${_}hemlandet`),
  `lämnas${_}kvar${_}${oneOf(`i${_}hemlandet`, 'utomlands')}`, `uppfostringsres${ANY}`,
  `könsstymp${ANY}`, `oskuld${ANY}`, `skam${ANY}${_}${oneOf('över', 'för', 'i')}${_}${oneOf('familjen', 'släkten')}`,
  `vanär${ANY}`,
);

/** Controlling a young person; honour-related when a relative does it. */
const CONTROL =
  oneOf(
    `kontroller${ANY}`, `bevak${ANY}`, `vakta${ANY}`, `övervak${ANY}`, `följer${_}efter`, 'förföljer', `spionerar${_}på`,
  ) +
  _ +
  oneOf(
    THE_CHILD, 'systern',
    `${oneOf('allt', 'vad', 'vem', 'var')}${_}${oneOf('hon', 'han')}`,
    `${oneOf('hennes', 'hans')}${_}\\p{L}+`,
  );

const DOMESTIC = oneOf(
  `våld${_}i${_}${oneOf('hemmet', 'familjen', `nära${_}relation${ANY}`, 'relationen')}`,
  `våld${_}mellan${_}${oneOf('föräldrarna', `de${_}vuxna`, `mamma${_}och${_}pappa`)}`,
  `familjevåld${ANY}`, 'partnervåld', `relationsvåld${ANY}`, `kvinnojour${ANY}`, 'skyddat boende',
  `skyddade${_}boende${ANY}`,
  oneOf(`bevittna${ANY}`, 'upplevt', 'upplever', 'upplevde', 'sett', 'ser', 'såg', 'hört', 'hör', 'hörde') +
    `${_}${GAP(3)}` +
    `${oneOf('våld', 'misshandel')}${_}${oneOf('hemma', `i${_}hemmet`, 'mellan', `mot${_}${oneOf('mamma', 'pappa')}`)}`,
  `${oneOf(`bevittna${ANY}`, 'upplevt', 'upplever', 'upplevde')}${_}${GAP(2)}våld`,
);

const KILL = oneOf('döda', 'mörda', `slå${_}ihjäl`, 'skjuta', 'knivhugga', `sticka${_}ner`);

/** Threats that are serious whoever makes them: to kill, with a weapon. */
const SERIOUS_THREAT = oneOf(
  `dödshot${ANY}`, `mordhot${ANY}`, `hotad${ANY}${_}till${_}livet`,
  `hot${ANY}${_}${GAP(2)}(?:att${_})?${oneOf(KILL, `ta${_}livet${_}av${_}(?!sig${EOW})`)}`,
  `hot${ANY}${_}${GAP(2)}med${_}(?:en${_})?${oneOf(`kniv${ANY}`, 'vapen', `pistol${ANY}`, 'yxa', 'döden')}`,
  `${oneOf('ska', 'skulle', `kommer${_}att`, 'tänker')}${_}${GAP(1)}${KILL}${_}` +
    oneOf(THE_CHILD, 'dig', 'mig', 'dem', 'mamma', 'pappa', 'oss'),
);

/** Threats that are akut oro when a relative or partner makes them. */
const THREAT = oneOf(
  `hota(?:r|de|t|s)?${_}${oneOf(THE_CHILD, 'systern', 'mamma', 'pappa', 'familjen', 'dem', 'oss', 'mig')}`,
  `hota(?:r|de|t|s)?${_}(?:med${_})?(?:att${_})?` + oneOf(
    'slå', 'sparka', 'skada', 'misshandla', 'bränna', 'skicka', `gifta${_}bort`, `låsa${_}in`, `kasta${_}ut`,
    'stryk', 'våld',
  ),
  `hotfull${ANY}`, 'hotad', 'hotas', 'hot', 'hoten', 'hot om våld',
);

/** The words plus their spelling without å/ä/ö ("vågar" and "vagar"). */
function withFolded(list: readonly string[]): ReadonlySet<string> {
  return new Set(list.flatMap((word) => [word, word.replace(/[åä]/g, 'a').replace(/ö/g, 'o')]));
}

const NEGATORS = new Set(['inte', 'ej', 'icke', 'ingen', 'inget', 'inga', 'aldrig', 'utan', 'knappast']);
/** Words before a negator that make it doubt, not denial ("vet inte om", "vågar inte berätta"). */
const DOUBT_BEFORE = withFolded([
  'vet', 'visste', 'vågar', 'vågade', 'törs', 'vill', 'ville', 'orkar', 'förstår', 'minns', 'hinner',
]);
/** Words after a negator that make it doubt, not denial ("inte säker", "kan inte utesluta", "ingen vet"). */
const DOUBT_AFTER = withFolded([
  'om', 'ifall', 'säker', 'säkra', 'bara', 'helt', 'riktigt', 'längre', 'utesluta', 'uteslutas', 'berätta', 'berättat',
  'säga', 'sagt', 'prata', 'pratat', 'vet', 'visste', 'våga', 'vågar', 'vill', 'förstå', 'förstår', 'minns', 'ens',
]);

/** Markers of a general question about terms, law or routines. */
const GENERAL_QUESTION = oneOf(
  `vad${_}${oneOf('räknas', 'menas', 'innebär', 'betyder', 'säger', 'är')}`,
  `hur${_}` + oneOf(
    'definieras', `ser${_}lagen`, 'arbetar', 'jobbar', 'pratar', 'förebygger', 'upptäcker', `känner${_}man${_}igen`,
  ),
  `definition${ANY}`, 'definieras', 'lagen', `lagstiftning${ANY}`, `paragraf${ANY}`, `rutin${ANY}`,
  `enligt${_}` + oneOf(
    'lagen', 'sol', 'socialtjänstlagen', 'skollagen', 'brottsbalken', 'barnkonventionen', 'rutinen', 'rutinerna',
  ),
  `handlingsplan${ANY}`, `utbildning${ANY}`, `föreläsning${ANY}`, `förebygg${ANY}`, `skillnad${ANY}`, 'statistik',
  `${oneOf('räknas', 'klassas', 'anses', 'bedöms')}${_}${GAP(3)}som`,
  `vilka${_}${oneOf('tecken', 'signaler', 'varningstecken')}`, `varningssignal${ANY}`, 'varningstecken',
);

/** Markers of talk about training or policy rather than a case, question mark or not. */
const TOPIC_ONLY = oneOf(
  `utbildning${ANY}`, `föreläsning${ANY}`, `fortbildning${ANY}`, 'kurs', 'kursen', `workshop${ANY}`, `temadag${ANY}`,
  `studiedag${ANY}`, `handlingsplan${ANY}`, `policy${ANY}`, `värdegrund${ANY}`, `likabehandlingsplan${ANY}`,
);

/** Markers that a concrete child or event is described (then a question is not general). */
const CONCRETE_CASE = oneOf(
  'han', 'hon', 'hen', 'henne', 'honom', 'hans', 'hennes', 'hens', 'eleven', 'barnet', 'flickan', 'pojken', 'tjejen',
  'killen', 'dottern', 'sonen', `min${ANY}${_}elev${ANY}`, `vår${ANY}${_}elev${ANY}`, 'en av mina', 'en av våra',
  `${oneOf(`en${_}elev`, `ett${_}barn`)}${_}${oneOf('i', 'på', 'hos', 'som', 'har', 'är')}`,
  `i${_}${oneOf('min', 'vår')}${_}${oneOf('klass', 'grupp', 'förskola', 'skola')}`,
  DISCLOSURE, 'misstänker', 'i helgen', 'i går', 'igår', 'i morse', 'i dag', 'idag', 'i natt', 'förra veckan',
);

type Lexicon = Readonly<Record<
  | 'caregiver' | 'relative' | 'partner' | 'peer' | 'peerPlace' | 'otherAdult' | 'home' | 'childObject' | 'parentVictim'
  | 'activeViolence' | 'passiveViolence' | 'mutualViolence' | 'implement' | 'disclosure' | 'injuryAlways' | 'injury'
  | 'injuryCue' | 'accident' | 'fear' | 'sexual' | 'honour' | 'control' | 'domestic' | 'seriousThreat' | 'threat'
  | 'generalQuestion' | 'topicOnly' | 'concreteCase',
  RegExp
>>;

const SOURCES: Readonly<Record<keyof Lexicon, string>> = {
  caregiver: CAREGIVER, relative: RELATIVE, partner: PARTNER, peer: PEER, peerPlace: PEER_PLACE,
  otherAdult: OTHER_ADULT, home: HOME, childObject: CHILD_OBJECT, parentVictim: PARENT_VICTIM, activeViolence: ACTIVE_VIOLENCE,
  passiveViolence: PASSIVE_VIOLENCE, mutualViolence: MUTUAL_VIOLENCE, implement: IMPLEMENT, disclosure: DISCLOSURE,
  injuryAlways: INJURY_ALWAYS, injury: INJURY, injuryCue: INJURY_CUE, accident: ACCIDENT, fear: FEAR, sexual: SEXUAL,
  honour: HONOUR, control: CONTROL, domestic: DOMESTIC, seriousThreat: SERIOUS_THREAT, threat: THREAT,
  generalQuestion: GENERAL_QUESTION, topicOnly: TOPIC_ONLY, concreteCase: CONCRETE_CASE,
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
