//! The core's modules are layered and data flows one way (see `src/lib.rs`): a module imports
//! only modules of lower layers. This test reads each module's sources (its test code and
//! comments left out) and fails when a module imports one of its own layer or above — which is
//! also what keeps any two modules from importing each other — or when a module is missing from
//! the table below.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers, bottom first. A new module takes its place here.
const LAYERS: &[&[&str]] = &[
    &["text", "stable_sort", "grid", "windowing"],
    &["i18n"],
    &["dataset"],
    &["query", "revisions", "responsibility"],
    &["export", "diagram_layout", "options"],
    &["view_state"],
    &["state"],
    &["wording"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

/// Each top-level module of `core/src` and its files (a file, or a folder's files).
fn modules() -> BTreeMap<String, Vec<PathBuf>> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(&src).unwrap() {
        let p = e.unwrap().path();
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        if name == "lib" {
            continue;
        }
        let mut files = Vec::new();
        if p.is_dir() {
            walk(&p, &mut files);
        } else {
            files.push(p);
        }
        out.insert(name, files);
    }
    out
}

/// A source without its comments and (unless `with_tests`) its test code: a file named
/// `tests.rs` is all test code; elsewhere a `#[cfg(test)]` item (a `mod tests { … }`, a `use`, a
/// function) is cut out.
fn code_of(path: &Path, with_tests: bool) -> String {
    if !with_tests && path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        if !with_tests && t.starts_with("#[cfg(test)]") {
            // The item that follows: up to its `;`, or through its balanced braces.
            let mut depth = 0i32;
            let mut opened = false;
            for next in lines.by_ref() {
                depth += next.matches('{').count() as i32 - next.matches('}').count() as i32;
                opened |= next.contains('{');
                if (opened && depth <= 0) || (!opened && next.trim_end().ends_with(';')) {
                    break;
                }
            }
            continue;
        }
        out.push_str(line.split("//").next().unwrap_or(""));
        out.push('\n');
    }
    out
}

/// The other core modules a module's code names (`crate::name`, or `name` in `use crate::{…}`).
fn imports(files: &[PathBuf], known: &[String], own: &str, with_tests: bool) -> Vec<String> {
    let mut found = Vec::new();
    for f in files {
        let code = code_of(f, with_tests);
        let mut add = |name: &str| {
            if name != own && known.iter().any(|k| k == name) && !found.iter().any(|x| x == name) {
                found.push(name.to_string());
            }
        };
        for (i, _) in code.match_indices("crate::") {
            let rest = &code[i + "crate::".len()..];
            if let Some(list) = rest.strip_prefix('{') {
                for item in list.split('}').next().unwrap_or("").split(',') {
                    add(item.trim().split("::").next().unwrap_or("").trim());
                }
            } else {
                add(rest
                    .split(|c: char| !c.is_alphanumeric() && c != '_')
                    .next()
                    .unwrap_or(""));
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_module_imports_only_lower_layers() {
    let modules = modules();
    let names: Vec<String> = modules.keys().cloned().collect();
    let mut problems = Vec::new();
    for (module, files) in &modules {
        let Some(own) = layer_of(module) else {
            problems.push(format!("{module}: not in the table of layers"));
            continue;
        };
        for dep in imports(files, &names, module, false) {
            match layer_of(&dep) {
                Some(l) if l < own => {}
                _ => problems.push(format!("{module} (layer {own}) imports {dep}")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Tests may use a higher layer's helpers, but never in a circle: no two modules import each
/// other, test code included.
#[test]
fn no_two_modules_import_each_other_even_in_tests() {
    let modules = modules();
    let names: Vec<String> = modules.keys().cloned().collect();
    let deps: BTreeMap<&String, Vec<String>> = modules
        .iter()
        .map(|(m, files)| (m, imports(files, &names, m, true)))
        .collect();
    let circles: Vec<String> = deps
        .iter()
        .flat_map(|(a, ds)| ds.iter().map(move |b| (*a, b)))
        .filter(|(a, b)| a < b && deps.get(b).is_some_and(|d| d.contains(a)))
        .map(|(a, b)| format!("{a} and {b} import each other"))
        .collect();
    assert!(circles.is_empty(), "{}", circles.join("\n"));
}

#[test]
fn i18n_imports_nothing_of_the_core() {
    let modules = modules();
    let names: Vec<String> = modules.keys().cloned().collect();
    assert_eq!(
        imports(&modules["i18n"], &names, "i18n", false),
        Vec::<String>::new()
    );
}

#[test]
fn the_check_sees_an_import_in_code_and_not_in_a_comment_or_a_test() {
    let dir = std::env::temp_dir().join(format!("cm-layers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("x.rs");
    std::fs::write(
        &f,
        "//! see crate::state\nuse crate::{dataset::Cell, query};\nfn f() { crate::text::words(\"\"); }\n\
         #[cfg(test)]\nmod tests {\n    use crate::wording;\n}\n",
    )
    .unwrap();
    let known: Vec<String> = ["dataset", "query", "text", "state", "wording"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(
        imports(std::slice::from_ref(&f), &known, "x", false),
        ["dataset", "query", "text"]
    );
    assert_eq!(
        imports(&[f], &known, "x", true),
        ["dataset", "query", "text", "wording"]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
