import {
  AutoSaveStateMiddleware,
  ConversationState,
  MemoryStorage,
  TestAdapter,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { Dialog, DialogSet, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlStorage } from '../../bot/sql-storage.js';
import { StaffProfileStore } from '../../storage/staff-profile-store.js';
import { StateStore, type DatabaseHandle, type StorageError } from '../../storage/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

function withoutETag(items: StoreItems): StoreItems {
  return Object.fromEntries(
    Object.entries(items).map(([key, item]) => {
      const { eTag: _eTag, ...rest } = item as { eTag?: string };
      return [key, rest];
    }),
  );
}

/** A bot that counts the turns of a conversation in conversation state. */
function turnCountingAdapter(storage: Storage): TestAdapter {
  const conversationState = new ConversationState(storage);
  const turns = conversationState.createProperty<number>('turns');
  return new TestAdapter(async (context) => {
    const count = (await turns.get(context, 0)) + 1;
    await turns.set(context, count);
    await context.sendActivity(`tur ${count}`);
  }).use(new AutoSaveStateMiddleware(conversationState));
}

describe('SqlStorage', () => {
  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let storage: SqlStorage;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      handle = await database.open();
      storage = new SqlStorage(new StateStore(handle.db));
    });

    afterAll(async () => {
      await database.dispose();
    });

    describe('when a key was never written', () => {
      it('reads nothing for it', async () => {
        expect(await storage.read(['unknown'])).toEqual({});
      });
    });

    describe('when called without keys or changes', () => {
      it('rejects reads, writes and deletes like MemoryStorage', async () => {
        const nothing = null as unknown as string[];

        await expect(storage.read(nothing)).rejects.toThrow(new ReferenceError('Keys are required when reading.'));
        await expect(storage.write(nothing as unknown as StoreItems)).rejects.toThrow(
          new ReferenceError('Changes are required when writing.'),
        );
        await expect(storage.delete(nothing)).rejects.toThrow(ReferenceError);
      });

      it('accepts an empty write', async () => {
        await expect(storage.write({})).resolves.toBeUndefined();
        await expect(storage.write([] as unknown as StoreItems)).resolves.toBeUndefined();
      });
    });

    describe('when items are written and read back', () => {
      it('returns the same values, each with an eTag', async () => {
        await storage.write({ roundTrip: { name: 'Förskolan Solen', tags: ['a', 'b'], nested: { n: 1 } } });

        const items = await storage.read(['roundTrip']);

        expect(items.roundTrip).toEqual({ name: 'Förskolan Solen', tags: ['a', 'b'], nested: { n: 1 }, eTag: expect.any(String) });
      });

      it('handles keys full of odd characters', async () => {
        const key = '!@#$%^&*()~/\\><,.?\';"`~';

        await storage.write({ [key]: { id: 1 } });

        expect((await storage.read([key]))[key].id).toBe(1);
      });
    });

    describe('when an item is written again', () => {
      it('gets a new eTag on every write', async () => {
        const seen = new Set<string>();
        for (let step = 0; step < 3; step += 1) {
          await storage.write({ counter: { step } });
          seen.add((await storage.read(['counter'])).counter.eTag);
        }

        expect(seen.size).toBe(3);
      });

      it('leaves the caller\'s item untouched, as MemoryStorage does', async () => {
        const item = { step: 1, eTag: '*' };

        await storage.write({ untouched: item });

        expect(item).toEqual({ step: 1, eTag: '*' });
      });
    });

    describe('when an item is written with a stale eTag', () => {
      it('rejects with STATE_ETAG_CONFLICT and keeps the newer item', async () => {
        await storage.write({ stale: { count: 1 } });
        const firstRead = (await storage.read(['stale'])).stale;
        await storage.write({ stale: { ...firstRead, count: 2 } });

        const error = await rejection(storage.write({ stale: { ...firstRead, count: 3 } }));

        expect((error as StorageError).code).toBe('STATE_ETAG_CONFLICT');
        expect((error as Error).message).toBe('Storage: error writing "stale" due to eTag conflict.');
        expect((await storage.read(['stale'])).stale.count).toBe(2);
      });
    });

    describe('when an item is written with eTag "*" or without an eTag', () => {
      it('overwrites whatever is stored', async () => {
        await storage.write({ wildcard: { count: 1 }, noEtag: { count: 1 } });
        const stale = await storage.read(['wildcard', 'noEtag']);
        await storage.write({ wildcard: { count: 2 }, noEtag: { count: 2 } });

        await storage.write({
          wildcard: { ...stale.wildcard, count: 100, eTag: '*' },
          noEtag: withoutETag(stale).noEtag,
        });

        const items = await storage.read(['wildcard', 'noEtag']);
        expect(items.wildcard.count).toBe(100);
        expect(items.noEtag.count).toBe(1);
      });
    });

    describe('when two people of one shared conversation load its state at the same moment', () => {
      it("reads the first one's saved school along and never hands it to the other", async () => {
        const profiles = new StaffProfileStore(handle.db);
        await profiles.rememberSchool('user-a', 'skola-a');
        await profiles.rememberSchool('user-b', 'skola-b');
        await storage.write({ 'shared/conversation': { turns: 1 } });

        const first = storage.readSchoolAlong('shared/conversation', 'user-a');
        const reading = storage.read(['shared/conversation']);
        const second = storage.readSchoolAlong('shared/conversation', 'user-b');
        const again = storage.read(['shared/conversation']);
        await Promise.all([reading, again]);
        storage.endSchoolAlong(first);
        storage.endSchoolAlong(second);

        expect(first).toMatchObject({ read: true, schoolKey: 'skola-a' });
        expect(second.schoolKey).not.toBe('skola-a');
        if (second.read) expect(second.schoolKey).toBe('skola-b');
      });
    });

    describe('when items are deleted', () => {
      it('reads them as absent, and deleting unknown keys does not fail', async () => {
        await storage.write({ batch1: { count: 10 }, batch2: { count: 20 }, batch3: { count: 30 } });

        await storage.delete(['batch1', 'batch2', 'batch3', 'unknown_key']);

        expect(await storage.read(['batch1', 'batch2', 'batch3'])).toEqual({});
      });
    });

    describe('when it runs botbuilder\'s update sequence (StorageBaseTests.updateObject)', () => {
      it('accepts current and wildcard eTags and rejects an old one', async () => {
        await storage.write({ pocoItem: { id: 1, count: 1 }, pocoStoreItem: { id: 1, count: 1 } });
        const loaded = await storage.read(['pocoItem', 'pocoStoreItem']);
        const pocoItem = loaded.pocoItem;
        delete pocoItem.eTag;
        const pocoStoreItem = loaded.pocoStoreItem;
        pocoItem.count++;
        pocoStoreItem.count++;
        await storage.write(loaded);

        const reloaded = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect(reloaded.pocoStoreItem.eTag).not.toBe(pocoStoreItem.eTag);
        expect([reloaded.pocoItem.count, reloaded.pocoStoreItem.count]).toEqual([2, 2]);

        pocoItem.count = 123;
        await expect(storage.write({ pocoItem })).resolves.toBeUndefined();
        pocoStoreItem.count = 123;
        await expect(storage.write({ pocoStoreItem })).rejects.toThrow();

        const reloaded2 = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect([reloaded2.pocoItem.count, reloaded2.pocoStoreItem.count]).toEqual([123, 2]);
        reloaded2.pocoItem.count = 100;
        reloaded2.pocoStoreItem.count = 100;
        reloaded2.pocoStoreItem.eTag = '*';
        await storage.write(reloaded2);

        const final = await storage.read(['pocoItem', 'pocoStoreItem']);
        expect([final.pocoItem.count, final.pocoStoreItem.count]).toEqual([100, 100]);
      });
    });

    describe('when any sequence of reads, writes and deletes runs', () => {
      it('behaves exactly like botbuilder MemoryStorage', async () => {
        const keyNames = ['a', 'b', 'c'] as const;
        const eTagChoices = ['none', 'wildcard', 'empty', 'latest', 'previous', 'oldest', 'bogus'] as const;
        const operation = fc.oneof(
          fc.record({ kind: fc.constant('write' as const), keys: fc.subarray([...keyNames], { minLength: 1 }), eTag: fc.constantFrom(...eTagChoices), n: fc.integer() }),
          fc.record({ kind: fc.constant('delete' as const), keys: fc.subarray([...keyNames], { minLength: 1 }) }),
        );
        let run = 0;

        await fc.assert(
          fc.asyncProperty(fc.array(operation, { maxLength: 15 }), async (operations) => {
            run += 1;
            const prefix = `model-${run}-`;
            const subjects = [
              { storage: new MemoryStorage() as Storage, seen: new Map<string, string[]>() },
              { storage: storage as Storage, seen: new Map<string, string[]>() },
            ];
            const traces: unknown[][] = [[], []];
            for (const [index, subject] of subjects.entries()) {
              const keys = keyNames.map((name) => prefix + name);
              for (const op of operations) {
                const opKeys = op.keys.map((name) => prefix + name);
                if (op.kind === 'write') {
                  const changes = Object.fromEntries(
                    opKeys.map((key) => {
                      const seen = subject.seen.get(key) ?? [];
                      const eTag = {
                        none: undefined,
                        wildcard: '*',
                        empty: '',
                        latest: seen.at(-1),
                        previous: seen.at(-2),
                        oldest: seen.at(0),
                        bogus: 'no-such-etag',
                      }[op.eTag];
                      return [key, eTag === undefined ? { n: op.n } : { n: op.n, eTag }];
                    }),
                  );
                  const outcome = await subject.storage.write(changes).then(() => 'ok', () => 'conflict');
                  traces[index]!.push(outcome);
                } else {
                  await subject.storage.delete(opKeys);
                }
                const items = await subject.storage.read(keys);
                for (const [key, item] of Object.entries(items)) {
                  const seen = subject.seen.get(key) ?? [];
                  if (seen.at(-1) !== item.eTag) {
                    subject.seen.set(key, [...seen, item.eTag]);
                  }
                }
                traces[index]!.push(withoutETag(items));
              }
            }
            expect(traces[1]).toEqual(traces[0]);
          }),
          { numRuns: dialect === 'sqlite' ? 60 : 25 },
        );
      });
    });

    describe('when two bot instances write one item with the same stale eTag at once', () => {
      it('lets exactly one of them win', async () => {
        const otherInstance = await database.open();
        const otherStorage = new SqlStorage(new StateStore(otherInstance.db));
        await storage.write({ shared: { owner: 'nobody' } });
        const read = (await storage.read(['shared'])).shared;

        const outcomes = await Promise.allSettled([
          storage.write({ shared: { ...read, owner: 'instance-1' } }),
          otherStorage.write({ shared: { ...read, owner: 'instance-2' } }),
        ]);

        const winners = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [`instance-${index + 1}`] : []));
        expect(winners).toHaveLength(1);
        expect((await otherStorage.read(['shared'])).shared.owner).toBe(winners[0]);
        await otherInstance.close();
      });
    });

    describe('when a waterfall dialog keeps its state in it (StorageBaseTests.proceedsThroughWaterfall)', () => {
      it('carries the dialog through every turn', async () => {
        const conversationState = new ConversationState(storage);
        const dialogs = new DialogSet(conversationState.createProperty('dialogState'));
        dialogs.add(
          new TextPrompt('textPrompt', async (prompt) => {
            if (prompt.recognized.value && prompt.recognized.value.length > 3) {
              await prompt.context.sendActivity(`Klart efter ${prompt.attemptCount} försök.`);
              return true;
            }
            await prompt.context.sendActivity(`Skriv minst fyra tecken. ${prompt.attemptCount}`);
            return false;
          }),
        );
        dialogs.add(
          new WaterfallDialog('waterfall', [
            async (step) => {
              await step.context.sendActivity('steg 1');
              return Dialog.EndOfTurn;
            },
            async (step) => step.prompt('textPrompt', { prompt: 'Vad heter skolan?' }),
            async (step) => {
              await step.context.sendActivity('steg 3');
              return Dialog.EndOfTurn;
            },
          ]),
        );
        const adapter = new TestAdapter(async (context) => {
          const dialogContext = await dialogs.createContext(context);
          await dialogContext.continueDialog();
          if (!context.responded) {
            await dialogContext.beginDialog('waterfall');
          }
        }).use(new AutoSaveStateMiddleware(conversationState));

        await adapter
          .send('hej')
          .assertReply('steg 1')
          .send('hej')
          .assertReply('Vad heter skolan?')
          .send('ab')
          .assertReply('Skriv minst fyra tecken. 1')
          .send('abc')
          .assertReply('Skriv minst fyra tecken. 2')
          .send('Solen')
          .assertReply('Klart efter 3 försök.')
          .assertReply('steg 3')
          .startTest();
      });
    });

    describe('when the bot restarts', () => {
      it('continues the conversation from the state saved before the restart', async () => {
        const before = await database.open();
        await turnCountingAdapter(new SqlStorage(new StateStore(before.db)))
          .send('hej')
          .assertReply('tur 1')
          .send('hej igen')
          .assertReply('tur 2')
          .startTest();
        await before.close();

        const after = await database.open();
        await turnCountingAdapter(new SqlStorage(new StateStore(after.db)))
          .send('är du kvar?')
          .assertReply('tur 3')
          .startTest();
        await after.close();
      });
    });
  });
});
