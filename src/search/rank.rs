//! Scoring one term against one entry: fuzzy (skim) or exact on folded text, weighted by field,
//! and the typo fallback for terms that match nothing at all.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::Folded;
use super::index::{Entry, Field, FieldKind, Target};
use super::query::{Scope, Term};

/// Bonus for each matched letter that begins a word: "usa" in "United States" (two) beats "usa"
/// in "Uschhorod (hist. Ungwar)" (one) and inside "Bursa" (none), whatever the fields' weights.
const WORD_START_BONUS: i64 = 20;

/// The best match of one term in one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMatch {
    /// Quality of the match plus the field's weight.
    pub score: i64,
    /// Index of the field in [`Entry::fields`].
    pub field: usize,
    /// Length of that field in chars, for tie-breaks: the shorter field wins.
    pub field_len: usize,
}

/// Scores terms against entries. Cheap to share between threads.
#[derive(Default)]
pub struct Scorer {
    skim: SkimMatcherV2,
}

impl std::fmt::Debug for Scorer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scorer")
    }
}

impl Scorer {
    /// A scorer over already folded (lower-case) text.
    pub fn new() -> Self {
        Scorer { skim: SkimMatcherV2::default().respect_case() }
    }

    /// The best match of `term` in `entry`, or `None`.
    pub fn best(&self, entry: &Entry, term: &Term) -> Option<TermMatch> {
        if !term.exact && !is_subsequence(&term.text, &entry.haystack) {
            return None;
        }
        let mut best: Option<TermMatch> = None;
        for (index, field) in entry.fields.iter().enumerate() {
            if !in_scope(entry.target, field.kind, term.scope) {
                continue;
            }
            for variant in field.variants() {
                let Some(quality) = self.quality(&variant.text, term) else { continue };
                let candidate = TermMatch {
                    score: quality + field.kind.weight(),
                    field: index,
                    field_len: field.display.chars().count(),
                };
                if best.is_none_or(|b| {
                    (candidate.score, std::cmp::Reverse(candidate.field_len))
                        > (b.score, std::cmp::Reverse(b.field_len))
                }) {
                    best = Some(candidate);
                }
            }
        }
        best
    }

    /// How well `term` matches `text`, or `None` if it does not.
    fn quality(&self, text: &str, term: &Term) -> Option<i64> {
        if term.exact {
            let at = text.find(&term.text)?;
            let starts = (at..at + term.text.len()).filter(|&i| is_word_start(text, i)).count();
            return Some(32 * term.text.len() as i64 + WORD_START_BONUS * starts as i64);
        }
        if !is_subsequence(&term.text, text) {
            return None;
        }
        let (score, positions) = self.skim.fuzzy_indices(text, &term.text)?;
        let starts = positions.iter().filter(|&&i| is_word_start(text, i)).count();
        Some(score + WORD_START_BONUS * starts as i64)
    }

    /// Positions (folded byte indices) of `term` in `variant`, for highlighting.
    pub fn positions(&self, variant: &Folded, term: &Term) -> Option<Vec<usize>> {
        if term.exact {
            let at = variant.text.find(&term.text)?;
            return Some((at..at + term.text.len()).collect());
        }
        self.skim.fuzzy_indices(&variant.text, &term.text).map(|(_, positions)| positions)
    }
}

/// True if a field of this kind is searched by a term of this scope.
pub fn in_scope(target: Target, kind: FieldKind, scope: Scope) -> bool {
    match scope {
        Scope::Any => true,
        Scope::Country => matches!(kind, FieldKind::CountryDe | FieldKind::CountryEn | FieldKind::CountryCode),
        Scope::Person => kind == FieldKind::Contact || (kind == FieldKind::Name && matches!(target, Target::Person(_))),
        Scope::Year => kind == FieldKind::Year,
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

/// How many edits a typo of this length may have: none under 4 letters, 1 up to 7, 2 beyond.
pub fn typo_budget(term: &str) -> usize {
    match term.len() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The closest word of the entry's names within the typo budget: (field, word start, word length, distance).
pub fn closest_word(entry: &Entry, term: &str) -> Option<(usize, usize, usize, usize)> {
    let budget = typo_budget(term);
    if budget == 0 {
        return None;
    }
    let mut best: Option<(usize, usize, usize, usize)> = None;
    for (index, field) in entry.fields.iter().enumerate().filter(|(_, f)| f.kind.is_a_name()) {
        for variant in field.variants() {
            for (start, word) in words(&variant.text) {
                if word.len().abs_diff(term.len()) > budget {
                    continue;
                }
                let distance = damerau_levenshtein(term.as_bytes(), word.as_bytes());
                if distance <= budget && best.is_none_or(|b| distance < b.3) {
                    best = Some((index, start, word.len(), distance));
                }
            }
        }
    }
    best
}

/// Score of a typo match: below every true match, better with fewer edits and a weightier field.
pub fn typo_score(field: &Field, distance: usize) -> i64 {
    field.kind.weight() - 20 * distance as i64
}

/// The words of folded text with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .scan(0, |offset, word| {
            let start = *offset;
            *offset += word.len() + 1;
            Some((start, word))
        })
        .filter(|(_, w)| !w.is_empty())
}

/// Optimal-string-alignment Damerau–Levenshtein distance: an adjacent swap counts as one edit.
pub fn damerau_levenshtein(a: &[u8], b: &[u8]) -> usize {
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v =
                (d[(i - 1) * width + j] + 1).min(d[i * width + j - 1] + 1).min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = v;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damerau_levenshtein_counts_a_swap_as_one() {
        assert_eq!(damerau_levenshtein(b"trondhiem", b"trondheim"), 1);
        assert_eq!(damerau_levenshtein(b"bresica", b"brescia"), 1);
        assert_eq!(damerau_levenshtein(b"graz", b"graz"), 0);
        assert_eq!(damerau_levenshtein(b"", b"abc"), 3);
        assert_eq!(damerau_levenshtein(b"kitten", b"sitting"), 3);
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_budget("abc"), 0);
        assert_eq!(typo_budget("abcd"), 1);
        assert_eq!(typo_budget("abcdefg"), 1);
        assert_eq!(typo_budget("abcdefgh"), 2);
    }

    #[test]
    fn words_carry_their_offsets() {
        let found: Vec<_> = words("saanen-gstaad (x)").collect();
        assert_eq!(found, vec![(0, "saanen"), (7, "gstaad"), (15, "x")]);
    }

    #[test]
    fn word_starts() {
        assert!(is_word_start("united states", 0));
        assert!(is_word_start("united states", 7));
        assert!(!is_word_start("bursa", 1));
        assert!(is_word_start("(06151) 13-2325", 11));
    }

    #[test]
    fn letters_at_word_starts_outweigh_a_heavier_field() {
        let scorer = Scorer::new();
        let term = Term { text: "usa".into(), exact: false, scope: Scope::Any };
        let country = scorer.quality("united states", &term).unwrap() + FieldKind::CountryEn.weight();
        let alias = scorer.quality("uschhorod (hist. ungwar)", &term).unwrap() + FieldKind::German.weight();
        let name = scorer.quality("bursa", &term).unwrap() + FieldKind::Name.weight();
        assert!(country > alias && country > name, "{country} {alias} {name}");
    }
}
