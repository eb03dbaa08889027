import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../observability/logger.js';
import { parseInboundActivity } from './activity-schema.js';

/** What the HTTP host needs to serve the bot. */
export interface HttpServerOptions {
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  /** True when the knowledge base is loaded and the database answers. */
  readonly ready: () => Promise<boolean>;
}

/** The restify host: `POST /api/messages`, `GET /healthz`, `GET /readyz`. */
export function createHttpServer(options: HttpServerOptions): Server {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'samverkansboten', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes, mapParams: false, mapFiles: false }));

  server.on('restifyError', (req: Request, _res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    logger.warn({ code: 'HTTP_REQUEST_REJECTED', status: error.statusCode, errorName: error.name, path: req.getPath() }, 'request rejected');
    callback();
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const parsed = parseInboundActivity(req.body);
    if (!parsed.ok) {
      logger.warn({ code: 'ACTIVITY_INVALID', fields: parsed.fields }, 'malformed activity');
      res.send(400, { code: 'ACTIVITY_INVALID', message: 'The body is not a valid Bot Framework activity.', fields: parsed.fields });
      return;
    }
    await adapter.process(req, res, (context) => bot.run(context));
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'alive' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await options.ready().catch(() => false);
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready' });
  });

  return server;
}
