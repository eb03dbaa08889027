import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { APP_ID, APP_PASSWORD, channelToken, ISSUER, newKeys, SERVICE_URL, startKeyServer, type Keys } from '../helpers/bot-framework-channel.js';
import { startAppUnderTest, type AppUnderTest } from '../helpers/app-under-test.js';

/** A TCP server that accepts connections and never answers: signing-key metadata behind a dead network. */
async function startBlackHole(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: TcpServer = createTcpServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function timedSend(bot: AppUnderTest, authorization?: string) {
  const started = performance.now();
  const result = await bot.send({ ...messageActivity('vad är en förhandsbedömning?'), serviceUrl: SERVICE_URL }, authorization ? { authorization } : {});
  return { ...result, ms: performance.now() - started };
}

describe('channel tokens when an app id is set', () => {
  describe('when the signing-key metadata cannot be reached (no network)', () => {
    let blackHole: Awaited<ReturnType<typeof startBlackHole>>;
    let bot: AppUnderTest;
    let ownKeys: Keys;

    beforeAll(async () => {
      blackHole = await startBlackHole();
      ownKeys = await newKeys('own-key');
      bot = await startAppUnderTest({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, CHANNEL_OPENID_METADATA_URL: blackHole.url });
    });
    afterAll(async () => {
      await bot.stop();
      await blackHole.close();
    });

    const forgeries: [string, () => Promise<string | undefined>, string][] = [
      ['no token', async () => undefined, 'AUTH_TOKEN_MISSING'],
      ['garbage', async () => 'Bearer not-a-token', 'AUTH_TOKEN_MALFORMED'],
      ['alg=none', async () => `Bearer ${new UnsecuredJWT({ serviceurl: SERVICE_URL }).setIssuer(ISSUER).setAudience(APP_ID).setExpirationTime('1h').encode()}`, 'AUTH_TOKEN_ALGORITHM'],
      [
        'HS256 signed with the app password',
        async () =>
          `Bearer ${await new SignJWT({ serviceurl: SERVICE_URL }).setProtectedHeader({ alg: 'HS256', kid: 'x' }).setIssuer(ISSUER).setAudience(APP_ID).setExpirationTime('1h').sign(new TextEncoder().encode(APP_PASSWORD))}`,
        'AUTH_TOKEN_ALGORITHM',
      ],
      ['RS256 signed with the attacker’s own key', async () => `Bearer ${await channelToken(ownKeys)}`, 'AUTH_SIGNING_KEYS_UNAVAILABLE'],
      ['expired', async () => `Bearer ${await channelToken(ownKeys, { expiresAt: Math.floor(Date.now() / 1000) - 3600 })}`, 'AUTH_TOKEN_EXPIRED'],
      ['for another audience', async () => `Bearer ${await channelToken(ownKeys, { audience: '99999999-0000-0000-0000-000000000000' })}`, 'AUTH_TOKEN_WRONG_AUDIENCE'],
    ];

    for (const [name, token, code] of forgeries) {
      it(`refuses ${name} with 401 ${code} within a second, and answers nothing`, async () => {
        const { status, body, replies, ms } = await timedSend(bot, await token());
        expect(status).toBe(401);
        expect(body).toMatchObject({ code });
        expect(JSON.stringify(body)).not.toMatch(/Error|stack|at /);
        expect(replies).toHaveLength(0);
        expect(ms).toBeLessThan(1_000);
      });
    }

    it('does not go back to the network for every request while the metadata is down', async () => {
      const before = blackHole.connections();
      for (let i = 0; i < 20; i += 1) {
        const { status, ms } = await timedSend(bot, `Bearer ${await channelToken(ownKeys)}`);
        expect(status).toBe(401);
        expect(ms).toBeLessThan(1_000);
      }
      expect(blackHole.connections() - before).toBeLessThanOrEqual(1);
      expect(bot.logs.some((line) => line.includes('"QUESTION_ANSWERED"'))).toBe(false);
      expect(bot.logs.some((line) => line.includes('"reason":"AUTH_SIGNING_KEYS_UNAVAILABLE"'))).toBe(true);
    });
  });

  describe('when the signing keys can be fetched', () => {
    let keyServer: Awaited<ReturnType<typeof startKeyServer>>;
    let bot: AppUnderTest;
    let channelKeys: Keys;
    let ownKeys: Keys;

    beforeAll(async () => {
      const published = await newKeys('channel-key');
      channelKeys = published;
      ownKeys = await newKeys('own-key');
      keyServer = await startKeyServer([published.publicJwk]);
      bot = await startAppUnderTest({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, CHANNEL_OPENID_METADATA_URL: keyServer.url });
    });
    afterAll(async () => {
      await bot.stop();
      await keyServer.close();
    });

    it('refuses a token signed with a key the Bot Framework did not publish', async () => {
      const { status, body, replies } = await timedSend(bot, `Bearer ${await channelToken(ownKeys)}`);
      expect(status).toBe(401);
      expect(body).toMatchObject({ code: 'AUTH_TOKEN_BAD_SIGNATURE' });
      expect(replies).toHaveLength(0);
    });

    it('refuses a published key id whose signature was made with another key', async () => {
      const { status, body } = await timedSend(bot, `Bearer ${await channelToken({ privateKey: ownKeys.privateKey, kid: channelKeys.kid })}`);
      expect(status).toBe(401);
      expect(body).toMatchObject({ code: 'AUTH_TOKEN_BAD_SIGNATURE' });
    });

    it('answers a correctly signed channel token', async () => {
      const { status, replies, body } = await timedSend(bot, `Bearer ${await channelToken(channelKeys)}`);
      expect(status, JSON.stringify(body) + bot.logs.filter((l) => l.includes('AUTH_REJECTED')).join('\n')).toBe(200);
      expect(replies[0]?.text).toMatch(/14 dagar/);
    });
  });
});
