// tetsuzuki — the JS API (docs/HOST-API.md) for hosts that render their own pages: Catalog,
// Session, Profile, Journey and checkValue over the same wasm core as the widget, built on its
// own so that a page embedding only the widget (tetsuzuki.js) does not download it.
//
//   import { ready, Catalog } from '/tetsuzuki/tetsuzuki-api.js';
//   await ready();
//   const catalog = Catalog.load(await (await fetch('/catalog.json')).text());
import init, { Catalog, Journey, Profile, Session, checkValue, recoverProfile } from './tetsuzuki_api.js';

export { Catalog, Journey, Profile, Session, checkValue, recoverProfile };

let initialised;

/** Initialises the wasm core (once); resolves when the API can be used. */
export function ready() {
  initialised ??= init({ module_or_path: new URL('./tetsuzuki_api_bg.wasm', import.meta.url) });
  return initialised.then(() => undefined);
}
