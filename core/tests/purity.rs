//! The core stays pure: no web crate anywhere in its dependency tree (normal, build or dev).

#[test]
fn no_web_crate_in_the_core_dependency_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let nodes = meta["resolve"]["nodes"].as_array().unwrap();
    let name_of = |id: &str| {
        meta["packages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .map(|p| p["name"].as_str().unwrap().to_string())
            .unwrap()
    };
    let core = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "compliance-matrix-core")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Every package reachable from the core, through any kind of dependency.
    let mut seen = vec![core.clone()];
    let mut todo = vec![core];
    while let Some(id) = todo.pop() {
        let node = nodes.iter().find(|n| n["id"] == id.as_str()).unwrap();
        for d in node["deps"].as_array().unwrap() {
            let dep = d["pkg"].as_str().unwrap().to_string();
            if !seen.contains(&dep) {
                seen.push(dep.clone());
                todo.push(dep);
            }
        }
    }
    let names: Vec<String> = seen.iter().map(|id| name_of(id)).collect();
    assert!(
        names.iter().any(|n| n == "serde"),
        "the walk found the core's dependencies"
    );
    for web in [
        "yew",
        "web-sys",
        "wasm-bindgen",
        "js-sys",
        "gloo",
        "wasm-bindgen-futures",
    ] {
        assert!(
            !names.iter().any(|n| n == web || n.starts_with("gloo")),
            "{web} is in the core's dependency tree: {names:?}"
        );
    }
}
