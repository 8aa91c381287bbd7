//! The changes between two directories, and their words, on the embedded data.

use super::*;
use crate::directory::{EMBEDDED, Source, parse};

fn data(text: &str) -> DirectoryData {
    parse(text, Source::Embedded, 2026).unwrap().data().clone()
}

fn words(changes: &[Change], lang: Lang) -> Vec<String> {
    changes.iter().map(|c| c.words(lang)).collect()
}

#[test]
fn a_deputy_and_an_absence_in_words_in_both_languages() {
    let old = data(EMBEDDED);
    let mut new = old.clone();
    new.people.iter_mut().find(|p| p.id == "otto").unwrap().deputy = Some("kuz".into());
    new.absences.push(Absence {
        person: "schewe".into(),
        from: "01.12.2026".into(),
        until: "2026-12-04".into(),
        cover: Some("kuz".into()),
    });
    let recorded = changes(&old, &new);
    // The log keeps the record the same in either language: dates as ISO, the cover by name.
    assert_eq!(
        recorded[1].what,
        What::Field { field: "absence".into(), old: String::new(), new: "2026-12-01 – 2026-12-04, Julia Kuz".into() }
    );
    assert_eq!(
        words(&recorded, Lang::En),
        ["Jessica Otto: deputy — → Julia Kuz", "Irene Schewe: away 2026-12-01 to 2026-12-04, cover Julia Kuz"]
    );
    assert_eq!(
        words(&recorded, Lang::De),
        [
            "Jessica Otto: Stellvertretung — → Julia Kuz",
            "Irene Schewe: abwesend 01.12.2026 bis 04.12.2026, Vertretung Julia Kuz"
        ]
    );
    assert_eq!(
        words(&changes(&new, &old), Lang::De)[1],
        "Irene Schewe: Abwesenheit 01.12.2026 bis 04.12.2026 entfernt"
    );
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
        words(&changes(&old, &new), Lang::En),
        ["Jessica Otto: phone (06151) 13-2323 → (06151) 13-2329", "Trondheim: contact Jessica Otto → Julia Kuz"]
    );
    assert_eq!(
        words(&changes(&old, &new), Lang::De),
        ["Jessica Otto: Telefon (06151) 13-2323 → (06151) 13-2329", "Trondheim: Zuständig Jessica Otto → Julia Kuz"]
    );
    assert!(changes(&old, &old).is_empty());
    let mut renamed = old.clone();
    renamed.people.iter_mut().find(|p| p.id == "kuz").unwrap().given_name = "Julie".into();
    assert_eq!(words(&changes(&old, &renamed), Lang::En), ["Julia Kuz: given name Julia → Julie"], "not each city");
}

#[test]
fn added_and_removed_entries_and_office_fields() {
    let old = data(EMBEDDED);
    let mut new = old.clone();
    new.cities.retain(|c| c.name != "Graz");
    new.office.transit_stop = "Schloss".into();
    let said = words(&changes(&old, &new), Lang::De);
    assert_eq!(said, ["Amt: Haltestelle Luisenplatz → Schloss", "Graz: Partnerstadt entfernt"]);
    assert_eq!(words(&changes(&old, &new), Lang::En)[0], "Office: transit stop Luisenplatz → Schloss");
    assert_eq!(words(&changes(&new, &old), Lang::En)[1], "Graz: partner city added");
}

#[test]
fn every_field_the_diff_names_has_words_in_both_languages() {
    let old = data(EMBEDDED);
    let mut new = old.clone();
    new.office = crate::directory::Office {
        name: "x".into(),
        department: "x".into(),
        visiting_address: crate::directory::Address {
            building: Some("x".into()),
            street: "x".into(),
            postcode: "x".into(),
            city: "x".into(),
        },
        postal_address: crate::directory::Address {
            building: Some("x".into()),
            street: "x".into(),
            postcode: "x".into(),
            city: "x".into(),
        },
        transit_stop: "x".into(),
        email: "x".into(),
        fax: "x".into(),
        head: "x".into(),
    };
    // Every field written out, so that a new field does not compile here until it changes too,
    // and then fails this test until its key has words.
    for (i, person) in new.people.iter_mut().enumerate() {
        *person = Person {
            id: person.id.clone(), // the key people are matched by
            given_name: "g".into(),
            family_name: format!("f{i}"),
            role: "r".into(),
            role_en: Some("r".into()),
            phone: "p".into(),
            fax: "f".into(),
            email: "e".into(),
            deputy: person.deputy.clone(), // said by name: a valid id is needed
        };
    }
    for city in &mut new.cities {
        *city = City {
            name: city.name.clone(), // the key cities are matched by
            native: Some("n".into()),
            german: Some("g".into()),
            aliases: vec!["a".into()],
            country: Country {
                code: "XX".into(),
                de: "d".into(),
                en: "e".into(),
                aliases: vec!["a".into()],
                adjectives: vec!["a".into()],
            },
            region: "r".into(),
            since: city.since + 1,
            contact: "kuz".into(),
            note: Bilingual { de: "d".into(), en: "e".into() },
        };
    }
    for topic in &mut new.topics {
        topic.name.en = "e".into();
        topic.aliases = vec!["a".into()];
        topic.summary = Bilingual { de: "d".into(), en: "e".into() };
        topic.note = Bilingual { de: "d".into(), en: "e".into() };
        topic.contact = Some("kuz".into());
    }
    for change in changes(&old, &new) {
        if let What::Field { field, .. } = &change.what {
            assert!(i18n::field_label(field).is_some(), "{field} has no words");
        }
    }
}

#[test]
fn a_large_file_is_compared_in_linear_time() {
    // 20,000 cities against themselves: with a search per entry this takes minutes.
    let mut big = data(EMBEDDED);
    let template = big.cities[0].clone();
    big.cities = (0..20_000).map(|i| City { name: format!("City {i}"), ..template.clone() }).collect();
    let mut other = big.clone();
    other.cities[19_999].contact = "kuz".into();
    assert_eq!(changes(&big, &other).len(), usize::from(template.contact != "kuz"));
}
