#!/usr/bin/env node
// Where the widget's wasm bytes go: code per crate and module, and data, from a wasm that still
// has its name section (scripts/size-report builds one exactly as scripts/build-wasm does, but
// keeps the names).
//
//   node scripts/size-report.mjs target/size/named.wasm [--depth 2] [--top 40]
//
// Each row: raw bytes of the function bodies (or data) and the gzip size of those bytes alone
// (gzip -9 of the group by itself: a little more than its share of the whole file's gzip).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const opt = (name, d) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : d;
};
if (!file) {
  console.error('usage: size-report.mjs FILE.wasm [--depth 2] [--top 40]');
  process.exit(2);
}
const depth = opt('depth', 2);
const top = opt('top', 40);
const bytes = readFileSync(file);

let pos = 8;
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
}
function name() {
  const len = leb();
  const s = bytes.toString('utf8', pos, pos + len);
  pos += len;
  return s;
}

let imported = 0;
const bodies = []; // [start, end] per defined function
const names = new Map();
const data = [];
const sections = [];
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const start = pos;
  const end = pos + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) { leb(); imported++; }
      else if (kind === 1) { pos++; const f = bytes[pos++]; leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = bytes[pos++]; leb(); if (f & 1) leb(); }
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) {
      const len = leb();
      bodies.push([pos, pos + len]);
      pos += len;
    }
  } else if (id === 11) {
    data.push([start, end]);
  } else if (id === 0) {
    const section = name();
    if (section === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = leb();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb();
            names.set(index, name());
          }
        }
        pos = subEnd;
      }
    }
  }
  sections.push([id, size]);
  pos = end;
}
if (names.size === 0) {
  console.error(`${file} has no function names: build it with scripts/size-report`);
  process.exit(1);
}

/** The group of a demangled Rust name: `crate::module` (crate hashes dropped), or a kind. */
function group(full) {
  let s = full.replace(/\[[0-9a-f]+\]/g, '').replace(/::h[0-9a-f]{16}$/, '');
  if (/shim/.test(s)) return '(wasm-bindgen shims)';
  // `<A as B>::f` and `<&mut A>::f`: take the type's path.
  s = s.replace(/^<+(&(mut )?)?(dyn )?/, '');
  const path = s.split(/[<> ,({]/)[0].split('::').filter(Boolean);
  if (path.length <= 1) return '(other)';
  return path.slice(0, Math.min(depth, path.length - 1)).join('::');
}

const groups = new Map();
bodies.forEach(([s, e], i) => {
  const g = group(names.get(imported + i) || '');
  if (!groups.has(g)) groups.set(g, []);
  groups.get(g).push(bytes.subarray(s, e));
});
const rows = [...groups].map(([g, parts]) => {
  const buf = Buffer.concat(parts);
  return [g, buf.length, gzipSync(buf, { level: 9 }).length];
});
const dataBuf = Buffer.concat(data.map(([s, e]) => bytes.subarray(s, e)));
rows.push(['(data: strings, tables, messages)', dataBuf.length, gzipSync(dataBuf, { level: 9 }).length]);
rows.sort((a, b) => b[2] - a[2]);

const code = bodies.reduce((n, [s, e]) => n + e - s, 0);
const whole = gzipSync(bytes, { level: 9 }).length;
console.log(`${file}: ${bytes.length} bytes (${whole} gz with its names); code ${code}, data ${dataBuf.length}`);
console.log(`${'group'.padEnd(48)} ${'raw'.padStart(8)} ${'gz alone'.padStart(9)}`);
for (const [g, raw, gz] of rows.slice(0, top)) {
  console.log(`${g.slice(0, 48).padEnd(48)} ${String(raw).padStart(8)} ${String(gz).padStart(9)}`);
}
const rest = rows.slice(top);
if (rest.length) {
  const raw = rest.reduce((n, r) => n + r[1], 0);
  const gz = rest.reduce((n, r) => n + r[2], 0);
  console.log(`${`(${rest.length} more groups)`.padEnd(48)} ${String(raw).padStart(8)} ${String(gz).padStart(9)}`);
}
