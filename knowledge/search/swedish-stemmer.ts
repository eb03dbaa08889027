/**
 * The Snowball Swedish stemmer (Porter, snowball.tartarus.org/algorithms/swedish/stemmer.html),
 * written out for our use: it folds inflections ("anmälningar", "anmälan", "anmäls") together.
 */
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'å', 'ö']);
const S_ENDING = new Set([...'bcdfghjklmnoprtvy']);

const STEP1_SUFFIXES = [
  'heterna', 'hetens', 'anden', 'heten', 'heter', 'arnas', 'ernas', 'ornas', 'andes', 'arens', 'andet',
  'arna', 'erna', 'orna', 'ande', 'arne', 'aste', 'aren', 'ades', 'erns', 'ade', 'are', 'ern', 'ens', 'het',
  'ast', 'ad', 'en', 'ar', 'er', 'or', 'as', 'es', 'at', 'a', 'e',
].sort((a, b) => b.length - a.length);
// Adjectives whose base without -ig/-lig is another, unrelated word: "ledig" (off work) is not "led" ("leder", leads),
// "hemlig" not "hem", "billig" not "bil". Their forms keep the ending ("ledigt", "ledighet" → "ledig").
const DERIVATION_KEPT: ReadonlySet<string> = new Set(['ledig', 'hemlig', 'billig', 'villig', 'helig', 'manlig', 'farlig']);
// So does a noun in -else that is another word without it: "bestämmelse" (a provision), also in a compound
// ("sekretessbestämmelser") or written without å/ä/ö, is not "bestämmer" (decides).
const PROVISION = /best[äa]mmels$/u;
// Nouns whose -ar is no plural ending: "ansvar" (responsibility) is one word with "ansvarar" and "ansvarig", not "ansv".
const AR_KEPT = /ansvar$/u;
const STEP2_ENDINGS = ['dd', 'gd', 'nn', 'dt', 'gt', 'kt', 'tt'];

function regionOneStart(word: string): number {
  for (let i = 1; i < word.length; i++) {
    if (!VOWELS.has(word[i]!) && VOWELS.has(word[i - 1]!)) return Math.max(i + 1, 3);
  }
  return word.length;
}

/** Stems one lower-case Swedish word. */
export function stemSwedish(word: string): string {
  if (word.length < 3) return word;
  const r1 = regionOneStart(word);
  let w = word;

  // Step 1: the longest inflectional suffix inside R1.
  const suffix = STEP1_SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= r1);
  if (suffix && !(suffix === 'ar' && AR_KEPT.test(w))) {
    w = w.slice(0, -suffix.length);
  } else if (w.endsWith('s') && w.length - 1 >= r1 && S_ENDING.has(w[w.length - 2] ?? '')) {
    w = w.slice(0, -1);
  }

  // Step 2: undouble the consonant endings.
  if (STEP2_ENDINGS.some((e) => w.endsWith(e) && w.length - e.length >= r1)) w = w.slice(0, -1);

  // Step 3: derivational suffixes.
  if (w.endsWith('fullt') && w.length - 5 >= r1) w = w.slice(0, -1);
  else if (w.endsWith('löst') && w.length - 4 >= r1) w = w.slice(0, -1);
  else if (!DERIVATION_KEPT.has(w) && !PROVISION.test(w)) {
    const derivational = ['lig', 'els', 'ig'].find((s) => w.endsWith(s) && w.length - s.length >= r1);
    if (derivational) w = w.slice(0, -derivational.length);
  }
  return w;
}
