//! The details pane: everything about the selected city or person, as lines of text.

use ratatui::text::{Line, Span};

use super::app::App;
use super::text::clean;
use crate::directory::Target;
use crate::directory::{Person, Phone};

/// The lines of the details pane for the selected entry; empty when nothing is selected.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let Some(hit) = app.selection() else { return Vec::new() };
    match app.index.target(hit.entry) {
        Target::City(city) => city_lines(app, city),
        Target::Person(person) => person_lines(app, person),
    }
}

/// What the caller needs comes first (country, year, who and how to reach them), so that it is on
/// screen even in a small terminal; the rest follows.
fn city_lines(app: &App, index: usize) -> Vec<Line<'static>> {
    let (text, theme) = (app.lang.text(), &app.theme);
    let city = &app.directory.cities()[index];
    let age = app.year - city.since;
    let mut lines = vec![
        Line::from(Span::styled(clean(&city.name), theme.accent)),
        Line::from(vec![
            Span::styled(
                format!("{} ({})", clean(app.lang.country(&city.country)), clean(&city.country.code)),
                theme.strong,
            ),
            Span::raw(" · "),
            Span::styled(format!("{} {} ({age} {})", text.partner_since, city.since, text.years), theme.strong),
        ]),
    ];
    let contact = app.directory.contact_of(index);
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", text.responsible), theme.accent),
        Span::styled(clean(&contact.full_name()), theme.strong),
    ]));
    lines.extend(contact_lines(app, contact));
    lines.push(Line::default());
    if let Some(german) = &city.german {
        lines.push(labelled(app, text.german, german));
    }
    if let Some(native) = &city.native {
        lines.push(labelled(app, text.native, native));
    }
    if !city.aliases.is_empty() {
        lines.push(labelled(app, text.also, &city.aliases.join(", ")));
    }
    lines.push(labelled(app, text.region, &city.region));
    let head = app.directory.head();
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(text.escalation, theme.accent)));
    lines.push(Line::from(format!("  {}  {}", clean(&head.full_name()), clean(&head.phone))));
    if !city.note.is_empty() {
        lines.push(Line::default());
        lines.push(labelled(app, text.note, &city.note));
    }
    lines
}

fn person_lines(app: &App, index: usize) -> Vec<Line<'static>> {
    let (text, theme) = (app.lang.text(), &app.theme);
    let person = &app.directory.people()[index];
    let mut lines = vec![
        Line::from(Span::styled(clean(&person.full_name()), theme.accent)),
        labelled(app, text.role, &person.role),
        Line::default(),
    ];
    lines.extend(contact_lines(app, person));
    let cities: Vec<_> = app.directory.cities_of(index).collect();
    if !cities.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(text.cities, theme.accent)));
        for city in cities {
            let country = app.lang.country(&city.country);
            lines.push(Line::from(format!("  {} ({}), {}", clean(&city.name), clean(country), city.since)));
        }
    }
    lines
}

/// Phone and email first, then the phone from abroad, the extension and the fax.
fn contact_lines(app: &App, person: &Person) -> Vec<Line<'static>> {
    let text = app.lang.text();
    let mut lines =
        vec![labelled_value(app, text.phone, &person.phone), labelled_value(app, text.email, &person.email)];
    if let Some(phone) = Phone::parse(&person.phone) {
        lines.push(labelled(app, text.international, &phone.international()));
        if let Some(extension) = phone.extension {
            lines.push(labelled(app, text.extension, extension));
        }
    }
    lines.push(labelled(app, text.fax, &person.fax));
    lines
}

/// `  Label          value`, the label muted.
fn labelled(app: &App, label: &str, value: &str) -> Line<'static> {
    Line::from(vec![Span::styled(format!("  {label:<14}"), app.theme.muted), Span::raw(clean(value))])
}

/// Like [`labelled`], with the value emphasised: what the caller came for.
fn labelled_value(app: &App, label: &str, value: &str) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {label:<14}"), app.theme.muted),
        Span::styled(clean(value), app.theme.strong),
    ])
}
