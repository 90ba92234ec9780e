// The widget's behaviour on host pages served under the strict CSP: errors as ERRORS.md says
// (summary, inline messages, aria), the language switch, drafts (reload, an older catalogue,
// continuation codes), counter mode, the profile with consent, events without personal data,
// styles only from constructable stylesheets, a hostile host stylesheet, XSS payloads in
// definitions and answers, and two widgets on one page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, startServer, openPage, assertClean, axe, screenshots, events, waitForEvent, sampleCatalog, writeCatalog, TODAY,
} from './support.mjs';
import * as shared from './support.mjs';
import { mouse, question, shownKeys, hasAnswer, nextPage } from './drive.mjs';

let server, browser;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const DRAFT = 'tetsuzuki:journey:oishida:tennyu+kokuho-kanyu';

const withPage = (fn, options) => shared.withPage(browser, fn, options);

async function openForm(page, query = '') {
  await page.goto(`${server.url}/form.html?today=${TODAY}${query}`);
  await waitForEvent(page, 'ready');
  return page.locator('tetsuzuki-form');
}

/** The input of a question (first text-like input). */
const input = (host, key) => question(host, key).locator('input:not([type=radio]):not([type=checkbox]), textarea').first();

/** Types a whole value and leaves the field (the draft is saved on change). */
async function enter(locator, text) {
  await locator.fill(text);
  await locator.blur();
}


test('errors: summary focused with links, inline messages linked by aria, live updates', async () => {
  await withPage(async (page) => {
    const host = await openForm(page);
    await host.locator('button.tz-next').click();
    const summary = host.locator('div.tz-error-summary:not([hidden])');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.equal(await host.evaluate((h) => h.shadowRoot.activeElement?.classList.contains('tz-error-summary')
      || !!h.shadowRoot.activeElement?.closest('.tz-error-summary')), true, 'the summary has focus');
    assert.equal((await summary.locator('h2').innerText()).trim(), '入力内容を確認してください');
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), text: a.textContent.trim() })));
    assert.ok(links.length > 0);
    const broken = [];
    for (const l of links) {
      assert.match(l.href, /^#./);
      if ((await host.locator(l.href).count()) !== 1) broken.push(`${l.href} (${l.text})`);
    }
    // Inline: aria-invalid, aria-describedby → p.tz-error with a hidden 「エラー：」.
    const first = await host.locator(links[0].href).first();
    assert.equal(await first.getAttribute('aria-invalid'), 'true');
    const described = (await first.getAttribute('aria-describedby') || '').split(/\s+/);
    const errorIds = await host.locator('p.tz-error').evaluateAll((ps) => ps.map((p) => p.id));
    assert.ok(described.some((id) => errorIds.includes(id)), `aria-describedby ${described} names an error`);
    const err = host.locator(`p.tz-error#${described.find((id) => errorIds.includes(id))}`);
    assert.match(await err.locator('span.tz-vh').innerText(), /エラー[：:]/);
    assert.equal((await err.innerText()).replace(/^\s*エラー[：:]\s*/, '').trim(), links[0].text.replace(/^\s*エラー[：:]\s*/, ''),
      'the summary says what the inline message says');
    assert.ok(!/入力してください$/.test(links[0].text) || /.+を入力してください/.test(links[0].text), 'the field is named');
    await axe(page, 'form with errors');
    await screenshots(page, 'errors-summary');
    // Following a link moves focus to the field.
    await summary.locator('a').first().click();
    assert.equal(await first.evaluate((el) => el.getRootNode().activeElement === el), true);
    // Live: a valid value removes the inline error at once.
    await input(host, 'move.date').fill('2026-11-20');
    assert.equal(await question(host, 'move.date').locator('p.tz-error').count(), 0);
    assert.notEqual(await input(host, 'move.date').getAttribute('aria-invalid'), 'true');
    const issues = await events(page, 'issue');
    assert.ok(issues.length > 0);
    for (const e of issues) for (const i of e.detail.issues) {
      assert.ok(Object.keys(i).every((k) => ['code', 'field', 'severity'].includes(k)), `issue event holds codes and fields only: ${JSON.stringify(i)}`);
    }
    await assertClean(page);
    assert.deepEqual(broken, [], 'every link of the error summary points at one element of the shadow root');
  });
});

test('optional questions say （任意）, machine fixes are buttons, and the language switch keeps answers', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=tennyu`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    await enter(input(host, 'move.date'), '2026-11-20');
    const title1 = await host.locator('h2.tz-title').innerText();
    const lang = host.locator('select.tz-lang');
    await lang.selectOption('en');
    await page.waitForFunction((t) => document.querySelector('tetsuzuki-form').shadowRoot.querySelector('h2.tz-title')?.textContent !== t, title1);
    assert.equal(await input(host, 'move.date').inputValue(), '2026-11-20', 'answers kept across languages');
    assert.match(await host.locator('h2.tz-title').innerText(), /[A-Za-z]/);
    await lang.selectOption('ja-easy');
    await lang.selectOption('ja');
    await page.waitForFunction(() => /引っ越し/.test(document.querySelector('tetsuzuki-form').shadowRoot.querySelector('h2.tz-title')?.textContent));
    const solved = await page.evaluate(async (today) => (await import('/t/solver.js')).solve({ procedures: ['tennyu'], today }), TODAY);
    await nextPage(page, host, solved);
    // The notice of moving out (the certificate, or the My Number Card) comes before the applicant.
    await nextPage(page, host, solved);
    // The applicant page: tennyu's email is optional; kana typed in hiragana gets a fix button.
    const optional = await host.locator('div.tz-question').evaluateAll((qs) => qs.filter((q) => /（任意）/.test(q.querySelector('label, legend')?.textContent || '')).map((q) => q.dataset.key));
    assert.ok(optional.includes('contact.email'), `optional questions say （任意）: ${optional}`);
    const text = await host.evaluate((h) => h.shadowRoot.textContent);
    assert.ok(!text.includes('*'), 'no asterisks');
    const kana = input(host, 'person.family_name_kana');
    await enter(kana, 'やまだ');
    await host.locator('button.tz-next').click();
    const fix = question(host, 'person.family_name_kana').locator('button.tz-fix');
    await fix.waitFor();
    await fix.click();
    assert.equal(await kana.inputValue(), 'ヤマダ');
    await axe(page, 'applicant page with errors and a machine fix');
    await screenshots(page, 'errors-machine-fix');
    await assertClean(page);
  });
});

test('a reload restores the draft and says so; submit-time keys are namespaced', async () => {
  await withPage(async (page) => {
    let host = await openForm(page);
    await enter(input(host, 'move.date'), '2026-11-20');
    await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('2026-11-20'), DRAFT, { timeout: 5000 });
    await page.reload();
    await waitForEvent(page, 'ready');
    host = page.locator('tetsuzuki-form');
    await host.locator('div.tz-notice').waitFor();
    assert.equal(await input(host, 'move.date').inputValue(), '2026-11-20');
    await axe(page, 'restored draft');
    await assertClean(page);
  });
});

test('a draft saved against an older catalogue restores with what to check again', async () => {
  const current = (await sampleCatalog()).procedures.find((p) => p.id === 'tennyu').version;
  const old = await sampleCatalog();
  const tennyu = old.procedures.find((p) => p.id === 'tennyu');
  tennyu.version = '1.0.0';
  const page1 = tennyu.form.pages[0];
  const email = tennyu.form.pages.flatMap((p) => p.fields).find((f) => f.id === 'email');
  page1.fields.push({ ...structuredClone(email), id: 'old_note', concept: undefined, type: 'text', autocomplete: undefined,
    label: { ja: '古い質問', en: 'An old question' } });
  const url = await writeCatalog('older', old);
  await withPage(async (page) => {
    let host = await openForm(page, `&catalog=${url}`);
    await enter(input(host, 'move.date'), '2026-11-20');
    await enter(input(host, 'tennyu.old_note'), '消える答え');
    await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('old_note'), DRAFT, { timeout: 5000 });
    const oldDraft = await page.evaluate((k) => localStorage.getItem(k), DRAFT);
    await page.goto(`${server.url}/form.html?today=${TODAY}`);
    await waitForEvent(page, 'ready');
    host = page.locator('tetsuzuki-form');
    const notice = host.locator('div.tz-notice');
    await notice.first().waitFor();
    const said = await host.evaluate((h) => [...h.shadowRoot.querySelectorAll('.tz-notice')].map((n) => n.textContent).join('\n'));
    assert.match(said, /確認/, 'the notice says what to check again');
    assert.equal(await input(host, 'move.date').inputValue(), '2026-11-20', 'kept answers are back');
    const report = await page.evaluate(async (text) => {
      const m = await import('/dist/tetsuzuki-api.js');
      await m.ready();
      const c = m.Catalog.load(await (await fetch('/catalog.json')).text());
      // The widget keeps its whole journey; the forms' draft is inside it.
      return c.restoreDraft(JSON.stringify(JSON.parse(text).draft)).report;
    }, oldDraft);
    console.log(`notice against a changed catalogue: ${said.replace(/\s+/g, ' ')}`);
    assert.equal(report.same_catalog, false);
    assert.deepEqual(report.changed.map((c) => [c.procedure, c.from, c.to]), [['tennyu', '1.0.0', current]]);
    assert.ok(report.gone.some((k) => k.includes('old_note')) || report.recheck.length > 0, JSON.stringify(report));
    await axe(page, 'draft against a changed catalogue');
    await screenshots(page, 'draft-changed-catalogue');
    await assertClean(page);
  });
});

test('a continuation code moves a draft to another device', async () => {
  let code;
  await withPage(async (page) => {
    const host = await openForm(page);
    await enter(input(host, 'move.date'), '2026-11-19');
    const details = host.locator('details.tz-continue');
    await details.locator('summary').click();
    await details.locator('button.tz-continue-export').click();
    code = await details.locator('textarea.tz-continue-code').inputValue();
    assert.ok(code.length > 10);
  });
  await withPage(async (page) => {
    const host = await openForm(page);
    assert.equal(await input(host, 'move.date').inputValue(), '');
    const details = host.locator('details.tz-continue');
    await details.locator('summary').click();
    await details.locator('textarea.tz-continue-code').fill(code);
    await details.locator('button.tz-continue-import').click();
    await page.waitForFunction(() => {
      const i = document.querySelector('tetsuzuki-form').shadowRoot.querySelector('div.tz-question[data-key="move.date"] input');
      return i && i.value === '2026-11-19';
    });
    await assertClean(page);
  });
});

test('styles come only from constructable stylesheets; the shadow root is open; nothing violates the CSP', async () => {
  await withPage(async (page) => {
    const response = await page.goto(`${server.url}/form.html?today=${TODAY}`);
    assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
    await waitForEvent(page, 'ready');
    const facts = await page.evaluate(() => {
      const root = document.querySelector('tetsuzuki-form').shadowRoot;
      return {
        open: !!root,
        sheets: root.adoptedStyleSheets.length,
        styleAttributes: root.querySelectorAll('[style]').length,
        styleElements: root.querySelectorAll('style, link').length + document.querySelectorAll('style').length,
        inlineHandlers: [...root.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        parts: root.querySelectorAll('[part]').length,
      };
    });
    assert.deepEqual(facts, { ...facts, open: true, styleAttributes: 0, styleElements: 0, inlineHandlers: 0 });
    assert.ok(facts.sheets > 0, 'adopted stylesheets');
    assert.ok(facts.parts > 0, 'parts to theme');
    await assertClean(page);
  });
});

// Sizes and computed styles of the widget's own elements, to compare across host pages.
function probe(page) {
  return page.evaluate(() => {
    const root = document.querySelector('tetsuzuki-form').shadowRoot;
    const pick = ['h2.tz-title', 'div.tz-question label', 'div.tz-question input', 'p.tz-hint', 'button.tz-next'];
    return Object.fromEntries(pick.map((sel) => {
      const el = root.querySelector(sel);
      if (!el) return [sel, null];
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return [sel, { w: Math.round(r.width), h: Math.round(r.height), fontSize: s.fontSize, color: s.color, display: s.display,
        letterSpacing: s.letterSpacing, fontFamily: s.fontFamily, lineHeight: s.lineHeight, textTransform: s.textTransform,
        visibility: s.visibility, whiteSpace: s.whiteSpace }];
    }));
  });
}

test('a hostile host stylesheet does not break the widget', async () => {
  const seen = {};
  for (const name of ['clean', 'hostile']) {
    await withPage(async (page) => {
      await page.goto(`${server.url}/t/${name}.html`);
      await waitForEvent(page, 'ready');
      seen[name] = await probe(page);
      await screenshots(page, `host-${name}`);
      await assertClean(page);
    }, { width: 1280 });
  }
  const problems = [];
  for (const [sel, clean] of Object.entries(seen.clean)) {
    assert.ok(clean, `${sel} is rendered`);
    const hostile = seen.hostile[sel];
    if (!hostile) { problems.push(`${sel}: missing on the hostile page`); continue; }
    for (const k of ['fontSize', 'color', 'display', 'letterSpacing', 'fontFamily', 'lineHeight', 'textTransform', 'visibility', 'whiteSpace', 'h']) {
      if (k === 'h' ? Math.abs(clean.h - hostile.h) > 2 : clean[k] !== hostile[k]) problems.push(`${sel} ${k}: ${clean[k]} → ${hostile[k]}`);
    }
    if (Math.abs(clean.w - hostile.w) > Math.max(40, clean.w * 0.1)) problems.push(`${sel} width: ${clean.w} → ${hostile.w}`);
  }
  assert.deepEqual(problems, [], `the hostile page changed the widget:\n${problems.join('\n')}`);
});

const PAYLOADS = ['<img src=x onerror="window.__xss=1">', '"><svg onload=window.__xss=2>', '<script>window.__xss=3</script>',
  "javascript:window.__xss=4", '{{constructor.constructor("window.__xss=5")()}}', '<iframe srcdoc="<script>parent.__xss=6</script>">'];

test('XSS payloads in definition texts and in answers never execute', async () => {
  const cat = await sampleCatalog();
  let n = 0;
  const p = () => PAYLOADS[n++ % PAYLOADS.length];
  const poison = (t) => { if (t && typeof t === 'object') for (const l of Object.keys(t)) t[l] = `${p()} ${t[l]}`; };
  const ev = cat.life_events.find((e) => e.id === 'moving-in');
  poison(ev.title); poison(ev.summary);
  for (const q of ev.questions) { poison(q.label); poison(q.hint); }
  for (const a of ev.procedures) poison(a.reason);
  for (const proc of cat.procedures.filter((x) => ['tennyu', 'kokuho-kanyu', 'suido-kaishi'].includes(x.id))) {
    poison(proc.title); poison(proc.summary);
    for (const d of proc.documents || []) poison(d.title);
    for (const pg of proc.form.pages) {
      poison(pg.title);
      for (const f of pg.fields) {
        poison(f.label); poison(f.hint);
        for (const o of f.options || []) poison(o.label);
        for (const r of f.rules || []) { poison(r.message); poison(r.fix); }
      }
    }
  }
  for (const list of cat.code_lists) for (const c of list.codes || list.entries || []) poison(c.label || c.name);
  for (const d of cat.town.departments) poison(d.name);
  const url = await writeCatalog('xss', cat);
  await withPage(async (page) => {
    await page.goto(`${server.url}/?today=${TODAY}&catalog=${url}&event=moving-in`);
    await waitForEvent(page, 'ready');
    const nav = page.locator('tetsuzuki-navigator');
    await nav.locator('div.tz-question').first().waitFor();
    await mouse.fill(nav, 'move_date', '2026-11-20', { type: 'date' });
    await page.waitForTimeout(50);
    const text = await nav.evaluate((h) => h.shadowRoot.textContent);
    assert.ok(text.includes('<img src=x onerror='), 'payloads show as text');
    await screenshots(page, 'xss-navigator');
  }).catch((e) => { throw e; });
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&catalog=${url}`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    await input(host, 'move.date').fill(PAYLOADS[0]);
    await host.locator('button.tz-next').click();
    await host.locator('div.tz-error-summary:not([hidden])').waitFor();
    // Answers with markup, on every text field of the next page.
    await input(host, 'move.date').fill('2026-11-20');
    // Moved from within Japan: the previous address's parts are shown too.
    await question(host, 'move.from_abroad').locator('input[value="false"]').check();
    const shown = 'div.tz-question:not([hidden])';
    const texts = host.locator(`${shown} input[type=text], ${shown} textarea, ${shown} input:not([type])`);
    for (let i = 0; i < await texts.count(); i++) await texts.nth(i).fill(PAYLOADS[i % PAYLOADS.length]);
    await host.locator('button.tz-next').click();
    await page.waitForTimeout(100);
    const injected = await page.evaluate(() => {
      const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
      return roots.reduce((n, r) => n + r.querySelectorAll('img, svg, script:not([src]), iframe, [onerror], [onload]').length, 0);
    });
    assert.equal(injected, 0, 'no element made from text');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await assertClean(page);
  });
});

test('two widgets on one page keep their answers, drafts, languages and events apart', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/t/two.html`);
    await waitForEvent(page, 'ready', { count: 2 });
    const a = page.locator('#a');
    const b = page.locator('#b');
    await input(a, 'move.date').fill('2026-11-20');
    await a.locator('button.tz-next').click();
    assert.equal(await b.locator('div.tz-error-summary:not([hidden])').count(), 0, 'b shows no errors of a');
    await b.locator('button.tz-next').click();
    await b.locator('div.tz-error-summary:not([hidden])').waitFor();
    assert.match(await b.locator('div.tz-error-summary:not([hidden]) h2').innerText(), /There is a problem/);
    assert.match(await a.locator('div.tz-error-summary:not([hidden]) h2').innerText().catch(() => '入力内容を確認してください'), /入力内容を確認してください/);
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tetsuzuki:journey:')).sort());
    assert.deepEqual(keys, ['tetsuzuki:journey:oishida:suido-kaishi', 'tetsuzuki:journey:oishida:tennyu']);
    const ids = new Set((await events(page)).map((e) => e.id));
    assert.deepEqual([...ids].sort(), ['a', 'b']);
    const draftB = await page.evaluate(() => localStorage.getItem('tetsuzuki:journey:oishida:suido-kaishi'));
    assert.ok(!draftB.includes('2026-11-20'), "b's draft holds none of a's answers");
    await axe(page, 'two widgets');
    await assertClean(page);
  });
});

/** On the check page of an assisted session: submit waits for the resident's confirmation, then
 * the submission says it was assisted. */
async function residentConfirmsThenSubmits(page, host) {
  await host.locator('dl.tz-summary').waitFor();
  const confirm = host.locator('input.tz-counter-confirm');
  assert.equal(await confirm.count(), 1, 'the resident is asked to confirm what staff entered');
  await host.locator('button.tz-submit').click();
  assert.equal((await events(page, 'submit')).length, 0, 'not submitted before the resident confirms');
  await confirm.check();
  await host.locator('button.tz-submit').click();
  const [submit] = await waitForEvent(page, 'submit');
  assert.equal(submit.detail.assisted, true);
}

test('counter mode: the resident confirms before submit; the submission says assisted', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/counter.html?today=${TODAY}&procedures=suido-kaishi`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    const solved = await page.evaluate(async (today) => (await import('/t/solver.js')).solve({ procedures: ['suido-kaishi'], today }), TODAY);
    for (let n = 0; n < 20 && !(await host.locator('dl.tz-summary').count()); n++) await nextPage(page, host, solved);
    await residentConfirmsThenSubmits(page, host);
    await assertClean(page);
  });
});

test('a draft begun at the counter and continued elsewhere still needs the resident to confirm', async () => {
  let code;
  const solved = {};
  await withPage(async (page) => {
    await page.goto(`${server.url}/counter.html?today=${TODAY}&procedures=suido-kaishi`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    Object.assign(solved, await page.evaluate(async (today) => (await import('/t/solver.js')).solve({ procedures: ['suido-kaishi'], today }), TODAY));
    for (const key of await host.locator('div.tz-question[data-key]').evaluateAll((q) => q.map((e) => e.dataset.key))) {
      if (key in solved.answers) await mouse.fill(host, key, solved.answers[key], solved.views[key], page);
    }
    const details = host.locator('details.tz-continue');
    await details.locator('summary').click();
    await details.locator('button.tz-continue-export').click();
    code = await details.locator('textarea.tz-continue-code').inputValue();
  });
  await withPage(async (page) => {
    const host = await openForm(page, '&procedures=suido-kaishi');
    const details = host.locator('details.tz-continue');
    await details.locator('summary').click();
    await details.locator('textarea.tz-continue-code').fill(code);
    await details.locator('button.tz-continue-import').click();
    for (let n = 0; n < 20 && !(await host.locator('dl.tz-summary').count()); n++) await nextPage(page, host, solved);
    await residentConfirmsThenSubmits(page, host);
    await axe(page, 'assisted draft continued on a resident device');
    await assertClean(page);
  });
});

test('the profile is kept only with consent, prefills the next form with its source, and can be deleted', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=suido-kaishi`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    const solved = await page.evaluate(async (today) => (await import('/t/solver.js')).solve({ procedures: ['suido-kaishi'], today }), TODAY);
    for (let n = 0; n < 20 && !(await host.locator('dl.tz-summary').count()); n++) await nextPage(page, host, solved);
    await host.locator('dl.tz-summary').waitFor();
    await host.locator('input.tz-profile-consent').check();
    await host.locator('button.tz-submit').click();
    await waitForEvent(page, 'submit');
    const profile = await page.evaluate(() => localStorage.getItem('tetsuzuki:profile'));
    assert.ok(profile, 'the profile is kept after consent');
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('tetsuzuki:journey:oishida:suido-kaishi')));
    assert.equal(kept.stage, 'done', 'the page after submit survives a reload');
    assert.equal(kept.draft, null, 'submit keeps no answers in the journey');
    // The next form: once-only.
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=tennyu`);
    await waitForEvent(page, 'ready');
    // The name comes from the profile; the new address starts with the town's own name (a
    // profile holds the address the resident is moving from, never reused as the new one).
    await question(host, 'address.current').locator('p.tz-source').waitFor();
    assert.notEqual(await question(host, 'address.current').locator('input[data-part=city]').inputValue(), '', 'the address is begun');
    const tennyu = await page.evaluate(async (today) => (await import('/t/solver.js')).solve({ procedures: ['tennyu'], today }), TODAY);
    await nextPage(page, host, tennyu);
    await nextPage(page, host, tennyu);
    await question(host, 'person.family_name').locator('p.tz-source').waitFor();
    assert.notEqual(await question(host, 'person.family_name').locator('input').first().inputValue(), '', 'the name is filled in');
    const sources = await host.locator('p.tz-source').count();
    assert.ok(sources > 0, 'prefilled answers say where they came from');
    await axe(page, 'prefilled from the profile');
    await screenshots(page, 'profile-prefilled');
    // The profile is shown and deletable on the check page (the page after the first
    // submit is still there until the resident finishes with it).
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=suido-kaishi`);
    await waitForEvent(page, 'ready');
    await host.locator('div.tz-done').waitFor();
    await host.locator('button.tz-dismiss').click();
    for (let n = 0; n < 20 && !(await host.locator('dl.tz-summary').count()); n++) await nextPage(page, host, solved);
    const details = host.locator('details.tz-profile');
    await details.locator('summary').click();
    await details.locator('button.tz-profile-delete').click();
    await page.waitForFunction(() => !localStorage.getItem('tetsuzuki:profile'));
    await assertClean(page);
  });
});

test('without consent no profile is kept', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=suido-kaishi`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    const solved = await page.evaluate(async (today) => (await import('/t/solver.js')).solve({ procedures: ['suido-kaishi'], today }), TODAY);
    for (let n = 0; n < 20 && !(await host.locator('dl.tz-summary').count()); n++) await nextPage(page, host, solved);
    await host.locator('button.tz-submit').click();
    await waitForEvent(page, 'submit');
    assert.equal(await page.evaluate(() => localStorage.getItem('tetsuzuki:profile')), null);
  });
});

test('one question per page in mode="one"; abandon is told without personal data', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=tennyu&mode=one`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    const shown = () => host.locator('div.tz-question[data-key]').evaluateAll((qs) => qs.filter((q) => !q.hidden && q.getClientRects().length).length);
    assert.equal(await shown(), 1);
    await enter(input(host, 'move.date'), '2026-11-20');
    await host.locator('button.tz-next').click();
    await page.waitForFunction(() => !document.querySelector('tetsuzuki-form').shadowRoot.querySelector('div.tz-question[data-key="move.date"]:not([hidden])'));
    assert.equal(await shown(), 1);
    await axe(page, 'one question per page');
    await page.evaluate(() => dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
    const [abandon] = await waitForEvent(page, 'abandon');
    assert.ok(!JSON.stringify(abandon.detail).includes('2026-11-20'));
    await assertClean(page);
  });
});
