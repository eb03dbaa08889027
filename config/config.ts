import { z } from 'zod';
import { areaSchema, type Area } from '../knowledge/contacts.js';

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
    const channels: Partial<Record<Area, string>> = {};
    for (const pair of text.split(',').map((part) => part.trim()).filter(Boolean)) {
      const separator = pair.indexOf('=');
      const area = areaSchema.safeParse(pair.slice(0, Math.max(separator, 0)).trim());
      const channelId = pair.slice(separator + 1).trim();
      if (separator < 0 || !area.success) {
        ctx.addIssue({ code: 'custom', message: 'must be area=channelId pairs separated by commas, areas norr and sodra' });
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

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
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
  })
  .superRefine((env, ctx) => {
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
  };
  readonly storage: { readonly databaseUrl?: string; readonly sqlitePath: string };
  readonly knowledgeDir: string;
  readonly model?: { readonly baseUrl: string; readonly apiKey: string; readonly model: string; readonly timeoutMs: number };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly maxBodyBytes: number;
  /** The municipality's checklist for a written orosanmälan, linked from the walk-through when set. */
  readonly checklistUrl?: string;
  /** Akut alerts: each area's mottagningssektion channel, and how long an alert may stay untaken before a reminder. */
  readonly escalation: { readonly channels: Readonly<Partial<Record<Area, string>>>; readonly unclaimedMinutes: number };
  /** How often this instance looks for due reminders; 0 means it sends none. */
  readonly reminders: { readonly pollMs: number };
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
    host: e.HOST,
    auth: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      tenantId: e.MicrosoftAppTenantId,
      appType: e.MicrosoftAppType,
    },
    storage: { databaseUrl: e.DATABASE_URL, sqlitePath: e.SQLITE_PATH },
    knowledgeDir: e.KNOWLEDGE_DIR,
    model: e.OPENAI_BASE_URL
      ? { baseUrl: e.OPENAI_BASE_URL, apiKey: e.OPENAI_API_KEY ?? 'not-needed', model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS }
      : undefined,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    checklistUrl: e.CHECKLIST_URL,
    escalation: { channels: e.ESCALATION_CHANNELS, unclaimedMinutes: e.ESCALATION_UNCLAIMED_MINUTES },
    reminders: { pollMs: e.REMINDER_POLL_MS },
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
