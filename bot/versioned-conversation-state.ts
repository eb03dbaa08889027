import type { TurnContext } from 'botbuilder';
import { savedSchoolRead, staffIdOf } from '../dialogs/school-dialog.js';
import { ConversationState } from './botbuilder-edge.js';
import { CREATE_ONLY_ETAG, type SqlStorage } from './sql-storage.js';

/**
 * Conversation state written with real optimistic concurrency. botbuilder's `BotState.saveChanges`
 * writes with eTag `'*'` (last writer wins), so the storage's compare-and-swap would never be used;
 * here the write compares with the eTag the turn read, and a conversation nobody had written yet is
 * only created if it still holds nothing. A write that lost a race rejects with STATE_ETAG_CONFLICT
 * instead of silently dropping the other instance's update.
 *
 * Reading the state also reads the asker's saved school, in the same statement (see
 * `SqlStorage.readSchoolAlong`), and leaves it in the turn for the dialogs.
 */
export class VersionedConversationState extends ConversationState {
  constructor(private readonly sqlStorage: SqlStorage) {
    super(sqlStorage);
  }

  override async load(context: TurnContext, force = false): Promise<unknown> {
    const key = this.getStorageKey(context);
    const from = context.activity?.from;
    if (!key || !from?.id) return super.load(context, force);
    const userId = staffIdOf(context);
    const along = this.sqlStorage.readSchoolAlong(key, userId);
    try {
      return await super.load(context, force);
    } finally {
      this.sqlStorage.endSchoolAlong(along);
      if (along.read) savedSchoolRead(context, userId, along.schoolKey);
    }
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const state = this.get(context) as { eTag?: unknown } | undefined;
    const key = this.getStorageKey(context);
    if (!state || !key) return super.saveChanges(context, force);
    const readETag = typeof state.eTag === 'string' && state.eTag !== '*' ? state.eTag : CREATE_ONLY_ETAG;
    this.sqlStorage.expectETag(key, readETag);
    try {
      await super.saveChanges(context, force);
    } finally {
      const stored = this.sqlStorage.settle(key);
      // A second save in the same turn compares with what this one stored.
      if (stored !== undefined) state.eTag = stored;
    }
  }
}
