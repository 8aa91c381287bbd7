//! Sentences of the phone message journal and of hand-overs to other programs: what a program
//! answered, where a note stands, and why the journal cannot be used. Short, with the words that
//! matter first, so that a footer at 80 columns keeps them.

use super::{Bilingual, both, os_error};
use crate::handover::Outcome;
use crate::notes::{Delivery, JournalError};

/// How running a program ended, when it did not succeed: `xdg-open meldete Fehler 4`.
/// `none` says what "no program" means here (no mail program, no clipboard tool).
pub fn outcome(outcome: &Outcome, none: Bilingual<&str>) -> Bilingual {
    match outcome {
        Outcome::Done { program } => both(format!("{program}: erledigt"), format!("{program}: done")),
        Outcome::NoProgram => both(none.de.into(), none.en.into()),
        Outcome::Exited { program, status: Some(status) } => {
            both(format!("{program} meldete Fehler {status}"), format!("{program} failed ({status})"))
        }
        Outcome::Exited { program, status: None } => {
            both(format!("{program} wurde abgebrochen"), format!("{program} was killed"))
        }
        Outcome::TimedOut { program, seconds } => {
            both(format!("{program} antwortet nicht ({seconds} s)"), format!("{program}: no answer in {seconds} s"))
        }
        Outcome::NotStarted { program, error } => {
            let said = match error.as_str() {
                e if e.contains("No such file") || e.contains("not found") => {
                    os_error(&std::io::Error::from(std::io::ErrorKind::NotFound))
                }
                e => both(e.into(), e.into()),
            };
            both(format!("{program} nicht gestartet: {}", said.de), format!("{program} not started: {}", said.en))
        }
    }
}

/// What "no program" means for a `mailto:` link.
pub const NO_MAIL_PROGRAM: Bilingual<&str> =
    Bilingual { de: "kein Mailprogramm eingerichtet", en: "no mail program set up" };

/// What "no program" means for a `tel:` link.
pub const NO_PHONE_PROGRAM: Bilingual<&str> =
    Bilingual { de: "kein Telefonprogramm eingerichtet", en: "no phone program set up" };

/// What "no program" means for the clipboard.
pub const NO_CLIPBOARD_TOOL: Bilingual<&str> =
    Bilingual { de: "kein Zwischenablage-Programm", en: "no clipboard tool" };

/// The footer while a program is being waited for: `Übergabe läuft: Irene Schewe …`.
pub fn handing_over(label: &str) -> Bilingual {
    both(format!("Übergabe läuft: {label} …"), format!("Handing over: {label} …"))
}

/// A link the phone or mail program took, the outcome first:
/// `An das Telefonprogramm übergeben: Irene Schewe, (06151) 13-2324`.
pub fn link_handed(call: bool, label: &str) -> Bilingual {
    if call {
        both(format!("An das Telefonprogramm übergeben: {label}"), format!("Handed to the phone program: {label}"))
    } else {
        both(format!("An das Mailprogramm übergeben: {label}"), format!("Handed to the mail program: {label}"))
    }
}

/// A link no program took, what failed first: `Nicht übergeben: xdg-open meldete Fehler 4 – Irene
/// Schewe, (06151) 13-2324`.
pub fn link_not_handed(failure: &Bilingual, label: &str) -> Bilingual {
    both(format!("Nicht übergeben: {} – {label}", failure.de), format!("Not handed over: {} – {label}", failure.en))
}

/// A note the mail program took: `Notiz an Mailprogramm übergeben (xdg-open)`.
pub fn note_mailed(program: &str) -> Bilingual {
    both(format!("Notiz an Mailprogramm übergeben ({program})"), format!("Note handed to the mail program ({program})"))
}

/// Why a note was not handed over, and that the journal keeps it: the reason first.
pub fn note_kept_because(failure: &Bilingual, notes_key: &str) -> Bilingual {
    both(format!("{}; Notiz gespeichert ({notes_key})", failure.de), format!("{}; note kept ({notes_key})", failure.en))
}

/// A note the mail program did not take: `Nicht übergeben: xdg-open meldete Fehler 4; …`.
pub fn not_handed_over(why: &str) -> Bilingual {
    both(format!("Nicht übergeben: {why}"), format!("Not handed over: {why}"))
}

/// The journal could not take a note: said before anything else, since only the screen holds it.
pub fn note_not_saved(error: &Bilingual) -> Bilingual {
    both(format!("Notiz NICHT gespeichert: {}", error.de), format!("Note NOT saved: {}", error.en))
}

/// The footer's count of today's notes that no mail program took: `2 Notizen von heute offen (F8)`.
pub fn undelivered_today(count: usize, notes_key: &str) -> Bilingual {
    if count == 1 {
        both(format!("1 Notiz von heute offen ({notes_key})"), format!("1 note of today undelivered ({notes_key})"))
    } else {
        both(
            format!("{count} Notizen von heute offen ({notes_key})"),
            format!("{count} notes of today undelivered ({notes_key})"),
        )
    }
}

/// Said after a copy that replaced an undelivered note on the clipboard.
pub fn note_still_kept(copied: &str, notes_key: &str) -> Bilingual {
    both(
        format!("{copied}; die Notiz bleibt gespeichert ({notes_key})"),
        format!("{copied}; the note stays kept ({notes_key})"),
    )
}

/// The open note's addressee changed with a reload: `Zuständig jetzt: Julia Kuz (war Jessica Otto)`.
pub fn contact_changed(now: &str, was: &str) -> Bilingual {
    both(format!("Zuständig jetzt: {now} (war {was})"), format!("Contact now: {now} (was {was})"))
}

/// Where a note stands, in a word or two: for the notes list and `partnerdesk notes`.
pub fn delivery(delivery: &Delivery) -> Bilingual {
    match delivery {
        Delivery::Sending => {
            both("nicht zugestellt (Übergabe unterbrochen)".into(), "not delivered (hand-over cut off)".into())
        }
        Delivery::Mailed { program } => both(format!("an Mailprogramm ({program})"), format!("mailed ({program})")),
        Delivery::Copied { tool } => both(format!("nur kopiert ({tool})"), format!("copied only ({tool})")),
        Delivery::NotDelivered { mail } => {
            let why = outcome(mail, NO_MAIL_PROGRAM);
            both(format!("nicht zugestellt: {}", why.de), format!("not delivered: {}", why.en))
        }
        Delivery::Draft => both("Entwurf".into(), "draft".into()),
    }
}

/// Why the journal cannot be used.
pub fn journal_error(error: &JournalError) -> Bilingual {
    match error {
        JournalError::NoFolder => both(
            "kein Ordner für die Notizen: kein Home-Ordner; PARTNERDESK_NOTES_DIR nennt einen".into(),
            "no folder for the notes: no home folder; PARTNERDESK_NOTES_DIR names one".into(),
        ),
        JournalError::BadDays(value) => both(
            format!("PARTNERDESK_NOTES_DAYS={value:?}: erlaubt ist eine ganze Zahl von Tagen, z. B. 30"),
            format!("PARTNERDESK_NOTES_DAYS={value:?}: a whole number of days is allowed, e.g. 30"),
        ),
        JournalError::Io(path, e) => super::file_error(path, e),
    }
}

/// `partnerdesk notes` with nothing to show.
pub fn no_notes(all: bool) -> Bilingual {
    if all {
        both("Keine Notizen gespeichert.".into(), "No notes kept.".into())
    } else {
        both("Keine Notizen von heute; --all zeigt alle.".into(), "No notes of today; --all shows every note.".into())
    }
}

/// Lines of the journal that could not be read and were skipped.
pub fn lines_skipped(count: usize, file: &str) -> Bilingual {
    both(
        format!("{file}: {count} unlesbare Zeile(n) übersprungen"),
        format!("{file}: {count} unreadable line(s) skipped"),
    )
}

/// Said on the terminal after the view ended with a note open: where the journal keeps it.
pub fn note_kept_at(file: &str) -> Bilingual {
    both(
        format!("Die Notiz ist gespeichert in {file}; partnerdesk notes zeigt sie."),
        format!("The note is kept in {file}; partnerdesk notes shows it."),
    )
}

/// The title of the notes list: `Gespeicherte Notizen (3)`.
pub fn notes_title(count: usize) -> Bilingual {
    both(format!("Gespeicherte Notizen ({count})"), format!("Kept notes ({count})"))
}
