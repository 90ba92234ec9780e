// Issue 17, item 3: the back half as steps the host fulfils. 住民票の写しの交付請求 declares
// sign, pay and issue; the sample portal's stand-in providers (clearly labelled, on the page)
// answer each `tetsuzuki-request` as a person chooses. Nothing is sent before it is signed and
// paid; a failure says what to do; a request left unanswered times out into a retry; an answer
// to a request given up on is refused; leaving keeps every answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, axe, events, launch, screenshots, startServer, waitForEvent } from './support.mjs';
import * as shared from './support.mjs';
import { nextPage } from './drive.mjs';

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

/** The request's fields: exactly what a provider needs, never an answer the resident typed. */
const REQUEST_KEYS = ['amount', 'digest', 'first_day', 'id', 'kind', 'last_day', 'procedures', 'references', 'slot', 'timeout_seconds'];

/** 住民票の写し answered up to the check page, then submitted: the steps page. */
async function toSteps(page, lang) {
  await page.goto(`${server.url}/juminhyo.html?today=${TODAY}&lang=${lang}`);
  await waitForEvent(page, 'ready');
  const host = page.locator('tetsuzuki-form');
  const solved = await page.evaluate(async (today) => (await import('/t/solver.js')).solve({ procedures: ['juminhyo-utsushi'], today }), TODAY);
  for (let n = 0; n < 10 && !(await host.locator('dl.tz-summary').count()); n++) await nextPage(page, host, solved, 'tetsuzuki-form');
  await host.locator('button.tz-submit').click();
  await host.locator('ol.tz-steps').waitFor();
  return { host, copies: Number(solved.answers['juminhyo-utsushi.copies']) };
}

const current = (host) => host.locator('ol.tz-steps li[aria-current="step"]');

/** The stand-in panel answers the request on screen (as a person would choose). */
async function standIn(page, ok, reason) {
  const box = page.locator('#standin .request');
  await box.waitFor();
  if (!ok) await box.locator('select.standin-reason').selectOption(reason);
  await box.locator(ok ? 'button.standin-ok' : 'button.standin-fail').click();
}

test('住民票の写し: signed (after a card that could not be read), paid, sent, issued (after a retry)', async () => {
  for (const width of [360, 1280]) {
    await withPage(async (page) => {
      const { host, copies } = await toSteps(page, 'ja', width);
      const fee = `${(copies * 300).toLocaleString('ja-JP')}円`;
      assert.equal(await host.locator('h2.tz-title').innerText(), '送信の前に');
      assert.equal((await events(page, 'submit')).length, 0, 'nothing is sent before signing and paying');
      assert.match(await current(host).innerText(), /マイナンバーカードで署名する.*署名用のパスワード/s);
      assert.deepEqual(await host.locator('ol.tz-steps li').evaluateAll((l) => l.map((e) => e.dataset.kind)), ['sign', 'pay', 'issue']);
      if (width === 360) {
        await axe(page, 'the steps page at 360 px');
        await screenshots(page, 'steps-sign-ready-ja-360');
      }

      // Sign: the card cannot be read; the resident is told what to do, and tries again.
      await current(host).locator('button.tz-step-begin').click();
      const [sign] = await waitForEvent(page, 'request');
      assert.deepEqual(Object.keys(sign.detail).sort(), REQUEST_KEYS);
      assert.equal(sign.detail.kind, 'sign');
      assert.match(sign.detail.digest, /^[0-9a-f]{64}$/, 'the card signs a SHA-256 digest');
      assert.deepEqual(sign.detail.procedures, ['juminhyo-utsushi']);
      assert.match(await current(host).locator('p.tz-step-waiting').innerText(), /カードの読み取りを待っています/);
      await standIn(page, false, 'card-unreadable');
      const problem = current(host).locator('div.tz-step-problem');
      await problem.waitFor();
      assert.match(await problem.innerText(), /マイナンバーカードを読み取れませんでした。.*カードを置き直して/s);
      await screenshots(page, `steps-sign-failed-ja-${width}`);
      await current(host).locator('button.tz-step-begin', { hasText: 'もう一度試す' }).click();
      await waitForEvent(page, 'request', { count: 2 });
      await standIn(page, true);

      // Pay: the fee of the copies asked for.
      const pay = current(host);
      await pay.locator('button.tz-step-begin', { hasText: `${fee}を支払う` }).waitFor();
      assert.match(await host.locator('li[data-kind="sign"] p.tz-step-result').innerText(), /署名しました（受付番号 DEMO-SIG-\d{4}）/);
      await pay.locator('button.tz-step-begin').click();
      const requests = await waitForEvent(page, 'request', { count: 3 });
      assert.equal(requests[2].detail.kind, 'pay');
      assert.equal(requests[2].detail.amount, copies * 300);
      await standIn(page, true);

      // Sent once paid, with both references.
      const [submit] = await waitForEvent(page, 'submit');
      const [s] = submit.detail.submissions;
      assert.equal(s.procedure, 'juminhyo-utsushi');
      assert.deepEqual(s.steps.map((r) => r.kind), ['sign', 'pay']);
      assert.match(s.steps[0].reference, /^DEMO-SIG-/);
      assert.equal(await host.locator('h2.tz-title').innerText(), '送信しました。あと少しです');

      // Issue: unavailable, then done.
      await current(host).locator('button.tz-step-begin').click();
      await waitForEvent(page, 'request', { count: 4 });
      await standIn(page, false, 'unavailable');
      await current(host).locator('button.tz-step-skip', { hasText: 'あとで受け取る' }).waitFor();
      assert.equal(await current(host).locator('button.tz-step-leave').count(), 0, 'once sent, there is nothing to leave');
      await current(host).locator('button.tz-step-begin').click();
      await waitForEvent(page, 'request', { count: 5 });
      await standIn(page, true);

      await host.locator('div.tz-done').waitFor();
      const done = await host.locator('div.tz-done').innerText();
      assert.match(done, /住民票の写しの交付請求/);
      assert.match(done, /署名しました（受付番号 DEMO-SIG-\d{4}）/);
      assert.match(done, new RegExp(`${fee}を支払いました（受付番号 DEMO-PAY-\\d{4}）`));
      assert.match(done, /交付の手続きがすみました（DEMO-POST-\d{4}）/);
      await screenshots(page, `steps-done-ja-${width}`);
      for (const r of await events(page, 'request')) {
        assert.deepEqual(Object.keys(r.detail).sort(), REQUEST_KEYS, 'every request holds only what a provider needs');
      }
      await assertClean(page);
    }, { width });
  }
});

test('a request nobody answers times out into a retry; a late answer is refused; leaving keeps every answer', async () => {
  await withPage(async (page) => {
    await page.clock.install({ time: new Date('2026-12-07T10:00:00+09:00') });
    const { host } = await toSteps(page, 'ja');
    await current(host).locator('button.tz-step-begin').click();
    await waitForEvent(page, 'request');
    await page.clock.runFor(299_000);
    assert.equal(await current(host).getAttribute('data-status'), 'waiting', 'still waiting before the time limit');
    await page.clock.runFor(2_000);
    const problem = current(host).locator('div.tz-step-problem');
    await problem.waitFor();
    assert.equal(await problem.getAttribute('data-code'), 'timeout');
    assert.match(await problem.innerText(), /時間内に応答がありませんでした。.*入力した内容は残っています/s);
    // The provider answers late: refused, nothing changes (the portal logs the error).
    await page.locator('#standin .request button.standin-ok').click();
    assert.equal(await current(host).getAttribute('data-status'), 'failed');
    assert.match(await page.locator('#events').innerText(), /step-unknown/);
    assert.equal((await events(page, 'submit')).length, 0);
    // Leave: back to the check page, every answer still there.
    await current(host).locator('button.tz-step-leave').click();
    await host.locator('dl.tz-summary').waitFor();
    assert.match(await host.locator('dl.tz-summary').innerText(), /自分だけ|世帯の全員/);
    await screenshots(page, 'steps-left-to-check-ja-1280');
    await assertClean(page);
  }, { width: 1280 });
});

test('the steps in English and やさしい日本語', async () => {
  for (const [lang, title, sign, failed] of [
    ['en', 'Before we send it', 'Sign with your My Number Card', /There was no answer in time|could not be read/],
    ['ja-easy', 'おくる まえに', 'マイナンバーカードで しょめい する', /よみとれませんでした/],
  ]) {
    await withPage(async (page) => {
      const { host } = await toSteps(page, lang);
      assert.equal(await host.locator('h2.tz-title').innerText(), title);
      assert.match(await current(host).innerText(), new RegExp(sign));
      await current(host).locator('button.tz-step-begin').click();
      await standIn(page, false, 'card-unreadable');
      await current(host).locator('div.tz-step-problem').waitFor();
      assert.match(await current(host).locator('div.tz-step-problem').innerText(), failed);
      await screenshots(page, `steps-sign-failed-${lang}-360`);
      await assertClean(page);
    }, { width: 360 });
  }
});
