/** What bot/ wires from the chat adapter: the main dialog, the welcome card and the pending question for privacy refusals. Everything else is imported from its own file. */
export { menuPlaceOf, welcomeActivity } from './cards/main-menu-card.js';
export { MainDialog } from './main-dialog.js';
export { pendingQuestionIn } from './card-prompt.js';
