import type { TurnContext } from 'botbuilder';
import type { CloseCallbackReason, CloseCallbackResult } from './ports.js';
import type { RoutineDependencies } from './routine-dependencies.js';

/** Which alert to close: the one on the pressed button, or (typed) the requester's latest open one. */
export interface AlertCloseRequest {
  readonly escalationId?: string;
  readonly reason: CloseCallbackReason;
}

/**
 * The requester's "det är löst" or "återkalla", by button or typed: closes their own alert through the
 * escalation port (the channel card shows it, reminders stop) and answers in calm Swedish.
 */
export async function closeAlert(context: TurnContext, deps: RoutineDependencies, request: AlertCloseRequest): Promise<void> {
  const result = await deps.escalation
    .closeCallback({ requesterId: context.activity.from.id, reason: request.reason, ...(request.escalationId ? { escalationId: request.escalationId } : {}) })
    .catch((error: unknown) => {
      deps.events?.portFailed('ESCALATION_CLOSE_FAILED', error);
      return undefined;
    });
  await context.sendActivity(closeReply(request.reason, result));
}

function closeReply(reason: CloseCallbackReason, result: CloseCallbackResult | undefined): string {
  if (result === undefined) {
    return 'Jag kunde inte avsluta larmet just nu. Försök igen om en stund, eller ring mottagningssektionen och säg att ingen behöver ringa upp.';
  }
  switch (result.status) {
    case 'none-open':
      return 'Jag hittar inget öppet larm från dig, så det finns inget att avsluta.';
    case 'already-closed':
      return 'Larmet är redan avslutat, så det finns inget mer att göra här.';
    case 'closed': {
      const taker = result.takenBy ? ` ${result.takenBy}, som hade tagit larmet, får veta det i Teams.` : '';
      return reason === 'resolved'
        ? `Jag har meddelat ${result.sectionName} att det är löst, så ingen ringer upp dig för det här larmet.${taker}`
        : `Larmet är återkallat. ${result.sectionName} ser det i Teams, så ingen ringer upp dig för det.${taker}\n\n` +
            'Finns oron för barnet kvar gäller anmälningsplikten ändå: anmäl den till socialtjänsten.';
    }
  }
}
