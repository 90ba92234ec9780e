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
        el('dt', {}, 'カタログ'), el('dd', { class: 'hash' }, String(s.catalog_hash).slice(0, 19) + '…'),
        ...(s.steps || []).flatMap((r) => [el('dt', {}, r.kind === 'sign' ? '署名' : '支払い'), el('dd', {}, r.reference)])),
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

// Stand-ins for the town's providers (JPKI signing, payment, booking, issuing): NOT real
// services. The widget asks with `tetsuzuki-request` ({id, kind, digest, amount, first_day, last_day,
// slot, references, timeout_seconds}); a town answers from its own providers with the element's
// fulfilStep / failStep / offerSlots. Here a person (or a browser test) chooses the answer.
// Pages without the #standin panel answer every request at once (?standin=fail: unavailable).
const standin = document.getElementById('standin');
const KIND = { sign: 'マイナンバーカードの署名', pay: '手数料の支払い', book: '来庁の予約', issue: '交付' };
const REASONS = ['cancelled', 'declined', 'card-unreadable', 'unavailable'];
let counter = 0;

function demoSlots(from) {
  const day = from || new Date().toISOString().slice(0, 10);
  return ['09:30', '10:00', '14:00'].map((t, i) => ({ id: `demo-${day}-${i}`, start: `${day}T${t}`, minutes: 30, place: '役場1階 住民係（デモ）' }));
}

function answer(widget, r, ok, reason) {
  if (!ok) return widget.failStep(r.id, reason || 'unavailable');
  if (r.kind === 'book' && !r.slot) return widget.offerSlots(r.id, demoSlots(r.first_day));
  counter += 1;
  const prefix = { sign: 'DEMO-SIG', pay: 'DEMO-PAY', book: 'DEMO-BOOK', issue: 'DEMO-POST' }[r.kind] || 'DEMO';
  return widget.fulfilStep(r.id, `${prefix}-${String(counter).padStart(4, '0')}`);
}

document.addEventListener('tetsuzuki-request', (e) => {
  const r = e.detail || {};
  const widget = e.target;
  note('request', `${r.kind} ${r.id}${r.amount != null ? ` ¥${r.amount}` : ''}`);
  if (!standin) {
    answer(widget, r, params.get('standin') !== 'fail');
    return;
  }
  document.getElementById('no-request')?.remove();
  standin.querySelector('.request')?.remove();
  const facts = el('dl', {},
    el('dt', {}, '依頼'), el('dd', {}, `${KIND[r.kind] || r.kind}（${r.id}）`),
    el('dt', {}, '手続き'), el('dd', {}, (r.procedures || []).join(', ')));
  if (r.digest) facts.append(el('dt', {}, '署名する値'), el('dd', { class: 'hash' }, `SHA-256 ${r.digest.slice(0, 16)}…`));
  if (r.amount != null) facts.append(el('dt', {}, '金額'), el('dd', {}, `${r.amount.toLocaleString('ja-JP')}円`));
  if (r.first_day) facts.append(el('dt', {}, '予約できる日'), el('dd', {}, `${r.first_day} 〜 ${r.last_day}`));
  if (r.slot) facts.append(el('dt', {}, '選ばれた時間'), el('dd', {}, `${r.slot.start} ${r.slot.place}`));
  facts.append(el('dt', {}, '待つ時間'), el('dd', {}, `${r.timeout_seconds}秒`));
  const ok = el('button', { type: 'button', class: 'standin-ok' }, r.kind === 'book' && !r.slot ? '空き時間を返す' : '成功として応答');
  const select = el('select', { class: 'standin-reason', 'aria-label': '失敗の理由' });
  for (const reason of REASONS) select.append(el('option', { value: reason }, reason));
  const fail = el('button', { type: 'button', class: 'standin-fail' }, '失敗として応答');
  const box = el('div', { class: 'request', 'data-id': r.id, 'data-kind': r.kind }, facts, ok, select, fail);
  const settle = (yes) => {
    box.remove();
    try {
      answer(widget, r, yes, select.value);
    } catch (err) {
      note('error', `${err.code}: ${err.message}`);
    }
  };
  ok.addEventListener('click', () => settle(true));
  fail.addEventListener('click', () => settle(false));
  standin.append(box);
});
