//! The phone message form (F7) and the list of kept notes (F8): filling in, sending, and what
//! the journal and the mail program answered.

use super::reach::{Responsible, responsible};
use super::{plain, set_lasting_status, set_status};
use crate::actions::{self, About};
use crate::directory::Answerer;
use crate::handover::Outcome;
use crate::i18n;
use crate::notes::Entry;
use crate::tui::app::{App, NoteForm, NotePrompt, NoteStage};
use crate::tui::keys;
use crate::tui::message::{Action, Command};

/// Tab and Shift-Tab in the form (`by` 1 forward, 2 back); on an unsent note, back to the form.
pub(super) fn move_focus(app: &mut App, by: usize) {
    let Some(note) = &mut app.note else { return };
    note.prompt = None;
    match note.stage {
        NoteStage::Editing => note.focus = (note.focus + by) % note.fields.len(),
        NoteStage::Unsent { .. } => note.stage = NoteStage::Editing,
        // The journal and the mail program have it: it waits for their answer.
        NoteStage::Sending => {}
    }
}

/// Enter in the form: the next field, and in the last one (or on an unsent note) send.
pub(super) fn note_enter(app: &mut App) -> Option<Command> {
    let note = app.note.as_mut()?;
    note.prompt = None;
    if note.stage == NoteStage::Sending {
        return None;
    }
    if note.stage == NoteStage::Editing && note.focus + 1 < note.fields.len() {
        note.focus += 1;
        return None;
    }
    let [caller, _, concern] = &note.fields;
    if caller.is_empty() && concern.is_empty() {
        note.prompt = Some(NotePrompt::NeedsCallerOrConcern);
        note.stage = NoteStage::Editing;
        note.focus = 0;
        return None;
    }
    let message = note.message();
    let text = message.text(app.lang);
    let uri = actions::mailto(&note.email, &message.subject(app.lang), Some(&text));
    note.stage = NoteStage::Sending;
    let command = Command::SendNote { message, email: note.email.clone(), id: note.id.clone(), uri, form: true };
    let label = note.to.clone();
    set_lasting_status(app, i18n::handing_over(&label).get(app.lang).to_string());
    Some(command)
}

/// The journal took the note (or could not): the form remembers its id, so that the note stays
/// one entry however often it is sent.
pub(super) fn note_saved(app: &mut App, saved: Result<Entry, String>, form: bool) {
    match saved {
        Ok(entry) => {
            if form && let Some(note) = &mut app.note {
                note.id = Some(entry.id);
                note.unsaved = false;
            }
        }
        // Said first and kept on screen: the screen alone holds the note now.
        Err(problem) => set_lasting_status(app, i18n::note_not_saved(&plain(problem)).get(app.lang).to_string()),
    }
}

/// How handing a note to the mail program went. Taken (exit status 0): the form closes. Not
/// taken: the note stays on screen as text with the reason, and its text is copied as a fallback.
pub(super) fn note_sent(app: &mut App, entry: &Entry, mail: &Outcome, form: bool) -> Option<Command> {
    let lang = app.lang;
    // The form that sent it: by its id, or, when the journal could not take it, the one waiting.
    let is_this_form = |app: &App| {
        form && app
            .note
            .as_ref()
            .is_some_and(|n| n.id.as_deref() == Some(entry.id.as_str()) || n.stage == NoteStage::Sending)
    };
    if mail.is_done() {
        if is_this_form(app) {
            app.note = None;
        }
        let program = mail.program().unwrap_or_default();
        set_status(app, i18n::note_mailed(program).get(lang).to_string());
        return None;
    }
    let failure = i18n::outcome(mail, i18n::NO_MAIL_PROGRAM);
    let reason = i18n::note_kept_because(&failure, &keys::notes_key(lang)).get(lang).to_string();
    app.said_before_copy = Some((reason.clone(), true));
    if is_this_form(app)
        && let Some(note) = &mut app.note
    {
        // The note on screen says why; the footer keeps its keys.
        note.stage = NoteStage::Unsent { reason };
        note.prompt = None;
        app.status = None;
    } else {
        set_lasting_status(app, i18n::not_handed_over(&reason).get(lang).to_string());
    }
    let message = entry.message();
    let text = message.text(lang);
    let (email, id) = (entry.email.clone(), Some(entry.id.clone()));
    Some(Command::CopyNote { message, email, id, write_ahead: false, text })
}

/// Keys in the notes list: move, send again, copy, close.
pub(super) fn notes_act(app: &mut App, action: Action) -> Option<Command> {
    let count = app.journal.entries.len();
    let view = app.notes.as_mut()?;
    match action {
        Action::Up => view.selected = view.selected.saturating_sub(1),
        Action::Down => view.selected = (view.selected + 1).min(count.saturating_sub(1)),
        Action::PageUp => view.selected = view.selected.saturating_sub(10),
        Action::PageDown => view.selected = (view.selected + 10).min(count.saturating_sub(1)),
        Action::ToggleNotes | Action::Escape => app.notes = None,
        Action::NoteEnter => {
            let entry = app.journal.entries.get(view.selected)?.clone();
            let message = entry.message();
            let uri = actions::mailto(&entry.email, &message.subject(app.lang), Some(&message.text(app.lang)));
            set_lasting_status(app, i18n::handing_over(&entry.to).get(app.lang).to_string());
            return Some(Command::SendNote { message, email: entry.email, id: Some(entry.id), uri, form: false });
        }
        Action::NoteCopy => {
            let entry = app.journal.entries.get(view.selected)?;
            let message = entry.message();
            let text = message.text(app.lang);
            let (email, id) = (entry.email.clone(), Some(entry.id.clone()));
            return Some(Command::CopyNote { message, email, id, write_ahead: false, text });
        }
        Action::Redraw => return Some(Command::Redraw),
        Action::Suspend => return Some(Command::Suspend),
        Action::Quit => app.quit = true,
        _ => {}
    }
    None
}

/// After a reload, the open note goes to whoever answers now for its city or topic; returns what
/// changed, for the footer.
pub(super) fn readdress_note(app: &mut App) -> Option<String> {
    let note = app.note.as_ref()?;
    let dir = &app.directory;
    let (to, email) = match note.about.as_ref()? {
        About::City(name) => {
            let city = dir.cities().iter().position(|c| &c.name == name)?;
            let person = dir.contact_of(city);
            (person.full_name(), person.email.clone())
        }
        About::Topic(name) => {
            let topic = dir.topics().iter().position(|t| t.name.get(app.lang) == name)?;
            match dir.topic_contact(topic) {
                Some(person) => (person.full_name(), person.email.clone()),
                None => (dir.office().department.clone(), dir.office().email.clone()),
            }
        }
    };
    if to == note.to && email == note.email {
        return None;
    }
    let changed = i18n::contact_changed(&to, &note.to).get(app.lang).to_string();
    let note = app.note.as_mut()?;
    note.to = to;
    note.email = email;
    note.unsaved = true;
    Some(changed)
}

/// F7: the phone message form, filled in with the time, the city and the person. A message is
/// for the contact even while they are away, and names who stands in: it waits for their return.
pub(super) fn start_note(app: &mut App) {
    let (to, email, about) = match responsible(app) {
        None => {
            set_status(app, app.nothing_selected());
            return;
        }
        Some(Responsible::Person(person, about)) => (person.full_name(), person.email.clone(), about),
        Some(Responsible::Office(about)) => {
            let office = app.directory.office();
            (office.department.clone(), office.email.clone(), about)
        }
    };
    let answer = app.selected_answer().filter(crate::directory::Answer::stands_in);
    let (to, email, cover) = match answer.and_then(|a| Some((a, app.directory.people().get(a.contact?)?))) {
        Some((answer, contact)) => {
            let cover = match answer.who {
                Answerer::Person(_, person) => person.full_name(),
                Answerer::Office(office) => office.department.clone(),
            };
            (contact.full_name(), contact.email.clone(), Some(cover))
        }
        None => (to, email, None),
    };
    app.help = false;
    app.note = Some(NoteForm {
        to,
        cover,
        email,
        about,
        when: app.clock.clone(),
        fields: Default::default(),
        focus: 0,
        stage: NoteStage::Editing,
        prompt: None,
        id: None,
        unsaved: true,
    });
}
