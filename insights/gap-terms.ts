/**
 * The terms of a declined question that may be counted: words of letters only, 4–30 long, lower case,
 * at most eight per question, each one a domain term by the injected test (not a stop word, not a name
 * or a place, and clean by the privacy guard on its own). The sentence is never kept: only these words,
 * and only as salted hashes until five different people have asked about the same one.
 */

const WORD = /\p{L}+/gu;
const MAX_TERMS_PER_QUESTION = 8;

/** Port: whether a lower-case word may be counted as a gap term (bot/ wires the word lists and the privacy guard). */
export type DomainTermTest = (term: string) => boolean;

/** How many different people must have asked about a term before it is shown. */
export const GAP_TERM_MIN_PEOPLE = 5;

/** The countable terms of a question, unique, in the order they appear. */
export function gapTermsOf(question: string, isDomainTerm: DomainTermTest): string[] {
  const terms: string[] = [];
  for (const match of question.normalize('NFC').toLocaleLowerCase('sv').matchAll(WORD)) {
    const word = match[0];
    if (word.length < 4 || word.length > 30 || terms.includes(word)) continue;
    if (!isDomainTerm(word)) continue;
    terms.push(word);
    if (terms.length === MAX_TERMS_PER_QUESTION) break;
  }
  return terms;
}
