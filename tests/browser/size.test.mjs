// The transfer-size budget of the widget bundle: gzip -9 of every .wasm, .js and .css file in
// dist/ (what a host page downloads). Hard cap 150 KB (fails above), goal 100 KB (reported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT } from './support.mjs';

export const HARD_CAP = 150_000;
export const GOAL = 100_000;

export async function bundleSizes() {
  const dist = join(ROOT, 'dist');
  const files = (await readdir(dist)).filter((f) => /\.(wasm|js|mjs|css)$/.test(f)).sort();
  const rows = [];
  for (const f of files) {
    const bytes = await readFile(join(dist, f));
    rows.push({ file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length });
  }
  return rows;
}

test('the bundle is within the transfer-size budget (gzip, wasm + js + css)', async () => {
  const rows = await bundleSizes();
  assert.ok(rows.some((r) => r.file.endsWith('.wasm')), 'dist/ holds the .wasm (run scripts/build-wasm)');
  assert.ok(rows.some((r) => r.file === 'tetsuzuki.js'), 'dist/ holds tetsuzuki.js');
  const total = rows.reduce((s, r) => s + r.gz, 0);
  for (const r of rows) console.log(`${r.file.padEnd(28)} ${String(r.raw).padStart(9)} B  ${String(r.gz).padStart(8)} B gz`);
  console.log(`total ${(total / 1000).toFixed(1)} KB gz (goal ≤ ${GOAL / 1000} KB, hard cap ${HARD_CAP / 1000} KB)`);
  assert.ok(total <= HARD_CAP, `bundle is ${total} B gz, above the hard cap of ${HARD_CAP} B`);
});
