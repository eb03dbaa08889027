import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../config/config.js';
import { loadMunicipalityPack, checkEscalationAreas } from '../../pack/load-municipality-pack.js';
import { PLAYGROUND_PEOPLE, PLAYGROUND_ROLES_FILE, playgroundBotEnvironment, playgroundConfigYaml } from '../../tools/playground-people.js';
import { findFreePort } from '../helpers/bot-process.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('the Playground people (npm run playground)', () => {
  describe('when the bot reads playground/roles.yaml', () => {
    it('gives Leila, Maria, Sara, Ahmed, Johan and Sam the roles their journeys need', async () => {
      const pack = await loadMunicipalityPack(join(repoRoot, 'knowledge'), { rolesFile: PLAYGROUND_ROLES_FILE });
      const roleOf = (key: string) => pack.roles.roleOf({ aadObjectId: PLAYGROUND_PEOPLE.find((someone) => someone.key === key)!.aadObjectId });

      expect(roleOf('leila')).toEqual({ role: 'elevhalsa' });
      expect(roleOf('maria')).toEqual({ role: 'rektor', school: 'Tunaskolan' });
      expect(roleOf('sara')).toEqual({ role: 'socialsekreterare', area: 'sodra' });
      expect(roleOf('ahmed')).toEqual({ role: 'socialsekreterare', area: 'norr' });
      expect(roleOf('johan')).toEqual({ role: 'rektor', school: 'Förskolan Bikupan' });
      expect(roleOf('sam')).toEqual({ role: 'elevhalsa' });
    });

    it('starts with an alert channel for both areas of the pack', async () => {
      const config = loadConfig(playgroundBotEnvironment());
      const pack = await loadMunicipalityPack(join(repoRoot, 'knowledge'), { rolesFile: config.rolesFile });

      expect(() => checkEscalationAreas(config.escalation.channels, pack)).not.toThrow();
      expect(Object.keys(config.escalation.channels).sort()).toEqual(['norr', 'sodra']);
    });
  });

  describe('when a Playground configuration is written for a person', () => {
    it('signs in as that person, with the five other users the Playground demands and the alert channel for a socialsekreterare', () => {
      for (const someone of PLAYGROUND_PEOPLE) {
        const config = parse(playgroundConfigYaml(someone));
        expect(config.currentUser.aadObjectId).toBe(someone.aadObjectId);
        expect(config.users).toHaveLength(5);
        expect(new Set([config.currentUser.id, ...config.users.map((user: { id: string }) => user.id)]).size).toBe(6);
        expect(config.team.channels).toHaveLength(1);
      }
      const ahmed = parse(playgroundConfigYaml(PLAYGROUND_PEOPLE.find((someone) => someone.key === 'ahmed')!));
      expect(ahmed.team.channels[0].id).toBe(loadConfig(playgroundBotEnvironment()).escalation.channels.norr);
    });
  });

  describe('when `npm run playground` runs and gets SIGTERM', () => {
    it('serves the bot and the Playground, then stops both', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'npm-run-playground-'));
      const botPort = await findFreePort();
      const playgroundPort = await findFreePort();
      const child = spawn('npm', ['run', 'playground', '--', '--people', 'leila', '--first-port', String(playgroundPort), '--data', dataDir], {
        cwd: repoRoot,
        env: { ...process.env, PORT: String(botPort) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const output: string[] = [];
      createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no "Ctrl-C stoppar allt" within 90 s:\n${output.join('\n')}`)), 90_000);
          createInterface({ input: child.stdout }).on('line', (line) => {
            output.push(line);
            if (line.includes('Ctrl-C stoppar allt')) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        expect(output.join('\n')).toContain(`http://localhost:${playgroundPort}/  Leila Karimi`);
        expect((await fetch(`http://127.0.0.1:${botPort}/healthz`)).status).toBe(200);
        expect((await fetch(`http://127.0.0.1:${playgroundPort}/`)).status).toBe(200);

        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        await expect(fetch(`http://127.0.0.1:${botPort}/healthz`)).rejects.toThrow();
        await expect(fetch(`http://127.0.0.1:${playgroundPort}/`)).rejects.toThrow();
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 120_000);
  });
});
