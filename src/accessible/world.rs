//! The one seam between the dialogue and the outside world: the clipboard, the programs that take
//! `tel:` and `mailto:` links, and where a phone message goes. The dialogue hands over the same
//! [`Command`]s as the view's `update` returns, and gets back the same messages.

use std::io::{self, Write};

use crate::tui::message::{Command, Copied, Message};
use crate::tui::{clipboard, open};

/// Carries out the commands of `update` for the dialogue.
pub trait World {
    /// Does what `command` asks and returns its outcome, as the message `update` takes; `None`
    /// for what means nothing without a screen (a repaint, a reload, a suspend).
    fn perform(&mut self, command: Command) -> Option<Message>;
}

/// The real world: the platform's clipboard and the system's link handlers, as the view uses
/// them, but never a terminal escape sequence (OSC 52): only whole lines reach the screen reader.
#[derive(Debug, Default)]
pub struct System;

impl World for System {
    fn perform(&mut self, command: Command) -> Option<Message> {
        Some(match command {
            Command::Copy(text, what) => Message::Copied(clipboard::copy(&text, what, &mut NoTerminal)),
            Command::Open { uri, what, label, fallback: (text, copied) } => {
                let outcome = open::outcome(open::open(&uri), || clipboard::copy(&text, copied, &mut NoTerminal));
                Message::Opened { what, label, outcome }
            }
            Command::SendNote { uri, text } => {
                let mail = open::open(&uri);
                // A phone message is copied in any case, so that it can be pasted anywhere.
                let copy = clipboard::copy(&text, Copied::Note, &mut NoTerminal);
                Message::NoteSent { mail, copy }
            }
            Command::Reload | Command::Redraw | Command::Suspend => return None,
        })
    }
}

/// Where the view would write OSC 52: here it refuses, so that a copy without the platform's
/// clipboard is reported as failed (and its text read out) rather than sent as an escape sequence.
struct NoTerminal;

impl Write for NoTerminal {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::other("no escape sequences in the line-by-line dialogue"))
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
