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
