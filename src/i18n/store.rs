//! Sentences with arguments for keeping the shared data file: its lock, what an install kept or
//! could not keep, and the words for each field of a change. Each returns [`Bilingual`].

use std::path::Path;

use super::{Bilingual, both};

/// Somebody holds the lock, and the lock file does not (yet) say who.
pub fn lock_held_by_someone() -> Bilingual {
    both(
        "jemand anderes ändert die Datei gerade; bitte warten, bis er oder sie fertig ist".into(),
        "someone else is changing the file; wait until they are done".into(),
    )
}

/// The lock file's place holds a link, a folder, a pipe or a device.
pub fn lock_not_a_file(path: &Path) -> Bilingual {
    let path = path.display();
    both(
        format!("{path}: ist keine gewöhnliche Datei (ein Link, Ordner oder Gerät); bitte entfernen"),
        format!("{path}: is not a regular file (a link, folder or device); remove it"),
    )
}

/// The owner `uid` of the data file could not be given to a file written beside it.
pub fn access_lost_owner(uid: u32) -> Bilingual {
    both(format!("den Eigentümer (uid {uid})"), format!("the owner (uid {uid})"))
}

/// The group `gid` could not be kept.
pub fn access_lost_group(gid: u32) -> Bilingual {
    both(format!("die Gruppe (gid {gid})"), format!("the group (gid {gid})"))
}

/// The mode could not be kept.
pub fn access_lost_mode(mode: u32) -> Bilingual {
    both(format!("die Rechte ({mode:o})"), format!("the mode ({mode:o})"))
}

/// The access list could not be kept.
pub fn access_lost_acl() -> Bilingual {
    both("die Zugriffsliste (ACL)".into(), "the access list (ACL)".into())
}

/// A file written beside the data file could not keep some of the data file's access.
pub fn access_not_kept(file: &Path, lost: &[Bilingual]) -> Bilingual {
    let file = file.display();
    let list = |lang: fn(&Bilingual) -> &String| lost.iter().map(lang).cloned().collect::<Vec<_>>().join(", ");
    both(
        format!("Warnung: {file} hat nicht {} der Datendatei behalten", list(|b| &b.de)),
        format!("warning: {file} could not keep {} of the data file", list(|b| &b.en)),
    )
}

/// A change was installed, but the change log could not record it.
pub fn saved_not_logged(file: &str, kept: &str, error: &Bilingual) -> Bilingual {
    both(
        format!(
            "gespeichert: {file}; die vorige Fassung liegt in {kept}; aber das Änderungsprotokoll konnte nicht \
             geschrieben werden: {}",
            error.de
        ),
        format!(
            "saved: {file}; the previous version is kept in {kept}; but the change log could not be written: {}",
            error.en
        ),
    )
}

/// The data file was deleted or moved away during the change; ours is `kept`.
pub fn deleted_meanwhile(file: &str, kept: &str) -> Bilingual {
    both(
        format!(
            "{file} wurde inzwischen gelöscht oder verschoben; nichts gespeichert. Diese Fassung liegt \
             in {kept}"
        ),
        format!("{file} was deleted or moved meanwhile; nothing was saved. This version is kept in {kept}"),
    )
}

/// The data file was created by someone else during the change; ours is `kept`.
pub fn created_meanwhile(file: &str, kept: &str) -> Bilingual {
    both(
        format!(
            "{file} wurde inzwischen von jemand anderem angelegt; nichts überschrieben. Diese Fassung \
             liegt in {kept}"
        ),
        format!(
            "{file} was created by someone else meanwhile; nothing was overwritten. This version is kept in {kept}"
        ),
    )
}

/// A colleague wrote into the replaced version just as it was replaced: their save is `kept`.
pub fn late_save_kept(kept: &Path) -> Bilingual {
    let kept = kept.display();
    both(
        format!(
            "Warnung: jemand hat gleichzeitig in die ersetzte Fassung gespeichert; diese Fassung liegt \
             in {kept}; bitte vergleichen (partnerdesk diff)"
        ),
        format!(
            "warning: someone saved into the replaced version at the same moment; it is kept in {kept}; \
             compare it (partnerdesk diff)"
        ),
    )
}

/// `check`: copies of changes kept beside the data file that were never installed; their paths
/// follow, a line each.
pub fn kept_copies_beside(count: usize) -> Bilingual {
    if count == 1 {
        both(
            "1 Kopie einer nie übernommenen Änderung liegt neben der Datei (mit partnerdesk diff vergleichen, dann löschen):".into(),
            "1 copy of a change that was never installed lies beside the file (compare it with partnerdesk diff, then delete it):".into(),
        )
    } else {
        both(
            format!(
                "{count} Kopien nie übernommener Änderungen liegen neben der Datei (mit partnerdesk diff vergleichen, dann löschen):"
            ),
            format!(
                "{count} copies of changes that were never installed lie beside the file (compare them with partnerdesk diff, then delete them):"
            ),
        )
    }
}

/// The user's work is kept at `path` after a failure or an interruption.
pub fn work_kept(path: &Path) -> Bilingual {
    let path = path.display();
    both(format!("Ihre Bearbeitung liegt in {path}"), format!("your edit is kept in {path}"))
}

/// `edit` was ended by a signal; the work is kept at `path`, and the lock is free.
pub fn edit_interrupted(path: &Path) -> Bilingual {
    let path = path.display();
    both(
        format!("abgebrochen; nichts gespeichert. Ihre Bearbeitung liegt in {path}"),
        format!("interrupted; nothing saved. Your edit is kept in {path}"),
    )
}

/// `edit` on a missing file that was discarded or left unchanged: nothing was created.
pub fn nothing_created_file(file: &str) -> Bilingual {
    both(
        format!("nichts angelegt; {file} gibt es weiterhin nicht"),
        format!("nothing created; {file} still does not exist"),
    )
}

/// The editor saved the copy at `path` in an encoding other than UTF-8 (or UTF-16 with a
/// byte-order mark).
pub fn copy_not_utf8(path: &Path) -> Bilingual {
    let path = path.display();
    both(
        format!("{path}: nicht als UTF-8 gespeichert; bitte als UTF-8 speichern (der Text wurde nicht verändert)"),
        format!("{path}: not saved as UTF-8; save it as UTF-8 (the text was left as it is)"),
    )
}

/// The key of a field in the data file, in words; `None` for a key this version does not know
/// (an entry of an older or newer change log).
pub fn field_label(field: &str) -> Option<Bilingual<&'static str>> {
    let (de, en) = match field {
        "name" => ("Name", "name"),
        "name.en" => ("englischer Name", "English name"),
        "department" => ("Abteilung", "department"),
        "transit_stop" => ("Haltestelle", "transit stop"),
        "email" => ("E-Mail", "email"),
        "fax" => ("Fax", "fax"),
        "head" => ("Leitung", "head"),
        "given_name" => ("Vorname", "given name"),
        "family_name" => ("Nachname", "family name"),
        "role" => ("Aufgabe", "role"),
        "role_en" => ("Aufgabe (englisch)", "role in English"),
        "phone" => ("Telefon", "phone"),
        "native" => ("Name in der Landessprache", "native name"),
        "german" => ("deutscher Name", "German name"),
        "aliases" => ("andere Namen", "other names"),
        "country.code" => ("Ländercode", "country code"),
        "country.de" => ("Land (deutsch)", "country in German"),
        "country.en" => ("Land (englisch)", "country in English"),
        "country.aliases" => ("andere Ländernamen", "other country names"),
        "country.adjectives" => ("Adjektive des Landes", "country adjectives"),
        "region" => ("Region", "region"),
        "since" => ("Partnerschaft seit", "partner since"),
        "contact" => ("Zuständig", "contact"),
        "deputy" => ("Stellvertretung", "deputy"),
        "absence" => ("Abwesenheit (von – bis, Vertretung)", "absence (from – to, cover)"),
        "summary.de" => ("Beschreibung (deutsch)", "summary in German"),
        "summary.en" => ("Beschreibung (englisch)", "summary in English"),
        "note.de" => ("Quelle (deutsch)", "source note in German"),
        "note.en" => ("Quelle (englisch)", "source note in English"),
        _ => return address_label(field),
    };
    Some(Bilingual { de, en })
}

/// The words for an address's fields: `visiting_address.street` and the like.
fn address_label(field: &str) -> Option<Bilingual<&'static str>> {
    let (address, part) = field.split_once('.')?;
    let (de, en) = match (address, part) {
        ("visiting_address", "building") => ("Besucheranschrift, Gebäude", "visiting address, building"),
        ("visiting_address", "street") => ("Besucheranschrift, Straße", "visiting address, street"),
        ("visiting_address", "postcode") => ("Besucheranschrift, PLZ", "visiting address, postcode"),
        ("visiting_address", "city") => ("Besucheranschrift, Ort", "visiting address, city"),
        ("postal_address", "building") => ("Postanschrift, Gebäude", "postal address, building"),
        ("postal_address", "street") => ("Postanschrift, Straße", "postal address, street"),
        ("postal_address", "postcode") => ("Postanschrift, PLZ", "postal address, postcode"),
        ("postal_address", "city") => ("Postanschrift, Ort", "postal address, city"),
        _ => return None,
    };
    Some(Bilingual { de, en })
}

/// The data file went away while a colleague's save was being put back: theirs is at `at`.
pub fn theirs_kept_at(file: &Path, at: &Path) -> Bilingual {
    let (file, at) = (file.display(), at.display());
    both(
        format!("{file} wurde gleichzeitig gespeichert und entfernt; die gespeicherte Fassung liegt in {at}"),
        format!("{file} was saved and removed at the same time; the saved version is kept in {at}"),
    )
}

/// The change log's words for a data file that was created.
pub fn file_created() -> Bilingual {
    both("Datei angelegt".into(), "file created".into())
}

/// The folder a data file should be in does not exist.
pub fn folder_not_found(folder: &Path) -> Bilingual {
    let folder = folder.display();
    both(format!("der Ordner {folder} existiert nicht"), format!("the folder {folder} does not exist"))
}

/// The data file is a folder, a pipe or a device.
pub fn data_not_a_file(path: &Path) -> Bilingual {
    let path = path.display();
    both(
        format!("{path}: ist keine gewöhnliche Datei (ein Ordner, eine Pipe oder ein Gerät)"),
        format!("{path}: is not a regular file (a folder, a pipe or a device)"),
    )
}
