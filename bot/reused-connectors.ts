import type { Activity } from 'botbuilder';
import { createRequire } from 'node:module';
import type * as Connector from 'botframework-connector';
import type { AuthenticateRequestResult, BotFrameworkClient, ClaimsIdentity, ConnectorFactory, UserTokenClient } from 'botframework-connector';

// botframework-connector is CommonJS: `require` spares node lexing it and its Azure clients for named exports at start.
const { BotFrameworkAuthentication, JwtTokenValidation } = createRequire(import.meta.url)('botframework-connector') as typeof Connector;
type BotFrameworkAuthentication = Connector.BotFrameworkAuthentication;

type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;

/** Teams has a handful of service URLs; local mode may be sent any, so the cache is bounded. */
const MAX_CACHED = 64;

/**
 * botbuilder's authentication with the outbound clients kept: CloudAdapter builds a new
 * ConnectorClient (an Azure HTTP pipeline with its credentials) and a new UserTokenClient for every
 * turn, which costs about a tenth of a turn's CPU. Clients are the same for the same bot app id,
 * service URL and audience, so they are made once and reused; their credentials renew their own tokens.
 */
export class ReusedConnectorsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusingFactory(appIdOf(claimsIdentity), this.inner.createConnectorFactory(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remembered(this.tokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusingFactory(appIdOf(result.claimsIdentity), result.connectorFactory) };
  }

  private reusingFactory(appId: string, factory: ConnectorFactory): ConnectorFactory {
    return {
      create: (serviceUrl: string, audience?: string) =>
        remembered(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    } as ConnectorFactory;
  }
}

function appIdOf(claimsIdentity: ClaimsIdentity | undefined): string {
  return claimsIdentity ? (JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '') : '';
}

/** The value made for `key`, made once; a failed make is forgotten so the next turn tries again. */
function remembered<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const made = make();
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, made);
  made.catch(() => {
    if (cache.get(key) === made) cache.delete(key);
  });
  return made;
}
