//! The view on small screens and with every message it can show: whole screens rendered into
//! ratatui's `TestBackend`, at 60×20 and 80×24, in German and English. That every message shows
//! whole, and the samples of them, is in `messages`; the footers after each kind are here.

use super::app::App;
use super::field::Edit;
use super::message::{Action, Copied, CopyOutcome, Message, Opened};
use super::tests::screen;
use super::update::update;
use crate::directory::{self, Source};
use crate::handover::Outcome;
use crate::i18n::Lang;
use messages::{failed_reload, graz_note, journal, journal_failed, opener_failed, send_note};

mod messages;

/// The year every test lives in.
const YEAR: i32 = 2026;

/// The day every test lives on.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(YEAR, 11, 29).unwrap()
}

/// A new app over the embedded directory, loaded and indexed once for all tests here.
fn app(lang: Lang, columns: u16, rows: u16) -> App {
    App::from_loaded(indexed(), lang, today(), (columns, rows))
}

/// The embedded directory and its index, built once.
fn indexed() -> crate::cache::Indexed {
    static LOADED: std::sync::OnceLock<crate::cache::Indexed> = std::sync::OnceLock::new();
    let loaded = LOADED.get_or_init(|| crate::cache::Indexed::new(directory::load(&Source::Embedded, YEAR).unwrap()));
    crate::cache::Indexed { directory: loaded.directory.clone(), index: loaded.index.clone(), from_cache: false }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Message::Action(Action::Edit(Edit::Insert(c))));
    }
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

/// The footer after each kind of message, one after another: what a desk reads at this size.
fn footers(lang: Lang, columns: u16, rows: u16) -> String {
    let copy = |what| CopyOutcome::Native(what, "wl-copy".into());
    let on = |query: &str, action: Option<Action>, answers: Vec<Message>| {
        let mut app = app(lang, columns, rows);
        type_text(&mut app, query);
        if let Some(action) = action {
            update(&mut app, Message::Action(action));
        }
        for answer in answers {
            update(&mut app, answer);
        }
        app
    };
    let opened = |what, label: &str, outcome| {
        let fallback = match what {
            Opened::Call => ("(06151) 13-2324".to_string(), Copied::Phone),
            Opened::Email => ("international@darmstadt.de".to_string(), Copied::Email),
        };
        Message::Opened { what, label: label.into(), outcome, fallback }
    };
    let schewe = "Irene Schewe, (06151) 13-2324";
    let mail = "Irene Schewe <international@darmstadt.de>";
    let mut note = on("graz", Some(Action::StartNote), Vec::new());
    type_text(&mut note, "Herr Novak");
    let sent = |mail, copy| {
        let mut app = note.clone();
        update(&mut app, Message::Action(Action::NoteNext));
        update(&mut app, Message::Action(Action::NoteNext));
        send_note(&mut app, mail);
        if let Some(copy) = copy {
            update(&mut app, Message::Copied(copy));
        }
        // The note on screen says why it is kept; the footer after Esc Esc says what is open.
        if app.note.is_some() {
            update(&mut app, Message::Action(Action::NoteCancel));
            update(&mut app, Message::Action(Action::NoteCancel));
        }
        app
    };
    let mut embedded = app(lang, columns, rows);
    embedded.embedded = true;
    update(&mut embedded, Message::Action(Action::Reload));
    let mut handing = on("graz", Some(Action::Call), Vec::new());
    handing.tick += 1;
    let mut undelivered = on("graz", None, vec![Message::Journal(Ok(journal(lang)))]);
    undelivered.status = None;
    let no_mail = Outcome::NoProgram;
    let samples = [
        ("Enter: copied", on("graz", None, vec![Message::Copied(copy(Copied::Phone))])),
        ("Enter: OSC 52 only", on("graz", None, vec![Message::Copied(CopyOutcome::TerminalOnly(Copied::Phone))])),
        ("Enter: copy failed", on("graz", None, vec![Message::Copied(CopyOutcome::Failed)])),
        ("F5: under way", handing),
        (
            "F5: handed",
            on("graz", None, vec![opened(Opened::Call, schewe, Outcome::Done { program: "xdg-open".into() })]),
        ),
        (
            "F5: no program, OSC 52 only",
            on(
                "graz",
                None,
                vec![
                    opened(Opened::Call, schewe, Outcome::NoProgram),
                    Message::Copied(CopyOutcome::TerminalOnly(Copied::Phone)),
                ],
            ),
        ),
        (
            "F6: no answer in 5 s, copied",
            on(
                "graz",
                None,
                vec![
                    opened(Opened::Email, mail, Outcome::TimedOut { program: "xdg-open".into(), seconds: 5 }),
                    Message::Copied(copy(Copied::Email)),
                ],
            ),
        ),
        (
            "F6: opener failed, OSC 52 only",
            on(
                "graz",
                None,
                vec![
                    opened(Opened::Email, mail, opener_failed()),
                    Message::Copied(CopyOutcome::TerminalOnly(Copied::Email)),
                ],
            ),
        ),
        ("F7: note handed", sent(Outcome::Done { program: "xdg-open".into() }, None)),
        ("F7: no mail program, note copied", sent(no_mail, Some(copy(Copied::Note)))),
        (
            "F8, Enter: opener failed, OSC 52 only",
            on(
                "graz",
                None,
                vec![
                    Message::Journal(Ok(journal(lang))),
                    Message::Action(Action::ToggleNotes),
                    Message::NoteSent { entry: graz_note(lang), mail: opener_failed(), form: false },
                    Message::Copied(CopyOutcome::TerminalOnly(Copied::Note)),
                ],
            ),
        ),
        ("notes of today undelivered", undelivered),
        ("the journal cannot be read", on("graz", None, vec![Message::Journal(Err(journal_failed()))])),
        ("Ctrl-R: busy", on("graz", None, vec![Message::ReloadBusy])),
        ("Ctrl-R: reloaded", on("graz", None, vec![Message::Reloaded(Ok(Box::new(indexed())))])),
        ("a broken file", on("graz", None, vec![Message::Reloaded(Err(failed_reload(lang)))])),
        ("Ctrl-R on the embedded data", embedded),
        ("Enter: nothing found", on("xyzzy", Some(Action::CopyPhone), Vec::new())),
        ("Enter: filler words only", on("Frau ", Some(Action::CopyPhone), Vec::new())),
        ("Enter on the office", on("Postanschrift", Some(Action::CopyPhone), Vec::new())),
        ("F5 on the office", on("Postanschrift", Some(Action::Call), Vec::new())),
    ];
    let mut out = String::new();
    for (what, app) in samples {
        let lines = app.footer_height();
        let shown = screen(&app);
        let footer: Vec<&str> = shown.lines().collect();
        out.push_str(&format!("── {what}\n{}\n", footer[footer.len() - lines..].join("\n")));
    }
    out
}

#[test]
fn footer_60x20_de() {
    insta::assert_snapshot!(footers(Lang::De, 60, 20));
}

#[test]
fn footer_60x20_en() {
    insta::assert_snapshot!(footers(Lang::En, 60, 20));
}

#[test]
fn footer_80x24_de() {
    insta::assert_snapshot!(footers(Lang::De, 80, 24));
}

#[test]
fn footer_80x24_en() {
    insta::assert_snapshot!(footers(Lang::En, 80, 24));
}
