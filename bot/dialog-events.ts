import type { DialogEvents } from '../dialogs/ports.js';
import type { Logger } from '../observability/logger.js';

/** The dialogs' events as log lines: codes, routine names and entry ids — never what the user wrote. */
export function loggedDialogEvents(logger: Logger): DialogEvents {
  return {
    routineStarted: (routine) => logger.info({ code: 'ROUTINE_STARTED', routine }, 'routine started'),
    routineRedirected: (routine) => logger.info({ code: 'ROUTINE_REDIRECTED_TO_PERSONAL_CHAT', routine }, 'routine not started in a shared conversation'),
    questionAnswered: (outcome) => logger.info({ code: 'QUESTION_ANSWERED', ...outcome }, 'question answered'),
    portFailed: (code, error) => logger.error({ code, errorName: error instanceof Error ? error.name : 'unknown' }, 'a port failed; the user was told what to do instead'),
  };
}
