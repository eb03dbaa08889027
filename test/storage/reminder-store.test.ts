import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../storage/index.js';
import { ReminderStore, type NewReminder } from '../../storage/reminder-store.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

const lease = 5 * 60_000;
let sequence = 0;

/** Each test uses its own kind, so reminders from other tests in the file never count. */
function uniqueKind(): string {
  sequence += 1;
  return `test-kind-${sequence}`;
}

function reminderOf(kind: string, dueAt: Date, overrides: Partial<NewReminder> = {}): NewReminder {
  return { kind, dueAt, payload: { referenceKey: 'user:29:maria' }, ...overrides };
}

describe('ReminderStore', () => {
  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;
    let instances: DatabaseHandle[];
    let store: ReminderStore;
    const due = new Date('2025-05-05T07:00:00.000Z');
    const afterDue = new Date('2025-05-05T07:00:30.000Z');

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      instances = [];
      for (let i = 0; i < 2; i += 1) instances.push(await database.open());
      store = new ReminderStore(instances[0]!.db);
    });

    afterAll(async () => {
      await database.dispose();
    });

    describe('when a reminder is scheduled', () => {
      it('is pending with its kind, due time and payload', async () => {
        const kind = uniqueKind();
        const { id, created } = await store.schedule(reminderOf(kind, due));

        expect(created).toBe(true);
        const read = await store.get(id);
        expect(read).toMatchObject({ id, kind, dueAt: due, payload: { referenceKey: 'user:29:maria' }, status: 'pending', attempts: 0 });
      });

      it('is not due before its time', async () => {
        const kind = uniqueKind();
        await store.schedule(reminderOf(kind, due));

        expect(await store.findDue(new Date(due.getTime() - 1), { kinds: [kind], leaseMs: lease, limit: 10 })).toEqual([]);
        expect(await store.findDue(due, { kinds: [kind], leaseMs: lease, limit: 10 })).toHaveLength(1);
      });

      it('is stored once when scheduled twice with the same dedupe key', async () => {
        const kind = uniqueKind();
        const first = await store.schedule(reminderOf(kind, due, { dedupeKey: `${kind}:maria` }));
        const second = await store.schedule(reminderOf(kind, due, { dedupeKey: `${kind}:maria` }));

        expect(second).toEqual({ id: first.id, created: false });
        expect(await store.findDue(afterDue, { kinds: [kind], leaseMs: lease, limit: 10 })).toHaveLength(1);
      });
    });

    describe('when due reminders are looked for', () => {
      it('returns only the kinds asked for, earliest first', async () => {
        const kind = uniqueKind();
        const other = uniqueKind();
        const later = await store.schedule(reminderOf(kind, new Date(due.getTime() - 1_000)));
        const earlier = await store.schedule(reminderOf(kind, new Date(due.getTime() - 2_000)));
        await store.schedule(reminderOf(other, due));

        const found = await store.findDue(afterDue, { kinds: [kind], leaseMs: lease, limit: 10 });

        expect(found.map((r) => r.id)).toEqual([earlier.id, later.id]);
      });
    });

    describe('when two worker instances claim the same due reminder', () => {
      it('gives it to exactly one of them, and it is sent once', async () => {
        const kind = uniqueKind();
        const { id } = await store.schedule(reminderOf(kind, due));
        const workers = instances.map((instance) => new ReminderStore(instance.db));

        const claims = await Promise.all(workers.map((worker, i) => worker.claim(id, `instance-${i}`, afterDue, lease)));

        expect(claims.filter(Boolean)).toHaveLength(1);
        const winner = claims.indexOf(true);
        expect(await workers[winner]!.markSent(id, `instance-${winner}`, afterDue)).toBe(true);
        expect(await store.findDue(new Date(afterDue.getTime() + 2 * lease), { kinds: [kind], leaseMs: lease, limit: 10 })).toEqual([]);
        expect(await store.get(id)).toMatchObject({ status: 'sent', sentAt: afterDue, attempts: 1, claimedByInstance: `instance-${winner}` });
      });

      it('gives it to exactly one of 20 concurrent claims', async () => {
        const kind = uniqueKind();
        const { id } = await store.schedule(reminderOf(kind, due));

        const claims = await Promise.all(
          Array.from({ length: 20 }, (_, i) => new ReminderStore(instances[i % instances.length]!.db).claim(id, `instance-${i}`, afterDue, lease)),
        );

        expect(claims.filter(Boolean)).toHaveLength(1);
      });
    });

    describe('when the instance that claimed it dies', () => {
      it('is claimed again once the lease has run out, not before', async () => {
        const kind = uniqueKind();
        const { id } = await store.schedule(reminderOf(kind, due));
        await store.claim(id, 'dead-instance', afterDue, lease);

        const beforeLeaseEnds = new Date(afterDue.getTime() + lease - 1);
        const afterLeaseEnds = new Date(afterDue.getTime() + lease + 1);
        expect(await store.findDue(beforeLeaseEnds, { kinds: [kind], leaseMs: lease, limit: 10 })).toEqual([]);
        expect(await store.claim(id, 'second-instance', beforeLeaseEnds, lease)).toBe(false);
        expect(await store.claim(id, 'second-instance', afterLeaseEnds, lease)).toBe(true);
        expect(await store.markSent(id, 'dead-instance', afterLeaseEnds)).toBe(false);
        expect(await store.markSent(id, 'second-instance', afterLeaseEnds)).toBe(true);
        expect((await store.get(id))?.attempts).toBe(2);
      });
    });

    describe('when sending fails', () => {
      it('is due again at the retry time', async () => {
        const kind = uniqueKind();
        const { id } = await store.schedule(reminderOf(kind, due));
        await store.claim(id, 'instance-0', afterDue, lease);
        const retryAt = new Date(afterDue.getTime() + 60_000);

        expect(await store.release(id, 'instance-0', retryAt)).toBe(true);

        expect(await store.findDue(afterDue, { kinds: [kind], leaseMs: lease, limit: 10 })).toEqual([]);
        expect((await store.findDue(retryAt, { kinds: [kind], leaseMs: lease, limit: 10 })).map((r) => r.id)).toEqual([id]);
      });

      it('is never picked up again once given up', async () => {
        const kind = uniqueKind();
        const { id } = await store.schedule(reminderOf(kind, due));
        await store.claim(id, 'instance-0', afterDue, lease);

        await store.markFailed(id, 'instance-0');

        expect((await store.get(id))?.status).toBe('failed');
        expect(await store.findDue(new Date(afterDue.getTime() + 10 * lease), { kinds: [kind], leaseMs: lease, limit: 10 })).toEqual([]);
      });
    });

    describe('when a pending reminder is cancelled by its dedupe key', () => {
      it('is no longer due', async () => {
        const kind = uniqueKind();
        await store.schedule(reminderOf(kind, due, { dedupeKey: `${kind}:booking-1` }));

        expect(await store.cancelPending(`${kind}:booking-1`)).toBe(1);

        expect(await store.findDue(afterDue, { kinds: [kind], leaseMs: lease, limit: 10 })).toEqual([]);
      });
    });
  });
});
