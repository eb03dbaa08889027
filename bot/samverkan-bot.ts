import { ActivityTypes, TeamsActivityHandler, type BotState, type TurnContext } from 'botbuilder';
import type { Answerer } from '../knowledge/answerer.js';
import type { Logger } from '../observability/logger.js';
import { answerActivity } from '../dialogs/answer-activity.js';
import { CLEAN_TEXT_KEY } from './privacy-middleware.js';
import { WELCOME_TEXT } from './welcome-text.js';

/** What the bot needs to run a turn. */
export interface SamverkanBotDependencies {
  readonly answerer: Answerer;
  readonly conversationState: BotState;
  readonly userState: BotState;
  readonly logger: Logger;
  /** True when a language model phrases answers; the bot then shows typing while it works. */
  readonly modelConfigured: boolean;
}

/** The Teams-facing bot: welcome on install, answers to questions in personal chats, group chats and channels. */
export class SamverkanBot extends TeamsActivityHandler {
  constructor(private readonly deps: SamverkanBotDependencies) {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((member) => member.id === botId)) {
        await context.sendActivity(WELCOME_TEXT);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.answerQuestion(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private async answerQuestion(context: TurnContext): Promise<void> {
    const question = (context.turnState.get(CLEAN_TEXT_KEY) as string | undefined) ?? '';
    if (question === '') {
      await context.sendActivity('Skriv din fråga som text, så letar jag i rutinerna.');
      return;
    }
    if (/^(hj[aä]lp|help|meny|start)\W*$/i.test(question)) {
      await context.sendActivity(WELCOME_TEXT);
      return;
    }
    if (this.deps.modelConfigured) await context.sendActivity({ type: ActivityTypes.Typing });
    const started = performance.now();
    const answer = await this.deps.answerer.answer(question);
    this.deps.logger.info(
      { code: 'QUESTION_ANSWERED', kind: answer.kind, citations: answer.citations.map((c) => c.id), aiGenerated: answer.aiGenerated, ms: Math.round(performance.now() - started) },
      'question answered',
    );
    await context.sendActivity(answerActivity(answer));
  }
}
