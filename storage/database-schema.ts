import type { Kysely } from 'kysely';
import type { StoredTime } from './stored-time.js';

/**
 * Every table the bot owns, as Kysely sees it. A new migration in `migrations.ts` adds its table here.
 * Column conventions, identical on both dialects: text, integer, JSON as text, timestamps as
 * `StoredTime` text.
 */
export interface DatabaseSchema {
  bot_state: BotStateTable;
  conversation_references: ConversationReferencesTable;
  escalations: EscalationsTable;
  reminders: RemindersTable;
  availability_slots: AvailabilitySlotsTable;
  bookings: BookingsTable;
  booking_audit: BookingAuditTable;
  staff_profiles: StaffProfilesTable;
  turn_leases: TurnLeasesTable;
}

/** Conversation and user state written by botbuilder, one JSON document per storage key. */
export interface BotStateTable {
  /** botbuilder's storage key, e.g. `msteams/conversations/<id>/`. */
  key: string;
  /** The item as JSON text, without its eTag. */
  value: string;
  /** Opaque token that changes on every write; compared for optimistic concurrency. */
  etag: string;
  updated_at: StoredTime;
}

/** Where the bot can write proactively: a Bot Framework conversation reference per key (`channel:<id>`, `user:<id>`). */
export interface ConversationReferencesTable {
  key: string;
  /** The conversation reference as JSON text: ids, service URL, bot and user account. No message text. */
  reference: string;
  updated_at: StoredTime;
}

/** One akut alert posted to a mottagningssektion's channel, kept for follow-up. Never free text or child data. */
export interface EscalationsTable {
  id: string;
  /** The area's key in the municipality pack (`norr`, `sodra` in Botkyrka). */
  area: string;
  /** The requester's school or förskola, as chosen from the contacts file. */
  school: string;
  /** Teams identity of the staff member who asked to be called back. */
  requester_id: string;
  requester_name: string;
  requester_aad_id: string | null;
  /** The requester's user principal name, when Teams gave it, for the "Ring upp i Teams" link. */
  requester_upn: string | null;
  /** The Teams channel the alert went to, and the alert message's activity id there. */
  channel_id: string | null;
  channel_activity_id: string | null;
  created_at: StoredTime;
  /** Set once, atomically, by the socialsekreterare who pressed "Jag tar det". */
  claimed_by_id: string | null;
  claimed_by_name: string | null;
  claimed_at: StoredTime | null;
  /** When the unclaimed-alert reminder went out. */
  reminded_at: StoredTime | null;
  /** Set once, atomically, when the requester said it is solved or withdrew the alert (migration 0004). */
  closed_at: StoredTime | null;
  /** 'resolved' | 'withdrawn'. */
  closed_reason: string | null;
}

/** A proactive message due at a time, sent once across bot instances. The payload never holds child data. */
export interface RemindersTable {
  id: string;
  /** Which handler sends it, e.g. `aterkoppling-day-14`. */
  kind: string;
  /** When it is next due; moved forward after a failed attempt. */
  due_at: StoredTime;
  /** Small JSON object the kind's handler validates: ids and conversation keys only. */
  payload: string;
  /** Makes scheduling idempotent: a second reminder with the same key is not stored. */
  dedupe_key: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
  attempts: number;
  /** The worker instance that holds the lease while sending. */
  claimed_by_instance: string | null;
  claimed_at: StoredTime | null;
  sent_at: StoredTime | null;
  created_at: StoredTime;
}

/** A time a socialsekreterare posted for a konsultation or an anmälningsmöte. No child data. */
export interface AvailabilitySlotsTable {
  id: string;
  /** Entra object id (else Teams id), display name, Teams id and UPN of the socialsekreterare. */
  owner_id: string;
  owner_name: string;
  owner_teams_id: string | null;
  owner_upn: string | null;
  /** The area's key in the municipality pack (`norr`, `sodra` in Botkyrka). */
  area: string;
  /** 'konsultation' | 'anmalningsmote'. */
  kind: string;
  starts_at: StoredTime;
  ends_at: StoredTime;
  /** Where an anmälningsmöte can be held at social services; checked by the privacy guard. */
  place: string | null;
  /** 'free' | 'booked' | 'cancelled'; booking is `… set status = 'booked' where status = 'free'`. */
  status: string;
  version: number;
  created_at: StoredTime;
  updated_at: StoredTime;
}

/** A booked slot: reference, staff on both sides, school and enumerated planning answers. Never child data or free text. */
export interface BookingsTable {
  id: string;
  /** Generated reference the school keeps with its own records, e.g. `AM-7K3Q-9D`. */
  reference: string;
  slot_id: string;
  kind: string;
  area: string;
  /** Copied from the slot when booked or moved, so a booking reads and purges on its own. */
  starts_at: StoredTime;
  ends_at: StoredTime;
  place: string | null;
  owner_id: string;
  owner_name: string;
  owner_teams_id: string | null;
  owner_upn: string | null;
  booked_by_id: string;
  booked_by_name: string;
  booked_by_teams_id: string | null;
  booked_by_upn: string | null;
  /** For an anmälningsmöte; null for an anonymous konsultation. */
  school: string | null;
  /** Planning answers as enumerated values: 'skolan' | 'socialtjansten' (| 'digitalt' for the location). */
  guardians_invited_by: string | null;
  led_by: string | null;
  meeting_location: string | null;
  /** 'booked' | 'cancelled'. */
  status: string;
  /** 0 when booked, bumped on every move or cancellation; the invitation's SEQUENCE. */
  version: number;
  created_at: StoredTime;
  updated_at: StoredTime;
  cancelled_at: StoredTime | null;
}

/** Append-only log of what happened to slots and bookings: who, what, when. No free text. */
export interface BookingAuditTable {
  /** Sorts in writing order. */
  id: string;
  at: StoredTime;
  /** Staff member id, or 'system'. */
  actor_id: string;
  action: string;
  slot_id: string | null;
  booking_reference: string | null;
  area: string | null;
  kind: string | null;
}

/** The typed query builder over the bot's tables. */
export type Database = Kysely<DatabaseSchema>;

/** A staff member's own förskola/skola (a key from the municipality pack's school list), by Entra object id. */
export interface StaffProfilesTable {
  user_id: string;
  school_key: string;
  updated_at: StoredTime;
}

/** A conversation whose turn an instance is running, until `expires_at` at the latest. */
export interface TurnLeasesTable {
  /** The conversation's state key. */
  key: string;
  /** Which instance and turn holds it. */
  holder: string;
  expires_at: StoredTime;
}
