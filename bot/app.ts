import type { ConfigurationBotFrameworkAuthenticationOptions, TurnContext } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from './botbuilder-edge.js';
import type { DialogState } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import { DEFAULT_CHANNEL_OPENID_METADATA_URL, type AppConfig } from '../config/config.js';
import { MainDialog, pendingQuestionIn } from '../dialogs/index.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { publishedPhoneNumbers } from '../municipality/contacts.js';
import { checkEscalationAreas, loadMunicipalityPack } from '../pack/load-municipality-pack.js';
import { phraserFromConfig } from '../model/openai-phraser.js';
import type { Logger } from '../observability/logger.js';
import { PrivacyGuard } from '../privacy/index.js';
import { startSnapshotReport } from '../municipality/start-snapshot.js';
import { systemClock, type Clock } from '../scheduling/clock.js';
import { openDatabase, StateStore } from '../storage/index.js';
import { loggedDialogEvents } from './dialog-events.js';
import { personalChatLink } from './personal-chat-link.js';
import { keepEntityPropertiesWhenSending } from './citation-serialization.js';
import { ChannelTokenGate, SigningKeyCache } from './channel-token-gate.js';
import { EdgeAdapter } from './edge-adapter.js';
import { createHttpServer } from './http-server.js';
import { InFlightTurns } from './in-flight-turns.js';
import { LocalModeAuthentication } from './local-mode-authentication.js';
import { FairUseMiddleware } from './fair-use-middleware.js';
import { PrivacyMiddleware } from './privacy-middleware.js';
import { ReusedConnectorsAuthentication } from './reused-connectors.js';
import { SamverkanBot } from './samverkan-bot.js';
import { SqlStorage } from './sql-storage.js';
import { ConversationTurns } from './conversation-turns.js';
import { VersionedConversationState } from './versioned-conversation-state.js';
import { TurnLeaseStore } from '../storage/turn-lease-store.js';
import { ChannelReferenceCapture } from './channel-reference-capture.js';
import { alertChannelNote } from './alert-channel-note.js';
import { EscalationClaimHandler } from './escalation-claim.js';
import { EscalationService } from './escalation-service.js';
import { ProactiveMessenger } from './proactive-messenger.js';
import { wireBooking, type BookingWiring } from './booking-wiring.js';
import { registerTab } from './tab-routes.js';
import { teamsUpnLookup } from './staff-directory.js';
import { aterkopplingReminderHandler, StoredReminderScheduler } from './reminder-scheduler.js';
import { ReminderWorker } from './reminder-worker.js';
import { ConversationReferenceStore } from '../storage/conversation-reference-store.js';
import { EscalationStore } from '../storage/escalation-store.js';
import { ReminderStore } from '../storage/reminder-store.js';
import { createTurnErrorHandler } from './turn-error-handler.js';
import { wireInsights, type InsightsWiring } from './insights-wiring.js';
import { staffAreaLookup } from './staff-area.js';
import { FeedbackInvokeHandler } from './feedback-invoke.js';
import { ExpectRepliesIds } from './reply-ids.js';
import { StaffProfileStore } from '../storage/staff-profile-store.js';
import { isAkutOro } from '../triage/akut-oro-detector.js';

/** A started bot: its address and how to stop it cleanly. */
export interface RunningApp {
  readonly server: Server;
  readonly port: number;
  /** Posts akut alerts to the mottagningssektion channels (also for operations and tests). */
  readonly escalations: EscalationService;
  /** Sends due reminders; tests run a pass with `runOnce(now)`. */
  readonly reminderWorker: ReminderWorker;
  /** Writes into conversations outside a user's turn (also for tests of what it may reach). */
  readonly messenger: ProactiveMessenger;
  /** Availability and booking: stores, roles, notifier (also for the personal tab). */
  readonly booking: BookingWiring;
  /** The statistics: the event recorder, the report and the purge (also for tests). */
  readonly insights: InsightsWiring;
  close(): Promise<void>;
}

/** What a caller may replace when starting the app (tests set the clock). */
export interface AppOverrides {
  readonly clock?: Clock;
}

// How long a stop waits for running turns (a model call may take OPENAI_TIMEOUT_MS), then for clients to hang up.
const DRAIN_TIMEOUT_MS = 15_000;
const CONNECTION_GRACE_MS = 1_000;

/** Loads the municipality pack, opens the database, wires the bot and starts listening. */
export async function startApp(config: AppConfig, logger: Logger, overrides: AppOverrides = {}): Promise<RunningApp> {
  const pack = await loadMunicipalityPack(config.knowledgeDir, { rolesFile: config.rolesFile });
  checkEscalationAreas(config.escalation.channels, pack);
  const { knowledge } = pack;
  logger.info(
    { code: 'KNOWLEDGE_LOADED', entries: knowledge.entries.length, areas: knowledge.contacts.mottagningssektioner.map((section) => section.area).join(',') },
    'municipality pack loaded',
  );

  const database = await openDatabase({
    databaseUrl: config.storage.databaseUrl,
    sqlitePath: config.storage.sqlitePath,
    connectTimeoutMs: config.storage.connectTimeoutMs,
    statementTimeoutMs: config.storage.statementTimeoutMs,
    logger: logger.child({ module: 'storage' }),
  });
  logger.info({ code: 'STORAGE_OPENED', dialect: database.dialect }, 'database opened');

  const model = config.model;
  const answerer = await createAnswerer(knowledge, config.knowledgeDir, {
    phraser: phraserFromConfig(model),
    phraserTimeoutMs: model?.timeoutMs,
    acuteConcern: isAkutOro,
    events: {
      modelFallback: (code, detail) => logger.warn({ code, detail }, 'model answer not used; extractive answer sent'),
    },
  });

  const conversationState = new VersionedConversationState(new SqlStorage(new StateStore(database.db, { dialect: database.dialect })));
  const turns = new ConversationTurns(new TurnLeaseStore(database.db));

  keepEntityPropertiesWhenSending();
  const adapter = new EdgeAdapter(
    new ReusedConnectorsAuthentication(
      config.auth.appId ? new ConfigurationBotFrameworkAuthentication(authOptions(config)) : new LocalModeAuthentication(authOptions(config)),
    ),
  );
  const tokenGate = channelTokenGate(config);
  const guard = new PrivacyGuard({ allowedPhoneNumbers: publishedPhoneNumbers(knowledge.contacts) });
  logStartSnapshot(logger);
  const clock = overrides.clock ?? systemClock;
  const savedDialogState = conversationState.createProperty<DialogState>('dialogState');
  const pendingQuestion = async (context: TurnContext) => {
    await conversationState.load(context);
    return pendingQuestionIn(await savedDialogState.get(context));
  };
  const staffProfiles = new StaffProfileStore(database.db, { now: () => clock.now() });
  const insights = wireInsights({
    config,
    db: database.db,
    knowledge,
    roles: pack.roles,
    profiles: staffProfiles,
    guard,
    clock,
    logger: logger.child({ module: 'insights' }),
  });
  // Before the privacy guard: a person over the limit costs no more work, and only their id is looked at.
  adapter.use(new FairUseMiddleware(config.rateLimit, logger.child({ module: 'fair-use' }), { contacts: knowledge.contacts, clock }));
  adapter.use(new PrivacyMiddleware(guard, logger.child({ module: 'privacy' }), { contacts: knowledge.contacts, clock, pendingQuestion, areaOf: staffAreaLookup(staffProfiles, pack.roles, knowledge.contacts) }, insights.recorder));
  adapter.use(new ExpectRepliesIds());
  adapter.onTurnError = createTurnErrorHandler(logger.child({ module: 'turn' }), knowledge.contacts);

  const references = new ConversationReferenceStore(database.db, { now: () => clock.now() });
  const reminderStore = new ReminderStore(database.db, { now: () => clock.now() });
  const escalationStore = new EscalationStore(database.db);
  const messenger = new ProactiveMessenger(adapter, config.auth.appId ?? '');
  adapter.use(new ChannelReferenceCapture(Object.values(config.escalation.channels), references, logger.child({ module: 'escalation' })));
  const escalations = new EscalationService({
    escalations: escalationStore,
    references,
    reminders: reminderStore,
    messenger,
    contacts: knowledge.contacts,
    channels: config.escalation.channels,
    unclaimedMinutes: config.escalation.unclaimedMinutes,
    clock,
    logger: logger.child({ module: 'escalation' }),
    insights: insights.recorder,
  });
  let listeningPort = config.port;
  const booking = await wireBooking({
    config,
    db: database.db,
    contacts: knowledge.contacts,
    roles: pack.roles,
    rules: pack.bookingRules,
    references,
    messenger,
    clock,
    logger,
    lookupUpn: config.auth.appId ? teamsUpnLookup : undefined,
    // Local mode: the .ics links point at this machine, so "Lägg till i kalendern" works here too.
    ...(config.auth.appId ? {} : { localBaseUrl: () => `http://${loopbackHost(config.host)}:${listeningPort}` }),
    insights: insights.recorder,
  });
  // After the booking wiring: "Jag tar det" resolves the presser's role through the same staff directory.
  const escalationClaims = new EscalationClaimHandler({
    escalations: escalationStore,
    references,
    service: escalations,
    messenger,
    staff: booking.dependencies.staff,
    clock,
    logger: logger.child({ module: 'escalation' }),
    insights: insights.recorder,
  });
  const reminderWorker = new ReminderWorker({
    store: reminderStore,
    handlers: [aterkopplingReminderHandler(knowledge, messenger), escalations.unclaimedReminderHandler(), booking.reminderHandler],
    clock,
    logger: logger.child({ module: 'reminders' }),
    pollMs: config.reminders.pollMs,
  });

  const personalChatUrl = config.auth.appId ? personalChatLink(config.auth.appId) : undefined;
  const mainDialog = new MainDialog({
    knowledge,
    routines: pack.routines,
    answerer,
    profiles: booking.profiles,
    roles: booking.roles,
    clock,
    escalation: escalations,
    reminders: new StoredReminderScheduler(reminderStore),
    checklistUrl: config.checklistUrl,
    personalChatUrl,
    showTyping: Boolean(model),
    events: loggedDialogEvents(logger.child({ module: 'dialogs' })),
    booking: booking.dependencies,
    insights: insights.recorder,
  });
  const bot = new SamverkanBot({
    mainDialog,
    welcome: pack.routines.welcome,
    ...(pack.routines.welcomeShared ? { welcomeShared: pack.routines.welcomeShared } : {}),
    ...(personalChatUrl ? { personalChatUrl } : {}),
    conversationState,
    logger: logger.child({ module: 'bot' }),
    cardActions: escalationClaims,
    feedback: new FeedbackInvokeHandler(insights.recorder, logger.child({ module: 'feedback' })),
    alertChannelNote: (context) =>
      alertChannelNote(context, { channels: config.escalation.channels, contacts: knowledge.contacts, unclaimedMinutes: config.escalation.unclaimedMinutes }),
    turns,
  });
  const inFlight = new InFlightTurns();
  const server = createHttpServer({
    turns: inFlight,
    adapter,
    bot,
    logger: logger.child({ module: 'http' }),
    maxBodyBytes: config.maxBodyBytes,
    ready: () => database.ping().then(() => true),
    tokenGate,
  });
  booking.registerRoutes(server);
  await registerTab(server, {
    config,
    roles: booking.roles,
    contacts: knowledge.contacts,
    booking: booking.service,
    guard,
    statistics: insights.reports,
    logger: logger.child({ module: 'tab' }),
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  listeningPort = port;
  logger.info({ code: 'LISTENING', port }, 'listening');
  reminderWorker.start();
  const bookingPurge = booking.startPurge();
  const insightPurge = insights.startPurge();
  const insightFlush = insights.startFlush();

  return {
    server,
    port,
    escalations,
    reminderWorker,
    messenger,
    booking,
    insights,
    async close() {
      // Stop listening, let running turns and reminder passes finish, then let go of the database.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      const [unfinished] = await Promise.all([inFlight.drain(DRAIN_TIMEOUT_MS), bookingPurge.stop(), insightPurge.stop(), reminderWorker.stop()]);
      if (unfinished > 0) logger.warn({ code: 'TURNS_ABANDONED', count: unfinished }, 'turns still running when the drain time was up');
      // After the last turn and reminder pass: what they counted is written before the database closes.
      await insightFlush.stop();
      server.server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, CONNECTION_GRACE_MS).unref())]);
      server.server.closeAllConnections();
      await database.close();
    },
  };
}

/** Says whether the start used the build's snapshot of the pack and lists, and why not where it did not. */
function logStartSnapshot(logger: Logger): void {
  const report = startSnapshotReport();
  const parsed = [...new Set(report.parsed)].join(',');
  if (report.state === 'unreadable') {
    logger.warn({ code: 'START_SNAPSHOT_UNREADABLE', file: report.file, problem: report.problem, parsed }, 'start snapshot not usable; the pack and lists were parsed from their files');
  } else if (report.state === 'loaded') {
    logger.info({ code: 'START_SNAPSHOT_USED', used: [...new Set(report.used)].join(','), parsed }, 'start snapshot used where its files are unchanged');
  }
}

/** The address a browser on this machine reaches the bot at: a wildcard host means loopback. */
function loopbackHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::' || host === '::1') return '[::1]';
  return host;
}

function authOptions(config: AppConfig): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    MicrosoftAppId: config.auth.appId ?? '',
    MicrosoftAppPassword: config.auth.appPassword ?? '',
    MicrosoftAppTenantId: config.auth.tenantId ?? '',
    MicrosoftAppType: config.auth.appType,
    ...(config.auth.channelOpenIdMetadataUrl === DEFAULT_CHANNEL_OPENID_METADATA_URL ? {} : publicCloudWithKeysFrom(config.auth.channelOpenIdMetadataUrl)),
  };
}

/**
 * botbuilder leaves its public-cloud defaults as soon as one endpoint is configured, so a different
 * key metadata URL (a test's local key server) comes with the public cloud's other endpoints spelled out.
 */
function publicCloudWithKeysFrom(metadataUrl: string): Partial<ConfigurationBotFrameworkAuthenticationOptions> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    CallerId: 'urn:botframework:azure',
  };
}

/** With an app id, the gate that checks channel tokens before botbuilder; its keys are fetched at start. */
function channelTokenGate(config: AppConfig): ChannelTokenGate | undefined {
  if (!config.auth.appId) return undefined;
  const keys = new SigningKeyCache({ metadataUrl: config.auth.channelOpenIdMetadataUrl });
  keys.warm();
  return new ChannelTokenGate(config.auth.appId, keys);
}
