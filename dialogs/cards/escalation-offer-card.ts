import type { KnowledgeEntry } from '../../knowledge/knowledge-entry.js';
import type { WhoToCall } from '../../triage/who-to-call.js';
import { buttonStack, submitAction, type AdaptiveCard } from './adaptive-card.js';
import { routineStepCard } from './routine-step-card.js';

/** After the akut reply: offer to show the mottagningssektion in Teams that the user needs a call back. */
export function escalationOfferCard(who: WhoToCall, schoolKnown: boolean, source: KnowledgeEntry): AdaptiveCard {
  const target = who.sections.length === 1 ? who.sections[0]!.name : 'mottagningssektionen';
  const text = [
    `Jag kan visa ${target} i Teams att du behöver bli uppringd. Larmet innehåller ditt namn, din förskola/skola och tiden – inget om barnet.`,
    'Larmet ersätter inte samtalet: ring ändå numret ovan.',
    ...(who.open ? [] : [`Mottagningen är stängd nu och ser larmet när den öppnar. ${who.openingText}.`]),
    ...(schoolKnown ? [] : ['Jag frågar först vilken förskola/skola du arbetar på, så att larmet går till rätt sektion.']),
  ];
  return routineStepCard(`Larma ${target} i Teams?`, [{ text: text.join(' '), sources: [source] }], buttonStack([
    submitAction(`Larma ${target}`, { action: 'akut.escalate' }, { style: 'positive' }),
  ]));
}
