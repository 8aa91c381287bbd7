//! Everything that can happen to the app: one variant per action, so this list documents what
//! the app can do. Keys map to these in `keys.rs`; the event loop sends the rest.

use crate::cache::Indexed;

/// What the user asked for, or what the outside world reported.
#[derive(Debug)]
pub enum Message {
    /// Type a character into the query at the cursor.
    Insert(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Clear the query (Ctrl-U).
    ClearQuery,
    /// Move the cursor one character left.
    CursorLeft,
    /// Move the cursor one character right.
    CursorRight,
    /// Move the cursor to the start of the query.
    CursorHome,
    /// Move the cursor to the end of the query.
    CursorEnd,
    /// Select the previous result.
    Up,
    /// Select the next result.
    Down,
    /// Select a page of results up.
    PageUp,
    /// Select a page of results down.
    PageDown,
    /// Copy the responsible person's phone number of the selected entry.
    CopyPhone,
    /// Copy the responsible person's email address of the selected entry.
    CopyEmail,
    /// Call the responsible person: hand their `tel:` link to the system (F5).
    Call,
    /// Write to the responsible person: hand a `mailto:` link to the system (F6).
    Email,
    /// Open the phone message form for the selected entry (F7).
    StartNote,
    /// Type a character into the form's field.
    NoteInput(char),
    /// Delete the character before the cursor in the form's field.
    NoteBackspace,
    /// Move to the form's next field (Tab).
    NoteNext,
    /// Move to the form's previous field (Shift-Tab).
    NotePrevious,
    /// Send the phone message: a `mailto:` with the note, and the note on the clipboard (Enter).
    NoteSend,
    /// Close the form without sending (Esc).
    NoteCancel,
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
    /// A mouse click at this terminal cell (column, row).
    Click(u16, u16),
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
        /// How it went.
        outcome: OpenOutcome,
    },
    /// The local date and time now, for the phone message form.
    Now(String),
    /// The data file changed and was loaded again, or failed to load (with the message).
    Reloaded(Result<Box<Indexed>, String>),
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

/// How a copy went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyOutcome {
    /// The platform's clipboard took the text, by the path named (e.g. "wl-copy", "Windows").
    Native(Copied, &'static str),
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
    /// A `mailto:` link with a phone message.
    Note,
}

/// How handing a link to the system went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenOutcome {
    /// A program took it (or the system's opener did, where it cannot tell more).
    Handed,
    /// No program is registered for such links; the fallback was copied instead.
    NoHandler(CopyOutcome),
    /// The system's opener failed, with its reason; the fallback was copied instead.
    Failed(String, CopyOutcome),
}

/// Work the event loop does on the app's behalf: `update` itself touches nothing outside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Put this text on the clipboard.
    Copy(String, Copied),
    /// Load the data file again.
    Reload,
    /// Hand `uri` to the system's handler (`opener`); if none takes it, copy `fallback`. A phone
    /// message's text is copied in any case.
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
    /// Repaint every cell of the terminal.
    Redraw,
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
}
