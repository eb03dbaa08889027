import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { contactsSchema, type Contacts } from '../municipality/contacts.js';
import { telephoneHoursList } from '../municipality/telephone-hours.js';
import { entryFrontMatterSchema, sharedGapsFileSchema, sourcesFileSchema, type KnowledgeEntry, type SharedGap, type SourceDocument } from './knowledge-entry.js';
import { DataFileError, parseDataYaml, parseYaml, validateDataFile, WHOLE_FILE } from '../municipality/pack-files.js';
import { fromSnapshot, remember, snapshotKey, type SnapshotSource } from '../municipality/start-snapshot.js';

/** A knowledge file that cannot be used. */
export class KnowledgeError extends DataFileError {
  constructor(file: string, field: string, problem: string) {
    super('KNOWLEDGE_INVALID', file, field, problem, `Kunskapsfilen ${file} är felaktig`);
    this.name = 'KnowledgeError';
  }
}

/** The whole validated knowledge base: entries, their sources and the contact data. */
export interface KnowledgeBase {
  readonly entries: readonly KnowledgeEntry[];
  readonly sources: readonly SourceDocument[];
  readonly contacts: Contacts;
  /** The start snapshot's key of the files it was loaded from (what is built from it can be keyed by it); absent when built otherwise. */
  readonly sourceKey?: string;
  byId(id: string): KnowledgeEntry | undefined;
}

/** Reads and validates `sources.yaml`, `contacts.yaml`, `gaps.yaml` (optional) and `entries/*.md` below `dir` (from the start snapshot while they are unchanged). */
export async function loadKnowledge(dir: string): Promise<KnowledgeBase> {
  const key = snapshotKey('knowledge', await knowledgeFiles(dir));
  const { entries, sources, contacts } = fromSnapshot<ParsedKnowledge>(key) ?? remember(key, await parseKnowledge(dir));
  const byId = new Map(entries.map((e) => [e.id, e]));
  return { entries, sources, contacts, sourceKey: key, byId: (id) => byId.get(id) };
}

type ParsedKnowledge = Pick<KnowledgeBase, 'entries' | 'sources' | 'contacts'>;

/** The content of every file the knowledge base is made from, for the start snapshot's key. */
async function knowledgeFiles(dir: string): Promise<SnapshotSource[]> {
  const read = (file: string) => readFile(path.join(dir, file)).catch(() => undefined);
  const entryFiles = (await readdir(path.join(dir, 'entries')).catch(() => [] as string[])).filter((f) => f.endsWith('.md')).sort();
  return Promise.all(
    ['sources.yaml', 'contacts.yaml', 'gaps.yaml', ...entryFiles.map((file) => `entries/${file}`)].map(async (name) => ({ name, text: await read(name) })),
  );
}

async function parseKnowledge(dir: string): Promise<ParsedKnowledge> {
  const sources = validate(sourcesFileSchema, await readYaml(dir, 'sources.yaml'), 'sources.yaml');
  const contacts = validate(contactsSchema, await readYaml(dir, 'contacts.yaml'), 'contacts.yaml');
  const sourceByKey = new Map(sources.map((s) => [s.key, s]));
  const sharedGaps = await readSharedGaps(dir, contacts);

  const entriesDir = path.join(dir, 'entries');
  const files = (await readdir(entriesDir).catch(() => {
    throw new KnowledgeError('entries/', '(folder)', 'saknas');
  }))
    .filter((f) => f.endsWith('.md'))
    .sort();
  if (files.length === 0) throw new KnowledgeError('entries/', '(folder)', 'innehåller inga poster');

  const entries: KnowledgeEntry[] = [];
  for (const file of files) {
    const relative = `entries/${file}`;
    const raw = await readFile(path.join(entriesDir, file), 'utf8');
    entries.push(parseEntry(relative, raw, sourceByKey, sharedGaps));
  }
  checkReferences(entries);
  return { entries, sources, contacts };
}

// "{telefontider}" in a shared gap's sentence: a value of contacts.yaml, so that it is changed in one place.
const PLACEHOLDER = /\{([^{}]*)\}/gu;

/**
 * The gaps of `gaps.yaml` by id, their placeholders filled in from the contacts; none when the pack has no such file.
 * A repeated id or an unknown placeholder stops the load.
 */
async function readSharedGaps(dir: string, contacts: Contacts): Promise<ReadonlyMap<string, SharedGap>> {
  const file = 'gaps.yaml';
  const text = await readFile(path.join(dir, file), 'utf8').catch(() => undefined);
  if (text === undefined) return new Map();
  const gaps = validate(sharedGapsFileSchema, parseDataYaml(KnowledgeError, file, text), file);
  const values: Readonly<Record<string, string>> = { telefontider: telephoneHoursList(contacts.telephoneHours) };
  const byId = new Map<string, SharedGap>();
  for (const gap of gaps) {
    if (byId.has(gap.id)) throw new KnowledgeError(file, 'id', `"${gap.id}" finns redan i filen`);
    const says = gap.says.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) throw new KnowledgeError(file, `${gap.id}.says`, `har en okänd platshållare ${whole} (känd: ${Object.keys(values).map((k) => `{${k}}`).join(', ')})`);
      return value;
    });
    byId.set(gap.id, { ...gap, says });
  }
  return byId;
}

/** An entry's gaps with those it names by id taken from gaps.yaml; an unknown id, or one without words that ask it, stops the load. */
function resolveGaps(file: string, gaps: z.output<typeof entryFrontMatterSchema>['gaps'], shared: ReadonlyMap<string, SharedGap>): KnowledgeEntry['gaps'] {
  return gaps.map((gap, i) => {
    if (!('gap' in gap)) return gap;
    const named = shared.get(gap.gap);
    if (!named) throw new KnowledgeError(file, `gaps.${i}.gap`, `pekar på okänd lucka "${gap.gap}" (finns inte i gaps.yaml)`);
    const asks = gap.asks ?? named.asks;
    if (!asks) throw new KnowledgeError(file, `gaps.${i}.asks`, `saknas: luckan "${gap.gap}" har inga asks i gaps.yaml`);
    return { asks, says: named.says };
  });
}

/** Parses one Markdown entry with YAML front matter; `sharedGaps` are the gaps of gaps.yaml it may name. Exported for tests of the format. */
export function parseEntry(file: string, raw: string, sourceByKey: ReadonlyMap<string, SourceDocument>, sharedGaps: ReadonlyMap<string, SharedGap> = new Map()): KnowledgeEntry {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(raw);
  if (!match) throw new KnowledgeError(file, '(front matter)', 'saknas: filen måste börja med ---');
  let frontMatter: unknown;
  try {
    frontMatter = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new KnowledgeError(file, '(front matter)', `är inte giltig YAML (${(error as Error).message.split('\n')[0]})`);
  }
  const meta = validate(entryFrontMatterSchema, frontMatter, file);
  const body = (match[2] ?? '').trim();
  if (body.length < 20) throw new KnowledgeError(file, '(body)', 'är tom eller för kort');
  const expectedId = path.basename(file, '.md');
  if (meta.id !== expectedId) throw new KnowledgeError(file, 'id', `måste vara "${expectedId}" (filens namn)`);
  const document = sourceByKey.get(meta.source.document);
  if (!document) throw new KnowledgeError(file, 'source.document', `pekar på okänt dokument "${meta.source.document}"`);
  return { ...meta, gaps: resolveGaps(file, meta.gaps, sharedGaps), body, source: { document, section: meta.source.section }, file };
}

function checkReferences(entries: readonly KnowledgeEntry[]): void {
  const ids = new Set<string>();
  const bySituation = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new KnowledgeError(entry.file, 'id', `"${entry.id}" finns redan i en annan fil`);
    ids.add(entry.id);
    if (entry.situation === undefined) continue;
    const other = bySituation.get(entry.situation);
    if (other) throw new KnowledgeError(entry.file, 'situation', `anger "${entry.situation}", som posten "${other.id}" (${other.file}) redan anger: bara en post får svara på en situation`);
    bySituation.set(entry.situation, entry);
  }
  for (const entry of entries) {
    if (entry.supersededBy && !ids.has(entry.supersededBy)) {
      throw new KnowledgeError(entry.file, 'supersededBy', `pekar på okänd post "${entry.supersededBy}"`);
    }
    if (entry.followUp !== undefined) {
      const followed = entries.find((other) => other.id === entry.followUp);
      if (!followed || followed.id === entry.id) throw new KnowledgeError(entry.file, 'followUp', `pekar på okänd post "${entry.followUp}"`);
      if (!followed.point) throw new KnowledgeError(entry.file, 'followUp', `pekar på "${entry.followUp}", som saknar point (postens poäng i en mening)`);
    }
  }
}

async function readYaml(dir: string, file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.join(dir, file), 'utf8');
  } catch {
    throw new KnowledgeError(file, WHOLE_FILE, `saknas i ${dir}`);
  }
  return parseDataYaml(KnowledgeError, file, text);
}

function validate<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  return validateDataFile(KnowledgeError, schema, value, file);
}

/** Parses and validates the text of a YAML language or knowledge file; a KnowledgeError names the file and the field. */
export function parseKnowledgeYaml<T extends z.ZodType>(file: string, text: string, schema: T): z.output<T> {
  return validate(schema, parseDataYaml(KnowledgeError, file, text, 'kunde inte läsas'), file);
}
