/** A JSON column holds text that does not parse as the object it should; the text is kept out of the message. */
export class StoredJsonCorruptError extends Error {
  readonly code = 'STORED_JSON_CORRUPT';
  constructor(
    readonly table: string,
    readonly key: string,
  ) {
    super(`Stored JSON in ${table} for "${key}" is not a valid object.`);
    this.name = 'StoredJsonCorruptError';
  }
}

/** Parses a JSON object column, or throws StoredJsonCorruptError naming the table and row. */
export function parseStoredJsonObject(table: string, key: string, text: string): Readonly<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoredJsonCorruptError(table, key);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new StoredJsonCorruptError(table, key);
  return value as Record<string, unknown>;
}
