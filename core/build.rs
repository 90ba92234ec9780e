//! Derives the JIS X 0208 membership bitmap (`$OUT_DIR/jis_x_0208.bin`) from the EUC-JP
//! encoder of `encoding_rs`, so no character table is written by hand.
//!
//! A character of the Basic Multilingual Plane is in JIS X 0208 when EUC-JP encodes it as two
//! bytes, both in 0xA1..=0xFE, except row 13 (lead byte 0xAD, the NEC special characters such
//! as ① and ㈱) and rows 89–92 (lead bytes 0xF9..=0xFC, the NEC-selected IBM extensions such
//! as 髙 and 﨑): those are vendor additions that many town systems cannot store. The bitmap has
//! one bit per code point U+0000..=U+FFFF (8 KiB), least significant bit first.

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut bits = vec![0u8; 0x10000 / 8];
    let mut buf = [0u8; 4];
    for cp in 0u32..0x10000 {
        let Some(c) = char::from_u32(cp) else { continue };
        let (bytes, _, had_errors) = encoding_rs::EUC_JP.encode(c.encode_utf8(&mut buf));
        if had_errors || bytes.len() != 2 {
            continue;
        }
        let (lead, trail) = (bytes[0], bytes[1]);
        let in_plane = (0xA1..=0xFE).contains(&lead) && (0xA1..=0xFE).contains(&trail);
        let vendor_row = lead == 0xAD || (0xF9..=0xFC).contains(&lead);
        if in_plane && !vendor_row {
            bits[(cp / 8) as usize] |= 1 << (cp % 8);
        }
    }
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("jis_x_0208.bin");
    fs::write(&out, bits).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
