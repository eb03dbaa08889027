import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefaultDeserializer, serialize } from 'node:v8';

/**
 * The start snapshot: what the bot parses and validates at start (the knowledge pack, the routines,
 * the language lists, the akut lexicon, the privacy lists), written by `npm run build` next to the
 * compiled code, so a start reads it instead of parsing YAML and running the schemas again.
 *
 * Each value is stored under a hash of the text of the files it was made from. A loader reads its
 * files, asks for the value under their hash and, when the snapshot has none (a municipality
 * replaced or edited its pack, or there is no snapshot), parses the files exactly as without one:
 * the same checks, the same errors naming the file and the field.
 */

/** One file a value is made from: a name that says which file it is, and its content (undefined when missing). */
export interface SnapshotSource {
  readonly name: string;
  readonly text: string | Buffer | undefined;
}

/** What became of the snapshot at this start, for the start log. */
export interface StartSnapshotReport {
  readonly file: string;
  /** `absent`: no snapshot file (a start from the sources, or a build without one); `unreadable`: it could not be used. */
  readonly state: 'absent' | 'unreadable' | 'loaded';
  /** Why an unreadable snapshot was not used (never the content of a file). */
  readonly problem?: string;
  /** The kinds of value taken from the snapshot. */
  readonly used: readonly string[];
  /** The kinds of value parsed from their files because the snapshot has none for their current text. */
  readonly parsed: readonly string[];
}

// Changes when the shape of a stored value changes: an older snapshot then matches nothing.
const FORMAT = 'samverkansboten-start-snapshot/1';
const DEFAULT_FILE = fileURLToPath(new URL('../start-snapshot.bin', import.meta.url));

let file = DEFAULT_FILE;
let stored: Map<string, unknown> | undefined;
let state: StartSnapshotReport['state'] | undefined;
let problem: string | undefined;
const used: string[] = [];
const parsed: string[] = [];
// Values parsed in this process by key, for writing a snapshot (the values are in use anyway).
const made = new Map<string, unknown>();

/** The key of a value of `kind` made from `sources`: the format, the kind and every file's name and text. */
export function snapshotKey(kind: string, sources: readonly SnapshotSource[]): string {
  const hash = createHash('sha256').update(FORMAT).update('\0').update(kind);
  for (const source of sources) {
    hash.update('\0').update(source.name).update('\0');
    if (source.text === undefined) hash.update('\u0001missing');
    else hash.update('=').update(source.text);
  }
  return `${kind}:${hash.digest('base64url')}`;
}

/** The stored value under `key`, or undefined (then the caller parses its files and passes the result to `remember`). */
export function fromSnapshot<T>(key: string): T | undefined {
  const values = load();
  const kind = key.slice(0, key.indexOf(':'));
  if (values.has(key)) {
    used.push(kind);
    const value = values.get(key) as T;
    // Taken once: the caller keeps what it uses, and the snapshot holds no second reference to it.
    values.delete(key);
    return value;
  }
  return undefined;
}

/** Notes a value parsed from its files, so a snapshot written by this process has it. Returns the value. */
export function remember<T>(key: string, value: T): T {
  parsed.push(key.slice(0, key.indexOf(':')));
  made.set(key, value);
  return value;
}

/**
 * What the snapshot did at this start. The start is over then: values nobody took (the shipped pack's, when the
 * municipality has its own) are let go instead of being kept for the life of the process.
 */
export function startSnapshotReport(): StartSnapshotReport {
  load().clear();
  return { file, state: state!, ...(problem ? { problem } : {}), used: [...used], parsed: [...parsed] };
}

/** Writes every value parsed in this process to `target` (what `npm run build` does after loading the shipped pack). */
export function writeStartSnapshot(target: string): number {
  writeFileSync(target, serialize({ format: FORMAT, values: new Map(made) }));
  return made.size;
}

/** Reads the snapshot from `path` from now on (tests; the default is the one beside the compiled code). */
export function useStartSnapshotFile(path: string): void {
  file = path;
  stored = undefined;
  state = undefined;
  problem = undefined;
  used.length = 0;
  parsed.length = 0;
}

function load(): Map<string, unknown> {
  if (stored) return stored;
  stored = new Map();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    state = 'absent';
    return stored;
  }
  try {
    const reader = copyingDeserializer(bytes);
    reader.readHeader();
    const content = reader.readValue() as { format?: unknown; values?: unknown };
    if (content?.format !== FORMAT || !(content.values instanceof Map)) throw new Error(`not a start snapshot of format ${FORMAT}`);
    stored = content.values as Map<string, unknown>;
    state = 'loaded';
  } catch (error) {
    state = 'unreadable';
    problem = (error as Error).message.split('\n')[0];
  }
  return stored;
}

/** Node's deserializer reads typed arrays with this method (documented, but not in @types/node). */
interface HostObjectReader {
  _readHostObject(): ArrayBufferView;
}

/**
 * A deserializer of `bytes` that copies each typed array into a buffer of its own: node's makes each a
 * view into the file's bytes, which would keep the whole file in memory as long as one of them lives
 * (the word sets' tables live as long as the bot).
 */
function copyingDeserializer(bytes: Buffer): DefaultDeserializer {
  const reader = new DefaultDeserializer(bytes);
  const hostObjects = reader as unknown as HostObjectReader;
  const readView = hostObjects._readHostObject.bind(reader);
  hostObjects._readHostObject = () => {
    const view = readView();
    return Buffer.isBuffer(view) ? Buffer.from(view) : (view as Uint8Array).slice();
  };
  return reader;
}
