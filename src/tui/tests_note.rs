//! The phone message form (F7) and the list of kept notes (F8): filling in, sending, what the
//! journal and the mail program answered, and what the screen shows meanwhile.

use super::app::App;
use super::field::Edit;
use super::message::{Action, Command, Copied, CopyOutcome, JournalState, Message};
use super::tests::{YEAR, app, directory, screen, snapshot, type_text};
use super::update::update;
use crate::directory::{self, EMBEDDED, Source};
use crate::handover::Outcome;
use crate::i18n::Lang;
use crate::notes::{Delivery, Entry};

snapshot!(note_80x24_de, Lang::De, 80, 24, note_on_plock);
snapshot!(note_80x24_en, Lang::En, 80, 24, note_on_plock);
snapshot!(note_50x15_de, Lang::De, 50, 15, note_on_plock);
snapshot!(note_50x15_en, Lang::En, 50, 15, note_on_plock);
snapshot!(unsent_80x24_de, Lang::De, 80, 24, unsent_note);
snapshot!(unsent_80x24_en, Lang::En, 80, 24, unsent_note);
snapshot!(concern_80x24_en, Lang::En, 80, 24, |app| {
    note_on_plock(app);
    update(app, Message::Action(Action::NoteNext));
    type_into_note(app, &"The mayor's office asks about the youth exchange in May. ".repeat(4));
});
snapshot!(notes_80x24_de, Lang::De, 80, 24, |app| {
    update(app, Message::Journal(Ok(journal_of_two())));
    update(app, Message::Action(Action::ToggleNotes));
});
snapshot!(notes_60x20_en, Lang::En, 60, 20, |app| {
    update(app, Message::Journal(Ok(journal_of_two())));
    update(app, Message::Action(Action::ToggleNotes));
});

/// A phone message that no program took and no clipboard confirmed.
fn unsent_note(app: &mut App) {
    note_on_plock(app);
    update(app, Message::Action(Action::NoteNext));
    type_into_note(app, "Besuch im Mai");
    let sent = update(app, Message::Action(Action::NoteEnter));
    deliver(app, sent, Outcome::NoProgram);
    update(app, Message::Copied(CopyOutcome::TerminalOnly(Copied::Note)));
}

/// What the event loop does with a `SendNote`: the journal takes the note, then the mail
/// program answers with `mail`. Returns what `update` asks for next (the fallback copy).
fn deliver(app: &mut App, command: Option<Command>, mail: Outcome) -> Option<Command> {
    let Some(Command::SendNote { message, email, id, form, .. }) = command else { panic!("a note to send") };
    let mut entry = Entry::new(&message, &email, Delivery::Sending);
    if let Some(id) = id {
        entry.id = id;
    }
    update(app, Message::NoteSaved { saved: Ok(entry.clone()), form });
    update(app, Message::NoteSent { entry, mail, form })
}

fn note_on_plock(app: &mut App) {
    type_text(app, "plock");
    fill_note(app);
}

/// Opens the phone message form on the selection and fills in two fields.
fn fill_note(app: &mut App) {
    update(app, Message::Now("26.11.2026 14:05".into()));
    update(app, Message::Action(Action::StartNote));
    type_into_note(app, "Jan Kowalski");
    update(app, Message::Action(Action::NoteEnter));
    type_into_note(app, "+48 24 367 1000");
}

#[test]
fn f5_calls_f6_writes_and_f7_sends_a_phone_message() {
    let mut app = app(Lang::De, 80, 24);
    type_text(&mut app, "plock");
    let Some(Command::Open { uri, fallback, .. }) = update(&mut app, Message::Action(Action::Call)) else {
        panic!("a call")
    };
    assert_eq!(uri, "tel:+49-6151-13-2324");
    assert_eq!(fallback, ("(06151) 13-2324".to_string(), Copied::Phone));
    let Some(Command::Open { uri, .. }) = update(&mut app, Message::Action(Action::Email)) else { panic!("an email") };
    assert_eq!(
        uri,
        "mailto:international@darmstadt.de?subject=Partnerstadt%20P%C5%82ock%20%E2%80%93%20f%C3%BCr%20Irene%20Schewe"
    );
    fill_note(&mut app);
    assert_eq!(update(&mut app, Message::Action(Action::NoteEnter)), None, "Enter in the call-back field moves on");
    type_into_note(&mut app, "Besuch im Mai");
    let sent = update(&mut app, Message::Action(Action::NoteEnter));
    let Some(Command::SendNote { uri, message, .. }) = sent.clone() else { panic!("Enter in the last field sends") };
    let text = message.text(Lang::De);
    assert!(app.note.is_some(), "the form stays until the note has verifiably left");
    assert!(uri.starts_with(
        "mailto:international@darmstadt.de?subject=Telefonnotiz%3A%20P%C5%82ock%20%E2%80%93%20Jan%20Kowalski&body="
    ));
    assert!(text.contains("Anrufer: Jan Kowalski\r\nRückruf: +48 24 367 1000\r\nAnliegen: Besuch im Mai"), "{text}");
    assert!(text.starts_with("Telefonnotiz: 26.11.2026 14:05\r\nPartnerstadt: Płock\r\nFür: Irene Schewe"));
    assert!(screen(&app).contains("Übergabe läuft: Irene Schewe …"), "the hand-over shows while it runs");
    assert_eq!(update(&mut app, Message::Action(Action::NoteEnter)), None, "no second hand-over meanwhile");
    assert_eq!(deliver(&mut app, sent, Outcome::Done { program: "xdg-open".into() }), None);
    assert!(app.note.is_none(), "a mail program took it");
    assert_eq!(app.status_text(), Some("Notiz an Mailprogramm übergeben (xdg-open)"));
}

fn type_into_note(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Message::Action(Action::Edit(Edit::Insert(c))));
    }
}

#[test]
fn enter_moves_through_the_form_and_an_empty_note_is_not_sent() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "graz");
    update(&mut app, Message::Action(Action::StartNote));
    assert_eq!(update(&mut app, Message::Action(Action::NoteEnter)), None);
    assert_eq!(update(&mut app, Message::Action(Action::NoteEnter)), None);
    assert_eq!(app.note.as_ref().unwrap().focus, 2);
    assert_eq!(update(&mut app, Message::Action(Action::NoteEnter)), None, "neither a caller nor a concern");
    let note = app.note.as_ref().unwrap();
    assert_eq!((note.focus, note.prompt), (0, Some(super::app::NotePrompt::NeedsCallerOrConcern)));
    assert!(screen(&app).contains("Please fill in a caller or a concern"));
    type_into_note(&mut app, "Anna");
    update(&mut app, Message::Action(Action::NoteNext));
    update(&mut app, Message::Action(Action::NoteNext));
    assert!(
        matches!(update(&mut app, Message::Action(Action::NoteEnter)), Some(Command::SendNote { .. })),
        "a caller is enough"
    );
}

#[test]
fn the_form_edits_like_the_search_line_and_takes_pastes_on_one_line() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "graz");
    update(&mut app, Message::Action(Action::StartNote));
    type_into_note(&mut app, "Jan Kowalski");
    for edit in [Edit::Home, Edit::Right, Edit::Right, Edit::Right, Edit::Delete, Edit::Insert('_'), Edit::End] {
        update(&mut app, Message::Action(Action::Edit(edit)));
    }
    assert_eq!(app.note.as_ref().unwrap().fields[0].text, "Jan_Kowalski");
    update(&mut app, Message::Action(Action::Edit(Edit::DeleteWord)));
    assert_eq!(app.note.as_ref().unwrap().fields[0].text, "");
    update(&mut app, Message::Paste("Anna\r\nSchmidt\n".into()));
    assert_eq!(app.note.as_ref().unwrap().fields[0].text, "Anna Schmidt ");
    assert_eq!(app.query, "graz", "the search line is left alone while the form is open");
    assert!(app.note.is_some(), "a paste with line breaks never sends");
    update(&mut app, Message::Action(Action::Edit(Edit::Clear)));
    assert_eq!(app.note.as_ref().unwrap().fields[0].text, "");
    update(&mut app, Message::Action(Action::NoteCancel));
    update(&mut app, Message::Paste("plo\nck".into()));
    assert_eq!(app.query, "grazplo ck", "without the form, a paste goes to the search line");
}

#[test]
fn esc_on_a_note_with_text_asks_once() {
    let mut app = app(Lang::De, 80, 24);
    type_text(&mut app, "graz");
    update(&mut app, Message::Action(Action::StartNote));
    type_into_note(&mut app, "Anna");
    update(&mut app, Message::Action(Action::NoteCancel));
    assert!(app.note.is_some());
    assert!(screen(&app).contains("Noch einmal Esc verwirft die Notiz"));
    update(&mut app, Message::Action(Action::Edit(Edit::Insert('!'))));
    update(&mut app, Message::Action(Action::NoteCancel));
    assert!(app.note.is_some(), "typing in between asks again");
    update(&mut app, Message::Action(Action::NoteCancel));
    assert!(app.note.is_none());
}

#[test]
fn a_note_nobody_took_stays_on_screen_as_text() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "plock");
    fill_note(&mut app);
    update(&mut app, Message::Action(Action::NoteNext));
    type_into_note(&mut app, "Visit in May");
    let sent = update(&mut app, Message::Action(Action::NoteEnter));
    let fallback = deliver(&mut app, sent, Outcome::NoProgram);
    assert!(matches!(fallback, Some(Command::CopyNote { write_ahead: false, id: Some(_), .. })), "{fallback:?}");
    update(&mut app, Message::Copied(CopyOutcome::TerminalOnly(Copied::Note)));
    assert!(matches!(app.note.as_ref().unwrap().stage, super::app::NoteStage::Unsent { .. }));
    assert!(!app.wants_mouse(), "the terminal's own selection works on the note");
    let text = screen(&app);
    for expected in ["no mail program set up", "Caller: Jan Kowalski", "Concern: Visit in May"] {
        assert!(text.contains(expected), "{expected:?} missing from\n{text}");
    }
    assert!(!text.contains("sent") || text.contains("not been passed on"), "nothing claims it was sent");
    // Copy again: an unconfirmed copy keeps it, a confirmed one lets it go.
    assert!(matches!(
        update(&mut app, Message::Action(Action::NoteCopy)),
        Some(Command::CopyNote { write_ahead: false, .. })
    ));
    update(&mut app, Message::Copied(CopyOutcome::Failed));
    assert!(app.note.is_some());
    update(&mut app, Message::Copied(CopyOutcome::Native(Copied::Note, "xclip".into())));
    assert!(app.note.is_none());
    assert_eq!(app.status_text(), Some("Phone message copied (xclip)"));
}

#[test]
fn esc_closes_an_empty_form_at_once_and_the_office_has_no_number_to_call() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "graz");
    update(&mut app, Message::Action(Action::StartNote));
    assert!(app.note.is_some());
    assert_eq!(update(&mut app, Message::Action(Action::NoteCancel)), None);
    assert!(app.note.is_none());
    update(&mut app, Message::Action(Action::Edit(Edit::Clear)));
    type_text(&mut app, "postfach");
    assert_eq!(update(&mut app, Message::Action(Action::Call)), None);
    assert_eq!(app.status_text(), Some("The office has no general number; F6 writes an email"));
    assert!(matches!(update(&mut app, Message::Action(Action::Email)), Some(Command::Open { .. })));
}

#[test]
fn a_note_the_mail_program_refused_is_kept_and_said_so() {
    let mut app = app(Lang::En, 80, 24);
    note_on_plock(&mut app);
    let sent = update(&mut app, Message::Action(Action::NoteEnter));
    let sent = sent.or_else(|| update(&mut app, Message::Action(Action::NoteEnter)));
    let failed = Outcome::Exited { program: "xdg-open".into(), status: Some(4) };
    let fallback = deliver(&mut app, sent, failed);
    assert!(matches!(fallback, Some(Command::CopyNote { .. })));
    let Some(super::app::NoteStage::Unsent { reason }) = app.note.as_ref().map(|n| n.stage.clone()) else {
        panic!("the note stays on screen")
    };
    assert_eq!(reason, "xdg-open failed (4); note kept (F8)");
    let text = screen(&app);
    assert!(text.contains("The note has not been passed on yet: xdg-open failed (4)"), "{text}");
    assert!(!text.contains("handed to the mail program"), "{text}");
    // The fallback copy took it: the form closes, and the next copy says the journal keeps it.
    update(&mut app, Message::Copied(CopyOutcome::Native(Copied::Note, "xclip".into())));
    assert!(app.note.is_none());
    assert_eq!(
        app.status_text(),
        Some("Not handed over: xdg-open failed (4); note kept (F8); Phone message copied (xclip)")
    );
    update(&mut app, Message::Copied(CopyOutcome::Native(Copied::Phone, "xclip".into())));
    assert_eq!(app.status_text(), Some("Phone number copied (xclip); the note stays kept (F8)"));
    update(&mut app, Message::Copied(CopyOutcome::Native(Copied::Phone, "xclip".into())));
    assert_eq!(app.status_text(), Some("Phone number copied (xclip)"), "said once");
}

/// Two notes in the journal, one delivered and one not.
fn journal_of_two() -> JournalState {
    let message = |caller: &str| crate::actions::PhoneMessage {
        when: "30.11.2026 09:15".into(),
        about: Some(crate::actions::About::City("Płock".into())),
        to: "Irene Schewe".into(),
        cover: None,
        caller: caller.into(),
        callback: "+48 24 367 1000".into(),
        concern: "Besuch im Mai".into(),
    };
    let failed = Delivery::NotDelivered { mail: Outcome::Exited { program: "xdg-open".into(), status: Some(4) } };
    let entries = vec![
        Entry::new(&message("Jan Kowalski"), "international@darmstadt.de", failed),
        Entry::new(
            &message("Anna Nowak"),
            "international@darmstadt.de",
            Delivery::Mailed { program: "xdg-open".into() },
        ),
    ];
    JournalState { entries, undelivered_today: 1 }
}

#[test]
fn f8_lists_the_kept_notes_and_sends_or_copies_one_again() {
    let mut app = app(Lang::En, 80, 24);
    update(&mut app, Message::Journal(Ok(journal_of_two())));
    let shown = screen(&app);
    let footer: Vec<&str> = shown.lines().rev().take(2).collect();
    assert!(footer[1].starts_with("1 note of today undelivered (F8)"), "{shown}");
    assert!(footer[0].starts_with("↑↓ select") && footer[0].contains("F7"), "the keys keep their line: {shown}");
    assert_eq!(update(&mut app, Message::Action(Action::ToggleNotes)), Some(Command::ReadJournal));
    assert_eq!(app.mode(), super::keys::Mode::Notes);
    let text = screen(&app);
    assert!(text.contains("Kept notes (2)"), "{text}");
    assert!(text.contains("▶ 30.11.2026 09:15 · not delivered: xdg-open failed (4) · Jan Kowalski"), "{text}");
    assert!(text.contains("Caller: Jan Kowalski"), "{text}");
    update(&mut app, Message::Action(Action::Down));
    assert!(screen(&app).contains("Caller: Anna Nowak"));
    let id = app.journal.entries[1].id.clone();
    let Some(Command::SendNote { id: sent_id, form: false, uri, .. }) =
        update(&mut app, Message::Action(Action::NoteEnter))
    else {
        panic!("Enter sends the selected note again")
    };
    assert_eq!(sent_id, Some(id.clone()));
    assert!(uri.contains("Anna%20Nowak"));
    let copied = update(&mut app, Message::Action(Action::NoteCopy));
    assert!(matches!(copied, Some(Command::CopyNote { id: Some(ref i), .. }) if *i == id), "{copied:?}");
    update(&mut app, Message::Action(Action::Escape));
    assert_eq!(app.mode(), super::keys::Mode::List);
    assert!(!app.quit);
}

#[test]
fn a_note_open_during_a_reload_goes_to_the_new_contact_and_says_so() {
    let mut app = app(Lang::En, 80, 24);
    type_text(&mut app, "trondheim");
    update(&mut app, Message::Action(Action::StartNote));
    type_into_note(&mut app, "Kari Nordmann");
    assert_eq!(app.note.as_ref().unwrap().to, "Jessica Otto");
    let (before, after) = EMBEDDED.split_once("name: \"Trondheim\"").unwrap();
    let changed =
        format!("{before}name: \"Trondheim\"{}", after.replacen("contact: \"otto\",", "contact: \"kuz\",", 1));
    assert_ne!(changed, EMBEDDED);
    let directory = directory::parse(&changed, Source::Embedded, YEAR).unwrap();
    update(&mut app, Message::Reloaded(Ok(Box::new(crate::cache::Indexed::new(directory)))));
    let note = app.note.as_ref().unwrap();
    assert_eq!((note.to.as_str(), note.email.as_str()), ("Julia Kuz", app.directory.people()[3].email.as_str()));
    assert_eq!(note.fields[0].text, "Kari Nordmann", "what was typed stays");
    assert_eq!(app.status_text(), Some("Data reloaded; Contact now: Julia Kuz (was Jessica Otto)"));
    assert!(screen(&app).contains("For: Julia Kuz"), "{}", screen(&app));
    // A reload that changes nothing about the note says only that it reloaded.
    let directory = directory::parse(&changed, Source::Embedded, YEAR).unwrap();
    update(&mut app, Message::Reloaded(Ok(Box::new(crate::cache::Indexed::new(directory)))));
    assert_eq!(app.status_text(), Some("Data reloaded"));
}

#[test]
fn a_note_open_at_the_end_is_kept_as_a_draft_once() {
    let folder = tempfile::tempdir().unwrap();
    let journal = crate::notes::Journal::at(folder.path().to_path_buf());
    let mut app = app(Lang::En, 80, 24);
    assert!(super::save_draft(Some(&journal), &app).is_none(), "no note, nothing to keep");
    note_on_plock(&mut app);
    let said = super::save_draft(Some(&journal), &app).expect("the note is kept");
    assert!(said.en.starts_with("The note is kept in "), "{}", said.en);
    let read = journal.read().unwrap();
    assert_eq!(read.entries.len(), 1);
    assert_eq!(read.entries[0].delivery, Delivery::Draft);
    assert_eq!(read.entries[0].caller, "Jan Kowalski");
    // A note the journal already holds as it is is not written twice.
    let id = read.entries[0].id.clone();
    update(&mut app, Message::NoteSaved { saved: Ok(read.entries[0].clone()), form: true });
    update(&mut app, Message::Journal(Ok(JournalState { entries: read.entries.clone(), undelivered_today: 1 })));
    super::save_draft(Some(&journal), &app).unwrap();
    assert_eq!(std::fs::read_to_string(journal.path()).unwrap().lines().count(), 1);
    // Edited since: the same note, in its new words.
    type_into_note(&mut app, " jr.");
    super::save_draft(Some(&journal), &app).unwrap();
    let read = journal.read().unwrap();
    assert_eq!(read.entries.len(), 1);
    assert_eq!((read.entries[0].id.as_str(), read.entries[0].callback.as_str()), (id.as_str(), "+48 24 367 1000 jr."));
    // No journal at all: said, not hidden.
    let said = super::save_draft(None, &app).unwrap();
    assert!(said.en.starts_with("Note NOT saved"), "{}", said.en);
}

#[test]
fn a_note_the_journal_could_not_take_is_said_first_and_still_handed_on() {
    let mut app = app(Lang::En, 80, 24);
    note_on_plock(&mut app);
    update(&mut app, Message::Action(Action::NoteNext));
    let sent = update(&mut app, Message::Action(Action::NoteEnter));
    let Some(Command::SendNote { message, email, .. }) = sent else { panic!("a note to send") };
    update(&mut app, Message::NoteSaved { saved: Err("notes.jsonl: no space left on the device".into()), form: true });
    assert!(app.status_text().unwrap().starts_with("Note NOT saved: notes.jsonl: no space"), "{:?}", app.status_text());
    let entry = Entry::new(&message, &email, Delivery::Sending);
    update(&mut app, Message::NoteSent { entry, mail: Outcome::NoProgram, form: true });
    assert!(
        matches!(app.note.as_ref().map(|n| &n.stage), Some(super::app::NoteStage::Unsent { .. })),
        "the form does not wait for ever"
    );
    // A journal that cannot be read stays in the footer, also after a reload.
    update(&mut app, Message::Journal(Err("notes.jsonl: permission denied".into())));
    update(&mut app, Message::Reloaded(Ok(Box::new(crate::cache::Indexed::new(directory())))));
    update(&mut app, Message::Tick(100));
    update(&mut app, Message::Action(Action::NoteCancel));
    update(&mut app, Message::Action(Action::NoteCancel));
    assert!(screen(&app).lines().last().unwrap().starts_with("notes.jsonl: permission denied"), "{}", screen(&app));
}
