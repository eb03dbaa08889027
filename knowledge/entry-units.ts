/** One sentence or list item of an entry body: the pieces an answer is put together from. */
export interface EntryUnit {
  /** Position in the body, from 0. */
  readonly index: number;
  /** The block (paragraph or list) it belongs to. */
  readonly block: number;
  /** As written in the body, list marker included. */
  readonly raw: string;
  /** The text without a list marker. */
  readonly text: string;
  readonly list: 'none' | 'bullet' | 'numbered';
  /** For a list item: the sentence that introduces the list ("… svarar i telefon:"), if any. */
  readonly intro?: EntryUnit;
}

const LIST_ITEM = /^\s*(?:([-*•])|(\d+)\.)\s+/;
// A sentence ends at . ! ? before a capital letter (or bold/quote); "kl. 13.00" and "t.ex. en" are not ends.
const SENTENCE_END = /(?<=[.!?])\s+(?=[A-ZÅÄÖ*(”"])/u;

/** Splits an entry body into sentences and list items, keeping which block each belongs to. */
export function entryUnits(body: string): EntryUnit[] {
  const units: EntryUnit[] = [];
  body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .forEach((block, blockIndex) => {
      let intro: EntryUnit | undefined;
      for (const line of block.split('\n').map((l) => l.trim()).filter(Boolean)) {
        const marker = LIST_ITEM.exec(line);
        if (marker) {
          units.push({ index: units.length, block: blockIndex, raw: line, text: line.slice(marker[0].length), list: marker[1] ? 'bullet' : 'numbered', ...(intro ? { intro } : {}) });
          continue;
        }
        for (const sentence of line.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean)) {
          const unit: EntryUnit = { index: units.length, block: blockIndex, raw: sentence, text: sentence, list: 'none' };
          units.push(unit);
          intro = sentence.endsWith(':') ? unit : undefined;
        }
      }
    });
  // A list may follow its introduction in the next paragraph.
  return units.map((unit, i) => {
    if (unit.list === 'none' || unit.intro) return unit;
    const before = units.slice(0, i).reverse().find((u) => u.list === 'none');
    return before && before.block === unit.block - 1 && before.text.endsWith(':') ? { ...unit, intro: before } : unit;
  });
}

/** Puts units back into Markdown: prose sentences of a block on one line, list items one a line. */
export function renderUnits(units: readonly EntryUnit[]): string {
  const blocks: string[] = [];
  let current: EntryUnit[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const lines: string[] = [];
    let prose: string[] = [];
    for (const unit of current) {
      if (unit.list === 'none') {
        prose.push(unit.raw);
        continue;
      }
      if (prose.length > 0) lines.push(prose.join(' '));
      prose = [];
      lines.push(unit.raw);
    }
    if (prose.length > 0) lines.push(prose.join(' '));
    blocks.push(lines.join('\n'));
    current = [];
  };
  for (const unit of units) {
    if (current.length > 0 && current[current.length - 1]!.block !== unit.block) flush();
    current.push(unit);
  }
  flush();
  return blocks.join('\n\n');
}

/** A unit as a sentence of its own: a list item with its introduction, ending in a full stop. */
export function asSentence(unit: EntryUnit, options: { withIntro?: boolean; maxIntroWords?: number } = {}): string {
  const intro = unit.intro && options.withIntro !== false && !unit.text.startsWith('**') && unit.intro.text.split(/\s+/).length <= (options.maxIntroWords ?? Infinity) ? unit.intro : undefined;
  const text = intro ? `${intro.text} ${unit.text}` : unit.text;
  const capitalised = text.charAt(0).toLocaleUpperCase('sv') + text.slice(1);
  return /[.!?:)]$/.test(capitalised.replace(/\*+$/, '')) ? capitalised : `${capitalised}.`;
}
