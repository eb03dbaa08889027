/** Insights for the ledningsgrupp and the knowledge owners: enumerated events counted per ISO week, never a name or a sentence. */
export type { InsightEvent } from './insight-events.js';
export type { InsightRecorder } from './insight-ports.js';
export { InsightService } from './insight-recorder.js';
export type { StatsReport } from './insight-report.js';
export { reportCsv } from './report-csv.js';
export { addWeeks, dayNumberOf, isoWeekOf, parseIsoWeek } from './iso-week.js';
export { ReportSource, type ReportRange } from './report-source.js';
export type { DomainTermTest } from './gap-terms.js';
