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
pub mod open;
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

use crate::cache;
use crate::directory::{DataError, Source};
use crate::exit::ExitStatus;
use crate::i18n::Lang;
use app::App;
use message::{Command, Message};
use theme::Theme;
use watch::Watch;

/// How often time advances in the model (status messages expire by ticks).
const TICK: Duration = Duration::from_millis(250);

/// The longest the loop waits for input before it looks at signals and the terminal again.
const CHECK: Duration = Duration::from_millis(100);

/// How often the loading screen looks for the data while it waits for keys.
const LOADING_CHECK: Duration = Duration::from_millis(20);

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
    cache: cache::Use,
    watch: Watch,
    tick: u64,
    next_tick: Instant,
    next_file_check: Instant,
    file_stamp: Option<(SystemTime, u64)>,
    reloads: (Sender<Message>, Receiver<Message>),
    reloading: bool,
}

impl<'a> EventLoop<'a> {
    fn new(source: &'a Source, watch: Watch, cache: cache::Use) -> Self {
        let now = Instant::now();
        EventLoop {
            source,
            cache,
            watch,
            tick: 0,
            next_tick: now + TICK,
            next_file_check: now + WATCH_FILE,
            file_stamp: modified(source),
            reloads: mpsc::channel(),
            reloading: false,
        }
    }

    fn run(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        app: &mut App,
        typed: Vec<Message>,
    ) -> io::Result<ExitStatus> {
        // What was typed while the data loaded, in order, as if it were typed now.
        update::update(app, Message::Now(local_time()));
        for message in typed {
            if let Some(command) = update::update(app, message) {
                self.perform(terminal, app, command)?;
            }
        }
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
                    Event::Key(key) if app.note.is_some() => messages.extend(keys::message_for_form_key(key)),
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
            messages.push(Message::Now(local_time()));
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
        let (source, cache) = (self.source.clone(), self.cache);
        let year = crate::clock::current_year();
        let sender = self.reloads.0.clone();
        std::thread::spawn(move || {
            let loaded =
                cache::load(&source, year, cache).map(Box::new).map_err(|e| e.in_lang(lang).replace('\n', "; "));
            let _ = sender.send(Message::Reloaded(loaded));
        });
    }

    /// Carries out a command and feeds its outcome back through `update`.
    fn perform(&mut self, terminal: &mut ratatui::DefaultTerminal, app: &mut App, command: Command) -> io::Result<()> {
        let outcome = match command {
            Command::Copy(text, what) => Message::Copied(clipboard::copy(&text, what, &mut io::stdout())),
            Command::Open { uri, what, label, fallback: (text, copied) } => {
                let handed = open::open(&uri);
                // A phone message is copied in any case, so that it can be pasted anywhere.
                if what == message::Opened::Note && handed == open::Handed::Taken {
                    let copy = clipboard::copy(&text, copied, &mut io::stdout());
                    update::update(app, Message::Copied(copy));
                }
                let outcome = open::outcome(handed, || clipboard::copy(&text, copied, &mut io::stdout()));
                Message::Opened { what, label, outcome }
            }
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

/// The local date and time for a phone message: `26.11.2026 14:05`.
fn local_time() -> String {
    chrono::Local::now().format("%d.%m.%Y %H:%M").to_string()
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
