//! The team's brand on the page (`config.json`'s `brand`): product name and logo above the
//! heading, accent colours as CSS custom properties (set through the CSSOM, which the CSS
//! allows without 'unsafe-inline'), and the support contact, which `i18n` adds to the words
//! where people need help. What core's check leaves out is explained in the console, for the
//! deployer; the page keeps the kit's own look instead of breaking.

use std::cell::RefCell;

use reset_link_core::brand::check_brand;
use reset_link_core::config::Config;
use wasm_bindgen::JsCast;

use crate::plumbing::dom;

thread_local! {
    /// The support contact, when the brand names one.
    static SUPPORT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Tells the deployer, in the console, what the page could not use.
pub fn warn(problem: &str) {
    web_sys::console::warn_1(&format!("cognito-reset-link: {problem}").into());
}

/// Applies the brand of `config` to the page.
pub fn apply(config: &Config) {
    let (brand, problems) = check_brand(&config.brand);
    for problem in problems {
        warn(&problem.to_string());
    }
    let document = dom::document();
    if let Some(name) = &brand.name {
        dom::set_text("brand-name", name);
        dom::show("brand", true);
        document.set_title(&format!("{} – {name}", document.title()));
    }
    if let Some((path, alt)) = &brand.logo {
        let missing = path.clone();
        dom::on("brand-logo", "error", move || {
            dom::show("brand-logo", false);
            warn(&format!("brand.logo \"{missing}\" could not be loaded; the logo is left out"));
        });
        dom::set_attribute("brand-logo", "alt", Some(alt));
        dom::set_attribute("brand-logo", "src", Some(path));
        dom::show("brand-logo", true);
        dom::show("brand", true);
    }
    if let Some((accent, on_accent)) = &brand.colors {
        if let Some(root) = document.document_element().and_then(|root| root.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = root.style().set_property("--accent", accent);
            let _ = root.style().set_property("--on-accent", on_accent);
        }
    }
    SUPPORT.set(brand.support);
}

/// The brand's support contact, when it names one.
pub fn support() -> Option<String> {
    SUPPORT.with_borrow(Clone::clone)
}

/// Sets the support contact (the account module takes the form module's).
#[cfg(feature = "page-account")]
pub fn set_support(contact: Option<String>) {
    SUPPORT.set(contact);
}
