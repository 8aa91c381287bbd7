//! The columns of `partnerdesk list`, one list per kind of entry: each column's name for programs
//! (the CSV header and the JSON keys), its label in both languages (the table's and the
//! workbook's header), where it shows, and its value. The table, CSV, JSON and the workbook all
//! come from these lists, so a new column is one entry here, and a workbook's header cannot drift
//! from its rows.
//!
//! A new field of [`City`], [`Person`] or [`Topic`] does not compile here until [`fields_shown`]
//! names the column that shows it, or says why none does.

use crate::directory::{City, Country, Directory, Person, Phone, Topic};
use crate::i18n::{Bilingual, Lang};

/// Where a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shows {
    /// In the table for reading only, in the output's language.
    Table,
    /// In CSV, JSON and the workbook only: the data as it is.
    Data,
    /// Everywhere.
    Both,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A text.
    Text(String),
    /// A number (a year).
    Number(i64),
    /// Several names: joined with `, ` in the table and `; ` in CSV and the workbook, an array in JSON.
    Names(Vec<String>),
    /// No value: empty in the table, CSV and the workbook, `null` in JSON.
    None,
}

impl Cell {
    /// The cell as text, for the table (`table`) or CSV and the workbook.
    pub fn text(&self, table: bool) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Names(names) => names.join(if table { ", " } else { "; " }),
            Cell::None => String::new(),
        }
    }

    /// The cell as a JSON value.
    pub fn json(&self) -> serde_json::Value {
        match self {
            Cell::Text(text) => text.as_str().into(),
            Cell::Number(n) => (*n).into(),
            Cell::Names(names) => names.as_slice().into(),
            Cell::None => serde_json::Value::Null,
        }
    }
}

/// A row as a JSON object, its keys in the columns' order.
pub struct JsonRow(pub Vec<(&'static str, serde_json::Value)>);

impl serde::Serialize for JsonRow {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn optional(s: Option<&str>) -> Cell {
    s.map_or(Cell::None, text)
}

/// One column of a list.
pub struct Column {
    /// Its name for programs: the CSV header and the JSON key.
    pub key: &'static str,
    /// Its header in the table and the workbook.
    pub label: Bilingual<&'static str>,
    /// Where it shows.
    pub shows: Shows,
    /// Its value for one row, in `lang` where the value has languages.
    pub value: fn(&Row<'_>, Lang) -> Cell,
}

/// A row of one of the lists: the directory and the index of the entry.
pub struct Row<'a> {
    /// The directory.
    pub dir: &'a Directory,
    /// The entry's index among its kind.
    pub index: usize,
}

impl Row<'_> {
    fn city(&self) -> &City {
        &self.dir.cities()[self.index]
    }

    fn contact(&self) -> &Person {
        self.dir.contact_of(self.index)
    }

    fn person(&self) -> &Person {
        &self.dir.people()[self.index]
    }

    fn topic(&self) -> &Topic {
        &self.dir.topics()[self.index]
    }

    fn topic_contact(&self) -> Option<&Person> {
        self.dir.topic_contact(self.index)
    }
}

const fn column(
    key: &'static str,
    de: &'static str,
    en: &'static str,
    shows: Shows,
    value: fn(&Row<'_>, Lang) -> Cell,
) -> Column {
    Column { key, label: Bilingual { de, en }, shows, value }
}

/// The phone as a `tel:` link, `tel:+49-6151-13-2324`.
fn tel(person: &Person) -> Cell {
    optional(crate::actions::tel(person).as_deref())
}

/// The phone from abroad, `+49 6151 13-2324`.
fn international(person: &Person) -> Cell {
    optional(Phone::parse(&person.phone).map(|p| p.international()).as_deref())
}

/// The cities with their contacts.
pub static CITIES: &[Column] = &[
    column("name", "Stadt", "City", Shows::Both, |r, _| text(&r.city().name)),
    column("native", "Eigene Schreibweise", "Native spelling", Shows::Data, |r, _| {
        optional(r.city().native.as_deref())
    }),
    column("german", "Deutscher Name", "German name", Shows::Data, |r, _| optional(r.city().german.as_deref())),
    column("aliases", "Auch genannt", "Also known as", Shows::Data, |r, _| Cell::Names(r.city().aliases.clone())),
    column("country", "Land", "Country", Shows::Table, |r, lang| text(r.city().country.name(lang))),
    column("country_code", "Ländercode", "Country code", Shows::Data, |r, _| text(&r.city().country.code)),
    column("country_de", "Land (deutsch)", "Country (German)", Shows::Data, |r, _| text(&r.city().country.de)),
    column("country_en", "Land (englisch)", "Country (English)", Shows::Data, |r, _| text(&r.city().country.en)),
    column("region", "Region", "Region", Shows::Data, |r, _| text(&r.city().region)),
    column("since", "Seit", "Since", Shows::Both, |r, _| Cell::Number(r.city().since.into())),
    column("contact_id", "Kontakt-ID", "Contact id", Shows::Data, |r, _| text(&r.contact().id)),
    column("contact_name", "Zuständig", "Contact", Shows::Both, |r, _| Cell::Text(r.contact().full_name())),
    column("contact_phone", "Telefon", "Phone", Shows::Both, |r, _| text(&r.contact().phone)),
    column("contact_phone_international", "Telefon international", "Phone (international)", Shows::Data, |r, _| {
        international(r.contact())
    }),
    column("contact_tel", "Telefon-Link", "Phone link", Shows::Data, |r, _| tel(r.contact())),
    column("contact_email", "E-Mail", "Email", Shows::Data, |r, _| text(&r.contact().email)),
];

/// The people with their cities.
pub static PEOPLE: &[Column] = &[
    column("id", "ID", "Id", Shows::Data, |r, _| text(&r.person().id)),
    column("name", "Name", "Name", Shows::Both, |r, _| Cell::Text(r.person().full_name())),
    column("given_name", "Vorname", "Given name", Shows::Data, |r, _| text(&r.person().given_name)),
    column("family_name", "Familienname", "Family name", Shows::Data, |r, _| text(&r.person().family_name)),
    column("role", "Aufgabe", "Role", Shows::Table, |r, lang| text(r.person().role_in(lang))),
    column("role", "Aufgabe", "Role", Shows::Data, |r, _| text(&r.person().role)),
    column("role_en", "Aufgabe (englisch, übersetzt)", "Role (English, translated)", Shows::Data, |r, _| {
        optional(r.person().role_en.as_deref())
    }),
    column("phone", "Telefon", "Phone", Shows::Both, |r, _| text(&r.person().phone)),
    column("phone_international", "Telefon international", "Phone (international)", Shows::Data, |r, _| {
        international(r.person())
    }),
    column("tel", "Telefon-Link", "Phone link", Shows::Data, |r, _| tel(r.person())),
    column("extension", "Durchwahl", "Extension", Shows::Data, |r, _| {
        optional(Phone::parse(&r.person().phone).and_then(|p| p.extension))
    }),
    column("fax", "Fax", "Fax", Shows::Data, |r, _| text(&r.person().fax)),
    column("email", "E-Mail", "Email", Shows::Both, |r, _| text(&r.person().email)),
    column("cities", "Partnerstädte", "Partner cities", Shows::Both, |r, _| {
        Cell::Names(r.dir.cities_of(r.index).map(|c| c.name.clone()).collect())
    }),
];

/// The topics of the office's page, with who answers for them.
pub static TOPICS: &[Column] = &[
    column("name", "Thema", "Topic", Shows::Table, |r, lang| text(r.topic().name.get(lang))),
    column("name_de", "Thema", "Topic (German)", Shows::Data, |r, _| text(&r.topic().name.de)),
    column("name_en", "Thema (englisch)", "Topic", Shows::Data, |r, _| text(&r.topic().name.en)),
    column("aliases", "Auch genannt", "Also known as", Shows::Data, |r, _| Cell::Names(r.topic().aliases.clone())),
    column("summary_de", "Worum es geht", "Summary (German)", Shows::Data, |r, _| text(&r.topic().summary.de)),
    column("summary_en", "Worum es geht (englisch, übersetzt)", "Summary (translated)", Shows::Data, |r, _| {
        text(&r.topic().summary.en)
    }),
    column("contact_id", "Kontakt-ID", "Contact id", Shows::Data, |r, _| {
        optional(r.topic_contact().map(|p| p.id.as_str()))
    }),
    column("contact_name", "Zuständig", "Contact", Shows::Both, |r, _| match r.topic_contact() {
        Some(person) => Cell::Text(person.full_name()),
        None => text(&r.dir.office().department),
    }),
    column("contact_phone", "Telefon", "Phone", Shows::Both, |r, _| {
        optional(r.topic_contact().map(|p| p.phone.as_str()))
    }),
    column("contact_tel", "Telefon-Link", "Phone link", Shows::Data, |r, _| r.topic_contact().map_or(Cell::None, tel)),
    column("email", "E-Mail", "Email", Shows::Both, |r, _| {
        text(r.topic_contact().map_or(&r.dir.office().email, |p| &p.email))
    }),
];

/// Every field of an entry, with the column that shows it or why none does. Never called: it is
/// here so that a new field fails to compile until it has a column (or a reason).
#[allow(dead_code)]
fn fields_shown(city: &City, person: &Person, topic: &Topic) {
    let City {
        name: _,    // name
        native: _,  // native
        german: _,  // german
        aliases: _, // aliases
        // country (in the table's language), country_code, country_de, country_en; the aliases and
        // adjectives are words for the search, not facts for a list.
        country: Country { code: _, de: _, en: _, aliases: _, adjectives: _ },
        region: _,  // region
        since: _,   // since
        contact: _, // contact_id, contact_name, contact_phone, …
        note: _,    // none: where the fact comes from, for the data's keepers, not for a list
    } = city;
    let Person {
        id: _,          // id
        given_name: _,  // given_name, name
        family_name: _, // family_name, name
        role: _,        // role
        role_en: _,     // role_en
        phone: _,       // phone, phone_international, tel, extension
        fax: _,         // fax
        email: _,       // email
    } = person;
    let Topic {
        name: _,    // name, name_de, name_en
        aliases: _, // aliases
        summary: _, // summary_de, summary_en
        contact: _, // contact_id, contact_name, contact_phone, contact_tel, email
        note: _,    // none, as a city's note
    } = topic;
}

/// The columns that show in the table (`table`) or in the data formats.
pub fn shown(columns: &[Column], table: bool) -> impl Iterator<Item = &Column> {
    columns.iter().filter(move |c| match c.shows {
        Shows::Both => true,
        Shows::Table => table,
        Shows::Data => !table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_list_shows_a_key_twice() {
        for columns in [CITIES, PEOPLE, TOPICS] {
            for table in [true, false] {
                let keys: Vec<&str> = shown(columns, table).map(|c| c.key).collect();
                for (i, key) in keys.iter().enumerate() {
                    assert!(!keys[i + 1..].contains(key), "{key} twice");
                }
            }
        }
    }
}
