//! Writes `embedded.rs`: the embedded matrix (`data/matrix.json`) and the published revisions
//! (`data/revisions/*.md`), read and validated here and packed (`packed.rs`), so the widget
//! starts without reading JSON or Markdown. The test here fails when the file differs
//! (`make options` writes it anew).

use super::{packed, Dataset};

/// The seed as curated; the widget embeds it packed.
pub(crate) const MATRIX_JSON: &str = include_str!("../../../data/matrix.json");

/// The Rust source of `embedded.rs`.
fn rust_source(matrix: &Dataset, revisions: &[crate::revisions::Published]) -> String {
    let mut out = String::from(
        "// Generated from data/matrix.json and data/revisions/*.md (read and validated) by\n\
         // core/src/dataset/generate.rs: `make options` writes it, a test fails when it differs.\n\
         // Each dataset is packed (core/src/dataset/packed.rs).\n\n\
         /// data/matrix.json: the seed table of 2020-04-21, curated.\n",
    );
    out.push_str(&format!(
        "pub(crate) const MATRIX: &str = {:?};\n\n",
        packed::encode(matrix)
    ));
    out.push_str(
        "/// data/revisions/*.md, oldest first: (id, source commit, the table as published, packed;\n\
         /// empty for the seed revision, which is MATRIX).\n",
    );
    out.push_str(&format!(
        "pub(crate) const REVISIONS: [(&str, &str, &str); {}] = [\n",
        revisions.len()
    ));
    for (id, commit, ds) in revisions {
        let packed = ds.as_ref().map(packed::encode).unwrap_or_default();
        out.push_str(&format!("    ({id:?}, {commit:?}, {packed:?}),\n"));
    }
    out.push_str("];\n");
    out
}

#[test]
fn embedded_rs_is_the_read_data() {
    let matrix = Dataset::from_json(MATRIX_JSON).expect("data/matrix.json is valid");
    let revisions = crate::revisions::read_files().expect("data/revisions are valid");
    let want = rust_source(&matrix, &revisions);
    crate::generated::check(
        "src/dataset/embedded.rs",
        &want,
        "data/matrix.json and data/revisions/",
    );
    // What the widget uses is what the files say.
    let seed = packed::decode(super::embedded::MATRIX).unwrap();
    assert_eq!(seed, matrix);
    for ((id, commit, ds), r) in revisions.iter().zip(crate::revisions::all().iter()) {
        assert_eq!((*id, commit), (r.id.as_str(), &r.commit));
        let ds = ds.clone().unwrap_or_else(|| matrix.clone());
        assert_eq!(
            *r.dataset,
            crate::revisions::in_seed_context(ds, &seed),
            "{id}"
        );
    }
}
