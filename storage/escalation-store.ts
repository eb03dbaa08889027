import { randomInt } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Area } from '../municipality/contacts.js';
import type { Database, EscalationsTable } from './database-schema.js';
import { fromStoredTime, toStoredTime } from './stored-time.js';

/** A Teams identity: the conversation-scoped id, the display name and, when Teams sent it, the Entra object id. */
export interface StaffIdentity {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
  /** The user principal name (usually the e-mail address), when known. */
  readonly userPrincipalName?: string;
}

/** What is recorded when a staff member asks a mottagningssektion to call back. */
export interface NewEscalation {
  readonly area: Area;
  readonly school: string;
  readonly requester: StaffIdentity;
  readonly createdAt: Date;
}

/** One recorded escalation and what became of it. */
export interface Escalation {
  readonly id: string;
  readonly area: Area;
  readonly school: string;
  readonly requester: StaffIdentity;
  readonly channelId?: string;
  readonly channelActivityId?: string;
  readonly createdAt: Date;
  readonly claimedBy?: { readonly id: string; readonly name: string };
  readonly claimedAt?: Date;
  readonly remindedAt?: Date;
  /** When the requester said it is solved or withdrew the alert; nobody can take it after that. */
  readonly closedAt?: Date;
  readonly closedReason?: EscalationCloseReason;
}

/** Why an alert was closed by its requester: "det är löst", or withdrawn ("återkalla"). */
export type EscalationCloseReason = 'resolved' | 'withdrawn';

/** The outcome of the requester closing an alert. `not-found` also when the alert is someone else's. */
export type EscalationCloseResult =
  | { readonly status: 'closed'; readonly escalation: Escalation }
  | { readonly status: 'already-closed'; readonly escalation: Escalation }
  | { readonly status: 'not-found' };

/** The outcome of pressing "Jag tar det": this press won, someone had already won, the requester closed it, or the alert is unknown. */
export type EscalationClaimResult =
  | { readonly status: 'claimed'; readonly escalation: Escalation }
  | { readonly status: 'already-claimed'; readonly escalation: Escalation }
  | { readonly status: 'closed'; readonly escalation: Escalation }
  | { readonly status: 'not-found' };

// Consonants only: the id travels in the "Jag tar det" button's data, which the privacy guard reads
// like text; hex ids sometimes spell a first name ("…0ebba4…") or a phone number and were refused.
const idAlphabet = 'bcdfghjkmnpqrstvwxz';
const idLength = 26; // 19^26 ≈ 2^110

/** A new escalation id: 26 random lower-case consonants, which no privacy check mistakes for a name or number. */
export function newEscalationId(): string {
  let id = '';
  for (let i = 0; i < idLength; i += 1) id += idAlphabet[randomInt(idAlphabet.length)];
  return id;
}

/** The shape of an escalation id, for validating what a card sends back. */
export const ESCALATION_ID_PATTERN = /^[bcdfghjkmnpqrstvwxz]{26}$/;

/** Options for tests and tools; production uses the defaults. */
export interface EscalationStoreOptions {
  newId?: () => string;
}

/**
 * Escalations in the `escalations` table. A claim is one conditional UPDATE (`… where claimed_by_id is
 * null`), so when several socialsekreterare press at once on any number of bot instances, exactly one wins.
 */
export class EscalationStore {
  private readonly newId: () => string;

  constructor(
    private readonly db: Database,
    options: EscalationStoreOptions = {},
  ) {
    this.newId = options.newId ?? newEscalationId;
  }

  /** Records a new, unclaimed escalation and returns it with its id. */
  async create(escalation: NewEscalation): Promise<Escalation> {
    const row: Selectable<EscalationsTable> = {
      id: this.newId(),
      area: escalation.area,
      school: escalation.school,
      requester_id: escalation.requester.id,
      requester_name: escalation.requester.name,
      requester_aad_id: escalation.requester.aadObjectId ?? null,
      requester_upn: escalation.requester.userPrincipalName ?? null,
      channel_id: null,
      channel_activity_id: null,
      created_at: toStoredTime(escalation.createdAt),
      claimed_by_id: null,
      claimed_by_name: null,
      claimed_at: null,
      reminded_at: null,
      closed_at: null,
      closed_reason: null,
    };
    await this.db.insertInto('escalations').values(row).execute();
    return toEscalation(row);
  }

  /** Remembers which channel message shows the alert, so its card can be updated later. */
  async setChannelActivity(id: string, channelId: string, activityId: string): Promise<void> {
    await this.db.updateTable('escalations').set({ channel_id: channelId, channel_activity_id: activityId }).where('id', '=', id).execute();
  }

  /** The escalation with this id, or undefined. */
  async get(id: string): Promise<Escalation | undefined> {
    const row = await this.db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toEscalation(row);
  }

  /** Claims the escalation for `claimer` unless someone already has or it is closed; exactly one concurrent claim wins. */
  async claim(id: string, claimer: { readonly id: string; readonly name: string }, at: Date): Promise<EscalationClaimResult> {
    const updated = await this.db
      .updateTable('escalations')
      .set({ claimed_by_id: claimer.id, claimed_by_name: claimer.name, claimed_at: toStoredTime(at) })
      .where('id', '=', id)
      .where('claimed_by_id', 'is', null)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    const escalation = await this.get(id);
    if (escalation === undefined) return { status: 'not-found' };
    if (updated.numUpdatedRows > 0n) return { status: 'claimed', escalation };
    return { status: escalation.closedAt === undefined ? 'already-claimed' : 'closed', escalation };
  }

  /**
   * Closes the alert for its requester ("det är löst" or withdrawn), once: one conditional UPDATE that
   * only matches the requester's own, still open alert. Taken or not, it is closed either way.
   */
  async close(id: string, requesterId: string, reason: EscalationCloseReason, at: Date): Promise<EscalationCloseResult> {
    const updated = await this.db
      .updateTable('escalations')
      .set({ closed_at: toStoredTime(at), closed_reason: reason })
      .where('id', '=', id)
      .where('requester_id', '=', requesterId)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    const escalation = await this.get(id);
    if (escalation === undefined || escalation.requester.id !== requesterId) return { status: 'not-found' };
    return { status: updated.numUpdatedRows > 0n ? 'closed' : 'already-closed', escalation };
  }

  /** The requester's most recent alert created at or after `since` that is still open, if any. */
  async latestOpenFor(requesterId: string, since: Date): Promise<Escalation | undefined> {
    const row = await this.db
      .selectFrom('escalations')
      .selectAll()
      .where('requester_id', '=', requesterId)
      .where('closed_at', 'is', null)
      .where('created_at', '>=', toStoredTime(since))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row === undefined ? undefined : toEscalation(row);
  }

  /**
   * Records, before it is sent, that the untaken-alert reminder goes out at `at`. False when the alert
   * has been taken or closed: then nothing may be sent. One conditional UPDATE, so a claim and this
   * are ordered on any number of instances. The reminder worker sends each reminder once; a retry after
   * a failed send records it again.
   */
  async markReminded(id: string, at: Date): Promise<boolean> {
    const updated = await this.db
      .updateTable('escalations')
      .set({ reminded_at: toStoredTime(at) })
      .where('id', '=', id)
      .where('claimed_by_id', 'is', null)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    return updated.numUpdatedRows > 0n;
  }

  /** Removes an escalation whose alert could not be posted, so follow-up counts only alerts staff saw. */
  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('escalations').where('id', '=', id).execute();
  }

  /** Escalations created in [from, to), oldest first, for follow-up per area. */
  async listCreatedBetween(from: Date, to: Date): Promise<Escalation[]> {
    const rows = await this.db
      .selectFrom('escalations')
      .selectAll()
      .where('created_at', '>=', toStoredTime(from))
      .where('created_at', '<', toStoredTime(to))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toEscalation);
  }
}

function toEscalation(row: Selectable<EscalationsTable>): Escalation {
  return {
    id: row.id,
    area: row.area as Area,
    school: row.school,
    requester: {
      id: row.requester_id,
      name: row.requester_name,
      ...(row.requester_aad_id === null ? {} : { aadObjectId: row.requester_aad_id }),
      ...(row.requester_upn === null ? {} : { userPrincipalName: row.requester_upn }),
    },
    ...(row.channel_id === null ? {} : { channelId: row.channel_id }),
    ...(row.channel_activity_id === null ? {} : { channelActivityId: row.channel_activity_id }),
    createdAt: fromStoredTime(row.created_at),
    ...(row.claimed_by_id === null ? {} : { claimedBy: { id: row.claimed_by_id, name: row.claimed_by_name ?? '' } }),
    ...(row.claimed_at === null ? {} : { claimedAt: fromStoredTime(row.claimed_at) }),
    ...(row.reminded_at === null ? {} : { remindedAt: fromStoredTime(row.reminded_at) }),
    ...(row.closed_at === null ? {} : { closedAt: fromStoredTime(row.closed_at) }),
    ...(row.closed_reason === 'resolved' || row.closed_reason === 'withdrawn' ? { closedReason: row.closed_reason } : {}),
  };
}
