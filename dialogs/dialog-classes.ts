import { createRequire } from 'node:module';
import type * as BotbuilderDialogs from 'botbuilder-dialogs';

// botbuilder-dialogs' index loads every prompt and with them the Recognizers-Text suites (number,
// date-time, choice: several MB of JavaScript, globalize and 130 lodash modules) that no dialog of
// ours uses; an ESM import of the index also makes node lex every re-exported file for named
// exports. Requiring the few classes we use from their own files halves the bot's start-up
// beyond the echo floor. The classes are the same objects the index exports (one module cache).
// The package is pinned; its files are botbuilder 4.23's and it is no longer developed upstream.
const require = createRequire(import.meta.url);

/** botbuilder-dialogs' `ComponentDialog`. */
export const { ComponentDialog } = require('botbuilder-dialogs/lib/componentDialog.js') as Pick<typeof BotbuilderDialogs, 'ComponentDialog'>;
/** botbuilder-dialogs' `Dialog` and `DialogTurnStatus`. */
export const { Dialog, DialogTurnStatus } = require('botbuilder-dialogs/lib/dialog.js') as Pick<typeof BotbuilderDialogs, 'Dialog' | 'DialogTurnStatus'>;
/** botbuilder-dialogs' `DialogSet`. */
export const { DialogSet } = require('botbuilder-dialogs/lib/dialogSet.js') as Pick<typeof BotbuilderDialogs, 'DialogSet'>;
/** botbuilder-dialogs' `WaterfallDialog`. */
export const { WaterfallDialog } = require('botbuilder-dialogs/lib/waterfallDialog.js') as Pick<typeof BotbuilderDialogs, 'WaterfallDialog'>;
/** botbuilder-dialogs' `Prompt`, the base of our card prompts. */
export const { Prompt } = require('botbuilder-dialogs/lib/prompts/prompt.js') as Pick<typeof BotbuilderDialogs, 'Prompt'>;
