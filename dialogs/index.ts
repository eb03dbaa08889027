/** What bot/ wires from the chat adapter: the main dialog and the welcome card. Everything else is imported from its own file. */
export { welcomeActivity } from './cards/main-menu-card.js';
export { MainDialog } from './main-dialog.js';
