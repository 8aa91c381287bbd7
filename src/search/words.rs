//! Words that say how a caller asks, not what they ask for: courtesy titles and filler words in
//! German and English, dropped from a query when other terms remain; and the words people use for
//! the office itself, which find the office's own entry.
//!
//! Both lists hold folded forms (lower case, no accents, umlauts both as `u` and `ue`).

/// Titles and filler words: `Frau Seel`, `Partnerstadt in Lettland`, `city in Spain`,
/// `wer ist zuständig für Płock`.
const FILLER: &[&str] = &[
    // German titles and forms of address.
    "frau",
    "herr",
    "herrn",
    "fr",
    "hr",
    "dr",
    "prof",
    // German articles, prepositions and question words.
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "einen",
    "in",
    "im",
    "aus",
    "von",
    "vom",
    "fur",
    "fuer",
    "nach",
    "bei",
    "mit",
    "und",
    "zu",
    "zur",
    "zum",
    "wer",
    "was",
    "wo",
    "ist",
    "sind",
    "bitte",
    "zustandig",
    "zuestaendig",
    "zustaendig",
    "verantwortlich",
    "ansprechpartner",
    "ansprechpartnerin",
    "stadt",
    "partnerstadt",
    "stadtepartnerschaft",
    "staedtepartnerschaft",
    "partnerschaft",
    // English titles.
    "mr",
    "mrs",
    "ms",
    "miss",
    // English articles, prepositions and question words.
    "the",
    "of",
    "from",
    "for",
    "in",
    "at",
    "with",
    "and",
    "who",
    "is",
    "please",
    "responsible",
    "city",
    "town",
    "sister",
    "twin",
    "partner",
];

/// True if the folded term is a title or a filler word (`Fr.` and `Dr.` with their dot).
pub fn is_filler(term: &str) -> bool {
    let word = term.strip_suffix('.').unwrap_or(term);
    FILLER.contains(&word)
}

/// What people call the office and its channels; they find the office's entry.
pub const OFFICE_WORDS: &str = "Fax Faxnummer Telefax Adresse Anschrift Postanschrift Postadresse Postfach \
                                 E-Mail E-Mail-Adresse Mailadresse Sekretariat Büro Rathaus Address Postal Office \
                                 Reception Empfang";

#[cfg(test)]
mod tests {
    use super::is_filler;
    use crate::search::fold::fold_str;

    #[test]
    fn german_filler_and_titles() {
        for word in ["Frau", "Herr", "Fr.", "Hr.", "Dr.", "die", "der", "das", "in", "im", "aus", "von", "für"] {
            assert!(is_filler(&fold_str(word)), "{word}");
        }
        for word in ["Stadt", "Partnerstadt", "wer", "ist", "zuständig", "zustaendig", "fuer"] {
            assert!(is_filler(&fold_str(word)), "{word}");
        }
        // Names, countries and roles are never filler.
        for word in ["Polen", "Seel", "Partnerstädte", "Graz", "de"] {
            assert!(!is_filler(&fold_str(word)), "{word}");
        }
    }

    #[test]
    fn english_filler_and_titles() {
        for word in ["Mr", "Ms", "Mrs", "Dr.", "the", "of", "from", "in", "city", "town", "sister", "twin"] {
            assert!(is_filler(&fold_str(word)), "{word}");
        }
        for word in ["Spain", "Otto", "Texas", "us"] {
            assert!(!is_filler(&fold_str(word)), "{word}");
        }
    }
}
