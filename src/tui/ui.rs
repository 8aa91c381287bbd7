//! The view: draws the model and changes nothing. Where things go is [`super::layout`]'s to say.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, NoteForm, NotePrompt, NoteStage};
use super::details;
use super::field::{self, Field};
use super::keys::{self, Mode};
use super::layout::Areas;
use super::text::{clean, clean_char};
use super::theme::Theme;
use super::update::{Loading, Screen};
use crate::directory::Target;
use crate::i18n::Lang;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let full = frame.area();
    let banner = app.banner_lines();
    let areas = Areas::with_footer(full.width, full.height, banner.len(), app.footer_height());
    let text = app.lang.text();
    if areas.tiny {
        frame.render_widget(Paragraph::new(text.too_small).wrap(Wrap { trim: true }), full);
        return;
    }
    let banner: Vec<Line> = banner.iter().map(|l| Line::from(Span::styled(clean(l), app.theme.warning))).collect();
    frame.render_widget(Paragraph::new(banner), areas.banner);
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
    if app.notes.is_some() {
        render_notes(app, frame, areas.list.union(areas.details));
    }
    if app.help {
        // Above the footer, so that a message stays in sight.
        render_help(app, frame, app.help_screen(full));
    }
}

/// Draws what the screen shows: the first frame while the data loads, then the app.
pub fn render_screen(screen: &Screen, frame: &mut Frame) {
    match screen {
        Screen::Loading(loading) => render_loading(loading, frame),
        Screen::Ready(app) => render(app, frame),
    }
}

/// The first frame, drawn before the data is ready: the search line with what was typed so far,
/// the count replaced by a note that the data is loading.
pub fn render_loading(Loading { query, quit: _, lang, theme, size: _ }: &Loading, frame: &mut Frame) {
    // The frame's own size is the one to draw at; `quit` ends the loop before any drawing.
    let lang = *lang;
    let full = frame.area();
    let areas = Areas::new(full.width, full.height, 0);
    let text = lang.text();
    if areas.tiny {
        frame.render_widget(Paragraph::new(text.loading).wrap(Wrap { trim: true }), full);
        return;
    }
    let title = Line::from(format!(" {} ", text.loading)).alignment(Alignment::Right);
    search_line(frame, areas.search, text.search, title, query, theme, true);
    for (area, title) in [(areas.list, text.results), (areas.details, text.details)] {
        frame.render_widget(Block::default().borders(Borders::ALL).title(Span::styled(title, theme.accent)), area);
    }
    let footer = keys::footer(lang, Mode::Loading, areas.footer.width as usize);
    frame.render_widget(Paragraph::new(Span::styled(footer, theme.muted)), areas.footer);
}

fn render_search(app: &App, frame: &mut Frame, area: Rect) {
    let count = match app.only_filler() {
        Some(words) => format!(" {}: {words} ", app.lang.text().only_filler),
        None => format!(" {}/{} ", app.hits.len(), app.index.len()),
    };
    let count = Line::from(count).alignment(Alignment::Right);
    let query = Field { text: app.query.clone(), cursor: app.cursor };
    let cursor = app.mode() == Mode::List;
    search_line(frame, area, app.lang.text().search, count, &query, &app.theme, cursor);
}

/// The search line in its box: the part of the query around the cursor, and the cursor.
fn search_line(frame: &mut Frame, area: Rect, title: &str, right: Line, query: &Field, theme: &Theme, cursor: bool) {
    let block =
        Block::default().borders(Borders::ALL).title(Span::styled(title.to_string(), theme.accent)).title(right);
    let inner = block.inner(area);
    let prompt = "> ";
    let room = usize::from(inner.width).saturating_sub(prompt.len());
    let (shown, at) = field::window(&clean(&query.text), query.cursor, room);
    let line = Line::from(vec![Span::styled(prompt, theme.accent), Span::raw(shown)]);
    frame.render_widget(Paragraph::new(line).block(block), area);
    let x = inner.x + (prompt.len() + at) as u16;
    if cursor && x < inner.right() && inner.height > 0 {
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
    // Filler words alone list everything and select nothing.
    let chosen = app.selection().map(|_| app.selected);
    for (line, (i, hit)) in rows.enumerate() {
        let selected = chosen == Some(i);
        let mut spans = vec![Span::raw(if selected { "▶ " } else { "  " })];
        let marks = app.marks.get(line).map(Vec::as_slice).unwrap_or(&[]);
        for (at, c) in app.row_name(hit.entry).chars().enumerate() {
            let style = if marks.contains(&at) { theme.matched } else { theme.strong };
            spans.push(Span::styled(clean_char(c).to_string(), style));
        }
        if hit.approximate {
            spans.push(Span::styled(format!(" {}", text.approximate), theme.warning));
        }
        if hit.partial {
            spans.push(Span::styled(format!(" {}", text.partial), theme.warning));
        }
        let used: usize = spans.iter().map(Span::width).sum();
        let room = usize::from(inner.width).saturating_sub(used);
        spans.push(Span::styled(facts(app, hit.entry, room), theme.muted));
        let mut row = Line::from(spans);
        if selected {
            row = row.style(theme.selected);
        }
        let rect = Rect::new(inner.x, inner.y + line as u16, inner.width, 1);
        frame.render_widget(Paragraph::new(row), rect);
    }
}

/// The facts beside a name in `room` cells. A number is never cut: a city's year shows whole, or
/// goes, and the country is shortened with "…" instead.
fn facts(app: &App, entry: usize, room: usize) -> String {
    let (country, year) = match app.index.target(entry) {
        Target::City(c) => {
            let city = &app.directory.cities()[c];
            (clean(city.country.name(app.lang)), Some(city.since))
        }
        Target::Person(p) => (clean(app.directory.people()[p].role_in(app.lang)), None),
        Target::Topic(_) => (app.lang.text().topic.to_string(), None),
        Target::Office => (app.lang.text().office_row.to_string(), None),
    };
    let whole = match year {
        Some(year) => format!("  {country} · {year}"),
        None => format!("  {country}"),
    };
    if Span::raw(whole.as_str()).width() <= room {
        return whole;
    }
    if room <= 3 {
        return String::new();
    }
    format!("  {}", field::ellipsize(&country, room - 2))
}

fn render_footer(app: &App, frame: &mut Frame, area: Rect) {
    let theme = &app.theme;
    // A message shows whole, over as many lines as it needs (`App::footer_message`).
    let lines: Vec<Line> = match app.footer_message() {
        Some((lines, warning)) => {
            let style = if warning { theme.warning } else { theme.accent };
            lines.into_iter().map(|l| Line::from(Span::styled(l, style))).collect()
        }
        None => {
            let width = usize::from(area.width);
            // The news on a line of its own above the keys (`App::footer_height`).
            let mut lines = Vec::new();
            let news = app.footer_news();
            if !news.is_empty() {
                let mut spans = Vec::new();
                for (text, warning) in news {
                    if !spans.is_empty() {
                        spans.push(Span::styled(" · ", theme.muted));
                    }
                    let style = if warning { theme.warning } else { theme.accent };
                    spans.push(Span::styled(field::ellipsize(&text, width), style));
                }
                lines.push(Line::from(spans));
            }
            lines.push(Line::from(Span::styled(keys::footer(app.lang, app.mode(), width), theme.muted)));
            lines
        }
    };
    frame.render_widget(Paragraph::new(lines), area);
}

/// The phone message: the form while it is filled in, or the whole note as text while it has not
/// been handed on.
fn render_note(app: &App, note: &NoteForm, frame: &mut Frame, area: Rect) {
    let (text, theme) = (app.lang.text(), &app.theme);
    let block = Block::default().borders(Borders::ALL).title(Span::styled(text.phone_message, theme.accent));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    match &note.stage {
        NoteStage::Editing => render_form(app, note, frame, inner),
        NoteStage::Unsent { .. } | NoteStage::Sending => {
            let (headline, help) = match &note.stage {
                NoteStage::Unsent { reason } => {
                    let headline = crate::i18n::note_unsent_because(&clean(reason)).get(app.lang).to_string();
                    (headline, text.note_unsent_help.to_string())
                }
                _ => (crate::i18n::handing_over(&note.to).get(app.lang).to_string(), String::new()),
            };
            let mut lines = vec![
                Line::from(Span::styled(headline, theme.warning)),
                Line::from(Span::styled(help, theme.muted)),
                Line::default(),
            ];
            let body = note.message().text(app.lang);
            lines.extend(body.split("\r\n").map(|l| Line::from(clean(l))));
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
        }
    }
}

/// The form: who the note is for and when, the caller and call-back number on a line each
/// (scrolled so that the cursor shows), the concern wrapped over at least three lines, and what
/// the form asks of the user.
fn render_form(app: &App, note: &NoteForm, frame: &mut Frame, inner: Rect) {
    let (text, theme) = (app.lang.text(), &app.theme);
    let about = note.about.as_ref().map(|a| format!(" · {}", a.name())).unwrap_or_default();
    let cover =
        note.cover.as_ref().map(|c| format!(" ({}: {c})", crate::i18n::COVER.get(app.lang))).unwrap_or_default();
    let mut lines = vec![
        Line::from(Span::styled(clean(&format!("{}: {}{cover}{about}", text.message_for, note.to)), theme.strong)),
        Line::from(Span::styled(clean(&note.when), theme.muted)),
        Line::default(),
    ];
    let labels = [text.caller, text.callback, text.concern];
    let label_width = 13;
    let width = usize::from(inner.width);
    let room = width.saturating_sub(label_width);
    let mut cursor = None;
    for (i, label) in labels.iter().enumerate().take(2) {
        let focused = i == note.focus;
        let marker = if focused { "▶ " } else { "  " };
        let value = &note.fields[i];
        let (shown, at) = field::window(&clean(&value.text), value.cursor, room);
        if focused {
            cursor = Some((label_width + at, lines.len()));
        }
        let style = if focused { theme.selected } else { ratatui::style::Style::default() };
        lines.push(Line::from(vec![
            Span::styled(format!("{marker}{label:<10} "), theme.accent),
            Span::styled(shown, style),
        ]));
    }
    // The concern: its label on a line, then the text wrapped below it.
    let concern = &note.fields[2];
    let focused = note.focus == 2;
    let marker = if focused { "▶ " } else { "  " };
    lines.push(Line::from(Span::styled(format!("{marker}{}", labels[2]), theme.accent)));
    let indent = 4;
    let (wrapped, (row, column)) =
        field::wrap_chars(&clean(&concern.text), concern.cursor, width.saturating_sub(indent));
    // Below the concern: a blank line and the prompt, if any.
    let prompt = note.prompt.map(|p| match p {
        NotePrompt::NeedsCallerOrConcern => text.needs_caller_or_concern,
        NotePrompt::EscAgainDiscards => text.esc_again,
    });
    let below = 1 + usize::from(prompt.is_some());
    let shown_rows = usize::from(inner.height).saturating_sub(lines.len() + below).max(3);
    let top = row.saturating_sub(shown_rows - 1);
    let style = if focused { theme.selected } else { ratatui::style::Style::default() };
    for i in top..top + shown_rows {
        if focused && i == row {
            cursor = Some((indent + column, lines.len()));
        }
        let part = wrapped.get(i).cloned().unwrap_or_default();
        lines.push(Line::from(vec![Span::raw(" ".repeat(indent)), Span::styled(part, style)]));
    }
    if let Some(prompt) = prompt {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(prompt, theme.warning)));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((x, y)) = cursor
        && x < usize::from(inner.width)
        && y < usize::from(inner.height)
    {
        frame.set_cursor_position((inner.x + x as u16, inner.y + y as u16));
    }
}

/// The kept phone messages, newest first: when, for whom, the caller and where each stands;
/// below, the selected one in full.
fn render_notes(app: &App, frame: &mut Frame, area: Rect) {
    let (theme, lang) = (&app.theme, app.lang);
    let title = crate::i18n::notes_title(app.journal.entries.len()).get(lang).to_string();
    let block = Block::default().borders(Borders::ALL).title(Span::styled(title, theme.accent));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let entries = &app.journal.entries;
    if entries.is_empty() {
        let none = crate::i18n::no_notes(true).get(lang).to_string();
        frame.render_widget(Paragraph::new(Span::styled(none, theme.muted)), inner);
        return;
    }
    let selected = app.notes.as_ref().map_or(0, |view| view.selected).min(entries.len() - 1);
    // The list takes half the room at most; the selected note's text the rest.
    let list_rows = (usize::from(inner.height) / 2).max(1).min(entries.len());
    let top = selected.saturating_sub(list_rows - 1);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = entries
        .iter()
        .enumerate()
        .skip(top)
        .take(list_rows)
        .map(|(i, entry)| {
            let state = crate::i18n::delivery(&entry.delivery);
            // Where it stands first: an undelivered note is what the desk looks for.
            let marker = if i == selected { "▶" } else { " " };
            let row = format!("{marker} {} · {} · {} → {}", entry.when, state.get(lang), entry.caller, entry.to);
            let style = if i == selected { theme.selected } else { ratatui::style::Style::default() };
            let style = if entry.delivery.delivered() { style } else { style.patch(theme.warning) };
            Line::from(Span::styled(field::ellipsize(&clean(&row), width), style))
        })
        .collect();
    lines.push(Line::default());
    let body = entries[selected].message().text(lang);
    lines.extend(body.split("\r\n").map(|l| Line::from(clean(l))));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn render_help(app: &App, frame: &mut Frame, full: Rect) {
    let text = app.lang.text();
    let (area, rows) = help_layout(app.lang, full);
    let page = usize::from(area.height.saturating_sub(2));
    let first = app.help_scroll.min(rows.len().saturating_sub(page));
    let column = rows.iter().map(|(keys, _)| keys.chars().count()).max().unwrap_or(0);
    let lines: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(page)
        .map(|(keys, what)| {
            Line::from(vec![Span::styled(format!("{keys:<column$}"), app.theme.strong), Span::raw(what.clone())])
        })
        .collect();
    let mut block = Block::default().borders(Borders::ALL).title(Span::styled(text.help_title, app.theme.accent));
    if rows.len() > page {
        // Where the help stands, as the footer's "↑↓ blättern" moves it.
        let shown = format!(" {}–{}/{} ", first + 1, (first + page).min(rows.len()), rows.len());
        block = block.title(Line::from(shown).alignment(Alignment::Right));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Where the key help goes on a `full` screen, and its lines: the keys, then what they do beside
/// them, each wrapped in its column (the keys' column takes at most half the width). `update`
/// scrolls by the same lines.
pub fn help_layout(lang: Lang, full: Rect) -> (Rect, Vec<(String, String)>) {
    let rows = keys::help_rows(lang);
    let width = 80.min(full.width);
    let inner = usize::from(width.saturating_sub(2));
    let widest = rows.iter().map(|(keys, _)| keys.chars().count()).max().unwrap_or(0) + 2;
    let column = widest.min(inner / 2).max(3);
    let mut lines = Vec::new();
    for (keys, what) in rows {
        let keys = field::wrap_words(&keys, column - 2);
        let what = field::wrap_words(what, inner.saturating_sub(column).max(1));
        for i in 0..keys.len().max(what.len()) {
            let shown = keys.get(i).map(String::as_str).unwrap_or_default();
            lines.push((format!("{shown:<column$}"), what.get(i).cloned().unwrap_or_default()));
        }
    }
    let height = (lines.len() as u16 + 2).min(full.height);
    let area = Rect::new(full.x + (full.width - width) / 2, full.y + (full.height - height) / 2, width, height);
    (area, lines)
}
