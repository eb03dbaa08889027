import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** A stand-in for Entra ID in tests: a key pair, its JWKS served over local HTTP, and Teams-SSO-shaped tokens. */
export interface SsoTokenIssuer {
  readonly jwksUrl: string;
  /** The tenant (`tid`) its tokens carry and its issuer names. */
  readonly tenantId: string;
  readonly issuer: string;
  readonly audience: string;
  /** A token as Teams would hand the tab: `oid`, `upn`, `name`, `scp: access_as_user`, one hour valid; `overrides` replace claims. */
  token(user: { oid: string; upn?: string; name?: string }, overrides?: TokenOverrides): Promise<string>;
  /** How often the JWKS was fetched. */
  readonly jwksRequests: () => number;
  close(): Promise<void>;
}

/** Claims or keys a test changes to make a token wrong. */
export interface TokenOverrides {
  readonly audience?: string;
  readonly issuer?: string;
  /** Seconds since the epoch. */
  readonly expiresAt?: number;
  readonly scope?: string | null;
  /** Sign with this key instead of the published one (a forged token). */
  readonly signingKey?: CryptoKey;
  readonly claims?: JWTPayload;
}

const KEY_ID = 'test-key-1';

/** Starts the JWKS server on a free loopback port. */
export async function startSsoTokenIssuer(options: { tenantId?: string; appId?: string } = {}): Promise<SsoTokenIssuer> {
  const tenantId = options.tenantId ?? '9c2e4f1a-0b7d-4e3a-8f61-2d5c7b9a1e40';
  const appId = options.appId ?? '7d3f0e2b-5c1a-4b8e-9f2d-6a1c3e5b7d90';
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' };
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    if (req.url !== '/discovery/v2.0/keys') {
      res.writeHead(404);
      res.end();
      return;
    }
    // Two calls, not a chain: restify, loaded in the same test process, patches writeHead to return nothing.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `https://login.microsoftonline.com/${tenantId}/v2.0`;
  const audience = `api://samverkansboten.botkyrka.se/${appId}`;
  return {
    jwksUrl: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    tenantId,
    issuer,
    audience,
    jwksRequests: () => requests,
    async token(user, overrides = {}) {
      const scope = overrides.scope === undefined ? 'access_as_user' : overrides.scope;
      return new SignJWT({
        oid: user.oid,
        tid: tenantId,
        ...(user.upn ? { upn: user.upn, preferred_username: user.upn } : {}),
        ...(user.name ? { name: user.name } : {}),
        ...(scope === null ? {} : { scp: scope }),
        ver: '2.0',
        ...overrides.claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
        .setIssuer(overrides.issuer ?? issuer)
        .setAudience(overrides.audience ?? audience)
        .setSubject(user.oid)
        .setIssuedAt()
        .setNotBefore('0s')
        .setExpirationTime(overrides.expiresAt ?? '1h')
        .sign(overrides.signingKey ?? privateKey);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
