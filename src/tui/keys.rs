//! The keymap: one table of bindings (keys with their [`Action`], the modes they work in, help
//! text, footer hints ranked by importance), following fzf and television. The key lookup, the
//! F1 help, the footer and the README's key table are all generated from it, so they cannot
//! drift apart; key names come in each language's words (`Strg`, `Entf`, `Pos1` on a German
//! keyboard).

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

use super::field::Edit;
use super::message::{Action, Message};
use crate::i18n::{Bilingual, Lang};

/// What the keyboard drives at the moment: each has its own keys and footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The search line and the result list.
    List,
    /// The phone message form (F7).
    Form,
    /// A phone message that could not be handed on, shown as text.
    Unsent,
    /// The key help (F1).
    Help,
    /// The list of kept phone messages (F8).
    Notes,
    /// The first frame, while the data loads: typing is kept, Esc and Ctrl-C quit.
    Loading,
}

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
    /// How the help, the footer and the README write the key, in `lang`'s keyboard words.
    pub fn label(self, lang: Lang) -> String {
        let de = lang == Lang::De;
        let code = |code: KeyCode| -> String {
            let (de_name, en_name) = match code {
                KeyCode::Up => ("↑", "↑"),
                KeyCode::Down => ("↓", "↓"),
                KeyCode::Left => ("←", "←"),
                KeyCode::Right => ("→", "→"),
                KeyCode::PageUp => ("Bild↑", "PgUp"),
                KeyCode::PageDown => ("Bild↓", "PgDn"),
                KeyCode::Home => ("Pos1", "Home"),
                KeyCode::End => ("Ende", "End"),
                KeyCode::Delete => ("Entf", "Del"),
                KeyCode::Insert => ("Einfg", "Ins"),
                KeyCode::Backspace => ("Rücktaste", "Backspace"),
                KeyCode::Enter => ("Eingabe", "Enter"),
                KeyCode::Tab => ("Tab", "Tab"),
                KeyCode::BackTab => ("Umschalt-Tab", "Shift-Tab"),
                KeyCode::Esc => ("Esc", "Esc"),
                KeyCode::F(n) => return format!("F{n}"),
                KeyCode::Char(c) => return c.to_string(),
                other => return other.to_string(),
            };
            (if de { de_name } else { en_name }).to_string()
        };
        let ctrl = if de { "Strg" } else { "Ctrl" };
        match self {
            Key::Plain(c) => code(c),
            Key::Ctrl(c) => format!("{ctrl}-{}", c.to_ascii_uppercase()),
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

/// A key and the action it triggers.
pub type Bound = (Key, Action);

/// A footer hint: in this mode, the first `shown` keys and a short name, ranked (hints are
/// shown by rank, as many as fit).
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    /// The mode the hint is shown in.
    pub mode: Mode,
    /// How many of the row's keys it names.
    pub shown: usize,
    /// The short name.
    pub words: Bilingual<&'static str>,
    /// Lower ranks come first.
    pub rank: u8,
}

/// One row of the keymap: its keys, each with the message it sends, the modes it works in, what
/// it does, and its footer hints.
#[derive(Debug)]
pub struct Binding {
    /// The keys and their messages, in the order the help lists them.
    pub keys: &'static [Bound],
    /// Where the keys work.
    pub modes: &'static [Mode],
    /// What the row does, for the help and the README.
    pub help: Bilingual<&'static str>,
    /// Its hints in the footer, one per mode at most.
    pub footer: &'static [Hint],
}

impl Binding {
    /// The keys as the help shows them: `↑ ↓ Strg-P Strg-N`.
    pub fn labels(&self, lang: Lang) -> String {
        let labels: Vec<String> = self.keys.iter().map(|(key, _)| key.label(lang)).collect();
        labels.join(" ")
    }
}

const LIST: &[Mode] = &[Mode::List];
const LISTS: &[Mode] = &[Mode::List, Mode::Notes];
const EDITING: &[Mode] = &[Mode::List, Mode::Form, Mode::Loading];
const NOTE: &[Mode] = &[Mode::Form, Mode::Unsent];
const NOTES: &[Mode] = &[Mode::Form, Mode::Unsent, Mode::Notes];
const ANYWHERE: &[Mode] = &[Mode::List, Mode::Form, Mode::Unsent, Mode::Help, Mode::Notes, Mode::Loading];
const SCREEN: &[Mode] = &[Mode::List, Mode::Form, Mode::Unsent, Mode::Help, Mode::Notes];

const fn hint(mode: Mode, shown: usize, de: &'static str, en: &'static str, rank: u8) -> Hint {
    Hint { mode, shown, words: Bilingual { de, en }, rank }
}

const fn words(de: &'static str, en: &'static str) -> Bilingual<&'static str> {
    Bilingual { de, en }
}

/// Every key of the interactive view. In the search line and the form, typing a character with
/// no binding inserts it.
pub static KEYMAP: &[Binding] = &[
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Up), Action::Up),
            (Key::Plain(KeyCode::Down), Action::Down),
            (Key::Ctrl('p'), Action::Up),
            (Key::Ctrl('n'), Action::Down),
            (Key::Ctrl('k'), Action::Up),
            (Key::Ctrl('j'), Action::Down),
        ],
        modes: LISTS,
        help: words("Auswahl bewegen", "Move the selection"),
        footer: &[hint(Mode::List, 2, "wählen", "select", 0), hint(Mode::Notes, 2, "wählen", "select", 1)],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::PageUp), Action::PageUp), (Key::Plain(KeyCode::PageDown), Action::PageDown)],
        modes: LIST,
        help: words("Seitenweise bewegen", "Move a page"),
        footer: &[],
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Left), Action::Edit(Edit::Left)),
            (Key::Plain(KeyCode::Right), Action::Edit(Edit::Right)),
            (Key::Plain(KeyCode::Home), Action::Edit(Edit::Home)),
            (Key::Plain(KeyCode::End), Action::Edit(Edit::End)),
            (Key::Ctrl('a'), Action::Edit(Edit::Home)),
            (Key::Ctrl('e'), Action::Edit(Edit::End)),
        ],
        modes: EDITING,
        help: words("Cursor bewegen (Suche und Notiz)", "Move the cursor (search and note)"),
        footer: &[],
    },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Backspace), Action::Edit(Edit::Backspace)),
            (Key::Ctrl('h'), Action::Edit(Edit::Backspace)),
            (Key::Plain(KeyCode::Delete), Action::Edit(Edit::Delete)),
            (Key::Ctrl('w'), Action::Edit(Edit::DeleteWord)),
            (Key::Ctrl('u'), Action::Edit(Edit::Clear)),
        ],
        modes: EDITING,
        help: words("Zeichen / Wort / alles löschen", "Delete a char / word / all"),
        footer: &[],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Action::CopyPhone), (Key::Ctrl('y'), Action::CopyPhone)],
        modes: LIST,
        help: words("Telefonnummer kopieren", "Copy the phone number"),
        footer: &[hint(Mode::List, 1, "Telefon kopieren", "copy phone", 1)],
    },
    Binding {
        keys: &[(Key::Alt('y'), Action::CopyEmail), (Key::Ctrl('o'), Action::CopyEmail)],
        modes: LIST,
        help: words("E-Mail-Adresse kopieren", "Copy the email address"),
        footer: &[hint(Mode::List, 1, "E-Mail", "copy email", 7)],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::F(5)), Action::Call)],
        modes: LIST,
        help: words("Anrufen (tel:-Link ans Telefonprogramm)", "Call (tel: link to the phone program)"),
        footer: &[hint(Mode::List, 1, "anrufen", "call", 4)],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::F(6)), Action::Email)],
        modes: LIST,
        help: words("E-Mail schreiben, mit Betreff", "Write an email, with a subject"),
        footer: &[hint(Mode::List, 1, "E-Mail", "email", 5)],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::F(7)), Action::StartNote)],
        modes: LIST,
        help: words("Telefonnotiz aufnehmen", "Take a phone message"),
        footer: &[hint(Mode::List, 1, "Notiz", "note", 6)],
    },
    Binding {
        // F8 beside F5 to F7; Ctrl-T where function keys are taken (macOS media keys).
        keys: &[(Key::Plain(KeyCode::F(8)), Action::ToggleNotes), (Key::Ctrl('t'), Action::ToggleNotes)],
        modes: LISTS,
        help: words("Gespeicherte Notizen: erneut senden", "Kept notes: send or copy again"),
        footer: &[hint(Mode::List, 1, "Notizen", "notes", 8), hint(Mode::Notes, 1, "schließen", "close", 2)],
    },
    Binding {
        keys: &[(Key::Ctrl('r'), Action::Reload)],
        modes: LIST,
        help: words("Daten neu laden", "Reload the data"),
        footer: &[],
    },
    Binding {
        keys: &[(Key::Ctrl('l'), Action::Redraw)],
        modes: SCREEN,
        help: words("Bildschirm neu zeichnen", "Repaint the screen"),
        footer: &[],
    },
    Binding {
        keys: &[(Key::Ctrl('z'), Action::Suspend)],
        modes: SCREEN,
        help: words("Anhalten, zurück mit fg (Unix)", "Suspend; fg brings it back (Unix)"),
        footer: &[],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::F(1)), Action::ToggleHelp), (Key::OnEmptyQuery('?'), Action::ToggleHelp)],
        modes: &[Mode::List, Mode::Help],
        help: words("Diese Hilfe öffnen und schließen", "Open and close this help"),
        footer: &[hint(Mode::List, 1, "Hilfe", "help", 2), hint(Mode::Help, 1, "Hilfe schließen", "close help", 0)],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Action::Escape)],
        modes: &[Mode::List, Mode::Help, Mode::Notes, Mode::Loading],
        help: words("Hilfe schließen, Suche leeren, beenden", "Close help, clear search, then quit"),
        footer: &[
            hint(Mode::List, 1, "beenden", "quit", 3),
            hint(Mode::Help, 1, "schließen", "close", 1),
            hint(Mode::Loading, 1, "beenden", "quit", 1),
        ],
    },
    Binding { keys: &[(Key::Ctrl('c'), Action::Quit)], modes: ANYWHERE, help: words("Beenden", "Quit"), footer: &[] },
    Binding {
        keys: &[
            (Key::Plain(KeyCode::Tab), Action::NoteNext),
            (Key::Plain(KeyCode::Down), Action::NoteNext),
            (Key::Plain(KeyCode::BackTab), Action::NotePrevious),
            (Key::Plain(KeyCode::Up), Action::NotePrevious),
        ],
        modes: NOTE,
        help: words("Notiz: Feld vor/zurück; bearbeiten", "Note: next / previous field; edit again"),
        footer: &[
            hint(Mode::Form, 1, "nächstes Feld", "next field", 1),
            hint(Mode::Unsent, 1, "bearbeiten", "edit", 2),
        ],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Enter), Action::NoteEnter)],
        modes: NOTES,
        help: words("Notiz: weiter; im letzten Feld senden", "Note: next field; send from the last"),
        footer: &[
            hint(Mode::Form, 1, "weiter/senden", "next/send", 0),
            hint(Mode::Unsent, 1, "erneut senden", "send again", 0),
            hint(Mode::Notes, 1, "erneut senden", "send again", 0),
        ],
    },
    Binding {
        keys: &[(Key::Ctrl('y'), Action::NoteCopy)],
        modes: NOTES,
        help: words("Notiz: Text kopieren", "Note: copy its text"),
        footer: &[
            hint(Mode::Form, 1, "kopieren", "copy", 3),
            hint(Mode::Unsent, 1, "kopieren", "copy", 1),
            hint(Mode::Notes, 1, "kopieren", "copy", 1),
        ],
    },
    Binding {
        keys: &[(Key::Plain(KeyCode::Esc), Action::NoteCancel)],
        modes: NOTE,
        help: words("Notiz verwerfen (mit Text: zweimal Esc)", "Note: discard (twice when it holds text)"),
        footer: &[hint(Mode::Form, 1, "abbrechen", "cancel", 2), hint(Mode::Unsent, 1, "verwerfen", "discard", 3)],
    },
];

/// The message for a key press in `mode`; `None` for keys that do nothing there, and for
/// releases and repeats.
pub fn message_for_key(key: KeyEvent, mode: Mode, query_is_empty: bool) -> Option<Message> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let bound = KEYMAP
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .flat_map(|b| b.keys)
        .find(|(k, _)| k.matches(&key, query_is_empty));
    if let Some((_, action)) = bound {
        return Some(Message::Action(*action));
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    match (key.code, mode) {
        // AltGr arrives as Ctrl+Alt on Windows: `@ \ { } [ ] | ~ €` on a German keyboard are text.
        (KeyCode::Char(c), Mode::List | Mode::Form | Mode::Loading) if ctrl == alt => {
            Some(Message::Action(Action::Edit(Edit::Insert(c))))
        }
        _ => None,
    }
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

/// The footer's hints for `mode`: `↑↓ select · Enter copy phone · …`, as many as fit in `width`
/// columns, by rank: the first hints stay on a narrow screen.
pub fn footer(lang: Lang, mode: Mode, width: usize) -> String {
    let mut ranked: Vec<(&Binding, &Hint)> =
        KEYMAP.iter().flat_map(|b| b.footer.iter().filter(|h| h.mode == mode).map(move |h| (b, h))).collect();
    ranked.sort_by_key(|(_, h)| h.rank);
    let mut line = String::new();
    for (binding, hint) in ranked {
        let keys: String = binding.keys.iter().take(hint.shown).map(|(k, _)| k.label(lang)).collect();
        let shown = format!("{keys} {}", hint.words.get(lang));
        let joined = if line.is_empty() { shown } else { format!("{line} · {shown}") };
        if joined.chars().count() > width {
            break;
        }
        line = joined;
    }
    line
}

/// The keys that trigger `action` in `mode`, in each language's key names: for sentences that name a key
/// ("Alt-Y/Strg-O kopiert die E-Mail-Adresse").
pub fn key_for(mode: Mode, action: Action) -> Bilingual {
    let named = |lang| {
        KEYMAP
            .iter()
            .filter(|b| b.modes.contains(&mode))
            .flat_map(|b| b.keys)
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| k.label(lang))
            .collect::<Vec<_>>()
            .join("/")
    };
    Bilingual { de: named(Lang::De), en: named(Lang::En) }
}

/// The first key that opens the kept notes, for short sentences that point to them: `F8`.
pub fn notes_key(lang: Lang) -> String {
    let keys = key_for(Mode::List, Action::ToggleNotes);
    keys.get(lang).split('/').next().unwrap_or_default().to_string()
}

/// The help overlay's rows: the keys, and what they do.
pub fn help_rows(lang: Lang) -> Vec<(String, &'static str)> {
    let mut rows: Vec<(String, &'static str)> = KEYMAP.iter().map(|b| (b.labels(lang), b.help.get(lang))).collect();
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

    fn list(code: KeyCode, modifiers: KeyModifiers, empty: bool) -> Option<Message> {
        message_for_key(key(code, modifiers), Mode::List, empty)
    }

    #[test]
    fn the_usual_keys() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        assert!(matches!(list(KeyCode::Char('c'), ctrl, true), Some(Message::Action(Action::Quit))));
        assert!(matches!(list(KeyCode::Char('j'), ctrl, true), Some(Message::Action(Action::Down))));
        assert!(matches!(list(KeyCode::Char('y'), KeyModifiers::ALT, true), Some(Message::Action(Action::CopyEmail))));
        assert!(matches!(list(KeyCode::Enter, none, true), Some(Message::Action(Action::CopyPhone))));
        assert!(matches!(list(KeyCode::Char('?'), none, true), Some(Message::Action(Action::ToggleHelp))));
        assert!(matches!(
            list(KeyCode::Char('?'), none, false),
            Some(Message::Action(Action::Edit(Edit::Insert('?'))))
        ));
        assert!(matches!(
            list(KeyCode::Char('P'), KeyModifiers::SHIFT, false),
            Some(Message::Action(Action::Edit(Edit::Insert('P'))))
        ));
        assert!(matches!(list(KeyCode::Char('l'), ctrl, false), Some(Message::Action(Action::Redraw))));
        assert!(matches!(list(KeyCode::Char('z'), ctrl, false), Some(Message::Action(Action::Suspend))));
        assert!(list(KeyCode::Char('x'), ctrl, false).is_none(), "an unbound Ctrl key is not text");
        let mut release = key(KeyCode::Char('a'), none);
        release.kind = KeyEventKind::Release;
        assert!(message_for_key(release, Mode::List, true).is_none());
    }

    #[test]
    fn altgr_characters_are_text() {
        // What Windows delivers for AltGr+Q, AltGr+ß, AltGr+8, AltGr+E on a German keyboard.
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        for c in ['@', '\\', '{', '}', '[', ']', '|', '~', '€'] {
            for mode in [Mode::List, Mode::Form] {
                assert!(matches!(
                    message_for_key(key(KeyCode::Char(c), altgr), mode, false),
                    Some(Message::Action(Action::Edit(Edit::Insert(x)))) if x == c
                ));
            }
        }
    }

    #[test]
    fn macos_option_characters_are_text_and_every_action_has_a_key_without_alt() {
        // Option types characters by default on macOS: Option+L is '@' on a German Mac, sent plain.
        assert!(matches!(
            list(KeyCode::Char('@'), KeyModifiers::NONE, false),
            Some(Message::Action(Action::Edit(Edit::Insert('@'))))
        ));
        for binding in KEYMAP {
            assert!(
                binding.keys.iter().any(|(k, _)| !matches!(k, Key::Alt(_))),
                "{:?} needs a key without Alt",
                binding.help.en
            );
        }
        assert!(matches!(
            list(KeyCode::Char('o'), KeyModifiers::CONTROL, false),
            Some(Message::Action(Action::CopyEmail))
        ));
    }

    #[test]
    fn f5_f6_f7_act_and_the_form_edits_like_the_search_line() {
        let none = KeyModifiers::NONE;
        assert!(matches!(list(KeyCode::F(5), none, false), Some(Message::Action(Action::Call))));
        assert!(matches!(list(KeyCode::F(6), none, false), Some(Message::Action(Action::Email))));
        assert!(matches!(list(KeyCode::F(7), none, false), Some(Message::Action(Action::StartNote))));
        let form = |code, modifiers| message_for_key(key(code, modifiers), Mode::Form, false);
        assert!(matches!(form(KeyCode::Char('q'), none), Some(Message::Action(Action::Edit(Edit::Insert('q'))))));
        assert!(matches!(form(KeyCode::Tab, none), Some(Message::Action(Action::NoteNext))));
        assert!(matches!(form(KeyCode::BackTab, KeyModifiers::SHIFT), Some(Message::Action(Action::NotePrevious))));
        assert!(matches!(form(KeyCode::Enter, none), Some(Message::Action(Action::NoteEnter))));
        assert!(matches!(form(KeyCode::Esc, none), Some(Message::Action(Action::NoteCancel))));
        assert!(matches!(form(KeyCode::Char('c'), KeyModifiers::CONTROL), Some(Message::Action(Action::Quit))));
        for (code, modifiers, edit) in [
            (KeyCode::Left, none, Edit::Left),
            (KeyCode::Right, none, Edit::Right),
            (KeyCode::Home, none, Edit::Home),
            (KeyCode::End, none, Edit::End),
            (KeyCode::Char('a'), KeyModifiers::CONTROL, Edit::Home),
            (KeyCode::Char('e'), KeyModifiers::CONTROL, Edit::End),
            (KeyCode::Delete, none, Edit::Delete),
            (KeyCode::Backspace, none, Edit::Backspace),
            (KeyCode::Char('w'), KeyModifiers::CONTROL, Edit::DeleteWord),
            (KeyCode::Char('u'), KeyModifiers::CONTROL, Edit::Clear),
        ] {
            assert!(matches!(form(code, modifiers), Some(Message::Action(Action::Edit(e))) if e == edit), "{code:?}");
        }
        let unsent = |code| message_for_key(key(code, none), Mode::Unsent, false);
        assert!(unsent(KeyCode::Char('x')).is_none(), "an unsent note is not edited in place");
        assert!(matches!(unsent(KeyCode::Enter), Some(Message::Action(Action::NoteEnter))));
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for mode in [Mode::List, Mode::Form, Mode::Unsent, Mode::Help, Mode::Notes, Mode::Loading] {
            let keys: Vec<Key> = KEYMAP
                .iter()
                .filter(|b| b.modes.contains(&mode))
                .flat_map(|b| b.keys.iter().map(|(k, _)| *k))
                .collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{a:?} is bound twice in {mode:?}");
            }
        }
    }

    #[test]
    fn the_footer_comes_from_the_table_and_fits_the_mode() {
        assert_eq!(
            footer(Lang::En, Mode::List, 200),
            "↑↓ select · Enter copy phone · F1 help · Esc quit · F5 call · F6 email · F7 note · Alt-Y copy email · F8 notes"
        );
        assert_eq!(footer(Lang::En, Mode::Notes, 80), "Enter send again · ↑↓ select · Ctrl-Y copy · F8 close");
        assert_eq!(
            footer(Lang::En, Mode::List, 80),
            "↑↓ select · Enter copy phone · F1 help · Esc quit · F5 call · F6 email · F7 note"
        );
        assert_eq!(footer(Lang::En, Mode::List, 40), "↑↓ select · Enter copy phone · F1 help");
        assert!(
            footer(Lang::De, Mode::List, 80)
                .starts_with("↑↓ wählen · Eingabe Telefon kopieren · F1 Hilfe · Esc beenden · F5 anrufen")
        );
        assert_eq!(footer(Lang::En, Mode::Form, 80), "Enter next/send · Tab next field · Esc cancel · Ctrl-Y copy");
        assert_eq!(footer(Lang::De, Mode::Help, 80), "F1 Hilfe schließen · Esc schließen");
        assert_eq!(footer(Lang::En, Mode::Loading, 80), "Esc quit");
    }

    #[test]
    fn german_keys_are_named_as_german_keyboards_label_them() {
        let help: String = help_rows(Lang::De).into_iter().map(|(keys, _)| keys + "\n").collect();
        for german in ["Strg-P", "Entf", "Pos1", "Ende", "Bild↑", "Bild↓", "Rücktaste", "Eingabe", "Umschalt-Tab"]
        {
            assert!(help.contains(german), "{german} missing from\n{help}");
        }
        for english in ["Ctrl", "Del", "Home", "PgUp", "Backspace", "Enter", "Shift"] {
            assert!(!help.contains(english), "{english} in the German help\n{help}");
        }
        assert_eq!(key_for(Mode::List, Action::CopyEmail).de, "Alt-Y/Strg-O");
    }

    #[test]
    fn every_help_row_fits_an_80_column_terminal() {
        for lang in [Lang::De, Lang::En] {
            let rows = help_rows(lang);
            let column = rows.iter().map(|(keys, _)| keys.chars().count()).max().unwrap_or(0) + 2;
            for (keys, what) in &rows {
                assert!(column + what.chars().count() <= 78, "{keys} {what} is too long for 80 columns");
            }
            assert!(rows.len() + 2 <= 24, "the help fits 24 rows");
        }
    }
}
