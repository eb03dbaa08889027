import type { Activity } from 'botbuilder';
import { fillPlaceholders, type RoutineTexts } from '../../municipality/routine-texts.js';
import { adaptiveCard, cardActivity, openUrlAction, paragraph } from './adaptive-card.js';

/** The routines done only in the personal chat: in a channel everyone would read what a colleague picked. */
export type PersonalChatRoutine = 'konsultation' | 'orosanmalan';

/** What to type in the personal chat to start each (dialogs/typed-commands.ts). */
const COMMAND: Readonly<Record<PersonalChatRoutine, string>> = { konsultation: 'anonym konsultation', orosanmalan: 'orosanmälan' };

/**
 * The answer in a team channel or group chat to starting the consultation or the orosanmälan: why not here,
 * a button that opens the personal chat when its link is known (else how to find the bot), and that akut oro works here.
 */
export function personalChatRedirectActivity(routine: PersonalChatRoutine, routines: RoutineTexts, personalChatUrl?: string): Partial<Activity> {
  const texts = routines.personalChat;
  const title = routine === 'konsultation' ? routines.konsultation.title : routines.orosanmalan.title;
  const redirect = fillPlaceholders(texts.redirect, { rutin: title });
  const command = { kommando: COMMAND[routine] };
  if (!personalChatUrl) return { type: 'message', text: [redirect, fillPlaceholders(texts.withoutLink, command), texts.akut].join('\n\n') };
  const card = adaptiveCard(
    [paragraph(redirect), paragraph(fillPlaceholders(texts.withLink, command), { spacing: 'Small' }), paragraph(texts.akut, { subtle: true, spacing: 'Medium' })],
    [openUrlAction(texts.button, personalChatUrl)],
  );
  return cardActivity(card);
}
