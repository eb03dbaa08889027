import { CardFactory, type Attachment } from 'botbuilder';
import { z } from 'zod';
import { ESCALATION_ID_PATTERN } from '../storage/escalation-store.js';

/** The Action.Execute verb of the "Jag tar det" button. */
export const CLAIM_ESCALATION_VERB = 'claimEscalation';

/** The data the "Jag tar det" button sends back: only the alert's id. */
export const claimEscalationDataSchema = z.object({ escalationId: z.string().regex(ESCALATION_ID_PATTERN) });

/** What an alert card shows: who to call back, from which school, since when, and whether someone took it. */
export interface EscalationCardContent {
  readonly escalationId: string;
  readonly sectionName: string;
  readonly requesterName: string;
  readonly school: string;
  readonly createdAt: Date;
  /** A Teams call deep link to the requester, when their identity allows one. */
  readonly callUrl?: string;
  readonly claimedBy?: { readonly name: string; readonly at: Date };
  /** A line shown on top, only to the person the card is returned to (e.g. "someone was quicker"). */
  readonly notice?: string;
}

/** The alert card for a mottagningssektion's channel. Never carries anything about the child. */
export function escalationCard(content: EscalationCardContent): Attachment {
  const status = content.claimedBy
    ? { type: 'TextBlock', text: `${content.claimedBy.name} tog larmet ${stockholmClockText(content.claimedBy.at)} och ringer upp.`, wrap: true, weight: 'Bolder', color: 'Good' }
    : { type: 'TextBlock', text: 'Ingen har tagit larmet än. Tryck ”Jag tar det” innan du ringer, så vet kollegorna och den som larmade.', wrap: true, color: 'Warning' };
  const actions: object[] = [];
  if (!content.claimedBy) {
    actions.push({ type: 'Action.Execute', title: 'Jag tar det', verb: CLAIM_ESCALATION_VERB, data: { escalationId: content.escalationId }, style: 'positive' });
  }
  if (content.callUrl) actions.push({ type: 'Action.OpenUrl', title: 'Ring upp i Teams', url: content.callUrl });
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      ...(content.notice ? [{ type: 'TextBlock', text: content.notice, wrap: true, weight: 'Bolder' }] : []),
      { type: 'TextBlock', text: 'Akut oro – vill bli uppringd', size: 'Large', weight: 'Bolder', color: 'Attention', wrap: true },
      {
        type: 'TextBlock',
        text: `En medarbetare har fått rutinens råd om akut oro och vill att ${content.sectionName} ringer upp. Kortet innehåller inga uppgifter om barnet.`,
        wrap: true,
      },
      {
        type: 'FactSet',
        facts: [
          { title: 'Till', value: content.sectionName },
          { title: 'Ring upp', value: content.requesterName },
          { title: 'Skola', value: content.school },
          { title: 'Larmet kom', value: stockholmDateTimeText(content.createdAt) },
        ],
      },
      status,
    ],
    actions,
  });
}

/** A Teams deep link that starts a call with the user (UPN preferred; the Entra object id otherwise). */
export function teamsCallUrl(user: string): string {
  return `https://teams.microsoft.com/l/call/0/0?users=${encodeURIComponent(user)}`;
}

const stockholmParts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "måndag 14 april kl. 12.35", on the wall clock in Stockholm. */
export function stockholmDateTimeText(instant: Date): string {
  const part = partsOf(instant);
  return `${part('weekday')} ${part('day')} ${part('month')} kl. ${part('hour')}.${part('minute')}`;
}

/** "kl. 13.02", on the wall clock in Stockholm. */
export function stockholmClockText(instant: Date): string {
  const part = partsOf(instant);
  return `kl. ${part('hour')}.${part('minute')}`;
}

function partsOf(instant: Date): (type: Intl.DateTimeFormatPartTypes) => string {
  const parts = stockholmParts.formatToParts(instant);
  return (type) => parts.find((candidate) => candidate.type === type)?.value ?? '';
}
