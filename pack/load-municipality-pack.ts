import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config/config.js';
import type { BookingRules } from '../booking/availability-rules.js';
import { bookingRulesSchema, BOOKING_RULES_FILE } from '../booking/booking-rules-file.js';
import { loadKnowledge, type KnowledgeBase } from '../knowledge/load-knowledge.js';
import { PackFileError, readPackYaml, validatePackFile } from '../municipality/pack-files.js';
import { loadRoles, type RoleDirectory } from '../municipality/roles.js';
import { fromSnapshot, remember, snapshotKey } from '../municipality/start-snapshot.js';
import { loadRoutineTexts, type RoutineTexts } from '../municipality/routine-texts.js';

/**
 * A municipality pack: everything a municipality edits to run the bot, as files in one folder
 * (KNOWLEDGE_DIR), validated whole at start — a broken file stops the start, naming the file and the field.
 *
 *   entries/*.md          the knowledge base (one Markdown entry per file)
 *   sources.yaml          the documents the entries cite
 *   synonyms.yaml         words staff use for the same thing
 *   gaps.yaml             gaps several entries share, named by id from the entries (optional)
 *   contacts.yaml         areas and their mottagningssektioner, numbers, telephone hours, socialjouren, schools
 *   routines.yaml         the words of the consultation, the orosanmälan steps and the akut first reply
 *   booking-rules.yaml    when times may be posted and booked
 *   roles.yaml            who is socialsekreterare (area), rektor (school) or named elevhälsa (or ROLES_FILE)
 */
export interface MunicipalityPack {
  readonly dir: string;
  readonly knowledge: KnowledgeBase;
  readonly routines: RoutineTexts;
  readonly bookingRules: BookingRules;
  readonly roles: RoleDirectory;
}

/**
 * Entries the bot cites by id outside routines.yaml: the who-to-call card, the school question, the
 * akut alert offer and the day-14 reminder. Every pack needs them.
 */
export const REQUIRED_ENTRY_IDS = [
  'akut-oro',
  'telefontider-mottagningen',
  'socialjouren',
  'omedelbar-fara-112',
  'kontakter-mottagningssektionen',
  'aterkoppling-efter-anmalan',
] as const;

/** Loads and cross-checks a pack: routines cite existing entries, roles name the pack's schools and areas. */
export async function loadMunicipalityPack(dir: string, options: { readonly rolesFile: string }): Promise<MunicipalityPack> {
  const knowledge = await loadKnowledge(dir);
  for (const id of REQUIRED_ENTRY_IDS) {
    if (!knowledge.byId(id)) throw new PackFileError(`entries/${id}.md`, '(fil)', 'saknas: boten hänvisar till den posten (se README, Kommunpaketet)');
  }
  const routines = await loadRoutineTexts(dir, new Set(knowledge.entries.map((entry) => entry.id)));
  const bookingRules = await loadBookingRules(dir);
  const { contacts } = knowledge;
  const roles = await loadRoles(options.rolesFile, {
    knownSchools: contacts.schools.map((school) => school.name),
    knownAreas: contacts.mottagningssektioner.map((section) => section.area),
  });
  return { dir, knowledge, routines, bookingRules, roles };
}

/** booking-rules.yaml, validated (from the start snapshot while unchanged). */
async function loadBookingRules(dir: string): Promise<BookingRules> {
  const text = await readFile(path.join(dir, BOOKING_RULES_FILE)).catch(() => undefined);
  const key = snapshotKey('booking-rules', [{ name: BOOKING_RULES_FILE, text }]);
  const stored = fromSnapshot<BookingRules>(key);
  // Frozen as the schema leaves them (a structured clone is not).
  if (stored) return Object.freeze({ ...stored, allowedLengthsMinutes: Object.freeze([...stored.allowedLengthsMinutes]) });
  return remember(key, validatePackFile(bookingRulesSchema, await readPackYaml(dir, BOOKING_RULES_FILE), BOOKING_RULES_FILE));
}

/** Every area in ESCALATION_CHANNELS must be an area of the pack's contacts.yaml; one ConfigError lists the others. */
export function checkEscalationAreas(channels: Readonly<Record<string, string>>, pack: Pick<MunicipalityPack, 'knowledge'>): void {
  const areas = pack.knowledge.contacts.mottagningssektioner.map((section) => section.area);
  const unknown = Object.keys(channels).filter((area) => !areas.includes(area));
  if (unknown.length > 0) {
    throw new ConfigError(unknown.map((area) => `ESCALATION_CHANNELS: "${area}" is not an area in contacts.yaml (areas: ${areas.join(', ')})`));
  }
}
