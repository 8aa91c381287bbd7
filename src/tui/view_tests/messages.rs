//! Every message whole. The footer shows a message over as many lines as it needs, so the test
//! below checks that no message ever needs more than the third of the screen the footer may take,
//! and that each shows to its last word. It gathers the messages structurally, so that messages
//! added later are covered without touching it:
//! - every key of the keymap, in every state of the view (each kind of entry selected, nothing
//!   selected, filler words only, the embedded data, the help, the form, an unsent note);
//! - every `Message` from the outside world with every outcome, each outcome enum numbered by a
//!   match without a wildcard (`*_number`): a new variant does not compile until it is numbered,
//!   and a numbered variant with no sample in `world_messages` fails
//!   `every_variant_has_a_sample`.

use super::*;
use crate::handover::Outcome;
use crate::notes::{Delivery, Entry};
use crate::tui::app::{NoteStage, Status};
use crate::tui::message::{Command, Copied, CopyOutcome, JournalState, Opened};

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
        Message::Loaded(_) => 17,
    }
}
const MESSAGES: usize = 18;

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
pub(super) fn opener_failed() -> Outcome {
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
pub(super) fn graz_note(lang: Lang) -> Entry {
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
pub(super) fn journal(lang: Lang) -> JournalState {
    let entries: Vec<Entry> = deliveries().into_iter().map(|delivery| Entry { delivery, ..graz_note(lang) }).collect();
    let undelivered_today = entries.iter().filter(|e| !e.delivery.delivered()).count();
    JournalState { entries, undelivered_today }
}

/// Why the journal cannot take a note: the longest such reason, a full disk on a deep folder.
pub(super) fn journal_failed() -> String {
    "C:\\Users\\Sachbearbeitung\\AppData\\Roaming\\partnerdesk\\data\\notes.jsonl: no space left on the device".into()
}

/// A reload that failed on a shared file deep in a network folder, as the event loop words it.
pub(super) fn failed_reload(lang: Lang) -> String {
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
        // Only the loading screen takes it: the app already has its data.
        Message::Loaded(Box::new(app(lang, 80, 24))),
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
pub(super) fn send_note(app: &mut App, mail: Outcome) -> Option<Command> {
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
                        squashed(&shown).contains(&squashed(&crate::tui::text::clean(&message))),
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
                let actions = crate::tui::keys::KEYMAP.iter().filter(|b| b.modes.contains(&mode)).flat_map(|b| b.keys);
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
