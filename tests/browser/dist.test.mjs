// Smoke test of the release widget bundle (dist/, made by scripts/build-wasm) in Debian's
// headless Chromium, driven by playwright-core: the page is served from localhost under the
// minimal Content-Security-Policy a host page needs, loads the wasm-opt'ed module and calls
// catalogSummary. Run: node --test tests/browser/ (scripts/test does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const samplePath = process.env.TETSUZUKI_SAMPLE_CATALOG || join(root, 'target/sample-catalog.json');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const pages = {
  '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>smoke</title><script type="module" src="/smoke.js"></script>'],
  '/smoke.js': ['text/javascript', `
    import init, { catalogSummary } from '/dist/tetsuzuki_wasm.js';
    const out = {};
    try {
      await init();
      const text = await (await fetch('/sample-catalog.json')).text();
      out.summary = catalogSummary(text);
      try { catalogSummary('{"format": '); } catch (e) { out.error = { name: e.name, code: e.code, message: e.message }; }
    } catch (e) { out.failure = String(e && e.stack || e); }
    window.__smoke = out;
  `],
};
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

let server, browser, base;

before(async () => {
  server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path === '/favicon.ico') return res.writeHead(204).end();
    try {
      let type, body;
      if (pages[path]) [type, body] = pages[path];
      else if (path === '/sample-catalog.json') [type, body] = [types['.json'], await readFile(samplePath)];
      else if (/^\/dist\/[\w.-]+$/.test(path)) [type, body] = [types[extname(path)] || 'text/plain', await readFile(join(root, path))];
      else throw new Error('not found');
      res.writeHead(200, { 'content-type': type, 'content-security-policy': CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],  // playwright launches with a fresh temporary profile
  });
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

test('the release bundle summarises a catalogue under a strict CSP', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(base + '/');
  await page.waitForFunction(() => window.__smoke !== undefined, null, { timeout: 30_000 });
  const out = await page.evaluate(() => window.__smoke);
  assert.equal(out.failure, undefined, out.failure);
  assert.deepEqual(problems, []);

  const raw = JSON.parse(await readFile(samplePath, 'utf8'));
  assert.equal(out.summary.format, raw.format);
  assert.equal(out.summary.content_hash, raw.content_hash);
  assert.equal(out.summary.town_id, 'oishida');
  assert.equal(out.summary.town_id, raw.town.id);
  assert.equal(out.summary.procedures, raw.procedures.length);
  assert.equal(out.summary.life_events, raw.life_events.length);
  assert.equal(out.summary.concepts, raw.concepts.length);
  assert.equal(out.summary.code_lists, raw.code_lists.length);

  assert.equal(out.error.name, 'TetsuzukiError');
  assert.equal(out.error.code, 'catalog-malformed');
  assert.match(out.error.message, /line 1/);
  await page.close();
});
