import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for the Teams client, the only way to run a teams-js tab outside Teams: a page on
 * its own loopback origin that frames the tab and answers teams-js's postMessage protocol. The tab
 * posts `{ id, uuidAsString, func, args }`; the host answers `{ id, uuidAsString, args }`:
 * - `initialize` → `[frameContext, hostClientType, runtimeConfig (JSON), clientSupportedSDKVersion]`
 * - `getContext` → `[context]` in the host's (flat) shape, which teams-js maps to `app.Context`
 * - `authentication.getAuthToken` → `[true, token]`, or `[false, reason]` without a token
 * Anything else is only recorded (`window.hostLog` in the host page).
 */
export interface FakeTeamsHost {
  readonly origin: string;
  /** The host page framing `tabUrl` for this user. */
  url(options: HostPageOptions): string;
  close(): Promise<void>;
}

/** Who is signed in to the fake Teams, and what it hands the tab. */
export interface HostPageOptions {
  readonly tabUrl: string;
  readonly upn: string;
  readonly oid: string;
  readonly displayName: string;
  readonly theme?: 'default' | 'dark' | 'contrast';
  /** The SSO token `authentication.getAuthToken` returns; without one the host refuses. */
  readonly token?: string;
}

const TEAMS_JS_VERSION = '2.58.0';

const HOST_PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Microsoft Teams (testvärd)</title>
<style>
  html, body { margin: 0; height: 100%; font-family: 'Segoe UI', system-ui, sans-serif; }
  body { display: flex; flex-direction: column; background: #f5f5f5; }
  header { height: 48px; flex: none; display: flex; align-items: center; gap: 12px; padding: 0 16px; background: #ebebeb; border-bottom: 1px solid #e0e0e0; color: #242424; }
  header .app { width: 28px; height: 28px; border-radius: 6px; background: #1b5e8a; color: #fff; display: grid; place-items: center; font-weight: 700; font-size: 14px; }
  header .name { font-weight: 600; }
  header span { white-space: nowrap; }
  header .tab { margin-left: 16px; padding: 12px 2px; border-bottom: 3px solid #5b5fc7; font-weight: 600; }
  iframe { flex: 1; border: 0; width: 100%; }
</style>
</head>
<body>
<header><span class="app" aria-hidden="true">S</span><span class="name">Samverkansboten</span><span class="tab">Tider och bokningar</span></header>
<iframe id="tab" title="Tider och bokningar"></iframe>
<script>
  const params = new URLSearchParams(location.search);
  const frame = document.getElementById('tab');
  window.hostLog = [];
  const context = {
    locale: 'sv-se',
    theme: params.get('theme') || 'default',
    frameContext: 'content',
    hostClientType: 'web',
    hostName: 'Teams',
    entityId: 'tider-och-bokningar',
    appSessionId: 'e2e-session',
    userObjectId: params.get('oid'),
    userPrincipalName: params.get('upn'),
    loginHint: params.get('upn'),
    userDisplayName: params.get('name'),
    tid: '9c2e4f1a-0b7d-4e3a-8f61-2d5c7b9a1e40',
  };
  const runtime = { apiVersion: 4, supports: { app: {}, appInitialization: {}, authentication: {}, pages: { appButton: {}, tabs: {} }, teamsCore: {} } };
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.hostLog.push(message.func);
    const reply = (args) => event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
    switch (message.func) {
      case 'initialize':
        reply(['content', 'web', JSON.stringify(runtime), '${TEAMS_JS_VERSION}']);
        break;
      case 'getContext':
        reply([context]);
        break;
      case 'authentication.getAuthToken':
        reply(params.get('token') ? [true, params.get('token')] : [false, 'resourceDisabled']);
        break;
    }
  });
  frame.src = params.get('tab');
</script>
</body>
</html>`;

/** Serves the host page on a free loopback port. */
export async function startFakeTeamsHost(): Promise<FakeTeamsHost> {
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url ?? '').startsWith('/host')) {
      // Two calls, not a chain: restify, loaded in the same test process, patches writeHead to return nothing.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(HOST_PAGE);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url(options) {
      const query = new URLSearchParams({
        tab: options.tabUrl,
        upn: options.upn,
        oid: options.oid,
        name: options.displayName,
        theme: options.theme ?? 'default',
        ...(options.token ? { token: options.token } : {}),
      });
      return `${origin}/host?${query.toString()}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
