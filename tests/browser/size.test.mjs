// The transfer-size budget of the widget: gzip -9 of what a page that embeds it downloads
// (dist/tetsuzuki.js, its wasm-bindgen glue and its .wasm, which holds the CSS). Issue #7's
// budget was a hard cap of 150 KB and a goal of 100 KB; the widget is ~369 KB gz today, so that
// cap is NOT met, and it is being replaced by the speed issue's budget (bytes before the first
// question is usable, on a slow-phone profile). Until then this test guards against growth: it
// fails above REGRESSION_CAP and prints where the widget stands against the old cap and goal.
// History: 435 KB before the Fluent runtime and serde's derived catalogue decoding left it, 347
// KB before the JS API became its own module, 306 KB before the resident's journey moved into
// core and was finished (issue 13: the journey state machine and its views, the check page's
// formatter, screening validation, overdue notices, what happens next, presets, the town's own
// address, people carried between forms, consent by what it names, no My Number in the saved
// journey: +63 KB). The JS API
// (dist/tetsuzuki-api.js, for hosts that render their own pages) is guarded the same way.
// `scripts/size-report` shows where the bytes go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { ROOT } from './support.mjs';

export const HARD_CAP = 150_000;
export const GOAL = 100_000;
/** Today's size (433.5 KB) plus a little room; lower it as the widget shrinks. Issue 17 grew it:
 * by 30.8 KB in its first session (handoffs: the record, base45, the QR encoder and its drawing,
 * counter mode's opening, their messages in three languages, the sample model's new words, the
 * loader's typed install errors; the iCalendar download, 6.6 KB), and by 23.2 KB in its second
 * (the host's steps — sign, pay, book, issue: their planning, requests, answers by id, views and
 * about 60 messages in three languages — the camera scan's words and the widget's drawing of
 * it all; the expression parser now carries phrase ids for issue 14). The speed issue's byte
 * budget replaces this guard. */
export const REGRESSION_CAP = 434_500;
/** The same guard for the JS API's module (444.4 KB today: it carries the Journey as well as
 * Session, `restoreDraftSince` links the field-level diff, and `checklistCalendar` the
 * iCalendar writer, which the widget does not). */
export const API_REGRESSION_CAP = 445_500;

/** What a page downloads for each module: its entry, wasm-bindgen's glue and the wasm. */
export const BUNDLES = {
  widget: ['tetsuzuki.js', 'tetsuzuki_widget.js', 'tetsuzuki_widget_bg.wasm'],
  api: ['tetsuzuki-api.js', 'tetsuzuki_api.js', 'tetsuzuki_api_bg.wasm'],
};

/** Raw and gzip -9 bytes of each file of a bundle (`widget` or `api`). */
export async function bundleSizes(bundle = 'widget') {
  const rows = [];
  for (const f of BUNDLES[bundle]) {
    const bytes = await readFile(join(ROOT, 'dist', f)).catch(() => assert.fail(`dist/${f} is missing (run scripts/build-wasm)`));
    rows.push({ file: f, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length });
  }
  return rows;
}

function print(rows) {
  for (const r of rows) console.log(`${r.file.padEnd(28)} ${String(r.raw).padStart(9)} B  ${String(r.gz).padStart(8)} B gz`);
  return rows.reduce((s, r) => s + r.gz, 0);
}

test('the widget does not grow (gzip, wasm + js + css)', async () => {
  const total = print(await bundleSizes('widget'));
  const status = total <= HARD_CAP ? 'within the hard cap' : `NOT within issue #7's hard cap (${(total / HARD_CAP).toFixed(1)}×)`;
  console.log(`widget: ${(total / 1000).toFixed(1)} KB gz: ${status} (goal ≤ ${GOAL / 1000} KB, hard cap ${HARD_CAP / 1000} KB)`);
  assert.ok(total <= REGRESSION_CAP, `the widget is ${total} B gz, above the regression cap of ${REGRESSION_CAP} B: it grew`);
});

test('the JS API module does not grow (gzip, wasm + js)', async () => {
  const total = print(await bundleSizes('api'));
  console.log(`JS API: ${(total / 1000).toFixed(1)} KB gz`);
  assert.ok(total <= API_REGRESSION_CAP, `the JS API is ${total} B gz, above its regression cap of ${API_REGRESSION_CAP} B: it grew`);
});
