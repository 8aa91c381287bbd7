//! Query syntax: space-separated terms that must all match, as in fzf, with `'exact` terms and
//! khard-style field prefixes (`land:`, `person:`, `jahr:`).

use super::fold::{char_mask, fold_str};

/// The longest term searched, in folded (ASCII) bytes; the rest is ignored.
pub const TERM_CAP: usize = 128;

/// Which fields a term may match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every field.
    Any,
    /// `land:` / `country:`: the country's names and ISO code.
    Country,
    /// `person:` / `kontakt:`: a person's name, or the name of a city's contact.
    Person,
    /// `jahr:` / `since:`: the year a partnership began.
    Year,
}

/// One term of a query, already folded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded text to look for.
    pub text: String,
    /// `'text`: an exact substring rather than a fuzzy match.
    pub exact: bool,
    /// The fields the term may match.
    pub scope: Scope,
    /// [`char_mask`] of `text`.
    pub mask: u64,
    /// The term's place in its query, so that results can be remembered per term.
    pub position: usize,
}

/// A parsed query; no terms means "everything".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// The terms, all of which must match.
    pub terms: Vec<Term>,
}

impl Query {
    /// Parses what the user typed. Unknown prefixes are searched as plain text.
    pub fn parse(input: &str) -> Self {
        let mut terms: Vec<Term> = input.split_whitespace().filter_map(parse_term).collect();
        for (position, term) in terms.iter_mut().enumerate() {
            term.position = position;
        }
        Query { terms }
    }

    /// True if every hit of `self` is also a hit of `previous`, so `self` may search only
    /// `previous`'s hits: the same terms, the last one (or a new one) only made longer.
    pub fn narrows(&self, previous: &Query) -> bool {
        let n = previous.terms.len();
        if n == 0 || self.terms.len() < n {
            return false;
        }
        previous.terms.iter().zip(&self.terms).enumerate().all(|(i, (old, new))| {
            old.scope == new.scope
                && old.exact == new.exact
                && if i + 1 == n { new.text.starts_with(&old.text) } else { new.text == old.text }
        })
    }
}

fn parse_term(token: &str) -> Option<Term> {
    let (mut exact, mut rest) = match token.strip_prefix('\'') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let mut scope = Scope::Any;
    if let Some((prefix, value)) = rest.split_once(':') {
        let known = match prefix.to_lowercase().as_str() {
            "land" | "country" => Some(Scope::Country),
            "person" | "kontakt" => Some(Scope::Person),
            "jahr" | "since" => Some(Scope::Year),
            _ => None,
        };
        if let Some(known) = known {
            scope = known;
            rest = value;
            if let Some(value) = rest.strip_prefix('\'') {
                exact = true;
                rest = value;
            }
        }
    }
    let mut text = fold_str(rest);
    // Skim's work grows with the term's length; nobody types a longer name than this.
    text.truncate(TERM_CAP);
    (!text.is_empty()).then(|| Term { mask: char_mask(&text), text, exact, scope, position: 0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, exact: bool, scope: Scope) -> Term {
        Term { text: text.into(), exact, scope, mask: char_mask(text), position: 0 }
    }

    #[test]
    fn terms_are_split_on_spaces_and_folded() {
        let q = Query::parse("  Płock   Schewe ");
        let schewe = Term { position: 1, ..term("schewe", false, Scope::Any) };
        assert_eq!(q.terms, vec![term("plock", false, Scope::Any), schewe]);
    }

    #[test]
    fn prefixes_and_exact_terms() {
        assert_eq!(Query::parse("land:Ungarn").terms, vec![term("ungarn", false, Scope::Country)]);
        assert_eq!(Query::parse("country:HU").terms, vec![term("hu", false, Scope::Country)]);
        assert_eq!(Query::parse("kontakt:kuz").terms, vec![term("kuz", false, Scope::Person)]);
        assert_eq!(Query::parse("jahr:1990").terms, vec![term("1990", false, Scope::Year)]);
        assert_eq!(Query::parse("since:'199").terms, vec![term("199", true, Scope::Year)]);
        assert_eq!(Query::parse("'graz").terms, vec![term("graz", true, Scope::Any)]);
        assert_eq!(Query::parse("'land:pl").terms, vec![term("pl", true, Scope::Country)]);
    }

    #[test]
    fn an_unknown_prefix_is_plain_text() {
        assert_eq!(Query::parse("stadt:graz").terms, vec![term("stadt:graz", false, Scope::Any)]);
    }

    #[test]
    fn empty_terms_are_dropped() {
        assert!(Query::parse("land: '").terms.is_empty());
        assert!(Query::parse("").terms.is_empty());
    }

    #[test]
    fn narrowing_needs_the_same_terms_extended() {
        let q = Query::parse;
        assert!(q("plo").narrows(&q("pl")));
        assert!(q("pl o").narrows(&q("pl")));
        assert!(!q("pl").narrows(&q("plo")));
        assert!(!q("land:x").narrows(&q("lan")));
        assert!(!q("xpl").narrows(&q("pl")));
        assert!(!q("a").narrows(&q("")));
    }
}
