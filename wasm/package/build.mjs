#!/usr/bin/env node
// Makes dist/ (built by scripts/build-wasm, which runs this last) the npm package
// @tetsuzuki/widget: writes package.json (its version is the workspace's, from Cargo.toml:
// one version number everywhere), custom-elements.json (from elements.mjs), the package's
// README.md, and copies the licences and CHANGELOG.md from the repository's root.
//
//   node wasm/package/build.mjs [--out DIR]      (default dist/)
//   npm pack dist/                               (scripts/pack-npm; see docs/WIDGET.md)
//
// tests/browser/package.test.mjs packs dist/, installs the tarball into an empty project and
// runs the widget from it, bundled by esbuild and unbundled.
import { readFile, writeFile, copyFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { manifest } from './elements.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
export const NAME = '@tetsuzuki/widget';

/** What the package ships, and nothing else (npm adds package.json itself). */
export const FILES = [
  // the widget: the entry module, wasm-bindgen's glue and the core
  'tetsuzuki.js', 'tetsuzuki_widget.js', 'tetsuzuki_widget_bg.wasm', 'tetsuzuki.d.ts',
  // the JS API, a separate build (docs/HOST-API.md)
  'tetsuzuki-api.js', 'tetsuzuki_api.js', 'tetsuzuki_api_bg.wasm', 'tetsuzuki-api.d.ts',
  'custom-elements.json', 'README.md', 'GUIDE.md', 'HOST-API.md', 'CHANGELOG.md',
  'LICENSE-MIT', 'LICENSE-APACHE',
];

/** Copied from the repository's root into the package. */
const FROM_ROOT = ['CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE'];

/** `[workspace.package]`'s `key` in the workspace's Cargo.toml (a plain string value). */
export async function workspacePackage(key) {
  const toml = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  let section = '';
  for (const line of toml.split('\n')) {
    const header = line.match(/^\s*\[([^\]]+)\]\s*(#.*)?$/);
    if (header) section = header[1].trim();
    const entry = section === 'workspace.package' && line.match(new RegExp(`^\\s*${key}\\s*=\\s*"([^"]*)"`));
    if (entry) return entry[1];
  }
  throw new Error(`Cargo.toml has no [workspace.package] ${key}`);
}

export async function packageJson() {
  const version = await workspacePackage('version');
  const license = await workspacePackage('license');
  return {
    name: NAME,
    version,
    description: 'Japanese municipal procedures online: the <tetsuzuki-navigator> and <tetsuzuki-form> '
      + 'custom elements (life events, one-stop forms that explain every problem, in ja, en and '
      + 'やさしい日本語), rendered by a Rust core compiled to WebAssembly, and its JS API.',
    keywords: ['web-components', 'custom-elements', 'webassembly', 'wasm', 'forms', 'e-government',
      'japan', '手続き', '自治体'],
    license,
    type: 'module',
    types: './tetsuzuki.d.ts',
    exports: {
      '.': { types: './tetsuzuki.d.ts', default: './tetsuzuki.js' },
      './api': { types: './tetsuzuki-api.d.ts', default: './tetsuzuki-api.js' },
      // For build scripts that copy the cores (import.meta.resolve / require.resolve).
      './tetsuzuki_widget_bg.wasm': './tetsuzuki_widget_bg.wasm',
      './tetsuzuki_api_bg.wasm': './tetsuzuki_api_bg.wasm',
      './custom-elements.json': './custom-elements.json',
      './package.json': './package.json',
    },
    files: FILES,
    // Importing the widget's entry registers the custom elements: bundlers must keep it even
    // when nothing is imported by name. The JS API and the glue only define things.
    sideEffects: ['./tetsuzuki.js'],
    customElements: 'custom-elements.json',
    engines: { node: '>=18' },
    publishConfig: { access: 'public' },
  };
}

async function exists(path) {
  return stat(path).then(() => true, () => false);
}

/** Writes the package's files into `out` (dist/); the built modules must be there already. */
export async function writePackage(out = join(ROOT, 'dist')) {
  const built = [];
  for (const f of FILES.filter((f) => f.endsWith('.js') || f.endsWith('.wasm') || f.endsWith('.d.ts'))) {
    if (!(await exists(join(out, f)))) built.push(f);
  }
  if (built.length) throw new Error(`${out} lacks ${built.join(', ')}: run scripts/build-wasm`);
  const pkg = await packageJson();
  await writeFile(join(out, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  await writeFile(join(out, 'custom-elements.json'), JSON.stringify(manifest(), null, 2) + '\n');
  await copyFile(join(HERE, 'README.md'), join(out, 'README.md'));
  for (const f of FROM_ROOT) await copyFile(join(ROOT, f), join(out, f));
  const missing = [];
  for (const f of FILES) if (!(await exists(join(out, f)))) missing.push(f);
  if (missing.length) throw new Error(`${out} lacks ${missing.join(', ')}`);
  return pkg;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const i = process.argv.indexOf('--out');
  const out = i > 0 ? resolve(process.argv[i + 1]) : join(ROOT, 'dist');
  try {
    const pkg = await writePackage(out);
    console.log(`[package] ${pkg.name}@${pkg.version}: package.json, custom-elements.json, README.md, CHANGELOG.md, licences → ${out}`);
  } catch (e) {
    console.error(`[package] ${e.message}`);
    process.exit(1);
  }
}
