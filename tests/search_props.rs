//! Properties of the search over any input: it never panics, and every highlighted position is a
//! char of the text as displayed.

use partnerdesk::directory::{self, Source};
use partnerdesk::search::{Query, SearchIndex, Searcher};
use proptest::prelude::*;

fn index() -> SearchIndex {
    SearchIndex::new(&directory::load(&Source::Embedded, 2026).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn search_never_panics_and_positions_are_valid(input in "(\\PC|[ 'ł:ñøāöß]){0,24}") {
        let index = index();
        let query = Query::parse(&input);
        for hit in index.search(&query).iter().take(30) {
            let fields = index.fields(hit.entry);
            for highlight in index.highlights(&query, hit.entry) {
                let shown = index.display(&fields[highlight.field]);
                for p in highlight.positions {
                    prop_assert!(p < shown.chars().count(), "position {p} outside {shown:?}");
                }
            }
        }
    }

    #[test]
    fn typing_letter_by_letter_matches_a_full_search(input in "[a-z: ']{0,12}") {
        let index = index();
        let mut searcher = Searcher::new();
        for end in input.char_indices().map(|(i, _)| i).chain([input.len()]) {
            let query = Query::parse(&input[..end]);
            let narrowed = searcher.search(&index, &query).to_vec();
            prop_assert_eq!(narrowed, index.search(&query));
        }
    }
}
