import { createRequire } from 'node:module';
import type * as Restify from 'restify';
import type { Next, Request, Response, Server } from 'restify';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../observability/logger.js';
import { parseInboundActivity } from './activity-schema.js';
import type { ChannelTokenGate } from './channel-token-gate.js';
import type { EdgeAdapter } from './edge-adapter.js';
import type { InFlightTurns } from './in-flight-turns.js';
import { readJsonBody, sendBodyRejection, sendJson } from './json-body.js';
import { isLoopbackUrl } from './local-mode-authentication.js';

// restify is CommonJS: `require` spares node lexing it and its plugins for named exports at every start.
const restify = createRequire(import.meta.url)('restify') as typeof Restify;

/** What the HTTP host needs to serve the bot. */
export interface HttpServerOptions {
  readonly adapter: EdgeAdapter;
  readonly bot: ActivityHandler;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  /** True when the knowledge base is loaded and the database answers. */
  readonly ready: () => Promise<boolean>;
  /**
   * With an app id: checks each request's channel token before botbuilder does. Without one the bot
   * is in local mode and only answers activities whose replies stay on this machine.
   */
  readonly tokenGate?: ChannelTokenGate;
  /** Counts running turns so a stop can drain them; while it drains, turns get 503 `SHUTTING_DOWN`. */
  readonly turns: InFlightTurns;
}

/** JSON nesting deeper than this is refused; activities and tab requests nest a few levels. */
const MAX_BODY_DEPTH = 64;
// A client gets this long to send its headers, and its whole request, before the socket is closed.
const HEADERS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** Counts what the edge refuses, by code, and logs each refusal with the running count. */
export class EdgeRejections {
  private readonly counts = new Map<string, number>();
  constructor(private readonly logger: Logger) {}

  record(code: string, status: number, route: string): void {
    const count = (this.counts.get(code) ?? 0) + 1;
    this.counts.set(code, count);
    this.logger.warn({ code: 'HTTP_REQUEST_REJECTED', reason: code, status, route, count }, 'request rejected');
  }

  /** How many requests were refused with each code since start. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

/** The restify host: `POST /api/messages`, `GET /healthz`, `GET /readyz`; other routes are added by their owners. */
export function createHttpServer(options: HttpServerOptions): Server {
  const { adapter, bot, logger } = options;
  const rejections = new EdgeRejections(logger);
  const server = restify.createServer({ name: 'samverkansboten', handleUncaughtExceptions: false });
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;

  // The only body parser: JSON, no content encoding, capped; anything else is refused before it is read.
  server.use((req: Request, res: Response, next: Next) => {
    readJsonBody(req, { maxBytes: options.maxBodyBytes, maxDepth: MAX_BODY_DEPTH }).then(
      (result) => {
        if (result.ok) {
          req.body = result.body;
          next();
          return;
        }
        rejections.record(result.rejection.code, result.rejection.status, req.getRoute()?.path?.toString() ?? 'unknown');
        sendBodyRejection(req, res, result.rejection);
        next(false);
      },
      (error: unknown) => {
        logger.error({ code: 'HTTP_BODY_READ_FAILED', errorName: (error as Error).name }, 'could not read a request body');
        sendJson(res, 400, { code: 'BODY_INCOMPLETE', message: 'The request body could not be read.' });
        next(false);
      },
    );
  });

  // Restify's own refusals (unknown route, wrong method, a handler that failed) keep their status but
  // never carry internals: a code and a fixed message.
  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const status = error.statusCode ?? 500;
    const code = status === 404 ? 'NOT_FOUND' : status === 405 ? 'METHOD_NOT_ALLOWED' : status >= 500 ? 'INTERNAL_ERROR' : 'REQUEST_REJECTED';
    if (status >= 500) logger.error({ code: 'HTTP_HANDLER_FAILED', errorName: error.name, route: req.getRoute()?.path?.toString() }, 'request handler failed');
    else rejections.record(code, status, req.getRoute()?.path?.toString() ?? 'unknown');
    error.toJSON = () => ({ code, message: status >= 500 ? 'Something went wrong on our side.' : 'The request was refused.' });
    callback();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const parsed = parseInboundActivity(req.body);
    if (!parsed.ok) {
      rejections.record('ACTIVITY_INVALID', 400, '/api/messages');
      logger.warn({ code: 'ACTIVITY_INVALID', fields: parsed.fields }, 'malformed activity');
      sendJson(res, 400, { code: 'ACTIVITY_INVALID', message: 'The body is not a valid Bot Framework activity.', fields: parsed.fields });
      return;
    }
    const { activity } = parsed;
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
    if (options.tokenGate) {
      const refused = await options.tokenGate.check(authorization);
      if (refused) {
        rejections.record(refused, 401, '/api/messages');
        sendJson(res, 401, { code: refused, message: 'The request is not authorised.' });
        return;
      }
    } else if (activity.deliveryMode !== 'expectReplies' && activity.type !== 'invoke' && !isLoopbackUrl(activity.serviceUrl)) {
      // Local mode: replies go to the activity's service URL, and only this machine is trusted. An
      // invoke is answered in the HTTP response; anything else it sends is stopped by the connector guard.
      rejections.record('SERVICE_URL_NOT_ALLOWED', 403, '/api/messages');
      sendJson(res, 403, { code: 'SERVICE_URL_NOT_ALLOWED', message: 'Without an app id the bot only answers loopback service URLs, expectReplies and invokes.' });
      return;
    }
    if (!options.turns.begin()) {
      // A load balancer sends the retry to another instance; this one is stopping.
      res.header('Connection', 'close');
      sendJson(res, 503, { code: 'SHUTTING_DOWN', message: 'This instance is stopping; try again.' });
      return;
    }
    try {
      const invokeResponse = await adapter.processChecked(authorization ?? '', activity, (context) => bot.run(context));
      sendJson(res, invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      // Turn errors are handled by the adapter's onTurnError; what arrives here is authentication.
      const statusCode = (error as { statusCode?: unknown }).statusCode;
      if (typeof statusCode === 'number') {
        // botbuilder's authentication messages name claims and key ids, never user input or the token.
        logger.info({ code: 'AUTH_REJECTED', detail: String((error as Error).message).slice(0, 200) }, 'botbuilder refused the channel token');
        rejections.record('AUTH_REJECTED', 401, '/api/messages');
        sendJson(res, 401, { code: 'AUTH_REJECTED', message: 'The request is not authorised.' });
        return;
      }
      logger.error({ code: 'ACTIVITY_PROCESSING_FAILED', errorName: (error as Error).name }, 'activity could not be processed');
      sendJson(res, 500, { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side.' });
    } finally {
      options.turns.end();
    }
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    sendJson(res, 200, { status: 'alive' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = !options.turns.draining && (await options.ready().catch(() => false));
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
  });

  return server;
}
