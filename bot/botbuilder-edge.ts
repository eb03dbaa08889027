import { createRequire } from 'node:module';
import type * as Botbuilder from 'botbuilder';

// The Bot Framework classes only the edge uses (the adapter, its authentication, conversation state,
// the Teams handler and Teams calls), loaded with `require` for the reason given in
// dialogs/botbuilder-runtime.ts (an ESM import makes node lex botbuilder's whole tree on every start).
const require = createRequire(import.meta.url);
const botbuilder = require('botbuilder') as typeof Botbuilder;

/** botbuilder's `CloudAdapter`. */
export const { CloudAdapter } = botbuilder;
/** botbuilder's `ConfigurationBotFrameworkAuthentication`. */
export const { ConfigurationBotFrameworkAuthentication } = botbuilder;
/** botbuilder's `ConfigurationBotFrameworkAuthentication`. */
export type ConfigurationBotFrameworkAuthentication = Botbuilder.ConfigurationBotFrameworkAuthentication;
/** botbuilder's `ConversationState`. */
export const { ConversationState } = botbuilder;
/** botbuilder's `TeamsActivityHandler`. */
export const { TeamsActivityHandler } = botbuilder;
/** botbuilder's `TeamsInfo`. */
export const { TeamsInfo } = botbuilder;
