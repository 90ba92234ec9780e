// Drives the widget's DOM (open shadow roots: Playwright's CSS locators pierce them) the way a
// resident does, with the mouse (locators) or with the keyboard only (Tab, Enter, Space; arrow
// keys move within a radio group or a select, as a keyboard user does).
import assert from 'node:assert/strict';
import { typed } from './support.mjs';

const css = (s) => String(s).replace(/["\\]/g, '\\$&');

/** A question's box inside a widget (host locator). */
export const question = (host, key) => host.locator(`div.tz-question[data-key="${css(key)}"]`).first();

/** Keys of the questions shown now, in order. */
export function shownKeys(host) {
  return host.locator('div.tz-question[data-key]').evaluateAll((els) =>
    els.filter((e) => e.getClientRects().length > 0 && !e.parentElement.closest('div.tz-question[data-key]'))
      .map((e) => e.dataset.key));
}

/** Whether a question already holds an answer in the DOM (reused from screening, prefilled). */
export function hasAnswer(q) {
  return q.evaluate((el) => {
    // An address the town began (its prefecture and name) still needs the rest.
    // A list of people the journey started (carried, or the person the event is about) may
    // still have parts to fill: answered when every part that is not optional holds a value.
    if (el.dataset.type === 'group') {
      const parts = [...el.querySelectorAll('div.tz-question[data-sub]')];
      if (!parts.length) return false;
      return parts.every((p) => p.querySelector('.tz-optional')
        || [...p.querySelectorAll('input, select, textarea')].some((i) =>
          ((i.type === 'radio' || i.type === 'checkbox') ? i.checked : i.value !== '')));
    }
    if (el.dataset.type === 'address') {
      return ['prefecture', 'city', 'town', 'block'].every((p) => el.querySelector(`input[data-part="${p}"]`)?.value);
    }
    const inputs = [...el.querySelectorAll('input, select, textarea')];
    if (inputs.some((i) => (i.type === 'radio' || i.type === 'checkbox') && i.checked)) return true;
    return inputs.some((i) => i.type !== 'radio' && i.type !== 'checkbox' && i.type !== 'file' && i.value !== '');
  });
}

// The input for one part of an address or a name, tried by the likely ways to mark it.
async function partInput(q, part, index, autocomplete) {
  const tries = [`[data-part="${css(part)}"]`, `[name$="${css(part)}"]`, `[data-key$="${css(part)}"] input`,
    autocomplete ? `[autocomplete="${css(autocomplete)}"]` : null, `[id$="${css(part)}"]`].filter(Boolean);
  for (const t of tries) {
    const l = q.locator(t).first();
    if (await l.count()) return l;
  }
  return q.locator('input:not([type=radio]):not([type=checkbox]):not([type=hidden]), textarea').nth(index);
}

/** The resident's actions with a pointer (locators). */
export const mouse = {
  async click(locator) {
    await locator.click();
  },
  async fill(host, key, value, view, page) {
    const q = question(host, key);
    await fillQuestion(q, value, view, page, this);
  },
  async setText(locator, text) {
    await locator.fill(text);
  },
  async choose(locator) {
    await locator.check();
  },
  async select(locator, value) {
    await locator.selectOption(String(value));
  },
};

async function fillQuestion(q, value, view, page, actor) {
  const type = view?.type;
  if (type === 'group') return fillGroup(q, value, view, page, actor);
  if (type === 'file') {
    const f = value || {};
    await q.locator('input[type=file]').setInputFiles({ name: f.name || 'proof.pdf', mimeType: f.media_type || 'application/pdf',
      buffer: Buffer.alloc(Math.round((f.size_kb || 10) * 1024), 0x25) });
    return;
  }
  if (type === 'address' || (type === 'person_name' && typeof value === 'object' && value)) {
    const parts = type === 'address' ? (view.parts?.length ? view.parts : Object.keys(value).map((key) => ({ key })))
      : [{ key: 'family', autocomplete: 'family-name' }, { key: 'given', autocomplete: 'given-name' }];
    const count = await q.locator('input:not([type=radio]):not([type=checkbox]):not([type=hidden]), textarea').count();
    if (type === 'person_name' && count < 2) return actor.setText(q.locator('input').first(), typed(value));
    for (const [i, p] of parts.entries()) {
      const v = value?.[p.key];
      if (v === undefined || v === null) continue;
      await actor.setText(await partInput(q, p.key, i, p.autocomplete), String(v));
    }
    return;
  }
  if (type === 'multi_choice') {
    for (const v of value || []) await actor.choose(q.locator(`input[type=checkbox][value="${css(v)}"]`));
    return;
  }
  if (type === 'consent') {
    if (value) await actor.choose(q.locator('input[type=checkbox]').first());
    return;
  }
  const radios = q.locator('input[type=radio]');
  if (await radios.count()) {
    const wanted = q.locator(`input[type=radio][value="${css(String(value))}"]`);
    assert.ok(await wanted.count(), `question ${view?.key}: no radio with value ${value}`);
    await actor.choose(wanted.first());
    return;
  }
  const select = q.locator('select');
  if (await select.count()) return actor.select(select.first(), value);
  await actor.setText(q.locator('input:not([type=hidden]), textarea').first(), typed(value));
}

async function fillGroup(q, items, view, page, actor) {
  for (const [i, item] of (items || []).entries()) {
    const rows = q.locator('fieldset.tz-item');
    if ((await rows.count()) <= i) await actor.click(q.locator('button.tz-add').first());
    const row = q.locator(`fieldset.tz-item[data-item="${i}"]`);
    for (const part of view.parts || []) {
      if (item[part.key] === undefined || item[part.key] === null) continue;
      const sub = row.locator(`div.tz-question[data-sub="${css(part.key)}"]`).first();
      assert.ok(await sub.count(), `group ${view.key}: no part ${part.key} in item ${i}`);
      await fillQuestion(sub, item[part.key], part, page, actor);
    }
  }
}

// ------------------------------------------------------------------ keyboard only

/** The deepest focused element === the locator's element? */
function isFocused(locator) {
  return locator.evaluate((el) => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a === el;
  });
}

function focusedRadioName(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a && a.type === 'radio' ? a.name : null;
  });
}

/** Presses Tab until the locator's element has focus (radios: until its group has focus). */
export async function tabTo(page, locator, { max = 250 } = {}) {
  const el = locator.first();
  const radioName = await el.evaluate((e) => (e.type === 'radio' ? e.name : null));
  for (let i = 0; i < max; i++) {
    if (await isFocused(el)) return;
    if (radioName && (await focusedRadioName(page)) === radioName) {
      // Within a radio group arrow keys move (and select), as for every keyboard user.
      for (let j = 0; j < 20 && !(await isFocused(el)); j++) await page.keyboard.press('ArrowDown');
      assert.ok(await isFocused(el), 'arrow keys did not reach the radio');
      return;
    }
    await page.keyboard.press('Tab');
  }
  const desc = await el.evaluate((e) => e.outerHTML.slice(0, 200));
  throw new Error(`Tab never reached ${desc}`);
}

export function keyboard(page) {
  const original = page.keyboard.press.bind(page.keyboard);
  const pressed = {};
  page.keyboard.press = (key, o) => { pressed[key] = (pressed[key] || 0) + 1; return original(key, o); };
  return {
    pressed,
    async click(locator) {
      await tabTo(page, locator);
      await page.keyboard.press('Enter');
    },
    async fill(host, key, value, view) {
      await fillQuestion(question(host, key), value, view, page, this);
    },
    async setText(locator, text) {
      await tabTo(page, locator);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type(text);
    },
    async choose(locator) {
      await tabTo(page, locator);
      if (!(await locator.first().isChecked())) await page.keyboard.press('Space');
    },
    async select(locator, value) {
      await tabTo(page, locator);
      for (let i = 0; i < 60; i++) {
        if ((await locator.first().inputValue()) === String(value)) return;
        await page.keyboard.press('ArrowDown');
      }
      throw new Error(`select never reached ${value}`);
    },
  };
}

/** Fills every shown question of a `<tetsuzuki-form>`'s page with solved answers and goes on;
 *  an error summary throws, warnings are accepted with "continue anyway" (never a second press). */
export async function nextPage(page, host, solved, tag = 'tetsuzuki-form') {
  const done = new Set();
  for (let round = 0; round < 6; round++) {
    const keys = (await shownKeys(host)).filter((k) => k in solved.answers && !done.has(k));
    if (!keys.length) break;
    for (const key of keys) {
      if (!(await hasAnswer(question(host, key)))) await mouse.fill(host, key, solved.answers[key], solved.views[key], page);
      done.add(key);
    }
  }
  const title = await host.locator('h2.tz-title').innerText();
  await host.locator('button.tz-next').click();
  const moved = ([t, tag]) => {
    const r = document.querySelector(tag).shadowRoot;
    return r.querySelector('h2.tz-title')?.textContent !== t
      || r.querySelector('dl.tz-summary, div.tz-error-summary:not([hidden]), div.tz-warning-summary:not([hidden])');
  };
  await page.waitForFunction(moved, [title, tag], { timeout: 5000 });
  const errors = host.locator('div.tz-error-summary:not([hidden])');
  if (await errors.count()) throw new Error(`${title}: ${await errors.innerText()}`);
  // A warning is accepted by choosing to continue anyway, never by a second press.
  const anyway = host.locator('div.tz-warning-summary:not([hidden]) button.tz-continue-anyway');
  if (await anyway.count()) {
    await anyway.click();
    await page.waitForFunction(([t, tag]) => {
      const r = document.querySelector(tag).shadowRoot;
      return r.querySelector('h2.tz-title')?.textContent !== t || r.querySelector('dl.tz-summary');
    }, [title, tag], { timeout: 5000 });
  }
}

/**
 * After submit: to what happens next. The host's steps come first (issue 17): a visit is not
 * booked here (booking is tested in handoff.test.mjs), and a signature, payment or issue is
 * started by the resident and answered by the portal's stand-in providers at once (their
 * failures are tested in steps.test.mjs).
 */
export async function toWhatHappensNext(host, actor = mouse) {
  for (let n = 0; n < 8; n++) {
    await host.locator('div.tz-done, ol.tz-steps li[aria-current="step"] button').first().waitFor();
    if (await host.locator('div.tz-done').count()) return;
    const current = host.locator('ol.tz-steps li[aria-current="step"]');
    const kind = await current.getAttribute('data-kind');
    const before = await host.locator('ol.tz-steps li[data-status="done"], ol.tz-steps li[data-status="skipped"]').count();
    await actor.click(current.locator(kind === 'book' ? 'button.tz-step-skip' : 'button.tz-step-begin'));
    await host.locator('div.tz-done, ol.tz-steps li[data-status="done"], ol.tz-steps li[data-status="skipped"]')
      .nth(before).or(host.locator('div.tz-done')).first().waitFor();
  }
  await host.locator('div.tz-done').waitFor();
}
