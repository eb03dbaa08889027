import { TurnContext, TestAdapter, type Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConversationBusyError, ConversationTurns } from '../../bot/conversation-turns.js';
import { SqlStorage } from '../../bot/sql-storage.js';
import { VersionedConversationState } from '../../bot/versioned-conversation-state.js';
import { StateStore, StateEtagConflictError, type DatabaseHandle } from '../../storage/index.js';
import { TurnLeaseStore } from '../../storage/turn-lease-store.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

/** One bot instance as far as state goes: its own connection pool, state and turn serialiser. */
function instance(handle: DatabaseHandle, serialised: boolean) {
  const state = new VersionedConversationState(new SqlStorage(new StateStore(handle.db)));
  const counter = state.createProperty<number>('counter');
  const turns = new ConversationTurns(new TurnLeaseStore(handle.db));
  const adapter = new TestAdapter();
  return async function countOne(conversationId: string): Promise<void> {
    const context = new TurnContext(adapter, { type: 'message', channelId: 'msteams', conversation: { id: conversationId }, text: '+1' } as Activity);
    const turn = async () => {
      const value = await counter.get(context, 0);
      // Let the other instance's turn of the same conversation run meanwhile, as real I/O would.
      await new Promise((resolve) => setTimeout(resolve, 2));
      await counter.set(context, value + 1);
      await state.saveChanges(context);
    };
    if (serialised) await turns.run(`msteams/${conversationId}`, turn);
    else await turn();
  };
}

async function storedCount(handle: DatabaseHandle, conversationId: string): Promise<number | undefined> {
  const entries = await new StateStore(handle.db).readMany([`msteams/conversations/${conversationId}/`]);
  return (entries.get(`msteams/conversations/${conversationId}/`)?.value as { counter?: number } | undefined)?.counter;
}

describe.each(testDialects)('conversation turns on two instances (%s)', (dialect) => {
  let database: TestDatabase;
  let first: DatabaseHandle;
  let second: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    first = await database.open();
    second = await database.open();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  describe('when many turns of one conversation run at once on both instances', () => {
    it('runs them one at a time and loses no update', async () => {
      const a = instance(first, true);
      const b = instance(second, true);

      await Promise.all(Array.from({ length: 30 }, (_, index) => (index % 2 === 0 ? a : b)('c-serialised')));

      expect(await storedCount(first, 'c-serialised')).toBe(30);
    });
  });

  describe('when another instance holds the conversation', () => {
    it('runs a turn that writes nothing at once, and makes a turn that writes wait for the lease', async () => {
      const key = 'msteams/c-held';
      expect(await new TurnLeaseStore(second.db).tryAcquire(key, 'the-other-instance', 60_000)).toBe(true);
      const turns = new ConversationTurns(new TurnLeaseStore(first.db), { waitMs: 300 });

      await expect(turns.run(key, async () => 'answered', { writesNothing: async () => true })).resolves.toBe('answered');
      await expect(turns.run(key, async () => 'answered', { writesNothing: async () => false })).rejects.toBeInstanceOf(ConversationBusyError);
      await expect(turns.run(key, async () => 'answered')).rejects.toBeInstanceOf(ConversationBusyError);
    });
  });

  describe('when turns are not serialised', () => {
    it('refuses the write that lost a race instead of overwriting the other update', async () => {
      const a = instance(first, false);
      const b = instance(second, false);

      const results = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? a : b)('c-racing')));

      const stored = (await storedCount(first, 'c-racing')) ?? 0;
      const failed = results.filter((result) => result.status === 'rejected');
      expect(failed.length).toBeGreaterThan(0);
      for (const failure of failed) expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(StateEtagConflictError);
      // Every write that was accepted built on the one before it.
      expect(stored).toBe(results.length - failed.length);
    });
  });
});
