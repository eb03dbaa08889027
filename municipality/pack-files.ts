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

/** The field named when the problem is the whole file (missing, unreadable, not YAML). */
export const WHOLE_FILE = '(fil)';

/** A data file that cannot be used: which file, which field and what is wrong, so an editor can fix it without reading code. */
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

/** The error class of one kind of data file (`KnowledgeError`, `RolesError`, `PackFileError` …), made from file, field and problem. */
export type DataFileErrorClass = new (file: string, field: string, problem: string) => DataFileError;

/**
 * Parses the YAML text of a data file. Text that is not YAML throws `fail` on the whole file, saying `problem` and the
 * parser's first line: "är inte giltig YAML (…)".
 */
export function parseDataYaml(fail: DataFileErrorClass, file: string, text: string, problem = 'är inte giltig YAML'): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    throw new fail(file, WHOLE_FILE, `${problem} (${(error as Error).message.split('\n')[0]})`);
  }
}

/**
 * Validates a parsed data file against its schema. The first problem throws `fail` naming its field path, or `rootField`
 * when the problem is the document itself.
 */
export function validateDataFile<T extends z.ZodType>(fail: DataFileErrorClass, schema: T, value: unknown, file: string, rootField = '(root)'): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : rootField;
  throw new fail(file, field, issue?.message ?? 'är ogiltigt');
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
  return parseDataYaml(PackFileError, file, text);
}

/** Validates a parsed file of the pack against its schema; the first problem is reported with its field path. */
export function validatePackFile<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  return validateDataFile(PackFileError, schema, value, file);
}
