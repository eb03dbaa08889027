import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateEtagConflictError, StateStore, type StorageError, type DatabaseHandle } from '../../storage/index.js';
import { StaffProfileStore } from '../../storage/staff-profile-store.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

function eTagOf(entries: Map<string, { eTag: string }>, key: string): string {
  const entry = entries.get(key);
  if (!entry) {
    throw new Error(`expected "${key}" to be stored`);
  }
  return entry.eTag;
}

describe('StateStore', () => {
  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let store: StateStore;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      handle = await database.open();
      store = new StateStore(handle.db, { dialect: handle.dialect });
    });

    afterAll(async () => {
      await database.dispose();
    });

    describe('when a key holds nothing', () => {
      it('leaves it out of what is read', async () => {
        const entries = await store.readMany(['never-written']);

        expect(entries.size).toBe(0);
      });
    });

    describe('when a value is written without an expected eTag', () => {
      it('reads it back with the eTag the write returned', async () => {
        const written = await store.writeMany([{ key: 'plain', value: { step: 1 } }]);

        const entries = await store.readMany(['plain']);
        expect(entries.get('plain')).toEqual({ value: { step: 1 }, eTag: written.get('plain') });
      });

      it('overwrites what is stored: the last write wins', async () => {
        await store.writeMany([{ key: 'overwrite', value: { who: 'first' } }]);
        await store.writeMany([{ key: 'overwrite', value: { who: 'second' } }]);

        const entries = await store.readMany(['overwrite']);
        expect(entries.get('overwrite')?.value).toEqual({ who: 'second' });
      });
    });

    describe('when a value is written with the current eTag', () => {
      it('stores it under a new eTag', async () => {
        await store.writeMany([{ key: 'current', value: { step: 1 } }]);
        const before = eTagOf(await store.readMany(['current']), 'current');

        const written = await store.writeMany([{ key: 'current', value: { step: 2 }, expectedETag: before }]);

        const after = await store.readMany(['current']);
        expect(after.get('current')?.value).toEqual({ step: 2 });
        expect(eTagOf(after, 'current')).toBe(written.get('current'));
        expect(eTagOf(after, 'current')).not.toBe(before);
      });
    });

    describe('when a value is written with a stale eTag', () => {
      it('rejects with STATE_ETAG_CONFLICT naming the key and keeps the newer value', async () => {
        await store.writeMany([{ key: 'stale', value: { step: 1 } }]);
        const stale = eTagOf(await store.readMany(['stale']), 'stale');
        await store.writeMany([{ key: 'stale', value: { step: 2 }, expectedETag: stale }]);

        const error = await rejection(store.writeMany([{ key: 'stale', value: { step: 3 }, expectedETag: stale }]));

        expect(error).toBeInstanceOf(StateEtagConflictError);
        expect((error as StateEtagConflictError).code).toBe('STATE_ETAG_CONFLICT');
        expect((error as StateEtagConflictError).keys).toEqual(['stale']);
        expect((await store.readMany(['stale'])).get('stale')?.value).toEqual({ step: 2 });
      });
    });

    describe('when one change in a batch conflicts', () => {
      it('stores the other changes and names only the conflicting key', async () => {
        await store.writeMany([{ key: 'batch-a', value: { n: 1 } }, { key: 'batch-b', value: { n: 1 } }]);

        const error = await rejection(
          store.writeMany([
            { key: 'batch-a', value: { n: 2 }, expectedETag: 'not-the-stored-etag' },
            { key: 'batch-b', value: { n: 2 } },
          ]),
        );

        expect((error as StateEtagConflictError).keys).toEqual(['batch-a']);
        const entries = await store.readMany(['batch-a', 'batch-b']);
        expect(entries.get('batch-a')?.value).toEqual({ n: 1 });
        expect(entries.get('batch-b')?.value).toEqual({ n: 2 });
      });
    });

    describe('when a value is written with an eTag to a key that holds nothing', () => {
      it('stores it, as botbuilder MemoryStorage does for a deleted key', async () => {
        await store.writeMany([{ key: 'recreated', value: { n: 1 }, expectedETag: 'from-before-the-delete' }]);

        expect((await store.readMany(['recreated'])).get('recreated')?.value).toEqual({ n: 1 });
      });
    });

    describe('when two bot instances write with the same stale eTag at once', () => {
      let otherInstance: DatabaseHandle;
      let otherStore: StateStore;

      beforeAll(async () => {
        otherInstance = await database.open();
        otherStore = new StateStore(otherInstance.db, { dialect: otherInstance.dialect });
      });

      it('lets exactly one of them win', async () => {
        await store.writeMany([{ key: 'race', value: { winner: 'nobody' } }]);
        const shared = eTagOf(await store.readMany(['race']), 'race');

        const outcomes = await Promise.allSettled([
          store.writeMany([{ key: 'race', value: { winner: 'instance-1' }, expectedETag: shared }]),
          otherStore.writeMany([{ key: 'race', value: { winner: 'instance-2' }, expectedETag: shared }]),
        ]);

        const won = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [`instance-${index + 1}`] : []));
        const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect((lost[0] as StorageError).code).toBe('STATE_ETAG_CONFLICT');
        expect((await store.readMany(['race'])).get('race')?.value).toEqual({ winner: won[0] });
      });

      it('lets exactly one of many writers win, round after round', async () => {
        const stores = [store, otherStore];
        for (let round = 0; round < 20; round += 1) {
          const key = `race-round-${round}`;
          await store.writeMany([{ key, value: { winner: 'nobody' } }]);
          const shared = eTagOf(await otherStore.readMany([key]), key);

          const outcomes = await Promise.allSettled(
            Array.from({ length: 8 }, (_, writer) =>
              stores[writer % 2]!.writeMany([{ key, value: { winner: writer }, expectedETag: shared }]),
            ),
          );

          const winners = outcomes.flatMap((outcome, writer) => (outcome.status === 'fulfilled' ? [writer] : []));
          expect(winners).toHaveLength(1);
          expect((await store.readMany([key])).get(key)?.value).toEqual({ winner: winners[0] });
        }
      });

      it('lets exactly one of them create a key that held nothing when an eTag was expected', async () => {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, writer) =>
            [store, otherStore][writer % 2]!.writeMany([{ key: 'race-create', value: { writer }, expectedETag: 'remembered' }]),
          ),
        );

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      });
    });

    describe('when one key is read with a user’s saved school', () => {
      it('gives the entry and the school, each only when it is stored', async () => {
        const profiles = new StaffProfileStore(handle.db);
        const written = await store.writeMany([{ key: 'with-school', value: { step: 2 } }]);
        await profiles.rememberSchool('user-with-school', 'tunaskolan');

        expect(await store.readWithSchool('with-school', 'user-with-school')).toEqual({ entry: { value: { step: 2 }, eTag: written.get('with-school') }, schoolKey: 'tunaskolan' });
        expect(await store.readWithSchool('with-school', 'user-without-school')).toEqual({ entry: { value: { step: 2 }, eTag: written.get('with-school') }, schoolKey: undefined });
        expect(await store.readWithSchool('never-written', 'user-with-school')).toEqual({ entry: undefined, schoolKey: 'tunaskolan' });
        expect(await store.readWithSchool('never-written', 'user-without-school')).toEqual({ entry: undefined, schoolKey: undefined });
      });

      it('reads the school as it is now, after the user changed it', async () => {
        const profiles = new StaffProfileStore(handle.db);
        await profiles.rememberSchool('user-changing-school', 'tunaskolan');
        await store.readWithSchool('with-school', 'user-changing-school');
        await profiles.rememberSchool('user-changing-school', 'grindtorpsskolan');

        expect((await store.readWithSchool('with-school', 'user-changing-school')).schoolKey).toBe('grindtorpsskolan');
      });
    });

    describe('when several keys are read with schools at once (many turns arriving together)', () => {
      it('gives each read its own key, its own asker’s school and its own copy of the value', async () => {
        const profiles = new StaffProfileStore(handle.db);
        const written = await store.writeMany([
          { key: 'together-1', value: { step: 1 } },
          { key: 'together-2', value: { step: 2 } },
        ]);
        await profiles.rememberSchool('together-user-a', 'tunaskolan');
        await profiles.rememberSchool('together-user-b', 'grindtorpsskolan');

        const reads = await Promise.all([
          store.readWithSchool('together-1', 'together-user-a'),
          store.readWithSchool('together-2', 'together-user-b'),
          store.readWithSchool('together-never-written', 'together-user-a'),
          store.readWithSchool('together-1', 'together-user-without-school'),
          store.readWithSchool('together-1', 'together-user-a'),
        ]);

        expect(reads).toEqual([
          { entry: { value: { step: 1 }, eTag: written.get('together-1') }, schoolKey: 'tunaskolan' },
          { entry: { value: { step: 2 }, eTag: written.get('together-2') }, schoolKey: 'grindtorpsskolan' },
          { entry: undefined, schoolKey: 'tunaskolan' },
          { entry: { value: { step: 1 }, eTag: written.get('together-1') }, schoolKey: undefined },
          { entry: { value: { step: 1 }, eTag: written.get('together-1') }, schoolKey: 'tunaskolan' },
        ]);
        expect(reads[0]!.entry!.value).not.toBe(reads[4]!.entry!.value);
      });

      it('reads what was written before the reads were asked for', async () => {
        await store.writeMany([{ key: 'together-fresh', value: { version: 1 } }]);
        const first = await Promise.all([store.readWithSchool('together-fresh', 'u1'), store.readWithSchool('together-fresh', 'u2')]);
        await store.writeMany([{ key: 'together-fresh', value: { version: 2 }, expectedETag: first[0].entry!.eTag }]);

        const second = await Promise.all([store.readWithSchool('together-fresh', 'u1'), store.readWithSchool('together-fresh', 'u2')]);

        expect(second.map((read) => read.entry?.value)).toEqual([{ version: 2 }, { version: 2 }]);
        expect(second[0].entry!.eTag).not.toBe(first[0].entry!.eTag);
      });

      it('rejects only the read of a corrupt value; the others are read', async () => {
        await handle.db
          .insertInto('bot_state')
          .values({ key: 'together-corrupt', value: 'Elevens namn är Kalle', etag: 'e', updated_at: new Date().toISOString() })
          .execute();
        await store.writeMany([{ key: 'together-sound', value: { sound: true } }]);

        const [corrupt, sound] = await Promise.allSettled([store.readWithSchool('together-corrupt', 'u1'), store.readWithSchool('together-sound', 'u1')]);

        expect(corrupt.status).toBe('rejected');
        expect(((corrupt as PromiseRejectedResult).reason as StorageError).code).toBe('STATE_VALUE_CORRUPT');
        expect(((corrupt as PromiseRejectedResult).reason as Error).message).not.toContain('Kalle');
        expect(sound).toEqual({ status: 'fulfilled', value: { entry: { value: { sound: true }, eTag: expect.any(String) }, schoolKey: undefined } });
      });

      it('reads keys and user ids holding quotes, backslashes, Swedish letters and emoji', async () => {
        const profiles = new StaffProfileStore(handle.db);
        const keys = ['together-"citat"', 'together-\\bak\\', 'together-åäö-🙂'];
        await store.writeMany(keys.map((key) => ({ key, value: { key } })));
        await profiles.rememberSchool('together-"användare"-🙂', 'tunaskolan');

        const reads = await Promise.all(keys.map((key) => store.readWithSchool(key, 'together-"användare"-🙂')));

        expect(reads.map((read) => [read.entry?.value, read.schoolKey])).toEqual(keys.map((key) => [{ key }, 'tunaskolan']));
      });

      it('reads more keys at once than one statement takes', async () => {
        const keys = Array.from({ length: 450 }, (_, index) => `together-many-${index}`);
        await store.writeMany(keys.filter((_, index) => index % 3 === 0).map((key) => ({ key, value: { key } })));

        const reads = await Promise.all(keys.map((key) => store.readWithSchool(key, 'u1')));

        expect(reads.map((read) => read.entry?.value)).toEqual(keys.map((key, index) => (index % 3 === 0 ? { key } : undefined)));
      });
    });

    describe('when values hold Swedish text, emoji, nesting and unusual keys', () => {
      it('reads back exactly what was written', async () => {
        const key = `msteams/conversations/19:åäö!@#$%^&*()~/\\><,.?';"\`~${'x'.repeat(400)}/`;
        const value = {
          text: 'Förskolan på Tumbavägen – ”oro” ✔️ 👩‍🏫',
          nested: { list: [1, 2.5, null, true, { deep: ['å'] }], empty: {} },
          quote: "it's \"quoted\" and \\ back-slashed\n\u0000 with a nul",
        };

        await store.writeMany([{ key, value }]);

        expect((await store.readMany([key])).get(key)?.value).toEqual(value);
      });
    });

    describe('when keys are deleted', () => {
      it('reads them as absent, and deleting keys that hold nothing is fine', async () => {
        await store.writeMany([{ key: 'delete-me', value: {} }, { key: 'keep-me', value: {} }]);

        await store.deleteMany(['delete-me', 'never-existed']);

        const entries = await store.readMany(['delete-me', 'keep-me']);
        expect([...entries.keys()]).toEqual(['keep-me']);
      });
    });

    describe('when more keys are read than fit in one query', () => {
      it('returns every stored one', async () => {
        const keys = Array.from({ length: 1_200 }, (_, index) => `bulk-${index}`);
        // One multi-row insert: writing 1 200 keys one by one only makes the test slow.
        await handle.db
          .insertInto('bot_state')
          .values(keys.map((key, index) => ({ key, value: JSON.stringify({ index }), etag: 'e', updated_at: new Date().toISOString() })))
          .execute();

        const entries = await store.readMany([...keys, 'bulk-missing']);

        expect(entries.size).toBe(keys.length);
        expect(entries.get('bulk-1199')?.value).toEqual({ index: 1199 });
        await store.deleteMany(keys);
        expect((await store.readMany(keys)).size).toBe(0);
      });
    });

    describe('when a stored value is not valid JSON', () => {
      it('rejects with STATE_VALUE_CORRUPT without quoting the stored text', async () => {
        await handle.db
          .insertInto('bot_state')
          .values({ key: 'corrupt', value: 'Elevens namn är Kalle', etag: 'e', updated_at: new Date().toISOString() })
          .execute();

        const error = await rejection(store.readMany(['corrupt']));

        expect((error as StorageError).code).toBe('STATE_VALUE_CORRUPT');
        expect((error as Error).message).not.toContain('Kalle');
      });
    });

    describe('when a value cannot be represented as JSON', () => {
      it('rejects the write', async () => {
        await expect(store.writeMany([{ key: 'undefined-value', value: undefined }])).rejects.toThrow(TypeError);
      });
    });
  });
});
