import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Yaml from 'yaml';
import type { z } from 'zod';

const require = createRequire(import.meta.url);
let yaml: typeof Yaml | undefined;

/**
 * Parses YAML. The parser is loaded on first use: a start from the start snapshot parses no YAML
 * (municipality/start-snapshot.ts), and loading it costs 40 ms and a megabyte.
 */
export function parseYaml(text: string): unknown {
  yaml ??= require('yaml') as typeof Yaml;
  return yaml.parse(text);
}

/** A data file that cannot be used: which file, which field and what is wrong, so an editor can fix it without reading code. */
/** The field named when the problem is the whole file (missing, unreadable, not YAML). */
export const WHOLE_FILE = '(fil)';

export class DataFileError extends Error {
  constructor(
    readonly code: string,
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    /** How the file is named to the editor, e.g. "Rollfilen roles.yaml är felaktig". */
    lead: string,
  ) {
    super(field === WHOLE_FILE ? `${lead}: filen ${problem}` : `${lead}: fältet "${field}" ${problem}`);
  }
}

/** A file of the municipality pack that cannot be used. */
export class PackFileError extends DataFileError {
  constructor(file: string, field: string, problem: string) {
    super('PACK_FILE_INVALID', file, field, problem, `Filen ${file} i kommunpaketet är felaktig`);
    this.name = 'PackFileError';
  }
}

/** Reads a YAML file of the pack; undefined when it is optional and absent. */
export async function readPackYaml(dir: string, file: string, options: { optional?: boolean } = {}): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path.join(dir, file), 'utf8');
  } catch {
    if (options.optional) return undefined;
    throw new PackFileError(file, WHOLE_FILE, `saknas i ${dir}`);
  }
  try {
    return parseYaml(text);
  } catch (error) {
    throw new PackFileError(file, WHOLE_FILE, `är inte giltig YAML (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Validates a parsed file against its schema; the first problem is reported with its field path. */
export function validatePackFile<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  throw new PackFileError(file, field, issue?.message ?? 'är ogiltigt');
}
