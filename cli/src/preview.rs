//! `tetsuzuki preview DIR... --town ID`: the town's catalogue, compiled from the definition
//! folders, served on 127.0.0.1 with the widget and the navigator, compiled again whenever a
//! definition file changes.
//!
//! - **Watching**: the definition files (found as `check` finds them) are polled every
//!   [`POLL`] for their modification time and size; any change (a file saved, added, removed)
//!   loads, checks and compiles everything again, as `compile` does. No watcher crate: none
//!   is in the workspace, and polling a hundred files costs well under a millisecond.
//! - **Errors**: while the definitions have errors, the last good catalogue is still served and
//!   the page shows the checker's diagnostics — the text `tetsuzuki check` prints, located at
//!   file:line:column with the fix — above the form, which says it is not the latest save.
//! - **The page** (`preview/page.*`, compiled in) follows `/state` by a long poll, so it hears of
//!   a change as soon as it is compiled, and mounts the widget again on the new catalogue
//!   (`catalog="/catalog.json?v=N"`: the widget mounts again when its catalogue changes, and
//!   keeps the journey on the device, so the author stays on their page). Beside the widget it
//!   lists every procedure and life event with its file, and every question with the file,
//!   line and column of its label (`places`).
//! - **Serving** (`http`): a tiny `std::net` server, GET only, on 127.0.0.1, answering only to
//!   that address (a page of another site cannot read the definitions by DNS rebinding), the
//!   widget's files from its folder and nothing outside it, the strict CSP of a town's page.
//!
//! The rules stay in the core: this module reads files, keeps the last good catalogue and moves
//! bytes.

mod http;
mod places;

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use serde_json::{Value, json};
use tetsuzuki::diagnostic::Severity;
use tetsuzuki::model::{Document, Lang};

use self::http::{Request, Response};
use crate::Loaded;
use crate::files;
use crate::output::{Failure, err, out};

/// How often the definition files are looked at.
const POLL: Duration = Duration::from_millis(200);

/// How long `/state?after=N` waits for a version other than N before answering the same one.
const LONG_POLL: Duration = Duration::from_secs(25);

/// Connections served at once (each long poll holds one); more are answered 503.
const MAX_CONNECTIONS: usize = 64;

/// The port used when none is given.
pub const DEFAULT_PORT: u16 = 8787;

/// The preview's page, its script and style.
const PAGE_HTML: &str = include_str!("preview/page.html");
const PAGE_JS: &str = include_str!("preview/page.js");
const PAGE_CSS: &str = include_str!("preview/page.css");

/// What `tetsuzuki preview` was asked for.
pub struct Options<'a> {
    pub paths: &'a [PathBuf],
    pub town: &'a str,
    pub port: u16,
    pub widget: Option<&'a Path>,
    pub lang: Lang,
}

/// Runs the preview until the process is stopped (Ctrl-C). Returns early only for a usage
/// error: a path that does not exist, an unknown town, no widget, a port in use.
pub fn run(options: Options<'_>) -> Result<ExitCode, Failure> {
    let roots = if options.paths.is_empty() { vec![PathBuf::from(".")] } else { options.paths.to_vec() };
    let widget = widget_folder(options.widget)?;
    let started = Instant::now();
    let loaded = crate::load(&roots)?;
    known_town(&loaded, options.town)?;
    let listener = TcpListener::bind(("127.0.0.1", options.port)).map_err(|e| {
        format!("cannot listen on 127.0.0.1:{}: {e}; give another port with --port (0 picks a free one)", options.port)
    })?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();

    let mut builder = Builder { roots, town: options.town.to_string(), lang: options.lang, version: 0, good: None };
    let mut seen = signature(&builder.roots);
    let first = builder.build(Ok(loaded), started);
    let shared = Arc::new(Shared {
        built: Mutex::new(first),
        changed: Condvar::new(),
        widget,
        port,
        connections: AtomicUsize::new(0),
    });
    let name = builder.good.as_ref().map_or_else(|| options.town.to_string(), |g| g.name.clone());
    out(&format!("preview of {name}: http://127.0.0.1:{port}/\n"))?;
    err(&format!(
        "serving the widget from {}; watching {} (every {} ms); Ctrl-C to stop\n",
        shared.widget.display(),
        builder.roots.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "),
        POLL.as_millis()
    ))?;

    let serving = Arc::clone(&shared);
    thread::Builder::new()
        .name("preview-http".into())
        .spawn(move || accept(&listener, &serving))
        .map_err(|e| format!("cannot start the server: {e}"))?;

    loop {
        thread::sleep(POLL);
        let now = signature(&builder.roots);
        if now == seen {
            continue;
        }
        seen = now;
        let started = Instant::now();
        let built = builder.build(crate::load(&builder.roots), started);
        *shared.lock() = built;
        shared.changed.notify_all();
    }
}

/// The folder of the widget's files (`tetsuzuki.js` and the rest of `dist/`): the one given,
/// else `dist/` or `node_modules/@tetsuzuki/widget/` here, else the `dist/` of the repository
/// this CLI was built in.
fn widget_folder(given: Option<&Path>) -> Result<PathBuf, String> {
    let built_here = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("dist");
    let tried: Vec<PathBuf> = match given {
        Some(folder) => vec![folder.to_path_buf()],
        None => vec![PathBuf::from("dist"), PathBuf::from("node_modules/@tetsuzuki/widget"), built_here],
    };
    if let Some(found) = tried.iter().find(|f| f.join("tetsuzuki.js").is_file()) {
        let folder = found.canonicalize().map_err(|e| format!("cannot read {}: {e}", found.display()))?;
        warn_if_other_version(&folder);
        return Ok(folder);
    }
    Err(format!(
        "the widget is missing: no tetsuzuki.js in {}. Build it in the tetsuzuki repository with `scripts/build-wasm` \
         (it writes dist/), or install it with `npm install @tetsuzuki/widget`, or give its folder with --widget DIR",
        tried.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    ))
}

/// Says so when the widget's package is not of this CLI's version: its catalogue format may
/// differ.
fn warn_if_other_version(folder: &Path) {
    let version = fs::read_to_string(folder.join("package.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        .and_then(|v| v.get("version").and_then(Value::as_str).map(str::to_string));
    if let Some(version) = version.filter(|v| v != env!("CARGO_PKG_VERSION")) {
        let _ = err(&format!(
            "warning: the widget in {} is version {version}, this CLI {}: if the page cannot load the catalogue, \
             build the widget again (scripts/build-wasm)\n",
            folder.display(),
            env!("CARGO_PKG_VERSION")
        ));
    }
}

/// Refuses a town the definitions do not have (with the closest id), when they can say so:
/// while they have errors, the town's own file may be the one that does not read, so the page
/// shows why instead.
fn known_town(loaded: &Loaded, town: &str) -> Result<(), String> {
    let towns: Vec<&str> = loaded
        .defs
        .typed()
        .filter_map(|(_, d)| match d {
            Document::Town(t) => Some(t.id.as_str()),
            _ => None,
        })
        .collect();
    if towns.contains(&town) || loaded.has_errors() {
        return Ok(());
    }
    if towns.is_empty() {
        return Err("no town in the definitions: preview shows a town's catalogue (give the towns' folder too)".into());
    }
    Err(match tetsuzuki::suggest::did_you_mean(town, towns.iter().copied()) {
        Some(best) => format!("there is no town `{town}`; did you mean `{best}`?"),
        None => format!("there is no town `{town}`; towns: {}", towns.join(", ")),
    })
}

/// What the definition files look like now: each file's path, modification time and size (and
/// the problems finding them). Two equal signatures: nothing to compile again.
fn signature(roots: &[PathBuf]) -> Vec<(String, Option<SystemTime>, u64)> {
    match files::find_definitions(roots) {
        Err(e) => vec![(e, None, 0)],
        Ok(found) => found
            .files
            .iter()
            .map(|f| {
                let meta = fs::metadata(f).ok();
                (f.display().to_string(), meta.as_ref().and_then(|m| m.modified().ok()), meta.map_or(0, |m| m.len()))
            })
            .chain(found.problems.iter().map(|p| (format!("{}: {}", p.file, p.message), None, 0)))
            .collect(),
    }
}

/// The last catalogue that compiled.
struct Good {
    /// The version it was built as.
    version: u64,
    /// The town's name and id (`大石田町 (oishida)`).
    name: String,
    /// Its canonical JSON.
    catalog: Arc<Vec<u8>>,
    /// Where each of its procedures, life events and questions is written (`places`).
    places: Value,
}

/// Builds versions: loads, checks and compiles, keeping the last good catalogue.
struct Builder {
    roots: Vec<PathBuf>,
    town: String,
    lang: Lang,
    /// The last version built.
    version: u64,
    good: Option<Good>,
}

/// A version as served: the last good catalogue and the state the page reads.
struct Built {
    version: u64,
    catalog: Option<Arc<Vec<u8>>>,
    /// `/state`'s JSON.
    state: Arc<Vec<u8>>,
}

impl Builder {
    /// The next version from what `load` gave (started at `started`), said on standard error.
    fn build(&mut self, loaded: Result<Loaded, String>, started: Instant) -> Built {
        self.version += 1;
        let version = self.version;
        let mut summary = String::new();
        let (mut errors, mut warnings) = (0, 0);
        let mut compiled = None;
        let diagnostics = match loaded {
            Err(message) => {
                errors = 1;
                format!("error: {message}\n")
            }
            Ok(loaded) => {
                let mut diagnostics = loaded.render_in(self.lang);
                summary = loaded.tally();
                for l in loaded.located(self.lang) {
                    match l.severity {
                        Severity::Error => errors += 1,
                        Severity::Warning => warnings += 1,
                    }
                }
                if errors == 0 {
                    match tetsuzuki::compile::compile(loaded.defs.typed().map(|(_, d)| d), &self.town) {
                        Ok(catalog) => {
                            let places = places::places(&loaded.defs, &catalog, &self.town);
                            let s = catalog.summary();
                            compiled = Some(format!(
                                "{} procedures, {} life events, {} fields",
                                s.procedures, s.life_events, s.fields
                            ));
                            self.good = Some(Good {
                                version,
                                name: format!("{} ({})", s.town_name, s.town_id),
                                catalog: Arc::new(catalog.to_json().into_bytes()),
                                places,
                            });
                        }
                        Err(e) => {
                            diagnostics.push_str(&format!("error: {e}\n"));
                            errors = 1;
                        }
                    }
                }
                diagnostics
            }
        };
        let ms = started.elapsed().as_millis() as u64;
        let good = self.good.as_ref();
        let ok = compiled.is_some();
        let state = json!({
            "version": version,
            "ok": ok,
            "town": good.map_or_else(|| json!({"id": self.town}), |g| g.places["town"].clone()),
            "catalog": good.map(|g| g.version),
            "compiled": compiled,
            "diagnostics": diagnostics,
            "summary": summary,
            "errors": errors,
            "warnings": warnings,
            "ms": ms,
            "where": good.map(|g| &g.places),
        });
        let said = if ok {
            format!("[preview] version {version}: compiled in {ms} ms ({summary})\n")
        } else {
            format!(
                "{diagnostics}{summary}{}[preview] version {version}: not compiled; {}\n",
                if summary.is_empty() { "" } else { "\n" },
                match good {
                    Some(g) => format!("still serving version {}", g.version),
                    None => "nothing to serve until the errors are fixed".to_string(),
                }
            )
        };
        // Warnings are said as `check` says them, after the line.
        let warned = if ok && warnings > 0 { diagnostics.as_str() } else { "" };
        let _ = err(&format!("{said}{warned}"));
        Built {
            version,
            catalog: good.map(|g| Arc::clone(&g.catalog)),
            state: Arc::new(serde_json::to_vec(&state).unwrap_or_default()),
        }
    }
}

/// What the server threads share.
struct Shared {
    built: Mutex<Built>,
    /// Notified when a new version is built.
    changed: Condvar,
    /// The widget's folder, canonical.
    widget: PathBuf,
    /// The port listened on (requests must name it).
    port: u16,
    /// Connections being served.
    connections: AtomicUsize,
}

impl Shared {
    /// The built version (a panicked thread leaves it as it was: still served).
    fn lock(&self) -> MutexGuard<'_, Built> {
        self.built.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Accepts connections, each served on a thread of its own (long polls wait).
fn accept(listener: &TcpListener, shared: &Arc<Shared>) {
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if shared.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
            http::write_response(&mut stream, &Response::error(503, "too many connections"));
            continue;
        }
        let serving = Arc::clone(shared);
        let spawned = thread::Builder::new().spawn(move || {
            serve(&serving, stream);
            serving.connections.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Serves one connection: one request, one response.
fn serve(shared: &Shared, mut stream: TcpStream) {
    let response = match http::read_request(&mut stream) {
        Ok(request) => answer(shared, &request),
        Err(response) => response,
    };
    http::write_response(&mut stream, &response);
}

/// The response to `request`.
fn answer(shared: &Shared, request: &Request) -> Response {
    if request.method != "GET" {
        return Response::error(405, "the preview answers GET only");
    }
    let port = shared.port;
    if request.host != format!("127.0.0.1:{port}") && request.host != format!("localhost:{port}") {
        return Response::error(403, &format!("the preview answers only at http://127.0.0.1:{port}/"));
    }
    match request.path.as_str() {
        "/" | "/index.html" => Response::ok("text/html; charset=utf-8", PAGE_HTML),
        "/preview.js" => Response::ok("text/javascript; charset=utf-8", PAGE_JS),
        "/preview.css" => Response::ok("text/css; charset=utf-8", PAGE_CSS),
        "/favicon.ico" => Response { status: 204, content_type: "image/x-icon", body: Vec::new() },
        "/catalog.json" => match shared.lock().catalog.clone() {
            Some(catalog) => Response::ok("application/json; charset=utf-8", catalog.as_slice()),
            None => Response::error(404, "no catalogue yet: the definitions have errors (see the page)"),
        },
        "/state" => Response::ok("application/json; charset=utf-8", state(shared, request).as_slice()),
        path => match path.strip_prefix("/dist/").and_then(|rest| http::file_inside(&shared.widget, rest)) {
            Some(file) => match fs::read(&file) {
                Ok(body) => Response::ok(http::content_type(&file), body),
                Err(_) => Response::error(404, "not found"),
            },
            None => Response::error(404, "not found"),
        },
    }
}

/// `/state`, at once, or with `?after=N` when the version is not N (or after [`LONG_POLL`]).
fn state(shared: &Shared, request: &Request) -> Arc<Vec<u8>> {
    let built = shared.lock();
    let built = match request.param("after").and_then(|v| v.parse::<u64>().ok()) {
        Some(after) => {
            shared
                .changed
                .wait_timeout_while(built, LONG_POLL, |b| b.version == after)
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .0
        }
        None => built,
    };
    Arc::clone(&built.state)
}
