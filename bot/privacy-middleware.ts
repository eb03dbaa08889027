import type { Activity, Middleware } from 'botbuilder';
import { ActivityTypes, TurnContext } from '../dialogs/botbuilder-runtime.js';
import { refusalCallLine, whoToCall } from '../triage/who-to-call.js';
import type { Area, Contacts } from '../municipality/contacts.js';
import type { Logger } from '../observability/logger.js';
import { isSharedConversation, mergeVerdicts, quasiWarningText, refusalText, type PrivacyGuard, type PrivacyVerdict } from '../privacy/index.js';
import type { Clock } from '../scheduling/clock.js';
import type { InsightRecorder } from '../insights/index.js';
import type { StaffAreaLookup } from './staff-area.js';

/** What the refusal's who-to-call-now line is computed from: the contacts file and the clock, nothing the user wrote. */
export interface RefusalCallSource {
  readonly contacts: Contacts;
  readonly clock: Clock;
  /** The card question the conversation waits for, from saved dialog state (never from the message), so the refusal can name it. */
  readonly pendingQuestion?: (context: TurnContext) => Promise<string | undefined>;
  /** The area of the writer's school when the bot knows it (profile or roles), so the refusal names only their section. */
  readonly areaOf?: StaffAreaLookup;
}

/** Turn-state key under which the middleware leaves the message text with the bot's own @mention removed. */
export const CLEAN_TEXT_KEY = Symbol('cleanText');

/** Activities whose text a person wrote in the chat: a message and an edited message. */
const WRITTEN_TEXT_TYPES: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.MessageUpdate]);
/** Activities the writer can be answered on: a refusal goes back in the chat, or in the invoke response. */
const ANSWERABLE_TYPES: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.MessageUpdate, ActivityTypes.Invoke]);
/** Attachments whose content is text a person wrote (Teams sends formatted messages as text/html too). */
const TEXT_CONTENT = /^text\//i;
const MENTION_MARKUP = /<at\b[^>]*>[^<]*<\/at>/gi;
const MARKUP = /<[^>]{0,500}>/g;

/**
 * Runs first on every turn, before state, dialogs, search, a model or logs see anything. Every activity that
 * carries something a person wrote (the text of a message or an edited message, card and invoke values, a
 * summary, attachments' names and text) is inspected, whatever its type, so a handler added later cannot bypass
 * the guard. Identifying data stops the turn: a message, an edit or an invoke gets a calm refusal that ends with
 * whom to call now (the writer's section when their school is known, else both); any other
 * activity is dropped without a reply.
 */
export class PrivacyMiddleware implements Middleware {
  constructor(
    private readonly guard: PrivacyGuard,
    private readonly logger: Logger,
    private readonly callSource: RefusalCallSource,
    /** Counts refusals by category for the statistics; nothing of the message. */
    private readonly insights?: Pick<InsightRecorder, 'record'>,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const text = WRITTEN_TEXT_TYPES.has(activity.type) ? (TurnContext.removeRecipientMention(activity) ?? activity.text ?? '') : '';
    if (activity.type === ActivityTypes.Message) context.turnState.set(CLEAN_TEXT_KEY, text.trim());
    const verdict = this.inspect(activity, text);

    if (verdict.identifying) {
      this.logger.info({ code: 'PRIVACY_REFUSED', categories: verdict.categories, activityType: activity.type }, 'message refused');
      await this.insights?.record({ kind: 'guard-refused', categories: verdict.categories }, activity.from?.aadObjectId || activity.from?.id);
      if (!ANSWERABLE_TYPES.has(activity.type)) return;
      const area = await this.areaOf(activity);
      const callNowLine = refusalCallLine(whoToCall(this.callSource.contacts, this.callSource.clock.now(), area));
      const pendingQuestion = await this.pendingQuestion(context);
      await reply(context, refusalText(verdict, { sharedConversation: isSharedConversation(activity), callNowLine, ...(pendingQuestion ? { pendingQuestion } : {}) }));
      return;
    }
    if (verdict.quasi && ANSWERABLE_TYPES.has(activity.type)) {
      this.logger.info({ code: 'PRIVACY_QUASI_WARNING', activityType: activity.type }, 'quasi-identifier warning');
      await context.sendActivity(quasiWarningText());
    }
    await next();
  }

  /** The writer's area, from their profile or the roles file (never from the message); unknown when the lookup fails. */
  private async areaOf(activity: Activity): Promise<Area | undefined> {
    const userId = activity.from?.aadObjectId || activity.from?.id;
    if (!this.callSource.areaOf || !userId) return undefined;
    try {
      return await this.callSource.areaOf(userId);
    } catch (error) {
      this.logger.warn({ code: 'PRIVACY_AREA_UNREAD', errorName: (error as Error).name }, 'refusal names both sections: the school could not be read');
      return undefined;
    }
  }

  /** The question to answer again; a state that cannot be read costs only its name in the refusal, never the refusal. */
  private async pendingQuestion(context: TurnContext): Promise<string | undefined> {
    if (!this.callSource.pendingQuestion || context.activity.type !== ActivityTypes.Message) return undefined;
    try {
      return await this.callSource.pendingQuestion(context);
    } catch (error) {
      this.logger.warn({ code: 'PRIVACY_PENDING_QUESTION_UNREAD', errorName: (error as Error).name }, 'refusal sent without naming the pending question');
      return undefined;
    }
  }

  /** Everything in the activity a person wrote: the text, any other type's text, the value, a summary, attachments. */
  private inspect(activity: Activity, writtenText: string): PrivacyVerdict {
    const verdicts = [this.guard.inspectText(writtenText)];
    if (!WRITTEN_TEXT_TYPES.has(activity.type) && typeof activity.text === 'string') verdicts.push(this.guard.inspectText(activity.text));
    if (activity.value !== undefined && activity.value !== null) verdicts.push(this.guard.inspectValue(activity.value));
    if (typeof activity.summary === 'string') verdicts.push(this.guard.inspectText(activity.summary));
    for (const attachment of Array.isArray(activity.attachments) ? activity.attachments : []) {
      if (typeof attachment.name === 'string') verdicts.push(this.guard.inspectText(attachment.name));
      if (typeof attachment.content === 'string' && TEXT_CONTENT.test(attachment.contentType ?? '')) {
        // Mentions are in the text already (the bot's own is not the user's words); tags are markup.
        verdicts.push(this.guard.inspectText(attachment.content.replace(MENTION_MARKUP, ' ').replace(MARKUP, ' ')));
      }
    }
    return mergeVerdicts(verdicts);
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
