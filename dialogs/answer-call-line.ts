import type { KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { Contacts } from '../municipality/contacts.js';
import { fillPlaceholders, type RoutineTexts } from '../municipality/routine-texts.js';
import { sectionOf, sectionShortName, type SchoolInfo } from '../municipality/schools.js';

/** What the call line is made from: the answer's text and entries, the pack's contacts and words, the user's school. */
export interface CallLineInput {
  readonly text: string;
  readonly entries: readonly Pick<KnowledgeEntry, 'contact'>[];
  readonly contacts: Contacts;
  readonly texts: RoutineTexts['answers']['callLine'];
  /** The user's school, when the bot knows it; one without an area ("annan") counts as unknown. */
  readonly school?: SchoolInfo;
}

/**
 * The line under an answer whose entry tells staff to reach the mottagningssektion: the number of the
 * user's area when their school is known, else every section's number labelled with its areas. None when
 * no entry of the answer says to reach it, or the answer already gives the number(s).
 */
export function answerCallLine(input: CallLineInput): string | undefined {
  if (!input.entries.some((entry) => entry.contact === 'mottagningssektion')) return undefined;
  const given = digitsOf(input.text);
  const area = input.school?.area;
  if (input.school && area !== undefined) {
    const section = sectionOf(input.contacts, area);
    if (given.includes(digitsOf(section.phone))) return undefined;
    return fillPlaceholders(input.texts.knownSchool, { skola: input.school.name, sektion: section.name, telefon: section.phone });
  }
  const sections = input.contacts.mottagningssektioner;
  if (sections.every((section) => given.includes(digitsOf(section.phone)))) return undefined;
  const nummer = sections
    .map((section) => {
      const places = input.contacts.lsgAreas.filter((lsg) => lsg.area === section.area).map((lsg) => lsg.name);
      return `${sectionShortName(section.name)}${places.length > 0 ? ` (${places.join(', ')})` : ''} ${section.phone}`;
    })
    .join(' · ');
  return fillPlaceholders(input.texts.unknownSchool, { nummer });
}

/**
 * Whether the call line could depend on the user's school: false when no entry of the answer says to
 * reach the mottagningssektion or the answer already gives every section's number (then there is none,
 * whichever the school), so the school need not be looked up.
 */
export function callLineMayNameSchool(input: Omit<CallLineInput, 'school'>): boolean {
  if (!input.entries.some((entry) => entry.contact === 'mottagningssektion')) return false;
  const given = digitsOf(input.text);
  return !input.contacts.mottagningssektioner.every((section) => given.includes(digitsOf(section.phone)));
}

function digitsOf(text: string): string {
  // Runs of non-digits, not each one: an answer is hundreds of letters and a few digits.
  return text.replace(/\D+/g, '');
}
