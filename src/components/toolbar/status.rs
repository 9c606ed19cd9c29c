//! The status filter: "any", then each service's statuses, as one `<select>`.

use crate::dataset::Status;
use crate::i18n::{Arg::Text, StringKey};
use crate::state::ServiceChoice;
use crate::wording::status_inline;
use yew::prelude::*;

#[derive(Properties)]
pub struct StatusSelectProps {
    pub services: Vec<ServiceChoice>,
    /// The choice as its option's value writes it (`any` or `fargate:not-in-scope`).
    pub status: String,
    pub onchange: Callback<Event>,
    /// Add the options after the first paint (a long list: four per service, 161 elements for 40
    /// services, that nobody sees before opening the select).
    pub defer: bool,
}

/// Equal when the options are: `onchange` is made anew on every render of the toolbar but
/// always does the same (hands the value to the app's `onstatus`), so it is not compared.
impl PartialEq for StatusSelectProps {
    fn eq(&self, other: &Self) -> bool {
        self.services == other.services && self.status == other.status && self.defer == other.defer
    }
}

/// The status filter: "any", then each service's statuses. Its own component, so the four
/// options per service are built again only when the services or the choice change, not on
/// every keystroke in the search box. When deferred, the first render has only the option shown
/// (the current choice); the others follow right after the first paint, or at once when the
/// select is focused or pressed before that.
#[function_component(StatusSelect)]
pub fn status_select(props: &StatusSelectProps) -> Html {
    let t = crate::components::use_strings();
    let complete = use_state(|| !props.defer);
    {
        let complete = complete.clone();
        use_effect_with((), move |_| {
            if !*complete {
                crate::platform::after_next_paint(move || complete.set(true));
            }
        });
    }
    let complete_now = {
        let complete = complete.clone();
        move || {
            if !*complete {
                complete.set(true);
            }
        }
    };
    let onfocus = {
        let f = complete_now.clone();
        Callback::from(move |_: FocusEvent| f())
    };
    let onpointerdown = Callback::from(move |_: PointerEvent| complete_now());
    let option = |s: &ServiceChoice, st: &Status| {
        let value = format!("{}:{}", s.id, st.id());
        let selected = props.status == value;
        let text = t.fmt(
            StringKey::serviceStatus,
            &[
                ("service", Text(&s.name)),
                ("status", Text(status_inline(&t, *st))),
            ],
        );
        html! { <option value={value} {selected}>{ text }</option> }
    };
    let chosen = props.status.split_once(':').and_then(|(service, status)| {
        let s = props.services.iter().find(|s| s.id == service)?;
        Some((s, Status::ALL.iter().find(|st| st.id() == status)?))
    });
    html! {
        <select part="status-filter" onchange={props.onchange.clone()} {onfocus} {onpointerdown}>
            <option value="any" selected={props.status == "any"}>{ t.get(StringKey::anyStatus) }</option>
            if *complete {
                { for props.services.iter().map(|s| html! {
                    <optgroup label={s.name.clone()}>
                        { for Status::ALL.iter().map(|st| option(s, st)) }
                    </optgroup>
                }) }
            } else {
                // Only the current choice, so the select shows it.
                { for chosen.map(|(s, st)| option(s, st)) }
            }
        </select>
    }
}
