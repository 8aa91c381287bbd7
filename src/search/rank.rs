//! Scoring one term against one entry: fuzzy (skim) or exact on folded text, weighted by field,
//! and only where the match holds together as a typed name does ([`coherent`]). Terms that match
//! nothing at all go to [`super::typo`].

use std::cell::RefCell;
use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Folded, Style};
use super::index::{FieldKind, SearchIndex};
use super::query::{Scope, Term};
use crate::directory::Target;

/// Bonus for each leading letter of the term that the words' initials spell: "usa" in "United
/// States" (two: u, s) beats "usa" in "Uschhorod (hist. Ungwar)" (one) and in "Bursa" (none),
/// whatever the fields' weights.
const WORD_START_BONUS: i64 = 20;

/// Bonus when the term stands unbroken at the start of a word ("mar" in "Marteteice"): what the
/// user typed is most likely the beginning of what they heard.
const PREFIX_BONUS: i64 = 30;

/// Bonus when the term is the whole field: "ch" is Switzerland's code before it is the start of
/// Chesterfield, "de" Germany's before any word that begins so.
const WHOLE_FIELD_BONUS: i64 = 50;

/// How much of a field the fuzzy scorer looks at, in folded bytes. Skim's matrix is text × term:
/// a 1 MB field took 39 s and 2.4 GB. Names, countries and numbers are far shorter than this.
pub const FIELD_CAP: usize = 1024;

/// The first [`FIELD_CAP`] bytes of folded (ASCII) text.
fn capped(text: &str) -> &str {
    &text[..text.len().min(FIELD_CAP)]
}

/// The best match of one term in one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    /// Quality of the match plus the field's weight.
    pub score: i64,
    /// Index of the field in [`SearchIndex::fields`] of its entry.
    pub field: usize,
    /// Length of that field in chars, for tie-breaks: the shorter field wins.
    pub field_len: usize,
    /// The style of the field's text that matched best.
    pub style: Style,
}

/// Scores terms against entries; one per thread and search, as it remembers the quality of
/// shared texts (countries, contacts, years) for each term.
pub struct Scorer {
    shared: RefCell<HashMap<(u32, usize), Option<i64>>>,
}

impl std::fmt::Debug for Scorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scorer")
    }
}

impl Default for Scorer {
    fn default() -> Self {
        Scorer::new()
    }
}

impl Scorer {
    /// A scorer over already folded (lower-case) text.
    pub fn new() -> Self {
        Scorer { shared: RefCell::default() }
    }

    /// The best match of `term` in entry `id` of `index`, or `None`.
    pub fn best(&self, index: &SearchIndex, id: usize, term: &Term) -> Option<TermMatch> {
        let target = index.target(id);
        // An inflected term ("polnische") may match through its stem, which lacks the ending's letters.
        let stem_mask = match term.text.len() {
            n if n >= 5 && !term.exact => crate::search::fold::char_mask(&term.text[..(n - 2).max(4)]),
            _ => term.mask,
        };
        let mut best: Option<TermMatch> = None;
        for variant in index.variants(id) {
            if variant.mask & stem_mask != stem_mask
                || !variant.style.serves(&term.text, term.scope == Scope::Phone)
                || !in_scope(target, variant.kind, term.scope)
            {
                continue;
            }
            let quality = if variant.shared() {
                let key = (index.text_id(variant), term.position);
                let names = variant.kind.names_the_entry();
                *self.shared.borrow_mut().entry(key).or_insert_with(|| self.quality(index.text(variant), term, names))
            } else {
                self.quality(index.text(variant), term, variant.kind.names_the_entry())
            };
            let Some(quality) = quality else { continue };
            let candidate = TermMatch {
                score: quality + variant.kind.weight(),
                field: variant.field as usize,
                field_len: index.fields(id)[variant.field as usize].char_len as usize,
                style: variant.style,
            };
            let key = |m: &TermMatch| (m.score, std::cmp::Reverse(m.field_len));
            if best.is_none_or(|b| key(&candidate) > key(&b)) {
                best = Some(candidate);
            }
        }
        best
    }

    /// How well `term` matches `text`, or `None` if it does not. In a secondary field
    /// (`!names`: a region, a country, a contact…) the letters must stand at the start of whole
    /// words: no letter skipped inside a word ("kuz" finds no "Kurzeme").
    fn quality(&self, text: &str, term: &Term, names: bool) -> Option<i64> {
        let text = capped(text);
        let score = if term.exact {
            text.find(&term.text)?;
            32 * term.text.len() as i64
        } else {
            if !is_subsequence(&term.text, text) {
                // "polnische", "polnischen" for the word "polnisch"; "Poles" for "Pole".
                return inflected(text, &term.text).map(|stem| self.inflected_quality(text, stem));
            }
            // Whether it matches is `placed`'s to say; how well, skim's ([`skim_score`]).
            let found = if names { placed(text, &term.text) } else { placed_whole(text, &term.text) };
            match found {
                Some(_) => skim_score(text, &term.text),
                None => return inflected(text, &term.text).map(|stem| self.inflected_quality(text, stem)),
            }
        };
        let initials = initials_matched(text, &term.text) as i64;
        let prefix = if starts_a_word(text, &term.text) { PREFIX_BONUS } else { 0 };
        let whole = if text == term.text { WHOLE_FIELD_BONUS } else { 0 };
        Some(score + WORD_START_BONUS * initials + prefix + whole)
    }

    /// How well a term matches through its `stem`, a whole word of `text`: as the stem would,
    /// less [`INFLECTION_COST`].
    fn inflected_quality(&self, text: &str, stem: &str) -> i64 {
        let score = skim_score(text, stem);
        score + WORD_START_BONUS * initials_matched(text, stem) as i64 + PREFIX_BONUS - INFLECTION_COST
    }

    /// Positions (folded byte indices) of `term` in `variant`, for highlighting.
    pub fn positions(&self, variant: &Folded, term: &Term, names: bool) -> Option<Vec<usize>> {
        let text = capped(&variant.text);
        if term.exact {
            let at = text.find(&term.text)?;
            return Some((at..at + term.text.len()).collect());
        }
        let found = if names { placed(text, &term.text) } else { placed_whole(text, &term.text) };
        found.or_else(|| {
            let stem = inflected(text, &term.text)?;
            placed(text, stem)
        })
    }
}

/// Skim's score of `term` in `text`, from a matcher of its own. fuzzy-matcher 0.3.7 keeps its
/// score matrix between calls and does not clear it: a cell's `bonus` from the text matched
/// before is read again (in `build_score_matrix`), so a shared matcher scored "aa" in "alkmaar"
/// 127 after some texts and 121 after others, and typing letter by letter ranked differently
/// from a full search (`tests/search_props.rs` found it; skim's issue #1071 is the same symptom).
/// `use_cache(false)` would drop the matrix, but panics in 0.3.7 ("already borrowed", fixed by
/// fuzzy-matcher's pull request #22, not released). A new matcher costs a few small allocations,
/// and is made only for a term that `placed` already matched.
fn skim_score(text: &str, term: &str) -> i64 {
    SkimMatcherV2::default().respect_case().fuzzy_indices(text, term).map_or(16 * term.len() as i64, |(s, _)| s)
}

/// Where the letters of `term` stand in `text` when they hold together as a name typed by a
/// caller does, or `None`:
/// - the first letter begins a word: letters inside a word never answer on their own, so "usa"
///   finds no Bursa and "wien" no Masowien;
/// - each next letter follows the one before, or begins a later word ("usa" in "United States
///   of America", "sanantonio");
/// - or, once the match stays in its last word, skips a letter or more of it ("grz" for Graz),
///   at most once in three letters typed so far (once for the first three).
///
/// The letters are placed from left to right, and each is placed by what came before it alone,
/// so the rule is monotone: if a term matches, every prefix of it matches too, and results never
/// vanish and come back while the user types (`tests/search_props.rs`).
pub fn placed(text: &str, term: &str) -> Option<Vec<usize>> {
    place(text, term, true)
}

/// [`placed`] without skipping letters inside a word: each word the term reaches is matched from
/// its start ("kanton be" in "Kanton Bern", "us" in "United States"), for secondary fields.
pub fn placed_whole(text: &str, term: &str) -> Option<Vec<usize>> {
    place(text, term, false)
}

fn place(text: &str, term: &str, may_skip: bool) -> Option<Vec<usize>> {
    let (bytes, wanted) = (text.as_bytes(), term.as_bytes());
    let &first = wanted.first()?;
    (0..bytes.len())
        .filter(|&at| bytes[at] == first && is_word_start(text, at))
        .find_map(|anchor| place_from(bytes, wanted, anchor, may_skip))
}

/// True if the match at `positions` uses only the initial of a filler word of `text` on its way
/// to a later word: initials never run across "und", "of", "the" ("uk" is not "und
/// Kooperationen").
fn initials_cross_filler(text: &[u8], positions: &[usize]) -> bool {
    let word_end = |at: usize| (at..text.len()).find(|&i| !text[i].is_ascii_alphanumeric()).unwrap_or(text.len());
    let mut i = 0;
    while i < positions.len() {
        let start = positions[i];
        let end = word_end(start);
        let used = positions[i..].iter().take_while(|&&p| p < end).count();
        // The last word reached may be the one being typed ("globales u" on the way to "und").
        let last = i + used == positions.len();
        if used == 1 && !last && end > start + 1 {
            let word = std::str::from_utf8(&text[start..end]).unwrap_or("");
            if super::words::is_filler(word) {
                return true;
            }
        }
        i += used.max(1);
    }
    false
}

/// [`placed`] with the first letter at `anchor`.
fn place_from(text: &[u8], term: &[u8], anchor: usize, may_skip: bool) -> Option<Vec<usize>> {
    let word_start = |at: usize| at == 0 || !text[at - 1].is_ascii_alphanumeric();
    let word_end = |at: usize| (at..text.len()).find(|&i| !text[i].is_ascii_alphanumeric()).unwrap_or(text.len());
    let mut positions = Vec::with_capacity(term.len());
    positions.push(anchor);
    let (mut at, mut skips, mut skipped) = (anchor, 0usize, false);
    for (typed, &letter) in term.iter().enumerate().skip(1) {
        if text.get(at + 1) == Some(&letter) {
            at += 1;
        } else if let Some(next) =
            (!skipped).then(|| (at + 1..text.len()).find(|&i| text[i] == letter && word_start(i))).flatten()
        {
            at = next;
        } else {
            if !may_skip {
                return None;
            }
            let end = word_end(at + 1);
            at = (at + 1..end).find(|&i| text[i] == letter)?;
            skips += 1;
            skipped = true;
            if skips > ((typed + 1) / 3).max(1) {
                return None;
            }
        }
        positions.push(at);
    }
    (!initials_cross_filler(text, &positions)).then_some(positions)
}

/// What a match through an inflection's ending costs against the same letters matched as typed.
const INFLECTION_COST: i64 = 8;

/// The stem of `term` without a German or English inflection's ending (`-e -en -er -es -n -s`)
/// when that stem is a whole word of `text`: "polnischen" is the word "polnisch". The stem is
/// at least four letters, so that no short word stands for another. Monotone with [`placed`]:
/// each shorter prefix of such a term is the stem's own prefix, or the stem plus `e`.
pub fn inflected<'t>(text: &str, term: &'t str) -> Option<&'t str> {
    ["en", "er", "es", "e", "n", "s"].into_iter().find_map(|ending| {
        let stem = term.strip_suffix(ending).filter(|stem| stem.len() >= 4)?;
        text.split(|c: char| !c.is_ascii_alphanumeric()).any(|word| word == stem).then_some(stem)
    })
}

/// True if a field of this kind is searched by a term of this scope.
pub fn in_scope(target: Target, kind: FieldKind, scope: Scope) -> bool {
    use FieldKind::*;
    match (scope, kind) {
        (Scope::Any, _) => true,
        (Scope::Country, CountryDe | CountryEn | CountryCode) => true,
        (Scope::Person, Contact) => true,
        (Scope::Person, Name) => matches!(target, Target::Person(_)),
        (Scope::Country, CountryAlias | CountryAdjective) => true,
        (Scope::Year, Year) => true,
        (Scope::Phone, Phone | Fax | Extension | SharedFax | Year) => true,
        (
            Scope::Country | Scope::Person | Scope::Year | Scope::Phone,
            Name | German | Native | Alias | CountryDe | CountryEn | CountryCode | CountryAlias | CountryAdjective
            | Region | Contact | Role | Phone | Fax | Extension | Email | Year | Address | Keyword | SharedEmail
            | SharedFax,
        ) => false,
    }
}

/// True if the bytes of `needle` appear in `haystack` in order.
pub fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut hay = haystack.bytes();
    needle.bytes().all(|n| hay.any(|h| h == n))
}

fn is_word_start(text: &str, at: usize) -> bool {
    at == 0 || !text.as_bytes()[at - 1].is_ascii_alphanumeric()
}

/// How many leading letters of `term` the initials of `text`'s words spell, in order.
fn initials_matched(text: &str, term: &str) -> usize {
    let mut wanted = term.bytes().peekable();
    let mut count = 0;
    for (at, b) in text.bytes().enumerate() {
        let Some(&next) = wanted.peek() else { break };
        if b == next && is_word_start(text, at) {
            wanted.next();
            count += 1;
        }
    }
    count
}

/// True if `term` stands unbroken at the start of some word of `text`.
fn starts_a_word(text: &str, term: &str) -> bool {
    let Some(first) = term.bytes().next() else { return false };
    text.bytes().enumerate().any(|(at, b)| b == first && is_word_start(text, at) && text[at..].starts_with(term))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::char_mask;

    #[test]
    fn word_starts() {
        assert!(is_word_start("united states", 0));
        assert!(is_word_start("united states", 7));
        assert!(!is_word_start("bursa", 1));
        assert!(is_word_start("(06151) 13-2325", 11));
    }

    #[test]
    fn initials_and_word_prefixes() {
        assert_eq!(initials_matched("united states", "usa"), 2);
        assert_eq!(initials_matched("uschhorod (hist. ungwar)", "usa"), 1);
        assert_eq!(initials_matched("bursa", "usa"), 0);
        assert_eq!(initials_matched("malgorzata rossi", "mar"), 1);
        assert!(starts_a_word("saanen-gstaad", "gst"));
        assert!(!starts_a_word("saanen-gstaad", "aad"));
    }

    #[test]
    fn a_score_does_not_depend_on_what_was_matched_before() {
        let words =
            ["szeged (hist. szegedin/segedin)", "saanen-gstaad", "kanton bern, verwaltungskreis", "ss", "gyoenk"];
        for term in ["s", "ss", "sst", "sen", "gk", "ern"] {
            let t = Term { text: term.into(), exact: false, scope: Scope::Any, mask: char_mask(term), position: 0 };
            let shared = Scorer::new();
            for (i, text) in words.iter().chain(words.iter().rev()).enumerate() {
                let fresh = Scorer::new().quality(text, &t, true);
                assert_eq!(shared.quality(text, &t, true), fresh, "{text:?} / {term:?}, call {i}");
            }
        }
    }

    #[test]
    fn scattered_letters_are_no_match() {
        let scorer = Scorer::new();
        let term = |t: &str| Term { text: t.into(), exact: false, scope: Scope::Any, mask: char_mask(t), position: 0 };
        assert!(scorer.quality("kanton bern, verwaltungskreis obersimmental-saanen", &term("berlin"), true).is_none());
        assert!(scorer.quality("graz", &term("grz"), true).is_some());
        assert!(scorer.quality("saanen-gstaad", &term("saanen-gs"), true).is_some());
        assert!(
            scorer
                .quality("abteilungsleiterin internationale beziehungen", &term("abteilungsleiterin"), true)
                .is_some()
        );
        assert!(scorer.quality("oblast transkarpatien (zakarpattia)", &term("spain"), true).is_none());
        assert!(scorer.quality("postal office", &term("oslo"), true).is_none());
        assert!(scorer.quality("sachsen, landkreis mittelsachsen", &term("lima"), true).is_none());
        assert!(scorer.quality("united states", &term("usa"), true).is_some());
        assert!(scorer.quality("mittelsachsen", &term("milan"), true).is_none());
        assert_eq!(placed("ab", "ab"), Some(vec![0, 1]));
        assert_eq!(placed("a-b-c-d", "abcd"), Some(vec![0, 2, 4, 6]), "initials hold together");
        assert_eq!(placed("abcd xbxx", "ab"), Some(vec![0, 1]));
        assert_eq!(placed("axcd xbxx", "ab"), None, "a letter from the middle of another word does not");
        assert_eq!(placed("masowien (mazowieckie)", "wien"), None, "nor letters inside a word");
        assert_eq!(placed("bursa", "usa"), None);
        assert_eq!(placed("united states of america", "usa"), Some(vec![0, 7, 17]));
        assert_eq!(placed("san antonio", "sanantonio"), Some(vec![0, 1, 2, 4, 5, 6, 7, 8, 9, 10]));
    }

    #[test]
    fn secondary_fields_match_whole_words_from_their_start() {
        assert_eq!(placed_whole("kurzeme", "kuz"), None, "no letter skipped inside a word");
        assert!(placed("kurzeme", "kuz").is_some(), "as a name's letters may be");
        assert!(placed_whole("kanton bern, verwaltungskreis", "kanton be").is_some());
        assert!(placed_whole("united kingdom", "uk").is_some(), "initials of whole words");
    }

    #[test]
    fn initials_never_run_across_filler_words() {
        assert_eq!(placed("netzwerke und kooperationen", "uk"), None);
        assert_eq!(placed("mayors for peace", "mfp"), None);
        assert!(placed("united states of america", "usa").is_some(), "a filler word passed over is fine");
        assert!(placed("netzwerke und kooperationen", "und k").is_some(), "a filler word typed in full is fine");
        assert!(placed("globales und europaisches", "globalesu").is_some(), "the filler word being typed is fine");
    }

    #[test]
    fn a_prefix_of_a_match_matches() {
        // "chstr" skips twice in five letters: it and everything after it fail, so Chesterfield
        // does not come back at "chstrf".
        assert!(placed("chesterfield", "chs").is_some());
        assert!(placed("chesterfield", "chst").is_some());
        assert!(placed("chesterfield", "chstr").is_none());
        assert!(placed("chesterfield", "chstrf").is_none());
        assert!(placed("chesterfield", "chesterf").is_some());
    }

    #[test]
    fn letters_at_word_starts_outweigh_a_heavier_field() {
        let scorer = Scorer::new();
        let term = Term { text: "usa".into(), exact: false, scope: Scope::Any, mask: char_mask("usa"), position: 0 };
        let country =
            scorer.quality("united states of america", &term, false).unwrap() + FieldKind::CountryAlias.weight();
        assert!(country > 0);
        // In a secondary field no letter is skipped inside a word: "usa" is not "U…S…tAtes".
        assert!(scorer.quality("united states", &term, false).is_none());
        // Letters picked from the middle of words are no match at all now.
        assert!(scorer.quality("uschhorod (hist. ungwar)", &term, true).is_none());
        assert!(scorer.quality("bursa", &term, true).is_none());
    }
}
