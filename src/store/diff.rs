//! What changed between two directories, in words: `Trondheim: contact Jessica Otto → Julia Kuz`.
//!
//! Every struct is taken apart field by field, so that a new field in the model fails to compile
//! here until its change is put into words too.

use crate::directory::date;
use crate::directory::{Absence, Address, City, Country, DirectoryData, Office, Person, Topic};
use crate::i18n::{self, Bilingual, Lang};

/// Every change from `old` to `new`, one line each, in `lang`: the office's fields, then people
/// (by id) and cities (by name) removed, added or changed.
pub fn changes(old: &DirectoryData, new: &DirectoryData, lang: Lang) -> Vec<String> {
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
    let office = lang.text().office;
    office_changes(old_office, new_office, &mut Said { owner: office.to_string(), out: &mut out });
    let name_of = |people: &[Person], id: &str| {
        people.iter().find(|p| p.id == id).map_or_else(|| id.to_string(), Person::full_name)
    };
    for person in old_people.iter().filter(|p| !new_people.iter().any(|n| n.id == p.id)) {
        out.push(i18n::removed(&person.full_name(), PERSON).get(lang).to_string());
    }
    for person in new_people {
        match old_people.iter().find(|p| p.id == person.id) {
            None => out.push(i18n::added(&person.full_name(), PERSON).get(lang).to_string()),
            Some(before) => person_changes(before, person, &mut Said { owner: before.full_name(), out: &mut out }),
        }
    }
    for city in old_cities.iter().filter(|c| !new_cities.iter().any(|n| n.name == c.name)) {
        out.push(i18n::removed(&city.name, CITY).get(lang).to_string());
    }
    for city in new_cities {
        match old_cities.iter().find(|c| c.name == city.name) {
            None => out.push(i18n::added(&city.name, CITY).get(lang).to_string()),
            Some(before) => {
                let contacts = (name_of(old_people, &before.contact), name_of(new_people, &city.contact));
                city_changes(before, city, contacts, &mut Said { owner: city.name.clone(), out: &mut out });
            }
        }
    }
    for topic in old_topics.iter().filter(|t| !new_topics.iter().any(|n| n.name.de == t.name.de)) {
        out.push(i18n::removed(&topic.name.de, TOPIC).get(lang).to_string());
    }
    for topic in new_topics {
        match old_topics.iter().find(|t| t.name.de == topic.name.de) {
            None => out.push(i18n::added(&topic.name.de, TOPIC).get(lang).to_string()),
            Some(before) => {
                let contact = |people: &[Person], id: &Option<String>| match id {
                    Some(id) => name_of(people, id),
                    None => office.to_string(),
                };
                let contacts = (contact(old_people, &before.contact), contact(new_people, &topic.contact));
                topic_changes(before, topic, contacts, &mut Said { owner: topic.name.de.clone(), out: &mut out });
            }
        }
    }
    absence_changes((old_absences, old_people), (new_absences, new_people), lang, &mut out);
    out
}

/// Absences removed, then added; an absence whose dates or cover changed is both.
fn absence_changes(
    (old, old_people): (&[Absence], &[Person]),
    (new, new_people): (&[Absence], &[Person]),
    lang: Lang,
    out: &mut Vec<String>,
) {
    let name_of = |people: &[Person], id: &str| {
        people.iter().find(|p| p.id == id).map_or_else(|| id.to_string(), Person::full_name)
    };
    let day =
        |text: &str| crate::directory::date::parse(text).map_or_else(|_| text.to_string(), |d| date::long(d, lang));
    for absence in old.iter().filter(|a| !new.contains(a)) {
        let Absence { person, from, until, cover: _ } = absence;
        let said = i18n::absence_removed(&name_of(old_people, person), &day(from), &day(until));
        out.push(said.get(lang).to_string());
    }
    for absence in new.iter().filter(|a| !old.contains(a)) {
        let Absence { person, from, until, cover } = absence;
        let cover = cover.as_deref().map(|id| name_of(new_people, id));
        let said = i18n::absence_added(&name_of(new_people, person), &day(from), &day(until), cover.as_deref());
        out.push(said.get(lang).to_string());
    }
}

/// A topic's changes; `contacts` are who answers for it before and after, by name.
fn topic_changes(old: &Topic, new: &Topic, contacts: (String, String), said: &mut Said) {
    let Topic { name, aliases, summary, contact: _, note } = new;
    said.text("name.en", &old.name.en, &name.en);
    said.list("aliases", &old.aliases, aliases);
    said.text("summary.de", &old.summary.de, &summary.de);
    said.text("summary.en", &old.summary.en, &summary.en);
    said.text("contact", &contacts.0, &contacts.1);
    said.text("note.de", &old.note.de, &note.de);
    said.text("note.en", &old.note.en, &note.en);
}

const PERSON: Bilingual<&str> = Bilingual { de: "Person", en: "person" };
const CITY: Bilingual<&str> = Bilingual { de: "Partnerstadt", en: "partner city" };
const TOPIC: Bilingual<&str> = Bilingual { de: "Thema", en: "topic" };

/// Collects `owner: field old → new` lines.
struct Said<'a> {
    owner: String,
    out: &'a mut Vec<String>,
}

impl Said<'_> {
    fn text(&mut self, field: &str, old: &str, new: &str) {
        if old != new {
            let shown = |v: &str| if v.is_empty() { "—".to_string() } else { v.to_string() };
            self.out.push(format!("{}: {field} {} → {}", self.owner, shown(old), shown(new)));
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

fn person_changes(old: &Person, new: &Person, said: &mut Said) {
    let Person { id: _, given_name, family_name, role, role_en, phone, fax, email, deputy } = new;
    said.text("given_name", &old.given_name, given_name);
    said.text("family_name", &old.family_name, family_name);
    said.text("role", &old.role, role);
    said.optional("role_en", &old.role_en, role_en);
    said.text("phone", &old.phone, phone);
    said.text("fax", &old.fax, fax);
    said.text("email", &old.email, email);
    said.optional("deputy", &old.deputy, deputy);
}

/// A city's changes; `contacts` are the old and new contact by name.
fn city_changes(old: &City, new: &City, contacts: (String, String), said: &mut Said) {
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
    said.text("contact", &contacts.0, &contacts.1);
    let Bilingual { de: note_de, en: note_en } = note;
    said.text("note.de", &old.note.de, note_de);
    said.text("note.en", &old.note.en, note_en);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{EMBEDDED, Source, parse};

    fn data(text: &str) -> DirectoryData {
        parse(text, Source::Embedded, 2026).unwrap().data().clone()
    }

    #[test]
    fn a_reassignment_and_a_new_number_in_words() {
        let old = data(EMBEDDED);
        let mut new = old.clone();
        let trondheim = new.cities.iter_mut().find(|c| c.name == "Trondheim").unwrap();
        trondheim.contact = "kuz".into();
        let otto = new.people.iter_mut().find(|p| p.id == "otto").unwrap();
        otto.phone = "(06151) 13-2329".into();
        assert_eq!(
            changes(&old, &new, Lang::En),
            ["Jessica Otto: phone (06151) 13-2323 → (06151) 13-2329", "Trondheim: contact Jessica Otto → Julia Kuz"]
        );
        assert!(changes(&old, &old, Lang::En).is_empty());
    }

    #[test]
    fn added_and_removed_entries_and_office_fields() {
        let old = data(EMBEDDED);
        let mut new = old.clone();
        new.cities.retain(|c| c.name != "Graz");
        new.office.transit_stop = "Schloss".into();
        let said = changes(&old, &new, Lang::De);
        assert_eq!(said, ["Amt: transit_stop Luisenplatz → Schloss", "Graz: Partnerstadt entfernt"]);
        assert_eq!(changes(&old, &new, Lang::En)[0], "Office: transit_stop Luisenplatz → Schloss");
        assert_eq!(changes(&new, &old, Lang::En)[1], "Graz: partner city added");
    }
}
