import { z } from 'zod';
import { answerActivity } from '../dialogs/answer-activity.js';
import type { AterkopplingReminder, ReminderScheduler } from '../dialogs/ports.js';
import { composeExtractive } from '../knowledge/answerer.js';
import type { KnowledgeBase } from '../knowledge/load-knowledge.js';
import type { ReminderStore } from '../storage/reminder-store.js';
import { parseConversationReference, type ProactiveMessenger } from './proactive-messenger.js';
import { ReminderPayloadInvalidError, type ReminderHandler } from './reminder-worker.js';

/** The reminder kind for "has the school had återkoppling?" on day 14 after a report. */
export const ATERKOPPLING_REMINDER_KIND = 'aterkoppling-day-14';

/** The knowledge entry the day-14 reminder cites: what the school may be told after a report. */
export const ATERKOPPLING_ENTRY_ID = 'aterkoppling-efter-anmalan';

/** The day-14 reminder's payload: where to send it. A conversation reference holds ids, no child data. */
const aterkopplingPayloadSchema = z.object({ conversationReference: z.record(z.string(), z.unknown()) });

/** Thrown at start when the knowledge base lacks the entry a reminder must cite. */
export class ReminderEntryMissingError extends Error {
  readonly code = 'REMINDER_ENTRY_MISSING';
  constructor(readonly entryId: string) {
    super(`The knowledge base has no entry "${entryId}", which the day-14 reminder cites.`);
    this.name = 'ReminderEntryMissingError';
  }
}

/** Stores reminders in the database, where the reminder worker finds them when they fall due. */
export class StoredReminderScheduler implements ReminderScheduler {
  constructor(private readonly reminders: ReminderStore) {}

  /** Stores the day-14 reminder; asking twice for the same user and day stores it once. */
  async scheduleAterkopplingReminder(reminder: AterkopplingReminder): Promise<void> {
    await this.reminders.schedule({
      kind: ATERKOPPLING_REMINDER_KIND,
      dueAt: reminder.dueAt,
      payload: { conversationReference: parseConversationReference(reminder.conversationReference) },
      dedupeKey: `${ATERKOPPLING_REMINDER_KIND}:${reminder.userId}:${reminder.dueAt.toISOString().slice(0, 10)}`,
    });
  }
}

/** Sends the day-14 reminder into the conversation it was asked for in, citing what the school may be told. */
export function aterkopplingReminderHandler(knowledge: KnowledgeBase, messenger: ProactiveMessenger): ReminderHandler {
  const entry = knowledge.byId(ATERKOPPLING_ENTRY_ID);
  if (entry === undefined) throw new ReminderEntryMissingError(ATERKOPPLING_ENTRY_ID);
  const cited = composeExtractive([entry]);
  const activity = answerActivity({
    ...cited,
    text: `Det har gått 14 dagar sedan anmälan. Har skolan fått återkoppling från socialtjänsten? Det här får skolan veta:\n\n${cited.text}`,
  });
  return {
    kind: ATERKOPPLING_REMINDER_KIND,
    async send(reminder) {
      const payload = aterkopplingPayloadSchema.safeParse(reminder.payload);
      if (!payload.success) throw new ReminderPayloadInvalidError(reminder.kind);
      await messenger.send(payload.data.conversationReference, activity);
      return 'sent';
    },
  };
}
