//! How cities, people, topics and the office are written out by `query` and `list`: one plain line, or a
//! JSON object.

use chrono::NaiveDate;
use serde::Serialize;

use crate::directory::answers::Away;
use crate::directory::{Address, Answer, Answerer, City, Directory, Person, Phone, Target, date};
use crate::i18n::{Bilingual, Lang};

/// How a hit matched, as far as the output shows it: the one place that writes the marks, as
/// JSON's `"approximate"` and `"partial"` (each record flattens it in) and as a line's `~ ` or `+ `.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Marks {
    /// True if found only through the typo fallback.
    pub approximate: bool,
    /// True if only some of the query's terms matched.
    pub partial: bool,
}

impl Marks {
    /// What starts a line: `~ ` for an approximate hit, `+ ` for a partial one, nothing for an exact one.
    pub fn prefix(self) -> &'static str {
        match (self.approximate, self.partial) {
            (true, _) => "~ ",
            (false, true) => "+ ",
            (false, false) => "",
        }
    }
}

impl From<&crate::search::Hit> for Marks {
    fn from(hit: &crate::search::Hit) -> Self {
        Marks { approximate: hit.approximate, partial: hit.partial }
    }
}

/// A city, a person, a topic or the office as a JSON object, as `query --json` gives it (a list
/// gives its rows, from `rows`).
#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Record<'a> {
    /// A partner city.
    City(CityRecord<'a>),
    /// A member of staff.
    Person(PersonRecord<'a>),
    /// The office itself.
    Office(OfficeRecord<'a>),
    /// A topic of the office's page.
    Topic(TopicRecord<'a>),
}

/// A topic, with who answers for it: the person the page names, or else the office's shared
/// mailbox with the head for escalation.
#[derive(Debug, Serialize)]
pub struct TopicRecord<'a> {
    /// Its German name, as the page has it.
    pub name: &'a str,
    /// How it matched: `approximate` and `partial`, written right after the name.
    #[serde(flatten)]
    pub marks: Marks,
    /// Its English name.
    pub name_en: &'a str,
    /// Other words for it.
    pub aliases: &'a [String],
    /// The page's summary in German; the English is a translation.
    pub summary: &'a crate::i18n::Bilingual,
    /// The person the page names for it, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<ContactRecord<'a>>,
    /// Where to write about it: the person's address, else the office's shared mailbox.
    pub email: &'a str,
    /// The head of department, for escalation.
    pub head: HeadRecord<'a>,
    /// Who answers on the day asked about: the contact, a stand-in, or the shared mailbox.
    pub answers_now: AnswerRecord<'a>,
}

/// Who answers on the day asked about (today, or `--on DATE`): the contact while they are in;
/// else the cover of their absence or their deputy, the head, or the shared mailbox, skipping
/// anyone away.
#[derive(Debug, Serialize)]
pub struct AnswerRecord<'a> {
    /// Their id; `null` for the shared mailbox.
    pub id: Option<&'a str>,
    /// Full name, or the department's for the shared mailbox.
    pub name: String,
    /// Phone as written; `null` for the shared mailbox, which has no number.
    pub phone: Option<&'a str>,
    /// Email address.
    pub email: &'a str,
    /// The phone as a `tel:` link.
    pub tel: Option<String>,
    /// Why they answer: `contact`, `cover`, `deputy`, `head` or `office`.
    #[serde(rename = "as")]
    pub why: &'static str,
}

impl<'a> AnswerRecord<'a> {
    /// The record of `answer`.
    pub fn of(answer: Answer<'a>) -> Self {
        let why = answer.why.key();
        match answer.who {
            Answerer::Person(_, person) => AnswerRecord {
                id: Some(&person.id),
                name: person.full_name(),
                phone: Some(&person.phone),
                email: &person.email,
                tel: crate::actions::tel(person),
                why,
            },
            Answerer::Office(office) => AnswerRecord {
                id: None,
                name: office.department.clone(),
                phone: None,
                email: &office.email,
                tel: None,
                why,
            },
        }
    }
}

/// The days of an absence, as the data file keeps them: `2026-12-04`.
#[derive(Debug, Serialize)]
pub struct AwayRecord {
    /// The first day away.
    pub from: String,
    /// The last day away.
    pub until: String,
}

impl From<Away<'_>> for AwayRecord {
    fn from(away: Away<'_>) -> Self {
        AwayRecord { from: date::iso(away.from), until: date::iso(away.until) }
    }
}

/// The office: where it is, how to write to it, and who leads it.
#[derive(Debug, Serialize)]
pub struct OfficeRecord<'a> {
    /// The Amt's name.
    pub name: &'a str,
    /// How it matched: `approximate` and `partial`, written right after the name.
    #[serde(flatten)]
    pub marks: Marks,
    /// The department's name.
    pub department: &'a str,
    /// Where visitors go.
    pub visiting_address: AddressRecord<'a>,
    /// Where letters go.
    pub postal_address: AddressRecord<'a>,
    /// The nearest stop.
    pub transit_stop: &'a str,
    /// The shared mailbox.
    pub email: &'a str,
    /// The shared fax.
    pub fax: &'a str,
    /// The head of department.
    pub head: HeadRecord<'a>,
}

/// An address as JSON gives it.
#[derive(Debug, Serialize)]
pub struct AddressRecord<'a> {
    /// Building, where the address names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub building: Option<&'a str>,
    /// Street and number, or the Postfach.
    pub street: &'a str,
    /// Postcode.
    pub postcode: &'a str,
    /// City.
    pub city: &'a str,
}

impl<'a> From<&'a Address> for AddressRecord<'a> {
    fn from(address: &'a Address) -> Self {
        let Address { building, street, postcode, city } = address;
        AddressRecord { building: building.as_deref(), street, postcode, city }
    }
}

/// The head of department, as the office record names her.
#[derive(Debug, Serialize)]
pub struct HeadRecord<'a> {
    /// Her id.
    pub id: &'a str,
    /// Full name.
    pub name: String,
    /// Phone as written.
    pub phone: &'a str,
}

/// A partner city with its contact.
#[derive(Debug, Serialize)]
pub struct CityRecord<'a> {
    /// Name as the office spells it.
    pub name: &'a str,
    /// How it matched: `approximate` and `partial`, written right after the name.
    #[serde(flatten)]
    pub marks: Marks,
    /// Country names and code.
    pub country: CountryRecord<'a>,
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
    /// Who answers on the day asked about.
    pub answers_now: AnswerRecord<'a>,
}

/// A country as JSON names it: its code and its German and English names.
#[derive(Debug, Serialize)]
pub struct CountryRecord<'a> {
    /// ISO 3166-1 alpha-2.
    pub code: &'a str,
    /// German name.
    pub de: &'a str,
    /// English name.
    pub en: &'a str,
}

impl<'a> From<&'a crate::directory::Country> for CountryRecord<'a> {
    fn from(country: &'a crate::directory::Country) -> Self {
        // `aliases`: for searching: a record names the country.
        // `adjectives`: for searching, as the aliases.
        let crate::directory::Country { code, de, en, aliases: _, adjectives: _ } = country;
        CountryRecord { code, de, en }
    }
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
    /// The phone as a `tel:` link, `tel:+49-6151-13-2324`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tel: Option<String>,
    /// Their absence, while they are away on the day asked about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub away: Option<AwayRecord>,
}

impl<'a> ContactRecord<'a> {
    /// The record of `person`.
    pub fn of(person: &'a crate::directory::Person) -> Self {
        ContactRecord {
            id: &person.id,
            name: person.full_name(),
            phone: &person.phone,
            email: &person.email,
            tel: crate::actions::tel(person),
            away: None,
        }
    }

    /// The record of person number `person`, with their absence on `day` if they are away.
    pub fn on(dir: &'a Directory, person: usize, day: NaiveDate) -> Self {
        ContactRecord { away: dir.away_on(person, day).map(AwayRecord::from), ..Self::of(&dir.people()[person]) }
    }
}

/// A member of staff with the cities they handle.
#[derive(Debug, Serialize)]
pub struct PersonRecord<'a> {
    /// Full name.
    pub name: String,
    /// How it matched: `approximate` and `partial`, written right after the name.
    #[serde(flatten)]
    pub marks: Marks,
    /// Stable id.
    pub id: &'a str,
    /// Role as the office page states it.
    pub role: &'a str,
    /// The role in English, a translation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_en: Option<&'a str>,
    /// Phone as written.
    pub phone: &'a str,
    /// Phone from abroad, `+49 6151 13-2325`.
    pub phone_international: String,
    /// The phone as a `tel:` link, `tel:+49-6151-13-2325`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tel: Option<String>,
    /// Internal extension, where the number has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extension: Option<&'a str>,
    /// Fax as written.
    pub fax: &'a str,
    /// Email address.
    pub email: &'a str,
    /// Names of the partner cities they handle.
    pub cities: Vec<&'a str>,
    /// Id of their standing deputy, if they have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deputy: Option<&'a str>,
    /// Their absence, while they are away on the day asked about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub away: Option<AwayRecord>,
    /// Who answers for them on the day asked about: themselves while they are in.
    pub answers_now: AnswerRecord<'a>,
}

/// The record for `target`, with who answers on `day`.
pub fn record(dir: &Directory, target: Target, marks: Marks, day: NaiveDate) -> Record<'_> {
    match target {
        // Each entry is taken apart in full: a new field does not compile until the record has it
        // or leaves it out (`_`).
        Target::City(i) => {
            // `contact`: the record's `contact`, through `contact_index`: the person, not the id alone.
            // `note`: where the fact comes from, for the data's keepers, not for a caller.
            let City { name, native, german, aliases, country, region, since, contact: _, note: _ } = &dir.cities()[i];
            Record::City(CityRecord {
                name,
                marks,
                country: country.into(),
                since: *since,
                region,
                german: german.as_deref(),
                native: native.as_deref(),
                aliases,
                contact: ContactRecord::on(dir, dir.contact_index(i), day),
                answers_now: AnswerRecord::of(dir.answers_for_city(i, day)),
            })
        }
        Target::Person(i) => {
            let person = &dir.people()[i];
            let crate::directory::Person {
                id,
                given_name: _,  // `name`, through `full_name`
                family_name: _, // `name`, through `full_name`
                role,
                role_en,
                phone,
                fax,
                email,
                deputy,
            } = person;
            let parsed = Phone::parse(phone);
            Record::Person(PersonRecord {
                name: person.full_name(),
                marks,
                id,
                role,
                role_en: role_en.as_deref(),
                phone,
                phone_international: parsed.map(|p| p.international()).unwrap_or_default(),
                tel: parsed.map(|p| p.tel_uri()),
                extension: parsed.and_then(|p| p.extension),
                fax,
                email,
                cities: dir.cities_of(i).map(|c: &City| c.name.as_str()).collect(),
                deputy: deputy.as_deref(),
                away: dir.away_on(i, day).map(AwayRecord::from),
                answers_now: AnswerRecord::of(dir.answers(Some(i), day)),
            })
        }
        Target::Office => {
            let crate::directory::Office {
                name,
                department,
                visiting_address,
                postal_address,
                transit_stop,
                email,
                fax,
                head: _, // `head`, through `head()`: the person, not the id alone
            } = dir.office();
            let head = dir.head();
            Record::Office(OfficeRecord {
                name,
                marks,
                department,
                visiting_address: visiting_address.into(),
                postal_address: postal_address.into(),
                transit_stop,
                email,
                fax,
                head: HeadRecord { id: &head.id, name: head.full_name(), phone: &head.phone },
            })
        }
        Target::Topic(i) => {
            // `contact`: the record's `contact` and `email`, through `topic_contact`: the person, or the mailbox.
            // `note`: as a city's note.
            let crate::directory::Topic { name, aliases, summary, contact: _, note: _ } = &dir.topics()[i];
            let contact = dir.topic_contact(i);
            let head = dir.head();
            Record::Topic(TopicRecord {
                name: &name.de,
                marks,
                name_en: &name.en,
                aliases,
                summary,
                email: contact.map_or(&dir.office().email, |p| &p.email),
                contact: dir.topic_contact_index(i).map(|p| ContactRecord::on(dir, p, day)),
                head: HeadRecord { id: &head.id, name: head.full_name(), phone: &head.phone },
                answers_now: AnswerRecord::of(dir.answers_for_topic(i, day)),
            })
        }
    }
}

/// A city in one line, then who to reach: `Płock (Polen, seit 1988): Irene Schewe, (06151) 13-2324, …`.
/// The one format of a city's line, for `query` and `anniversaries`.
pub fn city_line(city: &City, reach: &str, lang: Lang) -> String {
    let country = Bilingual { de: city.country.de.as_str(), en: city.country.en.as_str() };
    format!("{}: {reach}", crate::i18n::city_in_a_line(&city.name, country, city.since).get(lang))
}

/// A person's name, phone and email, as a line gives them: `Julia Kuz, (06151) 13-2325, j.kuz@…`.
pub fn person_reach(person: &Person) -> String {
    format!("{}, {}, {}", person.full_name(), person.phone, person.email)
}

/// Who to reach, in a line: `Julia Kuz, (06151) 13-2325, …` while the contact is in, else
/// `Irene Schewe (abwesend bis 04.12.), Vertretung Julia Kuz, (06151) 13-2325, …`.
fn reach(answer: Answer, contact: &str, day: NaiveDate, lang: Lang) -> String {
    let said = match answer.who {
        Answerer::Person(_, person) => person_reach(person),
        Answerer::Office(office) => format!("{}, {}", office.department, office.email),
    };
    match answer.away {
        None => said,
        Some(away) => {
            let until = date::short(away.until, day, lang);
            crate::i18n::away_and_stand_in(contact, &until, answer.why.stand_in_word(), &said).get(lang).to_string()
        }
    }
}

/// One line with the key facts: city, country, year, contact, phone, email; a person's role,
/// phone, email and cities; the office's addresses, email, fax and head. An approximate hit starts
/// with `~ `, a partial one with `+ `. While a contact is away on `day`, the line names their
/// absence and who answers instead.
pub fn line(dir: &Directory, target: Target, marks: Marks, lang: Lang, day: NaiveDate) -> String {
    let mark = marks.prefix();
    match target {
        Target::City(i) => {
            let person = dir.contact_of(i);
            let reach = reach(dir.answers_for_city(i, day), &person.full_name(), day, lang);
            format!("{mark}{}", city_line(&dir.cities()[i], &reach, lang))
        }
        Target::Person(i) => {
            let person = &dir.people()[i];
            let cities: Vec<&str> = dir.cities_of(i).map(|c| c.name.as_str()).collect();
            let cities = if cities.is_empty() { String::new() } else { format!(": {}", cities.join(", ")) };
            let role = person.role_in(lang);
            let answer = dir.answers(Some(i), day);
            match answer.away {
                None => format!("{mark}{} ({role}), {}, {}{cities}", person.full_name(), person.phone, person.email),
                Some(_) => {
                    let reach = reach(answer, &format!("{} ({role})", person.full_name()), day, lang);
                    format!("{mark}{reach}{cities}")
                }
            }
        }
        Target::Topic(i) => {
            let (topic, text) = (&dir.topics()[i], lang.text());
            let name = topic.name.get(lang);
            match dir.topic_contact(i) {
                Some(person) => {
                    let reach = reach(dir.answers_for_topic(i, day), &person.full_name(), day, lang);
                    format!("{mark}{name} ({}): {reach}", text.topic)
                }
                None => {
                    let (office, head) = (dir.office(), dir.head());
                    format!(
                        "{mark}{name} ({}): {}, {}; {}: {}, {}",
                        text.topic,
                        office.department,
                        office.email,
                        text.escalation,
                        head.full_name(),
                        head.phone
                    )
                }
            }
        }
        Target::Office => {
            let (office, head, text) = (dir.office(), dir.head(), lang.text());
            let address = |a: &Address| format!("{}, {} {}", a.street, a.postcode, a.city);
            format!(
                "{mark}{} ({}): {}; {}; {}, {} {}; {}: {}, {}",
                office.department,
                office.name,
                address(&office.visiting_address),
                address(&office.postal_address),
                office.email,
                text.fax,
                office.fax,
                text.escalation,
                head.full_name(),
                head.phone
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{self, Source};

    fn dir() -> Directory {
        directory::load(&Source::Embedded, 2026).unwrap()
    }

    #[test]
    fn a_city_line_names_the_city_its_country_and_year_then_who_to_reach() {
        let dir = dir();
        let plock = dir.cities().iter().find(|c| c.name == "Płock").unwrap();
        assert_eq!(city_line(plock, "X", Lang::De), "Płock (Polen, seit 1988): X");
        assert_eq!(city_line(plock, "X", Lang::En), "Płock (Poland, since 1988): X");
    }

    #[test]
    fn the_marks_are_written_once_for_json_and_for_a_line() {
        let exact = Marks::default();
        let approximate = Marks { approximate: true, partial: true };
        let partial = Marks { approximate: false, partial: true };
        assert_eq!((exact.prefix(), approximate.prefix(), partial.prefix()), ("", "~ ", "+ "));
        let dir = dir();
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let targets = [Target::City(0), Target::Person(0), Target::Office, Target::Topic(0)];
        for target in targets {
            let json = serde_json::to_value(record(&dir, target, partial, day)).unwrap();
            assert_eq!((&json["approximate"], &json["partial"]), (&false.into(), &true.into()), "{target:?}");
            assert!(line(&dir, target, partial, Lang::En, day).starts_with("+ "), "{target:?}");
        }
    }
}
