//! Searching the index: a query's hits, best first, with the typo fallback and partial hits, and
//! [`Searcher`], which narrows the last hits while the user types.

use super::fold::char_mask;
use super::index::{FieldKind, SearchIndex};
use super::query::{Query, Scope, Term};
use super::rank::Scorer;
use super::sound;
use super::typo::{TypoMatch, closest_word, sounds_like, typo_score};
use super::words;

/// Above this many candidates a search is split across two threads, so that a first keystroke at
/// 100k entries uses both cores of a desk PC (`100k/keystroke (empty)→m`); below it, starting a
/// thread would cost more than the half of the work it takes over. At 100,000 entries a search
/// for "mar" takes about 13 ms on two threads and 28 ms on one (`query --limit 0 mar`, the search
/// alone, on a busy 2-core machine); `scoring_on_two_threads_gives_the_same_hits_as_one` checks
/// that the answers are the same.
pub(super) const PARALLEL_FROM: usize = 16_384;

/// One entry that matched every term, or (when no entry did) as many terms as any entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The entry's id in the index: its position in the empty query's order.
    pub entry: usize,
    /// Sum of the terms' scores; higher is better.
    pub score: i64,
    /// True if some term matched only through the typo fallback.
    pub approximate: bool,
    /// True if the entry matched only some of the terms: no entry matched all of them.
    pub partial: bool,
    /// Total length of the matched fields, for tie-breaks.
    pub field_len: usize,
}

impl Hit {
    /// One integer that orders hits best first: full matches before partial ones, true matches
    /// before approximate ones, then by score, then the shorter field, then the entry (stored in
    /// alphabetical order).
    fn rank_key(&self) -> u128 {
        // i64 → u64 keeping the order (flip the sign bit), then inverted: higher scores first.
        let score = !((self.score as u64) ^ (1 << 63)) as u128;
        (u128::from(self.partial) << 127)
            | (u128::from(self.approximate) << 126)
            | (score << 62)
            | ((self.field_len as u128 & 0x3fff_ffff) << 32)
            | self.entry as u128 & 0xffff_ffff
    }
}

/// Where one term matched in one entry, in chars of the displayed field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// Index of the field in [`SearchIndex::fields`] of its entry.
    pub field: usize,
    /// Which fact that field holds.
    pub kind: FieldKind,
    /// Sorted char indices of the displayed text.
    pub positions: Vec<usize>,
}

/// The hits of `query`, from the hits of whole queries (no unfinished word) that `run` gives.
///
/// The word under the cursor is not a word yet:
/// - beside no finished term, it is the query;
/// - beside only words for partnerships and for what the caller wants (which give way to a
///   name), it is searched alone; when that finds nothing, the finished terms' hits stay;
/// - beside finished terms that name something, it joins them as far as it can be placed: its
///   longest start that some entry matches along with them. Until its first letter can be
///   placed, the finished terms' hits stay, so that half a word never empties the list.
fn resolve(query: &Query, mut run: impl FnMut(&Query) -> Vec<Hit>) -> Vec<Hit> {
    let Some(word) = &query.unfinished else { return run(query) };
    let finished = query.finished();
    if finished.terms.is_empty() || query.soft {
        let alone = Query { terms: vec![Term { position: 0, ..word.clone() }], ..Query::default() };
        let hits = run(&alone);
        return if hits.is_empty() && query.soft { run(&finished) } else { hits };
    }
    // The longest start of the word that every hit matches beside the finished terms: "chee"
    // where only "che" can be placed keeps what "che" found.
    for end in (1..=word.text.len()).rev() {
        let text = word.text[..end].to_string();
        let mut both = finished.clone();
        both.terms.push(Term { mask: char_mask(&text), text, ..word.clone() });
        let hits = run(&both);
        if hits.first().is_some_and(|h| !h.partial) {
            return hits;
        }
    }
    run(&finished)
}

/// For each term of a query: `None` if it must match as typed, or the sound codes it may stand
/// for when it goes to the typo and sound fallback.
type Misspelt = Option<Vec<u32>>;

/// True if `term` may stand for a name it misspells or that sounds like it: a plain term, and
/// not within a typo of a filler word ("who handle" means "handles", not the topic's "Handel").
fn may_be_misspelt(term: &Term) -> bool {
    term.scope == Scope::Any && !term.exact && !words::near_an_ignored_word(&term.text)
}

impl SearchIndex {
    /// Every entry that matches `query`, best first. An empty query lists everything in order.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.search_split(query, PARALLEL_FROM)
    }

    /// [`Self::search`], scoring on two threads from `parallel_from` candidates on (the tests
    /// compare it with one thread).
    pub(super) fn search_split(&self, query: &Query, parallel_from: usize) -> Vec<Hit> {
        resolve(query, |q| self.search_among(q, None, parallel_from))
    }

    /// Like [`Self::search`], but only among `candidates` (indices of entries), when given.
    fn search_among(&self, query: &Query, candidates: Option<&[usize]>, parallel_from: usize) -> Vec<Hit> {
        let scorer = Scorer::new();
        if query.terms.is_empty() {
            let all =
                (0..self.len()).map(|entry| Hit { entry, score: 0, approximate: false, partial: false, field_len: 0 });
            return all.collect();
        }
        let typos = vec![None; query.terms.len()];
        let mut hits = self.collect(&scorer, query, &typos, candidates, parallel_from);
        if hits.is_empty() {
            // A term that matches nothing anywhere may be a typo: compare it with the names' words.
            // With one term, no hits already says it matches nowhere.
            let single = query.terms.len() == 1;
            let typos: Vec<Misspelt> = query
                .terms
                .iter()
                .map(|t| {
                    let misspelt = may_be_misspelt(t) && (single || !self.matches_anywhere(&scorer, t));
                    misspelt.then(|| sound::term_codes(&t.text))
                })
                .collect();
            if typos.iter().any(Option::is_some) {
                hits = self.collect(&scorer, query, &typos, None, parallel_from);
            }
        }
        if hits.is_empty() && query.terms.len() > 1 {
            hits = self.best_coverage(&scorer, query);
        }
        // Entries are stored in alphabetical order, so the index breaks the last tie by name.
        hits.sort_unstable_by_key(Hit::rank_key);
        hits
    }

    /// When no entry matches every term: the entries that match the most terms (at least one),
    /// marked partial. "Brescia Płock" lists both; "Schewe Polen Italien" lists Płock.
    fn best_coverage(&self, scorer: &Scorer, query: &Query) -> Vec<Hit> {
        let codes: Vec<Vec<u32>> = query.terms.iter().map(|t| sound::term_codes(&t.text)).collect();
        let mut best = 1;
        let mut hits = Vec::new();
        for id in 0..self.len() {
            let mut hit = Hit { entry: id, score: 0, approximate: false, partial: true, field_len: 0 };
            let mut matched = 0;
            for (term, codes) in query.terms.iter().zip(&codes) {
                if let Some(m) = scorer.best(self, id, term) {
                    hit.score += m.score;
                    hit.field_len += m.field_len;
                    matched += 1;
                } else if may_be_misspelt(term)
                    && let Some(m) = self.misspelt(id, &term.text, codes)
                {
                    let field = &self.fields(id)[m.field];
                    hit.score += typo_score(field.kind, m.distance);
                    hit.field_len += field.char_len as usize;
                    hit.approximate = true;
                    matched += 1;
                }
            }
            if matched > best {
                best = matched;
                hits.clear();
            }
            if matched == best {
                hits.push(hit);
            }
        }
        hits
    }

    /// A word of entry `id`'s names that `term` misspells, or else one that sounds like it.
    fn misspelt(&self, id: usize, term: &str, codes: &[u32]) -> Option<TypoMatch> {
        closest_word(self, id, term).or_else(|| sounds_like(self, id, term, codes))
    }

    fn matches_anywhere(&self, scorer: &Scorer, term: &Term) -> bool {
        (0..self.len()).any(|id| scorer.best(self, id, term).is_some())
    }

    /// Scores the candidates (or every entry), on two threads when there are many.
    fn collect(
        &self,
        scorer: &Scorer,
        query: &Query,
        typos: &[Misspelt],
        candidates: Option<&[usize]>,
        parallel_from: usize,
    ) -> Vec<Hit> {
        let all: Vec<usize>;
        let ids = match candidates {
            Some(ids) => ids,
            None => {
                all = (0..self.len()).collect();
                &all
            }
        };
        let score_all = |ids: &[usize]| -> Vec<Hit> {
            ids.iter().filter_map(|&id| self.score_entry(scorer, id, query, typos)).collect()
        };
        if ids.len() < parallel_from {
            return score_all(ids);
        }
        let (left, right) = ids.split_at(ids.len() / 2);
        std::thread::scope(|s| {
            let other = s.spawn(|| {
                let scorer = Scorer::new();
                right.iter().filter_map(|&id| self.score_entry(&scorer, id, query, typos)).collect::<Vec<_>>()
            });
            let mut hits = score_all(left);
            // A panic there is this search's panic: resumed here, never half the hits dropped.
            hits.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
            hits
        })
    }

    fn score_entry(&self, scorer: &Scorer, id: usize, query: &Query, typos: &[Misspelt]) -> Option<Hit> {
        let fields = self.fields(id);
        let mut hit = Hit { entry: id, score: 0, approximate: false, partial: false, field_len: 0 };
        for (term, typo) in query.terms.iter().zip(typos) {
            if let Some(codes) = typo {
                let m = self.misspelt(id, &term.text, codes)?;
                let field = &fields[m.field];
                hit.score += typo_score(field.kind, m.distance);
                hit.field_len += field.char_len as usize;
                hit.approximate = true;
            } else {
                let m = scorer.best(self, id, term)?;
                hit.score += m.score;
                hit.field_len += m.field_len;
            }
        }
        Some(hit)
    }

    /// Where each term of `query` matched in entry `entry`, for highlighting.
    pub fn highlights(&self, query: &Query, entry: usize) -> Vec<Highlight> {
        let scorer = Scorer::new();
        let id = entry;
        let mut out: Vec<Highlight> = Vec::new();
        // The word under the cursor is marked where it matched, never through a typo.
        let terms: Vec<(Term, bool)> = query
            .terms
            .iter()
            .cloned()
            .map(|t| (t, true))
            .chain(query.unfinished.iter().cloned().map(|t| (t, false)))
            .collect();
        for (term, finished) in &terms {
            let found = scorer.best(self, id, term).and_then(|m| {
                let folded = self.refold(id, m.field, m.style);
                let names = self.fields(id)[m.field].kind.names_the_entry();
                Some((m.field, folded.display_positions(scorer.positions(&folded, term, names)?)))
            });
            let found = found.or_else(|| {
                if term.scope != Scope::Any || term.exact || !finished {
                    return None;
                }
                let m = self.misspelt(id, &term.text, &sound::term_codes(&term.text))?;
                let folded = self.refold(id, m.field, m.style);
                Some((m.field, folded.display_positions(m.start..m.start + m.len)))
            });
            if let Some((field, positions)) = found {
                let kind = self.fields(id)[field].kind;
                match out.iter_mut().find(|h| h.field == field) {
                    Some(h) => {
                        h.positions.extend(positions);
                        h.positions.sort_unstable();
                        h.positions.dedup();
                    }
                    None => out.push(Highlight { field, kind, positions }),
                }
            }
        }
        out
    }

    /// Char positions to highlight in the entry's own name.
    pub fn name_positions(&self, query: &Query, entry: usize) -> Vec<usize> {
        let highlights = self.highlights(query, entry);
        highlights.into_iter().find(|h| h.kind == FieldKind::Name).map(|h| h.positions).unwrap_or_default()
    }
}

/// How many recent whole queries a [`Searcher`] keeps to narrow from: the finished words, the
/// word under the cursor alone, and both together.
const REMEMBERED: usize = 4;

/// A search that remembers its last queries, so that typing one more letter only re-checks the
/// previous hits (incremental narrowing, as in fzf).
#[derive(Debug, Clone, Default)]
pub struct Searcher {
    last: Vec<(Query, Vec<Hit>)>,
    hits: Vec<Hit>,
}

impl Searcher {
    /// A searcher with no history.
    pub fn new() -> Self {
        Searcher::default()
    }

    /// Searches `index` for `query`, narrowing from the last results where that gives the same
    /// answer.
    pub fn search(&mut self, index: &SearchIndex, query: &Query) -> &[Hit] {
        let last = std::mem::take(&mut self.last);
        let mut fresh: Vec<(Query, Vec<Hit>)> = Vec::new();
        self.hits = resolve(query, |whole| {
            let hits = narrowed(index, &last, whole).unwrap_or_else(|| index.search_among(whole, None, PARALLEL_FROM));
            fresh.push((whole.clone(), hits.clone()));
            hits
        });
        let older: Vec<_> = last.into_iter().filter(|(q, _)| !fresh.iter().any(|(f, _)| f == q)).collect();
        fresh.extend(older);
        fresh.truncate(REMEMBERED);
        self.last = fresh;
        &self.hits
    }

    /// Forgets the last queries, e.g. after the directory was reloaded.
    pub fn reset(&mut self) {
        self.last.clear();
    }
}

/// The hits of the whole query `query` from a remembered query's hits, when it narrows one.
fn narrowed(index: &SearchIndex, last: &[(Query, Vec<Hit>)], query: &Query) -> Option<Vec<Hit>> {
    if let Some((_, hits)) = last.iter().find(|(q, _)| q.terms == query.terms) {
        return Some(hits.clone());
    }
    let (_, hits) = last.iter().find(|(previous, hits)| {
        query.narrows(previous) && !hits.is_empty() && !hits.iter().any(|h| h.approximate || h.partial)
    })?;
    let candidates: Vec<usize> = hits.iter().map(|h| h.entry).collect();
    let hits = index.search_among(query, Some(&candidates), PARALLEL_FROM);
    // No hit among the previous ones: a full search decides whether the typo fallback applies.
    (!hits.is_empty()).then_some(hits)
}
