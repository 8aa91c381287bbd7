//! Words that say how a caller asks, not what they ask for, in German and English, and the words
//! people use for the office itself.
//!
//! A query's words fall into three classes besides what it is about:
//! - [`Kind::Filler`]: titles, articles, prepositions, question words (`Frau`, `die`, `wer ist
//!   zuständig`, `Ms`, `the`): always dropped;
//! - [`Kind::Topic`]: words for partnerships in general (`Partnerstadt`, `twin town`): dropped
//!   when the query also names something, searched on their own (they find the topic
//!   Städtepartnerschaften);
//! - [`Kind::Intent`]: what the caller wants of the answer (`Telefon`, `E-Mail`, `Adresse`,
//!   `phone`, `contact`): dropped when the query also names something, so that "email of Ms
//!   Seel" puts Alina Seel first; searched on their own (they find the office).
//!
//! Plurals and inflections count too (`Partnerstädten`, `cities`, `numbers`). Every list holds
//! folded forms (lower case, no accents, umlauts both as `u` and `ue`).

/// What a word of a query is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word that names something: searched.
    Content,
    /// Titles and grammar: always dropped.
    Filler,
    /// A word for partnerships in general: dropped beside content words.
    Topic,
    /// A word for what the caller wants to know: dropped beside content words.
    Intent,
}

/// Titles, articles, prepositions and question words.
const FILLER: &[&str] = &[
    // German titles and forms of address.
    "frau",
    "herr",
    "herrn",
    "fr",
    "hr",
    "dr",
    "prof",
    // German articles, prepositions, pronouns and question words.
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
    "eines",
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
    "oder",
    "zu",
    "zur",
    "zum",
    "uber",
    "ueber",
    "wer",
    "was",
    "wo",
    "welche",
    "welcher",
    "welches",
    "ist",
    "sind",
    "bitte",
    "ich",
    "mir",
    "mich",
    "ihre",
    "ihren",
    "unsere",
    "unserer",
    "brauche",
    "suche",
    "gibt",
    "kann",
    "zustandig",
    "zuestaendig",
    "zustaendig",
    "verantwortlich",
    "ansprechpartner",
    "ansprechpartnerin",
    // English titles.
    "mr",
    "mrs",
    "ms",
    "miss",
    // English articles, prepositions, pronouns and question words.
    "the",
    "of",
    "from",
    "for",
    "at",
    "with",
    "and",
    "or",
    "about",
    "who",
    "what",
    "which",
    "where",
    "is",
    "does",
    "please",
    "our",
    "your",
    "need",
    "looking",
    "responsible",
    "handles",
    "handling",
    "charge",
    // Verbs and words of a question, in German and English: "wer macht das Europawochenende?",
    // "who deals with Graz".
    "macht",
    "machen",
    "kummert",
    "kuemmert",
    "kummern",
    "kuemmern",
    "betreut",
    "betreuen",
    "bearbeitet",
    "organisiert",
    "hat",
    "haben",
    "habe",
    "hatte",
    "haette",
    "mochte",
    "moechte",
    "will",
    "wie",
    "wen",
    "wem",
    "welchem",
    "an",
    "auf",
    "am",
    "um",
    "sie",
    "sich",
    "er",
    "wir",
    "uns",
    "mein",
    "meine",
    "mal",
    "noch",
    "auch",
    "denn",
    "dort",
    "jemand",
    "jemanden",
    "sprechen",
    "weiss",
    "gerne",
    "gern",
    "handle",
    "handled",
    "deals",
    "deal",
    "manages",
    "manage",
    "takes",
    "care",
    "after",
    "whos",
    "who's",
    "what's",
    "can",
    "could",
    "would",
    "like",
    "to",
    "on",
    "me",
    "my",
    "you",
    "do",
    "tell",
    "give",
    "speak",
    "talk",
    "someone",
    "somebody",
    "anyone",
];

/// Words for partnerships in general.
const TOPIC: &[&str] = &[
    "stadt",
    "stadte",
    "staedte",
    "partnerstadt",
    "partnerstadte",
    "partnerstaedte",
    "stadtepartnerschaft",
    "staedtepartnerschaft",
    "partnerschaft",
    "city",
    "town",
    "sister",
    "twin",
    "partner",
    "partnership",
    "twinning",
    "partnergemeinde",
    "partnerkommune",
    "partnerland",
    "stadtepartnerin",
    "partnerin",
];

/// Words for what the caller wants of the answer; on their own, each finds the office.
pub const INTENT: &[&str] = &[
    "telefon",
    "telefonnummer",
    "telefonisch",
    "nummer",
    "handynummer",
    "handy",
    "mobil",
    "mobile",
    "telephone",
    "rufnummer",
    "durchwahl",
    "tel",
    "email",
    "e-mail",
    "mail",
    "mailadresse",
    "e-mail-adresse",
    "adresse",
    "anschrift",
    "kontakt",
    "kontaktdaten",
    "erreichbar",
    "erreichen",
    "anrufen",
    "fax",
    "faxnummer",
    "phone",
    "number",
    "extension",
    "ext",
    "address",
    "contact",
    "contacts",
    "details",
    "reach",
    "call",
    "write",
];

/// The endings a German or English plural or inflection adds: `Partnerstädten`, `numbers`.
const ENDINGS: &[&str] = &["en", "er", "es", "n", "e", "s"];

/// Whether `list` holds the folded `word`, as it stands or without an inflection's ending (for
/// words of five letters or more, so that no short word is read as another).
fn holds(list: &[&str], word: &str) -> bool {
    list.contains(&word)
        || (word.len() >= 5
            && (ENDINGS.iter().any(|e| word.strip_suffix(e).is_some_and(|stem| list.contains(&stem)))
                || word.strip_suffix("ies").is_some_and(|stem| list.contains(&format!("{stem}y").as_str()))))
}

/// True if the folded `word` is an ignored word (filler, partnership or intent), or the start
/// of one: while it is typed, it may still become one ("Partnerst", "v", "Telefo").
pub fn may_become_ignored(word: &str) -> bool {
    let word = word.strip_suffix('.').unwrap_or(word);
    kind(word) != Kind::Content || [FILLER, TOPIC, INTENT].iter().any(|list| list.iter().any(|w| w.starts_with(word)))
}

/// The short titles among [`FILLER`], which are also the start of many names ("Dr" of Drontheim,
/// "Fr" of Freiberg): such a title is one only as a finished word.
const TITLES: &[&str] = &["fr", "hr", "dr", "prof", "mr", "mrs", "ms"];

/// True if the folded `word`, still being typed on its own, can only become a filler word that
/// is no short title: "we" (wer, welche), "d" (der, die), "Frau". A short title ("Dr", "Fr") is
/// searched, and so is the start of a word that is searched alone (Telefon, Partnerstadt).
pub fn only_filler_ahead(word: &str) -> bool {
    let starts = |list: &[&str]| list.iter().any(|w| w.starts_with(word));
    let filler = FILLER.iter().any(|w| w.starts_with(word) && !TITLES.contains(w));
    filler && !TITLES.contains(&word) && !starts(TOPIC) && !starts(INTENT)
}

/// True if the folded `word` is within a typo of an ignored word ("handle" for "handles", "wer"
/// misspelt): a caller who means a filler word is not asking for a name that sounds like it.
pub fn near_an_ignored_word(word: &str) -> bool {
    let budget = super::typo::typo_budget(word);
    budget > 0
        && [FILLER, TOPIC, INTENT].iter().any(|list| {
            list.iter().any(|w| w.len().abs_diff(word.len()) <= budget && strsim::osa_distance(w, word) <= budget)
        })
}

/// What the folded word `term` is (`Fr.` and `Dr.` with their dot).
pub fn kind(term: &str) -> Kind {
    let word = term.strip_suffix('.').unwrap_or(term);
    if holds(FILLER, word) {
        Kind::Filler
    } else if holds(TOPIC, word) {
        Kind::Topic
    } else if holds(INTENT, word) {
        Kind::Intent
    } else {
        Kind::Content
    }
}

/// True if the folded term is a title or a grammar word.
pub fn is_filler(term: &str) -> bool {
    kind(term) == Kind::Filler
}

/// What callers call the department head, besides her role: found on the head's entry.
pub const HEAD_WORDS: &str = "Abteilungsleitung Abteilungsleiter Abteilungsleiterin Leitung Leiter Leiterin Chefin Chef \
                              Head Department Director";

/// What people call the office and its channels; they find the office's entry.
pub const OFFICE_WORDS: &str = "Telefon Telefonnummer Rufnummer Nummer Phone Telephone Fax Faxnummer Telefax Adresse Anschrift Postanschrift Postadresse Postfach \
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
        for word in ["wer", "ist", "zuständig", "zustaendig", "fuer"] {
            assert!(is_filler(&fold_str(word)), "{word}");
        }
        // Names, countries and roles are never filler.
        for word in ["Polen", "Seel", "Partnerstädte", "Graz", "de", "Inn", "Wien"] {
            assert!(!is_filler(&fold_str(word)), "{word}");
        }
    }

    #[test]
    fn plurals_and_inflections_count() {
        use super::{Kind, kind};
        for (word, expected) in [
            ("Partnerstädten", Kind::Topic),
            ("Städtepartnerschaften", Kind::Topic),
            ("cities", Kind::Topic),
            ("towns", Kind::Topic),
            ("numbers", Kind::Intent),
            ("Telefonnummern", Kind::Intent),
            ("E-Mail", Kind::Intent),
            ("Ansprechpartnerin", Kind::Filler),
            ("polnische", Kind::Content),
        ] {
            assert_eq!(kind(&fold_str(word)), expected, "{word}");
        }
    }

    #[test]
    fn english_filler_and_titles() {
        for word in ["Mr", "Ms", "Mrs", "Dr.", "the", "of", "from", "in"] {
            assert!(is_filler(&fold_str(word)), "{word}");
        }
        for word in ["Spain", "Otto", "Texas", "us"] {
            assert!(!is_filler(&fold_str(word)), "{word}");
        }
    }
}
