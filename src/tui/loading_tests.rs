//! The first frame, while the data loads, and the step to the app over it: what is typed
//! meanwhile is kept, the size follows the terminal, and Esc or Ctrl-C quit.

use super::app::App;
use super::field::Edit;
use super::message::{Action, Command, Message};
use super::tests::{directory, drawn, today};
use super::theme::Theme;
use super::ui;
use super::update::{Screen, update, update_screen};
use crate::i18n::Lang;

/// The app as the loading thread hands it over: it has not been given a size yet.
fn loaded(lang: Lang) -> Box<App> {
    Box::new(App::new(directory(), lang, today(), (0, 0)))
}

/// Whatever the screen shows, as text, one line per row, at `columns` × `rows`.
fn shown(screen: &Screen, columns: u16, rows: u16) -> String {
    drawn((columns, rows), |frame| ui::render_screen(screen, frame))
}

fn key(screen: &mut Screen, action: Action) -> Option<Command> {
    update_screen(screen, Message::Action(action))
}

fn type_text(screen: &mut Screen, text: &str) {
    for c in text.chars() {
        assert_eq!(key(screen, Action::Edit(Edit::Insert(c))), None);
    }
}

fn app(screen: &Screen) -> &App {
    screen.app().expect("the data is there")
}

#[test]
fn keys_typed_while_loading_become_the_query() {
    let mut screen = Screen::loading(Lang::En, Theme::color(), (80, 24));
    assert_eq!(screen.mode(), super::keys::Mode::Loading);
    type_text(&mut screen, "plx");
    key(&mut screen, Action::Edit(Edit::Backspace));
    update_screen(&mut screen, Message::Paste("o".into()));
    // Keys that need the data do nothing yet, and quit nothing.
    for action in [Action::CopyPhone, Action::StartNote, Action::Down, Action::ToggleHelp] {
        assert_eq!(key(&mut screen, action), None);
    }
    assert!(!screen.quit(), "only editing and quitting mean something while loading");
    // The app asks for the journal as soon as it is there.
    assert_eq!(update_screen(&mut screen, Message::Loaded(loaded(Lang::En))), Some(Command::ReadJournal));
    let app = app(&screen);
    assert_eq!((app.query.as_str(), app.cursor), ("plo", 3));
    assert_eq!(app.index.name(app.selection().unwrap().entry), "Płock");
    assert_eq!(app.size, (80, 24));
}

#[test]
fn esc_clears_then_quits_and_ctrl_c_quits_while_loading() {
    let mut screen = Screen::loading(Lang::De, Theme::color(), (80, 24));
    type_text(&mut screen, "x");
    key(&mut screen, Action::Escape);
    assert!(!screen.quit(), "the first Esc clears");
    assert!(screen.query_is_empty());
    key(&mut screen, Action::Escape);
    assert!(screen.quit(), "the second quits");
    let mut screen = Screen::loading(Lang::De, Theme::color(), (80, 24));
    type_text(&mut screen, "graz");
    key(&mut screen, Action::Quit);
    assert!(screen.quit(), "Ctrl-C quits at once");
}

#[test]
fn a_resize_while_loading_is_the_size_the_app_starts_with() {
    let mut screen = Screen::loading(Lang::En, Theme::color(), (80, 24));
    update_screen(&mut screen, Message::Resize(50, 15));
    type_text(&mut screen, "plo");
    update_screen(&mut screen, Message::Loaded(loaded(Lang::En)));
    assert_eq!(app(&screen).size, (50, 15));
    // The same screen as when the query is typed into the ready app at that size.
    let mut typed = loaded(Lang::En);
    typed.size = (50, 15);
    for c in "plo".chars() {
        update(&mut typed, Message::Action(Action::Edit(Edit::Insert(c))));
    }
    assert_eq!(shown(&screen, 50, 15), shown(&Screen::Ready(typed), 50, 15));
}

#[test]
fn keys_after_the_data_reach_the_app() {
    let mut screen = Screen::loading(Lang::En, Theme::color(), (80, 24));
    type_text(&mut screen, "pl");
    update_screen(&mut screen, Message::Loaded(loaded(Lang::En)));
    type_text(&mut screen, "o");
    assert_eq!(app(&screen).query, "plo");
    key(&mut screen, Action::ToggleHelp);
    assert_eq!(screen.mode(), super::keys::Mode::Help, "F1 opens the help once the data is there");
    // A second answer from the loading thread cannot happen; if it did, it would change nothing.
    update_screen(&mut screen, Message::Loaded(loaded(Lang::En)));
    assert_eq!(app(&screen).query, "plo");
}

/// The loading frame with "plo" typed, then the same screen once the data is there.
fn loading_then_ready(lang: Lang, columns: u16, rows: u16) -> String {
    let mut screen = Screen::loading(lang, Theme::color(), (columns, rows));
    type_text(&mut screen, "plo");
    let loading = shown(&screen, columns, rows);
    update_screen(&mut screen, Message::Loaded(loaded(lang)));
    let ready = shown(&screen, columns, rows);
    format!("{loading}{}\n{ready}", "-".repeat(usize::from(columns)))
}

#[test]
fn loading_then_ready_80x24_de() {
    insta::assert_snapshot!(loading_then_ready(Lang::De, 80, 24));
}

#[test]
fn loading_then_ready_80x24_en() {
    insta::assert_snapshot!(loading_then_ready(Lang::En, 80, 24));
}

#[test]
fn loading_then_ready_50x15_en() {
    insta::assert_snapshot!(loading_then_ready(Lang::En, 50, 15));
}
