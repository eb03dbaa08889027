import type { QuestionWords } from './question-words.js';
import { SWEDISH_MODALS } from './question-shape.js';
import { foldDiacritics, writtenAt } from './search/swedish-analyzer.js';

/**
 * The word lists of question-words.yaml a question's opening is read with, all without å/ä/ö: the subjects that stand
 * between the asking words and the thing asked about ("man", "vi"), the articles and determiners before the thing, which
 * name nothing themselves ("ett sådant möte", "vår rutin"), and the nouns naming the kind of value asked for ("vilken
 * månad", "vilket nummer").
 */
export type AskedThingWords = Pick<QuestionWords, 'askedPersons' | 'askedArticles' | 'valueNouns'>;

// The modal verbs (the one list, read without å/ä/ö) and the verbs used as one ("brukar", "borde").
const MODAL_WORDS = [...new Set([...SWEDISH_MODALS.map(foldDiacritics), 'borde', 'brukar'])].join('|');
const MODAL = `(?:${MODAL_WORDS})`;
// "Hur mycket pengar …?": the thing whose amount is asked.
const HOW_MUCH = /^hur\s+mycket\s+(\p{L}+)/du;
// "Hur lång tid tar det för socialnämnden att besluta om X?": what is timed is what follows "att" or "innan".
const HOW_LONG_UNTIL = /^(?:inom\s+)?hur\s+(?:lang\s+tid|lange|snabbt)\b.*?(?<!\p{L})(?:att|innan|tills)\s+(.+)$/du;
// "Hur snabbt kan socialtjänsten ordna X?": what is timed is the doing after the modal and its subject.
// ("Hur snabbt bör mötet ske …?" asks how soon it should be, which the lead-time checks look after.)
const HOW_SOON_CAN = /^hur\s+(?:snabbt|fort|tidigt)\s+(?:kan|ska|skall|maste|far|brukar)\s+\p{L}+\s+(.+)$/du;

/** What a question asks about, in the question's own words (lower case). */
export interface AskedThing {
  /** Words an answering entry must have where they are telling: the doing asked about, what is timed. */
  readonly words: string;
  /** Whether the words are all of what is asked ("… att besluta om en kontaktfamilj"): a word the routines lack is then unspoken of. */
  readonly wholeWords: boolean;
  /** The one noun naming the thing asked about ("budget", "kön"): a word the routines lack means no entry speaks of it. */
  readonly noun?: string;
  /** "Hur fungerar kön …?", "Hur håller man ett utvecklingssamtal?": the thing whose working or doing is asked is the topic itself. */
  readonly aboutNoun: boolean;
}

/** The patterns that read the thing asked about with the word lists' subjects, articles and value nouns. */
interface AskedThingPatterns {
  readonly which: RegExp;
  readonly whatApplies: RegExp;
  readonly howWorks: RegExp;
  readonly howOneDoes: RegExp;
  readonly howSomeoneDoes: RegExp;
}

const patternsByWords = new WeakMap<AskedThingWords, AskedThingPatterns>();

function patternsOf(words: AskedThingWords): AskedThingPatterns {
  const cached = patternsByWords.get(words);
  if (cached) return cached;
  const person = `(?:${words.askedPersons.join('|')})`;
  const article = String.raw`(?:(?:${words.askedArticles.join('|')})\s+){0,2}`;
  const patterns: AskedThingPatterns = {
    // "Vilken budget …?", "Vilket arbetsschema …?": the thing asked for is the noun after the question word ("vilka" is as
    // often followed by a verb: "vilka ingår …", "vilka sitter …"). A noun naming the kind of value asked for ("vilken
    // månad", "vilket nummer") says what the answer is, not what it is about: the value checks look after those.
    which: new RegExp(String.raw`^(?:vilken|vilket)\s+(?!(?:${words.valueNouns.join('|')})\b)(\p{L}+)`, 'du'),
    // "Vad gäller för skolskjuts?", "Vilka regler gäller vid utflykter?": the thing whose rules are asked is the noun after
    // the preposition.
    whatApplies: new RegExp(String.raw`^(?:vad|vilka\s+regler|vilka\s+rutiner)\s+(?:som\s+)?gall(?:er|de)\s+(?:for|vid|kring|om|i)\s+${article}(\p{L}+)`, 'du'),
    // "Hur fungerar kön …?", "Hur går ett trepartssamtal till?": the thing whose working is asked.
    howWorks: new RegExp(String.raw`^hur\s+(?:fungerar|funkar|gar)\s+${article}(\p{L}+)`, 'du'),
    // "Hur bokar man lokal …?", "Hur leder man ett föräldramöte …?": the doing and what is done; after a modal ("Hur ska vi
    // planera …?", "Hur brukar man göra …?") the doing is the verb that follows the subject; what is applied or signed up
    // for follows "om"/"till" ("Hur ansöker man om plats …?", "Hur anmäler man sig till …?").
    howOneDoes: new RegExp(
      String.raw`^hur\s+(?:${MODAL}\s+${person}\s+(\p{L}+)|(\p{L}+)\s+${person})\s+(?:sig\s+)?(?:om\s+|till\s+)?${article}(?:bra\s+|nytt?\s+)?(\p{L}+)`,
      'du',
    ),
    // "Hur prioriterar polisen …?", "Hur organiserar regionen …?": the doing (a verb in the present, not "hur hög …", "hur
    // är …"), of whom and of what.
    howSomeoneDoes: new RegExp(
      String.raw`^hur\s+(?!(?:ar|blir|var|ser|gar|fungerar|funkar|${MODAL_WORDS})\b)(\p{L}+r)\s+(?!${person}\b)${article}(\p{L}+)(?:\s+(\p{L}+))?`,
      'du',
    ),
  };
  patternsByWords.set(words, patterns);
  return patterns;
}

/**
 * What a question asks about, read from how it opens: the noun after "Vilken …" or "Hur mycket …", what "Hur fungerar
 * …" asks of, the doing and its object in "Hur bokar man …", the doing and its doer in "Hur prioriterar polisen …", what
 * is timed in "Hur lång tid tar det att …". Undefined when the question opens otherwise. The patterns read the question
 * without å/ä/ö, as staff also write it; the words are given as written.
 */
export function askedThingOf(clause: string, askedWords: AskedThingWords): AskedThing | undefined {
  const { which, whatApplies, howWorks, howOneDoes, howSomeoneDoes } = patternsOf(askedWords);
  const text = clause.toLocaleLowerCase('sv').replace(/[^\p{L}\d\s-]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const folded = foldDiacritics(text);
  const words = (match: RegExpExecArray, group: number): string | undefined => {
    const at = match.indices?.[group];
    return at === undefined ? undefined : writtenAt(text, folded, at[0], at[1]);
  };
  const read = (pattern: RegExp) => pattern.exec(folded);
  const timed = read(HOW_LONG_UNTIL) ?? read(HOW_SOON_CAN);
  if (timed) return { words: words(timed, 1)!, wholeWords: true, aboutNoun: false };
  const works = read(howWorks);
  if (works) return { words: '', wholeWords: false, noun: words(works, 1), aboutNoun: true };
  const does = read(howOneDoes);
  if (does) return { words: words(does, 1) ?? words(does, 2)!, wholeWords: false, noun: words(does, 3), aboutNoun: true };
  const named = read(HOW_MUCH) ?? read(which) ?? read(whatApplies);
  if (named) return { words: '', wholeWords: false, noun: words(named, 1), aboutNoun: false };
  const someone = read(howSomeoneDoes);
  if (someone) return { words: [1, 2, 3].map((group) => words(someone, group) ?? '').join(' '), wholeWords: false, aboutNoun: false };
  return undefined;
}
