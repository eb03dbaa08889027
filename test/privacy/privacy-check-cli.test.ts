import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

function runCheck(input: string): string[] {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'tools/privacy-check.ts'], {
    cwd: repoRoot,
    input,
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return result.stdout.split('\n').filter((line) => line !== '');
}

describe('privacy:check', () => {
  describe('when JSONL messages come on stdin', () => {
    it('prints one verdict line per message, and nothing else', () => {
      const lines = runCheck(
        [
          JSON.stringify({ text: 'Eleven Sofia har berättat om våld' }),
          JSON.stringify({ text: 'hur länge får en utredning ta?' }),
          JSON.stringify({ text: 'En elev i 4B, 10 år, har berättat om slag' }),
          JSON.stringify({ text: 'Ring 08-530 622 55' }),
        ].join('\n') + '\n',
      );
      expect(lines.map((line) => JSON.parse(line))).toEqual([
        { identifying: true, categories: ['name'], quasi: false },
        { identifying: false, categories: [], quasi: false },
        { identifying: false, categories: [], quasi: true },
        { identifying: false, categories: [], quasi: false },
      ]);
    });
  });

  describe('when a line is malformed', () => {
    it('prints an error for that line and goes on', () => {
      const lines = runCheck(['not json', '{"text": 5}', JSON.stringify({ text: 'pnr 140312-XXXX' })].join('\n'));
      expect(lines).toHaveLength(3);
      expect(JSON.parse(lines[0]!)).toHaveProperty('error');
      expect(JSON.parse(lines[1]!)).toHaveProperty('error');
      expect(JSON.parse(lines[2]!)).toEqual({ identifying: true, categories: ['personnummer'], quasi: false });
    });
  });
});
