//! The details pane: everything about the selected city or person, as lines of text.

use ratatui::text::{Line, Span};

use super::app::App;
use super::text::clean;
use crate::directory::{Address, Answer, Answerer, City, Office, Person, Phone, Target, Topic, date};
use crate::i18n;

/// The lines of the details pane for the selected entry; empty when nothing is selected.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let Some(hit) = app.selection() else {
        // Filler words alone: say what the view needs instead of showing the first entry.
        return match app.only_filler() {
            Some(_) => vec![Line::from(Span::styled(app.nothing_selected(), app.theme.warning))],
            None => Vec::new(),
        };
    };
    match app.index.target(hit.entry) {
        Target::City(city) => city_lines(app, city),
        Target::Person(person) => person_lines(app, person),
        Target::Office => office_lines(app),
        Target::Topic(topic) => topic_lines(app, topic),
    }
}

/// A topic: who answers for it first (the person the page names, or else the office's shared
/// mailbox, with the head for escalation), so that whom to call or write is on screen even at
/// 60×20; then what it is, from the page.
fn topic_lines(app: &App, index: usize) -> Vec<Line<'static>> {
    let (text, theme) = (app.lang.text(), &app.theme);
    // `aliases`: for searching: the pane names the topic.
    // `contact`: through `topic_contact` below, which also knows who answers when nobody is named.
    let Topic { name, aliases: _, summary, contact: _, note } = &app.directory.topics()[index];
    let mut lines = vec![Line::from(vec![
        Span::styled(clean(name.get(app.lang)), theme.accent),
        Span::styled(format!(" · {}", text.topic), theme.muted),
    ])];
    match app.directory.topic_contact(index) {
        Some(person) => lines.extend(answer_lines(app, person, app.directory.answers_for_topic(index, app.today))),
        None => {
            let office = app.directory.office();
            lines.push(Line::from(vec![
                Span::styled(format!("{}: ", text.responsible), theme.accent),
                Span::styled(clean(&office.department), theme.strong),
            ]));
            lines.extend(labelled_value(app, text.email, &office.email));
            lines.extend(labelled(app, text.fax, &office.fax));
        }
    }
    lines.extend(escalation(app));
    lines.push(Line::default());
    lines.extend(labelled(app, text.summary, summary.get(app.lang)));
    lines.extend(source_note(app, note));
    lines
}

/// The head of department for escalation, after a blank line.
fn escalation(app: &App) -> Vec<Line<'static>> {
    let (text, theme) = (app.lang.text(), &app.theme);
    let head = app.directory.head();
    vec![
        Line::default(),
        Line::from(Span::styled(text.escalation, theme.accent)),
        Line::from(format!("  {}  {}", clean(&head.full_name()), clean(&head.phone))),
    ]
}

/// The entry's source note, after a blank line, if it has one.
fn source_note(app: &App, note: &crate::directory::Note) -> Vec<Line<'static>> {
    if note.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::default()];
    lines.extend(labelled(app, app.lang.text().note, note.get(app.lang)));
    lines
}

/// The office: how to write to it and where it is, then who leads it.
fn office_lines(app: &App) -> Vec<Line<'static>> {
    let (text, theme) = (app.lang.text(), &app.theme);
    // `head`: through `escalation`, which shows the head as a person with phone and email.
    let Office { name, department, visiting_address, postal_address, transit_stop, email, fax, head: _ } =
        app.directory.office();
    let mut lines = vec![Line::from(Span::styled(clean(department), theme.accent))];
    lines.extend(labelled(app, text.office, name));
    lines.push(Line::default());
    lines.extend(labelled_value(app, text.email, email));
    lines.extend(labelled_value(app, text.fax, fax));
    // The head is whom to call: before the addresses, so that a small screen shows them.
    lines.extend(escalation(app));
    lines.push(Line::default());
    for (label, address) in [(text.visiting_address, visiting_address), (text.postal_address, postal_address)] {
        let Address { building, street, postcode, city } = address;
        let building = building.as_deref().map(|b| format!("{b}, ")).unwrap_or_default();
        let written = format!("{building}{street}, {postcode} {city}");
        lines.extend(labelled(app, label, &written));
    }
    lines.extend(labelled(app, text.transit_stop, transit_stop));
    lines
}

/// What the caller needs comes first (country, year, who and how to reach them, the head), so
/// that it is on screen even in a small terminal; the rest follows.
fn city_lines(app: &App, index: usize) -> Vec<Line<'static>> {
    let (text, theme) = (app.lang.text(), &app.theme);
    // Taken apart in full: a new field does not compile until the pane shows it or leaves it out.
    // `contact`: through `contact_of` and `answers_for_city`: the person, and who answers today.
    let City { name, native, german, aliases, country, region, since, contact: _, note } =
        &app.directory.cities()[index];
    let age = app.year - since;
    let mut lines = vec![
        Line::from(Span::styled(clean(name), theme.accent)),
        Line::from(vec![
            Span::styled(format!("{} ({})", clean(country.name(app.lang)), clean(&country.code)), theme.strong),
            Span::raw(" · "),
            Span::styled(crate::i18n::partner_since(*since, age).get(app.lang).to_string(), theme.strong),
        ]),
    ];
    let contact = app.directory.contact_of(index);
    lines.extend(answer_lines(app, contact, app.directory.answers_for_city(index, app.today)));
    // The head for escalation next, so that a long alias list or note cannot push it off screen.
    lines.extend(escalation(app));
    lines.push(Line::default());
    if let Some(german) = german {
        lines.extend(labelled(app, text.german, german));
    }
    if let Some(native) = native {
        lines.extend(labelled(app, text.native, native));
    }
    if !aliases.is_empty() {
        lines.extend(labelled(app, text.also, &aliases.join(", ")));
    }
    lines.extend(labelled(app, text.region, region));
    let (year, years) = crate::actions::next_round(*since, app.year);
    lines.extend(labelled(app, text.next_anniversary, &crate::actions::round_text(app.lang, years, year)));
    lines.extend(source_note(app, note));
    lines
}

fn person_lines(app: &App, index: usize) -> Vec<Line<'static>> {
    let (text, theme) = (app.lang.text(), &app.theme);
    let person = &app.directory.people()[index];
    // How to reach them first, so that a small screen shows it; then what they do.
    let mut lines = vec![Line::from(Span::styled(clean(&person.full_name()), theme.accent))];
    // While they are away, who answers instead comes first.
    let answer = app.directory.answers(Some(index), app.today);
    if answer.stands_in() {
        lines.extend(away_lines(app, answer));
        lines.push(Line::default());
    }
    lines.extend(contact_lines(app, person));
    lines.push(Line::default());
    lines.extend(labelled(app, text.role, person.role_in(app.lang)));
    if let Some(deputy) = app.directory.deputy_of(index) {
        lines.extend(labelled(app, i18n::DEPUTY.get(app.lang), &app.directory.people()[deputy].full_name()));
    }
    let cities: Vec<_> = app.directory.cities_of(index).collect();
    if !cities.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(text.cities, theme.accent)));
        for city in cities {
            let country = city.country.name(app.lang);
            lines.push(Line::from(format!("  {} ({}), {}", clean(&city.name), clean(country), city.since)));
        }
    }
    lines
}

/// The contact, and while they are away, their absence and who answers instead with how to reach
/// them, before the contact's own lines: the desk calls whoever answers now.
fn answer_lines(app: &App, contact: &Person, answer: Answer) -> Vec<Line<'static>> {
    let (text, theme) = (app.lang.text(), &app.theme);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{}: ", text.responsible), theme.accent),
        Span::styled(clean(&contact.full_name()), theme.strong),
    ])];
    if answer.stands_in() {
        lines.extend(away_lines(app, answer));
    } else {
        lines.extend(contact_lines(app, contact));
    }
    lines
}

/// `Abwesend  01.12. bis 04.12.`, then `Erreichbar: Julia Kuz (Vertretung)` with their phone and
/// email, or the shared mailbox.
fn away_lines(app: &App, answer: Answer) -> Vec<Line<'static>> {
    let (lang, theme) = (app.lang, &app.theme);
    let mut lines = Vec::new();
    if let Some(away) = answer.away {
        let span = i18n::away_span(&date::short(away.from, app.today, lang), &date::short(away.until, app.today, lang));
        lines.extend(labelled(app, i18n::AWAY.get(lang), span.get(lang)));
    }
    let why = answer.why.stand_in_word();
    let name = match answer.who {
        Answerer::Person(_, person) => person.full_name(),
        Answerer::Office(office) => office.department.clone(),
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", i18n::ANSWERS_NOW.get(lang)), theme.accent),
        Span::styled(clean(i18n::answers_as(&name, why).get(lang)), theme.strong),
    ]));
    match answer.who {
        Answerer::Person(_, person) => lines.extend(contact_lines(app, person)),
        Answerer::Office(office) => lines.extend(labelled_value(app, app.lang.text().email, &office.email)),
    }
    lines
}

/// Phone and email first, then the phone from abroad, the extension and the fax.
/// (The name and role stand above these lines; the id is for the data file alone.)
fn contact_lines(app: &App, person: &Person) -> Vec<Line<'static>> {
    // `id`: for the data file alone.
    // `given_name`, `family_name`: the name stands above these lines.
    // `role`, `role_en`: in the person's own pane (`person_lines`), in the reader's language.
    // `deputy`: in the person's own pane (`person_lines`), not under every contact.
    let Person { id: _, given_name: _, family_name: _, role: _, role_en: _, phone, fax, email, deputy: _ } = person;
    let text = app.lang.text();
    let mut lines = labelled_value(app, text.phone, phone);
    lines.extend(labelled_value(app, text.email, email));
    if let Some(parsed) = Phone::parse(phone) {
        lines.extend(labelled(app, text.international, &parsed.international()));
        if let Some(extension) = parsed.extension {
            lines.extend(labelled(app, text.extension, extension));
        }
    }
    lines.extend(labelled(app, text.fax, fax));
    lines
}

/// Where values start, after `  Label          `.
const INDENT: usize = 16;

/// `  Label          value`, the label muted; a long value wraps under itself, not under the label.
fn labelled(app: &App, label: &str, value: &str) -> Vec<Line<'static>> {
    labelled_styled(app, label, value, ratatui::style::Style::default())
}

/// Like [`labelled`], with the value emphasised: what the caller came for.
fn labelled_value(app: &App, label: &str, value: &str) -> Vec<Line<'static>> {
    labelled_styled(app, label, value, app.theme.strong)
}

fn labelled_styled(app: &App, label: &str, value: &str, style: ratatui::style::Style) -> Vec<Line<'static>> {
    let pane = app.areas().details.width.saturating_sub(2) as usize;
    let parts = super::field::wrap_words(&clean(value), pane.saturating_sub(INDENT).max(8));
    parts
        .into_iter()
        .enumerate()
        .map(|(i, part)| {
            let lead = if i == 0 { format!("  {label:<14}") } else { " ".repeat(INDENT) };
            Line::from(vec![Span::styled(lead, app.theme.muted), Span::styled(part, style)])
        })
        .collect()
}
