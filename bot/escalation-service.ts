import type { Attachment, ConversationReference } from 'botbuilder';
import { TeamsInfo } from './botbuilder-edge.js';
import { ActivityTypes } from '../dialogs/botbuilder-runtime.js';
import { z } from 'zod';
import { callNowLines, emergencyLine, whoToCall } from '../triage/who-to-call.js';
import type { CallbackRequest, CallbackResult, CloseCallbackRequest, CloseCallbackResult, EscalationRequester } from '../dialogs/ports.js';
import type { Area, Contacts } from '../municipality/contacts.js';
import type { Logger } from '../observability/logger.js';
import type { Clock } from '../scheduling/clock.js';
import { phoneStatus } from '../scheduling/phone-hours.js';
import { channelReferenceKey, userReferenceKey, type ConversationReferenceStore } from '../storage/conversation-reference-store.js';
import type { Escalation, EscalationStore } from '../storage/escalation-store.js';
import type { ReminderStore } from '../storage/reminder-store.js';
import type { InsightRecorder } from '../insights/index.js';
import { escalationCard, teamsCallUrl, teamsChatUrl, teamsUserRef } from './escalation-card.js';
import { instantClockText } from '../scheduling/swedish-time.js';
import { parseConversationReference, threadReferenceOf, type ProactiveMessenger } from './proactive-messenger.js';
import { ReminderPayloadInvalidError, type ReminderHandler } from './reminder-worker.js';

/** The reminder kind that fires when nobody has taken an alert in time. */
export const ESCALATION_UNCLAIMED_KIND = 'escalation-unclaimed';

const unclaimedPayloadSchema = z.object({ escalationId: z.string().min(1) });

// Looking up the requester's UPN for the call link must not hold up an akut alert.
const memberLookupTimeoutMs = 3_000;
// A typed "det är löst" closes the requester's latest open alert from this far back, not an old one.
const typedCloseLookbackMs = 24 * 60 * 60_000;

/** What the escalation service needs. */
export interface EscalationServiceOptions {
  readonly escalations: EscalationStore;
  readonly references: ConversationReferenceStore;
  readonly reminders: ReminderStore;
  readonly messenger: ProactiveMessenger;
  readonly contacts: Contacts;
  /** Each area's mottagningssektion channel id, from ESCALATION_CHANNELS. */
  readonly channels: Readonly<Record<Area, string>>;
  /** After this long without "Jag tar det", the channel gets a reminder and the requester is told to call. */
  readonly unclaimedMinutes: number;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Counts alerts raised and left untaken, per area, for the statistics. */
  readonly insights?: Pick<InsightRecorder, 'record'>;
}

/**
 * Posts akut alerts to the mottagningssektion's Teams channel and follows them up. Implements the
 * dialogs' EscalationRequester port. Only staff identity, school, area and times are stored or posted.
 */
export class EscalationService implements EscalationRequester {
  constructor(private readonly options: EscalationServiceOptions) {}

  /** Posts an alert card for the request; `no-channel` when the area's channel is not configured or not known yet. */
  async requestCallback(request: CallbackRequest): Promise<CallbackResult> {
    const { escalations, references, reminders, messenger, logger } = this.options;
    const channelReference = await this.channelReference(request.area);
    if (channelReference === undefined) return { status: 'no-channel' };

    const userPrincipalName = await this.lookUpUserPrincipalName(request);
    // Where to tell the requester who took the alert, or that nobody did.
    await references.save(userReferenceKey(request.requester.id), request.conversationReference);
    const escalation = await escalations.create({
      area: request.area,
      school: request.school,
      requester: { ...request.requester, ...(userPrincipalName ? { userPrincipalName } : {}) },
      createdAt: this.options.clock.now(),
    });

    let activityId: string | undefined;
    try {
      activityId = await messenger.send(channelReference.reference, { type: ActivityTypes.Message, attachments: [this.card(escalation)] });
    } catch (error) {
      await escalations.delete(escalation.id);
      logger.error({ code: 'ESCALATION_POST_FAILED', area: request.area, errorName: (error as Error).name, errorCode: (error as { code?: unknown }).code }, 'could not post the alert');
      return { status: 'no-channel' };
    }
    if (activityId) await escalations.setChannelActivity(escalation.id, channelReference.channelId, activityId);
    await reminders.schedule({
      kind: ESCALATION_UNCLAIMED_KIND,
      dueAt: new Date(escalation.createdAt.getTime() + this.options.unclaimedMinutes * 60_000),
      payload: { escalationId: escalation.id },
      dedupeKey: unclaimedDedupeKey(escalation.id),
    });
    logger.info({ code: 'ESCALATION_SENT', escalationId: escalation.id, area: request.area }, 'alert posted');
    await this.options.insights?.record({ kind: 'escalation-raised', area: request.area });
    return { status: 'sent', escalationId: escalation.id };
  }

  /**
   * The requester closes their own alert ("det är löst" or withdrawn): recorded once, the untaken
   * reminder is cancelled, the channel card shows it, and whoever took it is told in the alert's thread.
   */
  async closeCallback(request: CloseCallbackRequest): Promise<CloseCallbackResult> {
    const { escalations, reminders, clock, logger } = this.options;
    const now = clock.now();
    const escalationId =
      request.escalationId ?? (await escalations.latestOpenFor(request.requesterId, new Date(now.getTime() - typedCloseLookbackMs)))?.id;
    if (escalationId === undefined) return { status: 'none-open' };
    const result = await escalations.close(escalationId, request.requesterId, request.reason, now);
    if (result.status === 'not-found') {
      logger.info({ code: 'ESCALATION_CLOSE_UNKNOWN' }, 'close for an unknown alert or someone else’s');
      return { status: 'none-open' };
    }
    if (result.status === 'already-closed') return { status: 'already-closed' };

    const { escalation } = result;
    await reminders.cancelPending(unclaimedDedupeKey(escalation.id));
    await this.showInChannel(escalation, this.card(escalation));
    if (escalation.claimedBy) await this.tellTakerClosed(escalation);
    logger.info({ code: 'ESCALATION_CLOSED', escalationId: escalation.id, area: escalation.area, reason: request.reason }, 'alert closed by the requester');
    return { status: 'closed', sectionName: this.sectionName(escalation.area), ...(escalation.claimedBy ? { takenBy: escalation.claimedBy.name } : {}) };
  }

  /** The alert card for an escalation as it stands (open, taken or closed). */
  card(escalation: Escalation, notice?: string): Attachment {
    const user = teamsUserRef(escalation.requester);
    return escalationCard({
      escalationId: escalation.id,
      sectionName: this.sectionName(escalation.area),
      requesterName: escalation.requester.name,
      school: escalation.school,
      createdAt: escalation.createdAt,
      ...(user ? { chatUrl: teamsChatUrl(user), callUrl: teamsCallUrl(user) } : {}),
      postedWhileClosed: !phoneStatus(this.options.contacts.telephoneHours, escalation.createdAt).open,
      ...(escalation.claimedBy && escalation.claimedAt ? { claimedBy: { name: escalation.claimedBy.name, at: escalation.claimedAt } } : {}),
      ...(escalation.closedAt && escalation.closedReason ? { closed: { reason: escalation.closedReason, at: escalation.closedAt } } : {}),
      ...(notice ? { notice } : {}),
    });
  }

  /** Replaces the alert's card in the channel for everyone; a failure is logged, never thrown (the state is already stored). */
  async showInChannel(escalation: Escalation, card: Attachment): Promise<void> {
    try {
      const reference = await this.postedChannelReference(escalation);
      if (reference === undefined || !escalation.channelActivityId) return;
      await this.options.messenger.update(reference, { id: escalation.channelActivityId, type: ActivityTypes.Message, attachments: [card] });
    } catch (error) {
      this.options.logger.warn({ code: 'ESCALATION_CARD_UPDATE_FAILED', escalationId: escalation.id, errorName: (error as Error).name }, 'channel card not updated');
    }
  }

  /** The reference of the channel an escalation went to (for updating its card), if still known. */
  async postedChannelReference(escalation: Escalation): Promise<Partial<ConversationReference> | undefined> {
    const stored = escalation.channelId ? await this.options.references.get(channelReferenceKey(escalation.channelId)) : undefined;
    return stored === undefined ? undefined : parseConversationReference(stored);
  }

  /** "Mottagningssektion Norr". */
  sectionName(area: Area): string {
    return this.options.contacts.mottagningssektioner.find((section) => section.area === area)?.name ?? 'Mottagningssektionen';
  }

  /** The handler for `escalation-unclaimed` reminders, for the reminder worker. */
  unclaimedReminderHandler(): ReminderHandler {
    return {
      kind: ESCALATION_UNCLAIMED_KIND,
      send: async (reminder, now) => {
        const payload = unclaimedPayloadSchema.safeParse(reminder.payload);
        if (!payload.success) throw new ReminderPayloadInvalidError(reminder.kind);
        return this.remindUnclaimed(payload.data.escalationId, now);
      },
    };
  }

  private async remindUnclaimed(escalationId: string, now: Date): Promise<'sent' | 'cancelled'> {
    const { escalations, references, messenger, contacts, logger } = this.options;
    const escalation = await escalations.get(escalationId);
    // Recorded before anything is sent, in one conditional UPDATE against "Jag tar det" and "det är
    // löst" on any instance: once someone has taken or closed the alert, nobody is told it is untaken.
    if (escalation === undefined || !(await escalations.markReminded(escalation.id, now))) return 'cancelled';
    const sectionName = this.sectionName(escalation.area);

    // The requester first: they are the one who must now call.
    const requesterReference = await references.get(userReferenceKey(escalation.requester.id));
    if (requesterReference !== undefined) {
      const who = whoToCall(contacts, now, escalation.area);
      await messenger.send(requesterReference, {
        type: ActivityTypes.Message,
        text: [
          `Ingen på ${sectionName} har hunnit ta ditt larm ännu. Vänta inte – ring själv:`,
          ...callNowLines(who),
          emergencyLine(who),
        ].join('\n\n'),
        textFormat: 'markdown',
      });
    }

    const channelReference = await this.postedChannelReference(escalation);
    if (channelReference !== undefined && escalation.channelActivityId) {
      await messenger.send(threadReferenceOf(channelReference, escalation.channelActivityId), {
        type: ActivityTypes.Message,
        text: [
          `**Påminnelse:** larmet från ${escalation.school} (kl. ${instantClockText(escalation.createdAt)}) har inte tagits på ${minutesText(this.options.unclaimedMinutes)}.`,
          phoneStatus(contacts.telephoneHours, now).open
            ? `${escalation.requester.name} har nu fått rådet att ringa er direkt. Ringer du upp, tryck ”Jag tar det” på kortet.`
            : `${escalation.requester.name} har nu fått rådet att ringa socialjouren, eftersom mottagningen har stängt. Ringer du upp, tryck ”Jag tar det” på kortet.`,
        ].join('\n\n'),
        textFormat: 'markdown',
      });
    }
    logger.info({ code: 'ESCALATION_UNCLAIMED_REMINDED', escalationId: escalation.id, area: escalation.area }, 'unclaimed alert reminded');
    await this.options.insights?.record({ kind: 'escalation-untaken', area: escalation.area });
    return 'sent';
  }

  /** Whoever took the alert hears in its thread that the requester closed it, so they do not call in vain. */
  private async tellTakerClosed(escalation: Escalation): Promise<void> {
    try {
      const reference = await this.postedChannelReference(escalation);
      if (reference === undefined || !escalation.channelActivityId || !escalation.closedAt) return;
      const when = `kl. ${instantClockText(escalation.closedAt)}`;
      const what = escalation.closedReason === 'withdrawn' ? `återkallade larmet ${when}` : `meddelade ${when} att det är löst`;
      await this.options.messenger.send(threadReferenceOf(reference, escalation.channelActivityId), {
        type: ActivityTypes.Message,
        text: `${escalation.requester.name} ${what}. ${escalation.claimedBy?.name ?? 'Den som tog larmet'} behöver inte ringa upp.`,
      });
    } catch (error) {
      this.options.logger.warn({ code: 'ESCALATION_TAKER_NOT_TOLD', escalationId: escalation.id, errorName: (error as Error).name }, 'taker not told the alert was closed');
    }
  }

  private async channelReference(area: Area): Promise<{ channelId: string; reference: Partial<ConversationReference> } | undefined> {
    const channelId = this.options.channels[area];
    if (channelId === undefined) {
      this.options.logger.warn({ code: 'ESCALATION_CHANNEL_NOT_CONFIGURED', area }, 'no channel configured for the area; the user is told to call');
      return undefined;
    }
    const reference = await this.options.references.get(channelReferenceKey(channelId));
    if (reference === undefined) {
      this.options.logger.warn({ code: 'ESCALATION_CHANNEL_UNKNOWN', area }, 'the bot has not been added to the area channel yet; the user is told to call');
      return undefined;
    }
    return { channelId, reference: parseConversationReference(reference) };
  }

  /** The requester's UPN from Teams, for a call link that works; undefined when Teams does not answer in time. */
  private async lookUpUserPrincipalName(request: CallbackRequest): Promise<string | undefined> {
    const lookup = this.options.messenger
      .continue(request.conversationReference, async (context) => (await TeamsInfo.getMember(context, request.requester.id)).userPrincipalName || undefined)
      .catch((error: unknown) => {
        this.options.logger.debug({ code: 'ESCALATION_MEMBER_LOOKUP_FAILED', errorName: (error as Error).name }, 'requester UPN not available; the call link uses the object id');
        return undefined;
      });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), memberLookupTimeoutMs);
    });
    try {
      return await Promise.race([lookup, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function unclaimedDedupeKey(escalationId: string): string {
  return `${ESCALATION_UNCLAIMED_KIND}:${escalationId}`;
}

/** "1 minut", "10 minuter". */
export function minutesText(minutes: number): string {
  return minutes === 1 ? '1 minut' : `${minutes} minuter`;
}
