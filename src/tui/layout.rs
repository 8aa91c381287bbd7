//! Where everything goes: a pure function of the terminal size, shared by the view and by `update`,
//! so that a mouse click lands on the row that is drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this width the list goes above the details instead of beside them.
pub const NARROW: u16 = 70;

/// Where everything goes on a terminal of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The banner above everything, while the data file cannot be used (empty otherwise).
    pub banner: Rect,
    /// The search line (with its border).
    pub search: Rect,
    /// The result list (with its border).
    pub list: Rect,
    /// The details of the selected entry (with its border).
    pub details: Rect,
    /// The footer line.
    pub footer: Rect,
    /// True when the terminal is too small for anything but a short note.
    pub tiny: bool,
}

impl Areas {
    /// The layout for `columns` × `rows`, with `banner` lines at the top and a one-line footer.
    pub fn new(columns: u16, rows: u16, banner: usize) -> Self {
        Self::with_footer(columns, rows, banner, 1)
    }

    /// The layout with a footer of `footer` lines (a message too long for one line wraps: at
    /// most a third of the screen, the rest goes to the list and details).
    pub fn with_footer(columns: u16, rows: u16, banner: usize, footer: usize) -> Self {
        let area = Rect::new(0, 0, columns, rows);
        if columns < 24 || rows < 8 {
            let none = Rect::new(0, 0, 0, 0);
            return Areas { banner: none, search: none, list: none, details: none, footer: none, tiny: true };
        }
        let banner = u16::try_from(banner).unwrap_or(u16::MAX).min(rows / 3);
        let footer = u16::try_from(footer).unwrap_or(u16::MAX).clamp(1, Self::most_footer_lines(rows));
        let [banner, search, body, footer] = Layout::vertical([
            Constraint::Length(banner),
            Constraint::Length(3),
            Constraint::Min(1),
            Constraint::Length(footer),
        ])
        .areas(area);
        let [list, details] = if columns >= NARROW {
            Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)]).areas(body)
        } else {
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body)
        };
        Areas { banner, search, list, details, footer, tiny: false }
    }

    /// The most lines the footer takes on a screen of `rows` rows: a third of it.
    pub fn most_footer_lines(rows: u16) -> u16 {
        (rows / 3).max(1)
    }

    /// Result rows that fit in the list.
    pub fn list_rows(&self) -> usize {
        self.list.height.saturating_sub(2) as usize
    }

    /// The list row (0 = first shown) under the terminal cell, if any.
    pub fn list_row_at(&self, column: u16, row: u16) -> Option<usize> {
        let inner = self.list.inner(ratatui::layout::Margin::new(1, 1));
        let inside = inner.contains(ratatui::layout::Position::new(column, row));
        inside.then(|| (row - inner.y) as usize)
    }
}
