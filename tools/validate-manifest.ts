/**
 * Offline validation of the Teams app manifest against the official JSON schemas that
 * `@microsoft/app-manifest` ships, so neither tests nor packaging need the network.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

/** The outcome of validating one manifest: every problem found, as readable lines. */
export interface ManifestValidation {
  valid: boolean;
  errors: string[];
}

const require = createRequire(import.meta.url);
const schemaRoot = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

// ajv-formats is CommonJS; under NodeNext its default import is typed as the module object.
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;

const validators = new Map<string, ValidateFunction>();

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
export function validateManifest(manifest: unknown): ManifestValidation {
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return { valid: false, errors: ['/: the manifest must be a JSON object'] };
  }
  const version = (manifest as Record<string, unknown>)['manifestVersion'];
  if (typeof version !== 'string') {
    return { valid: false, errors: ['/: missing required property "manifestVersion"'] };
  }
  const validate = validatorFor(version);
  if (validate === undefined) {
    const known = bundledSchemaVersions();
    return {
      valid: false,
      errors: [
        `/manifestVersion: "${version}" is not a manifest schema version that @microsoft/app-manifest knows (newest: ${known.at(-1)})`,
      ],
    };
  }
  if (validate(manifest)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(describeError) };
}

function validatorFor(version: string): ValidateFunction | undefined {
  const cached = validators.get(version);
  if (cached !== undefined) return cached;
  const schemaPath = join(schemaRoot, `v${version}`, 'MicrosoftTeams.schema.json');
  if (!/^\d+\.\d+$/.test(version) || !existsSync(schemaPath)) return undefined;

  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // The Teams schemas declare draft-04, which Ajv 8 has no meta-schema for. The keywords they
  // use read the same under Ajv's default draft, so the declaration is dropped, not the rules.
  delete schema['$schema'];
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  validators.set(version, validate);
  return validate;
}

function describeError(error: ErrorObject): string {
  const path = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${path}: missing required property "${String(params['missingProperty'])}"`;
    case 'additionalProperties':
      return `${path}: unknown property "${String(params['additionalProperty'])}"`;
    case 'const':
      return `${path}: must be ${JSON.stringify(params['allowedValue'])}`;
    case 'enum':
      return `${path}: must be one of ${JSON.stringify(params['allowedValues'])}`;
    default:
      return `${path}: ${error.message ?? error.keyword}`;
  }
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
