//! Sentences with arguments, in both languages: a message for a moment that has values in it.
//! Those that return [`Bilingual`] leave the choice of language to the caller (`.get(lang)`).

use super::{Bilingual, both};

/// F5 on the office: it has no number; `key` writes an email.
pub fn office_no_call(key: Bilingual<&str>) -> Bilingual {
    both(
        format!("Das Amt hat keine allgemeine Nummer; {} schreibt eine E-Mail", key.de),
        format!("The office has no general number; {} writes an email", key.en),
    )
}

/// Enter on the office: it has no number; `keys` copy its email address.
pub fn no_office_phone(keys: Bilingual<&str>) -> Bilingual {
    both(
        format!("Das Amt hat keine allgemeine Telefonnummer; {} kopiert die E-Mail-Adresse", keys.de),
        format!("The office has no general number; {} copies the email address", keys.en),
    )
}

/// Enter, F5, F6 or F7 while the query holds only filler `words` ("Frau"): nothing is selected.
pub fn type_a_name(words: &str) -> Bilingual {
    both(
        format!("Bitte einen Namen tippen: „{words}“ allein wählt niemanden aus"),
        format!("Type a name: \"{words}\" alone selects no one"),
    )
}

/// The banner while the data file cannot be used: which file, where its name came from, what is
/// wrong, and what is shown instead (`last_good`: the date of the last good copy; `None`: the
/// embedded directory). `origin`, `problem` and the date are given in the language to be shown.
pub fn fallback_banner(file: &str, origin: &str, problem: &str, last_good: Option<&str>) -> Bilingual {
    // One full stop after the problem, whatever it ends with.
    let problem = problem.trim_end_matches(['.', '?', '!', ' ']);
    match last_good {
        Some(date) => both(
            format!(
                "⚠ Datendatei {file} (aus {origin}) nicht nutzbar: {problem}. Gezeigt wird ihre letzte gute Fassung \
                 vom {date}. Sobald die Datei wieder in Ordnung ist, wechselt die Ansicht von selbst."
            ),
            format!(
                "⚠ Data file {file} (from {origin}) cannot be used: {problem}. Showing its last good copy, of \
                 {date}. Once the file is fixed, the view switches to it by itself."
            ),
        ),
        None => both(
            format!(
                "⚠ Datendatei {file} (aus {origin}) nicht nutzbar: {problem}. Gezeigt werden die eingebauten Daten. \
                 Sobald die Datei wieder in Ordnung ist, wechselt die Ansicht von selbst."
            ),
            format!(
                "⚠ Data file {file} (from {origin}) cannot be used: {problem}. Showing the embedded directory. \
                 Once the file is fixed, the view switches to it by itself."
            ),
        ),
    }
}

/// A reload that failed by a fault of the program's own (a panic), with what it said.
pub fn internal_error(what: &str) -> Bilingual {
    both(
        format!("interner Fehler beim Laden ({what}); bitte melden. Die bisherigen Daten bleiben"),
        format!("internal error while loading ({what}); please report it. The data shown stays"),
    )
}

/// An operating system's error: the common ones in words of our own, the rest as the system
/// says it (in both languages).
pub fn os_error(error: &std::io::Error) -> Bilingual {
    use std::io::ErrorKind;
    let (de, en) = match error.kind() {
        ErrorKind::NotFound => ("nicht gefunden", "not found"),
        ErrorKind::PermissionDenied => ("keine Berechtigung", "permission denied"),
        ErrorKind::IsADirectory => ("ist ein Ordner", "is a folder"),
        ErrorKind::NotADirectory => ("ein Teil des Pfades ist kein Ordner", "a part of the path is not a folder"),
        ErrorKind::StorageFull => ("kein Platz mehr auf dem Datenträger", "no space left on the device"),
        ErrorKind::ReadOnlyFilesystem => ("nur lesbares Dateisystem", "read-only file system"),
        ErrorKind::TimedOut => ("Zeitüberschreitung", "timed out"),
        _ => return both(error.to_string(), error.to_string()),
    };
    both(de.into(), en.into())
}

// Sentences with arguments, in both languages: the caller picks the language with `.get(lang)`.

/// The change log's line for a file that replaced an invalid one.
pub fn whole_file_replaced() -> Bilingual {
    both(
        "ganze Datei ersetzt (die vorige Fassung war ungültig)".into(),
        "whole file replaced (the previous version was not valid)".into(),
    )
}

/// The change log's line for an edit that changed no entry.
pub fn comments_only() -> Bilingual {
    both("nur Kommentare oder Layout geändert".into(), "comments or layout only".into())
}

/// A change was installed; the replaced version is `kept`.
pub fn saved(file: &str, kept: &str) -> Bilingual {
    both(
        format!("gespeichert: {file}; die vorige Fassung liegt in {kept}"),
        format!("saved: {file}; the previous version is kept in {kept}"),
    )
}

/// A colleague saved the file during the change; ours is `kept`.
pub fn saved_meanwhile(file: &str, kept: &str) -> Bilingual {
    both(
        format!(
            "{file} wurde inzwischen von jemand anderem gespeichert; nichts überschrieben. Diese \
             Fassung liegt in {kept}. Unterschiede (deren → diese):"
        ),
        format!(
            "{file} was saved by someone else meanwhile; nothing was overwritten. This version is \
             kept in {kept}. What differs (theirs → this one):"
        ),
    )
}

/// `edit` ended with an emptied file.
pub fn edit_emptied(file: &str) -> Bilingual {
    both(
        format!("Datei geleert: Bearbeitung verworfen; {file} bleibt, wie sie war"),
        format!("the file was emptied: edit discarded; {file} stays as it was"),
    )
}

/// `edit` ended with the file as it was.
pub fn edit_unchanged(file: &str) -> Bilingual {
    both(format!("keine Änderung; {file} bleibt, wie sie war"), format!("no change; {file} stays as it was"))
}

/// The first line written above an invalid edit.
pub fn edit_not_saved() -> Bilingual {
    both(
        "noch nicht gespeichert. Bitte beheben und speichern, oder die Datei leeren, um zu verwerfen:".into(),
        "not saved yet. Fix these problems and save, or empty the file to discard the edit:".into(),
    )
}

/// After the editor: the copy does not pass the checks; its problems follow, and are also at
/// the top of the copy.
pub fn edit_has_problems() -> Bilingual {
    both(
        "die Kopie ist noch nicht gespeichert; diese Fehler stehen auch oben in ihr:".into(),
        "the copy is not saved yet; these problems are also listed at its top:".into(),
    )
}

/// Whether to open the editor again on a copy with problems; Enter is yes.
pub fn edit_again() -> Bilingual {
    both("Erneut bearbeiten? [J/n] ".into(), "Edit it again? [Y/n] ".into())
}

/// The answer to [`edit_again`] was no, or there was none: the data file is unchanged.
pub fn edit_not_saved_ended() -> Bilingual {
    both(
        "nicht gespeichert: die Datendatei bleibt, wie sie war".into(),
        "not saved: the data file stays as it was".into(),
    )
}

/// A problem above an invalid edit, at `line` as the editor shows it.
pub fn at_line(line: usize, message: &str) -> Bilingual {
    both(format!("Zeile {line}: {message}"), format!("line {line}: {message}"))
}

/// `edit` on a file that does not exist yet.
pub fn start_file(file: &str) -> Bilingual {
    both(
        format!("{file} gibt es nicht. Aus den eingebauten Daten anlegen? [j/N] "),
        format!("{file} does not exist. Start it from the embedded directory? [y/N] "),
    )
}

/// The answer to [`start_file`] was no.
pub fn nothing_created() -> Bilingual {
    both("nichts angelegt".into(), "nothing created".into())
}

/// The terminal failed under the view, and the system's reason.
pub fn terminal_failed(error: &std::io::Error) -> Bilingual {
    let said = os_error(error);
    both(format!("das Terminal meldet einen Fehler: {}", said.de), format!("the terminal failed: {}", said.en))
}

/// An output could not be written, and the system's reason (in words of our own where we have them).
pub fn cannot_write(name: Bilingual<&str>, error: &std::io::Error) -> Bilingual {
    let said = os_error(error);
    both(
        format!("{} kann nicht geschrieben werden: {}", name.de, said.de),
        format!("cannot write to {}: {}", name.en, said.en),
    )
}

/// `history` on a file with no change log yet.
pub fn no_history(file: &str) -> Bilingual {
    both(
        format!("für {file} sind noch keine Änderungen verzeichnet"),
        format!("no changes are recorded for {file} yet"),
    )
}

/// `diff` between two files with the same entries.
pub fn no_differences() -> Bilingual {
    both(
        "keine Änderungen an Städten, Personen, Themen oder Amt".into(),
        "no changes to cities, people, topics or the office".into(),
    )
}

/// `assign` to the person who already has the city.
pub fn already_assigned(city: &str, person: &str) -> Bilingual {
    both(
        format!("{city} ist schon bei {person}; nichts geändert"),
        format!("{city} is already {person}'s; nothing changed"),
    )
}

/// `anniversaries` over years with none.
pub fn no_anniversaries(from: i32, last: i32) -> Bilingual {
    both(
        format!("keine runden Jubiläen von {from} bis {last}"),
        format!("no round anniversaries from {from} to {last}"),
    )
}

/// A round anniversary in the details: `70 Jahre im Jahr 2028` / `70 years in 2028`.
pub fn round_anniversary(years: i32, year: i32) -> Bilingual {
    both(format!("{years} Jahre im Jahr {year}"), format!("{years} years in {year}"))
}

/// A round anniversary at the start of a line of `anniversaries`: `2028 70 Jahre` / `2028 70 years`.
pub fn anniversary_in_a_line(year: i32, years: i32) -> Bilingual {
    both(format!("{year} {years} Jahre"), format!("{year} {years} years"))
}

/// A city at the start of a line, before who to reach: `Płock (Polen, seit 1988)`.
pub fn city_in_a_line(name: &str, country: Bilingual<&str>, since: i32) -> Bilingual {
    both(format!("{name} ({}, seit {since})", country.de), format!("{name} ({}, since {since})", country.en))
}

/// Since when a city is a partner, in the details: `Partnerstadt seit 1988 (38 Jahre)`.
pub fn partner_since(since: i32, age: i32) -> Bilingual {
    both(format!("Partnerstadt seit {since} ({age} Jahre)"), format!("Partner city since {since} ({age} years)"))
}

/// A change in words: `who` (a city, a person, a topic) was added to the data file.
pub fn added(who: &str, kind: Bilingual<&str>) -> Bilingual {
    both(format!("{who}: {} hinzugefügt", kind.de), format!("{who}: {} added", kind.en))
}

/// A change in words: `who` was removed from the data file.
pub fn removed(who: &str, kind: Bilingual<&str>) -> Bilingual {
    both(format!("{who}: {} entfernt", kind.de), format!("{who}: {} removed", kind.en))
}

/// `check`'s summary: `ok: 17 Städte, 6 Personen (eingebaute Daten)`.
pub fn checked(cities: usize, people: usize, source: &Bilingual) -> Bilingual {
    both(
        format!("ok: {cities} Städte, {people} Personen ({})", source.de),
        format!("ok: {cities} cities, {people} people ({})", source.en),
    )
}

/// What a note or an email is about, a partner city: `Partnerstadt Płock`.
pub fn about_city(name: &str) -> Bilingual {
    both(format!("Partnerstadt {name}"), format!("Partner city {name}"))
}

/// What a note or an email is about, a topic: `Thema Europawochenende`.
pub fn about_topic(name: &str) -> Bilingual {
    both(format!("Thema {name}"), format!("Topic {name}"))
}

/// An email's subject about a city or topic (`about`, from [`about_city`] or [`about_topic`]):
/// `Partnerstadt Płock – für Irene Schewe`.
pub fn subject_about(about: &Bilingual, to: &str) -> Bilingual {
    both(format!("{} – für {to}", about.de), format!("{} – for {to}", about.en))
}

/// An email's subject about nothing in particular: `Für Irene Schewe`.
pub fn subject_for(to: &str) -> Bilingual {
    both(format!("Für {to}"), format!("For {to}"))
}

/// A clipboard took `what` (`Telefonnummer`), and `tool` confirmed it: `Telefonnummer kopiert (wl-copy)`.
pub fn copied(what: Bilingual<&str>, tool: &str) -> Bilingual {
    both(format!("{} kopiert ({tool})", what.de), format!("{} copied ({tool})", what.en))
}

/// `what` went to the terminal by OSC 52, which nobody confirms.
pub fn written_to_terminal(what: Bilingual<&str>) -> Bilingual {
    both(
        format!("{} ans Terminal geschrieben (OSC 52), nicht bestätigt", what.de),
        format!("{} written to the terminal (OSC 52), not confirmed", what.en),
    )
}

/// The data file could not be loaded again (`problem`, in the language shown); the data shown stays.
pub fn reload_failed(problem: &str) -> Bilingual {
    both(
        format!("Daten nicht neu geladen, die bisherigen bleiben: {problem}"),
        format!("Data not reloaded, keeping the data shown: {problem}"),
    )
}

/// The heading of a note that has not left, and why (`reason`, in the language shown).
pub fn note_unsent_because(reason: &str) -> Bilingual {
    both(
        format!("Die Notiz ist noch nicht weitergegeben: {reason}"),
        format!("The note has not been passed on yet: {reason}"),
    )
}
