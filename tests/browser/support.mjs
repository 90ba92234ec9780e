// Shared helpers of the browser tests: one server (the portal's own, scripts/serve.mjs, under the
// strict CSP) with test pages, axe-core and generated catalogues mounted; Debian's Chromium via
// playwright-core; collectors of CSP violations, errors and the widget's events; axe runs;
// screenshots; catalogues changed and re-sealed as the CLI seals them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createPortalServer, listen, ROOT, CSP } from '../../scripts/serve.mjs';

export { ROOT, CSP };
export const TARGET = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
export const TODAY = '2026-11-23';
export const CATALOG = [process.env.TETSUZUKI_SAMPLE_CATALOG, join(TARGET, 'sample-catalog.json'),
  join(TARGET, 'catalogs', 'oishida.json')].find((p) => p && existsSync(p)) || join(TARGET, 'sample-catalog.json');
export const GENERATED = join(TARGET, 'browser-catalogs');
export const SHOTS = join(TARGET, 'screenshots');
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Chromium's launch arguments seen working on this kind of machine (STACK.md). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS, // playwright launches with a fresh temporary profile
  });
}

/** The portal server with the tests' mounts; resolves to { url, close, routes }. */
export async function startServer({ routes = {}, mounts = {} } = {}) {
  await mkdir(GENERATED, { recursive: true });
  const server = createPortalServer({
    catalog: CATALOG,
    routes,
    mounts: {
      '/t/': join(ROOT, 'tests', 'browser', 'pages'),
      '/catalogs/': GENERATED,
      '/axe.min.js': join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'),
      ...mounts,
    },
  });
  const { url } = await listen(server);
  return { url, routes, close: () => new Promise((ok) => server.close(ok)) };
}

// Runs in every page before its scripts (CDP, not subject to the page's CSP): records CSP
// violations, uncaught errors and every tetsuzuki-* event the host sees, with its detail.
function recorder() {
  window.__csp = [];
  window.__errors = [];
  window.__events = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile || ''}:${e.lineNumber || ''}`);
  });
  window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason && (e.reason.stack || e.reason))));
  for (const type of ['ready', 'step', 'issue', 'submit', 'prepared', 'request', 'abandon', 'feedback', 'error']) {
    window.addEventListener(`tetsuzuki-${type}`, (e) => {
      let detail = null;
      try { detail = JSON.parse(JSON.stringify(e.detail ?? null)); } catch { detail = '(not JSON)'; }
      const host = e.composedPath()[0];
      window.__events.push({ type, detail, id: host && host.id || null, at: performance.now(),
        bubbles: e.bubbles, composed: e.composed });
    });
  }
}

/**
 * A fresh context (own localStorage) and page, recording console errors, page errors, CSP
 * violations and widget events. `page.problems()` lists what went wrong.
 */
export async function openPage(browser, { width = 1280, height = 900, context } = {}) {
  const ctx = context || await browser.newContext({ viewport: { width, height }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const page = await ctx.newPage();
  await page.addInitScript(recorder);
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.stack || e}`));
  page.problems = async () => {
    const inPage = await page.evaluate(() => [...(window.__csp || []).map((c) => `csp: ${c}`), ...(window.__errors || []).map((e) => `error: ${e}`)]).catch(() => []);
    return [...problems, ...inPage];
  };
  page.closeAll = () => (context ? page.close() : ctx.close());
  return page;
}

/** Runs `fn(page)` on a fresh page of `browser` (openPage's options), closing it after. */
export async function withPage(browser, fn, options) {
  const page = await openPage(browser, options);
  try {
    return await fn(page);
  } finally {
    await page.closeAll();
  }
}

/** Evaluates `fn(arg)` in a blank page of the test server (strict CSP), which must stay clean. */
export async function onBlankPage(browser, server, fn, arg) {
  return withPage(browser, async (page) => {
    await page.goto(server.url + '/t/blank.html');
    const result = await page.evaluate(fn, arg);
    await assertClean(page);
    return result;
  });
}

export async function assertClean(page, allow = []) {
  const problems = (await page.problems()).filter((p) => !allow.some((a) => a.test(p)));
  assert.deepEqual(problems, [], `page problems:\n${problems.join('\n')}`);
}

/** The widget events seen so far (optionally of one type). */
export function events(page, type) {
  return page.evaluate((t) => (window.__events || []).filter((e) => !t || e.type === t), type);
}

export async function waitForEvent(page, type, { count = 1, timeout = 30_000, id } = {}) {
  await page.waitForFunction(([t, n, i]) => (window.__events || []).filter((e) => e.type === t && (!i || e.id === i)).length >= n,
    [type, count, id], { timeout });
  return (await events(page, type)).filter((e) => !id || e.id === id);
}

/** axe-core with the WCAG 2.2 AA tags over the whole page (open shadow roots included). */
export async function axe(page, label) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ url: '/axe.min.js' });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, summary: n.failureSummary })) }));
  }, WCAG);
  assert.deepEqual(result, [], `axe (${WCAG.join(', ')}) on ${label}:\n${JSON.stringify(result, null, 2)}`);
}

/** Full-page screenshots at 360 and 1280 px wide into target/screenshots/NAME-WIDTH.png. */
export async function screenshots(page, name) {
  if (process.env.TETSUZUKI_NO_SCREENSHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true, animations: 'disabled', caret: 'initial' });
  }
  await page.setViewportSize(size);
}

// ---------------------------------------------------------------- catalogues

export async function sampleCatalog() {
  return JSON.parse(await readFile(CATALOG, 'utf8'));
}

/** JSON text of a catalogue with `content_hash` computed as core's hash_of_text does. */
export function seal(catalog) {
  const text = JSON.stringify({ ...catalog, content_hash: '' });
  const key = '"content_hash":"';
  const at = text.indexOf(key) + key.length;
  const end = text.indexOf('"', at);
  const hash = 'sha256-' + createHash('sha256').update(text.slice(0, at)).update(text.slice(end)).digest('hex');
  return text.slice(0, at) + hash + text.slice(end);
}

/** Writes a changed catalogue under /catalogs/NAME.json; returns its URL path. */
export async function writeCatalog(name, catalog) {
  await mkdir(GENERATED, { recursive: true });
  await writeFile(join(GENERATED, `${name}.json`), seal(catalog));
  return `/catalogs/${name}.json`;
}

// ---------------------------------------------------------------- the widget's DOM

/** The deepest focused element's description (through open shadow roots). */
export function activeElement(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a ? { tag: a.localName, cls: a.className, type: a.type || null, id: a.id, value: a.value ?? null, text: (a.textContent || '').trim().slice(0, 40) } : null;
  });
}

/** Solves the answers of a session through the wasm API inside the page (see pages/solver.js). */
export function solve(page, options) {
  return page.evaluate(async (o) => (await import('/t/solver.js')).solve(o), options);
}

/** Text typed into an input for a value of a question (address parts and groups are handled apart). */
export function typed(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !Array.isArray(value) && 'family' in value) return `${value.family} ${value.given}`;
  return String(value);
}
