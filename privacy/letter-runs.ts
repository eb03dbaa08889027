/**
 * Reading letters by code point, as /\p{L}/u and /\p{M}/u do, without running a regular expression per word: the
 * detectors that split text into words read them with these.
 */

/** The code point is a letter (\p{L}). */
export const LETTER_BIT = 1;
/** The code point is a combining mark (\p{M}). */
const MARK_BIT = 2;
/** A letter or a combining mark. */
export const LETTER_OR_MARK = LETTER_BIT | MARK_BIT;
const KNOWN_BIT = 4;
const ONE_LETTER = /^\p{L}$/u;
const ONE_MARK = /^\p{M}$/u;
/** Letter and mark bits of the characters of the Basic Multilingual Plane met so far (KNOWN_BIT once read). */
const BMP_BITS = new Uint8Array(0x10000);

/** LETTER_BIT when the code point is a letter, MARK_BIT when it is a combining mark; a lone surrogate is neither. */
export function codePointBits(codePoint: number): number {
  if (codePoint < 128) return (codePoint >= 65 && codePoint <= 90) || (codePoint >= 97 && codePoint <= 122) ? LETTER_BIT : 0;
  if (codePoint < 0x10000) {
    let bits = BMP_BITS[codePoint]!;
    if (bits === 0) {
      bits = KNOWN_BIT | readBits(String.fromCharCode(codePoint));
      BMP_BITS[codePoint] = bits;
    }
    return bits & LETTER_OR_MARK;
  }
  return readBits(String.fromCodePoint(codePoint));
}

function readBits(char: string): number {
  return (ONE_LETTER.test(char) ? LETTER_BIT : 0) | (ONE_MARK.test(char) ? MARK_BIT : 0);
}

/** Where the run of code points with any of the `kinds` bits that starts at `position` ends. */
export function runEnd(text: string, position: number, kinds: number): number {
  let at = position;
  while (at < text.length) {
    const codePoint = text.codePointAt(at)!;
    if ((codePointBits(codePoint) & kinds) === 0) break;
    at += codePoint > 0xffff ? 2 : 1;
  }
  return at;
}
