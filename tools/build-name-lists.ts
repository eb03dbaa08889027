// Builds the privacy guard's generated name and word lists from maintained sources, as data:
// first names and surnames from the @faker-js/faker locales (Latin script, and Cyrillic and Greek transliterated),
// and which of them are ordinary words from the Hunspell dictionaries dictionary-sv and dictionary-en.
// Usage: npx tsx tools/build-name-lists.ts   (writes privacy/lists/generated-*.txt and english-*.txt)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WORD_LIST_DIR } from '../privacy/word-lists.js';
import { buildNameLists } from './name-list-builder.js';

for (const [file, content] of buildNameLists()) {
  writeFileSync(join(WORD_LIST_DIR, file), content);
  console.log(`${file}: ${content.split('\n').filter((line) => line !== '' && !line.startsWith('#')).length}`);
}
