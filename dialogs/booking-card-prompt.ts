import type { Activity, TurnContext } from 'botbuilder';
import { ActivityTypes } from './botbuilder-runtime.js';
import type { PromptOptions, PromptRecognizerResult } from 'botbuilder-dialogs';
import { Prompt } from './dialog-classes.js';
import { parseBookingCardAction, type BookingCardAction, type BookingCardActionName } from './booking-card-actions.js';

/** Options of a booking card question; kept in dialog state, so plain JSON only. */
export interface BookingCardPromptOptions extends PromptOptions {
  /** The card actions that answer the question. */
  readonly expect: readonly BookingCardActionName[];
}

/**
 * Waits for one of the card's own buttons. Typed text, another card's button or a malformed submit
 * shows the retry prompt (the text is never read or kept); the routine's question stays open.
 */
export class BookingCardPrompt extends Prompt<BookingCardAction> {
  constructor(dialogId: string) {
    super(dialogId);
  }

  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity);
  }

  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<BookingCardAction>> {
    const { expect } = options as BookingCardPromptOptions;
    if (context.activity.type !== ActivityTypes.Message) return { succeeded: false };
    const action = parseBookingCardAction(context.activity.value);
    return action && expect.includes(action.action) ? { succeeded: true, value: action } : { succeeded: false };
  }
}

/** The options of a card question: the card, the short text shown when something else arrives, and the actions that answer it. */
export function cardQuestion(prompt: Partial<Activity>, retryText: string, expect: readonly BookingCardActionName[]): BookingCardPromptOptions {
  return { prompt, retryPrompt: { type: 'message', text: retryText }, expect };
}
