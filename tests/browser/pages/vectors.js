// The conformance vectors (fixtures/vectors/) through the widget's JS API, shaped as the Rust
// runner (core/tests/vectors.rs) shapes what it compares; the test compares in Node.
import { ready, Catalog } from '/dist/tetsuzuki-api.js';

export async function run(cases, catalogUrl = '/catalog.json') {
  await ready();
  const catalog = Catalog.load(await (await fetch(catalogUrl)).text());
  const out = [];
  for (const { kind, name, v } of cases) {
    try {
      out.push({ name, kind, got: one(catalog, kind, v) });
    } catch (e) {
      out.push({ name, kind, error: `${e.name} ${e.code}: ${e.message}` });
    }
  }
  return out;
}

function one(catalog, kind, v) {
  const lang = v.lang || 'ja';
  if (kind === 'validation') {
    const r = catalog.validate(v.procedure, v.answers || {}, v.today, lang);
    return {
      issues: r.issues.map((i) => ({ field: i.field, code: i.code, severity: i.severity, message: i.message })),
      normalized: r.normalized,
    };
  }
  if (kind === 'navigator') {
    const c = catalog.navigate(v.event, v.answers || {}, v.date ?? null, v.today, lang);
    return {
      questions: c.questions.map((q) => q.id),
      procedures: c.procedures.map((p) => ({ procedure: p.procedure, due: p.due ? p.due.date : null })),
      town_actions: c.town_actions.map((p) => p.procedure),
      issues: c.issues.map((i) => ({ field: i.field, code: i.code })),
    };
  }
  if (kind === 'sessions') {
    const s = catalog.startSession(v.procedures);
    if (v.screening) s.reuseScreening('screening', v.screening);
    for (const [key, value] of Object.entries(v.answers || {})) s.setAnswer(key, value);
    const issues = s.validate(v.today, lang).map((i) => ({ field: i.field, code: i.code }));
    let submissions = null;
    try {
      submissions = Object.fromEntries(s.submissions(v.today, '2026-11-23T10:00:00+09:00').map((x) => [x.procedure, x.answers]));
    } catch (e) {
      if (e.code !== 'not-ready') throw e;
    }
    return { questions: s.questions(lang).length, issues, submissions };
  }
  throw new Error(`unknown kind ${kind}`);
}
