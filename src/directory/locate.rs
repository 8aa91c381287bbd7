//! Where a value stands in a data file: every `key: value` of the text, found in one pass.
//!
//! Validation works on the parsed data and asks here for the line of a bad value. The map is built
//! once, in time linear in the file's size, and only when there is a problem to place: a look-up
//! anchored to whole keys (`name` never matches `given_name`) that compares unescaped values.

use std::borrow::Cow;
use std::collections::HashMap;

/// Every keyed value of a RON text, with its lines in file order.
#[derive(Debug, Default)]
pub struct Locator<'t> {
    lines: HashMap<&'t str, HashMap<Cow<'t, str>, Vec<usize>>>,
}

impl<'t> Locator<'t> {
    /// Scans `text` once.
    pub fn new(text: &'t str) -> Self {
        let tokens = tokens(text);
        let mut locator = Locator::default();
        let mut i = 0;
        while i + 1 < tokens.len() {
            let (Token::Ident(key), _) = &tokens[i] else {
                i += 1;
                continue;
            };
            if !matches!(tokens[i + 1].0, Token::Punct(':')) {
                i += 1;
                continue;
            }
            i += 2;
            // `Some("…")` is the same value as `"…"`.
            if matches!(tokens.get(i), Some((Token::Ident("Some"), _)))
                && matches!(tokens.get(i + 1), Some((Token::Punct('('), _)))
            {
                i += 2;
            }
            match tokens.get(i) {
                Some((Token::Str(value), line)) => locator.add(key, value.clone(), *line),
                Some((Token::Number(value), line)) => locator.add(key, Cow::Borrowed(*value), *line),
                Some((Token::Punct('['), _)) => {
                    // A list of strings, `aliases: ["…", "…"]`: each element under the list's key.
                    // A list of anything else (`people: [Person(…)]`) is left to the main scan.
                    i += 1;
                    while let Some((token, line)) = tokens.get(i) {
                        match token {
                            Token::Str(value) => locator.add(key, value.clone(), *line),
                            Token::Punct(',') => {}
                            _ => break,
                        }
                        i += 1;
                    }
                    continue;
                }
                _ => continue,
            }
            i += 1;
        }
        locator
    }

    fn add(&mut self, key: &'t str, value: Cow<'t, str>, line: usize) {
        self.lines.entry(key).or_default().entry(value).or_default().push(line);
    }

    /// The 1-based line of the `nth` (0-based) occurrence of `key: value`.
    pub fn nth(&self, key: &str, value: &str, nth: usize) -> Option<usize> {
        self.lines.get(key)?.get(value)?.get(nth).copied()
    }

    /// The first line at or after `from` that holds `key: value`.
    pub fn at_or_after(&self, from: usize, key: &str, value: &str) -> Option<usize> {
        let lines = self.lines.get(key)?.get(value)?;
        lines.get(lines.partition_point(|&line| line < from)).copied()
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token<'t> {
    Ident(&'t str),
    Str(Cow<'t, str>),
    Number(&'t str),
    Punct(char),
}

/// RON's tokens with their 1-based lines; comments and white space dropped. Anything it does not
/// understand becomes punctuation: the parser has already accepted the text.
fn tokens(text: &str) -> Vec<(Token<'_>, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(end) = comment_end(bytes, i) {
            line += bytes[i..end].iter().filter(|&&c| c == b'\n').count();
            i = end;
            continue;
        }
        let b = bytes[i];
        let start = i;
        match b {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'"' => {
                let first = line;
                i += 1;
                let mut escaped = false;
                while i < bytes.len() && bytes[i] != b'"' {
                    line += usize::from(bytes[i] == b'\n');
                    if bytes[i] == b'\\' {
                        escaped = true;
                        line += usize::from(bytes.get(i + 1) == Some(&b'\n'));
                        i += 1;
                    }
                    i += 1;
                }
                let end = i.min(bytes.len());
                i = end + 1;
                let value = if escaped {
                    // RON's own reading of the literal, so that escapes compare as the data does.
                    let literal = &text[start..(end + 1).min(text.len())];
                    ron::from_str::<String>(literal).map(Cow::Owned).unwrap_or(Cow::Borrowed(&text[start + 1..end]))
                } else {
                    Cow::Borrowed(&text[start + 1..end])
                };
                out.push((Token::Str(value), first));
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                // A raw string, r"…" or r#"…"#: no escapes.
                let first = line;
                let hashes = bytes[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let open = i + 1 + hashes;
                if bytes.get(open) != Some(&b'"') {
                    out.push((Token::Ident("r"), line));
                    i += 1;
                    continue;
                }
                let mut close = b"\"".to_vec();
                close.extend(std::iter::repeat_n(b'#', hashes));
                let body = open + 1;
                let end = bytes[body..].windows(close.len()).position(|w| w == close).map_or(bytes.len(), |p| body + p);
                line += bytes[body..end].iter().filter(|&&c| c == b'\n').count();
                out.push((Token::Str(Cow::Borrowed(&text[body..end])), first));
                i = (end + close.len()).min(bytes.len());
            }
            b'-' | b'0'..=b'9' if b != b'-' || bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                i += 1;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b'.')) {
                    i += 1;
                }
                out.push((Token::Number(&text[start..i]), line));
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                out.push((Token::Ident(&text[start..i]), line));
            }
            b' ' | b'\t' | b'\r' => i += 1,
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                out.push((Token::Punct(c), line));
                i += c.len_utf8();
            }
        }
    }
    out
}

/// Where the RON comment at `i` ends, if one starts there: a line comment at its line break (or
/// the end), a block comment just past its `*/`. Block comments nest in RON.
pub(super) fn comment_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    match bytes.get(i..i + 2)? {
        b"//" => Some(bytes[i..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| i + p)),
        b"/*" => {
            let mut depth = 0;
            while i < bytes.len() {
                if bytes[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if bytes[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            Some(i.min(bytes.len()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_block_comments_are_skipped_with_their_lines_counted() {
        let text = "P(\n /* a /* name: \"x\" */\n still */ name: \"Ana\", // name: \"y\"\n since: 1988,\n)";
        let at = Locator::new(text);
        assert_eq!(at.nth("name", "Ana", 0), Some(3));
        assert_eq!(at.nth("since", "1988", 0), Some(4));
        assert_eq!(at.nth("name", "x", 0), None);
        assert_eq!(at.nth("name", "y", 0), None);
        assert_eq!(comment_end(b"/* a /* b */", 0), Some(12), "an open comment runs to the end");
    }

    #[test]
    fn keys_are_whole_words_and_values_unescaped() {
        let text = "P(\n given_name: \"Ana\",\n name: \"Ana\", // name: \"x\"\n note: \"a\\tb\",\n since: 1988,\n aliases: [\"A\",\n \"B\"],\n)";
        let at = Locator::new(text);
        assert_eq!(at.nth("given_name", "Ana", 0), Some(2));
        assert_eq!(at.nth("name", "Ana", 0), Some(3));
        assert_eq!(at.nth("name", "x", 0), None, "comments are skipped");
        assert_eq!(at.nth("note", "a\tb", 0), Some(4));
        assert_eq!(at.nth("since", "1988", 0), Some(5));
        assert_eq!(at.nth("aliases", "B", 0), Some(7));
        assert_eq!(at.at_or_after(4, "name", "Ana"), None);
        assert_eq!(at.at_or_after(3, "name", "Ana"), Some(3));
    }

    #[test]
    fn a_huge_repetitive_file_is_scanned_once() {
        // Many keys on one line and a long value: a look-up per occurrence would be quadratic.
        let mut text = String::from("D(");
        for _ in 0..200_000 {
            text.push_str("name: \"x\", ");
        }
        text.push_str(&format!("note: \"{}\")", "y".repeat(1_000_000)));
        let at = Locator::new(&text);
        assert_eq!(at.nth("name", "x", 199_999), Some(1));
        assert_eq!(at.nth("note", &"y".repeat(1_000_000), 0), Some(1));
    }
}
