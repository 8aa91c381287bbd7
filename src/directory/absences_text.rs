//! Writing the absences into a data file's text in place: the `absences: [ … ]` list of the
//! top-level `Directory( … )` is replaced as a whole (or added before its closing parenthesis),
//! and every other byte of the file stays as it was.

use super::model::Absence;

/// `text` with its absences list holding `absences`, and nothing else changed; `None` where the
/// text is not laid out so that this can be done safely (the caller checks the result too, by
/// parsing it).
pub fn with_absences(text: &str, absences: &[Absence]) -> Option<String> {
    let places = scan(text)?;
    // A file saved with CRLF line ends (Windows Notepad) keeps them.
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let list = render(absences).replace('\n', newline);
    let mut changed = String::with_capacity(text.len() + list.len());
    match places.absences {
        Some((start, end)) => {
            changed.push_str(&text[..start]);
            changed.push_str(&list);
            changed.push_str(&text[end..]);
        }
        None => {
            let after = places.last_value? + 1;
            let comma = if text[..after].ends_with(',') { "" } else { "," };
            changed.push_str(&text[..after]);
            changed.push_str(&format!("{comma}{newline}    {list}"));
            changed.push_str(&text[after..]);
        }
    }
    Some(changed)
}

/// `absences: [ … ],` as partnerdesk writes it: one absence a line.
fn render(absences: &[Absence]) -> String {
    if absences.is_empty() {
        return "absences: [],".to_string();
    }
    let mut list = String::from("absences: [\n");
    for absence in absences {
        let Absence { person, from, until, cover } = absence;
        let cover = cover.as_deref().map(|c| format!(", cover: {c:?}")).unwrap_or_default();
        list.push_str(&format!("        Absence(person: {person:?}, from: {from:?}, until: {until:?}{cover}),\n"));
    }
    list.push_str("    ],");
    list
}

/// Where things are in the top-level struct, as byte offsets.
struct Places {
    /// From the `absences` key to just past its list (and its comma, if one follows).
    absences: Option<(usize, usize)>,
    /// The last byte of the last value inside the top-level parentheses (a `,` or `]` or `)`).
    last_value: Option<usize>,
}

/// Walks the text once, skipping strings and comments, and notes the top-level places.
fn scan(text: &str) -> Option<Places> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut places = Places { absences: None, last_value: None };
    // Set while inside the absences key's value: its start, and the depth its list opened at.
    let mut in_absences: Option<usize> = None;
    let mut closed = false;
    while i < bytes.len() {
        if let Some(end) = super::locate::comment_end(bytes, i) {
            i = end;
            continue;
        }
        let b = bytes[i];
        match b {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 {
                    places.last_value = Some(i);
                }
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                // Raw strings are rare in a data file; one at the top level is not ours to judge.
                return None;
            }
            b'(' | b'[' => {
                if closed {
                    return None;
                }
                depth += 1;
            }
            b')' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 1 {
                    places.last_value = Some(i);
                    if let Some(start) = in_absences.take() {
                        let mut end = i + 1;
                        let rest = &text[end..];
                        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
                        if rest[spaces..].starts_with(',') {
                            end += spaces + 1;
                            places.last_value = Some(end - 1);
                        }
                        places.absences = Some((start, end));
                    }
                }
                if depth == 0 {
                    closed = true;
                }
            }
            b',' if depth == 1 => places.last_value = Some(i),
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if depth == 1 && &text[start..i] == "absences" {
                    if places.absences.is_some() || in_absences.is_some() {
                        return None;
                    }
                    in_absences = Some(start);
                } else if depth == 1 {
                    places.last_value = Some(i - 1);
                }
                continue;
            }
            _ => {
                if depth == 1 && !b.is_ascii_whitespace() && b != b':' {
                    places.last_value = Some(i);
                }
            }
        }
        i += 1;
    }
    (closed && in_absences.is_none()).then_some(places)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{EMBEDDED, Source, parse};

    fn absence(person: &str, from: &str, until: &str, cover: Option<&str>) -> Absence {
        Absence { person: person.into(), from: from.into(), until: until.into(), cover: cover.map(Into::into) }
    }

    #[test]
    fn a_file_without_absences_gets_a_list_and_keeps_every_other_byte() {
        let absences = [absence("schewe", "2026-12-01", "2026-12-04", Some("kuz"))];
        let changed = with_absences(EMBEDDED, &absences).unwrap();
        let end = EMBEDDED.rfind(')').unwrap();
        assert_eq!(&changed[..end - 1], &EMBEDDED[..end - 1], "everything before stays");
        let dir = parse(&changed, Source::Embedded, 2026).unwrap();
        assert_eq!(dir.absences(), absences);
        // And again: the list is replaced, not added twice.
        let later = [absence("kuz", "2027-01-04", "2027-01-08", None)];
        let again = with_absences(&changed, &later).unwrap();
        assert_eq!(parse(&again, Source::Embedded, 2026).unwrap().absences(), later);
        let none = with_absences(&again, &[]).unwrap();
        assert!(parse(&none, Source::Embedded, 2026).unwrap().absences().is_empty());
        assert_eq!(none.lines().count(), EMBEDDED.lines().count() + 1, "one line: absences: [],");
    }

    #[test]
    fn a_notepad_file_keeps_its_crlf_line_ends() {
        let notepad = EMBEDDED.replace('\n', "\r\n");
        let absences = [absence("schewe", "2026-12-01", "2026-12-04", None)];
        let changed = with_absences(&notepad, &absences).unwrap();
        assert!(!changed.replace("\r\n", "").contains('\n'), "no bare line feed");
        assert_eq!(parse(&changed, Source::Embedded, 2026).unwrap().absences(), absences);
        let emptied = with_absences(&changed, &[]).unwrap();
        assert!(emptied.contains("    absences: [],\r\n)"), "{}", &emptied[emptied.len() - 40..]);
    }

    #[test]
    fn comments_and_strings_that_look_like_the_list_are_left_alone() {
        let text = "// absences: [ ) ]\nDirectory(\n    office: \"absences: [\", /* ) */\n    people: [], // ]\n)\n";
        let changed = with_absences(text, &[absence("a", "2026-12-01", "2026-12-01", None)]).unwrap();
        assert!(
            changed
                .starts_with("// absences: [ ) ]\nDirectory(\n    office: \"absences: [\", /* ) */\n    people: [],")
        );
        assert!(changed.contains("    absences: [\n        Absence(person: \"a\""), "{changed}");
        assert!(changed.ends_with("    ],\n    // ]\n)\n") || changed.contains("// ]"), "{changed}");
        assert_eq!(with_absences("Directory(people: [] ", &[]), None, "unclosed");
        assert_eq!(with_absences("Directory(absences: [], absences: [])", &[]), None, "twice");
    }
}
