//! German and English: the language choice and every string the user interface shows.

use crate::directory::Country;

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Deutsch.
    De,
    /// English.
    En,
}

impl Lang {
    /// German when the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` starts with `de`, else English.
    pub fn from_locale(lc_all: Option<&str>, lc_messages: Option<&str>, lang: Option<&str>) -> Lang {
        let locale = [lc_all, lc_messages, lang].into_iter().flatten().find(|v| !v.is_empty());
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("de") => Lang::De,
            _ => Lang::En,
        }
    }

    /// The language the environment asks for.
    pub fn detect() -> Lang {
        let var = |name| std::env::var(name).ok();
        Lang::from_locale(var("LC_ALL").as_deref(), var("LC_MESSAGES").as_deref(), var("LANG").as_deref())
    }

    /// The country's name in this language.
    pub fn country(self, country: &Country) -> &str {
        match self {
            Lang::De => &country.de,
            Lang::En => &country.en,
        }
    }

    /// Every UI string in this language.
    pub fn text(self) -> &'static Text {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }
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
    /// "Partnerstadt seit" (followed by the year).
    pub partner_since: &'static str,
    /// "Jahre" / "years".
    pub years: &'static str,
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
    /// Status: phone copied.
    pub copied_phone: &'static str,
    /// Status: email copied.
    pub copied_email: &'static str,
    /// Status: the copy reached only the terminal (OSC 52).
    pub copied_terminal_only: &'static str,
    /// Status: the copy failed.
    pub copy_failed: &'static str,
    /// Status: nothing selected.
    pub nothing_selected: &'static str,
    /// Status: data reloaded.
    pub reloaded: &'static str,
    /// Warning: the new data file is invalid; the old data stays.
    pub reload_failed: &'static str,
    /// Footer hints.
    pub keys_footer: &'static str,
    /// Title of the help overlay.
    pub help_title: &'static str,
    /// The help overlay's rows: key, what it does.
    pub help: &'static [(&'static str, &'static str)],
    /// Shown when the terminal is too small.
    pub too_small: &'static str,
}

static DE: Text = Text {
    search: "Suche",
    results: "Treffer",
    details: "Details",
    no_match: "Keine Treffer",
    approximate: "≈ ähnlich",
    partner_since: "Partnerstadt seit",
    years: "Jahre",
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
    copied_phone: "Telefonnummer kopiert",
    copied_email: "E-Mail-Adresse kopiert",
    copied_terminal_only: "(nur über das Terminal, OSC 52)",
    copy_failed: "Kopieren fehlgeschlagen",
    nothing_selected: "Nichts ausgewählt",
    reloaded: "Daten neu geladen",
    reload_failed: "Neue Daten ungültig, alte bleiben",
    keys_footer: "↑↓ wählen · Enter Telefon kopieren · Alt-Y E-Mail · F1 Hilfe · Esc beenden",
    help_title: "Tasten",
    help: &[
        ("Tippen", "Suchen (Stadt, Land, Person, Durchwahl)"),
        ("↑ ↓  Ctrl-P Ctrl-N  Ctrl-K Ctrl-J", "Auswahl bewegen"),
        ("PgUp PgDn", "Seitenweise bewegen"),
        ("← →  Home End  Ctrl-A Ctrl-E", "Cursor bewegen"),
        ("Backspace  Ctrl-W  Ctrl-U", "Zeichen / Wort / alles löschen"),
        ("Enter  Ctrl-Y", "Telefonnummer kopieren"),
        ("Alt-Y", "E-Mail-Adresse kopieren"),
        ("Ctrl-R", "Daten neu laden"),
        ("Ctrl-L  Ctrl-Z", "Neu zeichnen / anhalten (Unix)"),
        ("F1  ?", "Diese Hilfe"),
        ("Esc", "Suche leeren, dann beenden"),
        ("Ctrl-C", "Beenden"),
        ("land: person: jahr: 'text", "Feld wählen, genauer Treffer"),
    ],
    too_small: "Fenster zu klein",
};

static EN: Text = Text {
    search: "Search",
    results: "Results",
    details: "Details",
    no_match: "No matches",
    approximate: "≈ similar",
    partner_since: "Partner city since",
    years: "years",
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
    copied_phone: "Phone number copied",
    copied_email: "Email address copied",
    copied_terminal_only: "(through the terminal only, OSC 52)",
    copy_failed: "Copy failed",
    nothing_selected: "Nothing selected",
    reloaded: "Data reloaded",
    reload_failed: "New data invalid, keeping the old",
    keys_footer: "↑↓ select · Enter copy phone · Alt-Y copy email · F1 help · Esc quit",
    help_title: "Keys",
    help: &[
        ("type", "Search (city, country, person, extension)"),
        ("↑ ↓  Ctrl-P Ctrl-N  Ctrl-K Ctrl-J", "Move the selection"),
        ("PgUp PgDn", "Move a page"),
        ("← →  Home End  Ctrl-A Ctrl-E", "Move the cursor"),
        ("Backspace  Ctrl-W  Ctrl-U", "Delete a char / word / all"),
        ("Enter  Ctrl-Y", "Copy the phone number"),
        ("Alt-Y", "Copy the email address"),
        ("Ctrl-R", "Reload the data"),
        ("Ctrl-L  Ctrl-Z", "Repaint / suspend (Unix)"),
        ("F1  ?", "This help"),
        ("Esc", "Clear the search, then quit"),
        ("Ctrl-C", "Quit"),
        ("land: person: jahr: 'text", "Pick a field, exact match"),
    ],
    too_small: "Window too small",
};

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn locale_picks_the_language() {
        assert_eq!(Lang::from_locale(None, None, Some("de_DE.UTF-8")), Lang::De);
        assert_eq!(Lang::from_locale(Some("en_US.UTF-8"), None, Some("de_DE.UTF-8")), Lang::En);
        assert_eq!(Lang::from_locale(Some(""), Some("de_AT"), Some("en_GB")), Lang::De);
        assert_eq!(Lang::from_locale(None, None, Some("C")), Lang::En);
        assert_eq!(Lang::from_locale(None, None, None), Lang::En);
    }
}
