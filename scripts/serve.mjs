#!/usr/bin/env node
// Serves the sample town portal (demo/), the widget bundle (dist/) and a compiled catalogue
// (/catalog.json) on 127.0.0.1 under the strict Content-Security-Policy a host page needs.
//
//   node scripts/serve.mjs [--port 8080] [--catalog target/catalogs/oishida.json]
//   PORT=8080 TETSUZUKI_CATALOG=... node scripts/serve.mjs
//
// The browser tests and the widget benchmark import createPortalServer() and add their own
// mounts (test pages, axe-core, generated catalogues) to the same server.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, dirname, extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The policy every page is served with: no inline script or style, no eval, wasm allowed. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * An HTTP server (not yet listening).
 * - `catalog`: file served at /catalog.json
 * - `mounts`: { '/prefix/': directory, '/exact/path': file } added to the defaults
 *   ('/dist/' → dist/, '/' → demo/)
 * - `routes`: { '/path': { type, body } | (() => { type, body }) } answered from memory
 * Every response carries the strict CSP. Paths never leave their mount.
 */
export function createPortalServer({ catalog, mounts = {}, routes = {}, csp = CSP, log = false } = {}) {
  const table = [
    ...Object.entries(mounts),
    ['/catalog.json', catalog || defaultCatalog()],
    ['/dist/', join(ROOT, 'dist')],
    ['/', join(ROOT, 'demo')],
  ];
  // Longest prefix first.
  table.sort((a, b) => b[0].length - a[0].length);

  return createServer(async (req, res) => {
    const headers = {
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    };
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400, headers).end('bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end('method not allowed');
      return;
    }
    try {
      let type, body;
      const route = routes[path];
      if (route) {
        ({ type, body } = typeof route === 'function' ? await route() : route);
      } else {
        const file = await locate(table, path);
        if (!file && path === '/favicon.ico') {
          res.writeHead(204, headers).end();
          return;
        }
        if (!file) throw Object.assign(new Error('not found'), { status: 404 });
        body = await readFile(file);
        type = TYPES[extname(file)] || 'application/octet-stream';
      }
      res.writeHead(200, { ...headers, 'content-type': type });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) console.log(`200 ${path}`);
    } catch (e) {
      const status = e.status || 404;
      res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      if (log) console.log(`${status} ${path}`);
    }
  });
}

async function locate(table, path) {
  if (path.includes('\0') || path.split('/').includes('..')) return null;
  for (const [prefix, target] of table) {
    if (prefix.endsWith('/')) {
      if (!path.startsWith(prefix)) continue;
      const base = resolve(target);
      let file = resolve(base, '.' + path.slice(prefix.length - 1));
      if (file !== base && !file.startsWith(base + sep)) return null;
      const s = await stat(file).catch(() => null);
      if (s?.isDirectory()) file = join(file, 'index.html');
      if (await stat(file).then((x) => x.isFile()).catch(() => false)) return file;
      if (prefix === '/') return null;
    } else if (path === prefix) {
      return target;
    }
  }
  return null;
}

function defaultCatalog() {
  const env = process.env.TETSUZUKI_CATALOG;
  if (env) return resolve(env);
  const target = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
  return join(target, 'catalogs', 'oishida.json');
}

/** Starts listening; resolves to { server, url }. */
export async function listen(server, port = 0, host = '127.0.0.1') {
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  return { server, url: `http://${host}:${server.address().port}` };
}

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const port = Number(arg('port') ?? process.env.PORT ?? 8080);
  const catalog = arg('catalog') ? resolve(arg('catalog')) : defaultCatalog();
  const missing = [];
  for (const f of [catalog, join(ROOT, 'dist', 'tetsuzuki.js')]) {
    if (!(await stat(f).catch(() => null))) missing.push(f);
  }
  if (missing.length) {
    console.error(`[serve] missing ${missing.join(', ')}: run scripts/run (it builds them)`);
    process.exit(1);
  }
  const { url } = await listen(createPortalServer({ catalog, log: !!process.env.TETSUZUKI_SERVE_LOG }), port);
  console.log(`[serve] sample town portal (大石田町, sample data): ${url}/`);
  console.log(`[serve] catalogue ${catalog}`);
  console.log('[serve] Ctrl-C to stop');
}
