import type { Clock } from '../scheduling/clock.js';
import { wallClockIn, formatCalendarDate } from '../scheduling/clock.js';
import { SWEDISH_TIMEZONE } from '../scheduling/swedish-time.js';
import type { InsightStorePort } from './insight-ports.js';
import { buildReport, type ReportArea, type ReportEntry, type StatsReport } from './insight-report.js';
import { addWeeks, isoWeekOf, type IsoWeek } from './iso-week.js';

/** Weeks shown when no range is asked for: this week and the eleven before it. */
const DEFAULT_WEEKS = 12;

/** Which weeks to report; either end may be left out. */
export interface ReportRange {
  readonly from?: IsoWeek;
  readonly to?: IsoWeek;
}

/** The one place the statistics are computed, for the tab, its CSV and `npm run stats`. */
export class ReportSource {
  constructor(
    private readonly deps: {
      readonly store: Pick<InsightStorePort, 'counters' | 'gapTerms'>;
      readonly entries: readonly ReportEntry[];
      readonly areas: readonly ReportArea[];
      readonly clock: Clock;
    },
  ) {}

  /** The report for `range`: by default the last twelve weeks up to this one. */
  async report(range: ReportRange = {}): Promise<StatsReport> {
    const now = this.deps.clock.now();
    const to = range.to ?? (range.from && range.from > isoWeekOf(now) ? range.from : isoWeekOf(now));
    const from = range.from ?? addWeeks(to, -(DEFAULT_WEEKS - 1));
    const [counters, gapTerms] = await Promise.all([this.deps.store.counters(from, to), this.deps.store.gapTerms()]);
    const today = formatCalendarDate(wallClockIn(now, SWEDISH_TIMEZONE));
    return buildReport({ from, to: to < from ? from : to, counters, gapTerms, entries: this.deps.entries, areas: this.deps.areas, today });
  }
}
