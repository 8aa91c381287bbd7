//! Acting on an answer, as pure functions: the `tel:` and `mailto:` links the desk opens, the
//! phone message it writes, and the partnerships' round anniversaries. The TUI and the command
//! line hand these to the system; nothing here touches it.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::directory::{Directory, Person, Phone};
use crate::i18n::Lang;

/// What RFC 6068 leaves unencoded in a `mailto:` query: the unreserved characters. Everything
/// else, `&`, `?`, `=`, spaces and line breaks included, is percent-encoded from UTF-8, so every
/// mail client reads the same text.
const MAILTO_QUERY: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// What stays as it is in the address part of a `mailto:` link.
const MAILTO_ADDRESS: &AsciiSet = &MAILTO_QUERY.remove(b'@').remove(b'+');

/// A person's number as a `tel:` link in RFC 3966 global form, `tel:+49-6151-13-2324`.
pub fn tel(person: &Person) -> Option<String> {
    Phone::parse(&person.phone).map(|p| p.tel_uri())
}

/// A `mailto:` link to `to` with a subject and, when given, a body (RFC 6068).
pub fn mailto(to: &str, subject: &str, body: Option<&str>) -> String {
    let mut uri = format!("mailto:{}?subject={}", utf8_percent_encode(to, MAILTO_ADDRESS), encode(subject));
    if let Some(body) = body {
        uri.push_str("&body=");
        uri.push_str(&encode(body));
    }
    uri
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, MAILTO_QUERY).to_string()
}

/// What an email or a phone message is about: a partner city or a topic, by name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum About {
    /// A partner city.
    City(String),
    /// A topic of the office's page, named in the UI language.
    Topic(String),
}

impl About {
    /// The label and the name, for a note's line `Partnerstadt: Płock`.
    pub fn parts(&self, lang: Lang) -> (&'static str, &str) {
        match self {
            About::City(name) => (lang.text().partner_city, name),
            About::Topic(name) => (lang.text().topic, name),
        }
    }

    /// The label and the name as one: `Partnerstadt Płock`, `Thema Europawochenende`.
    pub fn title(&self) -> crate::i18n::Bilingual {
        match self {
            About::City(name) => crate::i18n::about_city(name),
            About::Topic(name) => crate::i18n::about_topic(name),
        }
    }

    /// The name alone.
    pub fn name(&self) -> &str {
        match self {
            About::City(name) | About::Topic(name) => name,
        }
    }
}

/// The subject of an email about a city or topic to `to`: `Partnerstadt Płock – für Irene Schewe`.
pub fn subject(lang: Lang, about: Option<&About>, to: &str) -> String {
    let subject = match about {
        Some(about) => crate::i18n::subject_about(&about.title(), to),
        None => crate::i18n::subject_for(to),
    };
    subject.get(lang).to_string()
}

/// A phone message as the form collects it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PhoneMessage {
    /// When the call came, as the desk's clock shows it: `26.11.2026 14:05`.
    pub when: String,
    /// The city or topic the call was about, if any.
    pub about: Option<About>,
    /// Who the message is for.
    pub to: String,
    /// Who stands in while they are away, if they are.
    pub cover: Option<String>,
    /// Who called.
    pub caller: String,
    /// Their number for a call back.
    pub callback: String,
    /// What it is about.
    pub concern: String,
}

impl PhoneMessage {
    /// The subject: `Telefonnotiz: Płock – Jan Kowalski` (the city left out when there is none).
    pub fn subject(&self, lang: Lang) -> String {
        let about = self.about.as_ref().map_or(self.to.as_str(), About::name);
        format!("{}: {about} – {}", lang.text().phone_message, self.caller)
    }

    /// The message as lines joined by CRLF, as mail bodies want them. A line break typed into a
    /// field becomes a CRLF too.
    pub fn text(&self, lang: Lang) -> String {
        let t = lang.text();
        let mut lines = vec![format!("{}: {}", t.phone_message, self.when)];
        if let Some(about) = &self.about {
            let (label, name) = about.parts(lang);
            lines.push(format!("{label}: {name}"));
        }
        lines.push(format!("{}: {}", t.message_for, self.to));
        if let Some(cover) = &self.cover {
            lines.push(format!("{}: {cover}", crate::i18n::COVER.get(lang)));
        }
        lines.push(format!("{}: {}", t.caller, self.caller));
        lines.push(format!("{}: {}", t.callback, self.callback));
        lines.push(format!("{}: {}", t.concern, self.concern));
        lines.join("\n").replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n")
    }
}

/// A round anniversary of a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anniversary {
    /// The year it falls in.
    pub year: i32,
    /// How many years the partnership then has: a multiple of 5.
    pub years: i32,
    /// The city, by its index in the directory.
    pub city: usize,
}

/// The next round anniversary (a multiple of 5 years) of a partnership begun in `since`, from
/// `year` on: `(2028, 70)` for Alkmaar (1958) in 2026.
pub fn next_round(since: i32, year: i32) -> (i32, i32) {
    let age = (year - since).max(5);
    let years = (age + 4) / 5 * 5;
    (since + years, years)
}

/// Every round anniversary in `[from, from + span)`, by year, then city name.
pub fn anniversaries(dir: &Directory, from: i32, span: i32) -> Vec<Anniversary> {
    let mut found: Vec<Anniversary> = dir
        .cities()
        .iter()
        .enumerate()
        .flat_map(|(i, city)| {
            let mut year = next_round(city.since, from).0;
            std::iter::from_fn(move || {
                let here = (year < from + span).then_some(Anniversary { year, years: year - city.since, city: i });
                year += 5;
                here
            })
        })
        .collect();
    found.sort_by(|a, b| (a.year, &dir.cities()[a.city].name).cmp(&(b.year, &dir.cities()[b.city].name)));
    found
}

/// How an anniversary is written in the details: `70 Jahre im Jahr 2028` / `70 years in 2028`.
pub fn round_text(lang: Lang, years: i32, year: i32) -> String {
    crate::i18n::round_anniversary(years, year).get(lang).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{self, Source};

    fn dir() -> Directory {
        directory::load(&Source::Embedded, 2026).unwrap()
    }

    #[test]
    fn tel_links_are_in_global_form() {
        let dir = dir();
        let schewe = dir.people().iter().find(|p| p.id == "schewe").unwrap();
        assert_eq!(tel(schewe).as_deref(), Some("tel:+49-6151-13-2324"));
    }

    #[test]
    fn mailto_encodes_every_reserved_and_non_ascii_character() {
        let uri = mailto("international@darmstadt.de", "Partnerstadt Płock – für Irene Schewe", None);
        assert_eq!(
            uri,
            "mailto:international@darmstadt.de?subject=Partnerstadt%20P%C5%82ock%20%E2%80%93%20f%C3%BCr%20Irene%20Schewe"
        );
        let uri = mailto("a@b.de", "Logroño & Co?", Some("Zeile 1\r\nZeile 2 = ä"));
        assert_eq!(
            uri,
            "mailto:a@b.de?subject=Logro%C3%B1o%20%26%20Co%3F&body=Zeile%201%0D%0AZeile%202%20%3D%20%C3%A4"
        );
    }

    #[test]
    fn subjects_name_the_city_and_the_person_in_the_ui_language() {
        let dir = dir();
        let plock = dir.cities().iter().position(|c| c.name == "Płock").unwrap();
        let (city, person) = (&dir.cities()[plock], dir.contact_of(plock));
        let about = About::City(city.name.clone());
        assert_eq!(subject(Lang::De, Some(&about), &person.full_name()), "Partnerstadt Płock – für Irene Schewe");
        assert_eq!(subject(Lang::En, Some(&about), &person.full_name()), "Partner city Płock – for Irene Schewe");
        assert_eq!(subject(Lang::En, None, &person.full_name()), "For Irene Schewe");
        let topic = About::Topic("Europawochenende".into());
        assert_eq!(
            subject(Lang::De, Some(&topic), "Abteilung Internationales"),
            "Thema Europawochenende – für Abteilung Internationales"
        );
    }

    #[test]
    fn a_phone_message_has_every_field_and_crlf_lines() {
        let message = PhoneMessage {
            when: "26.11.2026 14:05".into(),
            about: Some(About::City("Płock".into())),
            to: "Irene Schewe".into(),
            cover: None,
            caller: "Jan Kowalski & Söhne".into(),
            callback: "+48 24 367 1000".into(),
            concern: "Besuch?\nim Mai".into(),
        };
        assert_eq!(message.subject(Lang::De), "Telefonnotiz: Płock – Jan Kowalski & Söhne");
        let text = message.text(Lang::De);
        assert_eq!(
            text,
            "Telefonnotiz: 26.11.2026 14:05\r\nPartnerstadt: Płock\r\nFür: Irene Schewe\r\nAnrufer: Jan Kowalski & Söhne\r\n\
             Rückruf: +48 24 367 1000\r\nAnliegen: Besuch?\r\nim Mai"
        );
        assert!(!text.replace("\r\n", "").contains('\n'), "no bare line feed");
    }

    #[test]
    fn round_anniversaries() {
        assert_eq!(next_round(1958, 2026), (2028, 70));
        assert_eq!(next_round(1958, 2028), (2028, 70));
        assert_eq!(next_round(2023, 2026), (2028, 5));
        assert_eq!(next_round(2023, 2023), (2028, 5));
        let dir = dir();
        let names = |from, span| -> Vec<(i32, i32, String)> {
            anniversaries(&dir, from, span)
                .iter()
                .map(|a| (a.year, a.years, dir.cities()[a.city].name.clone()))
                .collect()
        };
        // 2028: Alkmaar and Troyes turn 70; every partnership begun in a year ending in 3 or 8 is
        // round then too (Graz and Trondheim 60, Płock 40, Liepāja 35, Nahariya 5).
        let in_2028 = names(2028, 1);
        assert!(
            in_2028.contains(&(2028, 70, "Alkmaar".to_string())) && in_2028.contains(&(2028, 70, "Troyes".to_string()))
        );
        assert_eq!(in_2028.len(), 7);
        assert!(in_2028.iter().all(|(_, years, _)| years % 5 == 0));
        // Five years hold exactly one round anniversary of every partnership.
        assert_eq!(names(2026, 5).len(), 17);
        assert_eq!(names(2026, 10).len(), 34);
        assert!(names(2026, 0).is_empty());
    }
}
