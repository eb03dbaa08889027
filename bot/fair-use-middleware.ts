import type { Middleware, TurnContext } from 'botbuilder';
import { ActivityTypes } from '../dialogs/botbuilder-runtime.js';
import { createRequire } from 'node:module';
import type * as RateLimiters from 'rate-limiter-flexible';
import type { Logger } from '../observability/logger.js';
import { refusalCallLine, whoToCall } from '../triage/who-to-call.js';
import type { RefusalCallSource } from './privacy-middleware.js';

// The package's index loads every limiter it has (Redis, Mongo, MySQL, DynamoDB …); the memory limiter
// and its result class, required from their own files, cost a tenth of that at start.
const require = createRequire(import.meta.url);
const RateLimiterMemory = require('rate-limiter-flexible/lib/RateLimiterMemory.js') as typeof RateLimiters.RateLimiterMemory;
type RateLimiterMemory = RateLimiters.RateLimiterMemory;
const RateLimiterRes = require('rate-limiter-flexible/lib/RateLimiterRes.js') as typeof RateLimiters.RateLimiterRes;

/** What the fair-use limit allows. */
export interface FairUseOptions {
  /** Messages and card presses one person may send per minute; 0 turns the limit off. */
  readonly turnsPerMinute: number;
}

/** The turns that cost work and that one person sends: messages and invokes (card presses). */
const COUNTED_TYPES: ReadonlySet<string> = new Set([ActivityTypes.Message, ActivityTypes.Invoke]);
const PAUSE_TEXT = 'Du har skickat många meddelanden på kort tid, så jag pausar en liten stund. Vänta en minut och skriv sedan igen.';

/**
 * Fair use: one person (by Entra object id, else Teams user id) gets at most `turnsPerMinute` turns
 * a minute on this instance. The first turn over the limit gets a calm reply that still says whom
 * to call now; later ones in the same minute are dropped without a reply. Each refusal is logged as
 * RATE_LIMITED with a running count, never with the user or the text.
 */
export class FairUseMiddleware implements Middleware {
  private readonly limiter: RateLimiterMemory | undefined;
  private readonly points: number;
  private refused = 0;

  constructor(
    options: FairUseOptions,
    private readonly logger: Logger,
    private readonly callSource: RefusalCallSource,
  ) {
    this.points = options.turnsPerMinute;
    this.limiter = options.turnsPerMinute > 0 ? new RateLimiterMemory({ points: options.turnsPerMinute, duration: 60 }) : undefined;
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const user = context.activity.from?.aadObjectId ?? context.activity.from?.id;
    if (!this.limiter || !user || !COUNTED_TYPES.has(context.activity.type)) return next();
    try {
      await this.limiter.consume(user);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      this.refused += 1;
      const firstOverLimit = rejection.consumedPoints === this.points + 1;
      this.logger.warn(
        { code: 'RATE_LIMITED', count: this.refused, activityType: context.activity.type, replied: firstOverLimit, retryAfterSeconds: Math.ceil(rejection.msBeforeNext / 1000) },
        'turn refused: too many turns from one person',
      );
      if (context.activity.type === ActivityTypes.Invoke) {
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 429, body: { code: 'RATE_LIMITED', message: PAUSE_TEXT } } });
      } else if (firstOverLimit) {
        const { contacts, clock } = this.callSource;
        await context.sendActivity(`${PAUSE_TEXT}\n\n${refusalCallLine(whoToCall(contacts, clock.now()))}`);
      }
      return;
    }
    await next();
  }
}
