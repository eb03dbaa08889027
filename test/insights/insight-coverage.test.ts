import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, StaffMember } from '../../booking/booking-model.js';
import type { BookingNotifier } from '../../booking/booking-ports.js';
import { countingNotifier } from '../../bot/booking-wiring.js';
import type { InsightsWiring } from '../../bot/insights-wiring.js';
import { loadConfig } from '../../config/config.js';
import type { InsightEvent } from '../../insights/index.js';
import { buildReport } from '../../insights/insight-report.js';
import { loadKnowledge, type KnowledgeBase } from '../../knowledge/load-knowledge.js';
import type { DatabaseHandle } from '../../storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';
import { wireTestInsights } from '../helpers/insights-traffic.js';
import { settableClock } from '../helpers/proactive-app.js';

/** Every text the insight tables hold, lower-cased, for searching. */
async function insightTablesText(handle: DatabaseHandle): Promise<string> {
  const tables = ['insight_counters', 'insight_gap_terms', 'insight_gap_askers', 'insight_answers', 'insight_report_starts'] as const;
  const rows = await Promise.all(tables.map((table) => handle.db.selectFrom(table).selectAll().execute()));
  return JSON.stringify(rows).toLocaleLowerCase('sv');
}

describe.each(testDialects)('insights the traffic test does not reach, on %s', (dialect) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let knowledge: KnowledgeBase;
  const clock = settableClock(new Date('2026-03-09T08:00:00Z'));
  const wire = (retentionMonths: number): InsightsWiring => wireTestInsights(handle, knowledge, clock, retentionMonths);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    handle = await database.open();
    knowledge = await loadKnowledge('knowledge');
  }, 60_000);

  afterAll(async () => {
    await database.dispose();
  });

  it('never shows a name or a place as a gap term, however many different people asked', async () => {
    const insights = wire(24);
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) await insights.recorder.questionDeclined('Får Leonora gå på simskolan i Fittja?', user);
    expect((await insights.store.gapTerms()).map((row) => [row.term, row.people])).toEqual([['simskolan', 6]]);
    await insights.store.flush();
    const stored = await insightTablesText(handle);
    for (const word of ['leonora', 'fittja', 'får']) expect(stored).not.toContain(word);
  });

  it('counts answers by the model apart from extractive ones', async () => {
    const insights = wire(24);
    const answered = (mode: 'model' | 'extractive'): InsightEvent => ({ kind: 'answered', entries: ['anmalningsskyldighet'], mode });
    for (let i = 0; i < 5; i += 1) await insights.recorder.record(answered('model'));
    for (let i = 0; i < 2; i += 1) await insights.recorder.record(answered('extractive'));
    const counters = (await insights.store.counters('2026-W11', '2026-W11')).filter((row) => row.metric === 'answer-mode');
    expect(Object.fromEntries(counters.map((row) => [row.dimension, row.count]))).toEqual({ model: 5, extractive: 2 });
    expect((await insights.reports.report({ from: '2026-W11', to: '2026-W11' })).questions.answeredByModel).toBe(5);
  });

  it('purges by the configured retention, not only the default 24 months', async () => {
    expect(loadConfig({}).insights.retentionMonths).toBe(24);
    expect(loadConfig({ INSIGHTS_RETENTION_MONTHS: '6' }).insights.retentionMonths).toBe(6);
    const insights = wire(6);
    clock.set(new Date('2025-08-04T08:00:00Z')); // seven months before the purge
    await insights.recorder.record({ kind: 'escalation-raised', area: 'norr' });
    clock.set(new Date('2025-11-03T08:00:00Z')); // four months before
    await insights.recorder.record({ kind: 'escalation-raised', area: 'norr' });
    clock.set(new Date('2026-03-09T08:00:00Z'));
    await insights.startPurge().runOnce();
    const weeks = (await insights.store.counters('2000-W01', '2100-W01')).filter((row) => row.metric === 'escalations').map((row) => row.week);
    expect(weeks).toEqual(['2025-W45']);
  });
});

describe('the knowledge base’s health', () => {
  it('lists the entries not reviewed in the last twelve months, oldest first', () => {
    const entries = [
      { id: 'recent', title: 'Granskad i höstas', lastReviewed: '2025-10-01' },
      { id: 'year-and-a-day', title: 'Granskad för ett år och en dag sedan', lastReviewed: '2025-03-08' },
      { id: 'exactly-a-year', title: 'Granskad för exakt ett år sedan', lastReviewed: '2025-03-09' },
      { id: 'old', title: 'Granskad för länge sedan', lastReviewed: '2023-06-01' },
    ];
    const report = buildReport({ from: '2026-W11', to: '2026-W11', counters: [], gapTerms: [], entries, areas: [], today: '2026-03-09' });
    expect(report.health.notReviewedIn12Months.map((row) => row.entry)).toEqual(['old', 'year-and-a-day']);
  });
});

describe('bookings as the statistics count them', () => {
  const member = (id: string): StaffMember => ({ id, name: 'Någon' });
  const booking: Booking = {
    id: 'b1',
    reference: 'AM-7K3Q-9D',
    slotId: 's1',
    kind: 'anmalningsmote',
    area: 'sodra',
    start: new Date('2026-03-12T12:00:00Z'),
    end: new Date('2026-03-12T13:00:00Z'),
    owner: member('owner'),
    bookedBy: member('booker'),
    status: 'booked',
    version: 0,
    createdAt: new Date('2026-03-09T08:00:00Z'),
  } as Booking;

  it('records booked (with the days to the meeting), cancelled and moved, and still tells the people', async () => {
    const recorded: [InsightEvent, string | undefined][] = [];
    const told: string[] = [];
    const inner: BookingNotifier = {
      bookingConfirmed: async () => void told.push('confirmed'),
      bookingCancelled: async () => void told.push('cancelled'),
      bookingMoved: async () => void told.push('moved'),
    };
    const notifier = countingNotifier(inner, { record: async (event, userId) => void recorded.push([event, userId]) }, settableClock(new Date('2026-03-09T08:00:00Z')));
    await notifier.bookingConfirmed(booking);
    await notifier.bookingMoved({ ...booking, version: 1 }, booking, 'booker');
    await notifier.bookingCancelled({ ...booking, version: 2 }, 'owner');
    expect(recorded).toEqual([
      [{ kind: 'meeting-booked', meeting: 'anmalningsmote', area: 'sodra', daysToMeeting: 3 }, 'booker'],
      [{ kind: 'meeting-moved', meeting: 'anmalningsmote', area: 'sodra' }, undefined],
      [{ kind: 'meeting-cancelled', meeting: 'anmalningsmote', area: 'sodra' }, undefined],
    ]);
    expect(told).toEqual(['confirmed', 'moved', 'cancelled']);
  });
});
