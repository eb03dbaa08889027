import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

/** Every byte of the bot's SQLite files (WAL included) as text, to search for what a user typed. */
export async function sqliteText(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((file) => file.startsWith('bot.sqlite'));
  const contents = await Promise.all(files.map((file) => readFile(path.join(dir, file))));
  return contents.map((content) => content.toString('latin1') + content.toString('utf8')).join('\n');
}

/** Every row of every table in the current PostgreSQL schema as JSON text, to search for what a user typed. */
export async function postgresText(databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
    );
    const rows: string[] = [];
    for (const { table_name } of tables.rows) {
      const result = await client.query<{ row: string }>(`select row_to_json(t)::text as row from "${table_name}" t`);
      rows.push(...result.rows.map((r) => r.row));
    }
    return rows.join('\n');
  } finally {
    await client.end();
  }
}
