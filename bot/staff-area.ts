import type { Area, Contacts } from '../municipality/contacts.js';
import type { RoleDirectory } from '../municipality/roles.js';
import { schoolInfo, schoolNamed } from '../municipality/schools.js';

/** Where the staff member's school is kept: their staff profile (chosen in the chat or the tab). */
export interface SchoolProfiles {
  schoolOf(userId: string): Promise<string | undefined>;
  /** The schools of many users in one read; users without one are absent. Without it, `schoolOf` is asked per user. */
  schoolsOf?(userIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** The area of a staff member's school, by Entra object id (or Teams id); undefined when the bot does not know it. */
export type StaffAreaLookup = (userId: string) => Promise<Area | undefined>;

/**
 * A rektor's or förskolechef's school in the roles file, else the school they chose in the chat or the tab —
 * the same order as `knownSchool` in dialogs/school-dialog.ts, so the refusal, the statistics and the
 * routines agree on a person's area.
 */
export function staffAreaLookup(profiles: SchoolProfiles, roles: Pick<RoleDirectory, 'roleOf'>, contacts: Contacts): StaffAreaLookup {
  return async (userId) => {
    const fromRoles = areaFromRoles(roles, contacts, userId);
    if (fromRoles) return fromRoles;
    const key = await profiles.schoolOf(userId);
    return key === undefined ? undefined : schoolInfo(contacts, key)?.area;
  };
}

/** The areas of many staff members at once (absent or undefined when unknown), in the same order of sources as `staffAreaLookup`. */
export type StaffAreasLookup = (userIds: readonly string[]) => Promise<ReadonlyMap<string, Area | undefined>>;

/** `staffAreaLookup` for many users with one read of the profiles: the statistics resolve a minute's users at once. */
export function staffAreasLookup(profiles: SchoolProfiles, roles: Pick<RoleDirectory, 'roleOf'>, contacts: Contacts): StaffAreasLookup {
  return async (userIds) => {
    const areas = new Map<string, Area | undefined>();
    const unknown: string[] = [];
    for (const userId of userIds) {
      const fromRoles = areaFromRoles(roles, contacts, userId);
      if (fromRoles) areas.set(userId, fromRoles);
      else unknown.push(userId);
    }
    if (unknown.length === 0) return areas;
    const schools = profiles.schoolsOf
      ? await profiles.schoolsOf(unknown)
      : new Map((await Promise.all(unknown.map(async (userId) => [userId, await profiles.schoolOf(userId)] as const))).filter((entry): entry is readonly [string, string] => entry[1] !== undefined));
    for (const userId of unknown) {
      const key = schools.get(userId);
      areas.set(userId, key === undefined ? undefined : schoolInfo(contacts, key)?.area);
    }
    return areas;
  };
}

function areaFromRoles(roles: Pick<RoleDirectory, 'roleOf'>, contacts: Contacts, userId: string): Area | undefined {
  const role = roles.roleOf({ aadObjectId: userId });
  return role.role === 'rektor' && role.school ? schoolNamed(contacts, role.school)?.area : undefined;
}
