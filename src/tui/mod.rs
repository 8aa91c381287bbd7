//! The interactive view, in the Elm architecture: [`app::App`] is the model, [`message::Message`]
//! the events, [`update::update`] the only code that changes the model, and [`ui::render`] a
//! view that only reads it. This module's event loop is the one place that touches the terminal,
//! the clipboard and the file system.

pub mod app;
pub mod clipboard;
pub mod details;
pub mod keys;
pub mod layout;
pub mod message;
pub mod text;
pub mod theme;
pub mod ui;
pub mod update;
pub mod watch;

#[cfg(test)]
mod tests;

use std::io::{self, IsTerminal};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant, SystemTime};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::execute;

use crate::directory::{self, DataError, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;
use app::{App, Loaded};
use message::{Command, Message};
use theme::Theme;
use watch::Watch;

/// How often time advances in the model (status messages expire by ticks).
const TICK: Duration = Duration::from_millis(250);

/// The longest the loop waits for input before it looks at signals and the terminal again.
const CHECK: Duration = Duration::from_millis(100);

/// How often the data file's modification time is looked at.
const WATCH_FILE: Duration = Duration::from_secs(1);

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
pub fn run(source: Source, lang: Lang) -> Result<ExitStatus, TuiError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let year = crate::clock::current_year();
    let directory = directory::load(&source, year)?;
    let watch = Watch::start()?;

    let mut terminal = enter()?;
    let size = terminal.size()?;
    let mut app = App::new(directory, lang, year, (size.width, size.height));
    app.theme = Theme::from_no_color(std::env::var("NO_COLOR").ok().as_deref());
    let result = EventLoop::new(&source, watch).run(&mut terminal, &mut app);
    leave();
    // A terminal that went away fails every write: that is a hang-up, not an error to report.
    match result {
        Err(_) if watch::terminal_hung_up() => Ok(ExitStatus::Hangup),
        result => Ok(result?),
    }
}

/// Enters raw mode, the alternate screen and mouse reporting, and makes a panic leave them first.
///
/// Not `ratatui::init`: its restore prints with `eprintln!`, which panics on a terminal that has
/// gone away, and a panic inside the panic hook aborts.
fn enter() -> io::Result<ratatui::DefaultTerminal> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen, EnableMouseCapture)?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Leaves what [`enter`] entered, as far as the terminal still listens; never fails or prints.
fn leave() {
    let _ =
        execute!(io::stdout(), DisableMouseCapture, crossterm::terminal::LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = crossterm::terminal::disable_raw_mode();
}

/// The loop's own state: the clocks, the watched file and a reload under way.
struct EventLoop<'a> {
    source: &'a Source,
    watch: Watch,
    tick: u64,
    next_tick: Instant,
    next_file_check: Instant,
    file_stamp: Option<(SystemTime, u64)>,
    reloads: (Sender<Message>, Receiver<Message>),
    reloading: bool,
}

impl<'a> EventLoop<'a> {
    fn new(source: &'a Source, watch: Watch) -> Self {
        let now = Instant::now();
        EventLoop {
            source,
            watch,
            tick: 0,
            next_tick: now + TICK,
            next_file_check: now + WATCH_FILE,
            file_stamp: modified(source),
            reloads: mpsc::channel(),
            reloading: false,
        }
    }

    fn run(&mut self, terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> io::Result<ExitStatus> {
        loop {
            terminal.draw(|frame| ui::render(app, frame))?;
            // Asked on every turn, and every turn ends within CHECK, whatever the input.
            if let Some(status) = self.watch.ending() {
                return Ok(status);
            }
            if watch::terminal_hung_up() {
                return Ok(ExitStatus::Hangup);
            }
            if self.watch.take_suspend() {
                self.suspend(terminal)?;
            }
            if self.watch.take_resumed() {
                resume(terminal)?;
            }
            let mut messages = Vec::new();
            self.on_schedule(&mut messages, app.lang);
            let wait = self.next_tick.saturating_duration_since(Instant::now()).min(CHECK);
            if event::poll(wait)? {
                match event::read()? {
                    Event::Key(key) => messages.extend(keys::message_for_key(key, app.query.is_empty())),
                    Event::Mouse(mouse) => messages.extend(keys::message_for_mouse(mouse)),
                    Event::Resize(columns, rows) => messages.push(Message::Resize(columns, rows)),
                    _ => {}
                }
            }
            for message in messages {
                if let Some(command) = update::update(app, message) {
                    self.perform(terminal, app, command)?;
                }
            }
            if app.quit {
                return Ok(ExitStatus::Success);
            }
        }
    }

    /// The work that time decides: ticks, a look at the data file, a finished reload.
    fn on_schedule(&mut self, messages: &mut Vec<Message>, lang: Lang) {
        let now = Instant::now();
        if now >= self.next_tick {
            self.tick += 1;
            self.next_tick = now + TICK;
            messages.push(Message::Tick(self.tick));
        }
        if now >= self.next_file_check {
            self.next_file_check = now + WATCH_FILE;
            let stamp = modified(self.source);
            if stamp != self.file_stamp && !self.reloading {
                self.file_stamp = stamp;
                self.start_reload(lang);
            }
        }
        if let Ok(reloaded) = self.reloads.1.try_recv() {
            self.reloading = false;
            messages.push(reloaded);
        }
    }

    /// Loads, validates and indexes the data on another thread, so that keys, ticks and signals
    /// stay live however large or hostile the file is.
    fn start_reload(&mut self, lang: Lang) {
        if self.reloading {
            return;
        }
        self.reloading = true;
        let source = self.source.clone();
        let year = crate::clock::current_year();
        let sender = self.reloads.0.clone();
        std::thread::spawn(move || {
            let loaded = directory::load(&source, year)
                .map(|directory| Box::new(Loaded::new(directory)))
                .map_err(|e| e.in_lang(lang).replace('\n', "; "));
            let _ = sender.send(Message::Reloaded(loaded));
        });
    }

    /// Carries out a command and feeds its outcome back through `update`.
    fn perform(&mut self, terminal: &mut ratatui::DefaultTerminal, app: &mut App, command: Command) -> io::Result<()> {
        let outcome = match command {
            Command::Copy(text, what) => Message::Copied(clipboard::copy(&text, what, &mut io::stdout())),
            Command::Reload => {
                self.file_stamp = modified(self.source);
                self.start_reload(app.lang);
                return Ok(());
            }
            Command::Redraw => return repaint(terminal),
            // Windows has no job control: Ctrl-Z does nothing there.
            Command::Suspend if cfg!(unix) => return self.suspend(terminal),
            Command::Suspend => return Ok(()),
        };
        if let Some(command) = update::update(app, outcome) {
            self.perform(terminal, app, command)?;
        }
        Ok(())
    }

    /// Like `less`: hands the terminal back to the shell, stops, and on `fg` takes it again and
    /// repaints everything.
    fn suspend(&mut self, terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
        leave();
        self.watch.stop_process();
        // The shell may have drawn on the screen meanwhile; SIGCONT needs no second repaint.
        let _ = self.watch.take_resumed();
        resume(terminal)
    }
}

/// Takes the terminal again after a stop and repaints every cell.
fn resume(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen, EnableMouseCapture)?;
    repaint(terminal)
}

/// Makes the next draw paint every cell: clears the screen, then draws a blank frame, so that
/// ratatui's diff against it covers the whole screen. (`Terminal::clear` would first ask the
/// terminal where its cursor is, a round trip that some terminals never answer.)
fn repaint(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    execute!(io::stdout(), crossterm::terminal::Clear(crossterm::terminal::ClearType::All))?;
    terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    Ok(())
}

/// The data file's modification time and size, to notice edits; `None` for the embedded data.
fn modified(source: &Source) -> Option<(SystemTime, u64)> {
    let Source::File(path) = source else { return None };
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}
