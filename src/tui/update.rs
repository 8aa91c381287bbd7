//! `update`: the only code that changes the model. It performs no I/O; work for the outside world
//! comes back as a [`Command`] for the event loop.

use super::app::{App, NotePrompt, NoteStage, NotesView, STATUS_TICKS, Status};
use super::field::{self, Field};
use super::keys::Mode;
use super::message::{Action, Command, Copied, Message, Opened};
use super::theme::Theme;
use crate::i18n::{self, Bilingual, Lang};

mod note;
mod reach;

use note::{move_focus, note_enter, note_saved, note_sent, notes_act, readdress_note, start_note};
pub(crate) use reach::{Responsible, responsible};
use reach::{call, copied, copy, email};

/// What the view shows, in one event loop: the first frame while the data loads, with what is
/// typed meanwhile, then the app over its data. The loading thread's answer,
/// [`Message::Loaded`], moves it from the one to the other.
#[derive(Debug)]
pub enum Screen {
    /// The data is loading; keys edit the query, which the app takes over once it is ready.
    Loading(Loading),
    /// The data is there.
    Ready(Box<App>),
}

/// The first frame's state, while the data loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loading {
    /// The query as typed so far.
    pub query: Field,
    /// True once the user asked to quit.
    pub quit: bool,
    /// The UI language.
    pub lang: Lang,
    /// Colours, or none under NO_COLOR.
    pub theme: Theme,
    /// Terminal size (columns, rows), handed to the app once it is ready.
    pub size: (u16, u16),
}

impl Screen {
    /// The first frame: nothing typed yet.
    pub fn loading(lang: Lang, theme: Theme, size: (u16, u16)) -> Self {
        Screen::Loading(Loading { query: Field::default(), quit: false, lang, theme, size })
    }

    /// What the keyboard drives now.
    pub fn mode(&self) -> Mode {
        match self {
            Screen::Loading(_) => Mode::Loading,
            Screen::Ready(app) => app.mode(),
        }
    }

    /// True when the line that has the cursor is the search line and empty: Esc then quits.
    pub fn query_is_empty(&self) -> bool {
        match self {
            Screen::Loading(loading) => loading.query.text.is_empty(),
            Screen::Ready(app) => app.query.is_empty(),
        }
    }

    /// True when the view wants mouse reports (while loading too: they are then ignored).
    pub fn wants_mouse(&self) -> bool {
        match self {
            Screen::Loading(_) => true,
            Screen::Ready(app) => app.wants_mouse(),
        }
    }

    /// True once the user asked to quit.
    pub fn quit(&self) -> bool {
        match self {
            Screen::Loading(loading) => loading.quit,
            Screen::Ready(app) => app.quit,
        }
    }

    /// The UI language.
    pub fn lang(&self) -> Lang {
        match self {
            Screen::Loading(loading) => loading.lang,
            Screen::Ready(app) => app.lang,
        }
    }

    /// The app, once the data is ready.
    pub fn app(&self) -> Option<&App> {
        match self {
            Screen::Loading(_) => None,
            Screen::Ready(app) => Some(app),
        }
    }
}

/// Applies `message` to whatever the screen shows. While the data loads, only editing the query,
/// a new size and quitting (Esc on an empty query, Ctrl-C) mean something, until the app arrives:
/// it takes over the query typed so far and the size, and asks for the journal.
pub fn update_screen(screen: &mut Screen, message: Message) -> Option<Command> {
    let loading = match screen {
        Screen::Ready(app) => return update(app, message),
        Screen::Loading(loading) => loading,
    };
    match message {
        Message::Loaded(mut app) => {
            // What was typed while the data loaded is the app's query from the start.
            app.size = loading.size;
            app.theme = loading.theme;
            let typed = std::mem::take(&mut loading.query.text);
            if typed != app.query || loading.query.cursor != app.cursor {
                app.query = typed;
                app.cursor = loading.query.cursor;
                app.search();
            } else {
                // The app searched its empty query when it was built, on the loading thread: at
                // 100,000 entries that listing is worth not doing twice here. Only the rows on
                // screen may differ, with the size.
                app.scroll_to_selection();
            }
            *screen = Screen::Ready(app);
            return Some(Command::ReadJournal);
        }
        Message::Action(Action::Edit(edit)) => {
            loading.query.apply(edit);
        }
        Message::Paste(text) => {
            loading.query.paste(&text);
        }
        Message::Action(Action::Escape) if !loading.query.text.is_empty() => {
            loading.query.apply(field::Edit::Clear);
        }
        Message::Action(Action::Escape | Action::Quit) => loading.quit = true,
        Message::Resize(columns, rows) => loading.size = (columns, rows),
        // The rest needs the data (keys that act on a selection, the mouse on the list) or has
        // nothing to change yet (the clock: the app reads it when it is built).
        _ => {}
    }
    None
}

/// Applies `message` to `app`; returns what the event loop should do, if anything.
pub fn update(app: &mut App, message: Message) -> Option<Command> {
    match message {
        Message::Action(action) => return act(app, action),
        Message::Paste(text) => edit_line(app, |text_, cursor| field::paste(text_, cursor, &text)),
        Message::ScrollUp if app.mode() == Mode::List => select(app, app.selected.saturating_sub(1)),
        Message::ScrollDown if app.mode() == Mode::List => select(app, app.selected + 1),
        Message::Click(column, row) if app.mode() == Mode::List => {
            if let Some(line) = app.areas().list_row_at(column, row) {
                select(app, app.offset + line);
            }
        }
        Message::ScrollUp | Message::ScrollDown | Message::Click(..) => {}
        Message::Select(index) => select(app, index),
        Message::NoteSaved { saved, form } => note_saved(app, saved, form),
        Message::NoteSent { entry, mail, form } => return note_sent(app, &entry, &mail, form),
        Message::Journal(Ok(state)) => {
            app.journal = state;
            if let Some(view) = &mut app.notes {
                view.selected = view.selected.min(app.journal.entries.len().saturating_sub(1));
            }
        }
        Message::Journal(Err(problem)) => app.journal_warning = Some(problem),
        Message::Opened { what, label, outcome, fallback } => {
            // The outcome first, then whom it was for.
            if outcome.is_done() {
                set_status(app, i18n::link_handed(what == Opened::Call, &label).get(app.lang).to_string());
                return None;
            }
            let none = if what == Opened::Call { i18n::NO_PHONE_PROGRAM } else { i18n::NO_MAIL_PROGRAM };
            let failed = i18n::link_not_handed(&i18n::outcome(&outcome, none), &label).get(app.lang).to_string();
            app.said_before_copy = Some((failed.clone(), false));
            set_lasting_status(app, failed);
            return Some(Command::Copy(fallback.0, fallback.1));
        }
        Message::Now(clock) => app.clock = clock,
        Message::Today(today) => {
            // At midnight the view rolls over: who is away, and who answers, follow the new day.
            app.today = today;
            app.year = chrono::Datelike::year(&today);
        }
        Message::Copied(outcome) => copied(app, outcome),
        Message::ReloadBusy => set_status(app, app.lang.text().reload_busy.to_string()),
        Message::Reloaded(Ok(loaded)) => {
            app.replace_directory(*loaded);
            app.warning = None;
            let text = app.lang.text();
            let said = if app.fallback.take().is_some() { text.file_back } else { text.reloaded };
            match readdress_note(app) {
                Some(changed) => set_lasting_status(app, format!("{said}; {changed}")),
                None => set_status(app, said.to_string()),
            }
        }
        Message::Reloaded(Err(problem)) => match &mut app.fallback {
            // Still down: the banner says what is wrong now.
            Some(fallback) => fallback.problem = problem,
            None => app.warning = Some(i18n::reload_failed(&problem).get(app.lang).to_string()),
        },
        Message::Resize(columns, rows) => {
            app.size = (columns, rows);
            app.scroll_to_selection();
        }
        Message::Tick(tick) => app.tick = tick,
        // Only the loading screen waits for the data; the app has it already.
        Message::Loaded(_) => {}
    }
    None
}

/// What a key's action does.
fn act(app: &mut App, action: Action) -> Option<Command> {
    let list = app.mode() == Mode::List;
    if app.mode() == Mode::Notes {
        return notes_act(app, action);
    }
    match action {
        Action::Edit(edit) => edit_line(app, |text, cursor| field::apply(text, cursor, edit)),
        Action::Up if list => select(app, app.selected.saturating_sub(1)),
        Action::Down if list => select(app, app.selected + 1),
        Action::PageUp if list => select(app, app.selected.saturating_sub(app.list_rows().max(1))),
        Action::PageDown if list => select(app, app.selected + app.list_rows().max(1)),
        Action::Up | Action::Down | Action::PageUp | Action::PageDown if app.mode() == Mode::Help => {
            scroll_help(app, action);
        }
        Action::Up | Action::Down | Action::PageUp | Action::PageDown => {}
        Action::CopyPhone => return copy(app, Copied::Phone),
        Action::CopyEmail => return copy(app, Copied::Email),
        Action::Call => return call(app),
        Action::Email => return email(app),
        Action::StartNote => start_note(app),
        Action::NoteNext => move_focus(app, 1),
        Action::NotePrevious => move_focus(app, 2),
        Action::NoteEnter => return note_enter(app),
        Action::NoteCopy => {
            let note = app.note.as_ref()?;
            return Some(Command::CopyNote {
                message: note.message(),
                email: note.email.clone(),
                id: note.id.clone(),
                write_ahead: note.unsaved,
                text: note.message().text(app.lang),
            });
        }
        Action::ToggleNotes => {
            app.notes = Some(NotesView::default());
            app.help = false;
            return Some(Command::ReadJournal);
        }
        Action::NoteCancel => {
            if let Some(note) = &mut app.note {
                if note.has_text() && note.prompt != Some(NotePrompt::EscAgainDiscards) {
                    note.prompt = Some(NotePrompt::EscAgainDiscards);
                } else {
                    app.note = None;
                }
            }
        }
        Action::Reload if app.embedded => set_status(app, app.lang.text().no_file_to_reload.to_string()),
        Action::Reload => return Some(Command::Reload),
        Action::Redraw => return Some(Command::Redraw),
        Action::Suspend => return Some(Command::Suspend),
        Action::ToggleHelp => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::Escape if app.help => app.help = false,
        Action::Escape if app.query.is_empty() => app.quit = true,
        Action::Escape => clear_query(app),
        Action::Quit => app.quit = true,
    }
    None
}

/// An edit goes to the line that has the cursor: the form's focused field while the form is
/// being filled in, the search line otherwise (never to a note shown as text).
fn edit_line(app: &mut App, edit: impl FnOnce(&mut String, &mut usize) -> bool) {
    match &mut app.note {
        Some(note) if note.stage == NoteStage::Editing => {
            let field = &mut note.fields[note.focus];
            if edit(&mut field.text, &mut field.cursor) {
                note.unsaved = true;
            }
            note.prompt = None;
        }
        Some(_) => {}
        None => {
            if edit(&mut app.query, &mut app.cursor) {
                app.search();
            }
        }
    }
}

/// A text that is the same in both languages (a system's error, already in the UI language).
fn plain(text: String) -> Bilingual {
    Bilingual { de: text.clone(), en: text }
}

fn clear_query(app: &mut App) {
    app.query.clear();
    app.cursor = 0;
    app.search();
}

/// ↑ ↓ PgUp PgDn in the help: a line or a page, within the lines that do not fit.
fn scroll_help(app: &mut App, action: Action) {
    let screen = app.help_screen(ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1));
    let (area, lines) = super::ui::help_layout(app.lang, screen);
    let page = usize::from(area.height.saturating_sub(2)).max(1);
    let at = app.help_scroll.min(lines.len().saturating_sub(page));
    let to = match action {
        Action::Up => at.saturating_sub(1),
        Action::Down => at + 1,
        Action::PageUp => at.saturating_sub(page),
        _ => at + page,
    };
    app.help_scroll = to.min(lines.len().saturating_sub(page));
}

/// Selects row `index`, clamped to the results, and keeps it on screen.
fn select(app: &mut App, index: usize) {
    app.selected = index.min(app.hits.len().saturating_sub(1));
    app.scroll_to_selection();
}

/// A footer message, on screen for [`STATUS_TICKS`], and longer for a long one: a tick for every
/// four characters, about 16 characters a second of reading.
fn set_status(app: &mut App, text: String) {
    let ticks = STATUS_TICKS.max(text.chars().count() as u64 / 4);
    app.status = Some(Status { text, until: app.tick + ticks });
}

/// A status that stays until the next one: a hand-over under way, or what failed.
fn set_lasting_status(app: &mut App, text: String) {
    app.status = Some(Status { text, until: u64::MAX });
}
