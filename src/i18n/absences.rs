//! Absences and who answers meanwhile: the rules a data file's absences and deputies break, what
//! `away` and `back` refuse, and the words every answer uses when someone stands in. Each
//! sentence returns [`Bilingual`]; the caller picks the language.

use super::{Bilingual, both};

/// What dates may look like, for every message about a date.
const DATE_FORMS: Bilingual<&str> =
    Bilingual { de: "erlaubt sind JJJJ-MM-TT oder TT.MM.JJJJ", en: "allowed are YYYY-MM-DD or DD.MM.YYYY" };

/// Why someone answers instead of the contact: `Vertretung` / `cover`.
pub const STANDS_IN: Bilingual<&str> = Bilingual { de: "Vertretung", en: "cover" };
/// The head answers because the contact and their cover are away.
pub const HEAD_STANDS_IN: Bilingual<&str> = Bilingual { de: "Abteilungsleitung", en: "head of department" };
/// The shared mailbox answers because everybody in the chain is away.
pub const OFFICE_STANDS_IN: Bilingual<&str> = Bilingual { de: "Sammelpostfach", en: "shared mailbox" };
/// Label in the details pane: who answers now.
pub const ANSWERS_NOW: Bilingual<&str> = Bilingual { de: "Erreichbar", en: "Answers now" };
/// Label in the details pane: the contact's absence.
pub const AWAY: Bilingual<&str> = Bilingual { de: "Abwesend", en: "Away" };
/// Label in a phone message: who stands in for the person it is addressed to.
pub const COVER: Bilingual<&str> = Bilingual { de: "Vertretung", en: "Cover" };

/// A person names themselves as deputy.
pub fn deputy_is_self(who: &Bilingual) -> Bilingual {
    both(
        format!("{}: deputy ist die Person selbst; eine Vertretung ist jemand anderes", who.de),
        format!("{}: deputy is the person themselves; a deputy is someone else", who.en),
    )
}

/// An absence's cover is the person who is away.
pub fn cover_is_person(who: &Bilingual) -> Bilingual {
    both(
        format!("{}: cover ist die abwesende Person selbst; die Vertretung ist jemand anderes", who.de),
        format!("{}: cover is the absent person themselves; a cover is someone else", who.en),
    )
}

/// An absence ends before it starts.
pub fn until_before_from(who: &Bilingual, from: &str, until: &str) -> Bilingual {
    both(
        format!("{}: until {until:?} liegt vor from {from:?}; until ist der letzte Tag, from der erste", who.de),
        format!("{}: until {until:?} is before from {from:?}; until is the last day, from the first", who.en),
    )
}

/// Two absences of one person share a day.
pub fn absences_overlap(who: &Bilingual, from: &str, until: &str, other_from: &str, other_until: &str) -> Bilingual {
    both(
        format!(
            "{}: {from} bis {until} überschneidet sich mit ihrer Abwesenheit {other_from} bis {other_until}; \
             eine Person hat an jedem Tag höchstens eine",
            who.de
        ),
        format!(
            "{}: {from} to {until} overlaps their absence {other_from} to {other_until}; a person has at most one \
             on any day",
            who.en
        ),
    )
}

/// A date is in neither form.
pub fn not_a_date(who: &Bilingual, field: &str, value: &str) -> Bilingual {
    both(
        format!("{}: {field} {value:?} ist kein Datum; {}", who.de, DATE_FORMS.de),
        format!("{}: {field} {value:?} is not a date; {}", who.en, DATE_FORMS.en),
    )
}

/// A date in the right form names no day (`2026-02-30`).
pub fn no_such_day(who: &Bilingual, field: &str, value: &str) -> Bilingual {
    both(
        format!("{}: {field} {value:?}: diesen Tag gibt es nicht", who.de),
        format!("{}: {field} {value:?}: there is no such day", who.en),
    )
}

/// A date before 2000 or after 9999.
pub fn date_out_of_range(who: &Bilingual, field: &str, value: &str, first: i32, last: i32) -> Bilingual {
    both(
        format!("{}: {field} {value:?} liegt nicht zwischen {first} und {last}", who.de),
        format!("{}: {field} {value:?} is not between {first} and {last}", who.en),
    )
}

/// `--until` before `--from` on the command line.
pub fn until_before_from_argument(from: &str, until: &str) -> Bilingual {
    both(
        format!("--until {until} liegt vor --from {from}; --until ist der letzte Tag der Abwesenheit"),
        format!("--until {until} is before --from {from}; --until is the last day away"),
    )
}

/// `--cover` names the person who is away.
pub fn cover_is_the_person(name: &str) -> Bilingual {
    both(
        format!("{name} kann sich nicht selbst vertreten; --cover nennt jemand anderes"),
        format!("{name} cannot cover for themselves; --cover names someone else"),
    )
}

/// The new absence shares a day with one already recorded.
pub fn already_away(name: &str, from: &str, until: &str) -> Bilingual {
    both(
        format!(
            "{name} ist schon von {from} bis {until} abwesend; `partnerdesk back` beendet diese Abwesenheit, \
             `partnerdesk edit` ändert sie"
        ),
        format!(
            "{name} is already away from {from} to {until}; `partnerdesk back` ends that absence, `partnerdesk edit` changes it"
        ),
    )
}

/// `back` for someone who is not away today.
pub fn not_away(name: &str) -> Bilingual {
    both(
        format!("{name} ist heute nicht abwesend; nichts geändert"),
        format!("{name} is not away today; nothing changed"),
    )
}

/// The absences of the file could not be rewritten in place.
pub fn absences_not_in_place() -> Bilingual {
    both(
        "die Liste absences der Datei lässt sich nicht sicher ändern; bitte mit `partnerdesk edit` ändern".into(),
        "the file's absences list cannot be changed safely; please change it with `partnerdesk edit`".into(),
    )
}

/// A date given on the command line is not one.
pub fn bad_date_option(option: &str, value: &str, problem: crate::directory::date::DateProblem) -> Bilingual {
    use crate::directory::date::{DateProblem, FIRST_YEAR, LAST_YEAR};
    match problem {
        DateProblem::Form => both(
            format!("{option} {value:?} ist kein Datum; {}", DATE_FORMS.de),
            format!("{option} {value:?} is not a date; {}", DATE_FORMS.en),
        ),
        DateProblem::NoSuchDay => both(
            format!("{option} {value:?}: diesen Tag gibt es nicht"),
            format!("{option} {value:?}: there is no such day"),
        ),
        DateProblem::OutOfRange => both(
            format!("{option} {value:?} liegt nicht zwischen {FIRST_YEAR} und {LAST_YEAR}"),
            format!("{option} {value:?} is not between {FIRST_YEAR} and {LAST_YEAR}"),
        ),
    }
}

/// A change line: someone is away, and who covers.
pub fn absence_added(name: &str, from: &str, until: &str, cover: Option<&str>) -> Bilingual {
    let (de, en) = match cover {
        Some(cover) => (format!(", Vertretung {cover}"), format!(", cover {cover}")),
        None => (String::new(), String::new()),
    };
    both(format!("{name}: abwesend {from} bis {until}{de}"), format!("{name}: away {from} to {until}{en}"))
}

/// A change line: an absence left the file (ended, or ended early by `back`).
pub fn absence_removed(name: &str, from: &str, until: &str) -> Bilingual {
    both(
        format!("{name}: Abwesenheit {from} bis {until} entfernt"),
        format!("{name}: absence {from} to {until} removed"),
    )
}

/// In a list's cell: `Irene Schewe (abwesend bis 04.12.)`.
pub fn away_until(name: &str, until: &str) -> Bilingual {
    both(format!("{name} (abwesend bis {until})"), format!("{name} (away until {until})"))
}

/// In a line of `query`: the absent contact, then who answers instead (`why` is a stand-in word
/// above) and how to reach them: `Irene Schewe (abwesend bis 04.12.), Vertretung Julia Kuz, …`.
pub fn away_and_stand_in(contact: &str, until: &str, why: Bilingual<&str>, reach: &str) -> Bilingual {
    both(
        format!("{contact} (abwesend bis {until}), {} {reach}", why.de),
        format!("{contact} (away until {until}), {} {reach}", why.en),
    )
}

/// Who answers, and as what: `Julia Kuz (Vertretung)`.
pub fn answers_as(name: &str, why: Bilingual<&str>) -> Bilingual {
    both(format!("{name} ({})", why.de), format!("{name} ({})", why.en))
}

/// Spoken in the list of other hits: the contact, then who stands in: `Irene Schewe, Vertretung
/// Julia Kuz`.
pub fn stood_in_for(contact: &str, why: Bilingual<&str>, answerer: &str) -> Bilingual {
    both(format!("{contact}, {} {answerer}", why.de), format!("{contact}, {} {answerer}", why.en))
}

/// In the details pane: `01.12. bis 04.12.`.
pub fn away_span(from: &str, until: &str) -> Bilingual {
    both(format!("{from} bis {until}"), format!("{from} to {until}"))
}

/// `Vertretung: Julia Kuz`, for the footer: who Enter, F5 and F6 reach. `why` is one of the
/// stand-in words above.
pub fn stands_in(why: Bilingual<&str>, name: &str) -> Bilingual {
    fn capital(word: &str) -> String {
        let mut chars = word.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }
    both(format!("{}: {name}", capital(why.de)), format!("{}: {name}", capital(why.en)))
}

/// The workbook's sheet of `list absences`.
pub const ABSENCES_SHEET: Bilingual<&str> = Bilingual { de: "Abwesenheiten", en: "Absences" };

/// `away` for days that are all before today.
pub fn ended_already(until: &str) -> Bilingual {
    both(
        format!("--until {until} liegt vor heute; vergangene Abwesenheiten werden nicht erfasst"),
        format!("--until {until} is before today; past absences are not recorded"),
    )
}

/// After `away`: who answers for the person while they are away.
pub fn answered_meanwhile(name: &str, answerer: &str, why: &str) -> Bilingual {
    both(
        format!("Für {name} antwortet in dieser Zeit: {answerer} ({why})"),
        format!("While {name} is away, {answerer} answers ({why})"),
    )
}

/// After `back`: the person answers again.
pub fn answers_again(name: &str) -> Bilingual {
    both(format!("{name} antwortet wieder selbst"), format!("{name} answers again"))
}

/// Label in a person's details: their standing deputy.
pub const DEPUTY: Bilingual<&str> = Bilingual { de: "Vertretung", en: "Deputy" };

/// In `list absences`: the absent person's standing deputy covers (no cover was named).
pub const STANDING_DEPUTY: Bilingual<&str> = Bilingual { de: "ständige Vertretung", en: "deputy" };
