import { createRequire } from 'node:module';
import type * as Botbuilder from 'botbuilder';

// botbuilder is CommonJS: an ESM `import` of it makes node lex its index and every file it re-exports
// (botbuilder-core, botframework-connector, the Azure clients …) for named exports, on every start.
// `require` skips that. Types are imported with `import type` from the package as usual;
// `TurnContext` and `ConfigurationBotFrameworkAuthentication` here also name their types, used in both positions.
const require = createRequire(import.meta.url);
const botbuilder = require('botbuilder') as typeof Botbuilder;

/** botbuilder's `ActivityTypes`. */
export const { ActivityTypes } = botbuilder;
/** botbuilder's `CardFactory`. */
export const { CardFactory } = botbuilder;
/** botbuilder's `CloudAdapter`. */
export const { CloudAdapter } = botbuilder;
/** botbuilder's `ConfigurationBotFrameworkAuthentication`. */
export const { ConfigurationBotFrameworkAuthentication } = botbuilder;
/** botbuilder's `ConfigurationBotFrameworkAuthentication`. */
export type ConfigurationBotFrameworkAuthentication = Botbuilder.ConfigurationBotFrameworkAuthentication;
/** botbuilder's `ConversationState`. */
export const { ConversationState } = botbuilder;
/** botbuilder's `MessageFactory`. */
export const { MessageFactory } = botbuilder;
/** botbuilder's `TeamsActivityHandler`. */
export const { TeamsActivityHandler } = botbuilder;
/** botbuilder's `TeamsInfo`. */
export const { TeamsInfo } = botbuilder;
/** botbuilder's `TurnContext`. */
export const { TurnContext } = botbuilder;
/** botbuilder's `TurnContext`. */
export type TurnContext = Botbuilder.TurnContext;
/** botbuilder's `teamsGetTenant`. */
export const { teamsGetTenant } = botbuilder;
