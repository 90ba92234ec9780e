// tetsuzuki — the web widget's entry module: the thin shell around the wasm core.
//
//   <script type="module" src="/tetsuzuki/tetsuzuki.js"></script>
//   <tetsuzuki-navigator catalog="/catalog.json" lang="ja"></tetsuzuki-navigator>
//   <tetsuzuki-form catalog="/catalog.json" procedures="tennyu kokuho-kanyu" lang="ja"></tetsuzuki-form>
//
// It registers the two custom elements, fetches each catalogue once, and hands the element to
// the wasm core, which renders into the element's shadow root and keeps every rule, message
// and state. Hosts that render their own pages use the JS API instead (tetsuzuki-api.js,
// docs/HOST-API.md), a separate build so that neither pays for the other.
import init, { Catalog, Widget, renderLoadFailure } from './tetsuzuki_widget.js';

let initialised;

/** Initialises the wasm core (once); resolves when it is loaded (the elements do it themselves). */
export function ready() {
  initialised ??= init({ module_or_path: new URL('./tetsuzuki_widget_bg.wasm', import.meta.url) })
    .then(() => mark('wasm-ready'));
  return initialised.then(() => undefined);
}

/** A User Timing mark (`tetsuzuki:NAME`) for the host's performance tools; never personal data. */
function mark(name) {
  globalThis.performance?.mark?.(`tetsuzuki:${name}`);
}

const catalogs = new Map();

function loadCatalog(url) {
  const href = new URL(url, document.baseURI).href;
  if (!catalogs.has(href)) {
    const loading = Promise.all([fetch(href, { credentials: 'same-origin' }), ready()]).then(async ([response]) => {
      if (!response.ok) {
        throw Object.assign(new Error(`the catalogue could not be fetched (HTTP ${response.status})`), { code: 'catalog-fetch' });
      }
      const text = await response.text();
      mark('catalog-fetched');
      const catalog = Catalog.load(text);
      mark('catalog-loaded');
      return catalog;
    });
    loading.catch(() => catalogs.delete(href));
    catalogs.set(href, loading);
  }
  return catalogs.get(href);
}

/** Attributes that choose what is mounted: changing one after mounting mounts again (the
 *  journey is saved on the device first, so nothing typed is lost). */
const MOUNTED_BY = ['catalog', 'procedures', 'event', 'today', 'mode', 'counter', 'storage'];

class TetsuzukiElement extends HTMLElement {
  static observedAttributes = ['lang', ...MOUNTED_BY];
  #widget = null;
  #mounting = false;
  #onPageHide = () => this.#widget?.pageHidden();

  connectedCallback() {
    addEventListener('pagehide', this.#onPageHide);
    if (!this.#widget && !this.#mounting) this.#mount();
  }

  disconnectedCallback() {
    removeEventListener('pagehide', this.#onPageHide);
    if (this.#widget) {
      this.#widget.unmount();
      this.#widget.free();
      this.#widget = null;
    }
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#widget || old === value) return;
    if (name === 'lang') {
      this.#widget.setLang(this.#lang());
    } else {
      this.#widget.unmount();
      this.#widget.free();
      this.#widget = null;
      if (this.isConnected && !this.#mounting) this.#mount();
    }
  }

  /** The element's language, or the page's (HTML's inheritance of `lang`): core negotiates it
   *  (BCP 47 with fallback, `en-US` → `en`; a language not offered is named in the console). */
  #lang() {
    return this.closest('[lang]')?.getAttribute('lang') || 'ja';
  }

  /** The reference the town's system gave a submitted procedure (shown after submit). */
  setReference(procedure, reference) {
    this.#widget?.setReference(String(procedure), String(reference));
  }

  async #mount() {
    this.#mounting = true;
    try {
      const catalog = await loadCatalog(this.getAttribute('catalog') || 'catalog.json');
      if (this.isConnected) {
        this.#widget = Widget.mount(this, catalog, this.options());
        mark('interactive');
      }
    } catch (e) {
      renderLoadFailure(this, this.#lang());
      const detail = { code: e?.code || 'internal', message: String(e?.message || e) };
      this.dispatchEvent(new CustomEvent('tetsuzuki-error', { bubbles: true, composed: true, detail }));
    } finally {
      this.#mounting = false;
    }
  }

  options() {
    return {
      lang: this.#lang(),
      today: this.getAttribute('today') || undefined,
      mode: this.getAttribute('mode') || 'pages',
      counter: this.hasAttribute('counter'),
      storage: this.getAttribute('storage') !== 'none',
    };
  }
}

class TetsuzukiNavigator extends TetsuzukiElement {
  options() {
    return { ...super.options(), kind: 'navigator', event: this.getAttribute('event') || undefined };
  }
}

class TetsuzukiForm extends TetsuzukiElement {
  options() {
    const procedures = (this.getAttribute('procedures') || '').split(/\s+/).filter(Boolean);
    return { ...super.options(), kind: 'form', procedures };
  }
}

if (!customElements.get('tetsuzuki-navigator')) customElements.define('tetsuzuki-navigator', TetsuzukiNavigator);
if (!customElements.get('tetsuzuki-form')) customElements.define('tetsuzuki-form', TetsuzukiForm);
