// scripts/bench-widget.mjs: "script start" is this classic script, before the widget module
// is fetched; "interactive" is the tetsuzuki-ready event.
window.__t0 = performance.now();
addEventListener('tetsuzuki-ready', () => { window.__ready = performance.now(); });
