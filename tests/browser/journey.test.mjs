// The resident's journey through the JS API (dist/tetsuzuki-api.js, `Journey`) in Debian's
// headless Chromium under the strict CSP: every journey conformance vector
// (fixtures/vectors/journey/) run unchanged with the Rust runner's semantics
// (core/tests/journey.rs), the methods and their typed errors, and the widget's build without it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { launch, startServer, openPage, assertClean, ROOT } from './support.mjs';
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

test('the journey vectors agree with Rust through the wasm build', async () => {
  const dir = join(ROOT, 'fixtures', 'vectors', 'journey');
  const cases = [];
  for (const f of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
    cases.push({ name: f, v: JSON.parse(await readFile(join(dir, f), 'utf8')) });
  }
  assert.ok(cases.length >= 3, `found ${cases.length} journey vectors`);
  for (const c of cases) assert.equal(c.v.town, 'oishida', `${c.name}: only oishida is compiled here`);
  const results = await onBlankPage(async (cs) => (await import('/t/journey.js')).run(cs), cases);
  const failures = [];
  for (const [i, r] of results.entries()) {
    const { name, v } = cases[i];
    if (r.error) {
      failures.push(`${name}: threw ${r.error}`);
      continue;
    }
    for (const [n, step] of v.steps.entries()) {
      const got = r.steps[n];
      if ('action' in step) {
        const want = typeof step.error === 'string' ? step.error : null;
        if (got.error !== want) failures.push(`${name} step ${n} (${step.action}): error ${got.error}, expected ${want}`);
      }
      for (const [path, want] of Object.entries(step.expect || {})) {
        const at = got.values[path];
        if (at.missing || !isDeepStrictEqual(at.value, want)) {
          failures.push(`${name} step ${n}: \`${path}\` is ${at.missing ? 'missing' : JSON.stringify(at.value)}, expected ${JSON.stringify(want)}`);
        }
      }
    }
  }
  assert.deepEqual(failures, [], failures.join('\n'));
  console.log(`${cases.length} journey vectors agree (${cases.reduce((s, c) => s + c.v.steps.length, 0)} steps)`);
});

test('Journey: options, methods, what they return and typed errors', async () => {
  const out = await onBlankPage(async () => {
    const m = await import('/dist/tetsuzuki-api.js');
    await m.ready();
    const catalog = m.Catalog.load(await (await fetch('/catalog.json')).text());
    const code = (f) => {
      try {
        f();
        return 'no error';
      } catch (e) {
        return e instanceof Error && e.name === 'TetsuzukiError' ? e.code : `not a TetsuzukiError: ${e}`;
      }
    };
    const today = '2026-12-07';
    const r = {};

    // Without options: the life events, in Japanese, on the browser's local date.
    const plain = m.Journey.start(catalog);
    r.plain = { stage: plain.stage, lang: plain.lang, view: plain.view().stage, events: plain.view().events.length };
    const d = new Date();
    const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const screen = (options) => {
      const j = m.Journey.start(catalog, { event: 'moving-in', lang: 'en', ...options });
      j.answer('move_date', local);
      const v = j.view();
      j.free();
      return JSON.stringify(v.checklist);
    };
    r.localToday = screen({}) === screen({ today: local });
    r.otherDay = screen({}) !== screen({ today: '2000-01-01' });

    r.errors = {
      both: code(() => m.Journey.start(catalog, { event: 'moving-in', procedures: ['tennyu'] })),
      mode: code(() => m.Journey.start(catalog, { mode: 'all' })),
      unknownOption: code(() => m.Journey.start(catalog, { one_question_per_page: true })),
      notAnObject: code(() => m.Journey.start(catalog, 'moving-in')),
      procedures: code(() => m.Journey.start(catalog, { procedures: 'tennyu' })),
      date: code(() => m.Journey.start(catalog, { today: '07/12/2026' })),
      lang: code(() => m.Journey.start(catalog, { lang: 'fr' })),
      event: code(() => m.Journey.start(catalog, { event: 'moving-to-mars' })),
      procedure: code(() => m.Journey.start(catalog, { procedures: ['no-such-procedure'] })),
      none: code(() => m.Journey.start(catalog, { procedures: [] })),
      record: code(() => m.Journey.restore(catalog, '{', { today })),
      restoreWithEvent: code(() => m.Journey.restore(catalog, plain.save(), { event: 'moving-in' })),
      action: code(() => plain.act({ action: 'fly' })),
      noAction: code(() => plain.act({})),
      next: code(() => plain.next()),
      feedback: code(() => plain.feedback(5)),
      setLang: code(() => plain.setLang('fr')),
    };
    plain.free();

    // One procedure's forms, by the methods, in English.
    const j = m.Journey.start(catalog, { procedures: ['tennyu'], today, lang: 'en' });
    j.setProfile(m.Profile.empty());
    let v = j.view();
    r.first = { stage: j.stage, progress: v.progress.index, questions: v.questions.length, back: v.back };
    r.nextEmpty = code(() => j.next());
    v = j.view();
    r.shown = { errors: v.errors.length, first: v.errors[0] && Object.keys(v.errors[0]).sort(), inline: v.questions.some((q) => q.issues.length > 0) };
    r.answered = j.answer('move.date', '2026-12-01');
    j.answer('move.from_abroad', false);
    j.answer('address.previous', { postal_code: '100-0001', prefecture: '東京都', city: '千代田区', town: '千代田', block: '1-1' });
    j.answer('address.current', { postal_code: '999-4112', prefecture: '山形県', city: '北村山郡大石田町', town: '緑町', block: '1' });
    j.next();
    r.second = { progress: j.view().progress.index, step: j.stepEvent() };
    j.answer('move.card_moveout', true);
    j.next();
    for (const [k, value] of Object.entries({ 'person.family_name': '山田', 'person.given_name': '太郎', 'person.family_name_kana': 'ヤマダ',
      'person.given_name_kana': 'タロウ', 'person.birth_date': '1980-04-01', 'person.gender': '1', 'contact.phone': '0237-35-2111',
      'person.japanese_national': true })) {
      j.answer(k, value);
    }
    j.next();
    j.answer('person.honseki_prefecture', '13');
    j.answer('person.honseki', '千代田区千代田1番');
    j.answer('person.hittousha', { family: '山田', given: '太郎' });
    j.next();
    j.answer('household.joins_existing', false);
    j.answer('household.is_head', true);
    j.answer('household.was_head_before', true);
    j.answer('household.moved_with_others', false);
    j.next();
    j.answer('tennyu.filer', 'self');
    j.next();
    v = j.view();
    r.check = { stage: v.stage, sections: v.check.sections.length, label: v.check.submit_label, keep: v.keep_profile, counter: v.counter_confirm };
    r.code = typeof j.continuationCode();
    j.change('contact.phone');
    r.change = { stage: j.stage, returns: j.view().returns_to_check };
    j.answer('contact.phone', '090-1234-5678');
    j.next();
    r.backAtCheck = j.stage;
    j.setKeepProfile(true);
    r.keepShown = j.view().keep_profile;

    // 転入届 is finished at the counter: on the resident's device, submit makes the handoff.
    const home = j.submit();
    // The visit is booked through the host: times offered, one chosen, confirmed (HOST-API.md).
    const afterSubmit = j.stage;
    const book = j.beginStep();
    const outside = code(() => j.offerSlots(book.id, [{ id: 'X', start: '2020-01-01T09:00', minutes: 30, place: '役場' }]));
    j.offerSlots(book.id, [{ id: 'A', start: `${book.first_day}T10:00`, minutes: 30, place: '役場1階 住民係' }]);
    j.chooseSlot('A');
    const confirm = j.beginStep();
    const late = code(() => j.fulfilStep(book.id, 'LATE'));
    const released = j.fulfilStep(confirm.id, 'R-0042');
    r.booking = {
      afterSubmit, kind: book.kind, slot: confirm.slot?.id, outside, late, released: released.length,
      shown: /R-0042/.test(j.view().next.prepared.booking),
    };
    const text = j.handoffText();
    r.prepared = {
      count: home.length, stage: j.stage, text: /^TZ1:[0-9A-Z $%*+\-./:]+$/.test(text),
      view: j.view().next.prepared.procedures.map((p) => p.procedure), qr: j.view().next.prepared.qr.size > 21,
      receipts: j.receipts().length, code: j.continuationCode(),
      profile: j.profile()?.hasConsent() && j.profile().facts(today).length > 0,
      again: code(() => j.submit('2026-12-07T10:00:00+09:00')), notSubmitted: code(() => j.setReference('tennyu', 'X')),
    };
    // At the counter: opened, confirmed by the resident, submitted by staff, with the town's reference.
    const desk = m.Journey.start(catalog, { today, lang: 'en', counter: true });
    r.badHandoff = code(() => desk.openHandoff(text.slice(0, -2)));
    desk.openHandoff(text);
    r.opened = { stage: desk.stage, unconfirmed: code(() => desk.submit()) };
    desk.confirm(true);
    const before = Date.now();
    const submissions = desk.submit();
    r.submitted = {
      count: submissions.length,
      procedure: submissions[0].procedure,
      clock: Math.abs(Date.parse(submissions[0].submitted_at) - before) < 60_000,
      stage: desk.stage,
      receipts: desk.receipts().map((x) => ({ procedure: x.procedure, same: x.submitted_at === submissions[0].submitted_at, reference: typeof x.reference })),
      code: desk.continuationCode(),
      again: code(() => desk.submit('2026-12-07T10:00:00+09:00')),
    };
    desk.setReference('tennyu', 'OIS-2026-0001');
    r.reference = { receipt: desk.receipts()[0].reference, view: desk.view().next.submitted[0].reference,
      unknown: code(() => desk.setReference('kokuho-kanyu', 'X')) };
    const deskRestored = m.Journey.restore(catalog, desk.save(), { today, lang: 'ja', counter: true });
    r.deskRestored = deskRestored.receipts()[0].reference;
    deskRestored.free();
    desk.free();
    r.feedback = {
      empty: code(() => j.feedback()),
      blank: code(() => j.feedback(null, '  ')),
      shown: j.view().errors.map((e) => e.code),
      range: code(() => j.feedback(7)),
      fraction: code(() => j.feedback(2.5)),
      sent: j.feedback(4, '  easy  '),
      flag: j.view().next.feedback_sent,
    };
    const restored = m.Journey.restore(catalog, j.save(), { today, lang: 'ja' });
    r.restored = { stage: restored.stage, lang: restored.lang, handoff: restored.handoffText() === text };
    restored.free();
    j.dismiss();
    // A form on its own starts again, empty (a navigator returns to the life events).
    r.dismissed = { stage: j.stage, progress: j.view().progress?.index, value: j.view().questions.find((q) => q.key === 'move.date')?.value,
      again: code(() => j.dismiss()) };
    j.free();

    // Continuation codes: the forms as text, continued elsewhere.
    const a = m.Journey.start(catalog, { procedures: ['tennyu'], today, lang: 'ja' });
    r.noCode = m.Journey.start(catalog, { today }).continuationCode();
    a.answer('move.date', '2026-12-01');
    const b = m.Journey.start(catalog, { procedures: ['tennyu'], today, lang: 'ja', mode: 'one' });
    r.badCode = code(() => b.importCode('not a code!'));
    r.badCodeNotice = b.view().notices.length;
    b.importCode(a.continuationCode());
    v = b.view();
    r.imported = { stage: v.stage, value: v.questions.find((q) => q.key === 'move.date')?.value, notices: v.notices.length, total: v.progress.total };
    b.setLang('en');
    r.switched = { lang: b.lang, view: b.view().lang };
    a.free();
    b.free();

    // Screening through the methods: a wrong answer blocks the online forms.
    const s = m.Journey.start(catalog, { event: 'moving-in', today, lang: 'ja' });
    s.answer('move_date', '2026-02-30');
    r.finish = s.finishAnswer('move_date');
    r.screening = { stage: s.stage, errors: s.view().errors.map((e) => e.key), start: code(() => s.startOnline()), canStart: s.view().can_start };
    s.act({ action: 'answer', key: 'move_date', value: '2026-12-01' });
    s.back();
    r.screeningBack = s.stage;
    s.chooseEvent('moving-in');
    r.chosen = s.view().title.length > 0;
    s.free();
    return r;
  });
  assert.deepEqual(out.plain, { stage: 'events', lang: 'ja', view: 'events', events: out.plain.events });
  assert.ok(out.plain.events > 0);
  assert.equal(out.localToday, true, 'today defaults to the browser\'s local date');
  assert.equal(out.otherDay, true, 'another today gives another checklist');
  assert.deepEqual(out.errors, {
    both: 'bad-value', mode: 'bad-value', unknownOption: 'bad-value', notAnObject: 'bad-value', procedures: 'bad-value',
    date: 'bad-date', lang: 'bad-lang', event: 'unknown-event', procedure: 'unknown-procedure', none: 'no-procedures',
    record: 'bad-journey', restoreWithEvent: 'bad-value', action: 'bad-journey', noAction: 'bad-journey',
    next: 'wrong-stage', feedback: 'wrong-stage', setLang: 'bad-lang',
  });
  assert.deepEqual(out.first, { stage: 'page', progress: 1, questions: out.first.questions, back: false });
  assert.ok(out.first.questions > 0);
  assert.equal(out.nextEmpty, 'has-errors');
  assert.ok(out.shown.errors > 0 && out.shown.inline, JSON.stringify(out.shown));
  for (const k of ['code', 'field', 'fix', 'key', 'message', 'severity', 'target']) assert.ok(out.shown.first.includes(k), `a shown issue has ${k}`);
  assert.deepEqual(Object.keys(out.answered).sort(), ['issues_changed', 'shown_changed']);
  assert.equal(out.second.progress, 2);
  assert.deepEqual(out.second.step, { step: 'page', event: null, page: out.second.step.page, index: 2, total: out.second.step.total });
  assert.deepEqual(out.check, { stage: 'check', sections: out.check.sections, label: out.check.label, keep: false, counter: null });
  assert.ok(out.check.sections > 0 && out.check.label.length > 0);
  assert.equal(out.code, 'string');
  assert.deepEqual(out.change, { stage: 'page', returns: true });
  assert.equal(out.backAtCheck, 'check');
  assert.equal(out.keepShown, true);
  assert.deepEqual(out.booking, {
    afterSubmit: 'steps', kind: 'book', slot: 'A', outside: 'step-answer', late: 'step-unknown', released: 0, shown: true,
  });
  assert.deepEqual(out.prepared, {
    count: 0, stage: 'done', text: true, view: ['tennyu'], qr: true, receipts: 0, code: null, profile: true,
    again: 'wrong-stage', notSubmitted: 'not-submitted',
  });
  assert.equal(out.badHandoff, 'handoff-damaged');
  assert.deepEqual(out.opened, { stage: 'check', unconfirmed: 'session-unconfirmed' });
  assert.deepEqual(out.submitted, {
    count: 1, procedure: 'tennyu', clock: true, stage: 'done',
    receipts: [{ procedure: 'tennyu', same: true, reference: 'string' }], code: null, again: 'wrong-stage',
  });
  assert.deepEqual(out.reference, { receipt: 'OIS-2026-0001', view: 'OIS-2026-0001', unknown: 'not-submitted' });
  assert.equal(out.deskRestored, 'OIS-2026-0001');
  assert.deepEqual(out.feedback, {
    empty: 'feedback-empty', blank: 'feedback-empty', shown: ['feedback.empty'], range: 'feedback-rating', fraction: 'feedback-rating',
    sent: { rating: 4, comment: 'easy', procedures: ['tennyu'] }, flag: true,
  });
  assert.deepEqual(out.restored, { stage: 'done', lang: 'ja', handoff: true });
  assert.deepEqual(out.dismissed, { stage: 'page', progress: 1, value: null, again: 'wrong-stage' });
  assert.equal(out.noCode, null);
  assert.equal(out.badCode, 'bad-code');
  assert.equal(out.badCodeNotice, 1, 'the page says the code could not be read');
  assert.deepEqual(out.imported, { stage: 'page', value: '2026-12-01', notices: out.imported.notices, total: out.imported.total });
  assert.ok(out.imported.notices >= 1, 'the page says a draft was restored');
  assert.deepEqual(out.switched, { lang: 'en', view: 'en' });
  assert.deepEqual(Object.keys(out.finish).sort(), ['issues_changed', 'shown_changed']);
  assert.deepEqual(out.screening, { stage: 'screening', errors: ['move_date'], start: 'screening-errors', canStart: false });
  assert.equal(out.screeningBack, 'events');
  assert.equal(out.chosen, true);
});

test('the widget\'s build does not carry the Journey export', async () => {
  const widget = await readFile(join(ROOT, 'dist', 'tetsuzuki_widget.js'), 'utf8');
  const api = await readFile(join(ROOT, 'dist', 'tetsuzuki_api.js'), 'utf8');
  assert.match(api, /\bJourney\b/, 'the API\'s glue exports Journey');
  assert.doesNotMatch(widget, /\bJourney\b/, 'the widget\'s glue has no Journey: it is the API\'s (feature `api`)');
});
