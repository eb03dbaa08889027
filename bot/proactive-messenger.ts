import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import { TurnContext } from '../dialogs/botbuilder-runtime.js';
import { z } from 'zod';

/** The least a stored conversation reference must hold for the bot to write into that conversation. */
const conversationReferenceSchema = z
  .object({
    serviceUrl: z.string().min(1).max(2048),
    channelId: z.string().min(1).max(64),
    conversation: z.object({ id: z.string().min(1).max(1024) }).loose(),
    bot: z.object({ id: z.string().min(1).max(1024) }).loose().optional(),
    user: z.object({ id: z.string().min(1).max(1024) }).loose().optional(),
  })
  .loose();

/** A stored reference that cannot be used to write proactively; the reference itself is not in the message. */
export class ConversationReferenceInvalidError extends Error {
  readonly code = 'CONVERSATION_REFERENCE_INVALID';
  constructor(readonly fields: readonly string[]) {
    super(`The stored conversation reference is missing or has bad fields: ${fields.join(', ')}`);
    this.name = 'ConversationReferenceInvalidError';
  }
}

/** Checks a reference read from storage before the bot writes with it. */
export function parseConversationReference(value: unknown): Partial<ConversationReference> {
  const parsed = conversationReferenceSchema.safeParse(value);
  if (!parsed.success) throw new ConversationReferenceInvalidError([...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(reference)'))]);
  return parsed.data as unknown as Partial<ConversationReference>;
}

/**
 * The reference for writing a new post in the channel an activity came from. A message in a channel
 * thread carries `19:…@thread.tacv2;messageid=…` as its conversation id: the thread part is dropped.
 */
export function channelReferenceOf(activity: Partial<Activity>, channelId: string): Partial<ConversationReference> {
  const reference = TurnContext.getConversationReference(activity);
  return {
    ...reference,
    activityId: undefined,
    conversation: { ...reference.conversation, id: channelId, isGroup: true, conversationType: 'channel' } as ConversationReference['conversation'],
  };
}

/** The reference for replying in the thread under a channel post. */
export function threadReferenceOf(channelReference: Partial<ConversationReference>, rootActivityId: string): Partial<ConversationReference> {
  const channelId = channelReference.conversation?.id?.split(';')[0] ?? '';
  return {
    ...channelReference,
    conversation: { ...channelReference.conversation, id: `${channelId};messageid=${rootActivityId}` } as ConversationReference['conversation'],
  };
}

/**
 * Writes into conversations outside a user's turn (alerts, card updates, reminders) through the
 * adapter's `continueConversationAsync`. In local mode (no app id) the app id is '' and no token is sent.
 */
export class ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  /** Sends an activity into the referenced conversation and returns the id the channel gave it. */
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity> | string): Promise<string | undefined> {
    return this.continue(reference, async (context) => (await context.sendActivity(activity))?.id);
  }

  /** Replaces an activity the bot sent earlier (e.g. an alert card after someone took it). */
  async update(reference: Partial<ConversationReference>, activity: Partial<Activity> & { id: string }): Promise<void> {
    await this.continue(reference, async (context) => {
      await context.updateActivity(activity);
    });
  }

  /** Runs `logic` in a turn on the referenced conversation (for Teams API calls such as looking up a member). */
  async continue<T>(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<T>): Promise<T> {
    const checked = parseConversationReference(reference);
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, checked, async (context) => {
      // Caught here: the adapter would hand it to the turn-error handler, which writes an apology
      // into the conversation (a mottagningssektion's channel, say) instead of telling the caller.
      try {
        outcome = { ok: true, value: await logic(context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
    if (outcome === undefined) throw new ProactiveTurnSkippedError();
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }
}

/** A middleware ended the proactive turn before the bot's logic ran, so nothing was sent. */
export class ProactiveTurnSkippedError extends Error {
  readonly code = 'PROACTIVE_TURN_SKIPPED';
  constructor() {
    super('The proactive turn ended before its logic ran.');
    this.name = 'ProactiveTurnSkippedError';
  }
}
