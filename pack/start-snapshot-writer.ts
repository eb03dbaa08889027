import { createAnswerer } from '../knowledge/create-answerer.js';
import { writeStartSnapshot } from '../municipality/start-snapshot.js';
import { defaultWordLists } from '../privacy/word-lists.js';
import { builtInAkutLexicon } from '../triage/akut-lexicon.js';
import { loadMunicipalityPack } from './load-municipality-pack.js';

/**
 * Parses the pack in `knowledgeDir` and the shipped lists the way a start does and writes what was
 * parsed to `target` as the start snapshot (`npm run build`, in a process that read no snapshot).
 * Returns how many values were written.
 */
export async function buildStartSnapshot(options: { readonly knowledgeDir: string; readonly rolesFile: string; readonly target: string }): Promise<number> {
  const pack = await loadMunicipalityPack(options.knowledgeDir, { rolesFile: options.rolesFile });
  await createAnswerer(pack.knowledge, options.knowledgeDir);
  builtInAkutLexicon();
  defaultWordLists();
  return writeStartSnapshot(options.target);
}
