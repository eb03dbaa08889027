import { createServer as createHttpServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

// A Bot Framework channel in tests: the bot's app id and secret, channel tokens signed as the Bot Framework
// signs them, and its published keys over local HTTP.

/** The bot's app id (MicrosoftAppId) in tests that run with one. */
export const APP_ID = '11111111-2222-3333-4444-555555555555';
/** Its secret (MicrosoftAppPassword); not a real one. */
export const APP_PASSWORD = 'not-a-real-secret-but-long-enough';
/** The issuer of channel tokens. */
export const ISSUER = 'https://api.botframework.com';
/** The serviceUrl of test activities (test/helpers/activities.ts), which channel tokens carry. */
export const SERVICE_URL = 'https://smba.invalid/emea/';

/** A signing key and its key id. */
export interface Keys {
  readonly privateKey: CryptoKey;
  readonly kid: string;
}

/** A new RS256 key pair: the private key to sign with, and the public JWK to publish. */
export async function newKeys(kid: string): Promise<Keys & { publicJwk: Record<string, unknown> }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  return { privateKey, kid, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig', endorsements: ['msteams'] } };
}

/** A channel token as the Bot Framework service signs it; `claims` and `expiresIn` make it wrong on purpose. */
export function channelToken(keys: Keys, options: { audience?: string; expiresAt?: number; claims?: Record<string, unknown> } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: SERVICE_URL, ...options.claims })
    .setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(options.audience ?? APP_ID)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(options.expiresAt ?? now + 3600)
    .sign(keys.privateKey);
}

/** OpenID metadata and a JWKS over local HTTP, as login.botframework.com publishes them. */
export async function startKeyServer(jwks: Record<string, unknown>[]): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server: Server = createHttpServer((req, res) => {
    requests += 1;
    const { port } = server.address() as { port: number };
    const body = req.url?.endsWith('openidconfiguration') ? { issuer: ISSUER, jwks_uri: `http://127.0.0.1:${port}/v1/.well-known/keys` } : { keys: jwks };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`, requests: () => requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

