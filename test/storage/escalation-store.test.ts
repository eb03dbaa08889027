import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../storage/index.js';
import { EscalationStore, type NewEscalation } from '../../storage/escalation-store.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

const monday1235 = new Date('2025-04-14T10:35:00.000Z');

function leilasAlert(overrides: Partial<NewEscalation> = {}): NewEscalation {
  return {
    area: 'norr',
    school: 'Hallundaskolan',
    requester: { id: '29:leila', name: 'Leila Kurator', aadObjectId: 'aad-leila' },
    createdAt: monday1235,
    ...overrides,
  };
}

describe('EscalationStore', () => {
  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;
    let instances: DatabaseHandle[];
    let store: EscalationStore;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      // Several handles on one database, like several bot instances; opened one after another.
      instances = [];
      for (let i = 0; i < 4; i += 1) instances.push(await database.open());
      store = new EscalationStore(instances[0]!.db);
    });

    afterAll(async () => {
      await database.dispose();
    });

    describe('when an escalation is recorded', () => {
      it('reads back area, school, requester and time, unclaimed', async () => {
        const created = await store.create(leilasAlert());

        const read = await store.get(created.id);
        expect(read).toEqual({
          id: created.id,
          area: 'norr',
          school: 'Hallundaskolan',
          requester: { id: '29:leila', name: 'Leila Kurator', aadObjectId: 'aad-leila' },
          createdAt: monday1235,
        });
      });

      it('remembers the channel message that shows it', async () => {
        const created = await store.create(leilasAlert());

        await store.setChannelActivity(created.id, '19:norr@thread.tacv2', 'activity-7');

        const read = await store.get(created.id);
        expect(read?.channelId).toBe('19:norr@thread.tacv2');
        expect(read?.channelActivityId).toBe('activity-7');
      });
    });

    describe('when one socialsekreterare takes it', () => {
      it('records who took it and when', async () => {
        const created = await store.create(leilasAlert());
        const at = new Date('2025-04-14T11:02:00.000Z');

        const result = await store.claim(created.id, { id: '29:ahmed', name: 'Ahmed Socialsekreterare' }, at);

        expect(result.status).toBe('claimed');
        const read = await store.get(created.id);
        expect(read?.claimedBy).toEqual({ id: '29:ahmed', name: 'Ahmed Socialsekreterare' });
        expect(read?.claimedAt).toEqual(at);
      });

      it('tells a later press who already took it, and keeps the first claim', async () => {
        const created = await store.create(leilasAlert());
        await store.claim(created.id, { id: '29:ahmed', name: 'Ahmed' }, new Date('2025-04-14T11:02:00.000Z'));

        const later = await store.claim(created.id, { id: '29:sara', name: 'Sara' }, new Date('2025-04-14T11:03:00.000Z'));

        expect(later.status).toBe('already-claimed');
        expect(later.status === 'already-claimed' && later.escalation.claimedBy?.name).toBe('Ahmed');
      });
    });

    describe('when 20 press "Jag tar det" at once on four instances', () => {
      it('lets exactly one win, and everyone sees the winner', async () => {
        const created = await store.create(leilasAlert());
        const at = new Date('2025-04-14T11:02:00.000Z');

        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            new EscalationStore(instances[i % instances.length]!.db).claim(created.id, { id: `29:staff-${i}`, name: `Staff ${i}` }, at),
          ),
        );

        const winners = results.filter((result) => result.status === 'claimed');
        expect(winners).toHaveLength(1);
        const winnerName = winners[0]?.status === 'claimed' ? winners[0].escalation.claimedBy?.name : undefined;
        for (const result of results) {
          expect(result.status === 'not-found' ? undefined : result.escalation.claimedBy?.name).toBe(winnerName);
        }
        expect((await store.get(created.id))?.claimedBy?.name).toBe(winnerName);
      });
    });

    describe('when the alert id is unknown', () => {
      it('says so instead of claiming anything', async () => {
        const result = await store.claim('no-such-id', { id: '29:ahmed', name: 'Ahmed' }, monday1235);

        expect(result.status).toBe('not-found');
      });
    });

    describe('when the unclaimed reminder is marked', () => {
      it('marks an alert nobody has taken, again when a failed send is retried', async () => {
        const created = await store.create(leilasAlert());
        const at = new Date('2025-04-14T10:45:00.000Z');
        const retriedAt = new Date('2025-04-14T10:46:00.000Z');

        expect(await store.markReminded(created.id, at)).toBe(true);
        expect(await store.markReminded(created.id, retriedAt)).toBe(true);
        expect((await store.get(created.id))?.remindedAt).toEqual(retriedAt);
      });

      it('does not mark an alert someone has taken', async () => {
        const created = await store.create(leilasAlert());
        await store.claim(created.id, { id: '29:ahmed', name: 'Ahmed' }, monday1235);

        expect(await store.markReminded(created.id, monday1235)).toBe(false);
      });
    });

    describe('when escalations are listed for follow-up', () => {
      it('returns those created in the period, oldest first', async () => {
        const day = (iso: string) => new Date(iso);
        const first = await store.create(leilasAlert({ school: 'Tunaskolan', area: 'sodra', createdAt: day('2030-01-02T09:00:00.000Z') }));
        const second = await store.create(leilasAlert({ createdAt: day('2030-01-03T09:00:00.000Z') }));
        await store.create(leilasAlert({ createdAt: day('2030-02-01T09:00:00.000Z') }));

        const listed = await store.listCreatedBetween(day('2030-01-01T00:00:00.000Z'), day('2030-02-01T00:00:00.000Z'));

        expect(listed.map((e) => [e.id, e.area])).toEqual([
          [first.id, 'sodra'],
          [second.id, 'norr'],
        ]);
      });
    });

    describe('when the requester closes the alert', () => {
      const nadia = { id: '29:nadia', name: 'Nadia Kurator' };

      it('records it once, and nobody can take it afterwards', async () => {
        const created = await store.create(leilasAlert({ requester: nadia }));
        const at = new Date('2025-04-14T10:40:00.000Z');

        const closed = await store.close(created.id, nadia.id, 'withdrawn', at);
        const again = await store.close(created.id, nadia.id, 'resolved', new Date('2025-04-14T10:41:00.000Z'));
        const claim = await store.claim(created.id, { id: '29:ahmed', name: 'Ahmed' }, new Date('2025-04-14T10:42:00.000Z'));

        expect(closed).toMatchObject({ status: 'closed', escalation: { closedAt: at, closedReason: 'withdrawn' } });
        expect(again.status).toBe('already-closed');
        expect(claim.status).toBe('closed');
        expect((await store.get(created.id))?.claimedBy).toBeUndefined();
        expect(await store.markReminded(created.id, new Date('2025-04-14T10:45:00.000Z'))).toBe(false);
      });

      it('closes a taken alert too, keeping who took it', async () => {
        const created = await store.create(leilasAlert({ requester: nadia }));
        await store.claim(created.id, { id: '29:ahmed', name: 'Ahmed' }, new Date('2025-04-14T11:02:00.000Z'));

        const closed = await store.close(created.id, nadia.id, 'resolved', new Date('2025-04-14T11:05:00.000Z'));

        expect(closed).toMatchObject({ status: 'closed', escalation: { claimedBy: { id: '29:ahmed' }, closedReason: 'resolved' } });
      });

      it('does not let anyone else close it', async () => {
        const created = await store.create(leilasAlert({ requester: nadia }));

        const result = await store.close(created.id, '29:ahmed', 'resolved', new Date('2025-04-14T10:40:00.000Z'));

        expect(result.status).toBe('not-found');
        expect((await store.get(created.id))?.closedAt).toBeUndefined();
      });

      it('finds the requester’s latest open alert since a time, for a typed "det är löst"', async () => {
        const omar = { id: '29:omar', name: 'Omar Kurator' };
        const older = await store.create(leilasAlert({ requester: omar, createdAt: new Date('2031-01-01T08:00:00.000Z') }));
        const newer = await store.create(leilasAlert({ requester: omar, createdAt: new Date('2031-01-01T09:00:00.000Z') }));
        await store.create(leilasAlert({ requester: nadia, createdAt: new Date('2031-01-01T10:00:00.000Z') }));

        expect((await store.latestOpenFor(omar.id, new Date('2031-01-01T07:00:00.000Z')))?.id).toBe(newer.id);
        await store.close(newer.id, omar.id, 'resolved', new Date('2031-01-01T09:30:00.000Z'));
        expect((await store.latestOpenFor(omar.id, new Date('2031-01-01T07:00:00.000Z')))?.id).toBe(older.id);
        expect(await store.latestOpenFor(omar.id, new Date('2031-01-01T08:30:00.000Z'))).toBeUndefined();
      });
    });

    describe('when an alert could not be posted', () => {
      it('removes its record', async () => {
        const created = await store.create(leilasAlert());

        await store.delete(created.id);

        expect(await store.get(created.id)).toBeUndefined();
      });
    });
  });
});
