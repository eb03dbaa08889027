/** Insights for the ledningsgrupp and the knowledge owners: enumerated events counted per ISO week, never a name or a sentence. */
export { OROSANMALAN_STEPS, type InsightEvent, type OrosanmalanStepName } from './insight-events.js';
export type { CounterRow, GapTermRow, InsightRecorder, InsightStorePort } from './insight-ports.js';
export { InsightService } from './insight-recorder.js';
export { buildReport, SUPPRESSED, type Cell, type ReportArea, type ReportEntry, type StatsReport } from './insight-report.js';
export { reportCsv } from './report-csv.js';
export { addWeeks, dayNumberOf, isoWeekOf, parseIsoWeek, type IsoWeek } from './iso-week.js';
export { ReportSource, type ReportRange } from './report-source.js';
export { gapTermsOf, type DomainTermTest } from './gap-terms.js';
