//! Minifies the widget's stylesheet at build time (comments and white space out), so the wasm
//! embeds it once, small. Strings (`content: "▾"`, font names) are kept byte for byte.
use std::{env, fs, path::Path};

fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                if space && !out.is_empty() && !out.ends_with(|p: char| "{};,:".contains(p)) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        if let Some(e) = chars.next() {
                            out.push(e);
                        }
                    } else if d == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            _ => {
                // No space after `:` (a selector's `:hover` never has one; a declaration's is noise).
                if space && !out.is_empty() && !out.ends_with(|p: char| "{};,:".contains(p)) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

fn main() {
    let read = |f: &str| {
        println!("cargo:rerun-if-changed=src/{f}");
        fs::read_to_string(Path::new("src").join(f)).expect("the stylesheet is readable")
    };
    let (light, dark) = (read("style.css"), read("style-dark.css"));
    let dark = minify(&dark);
    // The dark declarations apply for theme="dark" and, with theme="auto", on a dark system.
    let css = format!(
        "{}.cm.cm-theme-dark{{{dark}}}@media (prefers-color-scheme:dark){{.cm:not(.cm-theme-light){{{dark}}}}}",
        minify(&light)
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("style.min.css");
    fs::write(out, css).expect("OUT_DIR is writable");
}
