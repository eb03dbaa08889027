import { telLink, unbreakableNumber } from '../municipality/contacts.js';

// A Markdown link already in the text (left as it is), or a Swedish telephone number: "08-530 622 55",
// "010-564 64 67", "08-778 48 60", or the emergency number standing alone.
const LINK_OR_NUMBER = /\[[^\]\n]*\]\([^)\s]*\)|(?<![\d:§+-])(?:0\d{1,3}-\d{2,3}(?: \d{2,3}){1,2}|\+46[ -]?\d{1,3}(?:[ -]?\d{2,3}){2,3}|112)(?!\d| ?§|-\d| kap)/g;
// A number right after the word fax (within a few words) is a fax number: not something to call.
const FAX_BEFORE = /\bfax\w*[\s:]*(?:\p{L}+\s+){0,2}$/iu;
const FAX_CONTEXT = 20;

/**
 * An answer's Markdown as Teams should show it: every telephone number a `tel:` link a user can tap
 * (written as before, so it reads and copies the same), and a fax number – plain text, since no one
 * calls it – with non-breaking spaces and hyphen, so it never breaks over two lines. Links already in
 * the text are left as they are.
 */
export function withTappableNumbers(markdown: string): string {
  return markdown.replace(LINK_OR_NUMBER, (match: string, offset: number) => {
    if (match.startsWith('[')) return match;
    const before = markdown.slice(Math.max(0, offset - FAX_CONTEXT), offset);
    if (FAX_BEFORE.test(before)) return unbreakableNumber(match);
    return `[${match}](${match === '112' ? 'tel:112' : telLink(match)})`;
  });
}
