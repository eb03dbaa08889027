import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppConfig } from '../config/config.js';
import { addWeeks, CounterBuffer, InsightService, isoWeekOf, ReportSource, type DomainTermTest, type InsightStorePort } from '../insights/index.js';
import type { KnowledgeBase } from '../knowledge/load-knowledge.js';
import type { RoleDirectory } from '../municipality/roles.js';
import type { Logger } from '../observability/logger.js';
import { defaultWordLists, type PrivacyGuard } from '../privacy/index.js';
import type { Clock } from '../scheduling/clock.js';
import type { Database } from '../storage/database-schema.js';
import { InsightStore } from '../storage/insight-store.js';
import { startPeriodicJob, type PeriodicJob } from './periodic-job.js';
import { staffAreasLookup, type SchoolProfiles } from './staff-area.js';

/** What the insights need from the app. */
export interface InsightsWiringOptions {
  readonly config: Pick<AppConfig, 'insights'>;
  readonly db: Database;
  readonly knowledge: KnowledgeBase;
  readonly roles: RoleDirectory;
  readonly profiles: SchoolProfiles;
  readonly guard: PrivacyGuard;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The insights, wired: the recorder the event points call, the report the tab and the CLI read, and the purge job. */
export interface InsightsWiring {
  readonly recorder: InsightService;
  readonly reports: ReportSource;
  /** The insight store, with this instance's counts of the last minute still in memory (reading the counters flushes them). */
  readonly store: CounterBuffer;
  /** Purges counters older than the retention a minute after start and then every hour. */
  startPurge(): InsightPurgeJob;
  /** Writes the counts kept in memory every minute; its `stop` ends the timer and then writes what is left. */
  startFlush(): InsightFlushJob;
}

/** A running purge job. */
export type InsightPurgeJob = PeriodicJob<number>;
/** A running flush job of the in-memory counts; `runOnce` flushes now. */
export type InsightFlushJob = PeriodicJob<number>;

/** How often the counts kept in memory are written: a crash loses at most this much counting. */
const FLUSH_INTERVAL_MS = 60_000;

/** Builds the insight recorder and report over the database. */
export function wireInsights(options: InsightsWiringOptions): InsightsWiring {
  const { db, knowledge, clock, logger } = options;
  const store = new CounterBuffer(new InsightStore(db), {
    areasOf: staffAreasLookup(options.profiles, options.roles, knowledge.contacts),
    clock,
    answerWaitMs: 2 * FLUSH_INTERVAL_MS,
  });
  const recorder = new InsightService({
    store,
    clock,
    isDomainTerm: domainTermTest(options.guard),
    entryIds: new Set(knowledge.entries.map((entry) => entry.id)),
    saltRotationDays: options.config.insights.saltRotationDays,
    failed: (code, error) => logger.warn({ code, errorName: (error as Error)?.name, errorCode: (error as { code?: unknown })?.code }, 'insight not recorded'),
  });
  const reports = insightReports(store, knowledge, clock);
  return {
    recorder,
    reports,
    store,
    startPurge: () => startInsightPurge({ store, recorder, clock, retentionMonths: options.config.insights.retentionMonths, logger }),
    startFlush: () => startInsightFlush(store, logger),
  };
}

/** The statistics over the store, with the knowledge base's entries and the pack's areas: for the tab and `npm run stats`. */
export function insightReports(store: InsightStorePort, knowledge: KnowledgeBase, clock: Clock): ReportSource {
  return new ReportSource({
    store,
    clock,
    entries: knowledge.entries.map(({ id, title, lastReviewed }) => ({ id, title, lastReviewed })),
    areas: knowledge.contacts.mottagningssektioner.map((section) => ({ area: section.area, name: section.name })),
  });
}

/**
 * A word of a declined question may be counted when it is not a function word, not a listed name,
 * place or calendar word, and the privacy guard finds nothing in it on its own — written as typed and
 * capitalised, as a name would be.
 */
function domainTermTest(guard: PrivacyGuard): DomainTermTest {
  const lists = defaultWordLists();
  const stopWords = readWordList(fileURLToPath(new URL('../knowledge/search/stopwords.txt', import.meta.url)));
  return (term) => {
    if (stopWords.has(term) || lists.names.has(term) || lists.firstNames.has(term) || lists.places.has(term) || lists.calendarWords.has(term)) return false;
    const capitalised = term.charAt(0).toLocaleUpperCase('sv') + term.slice(1);
    return [term, capitalised, `Jag undrar om ${capitalised}`].every((text) => {
      const verdict = guard.inspectText(text);
      return !verdict.identifying && !verdict.quasi;
    });
  };
}

function readWordList(file: string): Set<string> {
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim().toLocaleLowerCase('sv'))
      .filter((line) => line && !line.startsWith('#')),
  );
}

/**
 * Deletes counters and shown gap terms older than the retention (whole months, counted as 52/12 weeks
 * a month), answer references older than four weeks, and the salts, salted askers and report links of
 * earlier salt periods — a minute after start and then every hour, like the booking purge.
 */
function startInsightPurge(options: { store: InsightStorePort; recorder: InsightService; clock: Clock; retentionMonths: number; logger: Logger }): InsightPurgeJob {
  const runOnce = async () => {
    const week = isoWeekOf(options.clock.now());
    const purged = await options.store.purge({
      countersBefore: addWeeks(week, -Math.ceil((options.retentionMonths * 52) / 12)),
      answersBefore: addWeeks(week, -4),
      period: options.recorder.period(),
    });
    if (purged > 0) options.logger.info({ code: 'INSIGHTS_PURGED', rows: purged }, 'old insight rows purged');
    return purged;
  };
  return startPeriodicJob({ run: runOnce, failureCode: 'INSIGHT_PURGE_FAILED', logger: options.logger });
}

/**
 * Writes the counts the recorder kept in memory every minute, in one transaction. Stopping ends the
 * timer and flushes once more, so a graceful stop (after the last turn) loses nothing; a crash loses
 * at most the last minute's counts.
 */
function startInsightFlush(store: CounterBuffer, logger: Logger): InsightFlushJob {
  const job = startPeriodicJob({ run: () => store.flush(), failureCode: 'INSIGHT_FLUSH_FAILED', logger, intervalMs: FLUSH_INTERVAL_MS, firstRunAfterMs: FLUSH_INTERVAL_MS });
  return {
    runOnce: job.runOnce,
    async stop() {
      await job.stop();
      try {
        await store.flush({ final: true });
      } catch (error) {
        logger.error({ code: 'INSIGHT_FLUSH_FAILED', errorName: (error as Error).name, errorCode: (error as { code?: unknown }).code, rows: store.pendingRows }, 'counts not written at stop');
      }
    },
  };
}
