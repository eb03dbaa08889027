import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Keys whose values could carry what a user typed or a credential; redacted at the top level and one level down. */
const REDACTED_KEYS: readonly string[] = ['text', 'value', 'activity', 'body', 'authorization', 'token', 'password'];
const CENSOR = '[redacted]';

/**
 * The one root logger. Safe by construction: only structured fields we choose are logged, and the
 * redaction removes anything that could carry what a user typed or a credential, should a caller
 * pass a whole object by mistake: the keys in REDACTED_KEYS, at the top level and one level down.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const root = pino(
    {
      level,
      base: { service: 'samverkansboten' },
      // The same as pino's `redact` with the paths `key` and `*.key` for each key, which runs a redactor on every
      // value of every line (a twentieth of a question's CPU); this looks at the keys and copies only what it censors.
      formatters: { log: redactLogObject },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? process.stdout,
  );
  // A child's bindings are redacted alike; pino applies no formatter to them, and every child inherits this method.
  const child = root.child;
  root.child = function (this: Logger, bindings, options) {
    return child.call(this, redactLogObject(bindings), options);
  } as Logger['child'];
  return root;
}

/**
 * The log object with REDACTED_KEYS censored, as pino's redaction does it: a key's own value at the top level,
 * and the own key of an object (not an array) one level down; the caller's objects are never changed.
 */
function redactLogObject(object: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const value = object[key];
    if (value === undefined) continue;
    let replaced: unknown = value;
    if (REDACTED_KEYS.includes(key)) replaced = CENSOR;
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) replaced = censoredCopy(value as Record<string, unknown>);
    if (replaced === value) continue;
    out ??= { ...object };
    out[key] = replaced;
  }
  return out ?? object;
}

/** The object itself when it has none of REDACTED_KEYS, else a copy (an error stays an error) with them censored. */
function censoredCopy(value: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of REDACTED_KEYS) {
    if (!Object.hasOwn(value, key)) continue;
    copy ??= Object.create(Object.getPrototypeOf(value), Object.getOwnPropertyDescriptors(value)) as Record<string, unknown>;
    Object.defineProperty(copy, key, { value: CENSOR, enumerable: Object.getOwnPropertyDescriptor(value, key)!.enumerable, writable: true, configurable: true });
  }
  return copy ?? value;
}
