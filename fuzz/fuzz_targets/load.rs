//! The loader and validation on arbitrary bytes: any file is either a directory or a list of
//! problems, never a panic, a hang or an abort.
#![no_main]

use libfuzzer_sys::fuzz_target;
use partnerdesk::directory::{self, Source};

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    match directory::parse(text, Source::File("fuzz.ron".into()), 2026) {
        Ok(directory) => {
            // A directory that loads must also index and answer a search.
            let index = partnerdesk::search::SearchIndex::new(&directory);
            let _ = index.search(&partnerdesk::search::Query::parse("a"));
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
