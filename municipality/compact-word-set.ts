/** What a word list is asked: whether it has a word. A `Set<string>` is one too. */
export interface WordLookup {
  has(word: string): boolean;
}

/**
 * A large read-only set of words held as one string and a hash table of offsets into it. The
 * privacy lists and the spelling dictionary hold 40,000–75,000 words each: as a `Set<string>` every
 * word is a heap object and an entry of a hash table (~60 bytes a word); here it is its letters and
 * eight bytes. A look-up hashes the word and compares letters, without making a string.
 */
export class CompactWordSet implements WordLookup {
  readonly size: number;
  private readonly text: string;
  /** Where word i starts in `text`; `starts[size]` is the end of the last word. */
  private readonly starts: Uint32Array;
  /** Open addressing: 0 for a free slot, else word index + 1. */
  private readonly table: Int32Array;

  constructor(words: Iterable<string>) {
    const unique: string[] = [];
    const list = Array.isArray(words) ? (words as string[]) : [...words];
    let slots = 1;
    // At most 70 % full: linear probing stays short, and the table is half the size of one kept half empty.
    while (slots * 0.7 < list.length) slots *= 2;
    const table = new Int32Array(slots);
    for (const word of list) {
      let slot = hash(word) & (slots - 1);
      for (;;) {
        const held = table[slot]!;
        if (held === 0) {
          unique.push(word);
          table[slot] = unique.length;
          break;
        }
        if (unique[held - 1] === word) break;
        slot = (slot + 1) & (slots - 1);
      }
    }
    this.size = unique.length;
    this.text = unique.join('');
    this.starts = new Uint32Array(unique.length + 1);
    let offset = 0;
    unique.forEach((word, i) => {
      this.starts[i] = offset;
      offset += word.length;
    });
    this.starts[unique.length] = offset;
    this.table = table;
  }

  /** The set again after a structured clone (the start snapshot), which keeps the fields but not the class. */
  static revive(cloned: CompactWordSet): CompactWordSet {
    return Object.setPrototypeOf(cloned, CompactWordSet.prototype) as CompactWordSet;
  }

  has(word: string): boolean {
    const mask = this.table.length - 1;
    let slot = hash(word) & mask;
    for (;;) {
      const held = this.table[slot]!;
      if (held === 0) return false;
      if (this.holds(held - 1, word)) return true;
      slot = (slot + 1) & mask;
    }
  }

  private holds(index: number, word: string): boolean {
    const start = this.starts[index]!;
    if (this.starts[index + 1]! - start !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (this.text.charCodeAt(start + i) !== word.charCodeAt(i)) return false;
    return true;
  }
}

/** 32-bit FNV-1a over UTF-16 code units. */
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
