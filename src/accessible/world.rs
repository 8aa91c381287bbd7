//! The one seam between the dialogue and the outside world: the clipboard, the programs that take
//! `tel:` and `mailto:` links, and the journal where a phone message is kept before it is sent.
//! It carries out the view's [`Command`]s as the view's event loop does, one after the other
//! instead of on workers, and reports in the view's messages; the work is done by
//! [`crate::handover`] (each program waited for, with a timeout) and [`crate::notes`] (written
//! ahead, then the hand-over, then its outcome).

use crate::actions::PhoneMessage;
use crate::handover::{self, Outcome};
use crate::i18n::{Bilingual, Lang};
use crate::notes::{Delivery, Entry, Journal};
use crate::tui::app::App;
use crate::tui::message::{Command, Copied, CopyOutcome, Message};

/// Carries out what the dialogue cannot do by itself.
pub trait World {
    /// Does what `command` asks and returns what came of it, in order, as the messages `update`
    /// takes; none for what means nothing without a screen (a repaint, a reload, a suspend).
    fn perform(&mut self, command: Command) -> Vec<Message>;

    /// Keeps the note open in `app` as a draft, as the view does when it ends with a note open;
    /// returns what to say (where it is kept, or why not), or nothing when it holds no text.
    fn keep_draft(&mut self, app: &App) -> Option<Bilingual>;
}

/// The real world: the platform's clipboard tools and the system's opener, through
/// [`crate::handover`], and the user's journal of phone messages. Never a terminal escape
/// sequence (OSC 52): only whole lines reach the screen reader, so a copy without a clipboard
/// tool fails, and the dialogue reads out what to copy by hand.
pub struct System {
    lang: Lang,
    /// The journal, or why there is none (said when a note is sent).
    journal: Result<Journal, Bilingual>,
}

impl System {
    /// The world of this user, with messages in `lang`, and what is wrong with the journal, if
    /// anything: the journal opened as the view opens it, its old notes removed.
    pub fn open(lang: Lang) -> (Self, Option<String>) {
        let (journal, problem) = crate::tui::open_journal(lang);
        let journal = match (journal, &problem) {
            (Some(journal), _) => Ok(journal),
            (None, problem) => {
                let problem = problem.clone().unwrap_or_default();
                Err(Bilingual { de: problem.clone(), en: problem })
            }
        };
        (System { lang, journal }, problem)
    }

    /// Writes `message` to the journal as `delivery`, as the same entry when it has an `id`.
    fn write_ahead(
        &self,
        message: &PhoneMessage,
        email: &str,
        id: Option<String>,
        delivery: Delivery,
    ) -> Result<Entry, String> {
        // The same note keeps its id and the time it was first written, as in the view.
        let mut entry = Entry::new(message, email, delivery);
        if let Some(id) = id {
            if let Some(old) = self.kept(&id) {
                entry.written = old.written;
            }
            entry.id = id;
        }
        let journal = self.journal.as_ref().map_err(|why| why.get(self.lang).to_string())?;
        journal.append(&entry).map_err(|e| crate::i18n::journal_error(&e).get(self.lang).to_string())?;
        Ok(entry)
    }

    /// The note the journal holds under `id`, in its latest state.
    fn kept(&self, id: &str) -> Option<Entry> {
        let read = self.journal.as_ref().ok()?.read().ok()?;
        read.entries.into_iter().find(|entry| entry.id == id)
    }

    /// Records a new state of a note the journal holds; a failure here leaves the earlier state,
    /// which says less than happened, never more.
    fn record(&self, entry: &Entry, delivery: Delivery) {
        if let Ok(journal) = &self.journal {
            let _ = journal.update(entry, delivery);
        }
    }
}

impl World for System {
    fn perform(&mut self, command: Command) -> Vec<Message> {
        match command {
            Command::Copy(text, what) => vec![Message::Copied(copied(&handover::copy(&text, handover::TIMEOUT), what))],
            Command::Open { uri, what, label, fallback } => {
                let outcome = handover::open(&uri, handover::TIMEOUT);
                vec![Message::Opened { what, label, outcome, fallback }]
            }
            Command::SendNote { message, email, id, uri, form } => {
                // Written ahead: the note is on the disk before any program is asked to take it.
                let saved = self.write_ahead(&message, &email, id, Delivery::Sending);
                let entry = saved.clone().unwrap_or_else(|_| Entry::new(&message, &email, Delivery::Sending));
                let mail = handover::open(&uri, handover::TIMEOUT);
                if saved.is_ok() {
                    let delivery = match &mail {
                        Outcome::Done { program } => Delivery::Mailed { program: program.clone() },
                        _ => Delivery::NotDelivered { mail: mail.clone() },
                    };
                    self.record(&entry, delivery);
                }
                vec![Message::NoteSaved { saved, form }, Message::NoteSent { entry, mail, form }]
            }
            Command::CopyNote { message, email, id, write_ahead, text } => {
                let mut said = Vec::new();
                let entry = if write_ahead || id.is_none() {
                    let saved = self.write_ahead(&message, &email, id, Delivery::Draft);
                    said.push(Message::NoteSaved { saved: saved.clone(), form: true });
                    saved.ok()
                } else {
                    self.kept(id.as_deref().unwrap_or_default())
                };
                let outcome = handover::copy(&text, handover::TIMEOUT);
                // A note a mail program took stays delivered, however often it is copied later.
                let entry = entry.filter(|entry| !entry.delivery.delivered());
                if let (Outcome::Done { program }, Some(entry)) = (&outcome, &entry) {
                    self.record(entry, Delivery::Copied { tool: program.clone() });
                }
                said.push(Message::Copied(copied(&outcome, Copied::Note)));
                said
            }
            Command::ReadJournal | Command::Reload | Command::Redraw | Command::Suspend => Vec::new(),
        }
    }

    fn keep_draft(&mut self, app: &App) -> Option<Bilingual> {
        crate::tui::save_draft(self.journal.as_ref().ok(), app)
    }
}

/// A clipboard tool's outcome as the view's `update` takes it: copied only when a tool confirmed
/// it.
fn copied(outcome: &Outcome, what: Copied) -> CopyOutcome {
    match outcome {
        Outcome::Done { program } => CopyOutcome::Native(what, program.clone()),
        _ => CopyOutcome::Failed,
    }
}
