import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, Attachment, TurnContext } from 'botbuilder';
import { ActivityTypes } from '../dialogs/botbuilder-runtime.js';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../dialogs/cards/adaptive-card.js';
import type { StaffRole } from '../municipality/roles.js';
import type { Logger } from '../observability/logger.js';
import type { InsightRecorder } from '../insights/index.js';
import type { Clock } from '../scheduling/clock.js';
import { userReferenceKey, type ConversationReferenceStore } from '../storage/conversation-reference-store.js';
import type { Escalation, EscalationStore } from '../storage/escalation-store.js';
import { CLAIM_ESCALATION_VERB, claimEscalationDataSchema } from './escalation-card.js';
import { instantClockText } from '../scheduling/swedish-time.js';
import type { EscalationService } from './escalation-service.js';
import type { ProactiveMessenger } from './proactive-messenger.js';

/** Port: the role of whoever pressed, from their Entra object id (else the UPN Teams gives for their id), never their name. */
export interface ClaimerDirectory {
  identify(context: TurnContext): Promise<{ readonly role: StaffRole }>;
}

/** What the claim handler needs. */
export interface EscalationClaimOptions {
  readonly escalations: EscalationStore;
  readonly references: ConversationReferenceStore;
  readonly service: EscalationService;
  readonly messenger: ProactiveMessenger;
  /** The roles file behind the Teams identity (the booking wiring's TeamsStaffDirectory fits it). */
  readonly staff: ClaimerDirectory;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Counts alerts taken and the minutes to take them, per area, for the statistics. */
  readonly insights?: Pick<InsightRecorder, 'record'>;
}

/** Why a press was not allowed to take the alert; a code for the logs. */
type ClaimRefusal = 'requester' | 'other-area' | 'not-socialsekreterare';

/**
 * Handles "Jag tar det" (Action.Execute, verb `claimEscalation`). Only a socialsekreterare of the
 * alert's area (roles.yaml) who did not raise it may take it; anyone else gets a calm answer and the
 * card stays as it is. The first allowed press wins atomically: its card is updated for everyone in
 * the channel and the requester is told who will call. A later press gets the card back with who
 * already took it; a press on an alert its requester closed gets the closed card.
 */
export class EscalationClaimHandler {
  constructor(private readonly options: EscalationClaimOptions) {}

  /** True for the invokes this handler answers. */
  handles(invokeValue: AdaptiveCardInvokeValue): boolean {
    return invokeValue.action?.verb === CLAIM_ESCALATION_VERB;
  }

  /** Claims the alert for the person who pressed, if they may, and returns what they should now see. */
  async handle(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { escalations, service, logger } = this.options;
    const data = claimEscalationDataSchema.safeParse(invokeValue.action?.data);
    if (!data.success) {
      logger.warn({ code: 'ESCALATION_CLAIM_INVALID', fields: data.error.issues.map((issue) => issue.path.join('.')) }, 'claim with unreadable data');
      return messageResponse('Det här kortet känner jag inte igen, så jag kunde inte registrera något. Ring upp den som larmade direkt.');
    }
    const found = await escalations.get(data.data.escalationId);
    if (found === undefined) {
      logger.warn({ code: 'ESCALATION_CLAIM_UNKNOWN' }, 'claim for an unknown alert');
      return messageResponse('Larmet finns inte längre hos mig, så jag kunde inte registrera något. Ring upp den som larmade direkt.');
    }
    const refusal = await this.refusalFor(context, found);
    if (refusal !== undefined) {
      logger.info({ code: 'ESCALATION_CLAIM_REFUSED', reason: refusal.reason, escalationId: found.id, area: found.area }, 'claim by someone who may not take the alert');
      return messageResponse(refusal.text);
    }

    const from = context.activity.from;
    const claimer = { id: from.id, name: from.name?.trim() || 'En kollega' };
    const result = await escalations.claim(found.id, claimer, this.options.clock.now());
    if (result.status === 'not-found') {
      logger.warn({ code: 'ESCALATION_CLAIM_UNKNOWN' }, 'claim for an unknown alert');
      return messageResponse('Larmet finns inte längre hos mig, så jag kunde inte registrera något. Ring upp den som larmade direkt.');
    }
    const { escalation } = result;
    if (result.status === 'closed') {
      logger.info({ code: 'ESCALATION_CLAIM_CLOSED', escalationId: escalation.id }, 'alert already closed by the requester');
      return cardResponse(service.card(escalation, 'Den som larmade har redan avslutat larmet. Ingen behöver ringa upp.'));
    }
    if (result.status === 'already-claimed') {
      const mine = escalation.claimedBy?.id === claimer.id;
      logger.info({ code: 'ESCALATION_CLAIM_LOST', escalationId: escalation.id }, 'alert already taken');
      return cardResponse(service.card(escalation, mine ? 'Du har redan tagit det här larmet.' : `${escalation.claimedBy?.name ?? 'En kollega'} hann före dig.`));
    }

    logger.info({ code: 'ESCALATION_CLAIMED', escalationId: escalation.id, area: escalation.area }, 'alert taken');
    const minutes = Math.floor(((escalation.claimedAt ?? this.options.clock.now()).getTime() - escalation.createdAt.getTime()) / 60_000);
    await this.options.insights?.record({ kind: 'escalation-taken', area: escalation.area, minutes });
    const card = service.card(escalation);
    await Promise.all([service.showInChannel(escalation, card), this.tellRequester(escalation)]);
    return cardResponse(card);
  }

  /** Why this presser may not take the alert, with the calm Swedish answer; undefined when they may. */
  private async refusalFor(context: TurnContext, escalation: Escalation): Promise<{ reason: ClaimRefusal; text: string } | undefined> {
    const section = this.options.service.sectionName(escalation.area);
    const from = context.activity.from;
    const requester = escalation.requester;
    const isRequester = from.id === requester.id || (Boolean(from.aadObjectId) && from.aadObjectId?.toLowerCase() === requester.aadObjectId?.toLowerCase());
    if (isRequester) {
      return {
        reason: 'requester',
        text: `Det här är ditt eget larm, så du kan inte ta det själv. Larmet ligger kvar så att en socialsekreterare på ${section} kan ta det. Är det löst, skriv ”det är löst” till mig i chatten.`,
      };
    }
    const { role } = await this.options.staff.identify(context);
    if (role.role !== 'socialsekreterare') {
      return {
        reason: 'not-socialsekreterare',
        text: `Bara socialsekreterare på ${section} kan ta larmet, så jag har inte registrerat något. Larmet ligger kvar så att någon av dem kan ta det.`,
      };
    }
    if (role.area !== escalation.area) {
      return {
        reason: 'other-area',
        text: `Larmet gäller ${section}, och du är socialsekreterare på ${this.options.service.sectionName(role.area)}, så jag har inte registrerat något. Larmet ligger kvar så att någon på ${section} kan ta det.`,
      };
    }
    return undefined;
  }

  private async tellRequester(escalation: Escalation): Promise<void> {
    try {
      const reference = await this.options.references.get(userReferenceKey(escalation.requester.id));
      if (reference === undefined || escalation.claimedBy === undefined || escalation.claimedAt === undefined) return;
      const section = this.options.service.sectionName(escalation.area);
      await this.options.messenger.send(reference, {
        type: ActivityTypes.Message,
        text: `**${escalation.claimedBy.name}** på ${section} har tagit ditt larm (kl. ${instantClockText(escalation.claimedAt)}) och ringer upp dig. Håll dig nåbar.`,
        textFormat: 'markdown',
      });
    } catch (error) {
      this.options.logger.warn({ code: 'ESCALATION_REQUESTER_NOT_TOLD', escalationId: escalation.id, errorName: (error as Error).name }, 'requester not told who took the alert');
    }
  }
}

function cardResponse(card: Attachment): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card.content as Record<string, unknown> };
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}
