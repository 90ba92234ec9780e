//! `tetsuzuki preview` without a browser: bad arguments are refused with what to do, and the
//! server, over plain HTTP, serves the town's catalogue under the strict CSP, the widget's files
//! from their folder only, compiles again on a save, and keeps the last good catalogue beside
//! the diagnostics while the definitions have errors. (In Chromium: tests/browser/preview.test.mjs.)

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn tetsuzuki(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tetsuzuki")).args(args).current_dir(root()).output().expect("runs")
}

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let p = entry.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() { copy(&p, &target) } else { std::fs::copy(&p, &target).map(|_| ()).unwrap() }
    }
}

/// A scratch folder with the sample model and towns, and a stand-in widget folder.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tetsuzuki-preview-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy(&root().join("fixtures/model"), &dir.join("model"));
    copy(&root().join("fixtures/towns"), &dir.join("towns"));
    std::fs::create_dir_all(dir.join("widget")).unwrap();
    std::fs::write(dir.join("widget/tetsuzuki.js"), "export {};\n").unwrap();
    std::fs::write(dir.join("widget/tetsuzuki_widget_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(dir.join("secret.txt"), "not to be served").unwrap();
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn an_unknown_town_is_refused_with_the_closest_id() {
    let dir = scratch("town");
    let widget = dir.join("widget");
    let out = tetsuzuki(&[
        "preview",
        "fixtures/model",
        "fixtures/towns",
        "--town",
        "oishid",
        "--port",
        "0",
        "--widget",
        widget.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("error: there is no town `oishid`; did you mean `oishida`?"), "{}", stderr(&out));
    let out = tetsuzuki(&["preview", "fixtures/model", "--town", "oishida", "--widget", widget.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no town in the definitions"), "{}", stderr(&out));
    // --town is required, as for compile.
    let out = tetsuzuki(&["preview", "fixtures/model", "fixtures/towns"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--town"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_widget_or_path_says_what_to_do() {
    let out =
        tetsuzuki(&["preview", "fixtures/model", "fixtures/towns", "--town", "oishida", "--widget", "no/such/dist"]);
    assert_eq!(out.status.code(), Some(2));
    let text = stderr(&out);
    assert!(text.contains("the widget is missing: no tetsuzuki.js in no/such/dist"), "{text}");
    assert!(text.contains("`scripts/build-wasm`"), "{text}");
    let out = tetsuzuki(&["preview", "no/such/folder", "--town", "oishida", "--widget", "dist"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_port_in_use_is_refused() {
    let dir = scratch("port");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let widget = dir.join("widget");
    let out = tetsuzuki(&[
        "preview",
        "fixtures/model",
        "fixtures/towns",
        "--town",
        "oishida",
        "--port",
        &port,
        "--widget",
        widget.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("cannot listen on 127.0.0.1:{port}")), "{}", stderr(&out));
    assert!(stderr(&out).contains("--port"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).ok();
}

/// A preview running on a free port, stopped when dropped.
struct Preview {
    child: Child,
    port: u16,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Preview {
    fn start(dir: &Path) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tetsuzuki"))
            .args(["preview", "model", "towns", "--town", "oishida", "--port", "0", "--widget", "widget"])
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        assert!(line.starts_with("preview of 大石田町 (oishida): http://127.0.0.1:"), "{line}");
        let port = line.trim().trim_end_matches('/').rsplit(':').next().unwrap().parse().unwrap();
        Preview { child, port }
    }

    /// Sends a raw request; the status, the head and the body.
    fn raw(&self, request: &str) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("a head");
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, head, bytes[split + 4..].to_vec())
    }

    fn get(&self, path: &str) -> (u16, String, Vec<u8>) {
        self.raw(&format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n", self.port))
    }

    fn state(&self, after: u64) -> serde_json::Value {
        let (status, _, body) = self.get(&format!("/state?after={after}"));
        assert_eq!(status, 200);
        serde_json::from_slice(&body).unwrap()
    }
}

#[test]
fn the_preview_serves_compiles_again_and_keeps_the_last_good_catalogue() {
    let dir = scratch("serve");
    let preview = Preview::start(&dir);

    let (status, head, body) = preview.get("/");
    assert_eq!(status, 200);
    assert!(
        head.contains(
            "content-security-policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
        ),
        "{head}"
    );
    assert!(head.contains("content-type: text/html; charset=utf-8"), "{head}");
    assert!(String::from_utf8_lossy(&body).contains("<script type=\"module\" src=\"/dist/tetsuzuki.js\">"));
    let (status, head, _) = preview.get("/dist/tetsuzuki_widget_bg.wasm");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/wasm"), "{head}");
    for path in
        ["/dist/../secret.txt", "/dist/%2e%2e/secret.txt", "/dist/", "/secret.txt", "/dist/.hidden", "/../secret.txt"]
    {
        assert_eq!(preview.get(path).0, 404, "{path}");
    }
    assert_eq!(preview.raw("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-length: 0\r\n\r\n").0, 405);
    let (status, _, _) = preview.raw("GET / HTTP/1.1\r\nHost: rebound.example:80\r\n\r\n");
    assert_eq!(status, 403, "a page of another site must not read the definitions");
    assert_eq!(preview.raw("nonsense\r\n\r\n").0, 400);

    // The catalogue, and where its questions are written.
    let (status, head, body) = preview.get("/catalog.json?v=1");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/json"), "{head}");
    let catalog: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(catalog["town"]["id"], "oishida");
    let first = preview.state(0);
    assert_eq!(
        (first["version"].as_u64(), first["ok"].as_bool(), first["catalog"].as_u64()),
        (Some(1), Some(true), Some(1))
    );
    let tennyu = first["where"]["procedures"].as_array().unwrap().iter().find(|p| p["id"] == "tennyu").unwrap().clone();
    let move_date = &tennyu["pages"][0]["fields"][0];
    assert_eq!(move_date["id"], "move_date");
    let file = Path::new("model").join("procedures").join("tennyu.yaml");
    let text = std::fs::read_to_string(dir.join(&file)).unwrap();
    let label_line = text.lines().position(|l| l.contains("label: {ja: 転入した日")).unwrap() + 1;
    assert_eq!(move_date["label_at"], format!("{}:{label_line}:11", file.display()));
    // A label taken from the concept is found in the vocabulary.
    let family = tennyu["pages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["fields"].as_array().unwrap())
        .find(|f| f["id"] == "family_name")
        .unwrap();
    assert!(family["label_at"].as_str().unwrap().starts_with("model/vocabulary/person.yaml:"), "{family}");

    // A save: the long poll answers with the new version.
    let saved = Instant::now();
    std::fs::write(dir.join(&file), text.replace("ja: 転入した日,", "ja: 転入した日（変更）,")).unwrap();
    let second = preview.state(1);
    let took = saved.elapsed();
    assert_eq!(
        (second["version"].as_u64(), second["ok"].as_bool(), second["catalog"].as_u64()),
        (Some(2), Some(true), Some(2))
    );
    assert!(took < Duration::from_secs(5), "compiled {took:?} after the save");
    assert!(String::from_utf8_lossy(&preview.get("/catalog.json").2).contains("転入した日（変更）"));

    // Broken: the diagnostics as `check` prints them, the last good catalogue still served.
    let broken = text.replace("ja: 転入した日,", "ja: 転入した日（変更）,").replacen(
        "concept: move.date\n",
        "concept: move.dat\n",
        1,
    );
    std::fs::write(dir.join(&file), &broken).unwrap();
    let third = preview.state(2);
    assert_eq!((third["ok"].as_bool(), third["catalog"].as_u64()), (Some(false), Some(2)));
    let line = broken.lines().position(|l| l.ends_with("concept: move.dat")).unwrap() + 1;
    let diagnostics = third["diagnostics"].as_str().unwrap();
    assert!(diagnostics.contains(&format!("--> {}:{line}:20", file.display())), "{diagnostics}");
    assert!(diagnostics.contains("help: did you mean `move.date`?"), "{diagnostics}");
    let check = Command::new(env!("CARGO_BIN_EXE_tetsuzuki"))
        .args(["check", "model", "towns"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(diagnostics, String::from_utf8_lossy(&check.stdout), "the same text as `check`");
    assert_eq!(third["summary"], String::from_utf8_lossy(&check.stderr).trim_end());
    assert!(third["errors"].as_u64().unwrap() >= 1);
    assert!(String::from_utf8_lossy(&preview.get("/catalog.json").2).contains("転入した日（変更）"));

    // Fixed: compiled again, and no diagnostics.
    std::fs::write(dir.join(&file), &text).unwrap();
    let fourth = preview.state(3);
    assert_eq!(
        (fourth["ok"].as_bool(), fourth["catalog"].as_u64(), fourth["diagnostics"].as_str()),
        (Some(true), Some(4), Some(""))
    );
    assert_eq!(preview.state(u64::MAX)["version"], 4, "a version not yet built is answered at once");
    drop(preview);
    std::fs::remove_dir_all(&dir).ok();
}
