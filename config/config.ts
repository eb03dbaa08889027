import path from 'node:path';
import { z } from 'zod';
import { areaSchema, type Area } from '../municipality/contacts.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
/** Where the Bot Framework publishes the keys that sign its channel tokens. */
export const DEFAULT_CHANNEL_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

/** Thrown when the environment does not describe a runnable bot; lists every problem at once. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`Ogiltig konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** `norr=19:abc@thread.tacv2,sodra=19:def@thread.tacv2`: each area's mottagningssektion channel in Teams. */
const escalationChannels = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const channels: Record<Area, string> = {};
    for (const pair of text.split(',').map((part) => part.trim()).filter(Boolean)) {
      const separator = pair.indexOf('=');
      const area = areaSchema.safeParse(pair.slice(0, Math.max(separator, 0)).trim());
      const channelId = pair.slice(separator + 1).trim();
      if (separator < 0 || !area.success) {
        ctx.addIssue({ code: 'custom', message: 'must be area=channelId pairs separated by commas, areas as contacts.yaml names them (e.g. norr)' });
        return z.NEVER;
      }
      if (!/^19:[^\s,;=]+$/.test(channelId)) {
        ctx.addIssue({ code: 'custom', message: `the channel id for ${area.data} must be a Teams channel id (19:…@thread.tacv2)` });
        return z.NEVER;
      }
      channels[area.data] = channelId;
    }
    return channels;
  });

/** A comma-separated list of values (empty entries dropped); `[]` when unset. */
const commaList = z
  .string()
  .trim()
  .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean));

/** Extra web origins allowed to host the tab besides Teams' own (a local test host, another Microsoft 365 host): https, or http on loopback. */
const hostOrigins = commaList.pipe(
  z.array(
    z.string().refine((origin) => {
      try {
        const url = new URL(origin);
        const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
        return url.origin === origin && (url.protocol === 'https:' || (url.protocol === 'http:' && loopback));
      } catch {
        return false;
      }
    }, 'each entry must be an origin such as https://host.example (http only for localhost/127.0.0.1), without a path'),
  ),
);

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: optionalText,
    NODE_ENV: optionalText,
    BOT_LOCAL_MODE: z.enum(['true', 'false']).default('false'),
    CHANNEL_OPENID_METADATA_URL: z.url({ protocol: /^https?$/ }).default(DEFAULT_CHANNEL_OPENID_METADATA_URL),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppTenantId: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
        .optional(),
    ),
    SQLITE_PATH: z.string().default('data/samverkansboten.sqlite'),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(3000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
    KNOWLEDGE_DIR: z.string().default('knowledge'),
    OPENAI_BASE_URL: optionalText.pipe(z.url().optional()),
    OPENAI_API_KEY: optionalText,
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    OPENAI_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(256_000),
    CHECKLIST_URL: optionalText.pipe(z.url().optional()),
    ESCALATION_CHANNELS: escalationChannels.default({}),
    ESCALATION_UNCLAIMED_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
    REMINDER_POLL_MS: z.coerce.number().int().refine((ms) => ms === 0 || (ms >= 1000 && ms <= 3_600_000), 'must be 0 (off) or 1000–3600000').default(30_000),
    ROLES_FILE: optionalText,
    BOOKING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    RATE_LIMIT_TURNS_PER_MINUTE: z.coerce.number().int().min(0).max(10_000).default(30),
    PUBLIC_BASE_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    BOOKING_LINK_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
    AUTH_MODE: z.enum(['sso', 'dev']).default('sso'),
    TAB_SSO_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    TAB_SSO_AUDIENCE: commaList.default([]),
    TAB_SSO_ISSUER: commaList.default([]),
    TAB_HOST_ORIGINS: hostOrigins.default([]),
  })
  .superRefine((env, ctx) => {
    if (!env.MicrosoftAppId && env.BOT_LOCAL_MODE !== 'true') {
      if (env.NODE_ENV === 'production') {
        ctx.addIssue({
          code: 'custom',
          path: ['MicrosoftAppId'],
          message: 'is required when NODE_ENV=production (without it anyone can talk to the bot); set BOT_LOCAL_MODE=true to run without one on purpose',
        });
      }
      if (env.HOST && !LOOPBACK_HOSTS.has(env.HOST)) {
        ctx.addIssue({
          code: 'custom',
          path: ['HOST'],
          message: 'must be a loopback address without MicrosoftAppId (local mode is for this machine); set MicrosoftAppId, or BOT_LOCAL_MODE=true on purpose',
        });
      }
    }
    if (env.PUBLIC_BASE_URL && !env.BOOKING_LINK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['BOOKING_LINK_SECRET'], message: 'is required when PUBLIC_BASE_URL is set (it signs the calendar links)' });
    }
    if (env.AUTH_MODE === 'dev' && env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_MODE'],
        message: 'dev lets anyone act as any user in the roles file, so it is refused when MicrosoftAppId is set; use sso',
      });
    }
    if ((env.TAB_SSO_AUDIENCE.length === 0) !== (env.TAB_SSO_ISSUER.length === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.TAB_SSO_AUDIENCE.length === 0 ? 'TAB_SSO_AUDIENCE' : 'TAB_SSO_ISSUER'],
        message: 'TAB_SSO_AUDIENCE and TAB_SSO_ISSUER are set together (the tab checks both)',
      });
    }
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== 'UserAssignedMSI') {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'is required when MicrosoftAppId is set',
      });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'is required when MicrosoftAppType is SingleTenant',
      });
    }
  });

/** The bot's configuration, parsed once at start. */
export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly auth: {
    readonly appId?: string;
    readonly appPassword?: string;
    readonly tenantId?: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    /** Where the Bot Framework publishes the keys that sign channel tokens. */
    readonly channelOpenIdMetadataUrl: string;
  };
  /** Where the database is; how long to wait for a connection (and /readyz), and for a PostgreSQL statement. */
  readonly storage: { readonly databaseUrl?: string; readonly sqlitePath: string; readonly connectTimeoutMs: number; readonly statementTimeoutMs: number };
  /** The municipality pack: knowledge entries, contacts, routines, booking rules and (by default) roles. */
  readonly knowledgeDir: string;
  readonly model?: { readonly baseUrl: string; readonly apiKey: string; readonly model: string; readonly timeoutMs: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly maxBodyBytes: number;
  /** The municipality's checklist for a written orosanmälan, linked from the walk-through when set. */
  readonly checklistUrl?: string;
  /** Akut alerts: each area's mottagningssektion channel, and how long an alert may stay untaken before a reminder. */
  readonly escalation: { readonly channels: Readonly<Record<Area, string>>; readonly unclaimedMinutes: number };
  /** How often this instance looks for due reminders; 0 means it sends none. */
  readonly reminders: { readonly pollMs: number };
  /** Fair use: messages and card presses one person may send per minute to one instance; 0 means no limit. */
  readonly rateLimit: { readonly turnsPerMinute: number };
  /** The roles file (who is socialsekreterare, rektor, elevhälsa); the pack's roles.yaml unless ROLES_FILE says otherwise. */
  readonly rolesFile: string;
  /**
   * Bookings: days after a meeting before it is purged; the bot's public address and the secret that
   * signs calendar (.ics) links — without an address the cards carry no calendar link.
   */
  readonly bookings: { readonly retentionDays: number; readonly publicBaseUrl?: string; readonly linkSecret?: string };
  /**
   * The personal tab: `sso` checks the Teams SSO token (its API answers 503 until `sso` is set), `dev`
   * takes the user from the `x-dev-user` header (refused with an app id). `hostOrigins` are extra
   * origins allowed to frame the tab besides Teams'.
   */
  readonly tab: {
    readonly authMode: 'sso' | 'dev';
    readonly sso?: { readonly jwksUrl: string; readonly audiences: readonly string[]; readonly issuers: readonly string[] };
    readonly hostOrigins: readonly string[];
  };
}

/** Parses an environment (default: process.env) into a frozen config, or throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  const e = parsed.data;
  return deepFreeze({
    port: e.PORT,
    host: e.HOST ?? (e.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1'),
    auth: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      tenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
      channelOpenIdMetadataUrl: e.CHANNEL_OPENID_METADATA_URL,
    },
    storage: { databaseUrl: e.DATABASE_URL, sqlitePath: e.SQLITE_PATH, connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS },
    knowledgeDir: e.KNOWLEDGE_DIR,
    model: e.OPENAI_BASE_URL
      ? { baseUrl: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY ?? 'not-needed', model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS }
      : undefined,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    checklistUrl: e.CHECKLIST_URL,
    escalation: { channels: e.ESCALATION_CHANNELS, unclaimedMinutes: e.ESCALATION_UNCLAIMED_MINUTES },
    reminders: { pollMs: e.REMINDER_POLL_MS },
    rateLimit: { turnsPerMinute: e.RATE_LIMIT_TURNS_PER_MINUTE },
    rolesFile: e.ROLES_FILE ?? path.join(e.KNOWLEDGE_DIR, 'roles.yaml'),
    bookings: { retentionDays: e.BOOKING_RETENTION_DAYS, publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''), linkSecret: e.BOOKING_LINK_SECRET },
    tab: {
      authMode: e.AUTH_MODE,
      sso: e.TAB_SSO_AUDIENCE.length > 0 ? { jwksUrl: e.TAB_SSO_JWKS_URL, audiences: e.TAB_SSO_AUDIENCE, issuers: e.TAB_SSO_ISSUER } : undefined,
      hostOrigins: e.TAB_HOST_ORIGINS,
    },
  });
}

/** A summary that is safe to log: no secrets, no credentials in URLs. */
export function redactedSummary(config: AppConfig): Record<string, unknown> {
  return {
    port: config.port,
    auth: config.auth.appId ? `app id set (${config.auth.appType})` : 'local mode (no app id)',
    storage: config.storage.databaseUrl ? `postgres (${redactUrl(config.storage.databaseUrl)})` : `sqlite (${config.storage.sqlitePath})`,
    knowledgeDir: config.knowledgeDir,
    model: config.model ? `${config.model.model} at ${redactUrl(config.model.baseUrl)}` : 'none (extractive answers)',
    logLevel: config.logLevel,
    escalationChannels: Object.keys(config.escalation.channels).join(',') || 'none',
    reminderPollMs: config.reminders.pollMs,
    rolesFile: config.rolesFile,
    bookings: `retention ${config.bookings.retentionDays} days, calendar links ${config.bookings.publicBaseUrl ? `at ${redactUrl(config.bookings.publicBaseUrl)}` : config.auth.appId ? 'off' : 'on this machine (local mode)'}`,
    tab: config.tab.authMode === 'dev' ? 'dev (x-dev-user header)' : config.tab.sso ? `sso (${redactUrl(config.tab.sso.jwksUrl)})` : 'sso not configured (tab API answers 503)',
  };
}

function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    url.search = '';
    return url.toString();
  } catch {
    return '(unparseable url)';
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
