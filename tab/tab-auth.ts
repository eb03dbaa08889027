import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * Who is using the tab: from a verified Teams SSO token, or (development only) from a header. Roles
 * are looked up by `id` and `tenantId` alone, as in the chat.
 */
export interface TabUser {
  /** The Entra object id (`oid`), lower case: what bookings are owned by and roles are found by. */
  readonly id: string;
  /** The Entra tenant (`tid`), lower case; in development mode the roles file's tenant, if any. */
  readonly tenantId?: string;
  /** The sign-in name, for calendar invitations only: it can be renamed and reused, so it never decides a role. */
  readonly upn?: string;
  readonly name: string;
}

/** What the tab API reads from a request to know who is asking. */
export interface TabCredentials {
  /** The `Authorization` header: `Bearer <Teams SSO token>`. */
  readonly authorization?: string;
  /** The `x-dev-user` header (a UPN in the roles file); only read in development mode. */
  readonly devUser?: string;
}

/** Why a request was not authenticated; the code goes to the log, never the token. */
export const TAB_AUTH_ERROR_CODES = [
  'TAB_TOKEN_MISSING',
  'TAB_TOKEN_MALFORMED',
  'TAB_TOKEN_EXPIRED',
  'TAB_TOKEN_WRONG_AUDIENCE',
  'TAB_TOKEN_WRONG_ISSUER',
  'TAB_TOKEN_BAD_SIGNATURE',
  'TAB_TOKEN_INVALID',
  'TAB_TOKEN_WRONG_SCOPE',
  'TAB_TOKEN_NO_USER',
  'TAB_TOKEN_WRONG_TENANT',
  'TAB_DEV_USER_MISSING',
  'TAB_DEV_USER_UNKNOWN',
  'TAB_SIGNING_KEYS_UNAVAILABLE',
  'TAB_SSO_NOT_CONFIGURED',
] as const;
/** One authentication failure code. */
export type TabAuthErrorCode = (typeof TAB_AUTH_ERROR_CODES)[number];

/** A request the tab API cannot attribute to a user. `unavailable` is the server's fault (no keys, no configuration), not the user's. */
export class TabAuthError extends Error {
  readonly unavailable: boolean;
  constructor(
    readonly code: TabAuthErrorCode,
    options?: { cause?: unknown },
  ) {
    super(`Tab request not authenticated: ${code}`, options);
    this.name = 'TabAuthError';
    this.unavailable = code === 'TAB_SIGNING_KEYS_UNAVAILABLE' || code === 'TAB_SSO_NOT_CONFIGURED';
  }
}

/** Turns a request's credentials into a user, or throws TabAuthError. */
export interface TabAuthenticator {
  readonly mode: 'sso' | 'dev';
  authenticate(credentials: TabCredentials): Promise<TabUser>;
}

/** How Teams SSO tokens are checked. */
export interface SsoAuthenticatorOptions {
  /** Entra's signing keys, e.g. `https://login.microsoftonline.com/common/discovery/v2.0/keys`. */
  readonly jwksUrl: string;
  /** Accepted `aud` values: `api://<host>/<app id>` (v1 tokens) and/or the app id (v2 tokens). */
  readonly audiences: readonly string[];
  /** Accepted `iss` values, e.g. `https://login.microsoftonline.com/<tenant id>/v2.0` and `https://sts.windows.net/<tenant id>/`. */
  readonly issuers: readonly string[];
  /** The delegated scope the tab's token must carry; Teams SSO asks for `access_as_user`. */
  readonly requiredScope?: string;
  /** Clock skew tolerated on `exp`/`nbf`; 60 s unless given. */
  readonly clockToleranceSeconds?: number;
  /** For tests: the key source instead of fetching `jwksUrl`. */
  readonly keys?: JWTVerifyGetKey;
}

/** The scope Teams SSO requests for a tab's own API. */
export const TEAMS_SSO_SCOPE = 'access_as_user';

/** Entra signs tokens with RS256 only; anything else (and `none`) is refused before a key is looked at. */
const ALGORITHMS = ['RS256'];

/** Checks Teams SSO tokens: signature against the JWKS, issuer, audience, lifetime and scope. */
export function createSsoAuthenticator(options: SsoAuthenticatorOptions): TabAuthenticator {
  const keys = options.keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 });
  const requiredScope = options.requiredScope ?? TEAMS_SSO_SCOPE;
  return {
    mode: 'sso',
    async authenticate(credentials) {
      const token = bearerToken(credentials.authorization);
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ALGORITHMS,
          audience: [...options.audiences],
          issuer: [...options.issuers],
          clockTolerance: options.clockToleranceSeconds ?? 60,
          requiredClaims: ['exp'],
        }));
      } catch (error) {
        throw new TabAuthError(verificationFailureCode(error), { cause: error });
      }
      const scopes = typeof payload['scp'] === 'string' ? payload['scp'].split(' ') : [];
      if (requiredScope !== '' && !scopes.includes(requiredScope)) throw new TabAuthError('TAB_TOKEN_WRONG_SCOPE');
      return userFromClaims(payload);
    },
  };
}

/** A person in the roles file, as development mode needs them. */
export interface ListedPerson {
  readonly upn?: string;
  readonly aadObjectId: string;
}

/**
 * Development mode: the `x-dev-user` header names a UPN listed in the roles file and the request acts
 * as that person's object id (in the file's tenant). The configuration refuses this mode whenever the
 * bot has a Microsoft app id, so a header never picks a user in production.
 */
export function createDevAuthenticator(people: readonly ListedPerson[], options: { readonly tenantId?: string } = {}): TabAuthenticator {
  const byUpn = new Map<string, ListedPerson>();
  for (const person of people) if (person.upn) byUpn.set(person.upn.toLowerCase(), person);
  const tenantId = options.tenantId?.toLowerCase();
  return {
    mode: 'dev',
    async authenticate(credentials) {
      const upn = credentials.devUser?.trim().toLowerCase();
      if (!upn) throw new TabAuthError('TAB_DEV_USER_MISSING');
      const person = byUpn.get(upn);
      if (!person) throw new TabAuthError('TAB_DEV_USER_UNKNOWN');
      return { id: person.aadObjectId.toLowerCase(), ...(tenantId ? { tenantId } : {}), upn, name: nameFromUpn(upn) };
    },
  };
}

/** For a bot whose tab has no SSO settings: every request is refused as "not configured". */
export function createUnconfiguredAuthenticator(): TabAuthenticator {
  return {
    mode: 'sso',
    async authenticate() {
      throw new TabAuthError('TAB_SSO_NOT_CONFIGURED');
    },
  };
}

function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i.exec(header ?? '');
  if (!header?.trim()) throw new TabAuthError('TAB_TOKEN_MISSING');
  if (!match?.[1]) throw new TabAuthError('TAB_TOKEN_MALFORMED');
  return match[1];
}

function verificationFailureCode(error: unknown): TabAuthErrorCode {
  if (error instanceof errors.JWTExpired) return 'TAB_TOKEN_EXPIRED';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'TAB_TOKEN_WRONG_AUDIENCE';
    if (error.claim === 'iss') return 'TAB_TOKEN_WRONG_ISSUER';
    return 'TAB_TOKEN_INVALID';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return 'TAB_TOKEN_BAD_SIGNATURE';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return 'TAB_SIGNING_KEYS_UNAVAILABLE';
  // jose reports a key set it could not fetch (HTTP status, unparseable body) as a bare JOSEError, and
  // network failures as plain errors: neither is a problem with the token.
  if (error instanceof errors.JOSEError && error.constructor !== errors.JOSEError) return 'TAB_TOKEN_INVALID';
  return 'TAB_SIGNING_KEYS_UNAVAILABLE';
}

/**
 * The user a verified token names: `oid` and `tid`, which Entra never reassigns. The tenant must be the
 * one whose issuer was accepted (`https://login.microsoftonline.com/<tid>/v2.0`, `https://sts.windows.net/<tid>/`),
 * so `tid` is one of the configured tenants. `upn`/`preferred_username` are kept for display and
 * calendar invitations only: they can be renamed and reused, so they never decide who someone is.
 */
function userFromClaims(payload: JWTPayload): TabUser {
  const oid = nonEmptyClaim(payload['oid'])?.toLowerCase();
  const tid = nonEmptyClaim(payload['tid'])?.toLowerCase();
  if (!oid || !tid) throw new TabAuthError('TAB_TOKEN_NO_USER');
  if (!issuerTenants(payload.iss).includes(tid)) throw new TabAuthError('TAB_TOKEN_WRONG_TENANT');
  const upnClaim = payload['upn'] ?? payload['preferred_username'];
  const upn = typeof upnClaim === 'string' && upnClaim.includes('@') ? upnClaim.toLowerCase() : undefined;
  const name = nonEmptyClaim(payload['name'])?.trim() || (upn ? nameFromUpn(upn) : 'Okänd användare');
  return { id: oid, tenantId: tid, ...(upn ? { upn } : {}), name };
}

/** The path segments of an issuer URL, lower case: the tenant is one of them. */
function issuerTenants(issuer: string | undefined): string[] {
  if (!URL.canParse(issuer ?? '')) return [];
  return new URL(issuer!).pathname.toLowerCase().split('/').filter(Boolean);
}

function nonEmptyClaim(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `rektor.hallundaskolan@botkyrka.se` → `Rektor Hallundaskolan`: a readable name when no display name is known. */
function nameFromUpn(upn: string): string {
  const local = upn.split('@')[0] ?? upn;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toLocaleUpperCase('sv') + part.slice(1))
    .join(' ');
}
