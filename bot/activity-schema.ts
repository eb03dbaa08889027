import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { httpUrlOf } from './http-url.js';

const id = z.string().min(1).max(1024);

/** The Bot Framework service URL replies go to: an absolute http(s) URL. */
const serviceUrl = z.string().max(2048).refine(isHttpUrl, 'must be an http(s) URL');

// A bot hears from a handful of service URLs (one per region): each is parsed once, not on every activity.
const MAX_KNOWN_SERVICE_URLS = 64;
const knownServiceUrls = new Set<string>();

function isHttpUrl(raw: string): boolean {
  if (knownServiceUrls.has(raw)) return true;
  if (!httpUrlOf(raw)) return false;
  if (knownServiceUrls.size >= MAX_KNOWN_SERVICE_URLS) knownServiceUrls.clear();
  knownServiceUrls.add(raw);
  return true;
}

/** An account (from, recipient, member): an id, and only string fields the bot reads. */
const account = z
  .object({ id, name: z.string().max(1024).optional(), aadObjectId: z.string().max(128).optional(), role: z.string().max(64).optional() })
  .loose();

/**
 * The least an inbound activity must carry for the bot to handle it safely, with the fields the bot
 * and botbuilder read typed. A body that fails this gets a 400 with a code, not a crash.
 */
export const inboundActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    name: z.string().max(256).optional(),
    channelId: z.string().min(1).max(64),
    serviceUrl,
    timestamp: z.string().max(64).optional(),
    localTimestamp: z.string().max(64).optional(),
    locale: z.string().max(64).optional(),
    deliveryMode: z.string().max(64).optional(),
    replyToId: z.string().max(1024).optional(),
    textFormat: z.string().max(64).optional(),
    conversation: z
      .object({
        id,
        conversationType: z.string().max(64).optional(),
        isGroup: z.boolean().optional(),
        tenantId: z.string().max(128).optional(),
      })
      .loose(),
    from: account,
    recipient: account,
    text: z.string().max(28_000).optional(),
    value: z.unknown().optional(),
    membersAdded: z.array(z.unknown()).max(1000).optional(),
    membersRemoved: z.array(z.unknown()).max(1000).optional(),
    entities: z.unknown().optional(),
    attachments: z.unknown().optional(),
    channelData: z.unknown().optional(),
  })
  .loose();

/** A parsed inbound activity, or the reason it was refused (field paths only; never values). */
export function parseInboundActivity(body: unknown): { ok: true; activity: Activity } | { ok: false; fields: string[] } {
  const result = inboundActivitySchema.safeParse(body);
  if (!result.success) return { ok: false, fields: [...new Set(result.error.issues.map((i) => i.path.join('.') || '(body)'))] };
  return { ok: true, activity: normalise(result.data) as unknown as Activity };
}

type ParsedActivity = z.infer<typeof inboundActivitySchema>;

/**
 * Drops the parts of a schema-valid activity that no handler could use (a member that is not an
 * account, an entity without a type, channel data that is not an object), so odd but valid input
 * reaches the handlers in the shape they expect instead of failing deep inside them.
 */
function normalise(activity: ParsedActivity): ParsedActivity {
  const normalised: ParsedActivity = { ...activity };
  if (activity.membersAdded) normalised.membersAdded = activity.membersAdded.filter(isAccount);
  if (activity.membersRemoved) normalised.membersRemoved = activity.membersRemoved.filter(isAccount);
  if (activity.entities !== undefined) normalised.entities = Array.isArray(activity.entities) ? activity.entities.filter(isTypedObject) : [];
  if (activity.attachments !== undefined) normalised.attachments = Array.isArray(activity.attachments) ? activity.attachments.filter(isAttachment) : [];
  normalised.channelData = teamsChannelData(activity.channelData);
  // An invoke's value is an object (a card action, a query); anything else is treated as missing.
  if (activity.type === 'invoke' && activity.value !== undefined && !isPlainObject(activity.value)) delete normalised.value;
  // An Action.Execute carries its action as an object; without one botbuilder answers "Missing value".
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && isPlainObject(activity.value)) {
    const { action, authentication } = activity.value;
    if (!isPlainObject(action) || (authentication !== undefined && !isPlainObject(authentication))) delete normalised.value;
  }
  return normalised;
}

const CHANNEL_DATA_OBJECTS = ['tenant', 'team', 'channel', 'meeting', 'settings', 'notification', 'onBehalfOf'];

/** Teams channel data as botbuilder's Teams handler reads it: always an object, its known parts of the right type. */
function teamsChannelData(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) return {};
  const channelData: Record<string, unknown> = { ...value };
  for (const key of CHANNEL_DATA_OBJECTS) if (key in channelData && !isPlainObject(channelData[key])) delete channelData[key];
  if ('eventType' in channelData && typeof channelData.eventType !== 'string') delete channelData.eventType;
  return channelData;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAccount(value: unknown): boolean {
  return account.safeParse(value).success;
}

/** An entity with a type; a mention also needs the mentioned account and the text it replaced. */
function isTypedObject(value: unknown): boolean {
  if (!isPlainObject(value) || typeof value.type !== 'string') return false;
  if (value.type.toLowerCase() !== 'mention') return true;
  return typeof value.text === 'string' && isAccount(value.mentioned);
}

function isAttachment(value: unknown): boolean {
  return isPlainObject(value) && typeof value.contentType === 'string';
}
