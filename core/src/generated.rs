//! The check of a generated source file (tests only): `want` is what the file must hold;
//! `UPDATE_GENERATED=1` (`make options`) writes it first.

/// Fails unless `path` (relative to this crate) holds `want`; the message names the files it is
/// generated from.
pub(crate) fn check(path: &str, want: &str, from: &str) {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&full, want).unwrap();
    }
    let have = std::fs::read_to_string(&full).unwrap_or_default();
    assert!(
        have == want,
        "core/{path} differs from {from}: run `make options`"
    );
}
