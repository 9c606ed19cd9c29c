//! The toolbar: search box and the live result count.

use yew::prelude::*;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub text: String,
    pub visible: usize,
    pub total: usize,
    pub ontext: Callback<String>,
}

/// Search and count.
#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let oninput = {
        let cb = props.ontext.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    html! {
        <div class="cm-toolbar" part="toolbar">
            <label class="cm-search">
                <span class="cm-vh">{ "Filter programs" }</span>
                <input type="search" part="search" aria-label="Filter programs"
                    placeholder="Filter programs, e.g. iso 27 or hipaa"
                    value={props.text.clone()} {oninput} autocomplete="off" spellcheck="false" />
            </label>
            <p class="cm-count" role="status" aria-live="polite" part="count">
                { count_text(props.visible, props.total) }
            </p>
        </div>
    }
}

/// "9 of 20 programs".
pub fn count_text(visible: usize, total: usize) -> String {
    let noun = if total == 1 { "program" } else { "programs" };
    format!("{visible} of {total} {noun}")
}
