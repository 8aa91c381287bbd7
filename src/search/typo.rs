//! The typo fallback: a term that matches nothing anywhere is compared, word by word, with the
//! names of places and people, countries and regions, allowing an edit or two.

use super::fold::{Style, char_mask};
use super::index::{FieldKind, SearchIndex};
use super::sound;

/// The longest term and word the typo fallback compares: edit distances are term × word.
pub const TYPO_CAP: usize = 64;

/// How many edits a typo of this length may have: none under 4 letters, 1 up to 7, 2 beyond.
pub fn typo_budget(term: &str) -> usize {
    match term.len() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// A word of an entry's names within a typo's reach of the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypoMatch {
    /// Index of the field in [`SearchIndex::fields`] of its entry.
    pub field: usize,
    /// The style of the field's text the word was found in.
    pub style: Style,
    /// Byte range of the word in that folded variant.
    pub start: usize,
    /// Its length in bytes.
    pub len: usize,
    /// Optimal-string-alignment distance to the term (an adjacent swap is one edit).
    pub distance: usize,
}

/// The closest word of entry `id`'s names within the typo budget of `term`.
pub fn closest_word(index: &SearchIndex, id: usize, term: &str) -> Option<TypoMatch> {
    let budget = typo_budget(term);
    if budget == 0 || term.len() > TYPO_CAP {
        return None;
    }
    let term_mask = char_mask(term);
    let mut best: Option<TypoMatch> = None;
    for variant in index.variants(id).iter().filter(|v| v.kind.may_be_misspelt() && v.style != Style::Digits) {
        // A word within `budget` edits lacks at most `budget` of the term's letters, and so does
        // any text it stands in: most texts are passed over on their letter set alone.
        if (term_mask & !variant.mask).count_ones() as usize > budget {
            continue;
        }
        if let Some((start, len, distance)) = closest_in(index.text(variant), term, term_mask, budget)
            && best.is_none_or(|b| distance < b.distance)
        {
            best = Some(TypoMatch { field: variant.field as usize, style: variant.style, start, len, distance });
        }
    }
    best
}

/// How much a word may share with a term ([`sound::weight`]): a word that shares more sounds
/// closer.
const MOST_SHARED: usize = 5;

/// The word of entry `id`'s names that sounds most like the term whose codes are `codes`
/// ([`super::sound::term_codes`]): the one that shares the most codes with it, as a match worse
/// than the worst typo, and the worse the fewer codes it shares.
pub fn sounds_like(index: &SearchIndex, id: usize, term: &str, codes: &[u32]) -> Option<TypoMatch> {
    if codes.is_empty() {
        return None;
    }
    let mut best: Option<(usize, TypoMatch)> = None;
    for word in index.sounds(id) {
        let shared: usize = word.keys().filter(|k| codes.contains(k)).map(sound::weight).sum();
        if shared >= sound::ENOUGH && best.as_ref().is_none_or(|(most, _)| shared > *most) {
            let (field, start, len) = (word.field as usize, word.start as usize, word.len as usize);
            let shown = index.displayed_word(id, field, start, len).to_lowercase();
            if !sound::spelt_alike(term, &shown, word.reading) {
                continue;
            }
            let distance = typo_budget(term) + 1 + MOST_SHARED.saturating_sub(shared);
            best = Some((shared, TypoMatch { field, style: Style::Base, start, len, distance }));
        }
    }
    best.map(|(_, m)| m)
}

/// The closest word of one folded text within `budget` edits of `term`.
fn closest_in(text: &str, term: &str, term_mask: u64, budget: usize) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (start, word) in words(text) {
        // Each edit changes at most two letters of the set of letters used.
        let changed = (char_mask(word) ^ term_mask).count_ones() as usize;
        if word.len().abs_diff(term.len()) > budget || changed > 2 * budget {
            continue;
        }
        let distance = strsim::osa_distance(term, word);
        if distance <= budget && best.is_none_or(|b| distance < b.2) {
            best = Some((start, word.len(), distance));
        }
    }
    best
}

/// Score of a typo match: below every true match, better with fewer edits and a weightier field.
pub fn typo_score(kind: FieldKind, distance: usize) -> i64 {
    kind.weight() - 20 * distance as i64
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swap_is_one_edit() {
        assert_eq!(strsim::osa_distance("trondhiem", "trondheim"), 1);
        assert_eq!(strsim::osa_distance("bresica", "brescia"), 1);
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
}
