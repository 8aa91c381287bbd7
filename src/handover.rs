//! Handing something to another program and knowing how it went: a `tel:` or `mailto:` link to
//! the system's opener, a text to a clipboard tool. Each program is run with a timeout and its
//! exit status is waited for, so that "handed to the mail program" is said only after the opener
//! said so itself (exit status 0).
//!
//! Nothing here knows a terminal: the interactive view runs these on a worker thread, and any
//! other front end may call them as they are. Every call blocks for at most its timeout per
//! program run (a program still running then is left to finish on its own and reaped).

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How long a program is waited for: long enough for a slow network home folder, short enough
/// that a hanging opener is reported while the desk still has the caller on the line.
pub const TIMEOUT: Duration = Duration::from_secs(5);

/// How running another program ended, as far as it can be known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The program ran and exited with status 0.
    Done {
        /// The program that took it: `xdg-open`, `open`, `xclip`, `Windows`, ….
        program: String,
    },
    /// No program takes it: no handler is registered for the link's scheme, or no clipboard
    /// tool fits this session.
    NoProgram,
    /// The program ended with another status (`None`: it was ended by a signal).
    Exited {
        /// The program.
        program: String,
        /// Its exit status.
        status: Option<i32>,
    },
    /// The program was still running when the timeout ran out; it may yet succeed.
    TimedOut {
        /// The program.
        program: String,
        /// The timeout, in whole seconds.
        seconds: u64,
    },
    /// The program could not be started (not installed, not executable).
    NotStarted {
        /// The program.
        program: String,
        /// The system's reason.
        error: String,
    },
}

impl Outcome {
    /// True only when a program confirmed it took the link or text (exit status 0).
    pub fn is_done(&self) -> bool {
        matches!(self, Outcome::Done { .. })
    }

    /// The program that was run, if one was.
    pub fn program(&self) -> Option<&str> {
        match self {
            Outcome::Done { program }
            | Outcome::Exited { program, .. }
            | Outcome::TimedOut { program, .. }
            | Outcome::NotStarted { program, .. } => Some(program),
            Outcome::NoProgram => None,
        }
    }
}

/// Runs `program` with `args`, feeds it `input` on standard input (or none), and waits at most
/// `timeout` for its exit status. Its output goes nowhere: a terminal view must not be drawn on.
pub fn run(program: &str, args: &[&str], input: Option<&[u8]>, timeout: Duration) -> Outcome {
    let name = program.to_string();
    let spawned = Command::new(program)
        .args(args)
        .stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(error) => return Outcome::NotStarted { program: name, error: error.to_string() },
    };
    if let (Some(input), Some(mut stdin)) = (input, child.stdin.take()) {
        // Written from a thread of its own: a tool that reads nothing must not block the wait.
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
    }
    let (sender, receiver) = mpsc::channel();
    // The waiting thread outlives a timeout and reaps the child whenever it ends.
    std::thread::spawn(move || {
        let _ = sender.send(child.wait());
    });
    match receiver.recv_timeout(timeout) {
        Ok(Ok(status)) if status.success() => Outcome::Done { program: name },
        Ok(Ok(status)) => Outcome::Exited { program: name, status: status.code() },
        Ok(Err(error)) => Outcome::NotStarted { program: name, error: error.to_string() },
        Err(_) => Outcome::TimedOut { program: name, seconds: timeout.as_secs() },
    }
}

/// Hands a `tel:` or `mailto:` link to the system and waits for the opener's verdict: on Linux
/// and the BSDs `xdg-mime` is asked whether a program is registered for the scheme, then
/// `xdg-open` is run; on macOS `open`; on Windows the shell's association (`ShellExecuteW`,
/// which reports a missing association itself).
pub fn open(uri: &str, timeout: Duration) -> Outcome {
    if registered(uri, timeout) == Some(false) {
        return Outcome::NoProgram;
    }
    open_with_system(uri, timeout)
}

/// Whether a program is registered for the link's scheme: `Some(false)` only when `xdg-mime`
/// answered that none is; `None` when nobody could tell (no `xdg-mime`, or it failed or hung).
#[cfg(all(unix, not(target_os = "macos")))]
fn registered(uri: &str, timeout: Duration) -> Option<bool> {
    let (scheme, _) = uri.split_once(':')?;
    let kind = format!("x-scheme-handler/{scheme}");
    let (sender, receiver) = mpsc::channel();
    let spawned = Command::new("xdg-mime")
        .args(["query", "default", &kind])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    std::thread::spawn(move || {
        let _ = sender.send(spawned.wait_with_output());
    });
    let output = receiver.recv_timeout(timeout).ok()?.ok()?;
    // xdg-mime exits 0 with an empty answer, or non-zero, when nothing is registered.
    Some(output.status.success() && !String::from_utf8_lossy(&output.stdout).trim().is_empty())
}

/// macOS's `open` and Windows' shell report a missing handler themselves.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn registered(_: &str, _: Duration) -> Option<bool> {
    None
}

#[cfg(all(unix, not(target_os = "macos")))]
fn open_with_system(uri: &str, timeout: Duration) -> Outcome {
    run("xdg-open", &[uri], None, timeout)
}

#[cfg(target_os = "macos")]
fn open_with_system(uri: &str, timeout: Duration) -> Outcome {
    run("open", &[uri], None, timeout)
}

/// `ShellExecuteW` through the `opener` crate: it returns the shell's verdict, an error when no
/// program is associated with the scheme.
#[cfg(windows)]
fn open_with_system(uri: &str, timeout: Duration) -> Outcome {
    let (sender, receiver) = mpsc::channel();
    let uri = uri.to_string();
    std::thread::spawn(move || {
        let _ = sender.send(opener::open(&uri));
    });
    let program = "Windows".to_string();
    match receiver.recv_timeout(timeout) {
        Ok(Ok(())) => Outcome::Done { program },
        Ok(Err(error)) => Outcome::NotStarted { program, error: error.to_string() },
        Err(_) => Outcome::TimedOut { program, seconds: timeout.as_secs() },
    }
}

/// Puts `text` on the platform's clipboard: the Windows clipboard; `wl-copy` on Wayland, `xclip`
/// or `xsel` on X11; `pbcopy` on macOS, tried in turn. [`Outcome::Done`] names the tool that
/// took it; otherwise the last failure, or [`Outcome::NoProgram`] when no tool fits the session.
pub fn copy(text: &str, timeout: Duration) -> Outcome {
    #[cfg(windows)]
    {
        let _ = timeout;
        match clipboard_win::set_clipboard_string(text) {
            Ok(()) => Outcome::Done { program: "Windows".into() },
            Err(error) => Outcome::NotStarted { program: "Windows".into(), error: error.to_string() },
        }
    }
    #[cfg(not(windows))]
    {
        let set = |name| std::env::var_os(name).is_some_and(|value| !value.is_empty());
        let (wayland, x11) = (set("WAYLAND_DISPLAY"), set("DISPLAY"));
        let tools: &[(&str, &[&str], bool)] = &[
            ("wl-copy", &[], wayland),
            ("xclip", &["-selection", "clipboard"], x11),
            ("xsel", &["--clipboard", "--input"], x11),
            ("pbcopy", &[], cfg!(target_os = "macos")),
        ];
        let mut last = Outcome::NoProgram;
        for (tool, args, _) in tools.iter().filter(|(_, _, usable)| *usable) {
            last = run(tool, args, Some(text.as_bytes()), timeout);
            if last.is_done() {
                break;
            }
        }
        last
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn the_exit_status_decides() {
        assert_eq!(run("true", &[], None, TIMEOUT), Outcome::Done { program: "true".into() });
        assert_eq!(
            run("sh", &["-c", "exit 4"], None, TIMEOUT),
            Outcome::Exited { program: "sh".into(), status: Some(4) }
        );
    }

    #[test]
    fn a_program_that_hangs_is_reported_after_the_timeout() {
        let started = std::time::Instant::now();
        let outcome = run("sleep", &["3"], None, Duration::from_millis(200));
        assert_eq!(outcome, Outcome::TimedOut { program: "sleep".into(), seconds: 0 });
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    #[test]
    fn a_missing_program_is_not_started() {
        let outcome = run("partnerdesk-no-such-tool", &[], None, TIMEOUT);
        assert!(matches!(outcome, Outcome::NotStarted { .. }), "{outcome:?}");
        assert!(!outcome.is_done());
    }

    #[test]
    fn input_reaches_the_program() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("got");
        let script = format!("cat > '{}'", out.display());
        assert!(run("sh", &["-c", &script], Some("Telefonnotiz".as_bytes()), TIMEOUT).is_done());
        assert_eq!(std::fs::read_to_string(out).unwrap(), "Telefonnotiz");
    }
}
