//! The catalogue files are exactly the shipped languages. `npm run build` hands the pages the
//! file names in `core/i18n/` (`www/boot.js` requests the browser's language early), while
//! the trigger and the browser module pick from `LANGUAGES`: the two lists must agree. Core
//! reads no folders, so the check lives in a shell.

use reset_link_core::i18n::LANGUAGES;

#[test]
fn the_catalogue_files_are_the_shipped_languages() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/i18n");
    let mut files: Vec<String> = std::fs::read_dir(folder)
        .expect("core/i18n is readable")
        .map(|entry| entry.expect("core/i18n lists").file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_string))
        .collect();
    files.sort();
    let mut shipped = LANGUAGES.map(str::to_string).to_vec();
    shipped.sort();
    assert_eq!(files, shipped);
}
