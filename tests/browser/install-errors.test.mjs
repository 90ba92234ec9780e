// A vendor's installation mistakes, in Debian's headless Chromium under the strict CSP: the
// core's .wasm missing (a bundler that did not copy it: 404), served as text/plain (so
// WebAssembly.instantiateStreaming cannot compile it), another build's .wasm (a stale cache), or
// a browser without WebAssembly. Each must give the typed `tetsuzuki-error` event (and the JS
// API's ready() a TetsuzukiError) with a message for the vendor — the URL, the status or the
// type served, and the fix — while the resident reads "try again later" in the page's language,
// the message catalogue's `ui-load-failed` (the shell's copy when the core itself did not load).
// A later ready() tries again, and once the .wasm is served right, version() is the
// workspace's (Cargo.toml).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, TODAY, assertClean, launch, openPage, startServer, waitForEvent } from './support.mjs';
import { workspacePackage } from '../../wasm/package/build.mjs';

const DIST = join(ROOT, 'dist');
/** The browser's log line for the 404 a test provokes on purpose. */
const NOT_FOUND = /Failed to load resource: the server responded with a status of 404/;

/** `ui-load-failed` of core/messages/LANG/common.ftl: what the resident reads. */
async function loadFailed(lang) {
  const ftl = await readFile(join(ROOT, 'core', 'messages', lang, 'common.ftl'), 'utf8');
  const line = ftl.split('\n').find((l) => l.startsWith('ui-load-failed ='));
  assert.ok(line, `core/messages/${lang}/common.ftl has ui-load-failed`);
  return line.slice('ui-load-failed ='.length).trim();
}

const js = (file) => ({ type: 'text/javascript; charset=utf-8', body: () => readFile(join(DIST, file)) });
const wasm = (file, type) => ({ type, body: () => readFile(join(DIST, file)) });
const page = (title, lang, script) => ({
  type: 'text/html; charset=utf-8',
  body: async () => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="${script}"></script></head>
<body><main><h1>${title}</h1>
<tetsuzuki-form id="form" catalog="/catalog.json" procedures="tennyu" today="${TODAY}" storage="none"></tetsuzuki-form>
</main></body></html>
`,
});

// Routes answered from memory (a function per request, so a test may change what is served).
const routes = {};
function serve(path, route) {
  routes[path] = async () => ({ type: route.type, body: await route.body() });
}
// Missing: the entry module and its glue, no .wasm beside them (404).
serve('/missing/tetsuzuki.js', js('tetsuzuki.js'));
serve('/missing/tetsuzuki_widget.js', js('tetsuzuki_widget.js'));
// Served as text/plain: the widget's and the API's.
for (const f of ['tetsuzuki.js', 'tetsuzuki_widget.js', 'tetsuzuki-api.js', 'tetsuzuki_api.js']) serve(`/plain/${f}`, js(f));
serve('/plain/tetsuzuki_widget_bg.wasm', wasm('tetsuzuki_widget_bg.wasm', 'text/plain; charset=utf-8'));
serve('/plain/tetsuzuki_api_bg.wasm', wasm('tetsuzuki_api_bg.wasm', 'text/plain; charset=utf-8'));
// Another build's core under the widget's name: the JS API's .wasm, as application/wasm.
serve('/stale/tetsuzuki.js', js('tetsuzuki.js'));
serve('/stale/tetsuzuki_widget.js', js('tetsuzuki_widget.js'));
serve('/stale/tetsuzuki_widget_bg.wasm', wasm('tetsuzuki_api_bg.wasm', 'application/wasm'));
for (const [name, lang, script] of [
  ['missing-en', 'en', '/missing/tetsuzuki.js'],
  ['plain-ja', 'ja', '/plain/tetsuzuki.js'],
  ['plain-ja-easy', 'ja-easy', '/plain/tetsuzuki.js'],
  ['stale-en', 'en', '/stale/tetsuzuki.js'],
  ['no-wasm-en', 'en', '/dist/tetsuzuki.js'],
]) serve(`/t/install-${name}.html`, page(name, lang, script));

let server;
let browser;
before(async () => {
  [server, browser] = await Promise.all([startServer({ routes }), launch()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a test page, waits for the element's tetsuzuki-error; returns its detail and what the
 *  resident sees (the shadow root's alert and its language). */
async function failure(name, { init } = {}) {
  const p = await openPage(browser);
  try {
    if (init) await p.addInitScript(init);
    await p.goto(`${server.url}/t/install-${name}.html`);
    const [error] = await waitForEvent(p, 'error', { id: 'form' });
    const shown = await p.evaluate(() => {
      const alert = document.getElementById('form').shadowRoot?.querySelector('[role="alert"]');
      return alert && { text: alert.textContent.trim(), lang: alert.closest('[lang]')?.getAttribute('lang') };
    });
    await assertClean(p, [NOT_FOUND]);
    assert.ok(error.bubbles && error.composed, 'the event bubbles out of the shadow root');
    assert.deepEqual(Object.keys(error.detail).sort(), ['code', 'message']);
    return { ...error.detail, shown, events: (await p.evaluate(() => window.__events)).map((e) => e.type) };
  } finally {
    await p.closeAll();
  }
}

test('the .wasm missing next to the module (404): wasm-fetch, naming its URL and the status; the resident reads the catalogue\'s words', async () => {
  const r = await failure('missing-en');
  assert.equal(r.code, 'wasm-fetch');
  assert.ok(r.message.includes(`${server.url}/missing/tetsuzuki_widget_bg.wasm`), r.message);
  assert.match(r.message, /HTTP 404/);
  assert.match(r.message, /next to the \.js file/);
  assert.deepEqual(r.shown, { text: await loadFailed('en'), lang: 'en' });
  assert.deepEqual(r.events, ['error'], 'no ready, no step: only the error');
});

test('the .wasm served as text/plain: wasm-type, naming the URL, the type served and the fix (application/wasm)', async () => {
  for (const lang of ['ja', 'ja-easy']) {
    const r = await failure(`plain-${lang}`);
    assert.equal(r.code, 'wasm-type');
    assert.ok(r.message.includes(`${server.url}/plain/tetsuzuki_widget_bg.wasm`), r.message);
    assert.match(r.message, /served as "text\/plain"/);
    assert.match(r.message, /serve \.wasm files as application\/wasm/);
    assert.deepEqual(r.shown, { text: await loadFailed(lang), lang }, `the resident's words in ${lang}`);
  }
});

test('another build\'s .wasm (a stale cache): wasm-invalid, naming the URL and what to do', async () => {
  const r = await failure('stale-en');
  assert.equal(r.code, 'wasm-invalid');
  assert.ok(r.message.includes(`${server.url}/stale/tetsuzuki_widget_bg.wasm`), r.message);
  assert.match(r.message, /serve the \.wasm of the same build/);
  assert.deepEqual(r.shown, { text: await loadFailed('en'), lang: 'en' });
});

test('a browser without WebAssembly (turned off by policy): wasm-unsupported, naming the requirement', async () => {
  const r = await failure('no-wasm-en', { init: () => { delete globalThis.WebAssembly; } });
  assert.equal(r.code, 'wasm-unsupported');
  assert.match(r.message, /needs WebAssembly/);
  assert.deepEqual(r.shown, { text: await loadFailed('en'), lang: 'en' });
});

test('the JS API: ready() rejects with a TetsuzukiError (wasm-type); a later ready() tries again; version() is the workspace\'s', async () => {
  const want = await workspacePackage('version');
  const p = await openPage(browser);
  try {
    await p.goto(`${server.url}/t/blank.html`);
    const first = await p.evaluate(async () => {
      const api = await import('/plain/tetsuzuki-api.js');
      try {
        await api.ready();
        return null;
      } catch (e) {
        return { name: e.name, code: e.code, message: e.message };
      }
    });
    assert.equal(first?.name, 'TetsuzukiError');
    assert.equal(first.code, 'wasm-type');
    assert.ok(first.message.includes(`${server.url}/plain/tetsuzuki_api_bg.wasm`), first.message);
    assert.match(first.message, /served as "text\/plain"/);
    assert.match(first.message, /serve \.wasm files as application\/wasm/);

    // The vendor fixes the server; the same module loads the core on the next call.
    serve('/plain/tetsuzuki_api_bg.wasm', wasm('tetsuzuki_api_bg.wasm', 'application/wasm'));
    const second = await p.evaluate(async () => {
      const api = await import('/plain/tetsuzuki-api.js');
      await api.ready();
      return api.version();
    });
    assert.equal(second, want, 'version() is Cargo.toml\'s [workspace.package] version');
    await assertClean(p);
  } finally {
    await p.closeAll();
  }
});

test('outside a browser (server-side rendering): importing the widget names what it needs', async () => {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const run = promisify(execFile);
  const entry = new URL(`file://${join(DIST, 'tetsuzuki.js')}`).href;
  const failed = await run(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(entry)})`])
    .then(() => null, (e) => e.stderr);
  assert.ok(failed, 'importing dist/tetsuzuki.js in Node fails');
  assert.match(failed, /@tetsuzuki\/widget needs a browser: custom elements/);
});
