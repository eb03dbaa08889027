import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The people of the tab tests, as the roles file lists them (schools from knowledge/contacts.yaml). */
export const TAB_PEOPLE = {
  /** Socialsekreterare at Mottagningssektion Norr (JOURNEYS: Ahmed). */
  ahmed: { upn: 'ahmed.hassan@botkyrka.se', aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e01', name: 'Ahmed Hassan' },
  /** Socialsekreterare at Mottagningssektion Södra. */
  sara: { upn: 'sara.lind@botkyrka.se', aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e02', name: 'Sara Lind' },
  /** Rektor of Hallundaskolan (Norr). */
  johan: { upn: 'johan.ek@botkyrka.se', aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e11', name: 'Johan Ek' },
  /** Förskolechef of Förskolan Myran (Norr). */
  nadia: { upn: 'nadia.ali@botkyrka.se', aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e12', name: 'Nadia Ali' },
  /** Rektor of Broängsskolan in Tumba (Södra) (JOURNEYS: Maria). */
  maria: { upn: 'maria.berg@botkyrka.se', aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e13', name: 'Maria Berg' },
  /** A kurator (elevhälsa). */
  leila: { upn: 'leila.karimi@botkyrka.se', aadObjectId: '5d7a1c0e-3b1f-4c52-9d6e-0a1b2c3d4e21', name: 'Leila Karimi' },
} as const;

/** Writes a roles file for the tab tests into `dir` (pinned to `tenantId` when given) and returns its path. */
export async function writeTabRolesFile(dir: string, options: { tenantId?: string } = {}): Promise<string> {
  const p = TAB_PEOPLE;
  const file = path.join(dir, 'roles.yaml');
  await writeFile(
    file,
    [
      ...(options.tenantId ? [`tenantId: "${options.tenantId}"`] : []),
      'people:',
      `  - { role: socialsekreterare, area: norr, aadObjectId: "${p.ahmed.aadObjectId}", upn: "${p.ahmed.upn}" }`,
      `  - { role: socialsekreterare, area: sodra, aadObjectId: "${p.sara.aadObjectId}", upn: "${p.sara.upn}" }`,
      `  - { role: rektor, school: "Hallundaskolan", aadObjectId: "${p.johan.aadObjectId}", upn: "${p.johan.upn}" }`,
      `  - { role: rektor, school: "Förskolan Myran", aadObjectId: "${p.nadia.aadObjectId}", upn: "${p.nadia.upn}" }`,
      `  - { role: rektor, school: "Broängsskolan", aadObjectId: "${p.maria.aadObjectId}", upn: "${p.maria.upn}" }`,
      `  - { role: elevhalsa, aadObjectId: "${p.leila.aadObjectId}", upn: "${p.leila.upn}" }`,
      '',
    ].join('\n'),
  );
  return file;
}

/** Monday 9 March 2026, 08.00 in Stockholm: "now" in the tab tests. */
export const TAB_TEST_NOW = new Date('2026-03-09T07:00:00Z');
