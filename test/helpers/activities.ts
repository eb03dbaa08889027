import { randomUUID } from 'node:crypto';

/** Where a test activity is said: a personal chat, a group chat or a team channel. */
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

const BOT = { id: '28:samverkansboten', name: 'Samverkansboten' };

/** A Teams-shaped message activity from a staff member, asking for replies in the HTTP response. */
export function messageActivity(
  text: string,
  options: { kind?: ConversationKind; userId?: string; aadObjectId?: string; name?: string; conversationId?: string; value?: unknown } = {},
) {
  const kind = options.kind ?? 'personal';
  const mention = kind === 'personal' ? '' : `<at>${BOT.name}</at> `;
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.invalid/emea/',
    timestamp: new Date().toISOString(),
    deliveryMode: 'expectReplies',
    from: { id: options.userId ?? '29:user-1', name: options.name ?? 'Personal', aadObjectId: options.aadObjectId ?? '00000000-0000-0000-0000-000000000001' },
    recipient: BOT,
    conversation: conversation(kind, options.conversationId),
    text: `${mention}${text}`,
    ...(options.value === undefined ? {} : { value: options.value }),
    entities: kind === 'personal' ? [] : [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }],
    channelData: { tenant: { id: 'tenant-1' }, ...(kind === 'channel' ? { channel: { id: '19:channel@thread.tacv2' }, team: { id: '19:team' } } : {}) },
    locale: 'sv-SE',
  };
}

/** The conversationUpdate Teams sends when the bot is added. */
export function botAddedActivity(options: { kind?: ConversationKind; conversationId?: string } = {}) {
  const kind = options.kind ?? 'personal';
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: 'https://smba.invalid/emea/',
    deliveryMode: 'expectReplies',
    from: { id: '29:user-1', name: 'Personal' },
    recipient: BOT,
    conversation: conversation(kind, options.conversationId),
    membersAdded: [BOT],
    channelData: { tenant: { id: 'tenant-1' }, eventType: 'teamMemberAdded' },
  };
}

/** The conversationUpdate Teams sends when someone adds the bot to a team; it arrives in the team's General channel. */
export function botAddedToTeamActivity(options: { serviceUrl: string; from: { id: string; name: string; aadObjectId?: string }; teamId: string; teamName: string }) {
  return {
    type: 'conversationUpdate',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: options.from,
    recipient: BOT,
    conversation: { id: options.teamId, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    membersAdded: [BOT],
    channelData: { tenant: { id: 'tenant-1' }, eventType: 'teamMemberAdded', team: { id: options.teamId, name: options.teamName } },
  };
}

/** "Jag tar det" pressed on an alert card posted in a team channel, as Teams sends it (an Action.Execute invoke). */
export function claimPressActivity(options: {
  serviceUrl: string;
  from: { id: string; name: string; aadObjectId?: string };
  escalationId: unknown;
  channelId: string;
  teamId: string;
  replyToId: string;
}) {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: options.from,
    recipient: BOT,
    replyToId: options.replyToId,
    conversation: { id: `${options.channelId};messageid=${options.replyToId}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' }, channel: { id: options.channelId }, team: { id: options.teamId } },
    value: { action: { type: 'Action.Execute', verb: 'claimEscalation', data: { escalationId: options.escalationId } }, trigger: 'manual' },
  };
}

function conversation(kind: ConversationKind, id?: string) {
  if (kind === 'channel') return { id: id ?? `19:channel@thread.tacv2;messageid=${Date.now()}`, conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' };
  if (kind === 'groupChat') return { id: id ?? '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-1' };
  return { id: id ?? `a:personal-${randomUUID()}`, conversationType: 'personal', tenantId: 'tenant-1' };
}
