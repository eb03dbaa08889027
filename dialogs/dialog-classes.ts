import { createRequire, Module } from 'node:module';
import type * as BotbuilderDialogs from 'botbuilder-dialogs';

// botbuilder-dialogs' index loads every prompt and with them the Recognizers-Text suites (number,
// date-time, choice: several MB of JavaScript, globalize and 130 lodash modules) that no dialog of
// ours uses; an ESM import of the index also makes node lex every re-exported file for named
// exports. Requiring the few classes we use from their own files halves the bot's start-up
// beyond the echo floor. The classes are the same objects the index exports (one module cache).
// The package is pinned; its files are botbuilder 4.23's and it is no longer developed upstream.
const require = createRequire(import.meta.url);
// The files of botbuilder-dialogs' choices index, in its order.
const CHOICES_PARTS = ['channel', 'choiceFactory', 'findChoices', 'findValues', 'modelResult', 'recognizeChoices', 'tokenizer'];
deferChoiceRecognizers();

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

/**
 * prompt.js requires the choices index only for `ChoiceFactory` (when a prompt appends choices, which
 * ours never do), and the index loads @microsoft/recognizers-text-number: 2.4 MB of JavaScript and its
 * patterns, 10 MB of memory and 70 ms of every start. Unless something loaded the index already, the
 * index is put in require's cache as a stand-in that hands out `ChoiceFactory` from its own file and
 * loads the rest — the same files, so the same objects — the first time anything else is asked of it
 * (the full `botbuilder-dialogs` index, a ChoicePrompt).
 */
function deferChoiceRecognizers(): void {
  const index = require.resolve('botbuilder-dialogs/lib/choices/index.js');
  if (require.cache[index]) return;
  const exports: Record<PropertyKey, unknown> = {};
  let complete = false;
  const completed = () => {
    if (complete) return exports;
    complete = true;
    Object.defineProperty(exports, '__esModule', { value: true });
    for (const part of CHOICES_PARTS) {
      const descriptors = Object.getOwnPropertyDescriptors(require(`botbuilder-dialogs/lib/choices/${part}.js`) as object);
      // As the index's __exportStar: a name already exported by an earlier file is kept.
      for (const [name, descriptor] of Object.entries(descriptors)) if (!(name in exports)) Object.defineProperty(exports, name, descriptor);
    }
    return exports;
  };
  const standIn = new Proxy(exports, {
    get: (_target, name) =>
      name === 'ChoiceFactory' && !complete ? (require('botbuilder-dialogs/lib/choices/choiceFactory.js') as Pick<typeof BotbuilderDialogs, 'ChoiceFactory'>).ChoiceFactory : Reflect.get(completed(), name),
    has: (_target, name) => Reflect.has(completed(), name),
    ownKeys: () => Reflect.ownKeys(completed()),
    getOwnPropertyDescriptor: (_target, name) => Reflect.getOwnPropertyDescriptor(completed(), name),
    defineProperty: (_target, name, descriptor) => Reflect.defineProperty(completed(), name, descriptor),
    set: (_target, name, value) => Reflect.set(completed(), name, value),
    deleteProperty: (_target, name) => Reflect.deleteProperty(completed(), name),
  });
  const module = new Module(index);
  module.filename = index;
  module.exports = standIn;
  module.loaded = true;
  require.cache[index] = module;
}
