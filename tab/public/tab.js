// The personal tab "Tider och bokningar": a week of slots and bookings from /api/tab.
// Runs inside Teams through teams-js (the UMD build, global `microsoftTeams`). Everything the
// server sends is put on the page as text, never as HTML.

const teams = window.microsoftTeams;
const authMode = metaContent('tab-auth-mode') === 'dev' ? 'dev' : 'sso';
const hostOrigins = metaContent('tab-host-origins').split(' ').filter(Boolean);
const HOST_TIMEOUT_MS = 10_000;

const state = {
  /** The Teams context, when the page runs in a host. */
  context: undefined,
  /** The Monday of the week shown, YYYY-MM-DD; undefined for this week. */
  from: undefined,
  /** The last week view from the server. */
  view: undefined,
  /** The entry whose inline panel (book or cancel) is open: `${action}:${id}`. */
  open: undefined,
  busy: false,
};

const $ = (id) => document.getElementById(id);

start();

async function start() {
  state.context = await joinHost();
  wirePostForm();
  wireSchoolForm();
  for (const [button, week] of [
    ['previous-week', () => state.view?.week.previous],
    ['next-week', () => state.view?.week.next],
  ]) {
    $(button).addEventListener('click', () => {
      hideStatus();
      showWeek(week());
    });
  }
  await showWeek(undefined);
  if (state.context) teams.app.notifySuccess().catch(() => {});
}

/** Initialises teams-js and reads the context; undefined outside a Teams host (a plain browser in development). */
async function joinHost() {
  if (!teams || window.parent === window) return undefined;
  try {
    await withTimeout(teams.app.initialize(hostOrigins), HOST_TIMEOUT_MS);
    const context = await withTimeout(teams.app.getContext(), HOST_TIMEOUT_MS);
    applyTheme(context.app?.theme);
    teams.app.registerOnThemeChangeHandler(applyTheme);
    return context;
  } catch {
    return undefined;
  }
}

function applyTheme(theme) {
  document.body.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

// ---------------------------------------------------------------------------------------------
// Talking to the API

async function credentials() {
  if (authMode === 'dev') {
    const user = state.context?.user?.userPrincipalName || state.context?.user?.loginHint || new URLSearchParams(location.search).get('devUser') || '';
    return { 'x-dev-user': user };
  }
  if (!state.context) throw new ApiError(401, { message: 'Öppna fliken i Teams för att se dina tider.' });
  const token = await teams.authentication.getAuthToken();
  return { authorization: `Bearer ${token}` };
}

class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || 'Något gick fel. Försök igen om en stund.');
    this.status = status;
    this.body = body || {};
  }
}

async function api(method, path, body) {
  let headers;
  try {
    headers = await credentials();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(401, { message: 'Teams gav ingen inloggning till fliken. Stäng fliken och öppna den igen.' });
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError(0, { message: 'Samverkansboten svarar inte just nu. Kontrollera anslutningen och försök igen.' });
  }
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// ---------------------------------------------------------------------------------------------
// The week

async function showWeek(from) {
  state.from = from;
  state.open = undefined;
  document.querySelector('main').setAttribute('aria-busy', 'true');
  try {
    state.view = await api('GET', `/api/tab/week${from ? `?from=${encodeURIComponent(from)}` : ''}`);
    render();
  } catch (error) {
    $('who').textContent = '';
    showStatus('error', error.message);
  } finally {
    document.querySelector('main').setAttribute('aria-busy', 'false');
  }
}

function render() {
  const view = state.view;
  $('who').textContent = `${view.user.name} · ${view.user.roleLabel}`;
  $('week-label').textContent = view.week.label;
  $('previous-week').disabled = !view.week.previous;
  $('next-week').disabled = !view.week.next;
  $('post-slots').hidden = !view.can.postSlots;
  if (view.postForm) fillPostForm(view.postForm);
  $('school').hidden = !view.school;
  if (view.school) fillSchoolForm(view.school);

  const notices = $('notices');
  notices.replaceChildren(...view.notices.map((text) => h('li', {}, text)));

  const days = $('days');
  days.replaceChildren(...view.days.map(renderDay));
}

function renderDay(day) {
  const heading = h('h3', { class: 'day-label' }, day.label, day.isToday ? h('span', { class: 'today' }, 'Idag') : null);
  const list = day.entries.length
    ? h('ul', { class: 'entries' }, ...day.entries.map((entry) => h('li', {}, renderEntry(entry))))
    : h('p', { class: 'empty' }, 'Inga tider');
  return h('section', { class: `day${day.isToday ? ' is-today' : ''}`, 'aria-label': day.label }, heading, list);
}

function renderEntry(entry) {
  const article = h(
    'article',
    { class: `entry state-${entry.state}${entry.past ? ' is-past' : ''}`, 'data-entry': entry.id },
    h(
      'div',
      { class: 'entry-head' },
      h('span', { class: 'time' }, entry.time),
      h('span', { class: `badge badge-${entry.state}` }, entry.stateLabel),
    ),
    h('p', { class: 'kind' }, entry.kindLabel),
    h('p', { class: 'title' }, entry.title),
    entry.lines.length ? h('ul', { class: 'lines' }, ...entry.lines.map((line) => h('li', {}, line))) : null,
  );
  const actions = entry.actions.map((action) => renderAction(entry, action));
  if (actions.length) article.append(h('div', { class: 'entry-actions' }, ...actions));
  const panel = openPanel(entry);
  if (panel) article.append(panel);
  return article;
}

function actionKey(action) {
  return `${action.type}:${action.slotId || action.reference}`;
}

function renderAction(entry, action) {
  const key = actionKey(action);
  const isOpen = state.open === key;
  const button = h(
    'button',
    {
      type: 'button',
      class: action.type === 'book' ? 'primary' : 'secondary',
      'aria-expanded': String(isOpen),
      'aria-label': `${action.label}: ${entry.kindLabel} ${entry.time}`,
    },
    action.label,
  );
  button.addEventListener('click', () => {
    state.open = isOpen ? undefined : key;
    render();
    if (state.open) document.querySelector('.panel select, .panel button')?.focus();
  });
  return button;
}

/** The inline confirmation under an entry: planning answers for an anmälningsmöte, or "Ja, avboka". */
function openPanel(entry) {
  const action = entry.actions.find((candidate) => actionKey(candidate) === state.open);
  if (!action) return null;
  const cancel = h('button', { type: 'button', class: 'subtle' }, 'Avbryt');
  cancel.addEventListener('click', () => {
    state.open = undefined;
    render();
  });

  if (action.type === 'book') {
    const form = h('form', { class: 'panel', 'aria-label': `Boka ${entry.kindLabel} ${entry.time}` });
    if (action.kind === 'anmalningsmote') {
      const options = state.view.planningOptions;
      form.append(
        h('p', { class: 'panel-lead' }, 'Planera mötet. Förvalen följer rutinen.'),
        planningSelect('guardiansInvitedBy', 'Vem kallar vårdnadshavarna?', options.guardiansInvitedBy),
        planningSelect('ledBy', 'Vem leder mötet?', options.ledBy),
        planningSelect('location', 'Var hålls mötet?', options.location),
      );
    } else {
      form.append(h('p', { class: 'panel-lead' }, 'Konsultationen är anonym: nämn inte barnets namn när ni pratar.'));
    }
    form.append(h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Bekräfta bokningen'), cancel));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const planning = Object.fromEntries(new FormData(form));
      act(() => api('POST', '/api/tab/bookings', { slotId: action.slotId, kind: action.kind, ...planning }));
    });
    return form;
  }

  const confirm = h('button', { type: 'button', class: 'danger' }, action.type === 'cancel-slot' && entry.state === 'free' ? 'Ja, ta bort' : 'Ja, avboka');
  confirm.addEventListener('click', () =>
    act(() =>
      action.type === 'cancel-slot'
        ? api('DELETE', `/api/tab/slots/${encodeURIComponent(action.slotId)}`)
        : api('DELETE', `/api/tab/bookings/${encodeURIComponent(action.reference)}`),
    ),
  );
  return h('div', { class: 'panel', role: 'group', 'aria-label': action.confirm }, h('p', { class: 'panel-lead' }, action.confirm), h('div', { class: 'form-actions' }, confirm, cancel));
}

function planningSelect(name, label, options) {
  const id = `planning-${name}`;
  const select = h('select', { id, name }, ...options.map((option) => h('option', { value: option.value }, option.title)));
  return h('div', { class: 'planning' }, h('label', { for: id }, label), select);
}

/** Runs an action, shows its message, and reloads the week. */
async function act(run) {
  if (state.busy) return;
  state.busy = true;
  document.querySelectorAll('.panel button, .entry-actions button').forEach((button) => (button.disabled = true));
  try {
    const result = await run();
    state.open = undefined;
    await showWeek(state.from);
    showStatus('success', result.message);
  } catch (error) {
    await showWeek(state.from);
    showStatus('error', error.message, error.body?.alternatives, error.body?.problems);
  } finally {
    state.busy = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Posting times (socialsekreterare)

/** Fills the form's choices from the rules the server sent, keeping what the user already chose. */
function fillPostForm(options) {
  const form = $('post-slots-form');
  const fill = (name, choices, fallback) => {
    const select = form.elements[name];
    const current = select.value || String(fallback);
    select.replaceChildren(...choices.map((choice) => h('option', { value: String(choice.value) }, choice.label)));
    select.value = choices.some((choice) => String(choice.value) === current) ? current : String(choices[0]?.value ?? '');
  };
  fill('date', options.dates, options.dates[1]?.value ?? options.dates[0]?.value);
  fill('from', options.times, options.defaultFrom);
  fill('to', options.times, options.defaultTo);
  fill('slotLengthMinutes', options.lengths.map((minutes) => ({ value: minutes, label: `${minutes} min` })), options.defaultLength);
  fill('bufferMinutes', options.buffers.map((minutes) => ({ value: minutes, label: minutes === 0 ? 'Inget' : `${minutes} min` })), options.defaultBuffer);
  fill('repeatWeeks', options.repeatWeeks.map((weeks) => ({ value: weeks, label: weeks === 1 ? 'Nej' : `${weeks} veckor` })), 1);
}

function wirePostForm() {
  const form = $('post-slots-form');
  const place = form.querySelector('.place');
  form.addEventListener('change', () => {
    place.hidden = form.elements.kind.value !== 'anmalningsmote';
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    if (values.kind !== 'anmalningsmote') delete values.place;
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    try {
      const result = await api('POST', '/api/tab/slots', values);
      $('post-slots-details').open = false;
      await showWeek(mondayOf(values.date));
      const skipped = result.skipped.map((skip) => `${skip.when}: ${skip.reason}`);
      showStatus('success', result.message, undefined, skipped.length ? skipped.map((message) => ({ message })) : undefined, skipped.length ? 'Några tider lades inte upp:' : undefined);
    } catch (error) {
      showStatus('error', error.message, undefined, error.body?.problems);
    } finally {
      submit.disabled = false;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The user's own school (elevhälsa, and a rektor the roles file names no school for)

function fillSchoolForm(school) {
  const select = $('school-select');
  const placeholder = school.current ? [] : [h('option', { value: '' }, 'Välj förskola eller skola …')];
  select.replaceChildren(...placeholder, ...school.options.map((option) => h('option', { value: option.value }, option.label)));
  select.value = school.current ?? '';
}

function wireSchoolForm() {
  $('school-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const school = $('school-select').value;
    if (school) act(() => api('PUT', '/api/tab/school', { school }));
  });
}

// ---------------------------------------------------------------------------------------------
// Messages

function showStatus(kind, message, alternatives, problems, problemsLead) {
  const status = $('status');
  status.className = `status status-${kind}`;
  const children = [h('p', { class: 'status-message' }, message)];
  if (problems?.length) {
    if (problemsLead) children.push(h('p', {}, problemsLead));
    children.push(h('ul', {}, ...problems.map((problem) => h('li', {}, problem.message))));
  }
  if (alternatives?.length) {
    children.push(
      h(
        'ul',
        { class: 'alternatives' },
        ...alternatives.map((alternative) => {
          const book = h('button', { type: 'button', class: 'primary' }, 'Boka');
          book.addEventListener('click', async () => {
            if (alternative.kind === 'anmalningsmote') {
              // The planning answers are asked next to the slot, in its week.
              hideStatus();
              await showWeek(mondayOf(isoDate(new Date(alternative.start))));
              state.open = `book:${alternative.slotId}`;
              render();
              const entry = document.querySelector(`[data-entry="${CSS.escape(alternative.slotId)}"]`);
              entry?.scrollIntoView({ block: 'center' });
              entry?.querySelector('.panel select')?.focus();
            } else {
              act(() => api('POST', '/api/tab/bookings', { slotId: alternative.slotId, kind: alternative.kind }));
            }
          });
          return h('li', {}, h('span', {}, `${alternative.when} · ${alternative.title}`), book);
        }),
      ),
    );
  }
  const close = h('button', { type: 'button', class: 'subtle close', 'aria-label': 'Stäng meddelandet' }, '×');
  close.addEventListener('click', hideStatus);
  status.replaceChildren(h('div', { class: 'status-body' }, ...children), close);
  status.hidden = false;
  status.focus({ preventScroll: false });
}

function hideStatus() {
  $('status').hidden = true;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

function metaContent(name) {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';
}

function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

function isoDate(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function mondayOf(text) {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(year, month - 1, day);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return isoDate(date);
}
