//! Everything that can happen to the app: [`Action`], what a key can trigger (the keymap in
//! `keys.rs` maps keys to them), inside [`Message`], which the event loop also sends for pastes,
//! the mouse, time and the outside world's answers.

use super::field::Edit;
use crate::actions::PhoneMessage;
use crate::cache::Indexed;
use crate::handover::Outcome;
use crate::notes::Entry;

/// Everything a key can trigger: the keymap maps keys to these (television's pattern), so this
/// list is what the user can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Edit the line that has the cursor: the search line, or the form's focused field.
    Edit(Edit),
    /// Select the previous result.
    Up,
    /// Select the next result.
    Down,
    /// Select a page of results up.
    PageUp,
    /// Select a page of results down.
    PageDown,
    /// Copy the phone number of whoever answers today for the selected entry (the contact, or
    /// while they are away, whoever stands in).
    CopyPhone,
    /// Copy the email address of whoever answers today for the selected entry.
    CopyEmail,
    /// Call whoever answers today: hand their `tel:` link to the system (F5).
    Call,
    /// Write to whoever answers today: hand a `mailto:` link to the system (F6).
    Email,
    /// Open the phone message form for the selected entry (F7).
    StartNote,
    /// Move to the form's next field (Tab); on an unsent note, back to the form.
    NoteNext,
    /// Move to the form's previous field (Shift-Tab).
    NotePrevious,
    /// Enter in the form: the next field; in the last one, send. On an unsent note: send again.
    NoteEnter,
    /// Copy the note's text (Ctrl-Y in the form).
    NoteCopy,
    /// Esc in the form: discard the note; when it holds text, only after a second Esc.
    NoteCancel,
    /// Open or close the list of kept phone messages (F8); in it, Enter (`NoteEnter`) hands the
    /// selected note to the mail program again and Ctrl-Y (`NoteCopy`) copies it.
    ToggleNotes,
    /// Reload the data file now (Ctrl-R).
    Reload,
    /// Repaint the whole screen (Ctrl-L), after something else wrote on it.
    Redraw,
    /// Hand the terminal back to the shell and stop, until `fg` (Ctrl-Z, Unix only).
    Suspend,
    /// Open or close the key help.
    ToggleHelp,
    /// Clear the query; quit when it is already empty; close the help first.
    Escape,
    /// Quit at once (Ctrl-C).
    Quit,
}

/// What the user did, or what the outside world reported.
#[derive(Debug)]
pub enum Message {
    /// A key's action.
    Action(Action),
    /// Text pasted into the terminal (bracketed paste): it goes into the line that has the cursor,
    /// on one line, and never acts as keys.
    Paste(String),
    /// The journal took a note before it was handed on, or could not (why, in the UI language).
    NoteSaved {
        /// The note as the journal holds it now.
        saved: Result<Entry, String>,
        /// True when it came from the open form, false when from the notes list.
        form: bool,
    },
    /// How handing a phone message to the mail program went; the journal records the outcome.
    NoteSent {
        /// The note.
        entry: Entry,
        /// How the opener ended.
        mail: Outcome,
        /// True when it came from the open form, false when from the notes list.
        form: bool,
    },
    /// The journal as read after a change: its notes, newest first, and how many of today's
    /// were not delivered; or why it could not be read.
    Journal(Result<JournalState, String>),
    /// A mouse click at this terminal cell (column, row).
    Click(u16, u16),
    /// Select the result at this index in the list: the line-by-line dialogue's numbers.
    Select(usize),
    /// The mouse wheel turned up.
    ScrollUp,
    /// The mouse wheel turned down.
    ScrollDown,
    /// The terminal now has this size (columns, rows).
    Resize(u16, u16),
    /// Time passed: a tick of the event loop, numbered.
    Tick(u64),
    /// The clipboard reported on a copy.
    Copied(CopyOutcome),
    /// The system reported on a link it was handed.
    Opened {
        /// What the link was for.
        what: Opened,
        /// Whom it was for, as the footer names them: `Irene Schewe, (06151) 13-2324`.
        label: String,
        /// How the opener ended.
        outcome: Outcome,
        /// What to copy when no program took the link, and what it is.
        fallback: (String, Copied),
    },
    /// The local date and time now, for the phone message form.
    Now(String),
    /// Today's date, by the local clock: a new day (midnight) changes who answers.
    Today(chrono::NaiveDate),
    /// The data file changed and was loaded again, or failed to load (with the message).
    Reloaded(Result<Box<Indexed>, String>),
    /// Ctrl-R came while a reload was still running.
    ReloadBusy,
    /// The data asked for at start is ready: the app over it, as the loading thread built it.
    Loaded(Box<super::app::App>),
}

/// What was copied, so that the status line can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// A phone number.
    Phone,
    /// An email address.
    Email,
    /// A phone message.
    Note,
}

/// The journal's notes and today's count of undelivered ones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JournalState {
    /// The notes, newest first.
    pub entries: Vec<Entry>,
    /// How many notes of today no mail program took.
    pub undelivered_today: usize,
}

/// How a copy went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyOutcome {
    /// The platform's clipboard took the text, by the path named (e.g. "wl-copy", "Windows").
    Native(Copied, String),
    /// Only the OSC 52 sequence was sent; the terminal may or may not honour it.
    TerminalOnly(Copied),
    /// Nothing could be sent.
    Failed,
}

/// What a link handed to the system was for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// A `tel:` link.
    Call,
    /// A `mailto:` link.
    Email,
}

/// Work the event loop does on the app's behalf: `update` itself touches nothing outside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Put this text on the clipboard.
    Copy(String, Copied),
    /// Load the data file again.
    Reload,
    /// Hand `uri` to the system's opener and wait for its verdict; if none takes it, copy `fallback`.
    Open {
        /// The `tel:` or `mailto:` link.
        uri: String,
        /// What it is for, for the footer.
        what: Opened,
        /// Whom it is for, for the footer.
        label: String,
        /// What to copy when no program takes the link, and what it is.
        fallback: (String, Copied),
    },
    /// Write a phone message to the journal, then hand it to the mail program as `uri`.
    SendNote {
        /// The note.
        message: PhoneMessage,
        /// Its addressee's email.
        email: String,
        /// Its id in the journal, once it has one.
        id: Option<String>,
        /// The `mailto:` link with the whole note.
        uri: String,
        /// True when it comes from the open form, false when from the notes list.
        form: bool,
    },
    /// Copy a phone message's text; the journal holds the note first and records the tool.
    CopyNote {
        /// The note.
        message: PhoneMessage,
        /// Its addressee's email.
        email: String,
        /// Its id in the journal, once it has one.
        id: Option<String>,
        /// True when the journal does not hold it as it is now (new, or edited since).
        write_ahead: bool,
        /// The note as text.
        text: String,
    },
    /// Read the journal again.
    ReadJournal,
    /// Repaint every cell of the terminal.
    Redraw,
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
}
