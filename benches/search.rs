//! Search speed: one keystroke on the embedded directory and on 100,000 generated entries.
//! `cargo bench --bench search`

#[path = "support/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use partnerdesk::directory::{self, Source};
use partnerdesk::search::{Query, SearchIndex, Searcher};

/// Times typing the last letter of `typed`, with the search for everything before it already done.
fn keystroke(c: &mut Criterion, name: &str, index: &SearchIndex, typed: &str) {
    let mut primed = Searcher::new();
    let before = &typed[..typed.len() - 1];
    primed.search(index, &Query::parse(before));
    let query = Query::parse(typed);
    c.bench_function(name, |b| {
        b.iter_batched(|| primed.clone(), |mut s| black_box(s.search(index, &query).len()), BatchSize::LargeInput)
    });
}

fn embedded(c: &mut Criterion) {
    let dir = directory::load(&Source::Embedded, 2026).expect("embedded data");
    let index = SearchIndex::new(&dir);
    keystroke(c, "embedded/keystroke pl→plo", &index, "plo");
    keystroke(c, "embedded/keystroke (empty)→k", &index, "k");
    keystroke(c, "embedded/keystroke typo bresic→bresica", &index, "bresica");
}

fn large(c: &mut Criterion) {
    let (ron, _) = synthetic::generate(100_000, 7);
    let dir = directory::parse(&ron, Source::Embedded, 2026).expect("generated data is valid");
    let index = SearchIndex::new(&dir);
    keystroke(c, "100k/keystroke (empty)→m", &index, "m");
    keystroke(c, "100k/keystroke ma→mar", &index, "mar");
    keystroke(c, "100k/keystroke mar→marn", &index, "marn");
    keystroke(c, "100k/keystroke kra→kraa (narrowed, few hits)", &index, "kraa");
    keystroke(c, "100k/keystroke land:pola→land:polan", &index, "land:polan");
    keystroke(c, "100k/keystroke typo bresic→bresica", &index, "bresica");
    c.bench_function("100k/build index", |b| b.iter(|| black_box(SearchIndex::new(&dir).len())));
}

/// The bound on hostile input: a city named with 1 MB of letters, searched for 150 letters.
fn hostile(c: &mut Criterion) {
    let name = "graz".repeat(250_000);
    let text = directory::EMBEDDED.replacen("name: \"Graz\"", &format!("name: \"{name}\""), 1);
    let dir = directory::parse(&text, Source::Embedded, 2026).expect("still valid");
    let index = SearchIndex::new(&dir);
    let query = Query::parse(&"gr".repeat(75));
    c.bench_function("1 MB field/150-letter query", |b| b.iter(|| black_box(index.search(&query).len())));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = embedded, large, hostile
}
criterion_main!(benches);
