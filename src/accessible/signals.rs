//! Signals while the line editor holds the terminal in raw mode: a SIGTERM, SIGHUP, SIGQUIT or a
//! SIGINT sent from outside would otherwise end the process with the terminal left raw (no echo,
//! no line editing in the shell). Here they put the terminal's settings back first and end with
//! 128 + the signal's number. While a line is being read the line editor takes SIGINT itself, as
//! it takes Ctrl-C: it restores the terminal and the dialogue ends as after Ctrl-C, with 0. Ctrl-Z
//! stays the line editor's too: it steps aside and stops.

/// Saves the terminal's settings and starts a thread that restores them on a signal and ends
/// the process with the signal's status.
#[cfg(unix)]
pub fn restore_on_signals() -> std::io::Result<()> {
    use rustix::stdio::stdin;
    use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

    use crate::exit::ExitStatus;

    let saved = tcgetattr(stdin()).ok();
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGINT, SIGQUIT, SIGTERM])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            if let Some(saved) = &saved {
                let _ = tcsetattr(stdin(), OptionalActions::Now, saved);
            }
            let status = match signal {
                SIGHUP => ExitStatus::Hangup,
                SIGINT => ExitStatus::Interrupted,
                SIGQUIT => ExitStatus::Quit,
                _ => ExitStatus::Terminated,
            };
            std::process::exit(i32::from(status.code()));
        }
    })?;
    Ok(())
}

/// On Windows the console ends the process itself and restores its own mode; Ctrl-C reaches the
/// line editor as a key.
#[cfg(not(unix))]
pub fn restore_on_signals() -> std::io::Result<()> {
    Ok(())
}
