import { ActivityTypes, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type Attachment, type TurnContext } from 'botbuilder';
import type { Logger } from '../observability/logger.js';
import type { Clock } from '../scheduling/clock.js';
import { userReferenceKey, type ConversationReferenceStore } from '../storage/conversation-reference-store.js';
import type { Escalation, EscalationStore } from '../storage/escalation-store.js';
import { CLAIM_ESCALATION_VERB, claimEscalationDataSchema, stockholmClockText } from './escalation-card.js';
import type { EscalationService } from './escalation-service.js';
import type { ProactiveMessenger } from './proactive-messenger.js';

/** What the claim handler needs. */
export interface EscalationClaimOptions {
  readonly escalations: EscalationStore;
  readonly references: ConversationReferenceStore;
  readonly service: EscalationService;
  readonly messenger: ProactiveMessenger;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Handles "Jag tar det" (Action.Execute, verb `claimEscalation`). The first press wins atomically: its
 * card is updated for everyone in the channel and the requester is told who will call. A later press
 * gets the card back with who already took it.
 */
export class EscalationClaimHandler {
  constructor(private readonly options: EscalationClaimOptions) {}

  /** True for the invokes this handler answers. */
  handles(invokeValue: AdaptiveCardInvokeValue): boolean {
    return invokeValue.action?.verb === CLAIM_ESCALATION_VERB;
  }

  /** Claims the alert for the person who pressed and returns the card they should now see. */
  async handle(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { escalations, service, logger } = this.options;
    const data = claimEscalationDataSchema.safeParse(invokeValue.action?.data);
    if (!data.success) {
      logger.warn({ code: 'ESCALATION_CLAIM_INVALID', fields: data.error.issues.map((issue) => issue.path.join('.')) }, 'claim with unreadable data');
      return messageResponse('Det här kortet känner jag inte igen, så jag kunde inte registrera något. Ring upp den som larmade direkt.');
    }
    const from = context.activity.from;
    const claimer = { id: from.id, name: from.name?.trim() || 'En kollega' };
    const result = await escalations.claim(data.data.escalationId, claimer, this.options.clock.now());

    if (result.status === 'not-found') {
      logger.warn({ code: 'ESCALATION_CLAIM_UNKNOWN' }, 'claim for an unknown alert');
      return messageResponse('Larmet finns inte längre hos mig, så jag kunde inte registrera något. Ring upp den som larmade direkt.');
    }
    const { escalation } = result;
    if (result.status === 'already-claimed') {
      const mine = escalation.claimedBy?.id === claimer.id;
      logger.info({ code: 'ESCALATION_CLAIM_LOST', escalationId: escalation.id }, 'alert already taken');
      return cardResponse(service.card(escalation, mine ? 'Du har redan tagit det här larmet.' : `${escalation.claimedBy?.name ?? 'En kollega'} hann före dig.`));
    }

    logger.info({ code: 'ESCALATION_CLAIMED', escalationId: escalation.id, area: escalation.area }, 'alert taken');
    const card = service.card(escalation);
    await Promise.all([this.updateChannelCard(escalation, card), this.tellRequester(escalation)]);
    return cardResponse(card);
  }

  private async updateChannelCard(escalation: Escalation, card: Attachment): Promise<void> {
    try {
      const reference = await this.options.service.postedChannelReference(escalation);
      if (reference === undefined || !escalation.channelActivityId) return;
      await this.options.messenger.update(reference, { id: escalation.channelActivityId, type: ActivityTypes.Message, attachments: [card] });
    } catch (error) {
      this.options.logger.warn({ code: 'ESCALATION_CARD_UPDATE_FAILED', escalationId: escalation.id, errorName: (error as Error).name }, 'channel card not updated');
    }
  }

  private async tellRequester(escalation: Escalation): Promise<void> {
    try {
      const reference = await this.options.references.get(userReferenceKey(escalation.requester.id));
      if (reference === undefined || escalation.claimedBy === undefined || escalation.claimedAt === undefined) return;
      const section = this.options.service.sectionName(escalation.area);
      await this.options.messenger.send(reference, {
        type: ActivityTypes.Message,
        text: `**${escalation.claimedBy.name}** på ${section} har tagit ditt larm (${stockholmClockText(escalation.claimedAt)}) och ringer upp dig. Håll dig nåbar.`,
        textFormat: 'markdown',
      });
    } catch (error) {
      this.options.logger.warn({ code: 'ESCALATION_REQUESTER_NOT_TOLD', escalationId: escalation.id, errorName: (error as Error).name }, 'requester not told who took the alert');
    }
  }
}

function cardResponse(card: Attachment): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}
