import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request, Response, Server } from 'restify';
import type { AppConfig } from '../config/config.js';
import type { RoleDirectory } from '../municipality/roles.js';
import type { Contacts } from '../municipality/contacts.js';
import { refusalCallLine, whoToCall } from '../triage/who-to-call.js';
import type { Logger } from '../observability/logger.js';
import type { BookingService } from '../booking/booking-service.js';
import {
  createDevAuthenticator,
  createSsoAuthenticator,
  createUnconfiguredAuthenticator,
  parseBookingReference,
  parseBookRequest,
  parsePostSlotsRequest,
  parseSchoolChoice,
  parseSlotId,
  parseStatisticsQuery,
  parseWeekQuery,
  StatisticsTabService,
  TabActionError,
  TabAuthError,
  TabService,
  type Parsed,
  type StatisticsReports,
  type TabAuthenticator,
  type TabPrivacyGuard,
  type TabRefusal,
  type TabUser,
} from '../tab/index.js';

/** What the app hands the tab: the booking service the chat uses, and the roles file for development sign-in. */
export interface TabWiringOptions {
  readonly config: Pick<AppConfig, 'tab'>;
  readonly roles: RoleDirectory;
  readonly contacts: Contacts;
  readonly booking: BookingService;
  readonly guard: TabPrivacyGuard;
  /** The statistics for the ledningsgrupp and the knowledge owners (insights' report). */
  readonly statistics: StatisticsReports;
  readonly logger: Logger;
}

/** Builds the tab's authenticator and service from the configuration and registers its routes. */
export async function registerTab(server: Server, options: TabWiringOptions): Promise<void> {
  const { config, logger } = options;
  const authenticator = tabAuthenticator(config, options.roles);
  if (authenticator.mode === 'dev') logger.warn({ code: 'TAB_DEV_AUTH' }, 'tab in development mode: x-dev-user picks the user, no token is checked');
  else if (!config.tab.sso) logger.warn({ code: 'TAB_SSO_NOT_CONFIGURED' }, 'tab SSO not configured (TAB_SSO_AUDIENCE, TAB_SSO_ISSUER): the tab API answers 503');
  const service = new TabService({
    booking: options.booking,
    guard: options.guard,
    callNowLine: (now) => refusalCallLine(whoToCall(options.contacts, now)),
  });
  const statistics = new StatisticsTabService({ reports: options.statistics, roles: options.roles });
  registerTabRoutes(server, { authenticator, service, statistics, logger, hostOrigins: config.tab.hostOrigins });
}

/** The authenticator the configuration asks for; development mode picks among the people of the (validated) roles file. */
export function tabAuthenticator(config: Pick<AppConfig, 'tab'>, roles: Pick<RoleDirectory, 'people' | 'tenantId'>): TabAuthenticator {
  if (config.tab.authMode === 'dev') return createDevAuthenticator(roles.people, roles.tenantId ? { tenantId: roles.tenantId } : {});
  if (!config.tab.sso) return createUnconfiguredAuthenticator();
  return createSsoAuthenticator({ jwksUrl: config.tab.sso.jwksUrl, audiences: config.tab.sso.audiences, issuers: config.tab.sso.issuers });
}

/** What the tab's routes need. */
export interface TabRoutesOptions {
  readonly authenticator: TabAuthenticator;
  readonly service: TabService;
  readonly statistics: StatisticsTabService;
  readonly logger: Logger;
  /** Extra origins allowed to frame the tab and talk to it through teams-js, besides Teams' own. */
  readonly hostOrigins: readonly string[];
}

/** Where Teams (web, desktop, mobile) and the other Microsoft 365 hosts frame a tab from. */
const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.microsoft365.com',
];

const STATUS_OF_REFUSAL: Readonly<Record<TabRefusal, number>> = { forbidden: 403, 'not-found': 404, conflict: 409, unprocessable: 422 };
const NOT_SIGNED_IN = 'Vi kunde inte se vem du är. Stäng fliken och öppna den igen. Hjälper inte det, logga ut ur Teams och in igen.';
const NOT_CONFIGURED = 'Fliken är inte färdig att använda än. Kontakta den som sköter Samverkansboten. Du kan boka och se tider i chatten med boten.';
const BAD_REQUEST = 'Något i förfrågan var fel. Ladda om fliken och försök igen.';
const INTERNAL = 'Något gick fel hos Samverkansboten. Försök igen om en stund.';

/** A static file of the page, read once at start. */
interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
}

/**
 * The personal tab: `GET /tab` (the page and its assets) and the JSON API under `/api/tab` —
 * `GET week`, `POST slots`, `DELETE slots/:id`, `POST bookings`, `DELETE bookings/:reference`.
 * Every API call is authenticated (Teams SSO token, or `x-dev-user` in development mode), parsed
 * with zod and answered with calm Swedish on refusal. Logs carry codes, never tokens or bodies.
 */
export function registerTabRoutes(server: Server, options: TabRoutesOptions): void {
  const { authenticator, service, statistics, logger, hostOrigins } = options;
  const page = pageAsset('index.html', authenticator.mode, hostOrigins);
  const statisticsPage = pageAsset('statistics.html', authenticator.mode, hostOrigins);
  const assets = new Map<string, Asset>([
    ['/tab/statistics.js', publicAsset('statistics.js', 'text/javascript; charset=utf-8')],
    ['/tab/statistics.css', publicAsset('statistics.css', 'text/css; charset=utf-8')],
    // Chart.js's UMD build (global `Chart`), served from the installed package.
    ['/tab/vendor/chart.js', { body: readFileSync(join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js')), contentType: 'text/javascript; charset=utf-8' }],
    ['/tab/tab.js', publicAsset('tab.js', 'text/javascript; charset=utf-8')],
    ['/tab/tab.css', publicAsset('tab.css', 'text/css; charset=utf-8')],
    ['/tab/vendor/teams-js.js', { body: readFileSync(createRequire(import.meta.url).resolve('@microsoft/teams-js')), contentType: 'text/javascript; charset=utf-8' }],
  ]);
  const contentSecurityPolicy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    // teams-js refreshes its list of valid host origins from Microsoft's CDN.
    "connect-src 'self' https://res.cdn.office.net",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${[...TEAMS_FRAME_ANCESTORS, ...hostOrigins].join(' ')}`,
  ].join('; ');

  const sendAsset = (asset: Asset) => async (_req: Request, res: Response) => {
    res.writeHead(200, {
      'content-type': asset.contentType,
      'content-length': asset.body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': contentSecurityPolicy,
      'referrer-policy': 'no-referrer',
    });
    res.end(asset.body);
  };
  server.get('/tab', sendAsset(page));
  server.get('/tab/', sendAsset(page));
  server.get('/tab/statistik', sendAsset(statisticsPage));
  for (const [path, asset] of assets) server.get(path, sendAsset(asset));

  /** Wraps an API handler: authentication, error mapping, no caching, logs by code. */
  const api =
    (route: string, handle: (user: TabUser, req: Request) => Promise<{ status: number; body: unknown }>) =>
    async (req: Request, res: Response) => {
      res.header('cache-control', 'no-store');
      try {
        const user = await authenticator.authenticate({
          authorization: req.header('authorization') || undefined,
          ...(authenticator.mode === 'dev' ? { devUser: req.header('x-dev-user') || undefined } : {}),
        });
        const { status, body } = await handle(user, req);
        if (body instanceof CsvFile) {
          res.writeHead(status, {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': `attachment; filename="${body.fileName}"`,
            'cache-control': 'no-store',
            'x-content-type-options': 'nosniff',
          });
          res.end(body.body);
          return;
        }
        res.send(status, body);
      } catch (error) {
        if (error instanceof TabAuthError) {
          const status = error.unavailable ? 503 : 401;
          logger.warn({ code: error.code, status, route }, 'tab request not authenticated');
          if (status === 401) res.header('www-authenticate', 'Bearer');
          res.send(status, { code: error.code, message: error.unavailable ? NOT_CONFIGURED : NOT_SIGNED_IN });
          return;
        }
        if (error instanceof BadTabRequest) {
          logger.warn({ code: 'TAB_REQUEST_INVALID', status: 400, route, fields: error.fields }, 'tab request malformed');
          res.send(400, { code: 'TAB_REQUEST_INVALID', message: BAD_REQUEST, fields: error.fields });
          return;
        }
        if (error instanceof TabActionError) {
          const status = STATUS_OF_REFUSAL[error.refusal];
          logger.info({ code: error.code, status, route }, 'tab action refused');
          res.send(status, { code: error.code, message: error.userMessage, ...error.details });
          return;
        }
        logger.error({ code: 'TAB_INTERNAL_ERROR', status: 500, route, errorName: (error as Error)?.name, errorCode: (error as { code?: unknown })?.code }, 'tab request failed');
        res.send(500, { code: 'TAB_INTERNAL_ERROR', message: INTERNAL });
      }
    };

  server.get(
    '/api/tab/week',
    api('week', async (user, req) => ({ status: 200, body: await service.week(user, valid(parseWeekQuery(Object.fromEntries(new URLSearchParams(req.getQuery()))))) })),
  );
  server.post(
    '/api/tab/slots',
    api('post-slots', async (user, req) => ({ status: 201, body: await service.postSlots(user, valid(parsePostSlotsRequest(req.body))) })),
  );
  server.del(
    '/api/tab/slots/:id',
    api('cancel-slot', async (user, req) => ({ status: 200, body: await service.cancelSlot(user, valid(parseSlotId(req.params?.id))) })),
  );
  server.post(
    '/api/tab/bookings',
    api('book', async (user, req) => ({ status: 201, body: await service.book(user, valid(parseBookRequest(req.body))) })),
  );
  server.put(
    '/api/tab/school',
    api('choose-school', async (user, req) => ({ status: 200, body: await service.chooseSchool(user, valid(parseSchoolChoice(req.body))) })),
  );
  server.get(
    '/api/tab/statistics',
    api('statistics', async (user, req) => ({ status: 200, body: await statistics.view(user, valid(parseStatisticsQuery(queryOf(req)))) })),
  );
  server.get(
    '/api/tab/statistics.csv',
    api('statistics-csv', async (user, req) => {
      const csv = await statistics.csv(user, valid(parseStatisticsQuery(queryOf(req))));
      return { status: 200, body: new CsvFile(csv.fileName, csv.body) };
    }),
  );
  server.del(
    '/api/tab/bookings/:reference',
    api('cancel-booking', async (user, req) => ({ status: 200, body: await service.cancelBooking(user, valid(parseBookingReference(req.params?.reference))) })),
  );
}

/** A CSV download: written as it is, with a file name, instead of as JSON. */
class CsvFile {
  constructor(
    readonly fileName: string,
    readonly body: string,
  ) {}
}

function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(req.getQuery()));
}

class BadTabRequest extends Error {
  constructor(readonly fields: readonly string[]) {
    super('Malformed tab request');
    this.name = 'BadTabRequest';
  }
}

function valid<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new BadTabRequest(parsed.fields);
  return parsed.value;
}

function publicAsset(name: string, contentType: string): Asset {
  return { body: readFileSync(fileURLToPath(new URL(`../tab/public/${name}`, import.meta.url))), contentType };
}

/** A page, told the authentication mode and the extra host origins teams-js should accept. */
function pageAsset(name: string, authMode: TabAuthenticator['mode'], hostOrigins: readonly string[]): Asset {
  const template = readFileSync(fileURLToPath(new URL(`../tab/public/${name}`, import.meta.url)), 'utf8');
  // Both values are validated at start (an enum; origins without quotes or spaces), so no escaping is needed.
  const html = template.replace('%AUTH_MODE%', authMode).replace('%HOST_ORIGINS%', hostOrigins.join(' '));
  return { body: Buffer.from(html, 'utf8'), contentType: 'text/html; charset=utf-8' };
}
