//! `update`: the only code that changes the model. It performs no I/O; work for the outside world
//! comes back as a [`Command`] for the event loop.

use super::app::{App, STATUS_TICKS, Status};
use super::message::{Command, Copied, CopyOutcome, Message};
use crate::directory::Target;

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
        Message::Copied(outcome) => {
            let text = app.lang.text();
            let message = match outcome {
                CopyOutcome::Native(what, path) => format!("{} ({path})", copied_text(app, what)),
                CopyOutcome::TerminalOnly(what) => format!("{} {}", sent_text(app, what), text.sent_by_osc52),
                CopyOutcome::Failed => text.copy_failed.to_string(),
            };
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

/// The phone or email of whoever is responsible for the selected entry.
fn copy(app: &mut App, what: Copied) -> Option<Command> {
    let Some(hit) = app.selection() else {
        set_status(app, app.lang.text().nothing_selected.to_string());
        return None;
    };
    let person = match app.index.target(hit.entry) {
        Target::City(city) => app.directory.contact_of(city),
        Target::Person(person) => &app.directory.people()[person],
        Target::Office => {
            // The sources give the office a shared mailbox, but no general phone number.
            return match what {
                Copied::Phone => {
                    set_status(app, app.lang.text().no_office_phone.to_string());
                    None
                }
                Copied::Email => Some(Command::Copy(app.directory.office().email.clone(), what)),
            };
        }
    };
    let text = match what {
        Copied::Phone => person.phone.clone(),
        Copied::Email => person.email.clone(),
    };
    Some(Command::Copy(text, what))
}

fn copied_text(app: &App, what: Copied) -> &'static str {
    match what {
        Copied::Phone => app.lang.text().copied_phone,
        Copied::Email => app.lang.text().copied_email,
    }
}

fn sent_text(app: &App, what: Copied) -> &'static str {
    match what {
        Copied::Phone => app.lang.text().sent_phone,
        Copied::Email => app.lang.text().sent_email,
    }
}

fn set_status(app: &mut App, text: String) {
    app.status = Some(Status { text, until: app.tick + STATUS_TICKS });
}

/// The byte index of char `chars` in `text` (its end when past it).
fn byte_index(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}
