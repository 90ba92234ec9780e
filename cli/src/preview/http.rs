//! The preview's tiny HTTP/1.1 server on `std::net`: GET only, one request per connection,
//! answers only to the address it listens on (127.0.0.1), every response under the strict
//! Content-Security-Policy a town's page uses (docs/WIDGET.md §5).
//!
//! It serves three kinds of thing, chosen by [`super::Server::answer`]: the page's own files
//! (compiled into the CLI), the widget's files (a folder, read within it: no `..`, no hidden
//! names, no link leading out) and what the watcher built (the catalogue, the state).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The policy every response carries: no inline script or style, no eval, wasm allowed. The
/// same as the sample portal's (scripts/serve.mjs), so what works here works on a town's site.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/// Largest request head read (the request line and headers).
const HEAD_LIMIT: usize = 16 * 1024;

/// How long a client may take to send its request, or to read the answer.
const IO_TIMEOUT: Duration = Duration::from_secs(10);

/// A request: its method, path (without the query) and query.
pub struct Request {
    pub method: String,
    pub path: String,
    pub query: String,
    /// The `Host` header, as sent.
    pub host: String,
}

impl Request {
    /// The value of `name` in the query (`after=3`), if given.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query.split('&').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
    }
}

/// An answer: status, content type and body.
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Response {
    /// `200 OK` with this body.
    pub fn ok(content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response { status: 200, content_type, body: body.into() }
    }

    /// An error status with a short text.
    pub fn error(status: u16, text: &str) -> Response {
        Response { status, content_type: "text/plain; charset=utf-8", body: format!("{text}\n").into_bytes() }
    }
}

/// Reads one request from `stream`, or the response to give instead (a bad request).
pub fn read_request(stream: &mut TcpStream) -> Result<Request, Response> {
    let _ = stream.set_read_timeout(Some(IO_TIMEOUT));
    let _ = stream.set_write_timeout(Some(IO_TIMEOUT));
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > HEAD_LIMIT {
            return Err(Response::error(431, "request header too large"));
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return Err(Response::error(400, "incomplete request")),
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut lines = head.split("\r\n");
    let mut parts = lines.next().unwrap_or("").split(' ');
    let (method, target) = match (parts.next(), parts.next(), parts.next()) {
        (Some(m), Some(t), Some(v)) if v.starts_with("HTTP/1.") => (m.to_string(), t),
        _ => return Err(Response::error(400, "bad request line")),
    };
    let host = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("host"))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    Ok(Request { method, path: path.to_string(), query: query.to_string(), host })
}

/// Writes `response` and closes the connection. Write errors (the page went away) are ignored.
pub fn write_response(stream: &mut TcpStream, response: &Response) {
    let reason = match response.status {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Error",
    };
    let head = format!(
        "HTTP/1.1 {} {reason}\r\ncontent-type: {}\r\ncontent-length: {}\r\ncontent-security-policy: {CSP}\r\n\
         x-content-type-options: nosniff\r\nreferrer-policy: no-referrer\r\ncache-control: no-store\r\n\
         {}connection: close\r\n\r\n",
        response.status,
        response.content_type,
        response.body.len(),
        if response.status == 405 { "allow: GET\r\n" } else { "" },
    );
    let _ =
        stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(&response.body)).and_then(|()| stream.flush());
}

/// The content type of a file by its name, `application/wasm` for the widget's core.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("md" | "ts" | "txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

/// The file at `rest` (the part of the path after the mount's prefix) inside `folder`, or
/// `None` when the path could leave it: every segment must be a plain name (no `..`, `.`,
/// hidden name, backslash, NUL or percent-escape), and the file found, links resolved, must be
/// a regular file inside the folder.
pub fn file_inside(folder: &Path, rest: &str) -> Option<PathBuf> {
    let mut file = folder.to_path_buf();
    for segment in rest.split('/') {
        let plain = !segment.is_empty()
            && !segment.starts_with('.')
            && !segment.contains(['\\', '\0', '%', ':'])
            && !segment.chars().any(char::is_control);
        if !plain {
            return None;
        }
        file.push(segment);
    }
    let canonical = file.canonicalize().ok()?;
    let inside = folder.canonicalize().ok()?;
    (canonical.starts_with(&inside) && canonical.is_file()).then_some(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_never_leaves_its_folder() {
        let dir = std::env::temp_dir().join(format!("tetsuzuki-preview-http-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("inner")).unwrap();
        std::fs::write(dir.join("a.js"), "x").unwrap();
        std::fs::write(dir.join("inner/b.wasm"), "x").unwrap();
        std::fs::write(dir.join(".hidden"), "x").unwrap();
        assert!(file_inside(&dir, "a.js").is_some());
        assert!(file_inside(&dir, "inner/b.wasm").is_some());
        for bad in
            ["", "inner", "../a.js", "inner/../a.js", ".hidden", "%2e%2e/a.js", "a.js/", "inner//b.wasm", "..\\a.js"]
        {
            assert_eq!(file_inside(&dir, bad), None, "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/etc/passwd", dir.join("out.js")).unwrap();
            assert_eq!(file_inside(&dir, "out.js"), None, "a link leading out of the folder");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn types_are_right_for_the_widget() {
        assert_eq!(content_type(Path::new("x/tetsuzuki_widget_bg.wasm")), "application/wasm");
        assert_eq!(content_type(Path::new("tetsuzuki.js")), "text/javascript; charset=utf-8");
        assert_eq!(content_type(Path::new("README")), "application/octet-stream");
    }

    #[test]
    fn query_parameters_are_found_by_name() {
        let r =
            Request { method: "GET".into(), path: "/state".into(), query: "x=1&after=12".into(), host: String::new() };
        assert_eq!(r.param("after"), Some("12"));
        assert_eq!(r.param("aft"), None);
        assert_eq!(r.param("y"), None);
    }
}
