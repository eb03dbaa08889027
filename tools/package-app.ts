/**
 * `npm run package`: validates appPackage/manifest.json offline and zips it with its icons into
 * appPackage/build/samverkansboten.zip, ready to upload to Teams.
 *
 * The committed manifest carries placeholder ids (schema-valid GUIDs). Set MICROSOFT_APP_ID to the
 * bot's Entra app id and, optionally, BOT_DOMAIN to the host the bot is served from, and the
 * package gets them instead. `--out <file>` writes the zip somewhere else.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { validateManifest } from './validate-manifest.js';

/** The bot id in the committed manifest, replaced by the real app id when one is given. */
export const PLACEHOLDER_APP_ID = '00000000-0000-0000-0000-000000000000';
/** The bot host in the committed manifest, replaced by BOT_DOMAIN when one is given. */
export const PLACEHOLDER_DOMAIN = 'samverkansboten.botkyrka.se';

/** Where the deployed bot lives; every field left out keeps the committed placeholder. */
export interface Deployment {
  appId?: string;
  botDomain?: string;
}

/** What to package and where to write it. */
export interface PackageOptions extends Deployment {
  appPackageDir?: string;
  outFile?: string;
}

/** The zip that was written and the file names inside it. */
export interface PackageResult {
  outFile: string;
  files: string[];
}

/** Why a package could not be built; `details` lists every problem found. */
export class PackageError extends Error {
  constructor(
    readonly code: 'MANIFEST_INVALID' | 'ICON_WRONG_SIZE' | 'DEPLOYMENT_INVALID',
    message: string,
    readonly details: string[] = [],
  ) {
    super(details.length > 0 ? `${message}\n  ${details.join('\n  ')}` : message);
    this.name = 'PackageError';
  }
}

const DEFAULT_APP_PACKAGE_DIR = fileURLToPath(new URL('../appPackage', import.meta.url));
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;
// A fixed timestamp makes the same input produce the same zip, byte for byte.
const ZIP_MTIME = new Date('2025-01-01T00:00:00Z');
const ICON_SIZES: Record<'color' | 'outline', number> = { color: 192, outline: 32 };

/** Returns a copy of the manifest with the deployment's app id and bot host filled in. */
export function applyDeployment(manifest: unknown, deployment: Deployment): unknown {
  const problems: string[] = [];
  if (deployment.appId !== undefined && !GUID.test(deployment.appId)) {
    problems.push(`MICROSOFT_APP_ID must be a GUID, got "${deployment.appId}"`);
  }
  if (deployment.botDomain !== undefined && !HOST_NAME.test(deployment.botDomain)) {
    problems.push(`BOT_DOMAIN must be a host name such as bot.example.se, got "${deployment.botDomain}"`);
  }
  if (problems.length > 0) throw new PackageError('DEPLOYMENT_INVALID', 'Bad deployment settings:', problems);

  // Both placeholders are plain tokens with no JSON-special characters, so a textual
  // replacement reaches every field that uses them (bot id, SSO resource, tab URLs).
  let text = JSON.stringify(manifest);
  if (deployment.appId !== undefined) text = text.replaceAll(PLACEHOLDER_APP_ID, deployment.appId.toLowerCase());
  if (deployment.botDomain !== undefined) text = text.replaceAll(PLACEHOLDER_DOMAIN, deployment.botDomain);
  return JSON.parse(text) as unknown;
}

/** Validates the manifest and icons and writes the Teams app zip. */
export async function packageApp(options: PackageOptions = {}): Promise<PackageResult> {
  const appPackageDir = options.appPackageDir ?? DEFAULT_APP_PACKAGE_DIR;
  const outFile = options.outFile ?? join(appPackageDir, 'build', 'samverkansboten.zip');

  const committed = JSON.parse(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8')) as unknown;
  const manifest = applyDeployment(committed, options);
  const validation = await validateManifest(manifest);
  if (!validation.valid) {
    throw new PackageError('MANIFEST_INVALID', 'manifest.json does not match the Teams schema:', validation.errors);
  }

  const icons = (manifest as { icons: Record<'color' | 'outline', string> }).icons;
  const files: Record<string, Uint8Array> = {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
  };
  const iconProblems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const bytes = readFileSync(join(appPackageDir, icons[kind]));
    const { width, height } = pngSize(bytes, icons[kind]);
    const expected = ICON_SIZES[kind];
    if (width !== expected || height !== expected) {
      iconProblems.push(`${icons[kind]} is ${width}×${height}, Teams needs ${expected}×${expected}`);
    }
    files[icons[kind]] = bytes;
  }
  if (iconProblems.length > 0) throw new PackageError('ICON_WRONG_SIZE', 'Icons of the wrong size:', iconProblems);

  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zipSync(files, { level: 9, mtime: ZIP_MTIME }));
  return { outFile, files: Object.keys(files) };
}

/**
 * Width and height from a PNG file's header (the IHDR chunk right after the signature). The icons are
 * committed files; this only checks they are the sizes Teams requires.
 */
export function pngSize(bytes: Uint8Array, file: string): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.length < 24 || signature.some((byte, index) => view[index] !== byte) || view.toString('latin1', 12, 16) !== 'IHDR') {
    throw new PackageError('ICON_WRONG_SIZE', `${file} is not a PNG file`);
  }
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({ options: { out: { type: 'string' } } });
    const result = await packageApp({
      outFile: values.out,
      appId: process.env['MICROSOFT_APP_ID'] || undefined,
      botDomain: process.env['BOT_DOMAIN'] || undefined,
    });
    console.log(`Wrote ${result.outFile} (${result.files.join(', ')})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
