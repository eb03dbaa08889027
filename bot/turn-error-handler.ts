import type { TurnContext } from 'botbuilder';
import type { Contacts } from '../municipality/contacts.js';
import type { Logger } from '../observability/logger.js';

/** The one place a failed turn becomes a log line with a code and a calm Swedish message. */
export function createTurnErrorHandler(logger: Logger, contacts: Contacts) {
  const numbers = contacts.mottagningssektioner.map((s) => `${s.name} ${s.phone}`).join(', ');
  const userText = [
    'Något gick fel hos mig, så jag kunde inte svara just nu. Inget av det du skrev har sparats.',
    `Försök igen om en stund. Brådskar det, ring mottagningssektionen (${numbers}) eller, utanför telefontid, ${contacts.socialjouren.name} ${contacts.socialjouren.phones[0]}.`,
  ].join('\n\n');

  return async (context: TurnContext, error: Error): Promise<void> => {
    const code = (error as { code?: unknown }).code;
    logger.error(
      {
        code: typeof code === 'string' ? code : 'TURN_FAILED',
        errorName: error.name,
        stack: error.stack?.split('\n').slice(1, 6).join('\n'),
        activityType: context.activity.type,
        activityId: context.activity.id,
      },
      'turn failed',
    );
    try {
      await context.sendActivity(userText);
    } catch (sendError) {
      logger.error({ code: 'TURN_ERROR_REPLY_FAILED', errorName: (sendError as Error).name }, 'could not tell the user about a failed turn');
    }
  };
}
