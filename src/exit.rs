//! Exit statuses as a type: the one place that maps what happened to the shell's number.
//!
//! They follow fzf: 0 success, 1 nothing found (or a change not made), 2 bad arguments, bad data or a failed output, and
//! 128 + the signal's number when a signal ended the interactive view.

use std::process::ExitCode;

/// How partnerdesk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// The command did what was asked.
    Success,
    /// `query` found nothing.
    NoMatch,
    /// A change to the data file was not made: someone holds the lock, a colleague saved
    /// meanwhile, or the edit was emptied. Nothing was lost.
    NotChanged,
    /// Bad arguments, bad data, or output that could not be written.
    Error,
    /// The terminal went away (SIGHUP, or a hung-up terminal).
    Hangup,
    /// Ctrl-C from outside the view (SIGINT).
    Interrupted,
    /// SIGQUIT.
    Quit,
    /// SIGTERM.
    Terminated,
}

impl ExitStatus {
    /// The number the shell sees.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::NoMatch | ExitStatus::NotChanged => 1,
            ExitStatus::Error => 2,
            ExitStatus::Hangup => 129,
            ExitStatus::Interrupted => 130,
            ExitStatus::Quit => 131,
            ExitStatus::Terminated => 143,
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        ExitCode::from(status.code())
    }
}

#[cfg(test)]
mod tests {
    use super::ExitStatus;

    #[test]
    fn signal_statuses_are_128_plus_the_signal() {
        assert_eq!(ExitStatus::Hangup.code(), 128 + 1);
        assert_eq!(ExitStatus::Interrupted.code(), 128 + 2);
        assert_eq!(ExitStatus::Quit.code(), 128 + 3);
        assert_eq!(ExitStatus::Terminated.code(), 128 + 15);
    }
}
