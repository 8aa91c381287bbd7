//! `update` on plain values, and whole screens rendered into ratatui's `TestBackend`.

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::App;
use super::field::Edit;
use super::message::{Action, Command, Copied, CopyOutcome, Message, Opened};
use super::ui;
use super::update::update;
use crate::directory::Target;
use crate::directory::{self, Directory, EMBEDDED, Source};
use crate::handover::Outcome;
use crate::i18n::Lang;

/// Every entry of the embedded directory: 17 cities, 6 people, 10 topics and the office.
const ALL: usize = 34;

/// The year every test lives in, so that "38 Jahre" never changes.
pub(super) const YEAR: i32 = 2026;

/// The day every test lives in: the view's clock is an input.
pub(super) fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(YEAR, 11, 29).unwrap()
}

pub(super) fn directory() -> Directory {
    directory::load(&Source::Embedded, YEAR).unwrap()
}

pub(super) fn app(lang: Lang, columns: u16, rows: u16) -> App {
    App::new(directory(), lang, today(), (columns, rows))
}

pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        assert_eq!(update(app, Message::Action(Action::Edit(Edit::Insert(c)))), None);
    }
}

fn selected_name(app: &App) -> String {
    app.index.name(app.selection().expect("a selection").entry).to_string()
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    drawn(app.size, |frame| ui::render(app, frame))
}

/// What `draw` draws on a screen of `(columns, rows)`, as text, one line per row.
pub(super) fn drawn(size: (u16, u16), draw: impl FnOnce(&mut ratatui::Frame)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
    terminal.draw(draw).unwrap();
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
fn typing_searches_and_selects_the_best_match() {
    let mut app = app(Lang::De, 80, 24);
    assert_eq!(app.hits.len(), ALL);
    type_text(&mut app, "plo");
    assert_eq!(app.query, "plo");
    assert_eq!(app.cursor, 3);
    assert_eq!(selected_name(&app), "Płock");
    assert_eq!(app.marks[0], vec![0, 1, 2]);
}

#[test]
fn editing_the_query() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "land:ungarn tol");
    assert_eq!(app.hits.len(), 1);
    update(&mut app, Message::Action(Action::Edit(Edit::DeleteWord)));
    assert_eq!(app.query, "land:ungarn ");
    assert_eq!(app.hits.len(), 2);
    update(&mut app, Message::Action(Action::Edit(Edit::Backspace)));
    update(&mut app, Message::Action(Action::Edit(Edit::Home)));
    update(&mut app, Message::Action(Action::Edit(Edit::Backspace)));
    assert_eq!(app.query, "land:ungarn", "Backspace at the start does nothing");
    update(&mut app, Message::Action(Action::Edit(Edit::Right)));
    update(&mut app, Message::Action(Action::Edit(Edit::Insert('X'))));
    assert_eq!(app.query, "lXand:ungarn");
    update(&mut app, Message::Action(Action::Edit(Edit::End)));
    assert_eq!(app.cursor, 12);
    update(&mut app, Message::Action(Action::Edit(Edit::Clear)));
    assert_eq!((app.query.as_str(), app.cursor, app.hits.len()), ("", 0, ALL));
}

#[test]
fn moving_the_selection_stays_within_the_results() {
    let mut app = app(Lang::En, 80, 24);
    update(&mut app, Message::Action(Action::Up));
    assert_eq!(app.selected, 0);
    update(&mut app, Message::Action(Action::Down));
    update(&mut app, Message::Action(Action::Down));
    assert_eq!(app.selected, 2);
    for _ in 0..5 {
        update(&mut app, Message::Action(Action::PageDown));
    }
    assert_eq!(app.selected, ALL - 1, "clamped to the last");
    assert!(app.offset > 0 && app.selected < app.offset + app.list_rows(), "the selection stays on screen");
    update(&mut app, Message::Action(Action::PageUp));
    assert_eq!(app.selected, ALL - 1 - app.list_rows());
}

#[test]
fn selection_is_clamped_when_reloaded_results_shrink() {
    let mut app = app(Lang::En, 80, 24);
    for _ in 0..5 {
        update(&mut app, Message::Action(Action::PageDown));
    }
    assert_eq!(app.selected, ALL - 1);
    // The same data without Troyes: one result fewer.
    let start = EMBEDDED.find("        City(\n            name: \"Troyes\"").unwrap();
    let end = EMBEDDED.find("        City(\n            name: \"Chesterfield\"").unwrap();
    let smaller = format!("{}{}", &EMBEDDED[..start], &EMBEDDED[end..]);
    let reloaded = directory::parse(&smaller, Source::File("d.ron".into()), YEAR).unwrap();
    update(&mut app, Message::Reloaded(Ok(Box::new(crate::cache::Indexed::new(reloaded)))));
    assert_eq!(app.hits.len(), ALL - 1);
    assert_eq!(app.selected, ALL - 2);
    assert_eq!(app.status_text(), Some("Data reloaded"));
}

#[test]
fn an_invalid_reload_keeps_the_data_and_warns() {
    let mut app = app(Lang::En, 80, 24);
    update(&mut app, Message::Reloaded(Err("d.ron:3: unknown field `x`".into())));
    assert_eq!(app.hits.len(), ALL);
    assert_eq!(app.warning.as_deref(), Some("Data not reloaded, keeping the data shown: d.ron:3: unknown field `x`"));
    assert!(screen(&app).contains("Data not reloaded, keeping the data shown: d.ron:3"));
}

#[test]
fn escape_clears_then_quits_and_closes_help_first() {
    let mut app = app(Lang::De, 80, 24);
    type_text(&mut app, "graz");
    update(&mut app, Message::Action(Action::ToggleHelp));
    update(&mut app, Message::Action(Action::Escape));
    assert!(!app.help && app.query == "graz" && !app.quit);
    update(&mut app, Message::Action(Action::Escape));
    assert!(app.query.is_empty() && !app.quit);
    update(&mut app, Message::Action(Action::Escape));
    assert!(app.quit);
}

#[test]
fn copy_asks_for_the_responsible_persons_phone_or_email() {
    let mut app = app(Lang::De, 80, 24);
    type_text(&mut app, "plock");
    assert_eq!(
        update(&mut app, Message::Action(Action::CopyPhone)),
        Some(Command::Copy("(06151) 13-2324".into(), Copied::Phone))
    );
    assert_eq!(
        update(&mut app, Message::Action(Action::CopyEmail)),
        Some(Command::Copy("international@darmstadt.de".into(), Copied::Email))
    );
    update(&mut app, Message::Copied(CopyOutcome::Native(Copied::Phone, "wl-copy".into())));
    assert_eq!(app.status_text(), Some("Telefonnummer kopiert (wl-copy)"));
    update(&mut app, Message::Copied(CopyOutcome::TerminalOnly(Copied::Email)));
    assert_eq!(app.status_text(), Some("E-Mail-Adresse ans Terminal geschrieben (OSC 52), nicht bestätigt"));
    update(&mut app, Message::Tick(100));
    assert_eq!(app.status_text(), None, "the status message is short-lived");
    update(&mut app, Message::Action(Action::Edit(Edit::Clear)));
    type_text(&mut app, "2325");
    assert_eq!(
        update(&mut app, Message::Action(Action::CopyPhone)),
        Some(Command::Copy("(06151) 13-2325".into(), Copied::Phone))
    );
    type_text(&mut app, "zzzz");
    assert_eq!(update(&mut app, Message::Action(Action::CopyPhone)), None);
    assert_eq!(app.status_text(), Some("Nichts ausgewählt"));
}

#[test]
fn a_click_selects_the_row_under_it() {
    let mut app = app(Lang::En, 80, 24);
    let areas = super::layout::Areas::new(80, 24, 0);
    update(&mut app, Message::Click(areas.list.x + 3, areas.list.y + 1 + 4));
    assert_eq!(app.selected, 4);
    update(&mut app, Message::Click(areas.details.x + 3, areas.details.y + 2));
    assert_eq!(app.selected, 4, "a click outside the list changes nothing");
    update(&mut app, Message::ScrollDown);
    assert_eq!(app.selected, 5);
}

#[test]
fn a_person_shows_their_cities() {
    let mut app = app(Lang::En, 100, 30);
    type_text(&mut app, "kuz");
    assert!(matches!(app.index.target(app.selection().unwrap().entry), Target::Person(_)));
    let text = screen(&app);
    for expected in
        ["Julia Kuz", "+49 6151 13-2325", "Extension     2325", "Graz (Austria), 1968", "Logroño (Spain), 2002"]
    {
        assert!(text.contains(expected), "{expected:?} missing from\n{text}");
    }
}

#[test]
fn the_match_count_and_the_details_of_plock() {
    let mut app = app(Lang::De, 120, 40);
    type_text(&mut app, "plo");
    let text = screen(&app);
    for expected in [
        "1/34",
        "Polen (PL)",
        "Partnerstadt seit 1988 (38 Jahre)",
        "Irene Schewe",
        "(06151) 13-2324",
        "Durchwahl     2324",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from\n{text}");
    }
}

macro_rules! snapshot {
    ($name:ident, $lang:expr, $columns:expr, $rows:expr, $setup:expr) => {
        #[test]
        fn $name() {
            let mut app = app($lang, $columns, $rows);
            let setup: fn(&mut App) = $setup;
            setup(&mut app);
            insta::assert_snapshot!(screen(&app));
        }
    };
}
pub(super) use snapshot;

snapshot!(plo_80x24_de, Lang::De, 80, 24, |app| type_text(app, "plo"));
snapshot!(plo_80x24_en, Lang::En, 80, 24, |app| type_text(app, "plo"));
snapshot!(plo_120x40_de, Lang::De, 120, 40, |app| type_text(app, "plo"));
snapshot!(plo_120x40_en, Lang::En, 120, 40, |app| type_text(app, "plo"));
snapshot!(plo_50x15_de, Lang::De, 50, 15, |app| type_text(app, "plo"));
snapshot!(plo_50x15_en, Lang::En, 50, 15, |app| type_text(app, "plo"));
snapshot!(help_80x24_de, Lang::De, 80, 24, |app| {
    update(app, Message::Action(Action::ToggleHelp));
});
snapshot!(help_80x24_en, Lang::En, 80, 24, |app| {
    update(app, Message::Action(Action::ToggleHelp));
});
snapshot!(no_match_80x24_de, Lang::De, 80, 24, |app| type_text(app, "xyzzy"));
snapshot!(no_match_80x24_en, Lang::En, 80, 24, |app| type_text(app, "xyzzy"));
snapshot!(typo_80x24_en, Lang::En, 80, 24, |app| type_text(app, "bresica"));
snapshot!(office_80x24_de, Lang::De, 80, 24, |app| type_text(app, "Postanschrift"));
snapshot!(topic_80x24_de, Lang::De, 80, 24, |app| type_text(app, "Europawochenende"));
snapshot!(topic_80x24_en, Lang::En, 80, 24, |app| type_text(app, "Europawochenende"));
snapshot!(topic_person_80x24_en, Lang::En, 80, 24, |app| type_text(app, "development policy"));
snapshot!(fallback_80x24_de, Lang::De, 80, 24, |app| fallback(app, Lang::De));
snapshot!(fallback_80x24_en, Lang::En, 80, 24, |app| fallback(app, Lang::En));

/// The start screen while the shared data file is missing and its last good copy is shown.
fn fallback(app: &mut App, lang: Lang) {
    let problem = crate::i18n::os_error(&std::io::Error::from(std::io::ErrorKind::NotFound)).get(lang).to_string();
    app.fallback = Some(super::app::Fallback {
        file: "N:/Internationales/directory.ron".into(),
        origin: "PARTNERDESK_DATA",
        problem,
        shown: super::app::Shown::LastGood(match lang {
            Lang::De => "28.11.2026 16:40".into(),
            Lang::En => "2026-11-28 16:40".into(),
        }),
    });
    app.scroll_to_selection();
}

#[test]
fn messages_say_only_what_is_known() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "graz");
    update(&mut app, Message::Copied(CopyOutcome::TerminalOnly(Copied::Phone)));
    assert_eq!(app.status_text(), Some("Phone number written to the terminal (OSC 52), not confirmed"));
    let fallback = ("julia.kuz@darmstadt.de".to_string(), Copied::Email);
    let opened = |outcome| Message::Opened {
        what: Opened::Email,
        label: "Julia Kuz".into(),
        outcome,
        fallback: fallback.clone(),
    };
    let copy = update(&mut app, opened(Outcome::NoProgram));
    assert_eq!(copy, Some(Command::Copy(fallback.0.clone(), Copied::Email)), "the address is copied instead");
    update(&mut app, Message::Copied(CopyOutcome::Failed));
    assert_eq!(app.status_text(), Some("Not handed over: no mail program set up – Julia Kuz; Copy failed"));
    let failed = Outcome::Exited { program: "xdg-open".into(), status: Some(4) };
    update(&mut app, opened(failed));
    assert_eq!(app.status_text(), Some("Not handed over: xdg-open failed (4) – Julia Kuz"), "said while the copy runs");
    update(&mut app, opened(Outcome::Done { program: "xdg-open".into() }));
    assert_eq!(app.status_text(), Some("Handed to the mail program: Julia Kuz"));
    // A reload warning does not hide what the user just did.
    update(&mut app, Message::Reloaded(Err("d.ron:3: unknown field `x`".into())));
    update(&mut app, Message::ReloadBusy);
    assert!(screen(&app).contains("A reload is already running"));
    // A long message wraps over more footer lines, whole.
    let mut narrow = self::app(Lang::En, 30, 24);
    update(&mut narrow, Message::Copied(CopyOutcome::TerminalOnly(Copied::Phone)));
    let shown = screen(&narrow);
    let footer: Vec<&str> = shown.lines().rev().take(3).collect();
    assert_eq!(footer, ["confirmed", "terminal (OSC 52), not", "Phone number written to the"], "{shown}");
}

#[test]
fn no_year_is_cut_at_80x24_or_100x30() {
    for (columns, rows) in [(80, 24), (100, 30)] {
        for lang in [Lang::De, Lang::En] {
            let mut app = app(lang, columns, rows);
            for _ in 0..30 {
                let text = screen(&app);
                for line in text.lines().filter(|l| l.contains(" · ")) {
                    let facts = line.split(" · ").nth(1).unwrap();
                    let digits: String = facts.chars().take_while(char::is_ascii_digit).collect();
                    assert!(digits.is_empty() || digits.len() == 4, "a cut year in {line:?}");
                }
                update(&mut app, Message::Action(Action::Down));
            }
        }
    }
}

snapshot!(office_80x24_en, Lang::En, 80, 24, |app| type_text(app, "fax"));
snapshot!(partial_80x24_en, Lang::En, 80, 24, |app| type_text(app, "graz polen "));
snapshot!(phone_80x24_en, Lang::En, 80, 24, |app| type_text(app, "+49 6151 13-3608"));

#[test]
fn on_the_office_enter_says_there_is_no_general_number_and_email_copies_the_mailbox() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "postfach");
    assert!(matches!(app.index.target(app.selection().unwrap().entry), Target::Office));
    assert_eq!(update(&mut app, Message::Action(Action::CopyPhone)), None);
    assert!(app.status_text().unwrap().contains("no general number"));
    assert_eq!(
        update(&mut app, Message::Action(Action::CopyEmail)),
        Some(Command::Copy("international@darmstadt.de".into(), Copied::Email))
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_query_at_any_size_renders_without_panic(
        query in "(\\PC|[ ':]){0,12}",
        columns in 1u16..=200,
        rows in 1u16..=60,
        downs in 0usize..30,
        help in any::<bool>(),
    ) {
        let mut app = app(Lang::En, columns, rows);
        type_text(&mut app, &query);
        for _ in 0..downs {
            update(&mut app, Message::Action(Action::Down));
        }
        if help {
            update(&mut app, Message::Action(Action::ToggleHelp));
        }
        update(&mut app, Message::Resize(columns, rows));
        let text = screen(&app);
        prop_assert_eq!(text.lines().count(), rows as usize);
    }
}

#[test]
fn a_panic_in_the_reload_thread_leaves_the_view_running_with_a_warning() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "graz");
    let failed = std::thread::spawn(|| super::event_loop::reload(|| panic!("forced in a test"), Lang::En))
        .join()
        .expect("the reload thread itself ends normally");
    update(&mut app, failed);
    assert!(!app.quit);
    assert_eq!(selected_name(&app), "Graz", "the data shown stays");
    let warning = app.warning.clone().unwrap_or_default();
    assert!(warning.contains("internal error while loading (forced in a test)"), "{warning}");
    assert!(screen(&app).contains("Data not reloaded, keeping the data shown: internal error"), "{}", screen(&app));
    // Reloads go on.
    let good =
        std::thread::spawn(|| super::event_loop::reload(|| Ok(crate::cache::Indexed::new(directory())), Lang::En))
            .join()
            .unwrap();
    update(&mut app, good);
    assert_eq!(app.warning, None);
    assert_eq!(app.status_text(), Some("Data reloaded"));
}

#[test]
fn f6_on_a_topic_writes_to_whoever_the_page_names_or_the_office() {
    let mut app = app(Lang::De, 80, 24);
    type_text(&mut app, "Europawochenende");
    let Some(Command::Open { uri, .. }) = update(&mut app, Message::Action(Action::Email)) else { panic!("an email") };
    assert_eq!(
        uri,
        "mailto:international@darmstadt.de?subject=Thema%20Europawochenende%20%E2%80%93%20f%C3%BCr%20Abteilung%20Internationales"
    );
    assert_eq!(update(&mut app, Message::Action(Action::Call)), None, "the office has no number to call");
    update(&mut app, Message::Action(Action::Edit(Edit::Clear)));
    type_text(&mut app, "Entwicklungspolitik");
    assert!(matches!(app.index.target(app.selection().unwrap().entry), Target::Topic(_)));
    let Some(Command::Open { uri, .. }) = update(&mut app, Message::Action(Action::Call)) else { panic!("a call") };
    assert_eq!(uri, "tel:+49-6151-13-3279", "Tamara Moumna, whom the page names");
    update(&mut app, Message::Action(Action::StartNote));
    assert_eq!(app.note.as_ref().unwrap().to, "Tamara Moumna");
}

#[test]
fn a_query_of_filler_words_only_says_so() {
    let mut app = app(Lang::De, 80, 24);
    type_text(&mut app, "die Frau");
    assert!(screen(&app).contains("nur Füllwörter: die, Frau"), "{}", screen(&app));
}

#[test]
fn the_views_last_words_are_whole_sentences_in_its_language() {
    use super::TuiError;
    let said = |error: &TuiError, lang| error.in_lang(lang).strip_prefix(crate::stderr::PREFIX).map(str::to_string);
    let denied = || TuiError::Terminal(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
    assert_eq!(said(&denied(), Lang::De).as_deref(), Some("das Terminal meldet einen Fehler: keine Berechtigung"));
    assert_eq!(said(&denied(), Lang::En).as_deref(), Some("the terminal failed: permission denied"));
    // A loading thread that ended without a result is the program's fault, not the terminal's.
    let lost = TuiError::LoadingLost;
    assert_eq!(
        said(&lost, Lang::De).as_deref(),
        Some("die Daten wurden nicht geladen: das Laden endete ohne Ergebnis (ein Fehler des Programms; bitte melden)")
    );
    assert_eq!(
        said(&lost, Lang::En).as_deref(),
        Some("the data was not loaded: loading ended without a result (a fault of the program; please report it)")
    );
}
