export { PrivacyGuard } from './privacy-guard.js';
export {
  PRIVACY_CATEGORIES,
  mergeVerdicts,
  type PrivacyVerdict,
} from './privacy-verdict.js';
export { namedCategories, quasiWarningText, refusalText } from './refusal-text.js';
export { isSharedConversation, type ConversationShape } from './shared-conversation.js';
export { PhoneAllowList } from './contact-detector.js';
export { normaliseText } from './text-normaliser.js';
export { isPersonnummerDate, personnummerCheckDigit } from './personnummer-detector.js';
export {
  WORD_LIST_DIR,
  WordListError,
  defaultWordLists,
  loadWordLists,
  readListFile,
} from './word-lists.js';
