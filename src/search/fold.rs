//! Folding text for matching: lower case, letters to their base letters, other scripts transliterated,
//! with a map from every folded character back to the character it came from.

enum_with_all! {
    /// The ways a text is folded for matching. The index stores each field in every style that
    /// [`Style::indexes`] it in, in the order of `Style::ALL`; a term is matched against the styles
    /// that [`Style::serves`] it. A new way of folding is a new variant here; the compiler then asks
    /// for `indexes`, `serves` and `fold_each`, and `ALL` follows by itself.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
    pub enum Style {
        /// `Gyönk` → `gyonk`, `Türkei` → `turkei`.
        Base,
        /// Umlauts in the German way: `Gyönk` → `gyoenk`, `Türkei` → `tuerkei`.
        German,
        /// A phone number's digits without the trunk zero: `(06151) 13-2325` → `6151132325`.
        Digits,
    }
}

impl Style {
    /// True if `text` is stored in this style: every text in the base style, a number's also as
    /// digits, and others only where the style folds them differently.
    pub fn indexes(self, text: &str, is_a_number: bool) -> bool {
        match self {
            Style::Base => true,
            Style::German => has_umlaut(text),
            Style::Digits => is_a_number,
        }
    }

    /// True if a term (folded `text`, a phone number or not) could match text of this style where
    /// the base style's would not.
    pub fn serves(self, text: &str, phone: bool) -> bool {
        match self {
            Style::Base => !phone,
            // `oe`, `ae`, `ue`: only a term with an `e` gains from the German spelling.
            Style::German => !phone && text.contains('e'),
            Style::Digits => phone,
        }
    }
}

/// Folded text: plain lower-case ASCII, and for each of its bytes the index of the original char.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folded {
    /// The folded text; always ASCII, so byte and char indices agree.
    pub text: String,
    /// `origin[i]` is the char index in the displayed text that folded byte `i` came from.
    pub origin: Vec<u32>,
}

impl Folded {
    /// Maps folded positions back to sorted, distinct char positions of the displayed text.
    pub fn display_positions(&self, folded: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let mut out: Vec<usize> = folded.into_iter().filter_map(|i| self.origin.get(i)).map(|&o| o as usize).collect();
        out.dedup();
        out
    }
}

/// Folds `text` for matching in the given style, keeping the map back to the displayed chars.
pub fn fold(text: &str, style: Style) -> Folded {
    let mut folded = Folded { text: String::with_capacity(text.len()), origin: Vec::with_capacity(text.len()) };
    fold_each(text, style, |index, piece| {
        folded.text.push_str(piece);
        folded.origin.extend(std::iter::repeat_n(index as u32, piece.len()));
    });
    folded
}

/// Appends the folded `text` to `out`, without the position map: what the index stores.
pub fn fold_into(text: &str, style: Style, out: &mut String) {
    fold_each(text, style, |_, piece| out.push_str(piece));
}

/// Calls `emit` with each char's index and its folded, lower-case ASCII form (maybe empty).
fn fold_each(text: &str, style: Style, mut emit: impl FnMut(usize, &str)) {
    let spell_umlauts = match style {
        Style::Digits => {
            // The first digit of a German number written nationally is the trunk zero: `(06151)`.
            let mut first = true;
            for (index, c) in text.chars().enumerate() {
                if c.is_ascii_digit() {
                    if !(first && c == '0') {
                        emit(index, c.encode_utf8(&mut [0; 4]));
                    }
                    first = false;
                }
            }
            return;
        }
        Style::German => true,
        Style::Base => false,
    };
    let mut lower = String::new();
    for (index, c) in text.chars().enumerate() {
        let piece = if c.is_ascii() {
            lower.clear();
            lower.push(c.to_ascii_lowercase());
            lower.as_str()
        } else if let Some(german) = german_umlaut(c).filter(|_| spell_umlauts) {
            german
        } else if c.is_whitespace() {
            " "
        } else {
            lower.clear();
            let base = deunicode::deunicode_char(c).unwrap_or("").trim();
            lower.extend(base.chars().filter(char::is_ascii).map(|c| c.to_ascii_lowercase()));
            lower.as_str()
        };
        emit(index, piece);
    }
}

/// One bit for each letter and digit in `text` (other bytes share one bit), so that a term whose
/// mask is not contained in a text's mask cannot match it.
pub fn char_mask(text: &str) -> u64 {
    text.bytes().fold(0, |mask, b| {
        mask | 1u64
            << match b {
                b'a'..=b'z' => b - b'a',
                b'0'..=b'9' => 26 + b - b'0',
                _ => 36 + b % 27,
            }
    })
}

/// Folds a query (or any text) into plain lower-case ASCII, without the position map.
pub fn fold_str(text: &str) -> String {
    fold(text, Style::Base).text
}

/// True if `text` folds differently in the German style, so it is worth indexing twice.
pub fn has_umlaut(text: &str) -> bool {
    text.chars().any(|c| german_umlaut(c).is_some())
}

fn german_umlaut(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' | 'Ä' => "ae",
        'ö' | 'Ö' => "oe",
        'ü' | 'Ü' => "ue",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_fold_to_their_base_letters() {
        assert_eq!(fold_str("Płock"), "plock");
        assert_eq!(fold_str("Logroño"), "logrono");
        assert_eq!(fold_str("Liepāja"), "liepaja");
        assert_eq!(fold_str("Trøndelag"), "trondelag");
        assert_eq!(fold_str("Schröttersburg"), "schrottersburg");
        assert_eq!(fold_str("Straße"), "strasse");
        assert_eq!(fold_str("Ungvár"), "ungvar");
        assert_eq!(fold_str("Csongrád-Csanád"), "csongrad-csanad");
    }

    #[test]
    fn other_scripts_are_transliterated() {
        assert_eq!(fold_str("Ужгород"), "uzhgorod");
        assert_eq!(fold_str("נהריה"), "nhryh");
    }

    #[test]
    fn digits_style_keeps_a_numbers_digits_without_the_trunk_zero() {
        let folded = fold("(06151) 13-2325", Style::Digits);
        assert_eq!(folded.text, "6151132325");
        assert_eq!(folded.origin[0], 2, "the 6 after the bracket and the trunk zero");
        assert_eq!(fold("2325", Style::Digits).text, "2325");
    }

    #[test]
    fn german_style_spells_umlauts_out() {
        assert_eq!(fold("Gyönk", Style::German).text, "gyoenk");
        assert_eq!(fold("Türkei", Style::German).text, "tuerkei");
        assert_eq!(fold("Österreich", Style::German).text, "oesterreich");
        assert_eq!(fold("Gyönk", Style::Base).text, "gyonk");
    }

    /// One example of each style: a text, whether it is a number, and the text folded in that
    /// style, which for every style but the base differs from the base style's.
    const EXAMPLES: &[(Style, &str, bool, &str)] = &[
        (Style::Base, "Gyönk", false, "gyonk"),
        (Style::German, "Gyönk", false, "gyoenk"),
        (Style::Digits, "(06151) 13-2325", true, "6151132325"),
    ];

    /// A new style fails here until it has an example: that it stores the text, folds it as
    /// the example says, and serves a term typed in that spelling.
    #[test]
    fn every_style_has_an_example_that_it_stores_folds_and_serves() {
        for style in Style::ALL {
            let Some(&(_, text, number, folded)) = EXAMPLES.iter().find(|(s, ..)| *s == style) else {
                panic!("{style:?} has no example in fold::tests::EXAMPLES: add one");
            };
            assert!(style.indexes(text, number), "{style:?} does not store {text:?}");
            assert_eq!(fold(text, style).text, folded, "{style:?} folds {text:?}");
            assert!(style.serves(folded, number), "{style:?} does not serve the term {folded:?}");
            if style != Style::Base {
                assert_ne!(fold(text, Style::Base).text, folded, "{style:?} folds {text:?} as the base style does");
            }
        }
    }

    #[test]
    fn positions_map_back_to_displayed_chars() {
        let folded = fold("Płock", Style::Base);
        assert_eq!(folded.display_positions([0, 1, 2]), vec![0, 1, 2]);
        let folded = fold("Gyönk", Style::German);
        // "gyoenk": 'o' and 'e' both come from 'ö' (char 2), 'n' from char 3.
        assert_eq!(folded.display_positions([2, 3, 4]), vec![2, 3]);
        let folded = fold("Ужгород", Style::Base);
        // "uzhgorod": "zh" comes from 'ж' (char 1).
        assert_eq!(folded.display_positions([1, 2, 3]), vec![1, 2]);
    }
}
