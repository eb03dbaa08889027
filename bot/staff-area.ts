import type { Area, Contacts } from '../municipality/contacts.js';
import type { RoleDirectory } from '../municipality/roles.js';
import { schoolInfo, schoolNamed } from '../municipality/schools.js';

/** Where the staff member's school is kept: their staff profile (chosen in the chat or the tab). */
export interface SchoolProfiles {
  schoolOf(userId: string): Promise<string | undefined>;
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
    const role = roles.roleOf({ aadObjectId: userId });
    const fromRoles = role.role === 'rektor' && role.school ? schoolNamed(contacts, role.school)?.area : undefined;
    if (fromRoles) return fromRoles;
    const key = await profiles.schoolOf(userId);
    return key === undefined ? undefined : schoolInfo(contacts, key)?.area;
  };
}
