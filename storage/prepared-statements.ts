import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** The bot runs a few dozen distinct statements; this bounds the cache if something builds SQL from data. */
const MAX_STATEMENTS = 500;

/**
 * The SQLite file as Kysely sees it, except that each distinct SQL text is prepared once and its
 * statement reused: Kysely prepares every query afresh, and compiling SQL was a tenth of a turn.
 * Kysely runs a statement to completion (`all`/`run`) before the next, so sharing one is safe.
 */
export function preparedOnce(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  } as SqliteDatabase;
}

/**
 * Names PostgreSQL statements, the same name for the same SQL text, so each pooled connection
 * parses and plans a statement once (pg prepares a named statement on first use per connection).
 * Each query asks, so a name is worked out once per text and then looked up.
 */
export function statementNames(): (sql: string) => string {
  const names = new Map<string, string>();
  return (sql) => {
    let name = names.get(sql);
    if (name === undefined) {
      name = `s_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      if (names.size >= MAX_STATEMENTS) names.delete(names.keys().next().value!);
      names.set(sql, name);
    }
    return name;
  };
}
