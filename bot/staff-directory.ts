import { TeamsInfo } from './botbuilder-edge.js';
import { teamsGetTenant, TurnContext } from '../dialogs/botbuilder-runtime.js';
import type { BookingActor, BookingService } from '../booking/booking-service.js';
import type { StaffDirectory } from '../dialogs/booking-ports.js';
import type { Logger } from '../observability/logger.js';
import { userReferenceKey, type ConversationReferenceStore } from '../storage/conversation-reference-store.js';

/** Looks up a user's principal name (e.g. with TeamsInfo.getMember); undefined when it cannot. */
export type UpnLookup = (context: TurnContext) => Promise<string | undefined>;

/** The UPN from the Teams roster; only works in Teams with a configured app id. */
export const teamsUpnLookup: UpnLookup = async (context) => {
  const member = await TeamsInfo.getMember(context, context.activity.from.id);
  return member.userPrincipalName || undefined;
};

const UPN_CACHE_MS = 60 * 60_000;

/**
 * Who is writing, from the Teams activity and the roles file (by Entra object id and tenant, the same
 * lookup the tab makes; the UPN only goes into calendar invitations), and where to reach them later: in a personal chat the conversation reference is saved under
 * `user:<Teams id>` for booking notifications. References from channels and group chats are never
 * saved for this, since a notification there would be read by everybody in it.
 */
export class TeamsStaffDirectory implements StaffDirectory {
  private readonly upnCache = new Map<string, { upn: string | undefined; until: number }>();

  constructor(
    private readonly options: {
      /** Looks the role up by object id and tenant, exactly as for the tab. */
      readonly booking: Pick<BookingService, 'actor'>;
      readonly references: ConversationReferenceStore;
      readonly logger: Logger;
      /** For calendar invitations; absent in local mode (no app id). Never used to find a role. */
      readonly lookupUpn?: UpnLookup;
    },
  ) {}

  /** The staff member and role behind this turn; remembers their personal chat for notifications. */
  async identify(context: TurnContext): Promise<BookingActor> {
    const from = context.activity.from;
    const aadObjectId = from.aadObjectId || undefined;
    const tenantId = teamsGetTenant(context.activity)?.id || context.activity.conversation?.tenantId || undefined;
    const upn = await this.upnOf(context);
    const actor = this.options.booking.actor({
      ...(aadObjectId ? { aadObjectId } : {}),
      teamsId: from.id,
      ...(tenantId ? { tenantId } : {}),
      name: from.name ?? '',
      ...(upn ? { upn } : {}),
    });
    if (context.activity.conversation?.conversationType === 'personal') {
      const reference = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
      await this.options.references.save(userReferenceKey(from.id), reference);
      // The tab knows people by Entra object id only; this lets its bookings reach them in Teams too.
      if (aadObjectId) await this.options.references.save(userReferenceKey(aadObjectId), reference);
    }
    return actor;
  }

  /** The role by object id and tenant, as `identify` finds it, without the UPN lookup or saving the reference. */
  roleOf(context: TurnContext): BookingActor['role'] {
    const from = context.activity.from;
    const aadObjectId = from.aadObjectId || undefined;
    const tenantId = teamsGetTenant(context.activity)?.id || context.activity.conversation?.tenantId || undefined;
    return this.options.booking.actor({ ...(aadObjectId ? { aadObjectId } : {}), teamsId: from.id, ...(tenantId ? { tenantId } : {}), name: from.name ?? '' }).role;
  }

  private async upnOf(context: TurnContext): Promise<string | undefined> {
    const lookup = this.options.lookupUpn;
    if (!lookup) return undefined;
    const key = context.activity.from.id;
    const cached = this.upnCache.get(key);
    if (cached && cached.until > Date.now()) return cached.upn;
    let upn: string | undefined;
    try {
      upn = await lookup(context);
    } catch (error) {
      this.options.logger.warn({ code: 'UPN_LOOKUP_FAILED', errorName: (error as Error).name }, 'could not look up the user principal name');
    }
    this.upnCache.set(key, { upn, until: Date.now() + UPN_CACHE_MS });
    return upn;
  }
}
