import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../storage/index.js';
import { ConversationReferenceStore, channelReferenceKey, userReferenceKey } from '../../storage/conversation-reference-store.js';
import { StoredJsonCorruptError } from '../../storage/stored-json.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

const channelReference = {
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversation: { id: '19:norr@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
  bot: { id: '28:bot', name: 'Samverkansboten' },
};

describe('ConversationReferenceStore', () => {
  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let store: ConversationReferenceStore;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      handle = await database.open();
      store = new ConversationReferenceStore(handle.db);
    });

    afterAll(async () => {
      await database.dispose();
    });

    describe('when nothing is stored under a key', () => {
      it('returns undefined', async () => {
        expect(await store.get(channelReferenceKey('19:unknown@thread.tacv2'))).toBeUndefined();
      });
    });

    describe('when a reference is saved', () => {
      it('reads it back as it was saved', async () => {
        await store.save(channelReferenceKey('19:norr@thread.tacv2'), channelReference);

        expect(await store.get('channel:19:norr@thread.tacv2')).toEqual(channelReference);
      });

      it('replaces an older reference under the same key', async () => {
        const key = userReferenceKey('29:leila');
        await store.save(key, { ...channelReference, conversation: { id: 'a:old' } });
        await store.save(key, { ...channelReference, conversation: { id: 'a:new' } });

        expect((await store.get(key))?.conversation).toEqual({ id: 'a:new' });
      });
    });

    describe('when a reference is deleted', () => {
      it('is gone, and deleting it again does nothing', async () => {
        const key = channelReferenceKey('19:removed@thread.tacv2');
        await store.save(key, channelReference);

        await store.delete(key);
        await store.delete(key);

        expect(await store.get(key)).toBeUndefined();
      });
    });

    describe('when the stored text is damaged', () => {
      it('throws a coded error that does not quote the text', async () => {
        await sql`insert into conversation_references (key, reference, updated_at) values ('user:broken', 'not json at all', '2025-01-01T00:00:00.000Z')`.execute(handle.db);

        const error = await store.get('user:broken').catch((caught: unknown) => caught);

        expect(error).toBeInstanceOf(StoredJsonCorruptError);
        expect((error as StoredJsonCorruptError).code).toBe('STORED_JSON_CORRUPT');
        expect((error as Error).message).not.toContain('not json at all');
      });
    });
  });
});
