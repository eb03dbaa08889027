import { telLink, type Area, type Contacts } from './contacts.js';

/** A school as the bot shows it; `area` is undefined for "another school, area unknown". */
export interface SchoolInfo {
  readonly key: string;
  /** As shown in the list: "Hallundaskolan", "Annan förskola/skola i Norr (…)". */
  readonly label: string;
  /** As written in an alert or a sentence: "Hallundaskolan", "annan förskola/skola i Norr". */
  readonly name: string;
  readonly area?: Area;
  readonly kind?: 'forskola' | 'grundskola' | 'gymnasium';
}

/** A mottagningssektion as texts need it: its name and its number, shown and tappable. */
export interface SectionContact {
  readonly area: Area;
  readonly name: string;
  readonly phone: string;
  readonly tel: string;
}

/** The key of the choice "another school, area unknown". */
export const OTHER_SCHOOL_KEY = 'annan';

/** Every choice in the school list: the pack's schools by name, then "annan" per area and "annan, vet inte". */
export function schoolOptions(contacts: Contacts): SchoolInfo[] {
  const schools = [...contacts.schools]
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((school) => schoolInfo(contacts, schoolKey(school.name))!);
  const others = contacts.mottagningssektioner.map((section) => schoolInfo(contacts, `${OTHER_SCHOOL_KEY}-${section.area}`)!);
  return [...schools, ...others, schoolInfo(contacts, OTHER_SCHOOL_KEY)!];
}

/** A school by key, with its area resolved from the LSG mapping; undefined for an unknown key. */
export function schoolInfo(contacts: Contacts, key: string): SchoolInfo | undefined {
  if (key === OTHER_SCHOOL_KEY) return { key, label: 'Annan förskola/skola – vet inte vilket område', name: 'en annan förskola/skola' };
  const section = contacts.mottagningssektioner.find((s) => key === `${OTHER_SCHOOL_KEY}-${s.area}`);
  if (section) {
    const places = contacts.lsgAreas.filter((lsg) => lsg.area === section.area).map((lsg) => lsg.name).join(', ');
    const areaName = sectionShortName(section.name);
    return { key, label: `Annan förskola/skola i ${areaName} (${places})`, name: `en annan förskola/skola i ${areaName}`, area: section.area };
  }
  const school = contacts.schools.find((s) => schoolKey(s.name) === key);
  if (!school) return undefined;
  const area = contacts.lsgAreas.find((lsg) => lsg.key === school.lsg)?.area;
  return { key, label: school.name, name: school.name, area, kind: school.kind };
}

/** A school by name (as the roles file writes it), or undefined when the pack has no such school. */
export function schoolNamed(contacts: Contacts, name: string): SchoolInfo | undefined {
  return schoolInfo(contacts, schoolKey(name));
}

/** A stable key for a school name: "S:t Botvids gymnasium" → "s-t-botvids-gymnasium". */
export function schoolKey(name: string): string {
  return name
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The mottagningssektion of an area, with its number; throws for an area the pack does not have. */
export function sectionOf(contacts: Contacts, area: Area): SectionContact {
  const section = contacts.mottagningssektioner.find((candidate) => candidate.area === area);
  if (!section) throw new Error(`the municipality pack has no mottagningssektion for area "${area}"`);
  return { area, name: section.name, phone: section.phone, tel: telLink(section.phone) };
}

/** "Mottagningssektion Norr" → "Norr": the part of the name that tells the areas apart. */
export function sectionShortName(sectionName: string): string {
  return sectionName.replace(/^Mottagningssektion(en)?\s+/iu, '');
}
