//! The interactive view, in the Elm architecture: [`app::App`] is the model, [`message::Message`]
//! the events, [`update::update`] the only code that changes the model, and [`ui::render`] a
//! view that only reads it. [`event_loop`] (with [`terminal`]) is the one place that touches the terminal,
//! the clipboard and the file system.

pub mod app;
pub mod clipboard;
pub mod details;
mod event_loop;
pub mod keys;
pub mod layout;
pub mod message;
pub mod open;
mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
pub mod update;
pub mod watch;

#[cfg(test)]
mod tests;

use std::io::{self, IsTerminal};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use crossterm::event::{self, Event};

use crate::cache;
use crate::directory::{DataError, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;
use app::App;
use event_loop::EventLoop;
use message::Message;
use terminal::{enter, leave};
use theme::Theme;
use watch::Watch;

/// How often the loading screen looks for the data while it waits for keys.
const LOADING_CHECK: Duration = Duration::from_millis(20);
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

/// Runs the interactive view until the user quits; returns the exit status.
///
/// The frame is drawn at once; the data is loaded, validated and indexed on another thread
/// meanwhile, and what the user types before it is ready is kept and applied to it.
pub fn run(source: Source, lang: Lang, cache: cache::Use) -> Result<ExitStatus, TuiError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let year = crate::clock::current_year();
    let watch = Watch::start()?;
    let loading = {
        let (sender, receiver) = mpsc::channel();
        let source = source.clone();
        std::thread::spawn(move || {
            let _ = sender.send(cache::load(&source, year, cache));
        });
        receiver
    };
    // Never dropped: ratatui's `Drop` shows the cursor and, when that fails on a terminal that is
    // gone, reports it with `eprintln!`, which panics on a dead standard error. `leave` restores.
    let mut terminal = std::mem::ManuallyDrop::new(enter()?);
    let result = session(&mut terminal, &source, lang, year, cache, watch, &loading);
    leave();
    // A terminal that went away fails every write: that is a hang-up, not an error to report.
    match result {
        Err(TuiError::Terminal(_)) if watch::terminal_hung_up() => Ok(ExitStatus::Hangup),
        result => result,
    }
}

/// The view from its first frame to its end.
fn session(
    terminal: &mut ratatui::DefaultTerminal,
    source: &Source,
    lang: Lang,
    year: i32,
    cache: cache::Use,
    watch: Watch,
    loading: &Receiver<Result<cache::Indexed, DataError>>,
) -> Result<ExitStatus, TuiError> {
    let theme = Theme::from_no_color(std::env::var("NO_COLOR").ok().as_deref());
    let (indexed, typed) = match wait_for_data(terminal, &watch, loading, lang, &theme)? {
        Waited::Ready(indexed, typed) => (indexed, typed),
        Waited::Ended(status) => return Ok(status),
    };
    let size = terminal.size()?;
    let mut app = App::from_loaded(*indexed, lang, year, (size.width, size.height));
    app.theme = theme;
    Ok(EventLoop::new(source, watch, cache).run(terminal, &mut app, typed)?)
}

/// How the wait for the data ended.
enum Waited {
    /// The data is ready; these messages were typed meanwhile.
    Ready(Box<cache::Indexed>, Vec<Message>),
    /// The user quit, or a signal or a hang-up ended the view, before the data was ready.
    Ended(ExitStatus),
}

/// Draws the frame with a note that the data is loading, until it is ready. Keys typed meanwhile
/// are kept (the query is shown as it grows); Ctrl-C, and Esc on an empty query, quit.
fn wait_for_data(
    terminal: &mut ratatui::DefaultTerminal,
    watch: &Watch,
    loading: &Receiver<Result<cache::Indexed, DataError>>,
    lang: Lang,
    theme: &Theme,
) -> Result<Waited, TuiError> {
    let mut typed: Vec<Message> = Vec::new();
    let mut query = String::new();
    loop {
        terminal.draw(|frame| ui::render_loading(frame, lang, &query, theme))?;
        if let Some(status) = watch.ending() {
            return Ok(Waited::Ended(status));
        }
        if watch::terminal_hung_up() {
            return Ok(Waited::Ended(ExitStatus::Hangup));
        }
        match loading.try_recv() {
            Ok(Ok(indexed)) => return Ok(Waited::Ready(Box::new(indexed), typed)),
            Ok(Err(e)) => return Err(TuiError::Data(e)),
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(TuiError::Terminal(io::Error::other("the loading thread ended without a result")));
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        if !event::poll(LOADING_CHECK)? {
            continue;
        }
        let Event::Key(key) = event::read()? else { continue };
        match keys::message_for_key(key, query.is_empty()) {
            Some(Message::Quit) => return Ok(Waited::Ended(ExitStatus::Success)),
            Some(Message::Escape) if query.is_empty() => return Ok(Waited::Ended(ExitStatus::Success)),
            Some(message) => {
                match &message {
                    Message::Insert(c) => query.push(*c),
                    Message::Backspace => {
                        query.pop();
                    }
                    Message::ClearQuery | Message::Escape => query.clear(),
                    _ => {}
                }
                typed.push(message);
            }
            None => {}
        }
    }
}
