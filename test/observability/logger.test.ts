import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../observability/logger.js';

/** Every line a logger writes, with its time left out. */
function sink(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean).map((line) => line.replace(/"time":"[^"]*",?/, '')));
      callback();
    },
  });
  return { stream, lines };
}

/** The logger as it was configured with pino's own redaction, the reference for what may reach the log. */
function referenceLogger(stream: Writable) {
  return pino(
    {
      level: 'info',
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
    stream,
  );
}

const error = Object.assign(new Error('refused'), { body: 'secret body', status: 401 });
const objects: Record<string, unknown>[] = [
  { code: 'QUESTION_ANSWERED', kind: 'answer', citations: ['a', 'b'], aiGenerated: false, ms: 3 },
  { code: 'X', text: 'Anna Svensson 20150101-1234', other: 1 },
  { code: 'X', activity: { text: 'hej', from: { id: '29:x' } }, value: { a: 1 } },
  { code: 'X', payload: { text: 'hej', value: 2, keep: 'ok', nested: { text: 'deeper is kept' } } },
  { code: 'X', headers: { authorization: 'Bearer abc', host: 'x' }, token: 'abc', password: 'p' },
  { code: 'X', request: { body: undefined, token: null }, list: [{ text: 'in an array' }] },
  { code: 'X', text: undefined, detail: 'plain' },
  { code: 'X', failure: error },
  { code: 'X', err: error },
  { code: 'X', count: Number.NaN, flag: true, when: new Date(0) },
];

describe('createLogger', () => {
  describe('when a line carries keys that may hold what a user typed or a credential', () => {
    it('writes what pino’s redaction with the same paths writes, for each of the shapes', () => {
      const ours = sink();
      const reference = sink();
      const logger = createLogger('info', ours.stream);
      const expected = referenceLogger(reference.stream);
      for (const object of objects) {
        logger.info(object, 'line');
        expected.info(object, 'line');
        logger.child({ module: 'm', body: 'bound' }).info(object, 'child line');
        expected.child({ module: 'm', body: 'bound' }).info(object, 'child line');
        logger.child({ module: 'm' }).child({ session: { token: 't', id: 1 } }).info(object, 'grandchild line');
        expected.child({ module: 'm' }).child({ session: { token: 't', id: 1 } }).info(object, 'grandchild line');
      }
      expect(ours.lines).toEqual(reference.lines);
      expect(ours.lines.join('\n')).not.toMatch(/Anna|Bearer|secret body|"hej"/);
    });

    it('leaves the caller’s objects as they were', () => {
      const object = { code: 'X', text: 'kept', payload: { token: 't' } };
      createLogger('info', sink().stream).info(object, 'line');
      expect(object).toEqual({ code: 'X', text: 'kept', payload: { token: 't' } });
    });
  });
});
