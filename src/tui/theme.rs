//! Colours and emphasis, in one place. Works on 16-colour terminals; with NO_COLOR only bold,
//! reverse video and underline remain, so the selection stays visible.

use ratatui::style::{Color, Modifier, Style};

/// The styles the view uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Titles and the prompt.
    pub accent: Style,
    /// Letters that matched the query.
    pub matched: Style,
    /// The selected row.
    pub selected: Style,
    /// Secondary text: country and year in the list, labels.
    pub muted: Style,
    /// Important values: names, phone numbers.
    pub strong: Style,
    /// Warnings and the "similar" mark.
    pub warning: Style,
}

impl Theme {
    /// Colours from the basic 16, which every terminal has.
    pub fn color() -> Self {
        Theme {
            accent: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            matched: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            muted: Style::new().fg(Color::DarkGray),
            strong: Style::new().add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        }
    }

    /// No colours at all (NO_COLOR): emphasis through bold, underline and reverse video.
    pub fn plain() -> Self {
        Theme {
            accent: Style::new().add_modifier(Modifier::BOLD),
            matched: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            muted: Style::new(),
            strong: Style::new().add_modifier(Modifier::BOLD),
            warning: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// [`Self::plain`] when NO_COLOR is set to anything non-empty, [`Self::color`] otherwise.
    pub fn from_no_color(no_color: Option<&str>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) { Theme::plain() } else { Theme::color() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_the_selection_visible_without_colours() {
        let plain = Theme::from_no_color(Some("1"));
        assert_eq!(plain, Theme::plain());
        for style in [plain.accent, plain.matched, plain.selected, plain.muted, plain.strong, plain.warning] {
            assert_eq!((style.fg, style.bg), (None, None));
        }
        assert!(plain.selected.add_modifier.contains(Modifier::REVERSED));
        assert_eq!(Theme::from_no_color(Some("")), Theme::color(), "an empty NO_COLOR does not count");
        assert_eq!(Theme::from_no_color(None), Theme::color());
    }
}
