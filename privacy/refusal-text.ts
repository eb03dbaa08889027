import type { PrivacyCategory, PrivacyVerdict } from './privacy-verdict.js';

/** How each kind of data is named to the user (Swedish, indefinite form). */
const CATEGORY_LABEL: Readonly<Record<PrivacyCategory, string>> = {
  name: 'ett namn',
  personnummer: 'ett personnummer eller samordningsnummer',
  'date-of-birth': 'ett födelsedatum',
  phone: 'ett telefonnummer',
  email: 'en e-postadress',
  address: 'en adress',
  postcode: 'ett postnummer',
  identifier: 'ett användarnamn eller ett id-nummer',
};

/** The order the kinds are named in: the most identifying first. */
const LABEL_ORDER: readonly PrivacyCategory[] = [
  'personnummer',
  'name',
  'date-of-birth',
  'identifier',
  'address',
  'postcode',
  'phone',
  'email',
];

/** The kinds of data found, named in Swedish, most identifying first ("ett personnummer eller samordningsnummer och ett namn"). */
export function namedCategories(categories: readonly PrivacyCategory[]): string {
  const present = new Set(categories);
  return listInSwedish(LABEL_ORDER.filter((category) => present.has(category)).map((category) => CATEGORY_LABEL[category]));
}

function listInSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'uppgifter som kan peka ut någon';
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function rephrasingHints(categories: ReadonlySet<PrivacyCategory>): string[] {
  const hints: string[] = [];
  if (categories.has('name') || categories.size === 0) {
    hints.push('”en flicka i årskurs 3” i stället för barnets namn', '”hennes pappa” i stället för pappans namn');
  }
  if (categories.has('personnummer') || categories.has('date-of-birth')) {
    hints.push('”ett barn i tioårsåldern” i stället för personnummer eller födelsedatum');
  }
  if (categories.has('address') || categories.has('postcode')) {
    hints.push('”familjen bor i kommunen” i stället för adress eller postnummer');
  }
  if (categories.has('phone') || categories.has('email')) {
    hints.push('kontaktuppgifter lämnar du till socialsekreteraren när ni pratar, inte här');
  }
  if (categories.has('identifier')) {
    hints.push('”hon har ett konto i sociala medier” i stället för användarnamnet; id-nummer lämnar du till socialsekreteraren');
  }
  return hints;
}

/** Where the refused message was written, and the who-to-call-now line (computed from the clock, never from the message). */
export interface RefusalContext {
  readonly sharedConversation: boolean;
  readonly callNowLine: string;
  /** The card question the conversation waits for ("2 av 4: Vad gäller oron?"), named so the user knows what to answer again. */
  readonly pendingQuestion?: string;
}

/**
 * Swedish reply for a refused message: names the kinds found (never echoes them), explains that the
 * consultation is anonymous, shows how to rephrase ("en flicka i årskurs 3" instead of a name); when
 * `sharedConversation` (group chat/channel), also asks the writer to delete the message themselves.
 * Always ends with `callNowLine`, whom to call right now: a refused message may be an acute one.
 */
export function refusalText(verdict: PrivacyVerdict, context: RefusalContext): string {
  const found = new Set(verdict.categories);
  const lines = [
    `Jag kan inte ta emot det här meddelandet. Det ser ut att innehålla ${namedCategories(verdict.categories)}.`,
    'Konsultationen är anonym: när ett barn eller en familj kan pekas ut är den inte längre anonym. ' +
      'Jag har inte sparat något av det du skrev.',
    [
      context.pendingQuestion
        ? `Svara sedan på frågan ”${context.pendingQuestion}” igen – tryck på ett alternativ på kortet, eller skriv utan uppgifter som pekar ut någon, till exempel:`
        : 'Skriv gärna frågan igen utan uppgifter som pekar ut någon, till exempel:',
      ...rephrasingHints(found).map((hint) => `- ${hint}`),
    ].join('\n'),
  ];
  if (context.sharedConversation) {
    lines.push(
      'Alla i den här konversationen kan redan läsa meddelandet, och jag kan inte ta bort det. ' +
        'Ta gärna bort det själv: håll muspekaren över meddelandet (i mobilen: håll fingret på det), ' +
        'välj Fler alternativ (…) och sedan Ta bort.',
    );
  }
  lines.push(context.callNowLine);
  return lines.join('\n\n');
}

/** Softer Swedish warning for quasi-identifiers: asks whether it can be said more generally. */
export function quasiWarningText(): string {
  return [
    'Ditt meddelande innehåller detaljer som tillsammans kan göra det möjligt att känna igen barnet, ' +
      'till exempel en viss klass (”4B”) eller att hen är den enda i sin grupp med något.',
    'Kan du säga det mer allmänt? Skriv till exempel ”en elev i mellanstadiet” i stället för klassen. ' +
      'Konsultationen ska vara anonym.',
  ].join('\n\n');
}
