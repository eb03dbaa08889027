import type { Contacts } from '../municipality/contacts.js';
import { sectionShortName } from '../municipality/schools.js';
import { dottedTime, listedWords, weekdayName, weekdayRange } from '../municipality/telephone-hours.js';
import { weekdaysNamed, weekdayWords } from './call-time.js';
import { foldDiacritics, writtenAt } from './search/swedish-analyzer.js';

/** A kind of contact detail staff ask for: a number, a fax, the hours, a time of opening or closing, lunch, a mail address … */
export type ContactKind = 'phone' | 'fax' | 'hours' | 'opens' | 'closes' | 'lunch' | 'email' | 'visit' | 'address';

/** The unit whose contact detail is asked for, as the municipality pack's contacts name it. */
export type ContactUnit =
  | {
      readonly kind: 'mottagning';
      readonly areas: readonly string[];
      /** The LSG area or school the question names the section by ("Tumba", "Hallundaskolan"). */
      readonly place?: string;
      /** Named only by a place: "öppettider … i Fittja" may be about something else in Fittja. */
      readonly byPlaceOnly: boolean;
    }
  | { readonly kind: 'socialjouren' }
  | { readonly kind: 'resursenhet'; readonly sections: readonly string[] }
  /**
   * Someone the contacts do not list ("rektorn", "förvaltningschefen"), asked for a kind of detail they give for no one,
   * or a chef of a unit they list ("sektionschefen på mottagningen"), whose own details they do not give.
   */
  | { readonly kind: 'other'; readonly person?: string };

/** A question for one or more contact details of one unit ("faxnr till mott. N?", "När stänger mottagningen på fredagar?"). */
export interface ContactQuestion {
  readonly unit: ContactUnit;
  readonly kinds: readonly ContactKind[];
  /** The weekdays the question names (1 = Monday). */
  readonly weekdays: readonly number[];
  /** A yes/no question ("Har socialjouren fax?"): a detail the unit has is answered "Ja". */
  readonly yesNo: boolean;
  /** The words of the question that name the unit, the place and the kinds: explained, not evidence of another topic. */
  readonly spans: readonly string[];
  /** The question as read: lower case, without å/ä/ö, greeting or lead-in. */
  readonly text: string;
}

/** What the contacts give for a contact question: the detail, or that the unit has no such detail. */
export type ContactFact =
  | {
      readonly kind: 'fact';
      readonly lead: string;
      /** The values the lead gives, and all the unit's values of those kinds: to find the entry that states them. */
      readonly values: readonly string[];
      readonly unitValues: readonly string[];
      /** The unit as an entry's title names it ("mottagningssektion", "socialjour"), lower case without å/ä/ö. */
      readonly unitWord: string;
    }
  | { readonly kind: 'gap'; readonly text: string };

// All patterns are matched on lower-case text without å/ä/ö, as staff also write it.
const L = String.raw`(?<![\p{L}-])`;
const R = String.raw`(?![\p{L}])`;
const JOUREN = new RegExp(String.raw`${L}(?:soc(?:ial)?[- ]?)?jour(?:en|ens)?${R}|${L}social emergency services?${R}`, 'u');
const RESURSENHET = new RegExp(String.raw`${L}resursenhet\p{L}*`, 'u');
// "mott.", "mottagningen", "mottagningssektion", "mottagningstelefonen", "soc", "socialtjänsten", "intake": the mottagning
// is the social services' door for staff. A word before it ("BUP-mottagningen", "ungdomsmottagningen") names another one.
const MOTTAGNING = new RegExp(
  String.raw`${L}(?:mott\.?(?![\p{L}])|mottagning\p{L}*|utredningsenhet\p{L}*|soc${R}|socialtjanst(?:en|ens)?${R}|socialforvaltning(?:en|ens)?${R}|intake\p{L}*|social services${R})`,
  'u',
);
// "mott. N", "mottagningen S": one letter after the unit is the area's first letter.
const AREA_LETTER = /(?<![\p{L}-])(?:mott\.?\s*|mottagning\p{L}*\s+)([a-z])\.?(?![\p{L}])/u;
// The compass words an area's name may be said with ("Södra" is also "Söder", "Syd", "S").
const COMPASS: readonly (readonly string[])[] = [
  ['norr', 'norra', 'nord', 'north', 'northern'],
  ['sodra', 'soder', 'syd', 'south', 'southern'],
  ['ostra', 'oster', 'ost', 'east', 'eastern'],
  ['vastra', 'vaster', 'vast', 'west', 'western'],
];
// The units of the contacts as a question names them ("mott.", "mottagningen", "socialjouren", "soc", "resursenheten").
const UNIT_WORDS = String.raw`mott\.?|mottagning\p{L}*|socialjour\p{L}*|jour(?:en|ens)?|soc|socialtjanst\p{L}*|resursenhet\p{L}*`;
// "sektionschefen på mottagningen", "chefen för socialjouren", "enhetschefen på utredningsenheten": a person of the unit,
// whose own details the contacts lack.
const CHIEF_OF_UNIT = new RegExp(String.raw`(?<![\p{L}-])\p{L}*chef(?:en|ens)?\s+(?:pa|hos|vid|i|inom|for|over)\s+(?:${UNIT_WORDS}|utredningsenhet\p{L}*)(?![\p{L}])`, 'u');
// The word after "på", "hos" or "vid" following the unit names whose unit it is ("mottagningen på BUP").
const OWNER = new RegExp(String.raw`(?<![\p{L}-])(?:${UNIT_WORDS})\s+(?:pa|hos|vid|i|inom|at|in)\s+([\p{L}-]+)`, 'u');

const KINDS: readonly (readonly [ContactKind, RegExp])[] = [
  ['fax', new RegExp(String.raw`${L}fax(?:nr|nummer|numret|numren|nummret|en|et)?${R}|${L}fax\s*(?:nr|nummer|numret|number)${R}`, 'u')],
  ['email', new RegExp(String.raw`${L}(?:e-?post|mejl|mail|e-?mail)(?:adress\p{L}*|address\p{L}*)?${R}`, 'u')],
  ['visit', new RegExp(String.raw`${L}(?:drop[- ]?in\p{L}*|droppin\p{L}*|besokstid\p{L}*|besoks\s*tid\p{L}*|walk-?in\p{L}*|visiting hours|oppet hus|oppen mottagning)`, 'u')],
  ['address', new RegExp(String.raw`${L}(?:besoks|post)?(?:adress|address)(?:en|er|erna)?${R}|${L}var\s+ligger\s+(?:mott|mottagning|soc|socialjour|jour|resursenhet)\p{L}*\.?|${L}where\s+is\s+the\s+(?:intake|office)`, 'u')],
  ['lunch', new RegExp(String.raw`${L}lunch\p{L}*`, 'u')],
  // A verb with an object is not the line opening: "… när soc öppnar en utredning", "börjar ett nytt ärende".
  ['opens', new RegExp(String.raw`${L}(?:(?:nar|vilken\s+tid|hur\s+dags|vilken\s+klockslag|what\s+time|when)${R}[^?.!]*${L}(?:oppnar|oppna|oppnas|opens?|borjar)${R}(?!\s+(?:en|ett|an?|the)\s)|oppningstid\p{L}*)`, 'u')],
  [
    'closes',
    new RegExp(
      String.raw`${L}(?:(?:nar|vilken\s+tid|hur\s+dags|what\s+time|when)${R}[^?.!]*${L}(?:stanger|stanga|stangs|closes?|slutar)${R}|stangningstid\p{L}*|hur\s+lange${R}[^?.!]*${L}(?:oppen|oppet|svarar|open)${R})`,
      'u',
    ),
  ],
  [
    'hours',
    new RegExp(
      String.raw`${L}(?:telefontid\p{L}*|tel\.?\s?tid\p{L}*|oppettid\p{L}*|kontorstid\p{L}*|vilka\s+tider|opening\s+hours|phone\s+hours|office\s+hours|(?:nar|vilka\s+dagar|vilka\s+tider)${R}[^?.!]*${L}(?:svarar|oppet|oppen|open)${R}|nar\s+(?:kan|far|ska)\s+(?:man|jag|vi)\s+ringa${R})`,
      'u',
    ),
  ],
  ['phone', new RegExp(String.raw`${L}(?:telefonnum\p{L}*|telefonnr\p{L}*|telnr|tfn|tel\.?(?![\p{L}])|nr${R}|nummer${R}|numret${R}|numren${R}|nummret${R}|telefon(?:en)?\s+(?:till|for|hos|pa)${R}|phone(?:\s+number)?${R}|number${R})`, 'u')],
];
// A question for a contact detail opens with a question word, says what it lacks ("jag behöver numret …"), or is a few
// words without a verb ("faxnr till mott. N?"); "Har/Finns …?" asks whether the unit has one.
const ASKS_FOR = /^(?:vilket|vilken|vilka|vad|nar|hur\s+dags|var|which|what|what's|when|where|whats)\b|^(?:kan|far)\s+(?:jag|vi|man)\s+fa\b|^kan\s+du\s+ge\b|^(?:jag|vi)\s+(?:behover|soker|letar|vill\s+ha|undrar)\b/u;
const HAS = /^(?:har|finns|finnes|has|have|does|is\s+there)\b/u;
// In a question opening with its question word, a "när …"/"om …" clause tells the situation: a kind named only there
// ("Vad händer när vi ringt numret …?") is not what is asked.
// "… och när kan man ringa?" is a second question, not the situation.
const SITUATION = /(?<!\soch|\sand)\s(?:nar|om|ifall|eftersom|innan|medan|efter\s+att|if|because|when)\s/u;
// A question about a time ("Vilken tid öppnar telefonen?"): "telefon" in it names the line, not its number.
const ASKS_TIME = /(?<![\p{L}])(?:nar|vilken\s+tid|hur\s+dags|klockan|kl|tider|what\s+time|when)(?![\p{L}])/u;
const MAX_BARE_WORDS = 9;
const GREETING = /^(?:hej(?:san)?|halla|god\s+(?:morgon|dag|kvall)|tjena|hi|hello)[\s,!.:]+/u;
const LEAD_IN = /^[^.?!:]{1,30}:\s*/u;

/**
 * The words of a matched question for a detail that ask for it: a match over a gap ("när har apoteket i Tumba öppet")
 * holds what the detail is asked of, which is not an asking word ("apoteket" must still count as named). `asking` are
 * the words a question for hours asks with besides the first and the last ("när har de öppet", "vilken tid … stänger").
 */
function askingWords(match: string, asking: readonly string[]): string[] {
  const words = match.split(/\s+/);
  if (words.length <= 2) return [match];
  return words.filter((word, i) => i === 0 || i === words.length - 1 || asking.includes(word));
}

/** Whether a text (one part of a two-part question) asks for some contact detail: a number, the hours, a fax … */
export function asksForContactDetail(text: string): boolean {
  const folded = foldDiacritics(text.toLocaleLowerCase('sv'));
  return KINDS.some(([, pattern]) => pattern.test(folded));
}

/**
 * Reads a question for a contact detail of a unit of the contacts; undefined for any other question. `askingWordList` is
 * `contactAsking` of question-words.yaml.
 */
export function readContactQuestion(clause: string, contacts: Contacts, askingWordList: readonly string[]): ContactQuestion | undefined {
  const text = foldDiacritics(clause.toLocaleLowerCase('sv')).replace(GREETING, '').replace(LEAD_IN, '').replace(/\s+/g, ' ').trim();
  const yesNo = HAS.test(text);
  const firstClause = ASKS_FOR.test(text) && !/^(?:nar|when)\b/u.test(text) ? text.split(SITUATION)[0]! : text;
  // "Vi jobbar på Brunnaskolan, vilket faxnummer har vi?": the question after the comma asks.
  const asksFor = ASKS_FOR.test(text) || ASKS_FOR.test(text.split(/,\s*/).pop() ?? '');
  if (!asksFor && !yesNo && text.split(/\s+/).length > MAX_BARE_WORDS) return undefined;
  const spans: string[] = [];
  const kinds: ContactKind[] = [];
  const taken: [number, number][] = [];
  for (const [kind, pattern] of KINDS) {
    const match = pattern.exec(firstClause);
    if (!match) continue;
    // "tel.tid" asks for hours and "fax nr" for a fax: the words of one kind are not also a telephone number.
    const [from, to] = [match.index, match.index + match[0].length];
    if (taken.some(([a, b]) => from < b && to > a)) continue;
    taken.push([from, to]);
    if (kind === 'phone' && /^telefon/u.test(match[0]) && ASKS_TIME.test(firstClause)) continue;
    if (kind === 'address' && kinds.includes('email')) continue;
    kinds.push(kind);
    spans.push(...askingWords(match[0], askingWordList));
  }
  if (kinds.length === 0) return undefined;
  // An e-mail address is given for no one: asked for anyone's, the answer is that the routines give none.
  const chief = chiefOfUnit(clause);
  const unit: ContactUnit | undefined = chief ? { kind: 'other', person: chief } : (unitOf(text, contacts, spans) ?? (kinds.every((k) => k === 'email') ? { kind: 'other' } : undefined));
  if (!unit) return undefined;
  // Without a question word, a few words that open with the detail or the unit ("faxnr till mott. N?", "jouren tel?").
  if (!asksFor && !yesNo && !spans.some((span) => text.startsWith(span))) return undefined;
  const owner = OWNER.exec(text)?.[1];
  if (owner && !isOurPlace(owner, contacts)) return undefined;
  spans.push(...weekdayWords(text));
  return { unit, kinds, weekdays: weekdaysNamed(text), yesNo, spans, text };
}

/** "Sektionschefen på mottagningen": the chef of a unit the question names, as written (lower case), read without å/ä/ö. */
function chiefOfUnit(clause: string): string | undefined {
  const text = clause.toLocaleLowerCase('sv');
  const folded = foldDiacritics(text);
  const found = CHIEF_OF_UNIT.exec(folded);
  return found ? writtenAt(text, folded, found.index, found.index + found[0].length) : undefined;
}

function unitOf(text: string, contacts: Contacts, spans: string[]): ContactUnit | undefined {
  const jouren = JOUREN.exec(text);
  if (jouren) {
    spans.push(jouren[0]);
    return { kind: 'socialjouren' };
  }
  const units = unitPatternsOf(contacts);
  const resurs = RESURSENHET.exec(text);
  const sections = units.resursSections.filter(({ own }) => {
    const at = own ? text.indexOf(own) : -1;
    if (at < 0 || /\p{L}/u.test(text.charAt(at - 1))) return false;
    spans.push(own);
    return true;
  });
  if (resurs || sections.length > 0) {
    if (resurs) spans.push(resurs[0]);
    return { kind: 'resursenhet', sections: sections.map((s) => s.name) };
  }
  const mottagning = MOTTAGNING.exec(text);
  const areas = new Set<string>();
  let place: string | undefined;
  let compassNamed = false;
  const letter = AREA_LETTER.exec(text)?.[1];
  for (const section of units.sections) {
    const named = section.words.find((_, i) => section.patterns[i]!.test(text));
    if (named) {
      areas.add(section.area);
      spans.push(named);
      compassNamed = true;
    } else if (letter && section.compass?.[0]?.startsWith(letter)) areas.add(section.area);
  }
  for (const lsg of units.lsgNames) {
    if (!lsg.pattern.test(text)) continue;
    areas.add(lsg.area);
    place ??= lsg.name;
    spans.push(lsg.name);
  }
  for (const school of units.schools) {
    if (!text.includes(school.folded)) continue;
    if (school.area === undefined) continue;
    areas.add(school.area);
    place ??= school.name;
    spans.push(school.name);
  }
  if (!mottagning && areas.size === 0) return undefined;
  if (mottagning) spans.push(mottagning[0]);
  const byPlaceOnly = !mottagning && place !== undefined && !compassNamed;
  // Named alone, a place or school is the section's only after "för", "i", "på" …: "Vilket nummer har Hallundaskolan?"
  // asks for the school's own number.
  if (byPlaceOnly && place && !placeAfterPrepositionPattern(units, place).test(text)) return undefined;
  return { kind: 'mottagning', areas: [...areas], ...(place ? { place } : {}), byPlaceOnly };
}

/** What unitOf and isOurPlace read a question against, derived once per contacts (the pack's, fixed after start). */
interface UnitPatterns {
  readonly resursSections: readonly { readonly name: string; readonly own: string }[];
  /** Each mottagningssektion with the words it may be named by and a whole-word pattern for each. */
  readonly sections: readonly { readonly area: string; readonly compass: readonly string[] | undefined; readonly words: readonly string[]; readonly patterns: readonly RegExp[] }[];
  /** Each name of an LSG area ("Alby", "Fittja"), with a whole-word pattern that allows a genitive s. */
  readonly lsgNames: readonly { readonly name: string; readonly area: string; readonly pattern: RegExp }[];
  readonly schools: readonly { readonly name: string; readonly folded: string; readonly area: string | undefined }[];
  /** The section and LSG area names an owner word ("mottagningen på Tumba") may be, folded. */
  readonly places: readonly string[];
  /** By place: the pattern for the place after "för", "i", "på" …, compiled when first needed. */
  readonly afterPreposition: Map<string, RegExp>;
}

const unitPatterns = new WeakMap<Contacts, UnitPatterns>();

function unitPatternsOf(contacts: Contacts): UnitPatterns {
  const known = unitPatterns.get(contacts);
  if (known) return known;
  const sections = contacts.mottagningssektioner.map((section) => {
    const compass = compassOf(section.name);
    const words = compass ?? [foldDiacritics(sectionShortName(section.name).toLocaleLowerCase('sv'))];
    return { area: section.area, compass, words, patterns: words.map((word) => new RegExp(String.raw`(?<![\p{L}])${word}(?![\p{L}])`, 'u')) };
  });
  const lsgNames = contacts.lsgAreas.flatMap((lsg) =>
    lsg.name.split(/\s*\/\s*/).map((name) => ({
      name,
      area: lsg.area,
      pattern: new RegExp(String.raw`(?<![\p{L}])${escape(foldDiacritics(name.toLocaleLowerCase('sv')))}s?(?![\p{L}])`, 'u'),
    })),
  );
  const schools = contacts.schools.map((school) => ({
    name: school.name,
    folded: foldDiacritics(school.name.toLocaleLowerCase('sv')),
    area: contacts.lsgAreas.find((lsg) => lsg.key === school.lsg)?.area,
  }));
  const places = [
    ...sections.flatMap((s) => s.words),
    ...contacts.lsgAreas.flatMap((lsg) => lsg.name.split(/\s*\/\s*/).map((n) => foldDiacritics(n.toLocaleLowerCase('sv')))),
  ];
  const derived: UnitPatterns = {
    resursSections: contacts.resursenheten.map((section) => ({ name: section.name, own: sectionWords(section.name) })),
    sections,
    lsgNames,
    schools,
    places,
    afterPreposition: new Map(),
  };
  unitPatterns.set(contacts, derived);
  return derived;
}

function placeAfterPrepositionPattern(units: UnitPatterns, place: string): RegExp {
  let pattern = units.afterPreposition.get(place);
  if (!pattern) {
    pattern = new RegExp(String.raw`(?<![\p{L}])(?:for|i|till|pa|vid|in|at)\s+${escape(foldDiacritics(place.toLocaleLowerCase('sv')))}`, 'u');
    units.afterPreposition.set(place, pattern);
  }
  return pattern;
}

/** "Sektionen för familjestöd" → "familjestod": the words that name a section of the resursenhet. */
function sectionWords(name: string): string {
  return foldDiacritics(name.toLocaleLowerCase('sv')).replace(/^sektionen\s+for\s+/u, '').split(/\s+och\s+/u)[0]!.trim();
}

function compassOf(sectionName: string): readonly string[] | undefined {
  const short = foldDiacritics(sectionShortName(sectionName).toLocaleLowerCase('sv'));
  return COMPASS.find((words) => words.includes(short));
}

const TIME_OR_LINE = /^(?:telefon\p{L}*|morgon\p{L}*|formiddag\p{L}*|eftermiddag\p{L}*|kvall\p{L}*|lunch\p{L}*|helg\p{L}*|vardag\p{L}*|dag\p{L}*|natt\p{L}*|tid\p{L}*)$/u;

function isOurPlace(word: string, contacts: Contacts): boolean {
  // "på måndag", "på morgonen", "i telefon": a time or the line, not an owner.
  return unitPatternsOf(contacts).places.some((place) => word === place || word === `${place}s`) || weekdayWords(word).length > 0 || TIME_OR_LINE.test(word);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const KIND_LACKED: Readonly<Record<ContactKind, string>> = {
  phone: 'inget telefonnummer',
  fax: 'inget faxnummer',
  email: 'ingen e-postadress',
  visit: 'ingen drop-in eller besökstid',
  address: 'ingen adress',
  hours: 'inga telefontider',
  opens: 'inga telefontider',
  closes: 'inga telefontider',
  lunch: 'inga lunchtider',
};

/** What the contacts say about the details a contact question asks for: the detail first, or that the unit lacks it. */
export function contactFact(asked: ContactQuestion, contacts: Contacts): ContactFact {
  const { unit } = asked;
  if (unit.kind === 'socialjouren') return jourenFact(asked, contacts);
  if (unit.kind === 'resursenhet') return resursFact(asked, contacts, unit.sections);
  if (unit.kind === 'other') return gap(asked.kinds, unit.person, contacts);
  const sections = contacts.mottagningssektioner.filter((s) => unit.areas.length === 0 || unit.areas.includes(s.area));
  const lacked = asked.kinds.filter((k) => k === 'email' || k === 'visit' || k === 'address');
  const subject = sections.length === 1 ? sections[0]!.name : 'mottagningssektionerna';
  if (lacked.length > 0) return gap(lacked, subject, contacts);
  const placeNote = unit.place && sections.length === 1 ? `${unit.place} hör till ${sections[0]!.name}. ` : '';
  const lines: string[] = [];
  const values: string[] = [];
  const numberKinds = asked.kinds.filter((k): k is 'phone' | 'fax' => k === 'phone' || k === 'fax');
  if (numberKinds.length > 0) {
    const numbers = sections.map((s) => {
      const parts = numberKinds.map((k) => `${k === 'phone' ? 'telefon' : 'fax'} ${s[k]}`);
      values.push(...numberKinds.map((k) => s[k]));
      return `**${s.name}:** ${parts.join(', ')}`;
    });
    lines.push(`${numbers.join(' · ')}.`);
    // "Vilket nummer har mottagningen på lördagar?": on a day without telephone hours the number is not what answers.
    const closed = asked.weekdays.filter((w) => !contacts.telephoneHours.days.some((d) => d.weekdays.includes(w)));
    if (closed.length > 0 && !asked.kinds.some((k) => k === 'hours' || k === 'opens' || k === 'closes' || k === 'lunch')) {
      const jouren = contacts.socialjouren;
      lines.push(`På ${pluralDays(closed.map((w) => weekdayName(w)))} finns ingen telefontid; då tar ${jouren.name.toLocaleLowerCase('sv')} emot (${jouren.phones.join(' eller ')}).`);
      values.push(...jouren.phones);
    }
  }
  const timeKinds = asked.kinds.filter((k) => k === 'hours' || k === 'opens' || k === 'closes' || k === 'lunch');
  if (timeKinds.length > 0) {
    const hours = hoursText(timeKinds, asked.weekdays, contacts, subject === 'mottagningssektionerna' ? 'Mottagningssektionerna' : subject);
    lines.push(hours.text);
    values.push(...hours.values);
  }
  const unitValues = [
    ...contacts.mottagningssektioner.flatMap((s) => (numberKinds.length > 0 ? [s.phone, s.fax] : [])),
    ...(timeKinds.length > 0 ? allTimes(contacts) : []),
  ];
  return { kind: 'fact', lead: `${placeNote}${lines.join(' ')}`, values, unitValues, unitWord: 'mottagningssektion' };
}

function jourenFact(asked: ContactQuestion, contacts: Contacts): ContactFact {
  const jouren = contacts.socialjouren;
  const lacked = asked.kinds.filter((k) => k !== 'phone' && k !== 'hours' && k !== 'opens' && k !== 'closes');
  if (lacked.length > 0) return gap(lacked, jouren.name.toLocaleLowerCase('sv'), contacts);
  const phones = `${jouren.name}: telefon ${jouren.phones.join(' eller ')}.`;
  const timed = asked.kinds.some((k) => k !== 'phone');
  const lead = timed ? `Rutinerna anger inga egna telefontider för ${jouren.name.toLocaleLowerCase('sv')}. ${jouren.note} ${phones}` : phones;
  return { kind: 'fact', lead, values: [...jouren.phones], unitValues: [...jouren.phones], unitWord: foldDiacritics(jouren.name.toLocaleLowerCase('sv')) };
}

function resursFact(asked: ContactQuestion, contacts: Contacts, named: readonly string[]): ContactFact {
  const sections = contacts.resursenheten.filter((s) => named.length === 0 || named.includes(s.name));
  const subject = sections.length === 1 ? sections[0]!.name.toLocaleLowerCase('sv') : 'resursenheten';
  const lacked = asked.kinds.filter((k) => k !== 'phone');
  if (lacked.length > 0 || sections.length === 0) return gap(lacked.length > 0 ? lacked : asked.kinds, subject, contacts, sections);
  const lead = sections.map((s) => `**${s.name}:** telefon ${s.phone}`).join(' · ');
  return { kind: 'fact', lead: `${lead}.`, values: sections.map((s) => s.phone), unitValues: contacts.resursenheten.map((s) => s.phone), unitWord: 'resursenhet' };
}

/** The unit has no such detail: say so, what it has, and whom to call. */
function gap(lacked: readonly ContactKind[], subject: string | undefined, contacts: Contacts, resurs: Contacts['resursenheten'] = []): ContactFact {
  const what = [...new Set(lacked.map((k) => KIND_LACKED[k]))].join(' eller ');
  const sections = contacts.mottagningssektioner.map((s) => `${s.name} telefon ${s.phone}, fax ${s.fax}`).join('; ');
  const jouren = `${contacts.socialjouren.name}: ${contacts.socialjouren.phones.join(' eller ')}`;
  const jourenName = contacts.socialjouren.name.toLocaleLowerCase('sv');
  const has =
    resurs.length > 0
      ? `Det som finns är telefon: ${resurs.map((s) => `${s.name} ${s.phone}`).join('; ')}.`
      : subject === jourenName
        ? `${contacts.socialjouren.name} nås på telefon ${contacts.socialjouren.phones.join(' eller ')}. Under telefontid tar mottagningssektionerna emot: ${sections}.`
        : `Det som finns är telefon och fax: ${sections}. Utanför telefontid: ${jouren}.`;
  const text = [
    subject ? `Rutinerna anger ${what} ${prepositionFor(lacked)} ${subject}, och jag vill inte gissa.` : 'Rutinerna anger inga e-postadresser, och jag vill inte gissa.',
    has,
    `Är ett barn i akut fara: ring ${contacts.emergency.phone}.`,
  ].join('\n\n');
  return { kind: 'gap', text };
}

/** "ett faxnummer till …" but "telefontider för …": a number or an address goes to a unit, a time is the unit's. */
function prepositionFor(lacked: readonly ContactKind[]): string {
  return lacked.every((k) => k === 'hours' || k === 'opens' || k === 'closes' || k === 'lunch' || k === 'visit') ? 'för' : 'till';
}

/** The hours asked for, as one sentence, and the times it names. */
function hoursText(kinds: readonly string[], weekdays: readonly number[], contacts: Contacts, subject: string): { text: string; values: string[] } {
  const hours = contacts.telephoneHours;
  const days = weekdays.length > 0 ? hours.days.filter((d) => d.weekdays.some((w) => weekdays.includes(w))) : hours.days;
  const closedDays = weekdays.filter((w) => !hours.days.some((d) => d.weekdays.includes(w)));
  if (weekdays.length > 0 && closedDays.length === weekdays.length) {
    const names = pluralDays(closedDays.map((w) => weekdayName(w)));
    return { text: `${subject} har ingen telefontid på ${names}; då tar ${contacts.socialjouren.name.toLocaleLowerCase('sv')} emot (${contacts.socialjouren.phones.join(' eller ')}).`, values: [...contacts.socialjouren.phones] };
  }
  const open = openDaysText(kinds, weekdays, days, contacts, subject);
  if (closedDays.length === 0) return open;
  // "… på måndag och lördag?": the day without telephone hours is not left out.
  const names = pluralDays(closedDays.map((w) => weekdayName(w)));
  const jouren = contacts.socialjouren;
  return {
    text: `${open.text} På ${names} finns ingen telefontid; då tar ${jouren.name.toLocaleLowerCase('sv')} emot (${jouren.phones.join(' eller ')}).`,
    values: [...open.values, ...jouren.phones],
  };
}

function openDaysText(
  kinds: readonly string[],
  weekdays: readonly number[],
  days: Contacts['telephoneHours']['days'],
  contacts: Contacts,
  subject: string,
): { text: string; values: string[] } {
  const hours = contacts.telephoneHours;
  const lunch = hours.breaks.map((b) => `${dottedTime(b.from)}–${dottedTime(b.to)}`).join(', ');
  const lunchValues = hours.breaks.flatMap((b) => [dottedTime(b.from), dottedTime(b.to)]);
  const dayText = (d: (typeof days)[number]) => weekdayRange(d.weekdays.filter((w) => weekdays.length === 0 || weekdays.includes(w)));
  const onDays = (d: (typeof days)[number]) => {
    const range = dayText(d);
    if (range.includes('–')) return range;
    // "på tisdagar och torsdagar": days that are not consecutive, each in the plural.
    return `på ${pluralDays(range.split(/, | och /u))}`;
  };
  const sameOpen = new Set(days.map((d) => d.open)).size === 1;
  const lunchNote = lunch ? `lunchstängt ${lunch}` : '';
  if (kinds.includes('lunch')) {
    return { text: `${subject} har ${lunchNote || 'inget lunchuppehåll i rutinen'}${lunch ? ' alla dagar' : ''}.`, values: lunchValues };
  }
  if (kinds.includes('opens') && !kinds.includes('closes') && !kinds.includes('hours')) {
    const when = sameOpen ? `${dottedTime(days[0]!.open)} ${weekdays.length > 0 ? days.map(onDays).join(' och ') : 'alla vardagar'}` : days.map((d) => `${dottedTime(d.open)} ${onDays(d)}`).join(', ');
    const after = hours.breaks.length > 0 ? `, och igen ${hours.breaks.map((b) => dottedTime(b.to)).join(', ')} efter lunch` : '';
    return { text: `${subject} öppnar telefonen ${when}${after}.`, values: [...days.map((d) => dottedTime(d.open)), ...hours.breaks.map((b) => dottedTime(b.to))] };
  }
  if (kinds.includes('closes') && !kinds.includes('hours')) {
    const when = days.map((d) => `${dottedTime(d.close)} ${onDays(d)}`).join(', ');
    return { text: `${genitive(subject)} telefon stänger ${when}${lunchNote ? `; ${lunchNote}` : ''}.`, values: [...days.map((d) => dottedTime(d.close)), ...lunchValues] };
  }
  const list = days.map((d) => `${dayText(d)} ${dottedTime(d.open)}–${dottedTime(d.close)}`).join(', ');
  return {
    text: `${genitive(subject)} telefontider: ${list}${lunchNote ? `; ${lunchNote}` : ''}.`,
    values: [...days.flatMap((d) => [dottedTime(d.open), dottedTime(d.close)]), ...lunchValues],
  };
}

function genitive(name: string): string {
  return /s$/u.test(name) ? name : `${name}s`;
}

function allTimes(contacts: Contacts): string[] {
  const hours = contacts.telephoneHours;
  return [...hours.days.flatMap((d) => [dottedTime(d.open), dottedTime(d.close)]), ...hours.breaks.flatMap((b) => [dottedTime(b.from), dottedTime(b.to)])];
}

/** "lördagar och söndagar". */
function pluralDays(days: readonly string[]): string {
  return listedWords(days.map((day) => `${day}ar`));
}
