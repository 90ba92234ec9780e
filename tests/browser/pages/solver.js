// Finds a valid set of answers for a one-stop session through the widget's own JS API (the
// rules live in the wasm core; the tests never re-implement them): every relevant question
// gets the first candidate of its type that leaves no error, rounds until nothing changes.
// Used by the journey tests to know what to type; imported into the page under test.
import { ready, Catalog } from '/dist/tetsuzuki-api.js';

function myNumber(eleven) {
  // 個人番号 check digit (総務省令): weights 2..7,2..6 from the right.
  const d = eleven.split('').map(Number).reverse();
  let sum = 0;
  d.forEach((p, i) => { sum += p * (i < 6 ? i + 2 : i - 4); });
  const r = sum % 11;
  return eleven + String(r <= 1 ? 0 : 11 - r);
}

const ADDRESS = { postal_code: '999-4112', prefecture: '山形県', city: '北村山郡大石田町', town: '緑町', block: '1' };

export function candidates(q, today) {
  const opts = (q.options || []).map((o) => o.value);
  switch (q.type) {
    case 'boolean': return [false, true];
    case 'consent': return [true];
    case 'choice': case 'code': return opts.length ? opts : ['1'];
    case 'multi_choice': return opts.length ? [[opts[0]], ...opts.slice(1).map((o) => [o])] : [[]];
    case 'date': return ['2026-11-20', '1980-04-01', '2026-11-10', '1960-01-01', '2020-06-01', '2026-12-01', '2027-01-05', '2010-05-05'];
    case 'year_month': return ['2026-10', '2026年10月', '2020-04'];
    case 'integer': return ['1', '2', '10', '0', '30'];
    case 'decimal': return ['1.5', '1'];
    case 'money': return ['100000', '0'];
    case 'postal_code': return ['999-4112'];
    case 'phone': return ['0237-35-2111', '090-1234-5678'];
    case 'email': return ['taro@example.jp'];
    case 'katakana': return ['ヤマダ', 'タロウ'];
    case 'zengin_kana': return ['ﾔﾏﾀﾞ ﾀﾛｳ'];
    case 'person_name': return [{ family: '山田', given: '太郎' }, '山田 太郎'];
    case 'my_number': return [myNumber('12345678901'), myNumber('98765432109')];
    case 'corporate_number': return ['1234567890123'];
    case 'local_government_code': return ['063410'];
    case 'bank_code': return ['0001'];
    case 'branch_code': return ['001', '100'];
    case 'account_number': return ['1234567'];
    case 'address': {
      const tokyo = { ...ADDRESS, prefecture: '東京都', city: '千代田区', town: '千代田', block: '1-1', postal_code: '100-0001' };
      // The address moved from is in another municipality (a rule of 転入届): the town's comes second.
      return q.key === 'address.previous' ? [tokyo, ADDRESS] : [ADDRESS, tokyo];
    }
    case 'file': return [{ name: 'proof.pdf', size_kb: 120, media_type: 'application/pdf' }, { name: 'proof.jpg', size_kb: 120, media_type: 'image/jpeg' }];
    case 'group': {
      const item = {};
      for (const p of q.parts || []) item[p.key] = candidates(p, today)[0];
      return [[item]];
    }
    case 'multiline': return ['学校が近いため'];
    default:
      if (q.key.includes('kana')) return ['ヤマダ'];
      // 在留カード番号: 2 capital letters, 8 digits, 2 capital letters (a rule of 転入届).
      if (q.key.endsWith('card_number')) return ['AB12345678CD'];
      return ['山田', '0000012345', '東京都千代田区', 'ヤマダ', '1'];
  }
}

/**
 * answers: { key: value } that leaves no error; with the question views (key → view) and the
 * pages the form shows for them.
 */
export async function solve({ catalogUrl = '/catalog.json', procedures, event, screening = {}, today, lang = 'ja', keep = {} }) {
  await ready();
  const catalog = Catalog.load(await (await fetch(catalogUrl)).text());
  const session = catalog.startSession(procedures);
  if (event) session.reuseScreening(event, screening);
  const views = Object.fromEntries(session.questions(lang).map((q) => [q.key, q]));
  const cursor = {};
  for (const [k, v] of Object.entries(keep)) session.setAnswer(k, v);
  let issues = [];
  for (let round = 0; round < 60; round++) {
    const relevant = session.pages(today, lang).flatMap((p) => p.questions);
    let changed = false;
    for (const key of relevant) {
      if (session.answer(key) === null || session.answer(key) === undefined) {
        cursor[key] = 0;
        session.setAnswer(key, candidates(views[key], today)[0]);
        changed = true;
      }
    }
    const all = session.validate(today, lang);
    issues = all.filter((i) => i.severity === 'error');
    // Warnings are tried away too (another candidate), errors must go.
    const open = all.filter((i) => {
      const key = relevant.find((k) => i.field === k || i.field.startsWith(k + '.') || i.field.startsWith(k + '['));
      return key && (i.severity === 'error' || (cursor[key] ?? 0) + 1 < candidates(views[key], today).length);
    });
    if (!open.length && !changed) break;
    for (const issue of open) {
      const key = relevant.find((k) => issue.field === k || issue.field.startsWith(k + '.') || issue.field.startsWith(k + '['));
      if (!key || key in keep) continue;
      const fix = issue.machine_fix;
      if (fix && issue.field === key) { session.setAnswer(key, fix.value); continue; }
      // A group that started with people (carried, or the person the event is about): what they
      // already hold stays, the parts left empty take their first candidate.
      const current = session.answer(key);
      if (views[key]?.type === 'group' && Array.isArray(current) && current.length && issue.field.startsWith(key + '[')) {
        const empty = (v) => v === null || v === undefined || v === '';
        const filled = current.map((item) => {
          const out = { ...item };
          for (const p of views[key].parts || []) if (empty(out[p.key])) out[p.key] = candidates(p, today)[0];
          return out;
        });
        if (JSON.stringify(filled) !== JSON.stringify(current)) { session.setAnswer(key, filled); continue; }
      }
      const list = candidates(views[key], today);
      cursor[key] = (cursor[key] ?? 0) + 1;
      if (cursor[key] < list.length) session.setAnswer(key, list[cursor[key]]);
    }
  }
  const relevant = session.pages(today, lang);
  const answers = {};
  for (const key of relevant.flatMap((p) => p.questions)) answers[key] = session.answer(key);
  const warnings = session.validate(today, lang).filter((i) => i.severity !== 'error').map((i) => ({ field: i.field, code: i.code }));
  return { answers, views, pages: relevant, issues, warnings, procedures: session.procedures() };
}
