//! What the outside world does to a running view: signals, a terminal that goes away, and an abort.
//!
//! A watcher thread notices them on a timer, not between key presses, so that they are noticed
//! even while the event loop waits or is busy. The event loop asks [`Watch::ending`],
//! [`Watch::take_suspend`] and [`Watch::take_resumed`] on every turn and restores the terminal
//! itself; if it has not ended [`GRACE`] after a signal or a hang-up (stuck in a read of a dead
//! terminal, say), the watcher restores what it can and ends the process with the signal's status.

use std::time::Duration;

use crate::exit::ExitStatus;

/// How long the event loop has to end on its own before the watcher ends the process.
pub const GRACE: Duration = Duration::from_millis(400);

/// How often the watcher looks at signals and the terminal.
pub const PERIOD: Duration = Duration::from_millis(50);

/// Turns off what the view turned on: mouse reporting, the hidden cursor, the alternate screen.
pub const RESTORE: &str = "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l\x1b[?1015l\x1b[?25h\x1b[?1049l";

#[cfg(unix)]
pub use unix::Watch;

#[cfg(not(unix))]
pub use other::Watch;

/// What the operating system answered about standard input, for [`hung_up`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TtyAnswer {
    /// `poll()` reported POLLHUP.
    pub hangup: bool,
    /// `poll()` reported POLLERR.
    pub error: bool,
    /// `poll()` reported POLLNVAL.
    pub invalid: bool,
    /// `tcgetattr()` still reads the terminal's settings (asked only after POLLNVAL).
    pub settings_readable: bool,
}

/// Whether the terminal under the view has gone away, from what the system answered.
///
/// Linux answers POLLHUP for a terminal whose other side closed. macOS's `poll()` "does not
/// support devices" and answers POLLNVAL for every terminal, a live one too (fzf, console-rs,
/// termbox2 and mpv work around the same), so POLLNVAL alone says nothing: a terminal is gone
/// when its settings can no longer be read (a revoked or closed descriptor). A closed window also
/// sends SIGHUP, which the watcher handles first.
pub fn hung_up(answer: TtyAnswer) -> bool {
    if answer.hangup || answer.error {
        return true;
    }
    answer.invalid && !answer.settings_readable
}

#[cfg(unix)]
#[allow(unsafe_code, reason = "the abort handler is registered with signal-hook's unsafe `register`")]
mod unix {
    use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
    use std::sync::{Arc, OnceLock};
    use std::thread;
    use std::time::Instant;

    use rustix::event::{PollFd, PollFlags, poll};
    use rustix::stdio::{stdin, stdout};
    use rustix::termios::{OptionalActions, Termios, tcgetattr, tcsetattr};
    use signal_hook::consts::{SIGABRT, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
    use signal_hook::iterator::Signals;

    use super::{ExitStatus, GRACE, PERIOD, RESTORE};

    /// The terminal's settings before the view changed them, for the abort handler.
    static SAVED: OnceLock<Termios> = OnceLock::new();

    /// Signals and terminal loss, as flags the event loop reads.
    #[derive(Debug, Clone)]
    pub struct Watch {
        shared: Arc<Shared>,
    }

    #[derive(Debug, Default)]
    struct Shared {
        /// The exit status a signal or a hang-up asks for; 0 while none has.
        ending: AtomicU8,
        suspend: AtomicBool,
        resumed: AtomicBool,
    }

    impl Watch {
        /// Saves the terminal's settings, installs the handlers and starts the watcher thread.
        pub fn start() -> std::io::Result<Watch> {
            if let Ok(termios) = tcgetattr(stdin()) {
                let _ = SAVED.set(termios);
            }
            // SAFETY: the handler only makes async-signal-safe system calls (write, tcsetattr)
            // and reads a value that was set before it was registered.
            unsafe {
                signal_hook::low_level::register(SIGABRT, restore_raw)?;
            }
            let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT])?;
            let shared = Arc::new(Shared::default());
            let watched = Arc::clone(&shared);
            thread::Builder::new().name("watch".into()).spawn(move || {
                let mut since: Option<Instant> = None;
                loop {
                    for signal in signals.pending() {
                        let status = match signal {
                            SIGTSTP => {
                                watched.suspend.store(true, Ordering::SeqCst);
                                continue;
                            }
                            SIGCONT => {
                                watched.resumed.store(true, Ordering::SeqCst);
                                continue;
                            }
                            SIGHUP => ExitStatus::Hangup,
                            SIGINT => ExitStatus::Interrupted,
                            SIGQUIT => ExitStatus::Quit,
                            _ => ExitStatus::Terminated,
                        };
                        let _ = watched.ending.compare_exchange(0, status.code(), Ordering::SeqCst, Ordering::SeqCst);
                    }
                    if terminal_hung_up() {
                        let code = ExitStatus::Hangup.code();
                        let _ = watched.ending.compare_exchange(0, code, Ordering::SeqCst, Ordering::SeqCst);
                    }
                    let ending = watched.ending.load(Ordering::SeqCst);
                    if ending != 0 {
                        let started = *since.get_or_insert_with(Instant::now);
                        if started.elapsed() >= GRACE {
                            // The event loop did not end in time: do its work and end here.
                            restore_raw();
                            std::process::exit(i32::from(ending));
                        }
                    }
                    thread::sleep(PERIOD);
                }
            })?;
            Ok(Watch { shared })
        }

        /// The status to end with, once a signal or a hang-up asked for it.
        pub fn ending(&self) -> Option<ExitStatus> {
            let code = self.shared.ending.load(Ordering::SeqCst);
            [ExitStatus::Hangup, ExitStatus::Interrupted, ExitStatus::Quit, ExitStatus::Terminated]
                .into_iter()
                .find(|s| s.code() == code)
        }

        /// True once after SIGTSTP (`kill -TSTP`): the view should step aside and stop.
        pub fn take_suspend(&self) -> bool {
            self.shared.suspend.swap(false, Ordering::SeqCst)
        }

        /// True once after SIGCONT: the view should take the terminal back and repaint.
        pub fn take_resumed(&self) -> bool {
            self.shared.resumed.swap(false, Ordering::SeqCst)
        }

        /// Stops the process as SIGTSTP would have by default; returns when it is continued.
        pub fn stop_process(&self) {
            let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
        }
    }

    /// True when standard input is a terminal that has hung up (its window closed, its SSH
    /// session dropped). Such a terminal reads as empty forever, and crossterm would spin on it.
    pub fn terminal_hung_up() -> bool {
        let input = stdin();
        let mut fds = [PollFd::new(&input, PollFlags::empty())];
        let no_wait = rustix::event::Timespec { tv_sec: 0, tv_nsec: 0 };
        if !matches!(poll(&mut fds, Some(&no_wait)), Ok(n) if n > 0) {
            return false;
        }
        let flags = fds[0].revents();
        let invalid = flags.contains(PollFlags::NVAL);
        super::hung_up(super::TtyAnswer {
            hangup: flags.contains(PollFlags::HUP),
            error: flags.contains(PollFlags::ERR),
            invalid,
            settings_readable: invalid && tcgetattr(input).is_ok(),
        })
    }

    /// Writes [`RESTORE`] and puts the saved terminal settings back, with async-signal-safe calls
    /// only, so that it may run in a signal handler and beside a busy event loop.
    fn restore_raw() {
        let _ = rustix::io::write(stdout(), RESTORE.as_bytes());
        if let Some(termios) = SAVED.get() {
            let _ = tcsetattr(stdin(), OptionalActions::Now, termios);
        }
    }
}

#[cfg(not(unix))]
mod other {
    use super::ExitStatus;

    /// On Windows, Ctrl-C arrives as a key in raw mode and closing the console ends the process;
    /// there is nothing to watch, and no job control to suspend to.
    #[derive(Debug, Clone)]
    pub struct Watch;

    impl Watch {
        /// Nothing to start.
        pub fn start() -> std::io::Result<Watch> {
            Ok(Watch)
        }

        /// Never asked to end from outside.
        pub fn ending(&self) -> Option<ExitStatus> {
            None
        }

        /// Never asked to suspend.
        pub fn take_suspend(&self) -> bool {
            false
        }

        /// Never resumed.
        pub fn take_resumed(&self) -> bool {
            false
        }

        /// No job control: nothing to stop.
        pub fn stop_process(&self) {}
    }
}

/// True when the terminal under the view has gone away.
pub fn terminal_hung_up() -> bool {
    #[cfg(unix)]
    return unix::terminal_hung_up();
    #[cfg(not(unix))]
    return false;
}

#[cfg(test)]
mod tests {
    use super::{TtyAnswer, hung_up};

    #[test]
    fn a_live_terminal_on_macos_is_not_a_hang_up() {
        // What macOS answers for every terminal device: POLLNVAL, settings still readable.
        let live = TtyAnswer { invalid: true, settings_readable: true, ..TtyAnswer::default() };
        assert!(!hung_up(live));
        // Its window closed: the descriptor is revoked, its settings unreadable.
        let gone = TtyAnswer { invalid: true, settings_readable: false, ..TtyAnswer::default() };
        assert!(hung_up(gone));
    }

    #[test]
    fn linux_answers_decide_as_they_say() {
        assert!(!hung_up(TtyAnswer::default()), "nothing to report");
        assert!(hung_up(TtyAnswer { hangup: true, ..TtyAnswer::default() }));
        assert!(hung_up(TtyAnswer { error: true, ..TtyAnswer::default() }));
        // A closed descriptor: POLLNVAL and no settings.
        assert!(hung_up(TtyAnswer { invalid: true, ..TtyAnswer::default() }));
    }
}
