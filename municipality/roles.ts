import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { areaSchema, type Area } from './contacts.js';
import { DataFileError, parseDataYaml, validateDataFile, WHOLE_FILE } from './pack-files.js';
import { fromSnapshot, remember, snapshotKey } from './start-snapshot.js';

/** A roles file that cannot be used. */
export class RolesError extends DataFileError {
  constructor(file: string, field: string, problem: string) {
    super('ROLES_INVALID', file, field, problem, `Rollfilen ${file} är felaktig`);
    this.name = 'RolesError';
  }
}

/** What a staff member may do with availability and bookings. */
export type StaffRole =
  | { readonly role: 'socialsekreterare'; readonly area: Area }
  | { readonly role: 'rektor'; readonly school?: string }
  | { readonly role: 'elevhalsa' };

/**
 * How a user is recognised: the Entra object id and tenant, as Teams vouches for them (the activity's
 * `from.aadObjectId` and tenant) or a verified SSO token carries them (`oid`, `tid`). Deliberately
 * no user principal name: it can be changed and reused, so it never decides a role.
 */
export interface RoleLookup {
  readonly tenantId?: string;
  readonly aadObjectId?: string;
}

// Teams sends a GUID; the Agents Playground's users have other ids (e.g. 00000000-…-0000000000020), so
// any id without spaces is accepted. Only an address is refused: that belongs in upn.
const aadObjectId = z
  .string({ error: (issue) => (issue.input === undefined ? 'behöver aadObjectId (Entra-objekt-id); upn ensam ger ingen roll' : undefined) })
  .trim()
  .regex(/^[^\s@]{1,100}$/, 'måste vara ett Entra-objekt-id (GUID), utan mellanslag och utan @');
// Only a label that helps administrators read the file; it never grants anything.
const upn = z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'måste vara en inloggningsadress (namn@domän)');
const identity = { aadObjectId, upn: upn.optional() };
const tenantId = z
  .string()
  .trim()
  .regex(/^[^\s@]{1,100}$/, 'måste vara ett katalog-id (Entra "Tenant ID", en GUID), utan mellanslag');

const personSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('socialsekreterare'), area: areaSchema, ...identity }).strict(),
  z.object({ role: z.literal('rektor'), school: z.string().trim().min(1).optional(), ...identity }).strict(),
  z.object({ role: z.literal('elevhalsa'), ...identity }).strict(),
  z.object({ role: z.literal('ledning'), ...identity }).strict(),
  z.object({ role: z.literal('kunskapsagare'), ...identity }).strict(),
]);

/** Who may open the statistics tab: the ledningsgrupp and the people who keep the knowledge base. */
export type StatisticsRole = 'ledning' | 'kunskapsagare';

/** roles.yaml: the organisation's tenant (optional) and a list of people with their role. */
export const rolesFileSchema = z.object({ tenantId: tenantId.optional(), people: z.array(personSchema) }).strict();

/** One validated entry of roles.yaml. */
export type RoleAssignment = z.infer<typeof personSchema>;

/**
 * Answers "what role does this user have?" by Entra object id (and tenant, when the file names one);
 * anyone not listed is elevhälsa (staff who ask and book konsultationer). The chat and the tab use
 * this one directory, so the role rules cannot drift apart.
 */
export interface RoleDirectory {
  roleOf(user: RoleLookup): StaffRole;
  /** `ledning` or `kunskapsagare` when the user may see the statistics; undefined for everyone else. */
  statisticsRoleOf(user: RoleLookup): StatisticsRole | undefined;
  /** The tenant the file pins, lower case; undefined when it names none. */
  readonly tenantId?: string;
  /** The listed people, for the tab's development mode. */
  readonly people: readonly RoleAssignment[];
}

/** Options for loading: the school names and areas in contacts.yaml, so a misspelt school or area is caught at start. */
export interface LoadRolesOptions {
  readonly knownSchools?: readonly string[];
  readonly knownAreas?: readonly string[];
}

/** Reads and validates a roles file; throws RolesError naming the file and the field. */
export async function loadRoles(file: string, options: LoadRolesOptions = {}): Promise<RoleDirectory> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new RolesError(file, WHOLE_FILE, 'går inte att läsa');
  }
  // From the start snapshot while the file and the pack's schools and areas are unchanged.
  const known = JSON.stringify([options.knownSchools ?? null, options.knownAreas ?? null]);
  const key = snapshotKey('roles', [{ name: '(roles file)', text }, { name: '(known schools and areas)', text: known }]);
  const { people, tenantId } = fromSnapshot<ValidatedRoles>(key) ?? remember(key, validateRoles(file, text, options));
  return createRoleDirectory(people, tenantId === undefined ? {} : { tenantId });
}

interface ValidatedRoles {
  readonly people: readonly RoleAssignment[];
  readonly tenantId?: string;
}

function validateRoles(file: string, text: string, options: LoadRolesOptions): ValidatedRoles {
  return validateParsedRoles(file, parseDataYaml(RolesError, file, text), options);
}

/** Validates an already parsed roles document (for tests and tools). */
export function parseRoles(file: string, raw: unknown, options: LoadRolesOptions = {}): RoleDirectory {
  const { people, tenantId } = validateParsedRoles(file, raw, options);
  return createRoleDirectory(people, tenantId === undefined ? {} : { tenantId });
}

function validateParsedRoles(file: string, raw: unknown, options: LoadRolesOptions): ValidatedRoles {
  const parsed = validateDataFile(RolesError, rolesFileSchema, raw, file, WHOLE_FILE);
  const people = parsed.people;
  checkUnique(file, people);
  if (options.knownSchools) checkSchools(file, people, options.knownSchools);
  if (options.knownAreas) checkAreas(file, people, options.knownAreas);
  return parsed.tenantId === undefined ? { people } : { people, tenantId: parsed.tenantId };
}

/**
 * A directory over validated assignments: the first entry with the user's object id wins. When a
 * tenant is given, a user from any other tenant (or from none) is recognised by nobody.
 */
export function createRoleDirectory(people: readonly RoleAssignment[], options: { readonly tenantId?: string } = {}): RoleDirectory {
  const tenant = options.tenantId?.toLowerCase();
  const byObjectId = new Map<string, RoleAssignment>();
  for (const person of people) {
    if (!byObjectId.has(person.aadObjectId.toLowerCase())) byObjectId.set(person.aadObjectId.toLowerCase(), person);
  }
  return {
    ...(tenant === undefined ? {} : { tenantId: tenant }),
    people,
    roleOf(user) {
      if (tenant !== undefined && user.tenantId?.toLowerCase() !== tenant) return { role: 'elevhalsa' };
      const person = user.aadObjectId ? byObjectId.get(user.aadObjectId.toLowerCase()) : undefined;
      return person ? roleFrom(person) : { role: 'elevhalsa' };
    },
    statisticsRoleOf(user) {
      if (tenant !== undefined && user.tenantId?.toLowerCase() !== tenant) return undefined;
      const person = user.aadObjectId ? byObjectId.get(user.aadObjectId.toLowerCase()) : undefined;
      return person?.role === 'ledning' || person?.role === 'kunskapsagare' ? person.role : undefined;
    },
  };
}

function roleFrom(person: RoleAssignment): StaffRole {
  switch (person.role) {
    case 'socialsekreterare':
      return { role: 'socialsekreterare', area: person.area };
    case 'rektor':
      return person.school ? { role: 'rektor', school: person.school } : { role: 'rektor' };
    // The statistics roles book and ask like any member of staff.
    case 'elevhalsa':
    case 'ledning':
    case 'kunskapsagare':
      return { role: 'elevhalsa' };
  }
}

function checkUnique(file: string, people: readonly RoleAssignment[]): void {
  const seen = new Set<string>();
  people.forEach((person, index) => {
    for (const [field, value] of [['aadObjectId', person.aadObjectId], ['upn', person.upn]] as const) {
      if (value === undefined) continue;
      const key = `${field}:${value.toLowerCase()}`;
      if (seen.has(key)) throw new RolesError(file, `people.${index}.${field}`, `"${value}" finns redan på en annan rad`);
      seen.add(key);
    }
  });
}

function checkSchools(file: string, people: readonly RoleAssignment[], knownSchools: readonly string[]): void {
  const known = new Set(knownSchools.map((name) => name.toLocaleLowerCase('sv')));
  people.forEach((person, index) => {
    if (person.role === 'rektor' && person.school && !known.has(person.school.toLocaleLowerCase('sv'))) {
      throw new RolesError(file, `people.${index}.school`, `"${person.school}" finns inte bland skolorna i contacts.yaml`);
    }
  });
}

function checkAreas(file: string, people: readonly RoleAssignment[], knownAreas: readonly string[]): void {
  people.forEach((person, index) => {
    if (person.role === 'socialsekreterare' && !knownAreas.includes(person.area)) {
      throw new RolesError(file, `people.${index}.area`, `"${person.area}" är inget område i contacts.yaml (${knownAreas.join(', ')})`);
    }
  });
}
