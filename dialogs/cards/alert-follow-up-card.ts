import { adaptiveCard, buttonStack, paragraph, submitAction, type AdaptiveCard } from './adaptive-card.js';

/** Under the confirmation of an akut alert: the requester can say it is solved, or withdraw it. Only the alert id travels. */
export function alertFollowUpCard(escalationId: string, sectionName: string): AdaptiveCard {
  return adaptiveCard([
    paragraph(
      `Har det löst sig, eller skickades larmet av misstag? Säg till, så ser ${sectionName} i Teams att ingen behöver ringa upp. ` +
        'Du kan också skriva ”det är löst” eller ”återkalla”.',
    ),
    ...buttonStack([
      submitAction('Det är löst', { action: 'akut.close', escalationId, reason: 'resolved' }, { style: 'positive' }),
      submitAction('Återkalla larmet', { action: 'akut.close', escalationId, reason: 'withdrawn' }),
    ]),
  ]);
}
