import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReminderKindConflictError, ReminderPayloadInvalidError, ReminderWorker, type ReminderHandler } from '../../bot/reminder-worker.js';
import { createLogger } from '../../observability/logger.js';
import { fixedClock } from '../../scheduling/clock.js';
import type { DatabaseHandle } from '../../storage/index.js';
import { ReminderStore } from '../../storage/reminder-store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';

const now = new Date('2025-05-20T08:00:00.000Z');
const silent = createLogger('silent');
let sequence = 0;

function uniqueKind(): string {
  sequence += 1;
  return `worker-test-${sequence}`;
}

describe('ReminderWorker', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: ReminderStore;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = await database.open();
    store = new ReminderStore(handle.db);
  });

  afterAll(async () => {
    await database.dispose();
  });

  function workerFor(handlers: ReminderHandler[]): ReminderWorker {
    return new ReminderWorker({ store, handlers, clock: fixedClock(now), logger: silent, pollMs: 0 });
  }

  describe('when a reminder of a kind it has no handler for is due', () => {
    it('leaves it for an instance that knows the kind', async () => {
      const known = uniqueKind();
      const unknown = uniqueKind();
      const { id } = await store.schedule({ kind: unknown, dueAt: now, payload: {} });

      const pass = await workerFor([{ kind: known, send: async () => 'sent' }]).runOnce(now);

      expect(pass.sent).toBe(0);
      expect((await store.get(id))?.status).toBe('pending');
    });
  });

  describe('when the payload cannot be read', () => {
    it('marks it failed at once instead of retrying', async () => {
      const kind = uniqueKind();
      const { id } = await store.schedule({ kind, dueAt: now, payload: { wrong: true } });
      const worker = workerFor([
        {
          kind,
          send: async () => {
            throw new ReminderPayloadInvalidError(kind);
          },
        },
      ]);

      const pass = await worker.runOnce(now);

      expect(pass.failed).toBe(1);
      expect((await store.get(id))?.status).toBe('failed');
    });
  });

  describe('when sending keeps failing', () => {
    it('retries with growing delays and gives up after five attempts', async () => {
      const kind = uniqueKind();
      const { id } = await store.schedule({ kind, dueAt: now, payload: {} });
      let calls = 0;
      const worker = workerFor([
        {
          kind,
          send: async () => {
            calls += 1;
            throw new Error('Teams is down');
          },
        },
      ]);

      const statuses: string[] = [];
      const dueTimes: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const reminder = await store.get(id);
        dueTimes.push(reminder?.dueAt.getTime() ?? 0);
        await worker.runOnce(reminder?.dueAt ?? now);
        statuses.push((await store.get(id))?.status ?? 'gone');
      }

      expect(calls).toBe(5);
      expect(statuses).toEqual(['pending', 'pending', 'pending', 'pending', 'failed', 'failed']);
      const minutesBetweenAttempts = dueTimes.slice(1, 5).map((due, i) => (due - dueTimes[i]!) / 60_000);
      expect(minutesBetweenAttempts).toEqual([1, 4, 16, 64]);
    });
  });

  describe('when the handler finds nothing left to send', () => {
    it('records it as cancelled and never sends it', async () => {
      const kind = uniqueKind();
      const { id } = await store.schedule({ kind, dueAt: now, payload: {} });

      const pass = await workerFor([{ kind, send: async () => 'cancelled' }]).runOnce(now);

      expect(pass.cancelled).toBe(1);
      expect((await store.get(id))?.status).toBe('cancelled');
    });
  });

  describe('when two handlers are registered for one kind', () => {
    it('refuses to start', () => {
      const handler: ReminderHandler = { kind: 'twice', send: async () => 'sent' };

      expect(() => workerFor([handler, handler])).toThrow(ReminderKindConflictError);
    });
  });
});
