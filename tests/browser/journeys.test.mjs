// A full journey per sample life event on the demo portal, served under the strict CSP:
// pick the event → answer the screening questions → the checklist (as the JS API computes it)
// → start the online procedures in one form → fill every page with valid answers → check your
// answers → submit → the host receives one submission per procedure → feedback.
// axe-core (WCAG 2.2 AA tags) reports no violation on any page; screenshots at 360 and 1280 px
// go to target/screenshots/. Moving-in is also done with the keyboard only.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, startServer, openPage, assertClean, axe, screenshots, events, waitForEvent, solve, TODAY,
} from './support.mjs';
import { mouse, keyboard, shownKeys, hasAnswer, question, toWhatHappensNext } from './drive.mjs';

// Screening answers that lead to online procedures (school-entry has none: the town acts).
export const JOURNEYS = {
  'moving-in': { move_date: '2026-11-20', moved_with_others: false, has_card: false, employee_insured: false,
    left_employee_insurance: true, pension_type1: true, aged_75: false, care_certified: false, has_children: false,
    wants_seal: false, water_start: true, has_moped: false, has_dog: false },
  'moving-out': { planned_date: '2026-11-30', moving_abroad: false, kokuho: true, has_children: false,
    has_seal: false, water_in_use: true },
  'moving-within': { move_date: '2026-11-20', moved_with_others: false, household_changes: false, has_card: false,
    has_children: false, water_in_use: true, water_start: false },
  pregnancy: { due_date: '2027-05-01' },
  // Day care from a date after today (its event date): Start after typing a date must work.
  childcare: { start_date: '2027-04-01', child_birth_date: '2025-06-01' },
  birth: { child_birth_date: '2026-11-10', born_abroad: false, receiving_allowance: false, kokuho: false },
  marriage: { marriage_date: '2026-11-20', moving: false, household_merge: false, name_changes: true, has_card: false,
    kokuho: false, receiving_allowance: true, has_seal: false },
  death: { death_date: '2026-11-15', died_abroad: false, deceased_birth_date: '1960-01-01', was_head: false,
    deceased_kokuho: true, received_pension: false, had_seal: false },
  care: { need_date: '2026-11-20', certified: false },
  'school-entry': { child_birth_date: '2020-06-01', wants_other_school: false },
};

let server, browser;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The checklist and the screening question views as the JS API gives them. */
function expected(page, event, answers) {
  return page.evaluate(async ([ev, a, today]) => {
    const m = await import('/dist/tetsuzuki-api.js');
    await m.ready();
    const catalog = m.Catalog.load(await (await fetch('/catalog.json')).text());
    const c = catalog.navigate(ev, a, null, today, 'ja');
    return c;
  }, [event, answers, TODAY]);
}

/** Screening question views (type, options) by id: the compiled catalogue resolves them. */
async function screeningViews(page, event) {
  return page.evaluate(async (ev) => {
    const raw = await (await fetch('/catalog.json')).json();
    const e = raw.life_events.find((x) => x.id === ev);
    return Object.fromEntries(e.questions.map((q) => [q.id, { key: q.id, type: q.type, options: q.options || [] }]));
  }, event);
}

export async function journey(page, event, { actor = mouse, shots = true, name = event } = {}) {
  const screening = JOURNEYS[event];
  const shot = async (label) => {
    await axe(page, `${name}: ${label}`);
    if (shots) await screenshots(page, `${name}-${label}`);
  };
  await page.goto(`${server.url}/?today=${TODAY}`);
  await waitForEvent(page, 'ready');
  const host = page.locator('tetsuzuki-navigator');
  await shot('0-events');

  await actor.click(host.locator(`button.tz-event[data-event="${event}"]`));
  const views = await screeningViews(page, event);
  // Answer what is asked, until every question shown is answered (follow-ups appear).
  for (let round = 0; round < 12; round++) {
    const keys = (await shownKeys(host)).filter((k) => k in screening);
    let changed = false;
    for (const key of keys) {
      if (await hasAnswer(question(host, key))) continue;
      await actor.fill(host, key, screening[key], views[key], page);
      changed = true;
    }
    if (!changed) break;
  }
  const want = await expected(page, event, screening);
  assert.deepEqual(want.issues, [], `the screening answers of ${event} are complete`);
  const listed = await host.locator('ol.tz-checklist > li[data-procedure]').evaluateAll((l) => l.map((e) => e.dataset.procedure));
  assert.deepEqual(listed, want.procedures.map((p) => p.procedure), `${event}: checklist`);
  const actions = await host.locator('ul.tz-town-actions > li').count();
  assert.equal(actions, want.town_actions.length, `${event}: town actions`);
  await shot('1-checklist');
  const calendar = async () => {
    const href = await host.locator('a.tz-calendar[download="tetsuzuki.ics"]').getAttribute('href');
    assert.match(href, /^data:text\/calendar;charset=utf-8,/);
    return decodeURIComponent(href.slice(href.indexOf(',') + 1));
  };
  if (event === 'moving-in') {
    // The due dates as a calendar file the phone imports.
    assert.match(await calendar(), /^BEGIN:VCALENDAR\r\n[\s\S]*SUMMARY:転入届の期限\r\n/);
  }

  // Started together: the procedures done online and those prepared online for the counter.
  const online = want.procedures.filter((p) => p.online_now).map((p) => p.procedure);
  const prepared = want.procedures.filter((p) => !p.online_now && p.prepare_online).map((p) => p.procedure);
  const started = [...online, ...prepared];
  if (!started.length) {
    assert.equal(await host.locator('button.tz-start').count(), 0, `${event}: nothing to start online`);
    return { online, submissions: [] };
  }
  const solved = await solve(page, { procedures: started, event, screening, today: TODAY });
  assert.deepEqual(solved.issues, [], `${event}: the solver found valid answers`);

  await actor.click(host.locator('button.tz-start'));
  let pageNo = 0;
  for (; pageNo < 40; pageNo++) {
    await host.locator('h2.tz-title, dl.tz-summary').first().waitFor();
    if (await host.locator('dl.tz-summary').count()) break;
    for (let round = 0; round < 6; round++) {
      let changed = false;
      for (const key of await shownKeys(host)) {
        if (!(key in solved.answers) || (await hasAnswer(question(host, key)))) continue;
        await actor.fill(host, key, solved.answers[key], solved.views[key], page);
        changed = true;
      }
      if (!changed) break;
    }
    await shot(`2-page${pageNo + 1}`);
    const title = await host.locator('h2.tz-title').first().textContent();
    await actor.click(host.locator('button.tz-next'));
    // Either a new page or the check-your-answers page; an error summary means a bad answer.
    const moved = ([t]) => {
      const h = document.querySelector('tetsuzuki-navigator')?.shadowRoot;
      return h && (h.querySelector('dl.tz-summary') || h.querySelector('div.tz-error-summary:not([hidden])')
        || h.querySelector('div.tz-warning-summary:not([hidden])') || h.querySelector('h2.tz-title')?.textContent !== t);
    };
    await page.waitForFunction(moved, [title]);
    const errors = host.locator('div.tz-error-summary:not([hidden])');
    if (await errors.count()) assert.fail(`${event} page ${pageNo + 1} (${title}): ${await errors.innerText()}`);
    // Warnings have their own summary and an explicit "continue anyway".
    const anyway = host.locator('div.tz-warning-summary:not([hidden]) button.tz-continue-anyway');
    if (await anyway.count()) {
      await shot(`2-page${pageNo + 1}-warning`);
      await actor.click(anyway);
      await page.waitForFunction(([t]) => {
        const h = document.querySelector('tetsuzuki-navigator')?.shadowRoot;
        return h && (h.querySelector('dl.tz-summary') || h.querySelector('h2.tz-title')?.textContent !== t);
      }, [title]);
    }
  }
  assert.ok(await host.locator('dl.tz-summary').count(), `${event}: reached check your answers`);
  assert.ok(await host.locator('button.tz-change[data-page]').count() > 0, 'change buttons on the check page');
  await shot('3-check');

  await actor.click(host.locator('button.tz-submit'));
  await toWhatHappensNext(host, actor);
  // What is finished at the counter is not submitted: it becomes the handoff (a QR code).
  if (prepared.length) {
    const [made] = await waitForEvent(page, 'prepared');
    assert.deepEqual([...made.detail.procedures].sort(), [...prepared].sort(), `${event}: prepared for the counter`);
    await host.locator('section.tz-handoff figure.tz-qr svg').waitFor();
  }
  const [submit] = online.length ? await waitForEvent(page, 'submit') : [null];
  const subs = submit ? submit.detail.submissions : [];
  assert.deepEqual(subs.map((s) => s.procedure).sort(), [...online].sort(), `${event}: one submission per procedure`);
  for (const s of subs) {
    assert.ok(s.version && s.catalog_hash && s.submitted_at, `${s.procedure}: version, hash, time`);
    assert.ok(Object.keys(s.answers).length > 0, `${s.procedure}: answers`);
  }
  if (submit) assert.equal(submit.detail.assisted, false);
  // The portal shows what it received.
  assert.equal(await page.locator('#submissions article.submission').count(), subs.length);
  await shot('4-done');
  if (event === 'moving-in') {
    // After submitting: what was prepared for the counter is still due; no answer is in the file.
    const ics = await calendar();
    assert.match(ics, /SUMMARY:転入届の期限/);
    // (The solver answers phone numbers with the town's own, which the file names as the contact.)
    for (const [k, v] of Object.entries(solved.answers)) {
      if (typeof v === 'string' && v.length > 3 && solved.views[k]?.type !== 'phone') assert.ok(!ics.includes(v), `the calendar carries an answer: ${v}`);
    }
  }

  await actor.choose(host.locator('input[name=rating][value="4"]'));
  await actor.setText(host.locator('textarea.tz-feedback-comment'), 'わかりやすかった');
  await actor.click(host.locator('button.tz-feedback-send'));
  const [feedback] = await waitForEvent(page, 'feedback');
  assert.equal(Number(feedback.detail.rating), 4);
  assert.equal(feedback.detail.comment, 'わかりやすかった');

  // No personal data in any event but submit.
  const typedValues = Object.entries(solved.answers).flatMap(([k, v]) =>
    (typeof v === 'string' && v.length > 3 && !['choice', 'code', 'multi_choice'].includes(solved.views[k]?.type) ? [v] : []));
  for (const e of await events(page)) {
    if (e.type === 'submit' || e.type === 'feedback') continue;
    const text = JSON.stringify(e.detail);
    for (const v of typedValues) assert.ok(!text.includes(v), `tetsuzuki-${e.type} carries an answer: ${text}`);
  }
  return { online: started, submissions: subs, prepared, pages: pageNo };
}

describe('a full journey per sample life event', { concurrency: 3 }, () => {
  for (const event of Object.keys(JOURNEYS)) {
    test(event, async () => {
      const page = await openPage(browser);
      try {
        const r = await journey(page, event);
        console.log(`${event}: ${r.online.length ? `${r.online.join(' + ')}: ${r.pages} pages, submitted` : 'no online procedure (town actions only)'}`);
        await assertClean(page);
      } finally {
        await page.closeAll();
      }
    });
  }
});

test('moving-in with the keyboard only', async () => {
  const page = await openPage(browser);
  try {
    const actor = keyboard(page);
    const r = await journey(page, 'moving-in', { actor, shots: false, name: 'moving-in-keyboard' });
    assert.ok(r.submissions.length > 0 && r.prepared.length > 0);
    console.log(`moving-in by keyboard: ${JSON.stringify(actor.pressed)} (and typed text)`);
    await assertClean(page);
  } finally {
    await page.closeAll();
  }
});
