//! Query syntax: space-separated terms that must all match, as in fzf, with `'exact` terms and
//! khard-style field prefixes (`land:`, `person:`, `jahr:`).

use super::fold::{char_mask, fold_str};
use super::words::{self, Kind};

/// What is stripped from both ends of a term: sentence marks, quotes and brackets.
const PUNCTUATION: &str = "?!.,;:\"'„“”‚‘’«»‹›()[]{}¿¡…";

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
    /// A phone number in any written form, as its digits: phone, fax and extension fields (and
    /// the year, for four digits).
    Phone,
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
    /// The terms of the finished words, all of which must match.
    pub terms: Vec<Term>,
    /// The words dropped as titles or grammar, as typed: for saying so when nothing else is left.
    /// Half a word held back as the start of one is among them.
    pub dropped: Vec<String>,
    /// The word under the cursor while the user types it ([`Query::typing`]): it narrows the
    /// finished words' hits once it can be placed, and never empties the list
    /// (`SearchIndex::search` says how).
    pub unfinished: Option<Term>,
    /// True if the finished terms are only words for partnerships or for what the caller wants
    /// ([`Kind::Topic`], [`Kind::Intent`]): the unfinished word, which names something, replaces
    /// them once it finds anything.
    pub soft: bool,
}

/// The marks that end a word for good: "Dr." and "Graz?" are finished where they stand.
const FINISHING_MARKS: &str = ".,;!?";

impl Query {
    /// Parses a whole query, every word of it finished (the command line). Unknown prefixes are
    /// searched as plain text.
    pub fn parse(input: &str) -> Self {
        if let Some(query) = Self::phone(input) {
            return query;
        }
        Self::classify(input.split_whitespace(), None)
    }

    /// Parses what the user is typing, with the cursor at char `cursor`: the word under the
    /// cursor is not finished yet (unless a mark such as `Dr.` or `Graz?` ends it), so it is no
    /// title, filler or partnership word yet, and it only narrows what the finished words found.
    pub fn typing(input: &str, cursor: usize) -> Self {
        if let Some(query) = Self::phone(input) {
            return query;
        }
        let at = input.char_indices().nth(cursor).map_or(input.len(), |(i, _)| i);
        let (before, after) = input.split_at(at);
        let touches = before.chars().next_back().is_some_and(|c| !c.is_whitespace());
        let start = before.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let end = at + after.find(char::is_whitespace).unwrap_or(after.len());
        let word = &input[start..end];
        if !touches || word.ends_with(|c: char| FINISHING_MARKS.contains(c)) {
            return Self::classify(input.split_whitespace(), None);
        }
        let finished = input[..start].split_whitespace().chain(input[end..].split_whitespace());
        Self::classify(finished, Some(word))
    }

    /// A query that is a phone number, or the start of one (`+49 `, `0`): the digits so far, as
    /// an exact number, so that the list keeps everyone with a number while it is typed.
    fn phone(input: &str) -> Option<Self> {
        let text = match phone_digits(input) {
            Some(digits) => digits,
            None if number_begun(input) => String::new(),
            None => return None,
        };
        let mut text = text;
        text.truncate(TERM_CAP);
        let term = Term { mask: char_mask(&text), text, exact: true, scope: Scope::Phone, position: 0 };
        Some(Query { terms: vec![term], ..Query::default() })
    }

    /// Sorts the finished words into kinds and keeps what is searched; `unfinished` is the word
    /// under the cursor, as typed.
    fn classify<'a>(finished: impl Iterator<Item = &'a str>, unfinished: Option<&str>) -> Self {
        let parsed: Vec<(&str, Term, Kind)> = finished
            .filter_map(|word| parse_term(word).map(|term| (word, term)))
            .map(|(word, t)| {
                // An exact or prefixed term is meant as written.
                let kind = if t.scope != Scope::Any || t.exact { Kind::Content } else { words::kind(&t.text) };
                (word, t, kind)
            })
            .collect();
        // Words for partnerships and for what the caller wants give way to words that name something.
        let names_something = parsed.iter().any(|(_, _, kind)| *kind == Kind::Content);
        let kept = |kind: Kind| match kind {
            Kind::Content => true,
            Kind::Filler => false,
            Kind::Topic | Kind::Intent => !names_something,
        };
        let dropped = parsed.iter().filter(|(_, _, kind)| *kind == Kind::Filler).map(|(word, ..)| word.to_string());
        let dropped = dropped.collect();
        let mut terms: Vec<Term> = parsed.into_iter().filter(|(_, _, kind)| kept(*kind)).map(|(_, t, _)| t).collect();
        for (position, term) in terms.iter_mut().enumerate() {
            term.position = position;
        }
        // Half a word that may become an ignored one ("Partnerst", "v", "Telefo") waits beside
        // the finished words. Alone, it is searched unless it can only become a filler word
        // ("we" of "wer"); a title is one only when finished, so "Dr" and "Fr" are searched.
        let mut dropped: Vec<String> = dropped;
        let unfinished = unfinished.and_then(|word| parse_term(word).map(|t| (word, t))).and_then(|(word, t)| {
            let plain = t.scope == Scope::Any && !t.exact;
            let held_back = plain
                && if terms.is_empty() {
                    words::only_filler_ahead(&t.text)
                } else {
                    words::may_become_ignored(&t.text)
                };
            if held_back {
                dropped.push(word.to_string());
                return None;
            }
            Some(Term { position: terms.len(), ..t })
        });
        let soft = !names_something && !terms.is_empty();
        Query { terms, dropped, unfinished, soft }
    }

    /// True if only titles and grammar words were typed: no term, finished or not, and some
    /// word dropped.
    pub fn is_only_filler(&self) -> bool {
        self.terms.is_empty() && self.unfinished.is_none() && !self.dropped.is_empty()
    }

    /// The finished terms alone, as a whole query.
    pub fn finished(&self) -> Query {
        Query { terms: self.terms.clone(), dropped: self.dropped.clone(), unfinished: None, soft: false }
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

/// True if `input` is the start of a phone number, too short to search yet: `+`, `+49 `,
/// `(0`, `06`: only digits and `+ ( ) / - .`, beginning with `+`, `(` or `0`.
fn number_begun(input: &str) -> bool {
    let input = input.trim();
    input.starts_with(['+', '(', '0'])
        && input.chars().all(|c| c.is_ascii_digit() || " +()/-.".contains(c))
        && input.chars().any(|c| c == '+' || c.is_ascii_digit())
}

/// The digits of a query that is a phone number, `+49 (0)6151 13-3608` or `13-3608`, written as
/// the index stores numbers ([`super::fold::Style::Digits`]): no country code for Germany, no
/// trunk zero. `None` unless the query holds only digits and `+ ( ) / - .` and at least 3 digits.
pub fn phone_digits(input: &str) -> Option<String> {
    let input = input.trim();
    let phone_like = input.chars().all(|c| c.is_ascii_digit() || " +()/-.".contains(c));
    let count = input.chars().filter(char::is_ascii_digit).count();
    if !phone_like || count < 3 {
        return None;
    }
    // `+49 (0)6151`: the bracketed zero is the trunk prefix, not dialled from abroad.
    let input = input.replace("(0)", "");
    let mut digits: String = input.chars().filter(char::is_ascii_digit).collect();
    let international = if input.starts_with('+') {
        true
    } else if let Some(rest) = digits.strip_prefix("00") {
        digits = rest.to_string();
        true
    } else {
        false
    };
    if international {
        match digits.strip_prefix("49") {
            Some(national) => digits = national.to_string(),
            // Another country's number: nothing here has one, and no digit of it is a trunk zero.
            None => return Some(digits),
        }
    }
    let digits = digits.strip_prefix('0').map(str::to_string).unwrap_or(digits);
    (!digits.is_empty()).then_some(digits)
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
    // Punctuation belongs to no term: "Graz?", "„Mayors", "(Polen)," are Graz, Mayors, Polen.
    let rest = rest.trim_matches(|c: char| PUNCTUATION.contains(c));
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
    fn phone_numbers_in_every_written_form_give_the_same_digits() {
        for written in [
            "+49 6151 13-3608",
            "+49 (0)6151 133608",
            "0049 6151 13 3608",
            "06151/13-3608",
            "0615113 3608",
            "(06151) 13-3608",
        ] {
            assert_eq!(phone_digits(written).as_deref(), Some("6151133608"), "{written}");
        }
        assert_eq!(phone_digits("13-3608").as_deref(), Some("133608"));
        assert_eq!(phone_digits("3608").as_deref(), Some("3608"));
        assert_eq!(phone_digits("1990").as_deref(), Some("1990"));
        assert_eq!(phone_digits("+44 20 7946 0000").as_deref(), Some("442079460000"));
        assert_eq!(phone_digits("12"), None);
        assert_eq!(phone_digits("+49"), None, "a country code alone is no number yet");
        assert_eq!(phone_digits("ungarn 1990"), None);
        let q = Query::parse("+49 6151 13-3608");
        assert_eq!(q.terms, vec![term("6151133608", true, Scope::Phone)]);
    }

    #[test]
    fn filler_words_are_dropped_while_other_terms_remain() {
        assert_eq!(Query::parse("Frau Seel").terms, vec![term("seel", false, Scope::Any)]);
        assert_eq!(Query::parse("Partnerstadt in Lettland").terms, vec![term("lettland", false, Scope::Any)]);
        assert_eq!(Query::parse("city in Spain").terms, vec![term("spain", false, Scope::Any)]);
        // Only titles and grammar: no terms, and the words are known.
        let only = Query::parse("die Frau");
        assert!(only.terms.is_empty());
        assert_eq!(only.dropped, ["die", "Frau"]);
        // A word for partnerships on its own is searched.
        assert_eq!(Query::parse("die Partnerstadt").terms, vec![term("partnerstadt", false, Scope::Any)]);
        // An exact or prefixed term is meant as written.
        assert_eq!(Query::parse("'in").terms, vec![term("in", true, Scope::Any)]);
    }

    #[test]
    fn punctuation_belongs_to_no_term() {
        assert_eq!(Query::parse("Wer ist zuständig für Graz?").terms, vec![term("graz", false, Scope::Any)]);
        assert_eq!(Query::parse("\"Graz\", bitte.").terms, vec![term("graz", false, Scope::Any)]);
        assert_eq!(Query::parse("„Mayors for Peace“").terms.len(), 2);
        assert_eq!(Query::parse("'graz'").terms, vec![term("graz", true, Scope::Any)]);
        assert!(Query::parse("? !").terms.is_empty());
    }

    #[test]
    fn words_for_what_the_caller_wants_give_way_to_a_name() {
        let seel = vec![term("seel", false, Scope::Any)];
        assert_eq!(Query::parse("email of Ms Seel").terms, seel);
        assert_eq!(Query::parse("Telefonnummer von Frau Seel").terms, seel);
        assert_eq!(Query::parse("Fax").terms, vec![term("fax", false, Scope::Any)], "alone, it is searched");
    }

    #[test]
    fn narrowing_needs_the_same_terms_extended() {
        let q = Query::parse;
        assert!(q("plo").narrows(&q("pl")));
        assert!(q("pl o").narrows(&q("pl")));
        assert!(q("2325").narrows(&q("232")), "a longer number is found among a shorter one's hits");
        assert!(!q("232").narrows(&q("23")), "a fuzzy term does not narrow to a number");
        assert!(!q("pl").narrows(&q("plo")));
        assert!(!q("land:x").narrows(&q("lan")));
        assert!(!q("xpl").narrows(&q("pl")));
        assert!(!q("a").narrows(&q("")));
    }
}
