//! What changed between two directories: each change a language-neutral [`Change`] (who, which
//! field, old and new value), which the change log keeps as it is and [`Change::words`] puts into
//! the reader's language: `Trondheim: Zuständig Jessica Otto → Julia Kuz`.
//!
//! Every struct is taken apart field by field, so that a new field in the model fails to compile
//! here until its change is recorded too. Entries are matched by id or name through a map, so a
//! comparison takes time in proportion to the file's size.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::directory::date;
use crate::directory::{Absence, Address, City, Country, DirectoryData, Office, Person, Topic};
use crate::i18n::{self, Bilingual, Lang};

/// One change, as the change log keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    /// What kind of entry changed.
    pub kind: Kind,
    /// The entry: a city's name, a person's full name, a topic's German name; empty for the office.
    pub entry: String,
    /// What happened to it.
    pub what: What,
}

/// The kinds of entry a change can be to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The office's own fields.
    Office,
    /// A person.
    Person,
    /// A partner city.
    City,
    /// A topic.
    Topic,
    /// The file as a whole.
    File,
}

/// What happened to an entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// It is new.
    Added,
    /// It is gone.
    Removed,
    /// One field changed; the field by its key in the data file (`contact`, `country.de`).
    Field {
        /// The field's key.
        field: String,
        /// The value before, empty where there was none.
        old: String,
        /// The value after, empty where there is none.
        new: String,
    },
    /// The file replaced one that was not valid, so no entry can be compared.
    WholeFile,
    /// The file is new.
    Created,
    /// Only comments or the layout changed.
    CommentsOnly,
}

impl Change {
    /// The change in words, in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        let Change { kind, entry, what } = self;
        let entry = match kind {
            Kind::Office => lang.text().office.to_string(),
            _ => entry.clone(),
        };
        let kind_word = match kind {
            Kind::Person => PERSON,
            Kind::City => CITY,
            Kind::Topic => TOPIC,
            Kind::Office | Kind::File => Bilingual { de: "", en: "" },
        };
        match what {
            What::Added => i18n::added(&entry, kind_word).get(lang).to_string(),
            What::Removed => i18n::removed(&entry, kind_word).get(lang).to_string(),
            What::WholeFile => i18n::whole_file_replaced().get(lang).to_string(),
            What::Created => i18n::file_created().get(lang).to_string(),
            What::CommentsOnly => i18n::comments_only().get(lang).to_string(),
            What::Field { field, old, new } if field == "absence" => {
                absence_words(&entry, old, new, lang).unwrap_or_else(|| field_words(&entry, field, old, new, lang))
            }
            What::Field { field, old, new } => field_words(&entry, field, old, new, lang),
        }
    }
}

/// A field's change: `Trondheim: Zuständig Jessica Otto → Julia Kuz`.
fn field_words(entry: &str, field: &str, old: &str, new: &str, lang: Lang) -> String {
    let shown = |v: &str| if v.is_empty() { "—".to_string() } else { v.to_string() };
    let label = i18n::field_label(field).map_or_else(|| field.to_string(), |l| l.get(lang).to_string());
    format!("{entry}: {label} {} → {}", shown(old), shown(new))
}

/// An absence recorded or removed (one side empty), as a sentence with the dates in `lang`:
/// `Irene Schewe: abwesend 01.12.2026 bis 04.12.2026, Vertretung Julia Kuz`. `None` when the
/// record is not in the form [`absence_changes`] writes.
fn absence_words(entry: &str, old: &str, new: &str, lang: Lang) -> Option<String> {
    let read = |value: &str| {
        let (span, cover) = match value.split_once(", ") {
            Some((span, cover)) => (span, Some(cover)),
            None => (value, None),
        };
        let (from, until) = span.split_once(" – ")?;
        let day = |text: &str| date::parse(text).ok().map(|d| date::long(d, lang));
        Some((day(from)?, day(until)?, cover.map(str::to_string)))
    };
    let said = match (old.is_empty(), new.is_empty()) {
        (true, false) => {
            let (from, until, cover) = read(new)?;
            i18n::absence_added(entry, &from, &until, cover.as_deref())
        }
        (false, true) => {
            let (from, until, _) = read(old)?;
            i18n::absence_removed(entry, &from, &until)
        }
        _ => return None,
    };
    Some(said.get(lang).to_string())
}

/// Every change from `old` to `new`: the office's fields, then people (by id), cities (by name)
/// and topics (by German name) removed, added or changed.
pub fn changes(old: &DirectoryData, new: &DirectoryData) -> Vec<Change> {
    let DirectoryData {
        office: old_office,
        people: old_people,
        cities: old_cities,
        topics: old_topics,
        absences: old_absences,
    } = old;
    let DirectoryData {
        office: new_office,
        people: new_people,
        cities: new_cities,
        topics: new_topics,
        absences: new_absences,
    } = new;
    let mut out = Vec::new();
    office_changes(old_office, new_office, &mut Said::new(Kind::Office, String::new(), &mut out));
    let (old_by_id, new_by_id) = (by_key(old_people, |p| &p.id), by_key(new_people, |p| &p.id));
    let name_of =
        |people: &HashMap<&str, &Person>, id: &str| people.get(id).map_or_else(|| id.to_string(), |p| p.full_name());
    let entry = |kind, name: String, what| Change { kind, entry: name, what };
    for person in old_people.iter().filter(|p| !new_by_id.contains_key(p.id.as_str())) {
        out.push(entry(Kind::Person, person.full_name(), What::Removed));
    }
    for person in new_people {
        match old_by_id.get(person.id.as_str()) {
            None => out.push(entry(Kind::Person, person.full_name(), What::Added)),
            Some(before) => {
                // By name, as a city's contact: a deputy's new name is their own change.
                let deputy = |people: &HashMap<&str, &Person>, id: &Option<String>| {
                    id.as_deref().map(|id| name_of(people, id)).unwrap_or_default()
                };
                let deputies = (before.deputy != person.deputy)
                    .then(|| (deputy(&old_by_id, &before.deputy), deputy(&new_by_id, &person.deputy)));
                person_changes(before, person, deputies, &mut Said::new(Kind::Person, before.full_name(), &mut out));
            }
        }
    }
    let (old_cities_by, new_cities_by) = (by_key(old_cities, |c| &c.name), by_key(new_cities, |c| &c.name));
    for city in old_cities.iter().filter(|c| !new_cities_by.contains_key(c.name.as_str())) {
        out.push(entry(Kind::City, city.name.clone(), What::Removed));
    }
    for city in new_cities {
        match old_cities_by.get(city.name.as_str()) {
            None => out.push(entry(Kind::City, city.name.clone(), What::Added)),
            Some(before) => {
                // Compared by id: a person's new name is their own change, not each city's.
                let contacts = (before.contact != city.contact)
                    .then(|| (name_of(&old_by_id, &before.contact), name_of(&new_by_id, &city.contact)));
                city_changes(before, city, contacts, &mut Said::new(Kind::City, city.name.clone(), &mut out));
            }
        }
    }
    let (old_topics_by, new_topics_by) = (by_key(old_topics, |t| &t.name.de), by_key(new_topics, |t| &t.name.de));
    for topic in old_topics.iter().filter(|t| !new_topics_by.contains_key(t.name.de.as_str())) {
        out.push(entry(Kind::Topic, topic.name.de.clone(), What::Removed));
    }
    for topic in new_topics {
        match old_topics_by.get(topic.name.de.as_str()) {
            None => out.push(entry(Kind::Topic, topic.name.de.clone(), What::Added)),
            Some(before) => {
                // A topic without a contact is answered by the office, written as an empty value.
                let contact = |people: &HashMap<&str, &Person>, id: &Option<String>| {
                    id.as_deref().map(|id| name_of(people, id)).unwrap_or_default()
                };
                let contacts = (before.contact != topic.contact)
                    .then(|| (contact(&old_by_id, &before.contact), contact(&new_by_id, &topic.contact)));
                let said = &mut Said::new(Kind::Topic, topic.name.de.clone(), &mut out);
                topic_changes(before, topic, contacts, said);
            }
        }
    }
    absence_changes((old_absences, &old_by_id), (new_absences, &new_by_id), &mut out);
    out
}

/// Absences removed, then added, each a change of its person's `absence` field (an absence
/// whose dates or cover changed is both): the dates as `2026-12-01 – 2026-12-04` and the cover
/// by name, so that the change log's record is the same in either language.
fn absence_changes(
    (old, old_people): (&[Absence], &HashMap<&str, &Person>),
    (new, new_people): (&[Absence], &HashMap<&str, &Person>),
    out: &mut Vec<Change>,
) {
    let name_of =
        |people: &HashMap<&str, &Person>, id: &str| people.get(id).map_or_else(|| id.to_string(), |p| p.full_name());
    let day = |text: &str| date::parse(text).map_or_else(|_| text.to_string(), |d| d.format("%Y-%m-%d").to_string());
    let written = |absence: &Absence, people: &HashMap<&str, &Person>| {
        // `person`: the change's entry: the person who is away.
        let Absence { person: _, from, until, cover } = absence;
        let span = format!("{} – {}", day(from), day(until));
        match cover {
            Some(cover) => format!("{span}, {}", name_of(people, cover)),
            None => span,
        }
    };
    for absence in old.iter().filter(|a| !new.contains(a)) {
        let entry = name_of(old_people, &absence.person);
        let what = What::Field { field: "absence".into(), old: written(absence, old_people), new: String::new() };
        out.push(Change { kind: Kind::Person, entry, what });
    }
    for absence in new.iter().filter(|a| !old.contains(a)) {
        let entry = name_of(new_people, &absence.person);
        let what = What::Field { field: "absence".into(), old: String::new(), new: written(absence, new_people) };
        out.push(Change { kind: Kind::Person, entry, what });
    }
}

/// The entries of `items` by `key`; the first of any two with the same key (validation refuses those).
fn by_key<'a, T>(items: &'a [T], key: impl Fn(&'a T) -> &'a String) -> HashMap<&'a str, &'a T> {
    let mut map = HashMap::with_capacity(items.len());
    for item in items {
        map.entry(key(item).as_str()).or_insert(item);
    }
    map
}

/// A topic's changes; `contacts` are who answers for it before and after, by name, where that changed.
fn topic_changes(old: &Topic, new: &Topic, contacts: Option<(String, String)>, said: &mut Said) {
    // `contact`: in `contacts`, by name: an id alone says little.
    let Topic { name, aliases, summary, contact: _, note } = new;
    said.text("name.en", &old.name.en, &name.en);
    said.list("aliases", &old.aliases, aliases);
    said.text("summary.de", &old.summary.de, &summary.de);
    said.text("summary.en", &old.summary.en, &summary.en);
    if let Some((old_contact, new_contact)) = contacts {
        said.text("contact", &old_contact, &new_contact);
    }
    said.text("note.de", &old.note.de, &note.de);
    said.text("note.en", &old.note.en, &note.en);
}

const PERSON: Bilingual<&str> = Bilingual { de: "Person", en: "person" };
const CITY: Bilingual<&str> = Bilingual { de: "Partnerstadt", en: "partner city" };
const TOPIC: Bilingual<&str> = Bilingual { de: "Thema", en: "topic" };

/// Collects the field changes of one entry.
struct Said<'a> {
    kind: Kind,
    entry: String,
    out: &'a mut Vec<Change>,
}

impl<'a> Said<'a> {
    fn new(kind: Kind, entry: String, out: &'a mut Vec<Change>) -> Self {
        Said { kind, entry, out }
    }

    fn text(&mut self, field: &str, old: &str, new: &str) {
        if old != new {
            let what = What::Field { field: field.into(), old: old.into(), new: new.into() };
            self.out.push(Change { kind: self.kind, entry: self.entry.clone(), what });
        }
    }

    fn optional(&mut self, field: &str, old: &Option<String>, new: &Option<String>) {
        self.text(field, old.as_deref().unwrap_or(""), new.as_deref().unwrap_or(""));
    }

    fn list(&mut self, field: &str, old: &[String], new: &[String]) {
        self.text(field, &old.join(", "), &new.join(", "));
    }
}

fn office_changes(old: &Office, new: &Office, said: &mut Said) {
    let Office { name, department, visiting_address, postal_address, transit_stop, email, fax, head } = new;
    said.text("name", &old.name, name);
    said.text("department", &old.department, department);
    address_changes("visiting_address", &old.visiting_address, visiting_address, said);
    address_changes("postal_address", &old.postal_address, postal_address, said);
    said.text("transit_stop", &old.transit_stop, transit_stop);
    said.text("email", &old.email, email);
    said.text("fax", &old.fax, fax);
    said.text("head", &old.head, head);
}

fn address_changes(field: &str, old: &Address, new: &Address, said: &mut Said) {
    let Address { building, street, postcode, city } = new;
    said.optional(&format!("{field}.building"), &old.building, building);
    said.text(&format!("{field}.street"), &old.street, street);
    said.text(&format!("{field}.postcode"), &old.postcode, postcode);
    said.text(&format!("{field}.city"), &old.city, city);
}

/// A person's changes; `deputies` are the old and new deputy by name, where that changed.
fn person_changes(old: &Person, new: &Person, deputies: Option<(String, String)>, said: &mut Said) {
    // `id`: the key people are matched by: a new id is a person removed and one added.
    // `deputy`: in `deputies`, by name: an id alone says little.
    let Person { id: _, given_name, family_name, role, role_en, phone, fax, email, deputy: _ } = new;
    said.text("given_name", &old.given_name, given_name);
    said.text("family_name", &old.family_name, family_name);
    said.text("role", &old.role, role);
    said.optional("role_en", &old.role_en, role_en);
    said.text("phone", &old.phone, phone);
    said.text("fax", &old.fax, fax);
    said.text("email", &old.email, email);
    if let Some((old_deputy, new_deputy)) = deputies {
        said.text("deputy", &old_deputy, &new_deputy);
    }
}

/// A city's changes; `contacts` are the old and new contact by name, where that changed.
fn city_changes(old: &City, new: &City, contacts: Option<(String, String)>, said: &mut Said) {
    // `name`: the key cities are matched by: a new name is a city removed and one added.
    // `contact`: in `contacts`, by name: an id alone says little.
    let City { name: _, native, german, aliases, country, region, since, contact: _, note } = new;
    said.optional("native", &old.native, native);
    said.optional("german", &old.german, german);
    said.list("aliases", &old.aliases, aliases);
    let Country { code, de, en, aliases: country_aliases, adjectives } = country;
    said.text("country.code", &old.country.code, code);
    said.text("country.de", &old.country.de, de);
    said.text("country.en", &old.country.en, en);
    said.list("country.aliases", &old.country.aliases, country_aliases);
    said.list("country.adjectives", &old.country.adjectives, adjectives);
    said.text("region", &old.region, region);
    said.text("since", &old.since.to_string(), &since.to_string());
    if let Some((old_contact, new_contact)) = contacts {
        said.text("contact", &old_contact, &new_contact);
    }
    let Bilingual { de: note_de, en: note_en } = note;
    said.text("note.de", &old.note.de, note_de);
    said.text("note.en", &old.note.en, note_en);
}

#[cfg(test)]
mod tests;
