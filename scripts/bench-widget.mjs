#!/usr/bin/env node
// Benchmark of the web widget in Debian's headless Chromium (not a test: it prints a table).
//
//   node scripts/bench-widget.mjs [--loads 21] [--keys 400]
//
// Needs dist/ (scripts/build-wasm) and the sample catalogue (scripts/run or scripts/test make it).
// Measures with performance.now() inside the page:
//   1. over N fresh loads of the moving-in navigator and of a generated 1,000-question form
//      with 500 conditions, median and p90 of:
//      - catalogue → interactive: from the catalogue's text in hand (the shell's User Timing
//        mark `tetsuzuki:catalog-fetched`) to interactive (`tetsuzuki:interactive`, the widget
//        rendered and listening): loading the catalogue (parse, hash check), planning the
//        form and rendering its first page. This is the counterpart of SurveyJS's `new Model`
//        figures the issue compares with (library already loaded);
//      - script start → interactive: from a classic script before the widget's module is
//        fetched to the `tetsuzuki-ready` event, which adds fetching and compiling the
//        module and the wasm and fetching the catalogue (served with `no-store`: every load
//        compiles the wasm afresh, as on a first visit);
//   2. one keystroke: an `input` event dispatched on a field → its handler has updated
//      visibility, issues and the error summary in the DOM (handlers run synchronously, so the
//      time around dispatchEvent is the whole update), median over many changes, with the
//      error summary showing, on the largest sample form and on the generated form.
// The generated definitions go to target/bench/gen/ and are compiled with the CLI.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, startServer, openPage, TARGET, ROOT, TODAY, CATALOG } from '../tests/browser/support.mjs';

const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const LOADS = arg('loads', 21);
const KEYS = arg('keys', 400);
const BENCH = join(TARGET, 'bench');

/** YAML of a town offering one procedure `big`: n questions on 20 pages, `conditions` show_ifs, `rules` rules. */
export function generatedForm(n = 1000, conditions = 500, rules = 300) {
  const pages = Array.from({ length: 20 }, () => []);
  let shown = 0;
  for (let i = 0; i < n; i++) {
    const type = ['integer', 'text', 'date', 'choice'][i % 4];
    let f = `        - id: f${i}\n          type: ${type}\n          label: {ja: 項目${i}, en: Item ${i}}\n`;
    if (type === 'text') f += '          max_length: 30\n';
    if (type === 'integer') f += '          max: 100\n';
    if (type === 'choice') f += '          options:\n            - {value: a, label: {ja: はい, en: "Yes"}}\n            - {value: b, label: {ja: いいえ, en: "No"}}\n';
    if (i >= 4 && (i % 2 === 0 || i === 5 || i === 7) && shown < conditions) {
      const j = Math.floor(i / 4) * 4 - 4; // an earlier integer field and the text after it
      f += `          show_if: 'f${j} >= 0 && f${j + 1} == "はい"'\n`;
      shown++;
    }
    if (i % 3 === 0 && i / 3 < rules) {
      const check = type === 'date' ? `f${i} <= today()` : `size(string(f${i})) <= 40`;
      f += `          rules:\n            - id: r${i}\n              check: '${check}'\n`
        + `              message: {ja: 項目${i}は40文字以内か今日以前の日付にしてください, en: "Item ${i} must be 40 characters or fewer, or today or in the past"}\n`
        + `              fix: {ja: 項目${i}を短くするか日付を直してください, en: Shorten item ${i} or change its date}\n`;
    }
    pages[i % 20].push(f);
  }
  let proc = 'kind: procedure\nsample: true\nid: big\nversion: 1.0.0\ntitle: {ja: 大きな申請, en: A big application}\n'
    + 'type: application\ndepartment: d0\nchannels: [online, counter]\nonline_completion: true\nform:\n  pages:\n';
  pages.forEach((fields, p) => {
    proc += `    - id: page${p}\n      title: {ja: ページ${p + 1}, en: Page ${p + 1}}\n      fields:\n${fields.join('')}`;
  });
  const town = 'kind: town\nsample: true\nid: gen\ncode: "063410"\nname: {ja: 生成町, en: Generated Town}\n'
    + 'prefecture: {ja: 山形県, en: Yamagata}\ndepartments:\n  - id: d0\n    name: {ja: 住民課, en: Residents}\n'
    + 'procedures:\n  - procedure: big\n';
  return { 'big.yaml': proc, 'town.yaml': town, shown };
}

async function compileGenerated() {
  const dir = join(BENCH, 'gen');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const files = generatedForm();
  for (const [name, text] of Object.entries(files)) if (name.endsWith('.yaml')) await writeFile(join(dir, name), text);
  const out = join(BENCH, 'gen.json');
  execFileSync('cargo', ['run', '-q', '-p', 'tetsuzuki-cli', '--', 'compile', dir, '--town', 'gen', '-o', out],
    { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CARGO_TARGET_DIR: TARGET } });
  return { out, conditions: files.shown };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function loads(browser, url, n) {
  const fromScript = [];
  const fromNav = [];
  const fromCatalog = [];
  const page = await openPage(browser);
  for (let i = 0; i < n; i++) {
    await page.goto(url);
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 30_000 });
    const { t0, ready, fetched, interactive } = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(`tetsuzuki:${name}`, 'mark')[0]?.startTime;
      return { t0: window.__t0, ready: window.__ready, fetched: at('catalog-fetched'), interactive: at('interactive') };
    });
    if (fetched === undefined || interactive === undefined) throw new Error('the shell left no User Timing marks');
    fromScript.push(ready - t0);
    fromNav.push(ready);
    fromCatalog.push(interactive - fetched);
  }
  const problems = await page.problems();
  await page.closeAll();
  if (problems.length) throw new Error(problems.join('\n'));
  return { fromScript, fromNav, fromCatalog };
}

async function keystrokes(browser, url, n) {
  const page = await openPage(browser);
  await page.goto(url);
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 30_000 });
  const host = page.locator('tetsuzuki-form');
  // Show the errors (the summary is then kept up to date on every keystroke).
  await host.locator('button.tz-next').click();
  await host.locator('div.tz-error-summary:not([hidden])').waitFor();
  const r = await page.evaluate((count) => {
    const root = document.querySelector('tetsuzuki-form').shadowRoot;
    const inputs = [...root.querySelectorAll('div.tz-question[data-key]:not([hidden]) input[type=text]')];
    const input = inputs[0];
    const key = input.closest('[data-key]').dataset.key;
    const values = ['1', '12', '', 'x', '2026-11-20', '令和8年11月20日', 'あいう', '100000'];
    const times = [];
    for (let i = 0; i < count; i++) {
      input.value = values[i % values.length];
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      times.push(performance.now() - t0);
    }
    return { key, times, questions: root.querySelectorAll('div.tz-question[data-key]').length };
  }, n);
  const problems = await page.problems();
  await page.closeAll();
  if (problems.length) throw new Error(problems.join('\n'));
  return r;
}

async function largestSampleForm(browser, server) {
  const page = await openPage(browser);
  await page.goto(server.url + '/t/blank.html');
  const r = await page.evaluate(async () => {
    const m = await import('/dist/tetsuzuki-api.js');
    await m.ready();
    const c = m.Catalog.load(await (await fetch('/catalog.json')).text());
    const sizes = c.procedures('ja').map((p) => {
      try { return [p.id, c.startSession([p.id]).questions('ja').length]; } catch { return [p.id, 0]; }
    });
    return sizes.sort((a, b) => b[1] - a[1])[0];
  });
  await page.closeAll();
  return r;
}

const fmt = (x) => (x < 1 ? x.toFixed(3) : x.toFixed(1));

async function main() {
  process.stderr.write('[bench-widget] compiling the generated 1,000-question form\n');
  const gen = await compileGenerated();
  const [server, browser] = await Promise.all([startServer({ mounts: { '/bench/': BENCH } }), launch()]);
  const rows = [];
  try {
    const base = `${server.url}/t/bench.html?today=${TODAY}&lang=ja`;
    const [largest, largestCount] = await largestSampleForm(browser, server);
    process.stderr.write(`[bench-widget] loads: moving-in navigator ×${LOADS}\n`);
    const nav = await loads(browser, `${base}&event=moving-in&catalog=/catalog.json`, LOADS);
    rows.push(['moving-in navigator: script start → interactive', median(nav.fromScript), pct(nav.fromScript, 0.9), '≤ 100 ms', 'ms']);
    rows.push(['  (catalogue → interactive)', median(nav.fromCatalog), pct(nav.fromCatalog, 0.9), '', 'ms']);
    rows.push(['  (navigation start → interactive)', median(nav.fromNav), pct(nav.fromNav, 0.9), '', 'ms']);
    process.stderr.write(`[bench-widget] loads: generated form ×${LOADS}\n`);
    const big = await loads(browser, `${base}&element=form&procedures=big&catalog=/bench/gen.json`, LOADS);
    rows.push([`generated form (1,000 questions, ${gen.conditions} conditions): catalogue → interactive`, median(big.fromCatalog), pct(big.fromCatalog, 0.9), '≤ 30 ms', 'ms']);
    rows.push(['  (script start → interactive)', median(big.fromScript), pct(big.fromScript, 0.9), '', 'ms']);
    rows.push(['  (navigation start → interactive)', median(big.fromNav), pct(big.fromNav, 0.9), '', 'ms']);
    process.stderr.write(`[bench-widget] keystrokes ×${KEYS}\n`);
    const k1 = await keystrokes(browser, `${base}&element=form&procedures=${largest}&catalog=/catalog.json`, KEYS);
    rows.push([`keystroke, largest sample form (${largest}, ${largestCount} questions; field ${k1.key})`, median(k1.times), pct(k1.times, 0.9), '≤ 0.5 ms', 'ms']);
    const k2 = await keystrokes(browser, `${base}&element=form&procedures=big&catalog=/bench/gen.json`, KEYS);
    rows.push([`keystroke, generated 1,000-question form (field ${k2.key})`, median(k2.times), pct(k2.times, 0.9), '≤ 1 ms', 'ms']);
  } finally {
    await browser.close();
    await server.close();
  }
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nChromium ${process.env.CHROMIUM || '/usr/bin/chromium'}, headless; ${LOADS} loads, ${KEYS} keystrokes; medians\n`);
  console.log(`${'measure'.padEnd(w)}  ${'median'.padStart(9)}  ${'p90'.padStart(9)}  budget`);
  for (const [name, med, p90, budget, unit] of rows) {
    console.log(`${name.padEnd(w)}  ${(fmt(med) + ' ' + unit).padStart(9)}  ${(fmt(p90) + ' ' + unit).padStart(9)}  ${budget}`);
  }
  void CATALOG;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
