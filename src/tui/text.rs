//! Data text made safe for the terminal.

/// Data text with control characters made visible, so that no file can drive the terminal.
pub fn clean(text: &str) -> String {
    text.chars().map(clean_char).collect()
}

/// One char of text, replaced by U+FFFD if it could drive the terminal or turn the line around:
/// control characters, bidirectional controls and line or paragraph separators. Validation keeps
/// them out of the data; a pasted query may still hold them.
pub fn clean_char(c: char) -> char {
    if crate::directory::validate::forbidden(c).is_some() { '\u{fffd}' } else { c }
}

#[cfg(test)]
mod tests {
    #[test]
    fn nothing_reaches_the_terminal_raw() {
        assert_eq!(super::clean("a\u{1b}[2Jb\u{202E}c\u{2028}d"), "a\u{fffd}[2Jb\u{fffd}c\u{fffd}d");
    }
}
