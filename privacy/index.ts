export { PrivacyGuard, type PrivacyGuardOptions } from './privacy-guard.js';
export {
  PRIVACY_CATEGORIES,
  cleanVerdict,
  mergeVerdicts,
  type PrivacyCategory,
  type PrivacyVerdict,
} from './privacy-verdict.js';
export { quasiWarningText, refusalText, type RefusalContext } from './refusal-text.js';
export { PhoneAllowList } from './contact-detector.js';
export { normaliseText } from './text-normaliser.js';
export { isPersonnummerDate, passesLuhn, personnummerCheckDigit } from './personnummer-detector.js';
export {
  WORD_LIST_DIR,
  WordListError,
  defaultWordLists,
  loadWordLists,
  readListFile,
  type PrivacyWordLists,
} from './word-lists.js';
