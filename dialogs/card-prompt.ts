import type { TurnContext } from 'botbuilder';
import type { DialogState, PromptOptions, PromptRecognizerResult, PromptValidator } from 'botbuilder-dialogs';
import { Prompt } from './dialog-classes.js';
import type { CardAction, CardActionName } from './card-actions.js';
import { readTurnInput } from './turn-input.js';

/**
 * Options of a card question. Kept in dialog state, so plain JSON only: the card to show, the
 * card action that answers it, and typed words that count as pressing a button ("ja", "nästa").
 */
export interface CardPromptOptions extends PromptOptions {
  readonly expect: { readonly action: CardActionName; readonly step?: string };
  readonly textAnswers?: readonly { readonly pattern: string; readonly action: CardAction }[];
  /** The question as the user saw it ("2 av 4: Vad gäller oron?"), so a refused answer can name what to answer again. */
  readonly question?: string;
}

/** The answer to a card question: the button pressed, or the fact that free text was typed (never the text). */
export type CardPromptAnswer = { readonly kind: 'card'; readonly action: CardAction } | { readonly kind: 'text' };

/**
 * Waits for the card's own button (or typed words that mean it). Free text is recognized as
 * `{ kind: 'text' }` and the owning dialog's validator decides what it means there.
 */
export class CardPrompt extends Prompt<CardPromptAnswer> {
  constructor(dialogId: string, validator?: PromptValidator<CardPromptAnswer>) {
    super(dialogId, validator);
  }

  protected override async onPrompt(context: TurnContext, _state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    const activity = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (activity) await context.sendActivity(activity);
  }

  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<CardPromptAnswer>> {
    const { expect, textAnswers = [] } = options as CardPromptOptions;
    const input = readTurnInput(context);
    if (input.kind === 'card') {
      const step = (input.action as { step?: string }).step;
      const matches = input.action.action === expect.action && (expect.step === undefined || step === expect.step);
      return matches ? { succeeded: true, value: { kind: 'card', action: input.action } } : { succeeded: false };
    }
    if (input.kind === 'text') {
      const typed = textAnswers.find((answer) => new RegExp(answer.pattern, 'iu').test(input.text));
      return { succeeded: true, value: typed ? { kind: 'card', action: typed.action } : { kind: 'text' } };
    }
    return { succeeded: false };
  }
}

/**
 * The card question the conversation waits for, as the user saw it ("2 av 4: Vad gäller oron?"), read
 * from the saved dialog state (the innermost active dialog); undefined when no named question waits.
 * Lets a turn refused before the dialogs run still say which question to answer again.
 */
export function pendingQuestionIn(dialogState: unknown): string | undefined {
  let stack = (dialogState as DialogState | undefined)?.dialogStack;
  while (stack && stack.length > 0) {
    const active = stack[stack.length - 1]!;
    const state = (active.state ?? {}) as { dialogs?: DialogState; options?: Partial<CardPromptOptions> };
    if (state.dialogs?.dialogStack?.length) {
      stack = state.dialogs.dialogStack;
      continue;
    }
    return typeof state.options?.question === 'string' ? state.options.question : undefined;
  }
  return undefined;
}
