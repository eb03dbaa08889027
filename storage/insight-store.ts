import { randomBytes } from 'node:crypto';
import type { AnswerRef, CounterRow, GapTermRow, InsightStorePort } from '../insights/insight-ports.js';
import type { Database } from './database-schema.js';

const ANSWERS_PER_STATEMENT = 50;

/**
 * The statistics' tables: weekly counters, the rotating salt, the salted gap-term askers, the shown gap
 * terms, the salted orosanmälan-to-meeting link and the cited entries of answers by hashed message id.
 * Nothing here holds a user id, a name or a sentence.
 */
export class InsightStore implements InsightStorePort {
  constructor(private readonly db: Database) {}

  async addCounts(rows: readonly CounterRow[], answers: readonly AnswerRef[] = []): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (let start = 0; start < answers.length; start += ANSWERS_PER_STATEMENT) {
        const chunk = answers.slice(start, start + ANSWERS_PER_STATEMENT).map(({ messageKey, entries, week }) => ({ message_key: messageKey, entries: entries.join(','), week }));
        // Always the same number of rows (the first repeated, which the conflict clause skips), so it is one statement to prepare.
        const rows = [...chunk, ...Array<(typeof chunk)[number]>(ANSWERS_PER_STATEMENT - chunk.length).fill(chunk[0]!)];
        await trx
          .insertInto('insight_answers')
          .values(rows)
          .onConflict((conflict) => conflict.column('message_key').doNothing())
          .execute();
      }
      // One row at a time, so the statement's text (and its prepared plan) is the same for any batch.
      for (const { week, metric, area, dimension, count, total } of rows) {
        await trx
          .insertInto('insight_counters')
          .values({ week, metric, area, dimension, count, total })
          .onConflict((conflict) =>
            conflict.columns(['week', 'metric', 'area', 'dimension']).doUpdateSet((eb) => ({
              count: eb('insight_counters.count', '+', eb.ref('excluded.count')),
              total: eb('insight_counters.total', '+', eb.ref('excluded.total')),
            })),
          )
          .execute();
      }
    });
  }

  async counters(from: string, to: string): Promise<CounterRow[]> {
    const rows = await this.db.selectFrom('insight_counters').selectAll().where('week', '>=', from).where('week', '<=', to).execute();
    return rows.map((row) => ({ ...row, count: Number(row.count), total: Number(row.total) }));
  }

  async saltFor(period: number): Promise<string> {
    await this.db.insertInto('insight_salts').values({ period, salt: randomBytes(32).toString('hex') }).onConflict((conflict) => conflict.column('period').doNothing()).execute();
    await this.db.deleteFrom('insight_salts').where('period', '<', period).execute();
    const row = await this.db.selectFrom('insight_salts').select('salt').where('period', '=', period).executeTakeFirstOrThrow();
    return row.salt;
  }

  async addGapAsker(period: number, termKey: string, userKey: string): Promise<{ people: number; newAsker: boolean }> {
    const inserted = await this.db
      .insertInto('insight_gap_askers')
      .values({ period, term_key: termKey, user_key: userKey })
      .onConflict((conflict) => conflict.columns(['period', 'term_key', 'user_key']).doNothing())
      .executeTakeFirst();
    const row = await this.db
      .selectFrom('insight_gap_askers')
      .select((eb) => eb.fn.countAll().as('people'))
      .where('period', '=', period)
      .where('term_key', '=', termKey)
      .executeTakeFirstOrThrow();
    return { people: Number(row.people), newAsker: (inserted.numInsertedOrUpdatedRows ?? 0n) > 0n };
  }

  async shownGapTerm(term: string): Promise<GapTermRow | undefined> {
    const row = await this.db.selectFrom('insight_gap_terms').selectAll().where('term', '=', term).executeTakeFirst();
    return row && gapTermRow(row);
  }

  async showGapTerm(term: string, people: number, week: string): Promise<void> {
    await this.db
      .insertInto('insight_gap_terms')
      .values({ term, people, first_week: week, last_week: week })
      .onConflict((conflict) => conflict.column('term').doUpdateSet({ people, last_week: week }))
      .execute();
  }

  async gapTerms(): Promise<GapTermRow[]> {
    const rows = await this.db.selectFrom('insight_gap_terms').selectAll().orderBy('term').execute();
    return rows.map(gapTermRow);
  }

  async rememberReport(period: number, userKey: string, epochDay: number): Promise<void> {
    await this.db
      .insertInto('insight_report_starts')
      .values({ period, user_key: userKey, epoch_day: epochDay })
      .onConflict((conflict) => conflict.columns(['period', 'user_key']).doUpdateSet({ epoch_day: epochDay }))
      .execute();
  }

  async takeReport(period: number, userKey: string): Promise<number | undefined> {
    const row = await this.db.selectFrom('insight_report_starts').select('epoch_day').where('period', '=', period).where('user_key', '=', userKey).executeTakeFirst();
    if (!row) return undefined;
    await this.db.deleteFrom('insight_report_starts').where('period', '=', period).where('user_key', '=', userKey).execute();
    return Number(row.epoch_day);
  }

  async answerEntries(messageKey: string): Promise<readonly string[] | undefined> {
    const row = await this.db.selectFrom('insight_answers').select('entries').where('message_key', '=', messageKey).executeTakeFirst();
    return row ? row.entries.split(',').filter(Boolean) : undefined;
  }

  async purge(options: { countersBefore: string; answersBefore: string; period: number }): Promise<number> {
    // One after another: SQLite has one writer.
    const deletions = [
      this.db.deleteFrom('insight_counters').where('week', '<', options.countersBefore),
      this.db.deleteFrom('insight_gap_terms').where('last_week', '<', options.countersBefore),
      this.db.deleteFrom('insight_answers').where('week', '<', options.answersBefore),
      this.db.deleteFrom('insight_salts').where('period', '<', options.period),
      this.db.deleteFrom('insight_gap_askers').where('period', '<', options.period),
      this.db.deleteFrom('insight_report_starts').where('period', '<', options.period),
    ];
    const results = [];
    for (const deletion of deletions) results.push(await deletion.executeTakeFirst());
    return results.reduce((sum, result) => sum + Number(result.numDeletedRows), 0);
  }
}

function gapTermRow(row: { term: string; people: number; first_week: string; last_week: string }): GapTermRow {
  return { term: row.term, people: Number(row.people), firstWeek: row.first_week, lastWeek: row.last_week };
}
