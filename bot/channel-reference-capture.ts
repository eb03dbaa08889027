import type { Middleware, TurnContext } from 'botbuilder';
import { TeamsInfo } from './botbuilder-edge.js';
import { ActivityTypes } from '../dialogs/botbuilder-runtime.js';
import type { Logger } from '../observability/logger.js';
import { channelReferenceKey, type ConversationReferenceStore } from '../storage/conversation-reference-store.js';
import { channelReferenceOf } from './proactive-messenger.js';

/** Turn-state key: the configured alert channels this activity added the bot to (for the note in place of the welcome). */
export const ADDED_ALERT_CHANNELS = Symbol('addedAlertChannels');

interface TeamsChannelData {
  readonly team?: { readonly id?: string };
  readonly channel?: { readonly id?: string };
}

/**
 * Remembers how to post into the configured mottagningssektion channels. When the bot is added to a
 * team, or anything is said to it in such a channel, the channel's conversation reference is stored
 * under `channel:<channel id>`; when the bot is removed from the team, the references are forgotten.
 * Stores ids and the service URL only, never message text.
 */
export class ChannelReferenceCapture implements Middleware {
  private readonly configured: ReadonlySet<string>;

  constructor(
    channelIds: readonly string[],
    private readonly references: ConversationReferenceStore,
    private readonly logger: Logger,
  ) {
    this.configured = new Set(channelIds);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (this.configured.size > 0 && context.activity.channelId === 'msteams') {
      try {
        await this.capture(context);
      } catch (error) {
        // Capturing must never cost the user their answer; the next activity in the channel tries again.
        this.logger.warn({ code: 'CHANNEL_REFERENCE_CAPTURE_FAILED', errorName: (error as Error).name }, 'channel reference not stored');
      }
    }
    await next();
  }

  private async capture(context: TurnContext): Promise<void> {
    const { activity } = context;
    const change = membershipChange(context);
    if (activity.type !== ActivityTypes.Message && change === undefined) return;

    const channelData = (activity.channelData ?? {}) as TeamsChannelData;
    const seen = new Set([channelData.channel?.id, channelData.team?.id, activity.conversation?.id?.split(';')[0]].filter((id): id is string => Boolean(id)));
    if (change === 'added' && channelData.team?.id) {
      for (const channelId of await this.teamChannelIds(context, channelData.team.id)) seen.add(channelId);
    }

    const added: string[] = [];
    for (const channelId of seen) {
      if (!this.configured.has(channelId)) continue;
      if (change === 'added') added.push(channelId);
      if (change === 'removed') {
        await this.references.delete(channelReferenceKey(channelId));
        this.logger.info({ code: 'CHANNEL_REFERENCE_REMOVED', channelId }, 'bot removed from a mottagningssektion channel');
      } else {
        await this.references.save(channelReferenceKey(channelId), channelReferenceOf(activity, channelId));
        if (change === 'added') this.logger.info({ code: 'CHANNEL_REFERENCE_STORED', channelId }, 'bot added to a mottagningssektion channel');
      }
    }
    if (added.length > 0) context.turnState.set(ADDED_ALERT_CHANNELS, added);
  }

  /** The bot is installed per team, and the section's channel need not be the one the event names: ask Teams. */
  private async teamChannelIds(context: TurnContext, teamId: string): Promise<string[]> {
    try {
      return (await TeamsInfo.getTeamChannels(context, teamId)).flatMap((channel) => (channel.id ? [channel.id] : []));
    } catch (error) {
      this.logger.info({ code: 'TEAM_CHANNELS_UNAVAILABLE', errorName: (error as Error).name }, 'team channels not listed; only the channel in the event is matched');
      return [];
    }
  }
}

/** Whether this activity adds the bot to, or removes it from, the conversation. */
function membershipChange(context: TurnContext): 'added' | 'removed' | undefined {
  const { activity } = context;
  const botId = activity.recipient?.id;
  if (activity.type === ActivityTypes.ConversationUpdate) {
    if (activity.membersAdded?.some((member) => member.id === botId)) return 'added';
    if (activity.membersRemoved?.some((member) => member.id === botId)) return 'removed';
  }
  if (activity.type === ActivityTypes.InstallationUpdate) {
    if (activity.action === 'add' || activity.action === 'add-upgrade') return 'added';
    if (activity.action === 'remove' || activity.action === 'remove-upgrade') return 'removed';
  }
  return undefined;
}
