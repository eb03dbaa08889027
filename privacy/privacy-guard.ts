import { AddressDetector, detectEmails, detectPhoneNumbers, detectPostcodes, PhoneAllowList } from './contact-detector.js';
import { detectDateOfBirth, hasSetOffFullDate } from './date-of-birth-detector.js';
import { Findings } from './findings.js';
import { detectIdentifiers } from './identifier-detector.js';
import { detectLongNumbers } from './long-number-detector.js';
import { NameDetector } from './name-detector.js';
import { detectPersonnummer } from './personnummer-detector.js';
import { cleanVerdict, mergeVerdicts, type PrivacyVerdict } from './privacy-verdict.js';
import { QuasiIdentifierDetector } from './quasi-identifier-detector.js';
import { normaliseText } from './text-normaliser.js';
import { defaultWordLists, type PrivacyWordLists } from './word-lists.js';

/** How a guard is set up. */
export interface PrivacyGuardOptions {
  /**
   * The municipality's own published numbers, any format; an entry ending in * covers a number series.
   * Added to the numbers shipped in `privacy/lists/municipal-phone-numbers.txt`.
   */
  allowedPhoneNumbers?: readonly string[];
  /** Word lists to use instead of the shipped ones in `privacy/lists/` (for tests). */
  wordLists?: PrivacyWordLists;
}

const DIGIT = /\d/;
const BIRTH_WORD = /föd|fött|fodd|fyll|born|birth|dob|d\.o\.b|turn|världen|b-?day/i;
const MAX_DEPTH = 32;

/**
 * Inspects text before anything else sees it and says whether it identifies someone (personnummer,
 * date of birth, name, phone, e-mail, address, postcode) or narrows a child down (quasi-identifier).
 * Plain TypeScript, no I/O after construction; one instance serves every turn.
 */
/** A GUID, as Teams and the bot generate them for ids. */
const MACHINE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PrivacyGuard {
  private readonly findings = new Findings();
  private readonly allowList: PhoneAllowList;
  private readonly lists: PrivacyWordLists;
  private readonly names: NameDetector;
  private readonly addresses: AddressDetector;
  private readonly quasi: QuasiIdentifierDetector;

  constructor(options: PrivacyGuardOptions = {}) {
    this.lists = options.wordLists ?? defaultWordLists();
    this.allowList = new PhoneAllowList([...this.lists.municipalPhoneNumbers, ...(options.allowedPhoneNumbers ?? [])]);
    this.names = new NameDetector(this.lists);
    this.addresses = new AddressDetector(this.lists);
    this.quasi = new QuasiIdentifierDetector(this.lists);
  }

  /** Inspects one text. */
  inspectText(text: string): PrivacyVerdict {
    if (text.length === 0) return cleanVerdict();
    // Every detector reads the same normalised text, so no disguise has to be handled twice.
    const normalised = normaliseText(text);
    const findings = this.findings;
    findings.reset();
    detectEmails(normalised, findings, this.lists);
    const hasDigit = DIGIT.test(normalised);
    if (hasDigit) {
      detectPersonnummer(normalised, findings);
      detectDateOfBirth(normalised, findings);
      detectPhoneNumbers(normalised, findings, this.allowList);
    } else if (BIRTH_WORD.test(normalised)) {
      // "född den tolfte mars": a date of birth in words has no digit.
      detectDateOfBirth(normalised, findings);
    }
    detectIdentifiers(normalised, findings);
    this.addresses.detect(normalised, findings, hasDigit);
    if (hasDigit) {
      detectPostcodes(normalised, findings, this.lists, this.allowList);
      // Last of the number detectors: a long number none of them explained identifies someone.
      detectLongNumbers(normalised, findings);
    }
    this.names.detect(normalised, findings);
    // "Ali Haddad (2014/06/13)": a full date set off after a name is that person's date of birth.
    if (hasDigit && findings.has('name') && !findings.has('date-of-birth') && hasSetOffFullDate(normalised)) findings.add('date-of-birth');
    if (!findings.identifying) this.quasi.detect(normalised, findings);
    return findings.toVerdict();
  }

  /** Walks any JSON-like value (card submit values, API bodies) and inspects every string in it (keys too). */
  inspectValue(value: unknown): PrivacyVerdict {
    const verdicts: PrivacyVerdict[] = [];
    this.collect(value, undefined, verdicts, new Set<object>(), 0);
    return verdicts.length === 0 ? cleanVerdict() : mergeVerdicts(verdicts);
  }

  private collect(value: unknown, key: string | undefined, verdicts: PrivacyVerdict[], seen: Set<object>, depth: number): void {
    if (typeof value === 'string' && MACHINE_ID.test(value)) {
      // Ids the bot or Teams generated (GUIDs) carry no one's data, but their hex can spell a name.
      if (key !== undefined) verdicts.push(this.inspectText(key));
      return;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      // The key is read with its value, so {"förnamn": "Bo"} is seen as "förnamn: Bo".
      const text = key === undefined ? String(value) : `${key}: ${String(value)}`;
      verdicts.push(this.inspectText(text));
      return;
    }
    if (key !== undefined) verdicts.push(this.inspectText(key));
    if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) this.collect(item, undefined, verdicts, seen, depth + 1);
    } else if (value instanceof Map) {
      for (const [mapKey, item] of value) this.collect(item, typeof mapKey === 'string' ? mapKey : undefined, verdicts, seen, depth + 1);
    } else {
      for (const [entryKey, item] of Object.entries(value)) this.collect(item, entryKey, verdicts, seen, depth + 1);
    }
  }
}
