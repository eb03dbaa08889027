import type { Activity } from 'botbuilder';
import { isSharedConversation, type ConversationShape } from '../../privacy/index.js';
import type { ConversationScope, TypedCommand } from '../typed-commands.js';
import { adaptiveCard, buttonStack, cardActivity, heading, openUrlAction, paragraph, subheading, submitAction, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** Where the menu is shown: a personal chat, or a channel or group chat with, when known, the link to the personal chat. */
export interface MenuPlace {
  readonly scope: ConversationScope;
  /** Opens the personal chat with the bot (set when the bot's app id is configured). */
  readonly personalChatUrl?: string;
}

const PERSONAL: MenuPlace = { scope: 'personal' };

/** Where a menu sent in reply to this activity is shown; `personalChatUrl` goes with it into a shared conversation. */
export function menuPlaceOf(activity: ConversationShape, personalChatUrl?: string): MenuPlace {
  if (!isSharedConversation(activity)) return PERSONAL;
  return { scope: 'shared', ...(personalChatUrl ? { personalChatUrl } : {}) };
}

/**
 * The main menu: akut oro, ask a question, anonymous consultation, orosanmälan, whom to call and bookings; with "hjälp",
 * also what one can type. In a channel or group chat only what runs there, and the way to the personal chat for the rest.
 */
export function mainMenuCard(place: MenuPlace = PERSONAL, commands: readonly TypedCommand[] = []): AdaptiveCard {
  const shared = place.scope === 'shared';
  return adaptiveCard([
    heading('Vad vill du göra?'),
    paragraph('Skriv aldrig ett barns namn, personnummer eller annat som pekar ut barnet – beskriv i stället, till exempel ”en flicka i årskurs 3”.', { subtle: true }),
    ...buttonStack([
      submitAction('Akut oro – vem ringer jag nu?', { action: 'menu', routine: 'akut-oro' }, { style: 'destructive' }),
      submitAction('Ställ en fråga', { action: 'menu', routine: 'fraga' }),
      ...(shared
        ? [submitAction('Telefontider och nummer', { action: 'menu', routine: 'vem-ringer' })]
        : [
            submitAction('Anonym konsultation', { action: 'menu', routine: 'konsultation' }),
            submitAction('Orosanmälan steg för steg', { action: 'menu', routine: 'orosanmalan' }),
            submitAction('Telefontider och nummer', { action: 'menu', routine: 'vem-ringer' }),
            submitAction('Tider och bokningar', { action: 'booking.start', flow: 'meny' }),
          ]),
    ]),
    ...(shared ? personalChatOffer(place.personalChatUrl) : []),
    paragraph('Är ett barn i omedelbar fara: ring **[112](tel:112)**.', { spacing: 'Medium' }),
    ...(commands.length > 0
      ? [
          subheading('Du kan också skriva'),
          paragraph(commands.map((command) => `- **${command.title}** – ${lowerFirst(command.description)}`).join('\n'), { spacing: 'Small' }),
          paragraph('Allt annat du skriver tolkar jag som en fråga om rutinerna.', { subtle: true, spacing: 'Small' }),
        ]
      : []),
  ]);
}

/** In a channel or group chat: what is done in the personal chat instead, and the button (or the way) there. */
function personalChatOffer(personalChatUrl: string | undefined): CardElement[] {
  const note = 'Anonym konsultation, orosanmälan och bokningar gör du i en personlig chatt med mig – här kan alla läsa det som skrivs.';
  return personalChatUrl
    ? [paragraph(note, { spacing: 'Medium' }), ...buttonStack([openUrlAction('Öppna chatten med mig', personalChatUrl)])]
    : [paragraph(`${note} Du hittar mig under **Chatt** i Teams: sök på **Samverkansboten**.`, { spacing: 'Medium' })];
}

/** The answer to "hjälp": the main menu for this place and the words one can type here. */
export function helpActivity(place: MenuPlace, commands: readonly TypedCommand[]): Partial<Activity> {
  return cardActivity(mainMenuCard(place, commands));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The main menu for this place as a message. */
export function mainMenuActivity(place: MenuPlace, text?: string): Partial<Activity> {
  return cardActivity(mainMenuCard(place), text);
}

/** The welcome when the bot is added: the pack's greeting (routines.yaml, `welcome`) and the main menu for this place. */
export function welcomeActivity(greeting: string, place: MenuPlace = PERSONAL): Partial<Activity> {
  return mainMenuActivity(place, greeting);
}
