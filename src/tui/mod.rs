//! The interactive view, in the Elm architecture: [`app::App`] is the model, [`message::Message`]
//! the events, [`update::update`] the only code that changes the model, and [`ui::render`] a
//! view that only reads it. From the first frame, before the data is there, the loop runs on
//! [`update::Screen`]: loading, then the app, two states of the one loop. [`event_loop`] (with
//! [`terminal`]) is the one place that touches the terminal, the clipboard and the file system.

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
mod loading_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_away;
#[cfg(test)]
mod tests_note;
#[cfg(test)]
mod view_tests;

use std::io::{self, IsTerminal};

use crate::cache;
use crate::directory::{DataError, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;
use crate::notes::Journal;
use crate::stderr::{self, PREFIX};
use app::{App, Fallback, Shown};
use event_loop::EventLoop;
use terminal::{enter, leave};
use theme::Theme;
use update::Screen;
use watch::Watch;

/// Why the interactive view could not run.
#[derive(Debug)]
pub enum TuiError {
    /// Standard input or output is not a terminal.
    NotATerminal,
    /// The data could not be loaded at start.
    Data(DataError),
    /// The terminal failed.
    Terminal(io::Error),
    /// The thread loading the data at start ended without a result (it panicked).
    LoadingLost,
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
            TuiError::NotATerminal => format!("{PREFIX}{}", lang.text().needs_terminal),
            TuiError::Data(e) => e.in_lang(lang),
            TuiError::Terminal(e) => stderr::line(&crate::i18n::terminal_failed(e), lang),
            TuiError::LoadingLost => format!("{PREFIX}{}", lang.text().loading_lost),
        }
    }
}

/// What [`load`] found: the data to show and, when the data file could not be used, why, with
/// the date of the last good copy shown instead (`None`: the embedded data).
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
    let watch = Watch::start()?;
    let start = source.clone();
    let event_loop = EventLoop::new(&source, watch, cache, move || {
        let year = chrono::Datelike::year(&today);
        load(&start, year, cache).map(|loaded| open(loaded, &start, origin, lang, today))
    });
    // Never dropped: ratatui's `Drop` shows the cursor and, when that fails on a terminal that is
    // gone, reports it with `eprintln!`, which panics on a dead standard error. `leave` restores.
    let mut terminal = std::mem::ManuallyDrop::new(enter()?);
    let mut unsent = None;
    let (journal, journal_problem) = open_journal(lang);
    let event_loop = event_loop.with_journal(journal.clone(), journal_problem);
    let result = session(&mut terminal, event_loop, lang, journal.as_ref(), &mut unsent);
    leave();
    for report in terminal::take_deferred() {
        stderr::say_in_lang(&report);
    }
    if let Some((note, kept)) = unsent {
        // A phone message never vanishes with the view: it goes to the terminal as text, and
        // the journal keeps it as a draft.
        stderr::say_in_lang(&format!("{}\n{note}", lang.text().note_unsent));
        stderr::say(&kept, lang);
    }
    // A terminal that went away fails every write: that is a hang-up, not an error to report.
    match result {
        Err(TuiError::Terminal(_)) if watch::terminal_hung_up() => Ok(ExitStatus::Hangup),
        result => result,
    }
}

/// The app over the data loaded at start, built on the loading thread: with the banner when the
/// data file could not be used, and the local time for the phone message form. The screen gives
/// it its size and the query typed meanwhile.
fn open(
    Loaded { indexed, fallback }: Loaded,
    source: &Source,
    origin: &'static str,
    lang: Lang,
    today: chrono::NaiveDate,
) -> App {
    let mut app = App::from_loaded(indexed, lang, today, (0, 0));
    app.embedded = *source == Source::Embedded;
    if let (Some((problem, saved)), Source::File(path)) = (fallback, source) {
        app.fallback = Some(Fallback {
            file: path.display().to_string(),
            origin,
            problem: problem.summary(lang),
            shown: match saved {
                Some(saved) => Shown::LastGood(crate::clock::date_time_of(saved, lang)),
                None => Shown::Embedded,
            },
        });
    }
    app.clock = crate::clock::local_date_time(lang);
    app
}

/// The user's journal of phone messages, with the notes older than the retention removed; or
/// why it cannot be used (shown as a lasting warning: the view still opens).
pub(crate) fn open_journal(lang: Lang) -> (Option<Journal>, Option<String>) {
    let said = |e: &crate::notes::JournalError| crate::i18n::journal_error(e).get(lang).to_string();
    let journal = match Journal::locate() {
        Ok(journal) => journal,
        Err(e) => return (None, Some(said(&e))),
    };
    let pruned = crate::notes::retention_days().and_then(|days| journal.prune(days, crate::clock::now()));
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
    mut event_loop: EventLoop,
    lang: Lang,
    journal: Option<&Journal>,
    unsent: &mut Option<(String, crate::i18n::Bilingual)>,
) -> Result<ExitStatus, TuiError> {
    let theme = Theme::from_no_color(std::env::var("NO_COLOR").ok().as_deref());
    let size = terminal.size()?;
    let mut screen = Screen::loading(lang, theme, (size.width, size.height));
    // A panic in the loop still leaves the open note in the journal, then goes on as a panic.
    let status = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| event_loop.run(terminal, &mut screen)));
    if let Some(app) = screen.app() {
        let kept = save_draft(journal, app);
        *unsent = app.note.as_ref().filter(|note| note.has_text()).map(|note| note.message().text(lang)).zip(kept);
    }
    match status {
        Ok(status) => status,
        Err(panic) => {
            // The hook has restored the terminal and reported the panic.
            if let Some((_, kept)) = unsent.take() {
                stderr::say(&kept, lang);
            }
            std::panic::resume_unwind(panic)
        }
    }
}
