//! The terminal under the view: entering and leaving raw mode, the alternate screen and mouse
//! reporting, and repainting every cell after something else drew on it.

use std::io;
use std::sync::Mutex;

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use crossterm::execute;

/// Panics of other threads while the view runs, reported once the terminal is restored.
static DEFERRED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Enters raw mode, the alternate screen and mouse reporting, and makes a panic of this thread,
/// the one that owns the view, leave them first.
///
/// A panic of another thread (a reload, say) must not tear the view down under a running event
/// loop: its report is kept for [`take_deferred`], and the thread's owner decides what follows.
/// Not `ratatui::init`: its restore prints with `eprintln!`, which panics on a terminal that has
/// gone away, and a panic inside the panic hook aborts.
pub fn enter() -> io::Result<ratatui::DefaultTerminal> {
    let previous = std::panic::take_hook();
    let owner = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == owner {
            leave();
            previous(info);
        } else if let Ok(mut deferred) = DEFERRED.lock() {
            deferred.push(info.to_string());
        }
    }));
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen, EnableMouseCapture)?;
    bracketed_paste();
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Leaves what [`enter`] entered, as far as the terminal still listens; never fails or prints.
pub fn leave() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Takes the terminal again after a stop and repaints every cell.
pub fn resume(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen, EnableMouseCapture)?;
    bracketed_paste();
    repaint(terminal)
}

/// Asks the terminal to mark pasted text, so that a paste arrives whole and never as keys. The
/// old Windows console API has no such mode (crossterm reports an error there): a paste then
/// arrives as typed keys, as it always did.
fn bracketed_paste() {
    let _ = execute!(io::stdout(), EnableBracketedPaste);
}

/// Turns mouse reports on or off: off while a note is shown as text, so that the terminal's own
/// selection can copy it.
pub fn set_mouse(on: bool) -> io::Result<()> {
    if on { execute!(io::stdout(), EnableMouseCapture) } else { execute!(io::stdout(), DisableMouseCapture) }
}

/// Makes the next draw paint every cell: clears the screen, then draws a blank frame, so that
/// ratatui's diff against it covers the whole screen. (`Terminal::clear` would first ask the
/// terminal where its cursor is, a round trip that some terminals never answer.)
pub fn repaint(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    execute!(io::stdout(), crossterm::terminal::Clear(crossterm::terminal::ClearType::All))?;
    terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    Ok(())
}

/// The reports of other threads' panics held back while the view ran, to print after [`leave`].
pub fn take_deferred() -> Vec<String> {
    DEFERRED.lock().map(|mut deferred| std::mem::take(&mut *deferred)).unwrap_or_default()
}
