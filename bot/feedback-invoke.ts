import type { InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { InsightRecorder } from '../insights/index.js';
import type { Logger } from '../observability/logger.js';

/** The invoke Teams sends when someone presses 👍 or 👎 under a message with `feedbackLoopEnabled`. */
export const FEEDBACK_INVOKE_NAME = 'message/submitAction';

/**
 * Its value: `actionName` "feedback" and the reaction. `actionValue.feedback` (a JSON string with the
 * optional comment) is deliberately not part of the schema: it is never read, parsed, stored or logged.
 */
const feedbackValueSchema = z.object({
  actionName: z.literal('feedback'),
  actionValue: z.object({ reaction: z.enum(['like', 'dislike']) }).loose(),
});

/**
 * Handles Teams' feedback buttons on answers: counts the reaction with the entries that answer cited
 * (found by the message it replies to) and answers 200. The comment is dropped unread.
 */
export class FeedbackInvokeHandler {
  constructor(
    private readonly insights: Pick<InsightRecorder, 'feedbackGiven'>,
    private readonly logger: Logger,
  ) {}

  /** True for the invokes this handler answers. */
  handles(context: TurnContext): boolean {
    return context.activity.name === FEEDBACK_INVOKE_NAME;
  }

  async handle(context: TurnContext): Promise<InvokeResponse> {
    const value = feedbackValueSchema.safeParse(context.activity.value);
    if (!value.success) {
      this.logger.info({ code: 'FEEDBACK_INVOKE_UNREADABLE', fields: value.error.issues.map((issue) => issue.path.join('.')) }, 'feedback invoke not understood');
      return { status: 400, body: { code: 'FEEDBACK_INVALID' } };
    }
    const messageId = context.activity.replyToId;
    const { from } = context.activity;
    if (messageId) await this.insights.feedbackGiven(messageId, value.data.actionValue.reaction, from.aadObjectId || from.id);
    this.logger.info({ code: 'FEEDBACK_RECEIVED', reaction: value.data.actionValue.reaction }, 'feedback received');
    return { status: 200, body: {} };
  }
}
