import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { statementName } from './prepared-statements.js';

/** How the pool Kysely uses gives up on PostgreSQL. */
export interface SilenceAwarePoolOptions {
  /** A query with no answer after this long is given up, and its connection with it. */
  readonly answerTimeoutMs: number;
  /** Makes the error a caller sees when the database gives no answer or cannot be connected to. */
  readonly unreachable: (cause: unknown) => Error;
}

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
 */
export function silenceAwarePool(pool: pg.Pool, options: SilenceAwarePoolOptions): PostgresPool {
  // Counts the silences seen; each client remembers the count when it connected.
  let silences = 0;
  const silencesWhenConnected = new WeakMap<pg.PoolClient, number>();
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

  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await checkOut();
      let silence: Error | undefined;
      const query = async (text: string, parameters: readonly unknown[]) => {
        // Still waiting for the lost answer: fail at once rather than queue behind it (Kysely's rollback).
        if (silence) throw silence;
        let timer: NodeJS.Timeout | undefined;
        const noAnswer = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            silences += 1;
            silence = options.unreachable(new Error(`no answer within ${options.answerTimeoutMs} ms; the connection is closed`));
            reject(silence);
          }, options.answerTimeoutMs);
        });
        try {
          // A query with parameters is named, so each connection parses and plans it once instead of on
          // every call; one without (begin, commit, raw SQL) keeps the simple protocol.
          const config = parameters.length > 0 ? { name: statementName(text), text, values: [...parameters] } : { text };
          return await Promise.race([client.query(config), noAnswer]);
        } finally {
          clearTimeout(timer);
        }
      };
      // Kysely calls query(sql, parameters) only: the dialect is created without a cursor.
      return { query, release: () => client.release(silence !== undefined) } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
