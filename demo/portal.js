// The sample portal's own script (not part of the widget). It runs before the widget module
// (document order), so the attributes it sets are there when the element upgrades.
//
// Query parameters (for trying things out and for the browser tests):
//   ?event=moving-in  start the navigator at a life event
//   ?lang=en          ja | en | ja-easy
//   ?today=2026-11-23 fix "today" (default: this device's date)
//   ?mode=one         one question per page
//   ?counter          counter mode (書かない窓口)
//   ?catalog=/catalogs/x.json  another same-origin catalogue
//   ?procedures=tennyu+kokuho-kanyu  (form pages only)
const widget = document.querySelector('tetsuzuki-navigator, tetsuzuki-form');
const params = new URLSearchParams(location.search);

if (widget) {
  for (const name of ['event', 'lang', 'today', 'mode', 'procedures']) {
    const value = params.get(name);
    if (value && /^[\w\- +]{1,200}$/.test(value)) widget.setAttribute(name, value);
  }
  const catalog = params.get('catalog');
  if (catalog && /^\/[\w\-./]{1,200}\.json$/.test(catalog) && !catalog.includes('..')) {
    widget.setAttribute('catalog', catalog);
  }
  if (params.has('counter')) widget.setAttribute('counter', '');
}

const submissions = document.getElementById('submissions');
const log = document.getElementById('events');

function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function time(iso) {
  try {
    return new Date(iso).toLocaleString('ja-JP');
  } catch {
    return String(iso);
  }
}

// What the town's server would receive: one submission per procedure. Shown with textContent
// only (never innerHTML): resident text is data, not markup.
document.addEventListener('tetsuzuki-submit', (e) => {
  const { submissions: list = [], assisted = false } = e.detail || {};
  document.getElementById('no-submissions')?.remove();
  const batch = el('section', { class: 'batch' },
    el('h3', {}, `申請 ${list.length}件${assisted ? '（窓口で職員が入力）' : ''}`));
  for (const s of list) {
    const article = el('article', { class: 'submission', 'data-procedure': s.procedure });
    article.append(
      el('h4', {}, s.procedure),
      el('dl', {},
        el('dt', {}, '版'), el('dd', {}, String(s.version)),
        el('dt', {}, '受付日時'), el('dd', {}, time(s.submitted_at)),
        el('dt', {}, 'カタログ'), el('dd', { class: 'hash' }, String(s.catalog_hash).slice(0, 19) + '…')),
      el('details', {}, el('summary', {}, '回答（JSON）'),
        el('pre', {}, JSON.stringify(s.answers, null, 2))),
    );
    batch.append(article);
  }
  submissions.prepend(batch);
  note('submit', `${list.length}件`);
});

function note(kind, text) {
  if (!log) return;
  const item = el('li', {}, el('code', {}, kind), ' ', text);
  log.prepend(item);
  while (log.children.length > 12) log.lastElementChild.remove();
}

document.addEventListener('tetsuzuki-step', (e) => {
  const d = e.detail || {};
  note('step', `${d.step ?? ''} ${d.page ?? ''} ${d.total ? `${d.index}/${d.total}` : ''}`);
});
document.addEventListener('tetsuzuki-issue', (e) => {
  const issues = e.detail?.issues || [];
  note('issue', issues.map((i) => `${i.field}:${i.code}`).join(', ') || '—');
});
document.addEventListener('tetsuzuki-feedback', (e) => {
  note('feedback', `★${e.detail?.rating ?? '-'}${e.detail?.comment ? '（コメントあり）' : ''}`);
});
document.addEventListener('tetsuzuki-error', (e) => note('error', `${e.detail?.code}: ${e.detail?.message}`));
// Prepared for the counter: which procedures and the check code; the handoff stays with the resident.
document.addEventListener('tetsuzuki-prepared', (e) => note('prepared', `${(e.detail?.procedures || []).join(', ')} ${e.detail?.short_code || ''}`));
document.addEventListener('tetsuzuki-abandon', (e) => note('abandon', String(e.detail?.step ?? '')));
