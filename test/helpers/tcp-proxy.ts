import { createServer, connect, type Socket } from 'node:net';

/** A TCP proxy on a loopback port in front of a server, which a test can make go silent. */
export interface TcpProxy {
  readonly port: number;
  /**
   * The network path freezes: every open connection, and every one opened from now on, stops passing
   * bytes and closes in either direction. Nothing is refused or reset; it is simply silent.
   */
  freeze(): void;
  /** The path comes back: silent connections pass again, first what was held back, then new bytes. */
  resume(): void;
  /**
   * New connections pass again, but the ones that went silent stay silent until `close()` — like a
   * failover, where the old connections lead nowhere and only fresh ones reach the server.
   */
  thaw(): void;
  /** How many connections are open through the proxy right now, silent or not. */
  openConnections(): number;
  /** Closes every connection and stops listening. */
  close(): Promise<void>;
}

interface Pair {
  readonly app: Socket;
  readonly server: Socket;
  silent: boolean;
  /** Bytes held back while silent, in order, with the socket they are for. */
  readonly held: Array<{ to: Socket; chunk: Buffer }>;
  /** One side closed while silent: the other learns of it only if the path comes back. */
  closeHeld: boolean;
}

/** Starts a proxy on 127.0.0.1 (a free port) that forwards to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let frozen = false;

  const destroy = (pair: Pair) => {
    pair.app.destroy();
    pair.server.destroy();
    pairs.delete(pair);
  };
  const wake = (pair: Pair) => {
    pair.silent = false;
    for (const { to, chunk } of pair.held.splice(0)) to.write(chunk);
    if (pair.closeHeld) destroy(pair);
  };

  const listener = createServer((app) => {
    const pair: Pair = { app, server: connect(target.port, target.host), silent: frozen, held: [], closeHeld: false };
    pairs.add(pair);
    const forward = (from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => (pair.silent ? pair.held.push({ to, chunk }) : to.write(chunk)));
      from.on('close', () => {
        if (pair.silent) pair.closeHeld = true;
        else destroy(pair);
      });
      // A reset shows as 'close' right after; the error itself needs no handling here.
      from.on('error', () => {});
    };
    forward(app, pair.server);
    forward(pair.server, app);
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, '127.0.0.1', resolve);
  });
  const address = listener.address();
  if (address === null || typeof address !== 'object') throw new Error('the proxy has no port');

  return {
    port: address.port,
    freeze() {
      frozen = true;
      for (const pair of pairs) pair.silent = true;
    },
    resume() {
      frozen = false;
      for (const pair of [...pairs]) wake(pair);
    },
    thaw() {
      frozen = false;
    },
    openConnections: () => pairs.size,
    async close() {
      for (const pair of [...pairs]) destroy(pair);
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}

/** A proxy in front of the database a URL names, and the same URL pointed through it. */
export async function proxyDatabaseUrl(databaseUrl: string): Promise<{ proxy: TcpProxy; url: string }> {
  const server = new URL(databaseUrl);
  const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
  const throughProxy = new URL(server);
  throughProxy.host = `127.0.0.1:${proxy.port}`;
  return { proxy, url: throughProxy.toString() };
}
