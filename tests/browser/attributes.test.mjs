// The widget's attributes as a vendor's page sets them: language tags by BCP 47 with fallback
// (en-US → en; a language not offered shows Japanese and says so in the console, never
// silently), the page's own lang when the element has none, and a changed catalogue,
// procedure list or date mounting the widget again with nothing typed lost.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, launch, startServer } from './support.mjs';
import * as shared from './support.mjs';

let server;
let browser;
before(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const withPage = (fn, options) => shared.withPage(browser, fn, options);

/** A blank page with one `<tetsuzuki-form>` of `attrs`, its first question shown. */
async function formPage(page, attrs, { htmlLang } = {}) {
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${server.url}/t/blank.html`);
  await page.evaluate(async ([a, l]) => {
    if (l) document.documentElement.lang = l;
    await import('/dist/tetsuzuki.js');
    const el = document.createElement('tetsuzuki-form');
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
    document.querySelector('main').append(el);
  }, [attrs, htmlLang]);
  const host = page.locator('tetsuzuki-form');
  await host.locator('h2.tz-title').waitFor();
  return { host, warnings };
}

const title = (host) => host.locator('h2.tz-title').innerText();
const base = { catalog: '/catalog.json', procedures: 'tennyu', today: '2026-12-07', storage: 'local' };

test('a region subtag falls back to its language; a language not offered is named in the console', async () => {
  await withPage(async (page) => {
    const { host, warnings } = await formPage(page, { ...base, lang: 'en-US' });
    assert.equal(await title(host), 'About your move');
    assert.equal(await host.evaluate((h) => h.shadowRoot.querySelector('[part=root]').getAttribute('lang')), 'en');
    const rootLang = () => host.evaluate((h) => h.shadowRoot.querySelector('[part=root]').getAttribute('lang'));
    await host.evaluate((h) => h.setAttribute('lang', 'ja-JP'));
    await page.waitForFunction(() => document.querySelector('tetsuzuki-form').shadowRoot.querySelector('[part=root]').getAttribute('lang') === 'ja');
    const japanese = await title(host);
    assert.notEqual(japanese, 'About your move');
    assert.deepEqual(warnings, []);
    await host.evaluate((h) => h.setAttribute('lang', 'en'));
    await host.locator('h2.tz-title', { hasText: 'About your move' }).waitFor();
    await host.evaluate((h) => h.setAttribute('lang', 'fr'));
    await page.waitForFunction(() => document.querySelector('tetsuzuki-form').shadowRoot.querySelector('[part=root]').getAttribute('lang') === 'ja');
    assert.equal(await title(host), japanese);
    assert.equal(await rootLang(), 'ja');
    assert.ok(warnings.some((w) => w.includes('`fr` is not offered') && w.includes('ja, en, ja-easy')), warnings.join('\n'));
    await assertClean(page);
  });
});

test('without its own lang the widget speaks the page\'s', async () => {
  await withPage(async (page) => {
    const { host } = await formPage(page, base, { htmlLang: 'en-GB' });
    assert.equal(await title(host), 'About your move');
    await assertClean(page);
  });
});

test('a changed date or list of procedures mounts the widget again, keeping what was typed', async () => {
  await withPage(async (page) => {
    const { host } = await formPage(page, { ...base, lang: 'ja' });
    const date = host.locator('div.tz-question[data-key="move.date"] input').first();
    await date.fill('2026-12-01');
    await date.blur();
    await host.evaluate((h) => h.setAttribute('today', '2026-12-08'));
    await host.locator('div.tz-question[data-key="move.date"]').waitFor();
    assert.equal(await host.locator('div.tz-question[data-key="move.date"] input').first().inputValue(), '2026-12-01',
      'the answer survives mounting again');
    const before = await host.locator('p.tz-progress').innerText();
    await host.evaluate((h) => h.setAttribute('procedures', 'tennyu kokuho-kanyu'));
    await page.waitForFunction((b) => document.querySelector('tetsuzuki-form').shadowRoot.querySelector('p.tz-progress')?.textContent !== b, before);
    assert.notEqual(await host.locator('p.tz-progress').innerText(), before, 'the new list has more pages');
    await assertClean(page);
  });
});
