//! Every path of the repository that the docs name exists. A doc that names a moved or deleted
//! file sends its reader looking for it; this test fails instead, naming the file, line and path.
//!
//! The docs are `README.md`, `www/README.md` and every `docs/*.md`. In each, outside fenced code
//! blocks (commands and examples, not references):
//! - a link `](target)` is a path relative to the doc, unless it is a URL or an anchor;
//! - a code span is a path relative to the repository when it starts with a top-level folder
//!   (`src/`, `core/` …) or is a top-level file (`Makefile`, `index.html` …).
//!
//! A placeholder (`data/revisions/*.md`, `www/i18n/<lang>.js`, `tests/1_…`) stands for files of
//! one folder: that folder must exist. `dist/` and `target/` are build outputs, not checked.

use std::path::{Path, PathBuf};

const TOP_FOLDERS: [&str; 10] = [
    "src", "core", "www", "tests", "docs", "data", "scripts", "bench", "reader", "fuzz",
];
const TOP_FILES: [&str; 9] = [
    "Makefile",
    "index.html",
    "Cargo.toml",
    "Cargo.lock",
    "package.json",
    "package-lock.json",
    "build.rs",
    "LICENSE",
    "webdriver.json",
];

/// A path a doc names: where (doc and line), what it wrote, and the path on disk to look for.
struct Named {
    doc: String,
    line: usize,
    written: String,
    on_disk: PathBuf,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// README.md, www/README.md and docs/*.md, relative to the repository.
fn docs() -> Vec<String> {
    let mut docs: Vec<String> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".md"))
        .map(|n| format!("docs/{n}"))
        .collect();
    docs.sort();
    docs.splice(0..0, ["README.md".to_string(), "www/README.md".to_string()]);
    docs
}

/// The part of a path before its first placeholder, cut back to the folder that holds it.
fn before_placeholder(path: &str) -> &str {
    match path.find(['*', '<', '…', '{']) {
        Some(at) => &path[..path[..at].rfind('/').map_or(0, |slash| slash + 1)],
        None => path,
    }
}

/// A code span's text as a repository path, if it reads as one.
fn code_path(span: &str) -> Option<&str> {
    let span = span.strip_prefix("./").unwrap_or(span);
    if span.is_empty() || span.contains(char::is_whitespace) {
        return None;
    }
    // `file.rs:12`, `file.rs#L12`, `file.rs::item`: the file.
    let path = span.split([':', '#', '?']).next().unwrap();
    let top = path.split('/').next().unwrap();
    let in_folder = path.contains('/') && TOP_FOLDERS.contains(&top);
    (in_folder || TOP_FILES.contains(&path)).then_some(path)
}

/// A link's target as a path relative to the doc, unless it points elsewhere.
fn link_path(target: &str) -> Option<&str> {
    let target = target.split_whitespace().next()?; // drops a "title"
    let path = target.split(['#', '?']).next().unwrap();
    let elsewhere = ["http:", "https:", "mailto:", "javascript:", "data:"]
        .iter()
        .any(|scheme| target.starts_with(scheme));
    (!elsewhere && !path.is_empty()).then_some(path)
}

/// Every path `text` (the doc `doc`) names.
fn named_in(doc: &str, text: &str) -> Vec<Named> {
    let dir = Path::new(doc).parent().unwrap();
    let mut named = Vec::new();
    let mut fenced = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut add = |written: &str, relative_to: &Path| {
            named.push(Named {
                doc: doc.to_string(),
                line: i + 1,
                written: written.to_string(),
                on_disk: root().join(relative_to).join(before_placeholder(written)),
            })
        };
        // Split at backticks: odd pieces are code spans, even pieces prose (with the links).
        for (n, piece) in line.split('`').enumerate() {
            if n % 2 == 1 {
                if let Some(path) = code_path(piece) {
                    add(path, Path::new(""));
                }
                continue;
            }
            for (at, _) in piece.match_indices("](") {
                let target = piece[at + 2..].split(')').next().unwrap();
                if let Some(path) = link_path(target) {
                    add(path, dir);
                }
            }
        }
    }
    named
}

/// The paths the docs name that do not exist.
fn missing() -> Vec<Named> {
    docs()
        .iter()
        .flat_map(|doc| named_in(doc, &std::fs::read_to_string(root().join(doc)).unwrap()))
        .filter(|n| !n.on_disk.exists())
        .collect()
}

#[test]
fn every_repository_path_the_docs_name_exists() {
    let stale: Vec<String> = missing()
        .iter()
        .map(|n| format!("{}:{}: {}", n.doc, n.line, n.written))
        .collect();
    assert!(
        stale.is_empty(),
        "paths the docs name that do not exist:\n{}",
        stale.join("\n")
    );
}

/// The file names (`mod.rs`, `widget.rs`, `define.js` …) in the fenced blocks of a doc.
fn file_names_in_blocks(text: &str) -> std::collections::BTreeSet<String> {
    let mut names = std::collections::BTreeSet::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            continue;
        }
        for word in line.split(|c: char| c.is_whitespace() || ",():;".contains(c)) {
            let word = word.trim_matches(|c: char| "`'\"".contains(c));
            // A placeholder (`data_*.rs`, `<lang>.js`) and a product's name (`Grid.js`) are
            // not a file's name.
            let placeholder = word.contains(['*', '<']) || word.starts_with(char::is_uppercase);
            if !placeholder
                && [".rs", ".js", ".mjs", ".css"]
                    .iter()
                    .any(|e| word.ends_with(e))
            {
                names.insert(word.rsplit('/').next().unwrap().to_string());
            }
        }
    }
    names
}

/// The hand-written source files under `dir` (generated `embedded.rs` and unit-test `tests.rs`
/// files left out), by file name.
fn source_files(dir: &Path, out: &mut std::collections::BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if path.is_dir() {
            source_files(&path, out);
        } else if (name.ends_with(".rs") || name.ends_with(".css"))
            && !["embedded.rs", "tests.rs"].contains(&name.as_str())
        {
            out.insert(name);
        }
    }
}

#[test]
fn the_architecture_tree_names_every_source_file_and_only_files_that_exist() {
    let doc = std::fs::read_to_string(root().join("docs/architecture.md")).unwrap();
    let named = file_names_in_blocks(&doc);
    let mut sources = std::collections::BTreeSet::new();
    for dir in ["core/src", "src", "reader/src"] {
        source_files(&root().join(dir), &mut sources);
    }
    let unnamed: Vec<&String> = sources.difference(&named).collect();
    assert!(
        unnamed.is_empty(),
        "docs/architecture.md's tree leaves out {unnamed:?}"
    );
    let mut everything = sources.clone();
    for dir in ["www", "scripts", "tests", "core/tests", "bench"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            everything.insert(entry.unwrap().file_name().to_string_lossy().to_string());
        }
    }
    everything.extend(["build.rs", "embedded.rs", "tests.rs"].map(String::from));
    let gone: Vec<&String> = named.difference(&everything).collect();
    assert!(
        gone.is_empty(),
        "docs/architecture.md's tree names {gone:?}, which do not exist"
    );
}

#[test]
fn links_code_spans_and_placeholders_are_read_as_paths() {
    let text = "See [the format](data-format.md#fields), [AWS](https://aws.amazon.com/), \
                [up](#top), `core/src/lib.rs:12`, `data/revisions/*.md`, `www/i18n/<lang>.js`, \
                `make test`, `i18n/`, `Makefile`, `dist/x.js`.\n\
                ```sh\nls src/nothing.rs `src/nothing.rs`\n```\n";
    let named: Vec<(String, PathBuf)> = named_in("docs/x.md", text)
        .into_iter()
        .map(|n| (n.written, n.on_disk.strip_prefix(root()).unwrap().into()))
        .collect();
    let expected = [
        ("data-format.md", "docs/data-format.md"),
        ("core/src/lib.rs", "core/src/lib.rs"),
        ("data/revisions/*.md", "data/revisions/"),
        ("www/i18n/<lang>.js", "www/i18n/"),
        ("Makefile", "Makefile"),
    ];
    assert_eq!(
        named,
        expected.map(|(w, p)| (w.to_string(), PathBuf::from(p)))
    );
    assert!(named.iter().all(|(_, p)| root().join(p).exists()));
}
