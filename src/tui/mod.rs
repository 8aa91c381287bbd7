//! The interactive view, in the Elm architecture: [`app::App`] is the model, [`message::Message`]
//! the events, [`update::update`] the only code that changes the model, and [`ui::render`] a
//! view that only reads it. [`event_loop`] (with [`terminal`]) is the one place that touches the terminal,
//! the clipboard and the file system.

pub mod app;
pub mod clipboard;
pub mod details;
pub(crate) mod event_loop;
pub mod field;
pub mod keys;
pub mod layout;
pub mod message;
mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
pub mod update;
pub mod watch;

#[cfg(test)]
mod keymap_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_away;
#[cfg(test)]
mod view_tests;

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use crossterm::event::{self, Event};

use crate::cache;
use crate::directory::{DataError, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;
use crate::notes::Journal;
use app::{App, Fallback, Shown};
use event_loop::EventLoop;
use field::Field;
use message::Message;
use terminal::{enter, leave};
use theme::Theme;
use update::Screen;
use watch::Watch;

/// How often the loading screen looks for the data while it waits for keys: the data is shown
/// at most this long after it is ready (half of it on average), at the cost of a redraw each time.
const LOADING_CHECK: Duration = Duration::from_millis(5);
/// Why the interactive view could not run.
#[derive(Debug)]
pub enum TuiError {
    /// Standard input or output is not a terminal.
    NotATerminal,
    /// The data could not be loaded at start.
    Data(DataError),
    /// The terminal failed.
    Terminal(io::Error),
}

impl From<DataError> for TuiError {
    fn from(e: DataError) -> Self {
        TuiError::Data(e)
    }
}

impl From<io::Error> for TuiError {
    fn from(e: io::Error) -> Self {
        TuiError::Terminal(e)
    }
}

impl TuiError {
    /// The error in `lang`, for standard error once the terminal is restored.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            TuiError::NotATerminal => format!("partnerdesk: {}", lang.text().needs_terminal),
            TuiError::Data(e) => e.in_lang(lang),
            TuiError::Terminal(e) => format!("partnerdesk: {}: {e}", lang.text().terminal_error),
        }
    }
}

/// What the loading thread hands over: the data to show and, when the data file could not be
/// used, why, with the date of the last good copy shown instead (`None`: the embedded data).
pub(crate) struct Loaded {
    /// The data to show.
    pub(crate) indexed: cache::Indexed,
    /// Why the data file could not be used, and the date of the copy shown instead.
    pub(crate) fallback: Option<(DataError, Option<std::time::SystemTime>)>,
}

/// Loads the data to show: the file, else its last good copy, else the embedded directory, so
/// that the view opens even while the shared file is missing or broken.
pub(crate) fn load(source: &Source, year: i32, use_cache: cache::Use) -> Result<Loaded, DataError> {
    let problem = match cache::load(source, year, use_cache) {
        Ok(indexed) => return Ok(Loaded { indexed, fallback: None }),
        Err(problem) => problem,
    };
    let Source::File(path) = source else { return Err(problem) };
    let last_good = match use_cache {
        cache::Use::On => cache::last_good(path, source),
        cache::Use::Off => None,
    };
    if let Some((indexed, saved)) = last_good {
        return Ok(Loaded { indexed, fallback: Some((problem, Some(saved))) });
    }
    let embedded = crate::directory::load(&Source::Embedded, year)?;
    Ok(Loaded { indexed: cache::Indexed::new(embedded), fallback: Some((problem, None)) })
}

/// Runs the interactive view until the user quits; returns the exit status. `origin` says where
/// a data file's name came from (`--data` or `PARTNERDESK_DATA`), for the banner.
///
/// The frame is drawn at once; the data is loaded, validated and indexed on another thread
/// meanwhile, and what the user types before it is ready is kept and applied to it.
pub fn run(source: Source, origin: &'static str, lang: Lang, cache: cache::Use) -> Result<ExitStatus, TuiError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let today = crate::clock::today();
    let year = chrono::Datelike::year(&today);
    let watch = Watch::start()?;
    let loading = {
        let (sender, receiver) = mpsc::channel();
        let source = source.clone();
        std::thread::spawn(move || {
            let _ = sender.send(load(&source, year, cache));
        });
        // A panic there ends the thread without a result: the wait below reports it.
        receiver
    };
    // Never dropped: ratatui's `Drop` shows the cursor and, when that fails on a terminal that is
    // gone, reports it with `eprintln!`, which panics on a dead standard error. `leave` restores.
    let mut terminal = std::mem::ManuallyDrop::new(enter()?);
    let mut unsent = None;
    let (journal, journal_problem) = open_journal(lang);
    let context = Context { source: &source, origin, lang, today, cache, journal: journal.as_ref(), journal_problem };
    let result = session(&mut terminal, &context, watch, &loading, &mut unsent);
    leave();
    for report in terminal::take_deferred() {
        let _ = writeln!(io::stderr().lock(), "partnerdesk: {report}");
    }
    if let Some((note, kept)) = unsent {
        // A phone message never vanishes with the view: it goes to the terminal as text, and
        // the journal keeps it as a draft.
        let _ = writeln!(io::stderr().lock(), "partnerdesk: {}\n{note}", lang.text().note_unsent);
        let _ = writeln!(io::stderr().lock(), "partnerdesk: {}", kept.get(lang));
    }
    // A terminal that went away fails every write: that is a hang-up, not an error to report.
    match result {
        Err(TuiError::Terminal(_)) if watch::terminal_hung_up() => Ok(ExitStatus::Hangup),
        result => result,
    }
}

/// What the view was started on.
struct Context<'a> {
    source: &'a Source,
    origin: &'static str,
    lang: Lang,
    /// The day the view starts on; the event loop moves it on at midnight.
    today: chrono::NaiveDate,
    cache: cache::Use,
    journal: Option<&'a Journal>,
    journal_problem: Option<String>,
}

/// The user's journal of phone messages, with the notes older than the retention removed; or
/// why it cannot be used (shown as a lasting warning: the view still opens).
pub(crate) fn open_journal(lang: Lang) -> (Option<Journal>, Option<String>) {
    let said = |e: &crate::notes::JournalError| crate::i18n::journal_error(e).get(lang).to_string();
    let journal = match Journal::locate() {
        Ok(journal) => journal,
        Err(e) => return (None, Some(said(&e))),
    };
    let pruned = crate::notes::retention_days().and_then(|days| journal.prune(days, chrono::Local::now()));
    (Some(journal), pruned.err().map(|e| said(&e)))
}

/// Keeps an open note that the journal does not hold as it is: as a draft. Returns what to say.
pub(crate) fn save_draft(journal: Option<&Journal>, app: &App) -> Option<crate::i18n::Bilingual> {
    let note = app.note.as_ref().filter(|note| note.has_text())?;
    let kept = |path: &std::path::Path| crate::i18n::note_kept_at(&path.display().to_string());
    if !note.unsaved && note.id.is_some() {
        return journal.map(|journal| kept(&journal.path()));
    }
    let Some(journal) = journal else {
        return Some(crate::i18n::note_not_saved(&crate::i18n::journal_error(&crate::notes::JournalError::NoFolder)));
    };
    let entry = app.journal_entry(&note.message(), &note.email, note.id.as_deref(), crate::notes::Delivery::Draft);
    Some(match journal.append(&entry) {
        Ok(()) => kept(&journal.path()),
        Err(e) => crate::i18n::note_not_saved(&crate::i18n::journal_error(&e)),
    })
}

/// The view from its first frame to its end; a phone message still open at the end is left in
/// `unsent`, as text.
fn session(
    terminal: &mut ratatui::DefaultTerminal,
    context: &Context,
    watch: Watch,
    loading: &Receiver<Result<Loaded, DataError>>,
    unsent: &mut Option<(String, crate::i18n::Bilingual)>,
) -> Result<ExitStatus, TuiError> {
    let lang = context.lang;
    let theme = Theme::from_no_color(std::env::var("NO_COLOR").ok().as_deref());
    let mut screen = Screen::Loading { query: Field::default(), quit: false };
    let loaded = match wait_for_data(terminal, &watch, loading, &mut screen, lang, &theme)? {
        Waited::Ready(loaded) => loaded,
        Waited::Ended(status) => return Ok(status),
    };
    let size = terminal.size()?;
    let Loaded { indexed, fallback } = *loaded;
    let mut app = App::from_loaded(indexed, lang, context.today, (size.width, size.height));
    app.theme = theme;
    app.embedded = *context.source == Source::Embedded;
    if let (Some((problem, saved)), Source::File(path)) = (fallback, context.source) {
        app.fallback = Some(Fallback {
            file: path.display().to_string(),
            origin: context.origin,
            problem: problem.summary(lang),
            shown: match saved {
                Some(saved) => Shown::LastGood(crate::clock::date_time_of(saved, lang)),
                None => Shown::Embedded,
            },
        });
    }
    // What was typed while the data loaded is the app's query from the start.
    let mut app = screen.ready(app);
    app.journal_warning = context.journal_problem.clone();
    let journal = context.journal.cloned();
    // A panic in the loop still leaves the open note in the journal, then goes on as a panic.
    let status = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        EventLoop::new(context.source, watch, context.cache, journal).run(terminal, &mut app)
    }));
    let kept = save_draft(context.journal, &app);
    *unsent = app.note.as_ref().filter(|note| note.has_text()).map(|note| note.message().text(lang)).zip(kept);
    match status {
        Ok(status) => Ok(status?),
        Err(panic) => {
            // The hook has restored the terminal and reported the panic.
            if let Some((_, kept)) = unsent.take() {
                let _ = writeln!(io::stderr().lock(), "partnerdesk: {}", kept.get(lang));
            }
            std::panic::resume_unwind(panic)
        }
    }
}

/// How the wait for the data ended.
enum Waited {
    /// The data is ready.
    Ready(Box<Loaded>),
    /// The user quit, or a signal or a hang-up ended the view, before the data was ready.
    Ended(ExitStatus),
}

/// Draws the frame with a note that the data is loading, until it is ready. Keys go through the
/// same keymap and `update_screen` as later; Ctrl-C, and Esc on an empty query, quit.
fn wait_for_data(
    terminal: &mut ratatui::DefaultTerminal,
    watch: &Watch,
    loading: &Receiver<Result<Loaded, DataError>>,
    screen: &mut Screen,
    lang: Lang,
    theme: &Theme,
) -> Result<Waited, TuiError> {
    loop {
        if let Screen::Loading { query, .. } = &*screen {
            terminal.draw(|frame| ui::render_loading(frame, lang, query, theme))?;
        }
        if let Some(status) = watch.ending() {
            return Ok(Waited::Ended(status));
        }
        if watch::terminal_hung_up() {
            return Ok(Waited::Ended(ExitStatus::Hangup));
        }
        match loading.try_recv() {
            Ok(Ok(loaded)) => return Ok(Waited::Ready(Box::new(loaded))),
            Ok(Err(e)) => return Err(TuiError::Data(e)),
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(TuiError::Terminal(io::Error::other("the loading thread ended without a result")));
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        if !event::poll(LOADING_CHECK)? {
            continue;
        }
        let empty = matches!(&*screen, Screen::Loading { query, .. } if query.text.is_empty());
        let message = match event::read()? {
            Event::Key(key) => keys::message_for_key(key, screen.mode(), empty),
            Event::Paste(text) => Some(Message::Paste(text)),
            _ => None,
        };
        if let Some(message) = message {
            update::update_screen(screen, message);
        }
        if screen.quit() {
            return Ok(Waited::Ended(ExitStatus::Success));
        }
    }
}
