import { DAY_BUCKETS, MINUTE_BUCKETS, OROSANMALAN_STEPS } from './insight-events.js';
import type { CounterRow, GapTermRow } from './insight-ports.js';
import { weeksFrom, type IsoWeek } from './iso-week.js';

/** Cells below this are never shown as a number. */
export const SMALL_CELL_LIMIT = 5;
/** How a suppressed cell is written, in the JSON, the CSV and on the page. */
export const SUPPRESSED = '< 5';
/** A figure as shown: a count of at least five, an average over at least five, or "< 5". */
export type Cell = number | typeof SUPPRESSED;

/** A knowledge entry as the report needs it: id, title and when it was last reviewed (YYYY-MM-DD). */
export interface ReportEntry {
  readonly id: string;
  readonly title: string;
  readonly lastReviewed: string;
}

/** An area and its mottagningssektion's name. */
export interface ReportArea {
  readonly area: string;
  readonly name: string;
}

/** What a report is built from. */
export interface ReportInput {
  readonly from: IsoWeek;
  readonly to: IsoWeek;
  readonly counters: readonly CounterRow[];
  readonly gapTerms: readonly GapTermRow[];
  readonly entries: readonly ReportEntry[];
  readonly areas: readonly ReportArea[];
  /** Today, YYYY-MM-DD, for "not reviewed in 12 months". */
  readonly today: string;
}

/** Per area: the area key ('' = the user's school was unknown) and the section's name. */
interface AreaColumns {
  readonly area: string;
  readonly name: string;
}

/** The statistics, every count under five suppressed: what the tab, the CSV and `npm run stats` show. */
export interface StatsReport {
  readonly from: IsoWeek;
  readonly to: IsoWeek;
  readonly weeks: readonly IsoWeek[];
  readonly suppressedBelow: number;
  readonly questions: {
    readonly answered: Cell;
    readonly declined: Cell;
    readonly byWeek: readonly { readonly week: IsoWeek; readonly answered: Cell; readonly declined: Cell }[];
    readonly byArea: readonly (AreaColumns & { readonly answered: Cell; readonly declined: Cell })[];
    readonly answeredByModel: Cell;
  };
  readonly topics: readonly { readonly entry: string; readonly title: string; readonly total: Cell; readonly byWeek: Readonly<Record<IsoWeek, Cell>> }[];
  readonly gapTerms: readonly { readonly term: string; readonly people: number }[];
  readonly feedback: {
    readonly like: Cell;
    readonly dislike: Cell;
    readonly entries: readonly { readonly entry: string; readonly title: string; readonly like: Cell; readonly dislike: Cell }[];
  };
  readonly escalations: readonly (AreaColumns & {
    readonly raised: Cell;
    readonly taken: Cell;
    readonly untaken: Cell;
    readonly averageMinutesToTake: Cell;
    readonly minutesToTake: Readonly<Record<string, Cell>>;
  })[];
  readonly anmalningsmoten: readonly (AreaColumns & {
    readonly booked: Cell;
    readonly cancelled: Cell;
    readonly moved: Cell;
    readonly averageDaysToMeeting: Cell;
    readonly daysToMeeting: Readonly<Record<string, Cell>>;
    readonly afterOrosanmalan: Cell;
    readonly averageDaysFromOrosanmalan: Cell;
  })[];
  readonly konsultationer: { readonly booked: Cell; readonly finished: Cell; readonly answers: readonly { readonly answer: string; readonly count: Cell }[] };
  readonly orosanmalan: readonly { readonly step: string; readonly count: Cell }[];
  readonly akut: { readonly detected: Cell };
  readonly guard: { readonly refused: Cell; readonly categories: readonly { readonly category: string; readonly count: Cell }[] };
  readonly health: {
    readonly notReviewedIn12Months: readonly { readonly entry: string; readonly title: string; readonly lastReviewed: string }[];
    readonly neverCited: readonly { readonly entry: string; readonly title: string }[];
    readonly mostDisliked: readonly { readonly entry: string; readonly title: string; readonly dislikes: Cell }[];
  };
}

/** A count as shown: itself from five up, otherwise "< 5". */
export function cell(count: number): Cell {
  return count >= SMALL_CELL_LIMIT ? count : SUPPRESSED;
}

/** An average as shown: only over at least five events, to one decimal. */
function average(total: number, count: number): Cell {
  return count >= SMALL_CELL_LIMIT ? Math.round((total / count) * 10) / 10 : SUPPRESSED;
}

/** Builds the report: sums the counters of the weeks asked for and suppresses every cell under five. */
export function buildReport(input: ReportInput): StatsReport {
  const weeks = weeksFrom(input.from, input.to);
  const rows = input.counters.filter((row) => row.week >= input.from && row.week <= input.to);
  const sum = (metric: string, filter: { dimension?: string; area?: string; week?: IsoWeek } = {}) => {
    let count = 0;
    let total = 0;
    for (const row of rows) {
      if (row.metric !== metric) continue;
      if (filter.dimension !== undefined && row.dimension !== filter.dimension) continue;
      if (filter.area !== undefined && row.area !== filter.area) continue;
      if (filter.week !== undefined && row.week !== filter.week) continue;
      count += row.count;
      total += row.total;
    }
    return { count, total };
  };
  const dimensions = (metric: string) => [...new Set(rows.filter((row) => row.metric === metric).map((row) => row.dimension))];
  const titleOf = new Map(input.entries.map((entry) => [entry.id, entry.title]));
  const title = (id: string) => titleOf.get(id) ?? id;
  const areasSeen = new Set(rows.map((row) => row.area));
  const areas: AreaColumns[] = [...input.areas, ...(areasSeen.has('') ? [{ area: '', name: 'Okänt område' }] : [])];
  const n = (metric: string, filter: { dimension?: string; area?: string; week?: IsoWeek } = {}) => sum(metric, filter).count;

  const topics = ranked(dimensions('topic'), (entry) => n('topic', { dimension: entry })).map((entry) => ({
    entry,
    title: title(entry),
    total: cell(n('topic', { dimension: entry })),
    byWeek: Object.fromEntries(weeks.map((week) => [week, cell(n('topic', { dimension: entry, week }))])),
  }));

  const feedbackEntries = [...new Set(dimensions('feedback-entry').map((dimension) => dimension.replace(/^(like|dislike)-/, '')))];
  const dislikesOf = (entry: string) => n('feedback-entry', { dimension: `dislike-${entry}` });

  const meeting = (area: string) => {
    const booked = sum('meetings', { dimension: 'anmalningsmote-booked', area });
    const after = sum('meetings', { dimension: 'anmalningsmote-after-orosanmalan', area });
    return {
      area,
      name: areaName(areas, area),
      booked: cell(booked.count),
      cancelled: cell(n('meetings', { dimension: 'anmalningsmote-cancelled', area })),
      moved: cell(n('meetings', { dimension: 'anmalningsmote-moved', area })),
      averageDaysToMeeting: average(booked.total, booked.count),
      daysToMeeting: Object.fromEntries(DAY_BUCKETS.map((bucket) => [bucket, cell(n('days-to-meeting', { dimension: `anmalningsmote-${bucket}`, area }))])),
      afterOrosanmalan: cell(after.count),
      averageDaysFromOrosanmalan: average(after.total, after.count),
    };
  };

  const cited = new Set(dimensions('cited').filter((entry) => n('cited', { dimension: entry }) > 0));
  const yearAgo = `${Number(input.today.slice(0, 4)) - 1}${input.today.slice(4)}`;

  return {
    from: input.from,
    to: input.to,
    weeks,
    suppressedBelow: SMALL_CELL_LIMIT,
    questions: {
      answered: cell(n('questions', { dimension: 'answered' })),
      declined: cell(n('questions', { dimension: 'declined' })),
      byWeek: weeks.map((week) => ({ week, answered: cell(n('questions', { dimension: 'answered', week })), declined: cell(n('questions', { dimension: 'declined', week })) })),
      byArea: areas.map(({ area, name }) => ({ area, name, answered: cell(n('questions', { dimension: 'answered', area })), declined: cell(n('questions', { dimension: 'declined', area })) })),
      answeredByModel: cell(n('answer-mode', { dimension: 'model' })),
    },
    topics,
    gapTerms: input.gapTerms
      .filter((row) => row.people >= SMALL_CELL_LIMIT && row.lastWeek >= input.from && row.firstWeek <= input.to)
      .map((row) => ({ term: row.term, people: row.people }))
      .sort((a, b) => b.people - a.people || a.term.localeCompare(b.term, 'sv')),
    feedback: {
      like: cell(n('feedback', { dimension: 'like' })),
      dislike: cell(n('feedback', { dimension: 'dislike' })),
      entries: ranked(feedbackEntries, (entry) => n('feedback-entry', { dimension: `like-${entry}` }) + dislikesOf(entry)).map((entry) => ({
        entry,
        title: title(entry),
        like: cell(n('feedback-entry', { dimension: `like-${entry}` })),
        dislike: cell(dislikesOf(entry)),
      })),
    },
    escalations: areas.map(({ area, name }) => {
      const taken = sum('escalations', { dimension: 'taken', area });
      return {
        area,
        name,
        raised: cell(n('escalations', { dimension: 'raised', area })),
        taken: cell(taken.count),
        untaken: cell(n('escalations', { dimension: 'untaken', area })),
        averageMinutesToTake: average(taken.total, taken.count),
        minutesToTake: Object.fromEntries(MINUTE_BUCKETS.map((bucket) => [bucket, cell(n('minutes-to-take', { dimension: bucket, area }))])),
      };
    }),
    anmalningsmoten: areas.map(({ area }) => meeting(area)),
    konsultationer: {
      booked: cell(n('meetings', { dimension: 'konsultation-booked' })),
      finished: cell(n('consultations', { dimension: 'finished' })),
      answers: ranked(dimensions('consultation-answer'), (answer) => n('consultation-answer', { dimension: answer })).map((answer) => ({
        answer,
        count: cell(n('consultation-answer', { dimension: answer })),
      })),
    },
    orosanmalan: OROSANMALAN_STEPS.map((step) => ({ step, count: cell(n('orosanmalan-step', { dimension: step })) })),
    akut: { detected: cell(n('akut', { dimension: 'detected' })) },
    guard: {
      refused: cell(n('guard', { dimension: 'refused' })),
      categories: ranked(dimensions('guard-category'), (category) => n('guard-category', { dimension: category })).map((category) => ({
        category,
        count: cell(n('guard-category', { dimension: category })),
      })),
    },
    health: {
      notReviewedIn12Months: input.entries
        .filter((entry) => entry.lastReviewed < yearAgo)
        .sort((a, b) => a.lastReviewed.localeCompare(b.lastReviewed))
        .map((entry) => ({ entry: entry.id, title: entry.title, lastReviewed: entry.lastReviewed })),
      neverCited: input.entries.filter((entry) => !cited.has(entry.id)).map((entry) => ({ entry: entry.id, title: entry.title })),
      mostDisliked: ranked(feedbackEntries.filter((entry) => dislikesOf(entry) > 0), dislikesOf)
        .slice(0, 10)
        .map((entry) => ({ entry, title: title(entry), dislikes: cell(dislikesOf(entry)) })),
    },
  };
}

/**
 * Keys ordered by their count, largest first — but only counts that are shown: every key under five
 * comes after them in alphabetical order, so the order does not tell a suppressed 4 from a 1.
 */
function ranked(keys: readonly string[], count: (key: string) => number): string[] {
  const shown = keys.filter((key) => count(key) >= SMALL_CELL_LIMIT).sort((a, b) => count(b) - count(a) || a.localeCompare(b, 'sv'));
  const small = keys.filter((key) => count(key) > 0 && count(key) < SMALL_CELL_LIMIT).sort((a, b) => a.localeCompare(b, 'sv'));
  return [...shown, ...small];
}

function areaName(areas: readonly AreaColumns[], area: string): string {
  return areas.find((candidate) => candidate.area === area)?.name ?? area;
}
