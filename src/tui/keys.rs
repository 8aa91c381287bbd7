//! The keymap: one table of (keys, message, help text), following fzf and television. The key
//! lookup, the F1 help, the footer and the README's key table are all generated from it, so they
//! cannot drift apart.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::message::Message;
use crate::i18n::{Lang, Words};

/// A key as the keymap names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A key with no modifier (Shift aside).
    Plain(KeyCode),
    /// A letter with Ctrl.
    Ctrl(char),
    /// A letter with Alt (Option on macOS, which types characters by default: never the only key).
    Alt(char),
    /// A character typed while the query is empty (`?` for help).
    OnEmptyQuery(char),
}

impl Key {
    /// How the help and the README write the key.
    pub fn label(self) -> String {
        let code = |code: KeyCode| match code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) => c.to_string(),
            other => other.to_string(),
        };
        match self {
            Key::Plain(c) => code(c),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Alt(c) => format!("Alt-{}", c.to_ascii_uppercase()),
            Key::OnEmptyQuery(c) => c.to_string(),
        }
    }

    fn matches(self, key: &KeyEvent, query_is_empty: bool) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match self {
            Key::Plain(code) => !ctrl && !alt && key.code == code,
            Key::Ctrl(c) => ctrl && !alt && key.code == KeyCode::Char(c),
            Key::Alt(c) => alt && !ctrl && key.code == KeyCode::Char(c),
            Key::OnEmptyQuery(c) => query_is_empty && !ctrl && !alt && key.code == KeyCode::Char(c),
        }
    }
}

/// A key and the message it sends.
pub type Bound = (Key, fn() -> Message);

/// One row of the keymap: its keys, each with the message it sends, and what the row does.
#[derive(Debug)]
pub struct Binding {
    /// The keys and their messages, in the order the help lists them.
    pub keys: &'static [Bound],
    /// What the row does, for the help and the README.
    pub help: Words,
    /// For the footer: how many of the keys it shows, a short name, and a rank (hints are shown
    /// by rank, as many as fit).
    pub footer: Option<(usize, Words, u8)>,
}

impl Binding {
    /// The keys as the help shows them: `↑ ↓  Ctrl-P Ctrl-N`.
    pub fn labels(&self) -> String {
        let labels: Vec<String> = self.keys.iter().map(|(key, _)| key.label()).collect();
        labels.join(" ")
    }
}

/// Every key of the interactive view. Typing a character with no binding inserts it.
pub static KEYMAP: &[Binding] = &[
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Up), || Message::Up),
            (Key::Plain(KeyCode::Down), || Message::Down),
            (Key::Ctrl('p'), || Message::Up),
            (Key::Ctrl('n'), || Message::Down),
            (Key::Ctrl('k'), || Message::Up),
            (Key::Ctrl('j'), || Message::Down),
        ],
        help: Words { de: "Auswahl bewegen", en: "Move the selection" },
        footer: Some((2, Words { de: "wählen", en: "select" }, 0)),
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::PageUp), || Message::PageUp),
            (Key::Plain(KeyCode::PageDown), || Message::PageDown),
        ],
        help: Words { de: "Seitenweise bewegen", en: "Move a page" },
        footer: None,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Left), || Message::CursorLeft),
            (Key::Plain(KeyCode::Right), || Message::CursorRight),
            (Key::Plain(KeyCode::Home), || Message::CursorHome),
            (Key::Plain(KeyCode::End), || Message::CursorEnd),
            (Key::Ctrl('a'), || Message::CursorHome),
            (Key::Ctrl('e'), || Message::CursorEnd),
        ],
        help: Words { de: "Cursor bewegen", en: "Move the cursor" },
        footer: None,
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Backspace), || Message::Backspace),
            (Key::Ctrl('h'), || Message::Backspace),
            (Key::Plain(KeyCode::Delete), || Message::Delete),
            (Key::Ctrl('w'), || Message::DeleteWord),
            (Key::Ctrl('u'), || Message::ClearQuery),
        ],
        help: Words { de: "Zeichen / Wort / alles löschen", en: "Delete a char / word / all" },
        footer: None,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), || Message::CopyPhone), (Key::Ctrl('y'), || Message::CopyPhone)],
        help: Words { de: "Telefonnummer kopieren", en: "Copy the phone number" },
        footer: Some((1, Words { de: "Telefon kopieren", en: "copy phone" }, 1)),
    },
    Binding {
        keys: &[(Key::Alt('y'), || Message::CopyEmail), (Key::Ctrl('o'), || Message::CopyEmail)],
        help: Words { de: "E-Mail-Adresse kopieren", en: "Copy the email address" },
        footer: Some((1, Words { de: "E-Mail", en: "copy email" }, 7)),
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::F(5)), || Message::Call)],
        help: Words { de: "Anrufen (tel:-Link an das Telefonprogramm)", en: "Call (tel: link to the phone program)" },
        footer: Some((1, Words { de: "anrufen", en: "call" }, 4)),
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::F(6)), || Message::Email)],
        help: Words { de: "E-Mail schreiben, mit Betreff", en: "Write an email, with a subject" },
        footer: Some((1, Words { de: "E-Mail", en: "email" }, 5)),
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::F(7)), || Message::StartNote)],
        help: Words { de: "Telefonnotiz aufnehmen", en: "Take a phone message" },
        footer: Some((1, Words { de: "Notiz", en: "note" }, 6)),
    },
    Binding {
        keys: &[(Key::Ctrl('r'), || Message::Reload)],
        help: Words { de: "Daten neu laden", en: "Reload the data" },
        footer: None,
    },
    Binding {
        keys: &[(Key::Ctrl('l'), || Message::Redraw)],
        help: Words { de: "Bildschirm neu zeichnen", en: "Repaint the screen" },
        footer: None,
    },
    Binding {
        keys: &[(Key::Ctrl('z'), || Message::Suspend)],
        help: Words { de: "Anhalten, zurück mit fg (Unix)", en: "Suspend; fg brings it back (Unix)" },
        footer: None,
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::F(1)), || Message::ToggleHelp), (Key::OnEmptyQuery('?'), || Message::ToggleHelp)],
        help: Words { de: "Diese Hilfe", en: "This help" },
        footer: Some((1, Words { de: "Hilfe", en: "help" }, 2)),
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), || Message::Escape)],
        help: Words { de: "Suche leeren, dann beenden", en: "Clear the search, then quit" },
        footer: Some((1, Words { de: "beenden", en: "quit" }, 3)),
    },
    Binding { keys: &[(Key::Ctrl('c'), || Message::Quit)], help: Words { de: "Beenden", en: "Quit" }, footer: None },
];

/// The message for a key press; `None` for keys that do nothing, and for releases and repeats.
pub fn message_for_key(key: KeyEvent, query_is_empty: bool) -> Option<Message> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let bound = KEYMAP.iter().flat_map(|b| b.keys).find(|(k, _)| k.matches(&key, query_is_empty));
    if let Some((_, message)) = bound {
        return Some(message());
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        // AltGr arrives as Ctrl+Alt on Windows: `@ \ { } [ ] | ~ €` on a German keyboard are text.
        KeyCode::Char(c) if ctrl == alt => Some(Message::Insert(c)),
        _ => None,
    }
}

/// The message for a key press while the phone message form is open: Tab and Shift-Tab move
/// between fields, Enter sends, Esc cancels, Ctrl-C quits; characters (AltGr ones too) are text.
pub fn message_for_form_key(key: KeyEvent) -> Option<Message> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char('c') if ctrl && !alt => Message::Quit,
        KeyCode::Char(c) if ctrl == alt => Message::NoteInput(c),
        KeyCode::Tab => Message::NoteNext,
        KeyCode::BackTab => Message::NotePrevious,
        KeyCode::Enter => Message::NoteSend,
        KeyCode::Esc => Message::NoteCancel,
        KeyCode::Backspace => Message::NoteBackspace,
        _ => return None,
    })
}

/// The message for a mouse event: a left click selects, the wheel scrolls.
pub fn message_for_mouse(mouse: MouseEvent) -> Option<Message> {
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Message::Click(mouse.column, mouse.row)),
        MouseEventKind::ScrollUp => Some(Message::ScrollUp),
        MouseEventKind::ScrollDown => Some(Message::ScrollDown),
        _ => None,
    }
}

/// The footer's hints: `↑↓ select · Enter copy phone · …`, as many as fit in `width` columns.
/// The table's order is the order of importance: the first hints stay on a narrow screen.
pub fn footer(lang: Lang, width: usize) -> String {
    let mut ranked: Vec<&Binding> = KEYMAP.iter().filter(|b| b.footer.is_some()).collect();
    ranked.sort_by_key(|b| b.footer.as_ref().map_or(u8::MAX, |f| f.2));
    let mut line = String::new();
    for binding in ranked {
        let Some((shown, words, _)) = &binding.footer else { continue };
        let keys: String = binding.keys.iter().take(*shown).map(|(k, _)| k.label()).collect();
        let hint = format!("{keys} {}", words.get(lang));
        let joined = if line.is_empty() { hint } else { format!("{line} · {hint}") };
        if joined.chars().count() > width {
            break;
        }
        line = joined;
    }
    line
}

/// The help overlay's rows: the keys, and what they do.
pub fn help_rows(lang: Lang) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = KEYMAP.iter().map(|b| (b.labels(), b.help.get(lang))).collect();
    rows.insert(0, (lang.text().typing.to_string(), lang.text().typing_help));
    rows.push((lang.text().syntax.to_string(), lang.text().syntax_help));
    rows
}

/// The README's key table, in English, as Markdown.
pub fn markdown_table() -> String {
    let mut table = String::from("| Key | What it does |\n|---|---|\n");
    for (keys, what) in help_rows(Lang::En) {
        table.push_str(&format!("| {} | {what} |\n", keys.replace('|', "\\|")));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_usual_keys() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        assert!(matches!(message_for_key(key(KeyCode::Char('c'), ctrl), true), Some(Message::Quit)));
        assert!(matches!(message_for_key(key(KeyCode::Char('j'), ctrl), true), Some(Message::Down)));
        assert!(matches!(message_for_key(key(KeyCode::Char('y'), KeyModifiers::ALT), true), Some(Message::CopyEmail)));
        assert!(matches!(message_for_key(key(KeyCode::Enter, none), true), Some(Message::CopyPhone)));
        assert!(matches!(message_for_key(key(KeyCode::Char('?'), none), true), Some(Message::ToggleHelp)));
        assert!(matches!(message_for_key(key(KeyCode::Char('?'), none), false), Some(Message::Insert('?'))));
        assert!(matches!(
            message_for_key(key(KeyCode::Char('P'), KeyModifiers::SHIFT), false),
            Some(Message::Insert('P'))
        ));
        assert!(matches!(message_for_key(key(KeyCode::Char('l'), ctrl), false), Some(Message::Redraw)));
        assert!(matches!(message_for_key(key(KeyCode::Char('z'), ctrl), false), Some(Message::Suspend)));
        assert!(message_for_key(key(KeyCode::Char('x'), ctrl), false).is_none(), "an unbound Ctrl key is not text");
        let mut release = key(KeyCode::Char('a'), none);
        release.kind = KeyEventKind::Release;
        assert!(message_for_key(release, true).is_none());
    }

    #[test]
    fn altgr_characters_are_text() {
        // What Windows delivers for AltGr+Q, AltGr+ß, AltGr+8, AltGr+E on a German keyboard.
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        for c in ['@', '\\', '{', '}', '[', ']', '|', '~', '€'] {
            assert!(matches!(message_for_key(key(KeyCode::Char(c), altgr), false), Some(Message::Insert(x)) if x == c));
        }
    }

    #[test]
    fn macos_option_characters_are_text_and_every_action_has_a_key_without_alt() {
        // Option types characters by default on macOS: Option+L is '@' on a German Mac, sent plain.
        assert!(matches!(
            message_for_key(key(KeyCode::Char('@'), KeyModifiers::NONE), false),
            Some(Message::Insert('@'))
        ));
        for binding in KEYMAP {
            assert!(
                binding.keys.iter().any(|(k, _)| !matches!(k, Key::Alt(_))),
                "{:?} needs a key without Alt",
                binding.help.en
            );
        }
        assert!(matches!(
            message_for_key(key(KeyCode::Char('o'), KeyModifiers::CONTROL), false),
            Some(Message::CopyEmail)
        ));
    }

    #[test]
    fn f5_f6_f7_act_and_the_form_takes_text() {
        let none = KeyModifiers::NONE;
        assert!(matches!(message_for_key(key(KeyCode::F(5), none), false), Some(Message::Call)));
        assert!(matches!(message_for_key(key(KeyCode::F(6), none), false), Some(Message::Email)));
        assert!(matches!(message_for_key(key(KeyCode::F(7), none), false), Some(Message::StartNote)));
        assert!(matches!(message_for_form_key(key(KeyCode::Char('q'), none)), Some(Message::NoteInput('q'))));
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        assert!(matches!(message_for_form_key(key(KeyCode::Char('@'), altgr)), Some(Message::NoteInput('@'))));
        assert!(matches!(message_for_form_key(key(KeyCode::Tab, none)), Some(Message::NoteNext)));
        assert!(matches!(
            message_for_form_key(key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Message::NotePrevious)
        ));
        assert!(matches!(message_for_form_key(key(KeyCode::Enter, none)), Some(Message::NoteSend)));
        assert!(matches!(message_for_form_key(key(KeyCode::Esc, none)), Some(Message::NoteCancel)));
        assert!(matches!(message_for_form_key(key(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Message::Quit)));
    }

    #[test]
    fn no_key_is_bound_twice() {
        let keys: Vec<Key> = KEYMAP.iter().flat_map(|b| b.keys.iter().map(|(k, _)| *k)).collect();
        for (i, a) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(a), "{a:?} is bound twice");
        }
    }

    #[test]
    fn the_footer_comes_from_the_table() {
        assert_eq!(
            footer(Lang::En, 200),
            "↑↓ select · Enter copy phone · F1 help · Esc quit · F5 call · F6 email · F7 note · Alt-Y copy email"
        );
        assert_eq!(
            footer(Lang::En, 80),
            "↑↓ select · Enter copy phone · F1 help · Esc quit · F5 call · F6 email · F7 note"
        );
        assert_eq!(footer(Lang::En, 40), "↑↓ select · Enter copy phone · F1 help");
        assert!(
            footer(Lang::De, 80)
                .starts_with("↑↓ wählen · Enter Telefon kopieren · F1 Hilfe · Esc beenden · F5 anrufen")
        );
    }
}
