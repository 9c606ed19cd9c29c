//! `custom-elements.json` lists exactly the element's real parts, CSS custom properties and
//! events: read from the components' `part="…"` attributes (and the ones set from Rust and
//! `www/define.js`), the `var(--cm-…)` uses in the stylesheets, and the events dispatched.

use std::collections::BTreeSet;
use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// Every `open` … `close` delimited word of `text` made of `[a-z0-9-]`.
fn between(text: &str, open: &str, close: char) -> BTreeSet<String> {
    text.split(open)
        .skip(1)
        .filter_map(|rest| {
            let word: String = rest.chars().take_while(|c| *c != close).collect();
            (!word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .then_some(word)
        })
        .collect()
}

fn element() -> serde_json::Value {
    let m: serde_json::Value = serde_json::from_str(&read("www/custom-elements.json")).unwrap();
    m["modules"][0]["declarations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "class")
        .unwrap()
        .clone()
}

fn names(list: &serde_json::Value) -> BTreeSet<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_manifest_lists_every_part_and_no_other() {
    let mut real = BTreeSet::new();
    // Every Rust file under the folders, in subfolders too (components/app/view.rs).
    let mut dirs: Vec<std::path::PathBuf> = ["src/components", "src/element"]
        .iter()
        .map(|d| Path::new(env!("CARGO_MANIFEST_DIR")).join(d))
        .collect();
    while let Some(dir) = dirs.pop() {
        for f in std::fs::read_dir(dir).unwrap() {
            let path = f.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            real.extend(between(&text, "part=\"", '"'));
            real.extend(between(&text, "set_attribute(\"part\", \"", '"'));
        }
    }
    real.extend(between(
        &read("www/define.js"),
        "setAttribute('part', '",
        '\'',
    ));
    assert_eq!(
        names(&element()["cssParts"]),
        real,
        "cssParts of custom-elements.json"
    );
}

#[test]
fn the_manifest_lists_every_css_property_and_no_other() {
    let css = read("src/style.css") + &read("src/style-dark.css");
    let real: BTreeSet<String> = between(&css, "var(--cm-", ',')
        .into_iter()
        .chain(between(&css, "var(--cm-", ')'))
        .map(|n| format!("--cm-{n}"))
        .collect();
    assert_eq!(
        names(&element()["cssProperties"]),
        real,
        "cssProperties of custom-elements.json"
    );
}

#[test]
fn the_manifest_lists_the_events_dispatched() {
    let rust = read("src/element/mod.rs")
        + &read("src/element/widget/mod.rs")
        + &read("src/element/widget/load.rs")
        + &read("src/element/events.rs");
    let mut real = between(&rust, "dispatch(&target, \"", '"');
    real.extend(between(&rust, "dispatch(target, \"", '"'));
    real.extend(between(&rust, "dispatch(&self.target, \"", '"'));
    real.extend(between(&read("www/define.js"), "new CustomEvent('", '\''));
    assert_eq!(
        names(&element()["events"]),
        real,
        "events of custom-elements.json"
    );
}
