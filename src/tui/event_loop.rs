//! The event loop: the one place that reads the keyboard, keeps time, watches the data file and
//! carries out the commands `update` returns. It runs from the first frame, while the data
//! loads, to the end: loading and ready are two states of its [`Screen`].

use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant, SystemTime};

use crossterm::event::{self, Event};

use super::TuiError;
use super::app::App;
use super::message::{Command, Copied, CopyOutcome, JournalState, Message};
use super::terminal::{leave, repaint, resume, set_mouse};
use super::update::Screen;
use super::watch::{self, Watch};
use super::{clipboard, keys, ui, update};
use crate::actions::PhoneMessage;
use crate::cache;
use crate::directory::{DataError, Source};
use crate::exit::ExitStatus;
use crate::handover::{self, Outcome};
use crate::i18n::Lang;
use crate::notes::{Delivery, Entry, Journal};

/// How often time advances in the model (status messages expire by ticks).
const TICK: Duration = Duration::from_millis(250);

/// The longest the loop waits for input before it looks at signals and the terminal again.
const CHECK: Duration = Duration::from_millis(100);

/// How often the data file's modification time is looked at.
const WATCH_FILE: Duration = Duration::from_secs(1);

/// How often the loop looks for the data at start while it waits for keys.
const LOADING_CHECK: Duration = Duration::from_millis(5);

/// The loop's own state: the clocks, the data loading at start, the watched file and a reload
/// under way.
pub struct EventLoop<'a> {
    source: &'a Source,
    cache: cache::Use,
    watch: Watch,
    tick: u64,
    next_tick: Instant,
    next_file_check: Instant,
    file_stamp: Option<Stamp>,
    mouse: bool,
    /// The data loading at start, until it arrives.
    loading: Option<Receiver<Started>>,
    /// A finished reload, with the data file's stamp from before it was read.
    reloads: Channel<(Option<Stamp>, Message)>,
    reloading: bool,
    /// How many reloads were started: a look at the file from before the last one is stale.
    reload_round: u64,
    /// A look at the data file, made on a worker, with the reload round it was made in.
    looks: Channel<(u64, Option<Stamp>)>,
    /// True while a look at the data file has not answered.
    looking: bool,
    journal: Option<Journal>,
    /// Why the journal cannot be used or pruned, told to the app once it is there.
    journal_problem: Option<String>,
    work: (Sender<Done>, Receiver<Done>),
}

/// A worker's way back to the loop.
type Channel<T> = (Sender<T>, Receiver<T>);

/// What the loading thread hands over at start: the data file's stamp before it was read, and
/// the app over the data.
type Started = (Option<Stamp>, Result<App, DataError>);

/// What a worker hands back to the loop.
enum Done {
    /// A message for `update`.
    Message(Box<Message>),
    /// How the platform's clipboard tools took a text; the loop adds OSC 52 where it is still
    /// to be sent (only the loop writes to the terminal) and makes the message.
    Copy {
        /// What was copied.
        what: Copied,
        /// How the tools did.
        outcome: Outcome,
        /// True when OSC 52 was sent before the tools were tried.
        osc52_sent: bool,
        /// The text, when OSC 52 is the fallback still to send.
        osc52_fallback: Option<String>,
    },
}

impl<'a> EventLoop<'a> {
    /// A loop over `source`'s data, which `open` loads on another thread into the app to show:
    /// the loop draws the first frame and takes keys meanwhile. That thread looks at the data
    /// file first, so that an edit made while it loads is picked up once it is there, and so that
    /// a share that does not answer holds up only that thread.
    pub fn new(
        source: &'a Source,
        watch: Watch,
        cache: cache::Use,
        open: impl FnOnce() -> Result<App, DataError> + Send + 'static,
    ) -> Self {
        let now = Instant::now();
        let (sender, receiver) = mpsc::channel();
        let file = source.clone();
        // A panic there ends the thread without a result: `take_loaded` reports it.
        std::thread::spawn(move || {
            let stamp = stamp(&file);
            let _ = sender.send((stamp, open()));
        });
        EventLoop {
            source,
            cache,
            watch,
            tick: 0,
            next_tick: now + TICK,
            next_file_check: now + WATCH_FILE,
            file_stamp: None,
            mouse: true,
            loading: Some(receiver),
            reloads: mpsc::channel(),
            reloading: false,
            reload_round: 0,
            looks: mpsc::channel(),
            looking: false,
            journal: None,
            journal_problem: None,
            work: mpsc::channel(),
        }
    }

    /// Phone messages go to `journal` (none: the journal could not be found, and every note says
    /// it was not saved); `problem` says why it cannot be used or pruned.
    pub fn with_journal(self, journal: Option<Journal>, problem: Option<String>) -> Self {
        EventLoop { journal, journal_problem: problem, ..self }
    }

    /// Runs the view, loading and then ready, until the user quits or a signal ends it.
    pub fn run(
        &mut self,
        terminal: &mut ratatui::DefaultTerminal,
        screen: &mut Screen,
    ) -> Result<ExitStatus, TuiError> {
        loop {
            if screen.wants_mouse() != self.mouse {
                self.mouse = screen.wants_mouse();
                set_mouse(self.mouse)?;
            }
            terminal.draw(|frame| ui::render_screen(screen, frame))?;
            // Asked on every turn, and every turn ends within CHECK, whatever the input.
            if let Some(status) = self.watch.ending() {
                return Ok(status);
            }
            if watch::terminal_hung_up() {
                return Ok(ExitStatus::Hangup);
            }
            if self.watch.take_suspend() {
                self.suspend(terminal)?;
                self.mouse = true;
            }
            if self.watch.take_resumed() {
                resume(terminal)?;
                self.mouse = true;
            }
            let mut messages = Vec::new();
            self.take_loaded(&mut messages)?;
            self.on_schedule(&mut messages, screen.lang());
            // While the data loads, the loop looks for it more often than for the clock. What is
            // already there (the data, a tick) is handled before waiting for keys: the data's
            // arrival would otherwise wait for a key or the next check.
            let most = if self.loading.is_some() { LOADING_CHECK } else { CHECK };
            let wait = if messages.is_empty() {
                self.next_tick.saturating_duration_since(Instant::now()).min(most)
            } else {
                Duration::ZERO
            };
            if event::poll(wait)? {
                // A key means what the screen showed when it was typed.
                match event::read()? {
                    Event::Key(key) => {
                        messages.extend(keys::message_for_key(key, screen.mode(), screen.query_is_empty()));
                    }
                    Event::Mouse(mouse) => messages.extend(keys::message_for_mouse(mouse)),
                    Event::Paste(text) => messages.push(Message::Paste(text)),
                    Event::Resize(columns, rows) => messages.push(Message::Resize(columns, rows)),
                    _ => {}
                }
            }
            for message in messages {
                // Commands come from the app: the loading screen has none to give, and the
                // app's first (reading the journal) comes once it is there.
                if let Some(command) = update::update_screen(screen, message)
                    && let Screen::Ready(app) = screen
                {
                    self.perform(terminal, app, command)?;
                }
            }
            if screen.quit() {
                return Ok(ExitStatus::Success);
            }
        }
    }

    /// The app over the data asked for at start, once the loading thread has it, and then what
    /// is wrong with the journal. A data file that cannot be used has given way to its last good
    /// copy or the embedded data: only a failure of those ends the view.
    fn take_loaded(&mut self, messages: &mut Vec<Message>) -> Result<(), TuiError> {
        let Some(loading) = &self.loading else { return Ok(()) };
        let app = match loading.try_recv() {
            Ok((stamp, loaded)) => {
                self.file_stamp = stamp;
                loaded?
            }
            Err(mpsc::TryRecvError::Empty) => return Ok(()),
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(TuiError::LoadingLost);
            }
        };
        self.loading = None;
        messages.push(Message::Loaded(Box::new(app)));
        messages.extend(self.journal_problem.take().map(|problem| Message::Journal(Err(problem))));
        Ok(())
    }

    /// The work that time decides: ticks, a look at the data file, a finished reload.
    fn on_schedule(&mut self, messages: &mut Vec<Message>, lang: Lang) {
        let now = Instant::now();
        if now >= self.next_tick {
            self.tick += 1;
            self.next_tick = now + TICK;
            messages.push(Message::Tick(self.tick));
            messages.push(Message::Now(crate::clock::local_date_time(lang)));
            messages.push(Message::Today(crate::clock::today()));
        }
        // The file is looked at on a worker, so that a share that does not answer holds up only
        // that look (the next waits for it), and compared with what was loaded once that is there.
        let watched = matches!(self.source, Source::File(_));
        if watched && now >= self.next_file_check && self.loading.is_none() && !self.looking {
            self.next_file_check = now + WATCH_FILE;
            self.looking = true;
            let (file, sender, round) = (self.source.clone(), self.looks.0.clone(), self.reload_round);
            std::thread::spawn(move || {
                let _ = sender.send((round, stamp(&file)));
            });
        }
        if let Ok((round, stamp)) = self.looks.1.try_recv() {
            self.looking = false;
            // A look from before the last reload began is compared with nothing it saw.
            if round == self.reload_round && stamp != self.file_stamp && !self.reloading {
                self.start_reload(lang);
            }
        }
        if let Ok((stamp, reloaded)) = self.reloads.1.try_recv() {
            self.reloading = false;
            self.file_stamp = stamp;
            messages.push(reloaded);
        }
        while let Ok(done) = self.work.1.try_recv() {
            messages.push(finish(done));
        }
    }

    /// Runs `job` on a worker thread: the view keeps drawing and taking keys meanwhile.
    fn spawn(&self, job: impl FnOnce(&Sender<Done>) + Send + 'static) {
        let sender = self.work.0.clone();
        std::thread::spawn(move || job(&sender));
    }

    /// Writes a note to the journal before anything is done with it (write ahead): with `id`, as
    /// a new state of that note, keeping when it was first written.
    fn write_ahead(
        &self,
        app: &App,
        message: &PhoneMessage,
        email: &str,
        id: Option<String>,
        delivery: Delivery,
    ) -> Result<Entry, String> {
        let entry = app.journal_entry(message, email, id.as_deref(), delivery);
        let Some(journal) = &self.journal else {
            return Err(crate::i18n::journal_error(&crate::notes::JournalError::NoFolder).get(app.lang).to_string());
        };
        journal.append(&entry).map_err(|e| crate::i18n::journal_error(&e).get(app.lang).to_string())?;
        Ok(entry)
    }

    /// Copies `text`: OSC 52 first where the terminal may take it, then the platform's tools on
    /// a worker; a note in the journal is marked as copied by the tool that took it.
    fn copy(&self, text: String, what: Copied, note: Option<Entry>, lang: Lang) {
        // The old Windows console host shows OSC 52 as text: there it is only the fallback.
        let osc52_first = !cfg!(windows);
        let osc52_sent = osc52_first && clipboard::send_osc52(&text, &mut io::stdout());
        let journal = self.journal.clone();
        self.spawn(move |done| {
            let outcome = handover::copy(&text, handover::TIMEOUT);
            // A note a mail program took stays delivered, however often it is copied later.
            let note = note.filter(|entry| !entry.delivery.delivered());
            if let (Outcome::Done { program }, Some(entry), Some(journal)) = (&outcome, &note, &journal) {
                let _ = journal.update(entry, Delivery::Copied { tool: program.clone() });
                let _ = done.send(Done::Message(Box::new(journal_state(journal, lang))));
            }
            let osc52_fallback = (!osc52_first).then_some(text);
            let _ = done.send(Done::Copy { what, outcome, osc52_sent, osc52_fallback });
        });
    }

    /// Loads, validates and indexes the data on another thread, so that keys, ticks and signals
    /// stay live however large or hostile the file is, or however slow its share. The file's
    /// stamp is taken there first: an edit made while it loads is picked up by the next look.
    fn start_reload(&mut self, lang: Lang) {
        if self.reloading {
            return;
        }
        self.reloading = true;
        self.reload_round += 1;
        let (source, cache) = (self.source.clone(), self.cache);
        let year = crate::clock::current_year();
        let sender = self.reloads.0.clone();
        std::thread::spawn(move || {
            let stamp = stamp(&source);
            let _ = sender.send((stamp, reload(|| cache::load(&source, year, cache), lang)));
        });
    }

    /// Carries out a command and feeds its outcome back through `update`.
    fn perform(&mut self, terminal: &mut ratatui::DefaultTerminal, app: &mut App, command: Command) -> io::Result<()> {
        let outcome = match command {
            Command::Copy(text, what) => {
                self.copy(text, what, None, app.lang);
                return Ok(());
            }
            Command::Open { uri, what, label, fallback } => {
                self.spawn(move |done| {
                    let outcome = handover::open(&uri, handover::TIMEOUT);
                    let _ = done.send(Done::Message(Box::new(Message::Opened { what, label, outcome, fallback })));
                });
                return Ok(());
            }
            Command::SendNote { message, email, id, uri, form } => {
                let saved = self.write_ahead(app, &message, &email, id.clone(), Delivery::Sending);
                let entry = saved.clone().unwrap_or_else(|_| Entry::new(&message, &email, Delivery::Sending));
                let journal = self.journal.clone().filter(|_| saved.is_ok());
                let lang = app.lang;
                if let (Ok(_), Some(journal)) = (&saved, &self.journal) {
                    update::update(app, journal_state(journal, app.lang));
                }
                update::update(app, Message::NoteSaved { saved, form });
                self.spawn(move |done| {
                    let mail = handover::open(&uri, handover::TIMEOUT);
                    if let Some(journal) = &journal {
                        let delivery = match &mail {
                            Outcome::Done { program } => Delivery::Mailed { program: program.clone() },
                            _ => Delivery::NotDelivered { mail: mail.clone() },
                        };
                        let _ = journal.update(&entry, delivery);
                        let _ = done.send(Done::Message(Box::new(journal_state(journal, lang))));
                    }
                    let _ = done.send(Done::Message(Box::new(Message::NoteSent { entry, mail, form })));
                });
                return Ok(());
            }
            Command::CopyNote { message, email, id, write_ahead, text } => {
                let entry = if write_ahead || id.is_none() {
                    let saved = self.write_ahead(app, &message, &email, id, Delivery::Draft);
                    if let Some(journal) = &self.journal {
                        update::update(app, journal_state(journal, app.lang));
                    }
                    update::update(app, Message::NoteSaved { saved: saved.clone(), form: true });
                    saved.ok()
                } else {
                    let id = id.unwrap_or_default();
                    app.journal.entries.iter().find(|e| e.id == id).cloned()
                };
                self.copy(text, Copied::Note, entry, app.lang);
                return Ok(());
            }
            Command::ReadJournal => match &self.journal {
                Some(journal) => journal_state(journal, app.lang),
                None => return Ok(()),
            },
            Command::Reload if self.reloading => Message::ReloadBusy,
            Command::Reload => {
                self.start_reload(app.lang);
                return Ok(());
            }
            Command::Redraw => return repaint(terminal),
            // Windows has no job control: Ctrl-Z does nothing there.
            Command::Suspend if cfg!(unix) => {
                self.suspend(terminal)?;
                self.mouse = true;
                return Ok(());
            }
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

/// Turns a worker's report into a message, sending OSC 52 where the platform's clipboard did not
/// take the text and the terminal has not had it yet.
fn finish(done: Done) -> Message {
    match done {
        Done::Message(message) => *message,
        Done::Copy { what, outcome: Outcome::Done { program }, .. } => {
            Message::Copied(CopyOutcome::Native(what, program))
        }
        Done::Copy { what, osc52_sent, osc52_fallback, .. } => {
            let sent = osc52_sent || osc52_fallback.is_some_and(|text| clipboard::send_osc52(&text, &mut io::stdout()));
            Message::Copied(if sent { CopyOutcome::TerminalOnly(what) } else { CopyOutcome::Failed })
        }
    }
}

/// The journal as it is now, for the notes list and the footer's count.
fn journal_state(journal: &Journal, lang: Lang) -> Message {
    Message::Journal(
        journal
            .read()
            .map(|read| JournalState {
                undelivered_today: read.undelivered_of_day(crate::clock::now()),
                entries: read.entries,
            })
            .map_err(|e| crate::i18n::journal_error(&e).get(lang).to_string()),
    )
}

/// Runs a reload and turns its outcome into a message. A panic in it becomes a failed reload with
/// a warning in the footer, not a lost thread: the view keeps its data, and the next edit or
/// Ctrl-R reloads again.
pub fn reload(load: impl FnOnce() -> Result<cache::Indexed, crate::directory::DataError>, lang: Lang) -> Message {
    let loaded = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(load)) {
        Ok(loaded) => loaded.map(Box::new).map_err(|e| e.in_lang(lang).replace('\n', "; ")),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(crate::i18n::internal_error(&what).get(lang).to_string())
        }
    };
    Message::Reloaded(loaded)
}

/// What identifies a data file's version: its size and modification time, on Unix its inode
/// and change time too, and while it is small a hash of its bytes, so that an edit that keeps
/// size and modification time is still noticed. `None` for the embedded data and a missing file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    size: u64,
    #[cfg(unix)]
    inode: (u64, i64, i64),
    hash: Option<u64>,
}

/// Files up to this size are hashed on every look (a millisecond at most).
const HASHED: u64 = 1 << 20;

fn stamp(source: &Source) -> Option<Stamp> {
    let Source::File(path) = source else { return None };
    let meta = std::fs::metadata(path).ok()?;
    // Only a regular file is read: a FIFO would hold this look until someone writes to it.
    let hash = if meta.is_file() && meta.len() <= HASHED {
        std::fs::read(path).ok().map(|bytes| xxhash_rust::xxh3::xxh3_64(&bytes))
    } else {
        None
    };
    #[cfg(unix)]
    let inode = {
        use std::os::unix::fs::MetadataExt;
        (meta.ino(), meta.ctime(), meta.ctime_nsec())
    };
    Some(Stamp {
        modified: meta.modified().ok(),
        size: meta.len(),
        #[cfg(unix)]
        inode,
        hash,
    })
}
