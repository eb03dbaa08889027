/** The routines as dialogs, their cards, ports and the card-submit schema. */
export { AkutOroDialog, AKUT_ORO_DIALOG_ID, type AkutOroDialogOptions } from './akut-oro-dialog.js';
export { AnonymousConsultationDialog, ANONYMOUS_CONSULTATION_DIALOG_ID } from './anonymous-consultation-dialog.js';
export { answerActivity } from './answer-activity.js';
export { cardActionSchema, isStarterAction, parseCardAction, type CardAction, type CardActionName, type MenuRoutine } from './card-actions.js';
export { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/adaptive-card.js';
export { mainMenuActivity, mainMenuCard, welcomeActivity } from './cards/main-menu-card.js';
export { MainDialog, MAIN_DIALOG_ID, type MainDialogDependencies } from './main-dialog.js';
export { ATERKOPPLING_REMINDER_DAYS, OrosanmalanDialog, OROSANMALAN_DIALOG_ID } from './orosanmalan-dialog.js';
export type {
  AterkopplingReminder,
  CallbackRequest,
  CallbackResult,
  Clock,
  CloseCallbackReason,
  CloseCallbackRequest,
  CloseCallbackResult,
  DialogEvents,
  EscalationRequester,
  QuestionAnswerer,
  ReminderScheduler,
} from './ports.js';
export type { RoutineDependencies, RoutineResult } from './routine-dependencies.js';
export { MissingEntryError } from './routine-sources.js';
export { SchoolDialog, SCHOOL_DIALOG_ID, staffIdOf, type SchoolInfo } from './school-dialog.js';
