import type { Request, Response } from 'restify';

/** Why the edge refused a request body; each is a 4xx with this code and no internals. */
export type BodyRejection =
  | { status: 413; code: 'BODY_TOO_LARGE' }
  | { status: 415; code: 'CONTENT_TYPE_UNSUPPORTED' }
  | { status: 415; code: 'CONTENT_ENCODING_UNSUPPORTED' }
  | { status: 400; code: 'BODY_NOT_UTF8' }
  | { status: 400; code: 'BODY_NOT_JSON' }
  | { status: 400; code: 'BODY_TOO_DEEP' }
  | { status: 400; code: 'BODY_INCOMPLETE' };

/** Limits for request bodies: bytes as received (no encoding is decoded) and JSON nesting depth. */
export interface JsonBodyLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

/** Messages for machine clients (the Bot Framework service, the tab's script); never echo the body. */
const REJECTION_MESSAGES: Record<BodyRejection['code'], string> = {
  BODY_TOO_LARGE: 'The request body is larger than this service accepts.',
  CONTENT_TYPE_UNSUPPORTED: 'Only application/json bodies in UTF-8 are accepted.',
  CONTENT_ENCODING_UNSUPPORTED: 'Compressed or otherwise encoded bodies are not accepted; send identity encoding.',
  BODY_NOT_UTF8: 'The request body is not valid UTF-8.',
  BODY_NOT_JSON: 'The request body is not valid JSON.',
  BODY_TOO_DEEP: 'The request body nests deeper than this service accepts.',
  BODY_INCOMPLETE: 'The request body ended before it was complete.',
};

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// One decoder for every body: without `stream` each decode starts afresh, and a fatal error leaves no state behind.
const UTF8 = new TextDecoder('utf-8', { fatal: true });
// A client still sending after its request was refused gets this long before the socket is closed.
const DRAIN_GRACE_MS = 1_000;

/**
 * The one body parser: JSON in UTF-8, no content encoding, at most `maxBytes` and `maxDepth`.
 * Nothing is decompressed and nothing is written to disk; any other content type is refused with
 * 415 before a byte of the body is read.
 */
export async function readJsonBody(req: Request, limits: JsonBodyLimits): Promise<{ ok: true; body: unknown } | { ok: false; rejection: BodyRejection }> {
  if (!METHODS_WITH_BODY.has(req.method ?? '')) return { ok: true, body: undefined };
  const declaredLength = headerValue(req, 'content-length');
  const chunked = headerValue(req, 'transfer-encoding') !== undefined;
  const hasBody = chunked || (declaredLength !== undefined && declaredLength !== '0');

  const encoding = headerValue(req, 'content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') return { ok: false, rejection: { status: 415, code: 'CONTENT_ENCODING_UNSUPPORTED' } };
  if (!hasBody) return { ok: true, body: undefined };
  if (!isJsonMediaType(headerValue(req, 'content-type'))) return { ok: false, rejection: { status: 415, code: 'CONTENT_TYPE_UNSUPPORTED' } };
  if (declaredLength !== undefined && !(Number(declaredLength) <= limits.maxBytes)) return { ok: false, rejection: { status: 413, code: 'BODY_TOO_LARGE' } };

  const bytes = await readCapped(req, limits.maxBytes);
  if (!bytes.ok) return bytes;
  let text: string;
  try {
    text = UTF8.decode(bytes.buffer);
  } catch {
    return { ok: false, rejection: { status: 400, code: 'BODY_NOT_UTF8' } };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, rejection: { status: 400, code: 'BODY_NOT_JSON' } };
  }
  if (exceedsDepth(body, limits.maxDepth)) return { ok: false, rejection: { status: 400, code: 'BODY_TOO_DEEP' } };
  return { ok: true, body };
}

/** Answers a refused body with its code, then drops whatever the client is still sending. */
export function sendBodyRejection(req: Request, res: Response, rejection: BodyRejection): void {
  res.setHeader('connection', 'close');
  sendJson(res, rejection.status, { code: rejection.code, message: REJECTION_MESSAGES[rejection.code] });
  if (!req.complete) {
    req.resume();
    const timer = setTimeout(() => req.destroy(), DRAIN_GRACE_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
    req.once('close', () => clearTimeout(timer));
  }
}

/** Writes a JSON response without restify's content negotiation (a client's Accept header cannot break it). */
export function sendJson(res: Response, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  // Encoded once: its length and the bytes sent come from the same buffer.
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length });
  res.end(payload);
}

function readCapped(req: Request, maxBytes: number): Promise<{ ok: true; buffer: Buffer } | { ok: false; rejection: BodyRejection }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (outcome: { ok: true; buffer: Buffer } | { ok: false; rejection: BodyRejection }) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFailure);
      req.off('aborted', onFailure);
      req.off('close', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) {
        chunks.length = 0;
        settle({ ok: false, rejection: { status: 413, code: 'BODY_TOO_LARGE' } });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => settle({ ok: true, buffer: Buffer.concat(chunks) });
    const onFailure = () => settle({ ok: false, rejection: { status: 400, code: 'BODY_INCOMPLETE' } });
    const onClose = () => {
      if (!req.complete) onFailure();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFailure);
    req.on('aborted', onFailure);
    req.on('close', onClose);
  });
}

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** `application/json`, optionally with `charset=utf-8`; any other charset or type is refused. */
function isJsonMediaType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [mediaType, ...parameters] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (mediaType !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim().replace(/^"|"$/g, ''));
    return name !== 'charset' || value === 'utf-8' || value === 'utf8';
  });
}

/** True when arrays/objects nest deeper than `maxDepth`; iterative, so no input can exhaust the stack. */
function exceedsDepth(value: unknown, maxDepth: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(node)) if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}
