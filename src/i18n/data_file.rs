//! Sentences with arguments about a data file: why it cannot be used (`directory::error`) and
//! the rules it breaks (`directory::validate`). `file` names the file and `who` the entry in both
//! languages (`Stadt "Płock"` / `city "Płock"`); each function returns [`Bilingual`], and the
//! caller picks the language.

use super::{Bilingual, both};

/// The valid ids, quoted, for messages about an id that names nobody.
pub fn valid_ids(ids: &[&str]) -> Bilingual {
    if ids.is_empty() {
        return both("keine (die Liste people ist leer)".into(), "none (the people list is empty)".into());
    }
    let ids: Vec<String> = ids.iter().map(|id| format!("{id:?}")).collect();
    both(ids.join(", "), ids.join(", "))
}

/// An office address's postcode is not five digits.
pub fn postcode(who: &Bilingual, postcode: &str) -> Bilingual {
    both(
        format!("{}: Postleitzahl {postcode:?} hat nicht fünf Ziffern", who.de),
        format!("{}: postcode {postcode:?} is not five digits", who.en),
    )
}

/// An id (`field`: `head`, `contact`) names nobody.
pub fn names_no_person(who: &Bilingual, field: &str, id: &str, ids: &Bilingual) -> Bilingual {
    both(
        format!("{}: {field} {id:?} nennt keine Person; gültige Kennungen (id) sind {}", who.de, ids.de),
        format!("{}: {field} {id:?} names no person; valid ids are {}", who.en, ids.en),
    )
}

/// A topic's contact names nobody.
pub fn topic_contact_unknown(who: &Bilingual, id: &str, ids: &Bilingual) -> Bilingual {
    both(
        format!(
            "{}: contact {id:?} nennt keine Person; gültige Kennungen (id) sind {}; ohne contact antwortet das Amt",
            who.de, ids.de
        ),
        format!(
            "{}: contact {id:?} names no person; valid ids are {}; without a contact the office answers",
            who.en, ids.en
        ),
    )
}

/// Two people with one id.
pub fn duplicate_id(who: &Bilingual) -> Bilingual {
    both(
        format!("{}: doppelte Kennung (id); jede Person braucht eine eigene", who.de),
        format!("{}: duplicate id; every person needs an id of their own", who.en),
    )
}

/// An id that is not lowercase letters, digits and '-'.
pub fn bad_id(who: &Bilingual) -> Bilingual {
    both(
        format!("{}: eine Kennung (id) besteht aus Kleinbuchstaben a-z, Ziffern und '-' und ist nicht leer", who.de),
        format!("{}: an id is lowercase letters a-z, digits and '-', and not empty", who.en),
    )
}

/// A city without a name.
pub fn city_without_name() -> Bilingual {
    both(
        "Stadt: leerer Name; jede Stadt braucht einen Namen".into(),
        "city: empty name; every city needs a name".into(),
    )
}

/// A city listed twice.
pub fn duplicate_city(who: &Bilingual) -> Bilingual {
    both(
        format!("{}: doppelter Städtename; jede Stadt steht nur einmal in der Liste", who.de),
        format!("{}: duplicate city name; each city is listed once", who.en),
    )
}

/// A topic listed twice.
pub fn duplicate_topic(who: &Bilingual) -> Bilingual {
    both(
        format!("{}: doppeltes Thema; jedes Thema steht nur einmal in der Liste", who.de),
        format!("{}: duplicate topic; each topic is listed once", who.en),
    )
}

/// A year outside `first..=last`.
pub fn year_out_of_range(who: &Bilingual, since: i32, first: i32, last: i32) -> Bilingual {
    both(
        format!("{}: since {since} ist kein Jahr von {first} bis {last}", who.de),
        format!("{}: since {since} is not a year from {first} to {last}", who.en),
    )
}

/// A country code that is not two capital letters.
pub fn country_code(who: &Bilingual, code: &str) -> Bilingual {
    both(
        format!("{}: Ländercode {code:?} sind nicht zwei Großbuchstaben (ISO 3166-1 alpha-2, z. B. \"PL\")", who.de),
        format!("{}: country code {code:?} is not two capital letters (ISO 3166-1 alpha-2, e.g. \"PL\")", who.en),
    )
}

/// A country's name (`field`: `de`, `en`) is empty.
pub fn country_name_empty(who: &Bilingual, field: &str) -> Bilingual {
    both(
        format!("{}: country {field} ist leer; es braucht den Namen des Landes", who.de),
        format!("{}: country {field} is empty; it needs the country's name", who.en),
    )
}

/// A list of aliases with an empty entry.
pub fn empty_alias(who: &Bilingual) -> Bilingual {
    both(
        format!("{}: aliases hat einen leeren Eintrag; bitte entfernen", who.de),
        format!("{}: aliases has an empty entry; remove it", who.en),
    )
}

/// A topic's name (`field`: `de`, `en`) is empty.
pub fn topic_name_empty(who: &Bilingual, field: &str) -> Bilingual {
    both(
        format!("{}: name {field} ist leer; ein Thema braucht einen Namen", who.de),
        format!("{}: name {field} is empty; a topic needs a name", who.en),
    )
}

/// A topic's summary (`field`: `de`, `en`) is empty.
pub fn topic_summary_empty(who: &Bilingual, field: &str) -> Bilingual {
    both(
        format!("{}: summary {field} ist leer; ein Thema braucht eine Zusammenfassung", who.de),
        format!("{}: summary {field} is empty; a topic needs a summary", who.en),
    )
}

/// A text holds a character no text may hold, of `kind` (a control character…).
pub fn forbidden_char(who: &Bilingual, field: &str, kind: Bilingual<&str>, c: char) -> Bilingual {
    let code = c as u32;
    both(
        format!(
            "{}: {field} enthält das {} U+{code:04X}; Text darf keine Steuerzeichen, Richtungszeichen oder \
             Zeilentrenner enthalten",
            who.de, kind.de
        ),
        format!(
            "{}: {field} contains the {} U+{code:04X}; text may not contain control characters, bidirectional \
             controls or line separators",
            who.en, kind.en
        ),
    )
}

/// A text that starts or ends with a space.
pub fn space_at_edge(who: &Bilingual, field: &str, value: &str) -> Bilingual {
    both(
        format!("{}: {field} {value:?} beginnt oder endet mit einem Leerzeichen; bitte entfernen", who.de),
        format!("{}: {field} {value:?} starts or ends with a space; remove it", who.en),
    )
}

/// A required text that is empty.
pub fn empty_value(who: &Bilingual, field: &str) -> Bilingual {
    both(
        format!("{}: {field} ist leer; es braucht einen Wert", who.de),
        format!("{}: {field} is empty; it needs a value", who.en),
    )
}

/// A phone or fax not in the page's form (`form`: the form in each language).
pub fn not_a_phone(who: &Bilingual, field: &str, value: &str, form: Bilingual<&str>) -> Bilingual {
    both(
        format!("{}: {field} {value:?} ist keine deutsche Nummer der Form {}", who.de, form.de),
        format!("{}: {field} {value:?} is not a German number in the form {}", who.en, form.en),
    )
}

/// An email address that is not one.
pub fn not_an_email(who: &Bilingual, value: &str) -> Bilingual {
    both(
        format!("{}: email {value:?} ist keine Adresse wie name@example.de", who.de),
        format!("{}: email {value:?} is not an address like name@example.de", who.en),
    )
}

/// The data file cannot be read; `said` is the system's reason.
pub fn cannot_read_data(file: &Bilingual, said: &Bilingual) -> Bilingual {
    both(
        format!("{}: Datei kann nicht gelesen werden: {}", file.de, said.de),
        format!("{}: cannot read the data file: {}", file.en, said.en),
    )
}

/// The data file's path names a folder or something else. Without `file`: for a banner that
/// names the file itself.
pub fn not_a_file(file: Option<&Bilingual>) -> Bilingual {
    match file {
        Some(file) => both(
            format!("{}: ist keine Datei; bitte den Pfad einer .ron-Datei angeben", file.de),
            format!("{}: is not a file; give the path of a .ron data file", file.en),
        ),
        None => both("ist keine Datei".into(), "is not a file".into()),
    }
}

/// The data file is larger than `mib` MiB.
pub fn too_large(file: Option<&Bilingual>, mib: u64) -> Bilingual {
    match file {
        Some(file) => both(
            format!("{}: ist größer als {mib} MiB, mehr darf eine Datei nicht sein", file.de),
            format!("{}: is larger than {mib} MiB, the most a data file may hold", file.en),
        ),
        None => both(format!("größer als {mib} MiB"), format!("larger than {mib} MiB")),
    }
}

/// The data file is not UTF-8 from `line` on.
pub fn not_utf8(file: Option<&Bilingual>, line: usize) -> Bilingual {
    match file {
        Some(file) => both(
            format!("{}:{line}: ist kein gültiges UTF-8; bitte als UTF-8-Text speichern", file.de),
            format!("{}:{line}: is not valid UTF-8; save the data file as UTF-8 text", file.en),
        ),
        None => both(format!("Zeile {line}: kein UTF-8"), format!("line {line}: not UTF-8")),
    }
}

/// After the first of several problems: how many more there are.
pub fn more_problems(n: usize) -> Bilingual {
    both(format!(" (und {n} weitere Probleme)"), format!(" (and {n} more problems)"))
}
