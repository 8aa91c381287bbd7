//! The view on small screens and with every message it can show: whole screens rendered into
//! ratatui's `TestBackend`, at 60×20 and 80×24, in German and English.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::App;
use super::field::Edit;
use super::message::{Action, Message};
use super::ui;
use super::update::update;
use crate::directory::{self, Source};
use crate::i18n::Lang;

/// The year every test lives in.
const YEAR: i32 = 2026;

fn app(lang: Lang, columns: u16, rows: u16) -> App {
    App::new(directory::load(&Source::Embedded, YEAR).unwrap(), lang, YEAR, (columns, rows))
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Message::Action(Action::Edit(Edit::Insert(c))));
    }
}

/// The screen as text, one line per row.
fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    terminal.draw(|frame| ui::render(app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let line: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn ctrl_r_on_the_embedded_directory_says_there_is_no_file() {
    for (lang, said) in [(Lang::De, "Keine Datei zum Neuladen"), (Lang::En, "No file to reload")] {
        let mut app = app(lang, 80, 24);
        app.embedded = true;
        assert_eq!(update(&mut app, Message::Action(Action::Reload)), None, "nothing to load");
        assert!(app.status_text().is_some_and(|s| s.starts_with(said)), "{:?}", app.status_text());
        assert!(screen(&app).contains(said), "{}", screen(&app));
        // With a data file behind the view, Ctrl-R loads it again.
        app.embedded = false;
        assert_eq!(update(&mut app, Message::Action(Action::Reload)), Some(super::message::Command::Reload));
    }
}

#[test]
fn with_only_filler_words_no_key_copies_or_sends_and_each_asks_for_a_name() {
    for (lang, said) in [(Lang::De, "Bitte einen Namen tippen"), (Lang::En, "Type a name")] {
        let mut app = app(lang, 80, 24);
        type_text(&mut app, "Frau ");
        assert!(app.selection().is_none(), "nothing is selected");
        for action in [Action::CopyPhone, Action::CopyEmail, Action::Call, Action::Email, Action::StartNote] {
            app.status = None;
            assert_eq!(update(&mut app, Message::Action(action)), None, "{action:?} copies or sends nothing");
            assert!(app.note.is_none(), "{action:?} opens no form");
            let status = app.status_text().unwrap_or_default().to_string();
            assert!(status.starts_with(said) && status.contains("Frau"), "{action:?}: {status}");
        }
        let shown = screen(&app);
        assert!(!shown.contains('▶'), "no row is marked as selected:\n{shown}");
        // A name after the title selects again.
        type_text(&mut app, "Schewe");
        assert!(app.selection().is_some());
    }
}

/// Selects every entry of the unfiltered list in turn and hands the app to `check`.
fn for_every_entry(lang: Lang, columns: u16, rows: u16, mut check: impl FnMut(&App)) {
    let mut app = app(lang, columns, rows);
    for _ in 0..app.hits.len() {
        check(&app);
        update(&mut app, Message::Action(Action::Down));
    }
}

#[test]
fn whom_to_call_or_write_is_on_screen_at_60x20_and_the_head_at_80x24() {
    for lang in [Lang::De, Lang::En] {
        for (columns, rows) in [(60, 20), (80, 24)] {
            for_every_entry(lang, columns, rows, |app| {
                let shown = screen(app);
                let dir = &app.directory;
                let entry = app.selection().unwrap().entry;
                // What F5 dials or F6 writes to: the responsible person's number and address, or
                // the office's mailbox.
                let (phone, email) = match app.index.target(entry) {
                    directory::Target::City(c) => (Some(&dir.contact_of(c).phone), &dir.contact_of(c).email),
                    directory::Target::Person(p) => (Some(&dir.people()[p].phone), &dir.people()[p].email),
                    directory::Target::Topic(t) => match dir.topic_contact(t) {
                        Some(person) => (Some(&person.phone), &person.email),
                        None => (None, &dir.office().email),
                    },
                    directory::Target::Office => (None, &dir.office().email),
                };
                let name = app.row_name(entry);
                if let Some(phone) = phone {
                    assert!(shown.contains(phone.as_str()), "{name}: no {phone} at {columns}x{rows}\n{shown}");
                }
                assert!(shown.contains(email.as_str()), "{name}: no {email} at {columns}x{rows}\n{shown}");
                // A person's own details name no head; every other entry's do.
                let person = matches!(app.index.target(entry), directory::Target::Person(_));
                if (columns, rows) == (80, 24) && !person {
                    let head = &dir.head().phone;
                    assert!(shown.contains(head.as_str()), "{name}: the head's {head} is off screen\n{shown}");
                }
            });
        }
    }
}

#[test]
fn the_english_list_names_topics_in_english() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "europe weekend");
    let shown = screen(&app);
    assert!(shown.contains("▶ Europe Weekend") && !shown.contains("Europawochenende"), "{shown}");
    assert!(!app.marks[0].is_empty(), "the English name is highlighted where it matched");
    let mut app = super::view_tests::app(Lang::De, 80, 24);
    type_text(&mut app, "europe weekend");
    assert!(screen(&app).contains("▶ Europawochenende"), "{}", screen(&app));
}

#[test]
fn the_help_scrolls_when_it_does_not_fit() {
    for lang in [Lang::De, Lang::En] {
        let mut app = app(lang, 60, 20);
        update(&mut app, Message::Action(Action::ToggleHelp));
        let first = screen(&app);
        let last_row = lang.text().syntax;
        assert!(!first.contains(last_row), "the last row does not fit at first:\n{first}");
        for _ in 0..10 {
            update(&mut app, Message::Action(Action::PageDown));
        }
        let end = screen(&app);
        assert!(end.contains(last_row), "PgDn reaches the last row:\n{end}");
        update(&mut app, Message::Action(Action::Down));
        assert_eq!(screen(&app), end, "no further than the end");
        update(&mut app, Message::Action(Action::PageUp));
        update(&mut app, Message::Action(Action::Up));
        assert_ne!(screen(&app), end);
        for _ in 0..10 {
            update(&mut app, Message::Action(Action::Up));
        }
        assert_eq!(screen(&app), first, "↑ goes back to the top");
        assert!(app.help, "scrolling keeps the help open");
    }
}

macro_rules! snapshot {
    ($name:ident, $lang:expr, $columns:expr, $rows:expr, $setup:expr) => {
        #[test]
        fn $name() {
            let mut app = app($lang, $columns, $rows);
            #[allow(clippy::redundant_closure_call)]
            ($setup)(&mut app);
            insta::assert_snapshot!(screen(&app));
        }
    };
}

/// The help, scrolled down a page.
fn scrolled_help(app: &mut App) {
    update(app, Message::Action(Action::ToggleHelp));
    update(app, Message::Action(Action::PageDown));
}

snapshot!(topic_60x20_de, Lang::De, 60, 20, |app| type_text(app, "mayors for peace"));
snapshot!(topic_60x20_en, Lang::En, 60, 20, |app| type_text(app, "mayors for peace"));
snapshot!(topic_80x24_de, Lang::De, 80, 24, |app| type_text(app, "mayors for peace"));
snapshot!(topic_80x24_en, Lang::En, 80, 24, |app| type_text(app, "mayors for peace"));
snapshot!(person_60x20_de, Lang::De, 60, 20, |app| type_text(app, "schewe"));
snapshot!(person_60x20_en, Lang::En, 60, 20, |app| type_text(app, "schewe"));
snapshot!(help_scrolled_60x20_de, Lang::De, 60, 20, scrolled_help);
snapshot!(help_scrolled_60x20_en, Lang::En, 60, 20, scrolled_help);
snapshot!(help_scrolled_80x24_de, Lang::De, 80, 24, scrolled_help);
snapshot!(help_scrolled_80x24_en, Lang::En, 80, 24, scrolled_help);
snapshot!(filler_80x24_de, Lang::De, 80, 24, |app| type_text(app, "Frau "));
