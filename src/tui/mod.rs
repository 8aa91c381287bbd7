//! The interactive view, in the Elm architecture: [`app::App`] is the model, [`message::Message`]
//! the events, [`update::update`] the only code that changes the model, and [`ui::render`] a
//! view that only reads it. This module's event loop is the one place that touches the terminal,
//! the clipboard and the file system.

pub mod app;
pub mod clipboard;
pub mod details;
pub mod keys;
pub mod message;
pub mod theme;
pub mod ui;
pub mod update;

#[cfg(test)]
mod tests;

use std::io::{self, IsTerminal};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;

use crate::directory::{self, DataError, Source};
use crate::i18n::Lang;
use app::App;
use message::{Command, Message};
use theme::Theme;

/// How long the loop waits for input before it ticks.
const TICK: Duration = Duration::from_millis(250);

/// How many ticks between looks at the data file's modification time (about a second).
const WATCH_TICKS: u64 = 4;

/// Why the interactive view could not run.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    /// Standard input or output is not a terminal.
    #[error(
        "partnerdesk: the interactive view needs a terminal; in scripts use `partnerdesk query TEXT` or `partnerdesk list`"
    )]
    NotATerminal,
    /// The data could not be loaded at start.
    #[error("{0}")]
    Data(#[from] DataError),
    /// The terminal failed.
    #[error("partnerdesk: terminal error: {0}")]
    Terminal(#[from] io::Error),
}

/// Exit statuses for the signals that end the view: 128 + the signal's number.
const SIGNALS: [(i32, u8); 3] =
    [(signal_hook::consts::SIGINT, 130), (signal_hook::consts::SIGTERM, 143), (signal_hook::consts::SIGHUP, 129)];

/// Runs the interactive view until the user quits; returns the exit status.
pub fn run(source: Source, lang: Lang) -> Result<u8, TuiError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let year = crate::clock::current_year();
    let directory = directory::load(&source, year)?;
    let signals: Vec<(Arc<AtomicBool>, u8)> = SIGNALS
        .iter()
        .map(|&(signal, status)| {
            let flag = Arc::new(AtomicBool::new(false));
            let _ = signal_hook::flag::register(signal, Arc::clone(&flag));
            (flag, status)
        })
        .collect();

    // ratatui::init enters raw mode and the alternate screen, and restores both on a panic;
    // our hook in front of its hook also turns mouse reporting off again.
    let mut terminal = ratatui::try_init()?;
    let restore_terminal = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        restore_terminal(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let size = terminal.size()?;
    let mut app = App::new(directory, lang, year, (size.width, size.height));
    app.theme = Theme::from_no_color(std::env::var("NO_COLOR").ok().as_deref());
    let result = event_loop(&mut terminal, &mut app, &source, &signals);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    Ok(result?)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    source: &Source,
    signals: &[(Arc<AtomicBool>, u8)],
) -> io::Result<u8> {
    let mut tick = 0;
    let mut watched = modified(source);
    loop {
        terminal.draw(|frame| ui::render(app, frame))?;
        if let Some((_, status)) = signals.iter().find(|(flag, _)| flag.load(Ordering::Relaxed)) {
            return Ok(*status);
        }
        let message = if event::poll(TICK)? {
            match event::read()? {
                Event::Key(key) => keys::message_for_key(key, app.query.is_empty()),
                Event::Mouse(mouse) => keys::message_for_mouse(mouse),
                Event::Resize(columns, rows) => Some(Message::Resize(columns, rows)),
                _ => None,
            }
        } else {
            tick += 1;
            if tick % WATCH_TICKS == 0 && modified(source) != watched {
                watched = modified(source);
                perform(app, Command::Reload, source);
            }
            Some(Message::Tick(tick))
        };
        if let Some(message) = message
            && let Some(command) = update::update(app, message)
        {
            perform(app, command, source);
        }
        if app.quit {
            return Ok(0);
        }
    }
}

/// Carries out a command and feeds its outcome back through `update`.
fn perform(app: &mut App, command: Command, source: &Source) {
    let outcome = match command {
        Command::Copy(text, what) => Message::Copied(clipboard::copy(&text, what, &mut io::stdout())),
        Command::Reload => Message::Reloaded(
            directory::load(source, app.year).map(Box::new).map_err(|e| e.to_string().replace('\n', "; ")),
        ),
    };
    update::update(app, outcome);
}

/// The data file's modification time and size, to notice edits; `None` for the embedded data.
fn modified(source: &Source) -> Option<(SystemTime, u64)> {
    let Source::File(path) = source else { return None };
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}
