import { z } from 'zod';
import { parseIsoWeek, reportCsv, type ReportRange, type StatsReport } from '../insights/index.js';
import type { RoleLookup, StatisticsRole } from '../municipality/roles.js';
import type { TabUser } from './tab-auth.js';
import { TabActionError } from './tab-errors.js';
import type { Parsed } from './tab-requests.js';

/** Port: the statistics (insights' ReportSource fits it). */
export interface StatisticsReports {
  report(range: ReportRange): Promise<StatsReport>;
}

/** Port: who may see the statistics (the roles directory fits it). */
export interface StatisticsRoles {
  statisticsRoleOf(user: RoleLookup): StatisticsRole | undefined;
}

/** The statistics page's data: who is looking, and the report. */
export interface StatisticsView {
  readonly viewer: { readonly name: string; readonly roleLabel: string };
  readonly report: StatsReport;
}

const ROLE_LABELS: Readonly<Record<StatisticsRole, string>> = { ledning: 'Ledningsgrupp', kunskapsagare: 'Kunskapsägare' };
const NOT_ALLOWED =
  'Statistiken är bara för ledningsgruppen och dem som sköter kunskapsbanken. Behöver du den, be den som sköter Samverkansboten att lägga till dig i rollfilen.';

/** The statistics tab: the role check and the report, as the page and its CSV export need them. */
export class StatisticsTabService {
  constructor(private readonly deps: { readonly reports: StatisticsReports; readonly roles: StatisticsRoles }) {}

  /** The report for the range, for a user with a statistics role; anyone else gets 403. */
  async view(user: TabUser, range: ReportRange): Promise<StatisticsView> {
    const role = this.roleOf(user);
    return { viewer: { name: user.name, roleLabel: ROLE_LABELS[role] }, report: await this.deps.reports.report(range) };
  }

  /** The same report as CSV, with a file name naming the weeks. */
  async csv(user: TabUser, range: ReportRange): Promise<{ readonly fileName: string; readonly body: string }> {
    this.roleOf(user);
    const report = await this.deps.reports.report(range);
    return { fileName: `samverkansboten-statistik-${report.from}-${report.to}.csv`, body: reportCsv(report) };
  }

  private roleOf(user: TabUser): StatisticsRole {
    const role = this.deps.roles.statisticsRoleOf({ aadObjectId: user.id, ...(user.tenantId ? { tenantId: user.tenantId } : {}) });
    if (!role) throw new TabActionError('TAB_STATISTICS_NOT_ALLOWED', 'forbidden', NOT_ALLOWED);
    return role;
  }
}

const isoWeek = z
  .string()
  .trim()
  .max(8)
  .transform((text, ctx) => parseIsoWeek(text) ?? (ctx.addIssue({ code: 'custom', message: 'must be YYYY-Www' }), z.NEVER));
const statisticsQuerySchema = z.object({ from: isoWeek.optional(), to: isoWeek.optional() }).strict();

/** Parses `?from=2026-W02&to=2026-W11` (either may be left out). */
export function parseStatisticsQuery(value: unknown): Parsed<ReportRange> {
  const result = statisticsQuerySchema.safeParse(value ?? {});
  if (!result.success) return { ok: false, fields: [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(query)'))] };
  const { from, to } = result.data;
  return { ok: true, value: { ...(from ? { from } : {}), ...(to ? { to } : {}) } };
}
