//! Every action the view knows is reachable by a key in some mode, and the help names that key:
//! an action added without its keymap row fails here, not silently at the desk.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::field::Edit;
use super::keys::{KEYMAP, Key, Mode, help_rows, message_for_key};
use super::message::{Action, Message};
use crate::i18n::Lang;

const MODES: [Mode; 6] = [Mode::List, Mode::Form, Mode::Unsent, Mode::Help, Mode::Notes, Mode::Loading];

/// One of every action. The match lists each variant without a wildcard, so a new one does not
/// compile until it is listed here too.
fn every_action() -> Vec<Action> {
    let edits = [
        Edit::Insert('a'),
        Edit::Backspace,
        Edit::Delete,
        Edit::DeleteWord,
        Edit::Clear,
        Edit::Left,
        Edit::Right,
        Edit::Home,
        Edit::End,
    ];
    for edit in &edits {
        match edit {
            Edit::Insert(_)
            | Edit::Backspace
            | Edit::Delete
            | Edit::DeleteWord
            | Edit::Clear
            | Edit::Left
            | Edit::Right
            | Edit::Home
            | Edit::End => {}
        }
    }
    let mut all: Vec<Action> = edits.into_iter().map(Action::Edit).collect();
    all.extend([
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::CopyPhone,
        Action::CopyEmail,
        Action::Call,
        Action::Email,
        Action::StartNote,
        Action::NoteNext,
        Action::NotePrevious,
        Action::NoteEnter,
        Action::NoteCopy,
        Action::NoteCancel,
        Action::ToggleNotes,
        Action::Reload,
        Action::Redraw,
        Action::Suspend,
        Action::ToggleHelp,
        Action::Escape,
        Action::Quit,
    ]);
    for action in &all {
        match action {
            Action::Edit(_)
            | Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::CopyPhone
            | Action::CopyEmail
            | Action::Call
            | Action::Email
            | Action::StartNote
            | Action::NoteNext
            | Action::NotePrevious
            | Action::NoteEnter
            | Action::NoteCopy
            | Action::NoteCancel
            | Action::ToggleNotes
            | Action::Reload
            | Action::Redraw
            | Action::Suspend
            | Action::ToggleHelp
            | Action::Escape
            | Action::Quit => {}
        }
    }
    all
}

/// The variants `pub enum Action` declares, read from its source: `Up`, `Edit`, ….
fn declared_actions() -> Vec<String> {
    let source = include_str!("message.rs");
    let body = source.split("pub enum Action {").nth(1).expect("message.rs declares Action");
    let body = &body[..body.find("\n}").expect("the end of Action")];
    body.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//") && !line.starts_with("#["))
        .map(|line| line.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default().to_string())
        .collect()
}

/// The match in [`every_action`] makes a new action a compile error, but only the list above it
/// brings the action to the keymap test: this fails until the list has it too.
#[test]
fn every_declared_action_is_in_the_list_the_keymap_test_walks() {
    let declared = declared_actions();
    assert!(declared.len() >= 20 && declared.iter().any(|a| a == "Edit"), "read {declared:?}");
    let listed: Vec<String> =
        every_action().iter().map(|a| format!("{a:?}").split('(').next().unwrap_or_default().to_string()).collect();
    for action in declared {
        assert!(listed.contains(&action), "Action::{action} is not in every_action()'s list: add it there");
    }
}

/// The key events a keymap key stands for.
fn events(key: Key) -> KeyEvent {
    match key {
        Key::Plain(code) => KeyEvent::new(code, KeyModifiers::NONE),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Alt(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::ALT),
        Key::OnEmptyQuery(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
    }
}

#[test]
fn every_action_is_reachable_by_a_key_and_named_in_the_help() {
    // Every key the keymap names, and typing a letter.
    let mut keys: Vec<KeyEvent> = KEYMAP.iter().flat_map(|b| b.keys.iter().map(|(k, _)| events(*k))).collect();
    keys.push(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE));
    for action in every_action() {
        let reached = MODES.iter().any(|&mode| {
            keys.iter().any(|&key| {
                [true, false]
                    .iter()
                    .any(|&empty| matches!(message_for_key(key, mode, empty), Some(Message::Action(a)) if a == action))
            })
        });
        assert!(reached, "{action:?} has no key in any mode");
        // Typing is the one action without a row: the help says it in the search line's title.
        if matches!(action, Action::Edit(Edit::Insert(_))) {
            continue;
        }
        for lang in [Lang::De, Lang::En] {
            let rows = help_rows(lang);
            let row = KEYMAP.iter().find(|b| b.keys.iter().any(|(_, a)| *a == action)).unwrap();
            assert!(
                rows.iter().any(|(labels, help)| *help == row.help.get(lang) && !labels.is_empty()),
                "{action:?} is not named in the {lang:?} help"
            );
        }
    }
}
