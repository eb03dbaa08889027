import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  UserState,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Server } from 'restify';
import type { AppConfig } from '../config/config.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { publishedPhoneNumbers } from '../knowledge/contacts.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { phraserFromConfig } from '../model/openai-phraser.js';
import type { Logger } from '../observability/logger.js';
import { PrivacyGuard } from '../privacy/index.js';
import { openDatabase, StateStore } from '../storage/index.js';
import { createHttpServer } from './http-server.js';
import { PrivacyMiddleware } from './privacy-middleware.js';
import { SamverkanBot } from './samverkan-bot.js';
import { SqlStorage } from './sql-storage.js';
import { createTurnErrorHandler } from './turn-error-handler.js';

/** A started bot: its address and how to stop it cleanly. */
export interface RunningApp {
  readonly server: Server;
  readonly port: number;
  close(): Promise<void>;
}

/** Loads the knowledge base, opens the database, wires the bot and starts listening. */
export async function startApp(config: AppConfig, logger: Logger): Promise<RunningApp> {
  const knowledge = await loadKnowledge(config.knowledgeDir);
  logger.info({ code: 'KNOWLEDGE_LOADED', entries: knowledge.entries.length }, 'knowledge base loaded');

  const database = await openDatabase({
    databaseUrl: config.storage.databaseUrl,
    sqlitePath: config.storage.sqlitePath,
    logger: logger.child({ module: 'storage' }),
  });
  logger.info({ code: 'STORAGE_OPENED', dialect: database.dialect }, 'database opened');

  const model = config.model;
  const answerer = await createAnswerer(knowledge, config.knowledgeDir, {
    phraser: phraserFromConfig(model),
    phraserTimeoutMs: model?.timeoutMs,
    events: {
      modelFallback: (code, detail) => logger.warn({ code, detail }, 'model answer not used; extractive answer sent'),
    },
  });

  const storage = new SqlStorage(new StateStore(database.db));
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(config)));
  const guard = new PrivacyGuard({ allowedPhoneNumbers: publishedPhoneNumbers(knowledge.contacts) });
  adapter.use(new PrivacyMiddleware(guard, logger.child({ module: 'privacy' })));
  adapter.onTurnError = createTurnErrorHandler(logger.child({ module: 'turn' }), knowledge.contacts);

  const bot = new SamverkanBot({ answerer, conversationState, userState, logger: logger.child({ module: 'bot' }), modelConfigured: Boolean(model) });
  const server = createHttpServer({
    adapter,
    bot,
    logger: logger.child({ module: 'http' }),
    maxBodyBytes: config.maxBodyBytes,
    ready: () => database.ping().then(() => true),
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ code: 'LISTENING', port }, 'listening');

  return {
    server,
    port,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

function authOptions(config: AppConfig): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    MicrosoftAppId: config.auth.appId ?? '',
    MicrosoftAppPassword: config.auth.appPassword ?? '',
    MicrosoftAppTenantId: config.auth.tenantId ?? '',
    MicrosoftAppType: config.auth.appType,
  };
}
