//! The columns of `partnerdesk list`, one list per kind of entry: each column's name for programs
//! (the CSV header and the JSON keys), its label in both languages (the table's and the
//! workbook's header), where it shows, and its value. The table, CSV, JSON and the workbook all
//! come from these lists, so a new column is one entry here, and a workbook's header cannot drift
//! from its rows.
//!
//! A new field of [`City`], [`Person`], [`Topic`] or [`Absence`] does not compile here until
//! [`fields_shown`] names the column that shows it, or says why none does; a test then fails
//! until the list has a column of the field's name, or names the field as not listed.
//!
//! Who answers now (`answers_now_…`) is who answers on the list's day: today, or `--on DATE`.

use chrono::NaiveDate;

use crate::directory::date;
use crate::directory::{Absence, Answer, Answerer, City, Country, Directory, Person, Phone, Topic, Why};
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

/// A row of one of the lists: the directory, the index of the entry, and the list's day.
pub struct Row<'a> {
    /// The directory.
    pub dir: &'a Directory,
    /// The entry's index among its kind.
    pub index: usize,
    /// The day the list answers for: who is away, who answers.
    pub on: NaiveDate,
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

    fn absence(&self) -> &Absence {
        &self.dir.absences()[self.index]
    }

    /// Index of the absent person of an absence row.
    fn absent(&self) -> Option<usize> {
        self.dir.people().iter().position(|p| p.id == self.absence().person)
    }

    fn person_away(&self) -> Option<crate::directory::answers::Away<'_>> {
        self.dir.away_on(self.index, self.on)
    }
}

/// Who answers now for a row, and the cells that name them.
mod answers {
    use super::*;

    /// The answerer's id; none for the shared mailbox.
    pub fn id(answer: Answer) -> Cell {
        optional(answer.person().map(|p| p.id.as_str()))
    }

    /// The answerer's name, or the department's for the shared mailbox.
    pub fn name(answer: Answer) -> Cell {
        match answer.who {
            Answerer::Person(_, person) => Cell::Text(person.full_name()),
            Answerer::Office(office) => text(&office.department),
        }
    }

    /// Their phone; the office has no general number.
    pub fn phone(answer: Answer) -> Cell {
        optional(answer.person().map(|p| p.phone.as_str()))
    }

    /// Their email, or the shared mailbox.
    pub fn email(answer: Answer) -> Cell {
        match answer.who {
            Answerer::Person(_, person) => text(&person.email),
            Answerer::Office(office) => text(&office.email),
        }
    }

    /// Their phone as a `tel:` link.
    pub fn tel(answer: Answer) -> Cell {
        answer.person().map_or(Cell::None, super::tel)
    }

    /// Why they answer: `contact`, `cover`, `deputy`, `head` or `office`.
    pub fn why(answer: Answer) -> Cell {
        text(answer.why.key())
    }

    /// The contact's name for the table, with their absence while they are away:
    /// `Irene Schewe (abwesend bis 04.12.)`.
    pub fn contact(person: &Person, answer: Answer, on: NaiveDate, lang: Lang) -> Cell {
        match answer.away {
            None => Cell::Text(person.full_name()),
            Some(away) => {
                let until = date::short(away.until, on, lang);
                Cell::Text(crate::i18n::away_until(&person.full_name(), &until).get(lang).to_string())
            }
        }
    }

    /// Who stands in for an absent contact, for the table: `Julia Kuz, (06151) 13-2325`, the head
    /// named as such, or the shared mailbox; empty while the contact is in.
    pub fn stand_in(answer: Answer, lang: Lang) -> Cell {
        if answer.away.is_none() {
            return Cell::None;
        }
        Cell::Text(match answer.who {
            Answerer::Person(_, person) if answer.why == Why::Head => {
                let head = crate::i18n::HEAD_STANDS_IN.get(lang);
                format!("{} ({head}), {}", person.full_name(), person.phone)
            }
            Answerer::Person(_, person) => format!("{}, {}", person.full_name(), person.phone),
            Answerer::Office(office) => format!("{}, {}", office.department, office.email),
        })
    }

    /// The first or last day of the contact's absence on the list's day, as the file keeps it.
    pub fn away(answer: Answer, last: bool) -> Cell {
        answer.away.map_or(Cell::None, |away| Cell::Text(date::iso(if last { away.until } else { away.from })))
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
    column("contact_name", "Zuständig", "Contact", Shows::Table, |r, lang| {
        answers::contact(r.contact(), r.city_answer(), r.on, lang)
    }),
    column("contact_name", "Zuständig", "Contact", Shows::Data, |r, _| Cell::Text(r.contact().full_name())),
    column("contact_phone", "Telefon", "Phone", Shows::Both, |r, _| text(&r.contact().phone)),
    column("contact_phone_international", "Telefon international", "Phone (international)", Shows::Data, |r, _| {
        international(r.contact())
    }),
    column("contact_tel", "Telefon-Link", "Phone link", Shows::Data, |r, _| tel(r.contact())),
    column("contact_email", "E-Mail", "Email", Shows::Data, |r, _| text(&r.contact().email)),
    column("contact_away_from", "Abwesend ab", "Away from", Shows::Data, |r, _| answers::away(r.city_answer(), false)),
    column("contact_away_until", "Abwesend bis", "Away until", Shows::Data, |r, _| {
        answers::away(r.city_answer(), true)
    }),
    column("answers_now_id", "Erreichbar-ID", "Answers now id", Shows::Data, |r, _| answers::id(r.city_answer())),
    column("answers_now_name", "Erreichbar", "Answers now", Shows::Data, |r, _| answers::name(r.city_answer())),
    column("answers_now_as", "Erreichbar als", "Answers as", Shows::Data, |r, _| answers::why(r.city_answer())),
    column("answers_now_phone", "Telefon (erreichbar)", "Phone (answers now)", Shows::Data, |r, _| {
        answers::phone(r.city_answer())
    }),
    column("answers_now_email", "E-Mail (erreichbar)", "Email (answers now)", Shows::Data, |r, _| {
        answers::email(r.city_answer())
    }),
    column("answers_now_tel", "Telefon-Link (erreichbar)", "Phone link (answers now)", Shows::Data, |r, _| {
        answers::tel(r.city_answer())
    }),
    column("stand_in", "Vertretung", "Stand-in", Shows::Table, |r, lang| answers::stand_in(r.city_answer(), lang)),
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
    column("deputy_id", "Vertretung-ID", "Deputy id", Shows::Data, |r, _| optional(r.person().deputy.as_deref())),
    column("away_from", "Abwesend ab", "Away from", Shows::Data, |r, _| {
        r.person_away().map_or(Cell::None, |a| Cell::Text(date::iso(a.from)))
    }),
    column("away_until", "Abwesend bis", "Away until", Shows::Data, |r, _| {
        r.person_away().map_or(Cell::None, |a| Cell::Text(date::iso(a.until)))
    }),
    column("answers_now_id", "Erreichbar-ID", "Answers now id", Shows::Data, |r, _| answers::id(r.person_answer())),
    column("answers_now_name", "Erreichbar", "Answers now", Shows::Data, |r, _| answers::name(r.person_answer())),
    column("answers_now_as", "Erreichbar als", "Answers as", Shows::Data, |r, _| answers::why(r.person_answer())),
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
    column("contact_name", "Zuständig", "Contact", Shows::Table, |r, lang| match r.topic_contact() {
        Some(person) => answers::contact(person, r.topic_answer(), r.on, lang),
        None => text(&r.dir.office().department),
    }),
    column("contact_name", "Zuständig", "Contact", Shows::Data, |r, _| match r.topic_contact() {
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
    column("contact_away_until", "Abwesend bis", "Away until", Shows::Data, |r, _| {
        answers::away(r.topic_answer(), true)
    }),
    column("answers_now_id", "Erreichbar-ID", "Answers now id", Shows::Data, |r, _| answers::id(r.topic_answer())),
    column("answers_now_name", "Erreichbar", "Answers now", Shows::Data, |r, _| answers::name(r.topic_answer())),
    column("answers_now_as", "Erreichbar als", "Answers as", Shows::Data, |r, _| answers::why(r.topic_answer())),
    column("answers_now_phone", "Telefon (erreichbar)", "Phone (answers now)", Shows::Data, |r, _| {
        answers::phone(r.topic_answer())
    }),
    column("answers_now_email", "E-Mail (erreichbar)", "Email (answers now)", Shows::Data, |r, _| {
        answers::email(r.topic_answer())
    }),
    column("stand_in", "Vertretung", "Stand-in", Shows::Table, |r, lang| answers::stand_in(r.topic_answer(), lang)),
];

/// The absences that have not ended by the list's day, with who covers.
pub static ABSENCES: &[Column] = &[
    column("person_id", "ID", "Id", Shows::Data, |r, _| text(&r.absence().person)),
    column("person", "Abwesend", "Away", Shows::Both, |r, _| {
        r.absent().map_or_else(|| text(&r.absence().person), |i| Cell::Text(r.dir.people()[i].full_name()))
    }),
    column("from", "Von", "From", Shows::Table, |r, lang| day(&r.absence().from, |d| date::long(d, lang))),
    column("from", "Von", "From", Shows::Data, |r, _| day(&r.absence().from, date::iso)),
    column("until", "Bis", "Until", Shows::Table, |r, lang| day(&r.absence().until, |d| date::long(d, lang))),
    column("until", "Bis", "Until", Shows::Data, |r, _| day(&r.absence().until, date::iso)),
    column("cover_id", "Vertretung-ID", "Cover id", Shows::Data, |r, _| optional(r.absence().cover.as_deref())),
    column("covered_by", "Vertretung", "Covered by", Shows::Both, |r, lang| {
        let Some(answer) = r.covered_by() else { return Cell::None };
        let Cell::Text(name) = answers::name(answer) else { return Cell::None };
        let why = match answer.why {
            Why::Cover | Why::Contact => return Cell::Text(name),
            Why::Deputy => crate::i18n::STANDING_DEPUTY,
            why => why.stand_in_word(),
        };
        Cell::Text(crate::i18n::answers_as(&name, why).get(lang).to_string())
    }),
    column("covered_by_id", "Vertretung (erreichbar)-ID", "Covered by id", Shows::Data, |r, _| {
        r.covered_by().map_or(Cell::None, answers::id)
    }),
    column("covered_by_as", "Vertretung als", "Covered as", Shows::Data, |r, _| {
        r.covered_by().map_or(Cell::None, answers::why)
    }),
    column("covered_by_phone", "Telefon (Vertretung)", "Phone (covered by)", Shows::Data, |r, _| {
        r.covered_by().map_or(Cell::None, answers::phone)
    }),
];

/// A date of the file, written by `write`; as the file has it if it is none (a valid file has
/// none such).
fn day(value: &str, write: impl Fn(NaiveDate) -> String) -> Cell {
    Cell::Text(date::parse(value).map_or_else(|_| value.to_string(), write))
}

impl Row<'_> {
    fn city_answer(&self) -> Answer<'_> {
        self.dir.answers_for_city(self.index, self.on)
    }

    fn person_answer(&self) -> Answer<'_> {
        self.dir.answers(Some(self.index), self.on)
    }

    fn topic_answer(&self) -> Answer<'_> {
        self.dir.answers_for_topic(self.index, self.on)
    }

    /// Who answers for the absent person while they are away: on the list's day, or on the
    /// absence's first day when it starts later.
    fn covered_by(&self) -> Option<Answer<'_>> {
        let from = date::parse(&self.absence().from).ok()?;
        Some(self.dir.answers(Some(self.absent()?), from.max(self.on)))
    }
}

/// Every field of an entry, with the column that shows it or why none does. Never called: it is
/// here so that a new field fails to compile until it has a column (or a reason).
#[allow(dead_code)]
fn fields_shown(city: &City, person: &Person, topic: &Topic, absence: &Absence) {
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
        deputy: _,      // deputy_id; who answers while they are away: answers_now_…
    } = person;
    let Topic {
        name: _,    // name, name_de, name_en
        aliases: _, // aliases
        summary: _, // summary_de, summary_en
        contact: _, // contact_id, contact_name, contact_phone, contact_tel, email
        note: _,    // none, as a city's note
    } = topic;
    let Absence {
        person: _, // person_id, person
        from: _,   // from
        until: _,  // until
        cover: _,  // cover_id, covered_by
    } = absence;
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
        for columns in [CITIES, PEOPLE, TOPICS, ABSENCES] {
            for table in [true, false] {
                let keys: Vec<&str> = shown(columns, table).map(|c| c.key).collect();
                for (i, key) in keys.iter().enumerate() {
                    assert!(!keys[i + 1..].contains(key), "{key} twice");
                }
            }
        }
    }

    /// The fields that have no column, as `fields_shown` gives the reason for each.
    const NOT_LISTED: &[&str] = &["City.note", "Topic.note"];

    /// The names of an entry's fields, as the data file writes them.
    fn fields(entry: impl serde::Serialize) -> Vec<String> {
        match serde_json::to_value(entry).unwrap() {
            serde_json::Value::Object(fields) => fields.keys().cloned().collect(),
            other => panic!("not a struct: {other}"),
        }
    }

    /// `fields_shown` makes a new field a compile error, but a comment there names its column;
    /// this checks the claim: every field has a column of its name (`contact` → `contact_id`)
    /// in its list, or is one of [`NOT_LISTED`].
    #[test]
    fn every_field_has_a_column_or_is_named_as_not_listed() {
        let directory =
            crate::directory::parse(crate::directory::EMBEDDED, crate::directory::Source::Embedded, 2026).unwrap();
        let absence =
            Absence { person: "kuz".into(), from: "2026-12-01".into(), until: "2026-12-04".into(), cover: None };
        let entries = [
            ("City", fields(&directory.cities()[0]), CITIES),
            ("Person", fields(&directory.people()[0]), PEOPLE),
            ("Topic", fields(&directory.topics()[0]), TOPICS),
            ("Absence", fields(&absence), ABSENCES),
        ];
        for (entry, fields, columns) in entries {
            for field in fields {
                let named = format!("{entry}.{field}");
                let column = columns.iter().any(|c| c.key == field || c.key.starts_with(&format!("{field}_")));
                if NOT_LISTED.contains(&named.as_str()) {
                    assert!(!column, "{named} has a column: take it out of NOT_LISTED");
                } else {
                    assert!(column, "{named} has no column in cli/rows.rs: add one, or name it in NOT_LISTED");
                }
            }
        }
    }
}
