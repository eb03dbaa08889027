import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One request the bot made to the Bot Connector service. */
export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  /** The decoded conversation id from the path, when there is one. */
  readonly conversationId?: string;
  /** The activity id from the path (the one replied to or updated), when there is one. */
  readonly activityId?: string;
  /** The id the fake gave a new activity. */
  readonly createdId?: string;
  readonly body: Record<string, any> | undefined;
  readonly authorization?: string;
}

/** A local stand-in for the Bot Connector service (Teams' `serviceUrl`) that records what the bot sends. */
export interface FakeBotConnector {
  /** Use as the activities' `serviceUrl`. */
  readonly serviceUrl: string;
  readonly calls: ConnectorCall[];
  /** New activities the bot posted (sends and replies), in order. */
  posted(conversationId?: string): ConnectorCall[];
  /** Activity updates the bot made, in order. */
  updated(conversationId?: string): ConnectorCall[];
  /** Answers GET …/members/:id for this user (TeamsInfo.getMember). */
  setMember(userId: string, member: Record<string, unknown>): void;
  /** Answers GET /v3/teams/:id/conversations (TeamsInfo.getTeamChannels). */
  setTeamChannels(teamId: string, channels: readonly { id: string; name?: string }[]): void;
  /** Makes every POST of a new activity fail with this status until cleared with undefined. */
  failPostsWith(status: number | undefined): void;
  /** Answers every POST of a new activity only after this many ms (a slow Bot Connector) until set to 0. */
  delayPostsBy(ms: number): void;
  /** Resolves when at least `count` calls match, or rejects after `timeoutMs`. */
  waitFor(predicate: (call: ConnectorCall) => boolean, count?: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

/** Starts the fake on a free port on 127.0.0.1. botbuilder in local mode (no app id) calls it without a token. */
export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const calls: ConnectorCall[] = [];
  const members = new Map<string, Record<string, unknown>>();
  const teamChannels = new Map<string, readonly { id: string; name?: string }[]>();
  let postFailure: number | undefined;
  let postDelayMs = 0;
  let sequence = 0;

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const body = text ? (JSON.parse(text) as Record<string, any>) : undefined;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const record = (extra: Partial<ConnectorCall> = {}) =>
      calls.push({ method: req.method ?? '', path, body, authorization: req.headers.authorization, ...extra });

    // /v3/conversations/:conversationId/activities[/:activityId]
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities') {
      const conversationId = parts[2];
      const activityId = parts[4];
      if (req.method === 'POST') {
        if (postFailure !== undefined) {
          record({ conversationId, activityId });
          return send(res, postFailure, { error: { code: 'ServiceError', message: 'failing on purpose' } });
        }
        sequence += 1;
        const createdId = `activity-${sequence}`;
        record({ conversationId, activityId, createdId });
        if (postDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, postDelayMs));
        return send(res, 200, { id: createdId });
      }
      if (req.method === 'PUT' && activityId) {
        record({ conversationId, activityId });
        return send(res, 200, { id: activityId });
      }
    }
    if (req.method === 'POST' && path === '/v3/conversations') {
      sequence += 1;
      record({ createdId: `conversation-${sequence}` });
      return send(res, 200, { id: `conversation-${sequence}`, activityId: `activity-${sequence}` });
    }
    // /v3/conversations/:conversationId/members/:memberId
    if (req.method === 'GET' && parts[1] === 'conversations' && parts[3] === 'members' && parts[4]) {
      record({ conversationId: parts[2] });
      const member = members.get(parts[4]);
      return member ? send(res, 200, member) : send(res, 404, { error: { code: 'MemberNotFound', message: 'no such member' } });
    }
    // /v3/teams/:teamId/conversations
    if (req.method === 'GET' && parts[1] === 'teams' && parts[3] === 'conversations' && parts[2]) {
      record();
      const channels = teamChannels.get(parts[2]);
      return channels ? send(res, 200, { conversations: channels }) : send(res, 404, { error: { code: 'NotFound', message: 'no such team' } });
    }
    record();
    send(res, 404, { error: { code: 'NotFound', message: 'not faked' } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const isPost = (call: ConnectorCall) => call.method === 'POST' && call.path.includes('/activities') && call.createdId !== undefined;
  const isUpdate = (call: ConnectorCall) => call.method === 'PUT';
  const inConversation = (conversationId?: string) => (call: ConnectorCall) => conversationId === undefined || call.conversationId === conversationId;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    posted: (conversationId) => calls.filter(isPost).filter(inConversation(conversationId)),
    updated: (conversationId) => calls.filter(isUpdate).filter(inConversation(conversationId)),
    setMember: (userId, member) => members.set(userId, member),
    setTeamChannels: (teamId, channels) => teamChannels.set(teamId, channels),
    failPostsWith: (status) => {
      postFailure = status;
    },
    delayPostsBy: (ms) => {
      postDelayMs = ms;
    },
    async waitFor(predicate, count = 1, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = calls.filter(predicate);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) throw new Error(`expected ${count} matching connector calls, saw ${matching.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
