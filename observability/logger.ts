import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The one root logger. Safe by construction: only structured fields we choose are logged, and the
 * redact list removes anything that could carry what a user typed or a credential, should a caller
 * pass a whole object by mistake.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'samverkansboten' },
      redact: {
        paths: [
          'text', '*.text', 'value', '*.value', 'activity', '*.activity', 'body', '*.body',
          'authorization', '*.authorization', 'headers.authorization', 'token', '*.token', 'password', '*.password',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? process.stdout,
  );
}
