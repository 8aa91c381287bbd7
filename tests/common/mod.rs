//! What several test files share: one CSV reader, for the sources' facts table and for what
//! `list --format csv` writes.

// Each test file is its own crate and uses what it needs of this module.
#![allow(dead_code)]

use std::collections::HashMap;

/// A strict RFC 4180 reader: every record ends in `end` (`"\r\n"` for what the program writes,
/// `"\n"` for the facts table), quoted fields may hold commas, line breaks and doubled quotes.
/// Panics at a lone line break of the other kind, an open quote, or a text that does not end in
/// `end`, so that a test of the writer fails there.
pub fn read_csv(text: &str, end: &str) -> Vec<Vec<String>> {
    assert!(text.ends_with(end), "the last record ends in {end:?}");
    let (mut records, mut record, mut field, mut quoted) = (Vec::new(), Vec::new(), String::new(), false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if !quoted && rest.starts_with(end) {
            record.push(std::mem::take(&mut field));
            records.push(std::mem::take(&mut record));
            rest = &rest[end.len()..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        match c {
            '"' if quoted && rest.starts_with('"') => {
                field.push('"');
                rest = &rest[1..];
            }
            '"' => quoted = !quoted,
            ',' if !quoted => record.push(std::mem::take(&mut field)),
            '\r' | '\n' if !quoted => panic!("a record ends in {end:?}, not in a lone {c:?}"),
            c => field.push(c),
        }
    }
    assert!(!quoted, "a quote is left open");
    records
}

/// The records after the header, each as a map from the header's names to its fields.
pub fn csv_rows(text: &str, end: &str) -> Vec<HashMap<String, String>> {
    let mut records = read_csv(text, end).into_iter();
    let header = records.next().expect("a header");
    records
        .map(|record| {
            assert_eq!(record.len(), header.len(), "as many fields as the header: {record:?}");
            header.iter().cloned().zip(record).collect()
        })
        .collect()
}
