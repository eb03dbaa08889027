import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the local model server behaves for the next requests. */
export type ModelBehaviour =
  | { kind: 'reply'; content: (userPrompt: string) => string }
  | { kind: 'error'; status: number }
  | { kind: 'hang' };

/** A local HTTP server that speaks the OpenAI chat-completions protocol, recording what it was sent. */
export interface LocalModelServer {
  readonly baseUrl: string;
  readonly requests: { model: string; messages: { role: string; content: string }[] }[];
  behave(behaviour: ModelBehaviour): void;
  close(): Promise<void>;
}

/** Starts the server on a free loopback port; its base URL ends in /v1 like the real API. */
export async function startLocalModelServer(initial: ModelBehaviour): Promise<LocalModelServer> {
  let behaviour = initial;
  const requests: LocalModelServer['requests'] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A client that gives up (the bot's time budget) closes the socket mid-request; that is expected.
    handle(req, res).catch(() => res.destroy());
  });
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LocalModelServer['requests'][number];
    requests.push(body);
    if (behaviour.kind === 'hang') {
      hanging.add(res);
      return;
    }
    if (behaviour.kind === 'error') {
      res.writeHead(behaviour.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'model overloaded', type: 'server_error' } }));
      return;
    }
    const userPrompt = body.messages.filter((m) => m.role === 'user').map((m) => m.content).join('\n');
    // Separate calls: restify, loaded in the same process, patches writeHead to return nothing.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-local',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: behaviour.content(userPrompt) } }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    behave: (next) => {
      behaviour = next;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
