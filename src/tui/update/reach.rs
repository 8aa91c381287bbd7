//! Reaching whoever answers for the selected entry: copying their number or address (Enter,
//! Alt-Y), handing a `tel:` or `mailto:` link to the system (F5, F6), and what the clipboard and
//! the opener answered.

use super::{set_lasting_status, set_status};
use crate::actions::{self, About};
use crate::directory::{Answerer, Person, Target};
use crate::i18n;
use crate::tui::app::{App, NoteStage};
use crate::tui::keys::{self, Mode};
use crate::tui::message::{Action, Command, Copied, CopyOutcome, Opened};

/// A copy's outcome in the footer, after what led to it. A confirmed copy of an unsent note
/// closes it (the journal holds it too); a copy that replaces a note no mail program took says
/// that the journal keeps that note.
pub(super) fn copied(app: &mut App, outcome: CopyOutcome) {
    let lang = app.lang;
    let mut said = copy_text(app, &outcome);
    match &outcome {
        CopyOutcome::Native(Copied::Note, _) => app.note_on_clipboard = true,
        CopyOutcome::Native(..) if app.note_on_clipboard => {
            app.note_on_clipboard = false;
            said = i18n::note_still_kept(&said, &keys::notes_key(lang)).get(lang).to_string();
        }
        _ => {}
    }
    let before = app.said_before_copy.take();
    if let Some(note) = &mut app.note
        && let NoteStage::Unsent { reason } = &mut note.stage
    {
        if matches!(outcome, CopyOutcome::Native(Copied::Note, _)) {
            app.note = None;
        } else {
            *reason = match &before {
                Some((before, true)) => format!("{before}; {said}"),
                _ => said.clone(),
            };
        }
    }
    said = match before {
        Some((before, true)) => i18n::not_handed_over(&format!("{before}; {said}")).get(lang).to_string(),
        Some((before, false)) => format!("{before}; {said}"),
        None => said,
    };
    // While an unsent note is on screen it says all this itself; the footer keeps its keys.
    if app.mode() == Mode::Unsent {
        return;
    }
    set_status(app, said);
}

/// Who answers for the selected entry, and what it is about: a person, or the office itself.
pub(crate) enum Responsible<'a> {
    /// A member of staff.
    Person(&'a Person, Option<About>),
    /// The office, by its shared mailbox.
    Office(Option<About>),
}

/// Who answers today for the selected entry: its contact, or while they are away whoever stands
/// in (the footer names them); Enter, F5 and F6 reach them.
pub(crate) fn responsible(app: &App) -> Option<Responsible<'_>> {
    let hit = app.selection()?;
    let dir = &app.directory;
    let about = match app.index.target(hit.entry) {
        Target::City(city) => Some(About::City(dir.cities()[city].name.clone())),
        Target::Topic(topic) => Some(About::Topic(dir.topics()[topic].name.get(app.lang).to_string())),
        Target::Person(_) => None,
        Target::Office => return Some(Responsible::Office(None)),
    };
    Some(match app.selected_answer()?.who {
        Answerer::Person(_, person) => Responsible::Person(person, about),
        Answerer::Office(_) => Responsible::Office(about),
    })
}

/// The phone or email of whoever is responsible for the selected entry.
pub(super) fn copy(app: &mut App, what: Copied) -> Option<Command> {
    let text = match (responsible(app), what) {
        (None, _) => {
            set_status(app, app.nothing_selected());
            return None;
        }
        (Some(Responsible::Person(person, _)), Copied::Phone) => person.phone.clone(),
        (Some(Responsible::Person(person, _)), Copied::Email | Copied::Note) => person.email.clone(),
        // The sources give the office a shared mailbox, but no general phone number.
        (Some(Responsible::Office(_)), Copied::Phone) => {
            let keys = keys::key_for(Mode::List, Action::CopyEmail);
            set_status(app, crate::i18n::no_office_phone(keys.borrowed()).get(app.lang).to_string());
            return None;
        }
        (Some(Responsible::Office(_)), Copied::Email | Copied::Note) => app.directory.office().email.clone(),
    };
    Some(Command::Copy(text, what))
}

/// F5: the responsible person's number as a `tel:` link; the office has none.
pub(super) fn call(app: &mut App) -> Option<Command> {
    let command = match responsible(app) {
        None => Err(app.nothing_selected()),
        Some(Responsible::Office(_)) => {
            let key = keys::key_for(Mode::List, Action::Email);
            set_status(app, crate::i18n::office_no_call(key.borrowed()).get(app.lang).to_string());
            return None;
        }
        Some(Responsible::Person(person, _)) => {
            actions::tel(person).ok_or_else(|| app.lang.text().nothing_selected.to_string()).map(|uri| Command::Open {
                uri,
                what: Opened::Call,
                label: format!("{}, {}", person.full_name(), person.phone),
                fallback: (person.phone.clone(), Copied::Phone),
            })
        }
    };
    let command = command.map_err(|reason| set_status(app, reason)).ok()?;
    handing_over(app, command)
}

/// Says that a link is being handed over, until the opener answers.
fn handing_over(app: &mut App, command: Command) -> Option<Command> {
    if let Command::Open { label, .. } = &command {
        set_lasting_status(app, i18n::handing_over(label).get(app.lang).to_string());
    }
    Some(command)
}

/// F6: a `mailto:` to the responsible person with a subject naming the city and the person.
pub(super) fn email(app: &mut App) -> Option<Command> {
    let lang = app.lang;
    let (to, label, subject) = match responsible(app) {
        None => {
            set_status(app, app.nothing_selected());
            return None;
        }
        Some(Responsible::Person(person, about)) => {
            (person.email.clone(), person.full_name(), actions::subject(lang, about.as_ref(), &person.full_name()))
        }
        Some(Responsible::Office(about)) => {
            let office = app.directory.office();
            let subject = match &about {
                Some(about) => actions::subject(lang, Some(about), &office.department),
                None => office.department.clone(),
            };
            (office.email.clone(), office.department.clone(), subject)
        }
    };
    let uri = actions::mailto(&to, &subject, None);
    handing_over(
        app,
        Command::Open { uri, what: Opened::Email, label: format!("{label} <{to}>"), fallback: (to, Copied::Email) },
    )
}

/// The footer's words for a copy: "copied" only where a clipboard confirmed it.
fn copy_text(app: &App, outcome: &CopyOutcome) -> String {
    let what = |what: Copied| match what {
        Copied::Phone => i18n::in_both(|t| t.phone_number),
        Copied::Email => i18n::in_both(|t| t.email_address),
        Copied::Note => i18n::in_both(|t| t.phone_message),
    };
    let said = match outcome {
        CopyOutcome::Native(copied, path) => i18n::copied(what(*copied), path),
        CopyOutcome::TerminalOnly(copied) => i18n::written_to_terminal(what(*copied)),
        CopyOutcome::Failed => return app.lang.text().copy_failed.to_string(),
    };
    said.get(app.lang).to_string()
}
