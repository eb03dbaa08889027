import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InsightsWiring } from '../../bot/insights-wiring.js';
import { dayNumberOf, isoWeekOf, parseIsoWeek } from '../../insights/index.js';
import { buildReport, cell } from '../../insights/insight-report.js';
import { messageKey } from '../../insights/insight-recorder.js';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load-knowledge.js';
import type { DatabaseHandle } from '../../storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';
import { wireTestInsights } from '../helpers/insights-traffic.js';
import { settableClock, type SettableClock } from '../helpers/proactive-app.js';

describe('ISO weeks', () => {
  it('puts days in the week whose Thursday decides the year, by the Swedish wall clock', () => {
    expect(isoWeekOf(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01');
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53');
    expect(isoWeekOf(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    // Sunday 23.30 UTC is already Monday in Stockholm.
    expect(isoWeekOf(new Date('2026-03-15T23:30:00Z'))).toBe('2026-W12');
  });

  it('accepts only weeks that exist', () => {
    expect(parseIsoWeek('2026-W53')).toBe('2026-W53');
    expect(parseIsoWeek('2025-W53')).toBeUndefined();
    expect(parseIsoWeek('2026-W00')).toBeUndefined();
    expect(parseIsoWeek('2026-11')).toBeUndefined();
  });

  it('counts whole Swedish calendar days (00.30 on Tuesday is Tuesday)', () => {
    expect(dayNumberOf(new Date('2026-03-13T08:00:00Z')) - dayNumberOf(new Date('2026-03-09T23:30:00Z'))).toBe(3);
  });
});

describe('the key an answer is stored under', () => {
  it('is the HMAC-SHA256 of the Teams message id it has always been, so 👍/👎 on answers sent before an upgrade still find them', () => {
    for (const messageId of ['1733470000000', 'f:8a1c-ånga', 'x'.repeat(300)]) {
      expect(messageKey(messageId)).toBe(createHmac('sha256', 'samverkansboten-answer').update(messageId).digest('base64url'));
    }
  });
});

describe('small cells', () => {
  it('shows five and more, and everything under five as "< 5"', () => {
    expect([0, 1, 4, 5, 12].map(cell)).toEqual(['< 5', '< 5', '< 5', 5, 12]);
  });

  it('orders suppressed rows alphabetically after the shown ones, so the order tells nothing', () => {
    const counters = [
      { metric: 'topic', dimension: 'b-entry', count: 4 },
      { metric: 'topic', dimension: 'a-entry', count: 1 },
      { metric: 'topic', dimension: 'c-entry', count: 9 },
    ].map((row) => ({ ...row, week: '2026-W11', area: 'norr', total: 0 }));
    const report = buildReport({ from: '2026-W11', to: '2026-W11', counters, gapTerms: [], entries: [], areas: [], today: '2026-03-09' });
    expect(report.topics.map((topic) => [topic.entry, topic.total])).toEqual([
      ['c-entry', 9],
      ['a-entry', '< 5'],
      ['b-entry', '< 5'],
    ]);
  });
});

describe.each(testDialects)('the insight recorder on %s', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let knowledge: KnowledgeBase;
  let clock: SettableClock;
  let insights: InsightsWiring;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    handle = await database.open();
    knowledge = await loadKnowledge('knowledge');
    clock = settableClock(new Date('2026-03-09T08:00:00Z'));
    insights = wireTestInsights(handle, knowledge, clock);
  }, 60_000);

  afterAll(async () => {
    await database.dispose();
  });

  const shownTerms = async () => (await insights.store.gapTerms()).map((row) => [row.term, row.people]);

  it('shows a term once the fifth different person asks, never for the same person twice, and never a name', async () => {
    for (const user of ['staff-user-1', 'staff-user-2', 'staff-user-3', 'staff-user-4']) await insights.recorder.questionDeclined('Vem betalar simskolan för Leonora?', user);
    await insights.recorder.questionDeclined('Gäller det simskolan också?', 'staff-user-1');
    expect(await shownTerms()).toEqual([]);

    await insights.recorder.questionDeclined('Simskolan på sommarlovet?', 'staff-user-5');
    expect(await shownTerms()).toEqual([['simskolan', 5]]);
    await insights.recorder.questionDeclined('Simskolan igen', 'staff-user-6');
    expect(await shownTerms()).toEqual([['simskolan', 6]]);
    const rows = JSON.stringify(await handle.db.selectFrom('insight_gap_askers').selectAll().execute()).toLowerCase();
    expect(rows).not.toContain('leonora');
    expect(rows).not.toContain('betalar');
    expect(rows).not.toContain('staff-user');
  });

  it('throws the salt away when the period ends, so earlier askers cannot be linked or counted again', async () => {
    for (const user of ['v1', 'v2', 'v3', 'v4']) await insights.recorder.questionDeclined('Hur funkar lägerskolan?', user);
    const saltBefore = await handle.db.selectFrom('insight_salts').selectAll().execute();
    expect(saltBefore).toHaveLength(1);

    clock.advance(28 * 86_400_000);
    await insights.recorder.questionDeclined('Hur funkar lägerskolan?', 'v5');
    const saltAfter = await handle.db.selectFrom('insight_salts').selectAll().execute();
    expect(saltAfter).toHaveLength(1);
    expect(saltAfter[0]!.salt).not.toBe(saltBefore[0]!.salt);
    // Four people in the old period and one in the new are not five different people in one period.
    expect((await shownTerms()).map(([term]) => term)).not.toContain('lägerskolan');
    await insights.startPurge().runOnce();
    const periods = new Set((await handle.db.selectFrom('insight_gap_askers').select('period').execute()).map((row) => Number(row.period)));
    expect(periods).toEqual(new Set([insights.recorder.period()]));
  });

  it('purges counters older than the retention and keeps the younger ones', async () => {
    clock.set(new Date('2024-03-04T08:00:00Z'));
    await insights.recorder.record({ kind: 'akut-detected' });
    clock.set(new Date('2024-05-06T08:00:00Z'));
    await insights.recorder.record({ kind: 'akut-detected' });
    clock.set(new Date('2026-04-13T08:00:00Z'));
    await insights.startPurge().runOnce();
    const weeks = (await insights.store.counters('2000-W01', '2100-W01')).filter((row) => row.metric === 'akut').map((row) => row.week);
    expect(weeks).toEqual(['2024-W19']);
  });

  it('drops cited ids that are not entries of the knowledge base', async () => {
    clock.set(new Date('2026-03-09T08:00:00Z'));
    await insights.recorder.record({ kind: 'answered', entries: ['anmalningsskyldighet', 'Leonora Abdirahman', 'no-such-entry'], mode: 'extractive' });
    const cited = (await insights.store.counters('2026-W11', '2026-W11')).filter((row) => row.metric === 'cited').map((row) => row.dimension);
    expect(cited).toEqual(['anmalningsskyldighet']);
  });
});
