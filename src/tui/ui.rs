//! The view: draws the model and changes nothing. Layout is a pure function of the terminal size,
//! shared with `update` so that mouse clicks land on the row that is drawn there.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::App;
use super::details;
use crate::search::Target;

/// Below this width the list goes above the details instead of beside them.
pub const NARROW: u16 = 70;

/// Where everything goes on a terminal of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
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
    /// The layout for `columns` × `rows`.
    pub fn new(columns: u16, rows: u16) -> Self {
        let area = Rect::new(0, 0, columns, rows);
        if columns < 24 || rows < 8 {
            let none = Rect::new(0, 0, 0, 0);
            return Areas { search: none, list: none, details: none, footer: none, tiny: true };
        }
        let [search, body, footer] =
            Layout::vertical([Constraint::Length(3), Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let [list, details] = if columns >= NARROW {
            Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)]).areas(body)
        } else {
            Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body)
        };
        Areas { search, list, details, footer, tiny: false }
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

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let full = frame.area();
    let areas = Areas::new(full.width, full.height);
    let text = app.lang.text();
    if areas.tiny {
        frame.render_widget(Paragraph::new(text.too_small).wrap(Wrap { trim: true }), full);
        return;
    }
    render_search(app, frame, areas.search);
    render_list(app, frame, areas.list);
    let details = Paragraph::new(details::lines(app))
        .wrap(Wrap { trim: false })
        .block(Block::default().borders(Borders::ALL).title(Span::styled(text.details, app.theme.accent)));
    frame.render_widget(details, areas.details);
    render_footer(app, frame, areas.footer);
    if app.help {
        render_help(app, frame, full);
    }
}

fn render_search(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let count = format!(" {}/{} ", app.hits.len(), app.index.len());
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(app.lang.text().search, theme.accent))
        .title(Line::from(count).alignment(Alignment::Right));
    let inner = block.inner(area);
    let prompt = "> ";
    let line = Line::from(vec![Span::styled(prompt, theme.accent), Span::raw(clean(&app.query))]);
    frame.render_widget(Paragraph::new(line).block(block), area);
    let before: String = app.query.chars().take(app.cursor).collect();
    let x = inner.x + (prompt.len() + Span::raw(before).width()) as u16;
    if x < inner.right() && inner.height > 0 && !app.help {
        frame.set_cursor_position((x, inner.y));
    }
}

fn render_list(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let text = app.lang.text();
    let block = Block::default().borders(Borders::ALL).title(Span::styled(text.results, theme.accent));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.hits.is_empty() {
        frame.render_widget(Paragraph::new(Span::styled(text.no_match, theme.warning)), inner);
        return;
    }
    let rows = app.hits.iter().enumerate().skip(app.offset).take(inner.height as usize);
    for (line, (i, hit)) in rows.enumerate() {
        let selected = i == app.selected;
        let mut spans = vec![Span::raw(if selected { "▶ " } else { "  " })];
        let marks = app.marks.get(line).map(Vec::as_slice).unwrap_or(&[]);
        for (at, c) in app.index.name(hit.entry).chars().enumerate() {
            let style = if marks.contains(&at) { theme.matched } else { theme.strong };
            spans.push(Span::styled(clean_char(c).to_string(), style));
        }
        if hit.approximate {
            spans.push(Span::styled(format!(" {}", text.approximate), theme.warning));
        }
        let facts = match app.index.target(hit.entry) {
            Target::City(c) => {
                let city = &app.directory.cities()[c];
                format!("  {} · {}", app.lang.country(&city.country), city.since)
            }
            Target::Person(p) => format!("  {}", app.directory.people()[p].role),
        };
        spans.push(Span::styled(clean(&facts), theme.muted));
        let mut row = Line::from(spans);
        if selected {
            row = row.style(theme.selected);
        }
        let rect = Rect::new(inner.x, inner.y + line as u16, inner.width, 1);
        frame.render_widget(Paragraph::new(row), rect);
    }
}

fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    let line = if let Some(warning) = &app.warning {
        Line::from(Span::styled(clean(warning), theme.warning))
    } else if let Some(status) = app.status_text() {
        Line::from(Span::styled(clean(status), theme.accent))
    } else {
        Line::from(Span::styled(super::keys::footer(app.lang), theme.muted))
    };
    frame.render_widget(Paragraph::new(line), area);
}

fn render_help(app: &App, frame: &mut Frame, full: Rect) {
    let text = app.lang.text();
    let rows = super::keys::help_rows(app.lang);
    let width = 80.min(full.width);
    let height = (rows.len() as u16 + 2).min(full.height);
    let area = Rect::new(full.x + (full.width - width) / 2, full.y + (full.height - height) / 2, width, height);
    let column = rows.iter().map(|(keys, _)| keys.chars().count()).max().unwrap_or(0) + 2;
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, what)| {
            Line::from(vec![Span::styled(format!("{keys:<column$}"), app.theme.strong), Span::raw(what)])
        })
        .collect();
    let block = Block::default().borders(Borders::ALL).title(Span::styled(text.help_title, app.theme.accent));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Data text with control characters made visible, so that no file can drive the terminal.
pub fn clean(text: &str) -> String {
    text.chars().map(clean_char).collect()
}

fn clean_char(c: char) -> char {
    if c.is_control() { '\u{fffd}' } else { c }
}
