import { randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Replies that go back in the HTTP response (`deliveryMode: expectReplies`) get no id from a channel;
 * this gives each one an id, as a channel would, so a later invoke can refer to the message (Teams'
 * 👍/👎 on an answer names it by `replyToId`). Other delivery modes keep the channel's ids.
 */
export class ExpectRepliesIds implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.deliveryMode === 'expectReplies') {
      context.onSendActivities(async (_context, activities, send) => {
        for (const activity of activities) activity.id ??= randomUUID();
        const responses = await send();
        return responses.map((response, index) => ({ ...response, id: response?.id ?? activities[index]?.id ?? '' }));
      });
    }
    await next();
  }
}
