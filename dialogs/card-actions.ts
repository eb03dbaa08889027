import { z } from 'zod';
import { AGE_GROUPS, CONCERNS, DURATIONS, SCHOOL_ACTIONS } from '../municipality/consultation-questions.js';
import { bookingCardActionVariants, isBookingStarterAction } from './booking-card-actions.js';

/** What the main menu can start. */
export const MENU_ROUTINES = ['fraga', 'konsultation', 'orosanmalan', 'akut-oro', 'vem-ringer', 'skola'] as const;
/** One main-menu choice. */
export type MenuRoutine = (typeof MENU_ROUTINES)[number];

/** The steps of the orosanmälan walk-through that end with a "next" button. */
export const OROSANMALAN_STEPS = ['anmalningsskyldighet', 'skriftlig-anmalan', 'anmalningsmote'] as const;
/** One orosanmälan step. */
export type OrosanmalanStep = (typeof OROSANMALAN_STEPS)[number];

/** An Input.ChoiceSet with isMultiSelect sends "a,b,c"; an empty string means nothing was ticked. */
const multiChoice = z
  .string()
  .max(200)
  .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.enum(SCHOOL_ACTIONS)).min(1).max(SCHOOL_ACTIONS.length));

/** Every card submit the bot accepts, told apart by `action`. Unknown keys (e.g. `msteams`) are dropped. */
export const cardActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('menu'), routine: z.enum(MENU_ROUTINES) }),
  z.object({ action: z.literal('consultation.ageGroup'), choice: z.enum(AGE_GROUPS) }),
  z.object({ action: z.literal('consultation.concern'), choice: z.enum(CONCERNS) }),
  z.object({ action: z.literal('consultation.duration'), choice: z.enum(DURATIONS) }),
  // `school` comes with the answer when the card also asked the user's school (asked once, then remembered).
  z.object({ action: z.literal('consultation.schoolActions'), choices: multiChoice, school: z.string().trim().min(1).max(100).optional() }),
  z.object({ action: z.literal('school.choose'), school: z.string().trim().min(1).max(100) }),
  // `school` comes with the press when the alert card also asked the user's school.
  z.object({ action: z.literal('akut.escalate'), school: z.string().trim().min(1).max(100).optional() }),
  // The requester's "Det är löst" / "Återkalla larmet" on the confirmation of an alert. The id is re-checked by the store.
  z.object({ action: z.literal('akut.close'), escalationId: z.string().regex(/^[a-z]{10,64}$/), reason: z.enum(['resolved', 'withdrawn']) }),
  z.object({ action: z.literal('orosanmalan.acute'), acute: z.boolean() }),
  // `book` on the anmälningsmöte step: book the meeting now, then go on to the last step.
  z.object({ action: z.literal('orosanmalan.next'), step: z.enum(OROSANMALAN_STEPS), book: z.literal(true).optional() }),
  z.object({ action: z.literal('orosanmalan.reminder'), want: z.boolean() }),
  // Availability and booking (booking-card-actions.ts).
  ...bookingCardActionVariants,
]);

/** A validated card submit. */
export type CardAction = z.infer<typeof cardActionSchema>;
/** The name of a card action. */
export type CardActionName = CardAction['action'];
/** What a card button sends before Teams adds input values: the action without the inputs it collects. */
export type CardActionData = Exclude<CardAction, { action: 'consultation.schoolActions' | 'school.choose' | 'availability.post' | 'booking.confirm' }>;

/**
 * Reads `activity.value` from a card submit. Returns undefined for anything the bot did not send
 * (an old card, a changed card, a forged payload), so the caller can answer calmly instead of failing.
 * Teams may deliver a messageBack value as a JSON string; that is parsed first.
 */
export function parseCardAction(value: unknown): CardAction | undefined {
  let candidate = value;
  if (typeof value === 'string') {
    try {
      candidate = JSON.parse(value) as unknown;
    } catch {
      return undefined; // not JSON: not one of ours
    }
  }
  const parsed = cardActionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** Actions that start something from anywhere, even in the middle of another routine. */
export function isStarterAction(action: CardAction): boolean {
  return action.action === 'menu' || action.action === 'akut.escalate' || action.action === 'akut.close' || isBookingStarterAction(action);
}
