import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { statementNames } from './prepared-statements.js';

/** How the pool Kysely uses gives up on PostgreSQL. */
export interface SilenceAwarePoolOptions {
  /** A query with no answer after this long is given up, and its connection with it. */
  readonly answerTimeoutMs: number;
  /** Makes the error a caller sees when the database gives no answer or cannot be connected to. */
  readonly unreachable: (cause: unknown) => Error;
}

/** A query sent and not yet answered. */
interface Waiting {
  readonly deadline: number;
  giveUp(): void;
}

/** The query results Kysely reads. */
type QueryResult = Pick<pg.QueryResult, 'command' | 'rowCount' | 'rows'>;

/**
 * pg's pool as Kysely sees it, except that a connection that has gone silent is never handed out again.
 *
 * A silent connection (a frozen network path, a failover that left the old server unreachable)
 * answers nothing and closes nothing: without a limit a turn waits for it until TCP gives up, minutes
 * later. So a query that has no answer within `answerTimeoutMs` fails with the `unreachable` error,
 * its connection is destroyed when Kysely releases it (kept, it would still wait for the lost answer
 * and hold up every later query), and — because a connection seldom goes silent alone — every
 * connection opened before that moment is replaced when it is next checked out, instead of costing
 * one more turn each. An error the server answered with (a constraint, a statement timeout) leaves
 * the connection in use.
 *
 * Every query is on the hot path of a turn, so this adds little to pg: one wrapper per connection
 * (Kysely keeps its own per client object it is given), a statement name worked out once per SQL
 * text, and one timer for all queries in flight rather than a timer and a race per query.
 */
export function silenceAwarePool(pool: pg.Pool, options: SilenceAwarePoolOptions): PostgresPool {
  // Counts the silences seen; each client remembers the count when it connected.
  let silences = 0;
  const silencesWhenConnected = new WeakMap<pg.PoolClient, number>();
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const nameOf = statementNames();
  const deadlines = answerDeadlines();
  pool.on('connect', (client) => silencesWhenConnected.set(client, silences));

  async function checkOut(): Promise<pg.PoolClient> {
    for (;;) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (cause) {
        throw options.unreachable(cause);
      }
      if ((silencesWhenConnected.get(client) ?? silences) >= silences) return client;
      // Opened before the last silence: likely silent too, so replace it rather than find out.
      client.release(true);
    }
  }

  function wrap(client: pg.PoolClient): PostgresPoolClient {
    // Set once the connection went silent; it is then destroyed on release and never handed out again.
    let silence: Error | undefined;
    const query = (text: string, parameters: unknown[]) =>
      new Promise<QueryResult>((resolve, reject) => {
        // Still waiting for the lost answer: fail at once rather than queue behind it (Kysely's rollback).
        if (silence) return reject(silence);
        const waiting = deadlines.watch(() => {
          silences += 1;
          silence = options.unreachable(new Error(`no answer within ${options.answerTimeoutMs} ms; the connection is closed`));
          reject(silence);
        });
        const answered = (error: Error | null, result: QueryResult) => {
          deadlines.answered(waiting);
          if (error) reject(error);
          else resolve(result);
        };
        // A query with parameters is named, so each connection parses and plans it once instead of on
        // every call; one without (begin, commit, raw SQL) keeps the simple protocol. Kysely passes a
        // fresh array of parameters, so it is handed on as it is.
        if (parameters.length > 0) client.query({ name: nameOf(text), text, values: parameters }, answered);
        else client.query(text, answered);
      });
    // Kysely calls query(sql, parameters) only: the dialect is created without a cursor.
    return { query, release: () => client.release(silence !== undefined) } as unknown as PostgresPoolClient;
  }

  function answerDeadlines() {
    // Every query waits equally long, so the order they were sent in is the order they fall due:
    // one timer, armed for the oldest, serves them all.
    const waiting = new Set<Waiting>();
    let timer: NodeJS.Timeout | undefined;
    const arm = (deadline: number) => {
      timer = setTimeout(giveUpOverdue, Math.max(0, Math.ceil(deadline - performance.now())));
      // A query in flight keeps the process alive through its socket; the timer need not.
      timer.unref();
    };
    const giveUpOverdue = () => {
      timer = undefined;
      const now = performance.now();
      for (const query of waiting) {
        if (query.deadline > now) return arm(query.deadline);
        waiting.delete(query);
        query.giveUp();
      }
    };
    return {
      watch(giveUp: () => void): Waiting {
        const query = { deadline: performance.now() + options.answerTimeoutMs, giveUp };
        waiting.add(query);
        if (!timer) arm(query.deadline);
        return query;
      },
      answered(query: Waiting): void {
        waiting.delete(query);
      },
    };
  }

  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await checkOut();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}
