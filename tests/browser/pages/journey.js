// The journey conformance vectors (fixtures/vectors/journey/) through the JS API's Journey, with
// the reference runner's semantics (core/tests/journey.rs): start, options, today, lang; each
// step's action (the step object itself), the error code it gives, an optional reload (save, then
// restore) and the view's values at the expected paths. The test compares in Node.
import { ready, Catalog, Journey } from '/dist/tetsuzuki-api.js';

export async function run(cases, catalogUrl = '/catalog.json') {
  await ready();
  const catalog = Catalog.load(await (await fetch(catalogUrl)).text());
  const out = [];
  for (const { name, v } of cases) {
    try {
      out.push({ name, steps: one(catalog, v) });
    } catch (e) {
      out.push({ name, error: `${e.name} ${e.code}: ${e.message}` });
    }
  }
  return out;
}

/** The value at a vector's path in a view (`errors.0.code`; a final `#` is a length), or `{ missing }`. */
export function at(view, path) {
  let cur = view;
  const segments = path.split('.');
  for (const [n, seg] of segments.entries()) {
    if (seg === '#' && n + 1 === segments.length) {
      if (Array.isArray(cur)) return { value: cur.length };
      if (cur !== null && typeof cur === 'object') return { value: Object.keys(cur).length };
      return { missing: true };
    }
    if (Array.isArray(cur)) {
      if (!/^\+?\d+$/.test(seg) || Number(seg) >= cur.length) return { missing: true };
      cur = cur[Number(seg)];
    } else if (cur !== null && typeof cur === 'object') {
      if (!Object.hasOwn(cur, seg)) return { missing: true };
      cur = cur[seg];
    } else {
      return { missing: true };
    }
  }
  return { value: cur };
}

function startOf(start) {
  if (start === 'events') return {};
  if (start.event !== undefined) return { event: start.event };
  return { procedures: start.procedures };
}

function one(catalog, v) {
  const options = {
    today: v.today,
    mode: v.options?.one_question_per_page ? 'one' : 'pages',
    counter: v.options?.counter === true,
  };
  let journey = Journey.start(catalog, { ...startOf(v.start), ...options, lang: v.lang });
  const steps = [];
  try {
    for (const [n, step] of v.steps.entries()) {
      const got = { n };
      if ('action' in step) {
        try {
          journey.act(step);
          got.error = null;
        } catch (e) {
          if (e.name !== 'TetsuzukiError') throw e;
          got.error = e.code;
        }
      }
      if (step.reload === true) {
        const saved = journey.save();
        const lang = journey.lang;
        journey.free();
        journey = Journey.restore(catalog, saved, { ...options, lang });
      }
      if (step.expect) {
        const view = journey.view();
        got.values = Object.fromEntries(Object.keys(step.expect).map((path) => [path, at(view, path)]));
      }
      steps.push(got);
    }
  } finally {
    journey.free();
  }
  return steps;
}
