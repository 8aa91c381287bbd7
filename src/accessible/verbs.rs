//! The dialogue's commands: single words or letters, one table per language. The table is what
//! the dialogue understands and what its help lists, so that the two cannot drift.

use crate::i18n::{Bilingual, Lang};
use crate::tui::message::Action;

/// What a command word asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// List the commands.
    Help,
    /// Copy the responsible person's phone number.
    CopyPhone,
    /// Copy the responsible person's email address.
    CopyEmail,
    /// Call them: hand their `tel:` link to the system.
    Call,
    /// Write to them: hand a `mailto:` link to the system.
    Write,
    /// Take a phone message, one prompt per field.
    Note,
    /// Say the last answer again.
    Repeat,
    /// End the dialogue.
    Quit,
}

impl Verb {
    /// The view's action that does the same, where there is one.
    pub fn action(self) -> Option<Action> {
        match self {
            Verb::CopyPhone => Some(Action::CopyPhone),
            Verb::CopyEmail => Some(Action::CopyEmail),
            Verb::Call => Some(Action::Call),
            Verb::Write => Some(Action::Email),
            Verb::Note => Some(Action::StartNote),
            Verb::Quit => Some(Action::Quit),
            Verb::Help | Verb::Repeat => None,
        }
    }
}

/// One command: its words in German and in English, and what it does.
pub struct Entry {
    /// The command.
    pub verb: Verb,
    /// Its words, the short one first.
    pub words: Bilingual<&'static [&'static str]>,
    /// What it does, for the help.
    pub does: Bilingual<&'static str>,
}

/// Every command, in the order the help lists them.
pub const VERBS: &[Entry] = &[
    Entry {
        verb: Verb::CopyPhone,
        words: Bilingual { de: &["n", "nummer"], en: &["n", "number"] },
        does: Bilingual { de: "die Telefonnummer kopieren", en: "copy the phone number" },
    },
    Entry {
        verb: Verb::CopyEmail,
        words: Bilingual { de: &["e", "email"], en: &["e", "email"] },
        does: Bilingual { de: "die E-Mail-Adresse kopieren", en: "copy the email address" },
    },
    Entry {
        verb: Verb::Call,
        words: Bilingual { de: &["a", "anrufen"], en: &["c", "call"] },
        does: Bilingual { de: "anrufen, über das Telefonprogramm", en: "call, through the phone program" },
    },
    Entry {
        verb: Verb::Write,
        words: Bilingual { de: &["s", "schreiben"], en: &["w", "write"] },
        does: Bilingual { de: "eine E-Mail schreiben, im Mailprogramm", en: "write an email, in the mail program" },
    },
    Entry {
        verb: Verb::Note,
        words: Bilingual { de: &["t", "notiz"], en: &["t", "note"] },
        does: Bilingual {
            de: "eine Telefonnotiz aufnehmen und an die zuständige Person schicken",
            en: "take a phone message and send it to the person responsible",
        },
    },
    Entry {
        verb: Verb::Repeat,
        words: Bilingual { de: &["w", "wiederholen"], en: &["r", "repeat"] },
        does: Bilingual { de: "die letzte Antwort wiederholen", en: "say the last answer again" },
    },
    Entry {
        verb: Verb::Help,
        words: Bilingual { de: &["?", "hilfe"], en: &["?", "help"] },
        does: Bilingual { de: "diese Liste", en: "this list" },
    },
    Entry {
        verb: Verb::Quit,
        words: Bilingual { de: &["q", "ende"], en: &["q", "quit"] },
        does: Bilingual { de: "beenden", en: "quit" },
    },
];

/// The words of `verb` in `lang`, the short one first.
pub fn words(verb: Verb, lang: Lang) -> &'static [&'static str] {
    VERBS.iter().find(|entry| entry.verb == verb).map_or(&[], |entry| in_lang(&entry.words, lang))
}

/// The short word of `verb` in both languages, as sentences name a command.
pub fn short(verb: Verb) -> Bilingual<&'static str> {
    let first = |lang| words(verb, lang).first().copied().unwrap_or_default();
    Bilingual { de: first(Lang::De), en: first(Lang::En) }
}

/// The commands as the README's table: the words in German and in English, and what they do.
pub fn markdown_table() -> String {
    let words = |words: &[&str]| words.iter().map(|word| format!("`{word}`")).collect::<Vec<_>>().join(" ");
    let mut table = String::from("| Deutsch | English | What it does |\n|---|---|---|\n");
    for Entry { verb: _, words: Bilingual { de, en }, does } in VERBS {
        table.push_str(&format!("| {} | {} | {} |\n", words(de), words(en), does.en));
    }
    table
}

/// What a line typed at the search prompt is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Nothing but blanks.
    Empty,
    /// A command word of the UI language.
    Verb(Verb),
    /// A number of up to three digits: a hit of the last search.
    Number(usize),
    /// Anything else: what to search for.
    Search(String),
}

/// Tells a command from a number and a search. Longer numbers (extensions, phone numbers) are
/// searched for.
pub fn classify(line: &str, lang: Lang) -> Input {
    let line = line.trim();
    if line.is_empty() {
        return Input::Empty;
    }
    let lower = line.to_lowercase();
    if let Some(entry) = VERBS.iter().find(|entry| in_lang(&entry.words, lang).contains(&lower.as_str())) {
        return Input::Verb(entry.verb);
    }
    if line.len() <= 3
        && line.bytes().all(|b| b.is_ascii_digit())
        && let Ok(number) = line.parse()
    {
        return Input::Number(number);
    }
    Input::Search(line.to_string())
}

/// The words of a table row in `lang`.
fn in_lang(words: &Bilingual<&'static [&'static str]>, lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => words.de,
        Lang::En => words.en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_searches_are_told_apart() {
        assert_eq!(classify("  Q ", Lang::De), Input::Verb(Verb::Quit));
        assert_eq!(classify("anrufen", Lang::De), Input::Verb(Verb::Call));
        assert_eq!(classify("anrufen", Lang::En), Input::Search("anrufen".into()));
        assert_eq!(classify("c", Lang::En), Input::Verb(Verb::Call));
        assert_eq!(classify("2", Lang::En), Input::Number(2));
        assert_eq!(classify("2324", Lang::En), Input::Search("2324".into()));
        assert_eq!(classify("'hilfe", Lang::De), Input::Search("'hilfe".into()));
        assert_eq!(classify(" ", Lang::De), Input::Empty);
    }

    #[test]
    fn no_word_means_two_commands_in_one_language() {
        for lang in [Lang::De, Lang::En] {
            let mut all: Vec<&str> =
                VERBS.iter().flat_map(|entry| in_lang(&entry.words, lang).iter().copied()).collect();
            let count = all.len();
            all.sort_unstable();
            all.dedup();
            assert_eq!(all.len(), count, "{lang:?}");
        }
    }
}
