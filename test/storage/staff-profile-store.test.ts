import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../storage/index.js';
import { StaffProfileStore } from '../../storage/staff-profile-store.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

describe('StaffProfileStore', () => {
  describe.each(testDialects)('on %s', (dialect) => {
    let database: TestDatabase;
    let handle: DatabaseHandle;
    let store: StaffProfileStore;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      handle = await database.open();
      store = new StaffProfileStore(handle.db);
    });

    afterAll(async () => {
      await database.dispose();
    });

    describe('when the user never chose a school', () => {
      it('knows none', async () => {
        expect(await store.schoolOf('user-without-school')).toBeUndefined();
      });
    });

    describe('when the user chooses a school and later another', () => {
      it('keeps the latest choice', async () => {
        await store.rememberSchool('user-1', 'hallundaskolan');
        await store.rememberSchool('user-1', 'broangsskolan');

        expect(await store.schoolOf('user-1')).toBe('broangsskolan');
      });
    });
  });
});
