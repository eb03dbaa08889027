import type { TurnContext } from 'botbuilder';
import type { Area, Contacts } from '../municipality/contacts.js';
import { ADDED_ALERT_CHANNELS } from './channel-reference-capture.js';
import { minutesText } from './escalation-service.js';

interface TeamsChannelData {
  readonly team?: { readonly id?: string };
  readonly channel?: { readonly id?: string };
}

/** What the alert channels are and how long an alert may wait before it is reminded. */
export interface AlertChannelNoteOptions {
  readonly channels: Readonly<Record<Area, string>>;
  readonly contacts: Contacts;
  readonly unclaimedMinutes: number;
}

/**
 * When the bot is added to a mottagningssektion's team, the staff welcome and the akut menu do not
 * belong there: the section gets a short note on what alerts will appear and how to take one.
 * Returns undefined for any other conversation (then the ordinary welcome is sent).
 */
export function alertChannelNote(context: TurnContext, options: AlertChannelNoteOptions): string | undefined {
  const { activity } = context;
  const channelData = (activity.channelData ?? {}) as TeamsChannelData;
  const found = (context.turnState.get(ADDED_ALERT_CHANNELS) as readonly string[] | undefined) ?? [];
  const ids = new Set([channelData.channel?.id, channelData.team?.id, activity.conversation?.id?.split(';')[0], ...found].filter(Boolean));
  const area = Object.entries(options.channels).find(([, channelId]) => ids.has(channelId))?.[0];
  if (area === undefined) return undefined;
  const section = options.contacts.mottagningssektioner.find((candidate) => candidate.area === area);
  const sectionName = section?.name ?? 'mottagningssektionen';
  return [
    `Hej! Jag är **Samverkansboten**. I ${sectionName}s larmkanal visar jag akuta larm: när personal i en förskola eller skola har akut oro för ett barn och behöver bli uppringd av er.`,
    [
      '- Larmet visar förskolan/skolan, vem som vill bli uppringd och när – aldrig något om barnet.',
      `- Tryck **Jag tar det** på kortet när du ringer upp. Bara socialsekreterare på ${sectionName} kan ta larmet, och den som larmade får veta vem som ringer.`,
      `- Har ingen tagit larmet efter ${minutesText(options.unclaimedMinutes)} påminner jag här, och den som larmade får rådet att ringa er – eller socialjouren när ni har stängt.`,
    ].join('\n'),
    'Personalens meny och frågor hör inte hemma här; de når mig i en personlig chatt.',
  ].join('\n\n');
}
