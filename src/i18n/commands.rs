//! Sentences with arguments for the command line: what a command refuses, and why a file could
//! not be read or written. Each returns [`Bilingual`]; the caller picks the language.

use std::path::Path;

use super::{Bilingual, both, os_error};

/// What was being done to a file when the system refused, for [`file_failed`].
pub mod doing {
    use super::Bilingual;

    /// Reading a file.
    pub const READ: Bilingual<&str> = Bilingual { de: "kann nicht gelesen werden", en: "cannot be read" };
    /// Writing a file.
    pub const WRITE: Bilingual<&str> = Bilingual { de: "kann nicht geschrieben werden", en: "cannot be written" };
    /// Replacing a file by a new version.
    pub const REPLACE: Bilingual<&str> = Bilingual { de: "kann nicht ersetzt werden", en: "cannot be replaced" };
    /// Creating a folder.
    pub const CREATE_FOLDER: Bilingual<&str> =
        Bilingual { de: "Ordner kann nicht angelegt werden", en: "cannot create the folder" };
    /// Taking or reading the lock file.
    pub const LOCK: Bilingual<&str> = Bilingual { de: "Sperrdatei nicht nutzbar", en: "cannot use the lock file" };
    /// Appending to the change log.
    pub const LOG: Bilingual<&str> =
        Bilingual { de: "Änderungsprotokoll nicht geschrieben", en: "change log not written" };
}

/// `path: what the system said`.
pub fn file_error(path: &Path, error: &std::io::Error) -> Bilingual {
    let (path, said) = (path.display(), os_error(error));
    both(format!("{path}: {}", said.de), format!("{path}: {}", said.en))
}

/// `path: what was being done: what the system said`.
pub fn file_failed(path: &Path, doing: Bilingual<&str>, error: &std::io::Error) -> Bilingual {
    let (path, said) = (path.display(), os_error(error));
    both(format!("{path}: {}: {}", doing.de, said.de), format!("{path}: {}: {}", doing.en, said.en))
}

/// A failed install whose new version is kept at `kept`.
pub fn new_version_kept(failed: Bilingual, kept: &Path) -> Bilingual {
    let kept = kept.display();
    both(
        format!("{}; die neue Fassung liegt in {kept}", failed.de),
        format!("{}; the new version is kept in {kept}", failed.en),
    )
}

/// `--out` names something that is not a regular file.
pub fn not_a_regular_file(path: &Path) -> Bilingual {
    let path = path.display();
    both(
        format!(
            "{path}: ist keine gewöhnliche Datei; --out schreibt eine Datei, ohne --out geht es zur Standardausgabe"
        ),
        format!("{path}: is not a regular file; --out writes a file, or give no --out for standard output"),
    )
}

/// A library could not produce a file (the workbook, the man page): what it said.
pub fn cannot_build(what: Bilingual<&str>, error: &str) -> Bilingual {
    both(format!("{} kann nicht erzeugt werden: {error}", what.de), format!("cannot build {}: {error}", what.en))
}

/// What [`cannot_build`] builds.
pub mod built {
    use super::Bilingual;

    /// `list --format xlsx`.
    pub const WORKBOOK: Bilingual<&str> = Bilingual { de: "die Arbeitsmappe", en: "the workbook" };
    /// `man`.
    pub const MAN_PAGE: Bilingual<&str> = Bilingual { de: "die Handbuchseite", en: "the man page" };
}

/// `query` with nothing but filler words.
pub fn only_filler_words(words: &str) -> Bilingual {
    both(
        format!("nur Füllwörter: {words}; bitte eine Stadt, ein Land, eine Person oder ein Thema angeben"),
        format!("only filler words: {words}; give a city, country, person or topic"),
    )
}

/// `query` found nothing (said on a terminal only; scripts read the exit status).
pub fn nothing_found(query: &str) -> Bilingual {
    both(format!("keine Treffer für „{query}“"), format!("nothing matches \"{query}\""))
}

/// `query` with an empty text.
pub fn empty_query() -> Bilingual {
    both(
        "die Suche ist leer; bitte eine Stadt, ein Land, eine Person oder eine Nummer angeben, \
         z. B. `partnerdesk query plock`"
            .into(),
        "the query is empty; give a city, country, person or number, e.g. `partnerdesk query plock`".into(),
    )
}

/// `list people|topics --sort since|country`.
pub fn sort_is_for_cities() -> Bilingual {
    both(
        "--sort since|country gilt für Städte; Personen stehen nach Familienname, Themen wie in der Datei".into(),
        "--sort since|country applies to cities; people are listed by family name, topics as in the file".into(),
    )
}

/// `list --format xlsx` to a terminal.
pub fn workbook_not_for_terminal() -> Bilingual {
    both(
        "eine Arbeitsmappe ist nichts für das Terminal; bitte --out DATEI.xlsx angeben".into(),
        "a workbook is not for the terminal; give --out FILE.xlsx".into(),
    )
}

/// `export --split`: two people would get the same file `name`.
pub fn same_card_file(first: &str, second: &str, name: &str) -> Bilingual {
    both(
        format!(
            "{first} und {second} bekämen dieselbe Datei {name}; nichts geschrieben. \
             Ohne --split stehen alle Karten in einer Datei"
        ),
        format!(
            "{first} and {second} would get the same file {name}; nothing written. \
             Without --split every card goes into one file"
        ),
    )
}

/// A change (`command`) without a data file to change.
pub fn data_file_needed(command: &str) -> Bilingual {
    both(
        format!(
            "`{command}` ändert eine Datendatei; bitte --data DATEI angeben oder PARTNERDESK_DATA setzen. \
             Eine gemeinsame Datei beginnt mit `partnerdesk edit --data N:\\Pfad\\directory.ron`: \
             eine neue Datei wird aus den eingebauten Daten angelegt"
        ),
        format!(
            "`{command}` changes a data file; give --data FILE or set PARTNERDESK_DATA. \
             A shared file starts with `partnerdesk edit --data N:\\path\\directory.ron`: \
             a new file starts from the embedded directory"
        ),
    )
}

/// Somebody else holds the data file's lock.
pub fn lock_held(user: &str, since: &str, host: &str, pid: u32) -> Bilingual {
    both(
        format!(
            "{user} bearbeitet die Datei seit {since} (auf {host}, Prozess {pid}); bitte warten, bis sie fertig sind"
        ),
        format!("{user} has been editing the file since {since} (on {host}, process {pid}); wait until they are done"),
    )
}

/// `assign` where the file is not laid out for a change in place.
pub fn not_in_place(city: &str) -> Bilingual {
    both(
        format!("der Kontakt von {city} lässt sich nicht an Ort und Stelle ändern; bitte `partnerdesk edit` nutzen"),
        format!("cannot change {city}'s contact in place; use `partnerdesk edit`"),
    )
}

/// `assign` names no city; `all` lists them.
pub fn no_such_city(query: &str, all: &str) -> Bilingual {
    both(
        format!("keine Partnerstadt heißt {query:?}; die Städte sind: {all}"),
        format!("no partner city is called {query:?}; the cities are: {all}"),
    )
}

/// `assign` names several cities.
pub fn several_cities(query: &str, names: &str) -> Bilingual {
    both(
        format!("{query:?} kann mehrere Städte meinen: {names}; bitte genauer"),
        format!("{query:?} could be several cities: {names}; be more precise"),
    )
}

/// `assign` names nobody; `all` lists the team.
pub fn no_such_person(query: &str, all: &str) -> Bilingual {
    both(
        format!("niemand heißt {query:?}; im Team sind: {all}"),
        format!("nobody is called {query:?}; the team is: {all}"),
    )
}

/// `assign` names several people.
pub fn several_people(query: &str, names: &str) -> Bilingual {
    both(
        format!("{query:?} kann mehrere Personen meinen: {names}; bitte die Kennung angeben"),
        format!("{query:?} could be several people: {names}; give the id"),
    )
}

/// `edit`: the editor ended with a failure `status`, worded here rather than as Rust's
/// `exit status: 1`.
pub fn editor_failed(editor: &str, status: &std::process::ExitStatus) -> Bilingual {
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(status);
    // Windows has no signals: a process ends with a code.
    #[cfg(not(unix))]
    let signal: Option<i32> = None;
    let (de, en) = match (status.code(), signal) {
        (Some(code), _) => (format!("endete mit dem Fehlercode {code}"), format!("ended with error code {code}")),
        (None, Some(signal)) => {
            (format!("wurde durch das Signal {signal} beendet"), format!("was ended by signal {signal}"))
        }
        (None, None) => ("endete mit einem Fehler".to_string(), "ended with a failure".to_string()),
    };
    both(
        format!("der Editor `{editor}` {de}; nichts gespeichert"),
        format!("the editor `{editor}` {en}; nothing saved"),
    )
}

/// `edit`: the editor could not be started.
pub fn editor_not_started(editor: &str, error: &std::io::Error) -> Bilingual {
    let said = os_error(error);
    both(
        format!("der Editor `{editor}` lässt sich nicht starten: {}; VISUAL oder EDITOR setzen", said.de),
        format!("cannot start the editor `{editor}`: {}; set VISUAL or EDITOR", said.en),
    )
}
