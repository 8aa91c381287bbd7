//! The view: draws the model and changes nothing. Where things go is [`super::layout`]'s to say.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::App;
use super::details;
use super::layout::Areas;
use super::text::{clean, clean_char};
use crate::directory::Target;

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
    if let Some(note) = &app.note {
        // Over the list and the details together, so that every field shows on a small screen.
        render_note(app, note, frame, areas.list.union(areas.details));
    }
    if app.help {
        render_help(app, frame, full);
    }
}

/// The first frame, drawn before the data is ready: the search line with what was typed so far,
/// the count replaced by a note that the data is loading.
pub fn render_loading(frame: &mut Frame, lang: crate::i18n::Lang, query: &str, theme: &super::theme::Theme) {
    let full = frame.area();
    let areas = Areas::new(full.width, full.height);
    let text = lang.text();
    if areas.tiny {
        frame.render_widget(Paragraph::new(text.loading).wrap(Wrap { trim: true }), full);
        return;
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(text.search, theme.accent))
        .title(Line::from(format!(" {} ", text.loading)).alignment(Alignment::Right));
    let line = Line::from(vec![Span::styled("> ", theme.accent), Span::raw(clean(query))]);
    frame.render_widget(Paragraph::new(line).block(block), areas.search);
    for (area, title) in [(areas.list, text.results), (areas.details, text.details)] {
        frame.render_widget(Block::default().borders(Borders::ALL).title(Span::styled(title, theme.accent)), area);
    }
    let footer = super::keys::footer(lang, areas.footer.width as usize);
    frame.render_widget(Paragraph::new(Span::styled(footer, theme.muted)), areas.footer);
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
    if x < inner.right() && inner.height > 0 && !app.help && app.note.is_none() {
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
        if hit.partial {
            spans.push(Span::styled(format!(" {}", text.partial), theme.warning));
        }
        let facts = match app.index.target(hit.entry) {
            Target::City(c) => {
                let city = &app.directory.cities()[c];
                format!("  {} · {}", city.country.name(app.lang), city.since)
            }
            Target::Person(p) => format!("  {}", app.directory.people()[p].role),
            Target::Office => format!("  {}", text.office_row),
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
        Line::from(Span::styled(super::keys::footer(app.lang, area.width as usize), theme.muted))
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// The phone message form, over the details: who it is for, when, and the three fields.
fn render_note(app: &App, note: &super::app::NoteForm, frame: &mut Frame, area: Rect) {
    let (text, theme) = (app.lang.text(), &app.theme);
    let about = note.city.as_deref().map(|c| format!(" · {c}")).unwrap_or_default();
    let mut lines = vec![
        Line::from(Span::styled(clean(&format!("{}: {}{about}", text.message_for, note.to)), theme.strong)),
        Line::from(Span::styled(clean(&note.when), theme.muted)),
        Line::default(),
    ];
    let labels = [text.caller, text.callback, text.concern];
    let inner = Block::default().borders(Borders::ALL).inner(area);
    let mut cursor = None;
    for (i, (label, value)) in labels.iter().zip(&note.fields).enumerate() {
        let focused = i == note.focus;
        let marker = if focused { "▶ " } else { "  " };
        let label = format!("{marker}{label:<10} ");
        if focused {
            cursor = Some((label.chars().count() + Span::raw(clean(value)).width(), lines.len()));
        }
        let style = if focused { theme.selected } else { ratatui::style::Style::default() };
        lines.push(Line::from(vec![Span::styled(label, theme.accent), Span::styled(clean(value), style)]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(text.note_keys, theme.muted)));
    let block = Block::default().borders(Borders::ALL).title(Span::styled(text.phone_message, theme.accent));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if let Some((x, y)) = cursor
        && (x as u16) < inner.width
        && (y as u16) < inner.height
    {
        frame.set_cursor_position((inner.x + x as u16, inner.y + y as u16));
    }
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
