//! Browser tests of the mounted widget (wasm-bindgen-test in headless Chromium): mount, let the
//! scheduler render, then assert on the shadow DOM.
#![cfg(target_arch = "wasm32")]

use compliance_matrix::element::mount;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

async fn flush() {
    yew::scheduler::flush().await;
}

fn all(el: &Element, selector: &str) -> Vec<Element> {
    let list = el
        .shadow_root()
        .unwrap()
        .query_selector_all(selector)
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn program_ids(el: &Element) -> Vec<String> {
    all(el, "tr[data-program]")
        .iter()
        .map(|r| r.get_attribute("data-program").unwrap())
        .collect()
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
async fn mounts_the_seed_matrix_with_80_status_cells() {
    let el = host();
    let h = mount(el.clone(), JsValue::UNDEFINED, JsValue::NULL, None).unwrap();
    flush().await;
    assert_eq!(all(&el, "tr[data-program]").len(), 20);
    assert_eq!(all(&el, "td[data-service][data-status]").len(), 80);
    assert_eq!(all(&el, "td[data-status=\"in-progress\"]").len(), 2);
    assert_eq!(all(&el, "td[data-status=\"not-in-scope\"]").len(), 11);
    let status = all(&el, "[role=status]");
    assert_eq!(status[0].text_content().unwrap(), "20 of 20 programs");
    h.unmount();
    assert!(all(&el, "tr").is_empty());
}

#[wasm_bindgen_test]
async fn typing_in_the_search_box_narrows_rows() {
    let el = host();
    let _h = mount(el.clone(), JsValue::UNDEFINED, JsValue::NULL, None).unwrap();
    flush().await;
    let input: HtmlInputElement = all(&el, "input[type=search]")[0]
        .clone()
        .dyn_into()
        .unwrap();
    input.set_value("iso 27");
    let ev = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&ev).unwrap();
    flush().await;
    assert_eq!(program_ids(&el), ["iso-27001", "iso-27017", "iso-27018"]);
    assert_eq!(
        all(&el, "[role=status]")[0].text_content().unwrap(),
        "3 of 20 programs"
    );
}

#[wasm_bindgen_test]
async fn options_and_updates_apply_and_bad_options_show_an_alert() {
    let el = host();
    let h = mount(
        el.clone(),
        options(&[
            ("services", "fargate,ecs"),
            ("status", "fargate:not-in-scope"),
        ]),
        JsValue::NULL,
        None,
    )
    .unwrap();
    flush().await;
    assert_eq!(program_ids(&el).len(), 8);
    let cols: Vec<String> = all(&el, "tr[data-program=c5] td[data-service]")
        .iter()
        .map(|c| c.get_attribute("data-service").unwrap())
        .collect();
    assert_eq!(cols, ["fargate", "ecs"]);
    h.update(options(&[("sort", "lambda:asc")])).unwrap();
    flush().await;
    let alert = all(&el, "[role=alert][part=error]");
    assert_eq!(alert.len(), 1);
    assert!(alert[0]
        .text_content()
        .unwrap()
        .contains("unknown key 'lambda'"));
    // The rest still renders, with the options the update left out as they were.
    assert_eq!(program_ids(&el).len(), 8);
}

/// The counts the widget writes itself (`i18n::plain_digits`) read as the browser's
/// `Intl.NumberFormat` writes them, in every shipped language and in regions with their own
/// grouping; where it does not write them, it is because the browser writes them otherwise.
#[wasm_bindgen_test]
fn counts_written_without_intl_read_as_intl_writes_them() {
    use compliance_matrix::i18n::plain_digits;
    let tags = [
        "en", "en-US", "en-GB", "en-IN", "de", "de-AT", "de-CH", "fr", "fr-CA", "fr-CH", "es",
        "es-MX", "es-419", "ja", "ja-JP", "ko", "ko-KR",
    ];
    for tag in tags {
        let format = js_sys::Intl::NumberFormat::new(
            &js_sys::Array::of1(&JsValue::from_str(tag)),
            &js_sys::Object::new(),
        )
        .format();
        let intl = |n: usize| {
            format
                .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
                .unwrap()
                .as_string()
                .unwrap()
        };
        for n in (0..1000).chain([1000, 20_000, 1_234_567]) {
            if plain_digits(tag, n) {
                assert_eq!(intl(n), n.to_string(), "{tag}: {n}");
            }
        }
        assert!(!plain_digits(tag, 1000));
        // Where a locale groups thousands, the widget leaves the count to the browser.
        assert_ne!(intl(1_234_567), "1234567", "{tag}");
    }
    // A language of other numerals is the browser's to write even below 1,000.
    assert!(!plain_digits("ar-EG", 5));
}

/// The dates the widget writes itself (`i18n::english_date`) read as `Intl.DateTimeFormat`
/// writes them (medium style, UTC): every day of common, leap and century years.
#[wasm_bindgen_test]
fn dates_written_without_intl_read_as_intl_writes_them() {
    use compliance_matrix::i18n::english_date;
    for tag in ["en", "en-US", "en-GB", "de"] {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into()).unwrap();
        js_sys::Reflect::set(&options, &"timeZone".into(), &"UTC".into()).unwrap();
        let format = js_sys::Intl::DateTimeFormat::new(
            &js_sys::Array::of1(&JsValue::from_str(tag)),
            &options,
        )
        .format();
        let mut written = 0;
        for year in [1000, 1900, 2000, 2020, 2021, 2026, 9999] {
            for month in 1..=12 {
                for day in 1..=31 {
                    let iso = format!("{year:04}-{month:02}-{day:02}");
                    let Some(ours) = english_date(tag, &iso) else {
                        continue;
                    };
                    let date = js_sys::Date::new(&JsValue::from_str(&format!("{iso}T00:00:00Z")));
                    let intl = format.call1(&JsValue::NULL, &date).unwrap();
                    assert_eq!(Some(ours), intl.as_string(), "{tag} {iso}");
                    written += 1;
                }
            }
        }
        // Every real day in English; none in another language or region.
        let english = tag == "en" || tag == "en-US";
        assert_eq!(written, if english { 7 * 365 + 2 } else { 0 }, "{tag}");
    }
}
