import type {
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  InvokeResponse,
  BotState,
  StatePropertyAccessor,
  TurnContext,
} from 'botbuilder';
import { TeamsActivityHandler } from './botbuilder-edge.js';
import { ActivityTypes } from '../dialogs/botbuilder-runtime.js';
import type { DialogState } from 'botbuilder-dialogs';
import { menuPlaceOf, welcomeActivity, type MainDialog } from '../dialogs/index.js';
import type { Logger } from '../observability/logger.js';
import { isSharedConversation } from '../privacy/index.js';
import type { ConversationTurns } from './conversation-turns.js';

/** What the bot needs to run a turn. */
export interface SamverkanBotDependencies {
  /** Routes every message and card submit: menu, routines, akut oro, cited answers. */
  readonly mainDialog: MainDialog;
  /** The pack's greeting when the bot is added. */
  readonly welcome: string;
  /** Added to the welcome in a team channel or group chat (routines.yaml, `welcomeShared`). */
  readonly welcomeShared?: string;
  /** Opens the personal chat with the bot; the menu in a channel or group chat offers it (set when the app id is configured). */
  readonly personalChatUrl?: string;
  readonly conversationState: BotState;
  readonly logger: Logger;
  /** Answers Action.Execute presses on the bot's cards ("Jag tar det" on an akut alert). */
  readonly cardActions?: AdaptiveCardActionHandler;
  /** In a mottagningssektion's alert channel, the note for the section that replaces the staff welcome; undefined elsewhere. */
  readonly alertChannelNote?: (context: TurnContext) => string | undefined;
  /** Runs a conversation's turns one at a time across instances; without it turns run as they come. */
  readonly turns?: ConversationTurns;
  /** Answers Teams' 👍/👎 feedback invokes (`message/submitAction`) on answers. */
  readonly feedback?: InvokeHandler;
}

/** Port: answers the plain invokes it recognises (by name). */
export interface InvokeHandler {
  handles(context: TurnContext): boolean;
  handle(context: TurnContext): Promise<InvokeResponse>;
}

/** Port: answers the Action.Execute invokes it recognises. */
export interface AdaptiveCardActionHandler {
  handles(invokeValue: AdaptiveCardInvokeValue): boolean;
  handle(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse>;
}

/** The Teams-facing bot: welcome on install, answers to questions in personal chats, group chats and channels. */
export class SamverkanBot extends TeamsActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(private readonly deps: SamverkanBotDependencies) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((member) => member.id === botId)) {
        const note = this.deps.alertChannelNote?.(context);
        await context.sendActivity(note ?? welcomeActivity(this.greetingFor(context), menuPlaceOf(context.activity, this.deps.personalChatUrl)));
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.deps.mainDialog.run(context, this.dialogState);
      await next();
    });
  }

  /** The pack's greeting; in a channel or group chat followed by what everyone there should know. */
  private greetingFor(context: TurnContext): string {
    return isSharedConversation(context.activity) && this.deps.welcomeShared ? `${this.deps.welcome}\n\n${this.deps.welcomeShared}` : this.deps.welcome;
  }

  /** An invoke the bot has no handler for is the caller's mistake: 400 with a code, not botbuilder's 501. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (this.deps.feedback?.handles(context)) return this.deps.feedback.handle(context);
    const response = await super.onInvokeActivity(context);
    if (response.status === 501) return { status: 400, body: { code: 'INVOKE_NOT_SUPPORTED' } };
    return response;
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const handler = this.deps.cardActions;
    if (handler?.handles(invokeValue)) return handler.handle(context, invokeValue);
    return super.onAdaptiveCardInvoke(context, invokeValue);
  }

  override async run(context: TurnContext): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    let readWithoutLease = false;
    let plainQuestion = false;
    const turn = async () => {
      // State read to decide on the lease may be stale by the time the lease is held: read it again.
      if (readWithoutLease) await this.deps.conversationState.load(context, true);
      // A plain question goes straight to the main dialog: botbuilder's handler chain (Turn, Message, Dialog, a
      // dozen awaits) would do only that, as this class registers no handler but the one message handler above.
      if (plainQuestion) await this.deps.mainDialog.run(context, this.dialogState);
      else await super.run(context);
      // A plain question changes no state: nothing to compare (botbuilder hashes the whole state to find out).
      if (!plainQuestion) await this.deps.conversationState.saveChanges(context, false);
    };
    if (!this.deps.turns || !conversationId) return turn();
    // A plain question outside any routine reads the state and writes none, so it needs no lease:
    // it answers from the state as read, as if it had run just before any turn still running elsewhere.
    const writesNothing = async () => {
      if (context.activity.type !== ActivityTypes.Message) return false;
      plainQuestion = await this.deps.mainDialog.isPlainQuestion(context, this.dialogState);
      readWithoutLease = !plainQuestion;
      return plainQuestion;
    };
    await this.deps.turns.run(`${context.activity.channelId}/${conversationId}`, turn, { writesNothing });
  }
}
