/**
 * What a user can type instead of pressing a button. The one list both "hjälp" and the Teams command
 * menu (appPackage/manifest.json, `commandLists`) are made from; test/app-package checks they agree.
 */

/**
 * Where a command is offered: everywhere, only in the personal chat (the consultation and the orosanmälan, whose
 * answers a channel would read; bookings; the user's own school), or only in "hjälp".
 */
export type CommandReach = 'everywhere' | 'personal' | 'help-only';

/** One command: the words to type, what they do, and where they are offered. */
export interface TypedCommand {
  readonly title: string;
  readonly description: string;
  readonly reach: CommandReach;
}

/** In the order "hjälp" lists them; the Teams menu shows the first ten of each scope (its limit). */
export const TYPED_COMMANDS: readonly TypedCommand[] = [
  { title: 'hjälp', description: 'Visa menyn och vad du kan skriva.', reach: 'everywhere' },
  { title: 'akut oro', description: 'Akut oro för ett barn: vem du ska ringa nu.', reach: 'everywhere' },
  { title: 'anonym konsultation', description: 'Rådgör anonymt om en oro för ett barn.', reach: 'personal' },
  { title: 'orosanmälan', description: 'Steg för steg: så gör du en orosanmälan.', reach: 'personal' },
  { title: 'vem ringer jag', description: 'Telefontider och numret som svarar just nu.', reach: 'everywhere' },
  { title: 'byt skola', description: 'Välj en annan förskola eller skola, så visar jag rätt nummer.', reach: 'personal' },
  { title: 'boka anmälningsmöte', description: 'Rektor: boka ett anmälningsmöte med mottagningssektionen.', reach: 'personal' },
  { title: 'mina bokningar', description: 'Se, flytta eller avboka dina bokade tider.', reach: 'personal' },
  { title: 'lägg upp tider', description: 'Socialsekreterare: lägg upp tider för konsultation och anmälningsmöte.', reach: 'personal' },
  { title: 'avbryt', description: 'Avbryt det du håller på med (eller skriv ångra).', reach: 'everywhere' },
  { title: 'boka konsultation', description: 'Boka en tid för konsultation med mottagningssektionen.', reach: 'help-only' },
  { title: 'mina tider', description: 'Socialsekreterare: se dina upplagda tider och vem som bokat.', reach: 'help-only' },
];

/** Where the user is writing: the personal chat, or a channel or group chat shared with others. */
export type ConversationScope = 'personal' | 'shared';

/** What "hjälp" lists in this scope: every command but "hjälp" itself; the personal-chat ones only there. */
export function commandsFor(scope: ConversationScope): TypedCommand[] {
  return TYPED_COMMANDS.filter((command) => command.title !== 'hjälp')
    .filter((command) => command.reach !== 'personal' || scope === 'personal')
    .filter((command) => scope === 'personal' || command.reach !== 'help-only');
}

/** The manifest's command lists as the Teams schema wants them: at most ten commands, title and description. */
export function manifestCommandLists(): { scopes: string[]; commands: { title: string; description: string }[] }[] {
  const menu = (commands: readonly TypedCommand[]) => commands.slice(0, 10).map(({ title, description }) => ({ title, description }));
  return [
    { scopes: ['personal'], commands: menu(TYPED_COMMANDS.filter((command) => command.reach !== 'help-only')) },
    { scopes: ['team', 'groupChat'], commands: menu(TYPED_COMMANDS.filter((command) => command.reach === 'everywhere')) },
  ];
}
