import { ActivityTypes, TurnContext } from './botbuilder-runtime.js';
import { parseCardAction, type CardAction, type MenuRoutine } from './card-actions.js';

/** What the user did this turn: pressed a card button, typed text, or sent something else. */
export type TurnInput =
  | { readonly kind: 'card'; readonly action: CardAction }
  | { readonly kind: 'odd-card' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'empty' };

/**
 * Reads the turn: a card submit (`activity.value`) wins over text; text has the bot's @mention
 * removed (the privacy middleware already did so in the bot; this keeps dialogs independent of it).
 */
export function readTurnInput(context: TurnContext): TurnInput {
  const { activity } = context;
  if (activity.type !== ActivityTypes.Message) return { kind: 'empty' };
  if (activity.value !== undefined && activity.value !== null) {
    const action = parseCardAction(activity.value);
    return action ? { kind: 'card', action } : { kind: 'odd-card' };
  }
  const text = (activity.recipient ? TurnContext.removeRecipientMention({ ...activity }) : activity.text) ?? '';
  const trimmed = text.trim();
  return trimmed === '' ? { kind: 'empty' } : { kind: 'text', text: trimmed };
}

const CANCEL = /^(avbryt|avbryt det|avsluta|stopp|stop|sluta|cancel|glöm det|ångra|ångra mig|ångrar mig|jag ångrar mig|nej ångra|undo)[\s.!]*$/iu;
const MENU = /^(hjälp|hjalp|help|meny|menyn|start|börja om|hej|hallå)[\s.!?]*$/iu;
const CHANGE_SCHOOL = /^(byt|ändra|välj)\s+(skola|förskola|min skola)[\s.!]*$/iu;

/** True for "avbryt", "ångra" and their everyday synonyms. */
export function isCancelRequest(text: string): boolean {
  return CANCEL.test(text);
}

/** True for "hjälp", "meny" and a bare greeting: the user wants to see what the bot can do. */
export function isMenuRequest(text: string): boolean {
  return MENU.test(text);
}

/** True for "byt skola". */
export function isChangeSchoolRequest(text: string): boolean {
  return CHANGE_SCHOOL.test(text);
}

const ALERT_RESOLVED = /^(det är löst|det är löst nu|det har löst sig|larmet är löst)[\s.!]*$/iu;
const ALERT_WITHDRAWN = /^(återkalla|återkalla larmet|ta tillbaka larmet|dra tillbaka larmet)[\s.!]*$/iu;

/** "det är löst" (resolved) or "återkalla" (withdrawn): the requester closing their akut alert; undefined otherwise. */
export function alertCloseRequestIn(text: string): 'resolved' | 'withdrawn' | undefined {
  if (ALERT_RESOLVED.test(text)) return 'resolved';
  if (ALERT_WITHDRAWN.test(text)) return 'withdrawn';
  return undefined;
}

const ROUTINE_NAMES: readonly [RegExp, MenuRoutine][] = [
  [/^(anonym\s+)?konsultation[\s.!]*$/iu, 'konsultation'],
  [/^(orosanmälan|göra en orosanmälan|anmälan)( steg för steg)?[\s.!]*$/iu, 'orosanmalan'],
  [/^akut( oro)?[\s.!]*$/iu, 'akut-oro'],
  [/^(vem ringer jag( nu)?|telefontider( och nummer)?)[\s.!?]*$/iu, 'vem-ringer'],
];

/** A menu choice typed as text ("orosanmälan", "akut"), or undefined. */
export function routineNamedIn(text: string): MenuRoutine | undefined {
  return ROUTINE_NAMES.find(([pattern]) => pattern.test(text))?.[1];
}
