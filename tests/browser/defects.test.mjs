// The ten defects of issue 13 ("One resident journey"), each walked in Chromium as a resident
// meets it, at 360 px and desktop width, with the screenshots left in target/screenshots/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertClean, axe, launch, openPage, screenshots, startServer, waitForEvent, events,
} from './support.mjs';
import * as shared from './support.mjs';
import { mouse, shownKeys, hasAnswer, toWhatHappensNext } from './drive.mjs';

let server;
let browser;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const TODAY = '2026-12-07';

const withPage = (fn, options) => shared.withPage(browser, fn, options);

/** Presses Continue on a navigator's form page and waits for the next page (or the check
 *  page); an error summary fails the test, warnings are accepted with "continue anyway". */
async function continuePage(page, host) {
  const title = await host.locator('h2.tz-title').innerText();
  await host.locator('button.tz-next').click();
  await page.waitForFunction((t) => {
    const r = document.querySelector('tetsuzuki-navigator').shadowRoot;
    return r.querySelector('h2.tz-title')?.textContent !== t || r.querySelector('dl.tz-summary, div.tz-error-summary:not([hidden]), div.tz-warning-summary:not([hidden])');
  }, title);
  const errors = host.locator('div.tz-error-summary:not([hidden])');
  if (await errors.count()) assert.fail(`${title}: ${await errors.innerText()}`);
  const anyway = host.locator('div.tz-warning-summary:not([hidden]) button.tz-continue-anyway');
  if (await anyway.count()) await anyway.click();
}

/** The navigator of `event` on the portal: its screening answered as a resident would (hidden
 *  questions left), Start pressed, the first form page shown. */
async function startEvent(page, event, screening) {
  await page.goto(`${server.url}/?today=${TODAY}&event=${event}`);
  await waitForEvent(page, 'ready');
  const host = page.locator('tetsuzuki-navigator');
  for (const [key, value] of Object.entries(screening)) {
    const q = question(host, key);
    if (await q.isHidden()) continue;
    if (typeof value === 'boolean') await q.locator(`input[value="${value}"]`).check();
    else { await q.locator('input').first().fill(value); await q.locator('input').first().blur(); }
  }
  await host.locator('button.tz-start').click();
  await host.locator('p.tz-progress').waitFor();
  return host;
}

/** Walks the form pages to the check page: each question shown is first offered to
 *  `visit(key, q)`, which returns true when it dealt with it; the others are filled with the
 *  solver's answers unless they already hold one. */
async function walkToCheck(page, host, solved, visit) {
  for (let n = 0; n < 25 && !(await host.locator('dl.tz-summary').count()); n++) {
    const done = new Set();
    for (let round = 0; round < 6; round++) {
      const keys = (await shownKeys(host)).filter((k) => !done.has(k));
      if (!keys.length) break;
      for (const key of keys) {
        done.add(key);
        const q = question(host, key);
        if (await visit(key, q)) continue;
        if (key in solved.answers && !(await hasAnswer(q))) await mouse.fill(host, key, solved.answers[key], solved.views[key], page);
      }
    }
    await continuePage(page, host);
  }
}

/** The values typed in a group's item, in order. */
const itemText = (item) => item.evaluate((el) => [...el.querySelectorAll('input')].filter((i) => i.type !== 'radio' && i.type !== 'checkbox').map((i) => i.value).join(' '));
const question = (host, key) => host.locator(`div.tz-question[data-key="${key}"]`).first();
const text = (host) => host.evaluate((h) => h.shadowRoot.textContent);

/** A moving-in form (転入届 + 国民健康保険) with a family member, written as the journey the
 *  widget keeps, on its check page: made with the JS API as any host would. */
async function seedCheckPage(page, { lang = 'ja' } = {}) {
  await page.goto(`${server.url}/t/blank.html`);
  await page.evaluate(async (today) => {
    const m = await import('/dist/tetsuzuki-api.js');
    await m.ready();
    const catalog = m.Catalog.load(await (await fetch('/catalog.json')).text());
    const procedures = ['tennyu', 'kokuho-kanyu'];
    const keys = new Set(catalog.startSession(procedures).questions('ja').map((q) => q.key));
    const member = { name: '山田 花子', name_kana: 'ヤマダ ハナコ', birth_date: '1992-03-03', gender: '2', relationship: '02', my_number: '987654321018' };
    const keep = {
      'move.date': '2026-12-01',
      'address.previous': { postal_code: '100-0001', prefecture: '東京都', city: '千代田区', town: '千代田', block: '1-1' },
      'address.current': { postal_code: '999-4112', prefecture: '山形県', city: '北村山郡大石田町', town: '緑町', block: '1' },
      'person.family_name': '山田', 'person.given_name': '太郎', 'person.family_name_kana': 'ヤマダ', 'person.given_name_kana': 'タロウ',
      'person.birth_date': '1990-05-05', 'person.gender': '1', 'contact.phone': '09012345678', 'person.my_number': '123456789018',
      'household.is_head': true, 'household.moved_with_others': true,
      'move.from_abroad': false, 'move.card_moveout': true, 'person.japanese_national': true,
      'household.joins_existing': false, 'household.was_head_before': true, 'tennyu.filer': 'self',
    };
    for (const k of keys) if (k.endsWith('members')) keep[k] = [member];
    for (const k of Object.keys(keep)) if (!keys.has(k)) delete keep[k];
    // The rest of the answers: valid ones found through the same API.
    const solved = await (await import('/t/solver.js')).solve({ procedures, today, keep });
    const s = catalog.startSession(procedures);
    for (const [k, v] of Object.entries({ ...solved.answers, ...keep })) if (v !== null && v !== undefined) s.setAnswer(k, v);
    const draft = JSON.parse(s.saveDraft());
    const record = { format: 'tetsuzuki-journey/1', catalog_hash: draft.catalog_hash, stage: 'check', at: null,
      return_to_check: false, from_events: false, event: null, screening: {}, screening_done: [], draft,
      acknowledged: [], receipts: [], feedback_sent: false };
    localStorage.setItem('tetsuzuki:journey:oishida:tennyu+kokuho-kanyu', JSON.stringify(record));
  }, TODAY);
  await page.goto(`${server.url}/form.html?today=${TODAY}&lang=${lang}`);
  await waitForEvent(page, 'ready');
  const host = page.locator('tetsuzuki-form');
  await host.locator('dl.tz-summary').first().waitFor();
  return host;
}

test('1. the check page: labels not codes, dates as residents read them, one section per person, every My Number masked', async () => {
  for (const width of [360, 1280]) {
    await withPage(async (page) => {
      const host = await seedCheckPage(page);
      const all = await host.locator('section.tz-check-section').allInnerTexts();
      const page1 = all.join('\n');
      assert.doesNotMatch(page1, /\d{12}/, 'no My Number in the clear');
      assert.doesNotMatch(page1, /\d{4}-\d{2}-\d{2}/, 'no ISO dates');
      assert.match(page1, /●●●● ●●●● 9018/, "the applicant's My Number masked");
      assert.match(page1, /●●●● ●●●● 1018/, "the family member's My Number masked");
      assert.match(page1, /2026年12月1日（火）/, 'dates with the day of the week');
      assert.match(page1, /090-1234-5678/, 'the phone number as it is written');
      const people = await host.locator('section.tz-check-section h3').allInnerTexts();
      assert.ok(people.some((h) => /1人目/.test(h)), `a section for the family member: ${people.join(' / ')}`);
      const member = all.find((s) => /1人目/.test(s));
      assert.match(member, /山田 花子/);
      assert.match(member, /妻|配偶者|女/, 'codes shown as their labels');
      assert.doesNotMatch(member, /\b0?2\b/, 'no raw code');
      assert.match(await host.locator('button.tz-submit').innerText(), /送信して、窓口で見せるコードを作る/,
        'the submit button names the action: 国保 sent, 転入届 prepared for the counter');
      if (width === 1280) await axe(page, 'check page with a family member');
      await screenshots(page, `defect1-check-${width}`);
      await assertClean(page);
    }, { width });
  }
});

test('2. switching language with errors shown says every message and fix in the new language', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=tennyu`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    await host.locator('button.tz-next').click();
    await host.locator('div.tz-error-summary:not([hidden])').waitFor();
    assert.match(await host.locator('div.tz-error-summary').innerText(), /入力してください/);
    await host.locator('select.tz-lang').selectOption('en');
    await page.waitForFunction(() => document.querySelector('tetsuzuki-form').shadowRoot.querySelector('.tz-error-summary h2')?.textContent === 'There is a problem');
    const summary = await host.locator('div.tz-error-summary').innerText();
    assert.doesNotMatch(summary, /[ぁ-んァ-ン一-龯]/, `no Japanese left in the summary: ${summary}`);
    const inline = await host.locator('p.tz-issue').allInnerTexts();
    assert.ok(inline.length > 0);
    // (A fix may quote a Japanese example, like 緑町: no Japanese sentence is left.)
    for (const t of inline) assert.doesNotMatch(t, /[ぁ-ん]/, `inline message in English: ${t}`);
    await host.locator('select.tz-lang').selectOption('ja-easy');
    await page.waitForFunction(() => !/There is a problem/.test(document.querySelector('tetsuzuki-form').shadowRoot.querySelector('.tz-error-summary').textContent));
    await screenshots(page, 'defect2-easy-errors');
    await assertClean(page);
  });
});

test('3. screening answers are validated; an overdue deadline says what to do now', async () => {
  for (const width of [360, 1280]) {
    await withPage(async (page) => {
      await page.goto(`${server.url}/?today=${TODAY}&event=moving-in`);
      await waitForEvent(page, 'ready');
      const host = page.locator('tetsuzuki-navigator');
      const date = question(host, 'move_date').locator('input').first();
      await date.fill('令和8年2月30日');
      await date.blur();
      const issue = question(host, 'move_date').locator('p.tz-issue');
      await issue.waitFor();
      assert.match(await issue.innerText(), /実在する日付/);
      assert.equal(await host.locator('ol.tz-checklist time, ol.tz-checklist .tz-late').count(), 0, 'no due date from an impossible date');
      await screenshots(page, `defect3-impossible-${width}`);
      await date.fill('2026-11-01');
      await date.blur();
      const late = host.locator('li[data-procedure="tennyu"] p.tz-late');
      await late.waitFor();
      assert.match(await late.innerText(), /過ぎています.*届出はできます/);
      await screenshots(page, `defect3-overdue-${width}`);
      await assertClean(page);
    }, { width });
  }
  await withPage(async (page) => {
    await page.goto(`${server.url}/?today=${TODAY}&event=birth&lang=en`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-navigator');
    const q = host.locator('div.tz-question:not([hidden])').first();
    const date = q.locator('input').first();
    await date.fill('2027-01-10');
    await date.blur();
    await q.locator('p.tz-issue').waitFor();
    assert.match(await q.locator('p.tz-issue').innerText(), /today or in the past/);
    await assertClean(page);
  });
});

test('4. after submit: a reference, what the town does and by when, what is still to do; a reload keeps the page', async () => {
  await withPage(async (page) => {
    const host = await seedCheckPage(page);
    await host.locator('button.tz-submit').click();
    const [submit] = await waitForEvent(page, 'submit');
    await toWhatHappensNext(host);
    const refs = submit.detail.references;
    assert.deepEqual(Object.keys(refs), ['kokuho-kanyu'], '転入届 is not sent: it is finished at the counter');
    assert.ok(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(refs['kokuho-kanyu']), JSON.stringify(refs));
    const done = await host.locator('div.tz-done').innerText();
    assert.ok(done.includes(refs['kokuho-kanyu']), 'the reference is shown');
    const [prepared] = await waitForEvent(page, 'prepared');
    const handoff = await host.locator('section.tz-handoff').innerText();
    assert.ok(handoff.includes(prepared.detail.short_code) && /転入届/.test(handoff), 'the handoff for 転入届, with its check code');
    assert.match(done, /郵送/, 'what the town does (国保: the certificate by post)');
    await screenshots(page, 'defect4-done');
    await page.reload();
    await waitForEvent(page, 'ready');
    await host.locator('div.tz-done').waitFor();
    assert.ok((await host.locator('div.tz-done').innerText()).includes(refs['kokuho-kanyu']), 'the page survives a reload');
    assert.ok((await host.locator('section.tz-handoff').innerText()).includes(prepared.detail.short_code), 'the handoff too');
    await host.locator('button.tz-dismiss').click();
    await host.locator('button.tz-next').waitFor();
    assert.equal(await host.locator('div.tz-done').count(), 0, 'dismissed');
    await assertClean(page);
  });
  await withPage(async (page) => {
    // In a life event, what is left to do (a visit) is listed with its due date.
    await page.goto(`${server.url}/?today=${TODAY}&event=birth`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-navigator');
    const items = await host.locator('ol.tz-checklist > li').count();
    assert.ok(items > 0);
  });
});

test('5. asked once: the town in a new address, dates and reasons the event implies, people entered once', async () => {
  for (const width of [360, 1280]) {
    await withPage(async (page) => {
      const screening = { move_date: '2026-12-01', moved_with_others: true, has_card: false, employee_insured: false,
        left_employee_insurance: false, pension_type1: false, care_certified: false, has_children: false, wants_seal: false, water_start: false };
      const host = await startEvent(page, 'moving-in', screening);
      // The town's own prefecture and name, saying where they came from.
      const current = question(host, 'address.current');
      assert.equal(await current.locator('input[data-part=prefecture]').inputValue(), '山形県');
      assert.match(await current.locator('input[data-part=city]').inputValue(), /大石田町$/);
      assert.match(await current.locator('p.tz-source').innerText(), /町の住所/);
      await screenshots(page, `defect5-town-address-${width}`);
      // Walk the pages: the people who moved are typed once, in 転入届.
      const solved = await page.evaluate(async (o) => (await import('/t/solver.js')).solve(o),
        { procedures: ['tennyu', 'kokuho-kanyu', 'kokumin-nenkin-jusho'].filter(Boolean), event: 'moving-in', screening, today: TODAY,
          keep: { 'tennyu.members': [{ name: '山田 花子', name_kana: 'ヤマダ ハナコ', birth_date: '1992-03-03', gender: '2', relationship: '02' }] } });
      let sawPeople = false;
      let sawDate = false;
      await walkToCheck(page, host, solved, async (key, q) => {
        if (key === 'kokuho-kanyu.members') {
          assert.equal(await q.locator('.tz-item input').first().inputValue(), '山田 花子', 'the person who moved joins 国保 without typing');
          assert.match(await q.locator('p.tz-source').innerText(), /一緒に引っ越した人/);
          sawPeople = true;
          await screenshots(page, `defect5-people-carried-${width}`);
          return true;
        }
        if (key === 'insurance.kokuho_start_date') {
          assert.equal(await q.locator('input').first().inputValue(), '2026-12-01', '国保に入る日 is the moving date');
          sawDate = true;
        }
        return false;
      });
      assert.ok(sawPeople, 'the 国保 page listed the people who moved');
      assert.ok(sawDate, 'the 国保 start date was shown, filled in');
      await assertClean(page);
    }, { width });
  }
});

test('5. asked once in a birth: the baby is typed once, in 出生届, and starts the lists of people', async () => {
  for (const width of [360, 1280]) {
    await withPage(async (page) => {
      const screening = { child_birth_date: '2026-12-01', born_abroad: false, receiving_allowance: false, kokuho: true };
      const host = await startEvent(page, 'birth', screening);
      const baby = { name: '山田 一郎', name_kana: 'ヤマダ イチロウ', birth_date: '2026-12-01', gender: '1', relationship: '03' };
      // 出生届 (prepared online, finished at the counter) asks about the baby first.
      const procedures = ['shussei', 'kokuho-kanyu', 'jido-teate-nintei', 'kodomo-iryo'];
      const keep = { 'child.family_name': '山田', 'child.given_name': '一郎', 'child.family_name_kana': 'ヤマダ',
        'child.given_name_kana': 'イチロウ', 'child.gender': '1', 'kokuho-kanyu.members': [baby] };
      const solved = await page.evaluate(async (o) => (await import('/t/solver.js')).solve(o),
        { procedures, event: 'birth', screening, today: TODAY, keep });
      const seen = new Set();
      await walkToCheck(page, host, solved, async (key, q) => {
        if (key === 'child.birth_date') {
          assert.equal(await q.locator('input').first().inputValue() !== '', true, 'the birth date comes from the screening');
          seen.add(key);
          return false;
        }
        if (key === 'kokuho-kanyu.members') {
          // The first list of people starts with the newborn typed in 出生届.
          const item = q.locator('fieldset.tz-item[data-item="0"]');
          assert.match(await itemText(item), /山田.*一郎/, 'the baby typed in 出生届');
          assert.equal(await item.locator('div.tz-question[data-sub="birth_date"] input').first().inputValue(), '2026-12-01');
          assert.match(await q.locator('p.tz-source').innerText(), /子の氏/);
          await screenshots(page, `defect5-birth-baby-started-${width}`);
          await mouse.fill(host, key, [baby], solved.views[key], page);
          seen.add(key);
          return true;
        }
        if (key === 'jido-teate-nintei.children') {
          assert.match(await itemText(q.locator('fieldset.tz-item[data-item="0"]')), /山田.*一郎/, 'the baby is among the children');
          assert.match(await q.locator('p.tz-source').innerText(), /加入する人|子の氏/, 'saying where it came from');
          await screenshots(page, `defect5-birth-child-filled-${width}`);
          // What 出生届 does not ask is left to answer.
          await q.locator('fieldset.tz-item[data-item="0"] div.tz-question[data-sub="lives_with_you"] input[value="true"]').check();
          seen.add(key);
          return true;
        }
        return false;
      });
      for (const key of ['child.birth_date', 'kokuho-kanyu.members', 'jido-teate-nintei.children']) {
        assert.ok(seen.has(key), `${key} was shown`);
      }
      // The check page names the baby once per form, typed once.
      const summary = await text(host);
      assert.ok((summary.match(/一郎/g) || []).length >= 3, 'the baby is in every form that asks');
      await screenshots(page, `defect5-birth-check-${width}`);
      await assertClean(page);
    }, { width });
  }
});

test('6. a warning has its own heading and reason, and the resident chooses to continue anyway', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=suido-kaishi`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    const date = question(host, 'suido-kaishi.start_date').or(question(host, 'water.start_date')).locator('input').first();
    await date.fill('2026-12-01');
    await date.blur();
    const addr = host.locator('div.tz-question[data-type="address"]').first();
    for (const [part, v] of [['prefecture', '山形県'], ['city', '北村山郡大石田町'], ['town', '緑町'], ['block', '1']]) {
      const i = addr.locator(`input[data-part=${part}]`);
      if (!(await i.inputValue())) await i.fill(v);
    }
    await addr.locator('input[data-part=block]').blur();
    // Fill the page's other required choices, if any, by their first option.
    for (const q of await host.locator('div.tz-question:not([hidden])').all()) {
      const radios = q.locator('input[type=radio]');
      if (await radios.count() && !(await q.locator('input[type=radio]:checked').count())) await radios.first().check();
    }
    await host.locator('button.tz-next').click();
    const warn = host.locator('div.tz-warning-summary:not([hidden])');
    await warn.waitFor();
    assert.equal(await host.locator('div.tz-error-summary:not([hidden])').count(), 0, 'warnings are not errors');
    const said = await warn.innerText();
    assert.match(said, /確認してください/);
    assert.match(said, /過ぎています/, `the reason: ${said}`);
    assert.doesNotMatch(said, /3日ありません/, 'a past date is not "less than 3 days away"');
    await screenshots(page, 'defect6-warning');
    const title = await host.locator('h2.tz-title').innerText();
    await host.locator('button.tz-next').click();
    await warn.waitFor();
    assert.equal(await host.locator('h2.tz-title').innerText(), title, 'a second press does not pass the warning');
    await warn.locator('button.tz-continue-anyway').click();
    await page.waitForFunction((t) => document.querySelector('tetsuzuki-form').shadowRoot.querySelector('h2.tz-title')?.textContent !== t, title);
    await assertClean(page);
  });
});

test('7. empty feedback is refused with what to do; feedback carries no null', async () => {
  await withPage(async (page) => {
    const host = await seedCheckPage(page);
    await host.locator('button.tz-submit').click();
    await toWhatHappensNext(host);
    await host.locator('button.tz-feedback-send').click();
    const summary = host.locator('div.tz-error-summary:not([hidden])');
    await summary.waitFor();
    assert.match(await summary.innerText(), /満足度を選ぶか、ご意見を書いてください/);
    assert.equal((await events(page, 'feedback')).length, 0, 'nothing was sent');
    await host.locator('label[for="tz-rating-4"]').click();
    await host.locator('button.tz-feedback-send').click();
    const [feedback] = await waitForEvent(page, 'feedback');
    assert.equal(feedback.detail.rating, 4);
    assert.ok(!Object.values(feedback.detail).includes(null), JSON.stringify(feedback.detail));
    await host.locator('p.tz-feedback-thanks').waitFor();
    await assertClean(page);
  });
});

test('8. errors point at the first part to fill, in page order; a reload returns to the page; progress never jumps', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=tennyu+kokuho-kanyu`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    const total = (await host.locator('p.tz-progress').innerText()).split('/')[1].trim();
    // Moved from within Japan: the previous address is asked.
    await question(host, 'move.from_abroad').locator('input[value="false"]').check();
    await host.locator('button.tz-next').click();
    await host.locator('div.tz-error-summary:not([hidden])').waitFor();
    const links = await host.locator('div.tz-error-summary a').evaluateAll((as) => as.map((a) => [a.dataset.key, a.dataset.target]));
    const order = await host.locator('div.tz-question:not([hidden])').evaluateAll((qs) => qs.map((q) => q.dataset.key));
    const positions = links.map(([k]) => order.indexOf(k));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `summary in page order: ${JSON.stringify(links)}`);
    const address = links.find(([k]) => k === 'address.previous');
    assert.ok(address && address[1].endsWith('-prefecture'), `the address error points at the prefecture: ${JSON.stringify(address)}`);
    await host.locator(`div.tz-error-summary a[data-key="address.previous"]`).click();
    assert.equal(await page.evaluate(() => document.querySelector('tetsuzuki-form').shadowRoot.activeElement?.dataset.part), 'prefecture');
    // Fill the first page, go on, reload: the same page.
    await question(host, 'move.date').locator('input').fill('2026-12-01');
    // The previous address is in another municipality than the new one (a rule of 転入届).
    for (const [key, city, town] of [['address.previous', '尾花沢市', '若葉町'], ['address.current', '北村山郡大石田町', '緑町']]) {
      const q = question(host, key);
      for (const [part, v] of [['prefecture', '山形県'], ['city', city], ['town', town], ['block', '1']]) await q.locator(`input[data-part=${part}]`).fill(v);
      await q.locator('input[data-part=block]').blur();
    }
    await host.locator('button.tz-next').click();
    await page.waitForFunction(() => /^2 \//.test(document.querySelector('tetsuzuki-form').shadowRoot.querySelector('p.tz-progress')?.textContent));
    const second = await host.locator('h2.tz-title').innerText();
    assert.equal((await host.locator('p.tz-progress').innerText()).split('/')[1].trim(), total, 'the total does not change');
    await page.reload();
    await waitForEvent(page, 'ready');
    await host.locator('h2.tz-title').waitFor();
    assert.equal(await host.locator('h2.tz-title').innerText(), second, 'a reload lands on the same page');
    await assertClean(page);
  });
});

test('9. the on-device profile keeps only what its consent names', async () => {
  await withPage(async (page) => {
    const host = await seedCheckPage(page);
    const kept = await page.evaluate(() => localStorage.getItem('tetsuzuki:journey:oishida:tennyu+kokuho-kanyu'));
    const leak = (kept || '').match(/.{0,80}(123456789018|987654321018).{0,20}/);
    assert.ok(kept && !leak, `the journey kept on the device holds no My Number: ${leak?.[0]}`);
    assert.match(await host.locator('section.tz-check-section').first().innerText(), /./);
    const consent = await host.locator('label[for="tz-profile-consent"]').innerText();
    const sensitive = await host.locator('label[for="tz-profile-sensitive"]').innerText();
    assert.match(sensitive, /マイナンバー/, 'the second consent names the My Number');
    assert.doesNotMatch(consent, /マイナンバー/);
    await host.locator('input.tz-profile-consent').check();
    await host.locator('button.tz-submit').click();
    await waitForEvent(page, 'submit');
    const profile = await page.evaluate(() => localStorage.getItem('tetsuzuki:profile'));
    assert.ok(profile && profile.includes('山田'), 'names are kept with consent');
    for (const gone of ['person.my_number', 'move.date', '123456789018', '987654321018']) {
      assert.ok(!profile.includes(gone), `${gone} is not kept`);
    }
    const stored = Object.entries(await page.evaluate(() => ({ ...localStorage })));
    for (const [k, v] of stored) assert.ok(!/123456789018|987654321018/.test(v), `${k} holds no My Number after submit`);
    await assertClean(page);
  });
});

test('10. English reads like GOV.UK', async () => {
  await withPage(async (page) => {
    await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=tennyu+kokuho-kanyu&lang=en`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    await question(host, 'move.from_abroad').locator('input[value="false"]').check();
    await host.locator('button.tz-next').click();
    await host.locator('div.tz-error-summary:not([hidden])').waitFor();
    const said = await host.locator('div.tz-error-summary').innerText();
    assert.match(said, /Enter your previous address/);
    assert.doesNotMatch(said, /(Enter|Select) [A-Z][a-z]/, said);
    await screenshots(page, 'defect10-english');
    await assertClean(page);
  });
});
