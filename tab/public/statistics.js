// The statistics tab for the ledningsgrupp and the knowledge owners: counts from /api/tab/statistics,
// drawn with Chart.js (the UMD build, global `Chart`). Every figure under five comes from the server
// as "< 5" and is drawn as no bar; everything is put on the page as text, never as HTML.

const teams = window.microsoftTeams;
const authMode = metaContent('tab-auth-mode') === 'dev' ? 'dev' : 'sso';
const hostOrigins = metaContent('tab-host-origins').split(' ').filter(Boolean);
const HOST_TIMEOUT_MS = 10_000;
const SUPPRESSED = '< 5';
/** The orosanmälan walk-through's steps (insights/insight-events.ts), as the page names them. */
const STEP_LABELS = {
  start: 'påbörjad',
  anmalningsskyldighet: 'anmälningsskyldighet',
  'skriftlig-anmalan': 'skriftlig anmälan',
  anmalningsmote: 'anmälningsmöte',
  'vad-hander-sedan': 'vad händer sedan',
  klar: 'klar',
};
/** What the privacy guard stopped (privacy/privacy-verdict.ts), as the page names it. */
const CATEGORY_LABELS = {
  name: 'namn',
  personnummer: 'personnummer eller samordningsnummer',
  'date-of-birth': 'födelsedatum',
  phone: 'telefonnummer',
  email: 'e-postadress',
  address: 'adress',
  postcode: 'postnummer',
  identifier: 'användarnamn eller id-nummer',
};
const COLORS = ['#4f52b2', '#c4314b', '#237b4b', '#c7722a', '#6b6b6b', '#8764b8', '#0078d4', '#b4009e'];

const state = { context: undefined, charts: [] };
const $ = (id) => document.getElementById(id);

start();

async function start() {
  state.context = await joinHost();
  $('range-form').addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  $('csv').addEventListener('click', downloadCsv);
  await show();
  if (state.context) teams.app.notifySuccess().catch(() => {});
}

async function joinHost() {
  if (!teams || window.parent === window) return undefined;
  try {
    await withTimeout(teams.app.initialize(hostOrigins), HOST_TIMEOUT_MS);
    const context = await withTimeout(teams.app.getContext(), HOST_TIMEOUT_MS);
    document.body.dataset.theme = ['dark', 'contrast'].includes(context.app?.theme) ? context.app.theme : 'default';
    return context;
  } catch {
    return undefined;
  }
}

async function credentials() {
  if (authMode === 'dev') {
    const user = state.context?.user?.userPrincipalName || state.context?.user?.loginHint || new URLSearchParams(location.search).get('devUser') || '';
    return { 'x-dev-user': user };
  }
  if (!state.context) throw new Error('Öppna fliken i Teams för att se statistiken.');
  return { authorization: `Bearer ${await teams.authentication.getAuthToken()}` };
}

function rangeQuery() {
  const params = new URLSearchParams();
  for (const name of ['from', 'to']) {
    const value = $(`range-${name}`).value.trim();
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

async function request(path) {
  let headers;
  try {
    headers = await credentials();
  } catch (error) {
    throw new Error(error.message || 'Teams gav ingen inloggning till fliken. Stäng fliken och öppna den igen.');
  }
  let response;
  try {
    response = await fetch(path, { headers });
  } catch {
    throw new Error('Samverkansboten svarar inte just nu. Kontrollera anslutningen och försök igen.');
  }
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.message || 'Något gick fel. Försök igen om en stund.');
  }
  return response;
}

async function show() {
  const main = document.querySelector('main');
  main.setAttribute('aria-busy', 'true');
  hideStatus();
  try {
    const view = await (await request(`/api/tab/statistics${rangeQuery()}`)).json();
    render(view);
  } catch (error) {
    $('who').textContent = '';
    $('report').hidden = true;
    showStatus(error.message);
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

async function downloadCsv() {
  try {
    const response = await request(`/api/tab/statistics.csv${rangeQuery()}`);
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '')?.[1] || 'statistik.csv';
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (error) {
    showStatus(error.message);
  }
}

function render(view) {
  const report = view.report;
  $('who').textContent = `${view.viewer.name} · ${view.viewer.roleLabel} · vecka ${weekLabel(report.from)}–${weekLabel(report.to)}`;
  $('range-from').value = report.from;
  $('range-to').value = report.to;
  $('range-form').hidden = false;
  $('report').hidden = false;
  for (const chart of state.charts) chart.destroy();
  state.charts = [];

  const q = report.questions;
  $('questions-totals').textContent = `Besvarade: ${q.answered} · Utan svar: ${q.declined} · Stoppade av integritetsskyddet: ${report.guard.refused}`;
  chart('questions-chart', 'bar', report.weeks.map(weekLabel), [
    dataset('Besvarade', q.byWeek.map((row) => row.answered), 0),
    dataset('Utan svar', q.byWeek.map((row) => row.declined), 1),
  ], { stacked: true });

  const topics = report.topics.slice(0, 8);
  chart('topics-chart', 'bar', topics.map((topic) => topic.title), [dataset('Frågor', topics.map((topic) => topic.total), 0)], { horizontal: true });
  table('topics-table', ['Ämne', 'Frågor'], report.topics.map((topic) => [topic.title, topic.total]));

  $('gap-terms').replaceChildren(
    ...(report.gapTerms.length ? report.gapTerms.map((term) => h('li', {}, `${term.term} (${term.people} personer)`)) : [h('li', {}, 'Inget ord har frågats om av fem olika personer än.')]),
  );

  chart('escalations-chart', 'bar', report.escalations.map((row) => row.name), [
    dataset('Larm', report.escalations.map((row) => row.raised), 0),
    dataset('Tagna', report.escalations.map((row) => row.taken), 2),
    dataset('Inte tagna i tid', report.escalations.map((row) => row.untaken), 1),
  ]);
  table('escalations-table', ['Område', 'Larm', 'Tagna', 'Inte tagna i tid', 'Minuter till taget (medel)'], report.escalations.map((row) => [row.name, row.raised, row.taken, row.untaken, row.averageMinutesToTake]));

  chart('meetings-chart', 'bar', report.anmalningsmoten.map((row) => row.name), [
    dataset('Bokade', report.anmalningsmoten.map((row) => row.booked), 0),
    dataset('Avbokade', report.anmalningsmoten.map((row) => row.cancelled), 1),
    dataset('Flyttade', report.anmalningsmoten.map((row) => row.moved), 3),
  ]);
  table(
    'meetings-table',
    ['Område', 'Bokade', 'Avbokade', 'Flyttade', 'Dagar till mötet (medel)', 'Efter orosanmälan i boten', 'Dagar från orosanmälan (medel)'],
    report.anmalningsmoten.map((row) => [row.name, row.booked, row.cancelled, row.moved, row.averageDaysToMeeting, row.afterOrosanmalan, row.averageDaysFromOrosanmalan]),
  );

  $('feedback-totals').textContent = `Tummen upp: ${report.feedback.like} · Tummen ner: ${report.feedback.dislike}`;
  const feedback = report.feedback.entries.slice(0, 8);
  chart('feedback-chart', 'bar', feedback.map((entry) => entry.title), [
    dataset('Tummen upp', feedback.map((entry) => entry.like), 2),
    dataset('Tummen ner', feedback.map((entry) => entry.dislike), 1),
  ], { horizontal: true });

  list('most-disliked', report.health.mostDisliked.map((entry) => `${entry.title}: ${entry.dislikes}`), 'Inga 👎 under perioden.');
  list('not-reviewed', report.health.notReviewedIn12Months.map((entry) => `${entry.title} (granskad ${entry.lastReviewed})`), 'Alla poster är granskade det senaste året.');
  list('never-cited', report.health.neverCited.map((entry) => entry.title), 'Alla poster har citerats.');

  table('other-table', ['Vad', 'Antal'], [
    ['Akut oro upptäckt', report.akut.detected],
    ['Konsultationer genomförda i chatten', report.konsultationer.finished],
    ['Konsultationstider bokade', report.konsultationer.booked],
    ...report.orosanmalan.map((step) => [`Orosanmälan, steg: ${STEP_LABELS[step.step] ?? step.step}`, step.count]),
    ...report.guard.categories.map((category) => [`Stoppat av integritetsskyddet: ${CATEGORY_LABELS[category.category] ?? category.category}`, category.count]),
  ]);
}

/** A data set: suppressed cells are drawn as no bar (null), never as a small number. */
function dataset(label, cells, colorIndex) {
  const color = COLORS[colorIndex % COLORS.length];
  return { label, data: cells.map((cell) => (cell === SUPPRESSED ? null : cell)), cells, backgroundColor: color, borderColor: color };
}

function chart(id, type, labels, datasets, options = {}) {
  const horizontal = Boolean(options.horizontal);
  const instance = new window.Chart($(id), {
    type,
    data: { labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? 'y' : 'x',
      scales: {
        x: { stacked: Boolean(options.stacked), beginAtZero: true, ticks: { precision: 0 } },
        y: { stacked: Boolean(options.stacked), beginAtZero: true, ticks: { precision: 0 } },
      },
      plugins: {
        legend: { display: datasets.length > 1 },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.dataset.cells[item.dataIndex]}` } },
      },
    },
  });
  state.charts.push(instance);
}

function table(id, headings, rows) {
  const head = h('thead', {}, h('tr', {}, ...headings.map((text, index) => h('th', { scope: 'col', className: index ? 'number' : '' }, text))));
  const body = h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((value, index) => h(index ? 'td' : 'th', index ? { className: 'number' } : { scope: 'row' }, String(value))))));
  $(id).replaceChildren(head, body);
}

function list(id, items, empty) {
  $(id).replaceChildren(...(items.length ? items : [empty]).map((text) => h('li', {}, text)));
}

function weekLabel(week) {
  return week.replace(/^(\d{4})-W0?(\d+)$/, 'v. $2 $1');
}

function showStatus(text) {
  const status = $('status');
  status.textContent = text;
  status.className = 'status error';
  status.hidden = false;
}

function hideStatus() {
  $('status').hidden = true;
}

function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className') element.className = value;
    else element.setAttribute(key, value);
  }
  for (const child of children) element.append(child instanceof Node ? child : String(child));
  return element;
}

function metaContent(name) {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}
