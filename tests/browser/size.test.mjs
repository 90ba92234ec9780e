// The transfer-size budget of the widget bundle: gzip -9 of every .wasm, .js and .css file in
// dist/ (what a host page downloads). Issue #7's budget is a hard cap of 150 KB and a goal of
// 100 KB. The whole core in wasm is ~347 KB gz today (435 KB before the Fluent runtime and
// serde's derived catalogue decoding left it), so that cap is NOT met (issue #7 stays open on
// it). Until it is, this test guards against growth: it fails above REGRESSION_CAP and prints
// where the bundle stands against the cap and goal. `scripts/size-report` shows where
// the bytes go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT } from './support.mjs';

export const HARD_CAP = 150_000;
export const GOAL = 100_000;
/** Today's size plus a little room; lower it as the bundle shrinks, down to HARD_CAP. */
export const REGRESSION_CAP = 360_000;

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

test('the bundle does not grow (gzip, wasm + js + css)', async () => {
  const rows = await bundleSizes();
  assert.ok(rows.some((r) => r.file.endsWith('.wasm')), 'dist/ holds the .wasm (run scripts/build-wasm)');
  assert.ok(rows.some((r) => r.file === 'tetsuzuki.js'), 'dist/ holds tetsuzuki.js');
  const total = rows.reduce((s, r) => s + r.gz, 0);
  for (const r of rows) console.log(`${r.file.padEnd(28)} ${String(r.raw).padStart(9)} B  ${String(r.gz).padStart(8)} B gz`);
  const status = total <= HARD_CAP ? 'within the hard cap' : `NOT within issue #7's hard cap (${(total / HARD_CAP).toFixed(1)}×)`;
  console.log(`total ${(total / 1000).toFixed(1)} KB gz: ${status} (goal ≤ ${GOAL / 1000} KB, hard cap ${HARD_CAP / 1000} KB)`);
  assert.ok(total <= REGRESSION_CAP, `bundle is ${total} B gz, above the regression cap of ${REGRESSION_CAP} B: it grew`);
});
