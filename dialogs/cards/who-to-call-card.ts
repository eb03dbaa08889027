import { unbreakableNumber, type Contacts } from '../../municipality/contacts.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import { callNowLines, emergencyLine, telephoneHoursText, type WhoToCall } from '../../triage/who-to-call.js';
import { adaptiveCard, buttonStack, facts, heading, paragraph, sourceFooter, submitAction, type AdaptiveCard } from './adaptive-card.js';

/** Whom to call right now, the telephone hours, 112 — and a button to pick the school when it is unknown. */
export function whoToCallCard(who: WhoToCall, contacts: Contacts, sources: readonly KnowledgeEntry[]): AdaptiveCard {
  const [callNow, when] = callNowLines(who);
  const numbers = contacts.mottagningssektioner
    .filter((section) => who.area === undefined || section.area === who.area)
    .map((section) => [section.name, `${unbreakableNumber(section.phone)} (fax ${unbreakableNumber(section.fax)})`] as const);
  return adaptiveCard([
    heading('Vem ringer jag nu?'),
    paragraph(callNow ?? ''),
    paragraph(when ?? '', { spacing: 'None' }),
    paragraph(emergencyLine(who)),
    facts([...numbers, ['Socialjouren', contacts.socialjouren.phones.join(' eller ')], ['Telefontider', telephoneHoursText(contacts)]]),
    ...(who.area === undefined ? buttonStack([submitAction('Välj din förskola/skola', { action: 'menu', routine: 'skola' })]) : []),
    sourceFooter(sources),
  ]);
}
