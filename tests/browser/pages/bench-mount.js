// Creates the element under test from the query (runs while parsing, before the module).
(() => {
  const q = new URLSearchParams(location.search);
  const el = document.createElement(q.get('element') === 'form' ? 'tetsuzuki-form' : 'tetsuzuki-navigator');
  for (const name of ['catalog', 'event', 'procedures', 'today', 'lang', 'mode']) {
    if (q.get(name)) el.setAttribute(name, q.get(name));
  }
  el.setAttribute('storage', 'none');
  document.getElementById('slot').append(el);
})();
