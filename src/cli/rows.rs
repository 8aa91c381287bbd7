//! The columns of `partnerdesk list`, one list per kind of entry: each column's name for programs
//! (the CSV header), its label in both languages (the table's and the workbook's header), where
//! it shows, and its value. The table, CSV and the workbook all come from these lists, so a new
//! column is one entry here, and a workbook's header cannot drift from its rows.
//!
//! (`list --format json` gives the same records as `query --json`, from `report`.)

use crate::directory::{City, Directory, Person, Phone, Topic};
use crate::i18n::{Bilingual, Lang};

/// Where a column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shows {
    /// In the table for reading only, in the output's language.
    Table,
    /// In CSV and the workbook only: the data as it is.
    Data,
    /// Everywhere.
    Both,
}

/// One column of a list.
pub struct Column {
    /// Its name for programs: the CSV header.
    pub key: &'static str,
    /// Its header in the table and the workbook.
    pub label: Bilingual<&'static str>,
    /// Where it shows.
    pub shows: Shows,
    /// Its value for one row, in `lang` where the value has languages.
    pub value: fn(&Row<'_>, Lang) -> String,
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

    fn person(&self) -> &Person {
        &self.dir.people()[self.index]
    }

    fn topic(&self) -> &Topic {
        &self.dir.topics()[self.index]
    }
}

const fn column(
    key: &'static str,
    de: &'static str,
    en: &'static str,
    shows: Shows,
    value: fn(&Row<'_>, Lang) -> String,
) -> Column {
    Column { key, label: Bilingual { de, en }, shows, value }
}

/// The cities with their contacts.
pub static CITIES: &[Column] = &[
    column("name", "Stadt", "City", Shows::Both, |r, _| r.city().name.clone()),
    column("country", "Land", "Country", Shows::Table, |r, lang| r.city().country.name(lang).to_string()),
    column("country_code", "Ländercode", "Country code", Shows::Data, |r, _| r.city().country.code.clone()),
    column("country_de", "Land (deutsch)", "Country (German)", Shows::Data, |r, _| r.city().country.de.clone()),
    column("country_en", "Land (englisch)", "Country (English)", Shows::Data, |r, _| r.city().country.en.clone()),
    column("region", "Region", "Region", Shows::Data, |r, _| r.city().region.clone()),
    column("since", "Seit", "Since", Shows::Both, |r, _| r.city().since.to_string()),
    column("contact_id", "Kontakt-ID", "Contact id", Shows::Data, |r, _| r.dir.contact_of(r.index).id.clone()),
    column("contact_name", "Zuständig", "Contact", Shows::Both, |r, _| r.dir.contact_of(r.index).full_name()),
    column("contact_phone", "Telefon", "Phone", Shows::Both, |r, _| r.dir.contact_of(r.index).phone.clone()),
    column("contact_email", "E-Mail", "Email", Shows::Data, |r, _| r.dir.contact_of(r.index).email.clone()),
];

/// The people with their cities.
pub static PEOPLE: &[Column] = &[
    column("id", "ID", "Id", Shows::Data, |r, _| r.person().id.clone()),
    column("name", "Name", "Name", Shows::Both, |r, _| r.person().full_name()),
    column("role", "Aufgabe", "Role", Shows::Table, |r, lang| r.person().role_in(lang).to_string()),
    column("role", "Aufgabe", "Role", Shows::Data, |r, _| r.person().role.clone()),
    column("role_en", "Aufgabe (englisch, übersetzt)", "Role (English, translated)", Shows::Data, |r, _| {
        r.person().role_en.clone().unwrap_or_default()
    }),
    column("phone", "Telefon", "Phone", Shows::Both, |r, _| r.person().phone.clone()),
    column("phone_international", "Telefon international", "Phone (international)", Shows::Data, |r, _| {
        Phone::parse(&r.person().phone).map(|p| p.international()).unwrap_or_default()
    }),
    column("fax", "Fax", "Fax", Shows::Data, |r, _| r.person().fax.clone()),
    column("email", "E-Mail", "Email", Shows::Both, |r, _| r.person().email.clone()),
    column("cities", "Partnerstädte", "Partner cities", Shows::Table, |r, _| cities_of(r, ", ")),
    column("cities", "Partnerstädte", "Partner cities", Shows::Data, |r, _| cities_of(r, "; ")),
];

/// The topics of the office's page, with who answers for them.
pub static TOPICS: &[Column] = &[
    column("name", "Thema", "Topic", Shows::Table, |r, lang| r.topic().name.get(lang).to_string()),
    column("name_de", "Thema", "Topic (German)", Shows::Data, |r, _| r.topic().name.de.clone()),
    column("name_en", "Thema (englisch)", "Topic", Shows::Data, |r, _| r.topic().name.en.clone()),
    column("summary_de", "Worum es geht", "Summary (German)", Shows::Data, |r, _| r.topic().summary.de.clone()),
    column("summary_en", "Worum es geht (englisch, übersetzt)", "Summary (translated)", Shows::Data, |r, _| {
        r.topic().summary.en.clone()
    }),
    column("contact_id", "Kontakt-ID", "Contact id", Shows::Data, |r, _| {
        r.dir.topic_contact(r.index).map(|p| p.id.clone()).unwrap_or_default()
    }),
    column("contact_name", "Zuständig", "Contact", Shows::Both, |r, _| match r.dir.topic_contact(r.index) {
        Some(person) => person.full_name(),
        None => r.dir.office().department.clone(),
    }),
    column("contact_phone", "Telefon", "Phone", Shows::Both, |r, _| {
        r.dir.topic_contact(r.index).map(|p| p.phone.clone()).unwrap_or_default()
    }),
    column("email", "E-Mail", "Email", Shows::Both, |r, _| {
        r.dir.topic_contact(r.index).map_or_else(|| r.dir.office().email.clone(), |p| p.email.clone())
    }),
];

fn cities_of(row: &Row, separator: &str) -> String {
    row.dir.cities_of(row.index).map(|c| c.name.as_str()).collect::<Vec<_>>().join(separator)
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
