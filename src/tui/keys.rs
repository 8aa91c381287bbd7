//! The keymap: a pure lookup from a key press to a [`Message`], following fzf and television.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use super::message::Message;

/// The message for a key press; `None` for keys that do nothing, and for releases and repeats.
pub fn message_for_key(key: KeyEvent, query_is_empty: bool) -> Option<Message> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char('c') if ctrl => Message::Quit,
        KeyCode::Char('u') if ctrl => Message::ClearQuery,
        KeyCode::Char('w') if ctrl => Message::DeleteWord,
        KeyCode::Char('a') if ctrl => Message::CursorHome,
        KeyCode::Char('e') if ctrl => Message::CursorEnd,
        KeyCode::Char('p' | 'k') if ctrl => Message::Up,
        KeyCode::Char('n' | 'j') if ctrl => Message::Down,
        KeyCode::Char('y') if ctrl => Message::CopyPhone,
        KeyCode::Char('y') if alt => Message::CopyEmail,
        KeyCode::Char('r') if ctrl => Message::Reload,
        KeyCode::Char('l') if ctrl => Message::Redraw,
        #[cfg(unix)]
        KeyCode::Char('z') if ctrl => Message::Suspend,
        KeyCode::Char('h') if ctrl => Message::Backspace,
        KeyCode::Char('?') if query_is_empty => Message::ToggleHelp,
        KeyCode::Char(_) if ctrl || alt => return None,
        KeyCode::Char(c) => Message::Insert(c),
        KeyCode::Backspace => Message::Backspace,
        KeyCode::Delete => Message::Delete,
        KeyCode::Left => Message::CursorLeft,
        KeyCode::Right => Message::CursorRight,
        KeyCode::Home => Message::CursorHome,
        KeyCode::End => Message::CursorEnd,
        KeyCode::Up => Message::Up,
        KeyCode::Down => Message::Down,
        KeyCode::PageUp => Message::PageUp,
        KeyCode::PageDown => Message::PageDown,
        KeyCode::Enter => Message::CopyPhone,
        KeyCode::F(1) => Message::ToggleHelp,
        KeyCode::Esc => Message::Escape,
        _ => return None,
    })
}

/// The message for a mouse event: a left click selects, the wheel scrolls.
pub fn message_for_mouse(mouse: MouseEvent) -> Option<Message> {
    match mouse.kind {
        MouseEventKind::Down(crossterm::event::MouseButton::Left) => Some(Message::Click(mouse.column, mouse.row)),
        MouseEventKind::ScrollUp => Some(Message::ScrollUp),
        MouseEventKind::ScrollDown => Some(Message::ScrollDown),
        _ => None,
    }
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
        #[cfg(unix)]
        assert!(matches!(message_for_key(key(KeyCode::Char('z'), ctrl), false), Some(Message::Suspend)));
        let mut release = key(KeyCode::Char('a'), none);
        release.kind = KeyEventKind::Release;
        assert!(message_for_key(release, true).is_none());
    }
}
