import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';

/** Why a request's channel token was refused; the code goes to the log, never the token. */
export type ChannelTokenRejection =
  | 'AUTH_TOKEN_MISSING'
  | 'AUTH_TOKEN_MALFORMED'
  | 'AUTH_TOKEN_ALGORITHM'
  | 'AUTH_TOKEN_EXPIRED'
  | 'AUTH_TOKEN_WRONG_AUDIENCE'
  | 'AUTH_TOKEN_WRONG_ISSUER'
  | 'AUTH_TOKEN_BAD_SIGNATURE'
  | 'AUTH_SIGNING_KEYS_UNAVAILABLE';

/** The Bot Framework service issues channel tokens with this issuer (ChannelValidation in botframework-connector). */
export const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
// The Bot Framework's own tolerance for clock skew.
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

/** How the gate fetches and keeps signing keys. */
export interface SigningKeyOptions {
  readonly metadataUrl: string;
  /** How long one fetch of the metadata or the keys may take. */
  readonly fetchTimeoutMs?: number;
  /** How long a request waits for keys before it is refused (the fetch goes on and fills the cache). */
  readonly maxWaitMs?: number;
  /** First pause after a failed fetch; it doubles up to `maxBackoffMs`. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly now?: () => number;
}

/** A failed or too slow fetch of the signing keys. */
export class SigningKeysUnavailableError extends Error {
  readonly code = 'AUTH_SIGNING_KEYS_UNAVAILABLE';
  constructor(options?: { cause?: unknown }) {
    super('The channel signing keys could not be fetched.', options);
    this.name = 'SigningKeysUnavailableError';
  }
}

const KEYS_FRESH_MS = 24 * 60 * 60 * 1000;
// Keys that could not be refreshed are still used this long: they rotate rarely and are announced ahead.
const KEYS_USABLE_MS = 7 * 24 * 60 * 60 * 1000;
// An unknown key id triggers a refresh at most this often.
const UNKNOWN_KID_REFRESH_MS = 5 * 60 * 1000;

/**
 * The Bot Framework's signing keys, fetched once and kept a day. A failed fetch is remembered with a
 * doubling pause, so while the metadata is unreachable every request is refused at once (fail
 * closed) instead of each one waiting on the network again.
 */
export class SigningKeyCache {
  private keys?: { set: ReturnType<typeof createLocalJWKSet>; fetchedAt: number };
  private inFlight?: Promise<void>;
  private failures = 0;
  private retryAt = 0;
  private readonly fetchTimeoutMs: number;
  private readonly maxWaitMs: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly now: () => number;

  constructor(private readonly options: SigningKeyOptions) {
    this.fetchTimeoutMs = options.fetchTimeoutMs ?? 5_000;
    this.maxWaitMs = options.maxWaitMs ?? 500;
    this.initialBackoffMs = options.initialBackoffMs ?? 5_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Starts a fetch without waiting for it (at start, so the first real request finds the keys). */
  warm(): void {
    void this.refresh().catch(() => undefined);
  }

  /** The key set to verify with; refreshed when stale or when `unknownKid` asks for it. */
  async keySet(options: { unknownKid?: boolean } = {}): Promise<ReturnType<typeof createLocalJWKSet>> {
    const age = this.keys ? this.now() - this.keys.fetchedAt : Infinity;
    const wantRefresh = age > KEYS_FRESH_MS || (options.unknownKid === true && age > UNKNOWN_KID_REFRESH_MS);
    if (this.keys && !wantRefresh) return this.keys.set;
    if (this.keys && age <= KEYS_USABLE_MS && this.now() < this.retryAt) return this.keys.set;
    if (this.now() < this.retryAt) throw new SigningKeysUnavailableError();
    try {
      await withDeadline(this.refresh(), this.maxWaitMs);
    } catch (error) {
      if (this.keys && this.now() - this.keys.fetchedAt <= KEYS_USABLE_MS) return this.keys.set;
      throw new SigningKeysUnavailableError({ cause: error });
    }
    if (!this.keys) throw new SigningKeysUnavailableError();
    return this.keys.set;
  }

  private refresh(): Promise<void> {
    this.inFlight ??= this.fetchKeys()
      .then((jwks) => {
        this.keys = { set: createLocalJWKSet(jwks), fetchedAt: this.now() };
        this.failures = 0;
        this.retryAt = 0;
      })
      .catch((error: unknown) => {
        this.failures += 1;
        this.retryAt = this.now() + Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** (this.failures - 1));
        throw error;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  private async fetchKeys(): Promise<JSONWebKeySet> {
    const metadata = (await this.fetchJson(this.options.metadataUrl)) as { jwks_uri?: unknown };
    if (typeof metadata.jwks_uri !== 'string') throw new Error('OpenID metadata without jwks_uri');
    const jwks = (await this.fetchJson(metadata.jwks_uri)) as { keys?: unknown };
    if (!Array.isArray(jwks.keys)) throw new Error('JWKS without keys');
    return { keys: jwks.keys.filter((key): key is JSONWebKeySet['keys'][number] => typeof key === 'object' && key !== null) };
  }

  private async fetchJson(url: string): Promise<unknown> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.fetchTimeoutMs), redirect: 'error' });
    if (!response.ok) throw new Error(`status ${response.status}`);
    return response.json();
  }
}

/**
 * Checks the `Authorization` header of a request from the Bot Framework service before botbuilder
 * sees it: shape, algorithm, issuer, audience and lifetime without the network, then the signature
 * against the cached keys. Botbuilder validates again afterwards (endorsements, service URL); this
 * gate is what keeps forged tokens and unreachable key metadata from ever becoming a 500.
 */
export class ChannelTokenGate {
  constructor(
    private readonly appId: string,
    private readonly keys: SigningKeyCache,
    private readonly now: () => number = Date.now,
  ) {}

  /** `undefined` when the token may go on to botbuilder; otherwise why it is refused. */
  async check(authorization: string | undefined): Promise<ChannelTokenRejection | undefined> {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization?.trim() ?? '');
    if (!authorization) return 'AUTH_TOKEN_MISSING';
    if (!match) return 'AUTH_TOKEN_MALFORMED';
    const token = match[1]!;
    let payload: JWTPayload;
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(token);
      if (typeof header.alg !== 'string' || !ALGORITHMS.includes(header.alg)) return 'AUTH_TOKEN_ALGORITHM';
      kid = header.kid;
      payload = decodeJwt(token);
    } catch {
      return 'AUTH_TOKEN_MALFORMED';
    }
    const claimsProblem = this.claimsProblem(payload);
    if (claimsProblem) return claimsProblem;
    if (typeof kid !== 'string') return 'AUTH_TOKEN_BAD_SIGNATURE';
    try {
      return await this.verify(token, false);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey) {
        try {
          return await this.verify(token, true);
        } catch (retryError) {
          return rejectionOf(retryError);
        }
      }
      return rejectionOf(error);
    }
  }

  private async verify(token: string, unknownKid: boolean): Promise<undefined> {
    const keySet = await this.keys.keySet({ unknownKid });
    await jwtVerify(token, keySet, {
      algorithms: ALGORITHMS,
      issuer: CHANNEL_TOKEN_ISSUER,
      audience: this.appId,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(this.now()),
    });
    return undefined;
  }

  private claimsProblem(payload: JWTPayload): ChannelTokenRejection | undefined {
    const nowSeconds = this.now() / 1000;
    if (payload.iss !== CHANNEL_TOKEN_ISSUER) return 'AUTH_TOKEN_WRONG_ISSUER';
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(this.appId)) return 'AUTH_TOKEN_WRONG_AUDIENCE';
    if (typeof payload.exp !== 'number' || payload.exp + CLOCK_TOLERANCE_SECONDS < nowSeconds) return 'AUTH_TOKEN_EXPIRED';
    if (typeof payload.nbf === 'number' && payload.nbf - CLOCK_TOLERANCE_SECONDS > nowSeconds) return 'AUTH_TOKEN_EXPIRED';
    return undefined;
  }
}

function rejectionOf(error: unknown): ChannelTokenRejection {
  if (error instanceof SigningKeysUnavailableError) return 'AUTH_SIGNING_KEYS_UNAVAILABLE';
  if (error instanceof errors.JWTExpired) return 'AUTH_TOKEN_EXPIRED';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'iss' ? 'AUTH_TOKEN_WRONG_ISSUER' : error.claim === 'aud' ? 'AUTH_TOKEN_WRONG_AUDIENCE' : 'AUTH_TOKEN_EXPIRED';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'AUTH_TOKEN_ALGORITHM';
  return 'AUTH_TOKEN_BAD_SIGNATURE';
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SigningKeysUnavailableError()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
