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

// Outside a browser (server-side rendering, a test runner without a DOM) the elements cannot be
// defined: say so, rather than fail on `HTMLElement is not defined`.
if (typeof customElements === 'undefined' || typeof HTMLElement === 'undefined') {
  throw new Error('@tetsuzuki/widget needs a browser: custom elements (customElements, HTMLElement), '
    + 'ES modules and WebAssembly. Import it in code that runs in the browser only (not during server-side rendering).');
}

let initialised;
let coreLoaded = false;

/** Initialises the wasm core (once); resolves when it is loaded (the elements do it themselves).
 *  Rejects with an `Error` whose `code` is `wasm-unsupported`, `wasm-fetch`, `wasm-type` or
 *  `wasm-invalid` and whose message tells the page's developer what to change; a later call
 *  tries again. */
export function ready() {
  initialised ??= loadCore(new URL('./tetsuzuki_widget_bg.wasm', import.meta.url)).then(() => {
    coreLoaded = true;
    mark('wasm-ready');
  }, (e) => {
    initialised = undefined;
    throw e;
  });
  return initialised;
}

/** Fetches the core and instantiates it; each way it can fail is named with the fix. The same
 *  checks as tetsuzuki-api.js's (each entry module stands alone). */
async function loadCore(url) {
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    throw Object.assign(new Error('tetsuzuki needs WebAssembly, which this browser does not offer or has turned off '
      + '(e.g. by policy, or iOS Lockdown Mode): a current Chrome, Edge, Firefox or Safari with WebAssembly enabled.'),
    { code: 'wasm-unsupported' });
  }
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (e) {
    throw Object.assign(new Error(`the core ${url} could not be fetched (${e?.message || e}): serve the package's `
      + '.wasm files next to its .js files, from the same origin or with CORS.'), { code: 'wasm-fetch' });
  }
  if (!response.ok) {
    throw Object.assign(new Error(`the core ${url} could not be fetched (HTTP ${response.status}): serve the package's `
      + '.wasm files next to the .js file that imports them (a bundler must copy them there).'), { code: 'wasm-fetch' });
  }
  const type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/wasm') {
    throw Object.assign(new Error(`the core ${url} was served as ${type ? `"${type}"` : 'no type'}, not "application/wasm", `
      + 'so the browser cannot compile it as it downloads: serve .wasm files as application/wasm '
      + '(the Content-Type header; e.g. nginx: `types { application/wasm wasm; }`).'), { code: 'wasm-type' });
  }
  try {
    await init({ module_or_path: response });
  } catch (e) {
    throw Object.assign(new Error(`the core ${url} is not the WebAssembly module this tetsuzuki.js expects (${e?.message || e}): `
      + 'serve the .wasm of the same build, and clear caches that may hold an older one.'), { code: 'wasm-invalid' });
  }
}

/** A User Timing mark (`tetsuzuki:NAME`) for the host's performance tools; never personal data. */
function mark(name) {
  globalThis.performance?.mark?.(`tetsuzuki:${name}`);
}

const catalogs = new Map();

function loadCatalog(url) {
  const href = new URL(url, document.baseURI).href;
  if (!catalogs.has(href)) {
    const fetched = fetch(href, { credentials: 'same-origin' }).catch((e) => {
      throw Object.assign(new Error(`the catalogue ${href} could not be fetched (${e?.message || e})`), { code: 'catalog-fetch' });
    });
    const loading = Promise.all([fetched, ready()]).then(async ([response]) => {
      if (!response.ok) {
        throw Object.assign(new Error(`the catalogue ${href} could not be fetched (HTTP ${response.status})`), { code: 'catalog-fetch' });
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
  #camera = null;
  #onScan = (e) => {
    const button = e.target.closest?.('button.tz-handoff-scan');
    if (button) this.#scan(button);
  };
  #onPageHide = () => this.#widget?.pageHidden();

  connectedCallback() {
    addEventListener('pagehide', this.#onPageHide);
    if (!this.#widget && !this.#mounting) this.#mount();
  }

  disconnectedCallback() {
    removeEventListener('pagehide', this.#onPageHide);
    this.#stopCamera();
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

  /** At the counter: scans a resident's QR code with the camera and the browser's barcode
   *  detector (the button is drawn only where `BarcodeDetector` exists), then opens it as if a
   *  handheld scanner had typed it. The words are the button's (the message catalogue's). */
  async #scan(button) {
    if (this.#camera) return this.#stopCamera();
    const box = button.closest('details');
    const video = document.createElement('video');
    video.className = 'tz-camera';
    video.muted = true;
    video.playsInline = true;
    const camera = { video, stream: null, timer: 0 };
    this.#camera = camera;
    button.textContent = button.dataset.stop;
    button.setAttribute('aria-pressed', 'true');
    box.querySelector('.tz-camera-failed')?.remove();
    try {
      camera.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      if (this.#camera !== camera) return camera.stream.getTracks().forEach((t) => t.stop());
      video.srcObject = camera.stream;
      button.parentElement.after(video);
      await video.play();
      const detector = new BarcodeDetector({ formats: ['qr_code'] });
      const look = async () => {
        if (this.#camera !== camera) return;
        // The widget drew its page again (the box is gone): stop rather than scan nothing.
        if (!video.isConnected) return this.#stopCamera();
        const found = (await detector.detect(video).catch(() => []))[0];
        if (found?.rawValue) {
          this.#stopCamera();
          box.querySelector('textarea.tz-handoff-code').value = found.rawValue;
          box.querySelector('button.tz-handoff-open').click();
        } else {
          camera.timer = setTimeout(look, 250);
        }
      };
      look();
    } catch {
      this.#stopCamera();
      const failed = document.createElement('p');
      failed.className = 'tz-camera-failed tz-hint';
      failed.setAttribute('role', 'alert');
      failed.textContent = button.dataset.failed;
      button.parentElement.after(failed);
    }
  }

  #stopCamera() {
    const camera = this.#camera;
    this.#camera = null;
    if (!camera) return;
    clearTimeout(camera.timer);
    camera.stream?.getTracks().forEach((t) => t.stop());
    camera.video.remove();
    const button = this.shadowRoot?.querySelector('button.tz-handoff-scan');
    if (button) {
      button.textContent = button.dataset.start;
      button.setAttribute('aria-pressed', 'false');
    }
  }

  /** The host fulfilled the step request `id` (from `tetsuzuki-request`) with its reference. */
  fulfilStep(id, reference) {
    this.#widget?.fulfilStep(String(id), String(reference));
  }

  /** The host could not fulfil the step request `id`: `reason` says why (`cancelled`, `declined`…). */
  failStep(id, reason) {
    this.#widget?.failStep(String(id), String(reason));
  }

  /** The booking system's times for the step request `id`: `[{id, start, minutes, place}]`. */
  offerSlots(id, slots) {
    this.#widget?.offerSlots(String(id), slots);
  }

  async #mount() {
    this.#mounting = true;
    try {
      const catalog = await loadCatalog(this.getAttribute('catalog') || 'catalog.json');
      if (this.isConnected) {
        this.#widget = Widget.mount(this, catalog, this.options());
        this.shadowRoot?.addEventListener('click', this.#onScan);
        mark('interactive');
      }
    } catch (e) {
      if (coreLoaded) renderLoadFailure(this, this.#lang());
      else this.#renderWithoutCore();
      const detail = { code: e?.code || 'internal', message: String(e?.message || e) };
      this.dispatchEvent(new CustomEvent('tetsuzuki-error', { bubbles: true, composed: true, detail }));
    } finally {
      this.#mounting = false;
    }
  }

  /** What the resident reads when the core itself could not be loaded: the message catalogue
   *  (`ui-load-failed` in core/messages/) is inside the core, so the shell keeps this copy of its
   *  three texts (tests/browser/install-errors.test.mjs checks they agree). Otherwise the core
   *  draws the failure in the catalogue's words (renderLoadFailure). */
  #renderWithoutCore() {
    const tag = this.#lang().toLowerCase();
    const lang = tag.startsWith('ja-easy') ? 'ja-easy' : tag.startsWith('en') ? 'en' : 'ja';
    const text = {
      ja: '読み込めませんでした。時間をおいて、もう一度お試しください。',
      en: 'This could not be loaded. Try again later.',
      'ja-easy': 'よみこめませんでした。すこし まってから、もう いちど ためしてください。',
    }[lang];
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const box = document.createElement('div');
    box.className = 'tz';
    box.setAttribute('part', 'root');
    box.setAttribute('lang', lang);
    const p = document.createElement('p');
    p.className = 'tz-notice';
    p.setAttribute('role', 'alert');
    p.textContent = text;
    box.append(p);
    root.replaceChildren(box);
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
