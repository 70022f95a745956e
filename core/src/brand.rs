//! A team's brand on the pages, from `config.json`'s `brand` object: product name, logo,
//! accent colours and a support contact. Checked when the page loads: a logo from another
//! site or colours whose contrast is below WCAG AA are left out (the kit's own look stays)
//! and the deployer is told why, so a brand mistake never breaks a page.

use serde::Deserialize;

/// `brand` in `config.json`, as written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct BrandFile {
    /// The product name, shown above the heading and in the title.
    pub name: Option<String>,
    /// A same-site path of the logo image (`/brand/logo.svg`, `www/logo.png`).
    pub logo: Option<String>,
    /// The logo's text alternative (by default the product name).
    pub logo_alt: Option<String>,
    /// The accent colour (buttons, focus ring), `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    /// The colour of text on the accent, `#rgb` or `#rrggbb`.
    pub on_accent: Option<String>,
    /// Whom to ask for help (an address or a short sentence), shown where help is needed.
    pub support: Option<String>,
}

/// The brand as the page applies it: only what passed the checks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Brand {
    /// The product name.
    pub name: Option<String>,
    /// The logo's path and text alternative.
    pub logo: Option<(String, String)>,
    /// The accent and the colour of text on it.
    pub colors: Option<(String, String)>,
    /// The support contact.
    pub support: Option<String>,
}

/// A brand setting the page left out, for the deployer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BrandProblem {
    /// The logo is not a path on this site (the CSP allows images from this site only).
    LogoElsewhere(String),
    /// A colour is not `#rgb` or `#rrggbb`, or only one of the two is given.
    Color(String),
    /// The accent and the text on it are too alike for everyone to read (contrast ratio
    /// below 4.5:1, WCAG AA), in hundredths.
    LowContrast(u32),
}

/// A part of the brand that is applied or left out as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrandPart {
    /// The logo (and its text alternative).
    Logo,
    /// The accent and the colour of text on it, which only make sense together.
    Colors,
}

impl BrandProblem {
    /// The part this problem leaves out; the other parts stay.
    pub fn part(&self) -> BrandPart {
        match self {
            Self::LogoElsewhere(_) => BrandPart::Logo,
            Self::Color(_) | Self::LowContrast(_) => BrandPart::Colors,
        }
    }
}

impl std::fmt::Display for BrandProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // Quoted by hand: `{:?}` would bring Unicode escaping tables into the pages.
            Self::LogoElsewhere(logo) => write!(f, "brand.logo \"{logo}\" is not a path on this site (such as /brand/logo.svg); the logo is left out"),
            Self::Color(what) => write!(f, "brand colours need both accent and onAccent as #rgb or #rrggbb ({what}); the kit's colours stay"),
            Self::LowContrast(ratio) => write!(
                f,
                "brand.accent and brand.onAccent have a contrast of {}.{:02}:1, below the 4.5:1 WCAG AA asks for text; the kit's colours stay",
                ratio / 100,
                ratio % 100
            ),
        }
    }
}

/// Checks `file`; returns the brand to apply and what was left out.
pub fn check_brand(file: &BrandFile) -> (Brand, Vec<BrandProblem>) {
    let mut problems = Vec::new();
    let name = file.name.as_deref().map(str::trim).filter(|n| !n.is_empty()).map(str::to_string);
    let logo = match file.logo.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        Some(logo) if is_site_path(logo) => {
            let alt = file.logo_alt.clone().or_else(|| name.clone()).unwrap_or_default();
            Some((logo.to_string(), alt))
        }
        Some(logo) => {
            problems.push(BrandProblem::LogoElsewhere(logo.to_string()));
            None
        }
        None => None,
    };
    let colors = match (file.accent.as_deref(), file.on_accent.as_deref()) {
        (None, None) => None,
        (Some(accent), Some(on_accent)) => match (parse_color(accent), parse_color(on_accent)) {
            (Some(a), Some(b)) => {
                let ratio = (contrast_ratio(a, b) * 100.0).floor() as u32;
                if ratio >= 450 {
                    Some((accent.trim().to_string(), on_accent.trim().to_string()))
                } else {
                    problems.push(BrandProblem::LowContrast(ratio));
                    None
                }
            }
            _ => {
                problems.push(BrandProblem::Color(format!("got \"{accent}\" and \"{on_accent}\"")));
                None
            }
        },
        _ => {
            problems.push(BrandProblem::Color("only one was given".into()));
            None
        }
    };
    let support = file.support.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    (Brand { name, logo, colors, support }, problems)
}

/// A path on this site: relative, or absolute without a host; nothing a browser could read
/// as another origin or a script. Only printable ASCII: a URL parser drops leading control
/// characters and tabs or newlines anywhere, so `"\u{1}//evil.example/x.png"` would become a
/// host-relative address of another site (a real path is percent-encoded).
fn is_site_path(logo: &str) -> bool {
    let printable = logo.bytes().all(|b| (b'!'..=b'~').contains(&b));
    printable && !logo.starts_with("//") && !logo.contains(':') && !logo.contains('\\')
}

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Reads `#rgb` or `#rrggbb`.
pub fn parse_color(text: &str) -> Option<Rgb> {
    let hex = text.trim().strip_prefix('#')?;
    let digit = |c: char| c.to_digit(16).map(|d| d as u8);
    let digits: Option<Vec<u8>> = hex.chars().map(digit).collect();
    match digits?.as_slice() {
        [r, g, b] => Some([r * 17, g * 17, b * 17]),
        [r1, r2, g1, g2, b1, b2] => Some([r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2]),
        _ => None,
    }
}

/// WCAG 2 contrast ratio of two colours (1 to 21).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// WCAG 2 relative luminance.
fn luminance(rgb: Rgb) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brand(json: &str) -> (Brand, Vec<BrandProblem>) {
        check_brand(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast_ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio([255, 255, 255], [255, 255, 255]) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
        let ratio = contrast_ratio(parse_color("#767676").unwrap(), [255, 255, 255]);
        assert!((4.53..4.55).contains(&ratio), "{ratio}");
        assert!(contrast_ratio(parse_color("#777").unwrap(), [255, 255, 255]) < 4.5, "and #777777 just fails");
        assert_eq!(parse_color("#fa0"), Some([255, 170, 0]));
        assert_eq!(parse_color(" #0B57D0 "), Some([11, 87, 208]));
        for bad in ["0b57d0", "#0b57d", "#ggg", "red", "#0b57d0ff", "#"] {
            assert_eq!(parse_color(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_good_brand_is_applied_whole() {
        let (brand, problems) = brand(r##"{"name":" Acme ","logo":"/brand/logo.svg","accent":"#7a1fa2","onAccent":"#fff","support":"help@acme.example"}"##);
        assert_eq!(problems, []);
        assert_eq!(brand.name.as_deref(), Some("Acme"));
        assert_eq!(brand.logo, Some(("/brand/logo.svg".into(), "Acme".into())), "the name is the logo's text alternative");
        assert_eq!(brand.colors, Some(("#7a1fa2".into(), "#fff".into())));
        assert_eq!(brand.support.as_deref(), Some("help@acme.example"));
        assert_eq!(check_brand(&BrandFile::default()), (Brand::default(), vec![]));
    }

    #[test]
    fn what_cannot_be_applied_is_left_out_and_explained() {
        let (kept, problems) = brand(r##"{"name":"Acme","logo":"https://cdn.example/logo.png","accent":"#ffeb3b","onAccent":"#ffffff"}"##);
        assert_eq!((kept.logo, kept.colors, kept.name.as_deref()), (None, None, Some("Acme")));
        assert_eq!(problems[0], BrandProblem::LogoElsewhere("https://cdn.example/logo.png".into()));
        assert!(matches!(problems[1], BrandProblem::LowContrast(r) if r < 450));
        assert!(problems[1].to_string().contains(":1, below the 4.5:1 WCAG AA"), "{}", problems[1]);
        for logo in ["//evil.example/x.png", "javascript:alert(1)", "data:image/png;base64,AA", "a b.png", "\\\\host\\x", "\u{1}//evil.example/x.png", "/\t/evil.example/x.png", "\n//evil.example", "/caf\u{e9}.png"] {
            let json = serde_json::to_string(logo).unwrap();
            assert!(matches!(brand(&format!(r#"{{"logo":{json}}}"#)).1[..], [BrandProblem::LogoElsewhere(_)]), "{logo:?}");
        }
        assert!(matches!(brand(r##"{"accent":"#000"}"##).1[..], [BrandProblem::Color(_)]));
        assert!(matches!(brand(r##"{"accent":"black","onAccent":"#fff"}"##).1[..], [BrandProblem::Color(_)]));
    }

    #[test]
    fn each_problem_names_the_one_part_it_leaves_out() {
        let (kept, problems) = brand(r##"{"name":"Acme","logo":"https://cdn.example/l.png","accent":"#7a1fa2","onAccent":"#fff","support":"help"}"##);
        assert_eq!(problems.iter().map(BrandProblem::part).collect::<Vec<_>>(), [BrandPart::Logo]);
        assert!(kept.colors.is_some() && kept.support.is_some() && kept.name.is_some(), "the rest stays");
        let (kept, problems) = brand(r##"{"logo":"/l.png","accent":"#7a1fa2"}"##);
        assert_eq!(problems.iter().map(BrandProblem::part).collect::<Vec<_>>(), [BrandPart::Colors]);
        assert!(kept.logo.is_some());
        assert_eq!(brand(r##"{"accent":"#ff0","onAccent":"#fff"}"##).1[0].part(), BrandPart::Colors);
    }
}
