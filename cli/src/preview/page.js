// The page of `tetsuzuki preview`: follows the server's state (a long poll of /state), mounts
// the widget on the last good catalogue and mounts it again when a new one is compiled (its
// `catalog` attribute changes: the journey is kept on the device, so the author stays on the
// page they were looking at), shows the checker's diagnostics while the definitions have
// errors, and lists where each question is written.
//
//   /                          the navigator (life events)
//   /?event=moving-in          the navigator at one life event
//   /?procedures=tennyu        a form (procedure ids, space-separated)
//   &lang=en &today=2026-11-23 &mode=one &counter &storage=none   passed to the widget

const params = new URLSearchParams(location.search);
const lang = params.get('lang') || 'ja';
const procedures = (params.get('procedures') || '').trim();
const event = (params.get('event') || '').trim();
const $ = (id) => document.getElementById(id);

/** A text of the definitions in the page's language. */
const said = (t) => (t && (t[lang] || t.ja || t.en)) || '';

/** An element with its text or children (never markup: definitions are text). */
function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

/** A link to this page with other parameters (the widget's own ones kept). */
function view(changes) {
  const next = new URLSearchParams(params);
  for (const k of ['procedures', 'event']) next.delete(k);
  for (const [k, v] of Object.entries(changes)) next.set(k, v);
  const q = next.toString();
  return q ? `/?${q}` : '/';
}

// ------------------------------------------------------------------ the widget

const catalogUrl = (v) => `/catalog.json?v=${v}`;
let wanted = null; // the catalogue version to show
let mounting = false; // the widget is mounting (an attribute change now would be missed)
let failed = false; // its last mount failed: it must be made again
let mounts = 0;

/** Shows catalogue version `v`, when the widget is not in the middle of mounting. */
function show(v) {
  wanted = v;
  if (mounting || v === null) return;
  let widget = $('widget');
  if (widget && !failed && widget.getAttribute('catalog') === catalogUrl(v)) return;
  // Each catalogue stays in the widget's memory for the page's life: start afresh now and then.
  if (++mounts > 30) {
    location.reload();
    return;
  }
  mounting = true;
  if (widget && !failed) {
    widget.setAttribute('catalog', catalogUrl(v));
    return;
  }
  failed = false;
  const made = document.createElement(procedures ? 'tetsuzuki-form' : 'tetsuzuki-navigator');
  made.id = 'widget';
  made.setAttribute('catalog', catalogUrl(v));
  made.setAttribute('lang', lang);
  if (procedures) made.setAttribute('procedures', procedures);
  if (event && !procedures) made.setAttribute('event', event);
  for (const name of ['today', 'mode', 'storage']) if (params.get(name)) made.setAttribute(name, params.get(name));
  if (params.has('counter')) made.setAttribute('counter', '');
  if (widget) widget.replaceWith(made);
  else $('mount').append(made);
}

/** The widget mounted (or failed to): note which catalogue it shows, then catch up. */
function mounted(e, ok) {
  if (e.target.id !== 'widget') return;
  // The widget's `tetsuzuki-ready` comes from inside its mount: act once the mount is over.
  setTimeout(() => {
    mounting = false;
    failed = !ok;
    const v = Number(new URL(e.target.getAttribute('catalog'), location.href).searchParams.get('v'));
    document.body.dataset.catalog = ok ? String(v) : '';
    if (!ok) $('status').textContent = `The widget could not load the catalogue: ${e.detail?.message || 'unknown error'}`;
    if (wanted !== null && wanted !== v) show(wanted);
  }, 0);
}
document.addEventListener('tetsuzuki-ready', (e) => mounted(e, true));
document.addEventListener('tetsuzuki-error', (e) => mounted(e, false));

// ------------------------------------------------------------------ the state

function place(at) {
  return at ? h('code', { class: 'at' }, at) : h('span', { class: 'muted' }, '(not found)');
}

/** One question: its label, id, and where its label (and the field) are written. */
function question(f) {
  const li = h('li', {}, h('span', { class: 'label' }, said(f.label) || f.id), ' ', h('code', {}, f.id));
  li.append(h('br'), 'label: ', place(f.label_at || f.at));
  if (f.at && f.label_at && f.at.split(':')[0] !== f.label_at.split(':')[0]) li.append(h('br'), 'field: ', place(f.at));
  for (const at of f.overrides_at || []) li.append(h('br'), 'overridden: ', place(at));
  if (f.fields?.length) li.append(h('ul', {}, ...f.fields.map(question)));
  return li;
}

function renderWhere(where) {
  const box = $('where');
  box.replaceChildren();
  if (!where) return;
  if (procedures) {
    for (const id of procedures.split(/\s+/)) {
      const p = where.procedures.find((x) => x.id === id);
      if (!p) {
        box.append(h('p', { class: 'muted' }, `${id}: not in this town's catalogue`));
        continue;
      }
      box.append(h('h3', {}, said(p.title), ' ', h('code', {}, p.id)), h('p', {}, 'procedure: ', place(p.at)));
      if (p.offered_at) box.append(h('p', {}, "the town's offering: ", place(p.offered_at)));
      for (const page of p.pages) {
        box.append(h('h4', {}, said(page.title), ' ', place(page.at)), h('ul', { class: 'questions' }, ...page.fields.map(question)));
      }
    }
  } else if (event) {
    const e = where.events.find((x) => x.id === event);
    if (!e) {
      box.append(h('p', { class: 'muted' }, `${event}: not in this town's catalogue`));
      return;
    }
    box.append(h('h3', {}, said(e.title), ' ', h('code', {}, e.id)), h('p', {}, 'life event: ', place(e.at)));
    box.append(h('h4', {}, 'Screening questions'), h('ul', { class: 'questions' }, ...e.questions.map(question)));
    box.append(h('p', { class: 'muted' }, 'Choose a procedure below to see where its questions are written.'));
  } else {
    box.append(h('p', {}, 'town: ', place(where.town.at)));
    box.append(h('p', { class: 'muted' }, 'Choose a life event or a procedure below to see where its questions are written.'));
  }
}

function renderLists(where) {
  if (!where) return;
  const item = (href, title, id, at, current) =>
    h('li', {}, h('a', { href, 'aria-current': current ? 'page' : null }, title || id), ' ', h('code', {}, id), h('br'), place(at));
  $('views').replaceChildren(h('li', {}, h('a', { href: view({}), 'aria-current': !procedures && !event ? 'page' : null }, 'The navigator: every life event')));
  $('events').replaceChildren(...where.events.map((e) => item(view({ event: e.id }), said(e.title), e.id, e.at, e.id === event && !procedures)));
  if (!where.events.length) $('events').append(h('li', { class: 'muted' }, 'None: the town offers no life event (kind: life_event).'));
  $('procedures').replaceChildren(...where.procedures.map((p) => item(view({ procedures: p.id }), said(p.title), p.id, p.at, p.id === procedures)));
}

function render(s) {
  // A catalogue without life events has nothing for the navigator: show its first form.
  if (!procedures && !event && s.where && !s.where.events.length && s.where.procedures.length) {
    location.replace(view({ procedures: s.where.procedures[0].id }));
    return;
  }
  $('town').textContent = s.town ? `— ${said(s.town.name) || s.town.id} (${s.town.id})` : '';
  document.title = `tetsuzuki preview — ${s.town?.id || ''}`;
  const problems = $('problems');
  const count = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (!s.ok) {
    problems.hidden = false;
    problems.className = 'problems error';
    $('problems-title').textContent = s.errors ? `The definitions have ${count(s.errors, 'error')}` : 'The catalogue could not be compiled';
    const them = s.errors === 1 ? 'it' : 'them';
    $('problems-note').textContent = s.catalog === null
      ? `Fix ${them} and save: the form appears as soon as the definitions compile.`
      : `Fix ${them} and save. Until then the widget shows the last good catalogue (version ${s.catalog}), not your latest save.`;
  } else if (s.warnings) {
    problems.hidden = false;
    problems.className = 'problems warning';
    $('problems-title').textContent = `The definitions compile, with ${count(s.warnings, 'warning')}`;
    $('problems-note').textContent = 'The widget shows your latest save.';
  } else {
    problems.hidden = true;
  }
  $('diagnostics').textContent = s.diagnostics;
  const when = new Date().toLocaleTimeString();
  $('status').textContent = s.ok
    ? `Version ${s.version}, compiled at ${when} in ${s.ms} ms: ${s.compiled}`
    : `Version ${s.version} at ${when}: ${s.summary || 'not compiled'}${s.catalog === null ? '' : ` — showing version ${s.catalog}`}`;
  $('no-catalog').hidden = s.catalog !== null;
  if (s.where) {
    renderWhere(s.where);
    renderLists(s.where);
  }
  show(s.catalog);
}

let version = 0;
const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function follow() {
  for (;;) {
    try {
      // Answered at once the first time, then when something changed (or after a while).
      const response = await fetch(`/state?after=${version}`, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const s = await response.json();
      if (s.version !== version) {
        version = s.version;
        render(s);
      }
    } catch {
      $('status').textContent = 'The preview server does not answer: is `tetsuzuki preview` still running? Trying again…';
      await pause(1000);
    }
  }
}

follow();
