import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import type { SchoolInfo } from '../../municipality/schools.js';
import type { WhoToCall } from '../../triage/who-to-call.js';
import { adaptiveCard, buttonStack, sourceFooter, heading, paragraph, submitAction, type AdaptiveCard } from './adaptive-card.js';
import { schoolChoice } from './school-card.js';

/**
 * After the akut reply: offer to show the mottagningssektion in Teams that the user needs a call back.
 * When the user's school is unknown, the same card asks it (once, remembered), so one press sends the alert.
 */
export function escalationOfferCard(who: WhoToCall, askSchool: readonly SchoolInfo[] | undefined, source: KnowledgeEntry): AdaptiveCard {
  const target = who.sections.length === 1 ? who.sections[0]!.name : 'mottagningssektionen';
  const text = [
    `Jag kan visa ${target} i Teams att du behöver bli uppringd. Larmet innehåller ditt namn, din förskola/skola och tiden – inget om barnet.`,
    'Larmet ersätter inte samtalet: ring ändå numret ovan.',
    ...(who.open ? [] : [`Mottagningen är stängd nu och ser larmet när den öppnar. ${who.openingText}.`]),
  ];
  return adaptiveCard([
    heading(`Larma ${target} i Teams?`),
    paragraph(text.join(' ')),
    ...(askSchool ? [schoolChoice(askSchool, 'Din förskola/skola – så går larmet till rätt sektion (jag frågar bara en gång)')] : []),
    ...buttonStack([submitAction(`Larma ${target}`, { action: 'akut.escalate' }, { style: 'positive' })]),
    sourceFooter([source]),
  ]);
}
