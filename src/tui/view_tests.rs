//! The view on small screens and with every message it can show: whole screens rendered into
//! ratatui's `TestBackend`, at 60×20 and 80×24, in German and English.

use super::app::App;
use super::field::Edit;
use super::message::{Action, Message};
use super::tests::screen;
use super::update::update;
use crate::directory::{self, Source};
use crate::i18n::Lang;

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

// Every message whole. The footer shows a message over as many lines as it needs, so the test
// below checks that no message ever needs more than the third of the screen the footer may take,
// and that each shows to its last word. It gathers the messages structurally, so that messages
// added later are covered without touching it:
// - every key of the keymap, in every state of the view (each kind of entry selected, nothing
//   selected, filler words only, the embedded data, the help, the form, an unsent note);
// - every `Message` from the outside world with every outcome, each outcome enum numbered by a
//   match without a wildcard (`*_number`): a new variant does not compile until it is numbered,
//   and a numbered variant with no sample in `world_messages` fails
//   `every_variant_has_a_sample`.

use super::app::{NoteStage, Status};
use super::message::{Command, Copied, CopyOutcome, JournalState, Opened};
use crate::handover::Outcome;
use crate::notes::{Delivery, Entry};

fn message_number(message: &Message) -> usize {
    match message {
        Message::Action(_) => 0,
        Message::Paste(_) => 1,
        Message::NoteSent { .. } => 2,
        Message::Click(..) => 3,
        Message::ScrollUp => 4,
        Message::ScrollDown => 5,
        Message::Resize(..) => 6,
        Message::Tick(_) => 7,
        Message::Copied(_) => 8,
        Message::Opened { .. } => 9,
        Message::Now(_) => 10,
        Message::Reloaded(_) => 11,
        Message::ReloadBusy => 12,
        Message::NoteSaved { .. } => 13,
        Message::Journal(_) => 14,
        Message::Today(_) => 15,
        Message::Select(_) => 16,
    }
}
const MESSAGES: usize = 17;

fn copy_number(outcome: &CopyOutcome) -> usize {
    match outcome {
        CopyOutcome::Native(..) => 0,
        CopyOutcome::TerminalOnly(_) => 1,
        CopyOutcome::Failed => 2,
    }
}
const COPY_OUTCOMES: usize = 3;

fn copied_number(copied: Copied) -> usize {
    match copied {
        Copied::Phone => 0,
        Copied::Email => 1,
        Copied::Note => 2,
    }
}
const COPIED: [Copied; 3] = [Copied::Phone, Copied::Email, Copied::Note];

fn outcome_number(outcome: &Outcome) -> usize {
    match outcome {
        Outcome::Done { .. } => 0,
        Outcome::NoProgram => 1,
        Outcome::Exited { .. } => 2,
        Outcome::TimedOut { .. } => 3,
        Outcome::NotStarted { .. } => 4,
    }
}
const OUTCOMES: usize = 5;

fn delivery_number(delivery: &Delivery) -> usize {
    match delivery {
        Delivery::Sending => 0,
        Delivery::Mailed { .. } => 1,
        Delivery::Copied { .. } => 2,
        Delivery::NotDelivered { .. } => 3,
        Delivery::Draft => 4,
    }
}
const DELIVERIES: usize = 5;

fn opened_number(opened: Opened) -> usize {
    match opened {
        Opened::Call => 0,
        Opened::Email => 1,
    }
}
const OPENED: [Opened; 2] = [Opened::Call, Opened::Email];

/// A failing opener, as the view names it.
fn opener_failed() -> Outcome {
    Outcome::Exited { program: "xdg-open".into(), status: Some(4) }
}

/// Every way a copy can go.
fn copy_outcomes() -> Vec<CopyOutcome> {
    let mut all = Vec::new();
    for what in COPIED {
        // The longest name of a tool, and Windows.
        for tool in ["wl-copy", "Windows"] {
            all.push(CopyOutcome::Native(what, tool.into()));
        }
        all.push(CopyOutcome::TerminalOnly(what));
    }
    all.push(CopyOutcome::Failed);
    all
}

/// Every way running an opener can end: the longest program names and reasons.
fn outcomes() -> Vec<Outcome> {
    vec![
        Outcome::Done { program: "xdg-open".into() },
        Outcome::NoProgram,
        opener_failed(),
        Outcome::Exited { program: "xdg-open".into(), status: None },
        Outcome::TimedOut { program: "xdg-open".into(), seconds: 5 },
        Outcome::NotStarted { program: "xdg-open".into(), error: "No such file or directory (os error 2)".into() },
        Outcome::NotStarted { program: "Windows".into(), error: "Zugriff verweigert (os error 5)".into() },
    ]
}

/// Every state a kept note can be in.
fn deliveries() -> Vec<Delivery> {
    let mut all = vec![
        Delivery::Sending,
        Delivery::Mailed { program: "xdg-open".into() },
        Delivery::Copied { tool: "wl-copy".into() },
        Delivery::Draft,
    ];
    all.extend(outcomes().into_iter().map(|mail| Delivery::NotDelivered { mail }));
    all
}

/// A phone message about Graz, as the form sends it.
fn graz_note(lang: Lang) -> Entry {
    let mut app = app(lang, 80, 24);
    type_text(&mut app, "graz");
    update(&mut app, Message::Action(Action::StartNote));
    type_text(&mut app, "Herr Novak");
    for _ in 0..3 {
        if let Some(Command::SendNote { message, email, .. }) = update(&mut app, Message::Action(Action::NoteEnter)) {
            return Entry::new(&message, &email, Delivery::Sending);
        }
    }
    panic!("the form sends from its last field");
}

/// The journal holding the note in every state, today.
fn journal(lang: Lang) -> JournalState {
    let entries: Vec<Entry> = deliveries().into_iter().map(|delivery| Entry { delivery, ..graz_note(lang) }).collect();
    let undelivered_today = entries.iter().filter(|e| !e.delivery.delivered()).count();
    JournalState { entries, undelivered_today }
}

/// Why the journal cannot take a note: the longest such reason, a full disk on a deep folder.
fn journal_failed() -> String {
    "C:\\Users\\Sachbearbeitung\\AppData\\Roaming\\partnerdesk\\data\\notes.jsonl: no space left on the device".into()
}

/// A reload that failed on a shared file deep in a network folder, as the event loop words it.
fn failed_reload(lang: Lang) -> String {
    let broken = directory::EMBEDDED.replacen("name: \"Graz\",", "name: \"Graz,", 1);
    let file = "N:\\Internationales\\Partnerstädte\\Verzeichnis\\directory.ron";
    let error = directory::parse(&broken, Source::File(file.into()), YEAR).unwrap_err();
    error.in_lang(lang).replace('\n', "; ")
}

/// Every message the outside world can send, with every outcome.
fn world_messages(lang: Lang) -> Vec<Message> {
    let mut all = vec![
        Message::Action(Action::Redraw),
        Message::Paste("Schewe".into()),
        Message::Click(5, 5),
        Message::Select(1),
        Message::ScrollUp,
        Message::ScrollDown,
        Message::Resize(80, 24),
        Message::Tick(1),
        Message::Now("29.11.2026 13:09".into()),
        Message::Today(today().succ_opt().unwrap()),
        Message::Reloaded(Ok(Box::new(indexed()))),
        Message::Reloaded(Err(failed_reload(lang))),
        Message::ReloadBusy,
        Message::Journal(Ok(journal(lang))),
        Message::Journal(Err(journal_failed())),
    ];
    let entry = graz_note(lang);
    for form in [true, false] {
        all.push(Message::NoteSaved { saved: Ok(entry.clone()), form });
        all.push(Message::NoteSaved { saved: Err(journal_failed()), form });
        for mail in outcomes() {
            all.push(Message::NoteSent { entry: entry.clone(), mail, form });
        }
    }
    all.extend(copy_outcomes().into_iter().map(Message::Copied));
    for what in OPENED {
        for outcome in outcomes() {
            // The longest label F5 or F6 writes: the head's name with the office's mailbox.
            let label = "Ana-Violeta Sacaliuc <international@darmstadt.de>".to_string();
            let fallback = ("international@darmstadt.de".to_string(), Copied::Email);
            all.push(Message::Opened { what, label, outcome, fallback });
        }
    }
    all
}

/// What the event loop answers to `command`, in every way it can go: each a run of messages.
fn answers(command: &Command, lang: Lang) -> Vec<Vec<Message>> {
    match command {
        Command::Copy(..) => copy_outcomes().into_iter().map(|o| vec![Message::Copied(o)]).collect(),
        Command::Open { what, label, fallback, .. } => outcomes()
            .into_iter()
            .map(|outcome| {
                vec![Message::Opened { what: *what, label: label.clone(), outcome, fallback: fallback.clone() }]
            })
            .collect(),
        Command::SendNote { message, email, id, form, .. } => {
            let mut entry = Entry::new(message, email, Delivery::Sending);
            if let Some(id) = id {
                entry.id = id.clone();
            }
            let mut all = Vec::new();
            for saved in [Ok(entry.clone()), Err(journal_failed())] {
                for mail in outcomes() {
                    all.push(vec![
                        Message::NoteSaved { saved: saved.clone(), form: *form },
                        Message::NoteSent { entry: entry.clone(), mail, form: *form },
                    ]);
                }
            }
            all
        }
        Command::CopyNote { message, email, write_ahead, .. } => {
            let saved = Message::NoteSaved { saved: Ok(Entry::new(message, email, Delivery::Draft)), form: true };
            copy_outcomes()
                .into_iter()
                .map(|o| {
                    let copied = Message::Copied(o);
                    if *write_ahead {
                        vec![Message::NoteSaved { saved: Err(journal_failed()), form: true }, copied]
                    } else {
                        vec![copied]
                    }
                })
                .chain(std::iter::once(vec![saved, Message::Copied(CopyOutcome::Failed)]))
                .collect()
        }
        Command::ReadJournal => {
            vec![vec![Message::Journal(Ok(journal(lang)))], vec![Message::Journal(Err(journal_failed()))]]
        }
        Command::Reload | Command::Redraw | Command::Suspend => Vec::new(),
    }
}

#[test]
fn every_variant_has_a_sample() {
    fn all_of(numbers: impl IntoIterator<Item = usize>, count: usize) -> bool {
        let mut seen: Vec<usize> = numbers.into_iter().collect();
        seen.sort_unstable();
        seen.dedup();
        seen == (0..count).collect::<Vec<_>>()
    }
    assert!(all_of(world_messages(Lang::En).iter().map(message_number), MESSAGES));
    assert!(all_of(copy_outcomes().iter().map(copy_number), COPY_OUTCOMES));
    assert!(all_of(COPIED.map(copied_number), COPIED.len()));
    assert!(all_of(outcomes().iter().map(outcome_number), OUTCOMES));
    assert!(all_of(deliveries().iter().map(delivery_number), DELIVERIES));
    assert!(all_of(OPENED.map(opened_number), OPENED.len()));
}

/// A state of the view, by name, and how to bring an app into it.
type State = (&'static str, fn(&mut App));

/// Sends the open form's note; the journal takes it and the mail program answers with `mail`.
fn send_note(app: &mut App, mail: Outcome) -> Option<Command> {
    let mut sent = None;
    for _ in 0..3 {
        sent = update(app, Message::Action(Action::NoteEnter));
        if sent.is_some() {
            break;
        }
    }
    let Some(Command::SendNote { message, email, form, .. }) = sent else { panic!("a note to send") };
    let entry = Entry::new(&message, &email, Delivery::Sending);
    update(app, Message::NoteSaved { saved: Ok(entry.clone()), form });
    update(app, Message::NoteSent { entry, mail, form })
}

/// The states of the view a key or a message can meet.
fn states() -> Vec<State> {
    vec![
        ("a city", |app| type_text(app, "graz")),
        ("a person", |app| type_text(app, "schewe")),
        ("a topic with a person", |app| type_text(app, "Entwicklungspolitik")),
        ("a topic with the office", |app| type_text(app, "Europawochenende")),
        ("the office", |app| type_text(app, "Postanschrift")),
        ("nothing found", |app| type_text(app, "xyzzy")),
        ("filler words only", |app| type_text(app, "Frau die ")),
        ("the embedded data", |app| app.embedded = true),
        ("the help", |app| {
            update(app, Message::Action(Action::ToggleHelp));
        }),
        ("the form", |app| {
            type_text(app, "graz");
            update(app, Message::Action(Action::StartNote));
            type_text(app, "Herr Novak");
        }),
        ("a note being sent", |app| {
            type_text(app, "graz");
            update(app, Message::Action(Action::StartNote));
            type_text(app, "Herr Novak");
            for _ in 0..3 {
                update(app, Message::Action(Action::NoteEnter));
            }
        }),
        ("an unsent note", |app| {
            type_text(app, "graz");
            update(app, Message::Action(Action::StartNote));
            type_text(app, "Herr Novak");
            send_note(app, opener_failed());
            update(app, Message::Copied(CopyOutcome::TerminalOnly(Copied::Note)));
        }),
        ("the notes list", |app| {
            let lang = app.lang;
            update(app, Message::Journal(Ok(journal(lang))));
            update(app, Message::Action(Action::ToggleNotes));
        }),
        ("undelivered notes", |app| {
            let lang = app.lang;
            type_text(app, "graz");
            update(app, Message::Journal(Ok(journal(lang))));
        }),
    ]
}

/// The screen's text without borders and blanks, so that a message wrapped over lines (in the
/// footer or in a pane) is found as one run of characters.
fn squashed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace() && !"│┌┐└┘─".contains(*c)).collect()
}

/// Everything a message says, as shown: the footer's message, and an unsent note's reason.
fn said(app: &App) -> Vec<String> {
    let mut said: Vec<String> = app.status_text().into_iter().map(str::to_string).collect();
    said.extend(app.warning.clone().or_else(|| app.journal_warning.clone()));
    if let Some(note) = &app.note
        && let NoteStage::Unsent { reason } = &note.stage
    {
        said.push(reason.clone());
    }
    said
}

#[test]
fn every_message_shows_whole_at_80_columns_in_both_languages() {
    let mut checked = std::collections::BTreeSet::new();
    for lang in [Lang::De, Lang::En] {
        for (columns, rows) in [(80, 24), (60, 20)] {
            // (state, message) pairs already checked at this size: each is drawn once.
            let mut drawn = std::collections::HashSet::new();
            let mut check = |app: &App, state: &str, what: &str| {
                let said = said(app);
                if said.iter().all(|m| drawn.contains(&(state.to_string(), m.clone()))) {
                    return;
                }
                let shown = screen(app);
                for message in said {
                    drawn.insert((state.to_string(), message.clone()));
                    assert!(
                        squashed(&shown).contains(&squashed(&super::text::clean(&message))),
                        "{what} at {columns}x{rows}: {message:?} is cut:\n{shown}"
                    );
                    checked.insert(message);
                }
            };
            for (state, setup) in states() {
                let mut start = app(lang, columns, rows);
                setup(&mut start);
                start.status = None;
                // Every key in the mode the state is in.
                let mode = start.mode();
                let actions = super::keys::KEYMAP.iter().filter(|b| b.modes.contains(&mode)).flat_map(|b| b.keys);
                for (_, action) in actions {
                    let mut app = start.clone();
                    let command = update(&mut app, Message::Action(*action));
                    check(&app, state, &format!("{action:?} on {state}"));
                    // What the event loop would answer for the command, in every way it can go,
                    // and for the command `update` asks for then (a fallback copy), likewise.
                    let Some(command) = command else { continue };
                    for run in answers(&command, lang) {
                        let mut answered = app.clone();
                        let mut next = None;
                        for answer in run {
                            let what = format!("{answer:?} after {action:?} on {state}");
                            next = update(&mut answered, answer);
                            check(&answered, state, &what);
                        }
                        let Some(next) = next else { continue };
                        for run in answers(&next, lang) {
                            let mut followed = answered.clone();
                            for answer in run {
                                let what = format!("{answer:?} after {next:?} after {action:?} on {state}");
                                update(&mut followed, answer);
                                check(&followed, state, &what);
                            }
                        }
                    }
                }
                // The footer shows a message alike whatever is selected: the outside world's
                // messages meet the states that show them differently, or that they change.
                if !["a city", "the help", "the form", "an unsent note", "the notes list"].contains(&state) {
                    continue;
                }
                for message in world_messages(lang) {
                    let mut app = start.clone();
                    let what = format!("{message:?} on {state}");
                    update(&mut app, message);
                    check(&app, state, &what);
                }
            }
        }
    }
    assert!(checked.len() > 100, "{} messages checked", checked.len());
    if std::env::var_os("PARTNERDESK_SHOW_MESSAGES").is_some() {
        checked.iter().for_each(|m| println!("{m}"));
    }
}

#[test]
fn a_status_stays_longer_when_it_is_long() {
    let mut app = app(Lang::En, 80, 24);
    update(&mut app, Message::ReloadBusy);
    let short = app.status.clone().unwrap().until;
    let mut note = app.clone();
    update(&mut app, Message::Copied(CopyOutcome::TerminalOnly(Copied::Email)));
    let Status { text, until } = app.status.clone().unwrap();
    assert!(until > short && until >= text.chars().count() as u64 / 4, "{text}: {until}");
    // A note from the notes list that did not reach the mail program is said until the next
    // message.
    let entry = graz_note(Lang::En);
    update(&mut note, Message::NoteSent { entry, mail: opener_failed(), form: false });
    assert_eq!(note.status.clone().unwrap().until, u64::MAX, "{:?}", note.status_text());
}

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
