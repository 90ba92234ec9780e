//! QR codes as every target draws them: the dark modules as one SVG path (no raster, no
//! network), in a standalone SVG for hosts that save or print it.
//!
//! Text made of QR codes' alphanumeric characters (a handoff's base45) is encoded in
//! alphanumeric mode; error correction is level M (15 %), enough for a phone's screen held
//! to a scanner, or a printout with a crease.

use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};
use serde::Serialize;

/// The modules of light margin each side (the standard's quiet zone).
const QUIET: usize = 4;

/// A QR code, ready to draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QrView {
    /// Its width and height in modules, the quiet zone included: the SVG's view box.
    pub size: usize,
    /// The dark modules as SVG path data in module units (`M4 4h7v1h-7z…`).
    pub path: String,
    /// A standalone SVG of it (black on white, `shape-rendering="crispEdges"`), titled.
    pub svg: String,
}

/// The QR code of `text`, titled `label` (what a screen reader says); `None` when the text
/// does not fit the largest QR code.
pub fn qr_code(text: &str, label: &str) -> Option<QrView> {
    let segments = QrSegment::make_segments(text);
    let code =
        QrCode::encode_segments_advanced(&segments, QrCodeEcc::Medium, Version::MIN, Version::MAX, None, true).ok()?;
    let modules = usize::try_from(code.size()).ok()?;
    let size = modules + 2 * QUIET;
    let mut path = String::new();
    for y in 0..modules {
        let mut x = 0;
        while x < modules {
            if !code.get_module(x as i32, y as i32) {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && code.get_module(x as i32, y as i32) {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!("M{} {}h{run}v1h-{run}z", start + QUIET, y + QUIET));
        }
    }
    let label = escape(label);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" \
         aria-label=\"{label}\" shape-rendering=\"crispEdges\"><title>{label}</title>\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    );
    Some(QrView { size, path, svg })
}

/// The modules of a [`QrView`] back from its path (what a test reads with a decoder).
pub fn modules_of(view: &QrView) -> Vec<Vec<bool>> {
    let mut grid = vec![vec![false; view.size]; view.size];
    for cmd in view.path.split('M').filter(|c| !c.is_empty()) {
        let mut it = cmd.split(['h', ' ', 'v', 'z']).filter(|s| !s.is_empty());
        let (Some(x), Some(y), Some(run)) = (it.next(), it.next(), it.next()) else { continue };
        let (Ok(x), Ok(y), Ok(run)) = (x.parse::<usize>(), y.parse::<usize>(), run.parse::<usize>()) else {
            continue;
        };
        for cell in grid.get_mut(y).into_iter().flat_map(|row| row.iter_mut().skip(x).take(run)) {
            *cell = true;
        }
    }
    grid
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
