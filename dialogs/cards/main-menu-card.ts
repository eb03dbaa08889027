import type { Activity } from 'botbuilder';
import type { TypedCommand } from '../typed-commands.js';
import { adaptiveCard, buttonStack, cardActivity, heading, paragraph, subheading, submitAction, type AdaptiveCard } from './adaptive-card.js';

/** The main menu: ask a question, anonymous consultation, orosanmälan, akut oro, and whom to call; with "hjälp", also what one can type. */
export function mainMenuCard(commands: readonly TypedCommand[] = []): AdaptiveCard {
  return adaptiveCard([
    heading('Vad vill du göra?'),
    paragraph('Skriv aldrig ett barns namn, personnummer eller annat som pekar ut barnet – beskriv i stället, till exempel ”en flicka i årskurs 3”.', { subtle: true }),
    ...buttonStack([
      submitAction('Akut oro – vem ringer jag nu?', { action: 'menu', routine: 'akut-oro' }, { style: 'destructive' }),
      submitAction('Ställ en fråga', { action: 'menu', routine: 'fraga' }),
      submitAction('Anonym konsultation', { action: 'menu', routine: 'konsultation' }),
      submitAction('Orosanmälan steg för steg', { action: 'menu', routine: 'orosanmalan' }),
      submitAction('Telefontider och nummer', { action: 'menu', routine: 'vem-ringer' }),
      submitAction('Tider och bokningar', { action: 'booking.start', flow: 'meny' }),
    ]),
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

/** The answer to "hjälp": the main menu and the words one can type here. */
export function helpActivity(commands: readonly TypedCommand[]): Partial<Activity> {
  return cardActivity(mainMenuCard(commands));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The main menu as a message. */
export function mainMenuActivity(text?: string): Partial<Activity> {
  return cardActivity(mainMenuCard(), text);
}

/** The welcome when the bot is added: the pack's greeting (routines.yaml, `welcome`) and the main menu. */
export function welcomeActivity(greeting: string): Partial<Activity> {
  return mainMenuActivity(greeting);
}
