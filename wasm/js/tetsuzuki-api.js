// tetsuzuki — the JS API (docs/HOST-API.md) for hosts that render their own pages: Catalog,
// Session, Profile, Journey and checkValue over the same wasm core as the widget, built on its
// own so that a page embedding only the widget (tetsuzuki.js) does not download it.
//
//   import { ready, Catalog } from '/tetsuzuki/tetsuzuki-api.js';
//   await ready();
//   const catalog = Catalog.load(await (await fetch('/catalog.json')).text());
import init, { Catalog, Journey, Profile, Session, checkValue, recoverProfile, version } from './tetsuzuki_api.js';

export { Catalog, Journey, Profile, Session, checkValue, recoverProfile, version };

let initialised;

/** Initialises the wasm core (once); resolves when the API can be used. Rejects with a
 *  `TetsuzukiError` whose `code` is `wasm-unsupported`, `wasm-fetch`, `wasm-type` or
 *  `wasm-invalid` and whose message tells the page's developer what to change; a later call
 *  tries again. */
export function ready() {
  initialised ??= loadCore(new URL('./tetsuzuki_api_bg.wasm', import.meta.url)).catch((e) => {
    initialised = undefined;
    throw e;
  });
  return initialised;
}

/** Fetches the core and instantiates it; each way it can fail is named with the fix. The same
 *  checks as tetsuzuki.js's (each entry module stands alone). */
async function loadCore(url) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw Object.assign(new Error('tetsuzuki needs WebAssembly, which this browser does not offer or has turned off '
      + '(e.g. by policy, or iOS Lockdown Mode): a current Chrome, Edge, Firefox or Safari with WebAssembly enabled.'),
    { name: 'TetsuzukiError', code: 'wasm-unsupported' });
  }
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw Object.assign(new Error(`the core ${url} could not be fetched (${e?.message || e}): serve the package's `
      + '.wasm files next to its .js files, from the same origin or with CORS.'), { name: 'TetsuzukiError', code: 'wasm-fetch' });
  }
  if (!response.ok) {
    throw Object.assign(new Error(`the core ${url} could not be fetched (HTTP ${response.status}): serve the package's `
      + '.wasm files next to the .js file that imports them (a bundler must copy them there).'),
    { name: 'TetsuzukiError', code: 'wasm-fetch' });
  }
  const type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/wasm') {
    throw Object.assign(new Error(`the core ${url} was served as ${type ? `"${type}"` : 'no type'}, not "application/wasm", `
      + 'so the browser cannot compile it as it downloads: serve .wasm files as application/wasm '
      + '(the Content-Type header; e.g. nginx: `types { application/wasm wasm; }`).'), { name: 'TetsuzukiError', code: 'wasm-type' });
  }
  try {
    await init({ module_or_path: response });
  } catch (e) {
    throw Object.assign(new Error(`the core ${url} is not the WebAssembly module this tetsuzuki-api.js expects (${e?.message || e}): `
      + 'serve the .wasm of the same build, and clear caches that may hold an older one.'), { name: 'TetsuzukiError', code: 'wasm-invalid' });
  }
}
