//! The npm package and the crate agree on the version, and the package exposes what its public
//! contract promises (`README.md`, `www/README.md` and `docs/embedding.md`): an ES module with its
//! types, the wasm among its files, and a custom-elements manifest naming the element's attributes.

fn package() -> serde_json::Value {
    serde_json::from_str(include_str!("../www/package.json")).unwrap()
}

#[test]
fn npm_version_is_the_crate_version() {
    assert_eq!(package()["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn package_is_an_es_module_with_types_and_a_manifest() {
    let p = package();
    assert_eq!(p["type"], "module");
    assert_eq!(p["exports"]["."]["types"], "./compliance-matrix.d.ts");
    assert_eq!(p["exports"]["."]["import"], "./compliance-matrix.js");
    assert_eq!(p["customElements"], "custom-elements.json");
    let files: Vec<&str> = p["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    for f in [
        "compliance-matrix.js",
        "compliance-matrix_bg.wasm",
        "compliance-matrix.d.ts",
        "custom-elements.json",
    ] {
        assert!(files.contains(&f), "{f} missing from files");
    }
    let manifest: serde_json::Value =
        serde_json::from_str(include_str!("../www/custom-elements.json")).unwrap();
    let text = manifest.to_string();
    for attr in [
        "services", "query", "status", "gaps", "tags", "sort", "view", "theme", "src", "revision",
        "compare", "sync-url",
    ] {
        assert!(
            text.contains(&format!("\"name\":\"{attr}\"")),
            "manifest lacks attribute {attr}"
        );
    }
}
