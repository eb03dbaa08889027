import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { PackageError, PLACEHOLDER_APP_ID, packageApp, pngSize } from '../../tools/package-app.js';
import { newestSchemaVersion, validateManifest } from '../../tools/validate-manifest.js';
import { manifestCommandLists } from '../../dialogs/typed-commands.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const appPackageDir = join(repoRoot, 'appPackage');
const run = promisify(execFile);

interface BotEntry {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  commandLists: { scopes: string[]; commands: { title: string }[] }[];
}
interface Manifest {
  manifestVersion: string;
  name: { short: string };
  localizationInfo: { defaultLanguageTag: string };
  bots: BotEntry[];
  webApplicationInfo: { id: string };
}

function committedManifest(): Manifest {
  return JSON.parse(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8')) as Manifest;
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  tempDirs.push(dir);
  return dir;
}
/** The first 24 bytes of a PNG file: the signature and the start of the IHDR chunk with the size. */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('Teams app package', () => {
  describe('when the committed manifest is checked', () => {
    it('validates offline against the official Teams schema', async () => {
      expect(await validateManifest(committedManifest())).toEqual({ valid: true, errors: [] });
    });

    it('uses the newest manifest schema version that @microsoft/app-manifest bundles', () => {
      expect(committedManifest().manifestVersion).toBe(newestSchemaVersion());
    });

    it('offers the bot in personal chats, group chats and channels, in Swedish, without files', () => {
      const manifest = committedManifest();
      const bot = manifest.bots[0];
      expect(manifest.name.short).toBe('Samverkansboten');
      expect(manifest.localizationInfo.defaultLanguageTag).toBe('sv');
      expect(bot?.scopes).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
      expect(bot?.supportsFiles).toBe(false);
      const personalCommands = bot?.commandLists
        .find((list) => list.scopes.includes('personal'))
        ?.commands.map((command) => command.title);
      expect(personalCommands).toEqual(
        expect.arrayContaining(['hjälp', 'anonym konsultation', 'orosanmälan', 'akut oro']),
      );
    });
  });

  describe('when the Teams command menu is compared with “hjälp”', () => {
    it('lists exactly the commands of dialogs/typed-commands.ts, the one list “hjälp” shows too', () => {
      const bot = committedManifest().bots[0] as unknown as { commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] };
      expect(bot.commandLists).toEqual(manifestCommandLists());
    });

    it('offers the consultation, the orosanmälan, the bookings and “byt skola” only in the personal chat, and avbryt everywhere', () => {
      const [personal, shared] = manifestCommandLists();
      expect(personal!.commands.map((command) => command.title)).toEqual(
        expect.arrayContaining(['hjälp', 'anonym konsultation', 'orosanmälan', 'byt skola', 'mina bokningar', 'boka anmälningsmöte', 'lägg upp tider', 'avbryt']),
      );
      expect(shared!.commands.map((command) => command.title)).toEqual(['hjälp', 'akut oro', 'vem ringer jag', 'avbryt']);
    });
  });

  describe('when the personal tab is checked', () => {
    it('offers "Tider och bokningar" next to the chat, served by the bot with SSO for its API', () => {
      const manifest = committedManifest() as unknown as {
        staticTabs: { entityId: string; name?: string; contentUrl?: string; scopes: string[] }[];
        validDomains: string[];
        webApplicationInfo: { id: string; resource: string };
      };
      const tab = manifest.staticTabs.find((candidate) => candidate.entityId === 'tider-och-bokningar');

      expect(manifest.staticTabs.map((candidate) => candidate.entityId)).toContain('conversations');
      expect(tab).toMatchObject({ name: 'Tider och bokningar', contentUrl: 'https://samverkansboten.botkyrka.se/tab', scopes: ['personal'] });
      expect(manifest.validDomains).toContain(new URL(tab!.contentUrl!).host);
      expect(manifest.webApplicationInfo.resource).toBe(`api://samverkansboten.botkyrka.se/${manifest.webApplicationInfo.id}`);
    });

    it('points the tab and the SSO resource at the deployed host and app id when packaged', async () => {
      const outFile = join(tempDir(), 'app.zip');
      const appId = '5f0c1c7e-2b7a-4a59-9d1e-3c2f1a0b9e77';

      await packageApp({ outFile, appId, botDomain: 'samverkan.example.se' });

      const entries = unzipSync(readFileSync(outFile));
      const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as {
        staticTabs: { entityId: string; contentUrl?: string }[];
        webApplicationInfo: { resource: string };
      };
      expect(manifest.staticTabs.find((tab) => tab.entityId === 'tider-och-bokningar')?.contentUrl).toBe('https://samverkan.example.se/tab');
      expect(manifest.webApplicationInfo.resource).toBe(`api://samverkan.example.se/${appId}`);
    });
  });

  describe('when a manifest is broken', () => {
    it('reports a missing bot id with the path to the bot', async () => {
      const manifest = committedManifest() as unknown as { bots: Record<string, unknown>[] };
      delete manifest.bots[0]?.['botId'];

      const result = await validateManifest(manifest);

      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toMatch(/^\/bots\/0 must have required property 'botId'/m);
    });

    it('reports a manifest version that no bundled schema has', async () => {
      const result = await validateManifest({ ...committedManifest(), manifestVersion: '1.99' });

      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toMatch(/manifestVersion: "1\.99" is not a manifest schema version/);
    });

    it('reports a bot id that is not a GUID', async () => {
      const manifest = committedManifest();
      manifest.bots[0]!.botId = '${{BOT_ID}}';

      const result = await validateManifest(manifest);

      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toMatch(/^\/bots\/0\/botId must match pattern/m);
    });
  });

  describe('when the package is built', () => {
    it('zips exactly the manifest and the two icons, with the sizes Teams requires', async () => {
      const outFile = join(tempDir(), 'app.zip');

      await packageApp({ outFile });

      const entries = unzipSync(readFileSync(outFile));
      expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      expect(pngSize(entries['color.png']!, 'color.png')).toEqual({ width: 192, height: 192 });
      expect(pngSize(entries['outline.png']!, 'outline.png')).toEqual({ width: 32, height: 32 });
      const packaged = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as Manifest;
      expect((await validateManifest(packaged)).valid).toBe(true);
    });

    it('puts the real app id in place of the placeholder', async () => {
      const outFile = join(tempDir(), 'app.zip');
      const appId = '5f0c1c7e-2b7a-4a59-9d1e-3c2f1a0b9e77';

      await packageApp({ outFile, appId });

      const entries = unzipSync(readFileSync(outFile));
      const packaged = Buffer.from(entries['manifest.json']!).toString('utf8');
      const manifest = JSON.parse(packaged) as Manifest;
      expect(manifest.bots[0]?.botId).toBe(appId);
      expect(manifest.webApplicationInfo.id).toBe(appId);
      expect(packaged).not.toContain(PLACEHOLDER_APP_ID);
    });

    it('refuses an icon of the wrong size and names the file', async () => {
      const dir = tempDir();
      cpSync(appPackageDir, dir, { recursive: true, filter: (source) => source !== join(appPackageDir, 'build') });
      writeFileSync(join(dir, 'color.png'), pngHeader(100, 100));

      await expect(packageApp({ appPackageDir: dir, outFile: join(dir, 'app.zip') })).rejects.toThrow(
        /color\.png is 100×100, Teams needs 192×192/,
      );
    });

    it('refuses an app id that is not a GUID', async () => {
      const outFile = join(tempDir(), 'app.zip');

      await expect(packageApp({ outFile, appId: 'min-bot' })).rejects.toThrow(PackageError);
    });

    it('takes the app id from MICROSOFT_APP_ID when run as the package script', async () => {
      const appId = 'a1b2c3d4-0000-4000-8000-0123456789ab';
      const outFile = join(tempDir(), 'samverkansboten.zip');

      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'tools/package-app.ts', '--out', outFile], {
        cwd: repoRoot,
        env: { ...process.env, MICROSOFT_APP_ID: appId },
      });

      expect(stdout).toContain(outFile);
      const entries = unzipSync(readFileSync(outFile));
      const manifest = JSON.parse(Buffer.from(entries['manifest.json']!).toString('utf8')) as Manifest;
      expect(manifest.bots[0]?.botId).toBe(appId);
    });
  });
});
