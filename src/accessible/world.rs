//! The one seam between the dialogue and the outside world: the clipboard, the programs that take
//! `tel:` and `mailto:` links, and the journal where a phone message is kept before it is sent.
//! Copies and links come as the view's [`Command`]s and go back as the view's messages; the work
//! is done by [`crate::handover`] (each program waited for, with a timeout) and
//! [`crate::notes`] (written ahead, then the hand-over, then its outcome).

use crate::actions::PhoneMessage;
use crate::handover::{self, Outcome};
use crate::i18n::{Bilingual, Lang};
use crate::notes::{Delivery, Entry, Journal};
use crate::tui::message::{Command, Copied, CopyOutcome, Handed, Message, OpenOutcome, Opened};

/// Carries out what the dialogue cannot do by itself.
pub trait World {
    /// Does what `command` asks (a copy, a link) and returns its outcome as the message `update`
    /// takes; `None` for what means nothing without a screen (a repaint, a reload, a suspend).
    fn perform(&mut self, command: Command) -> Option<Message>;

    /// Keeps `note` for `email` in the journal, then hands its `mailto:` link (`uri`) to the mail
    /// program and copies its `text`.
    fn send_note(&mut self, note: &PhoneMessage, email: &str, uri: &str, text: &str) -> NoteSent;
}

/// How a phone message was kept and handed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSent {
    /// Where the journal keeps it, or why it could not.
    pub kept: Result<String, Bilingual>,
    /// How handing it to the mail program ended.
    pub mail: Outcome,
    /// How copying its text ended.
    pub copy: Outcome,
}

/// The real world: the platform's clipboard tools and the system's opener, through
/// [`crate::handover`], and the user's journal of phone messages. Never a terminal escape
/// sequence (OSC 52): only whole lines reach the screen reader.
pub struct System {
    lang: Lang,
    /// The journal, or why there is none (said when a note is sent).
    journal: Result<Journal, Bilingual>,
}

impl System {
    /// The world of this user, with messages in `lang`.
    pub fn new(lang: Lang) -> Self {
        System { lang, journal: Journal::locate().map_err(|e| crate::i18n::journal_error(&e)) }
    }
}

impl World for System {
    fn perform(&mut self, command: Command) -> Option<Message> {
        Some(match command {
            Command::Copy(text, what) => Message::Copied(copy_outcome(&handover::copy(&text, handover::TIMEOUT), what)),
            Command::Open { uri, what, label, fallback: (text, copied) } => {
                let opened = handover::open(&uri, handover::TIMEOUT);
                let copy = || copy_outcome(&handover::copy(&text, handover::TIMEOUT), copied);
                let none = match what {
                    Opened::Call => crate::i18n::NO_PHONE_PROGRAM,
                    Opened::Email => crate::i18n::NO_MAIL_PROGRAM,
                };
                let outcome = match handed(&opened, none, self.lang) {
                    Handed::Taken => OpenOutcome::Handed,
                    Handed::NoHandler => OpenOutcome::NoHandler(copy()),
                    Handed::Unconfirmed => OpenOutcome::Unconfirmed(copy()),
                    Handed::Failed(reason) => OpenOutcome::Failed(reason, copy()),
                };
                Message::Opened { what, label, outcome }
            }
            Command::SendNote { .. } | Command::Reload | Command::Redraw | Command::Suspend => return None,
        })
    }

    fn send_note(&mut self, note: &PhoneMessage, email: &str, uri: &str, text: &str) -> NoteSent {
        // Written ahead: the note is on the disk before any program is asked to take it.
        let entry = Entry::new(note, email, Delivery::Sending);
        let kept = match &self.journal {
            Ok(journal) => journal.append(&entry).map(|()| journal).map_err(|e| crate::i18n::journal_error(&e)),
            Err(why) => Err(why.clone()),
        };
        let mail = handover::open(uri, handover::TIMEOUT);
        // Copied in any case, so that it can be pasted anywhere.
        let copy = handover::copy(text, handover::TIMEOUT);
        let kept = kept.and_then(|journal| {
            let delivery = match (&mail, &copy) {
                (Outcome::Done { program }, _) => Delivery::Mailed { program: program.clone() },
                (_, Outcome::Done { program }) => Delivery::Copied { tool: program.clone() },
                _ => Delivery::NotDelivered { mail: mail.clone() },
            };
            let updated = journal.update(&entry, delivery).map_err(|e| crate::i18n::journal_error(&e));
            updated.map(|_| journal.path().display().to_string())
        });
        NoteSent { kept, mail, copy }
    }
}

/// A hand-over's outcome as the view's `update` takes it for a link; `none` names what is
/// missing when no program takes it.
pub fn handed(outcome: &Outcome, none: Bilingual<&str>, lang: Lang) -> Handed {
    match outcome {
        Outcome::Done { .. } => Handed::Taken,
        Outcome::NoProgram => Handed::NoHandler,
        failed => Handed::Failed(crate::i18n::outcome(failed, none).get(lang).to_string()),
    }
}

/// A clipboard tool's outcome as the view's `update` takes it: copied only when a tool
/// confirmed it.
pub fn copy_outcome(outcome: &Outcome, what: Copied) -> CopyOutcome {
    match outcome {
        Outcome::Done { program } => CopyOutcome::Native(what, tool_name(program)),
        _ => CopyOutcome::Failed,
    }
}

/// The view names a clipboard path by a fixed name; these are the tools `handover` runs.
fn tool_name(program: &str) -> &'static str {
    ["wl-copy", "xclip", "xsel", "pbcopy", "Windows"].into_iter().find(|tool| *tool == program).unwrap_or("clipboard")
}
