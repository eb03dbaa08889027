import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.js';
import { createDevAuthenticator, createSsoAuthenticator, TabAuthError, type TabAuthenticator, type TabAuthErrorCode } from '../../tab/tab-auth.js';
import { startSsoTokenIssuer, type SsoTokenIssuer } from '../helpers/sso-token-issuer.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const AHMED = { oid: '5D7A1C0E-3B1F-4C52-9D6E-0A1B2C3D4E01', upn: 'Ahmed.Hassan@botkyrka.se', name: 'Ahmed Hassan' };

async function refusal(attempt: Promise<unknown>): Promise<TabAuthErrorCode> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TabAuthError);
  return (error as TabAuthError).code;
}

describe('tab authentication', () => {
  let issuer: SsoTokenIssuer;
  let sso: TabAuthenticator;

  beforeAll(async () => {
    issuer = await startSsoTokenIssuer();
    sso = createSsoAuthenticator({ jwksUrl: issuer.jwksUrl, audiences: [issuer.audience], issuers: [issuer.issuer] });
  });
  afterAll(async () => {
    await issuer.close();
  });

  describe('when Teams hands the tab a valid SSO token', () => {
    it('accepts it and knows the user by Entra object id and tenant, with the UPN and name for display', async () => {
      const user = await sso.authenticate({ authorization: `Bearer ${await issuer.token(AHMED)}` });

      expect(user).toEqual({
        id: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e01',
        tenantId: issuer.tenantId,
        upn: 'ahmed.hassan@botkyrka.se',
        name: 'Ahmed Hassan',
      });
    });

    it('takes the user from oid and tid, whatever upn and preferred_username say', async () => {
      const renamed = await issuer.token(AHMED, { claims: { upn: 'maria.berg@botkyrka.se', preferred_username: 'maria.berg@botkyrka.se' } });
      const user = await sso.authenticate({ authorization: `Bearer ${renamed}` });

      expect(user).toMatchObject({ id: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e01', tenantId: issuer.tenantId });
    });

    it('fetches the signing keys from the configured JWKS URL', async () => {
      expect(issuer.jwksRequests()).toBeGreaterThan(0);
    });
  });

  describe('when the token is wrong', () => {
    it('refuses a token for another application (audience)', async () => {
      const token = await issuer.token(AHMED, { audience: 'api://annan-app.example/11111111-2222-3333-4444-555555555555' });
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${token}` }))).toBe('TAB_TOKEN_WRONG_AUDIENCE');
    });

    it('refuses a token from another tenant (issuer)', async () => {
      const token = await issuer.token(AHMED, { issuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0' });
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${token}` }))).toBe('TAB_TOKEN_WRONG_ISSUER');
    });

    it('refuses an expired token', async () => {
      const token = await issuer.token(AHMED, { expiresAt: Math.floor(Date.now() / 1000) - 3600 });
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${token}` }))).toBe('TAB_TOKEN_EXPIRED');
    });

    it('refuses a token signed with a key that is not in the JWKS', async () => {
      const forger = await generateKeyPair('RS256');
      const token = await issuer.token(AHMED, { signingKey: forger.privateKey });
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${token}` }))).toBe('TAB_TOKEN_BAD_SIGNATURE');
    });

    it('refuses an unsigned token and one signed with a shared secret', async () => {
      const unsigned = new UnsecuredJWT({ oid: AHMED.oid, scp: 'access_as_user' }).setIssuer(issuer.issuer).setAudience(issuer.audience).setExpirationTime('1h').encode();
      const hmac = await new SignJWT({ oid: AHMED.oid, scp: 'access_as_user' })
        .setProtectedHeader({ alg: 'HS256', kid: 'test-key-1' })
        .setIssuer(issuer.issuer)
        .setAudience(issuer.audience)
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('a-secret-anyone-could-guess-0123456789'));

      expect(await refusal(sso.authenticate({ authorization: `Bearer ${unsigned}` }))).toBe('TAB_TOKEN_INVALID');
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${hmac}` }))).toBe('TAB_TOKEN_INVALID');
    });

    it('refuses a token without the tab scope', async () => {
      const token = await issuer.token(AHMED, { scope: 'User.Read' });
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${token}` }))).toBe('TAB_TOKEN_WRONG_SCOPE');
    });

    it('refuses a token that names no user, or no tenant', async () => {
      const token = await issuer.token({ oid: '' });
      const noTenant = await issuer.token(AHMED, { claims: { tid: undefined } });
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${token}` }))).toBe('TAB_TOKEN_NO_USER');
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${noTenant}` }))).toBe('TAB_TOKEN_NO_USER');
    });

    it('refuses a token whose tenant is not the one its accepted issuer names', async () => {
      const token = await issuer.token(AHMED, { claims: { tid: '0f0e0d0c-0b0a-4909-8807-060504030201' } });
      expect(await refusal(sso.authenticate({ authorization: `Bearer ${token}` }))).toBe('TAB_TOKEN_WRONG_TENANT');
    });

    it('refuses a request without a token, and a header that is not a bearer token', async () => {
      expect(await refusal(sso.authenticate({}))).toBe('TAB_TOKEN_MISSING');
      expect(await refusal(sso.authenticate({ authorization: 'Basic YWhtZWQ6aGVtbGlndA==' }))).toBe('TAB_TOKEN_MALFORMED');
    });

    it('ignores the development header in SSO mode', async () => {
      expect(await refusal(sso.authenticate({ devUser: 'ahmed.hassan@botkyrka.se' }))).toBe('TAB_TOKEN_MISSING');
    });
  });

  describe('when the signing keys cannot be fetched', () => {
    it('reports the server as unavailable, not the user as signed out', async () => {
      const unreachable = createSsoAuthenticator({ jwksUrl: 'http://127.0.0.1:9/keys', audiences: [issuer.audience], issuers: [issuer.issuer] });
      const error = await unreachable.authenticate({ authorization: `Bearer ${await issuer.token(AHMED)}` }).catch((caught: unknown) => caught);

      expect(error).toBeInstanceOf(TabAuthError);
      expect((error as TabAuthError).code).toBe('TAB_SIGNING_KEYS_UNAVAILABLE');
      expect((error as TabAuthError).unavailable).toBe(true);
    });
  });

  describe('when development mode names a user', () => {
    const dev = createDevAuthenticator(
      [
        { upn: 'ahmed.hassan@botkyrka.se', aadObjectId: '5D7A1C0E-3B1F-4C52-9D6E-0A1B2C3D4E01' },
        { upn: 'maria.berg@botkyrka.se', aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e13' },
      ],
      { tenantId: '9C2E4F1A-0B7D-4E3A-8F61-2D5C7B9A1E40' },
    );

    it('acts as the object id, in the roles file\'s tenant, of the person the header names', async () => {
      expect(await dev.authenticate({ devUser: 'Ahmed.Hassan@botkyrka.se' })).toEqual({
        id: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e01',
        tenantId: '9c2e4f1a-0b7d-4e3a-8f61-2d5c7b9a1e40',
        upn: 'ahmed.hassan@botkyrka.se',
        name: 'Ahmed Hassan',
      });
      expect(await dev.authenticate({ devUser: 'maria.berg@botkyrka.se' })).toMatchObject({ id: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e13', name: 'Maria Berg' });
    });

    it('refuses a user who is not in the roles file, and a request that names nobody', async () => {
      expect(await refusal(dev.authenticate({ devUser: 'okand@botkyrka.se' }))).toBe('TAB_DEV_USER_UNKNOWN');
      expect(await refusal(dev.authenticate({}))).toBe('TAB_DEV_USER_MISSING');
    });
  });

  describe('when development mode is configured together with a Microsoft app id', () => {
    it('is refused by the configuration, naming AUTH_MODE', () => {
      let error: unknown;
      try {
        loadConfig({ AUTH_MODE: 'dev', MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/^AUTH_MODE: dev .* refused when MicrosoftAppId is set/m);
    });

    it('stops the bot at start with exit code 1', async () => {
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
          cwd: repoRoot,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            PORT: '0',
            HOST: '127.0.0.1',
            AUTH_MODE: 'dev',
            MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
            MicrosoftAppPassword: 'not-a-real-secret',
          },
        });
        let stderr = '';
        child.stderr.on('data', (chunk) => (stderr += String(chunk)));
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`the bot did not stop:\n${stderr}`));
        }, 30_000);
        child.on('exit', (code) => {
          clearTimeout(timer);
          resolve({ code, stderr });
        });
      });

      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Ogiltig konfiguration');
      expect(result.stderr).toContain('AUTH_MODE');
    });

    it('is allowed without an app id, for tests and local use', () => {
      expect(loadConfig({ AUTH_MODE: 'dev' }).tab.authMode).toBe('dev');
    });
  });
});
