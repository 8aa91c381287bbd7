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

/// Work the event loop does on the app's behalf: `update` itself touches nothing outside the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Put this text on the clipboard.
    Copy(String, Copied),
    /// Load the data file again.
    Reload,
    /// Repaint every cell of the terminal.
    Redraw,
    /// Give the terminal back and stop the process until it is continued.
    Suspend,
}
