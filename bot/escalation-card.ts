import type { Attachment } from 'botbuilder';
import { CardFactory } from '../dialogs/botbuilder-runtime.js';
import { z } from 'zod';
import { dateTimeText, instantClockText } from '../scheduling/swedish-time.js';
import { ESCALATION_ID_PATTERN, type EscalationCloseReason } from '../storage/escalation-store.js';

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
  /** Teams deep links to chat with and call the requester, when their identity allows them. Never carry the child. */
  readonly chatUrl?: string;
  readonly callUrl?: string;
  /** The alert came while the mottagningssektion's telephones were closed, so the requester was sent to socialjouren. */
  readonly postedWhileClosed?: boolean;
  readonly claimedBy?: { readonly name: string; readonly at: Date };
  /** The requester said it is solved, or withdrew the alert: nobody needs to call. */
  readonly closed?: { readonly reason: EscalationCloseReason; readonly at: Date };
  /** A line shown on top, only to the person the card is returned to (e.g. "someone was quicker"). */
  readonly notice?: string;
}

/** The alert card for a mottagningssektion's channel. Never carries anything about the child. */
export function escalationCard(content: EscalationCardContent): Attachment {
  const actions: object[] = [];
  if (!content.claimedBy && !content.closed) {
    actions.push({ type: 'Action.Execute', title: 'Jag tar det', verb: CLAIM_ESCALATION_VERB, data: { escalationId: content.escalationId }, style: 'positive' });
  }
  // The ways to reach the requester sit on their own row under their name: three buttons in one row are cut on a phone.
  const contactLinks: object[] = [];
  if (!content.closed) {
    if (content.chatUrl) contactLinks.push({ type: 'Action.OpenUrl', title: 'Skriv i Teams', url: content.chatUrl });
    if (content.callUrl) contactLinks.push({ type: 'Action.OpenUrl', title: 'Ring upp i Teams', url: content.callUrl });
  }
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
          { title: 'Larmet kom', value: dateTimeText(content.createdAt) },
        ],
      },
      ...(contactLinks.length > 0 ? [{ type: 'ActionSet', actions: contactLinks }] : []),
      ...(content.postedWhileClosed
        ? [{ type: 'TextBlock', text: 'Larmet kom medan mottagningen hade stängt. Den som larmade har fått rådet att ringa socialjouren under tiden.', wrap: true, isSubtle: true }]
        : []),
      statusBlock(content),
    ],
    actions,
  });
}

/** Where the alert stands: closed by the requester, taken, or waiting for someone to take it. */
function statusBlock(content: EscalationCardContent): object {
  if (content.closed) {
    const when = `kl. ${instantClockText(content.closed.at)}`;
    const text =
      content.closed.reason === 'resolved'
        ? `Löst: ${content.requesterName} meddelade ${when} att det är löst. Ingen behöver ringa upp.`
        : `Återkallat: ${content.requesterName} återkallade larmet ${when}. Ingen behöver ringa upp.`;
    return { type: 'TextBlock', text, wrap: true, weight: 'Bolder', color: 'Good' };
  }
  if (content.claimedBy) {
    return { type: 'TextBlock', text: `${content.claimedBy.name} tog larmet kl. ${instantClockText(content.claimedBy.at)} och ringer upp.`, wrap: true, weight: 'Bolder', color: 'Good' };
  }
  return { type: 'TextBlock', text: 'Ingen har tagit larmet än. Tryck ”Jag tar det” innan du ringer, så vet kollegorna och den som larmade.', wrap: true, color: 'Warning' };
}

/**
 * How a Teams deep link names a user: the user principal name when known, else the Entra object id
 * as `8:orgid:<id>`. The display name is never used: anyone can be called anything.
 */
export function teamsUserRef(user: { readonly userPrincipalName?: string; readonly aadObjectId?: string }): string | undefined {
  if (user.userPrincipalName) return user.userPrincipalName;
  return user.aadObjectId ? `8:orgid:${user.aadObjectId}` : undefined;
}

/** A Teams deep link that opens a chat with the user (from {@link teamsUserRef}); no prefilled text, so nothing about the child. */
export function teamsChatUrl(user: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(user)}`;
}

/** A Teams deep link that starts a call with the user (from {@link teamsUserRef}). */
export function teamsCallUrl(user: string): string {
  return `https://teams.microsoft.com/l/call/0/0?users=${encodeURIComponent(user)}`;
}

