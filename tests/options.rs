//! The one table of options (core/src/options.rs) is what the package declares: the generated
//! `www/options.js` (the element's attribute list) is up to date, and the `.d.ts` and
//! `custom-elements.json` name every option with its type. `UPDATE_GENERATED=1 cargo test --test
//! options` (or `make options`) writes `www/options.js` anew.

use compliance_matrix::i18n::{StringKey, Strings};
use compliance_matrix::options::{Kind, SPECS};

/// `www/options.js`: the table as the element needs it before the wasm loads (attribute,
/// property, flag, view state) and the alerts' prefixes when the core cannot run. Written here
/// (`make options`), not by the library: the widget's wasm never carries the generator.
fn options_js() -> String {
    let mut out = String::from(
        "// Generated from the table of options (core/src/options/mod.rs) by tests/options.rs (make options).\n\
         // [attribute, property, boolean attribute, part of the view state]\n\
         export const OPTIONS = [\n",
    );
    for s in &SPECS {
        out.push_str(&format!(
            "  ['{}', '{}', {}, {}],\n",
            s.attribute,
            s.property,
            s.kind == Kind::Flag,
            s.view_state
        ));
    }
    out.push_str("];\n");
    // What a page script shows when the core itself cannot run (it cannot ask the core then).
    out.push_str(
        "// The prefixes of the alerts shown when the core cannot run, per shipped language, from the\n\
         // catalogs (core/src/i18n), by key\n\
         export const FATAL = {\n",
    );
    for lang in compliance_matrix::i18n::LANGUAGES {
        let t = Strings::new(lang, &[], std::rc::Rc::new(compliance_matrix::i18n::Plain));
        let texts: serde_json::Map<String, serde_json::Value> = FATAL_KEYS
            .iter()
            .map(|k| (k.name().to_string(), t.get(*k).into()))
            .collect();
        let json = serde_json::to_string(&texts).expect("strings serialise");
        out.push_str(&format!("  {lang}: {json},\n"));
    }
    out.push_str("};\n");
    out
}

/// The keys of each language of FATAL in options.js.
const FATAL_KEYS: [StringKey; 3] = [
    StringKey::fatalStart,
    StringKey::fatalStopped,
    StringKey::fatalGivenUp,
];

fn www(file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www")
        .join(file)
}

#[test]
fn the_generated_attribute_list_is_up_to_date() {
    let want = options_js();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(www("options.js"), &want).unwrap();
    }
    let have = std::fs::read_to_string(www("options.js")).unwrap_or_default();
    assert_eq!(
        have, want,
        "www/options.js differs from core/src/options.rs: run `make options`"
    );
}

/// `www/i18n/<lang>.js`: each translation as the module the widget loads when a page speaks it
/// (the wasm carries English only).
#[test]
fn the_generated_catalog_modules_are_up_to_date() {
    for lang in &compliance_matrix::i18n::LANGUAGES[1..] {
        let want = compliance_matrix_core::i18n::strings::catalog_module(lang).expect("shipped");
        let path = www("i18n").join(format!("{lang}.js"));
        if std::env::var_os("UPDATE_GENERATED").is_some() {
            std::fs::create_dir_all(www("i18n")).unwrap();
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "www/i18n/{lang}.js differs from core/src/i18n/{lang}.rs: run `make options`"
        );
    }
}

#[test]
fn the_manifest_declares_every_option_as_attribute_and_field() {
    let text = std::fs::read_to_string(www("custom-elements.json")).unwrap();
    let m: serde_json::Value = serde_json::from_str(&text).unwrap();
    let decl = m["modules"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|m| m["declarations"].as_array().cloned().unwrap_or_default())
        .find(|d| d["tagName"] == "compliance-matrix")
        .expect("a declaration of compliance-matrix");
    let attrs: Vec<&str> = decl["attributes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    let specs: Vec<&str> = SPECS.iter().map(|s| s.attribute).collect();
    assert_eq!(attrs, specs, "attributes in the manifest (in table order)");
    for s in &SPECS {
        let a = decl["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == s.attribute)
            .unwrap();
        assert_eq!(a["fieldName"], s.property, "{}", s.attribute);
        let ty = a["type"]["text"].as_str().unwrap();
        match s.kind {
            Kind::Flag => assert_eq!(ty, "boolean", "{}", s.attribute),
            Kind::OneOf(words) => {
                for w in words {
                    assert!(
                        ty.contains(&format!("'{w}'")),
                        "{}: {ty} lacks '{w}'",
                        s.attribute
                    );
                }
            }
            Kind::Text => assert_eq!(ty, "string | null", "{}", s.attribute),
        }
        let field = decl["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kind"] == "field" && f["name"] == s.property)
            .unwrap_or_else(|| panic!("no field {}", s.property));
        assert_eq!(field["attribute"], s.attribute);
    }
    for method in [
        "save",
        "restore",
        "exportCsv",
        "exportJson",
        "exportMarkdown",
    ] {
        assert!(
            decl["members"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["kind"] == "method" && f["name"] == method),
            "no method {method}"
        );
    }
}

#[test]
fn the_types_declare_every_option_on_mount_and_the_element() {
    let dts = std::fs::read_to_string(www("compliance-matrix.d.ts")).unwrap();
    let section = |start: &str| {
        let a = dts.find(start).unwrap_or_else(|| panic!("{start}"));
        let b = dts[a..].find("\n}\n").unwrap() + a;
        dts[a..b].to_string()
    };
    let mount = section("export interface MountOptions {");
    let element = section("export interface ComplianceMatrixElement extends HTMLElement {");
    for s in &SPECS {
        let decl = mount
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{}?: ", s.property)))
            .unwrap_or_else(|| panic!("MountOptions lacks {}", s.property));
        let el = element
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{}: ", s.property)))
            .unwrap_or_else(|| panic!("the element lacks {}", s.property));
        if s.kind == Kind::Flag {
            assert!(
                decl.contains("boolean") && el.contains("boolean"),
                "{}",
                s.property
            );
        } else {
            assert!(
                decl.contains("string") && el.contains("string"),
                "{}",
                s.property
            );
        }
    }
    for method in ["save()", "restore(state"] {
        assert!(element.contains(method), "the element lacks {method}");
    }
}

#[test]
fn the_types_list_every_ui_string_key() {
    use compliance_matrix::i18n::StringKey;
    let dts = std::fs::read_to_string(www("compliance-matrix.d.ts")).unwrap();
    let a = dts.find("export type StringKey =").expect("StringKey");
    let b = dts[a..].find(';').unwrap() + a;
    let listed: Vec<&str> = dts[a..b].split('\'').skip(1).step_by(2).collect();
    let keys: Vec<&str> = StringKey::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(
        listed, keys,
        "StringKey in www/compliance-matrix.d.ts (catalog order)"
    );
}
