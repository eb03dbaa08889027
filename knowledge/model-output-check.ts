/**
 * What a language model may not add to an answer: links, markup, e-mail addresses and telephone
 * numbers that the passages it was given do not contain, and other numbers (days, dates, ages) that
 * neither the passages nor the question contain. Teams renders Markdown and turns bare domains into
 * links, so any of these could send a worried member of staff somewhere the municipality never
 * pointed them. Plain TypeScript, no I/O.
 */

/** Kinds of content a model may only repeat, in the order they are checked. */
export const ADDED_CONTENT_KINDS = ['markup', 'url', 'email', 'phone', 'number'] as const;
/** One kind of content the model added. */
export type AddedContentKind = (typeof ADDED_CONTENT_KINDS)[number];

/** What the model was given: the passages and, for plain numbers only, the question. */
export interface Grounding {
  readonly passages: readonly string[];
  readonly question?: string;
}

/**
 * The first kind of content in `text` that the grounding lacks, or undefined when there is none.
 * Links, markup, e-mail addresses and phone numbers must be in the passages; a phone number is
 * compared by its digits, so "+46 8 530 622 55" repeats "08-530 622 55".
 */
export function findAddedContent(text: string, grounding: Grounding): AddedContentKind | undefined {
  const found = contentOf(text);
  const allowed = contentOf(grounding.passages.join('\n'));
  if ([...found.markup].some((token) => !allowed.markup.has(token))) return 'markup';
  if ([...found.url].some((token) => !allowed.url.has(token))) return 'url';
  if ([...found.email].some((token) => !allowed.email.has(token))) return 'email';
  if ([...found.phone].some((number) => !phoneIn(number, allowed.phone))) return 'phone';
  const groundDigits = digitsOf(normalise(`${grounding.passages.join(' ')} ${grounding.question ?? ''}`));
  if ((found.rest.replace(CITATION, ' ').match(NUMBER) ?? []).some((number) => !groundDigits.includes(digitsOf(number)))) return 'number';
  return undefined;
}

/** Each kind of content in a text, normalised so the same link or number written two ways compares equal. */
interface ContentTokens {
  readonly markup: Set<string>;
  readonly url: Set<string>;
  readonly email: Set<string>;
  /** National digits: "+46 8-530 622 55" and "08-530 622 55" are both "0853062255". */
  readonly phone: Set<string>;
  /** The text with all of the above blanked out, for the remaining numbers. */
  readonly rest: string;
}

const CITATION = /\[\d+\]/g;
/** Any other number: "14", "3 veckor", "8.30", "2026-11-22". */
const NUMBER = /\d[\d\s.-]*\d|\d/g;

const HTML_TAG = /<\s*\/?\s*[a-z!?][^<>\n]{0,200}>?/gi;
const HTML_ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;
/** `[text](target)` and `![alt](src)`; a citation followed by a space and a parenthesis, `[1] (se nedan)`, is not one. */
const MARKDOWN_LINK = /!?\[[^\]\n]*\]\([^)\n]*\)?/g;
/** Reference-style link definitions: `[1]: https://…`. */
const MARKDOWN_REFERENCE = /^\s{0,3}\[[^\]\n]+\]:\s*\S+/gm;

const EMAIL = /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu;
const OBFUSCATED_EMAIL = /[\p{L}\p{N}._-]{1,64}\s?(?:\(at\)|\[at\]|\(snabel-a\))\s?[\p{L}\p{N}-]{1,63}(?:\.|\s?\(dot\)\s?)\p{L}{2,24}/giu;

const SCHEME_URL = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s<>"'`]+/gi;
/** Schemes without `//` that a client opens: `mailto:`, `tel:`, `javascript:`, `data:text/html,…`. */
const OTHER_SCHEME_URL = /\b(?:mailto|tel|sms|callto|sip|javascript|vbscript|data|file|msteams):(?=[^\s])[^\s<>"'`]*/gi;
const WWW_URL = /\bwww\d{0,3}\.[^\s<>"'`]+/gi;
/** `name.tld` with an optional path; the top-level domain decides whether it is one (see KNOWN_TLDS). */
const BARE_DOMAIN = /(?<![\p{L}\p{N}@._-])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+)(\p{L}{2,24})(?![\p{L}\p{N}_-])(\/[^\s<>"'`]*)?/gu;

/** Runs of six digits or more, with the separators people write in telephone numbers. */
const PHONE = /(?<![\p{N}+])(?:\+\s?)?\(?\d(?:[ \-()]{0,3}\d){5,16}(?!\p{N})/gu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const THOUSANDS = /^\d{1,3}(?: \d{3})+$/;

/**
 * Country-code domains and the generic ones seen in links, so that "t.ex." or "bl.a." is not taken
 * for a domain. Left out on purpose: .nr ("tel.nr") and generic domains that are Swedish words
 * (.art, .bar, .bet, .bio, .center, .digital, .film, .global, .gratis, .media, .men, .press, .social, .support).
 */
const KNOWN_TLDS = new Set(
  (
    'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ' +
    'ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu ' +
    'fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu ' +
    'id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ' +
    'ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nu nz om ' +
    'pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz ' +
    'tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw ' +
    'com net org info biz gov edu mil int name pro mobi app dev page link click site online store shop tech xyz top ' +
    'club live news blog cloud email today life world stockholm zip mov icu vip work space website host ' +
    'help services network group solutions agency company health care school ' +
    'education family chat download win bid loan party review stream trade date faith racing science ' +
    'casino poker game games lol wtf ink one nyc london berlin amsterdam paris tokyo moe eus xxx porn sex adult'
  ).split(' '),
);

function contentOf(raw: string): ContentTokens {
  let text = normalise(raw);
  const markup = new Set<string>();
  for (const pattern of [HTML_TAG, HTML_ENTITY, MARKDOWN_LINK, MARKDOWN_REFERENCE]) {
    for (const match of text.matchAll(pattern)) markup.add(collapse(match[0]));
  }
  // An HTML tag is compared whole, so nothing inside it is read again; a Markdown link's target is, as a link.
  text = blank(text, [HTML_TAG, HTML_ENTITY]);

  const email = new Set<string>();
  for (const match of text.matchAll(EMAIL)) email.add(match[0].toLowerCase());
  for (const match of text.matchAll(OBFUSCATED_EMAIL)) {
    email.add(match[0].toLowerCase().replace(/\s*(?:\(at\)|\[at\]|\(snabel-a\))\s*/, '@').replace(/\s*\(dot\)\s*/g, '.'));
  }
  text = blank(text, [EMAIL, OBFUSCATED_EMAIL]);

  const url = new Set<string>();
  for (const pattern of [SCHEME_URL, OTHER_SCHEME_URL, WWW_URL]) {
    for (const match of text.matchAll(pattern)) addUrl(url, match[0]);
  }
  text = blank(text, [SCHEME_URL, OTHER_SCHEME_URL, WWW_URL]);
  text = text.replace(BARE_DOMAIN, (whole: string, labels: string, tld: string, path: string | undefined) => {
    if (!isDomain(labels.split('.').filter(Boolean), tld.toLowerCase(), path)) return whole;
    addUrl(url, whole);
    return ' '.repeat(whole.length);
  });

  const phone = new Set<string>();
  text = text.replace(PHONE, (written) => {
    if (ISO_DATE.test(written.trim()) || THOUSANDS.test(written.trim())) return written;
    phone.add(nationalDigits(written.trim()));
    return ' '.repeat(written.length);
  });
  return { markup, url, email, phone, rest: text };
}

/**
 * Whether `labels.tld/path` is a domain rather than words run together or an abbreviation: a known
 * top-level domain, a path, or two real labels before it ("mail.example.zz"). Single letters before a
 * two-letter ending are Swedish abbreviations ("t.h.", "f.Kr.", "i.st.f."), not domains.
 */
function isDomain(labels: readonly string[], tld: string, path: string | undefined): boolean {
  if (path !== undefined && path.length > 1) return true;
  if (tld.length === 2 && labels.every((label) => label.length === 1)) return false;
  return KNOWN_TLDS.has(tld) || labels.filter((label) => label.length >= 2).length >= 2;
}

/**
 * The same text a reader would see, written one way: compatibility forms folded (fullwidth ＜ and ．),
 * invisible format characters (zero-width space, soft hyphen) removed, every dash a hyphen.
 */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\p{Cf}/gu, '')
    .replace(/[\u3002\uFF61]/g, '.')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

function collapse(token: string): string {
  return token.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Replaces what a pattern matched with spaces, so a later pattern does not find parts of it. */
function blank(text: string, patterns: readonly RegExp[]): string {
  return patterns.reduce((current, pattern) => current.replace(pattern, (match) => ' '.repeat(match.length)), text);
}

/** Adds a link without scheme, `www.`, trailing punctuation or slash, and its host on its own. */
function addUrl(urls: Set<string>, written: string): void {
  const link = written
    .toLowerCase()
    .replace(/[.,;:!?)\]}*_]+$/, '')
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\d{0,3}\./, '')
    .replace(/\/+$/, '');
  if (link === '') return;
  urls.add(link);
  if (!/^[a-z][a-z0-9+.-]*:/.test(link)) urls.add(link.split(/[/?#]/)[0]!);
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Digits in national form: +46 8 … and 0046 8 … become 08 …. */
function nationalDigits(written: string): string {
  const digits = digitsOf(written);
  if (written.startsWith('+46')) return `0${digits.slice(2)}`;
  if (digits.startsWith('0046')) return `0${digits.slice(4)}`;
  return digits;
}

/** True when a number is one of the passages' numbers, or one of them without its area code ("530 622 55"). */
function phoneIn(number: string, allowed: ReadonlySet<string>): boolean {
  if (allowed.has(number)) return true;
  if (number.startsWith('0')) return false;
  return [...allowed].some((known) => known.startsWith('0') && known.endsWith(number) && known.length - number.length <= 4);
}
