import type { AterkopplingReminder, ReminderScheduler } from '../dialogs/ports.js';

/** Reminders are not stored yet; the orosanmälan dialog then asks the user to note day 14 themselves. */
export class RemindersNotWiredError extends Error {
  readonly code = 'REMINDERS_NOT_WIRED';
  constructor() {
    super('No reminder store is wired into the bot');
    this.name = 'RemindersNotWiredError';
  }
}

/** Stand-in until reminders are stored in the database: refuses, so nobody is promised a reminder that never comes. */
export class UnwiredReminderScheduler implements ReminderScheduler {
  async scheduleAterkopplingReminder(_reminder: AterkopplingReminder): Promise<void> {
    throw new RemindersNotWiredError();
  }
}
