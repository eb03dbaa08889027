import { z } from 'zod';

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
