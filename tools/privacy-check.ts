// Reads JSONL {"text": "…"} on stdin and prints one verdict line per input line:
// {"identifying": true|false, "categories": [...], "quasi": true|false}, or {"error": "…"} for a bad line.
// Usage: npm run --silent privacy:check < messages.jsonl
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { PrivacyGuard } from '../privacy/index.js';

const inputLine = z.object({ text: z.string() });

const guard = new PrivacyGuard();

function check(line: string): string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ error: 'not valid JSON' });
  }
  const parsed = inputLine.safeParse(json);
  if (!parsed.success) return JSON.stringify({ error: 'expected an object with a string "text"' });
  const verdict = guard.inspectText(parsed.data.text);
  return JSON.stringify({ identifying: verdict.identifying, categories: verdict.categories, quasi: verdict.quasi });
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
let pendingBlank = 0;
let output = '';
for await (const line of lines) {
  // Blank lines get an error too, so output lines stay aligned with input lines; a blank line at the very end is ignored.
  if (line.trim() === '') {
    pendingBlank++;
    continue;
  }
  for (; pendingBlank > 0; pendingBlank--) output += `${JSON.stringify({ error: 'empty line' })}\n`;
  output += `${check(line)}\n`;
  if (output.length > 65_536) {
    process.stdout.write(output);
    output = '';
  }
}
process.stdout.write(output);
