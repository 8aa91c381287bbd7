//! `update`: the only code that changes the model. It performs no I/O; work for the outside world
//! comes back as a [`Command`] for the event loop.

use super::app::{App, NoteForm, NotePrompt, NoteStage, NotesView, STATUS_TICKS, Status};
use super::field::{self, Field};
use super::keys::{self, Mode};
use super::message::{Action, Command, Copied, CopyOutcome, Message, Opened};
use crate::actions::{self, About};
use crate::directory::{Answerer, Person, Target};
use crate::handover::Outcome;
use crate::i18n::{self, Bilingual};
use crate::notes::Entry;

/// What the view shows: the first frame while the data loads, with what is typed meanwhile, or
/// the app over its data.
#[derive(Debug)]
pub enum Screen {
    /// The data is loading; keys edit the query, which the app takes over once it is ready.
    Loading {
        /// The query as typed so far.
        query: Field,
        /// True once the user asked to quit.
        quit: bool,
    },
    /// The data is there.
    Ready(Box<App>),
}

impl Screen {
    /// What the keyboard drives now.
    pub fn mode(&self) -> Mode {
        match self {
            Screen::Loading { .. } => Mode::Loading,
            Screen::Ready(app) => app.mode(),
        }
    }

    /// True once the user asked to quit.
    pub fn quit(&self) -> bool {
        match self {
            Screen::Loading { quit, .. } => *quit,
            Screen::Ready(app) => app.quit,
        }
    }

    /// The app over the data now ready, with the query typed while it loaded.
    pub fn ready(self, mut app: App) -> App {
        if let Screen::Loading { query, .. } = self {
            app.query = query.text;
            app.cursor = query.cursor;
            app.search();
        }
        app
    }
}

/// Applies `message` to whatever the screen shows: while the data loads, only editing the query
/// and quitting (Esc on an empty query, Ctrl-C) mean something.
pub fn update_screen(screen: &mut Screen, message: Message) -> Option<Command> {
    match screen {
        Screen::Ready(app) => update(app, message),
        Screen::Loading { query, quit } => {
            match message {
                Message::Action(Action::Edit(edit)) => {
                    query.apply(edit);
                }
                Message::Paste(text) => {
                    query.paste(&text);
                }
                Message::Action(Action::Escape) if !query.text.is_empty() => {
                    query.apply(field::Edit::Clear);
                }
                Message::Action(Action::Escape | Action::Quit) => *quit = true,
                _ => {}
            }
            None
        }
    }
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

/// Tab and Shift-Tab in the form (`by` 1 forward, 2 back); on an unsent note, back to the form.
fn move_focus(app: &mut App, by: usize) {
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
fn note_enter(app: &mut App) -> Option<Command> {
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
fn note_saved(app: &mut App, saved: Result<Entry, String>, form: bool) {
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
fn note_sent(app: &mut App, entry: &Entry, mail: &Outcome, form: bool) -> Option<Command> {
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

/// A copy's outcome in the footer, after what led to it. A confirmed copy of an unsent note
/// closes it (the journal holds it too); a copy that replaces a note no mail program took says
/// that the journal keeps that note.
fn copied(app: &mut App, outcome: CopyOutcome) {
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

/// A text that is the same in both languages (a system's error, already in the UI language).
fn plain(text: String) -> Bilingual {
    Bilingual { de: text.clone(), en: text }
}

/// Keys in the notes list: move, send again, copy, close.
fn notes_act(app: &mut App, action: Action) -> Option<Command> {
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
fn readdress_note(app: &mut App) -> Option<String> {
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
fn copy(app: &mut App, what: Copied) -> Option<Command> {
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
fn call(app: &mut App) -> Option<Command> {
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
fn email(app: &mut App) -> Option<Command> {
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

/// F7: the phone message form, filled in with the time, the city and the person. A message is
/// for the contact even while they are away, and names who stands in: it waits for their return.
fn start_note(app: &mut App) {
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
