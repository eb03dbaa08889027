import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from './botbuilder-edge.js';
import { httpUrlOf } from './http-url.js';

/** The bot was asked to write to a service URL it may not reach in local mode. */
export class ServiceUrlNotAllowedError extends Error {
  readonly code = 'SERVICE_URL_NOT_ALLOWED';
  constructor() {
    super('In local mode the bot only writes to loopback service URLs.');
    this.name = 'ServiceUrlNotAllowedError';
  }
}

/** True for http(s) URLs on this machine: localhost, 127.0.0.0/8 or [::1]. */
export function isLoopbackUrl(raw: string | undefined): boolean {
  const url = raw ? httpUrlOf(raw) : undefined;
  if (!url) return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];

/** The HTTP pipeline inside botbuilder's ConnectorClient (@azure/core-client), where a request can be stopped. */
interface Pipeline {
  addPolicy(policy: { name: string; sendRequest(request: { url: string }, next: (request: { url: string }) => Promise<unknown>): Promise<unknown> }): void;
}

/**
 * Authentication for local mode (no app id). botbuilder would send replies, card updates and Teams
 * API calls to whatever `serviceUrl` an unauthenticated activity names; here every connector the
 * adapter creates refuses to send a request anywhere but this machine (the Agents Playground, tests).
 */
export class LocalModeAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string) {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: loopbackOnly(result.connectorFactory) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return loopbackOnly(super.createConnectorFactory(claimsIdentity));
  }
}

function loopbackOnly(inner: ConnectorFactory): ConnectorFactory {
  return {
    async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
      const client = await inner.create(serviceUrl, audience);
      const pipeline = (client as unknown as { client?: { pipeline?: Partial<Pipeline> } }).client?.pipeline;
      // Fail closed: a botbuilder version without this pipeline gets no connector at all in local mode.
      if (typeof pipeline?.addPolicy !== 'function') throw new ServiceUrlNotAllowedError();
      pipeline.addPolicy({
        name: 'samverkansboten-loopback-only',
        sendRequest: (request, next) => (isLoopbackUrl(request.url) ? next(request) : Promise.reject(new ServiceUrlNotAllowedError())),
      });
      return client;
    },
  };
}
