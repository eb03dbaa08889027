/**
 * Offline validation of the Teams app manifest with `@microsoft/app-manifest`'s own validator, against
 * the JSON schema it bundles for the manifest's version (it picks the schema draft itself), so neither
 * tests nor packaging need the network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

/** The outcome of validating one manifest: every problem found, as readable lines. */
export interface ManifestValidation {
  valid: boolean;
  errors: string[];
}

const require = createRequire(import.meta.url);
const schemaRoot = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');

/** Manifest schema versions bundled with @microsoft/app-manifest, oldest first (e.g. "1.30"). */
export function bundledSchemaVersions(): string[] {
  return readdirSync(schemaRoot)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort(compareVersions);
}

/** The newest manifest schema version bundled with @microsoft/app-manifest. */
export function newestSchemaVersion(): string {
  const newest = bundledSchemaVersions().at(-1);
  if (newest === undefined) throw new Error(`no Teams manifest schemas found under ${schemaRoot}`);
  return newest;
}

/** Validates a Teams app manifest against the bundled schema for its `manifestVersion`. */
export async function validateManifest(manifest: unknown): Promise<ManifestValidation> {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return { valid: false, errors: ['/: the manifest must be a JSON object'] };
  }
  const version = (manifest as Record<string, unknown>)['manifestVersion'];
  if (typeof version !== 'string') return { valid: false, errors: ['/: missing required property "manifestVersion"'] };
  if (!bundledSchemaVersions().includes(version)) {
    return {
      valid: false,
      errors: [`/manifestVersion: "${version}" is not a manifest schema version that @microsoft/app-manifest knows (newest: ${newestSchemaVersion()})`],
    };
  }
  const schema = JSON.parse(readFileSync(join(schemaRoot, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8')) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0], schema);
  return { valid: errors.length === 0, errors: errors.map((error) => (error.startsWith(' ') ? `/${error}` : error)) };
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
