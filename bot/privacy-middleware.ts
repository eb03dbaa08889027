import { ActivityTypes, TurnContext, type Middleware } from 'botbuilder';
import { refusalCallLine, whoToCall } from '../triage/who-to-call.js';
import type { Contacts } from '../municipality/contacts.js';
import type { Logger } from '../observability/logger.js';
import { quasiWarningText, refusalText, type PrivacyGuard, type PrivacyVerdict } from '../privacy/index.js';
import type { Clock } from '../scheduling/clock.js';

/** What the refusal's who-to-call-now line is computed from: the contacts file and the clock, nothing the user wrote. */
export interface RefusalCallSource {
  readonly contacts: Contacts;
  readonly clock: Clock;
}

/** Turn-state key under which the middleware leaves the message text with the bot's own @mention removed. */
export const CLEAN_TEXT_KEY = Symbol('cleanText');

/**
 * Runs first on every turn, before state, dialogs, search, a model or logs see anything: a message or
 * card submit with identifying data is answered with a calm refusal and goes no further. Every refusal
 * ends with whom to call now; the area is not known here (state is not read), so both sections are named.
 */
export class PrivacyMiddleware implements Middleware {
  constructor(
    private readonly guard: PrivacyGuard,
    private readonly logger: Logger,
    private readonly callSource: RefusalCallSource,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message && activity.type !== ActivityTypes.Invoke) return next();

    const text = activity.type === ActivityTypes.Message ? TurnContext.removeRecipientMention(activity) ?? activity.text ?? '' : '';
    context.turnState.set(CLEAN_TEXT_KEY, text.trim());
    const verdict = mergeVerdicts(this.guard.inspectText(text), this.guard.inspectValue(activity.value ?? null));

    if (verdict.identifying) {
      this.logger.info({ code: 'PRIVACY_REFUSED', categories: verdict.categories, activityType: activity.type }, 'message refused');
      const shared = activity.conversation?.conversationType === 'channel' || activity.conversation?.isGroup === true;
      const callNowLine = refusalCallLine(whoToCall(this.callSource.contacts, this.callSource.clock.now()));
      await reply(context, refusalText(verdict, { sharedConversation: shared, callNowLine }));
      return;
    }
    if (verdict.quasi) {
      this.logger.info({ code: 'PRIVACY_QUASI_WARNING' }, 'quasi-identifier warning');
      await context.sendActivity(quasiWarningText());
    }
    await next();
  }
}

async function reply(context: TurnContext, text: string): Promise<void> {
  if (context.activity.type === ActivityTypes.Invoke) {
    // An Action.Execute from a card expects an invoke response; a message response shows the text in place.
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
    });
    return;
  }
  await context.sendActivity(text);
}

function mergeVerdicts(a: PrivacyVerdict, b: PrivacyVerdict): PrivacyVerdict {
  return {
    identifying: a.identifying || b.identifying,
    quasi: a.quasi || b.quasi,
    categories: [...new Set([...a.categories, ...b.categories])].sort(),
  };
}
