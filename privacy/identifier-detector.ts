import type { Findings } from './findings.js';

/** A social media handle: "@liten.prinsessan.tumba2014", "@tumba_boy_2012"; not an e-mail address ("anna@skola.se"). */
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_][\p{L}\p{N}_.]{2,40}(?![\p{L}\p{N}_@])/gu;
/** A user name written without "@" next to a platform: "Hans Snapchat heter xx_tumbakungen_xx", "TikTok: tumba.kid08". */
const PLATFORM_USER =
  /(?:instagram|insta|snapchat|snap|tiktok|discord|kik|facebook|twitter|youtube|twitch|telegram|roblox|fortnite|minecraft|reddit|pinterest|vsco|bereal|steam|xbox|playstation|användarnamn\p{L}*|(?:spelar|gamer|konto|profil)namn\p{L}*|gamertag|gamer\s?tag|nickname|nick|username|user\s?name|handle|konto\p{L}*|account|profil\p{L}*|profile)[^\n]{0,24}?(?:(?<![\p{L}])(?:heter|är|is)(?![\p{L}])|:|=)\s*["'“”]?([\p{L}\p{N}][\p{L}\p{N}_.-]{2,40})/giu;
/** A user name that is plainly not a word: it has an underscore, a dot or a digit inside, or a capital inside ("HamdiVlogs"). */
const MACHINE_NAME = /[_.\d]|\p{Ll}\p{Lu}/u;
/** A channel or account named right after the platform: "YouTube-kanalen HamdiVlogs", "tiktokkontot tumba_kid". */
const PLATFORM_CHANNEL =
  /(?:instagram|insta|snapchat|snap|tiktok|discord|kik|facebook|twitter|youtube|twitch|telegram|roblox|minecraft|reddit|steam)-?(?:kanal(?:en)?|kont(?:o|ot)|profil(?:en)?|namn(?:et)?|channel|account|konto)?\s+["'“”]?([\p{L}\p{N}][\p{L}\p{N}_.-]{2,40})/giu;
/** A user name that is plainly not a word, placed on a platform: "hon heter tumba_kid08 på Discord", "kid.09 on TikTok". */
const USER_ON_PLATFORM =
  /(?<![\p{L}\p{N}_.@-])([\p{L}\p{N}][\p{L}\p{N}_.-]{2,40})\s+(?:på|on|i|in)\s+(?:instagram|insta|snapchat|snap|tiktok|discord|kik|facebook|twitter|youtube|twitch|telegram|roblox|fortnite|minecraft|reddit|steam|xbox|playstation)(?![\p{L}])/giu;
/** Before a platform a user name needs a digit, an underscore or a capital inside; a dot alone is "t.ex." or "bl.a.". */
const HANDLE_SHAPE = /[_\d]|\p{Ll}\p{Lu}/u;
const TWO_LETTERS = /\p{L}[^\p{L}]*\p{L}/u;
/** A user name with a Discord-style tag: "zeynepp#4821". */
const TAGGED_USER = /(?<![\p{L}\p{N}_.])[\p{L}\p{N}_.]{2,32}#\d{4}(?!\d)/gu;
/** A Swedish registration plate, "KTR 118", "ABC12D", "ABC 12 D", read only where a vehicle is spoken of. */
const PLATE = /(?<![\p{L}\p{N}])[A-Z]{3}\s?\d{2}\s?[\dA-Z](?![\p{L}\p{N}])/gu;
/** What every plate contains (PLATE is case-sensitive): looked for before the vehicle words, as it is rarer and cheaper. */
const PLATE_HINT = /[A-Z]{3}\s?\d{2}/;
const VEHICLE_WORD = /\b(?:bil\p{L}*|volvo|saab|audi|bmw|toyota|taxi\p{L}*|reg\.?(?:\s?nr)?|regnummer|registrerings\p{L}*|skylt\p{L}*|car|vehicle|van|plate)\b/iu;
/**
 * Any labelled number: a word ending in "-nummer", "-nr", "-id" or "-kort" ("ärendenummer", "LMA-nr", "kundnr",
 * "UT-kortet har nummer …") and a token with four digits or more within a few words. Telephone and public numbers
 * were claimed before this runs. The label's ending is found first; the word it ends is then read backwards.
 */
const LABEL_ENDING = /(?:nummer|numret|nr|id|kort|kortet)(?![\p{L}])/giu;
/** The word a label ending ends, digits inside it too ("Skola24-id"). */
const LABEL_WORD_BEFORE = /((?:\p{L}[\p{L}\d]*)?)(-?)$/u;
/** Words whose numbers are public or read by other detectors (telephone, postcode, personnummer, case numbers of authorities). */
const NOT_AN_ID_LABEL =
  /^(?:d$|dnr|diarie|org|organisations|boknings|beställnings|produkt|kvitto|avtals|projekt|serie|faktura|order|referens|ocr|artikel|telefon|tel|fax|mobil|post|sfs|mål|paragraf|kapitel|version|sid|rum|lokal|buss|linje|person(?!al)|födelse|samordnings|p$|pers$|sam$)/u;
/** Words that end in "-id" or "-kort" as words do ("konsultationstid", "vykort"): only these compounds are labels. */
const ID_COMPOUNDS = /^(?:elev|användar|kund|user|lma|id|bank|konto|student|pupil)$/u;
const LABELLED_VALUE = /^[^\n.!?]{0,28}?(?<![\p{L}\p{N}])(\p{L}{0,3}\d[\p{L}\p{N}]*(?:[ /-]\d[\p{L}\p{N}]*){0,3})/u;
const LABEL_HINT = /nummer|numret|nr|id|kort/i;
/** Numbers of documents and accounts (passport, LMA card, dossier, user id, vehicle registration): the first token with a digit after the label. */
const DOCUMENT_NUMBER =
  /(?:pass(?:nummer|numret|nr|et)|passport(?:\s+(?:number|no\.?))?|lma-?\s?kort\p{L}*|lma-?\s?nummer|lma-?\s?nr|dossier-?\s?num+e?r(?:et)?|dossiernr|uma-?\s?nummer|id-?\s?kort\p{L}*|användar-?\s?id\p{L}*|elev-?\s?id\p{L}*|user\s?id|login|inlogg\p{L}*|kundnummer|medlemsnummer|journal-?\s?(?:nummer|numret|nr)|patient-?\s?(?:nummer|numret|nr|id)|registreringsnummer\p{L}*|reg\.?\s?nr|regnummer|registration(?:\s+(?:number|plate))?|licen[cs]e\s+plate|number\s+plate|plate\s+number)[^\n]{0,28}?(?<![\p{L}\p{N}])(\p{L}{0,8}\d[\p{L}\p{N}]*(?:[/-][\p{L}\p{N}]+){0,2})/giu;
/** A number given as a child's id, or as their id in a school system: "elevens id i Skola24 är 5521-8734", "her pupil ID is 88 1203". */
const POSSESSIVE_ID =
  /(?<![\p{L}])(?:elevens|barnets|pojkens|flickans|hennes|hans|hens|pupil'?s|student'?s|child'?s|his|her)\s+(?:användar-?|user\s?|elev-?|pupil\s)?id(?:-?nummer|-?nr|\s+number)?(?![\p{L}])[^\n]{0,30}?(?<![\p{L}\p{N}])(\d[\d -]{2,14}\d)(?!\d)/giu;
/** What a document number is not: a year ("sedan 2019") or a small count ("3 gånger"). */
const NOT_A_DOCUMENT_NUMBER = /^(?:(?:19|20)\d{2}|\d{1,3})$/;
/** A number, not a range of hours or a count: four digits in one group, or six in all. */
const DIGIT = /\d/;
const FOUR_DIGITS = /\d{4}|\d(?:\D*\d){5}/;
const HINT =
  /@|\bid\b|\b(?:insta|snap|tiktok|discord|kik|facebook|twitter|youtube|twitch|telegram|roblox|fortnite|minecraft|reddit|steam|xbox|playstation|användar|spelarnamn|gamer|nick|journal|patient|username|user|handle|konto|account|profil|pass(?:nummer|numret|nr|et|port)|lma|dossier|uma|id-?\s?kort|elev-?\s?id|login|inlogg|kundnummer|medlemsnummer|regist|reg\.?\s?nr|regnummer|licen[cs]e|number\s+plate|plate\s+number)/i;

function detectLabelledNumbers(text: string, findings: Findings): void {
  LABEL_ENDING.lastIndex = 0;
  for (let match = LABEL_ENDING.exec(text); match !== null; match = LABEL_ENDING.exec(text)) {
    const ending = match[0].toLowerCase();
    const word = LABEL_WORD_BEFORE.exec(text.slice(Math.max(0, match.index - 21), match.index))!;
    const stem = word[1]!.toLowerCase();
    const hyphen = word[2] === '-';
    // "har nummer 4471" alone says nothing of whose number it is; "kundnummer", "LMA-nr", "UT-kortet" do.
    if (stem === '') continue;
    if (!hyphen && (ending === 'id' || ending.startsWith('kort')) && stem !== '' && !ID_COMPOUNDS.test(stem)) continue;
    if (stem !== '' && NOT_AN_ID_LABEL.test(stem)) continue;
    const after = match.index + match[0].length;
    const value = LABELLED_VALUE.exec(text.slice(after, after + 80));
    if (value === null) continue;
    const number = value[1]!;
    const end = after + value[0].length;
    if (!FOUR_DIGITS.test(number) || NOT_A_DOCUMENT_NUMBER.test(number) || findings.overlapsClaimed(end - number.length, end)) continue;
    findings.add('identifier', end - number.length, end);
  }
}

/** Tags, plates and labelled numbers: each needs a digit, none a platform or document word. */
function detectNumbersWithoutPlatform(text: string, findings: Findings): void {
  if (text.includes('#')) {
    TAGGED_USER.lastIndex = 0;
    for (let match = TAGGED_USER.exec(text); match !== null; match = TAGGED_USER.exec(text)) {
      findings.add('identifier', match.index, match.index + match[0].length);
    }
  }
  if (PLATE_HINT.test(text) && VEHICLE_WORD.test(text)) {
    PLATE.lastIndex = 0;
    for (let match = PLATE.exec(text); match !== null; match = PLATE.exec(text)) {
      findings.add('identifier', match.index, match.index + match[0].length);
    }
  }
  if (LABEL_HINT.test(text)) detectLabelledNumbers(text, findings);
}

/**
 * Finds identifiers that point to one person without a name: social media handles and user names, passport,
 * LMA-card and dossier numbers, user ids, a child's id in a school system and vehicle registration numbers.
 */
export function detectIdentifiers(text: string, findings: Findings): void {
  const digit = DIGIT.test(text);
  if (digit) detectNumbersWithoutPlatform(text, findings);
  if (!HINT.test(text)) return;
  HANDLE.lastIndex = 0;
  for (let match = HANDLE.exec(text); match !== null; match = HANDLE.exec(text)) {
    const end = match.index + match[0].length;
    if (findings.overlapsClaimed(match.index, end)) continue;
    findings.add('identifier', match.index, end);
  }
  PLATFORM_USER.lastIndex = 0;
  for (let match = PLATFORM_USER.exec(text); match !== null; match = PLATFORM_USER.exec(text)) {
    const name = match[1]!;
    const end = match.index + match[0].length;
    if (!MACHINE_NAME.test(name) || findings.overlapsClaimed(end - name.length, end)) continue;
    findings.add('identifier', end - name.length, end);
  }
  USER_ON_PLATFORM.lastIndex = 0;
  for (let match = USER_ON_PLATFORM.exec(text); match !== null; match = USER_ON_PLATFORM.exec(text)) {
    const name = match[1]!;
    const start = match.index;
    if (!HANDLE_SHAPE.test(name) || !TWO_LETTERS.test(name) || findings.overlapsClaimed(start, start + name.length)) continue;
    findings.add('identifier', start, start + name.length);
  }
  PLATFORM_CHANNEL.lastIndex = 0;
  for (let match = PLATFORM_CHANNEL.exec(text); match !== null; match = PLATFORM_CHANNEL.exec(text)) {
    const name = match[1]!;
    const end = match.index + match[0].length;
    if (!MACHINE_NAME.test(name) || findings.overlapsClaimed(end - name.length, end)) continue;
    findings.add('identifier', end - name.length, end);
  }
  if (!digit) return;
  DOCUMENT_NUMBER.lastIndex = 0;
  for (let match = DOCUMENT_NUMBER.exec(text); match !== null; match = DOCUMENT_NUMBER.exec(text)) {
    const number = match[1]!;
    const end = match.index + match[0].length;
    if (NOT_A_DOCUMENT_NUMBER.test(number) || findings.overlapsClaimed(end - number.length, end)) continue;
    findings.add('identifier', end - number.length, end);
  }
  POSSESSIVE_ID.lastIndex = 0;
  for (let match = POSSESSIVE_ID.exec(text); match !== null; match = POSSESSIVE_ID.exec(text)) {
    const number = match[1]!;
    const end = match.index + match[0].length;
    if (number.replace(/\D/g, '').length < 4 || findings.overlapsClaimed(end - number.length, end)) continue;
    findings.add('identifier', end - number.length, end);
  }
}
