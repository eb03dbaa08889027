import type { Findings } from './findings.js';
import type { PrivacyWordLists } from './word-lists.js';

/**
 * A specific class or group: "4B", "9C" (digit and capital), "klass 4b", "åk 5 b" after a class word, "i 6a" after
 * "i", or "förskoleklass B".
 */
const CLASS_CODE =
  /(?<![\p{L}\d])(?:[1-9][A-F]|(?:klass|kl\.|åk|årskurs|grupp)\s*[1-9]\s?[a-fA-F]|(?:förskoleklass|f-klass|fsk)\s?[A-Fa-f])(?![\p{L}\d§])|(?<![\p{L}])(?:i|från|till)\s+[1-9][a-f](?![\p{L}\d§])/u;
/**
 * "den enda eleven", "enda flickan i klassen", "den ende pojken som", "den enda familjen från …", and "bara en
 * flicka i förskoleklassen som …".
 */
const ONLY_ONE =
  /(?<![\p{L}])(?:(?:den|det|är|var)\s+end[ae]\s+(?:[\p{L}]+\s+)?|(?:bara|endast)\s+(?:en|ett)\s+(?=\p{L}+\s(?:[^.!?\n]{0,40}\s)?som\s))(?:elev|barn|flick|pojk|tjej|kille|killen|unge|familj|syskon|tvilling|förälder|mamma|pappa|son|dotter)\p{L}*/iu;
/** An age: "8 år", "8-åring", "åttaåring". */
const AGE = /\d\s*(?:år|-?åring)(?![\p{L}])|\p{L}åring(?![\p{L}])/u;
/** A named school or preschool: "Hallundaskolan", "Tullinge förskola". */
const SCHOOL_NAME = /(\p{Lu}\p{L}*)(?:skolan|skola)(?![\p{L}])|(\p{Lu}\p{L}+)\s(?:skola|förskola|skolan|förskolan)(?![\p{L}])/gu;
/** A grade: "årskurs 3", "åk 5", "i trean", "3:an", "förskoleklass". */
const GRADE =
  /(?<![\p{L}])(?:årskurs\s?[1-9]|åk\s?[1-9]|[1-9]:(?:an|orna|or)|(?:ettan|tvåan|trean|fyran|femman|sexan|sjuan|åttan|nian)|förskoleklass\p{L}*)(?![\p{L}\d])/iu;
const WORD = /[\p{L}]+/gu;

/**
 * Finds quasi-identifiers: details that do not name a child on their own but narrow them down, such as
 * a specific class ("4B") together with other detail, a named school with a grade or an age, or
 * "den enda eleven som …". They get a warning
 * and a question whether it can be said more generally, not a refusal.
 */
export class QuasiIdentifierDetector {
  constructor(private readonly lists: PrivacyWordLists) {}

  /** Marks `findings` as quasi when the text narrows a child down. */
  detect(text: string, findings: Findings): void {
    if (ONLY_ONE.test(text)) {
      findings.markQuasi();
      return;
    }
    if (this.hasSchoolName(text) && (AGE.test(text) || GRADE.test(text)) && this.hasDetailWord(text)) {
      findings.markQuasi();
      return;
    }
    const classCode = CLASS_CODE.exec(text);
    if (classCode === null || findings.overlapsClaimed(classCode.index, classCode.index + classCode[0].length)) return;
    if (AGE.test(text) || this.hasSchoolName(text) || this.hasDetailWord(text)) findings.markQuasi();
  }

  /** "Hallundaskolan", "Tullinge förskola"; not "En skola" or "Förskolan". */
  private hasSchoolName(text: string): boolean {
    SCHOOL_NAME.lastIndex = 0;
    for (let match = SCHOOL_NAME.exec(text); match !== null; match = SCHOOL_NAME.exec(text)) {
      const name = (match[1] ?? match[2] ?? '').toLowerCase();
      if (name.length >= 3 && !this.lists.commonWords.has(name) && !this.lists.determiners.has(name) && name !== 'för') return true;
    }
    return false;
  }

  private hasDetailWord(text: string): boolean {
    WORD.lastIndex = 0;
    for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
      if (this.lists.quasiDetailWords.has(match[0].toLowerCase())) return true;
    }
    return false;
  }
}
