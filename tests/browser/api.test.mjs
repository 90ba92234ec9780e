// The JS API (dist/tetsuzuki-api.js) in Debian's headless Chromium under the strict CSP:
// the catalogue summary, typed errors, and the conformance vectors (fixtures/vectors/) agreeing
// with the Rust runner (core/tests/vectors.rs) on issues, normalised values, checklists and
// submissions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launch, startServer, openPage, assertClean, sampleCatalog, seal, ROOT } from './support.mjs';
import * as shared from './support.mjs';

let server, browser;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const onBlankPage = (fn, arg) => shared.onBlankPage(browser, server, fn, arg);

test('the module loads under the strict CSP, summarises the catalogue and throws typed errors', async () => {
  const out = await onBlankPage(async () => {
    const m = await import('/dist/tetsuzuki-api.js');
    const first = m.ready();
    await first;
    await m.ready(); // idempotent
    const text = await (await fetch('/catalog.json')).text();
    const catalog = m.Catalog.load(text);
    const errors = {};
    for (const [name, f] of Object.entries({
      malformed: () => m.Catalog.load('{"format": '),
      changed: () => m.Catalog.load(text.replace('大石田町', '小石田町')),
      event: () => catalog.navigate('no-such-event', {}, null, '2026-11-23', 'ja'),
      lang: () => catalog.lifeEvents('fr'),
      date: () => m.checkValue('date', '2026-11-20', '23/11/2026', 'ja'),
      none: () => catalog.startSession([]),
      unconfirmed: () => {
        const s = catalog.startSession(['tennyu']);
        s.setAssisted(true);
        if (s.confirmationIssue('ja')?.code !== 'counter.unconfirmed') throw new Error('no confirmation issue');
        s.submit('2026-11-23', '2026-11-23T10:00:00+09:00');
      },
    })) {
      try { f(); errors[name] = 'no error'; } catch (e) { errors[name] = { name: e.name, code: e.code, message: e.message, isError: e instanceof Error }; }
    }
    return {
      summary: catalog.summary(),
      events: catalog.lifeEvents('en').map((e) => e.id),
      check: m.checkValue('katakana', 'やまだ', '2026-11-23', 'ja'),
      elementsBefore: [!!customElements.get('tetsuzuki-navigator'), !!customElements.get('tetsuzuki-form')],
      elements: await import('/dist/tetsuzuki.js').then(() => [!!customElements.get('tetsuzuki-navigator'), !!customElements.get('tetsuzuki-form')]),
      errors,
    };
  });
  const raw = await sampleCatalog();
  assert.equal(out.summary.format, raw.format);
  assert.equal(out.summary.content_hash, raw.content_hash);
  assert.equal(out.summary.town_id, 'oishida');
  assert.equal(out.summary.procedures, raw.procedures.length);
  assert.equal(out.summary.life_events, raw.life_events.length);
  assert.equal(out.summary.concepts, raw.concepts.length);
  assert.deepEqual(out.events, raw.life_events.map((e) => e.id));
  assert.deepEqual(out.elementsBefore, [false, false], 'the API module defines no elements');
  assert.deepEqual(out.elements, [true, true], 'importing the widget module registers both elements');
  assert.equal(out.check.valid, false);
  assert.ok(out.check.issues.some((i) => i.machine_fix && i.machine_fix.value === 'ヤマダ'), JSON.stringify(out.check));
  const codes = Object.fromEntries(Object.entries(out.errors).map(([k, e]) => [k, e.code]));
  assert.deepEqual(codes, { malformed: 'catalog-malformed', changed: 'catalog-hash', event: 'unknown-event', lang: 'bad-lang', date: 'bad-date', none: 'no-procedures', unconfirmed: 'session-unconfirmed' });
  for (const e of Object.values(out.errors)) {
    assert.equal(e.name, 'TetsuzukiError');
    assert.equal(e.isError, true);
  }
  assert.match(out.errors.malformed.message, /line 1/);
});

test('dist/ holds the declarations and the guides; every export is declared', async () => {
  const dts = await readFile(join(ROOT, 'dist', 'tetsuzuki.d.ts'), 'utf8');
  const apiDts = await readFile(join(ROOT, 'dist', 'tetsuzuki-api.d.ts'), 'utf8');
  await readFile(join(ROOT, 'dist', 'GUIDE.md'), 'utf8');
  await readFile(join(ROOT, 'dist', 'HOST-API.md'), 'utf8');
  const names = await onBlankPage(async () => ({
    widget: Object.keys(await import('/dist/tetsuzuki.js')).sort(),
    api: Object.keys(await import('/dist/tetsuzuki-api.js')).sort(),
  }));
  assert.deepEqual(names.widget, ['ready'], 'the widget module exports only ready(): the API is its own module');
  assert.deepEqual(names.api, ['Catalog', 'Journey', 'Profile', 'Session', 'checkValue', 'ready', 'recoverProfile', 'version']);
  for (const [file, text, list] of [['tetsuzuki.d.ts', dts, names.widget], ['tetsuzuki-api.d.ts', apiDts, names.api]]) {
    for (const n of list) assert.match(text, new RegExp(`export (declare )?(function|class|const) ${n}\\b`), `${n} is declared in ${file}`);
  }
  for (const e of ['tetsuzuki-ready', 'tetsuzuki-step', 'tetsuzuki-issue', 'tetsuzuki-submit', 'tetsuzuki-abandon', 'tetsuzuki-feedback', 'tetsuzuki-error']) {
    assert.ok(dts.includes(`'${e}'`), `${e} is declared`);
  }
});

test('restoreDraftSince lists the fields changed since the catalogue a draft was made with', async () => {
  const older = await sampleCatalog();
  const tennyu = older.procedures.find((p) => p.id === 'tennyu');
  const current = tennyu.version;
  tennyu.version = '1.0.0';
  const family = tennyu.form.pages.flatMap((p) => p.fields).find((f) => f.id === 'family_name');
  family.label.en = 'Surname';
  const out = await onBlankPage(async (olderText) => {
    const m = await import('/dist/tetsuzuki-api.js');
    await m.ready();
    const catalog = m.Catalog.load(await (await fetch('/catalog.json')).text());
    const previous = m.Catalog.load(olderText);
    const session = previous.startSession(['tennyu']);
    session.setAnswer('person.family_name', '山田');
    const draft = session.saveDraft();
    const since = catalog.restoreDraftSince(draft, previous);
    let notACatalog;
    try { catalog.restoreDraftSince(draft, {}); notACatalog = 'no error'; } catch (e) { notACatalog = e instanceof Error; }
    let secondArgument;
    try { catalog.restoreDraft(draft, previous); secondArgument = 'no error'; } catch (e) { secondArgument = e.code; }
    return {
      report: since.report,
      answer: since.session.answer('person.family_name'),
      plain: catalog.restoreDraft(draft).report,
      // Another catalogue than the draft's is not compared.
      other: catalog.restoreDraftSince(draft, catalog).report,
      // Borrowed, not taken: the previous catalogue is still the page's.
      stillUsable: previous.summary().content_hash === JSON.parse(olderText).content_hash,
      notACatalog,
      secondArgument,
    };
  }, seal(older));
  assert.equal(out.answer, '山田');
  assert.equal(out.report.same_catalog, false);
  assert.deepEqual(out.report.changed, [{ procedure: 'tennyu', from: '1.0.0', to: current }]);
  assert.deepEqual(out.report.fields, [
    { kind: 'changed', aspect: 'version', procedure: 'tennyu', path: 'version', old: '1.0.0', new: current },
    { kind: 'changed', aspect: 'text', procedure: 'tennyu', path: 'fields.family_name.label.en', old: 'Surname', new: 'Family name' },
  ]);
  assert.deepEqual(out.plain.fields, [], 'without the previous catalogue, no field-level changes');
  assert.deepEqual({ ...out.plain, fields: out.report.fields }, out.report, 'otherwise the same report');
  assert.deepEqual(out.other.fields, []);
  assert.equal(out.stillUsable, true);
  assert.equal(out.notACatalog, true, 'anything but a Catalog is refused');
  assert.equal(out.secondArgument, 'bad-value', 'restoreDraft(text, previous) is refused, not silently a plain restore');
});

test('recoverProfile keeps what it can read of a damaged profile and says what it dropped, never a value', async () => {
  const out = await onBlankPage(async () => {
    const m = await import('/dist/tetsuzuki-api.js');
    await m.ready();
    const good = m.Profile.empty();
    good.giveConsent('2026-12-01T10:00:00+09:00');
    const text = good.toJson().replace('"facts":{}', '"facts":{"person.family_name":[{"value":"山田","source":{"kind":"typed"},"valid_from":"not a date 987654321018"}]}');
    const { profile, dropped } = m.recoverProfile(text);
    const whole = m.recoverProfile('{not json');
    return { consent: profile.hasConsent(), dropped, whole: whole.dropped, emptyFacts: whole.profile.facts('2026-12-07').length };
  });
  assert.equal(out.consent, true, 'what could be read is kept');
  assert.ok(out.dropped.length >= 1, JSON.stringify(out.dropped));
  assert.ok(out.dropped.every((d) => !d.includes('987654321018') && !d.includes('山田')), 'never a value');
  assert.equal(out.whole.length, 1);
  assert.equal(out.emptyFacts, 0);
});

test('the conformance vectors agree with Rust through the wasm build', async () => {
  const cases = [];
  for (const kind of ['validation', 'navigator', 'sessions']) {
    const dir = join(ROOT, 'fixtures', 'vectors', kind);
    for (const f of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
      cases.push({ kind, name: `${kind}/${f}`, v: JSON.parse(await readFile(join(dir, f), 'utf8')) });
    }
  }
  assert.ok(cases.length >= 7, `found ${cases.length} vectors`);
  for (const c of cases) assert.equal(c.v.town, 'oishida', `${c.name}: only oishida is compiled here`);
  const results = await onBlankPage(async (cs) => (await import('/t/vectors.js')).run(cs), cases);
  const failures = [];
  for (const [i, r] of results.entries()) {
    const { v } = cases[i];
    if (r.error) { failures.push(`${r.name}: threw ${r.error}`); continue; }
    try {
      if (r.kind === 'validation') {
        const key = (x) => `${x.field}|${x.code}|${x.severity || 'error'}`;
        assert.deepEqual(new Set(r.got.issues.map(key)), new Set((v.expect.issues || []).map(key)), 'issues');
        for (const want of v.expect.issues || []) {
          if (want.message) assert.ok(r.got.issues.some((g) => g.field === want.field && g.message === want.message), `no issue at ${want.field} says ${want.message}`);
        }
        for (const [field, want] of Object.entries(v.expect.normalized || {})) {
          assert.deepEqual(r.got.normalized[field] ?? null, want, `normalized ${field}`);
        }
      } else {
        assert.deepEqual(r.got, v.expect);
      }
    } catch (e) {
      failures.push(`${r.name}: ${e.message}`);
    }
  }
  assert.deepEqual(failures, [], failures.join('\n\n'));
  console.log(`${cases.length} conformance vectors agree (${cases.map((c) => c.kind).filter((k, i, a) => a.indexOf(k) === i).join(', ')})`);
});
