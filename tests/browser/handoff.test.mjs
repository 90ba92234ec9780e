// Issue 17: a procedure finished at the counter (転入届), prepared at home. The resident answers
// in the browser and gets a QR code instead of a submission; the counter opens it in another
// browser (its own context: nothing shared but the code), staff and resident read the answers,
// the resident confirms and staff submit. A mistyped code is refused with what to do.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, axe, launch, screenshots, startServer, waitForEvent, events } from './support.mjs';
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


/** The resident's side: 転入届 answered in `lang` at `width`, to the page with the QR code. */
async function prepareAtHome(page, lang, width) {
  await page.goto(`${server.url}/form.html?today=${TODAY}&procedures=tennyu&lang=${lang}`);
  await waitForEvent(page, 'ready');
  const host = page.locator('tetsuzuki-form');
  const solved = await page.evaluate(async (today) => (await import('/t/solver.js')).solve({ procedures: ['tennyu'], today }), TODAY);
  for (let n = 0; n < 25 && !(await host.locator('dl.tz-summary').count()); n++) await nextPage(page, host, solved, 'tetsuzuki-form');
  const note = await host.locator('p.tz-prepare-note').innerText();
  const submit = await host.locator('button.tz-submit').innerText();
  if (width === 1280 && lang === 'ja') await screenshots(page, `handoff-check-${lang}-${width}`);
  await host.locator('button.tz-submit').click();
  // The visit can be booked (the portal's stand-in offers times): on a phone the resident books
  // one, on a desktop goes on without.
  await host.locator('ol.tz-steps li[data-kind="book"] button.tz-step-begin').click();
  const slot = host.locator('input.tz-slot').nth(1);
  await slot.waitFor();
  let booked = null;
  if (width === 360) {
    booked = await host.locator('fieldset.tz-slots label').nth(1).innerText();
    await slot.check();
    await host.locator('button.tz-step-begin').click();
  } else {
    await host.locator('button.tz-step-skip').click();
  }
  const [prepared] = await waitForEvent(page, 'prepared');
  await host.locator('section.tz-handoff figure.tz-qr svg path').waitFor();
  const text = await host.locator('textarea.tz-handoff-copy').inputValue();
  const shown = await host.locator('section.tz-handoff').innerText();
  const heading = await host.locator('h2.tz-title').innerText();
  await screenshots(page, `handoff-done-${lang}-${width}`);
  return { host, note, submit, prepared, text, shown, heading, booked, answers: solved.answers };
}

test('転入届 prepared at home (QR code, nothing sent), opened at the counter, submitted after the resident confirms', async () => {
  for (const width of [360, 1280]) {
    let made;
    await withPage(async (page) => {
      made = await prepareAtHome(page, 'ja', width);
      assert.match(made.note, /窓口で仕上げる手続き: 転入届/, 'the check page says what is finished at the counter');
      assert.match(made.submit, /窓口で見せるコードを作る/, 'the button says what it does');
      assert.equal((await events(page, 'submit')).length, 0, 'nothing is submitted from home');
      assert.deepEqual(made.prepared.detail.procedures, ['tennyu']);
      assert.match(made.prepared.detail.short_code, /^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.ok(!JSON.stringify(made.prepared.detail).includes('TZ1:'), 'the event never carries the handoff');
      assert.match(made.heading, /窓口に行く準備ができました/);
      assert.match(made.shown, /確認番号: [0-9A-Z]{4}-[0-9A-Z]{4}/);
      assert.match(made.shown, /2027年1月5日（火）まで使えます/);
      assert.match(made.shown, /本人確認/, 'why the visit is needed');
      assert.match(made.shown, /マイナンバーは入っていません/);
      assert.doesNotMatch(made.shown, /\d{12}/, 'no My Number on the page');
      if (width === 360) {
        assert.match(made.booked, /2026年12月8日（火） 10:00（役場1階 住民係（デモ））/);
        assert.match(made.shown, /来庁の予約: 2026年12月8日（火） 10:00.*予約番号 DEMO-BOOK-\d{4}/, 'the booked visit is on the handoff page');
      } else {
        assert.doesNotMatch(made.shown, /来庁の予約/);
      }
      assert.match(made.text, /^TZ1:[0-9A-Z $%*+\-./:]+$/);
      if (width === 360) {
        const box = await made.host.locator('figure.tz-qr svg').boundingBox();
        assert.ok(box.width >= 250 && box.width <= 330, `the QR code fills most of a phone's width: ${box.width}px`);
        await axe(page, 'handoff page at 360 px');
      }
      await assertClean(page);
    }, { width });

    // At the counter: another browser context, the code typed in by a handheld scanner.
    await withPage(async (page) => {
      await page.goto(`${server.url}/counter.html?today=2026-12-08&procedures=tennyu`);
      await waitForEvent(page, 'ready');
      const host = page.locator('tetsuzuki-form');
      const open = host.locator('details.tz-open-handoff');
      await open.locator('summary').click();
      // One character misread: refused, nothing changes, the staff are told what to do.
      const chars = [...made.text];
      chars[40] = chars[40] === 'A' ? 'B' : 'A';
      await open.locator('textarea.tz-handoff-code').fill(chars.join(''));
      await open.locator('button.tz-handoff-open').click();
      await host.locator('div.tz-notice').waitFor();
      assert.match(await host.locator('div.tz-notice').innerText(), /コードの文字が違うか、足りません。.*もう一度読み取る/s);
      assert.equal(await host.locator('dl.tz-summary').count(), 0);
      await screenshots(page, `handoff-counter-refused-${width}`);

      assert.equal(await host.locator('details.tz-open-handoff[open]').count(), 1, 'the box stays open for the next scan');
      await host.locator('textarea.tz-handoff-code').fill(`${made.text}\n`);
      await host.locator('button.tz-handoff-open').click();
      await host.locator('dl.tz-summary').first().waitFor();
      const notice = await host.locator('div.tz-notice').innerText();
      assert.match(notice, new RegExp(`確認番号 ${made.prepared.detail.short_code}`), 'the staff compare the check code');
      const summary = await host.locator('dl.tz-summary').first().innerText();
      assert.match(summary, /2026年/, 'the prepared answers are on the check page');
      await screenshots(page, `handoff-counter-check-${width}`);
      const confirm = host.locator('input.tz-counter-confirm');
      await host.locator('button.tz-submit').click();
      assert.equal((await events(page, 'submit')).length, 0, 'not before the resident confirms');
      await confirm.check();
      await host.locator('button.tz-submit').click();
      const [submit] = await waitForEvent(page, 'submit');
      assert.equal(submit.detail.assisted, true);
      assert.deepEqual(submit.detail.submissions.map((s) => s.procedure), ['tennyu']);
      const answers = submit.detail.submissions[0].answers;
      assert.equal(answers.move_date, made.answers['move.date'], 'the date the resident gave arrives');
      await assertClean(page);
    }, { width });
  }
});

test('the handoff page in English and やさしい日本語', async () => {
  for (const lang of ['en', 'ja-easy']) {
    await withPage(async (page) => {
      const made = await prepareAtHome(page, lang, 360);
      if (lang === 'en') {
        assert.match(made.heading, /Ready for the counter/);
        assert.match(made.submit, /Make the code to show at the counter/);
        assert.match(made.shown, /Check code: [0-9A-Z]{4}-[0-9A-Z]{4}/);
        assert.match(made.shown, /not your My Number/);
      } else {
        assert.match(made.heading, /まどぐちに いく じゅんびが できました/);
        assert.match(made.shown, /かくにんの ばんごう/);
      }
      await assertClean(page);
    }, { width: 360 });
  }
});

test('at the counter the camera reads the QR code where the browser has a barcode detector, and its button is absent where not', async () => {
  let made;
  await withPage(async (page) => {
    made = await prepareAtHome(page, 'ja', 1280);
  }, { width: 1280 });
  // Chromium on Linux has no BarcodeDetector: the box offers the scanner and pasting only.
  await withPage(async (page) => {
    await page.goto(`${server.url}/counter.html?today=2026-12-08&procedures=tennyu`);
    await waitForEvent(page, 'ready');
    assert.equal(await page.locator('tetsuzuki-form button.tz-handoff-scan').count(), 0);
  }, { width: 1280 });
  // A browser with one (Android, macOS): a stand-in detector that "sees" the resident's code in
  // the camera's picture (a canvas stream): what the shell does with it is real.
  await withPage(async (page) => {
    await page.addInitScript((text) => {
      window.BarcodeDetector = class {
        constructor(options) { window.__formats = options.formats; }
        async detect(video) { return video.readyState >= 2 && (window.__looks = (window.__looks || 0) + 1) > 2 ? [{ rawValue: text, format: 'qr_code' }] : []; }
      };
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        window.__constraints = constraints;
        const canvas = document.createElement('canvas');
        canvas.width = 320; canvas.height = 240;
        const g = canvas.getContext('2d');
        setInterval(() => { g.fillStyle = `hsl(${Date.now() % 360} 50% 50%)`; g.fillRect(0, 0, 320, 240); }, 50);
        return canvas.captureStream(10);
      };
    }, made.text);
    await page.goto(`${server.url}/counter.html?today=2026-12-08&procedures=tennyu`);
    await waitForEvent(page, 'ready');
    const host = page.locator('tetsuzuki-form');
    await host.locator('details.tz-open-handoff summary').click();
    const scan = host.locator('button.tz-handoff-scan');
    assert.equal(await scan.innerText(), 'カメラで読み取る');
    await scan.click();
    await host.locator('dl.tz-summary').first().waitFor();
    assert.match(await host.locator('div.tz-notice').innerText(), new RegExp(`確認番号 ${made.prepared.detail.short_code}`));
    assert.deepEqual(await page.evaluate(() => [window.__formats, window.__constraints.video.facingMode]), [['qr_code'], 'environment']);
    assert.equal(await host.locator('video.tz-camera').count(), 0, 'the camera is stopped once read');
    await assertClean(page);
  }, { width: 1280 });
});
