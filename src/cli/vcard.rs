//! vCards for the office's people: 3.0 (RFC 2426), which Outlook, Google Contacts and Apple
//! Contacts all import, or 4.0 (RFC 6350).

use crate::directory::{Directory, Phone};
use crate::i18n::Lang;

/// Which vCard version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Version {
    /// vCard 3.0 (RFC 2426): what Outlook imports.
    #[default]
    V3,
    /// vCard 4.0 (RFC 6350).
    V4,
}

/// Every person of the directory as vCards, CRLF line ends, folded at 75 octets.
pub fn people(dir: &Directory, lang: Lang, version: Version) -> String {
    (0..dir.people().len()).map(|i| card(dir, i, lang, version)).collect()
}

/// One person's vCard; its note in `lang`.
pub fn card(dir: &Directory, index: usize, lang: Lang, version: Version) -> String {
    let person = &dir.people()[index];
    // Taken apart in full: a new field does not compile until the card has it or leaves it out.
    // `role`, `role_en`: TITLE, through `role_in`, in the card's language.
    // `deputy`: the office's arrangement, not part of a person's card.
    let crate::directory::Person { id, given_name, family_name, role: _, role_en: _, phone, fax, email, deputy: _ } =
        person;
    let office = dir.office();
    let address = &office.visiting_address;
    let cities: Vec<&str> = dir.cities_of(index).map(|c| c.name.as_str()).collect();
    let mut lines = match version {
        Version::V3 => vec!["BEGIN:VCARD".to_string(), "VERSION:3.0".to_string()],
        Version::V4 => vec!["BEGIN:VCARD".to_string(), "VERSION:4.0".to_string(), "KIND:individual".to_string()],
    };
    lines.extend([
        format!("FN:{}", text(&person.full_name())),
        format!("N:{};{};;;", text(family_name), text(given_name)),
        format!("ORG:{};{}", text(&office.name), text(&office.department)),
        format!("TITLE:{}", text(person.role_in(lang))),
    ]);
    lines.extend(tel(version, "work,voice", phone));
    lines.extend(tel(version, "work,fax", fax));
    lines.push(match version {
        Version::V3 => format!("EMAIL;TYPE=INTERNET,WORK:{}", text(email)),
        Version::V4 => format!("EMAIL;TYPE=work:{}", text(email)),
    });
    // ADR: post office box; extended address; street; locality; region; postal code; country.
    // The country is left empty: the sources do not state it.
    lines.push(format!(
        "ADR;TYPE=work:;{};{};{};;{};",
        text(address.building.as_deref().unwrap_or("")),
        text(&address.street),
        text(&address.city),
        text(&address.postcode)
    ));
    if !cities.is_empty() {
        lines.push(format!("NOTE:{}", text(&format!("{}: {}", lang.text().card_cities, cities.join(", ")))));
    }
    lines.push(format!("UID:urn:partnerdesk:{}", text(id)));
    lines.push("END:VCARD".to_string());
    lines.iter().map(|l| fold(l)).collect()
}

/// A TEL property: in 4.0 a `tel:` URI in international form (`tel:+49-6151-13-2325`), in 3.0
/// the international number as text (`+49 6151 13-2325`), which is what 3.0 readers expect.
fn tel(version: Version, types: &str, number: &str) -> Option<String> {
    let phone = Phone::parse(number)?;
    Some(match version {
        Version::V3 => format!("TEL;TYPE={}:{}", types.to_uppercase(), phone.international()),
        Version::V4 => format!("TEL;VALUE=uri;TYPE={types}:{}", phone.tel_uri()),
    })
}

/// A file name for a person's card: their name, without the characters Windows forbids.
pub fn file_name(full_name: &str) -> String {
    let safe: String =
        full_name.chars().map(|c| if "<>:\"/\\|?*".contains(c) || c.is_control() { '_' } else { c }).collect();
    format!("{}.vcf", safe.trim_matches(['.', ' ']))
}

/// Escapes a text value: backslash, comma, semicolon and newline (RFC 6350 §3.4).
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 sequence) and ends it in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_lines_within_75_octets_and_characters_whole() {
        let line = format!("NOTE:{}", "ä".repeat(60));
        let folded = fold(&line);
        for part in folded.split("\r\n").filter(|p| !p.is_empty()) {
            assert!(part.len() <= 75, "{part:?} is {} octets", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn file_names_are_safe_on_windows() {
        assert_eq!(file_name("Julia Kuz"), "Julia Kuz.vcf");
        assert_eq!(file_name("A/B: C?"), "A_B_ C_.vcf");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
