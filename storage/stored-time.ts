/**
 * A point in time as stored in a timestamp column: ISO-8601 UTC text with milliseconds
 * (`2025-03-14T08:30:00.000Z`). The same text on SQLite and PostgreSQL, and it sorts in time order,
 * so `where due_at <= ?` and `order by due_at` work alike on both dialects.
 */
export type StoredTime = string;

/** Converts a Date to the text stored in timestamp columns. */
export function toStoredTime(date: Date): StoredTime {
  return date.toISOString();
}

/** Converts stored timestamp text back to a Date. */
export function fromStoredTime(value: StoredTime): Date {
  return new Date(value);
}
