//! The terminal under the view: entering and leaving raw mode, the alternate screen and mouse
//! reporting, and repainting every cell after something else drew on it.

use std::io;

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;

/// Enters raw mode, the alternate screen and mouse reporting, and makes a panic leave them first.
///
/// Not `ratatui::init`: its restore prints with `eprintln!`, which panics on a terminal that has
/// gone away, and a panic inside the panic hook aborts.
pub fn enter() -> io::Result<ratatui::DefaultTerminal> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen, EnableMouseCapture)?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Leaves what [`enter`] entered, as far as the terminal still listens; never fails or prints.
pub fn leave() {
    let _ =
        execute!(io::stdout(), DisableMouseCapture, crossterm::terminal::LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = crossterm::terminal::disable_raw_mode();
}

/// Takes the terminal again after a stop and repaints every cell.
pub fn resume(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    crossterm::terminal::enable_raw_mode()?;
    execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen, EnableMouseCapture)?;
    repaint(terminal)
}

/// Makes the next draw paint every cell: clears the screen, then draws a blank frame, so that
/// ratatui's diff against it covers the whole screen. (`Terminal::clear` would first ask the
/// terminal where its cursor is, a round trip that some terminals never answer.)
pub fn repaint(terminal: &mut ratatui::DefaultTerminal) -> io::Result<()> {
    execute!(io::stdout(), crossterm::terminal::Clear(crossterm::terminal::ClearType::All))?;
    terminal.draw(|frame| frame.render_widget(ratatui::widgets::Clear, frame.area()))?;
    Ok(())
}
