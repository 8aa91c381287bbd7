//! The view while someone is away: the details, the footer, Enter, F5, F6 and F7 follow who
//! answers on the view's day, and the day moves on at midnight. The absences and the deputy here
//! are made up for the tests: the office's page names none.

use chrono::NaiveDate;

use super::app::App;
use super::field::Edit;
use super::message::{Action, Command, Copied, Message};
use super::tests::screen;
use super::update::update;
use crate::directory::{self, Directory, EMBEDDED, Source};
use crate::i18n::Lang;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
}

/// The embedded directory with made-up absences: Irene Schewe away 1–4 December, Julia Kuz
/// covering; `more` adds absences.
fn directory_with(more: &str) -> Directory {
    let mut text = EMBEDDED.to_string();
    let end = text.rfind(')').unwrap();
    let absences = format!(
        "    absences: [\n        Absence(person: \"schewe\", from: \"2026-12-01\", until: \"2026-12-04\", cover: \"kuz\"),{more}\n    ],\n)\n"
    );
    text.replace_range(end.., &absences);
    directory::parse(&text, Source::Embedded, 2026).unwrap()
}

fn app_on(today: NaiveDate, lang: Lang, more: &str) -> App {
    App::new(directory_with(more), lang, today, (80, 24))
}

fn search(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Message::Action(Action::Edit(Edit::Insert(c))));
    }
}

fn act(app: &mut App, action: Action) -> Option<Command> {
    update(app, Message::Action(action))
}

#[test]
fn while_the_contact_is_away_enter_f5_and_f6_reach_the_cover_and_the_footer_says_so() {
    let mut app = app_on(day(2), Lang::De, "");
    search(&mut app, "plock");
    let shown = screen(&app);
    assert!(shown.contains("Zuständig: Irene Schewe"), "{shown}");
    assert!(shown.contains("  Abwesend      01.12. bis 04.12."), "{shown}");
    assert!(shown.contains("Erreichbar: Julia Kuz (Vertretung)"), "{shown}");
    assert!(shown.contains("(06151) 13-2325") && !shown.contains("(06151) 13-2324"), "{shown}");
    let footer: Vec<&str> = shown.lines().rev().take(2).collect();
    assert!(footer[1].starts_with("Vertretung: Julia Kuz"), "{shown}");
    assert!(footer[0].contains("F6 E-Mail · F7 Notiz"), "F5 to F7 keep their place at 80 columns: {shown}");
    assert_eq!(act(&mut app, Action::CopyPhone), Some(Command::Copy("(06151) 13-2325".into(), Copied::Phone)));
    let Some(Command::Open { uri, label, .. }) = act(&mut app, Action::Call) else { panic!("a call") };
    assert_eq!((uri.as_str(), label.as_str()), ("tel:+49-6151-13-2325", "Julia Kuz, (06151) 13-2325"));
    let Some(Command::Open { uri, .. }) = act(&mut app, Action::Email) else { panic!("an email") };
    assert!(uri.ends_with("subject=Partnerstadt%20P%C5%82ock%20%E2%80%93%20f%C3%BCr%20Julia%20Kuz"), "{uri}");
}

#[test]
fn a_phone_message_is_for_the_contact_and_names_the_cover() {
    let mut app = app_on(day(2), Lang::En, "");
    search(&mut app, "troyes");
    act(&mut app, Action::StartNote);
    let note = app.note.as_ref().expect("the form");
    assert_eq!((note.to.as_str(), note.cover.as_deref()), ("Irene Schewe", Some("Julia Kuz")));
    assert!(screen(&app).contains("For: Irene Schewe (Cover: Julia Kuz) · Troyes"), "{}", screen(&app));
    assert!(note.message().text(Lang::En).contains("For: Irene Schewe\r\nCover: Julia Kuz\r\n"));
}

#[test]
fn at_midnight_the_view_rolls_over_to_the_contact() {
    let mut app = app_on(day(4), Lang::En, "");
    search(&mut app, "alkmaar");
    assert!(screen(&app).contains("Answers now: Julia Kuz (cover)"));
    assert_eq!(app.stand_in().as_deref(), Some("Cover: Julia Kuz"));
    update(&mut app, Message::Today(day(5)));
    let shown = screen(&app);
    assert!(!shown.contains("Answers now") && shown.contains("(06151) 13-2324"), "{shown}");
    assert_eq!(app.stand_in(), None);
    assert_eq!(act(&mut app, Action::CopyPhone), Some(Command::Copy("(06151) 13-2324".into(), Copied::Phone)));
}

#[test]
fn with_the_contact_and_the_cover_away_the_head_answers() {
    let kuz_away = "\n        Absence(person: \"kuz\", from: \"2026-12-03\", until: \"2026-12-10\"),";
    let mut app = app_on(day(3), Lang::En, kuz_away);
    search(&mut app, "gyonk");
    assert!(screen(&app).contains("Answers now: Ana-Violeta Sacaliuc (head of"), "{}", screen(&app));
    assert_eq!(app.stand_in().as_deref(), Some("Head of department: Ana-Violeta Sacaliuc"));
    assert_eq!(act(&mut app, Action::CopyPhone), Some(Command::Copy("(06151) 13-2321".into(), Copied::Phone)));
}

#[test]
fn a_person_away_shows_it_in_their_own_pane() {
    let mut app = app_on(day(1), Lang::En, "");
    search(&mut app, "schewe");
    let shown = screen(&app);
    assert!(shown.contains("  Away          1 Dec to 4 Dec"), "{shown}");
    assert!(shown.contains("Answers now: Julia Kuz (cover)"), "{shown}");
}

macro_rules! snapshot {
    ($name:ident, $lang:expr, $query:expr) => {
        #[test]
        fn $name() {
            let mut app = app_on(day(2), $lang, "");
            search(&mut app, $query);
            insta::assert_snapshot!(screen(&app));
        }
    };
}

snapshot!(away_plock_80x24_de, Lang::De, "plock");
snapshot!(away_plock_80x24_en, Lang::En, "plock");
