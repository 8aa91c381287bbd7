//! `update`: the only code that changes the model. It performs no I/O; work for the outside world
//! comes back as a [`Command`] for the event loop.

use super::app::{App, NoteForm, STATUS_TICKS, Status};
use super::message::{Command, Copied, CopyOutcome, Message, OpenOutcome, Opened};
use crate::actions::{self, PhoneMessage};
use crate::directory::Target;
use crate::directory::{City, Person};

/// Applies `message` to `app`; returns what the event loop should do, if anything.
pub fn update(app: &mut App, message: Message) -> Option<Command> {
    match message {
        Message::Insert(c) => {
            let at = byte_index(&app.query, app.cursor);
            app.query.insert(at, c);
            app.cursor += 1;
            app.search();
        }
        Message::Backspace if app.cursor > 0 => {
            app.cursor -= 1;
            app.query.remove(byte_index(&app.query, app.cursor));
            app.search();
        }
        Message::Delete if app.cursor < app.query.chars().count() => {
            app.query.remove(byte_index(&app.query, app.cursor));
            app.search();
        }
        Message::DeleteWord => {
            let chars: Vec<char> = app.query.chars().collect();
            let mut start = app.cursor;
            while start > 0 && chars[start - 1] == ' ' {
                start -= 1;
            }
            while start > 0 && chars[start - 1] != ' ' {
                start -= 1;
            }
            app.query = chars[..start].iter().chain(&chars[app.cursor..]).collect();
            app.cursor = start;
            app.search();
        }
        Message::ClearQuery => clear_query(app),
        Message::CursorLeft => app.cursor = app.cursor.saturating_sub(1),
        Message::CursorRight => app.cursor = (app.cursor + 1).min(app.query.chars().count()),
        Message::CursorHome => app.cursor = 0,
        Message::CursorEnd => app.cursor = app.query.chars().count(),
        Message::Up | Message::ScrollUp => select(app, app.selected.saturating_sub(1)),
        Message::Down | Message::ScrollDown => select(app, app.selected + 1),
        Message::PageUp => select(app, app.selected.saturating_sub(app.list_rows().max(1))),
        Message::PageDown => select(app, app.selected + app.list_rows().max(1)),
        Message::Click(column, row) => {
            let areas = super::layout::Areas::new(app.size.0, app.size.1);
            if let Some(line) = areas.list_row_at(column, row) {
                select(app, app.offset + line);
            }
        }
        Message::CopyPhone => return copy(app, Copied::Phone),
        Message::CopyEmail => return copy(app, Copied::Email),
        Message::Call => return call(app),
        Message::Email => return email(app),
        Message::StartNote => start_note(app),
        Message::NoteInput(c) => {
            if let Some(note) = &mut app.note {
                note.fields[note.focus].push(c);
            }
        }
        Message::NoteBackspace => {
            if let Some(note) = &mut app.note {
                note.fields[note.focus].pop();
            }
        }
        Message::NoteNext => {
            if let Some(note) = &mut app.note {
                note.focus = (note.focus + 1) % note.fields.len();
            }
        }
        Message::NotePrevious => {
            if let Some(note) = &mut app.note {
                note.focus = (note.focus + note.fields.len() - 1) % note.fields.len();
            }
        }
        Message::NoteCancel => app.note = None,
        Message::NoteSend => return send_note(app),
        Message::Opened { what, label, outcome } => {
            let text = app.lang.text();
            let message = match (&outcome, what) {
                (OpenOutcome::Handed, Opened::Call) => format!("{} {label}", text.calling),
                (OpenOutcome::Handed, Opened::Email) => format!("{} {label}", text.writing),
                (OpenOutcome::Handed, Opened::Note) => text.note_sent.to_string(),
                (OpenOutcome::NoHandler(copy), _) => format!("{label}: {} ({})", text.no_handler, copy_path(copy)),
                (OpenOutcome::Failed(reason, copy), _) => format!("{label}: {reason}; {}", copy_path(copy)),
            };
            set_status(app, message);
        }
        Message::Now(clock) => app.clock = clock,
        Message::Copied(outcome) => {
            let message = copy_text(app, &outcome);
            set_status(app, message);
        }
        Message::Reload => return Some(Command::Reload),
        Message::Redraw => return Some(Command::Redraw),
        Message::Suspend => return Some(Command::Suspend),
        Message::Reloaded(Ok(loaded)) => {
            app.replace_directory(*loaded);
            app.warning = None;
            set_status(app, app.lang.text().reloaded.to_string());
        }
        Message::Reloaded(Err(problem)) => {
            app.warning = Some(format!("{}: {problem}", app.lang.text().reload_failed));
        }
        Message::ToggleHelp => app.help = !app.help,
        Message::Escape if app.help => app.help = false,
        Message::Escape if app.query.is_empty() => app.quit = true,
        Message::Escape => clear_query(app),
        Message::Quit => app.quit = true,
        Message::Resize(columns, rows) => {
            app.size = (columns, rows);
            app.scroll_to_selection();
        }
        Message::Tick(tick) => app.tick = tick,
        Message::Backspace | Message::Delete => {}
    }
    None
}

fn clear_query(app: &mut App) {
    app.query.clear();
    app.cursor = 0;
    app.search();
}

/// Selects row `index`, clamped to the results, and keeps it on screen.
fn select(app: &mut App, index: usize) {
    app.selected = index.min(app.hits.len().saturating_sub(1));
    app.scroll_to_selection();
}

/// Who answers for the selected entry: a person (with the city it is about, on a city), or the
/// office itself.
enum Responsible<'a> {
    Person(&'a Person, Option<&'a City>),
    Office,
}

fn responsible(app: &App) -> Option<Responsible<'_>> {
    let hit = app.selection()?;
    Some(match app.index.target(hit.entry) {
        Target::City(city) => Responsible::Person(app.directory.contact_of(city), Some(&app.directory.cities()[city])),
        Target::Person(person) => Responsible::Person(&app.directory.people()[person], None),
        Target::Office => Responsible::Office,
    })
}

/// The phone or email of whoever is responsible for the selected entry.
fn copy(app: &mut App, what: Copied) -> Option<Command> {
    let text = match (responsible(app), what) {
        (None, _) => {
            set_status(app, app.lang.text().nothing_selected.to_string());
            return None;
        }
        (Some(Responsible::Person(person, _)), Copied::Phone) => person.phone.clone(),
        (Some(Responsible::Person(person, _)), Copied::Email | Copied::Note) => person.email.clone(),
        // The sources give the office a shared mailbox, but no general phone number.
        (Some(Responsible::Office), Copied::Phone) => {
            set_status(app, app.lang.text().no_office_phone.to_string());
            return None;
        }
        (Some(Responsible::Office), Copied::Email | Copied::Note) => app.directory.office().email.clone(),
    };
    Some(Command::Copy(text, what))
}

/// F5: the responsible person's number as a `tel:` link; the office has none.
fn call(app: &mut App) -> Option<Command> {
    let command = match responsible(app) {
        None => Err(app.lang.text().nothing_selected),
        Some(Responsible::Office) => Err(app.lang.text().office_no_call),
        Some(Responsible::Person(person, _)) => {
            actions::tel(person).ok_or(app.lang.text().nothing_selected).map(|uri| Command::Open {
                uri,
                what: Opened::Call,
                label: format!("{}, {}", person.full_name(), person.phone),
                fallback: (person.phone.clone(), Copied::Phone),
            })
        }
    };
    command.map_err(|reason| set_status(app, reason.to_string())).ok()
}

/// F6: a `mailto:` to the responsible person with a subject naming the city and the person.
fn email(app: &mut App) -> Option<Command> {
    let lang = app.lang;
    let (to, label, subject) = match responsible(app) {
        None => {
            set_status(app, app.lang.text().nothing_selected.to_string());
            return None;
        }
        Some(Responsible::Person(person, city)) => {
            (person.email.clone(), person.full_name(), actions::subject(lang, city, person))
        }
        Some(Responsible::Office) => {
            let office = app.directory.office();
            (office.email.clone(), office.department.clone(), office.department.clone())
        }
    };
    let uri = actions::mailto(&to, &subject, None);
    Some(Command::Open { uri, what: Opened::Email, label: format!("{label} <{to}>"), fallback: (to, Copied::Email) })
}

/// F7: the phone message form, filled in with the time, the city and the person.
fn start_note(app: &mut App) {
    let (to, email, city) = match responsible(app) {
        None => {
            set_status(app, app.lang.text().nothing_selected.to_string());
            return;
        }
        Some(Responsible::Person(person, city)) => {
            (person.full_name(), person.email.clone(), city.map(|c| c.name.clone()))
        }
        Some(Responsible::Office) => {
            let office = app.directory.office();
            (office.department.clone(), office.email.clone(), None)
        }
    };
    app.help = false;
    app.note = Some(NoteForm { to, email, city, when: app.clock.clone(), fields: Default::default(), focus: 0 });
}

/// Enter in the form: a `mailto:` with the whole note to its person; the text is copied too.
fn send_note(app: &mut App) -> Option<Command> {
    let note = app.note.take()?;
    let [caller, callback, concern] = note.fields;
    let message = PhoneMessage { when: note.when, city: note.city, to: note.to, caller, callback, concern };
    let text = message.text(app.lang);
    let uri = actions::mailto(&note.email, &message.subject(app.lang), Some(&text));
    Some(Command::Open { uri, what: Opened::Note, label: message.to, fallback: (text, Copied::Note) })
}

/// The footer's words for a copy.
fn copy_text(app: &App, outcome: &CopyOutcome) -> String {
    let text = app.lang.text();
    match *outcome {
        CopyOutcome::Native(what, path) => format!("{} ({path})", copied_text(app, what)),
        CopyOutcome::TerminalOnly(what) => format!("{} {}", sent_text(app, what), text.sent_by_osc52),
        CopyOutcome::Failed => text.copy_failed.to_string(),
    }
}

/// How a fallback copy went, in a few words.
fn copy_path(outcome: &CopyOutcome) -> &'static str {
    match outcome {
        CopyOutcome::Native(_, path) => path,
        CopyOutcome::TerminalOnly(_) => "OSC 52",
        CopyOutcome::Failed => "—",
    }
}

fn copied_text(app: &App, what: Copied) -> &'static str {
    match what {
        Copied::Phone => app.lang.text().copied_phone,
        Copied::Email => app.lang.text().copied_email,
        Copied::Note => app.lang.text().copied_note,
    }
}

fn sent_text(app: &App, what: Copied) -> &'static str {
    match what {
        Copied::Phone => app.lang.text().sent_phone,
        Copied::Email => app.lang.text().sent_email,
        Copied::Note => app.lang.text().phone_message,
    }
}

fn set_status(app: &mut App, text: String) {
    app.status = Some(Status { text, until: app.tick + STATUS_TICKS });
}

/// The byte index of char `chars` in `text` (its end when past it).
fn byte_index(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}
