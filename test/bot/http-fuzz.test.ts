import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageActivity } from '../helpers/activities.js';
import { startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { startFakeBotConnector, type FakeBotConnector } from '../helpers/fake-bot-connector.js';

/** One generated HTTP request: method, path, headers and raw body bytes. */
interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: Buffer;
  readonly kind: string;
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261205);
const MAX_BODY_BYTES = 256_000;
const RSS_LIMIT_MB = 700;
const JSON_TYPE = { 'content-type': 'application/json' };
// Replaced by the fake connector's URL when sent, so normal-delivery replies reach a real local server.
const LOOPBACK_SERVICE_URL = 'http://127.0.0.1:1/fake-connector/';

const bytes = (maxLength: number) => fc.uint8Array({ maxLength }).map((a) => Buffer.from(a));
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Unicode that tends to break text handling: lone surrogates, controls, RTL and zero-width marks, emoji, long runs. */
const oddText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\u202E\u202Dabc', '\u200B\u200C\u200D\uFEFF', '🙂'.repeat(500), 'å'.repeat(27_999), '<at>Samverkansboten</at>', '<script>x</script>', '%s%n', '${x}', '\r\n\r\n'),
);

const encodedBodies: fc.Arbitrary<FuzzRequest> = fc
  .record({
    encoding: fc.constantFrom('gzip', 'deflate', 'br', 'x-gzip', 'GZIP', 'gzip, identity', 'compress', 'zstd', ' gzip ', 'identity, gzip', 'unknown'),
    body: fc.oneof(
      bytes(2_000),
      fc.constant(gzipSync(json(messageActivity('vad är en förhandsbedömning?')))),
      // Inflates to 64 MB from about 64 kB: the decompression bomb.
      fc.constant(gzipSync(Buffer.alloc(64 * 1024 * 1024))),
    ),
  })
  .map(({ encoding, body }) => ({ kind: 'encoded', method: 'POST', path: '/api/messages', headers: { ...JSON_TYPE, 'content-encoding': encoding }, body }));

const otherContentTypes: fc.Arbitrary<FuzzRequest> = fc
  .record({
    type: fc.constantFrom('text/csv', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonx', 'application/octet-stream', '', ';;;', 'application/json; charset=utf-16'),
    body: fc.oneof(bytes(4_000), fc.constant(json(messageActivity('hej'))), fc.constant(Buffer.from('a,b,c\n1,2,3\n'))),
    path: fc.constantFrom('/api/messages', '/api/tab/slots', '/api/tab/bookings'),
  })
  .map(({ type, body, path }) => ({ kind: 'content-type', method: 'POST', path, headers: (type ? { 'content-type': type } : {}) as Record<string, string>, body }));

const multipart: fc.Arbitrary<FuzzRequest> = fc
  .record({ size: fc.integer({ min: 0, max: 300_000 }), path: fc.constantFrom('/api/messages', '/api/tab/slots', '/api/tab/bookings') })
  .map(({ size, path }) => {
    const boundary = 'fuzzboundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="upload.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.alloc(size, 0x61),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { kind: 'multipart', method: 'POST', path, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
  });

const invalidJson: fc.Arbitrary<FuzzRequest> = fc
  .oneof(
    fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s)),
    bytes(1_000),
    fc.constantFrom('{"type": "message",', '', 'null', 'true', '"text"', '12', '[]', '{}', '\uFEFF{}', '{"a":1}{"b":2}', '{"__proto__": {"polluted": true}}').map((s) => Buffer.from(s)),
    fc.constant(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
  )
  .map((body) => ({ kind: 'invalid-json', method: 'POST', path: '/api/messages', headers: JSON_TYPE, body }));

const deepNesting: fc.Arbitrary<FuzzRequest> = fc
  .record({ depth: fc.integer({ min: 10, max: 120_000 }), inValue: fc.boolean() })
  .map(({ depth, inValue }) => {
    const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const text = inValue ? JSON.stringify({ ...messageActivity('hej'), value: '__NESTED__' }).replace('"__NESTED__"', nested) : nested;
    return { kind: 'deep', method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: Buffer.from(text) };
  });

const oversized: fc.Arbitrary<FuzzRequest> = fc
  .integer({ min: MAX_BODY_BYTES + 1, max: 1_200_000 })
  .map((size) => ({ kind: 'oversized', method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: json({ ...messageActivity('x'), text: 'a'.repeat(size) }) }));

const CARD_SUBMITS = [
  'menu', 'booking.start', 'booking.confirm', 'booking.move', 'booking.moveTo', 'booking.pick', 'booking.other', 'booking.keep', 'booking.cancel', 'booking.confirmCancel',
  'orosanmalan.next', 'orosanmalan.acute', 'orosanmalan.reminder', 'school.choose', 'consultation.schoolActions', 'consultation.ageGroup', 'consultation.concern',
  'consultation.duration', 'availability.post', 'akut.escalate', 'slot.cancel', 'slot.confirmCancel', 'unknown.action',
];
const INVOKE_NAMES = ['adaptiveCard/action', 'composeExtension/query', 'task/fetch', 'task/submit', 'signin/verifyState', 'message/submitAction', 'config/fetch', 'actionableMessage/executeAction', 'handoff/action', 'healthCheck', 'nonsense'];

const oddSubmitValue = fc.oneof(
  fc.anything({ maxDepth: 4 }),
  fc.record({ action: fc.constantFrom(...CARD_SUBMITS) }, { requiredKeys: [] }).chain((base) =>
    fc.dictionary(fc.constantFrom('school', 'slotId', 'bookingId', 'reference', 'date', 'from', 'to', 'area', 'step', 'answer', 'ageGroup', 'choice', 'escalationId', 'minutes'), fc.anything({ maxDepth: 2 })).map((extra) => ({ ...base, ...extra })),
  ),
);

const invokeValue = fc.oneof(
  fc.anything({ maxDepth: 3 }),
  fc.record({ action: fc.record({ type: fc.constantFrom('Action.Execute', 'Action.Submit', 'x'), verb: fc.constantFrom('claimEscalation', 'other', ''), data: fc.anything({ maxDepth: 2 }) }, { requiredKeys: [] }) }, { requiredKeys: [] }),
);

/** Schema-valid activities with odd parts: the shapes real handlers have to survive. */
const oddActivities: fc.Arbitrary<FuzzRequest> = fc
  .record(
    {
      type: fc.constantFrom('message', 'invoke', 'conversationUpdate', 'messageReaction', 'event', 'installationUpdate', 'typing', 'endOfConversation', 'messageUpdate', 'messageDelete', 'trace', 'handoff', 'weird'),
      name: fc.constantFrom(...INVOKE_NAMES),
      text: oddText,
      value: fc.oneof(oddSubmitValue, invokeValue),
      membersAdded: fc.array(fc.oneof(fc.constant(null), fc.anything({ maxDepth: 1 }), fc.constant({ id: '28:samverkansboten' }), fc.record({ id: fc.string() })), { maxLength: 5 }),
      membersRemoved: fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
      entities: fc.oneof(fc.anything({ maxDepth: 2 }), fc.array(fc.record({ type: fc.constantFrom('mention', 'clientInfo', 'https://schema.org/Message', 'x'), mentioned: fc.anything({ maxDepth: 1 }), text: fc.anything({ maxDepth: 0 }) }, { requiredKeys: ['type'] }), { maxLength: 3 })),
      attachments: fc.anything({ maxDepth: 2 }),
      channelData: fc.oneof(fc.anything({ maxDepth: 2 }), fc.record({ tenant: fc.anything({ maxDepth: 1 }), eventType: fc.constantFrom('teamMemberAdded', 'channelCreated', 'x'), channel: fc.anything({ maxDepth: 1 }), team: fc.anything({ maxDepth: 1 }) }, { requiredKeys: [] })),
      conversation: fc.record({ conversationType: fc.constantFrom('personal', 'groupChat', 'channel', 'x'), isGroup: fc.boolean(), tenantId: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }),
      from: fc.record({ aadObjectId: fc.oneof(fc.uuid(), fc.string({ maxLength: 10 })), name: fc.string({ maxLength: 20 }), role: fc.constantFrom('user', 'bot') }, { requiredKeys: [] }),
      recipient: fc.record({ id: fc.constantFrom('28:samverkansboten', '28:other'), name: fc.string({ maxLength: 20 }) }, { requiredKeys: ['id'] }),
      replyToId: fc.string({ maxLength: 20 }),
      locale: fc.constantFrom('sv-SE', 'en-US', 'xx', ''),
      serviceUrl: fc.constantFrom(LOOPBACK_SERVICE_URL, 'https://smba.invalid/emea/'),
      deliveryMode: fc.constantFrom('expectReplies', 'normal'),
    },
    { requiredKeys: ['type'] },
  )
  .chain((fields) =>
    fc.record({ fields: fc.constant(fields), conversationId: fc.constantFrom('a:fuzz-1', 'a:fuzz-2', '19:channel@thread.tacv2', '19:group@thread.v2') }),
  )
  .map(({ fields, conversationId }) => {
    const base = messageActivity('');
    const activity = {
      ...base,
      ...fields,
      serviceUrl: fields.serviceUrl ?? LOOPBACK_SERVICE_URL,
      conversation: { ...base.conversation, ...fields.conversation, id: conversationId },
      from: { ...base.from, ...fields.from },
      recipient: fields.recipient ?? base.recipient,
    };
    return { kind: 'odd-activity', method: 'POST', path: '/api/messages', headers: JSON_TYPE, body: json(activity) };
  });

/** People from the pack's roles.yaml for the tab's development sign-in, or nobody. */
const devUser = fc.constantFrom(undefined, 'socialsekreterare.norr1@botkyrka.se', 'rektor.broangsskolan@botkyrka.se', 'kurator.hallundaskolan@botkyrka.se', 'okand@botkyrka.se');
const devUserHeader = (user: string | undefined): Record<string, string> => (user ? { 'x-dev-user': user } : {});

/** Anything at all in a JSON body: most of it fails the activity schema or the tab's request schemas. */
const arbitraryJson: fc.Arbitrary<FuzzRequest> = fc
  .record({
    value: fc.oneof(
      fc.anything({ maxDepth: 5, withNullPrototype: false }),
      fc.record({ kind: fc.constantFrom('konsultation', 'anmalningsmote', 'x'), date: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.string()), from: fc.constantFrom('13:00', '25:99', ''), to: fc.constantFrom('15:00', '12:00'), minutes: fc.integer({ min: -5, max: 1000 }), slotId: fc.string(), school: fc.string(), area: fc.constantFrom('norr', 'sodra', 'x') }, { requiredKeys: [] }),
    ),
    path: fc.constantFrom('/api/messages', '/api/tab/slots', '/api/tab/bookings', '/api/tab/week'),
    method: fc.constantFrom('POST', 'POST', 'DELETE'),
    user: devUser,
  })
  .map(({ value, path, method, user }) => ({ kind: 'any-json', method, path, headers: { ...JSON_TYPE, ...devUserHeader(user) }, body: Buffer.from(JSON.stringify(value) ?? 'null') }));

const otherRoutes: fc.Arbitrary<FuzzRequest> = fc
  .record({
    method: fc.constantFrom('GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'POST'),
    path: fc.oneof(
      fc.constantFrom('/', '/api', '/api/messages', '/healthz', '/readyz', '/tab', '/api/tab/week?from=x', '/api/tab/week', '/api/tab/week?week=2026-W50', '/api/tab/slots/123', '/api/tab/bookings/ABC', '/api/bookings/x.ics?expires=1&signature=x', '/%', '/api/tab/../../etc/passwd', '/api/tab/slots/%00'),
      fc.webPath().map((p) => p || '/'),
    ),
    accept: fc.constantFrom('*/*', 'text/csv', 'application/xml', '', 'garbage/;;'),
    user: devUser,
  })
  .map(({ method, path, accept, user }) => ({ kind: 'route', method, path, headers: { ...(accept ? { accept } : {}), ...devUserHeader(user) }, body: undefined }));

const fuzzRequests = fc.oneof(
  { arbitrary: encodedBodies, weight: 2 },
  { arbitrary: otherContentTypes, weight: 2 },
  { arbitrary: multipart, weight: 1 },
  { arbitrary: invalidJson, weight: 2 },
  { arbitrary: deepNesting, weight: 1 },
  { arbitrary: oversized, weight: 1 },
  { arbitrary: oddActivities, weight: 8 },
  { arbitrary: arbitraryJson, weight: 2 },
  { arbitrary: otherRoutes, weight: 2 },
);

/** Shows a generated request as text in fast-check's counterexample instead of a byte dump. */
function printable(fuzz: FuzzRequest): FuzzRequest {
  const preview = `${fuzz.kind} ${fuzz.method} ${fuzz.path} ${JSON.stringify(fuzz.headers)} ${fuzz.body?.subarray(0, 4000).toString('utf8') ?? ''}`;
  return Object.assign(Object.create({ [fc.toStringMethod]: () => preview }), fuzz) as FuzzRequest;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** Sends one request over real HTTP; a connection the server closed early counts as refused, not as a failure. */
function send(baseUrl: string, fuzz: FuzzRequest, connectorUrl: string): Promise<{ status: number; body: string } | { closed: true }> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${fuzz.path}`, { method: fuzz.method, headers: fuzz.headers, agent });
    req.setTimeout(30_000, () => req.destroy(new Error(`no answer within 30 s (${fuzz.kind} ${fuzz.method} ${fuzz.path})`)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ closed: true }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ closed: true });
      else reject(error);
    });
    req.end(fuzz.kind === 'odd-activity' ? Buffer.from(fuzz.body!.toString('utf8').replace(LOOPBACK_SERVICE_URL, connectorUrl)) : fuzz.body);
  });
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

describe('the HTTP edge under generated hostile input', () => {
  let bot: BotProcess;
  let connector: FakeBotConnector;
  let tempDir: string;
  let tempBefore: string[];

  beforeAll(async () => {
    connector = await startFakeBotConnector();
    tempDir = mkdtempSync(join(tmpdir(), 'fuzz-tmp-'));
    bot = await startBotProcess({ env: { TMPDIR: tempDir, LOG_LEVEL: 'info', MAX_BODY_BYTES: String(MAX_BODY_BYTES), REMINDER_POLL_MS: '0', AUTH_MODE: 'dev' } });
    tempBefore = readdirSync(tempDir, { recursive: true }).map(String).sort();
  });

  afterAll(async () => {
    agent.destroy();
    await bot?.stop();
    await connector?.close();
    rmSync(tempDir, { recursive: true, force: true });
  });

  it(`answers ${RUNS} generated requests without exiting, without a 5xx, without temp files and with bounded memory`, async () => {
    const statuses = new Map<number, number>();
    let maxRss = 0;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fuzzRequests.map(printable), async (fuzz) => {
        const outcome = await send(bot.baseUrl, fuzz, connector.serviceUrl);
        sent += 1;
        if (sent % 250 === 0) maxRss = Math.max(maxRss, rssMegabytes(bot.pid));
        if ('closed' in outcome) return;
        statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
        expect(outcome.status, `${fuzz.kind} ${fuzz.method} ${fuzz.path} → ${outcome.status} ${outcome.body.slice(0, 200)}`).toBeLessThan(500);
        expect(bot.exited(), 'the bot process exited').toBe(false);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    maxRss = Math.max(maxRss, rssMegabytes(bot.pid));

    expect(bot.exited()).toBe(false);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    const tempAfter = readdirSync(tempDir, { recursive: true }).map(String).sort();
    expect(tempAfter).toEqual(tempBefore);
    expect(maxRss, `peak RSS ${maxRss.toFixed(0)} MB`).toBeLessThan(RSS_LIMIT_MB);
    // Odd input gets a calm answer or a 4xx, never a failed turn with a stack trace in the log.
    const stackLines = bot.stdout.filter((line) => line.includes('"stack"') || line.includes('"TURN_FAILED"'));
    const failures = stackLines.map((line) => JSON.parse(line) as { code: string; errorName?: string; stack?: string; activityType?: string });
    expect(failures.map((f) => `${f.code} ${f.activityType ?? ''} ${f.errorName ?? ''} ${f.stack?.split('\n')[0] ?? ''}`)).toEqual([]);
    const rejectedCodes = new Set(bot.stdout.filter((line) => line.includes('"HTTP_REQUEST_REJECTED"')).map((line) => JSON.parse(line).reason as string));
    expect([...rejectedCodes]).toEqual(expect.arrayContaining(['CONTENT_ENCODING_UNSUPPORTED', 'CONTENT_TYPE_UNSUPPORTED', 'BODY_NOT_JSON', 'BODY_TOO_DEEP', 'BODY_TOO_LARGE', 'ACTIVITY_INVALID']));
    console.info(`fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, peak RSS ${maxRss.toFixed(0)} MB`);
  }, 1_200_000);
});
