//! One line of text being edited: the search line and each field of the phone message form edit
//! alike, and show the part around the cursor when the text is longer than the space it has.

use unicode_width::UnicodeWidthChar;

/// An edit of a line of text at its cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character at the cursor.
    Insert(char),
    /// Delete the character before the cursor.
    Backspace,
    /// Delete the character under the cursor.
    Delete,
    /// Delete the word before the cursor.
    DeleteWord,
    /// Delete everything.
    Clear,
    /// Move the cursor one character left.
    Left,
    /// Move the cursor one character right.
    Right,
    /// Move the cursor to the start.
    Home,
    /// Move the cursor to the end.
    End,
}

/// A line of text and a cursor in it, counted in chars.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    /// The text.
    pub text: String,
    /// The cursor, in chars from the start (at most the text's length).
    pub cursor: usize,
}

impl Field {
    /// Applies `edit`; true if the text changed (a cursor move changes only the cursor).
    pub fn apply(&mut self, edit: Edit) -> bool {
        apply(&mut self.text, &mut self.cursor, edit)
    }

    /// Inserts pasted text at the cursor, as one line; true if the text changed.
    pub fn paste(&mut self, pasted: &str) -> bool {
        paste(&mut self.text, &mut self.cursor, pasted)
    }

    /// True when the field holds no text.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Applies `edit` to `text` with its `cursor`; true if the text changed.
pub fn apply(text: &mut String, cursor: &mut usize, edit: Edit) -> bool {
    let length = text.chars().count();
    *cursor = (*cursor).min(length);
    match edit {
        Edit::Insert(c) => {
            text.insert(byte_index(text, *cursor), c);
            *cursor += 1;
            true
        }
        Edit::Backspace if *cursor > 0 => {
            *cursor -= 1;
            text.remove(byte_index(text, *cursor));
            true
        }
        Edit::Delete if *cursor < length => {
            text.remove(byte_index(text, *cursor));
            true
        }
        Edit::Backspace | Edit::Delete => false,
        Edit::DeleteWord => {
            let chars: Vec<char> = text.chars().collect();
            let mut start = *cursor;
            while start > 0 && chars[start - 1] == ' ' {
                start -= 1;
            }
            while start > 0 && chars[start - 1] != ' ' {
                start -= 1;
            }
            let changed = start < *cursor;
            *text = chars[..start].iter().chain(&chars[*cursor..]).collect();
            *cursor = start;
            changed
        }
        Edit::Clear => {
            let changed = !text.is_empty();
            text.clear();
            *cursor = 0;
            changed
        }
        Edit::Left => {
            *cursor = cursor.saturating_sub(1);
            false
        }
        Edit::Right => {
            *cursor = (*cursor + 1).min(length);
            false
        }
        Edit::Home => {
            *cursor = 0;
            false
        }
        Edit::End => {
            *cursor = length;
            false
        }
    }
}

/// Inserts pasted text at `cursor` as one line ([`flatten`]); true if the text changed.
pub fn paste(text: &mut String, cursor: &mut usize, pasted: &str) -> bool {
    *cursor = (*cursor).min(text.chars().count());
    let flat = flatten(pasted);
    let added = flat.chars().count();
    text.insert_str(byte_index(text, *cursor), &flat);
    *cursor += added;
    added > 0
}

/// Pasted text as one line: every line break and tab becomes a space (a CRLF one space), and other
/// control characters are dropped, so that a paste can never act like a key.
pub fn flatten(pasted: &str) -> String {
    let unified = pasted.replace("\r\n", "\n");
    unified
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// The display width of a char (0 for what takes no cell).
fn width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The part of `text` that fits in `columns` cells with the cursor visible, and the cursor's
/// column in it. The view scrolls as little as it can: from the start while the cursor fits.
pub fn window(text: &str, cursor: usize, columns: usize) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let cursor = cursor.min(chars.len());
    if columns == 0 {
        return (String::new(), 0);
    }
    // The first char shown: as far left as keeps the cursor's cell inside the window.
    let mut start = cursor;
    let mut used = 1; // the cursor's own cell
    while start > 0 && used + width(chars[start - 1]) <= columns {
        start -= 1;
        used += width(chars[start]);
    }
    let before: usize = chars[..cursor].iter().map(|&c| width(c)).sum();
    if before < columns {
        start = 0;
    }
    let mut shown = String::new();
    let mut taken = 0;
    for &c in &chars[start..] {
        if taken + width(c) > columns {
            break;
        }
        taken += width(c);
        shown.push(c);
    }
    let at = chars[start..cursor].iter().map(|&c| width(c)).sum();
    (shown, at)
}

/// `text` cut into lines of at most `columns` cells for a field that wraps: after a space where
/// a word would not fit, inside a word longer than a line. Every char stays (spaces too), so that
/// the cursor's line and column are known.
pub fn wrap_chars(text: &str, cursor: usize, columns: usize) -> (Vec<String>, (usize, usize)) {
    let columns = columns.max(1);
    let chars: Vec<char> = text.chars().collect();
    // Where each line starts, in chars.
    let mut starts = vec![0];
    let mut used = 0;
    let mut last_space = None;
    for (i, &c) in chars.iter().enumerate() {
        let start = *starts.last().expect("one line at least");
        // A space may take the last column, so that a line ends after it and the cursor shows.
        let limit = if c == ' ' || columns < 2 { columns } else { columns - 1 };
        if used + width(c) > limit && i > start {
            let next = match last_space {
                Some(space) if space + 1 > start && space + 1 < i + 1 && c != ' ' => space + 1,
                _ => i,
            };
            starts.push(next);
            used = chars[next..i].iter().map(|&c| width(c)).sum();
            last_space = None;
        }
        if c == ' ' {
            last_space = Some(i);
        }
        used += width(c);
    }
    let cursor = cursor.min(chars.len());
    // A cursor at the end of a full line goes to the start of the next.
    if cursor == chars.len() && used >= columns.saturating_sub(1).max(1) && !chars.is_empty() {
        starts.push(chars.len());
    }
    let mut lines = Vec::with_capacity(starts.len());
    let mut at = (0, 0);
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(chars.len());
        if (start..end).contains(&cursor) || (n + 1 == starts.len() && cursor >= start) {
            at = (n, chars[start..cursor].iter().map(|&c| width(c)).sum());
        }
        lines.push(chars[start..end].iter().collect());
    }
    (lines, at)
}

/// Breaks `text` into pieces at most `width` columns wide, at spaces where it can; a word wider
/// than that is cut where the width ends.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        let line = lines.last_mut().expect("never empty");
        let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
        if needed <= width {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(String::new());
        }
        // A word wider than the pane is cut where the pane ends.
        for c in word.chars() {
            let line = lines.last_mut().expect("never empty");
            if line.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > width && !line.is_empty() {
                lines.push(String::new());
            }
            lines.last_mut().expect("never empty").push(c);
        }
    }
    lines
}

/// `text` cut to at most `columns` cells; a cut text ends with "…".
pub fn ellipsize(text: &str, columns: usize) -> String {
    let total: usize = text.chars().map(width).sum();
    if total <= columns {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        if used + width(c) + 1 > columns {
            break;
        }
        used += width(c);
        cut.push(c);
    }
    if columns > 0 {
        cut.push('…');
    }
    cut
}

/// The byte index of char `chars` in `text` (its end when past it).
fn byte_index(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str, cursor: usize) -> Field {
        Field { text: text.into(), cursor }
    }

    #[test]
    fn edits_at_the_cursor() {
        let mut f = field("Jan Kowalski", 3);
        assert!(f.apply(Edit::Insert('!')));
        assert_eq!(f, field("Jan! Kowalski", 4));
        assert!(!f.apply(Edit::End));
        assert!(f.apply(Edit::DeleteWord));
        assert_eq!(f, field("Jan! ", 5));
        assert!(f.apply(Edit::Backspace));
        assert!(!f.apply(Edit::Home));
        assert!(!f.apply(Edit::Backspace), "nothing before the start");
        assert!(f.apply(Edit::Delete));
        assert_eq!(f, field("an!", 0));
        assert!(f.paste("a\r\nb\tc\u{1b}"));
        assert_eq!(f, field("a b can!", 5));
        assert!(f.apply(Edit::Clear));
        assert_eq!(f, field("", 0));
    }

    #[test]
    fn a_long_text_scrolls_so_that_the_cursor_shows() {
        assert_eq!(window("abcdef", 6, 4), ("def".into(), 3));
        assert_eq!(window("abcdef", 0, 4), ("abcd".into(), 0));
        assert_eq!(window("abcdef", 3, 4), ("abcd".into(), 3));
        assert_eq!(window("abcdef", 4, 4), ("bcde".into(), 3));
        assert_eq!(window("ab", 2, 4), ("ab".into(), 2));
        // Wide characters take two cells each.
        assert_eq!(window("日本語です", 5, 5), ("です".into(), 4));
    }

    #[test]
    fn wrapping_keeps_every_char_and_places_the_cursor() {
        // A line holds `columns - 1` letters; the last column is for a space or the cursor.
        let (lines, at) = wrap_chars("abcdefg", 7, 4);
        assert_eq!(lines, ["abc", "def", "g"]);
        assert_eq!(at, (2, 1));
        let (lines, at) = wrap_chars("one two three", 5, 9);
        assert_eq!(lines, ["one two ", "three"]);
        assert_eq!(at, (0, 5));
        let (lines, at) = wrap_chars("abcdef", 6, 4);
        assert_eq!(lines, ["abc", "def", ""]);
        assert_eq!(at, (2, 0));
        let (lines, at) = wrap_chars("abcdef", 4, 4);
        assert_eq!((lines.len(), at), (2, (1, 1)));
        assert_eq!(wrap_chars("", 0, 3), (vec![String::new()], (0, 0)));
        assert_eq!(wrap_words("the file is down", 8), ["the file", "is down"]);
        assert_eq!(wrap_words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(
            wrap_words("Płock (hist. Plock/Plozk/Plotzk; 1941-45 Schröttersburg)", 32),
            ["Płock (hist. Plock/Plozk/Plotzk;", "1941-45 Schröttersburg)"]
        );
        assert_eq!(wrap_words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_words("", 4), [""]);
    }

    #[test]
    fn a_cut_text_ends_with_an_ellipsis() {
        assert_eq!(ellipsize("Niederlande", 20), "Niederlande");
        assert_eq!(ellipsize("Niederlande", 6), "Niede…");
        assert_eq!(ellipsize("Niederlande", 1), "…");
    }
}
