//! How cities and people are written out by `query` and `list`: one plain line, or a JSON object.

use serde::Serialize;

use crate::directory::Target;
use crate::directory::{City, Directory, Phone};
use crate::i18n::Lang;

/// A city or a person as a JSON object; the same shape for `query --json` and `list --format json`.
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record<'a> {
    /// A partner city.
    City(CityRecord<'a>),
    /// A member of staff.
    Person(PersonRecord<'a>),
}

/// A partner city with its contact.
#[derive(Debug, Serialize)]
pub struct CityRecord<'a> {
    /// Name as the office spells it.
    pub name: &'a str,
    /// True if found only through the typo fallback.
    pub approximate: bool,
    /// Country names and code.
    pub country: &'a crate::directory::Country,
    /// Year the partnership began.
    pub since: i32,
    /// Region, province or state.
    pub region: &'a str,
    /// German name, where it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub german: Option<&'a str>,
    /// Native spelling, where it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub native: Option<&'a str>,
    /// Other names people use.
    pub aliases: &'a [String],
    /// The responsible person.
    pub contact: ContactRecord<'a>,
}

/// The responsible person, as far as a city record needs them.
#[derive(Debug, Serialize)]
pub struct ContactRecord<'a> {
    /// Their id.
    pub id: &'a str,
    /// Full name.
    pub name: String,
    /// Phone as written.
    pub phone: &'a str,
    /// Email address.
    pub email: &'a str,
}

/// A member of staff with the cities they handle.
#[derive(Debug, Serialize)]
pub struct PersonRecord<'a> {
    /// Full name.
    pub name: String,
    /// True if found only through the typo fallback.
    pub approximate: bool,
    /// Stable id.
    pub id: &'a str,
    /// Role as the office page states it.
    pub role: &'a str,
    /// Phone as written.
    pub phone: &'a str,
    /// Phone from abroad, `+49 6151 13-2325`.
    pub phone_international: String,
    /// Internal extension, where the number has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<&'a str>,
    /// Fax as written.
    pub fax: &'a str,
    /// Email address.
    pub email: &'a str,
    /// Names of the partner cities they handle.
    pub cities: Vec<&'a str>,
}

/// The record for `target`.
pub fn record(dir: &Directory, target: Target, approximate: bool) -> Record<'_> {
    match target {
        Target::City(i) => {
            let city = &dir.cities()[i];
            let person = dir.contact_of(i);
            Record::City(CityRecord {
                name: &city.name,
                approximate,
                country: &city.country,
                since: city.since,
                region: &city.region,
                german: city.german.as_deref(),
                native: city.native.as_deref(),
                aliases: &city.aliases,
                contact: ContactRecord {
                    id: &person.id,
                    name: person.full_name(),
                    phone: &person.phone,
                    email: &person.email,
                },
            })
        }
        Target::Person(i) => {
            let person = &dir.people()[i];
            let phone = Phone::parse(&person.phone);
            Record::Person(PersonRecord {
                name: person.full_name(),
                approximate,
                id: &person.id,
                role: &person.role,
                phone: &person.phone,
                phone_international: phone.map(|p| p.international()).unwrap_or_default(),
                extension: phone.and_then(|p| p.extension),
                fax: &person.fax,
                email: &person.email,
                cities: dir.cities_of(i).map(|c: &City| c.name.as_str()).collect(),
            })
        }
    }
}

/// One line with the key facts: city, country, year, contact, phone, email; or a person's role,
/// phone, email and cities. An approximate hit starts with `~ `.
pub fn line(dir: &Directory, target: Target, approximate: bool, lang: Lang) -> String {
    let mark = if approximate { "~ " } else { "" };
    let since = lang.text().since;
    match target {
        Target::City(i) => {
            let city = &dir.cities()[i];
            let person = dir.contact_of(i);
            format!(
                "{mark}{} ({}, {since} {}): {}, {}, {}",
                city.name,
                city.country.name(lang),
                city.since,
                person.full_name(),
                person.phone,
                person.email
            )
        }
        Target::Person(i) => {
            let person = &dir.people()[i];
            let cities: Vec<&str> = dir.cities_of(i).map(|c| c.name.as_str()).collect();
            let cities = if cities.is_empty() { String::new() } else { format!(": {}", cities.join(", ")) };
            format!("{mark}{} ({}), {}, {}{cities}", person.full_name(), person.role, person.phone, person.email)
        }
    }
}
