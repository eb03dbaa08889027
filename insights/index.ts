/**
 * Insights for the ledningsgrupp and the knowledge owners: enumerated events counted per ISO week, never a name or a sentence.
 * Counts, answers' cited entries and 👍/👎 are kept in memory and written once a minute and on a graceful stop (CounterBuffer):
 * a crash loses at most a minute of them.
 */
export type { InsightEvent } from './insight-events.js';
export type { InsightRecorder, InsightStorePort } from './insight-ports.js';
export { CounterBuffer } from './counter-buffer.js';
export { InsightService } from './insight-recorder.js';
export type { StatsReport } from './insight-report.js';
export { reportCsv } from './report-csv.js';
export { addWeeks, dayNumberOf, isoWeekOf, parseIsoWeek } from './iso-week.js';
export { ReportSource, type ReportRange } from './report-source.js';
export type { DomainTermTest } from './gap-terms.js';
