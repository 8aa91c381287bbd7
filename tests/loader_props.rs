//! The loader on hostile input, briefly, on every CI run (the `fuzz/` targets go deeper): any bytes
//! and any long field give a directory or a list of problems, never a panic, a hang or an abort.

use partnerdesk::directory::{self, EMBEDDED, Source};
use partnerdesk::search::{Query, SearchIndex};
use proptest::prelude::*;

fn source() -> Source {
    Source::File("prop.ron".into())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_or_are_refused_with_a_message(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Err(e) = directory::parse(&text, source(), 2026) {
            prop_assert!(e.to_string().starts_with("prop.ron"));
        }
    }

    #[test]
    fn the_real_file_with_bytes_spliced_in_is_handled(at in 0..EMBEDDED.len(), junk in ".{0,64}") {
        let at = (0..=at).rev().find(|&i| EMBEDDED.is_char_boundary(i)).unwrap_or(0);
        let text = format!("{}{junk}{}", &EMBEDDED[..at], &EMBEDDED[at..]);
        if let Err(e) = directory::parse(&text, source(), 2026) {
            for line in e.to_string().lines() {
                prop_assert!(line.starts_with("prop.ron"), "{line}");
            }
        }
    }

    #[test]
    fn a_long_random_field_loads_and_searches_in_bounded_time(
        value in "\\PC{1,200}",
        repeat in 1usize..5_000,
        query in "\\PC{1,300}",
    ) {
        let long = value.repeat(repeat);
        let literal = ron::to_string(&long).unwrap();
        let text = EMBEDDED.replacen("\"Tolna\"", &literal, 1);
        match directory::parse(&text, source(), 2026) {
            Ok(dir) => {
                let index = SearchIndex::new(&dir);
                let _ = index.search(&Query::parse(&query));
                let head: String = long.chars().take(3_000).collect();
                let _ = index.search(&Query::parse(&head));
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(message.contains("region"), "{message}");
            }
        }
    }
}
