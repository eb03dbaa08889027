import { createRequire } from 'node:module';
import type * as Botbuilder from 'botbuilder';

// botbuilder is CommonJS: an ESM `import` of it makes node lex its index and every file it re-exports
// (botbuilder-core, botframework-connector, the Azure clients …) for named exports, on every start.
// `require` skips that. Types are imported with `import type` from the package as usual;
// `TurnContext` here also names its type, used in both positions. What only the edge uses is in bot/botbuilder-edge.ts.
const require = createRequire(import.meta.url);
const botbuilder = require('botbuilder') as typeof Botbuilder;

/** botbuilder's `ActivityTypes`. */
export const { ActivityTypes } = botbuilder;
/** botbuilder's `CardFactory`. */
export const { CardFactory } = botbuilder;
/** botbuilder's `MessageFactory`. */
export const { MessageFactory } = botbuilder;
/** botbuilder's `TurnContext`. */
export const { TurnContext } = botbuilder;
/** botbuilder's `TurnContext`. */
export type TurnContext = Botbuilder.TurnContext;
/** botbuilder's `teamsGetTenant`. */
export const { teamsGetTenant } = botbuilder;
