import type { Area, Contacts } from '../municipality/contacts.js';
import type { RoleDirectory } from '../municipality/roles.js';
import { schoolInfo, schoolNamed } from '../municipality/schools.js';

/** Where the staff member's school is kept: their staff profile (chosen in the chat or the tab). */
export interface SchoolProfiles {
  schoolOf(userId: string): Promise<string | undefined>;
}

/** The area of a staff member's school, by Entra object id (or Teams id); undefined when the bot does not know it. */
export type StaffAreaLookup = (userId: string) => Promise<Area | undefined>;

/** The area of the school they chose in the chat or the tab, else a rektor's school in the roles file. */
export function staffAreaLookup(profiles: SchoolProfiles, roles: Pick<RoleDirectory, 'roleOf'>, contacts: Contacts): StaffAreaLookup {
  return async (userId) => {
    const key = await profiles.schoolOf(userId);
    const chosen = key === undefined ? undefined : schoolInfo(contacts, key)?.area;
    if (chosen) return chosen;
    const role = roles.roleOf({ aadObjectId: userId });
    return role.role === 'rektor' && role.school ? schoolNamed(contacts, role.school)?.area : undefined;
  };
}
