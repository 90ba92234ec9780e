// The npm package @tetsuzuki/widget, tested as a vendor gets it: dist/ (scripts/build-wasm, which
// runs wasm/package/build.mjs) is packed with `npm pack`, the tarball is installed offline into an
// empty project in the system's temporary folder, and the widget runs from there in Debian's
// headless Chromium under the strict CSP — bundled by esbuild (the repository's dev dependency)
// and unbundled (the installed files served as they are) — and so does the JS API
// (`@tetsuzuki/widget/api`). Only the temporary project is served: nothing comes from the
// repository's dist/. Also: the tarball ships exactly the package's files, its version is the
// workspace's, and custom-elements.json agrees with docs/WIDGET.md and with the sources.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { TYPES, listen } from '../../scripts/serve.mjs';
import { CATALOG, CSP, ROOT, TODAY, assertClean, launch, openPage, waitForEvent } from './support.mjs';
import { FILES, NAME, packageJson } from '../../wasm/package/build.mjs';
import { manifest } from '../../wasm/package/elements.mjs';

const run = promisify(execFile);
const DIST = join(ROOT, 'dist');
const CATALOG_FILE = [process.env.TETSUZUKI_CATALOG, CATALOG].find((p) => p && existsSync(p)) || CATALOG;
const ESBUILD = join(ROOT, 'node_modules', '.bin', 'esbuild');

const tmp = await mkdtemp(join(tmpdir(), 'tetsuzuki-package-'));
const SITE = join(tmp, 'site');
after(async () => {
  if (!process.env.TETSUZUKI_KEEP_TMP) await rm(tmp, { recursive: true, force: true });
  else console.log(`kept ${tmp}`);
});

/** npm without the network, the user's cache or config, audit, fund, scripts or notices. */
function npm(args, cwd) {
  const env = { ...process.env, npm_config_cache: join(tmp, 'npm-cache'), npm_config_userconfig: join(tmp, 'npmrc'),
    npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  for (const k of Object.keys(env)) if (/^npm_(lifecycle|package)_/.test(k)) delete env[k];
  return run('npm', args, { cwd, env, maxBuffer: 16 << 20 });
}

// ---------------------------------------------------------------- custom-elements.json

/** The rows of the Markdown table whose header row starts with `| first |`: first cells' code spans. */
function tableColumn(md, first) {
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  assert.ok(start >= 0, `docs/WIDGET.md has a table headed "| ${first} |"`);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((c) => c.trim());
    rows.push({ name: cells[1].replace(/^`|`$/g, ''), cells: cells.slice(1, -1) });
  }
  return rows;
}

function section(md, heading) {
  const at = md.indexOf(`\n## ${heading}`);
  assert.ok(at >= 0, `docs/WIDGET.md has a section "## ${heading}"`);
  const end = md.indexOf('\n## ', at + 1);
  return md.slice(at, end < 0 ? undefined : end);
}

const sorted = (xs) => [...new Set(xs)].sort();

/** The text of every .rs file under `dir`, joined. */
async function rustSources(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.rs')).map((e) => join(e.parentPath ?? e.path, e.name));
  return (await Promise.all(files.sort().map((f) => readFile(f, 'utf8')))).join('\n');
}

test('custom-elements.json: every attribute, event, part and custom property of the guide and the sources', async () => {
  const m = manifest();
  assert.match(m.schemaVersion, /^2\.\d+\.\d+$/);
  assert.equal(m.modules.length, 1);
  const [mod] = m.modules;
  assert.equal(mod.kind, 'javascript-module');
  assert.equal(mod.path, 'tetsuzuki.js');
  const elements = Object.fromEntries(mod.declarations.filter((d) => d.customElement).map((d) => [d.tagName, d]));
  assert.deepEqual(Object.keys(elements).sort(), ['tetsuzuki-form', 'tetsuzuki-navigator']);
  for (const [tag, d] of Object.entries(elements)) {
    assert.equal(d.kind, 'class');
    assert.ok(mod.exports.some((x) => x.kind === 'custom-element-definition' && x.name === tag && x.declaration.name === d.name),
      `${tag} is exported as a custom-element-definition`);
  }
  const names = (tag, key) => sorted(elements[tag][key].map((x) => x.name));
  const both = (key) => {
    assert.deepEqual(names('tetsuzuki-form', key), names('tetsuzuki-navigator', key), `both elements have the same ${key}`);
    return names('tetsuzuki-form', key);
  };

  // docs/WIDGET.md, the vendors' guide: both ways.
  const guide = await readFile(join(ROOT, 'docs', 'WIDGET.md'), 'utf8');
  const attributes = tableColumn(guide, 'attribute');
  for (const tag of Object.keys(elements)) {
    const kind = tag.replace('tetsuzuki-', '');
    const documented = attributes.filter((r) => r.cells[1] === 'both' || r.cells[1] === kind).map((r) => r.name);
    assert.deepEqual(names(tag, 'attributes'), sorted(documented), `the attributes of <${tag}> in the guide`);
  }
  const events = tableColumn(guide, 'event').map((r) => r.name);
  assert.deepEqual(both('events'), sorted(events), 'the events of the guide');
  const parts = guide.match(/Parts:([^.]*)\./);
  assert.ok(parts, 'the guide lists the parts ("Parts: …")');
  assert.deepEqual(both('cssParts'), sorted([...parts[1].matchAll(/`([a-z-]+)`/g)].map((x) => x[1])), 'the CSS parts of the guide');
  const theming = section(guide, '6. Theming');
  assert.deepEqual(both('cssProperties'), sorted(theming.match(/--tz-[a-z-]+/g)), 'the custom properties of the guide');

  // The shell reads these attributes and dispatches tetsuzuki-error.
  const shell = await readFile(join(ROOT, 'wasm', 'js', 'tetsuzuki.js'), 'utf8');
  const read = sorted([...shell.matchAll(/(?:get|has)Attribute\('([a-z-]+)'\)/g)].map((x) => x[1]));
  const all = sorted(Object.values(elements).flatMap((d) => d.attributes.map((a) => a.name)));
  assert.deepEqual(read, all, 'the attributes wasm/js/tetsuzuki.js reads');
  for (const observed of shell.match(/observedAttributes = \[([^\]]*)\]/)[1].match(/[a-z-]+/g)) {
    assert.ok(all.includes(observed), `observed attribute ${observed}`);
  }

  // The widget's Rust sources dispatch these events, set these parts; the stylesheet defines the properties.
  const rust = await rustSources(join(ROOT, 'wasm', 'src'));
  const dispatched = sorted([...`${rust}\n${shell}`.matchAll(/["']tetsuzuki-([a-z]+)["']/g)].map((x) => `tetsuzuki-${x[1]}`)
    .filter((name) => !elements[name]));
  assert.deepEqual(both('events'), dispatched, 'the events wasm/src and the shell dispatch');
  for (const [, part] of rust.matchAll(/\("part", "([a-z-]+)"\)/g)) assert.ok(both('cssParts').includes(part), `part ${part} (wasm/src)`);
  for (const part of both('cssParts')) assert.ok(rust.includes(`"${part}"`), `part ${part} is set in wasm/src`);
  const css = await readFile(join(ROOT, 'wasm', 'src', 'style.css'), 'utf8');
  const defaults = new Map([...css.matchAll(/^\s*(--tz-[a-z-]+):\s*([^;]+);/gm)].map((x) => [x[1], x[2].trim()]));
  for (const [, name, fallback] of css.matchAll(/var\((--tz-[a-z-]+)(?:,\s*([^)]+))?\)/g)) {
    if (fallback && !defaults.has(name)) defaults.set(name, fallback.trim());
  }
  const props = elements['tetsuzuki-form'].cssProperties;
  assert.deepEqual(sorted(props.map((p) => p.name)), sorted(defaults.keys()), 'the custom properties wasm/src/style.css uses');
  for (const p of props) assert.equal(p.default, defaults.get(p.name), `default of ${p.name} (style.css)`);

  // The TypeScript declarations: the same events with the same detail types.
  const dts = await readFile(join(ROOT, 'wasm', 'js', 'tetsuzuki.d.ts'), 'utf8');
  const map = dts.match(/interface TetsuzukiEventMap \{([^}]*)\}/)[1];
  const declared = Object.fromEntries([...map.matchAll(/'(tetsuzuki-[a-z]+)':\s*([^;]+);/g)].map((x) => [x[1], x[2].trim()]));
  assert.deepEqual(Object.fromEntries(elements['tetsuzuki-form'].events.map((e) => [e.name, e.type.text])), declared,
    'the events of tetsuzuki.d.ts (TetsuzukiEventMap)');
});

// ---------------------------------------------------------------- pack and install

const packed = {};

test('dist/ is the package: its version is the workspace\'s (Cargo.toml), its manifest is current', async () => {
  const want = await packageJson();
  const pkgFile = join(DIST, 'package.json');
  assert.ok(existsSync(pkgFile), 'dist/package.json is missing: run scripts/build-wasm (or node wasm/package/build.mjs)');
  assert.deepEqual(JSON.parse(await readFile(pkgFile, 'utf8')), want,
    'dist/package.json is stale: run scripts/build-wasm (or node wasm/package/build.mjs)');
  assert.deepEqual(JSON.parse(await readFile(join(DIST, 'custom-elements.json'), 'utf8')), manifest(),
    'dist/custom-elements.json is stale: run scripts/build-wasm (or node wasm/package/build.mjs)');
  assert.equal(want.name, NAME);
  assert.match(want.version, /^\d+\.\d+\.\d+/);
  assert.equal(want.license, 'MIT OR Apache-2.0');
  for (const f of ['README.md', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE']) {
    assert.ok(existsSync(join(DIST, f)), `dist/${f}`);
  }
  assert.deepEqual(await readFile(join(DIST, 'LICENSE-MIT')), await readFile(join(ROOT, 'LICENSE-MIT')), 'the MIT licence is the repository\'s');
  assert.ok((await readFile(join(ROOT, 'CHANGELOG.md'), 'utf8')).includes(`## ${want.version}`), `CHANGELOG.md has an entry for ${want.version}`);
});

test('the tarball ships only the package\'s files', async () => {
  const { stdout } = await npm(['pack', DIST, '--json', '--ignore-scripts', '--pack-destination', tmp], tmp);
  const [info] = JSON.parse(stdout);
  packed.tarball = join(tmp, info.filename);
  packed.info = info;
  const files = info.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...FILES, 'package.json'].sort(), 'exactly the files of wasm/package/build.mjs FILES');
  for (const f of files) assert.doesNotMatch(f, /\.(rs|map|toml|lock|ts\.map)$|^(src|target|node_modules)\//, `no source file: ${f}`);
  console.log(`${info.id}: tarball ${info.filename} ${info.size} B (${(info.size / 1024).toFixed(0)} KiB), `
    + `unpacked ${info.unpackedSize} B (${(info.unpackedSize / 1024).toFixed(0)} KiB), ${info.entryCount} files`);
  for (const f of info.files.sort((a, b) => b.size - a.size)) console.log(`  ${String(f.size).padStart(9)} B  ${f.path}`);
});

test('installs offline from the tarball into an empty project; its exports resolve', async () => {
  assert.ok(packed.tarball, 'packed by the previous test');
  await mkdir(SITE, { recursive: true });
  await writeFile(join(SITE, 'package.json'), JSON.stringify({ name: 'vendor-site', private: true, type: 'module' }, null, 2));
  await npm(['install', packed.tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], SITE);
  const installed = join(SITE, 'node_modules', ...NAME.split('/'));
  const pkg = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.version, (await packageJson()).version);
  assert.deepEqual((await readdir(installed)).sort(), [...FILES, 'package.json'].sort());
  // Node's resolver follows `exports` as bundlers do; every target exists.
  const specifiers = [NAME, `${NAME}/api`, `${NAME}/custom-elements.json`, `${NAME}/tetsuzuki_widget_bg.wasm`, `${NAME}/tetsuzuki_api_bg.wasm`];
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e',
    `console.log(JSON.stringify(${JSON.stringify(specifiers)}.map((s) => import.meta.resolve(s))))`], { cwd: SITE });
  const resolved = JSON.parse(stdout).map((u) => new URL(u).pathname.slice(installed.length + 1));
  assert.deepEqual(resolved, ['tetsuzuki.js', 'tetsuzuki-api.js', 'custom-elements.json', 'tetsuzuki_widget_bg.wasm', 'tetsuzuki_api_bg.wasm']);
  for (const entry of Object.values(pkg.exports)) {
    for (const target of typeof entry === 'string' ? [entry] : Object.values(entry)) {
      assert.ok(existsSync(join(installed, target)), `exports target ${target}`);
    }
  }
  assert.ok(existsSync(join(installed, pkg.types)) && existsSync(join(installed, pkg.customElements)));
});

// ---------------------------------------------------------------- in the browser

const PAGE = (title, script, body) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${title}</title>
<script type="module" src="${script}"></script></head>
<body><main><h1>${title}</h1>
${body}
</main></body></html>
`;

/** A static server over the vendor's project only, with the strict CSP and scripts/serve.mjs's types. */
async function vendorServer(root) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const file = path === '/catalog.json' ? CATALOG_FILE : resolve(root, '.' + path);
    if (path === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    try {
      if (file !== CATALOG_FILE && !file.startsWith(root + sep)) throw new Error('outside');
      const body = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      requests.push({ path, status: 200, type });
      res.writeHead(200, { ...headers, 'content-type': type }).end(body);
    } catch {
      requests.push({ path, status: 404 });
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
    }
  });
  const { url } = await listen(server);
  return { url, requests, close: () => new Promise((ok) => server.close(ok)) };
}

test('in Chromium under the strict CSP: bundled by esbuild and unbundled, the widget renders its first question; the API answers', async () => {
  assert.ok(existsSync(join(SITE, 'node_modules')), 'installed by the previous test');
  assert.ok(existsSync(CATALOG_FILE), `the sample catalogue ${CATALOG_FILE} (set TETSUZUKI_CATALOG; see scripts/test)`);
  // (a) A vendor's bundle: esbuild, ESM output, the .wasm copied next to it (docs/WIDGET.md).
  await writeFile(join(SITE, 'main.js'), `import '${NAME}';\n`);
  await writeFile(join(SITE, 'api.js'), [
    `import { ready, Catalog, checkValue, version } from '${NAME}/api';`,
    'await ready();',
    "const catalog = Catalog.load(await (await fetch('/catalog.json')).text());",
    `const check = checkValue('katakana', 'やまだ', '${TODAY}', 'ja');`,
    'document.body.dataset.result = JSON.stringify({ version: version(), town: catalog.summary().town_id, valid: check.valid,',
    '  fix: check.issues.map((i) => i.machine_fix && i.machine_fix.value).find(Boolean) });',
    '',
  ].join('\n'));
  const out = join(SITE, 'public', 'build');
  const { stderr } = await run(ESBUILD, ['main.js', 'api.js', '--bundle', '--format=esm', `--outdir=${out}`, '--log-level=warning'], { cwd: SITE });
  assert.equal(stderr.trim(), '', 'esbuild warns of nothing (e.g. a side-effect-free entry dropped)');
  const installed = join(SITE, 'node_modules', ...NAME.split('/'));
  for (const f of ['tetsuzuki_widget_bg.wasm', 'tetsuzuki_api_bg.wasm']) await copyFile(join(installed, f), join(out, f));
  const bundle = await readFile(join(out, 'main.js'), 'utf8');
  assert.match(bundle, /customElements\.define\(["']tetsuzuki-form["']/, 'the bundle registers the elements (sideEffects kept the entry)');
  assert.ok(!bundle.includes('tetsuzuki_api'), 'the widget\'s bundle holds none of the JS API');
  const sizes = Object.fromEntries(await Promise.all((await readdir(out)).map(async (f) => [f, (await readFile(join(out, f))).length])));
  console.log(`esbuild output: ${JSON.stringify(sizes)}`);

  const pub = join(SITE, 'public');
  const element = (tag, extra) => `<${tag} catalog="/catalog.json" lang="ja" today="${TODAY}" storage="none" ${extra}></${tag}>`;
  await writeFile(join(pub, 'bundled.html'), PAGE('バンドル', '/public/build/main.js', element('tetsuzuki-form', 'procedures="tennyu"')));
  // (b) No bundler: the installed files served as they are (an import map would be an inline
  // script, which the strict CSP refuses: the page names the module's path).
  await writeFile(join(pub, 'plain.html'), PAGE('バンドルなし', `/node_modules/${NAME}/tetsuzuki.js`, element('tetsuzuki-navigator', 'event="moving-in"')));
  await writeFile(join(pub, 'api.html'), PAGE('JS API', '/public/build/api.js', ''));

  const [server, browser] = await Promise.all([vendorServer(SITE), launch()]);
  try {
    const cases = [
      { page: 'bundled.html', tag: 'tetsuzuki-form', wasm: '/public/build/tetsuzuki_widget_bg.wasm' },
      { page: 'plain.html', tag: 'tetsuzuki-navigator', wasm: `/node_modules/${NAME}/tetsuzuki_widget_bg.wasm` },
    ];
    for (const c of cases) {
      const page = await openPage(browser);
      try {
        server.requests.length = 0;
        await page.goto(`${server.url}/public/${c.page}`);
        await waitForEvent(page, 'ready');
        const question = page.locator(`${c.tag} div.tz-question[data-key]`).first();
        await question.waitFor({ state: 'visible' });
        const label = (await question.innerText()).trim().split('\n')[0];
        assert.ok(label.length > 0, `${c.page}: the first question has a label`);
        const wasm = server.requests.filter((r) => r.path.endsWith('.wasm'));
        assert.deepEqual(wasm, [{ path: c.wasm, status: 200, type: 'application/wasm' }], `${c.page}: the core loaded next to its module`);
        assert.deepEqual(server.requests.filter((r) => r.status !== 200), [], `${c.page}: every request found`);
        assert.ok(!server.requests.some((r) => r.path.includes('tetsuzuki_api')), `${c.page}: the widget downloads no JS API`);
        await assertClean(page);
        console.log(`${c.page}: <${c.tag}> shows 「${label}」 (${server.requests.length} requests)`);
      } finally {
        await page.closeAll();
      }
    }
    const page = await openPage(browser);
    try {
      await page.goto(`${server.url}/public/api.html`);
      await page.waitForFunction(() => document.body.dataset.result, null, { timeout: 30_000 });
      const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
      // version(): the core's, the package's (one version: Cargo.toml's workspace version).
      assert.deepEqual(result, { version: (await packageJson()).version, town: 'oishida', valid: false, fix: 'ヤマダ' }, 'the bundled JS API');
      assert.ok(server.requests.some((r) => r.path === '/public/build/tetsuzuki_api_bg.wasm' && r.type === 'application/wasm'));
      await assertClean(page);
    } finally {
      await page.closeAll();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});
