//! The brand in the trigger's environment (`BRAND_LOGO`, `BRAND_ACCENT`, `BRAND_ON_ACCENT`,
//! `BRAND_SUPPORT`), read part by part. A part the email cannot use (a logo on another host,
//! colours too alike, only one of the two colours) is left out and named, and the rest is
//! kept: one bad value must not cost every email its link.

use reset_link_core::brand::{check_brand, Brand, BrandFile, BrandPart, BrandProblem};

/// Reads the `BRAND_*` settings through `var` and checks them by the pages' rules; returns
/// the brand to apply and each part left out.
pub fn read_brand(var: &dyn Fn(&str) -> Option<String>) -> (Brand, Vec<BrandProblem>) {
    let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
    let file = BrandFile { name: None, logo: set("BRAND_LOGO"), logo_alt: None, accent: set("BRAND_ACCENT"), on_accent: set("BRAND_ON_ACCENT"), support: set("BRAND_SUPPORT") };
    check_brand(&file)
}

/// The settings that make up `part`, as the deployer sets them.
pub fn variables(part: BrandPart) -> &'static str {
    match part {
        BrandPart::Logo => "BRAND_LOGO",
        BrandPart::Colors => "BRAND_ACCENT and BRAND_ON_ACCENT",
    }
}

/// One line for the log or the deploy's check: which settings were left out, and why.
pub fn describe(problem: &BrandProblem) -> String {
    format!("{} left out of the emails, the rest of the brand is kept: {problem}", variables(problem.part()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> (Brand, Vec<BrandProblem>) {
        read_brand(&|name| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string()))
    }

    #[test]
    fn a_bad_part_is_named_by_its_settings_and_the_rest_is_kept() {
        let (brand, problems) = read(&[("BRAND_LOGO", "https://cdn.example/l.png"), ("BRAND_ACCENT", "#7a1fa2"), ("BRAND_ON_ACCENT", "#fff"), ("BRAND_SUPPORT", "help@acme.example")]);
        assert_eq!((brand.logo, brand.colors.is_some(), brand.support.as_deref()), (None, true, Some("help@acme.example")));
        assert!(describe(&problems[0]).starts_with("BRAND_LOGO left out"), "{}", describe(&problems[0]));
        let (brand, problems) = read(&[("BRAND_LOGO", "/l.png"), ("BRAND_ON_ACCENT", "#fff"), ("BRAND_SUPPORT", " ")]);
        assert_eq!((brand.logo.is_some(), brand.colors, brand.support), (true, None, None));
        assert!(describe(&problems[0]).starts_with("BRAND_ACCENT and BRAND_ON_ACCENT left out"));
    }
}
