//! The new-password boxes shared by the reset and welcome pages: one checklist line per rule
//! of the pool's policy, marked met or not as the person types, and the show/hide button.

use reset_link_core::config::Config;
use reset_link_core::policy::{checklist, PasswordPolicy, Rule};
use reset_link_core::words::rule_key;

use crate::plumbing::dom;
use crate::plumbing::i18n::{self, fill, t};

/// Writes one checklist line per rule of the pool's policy, keeps them marked as the person
/// types in either box, and wires the show/hide button.
pub fn wire(config: &Config) {
    for (rule, _) in checklist(&config.password_policy, "", "") {
        dom::add_line("rules", &rule_id(rule), &rule_text(rule), &t("reset.rule_unmet"));
    }
    let policy = config.password_policy;
    let refresh = move || {
        update_checklist(&policy);
    };
    dom::on("password", "input", refresh);
    dom::on("confirm", "input", refresh);
    dom::on("toggle", "click", toggle_visibility);
}

/// The id of the checklist line of `rule`.
fn rule_id(rule: Rule) -> String {
    format!("rule-{}", rule.key())
}

/// The checklist line for `rule` in the page's language.
fn rule_text(rule: Rule) -> String {
    let n = match rule {
        Rule::MinimumLength(n) => n.to_string(),
        _ => String::new(),
    };
    fill(rule_key(rule), &[("n", &n)])
}

/// Marks each checklist line as met or not; returns the first unmet rule.
pub fn update_checklist(policy: &PasswordPolicy) -> Option<Rule> {
    let (password, confirm) = (dom::value("password"), dom::value("confirm"));
    let mut first_unmet = None;
    for (rule, met) in checklist(policy, &password, &confirm) {
        dom::set_rule(&rule_id(rule), met, &t(if met { "reset.rule_met" } else { "reset.rule_unmet" }));
        if !met && first_unmet.is_none() {
            first_unmet = Some(rule);
        }
    }
    first_unmet
}

/// Shows or hides both passwords.
fn toggle_visibility() {
    let showing = dom::attribute("toggle", "aria-pressed").as_deref() == Some("true");
    let kind = Some(if showing { "password" } else { "text" });
    dom::set_attribute("password", "type", kind);
    dom::set_attribute("confirm", "type", kind);
    dom::set_attribute("toggle", "aria-pressed", Some(if showing { "false" } else { "true" }));
    i18n::set_words("toggle", if showing { "reset.show" } else { "reset.hide" });
}
