//! German and English: the language choice, the fixed words of the interface ([`Text`]), and
//! the sentences that take arguments, each a function returning [`Bilingual`].
//!
//! Which file a sentence goes in, by what it is about:
//! - `sentences.rs`: the view, the lines and summaries of the outputs, copying and reloading;
//! - `commands.rs`: what a command refuses and why, and why a file could not be used;
//! - `data_file.rs`: the rules a data file breaks; `ron_error.rs`: RON's syntax errors;
//! - `store.rs`: keeping the shared data file: its lock, what an install kept, the words for a change;
//! - `notes.rs`: the journal of phone messages and the hand-overs;
//! - [`absences`]: who is away and who answers instead;
//! - [`spoken`]: the line-by-line dialogue for screen readers;
//! - [`cli_help`]: the command line's German help, a table beside clap's English doc comments.
//!
//! A word without arguments is a field of [`Text`] (or, where a table lives elsewhere, a
//! `Bilingual<&str>` beside its rows). A sentence is written whole in each language: its
//! arguments are names, numbers, dates and other whole sentences, never a translated piece of
//! it, so that no word order is fixed in code (`Partnerstadt seit 1988 (38 Jahre)`, not
//! `{partner_since} {year} ({age} {years})`). Where a sentence needs a fixed word, it takes it
//! as `Bilingual<&str>` ([`in_both`]) and uses `.de` in the German and `.en` in the English.
//! A test reads every `both(…)` and checks that both languages take the same arguments.
//!
//! No sentence starts with `partnerdesk: `: messages on standard error get it from
//! [`crate::stderr`], the one place that writes there.

pub mod absences;
pub mod cli_help;
mod commands;
mod data_file;
mod notes;
mod ron_error;
mod sentences;
pub mod spoken;
mod store;

pub use absences::*;
pub use commands::*;
pub use data_file::*;
pub use notes::*;
pub use ron_error::{ron_error, unclosed_text};
pub use sentences::*;
pub use store::*;

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Deutsch.
    De,
    /// English.
    En,
}

impl Lang {
    /// German when the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` starts with `de`, else English.
    pub fn from_locale(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Lang {
        Lang::from_environment(lc_all, lc_messages, lang, None)
    }

    /// The first set of `LC_ALL`, `LC_MESSAGES` and `LANG` decides; with none of them set (as on
    /// Windows), the system's locale (`de-DE` on a German Windows). German if it starts with `de`.
    pub fn from_environment(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
        system: Option<&str>,
    ) -> Lang {
        let locale = [lc_all, lc_messages, lang].into_iter().flatten().find(|v| !v.is_empty()).or(system);
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("de") => Lang::De,
            _ => Lang::En,
        }
    }

    /// The language the environment asks for, else the system's.
    pub fn detect() -> Lang {
        let var = |name| std::env::var(name).ok();
        let (lc_all, lc_messages, lang) = (var("LC_ALL"), var("LC_MESSAGES"), var("LANG"));
        // Asked only when the variables say nothing: on Unix the system locale is those variables.
        let system = [&lc_all, &lc_messages, &lang]
            .iter()
            .all(|v| v.as_deref().is_none_or(str::is_empty))
            .then(sys_locale::get_locale)
            .flatten();
        Lang::from_environment(lc_all.as_deref(), lc_messages.as_deref(), lang.as_deref(), system.as_deref())
    }

    /// Every UI string in this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }
}

/// A text in both languages, chosen when it is shown: a message formatted when it arose, a note
/// in the data file (`note: (de: "…", en: "…")`), or, as `Bilingual<&'static str>`, a fixed
/// text in a table that lives elsewhere (the keymap, the list columns).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bilingual<S = String> {
    /// German.
    pub de: S,
    /// English.
    pub en: S,
}

impl<S: AsRef<str>> Bilingual<S> {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => self.de.as_ref(),
            Lang::En => self.en.as_ref(),
        }
    }

    /// Both texts, borrowed.
    pub fn borrowed(&self) -> Bilingual<&str> {
        Bilingual { de: self.de.as_ref(), en: self.en.as_ref() }
    }

    /// True when there is no text in either language.
    pub fn is_empty(&self) -> bool {
        self.de.as_ref().is_empty() && self.en.as_ref().is_empty()
    }
}

/// A fixed word of [`Text`] in both languages, for a sentence that takes it as an argument:
/// `in_both(|t| t.phone_number)`.
pub fn in_both(word: fn(&Text) -> &'static str) -> Bilingual<&'static str> {
    Bilingual { de: word(&DE), en: word(&EN) }
}

/// A sentence in both languages, for the sentence functions of the submodules.
fn both(de: String, en: String) -> Bilingual {
    Bilingual { de, en }
}

/// The strings of the user interface, one set per language.
#[derive(Debug)]
pub struct Text {
    /// Title of the search line.
    pub search: &'static str,
    /// Title of the result list.
    pub results: &'static str,
    /// Title of the details pane.
    pub details: &'static str,
    /// Shown when nothing matches.
    pub no_match: &'static str,
    /// Marks a typo-tolerant hit.
    pub approximate: &'static str,
    /// Label: country.
    pub country: &'static str,
    /// Label: region.
    pub region: &'static str,
    /// Label: also known as.
    pub also: &'static str,
    /// Label: native spelling.
    pub native: &'static str,
    /// Label: the German name.
    pub german: &'static str,
    /// Heading: the responsible person.
    pub responsible: &'static str,
    /// Heading: the escalation contact.
    pub escalation: &'static str,
    /// Label: phone.
    pub phone: &'static str,
    /// Label: phone from abroad.
    pub international: &'static str,
    /// Label: internal extension.
    pub extension: &'static str,
    /// Label: email.
    pub email: &'static str,
    /// Label: fax.
    pub fax: &'static str,
    /// Label: role.
    pub role: &'static str,
    /// Heading: a person's partner cities.
    pub cities: &'static str,
    /// Label: source note.
    pub note: &'static str,
    /// "Telefonnummer", what a copy held.
    pub phone_number: &'static str,
    /// "E-Mail-Adresse", what a copy held.
    pub email_address: &'static str,
    /// Ctrl-R while a reload runs.
    pub reload_busy: &'static str,
    /// The data file loads again after the view showed other data.
    pub file_back: &'static str,
    /// The form's prompt: a note needs a caller or a concern.
    pub needs_caller_or_concern: &'static str,
    /// The form's prompt after one Esc on a note with text.
    pub esc_again: &'static str,
    /// The heading of a note that has not left.
    pub note_unsent: &'static str,
    /// What the user can do with a note that has not left.
    pub note_unsent_help: &'static str,
    /// Status: the copy failed.
    pub copy_failed: &'static str,
    /// Status: nothing selected.
    pub nothing_selected: &'static str,
    /// Status: data reloaded.
    pub reloaded: &'static str,
    /// Ctrl-R on the embedded directory: there is no file to read again.
    pub no_file_to_reload: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// The help's first row: typing searches.
    pub typing: &'static str,
    /// What typing does.
    pub typing_help: &'static str,
    /// The help's last row: the query syntax.
    pub syntax: &'static str,
    /// What the syntax does.
    pub syntax_help: &'static str,
    /// Shown when the terminal is too small.
    pub too_small: &'static str,
    /// The vCard note before a person's cities.
    pub card_cities: &'static str,
    /// The workbook's sheet of cities.
    pub cities_sheet: &'static str,
    /// The workbook's sheet of people.
    pub people_sheet: &'static str,
    /// The workbook's sheet of topics.
    pub topics_sheet: &'static str,
    /// Label: the partner city a note is about (`Partnerstadt: Płock`).
    pub partner_city: &'static str,
    /// "Telefonnotiz".
    pub phone_message: &'static str,
    /// The note's line: who it is for.
    pub message_for: &'static str,
    /// The note's line and the form's field: who called.
    pub caller: &'static str,
    /// The note's line and the form's field: the number to call back.
    pub callback: &'static str,
    /// The note's line and the form's field: what it is about.
    pub concern: &'static str,
    /// Label: the next round anniversary.
    pub next_anniversary: &'static str,
    /// In place of the count while the data loads.
    pub loading: &'static str,
    /// Marks a hit that matched only some terms.
    pub partial: &'static str,
    /// In place of the count when the query holds only filler words.
    pub only_filler: &'static str,
    /// Facts shown beside the office in the result list.
    pub office_row: &'static str,
    /// Label: the Amt.
    pub office: &'static str,
    /// "Thema" / "Topic": what a topic's entry is.
    pub topic: &'static str,
    /// How a date and time are written (chrono's format): `29.11.2026 13:09`, `2026-11-29 13:09`.
    pub date_time_format: &'static str,
    /// Heading: a topic's summary.
    pub summary: &'static str,
    /// Label: where visitors go.
    pub visiting_address: &'static str,
    /// Label: where letters go.
    pub postal_address: &'static str,
    /// Label: the nearest stop.
    pub transit_stop: &'static str,
    /// The interactive view needs a terminal.
    pub needs_terminal: &'static str,
    /// The data loading at start ended without a result: a fault of the program.
    pub loading_lost: &'static str,
}

static DE: Text = Text {
    search: "Suche",
    results: "Treffer",
    details: "Details",
    no_match: "Keine Treffer",
    approximate: "≈ ähnlich",
    country: "Land",
    region: "Region",
    also: "Auch",
    native: "Landessprache",
    german: "Deutsch",
    responsible: "Zuständig",
    escalation: "Abteilungsleitung",
    phone: "Telefon",
    international: "International",
    extension: "Durchwahl",
    email: "E-Mail",
    fax: "Fax",
    role: "Aufgabe",
    cities: "Partnerstädte",
    note: "Quelle",
    phone_number: "Telefonnummer",
    email_address: "E-Mail-Adresse",
    reload_busy: "Die Daten werden bereits neu geladen",
    file_back: "Datendatei wieder lesbar: ihre Daten werden gezeigt",
    needs_caller_or_concern: "Bitte Anrufer oder Anliegen eintragen",
    esc_again: "Noch einmal Esc verwirft die Notiz",
    note_unsent: "Die Notiz ist noch nicht weitergegeben",
    note_unsent_help: "Sie bleibt hier stehen: erneut senden, erneut kopieren oder den Text mit der Maus markieren.",
    copy_failed: "Kopieren fehlgeschlagen",
    nothing_selected: "Nichts ausgewählt",
    reloaded: "Daten neu geladen",
    no_file_to_reload: "Keine Datei zum Neuladen: die eingebauten Daten werden gezeigt (--data oder \
                        PARTNERDESK_DATA nennt eine Datendatei)",
    help_title: "Tasten",
    typing: "Tippen",
    typing_help: "Suchen (Stadt, Land, Person, Durchwahl)",
    syntax: "land: person: jahr: 'text",
    syntax_help: "Feld wählen, genauer Treffer",
    too_small: "Fenster zu klein",
    card_cities: "Partnerstädte",
    cities_sheet: "Partnerstädte",
    people_sheet: "Personen",
    topics_sheet: "Themen",
    partner_city: "Partnerstadt",
    phone_message: "Telefonnotiz",
    message_for: "Für",
    caller: "Anrufer",
    callback: "Rückruf",
    concern: "Anliegen",
    next_anniversary: "Jubiläum",
    loading: "Daten werden geladen …",
    partial: "◐ teilweise",
    only_filler: "nur Füllwörter",
    office_row: "Anschrift, E-Mail, Fax",
    office: "Amt",
    topic: "Thema",
    date_time_format: "%d.%m.%Y %H:%M",
    summary: "Worum es geht",
    visiting_address: "Besuch",
    postal_address: "Post",
    transit_stop: "ÖPNV",
    needs_terminal: "die interaktive Ansicht braucht ein Terminal; in Skripten `partnerdesk query TEXT`, \
                     `partnerdesk list` oder `partnerdesk --accessible` verwenden",
    loading_lost: "die Daten wurden nicht geladen: das Laden endete ohne Ergebnis (ein Fehler des Programms; bitte melden)",
};

static EN: Text = Text {
    search: "Search",
    results: "Results",
    details: "Details",
    no_match: "No matches",
    approximate: "≈ similar",
    country: "Country",
    region: "Region",
    also: "Also",
    native: "Native",
    german: "German",
    responsible: "Responsible",
    escalation: "Head of department",
    phone: "Phone",
    international: "International",
    extension: "Extension",
    email: "Email",
    fax: "Fax",
    role: "Role",
    cities: "Partner cities",
    note: "Source",
    phone_number: "Phone number",
    email_address: "Email address",
    reload_busy: "A reload is already running",
    file_back: "The data file can be read again: its data is shown",
    needs_caller_or_concern: "Please fill in a caller or a concern",
    esc_again: "Esc again discards the note",
    note_unsent: "The note has not been passed on yet",
    note_unsent_help: "It stays here: send it again, copy it again, or select the text with the mouse.",
    copy_failed: "Copy failed",
    nothing_selected: "Nothing selected",
    reloaded: "Data reloaded",
    no_file_to_reload: "No file to reload: the embedded directory is shown (--data or PARTNERDESK_DATA names a \
                        data file)",
    help_title: "Keys",
    typing: "type",
    typing_help: "Search (city, country, person, extension)",
    syntax: "land: person: jahr: 'text",
    syntax_help: "Pick a field, exact match",
    too_small: "Window too small",
    card_cities: "Partner cities",
    cities_sheet: "Partner cities",
    people_sheet: "People",
    topics_sheet: "Topics",
    partner_city: "Partner city",
    phone_message: "Phone message",
    message_for: "For",
    caller: "Caller",
    callback: "Call back",
    concern: "Concern",
    next_anniversary: "Anniversary",
    loading: "loading the data …",
    partial: "◐ partial",
    only_filler: "only filler words",
    office_row: "address, email, fax",
    office: "Office",
    topic: "Topic",
    date_time_format: "%Y-%m-%d %H:%M",
    summary: "What it is",
    visiting_address: "Visiting",
    postal_address: "Post",
    transit_stop: "Transit stop",
    needs_terminal: "the interactive view needs a terminal; in scripts use `partnerdesk query TEXT`, \
                     `partnerdesk list` or `partnerdesk --accessible`",
    loading_lost: "the data was not loaded: loading ended without a result (a fault of the program; please report it)",
};

#[cfg(test)]
mod tests {
    use super::Lang;

    /// The German and the English of every sentence as the source writes them: the arguments of
    /// each `both(…)` in `src/i18n` and each `Bilingual { de: …, en: … }` in `src`, with where they are.
    fn pairs() -> Vec<(String, String, String)> {
        let mut found = Vec::new();
        for (name, text) in crate::stderr::tests::src() {
            let in_i18n = name.starts_with("src/i18n/");
            for (at, _) in text.match_indices("both(").filter(|_| in_i18n) {
                let args = arguments(&text[at + "both(".len()..], ')');
                if let [de, en] = &args[..] {
                    found.push((format!("{name}:{}", line_of(&text, at)), de.clone(), en.clone()));
                }
            }
            for (at, _) in text.match_indices("Bilingual { de:") {
                let args = arguments(&text[at + "Bilingual {".len()..], '}');
                if let [de, en] = &args[..]
                    && let (Some(de), Some(en)) = (de.trim().strip_prefix("de:"), en.trim().strip_prefix("en:"))
                {
                    found.push((format!("{name}:{}", line_of(&text, at)), de.to_string(), en.to_string()));
                }
            }
        }
        found
    }

    fn line_of(text: &str, at: usize) -> usize {
        text[..at].lines().count() + 1
    }

    /// The arguments up to the `close` that ends them, split at the commas outside brackets and
    /// string literals.
    fn arguments(text: &str, close: char) -> Vec<String> {
        let (mut args, mut current, mut depth, mut chars) = (Vec::new(), String::new(), 0, text.chars());
        while let Some(c) = chars.next() {
            match c {
                '"' => {
                    current.push(c);
                    while let Some(c) = chars.next() {
                        current.push(c);
                        if c == '\\' {
                            current.extend(chars.next());
                        } else if c == '"' {
                            break;
                        }
                    }
                    continue;
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 && c == close => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    args.push(std::mem::take(&mut current));
                    continue;
                }
                _ => {}
            }
            current.push(c);
        }
        if !current.trim().is_empty() {
            args.push(current);
        }
        args
    }

    /// The text of the string literals in `arg`, line continuations joined.
    fn literal_text(arg: &str) -> Option<String> {
        let mut text = String::new();
        let mut rest = arg;
        while let Some(start) = rest.find('"') {
            let body = &rest[start + 1..];
            let mut end = 0;
            let mut escaped = false;
            for (i, c) in body.char_indices() {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            let literal = &body[..end];
            let mut joined = String::new();
            let mut parts = literal.split("\\\n");
            joined.push_str(parts.next().unwrap_or_default());
            for part in parts {
                joined.push_str(part.trim_start());
            }
            text.push_str(&joined);
            rest = &body[end + 1..];
        }
        (!text.is_empty()).then_some(text)
    }

    /// The placeholders of a format string: named ones by name, and how many `{}` there are.
    fn placeholders(text: &str) -> (Vec<String>, usize) {
        let (mut named, mut positional) = (Vec::new(), 0);
        let text = text.replace("{{", "").replace("}}", "");
        for piece in text.split('{').skip(1) {
            let name = piece.split(['}', ':']).next().unwrap_or_default();
            // `{de}` in the German and `{en}` in the English are the same piece in each language.
            let name = match name.split_once('_') {
                _ if name == "de" || name == "en" => "lang".to_string(),
                Some(("de" | "en", rest)) => format!("lang_{rest}"),
                _ => name.to_string(),
            };
            if name.is_empty() {
                positional += 1;
            } else {
                named.push(name);
            }
        }
        named.sort();
        (named, positional)
    }

    /// Words outside the placeholders: what a translation has to say.
    fn words(text: &str) -> Vec<&str> {
        text.split('{')
            .map(|piece| piece.split_once('}').map_or(piece, |(_, after)| after))
            .flat_map(|piece| piece.split(|c: char| !c.is_alphabetic()))
            .filter(|word| !word.is_empty())
            .collect()
    }

    /// True if `code` (string literals aside) takes a piece in `lang`: `who.en`, `en`, `en_about`.
    fn speaks(code: &str, lang: &str) -> bool {
        let (mut outside, mut in_literal, mut escaped) = (String::new(), false, false);
        for c in code.chars() {
            match (in_literal, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (_, false, '"') => in_literal = !in_literal,
                (false, _, c) => outside.push(c),
                _ => {}
            }
        }
        let outside = outside.replace(['(', ')', ',', '&', '!', '}', '{', '.'], " .");
        outside.split_whitespace().any(|w| w.trim_start_matches('.') == lang || w.starts_with(&format!("{lang}_")))
    }

    /// A sentence only half translated shows in its source: the same words in both languages
    /// (the German copied into the English or the other way round), or an argument said in one
    /// language and left out of the other.
    #[test]
    fn every_sentence_is_in_both_languages_with_the_same_arguments() {
        let pairs = pairs();
        assert!(pairs.len() > 200, "the sentences are found: {}", pairs.len());
        let mut problems = Vec::new();
        for (place, de_code, en_code) in &pairs {
            if speaks(de_code, "en") || speaks(en_code, "de") {
                problems.push(format!("{place}: a piece of the other language: {de_code:?} / {en_code:?}"));
            }
            let (Some(de), Some(en)) = (literal_text(de_code), literal_text(en_code)) else { continue };
            if placeholders(&de) != placeholders(&en) {
                problems.push(format!("{place}: other arguments in German and English: {de:?} / {en:?}"));
            }
            if de == en && words(&de).len() > 1 {
                problems.push(format!("{place}: the same words in both languages: {de:?}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_check_of_both_languages_finds_a_copied_sentence_and_a_lost_argument() {
        let args = arguments(r#"format!("{name} ist weg"), format!("{name} is away")) rest"#, ')');
        assert_eq!(args.len(), 2);
        assert_eq!(literal_text(&args[0]).as_deref(), Some("{name} ist weg"));
        assert_eq!(placeholders("{file} wurde {} am {when:>5}"), (vec!["file".into(), "when".into()], 1));
        assert_ne!(placeholders("{file} is gone"), placeholders("ist weg"));
        assert_eq!(words("{file} nicht gefunden"), ["nicht", "gefunden"]);
        assert_eq!(
            literal_text(
                r#""eins \
                                   zwei""#
            )
            .as_deref(),
            Some("eins zwei")
        );
    }

    #[test]
    fn locale_picks_the_language() {
        assert_eq!(Lang::from_locale(None, None, Some("de_DE.UTF-8")), Lang::De);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8"), None, Some("de_DE.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some(""), Some("de_AT"), Some("en_GB")), Lang::De);
        assert_eq!(Lang::from_locale(None, None, Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None, None, None), Lang::En);
    }

    #[test]
    fn with_no_variables_the_system_locale_decides() {
        // A German Windows: no LANG, the system says de-DE.
        assert_eq!(Lang::from_environment(None, None, None, Some("de-DE")), Lang::De);
        assert_eq!(Lang::from_environment(None, None, None, Some("de-AT")), Lang::De);
        assert_eq!(Lang::from_environment(None, None, None, Some("en-GB")), Lang::En);
        assert_eq!(Lang::from_environment(None, None, None, None), Lang::En);
        // A variable that is set wins over the system.
        assert_eq!(Lang::from_environment(None, None, Some("en_US.UTF-8"), Some("de-DE")), Lang::En);
        assert_eq!(Lang::from_environment(Some(""), None, None, Some("de-DE")), Lang::De);
    }
}
