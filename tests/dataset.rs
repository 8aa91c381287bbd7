//! The embedded dataset against its two sources, kept in `data/sources/`: the facts table for city
//! facts and the office's page for people and who handles which city.

mod common;

use common::csv_rows;
use partnerdesk::directory::{self, Directory, Source};

const FACTS: &str = include_str!("../data/sources/partner-cities-facts.csv");
const OFFICE_PAGE: &str = include_str!("../data/sources/office-page.txt");

fn embedded() -> Directory {
    directory::load(&Source::Embedded, 2026).expect("embedded data is valid")
}

#[test]
fn holds_exactly_the_seventeen_cities_with_the_facts_tables_values() {
    let dir = embedded();
    let facts = csv_rows(FACTS, "\n");
    assert_eq!(facts.len(), 17);
    assert_eq!(dir.cities().len(), 17);
    for row in &facts {
        let name = &row["city_darmstadt_spelling"];
        let city = dir.cities().iter().find(|c| &c.name == name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(city.since.to_string(), row["since"], "{name}: year");
        assert_eq!(city.country.code, row["iso2"], "{name}: country code");
        assert_eq!(city.country.de, row["country_de"], "{name}: country (de)");
        assert_eq!(city.country.en, row["country_en"], "{name}: country (en)");
        assert_eq!(city.region, row["region"], "{name}: region");
        let differs = |v: &String| (v != name).then(|| v.clone());
        assert_eq!(city.native, differs(&row["native"]), "{name}: native spelling");
        // The table's German name may carry notes, "Gyönk (German: Jink)", "Bursa (hist. Brussa)":
        // the data keeps the German name alone, and the historic forms in the note.
        let (german, remark) = match row["german_name"].split_once(" (") {
            Some((base, rest)) => (base.to_string(), Some(rest.trim_end_matches(')').to_string())),
            None => (row["german_name"].clone(), None),
        };
        let german = match remark.as_deref().and_then(|r| r.strip_prefix("German: ")) {
            Some(german) => german.to_string(),
            None => german,
        };
        assert_eq!(city.german, differs(&german), "{name}: German name");
        if let Some(historic) = remark.filter(|r| r.starts_with("hist. ")) {
            assert!(
                city.note.en.contains(&historic) && city.note.de.contains(&historic),
                "{name}: note has {historic:?}"
            );
        }
        assert!(city.note.en.starts_with(row["earlier_relation"].as_str()), "{name}: the note keeps the table's words");
        assert_eq!(city.note.de.is_empty(), city.note.en.is_empty(), "{name}: a note in both languages");
        let aliases: Vec<String> =
            row["aliases"].split("; ").filter(|a| !a.is_empty() && !a.starts_with("NOT ")).map(str::to_owned).collect();
        assert_eq!(city.aliases, aliases, "{name}: aliases");
    }
}

/// The office page's blocks: "Family, Given", a role line, then Telefon/Fax/E-Mail lines.
struct PageEntry {
    family: String,
    given: String,
    role: String,
    phone: String,
    fax: String,
    email: String,
}

fn page_entries() -> Vec<PageEntry> {
    let lines: Vec<&str> = OFFICE_PAGE.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut entries = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(phone) = line.strip_prefix("Telefon ") else { continue };
        let (family, given) = lines[i - 2].split_once(", ").expect("name line");
        let value = |prefix: &str| {
            lines[i..].iter().find_map(|l| l.strip_prefix(prefix)).expect(prefix).split("E-Mail").next().unwrap()
        };
        entries.push(PageEntry {
            family: family.into(),
            given: given.into(),
            role: lines[i - 1].into(),
            phone: phone.into(),
            fax: value("Fax ").into(),
            email: value("E-Mail ").into(),
        });
    }
    entries
}

#[test]
fn people_match_the_office_page() {
    let dir = embedded();
    let entries = page_entries();
    assert_eq!(entries.len(), 6);
    assert_eq!(dir.people().len(), 6);
    for entry in &entries {
        let person = dir.people().iter().find(|p| p.family_name == entry.family).expect(&entry.family);
        assert_eq!(person.given_name, entry.given);
        assert_eq!(person.phone, entry.phone, "{}: phone", entry.family);
        assert_eq!(person.fax, entry.fax, "{}: fax", entry.family);
        assert_eq!(person.email, entry.email, "{}: email", entry.family);
        let role = entry.role.split(':').next().unwrap();
        assert_eq!(person.role, role, "{}: role", entry.family);
    }
    assert_eq!(dir.head().family_name, "Sacaliuc");
}

#[test]
fn every_citys_contact_is_the_person_the_office_page_names() {
    let dir = embedded();
    let mut assigned = 0;
    for entry in page_entries() {
        let Some(list) = entry.role.strip_prefix("Partnerstädte: ") else { continue };
        for name in list.split(", ") {
            let index = dir.cities().iter().position(|c| c.name == name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(dir.contact_of(index).family_name, entry.family, "{name}");
            assigned += 1;
        }
    }
    assert_eq!(assigned, 17, "the page assigns every city once");
}

#[test]
fn office_matches_the_page() {
    let dir = embedded();
    let office = dir.office();
    // The page separates postcode and city with a no-break space.
    let page = OFFICE_PAGE.replace('\u{a0}', " ");
    for text in [
        office.name.as_str(),
        &office.department,
        &office.visiting_address.street,
        &office.postal_address.street,
        &office.email,
    ] {
        assert!(page.contains(text), "{text:?} is not on the page");
    }
    for address in [&office.visiting_address, &office.postal_address] {
        assert!(page.contains(&format!("{} {}", address.postcode, address.city)));
    }
    assert!(page.contains(&format!("ÖPNV {}", office.transit_stop)));
    assert!(page.contains(&format!("Fax {}", office.fax)));
}

/// The page's text with every run of white space one space, for comparing sentences.
fn page_text() -> String {
    OFFICE_PAGE.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn topics_cover_the_pages_sections_in_its_own_words() {
    let dir = embedded();
    let page = page_text();
    let names: Vec<&str> = dir.topics().iter().map(|t| t.name.de.as_str()).collect();
    for section in [
        "Städtepartnerschaften",
        "Städtische Projekte",
        "Europawochenende",
        "Netzwerke und Kooperationen",
        "Globales und europäisches",
        "Kommunale Entwicklungspolitik",
        "Fairtrade-Stadt",
        "Europapreisträgerstadt",
        "Freundschaftsplakette",
        "Aktuelles",
    ] {
        assert!(names.contains(&section), "no topic for {section}");
    }
    for topic in dir.topics() {
        assert!(page.contains(&topic.name.de), "{}: not a name the page uses", topic.name.de);
        // The German summary is the page's own wording, sentence by sentence.
        for sentence in topic.summary.de.split_inclusive(". ") {
            assert!(page.contains(sentence.trim()), "{}: {sentence:?} is not on the page", topic.name.de);
        }
        assert!(topic.note.en.contains("translated"), "{}: the English is marked as a translation", topic.name.de);
    }
}

#[test]
fn a_topic_names_only_a_person_the_page_names_for_it() {
    let dir = embedded();
    let entries = page_entries();
    for (i, topic) in dir.topics().iter().enumerate() {
        match dir.topic_contact(i) {
            // The page names a person for a topic by giving it as their role.
            Some(person) => {
                let entry = entries.iter().find(|e| e.family == person.family_name).expect("on the page");
                assert_eq!(
                    entry.role, topic.name.de,
                    "{}: the page names {} for it",
                    topic.name.de, person.family_name
                );
            }
            None => {
                assert!(
                    entries.iter().all(|e| e.role != topic.name.de),
                    "{}: the page names a person for it, the data nobody",
                    topic.name.de
                );
                assert!(topic.note.de.contains("nennt keine Person"), "{}: the note says so", topic.name.de);
                assert!(topic.note.en.contains("names no"), "{}: the note says so", topic.name.de);
            }
        }
    }
    let moumna = dir.topics().iter().position(|t| t.name.de == "Kommunale Entwicklungspolitik").unwrap();
    assert_eq!(dir.topic_contact(moumna).unwrap().family_name, "Moumna");
}
