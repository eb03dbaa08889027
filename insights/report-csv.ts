import type { Cell, StatsReport } from './insight-report.js';

/** One CSV line's fields: section, what, area, week, value. */
type Line = readonly [section: string, item: string, area: string, week: string, value: Cell | string];

/**
 * The report as CSV (UTF-8 with BOM, comma-separated, every field quoted where needed), one figure per
 * line: `avsnitt,rad,område,vecka,värde`. Suppressed cells are written "< 5", exactly as on the page.
 */
export function reportCsv(report: StatsReport): string {
  const lines: Line[] = [];
  const push = (section: string, item: string, value: Cell | string, area = '', week = '') => lines.push([section, item, area, week, value]);

  push('frågor', 'besvarade', report.questions.answered);
  push('frågor', 'utan svar', report.questions.declined);
  push('frågor', 'besvarade med språkmodell', report.questions.answeredByModel);
  for (const row of report.questions.byWeek) {
    push('frågor per vecka', 'besvarade', row.answered, '', row.week);
    push('frågor per vecka', 'utan svar', row.declined, '', row.week);
  }
  for (const row of report.questions.byArea) {
    push('frågor per område', 'besvarade', row.answered, row.name);
    push('frågor per område', 'utan svar', row.declined, row.name);
  }
  for (const topic of report.topics) {
    push('ämnen', topic.title, topic.total);
    for (const [week, value] of Object.entries(topic.byWeek)) push('ämnen per vecka', topic.title, value, '', week);
  }
  for (const term of report.gapTerms) push('ord i frågor utan svar', term.term, term.people);
  push('återkoppling', '👍', report.feedback.like);
  push('återkoppling', '👎', report.feedback.dislike);
  for (const entry of report.feedback.entries) {
    push('återkoppling per post', `${entry.title} 👍`, entry.like);
    push('återkoppling per post', `${entry.title} 👎`, entry.dislike);
  }
  for (const row of report.escalations) {
    push('akuta larm', 'larm', row.raised, row.name);
    push('akuta larm', 'tagna', row.taken, row.name);
    push('akuta larm', 'inte tagna i tid', row.untaken, row.name);
    push('akuta larm', 'minuter till taget (medel)', row.averageMinutesToTake, row.name);
    for (const [bucket, value] of Object.entries(row.minutesToTake)) push('akuta larm', `taget efter ${bucket} minuter`, value, row.name);
  }
  for (const row of report.anmalningsmoten) {
    push('anmälningsmöten', 'bokade', row.booked, row.name);
    push('anmälningsmöten', 'avbokade', row.cancelled, row.name);
    push('anmälningsmöten', 'flyttade', row.moved, row.name);
    push('anmälningsmöten', 'dagar till mötet (medel)', row.averageDaysToMeeting, row.name);
    for (const [bucket, value] of Object.entries(row.daysToMeeting)) push('anmälningsmöten', `mötet om ${bucket} dagar`, value, row.name);
    push('anmälningsmöten', 'bokade efter orosanmälan i boten', row.afterOrosanmalan, row.name);
    push('anmälningsmöten', 'dagar från orosanmälan (medel)', row.averageDaysFromOrosanmalan, row.name);
  }
  push('konsultationer', 'bokade', report.konsultationer.booked);
  push('konsultationer', 'genomförda i chatten', report.konsultationer.finished);
  for (const answer of report.konsultationer.answers) push('konsultationer', answer.answer, answer.count);
  for (const step of report.orosanmalan) push('orosanmälan', step.step, step.count);
  push('akut oro', 'upptäckt', report.akut.detected);
  push('integritetsskydd', 'stoppade meddelanden', report.guard.refused);
  for (const category of report.guard.categories) push('integritetsskydd', category.category, category.count);
  for (const entry of report.health.notReviewedIn12Months) push('kunskapsbanken', `inte granskad på 12 månader: ${entry.title}`, entry.lastReviewed);
  for (const entry of report.health.neverCited) push('kunskapsbanken', `aldrig citerad: ${entry.title}`, '');
  for (const entry of report.health.mostDisliked) push('kunskapsbanken', `flest 👎: ${entry.title}`, entry.dislikes);

  const header = ['avsnitt', 'rad', 'område', 'vecka', 'värde'];
  return `\uFEFF${[header, ...lines].map((line) => line.map((field) => csvField(String(field))).join(',')).join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  // A leading = + - @ would be read as a formula by a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
