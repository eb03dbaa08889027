import { z } from 'zod';
import { answerActivity } from '../dialogs/answer-activity.js';
import type { AterkopplingReminder, ReminderScheduler } from '../dialogs/ports.js';
import { composeExtractive } from '../knowledge/answerer.js';
import type { KnowledgeBase } from '../knowledge/load-knowledge.js';
import { formatCalendarDate, wallClockIn } from '../scheduling/clock.js';
import { calendarDateText, SWEDISH_TIMEZONE } from '../scheduling/swedish-time.js';
import type { ReminderStore } from '../storage/reminder-store.js';
import { parseConversationReference, type ProactiveMessenger } from './proactive-messenger.js';
import { ReminderPayloadInvalidError, type ReminderHandler } from './reminder-worker.js';

/** The reminder kind for "has the school had återkoppling?" on day 14 after a report. */
export const ATERKOPPLING_REMINDER_KIND = 'aterkoppling-day-14';

/** The knowledge entry the day-14 reminder cites: what the school may be told after a report. */
export const ATERKOPPLING_ENTRY_ID = 'aterkoppling-efter-anmalan';

/** The day-14 reminder's payload: where to send it. A conversation reference holds ids, no child data. */
const aterkopplingPayloadSchema = z.object({
  conversationReference: z.record(z.string(), z.unknown()),
  /** Day 14 itself (YYYY-MM-DD), when the reminder moved to the working day before it. */
  deadlineDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

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
      payload: {
        conversationReference: parseConversationReference(reminder.conversationReference),
        ...(reminder.movedFrom ? { deadlineDay: formatCalendarDate(wallClockIn(reminder.movedFrom, SWEDISH_TIMEZONE)) } : {}),
      },
      dedupeKey: `${ATERKOPPLING_REMINDER_KIND}:${reminder.userId}:${reminder.dueAt.toISOString().slice(0, 10)}`,
    });
  }
}

/** Sends the day-14 reminder into the conversation it was asked for in, citing what the school may be told. */
export function aterkopplingReminderHandler(knowledge: KnowledgeBase, messenger: ProactiveMessenger): ReminderHandler {
  const entry = knowledge.byId(ATERKOPPLING_ENTRY_ID);
  if (entry === undefined) throw new ReminderEntryMissingError(ATERKOPPLING_ENTRY_ID);
  const cited = composeExtractive([entry]);
  const question = 'Har skolan fått återkoppling från socialtjänsten? Det här får skolan veta:';
  const onDay14 = answerActivity({ ...cited, text: `Det har gått 14 dagar sedan anmälan. ${question}\n\n${cited.text}` });
  // Day 14 falls on a weekend or holiday: the reminder comes the working day before and says so.
  const beforeDay14 = (deadlineDay: string) => {
    const [year, month, day] = deadlineDay.split('-').map(Number) as [number, number, number];
    const when = calendarDateText({ year, month, day });
    return answerActivity({ ...cited, text: `Dag 14 efter anmälan är ${when}, då ska förhandsbedömningen vara klar. Eftersom det inte är en arbetsdag påminner jag redan nu. ${question}\n\n${cited.text}` });
  };
  return {
    kind: ATERKOPPLING_REMINDER_KIND,
    async send(reminder) {
      const payload = aterkopplingPayloadSchema.safeParse(reminder.payload);
      if (!payload.success) throw new ReminderPayloadInvalidError(reminder.kind);
      const { deadlineDay } = payload.data;
      await messenger.send(payload.data.conversationReference, deadlineDay ? beforeDay14(deadlineDay) : onDay14);
      return 'sent';
    },
  };
}
