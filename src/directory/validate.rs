//! The rules a data file must follow. Every broken rule is reported, not just the first.

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use super::error::Problem;
use crate::i18n::{self, Bilingual};

use super::date::{self, DateProblem};
use super::locate::Locator;
use super::model::{Absence, Address, City, Country, DirectoryData, Note, Office, Person, Topic};
use super::phone::{PHONE_FORM, PHONE_FORM_DE, Phone};

/// The first year a partnership may have begun.
pub const FIRST_YEAR: i32 = 1945;

/// Checks `data` (parsed from `text`) and returns every problem, each placed on a line where possible.
pub fn problems(data: &DirectoryData, text: &str, current_year: i32) -> Vec<Problem> {
    let mut check = Checker { text, locator: OnceCell::new(), problems: Vec::new() };
    check.office(data);
    check.people(&data.people);
    check.cities(&data.cities, &data.people, current_year);
    check.topics(&data.topics, &data.people);
    check.deputies(&data.people);
    check.absences(&data.absences, &data.people);
    check.texts(data);
    check.problems.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
    check.problems
}

/// How many problems are placed on a line; the rest are listed without one.
const LOCATED_PROBLEMS: usize = 200;

/// Where an entry starts: the `nth` line holding `field: "value"`; found only when needed.
struct Anchor<'a> {
    field: &'static str,
    value: &'a str,
    nth: usize,
}

struct Checker<'t> {
    text: &'t str,
    /// Built on the first problem to place: a valid file never pays for it.
    locator: OnceCell<Locator<'t>>,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn office(&mut self, data: &DirectoryData) {
        let office = &data.office;
        let top = None;
        self.not_empty(Owner::Office, top, "name", &office.name);
        self.not_empty(Owner::Office, top, "department", &office.department);
        self.email(Owner::Office, top, &office.email);
        self.phone(Owner::Office, top, "fax", &office.fax);
        for address in [&office.visiting_address, &office.postal_address] {
            let ok = address.postcode.len() == 5 && address.postcode.bytes().all(|b| b.is_ascii_digit());
            if !ok {
                let message = i18n::postcode(&Owner::Office.names(), &address.postcode);
                self.report_from(top, "postcode", &address.postcode, message);
            }
        }
        if !data.people.iter().any(|p| p.id == office.head) {
            let ids = valid_ids(&data.people);
            let message = i18n::names_no_person(&Owner::Office.names(), "head", &office.head, &ids);
            self.report_from(top, "head", &office.head, message);
        }
    }

    fn people(&mut self, people: &[Person]) {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for person in people {
            // Each field's own rule, beyond the text checks every field has (`for_each_text`): a new
            // field does not compile until it has one here or a reason why those checks suffice.
            let Person {
                id: _,          // lower-case letters, digits and `-`, once in the file (below)
                given_name: _,  // not empty (below)
                family_name: _, // not empty (below)
                role: _,        // not empty (below)
                role_en: _,     // any text: a translation, where there is one
                phone: _,       // a phone number of the page's form (below)
                fax: _,         // a phone number of the page's form (below)
                email: _,       // an email address (below)
                deputy: _,      // names another person, not themselves: `deputies`
            } = person;
            let nth = *seen.get(person.id.as_str()).unwrap_or(&0);
            seen.insert(&person.id, nth + 1);
            // Problems inside this person are placed at or after the line of their id.
            let from = Anchor { field: "id", value: &person.id, nth };
            let who = Owner::Person(&person.id);
            if nth >= 1 {
                let message = i18n::duplicate_id(&who.names());
                self.report_from(Some(&from), "id", &person.id, message);
            }
            let id_ok = !person.id.is_empty()
                && person.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !id_ok {
                let message = i18n::bad_id(&who.names());
                self.report_from(Some(&from), "id", &person.id, message);
            }
            for (field, value) in
                [("given_name", &person.given_name), ("family_name", &person.family_name), ("role", &person.role)]
            {
                self.not_empty(who, Some(&from), field, value);
            }
            self.phone(who, Some(&from), "phone", &person.phone);
            self.phone(who, Some(&from), "fax", &person.fax);
            self.email(who, Some(&from), &person.email);
        }
    }

    fn cities(&mut self, cities: &[City], people: &[Person], current_year: i32) {
        let ids: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for city in cities {
            // Each field's own rule, beyond the text checks every field has (`for_each_text`): a new
            // field does not compile until it has one here or a reason why those checks suffice.
            let City {
                name: _,    // not empty, once in the file (below)
                native: _,  // any text: the native spelling
                german: _,  // any text: the German name
                aliases: _, // none empty (below)
                country: _, // a two-letter code, both names, no empty alias or adjective (below)
                region: _,  // any text, as the page has it
                since: _,   // a year from `FIRST_YEAR` to this year (below)
                contact: _, // names a person (below)
                note: _,    // any text: a source note
            } = city;
            // "Płock" typed on two keyboards (composed or not), or with a stray space, is one city.
            let key = city.name.trim().nfc().collect::<String>().to_lowercase();
            let nth = *seen.get(&key).unwrap_or(&0);
            seen.insert(key, nth + 1);
            // Problems inside this city are placed at or after the line of its name.
            let from = Anchor { field: "name", value: &city.name, nth };
            let what = Owner::City(&city.name);
            if city.name.trim().is_empty() {
                let message = i18n::city_without_name();
                self.report_from(Some(&from), "name", &city.name, message);
            } else if nth >= 1 {
                let message = i18n::duplicate_city(&what.names());
                self.report_from(Some(&from), "name", &city.name, message);
            }
            if !ids.contains(city.contact.as_str()) {
                let ids = valid_ids(people);
                let message = i18n::names_no_person(&what.names(), "contact", &city.contact, &ids);
                self.report_from(Some(&from), "contact", &city.contact, message);
            }
            if !(FIRST_YEAR..=current_year).contains(&city.since) {
                let message = i18n::year_out_of_range(&what.names(), city.since, FIRST_YEAR, current_year);
                self.report_from(Some(&from), "since", &city.since.to_string(), message);
            }
            let code = &city.country.code;
            if !(code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())) {
                let message = i18n::country_code(&what.names(), code);
                self.report_from(Some(&from), "code", code, message);
            }
            for (field, value) in [("de", &city.country.de), ("en", &city.country.en)] {
                if value.trim().is_empty() {
                    let message = i18n::country_name_empty(&what.names(), field);
                    self.report_from(Some(&from), field, value, message);
                }
            }
            if city
                .aliases
                .iter()
                .chain(&city.country.aliases)
                .chain(&city.country.adjectives)
                .any(|a| a.trim().is_empty())
            {
                let message = i18n::empty_alias(&what.names());
                self.report_from(Some(&from), "aliases", "", message);
            }
        }
    }

    fn topics(&mut self, topics: &[Topic], people: &[Person]) {
        let ids: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for topic in topics {
            let key = topic.name.de.trim().nfc().collect::<String>().to_lowercase();
            let nth = *seen.get(&key).unwrap_or(&0);
            seen.insert(key, nth + 1);
            let from = Anchor { field: "de", value: &topic.name.de, nth };
            let what = Owner::Topic(&topic.name.de);
            for (field, value) in [("de", &topic.name.de), ("en", &topic.name.en)] {
                if value.trim().is_empty() {
                    let message = i18n::topic_name_empty(&what.names(), field);
                    self.report_from(Some(&from), field, value, message);
                }
            }
            if nth >= 1 {
                let message = i18n::duplicate_topic(&what.names());
                self.report_from(Some(&from), "de", &topic.name.de, message);
            }
            for (field, value) in [("de", &topic.summary.de), ("en", &topic.summary.en)] {
                if value.trim().is_empty() {
                    let message = i18n::topic_summary_empty(&what.names(), field);
                    self.report_from(Some(&from), field, value, message);
                }
            }
            if let Some(contact) = &topic.contact
                && !ids.contains(contact.as_str())
            {
                let ids = valid_ids(people);
                let message = i18n::topic_contact_unknown(&what.names(), contact, &ids);
                self.report_from(Some(&from), "contact", contact, message);
            }
            if topic.aliases.iter().any(|a| a.trim().is_empty()) {
                let message = i18n::empty_alias(&what.names());
                self.report_from(Some(&from), "aliases", "", message);
            }
        }
    }

    /// A deputy must name another person.
    fn deputies(&mut self, people: &[Person]) {
        let ids: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for person in people {
            let nth = *seen.get(person.id.as_str()).unwrap_or(&0);
            seen.insert(&person.id, nth + 1);
            let Some(deputy) = &person.deputy else { continue };
            let from = Anchor { field: "id", value: &person.id, nth };
            let who = Owner::Person(&person.id);
            if deputy == &person.id {
                let message = i18n::deputy_is_self(&who.names());
                self.report_from(Some(&from), "deputy", deputy, message);
            } else if !ids.contains(deputy.as_str()) {
                let message = i18n::names_no_person(&who.names(), "deputy", deputy, &valid_ids(people));
                self.report_from(Some(&from), "deputy", deputy, message);
            }
        }
    }

    /// Absences: a real person, real dates from 2000 to 9999 in order, a cover who is someone
    /// else, and no two absences of one person on the same day.
    fn absences(&mut self, absences: &[Absence], people: &[Person]) {
        let ids: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        // Each person's absences with valid dates so far: (from, until) of each.
        let mut taken: HashMap<&str, Vec<(chrono::NaiveDate, chrono::NaiveDate)>> = HashMap::new();
        for absence in absences {
            let Absence { person, from: first, until: last, cover } = absence;
            let nth = *seen.get(person.as_str()).unwrap_or(&0);
            seen.insert(person, nth + 1);
            let from = Anchor { field: "person", value: person, nth };
            let what = Owner::Absence(person);
            if !ids.contains(person.as_str()) {
                let message = i18n::names_no_person(&what.names(), "person", person, &valid_ids(people));
                self.report_from(Some(&from), "person", person, message);
            }
            if let Some(cover) = cover {
                if cover == person {
                    let message = i18n::cover_is_person(&what.names());
                    self.report_from(Some(&from), "cover", cover, message);
                } else if !ids.contains(cover.as_str()) {
                    let message = i18n::names_no_person(&what.names(), "cover", cover, &valid_ids(people));
                    self.report_from(Some(&from), "cover", cover, message);
                }
            }
            let mut day = |field: &'static str, value: &str| match date::parse(value) {
                Ok(day) => Some(day),
                Err(problem) => {
                    let message = date_problem(&what.names(), field, value, problem);
                    self.report_from(Some(&from), field, value, message);
                    None
                }
            };
            let (Some(start), Some(end)) = (day("from", first), day("until", last)) else { continue };
            if end < start {
                let message = i18n::until_before_from(&what.names(), first, last);
                self.report_from(Some(&from), "until", last, message);
                continue;
            }
            let earlier = taken.entry(person).or_default();
            if let Some(&(other_start, other_end)) = earlier.iter().find(|&&(s, e)| s <= end && start <= e) {
                let other = (date::iso(other_start), date::iso(other_end));
                let message = i18n::absences_overlap(&what.names(), first, last, &other.0, &other.1);
                self.report_from(Some(&from), "from", first, message);
            }
            earlier.push((start, end));
        }
    }

    /// Records a problem on the first line at or after `anchor` (the top without one) that holds
    /// `field: value`.
    fn report_from(&mut self, anchor: Option<&Anchor>, field: &str, value: &str, message: Bilingual) {
        let line = self.budget().then(|| {
            let text = self.text;
            let at = self.locator.get_or_init(|| Locator::new(text));
            let from = anchor.and_then(|a| at.nth(a.field, a.value, a.nth)).unwrap_or(0);
            at.at_or_after(from, field, value)
        });
        self.problems.push(Problem::at(line.flatten(), None, message));
    }

    /// Only the first [`LOCATED_PROBLEMS`] problems get a line: a huge file full of mistakes is
    /// still reported quickly, and briefly enough to read.
    fn budget(&self) -> bool {
        self.problems.len() < LOCATED_PROBLEMS
    }

    /// Rules for every text: no control, bidirectional or line-separating characters, which would
    /// reach the terminal raw or turn what is shown around; no leading or trailing spaces, which
    /// make two names look alike that do not compare alike.
    fn texts(&mut self, data: &DirectoryData) {
        for_each_text(data, |owner, field, value| {
            if let Some((c, kind)) = value.chars().find_map(|c| forbidden(c).map(|kind| (c, kind))) {
                let message = i18n::forbidden_char(&owner.names(), field, kind, c);
                self.report_from(None, field, value, message);
            } else if !value.trim().is_empty() && value.trim() != value {
                let message = i18n::space_at_edge(&owner.names(), field, value);
                self.report_from(None, field, value, message);
            }
        });
    }

    fn not_empty(&mut self, owner: Owner, anchor: Option<&Anchor>, field: &str, value: &str) {
        if value.trim().is_empty() {
            let message = i18n::empty_value(&owner.names(), field);
            self.report_from(anchor, field, value, message);
        }
    }

    fn phone(&mut self, owner: Owner, anchor: Option<&Anchor>, field: &str, value: &str) {
        if Phone::parse(value).is_none() {
            let form = Bilingual { de: PHONE_FORM_DE, en: PHONE_FORM };
            let message = i18n::not_a_phone(&owner.names(), field, value, form);
            self.report_from(anchor, field, value, message);
        }
    }

    fn email(&mut self, owner: Owner, anchor: Option<&Anchor>, value: &str) {
        if !is_email(value) {
            let message = i18n::not_an_email(&owner.names(), value);
            self.report_from(anchor, "email", value, message);
        }
    }
}

/// `local@domain.tld` with no spaces and one `@`.
pub fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let labels_ok = domain.split('.').all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'));
    !local.is_empty() && !local.contains(char::is_whitespace) && domain.contains('.') && labels_ok
}

/// What is wrong with a date, and what is allowed.
fn date_problem(who: &Bilingual, field: &str, value: &str, problem: DateProblem) -> Bilingual {
    match problem {
        DateProblem::Form => i18n::not_a_date(who, field, value),
        DateProblem::NoSuchDay => i18n::no_such_day(who, field, value),
        DateProblem::OutOfRange => i18n::date_out_of_range(who, field, value, date::FIRST_YEAR, date::LAST_YEAR),
    }
}

fn valid_ids(people: &[Person]) -> Bilingual {
    i18n::valid_ids(&people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>())
}

/// Who a text belongs to, for messages; formatted only when there is a problem to report.
#[derive(Clone, Copy)]
enum Owner<'a> {
    Office,
    Person(&'a str),
    City(&'a str),
    Topic(&'a str),
    Absence(&'a str),
}

impl Owner<'_> {
    /// The owner in German and English: `Stadt "Płock"`, `city "Płock"`.
    fn names(&self) -> Bilingual {
        let (de, en, name) = match self {
            Owner::Office => return Bilingual { de: "Amt".into(), en: "office".into() },
            Owner::Person(id) => ("Person", "person", id),
            Owner::City(name) => ("Stadt", "city", name),
            Owner::Topic(name) => ("Thema", "topic", name),
            Owner::Absence(id) => ("Abwesenheit von", "absence of", id),
        };
        Bilingual { de: format!("{de} {name:?}"), en: format!("{en} {name:?}") }
    }
}

/// What kind of character `c` is (in German and English), if no text may contain it: control
/// characters, bidirectional controls and line or paragraph separators.
pub fn forbidden(c: char) -> Option<Bilingual<&'static str>> {
    let kind = |de, en| Some(Bilingual { de, en });
    match c {
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            kind("Richtungszeichen", "bidirectional control")
        }
        '\u{2028}' | '\u{2029}' => kind("Zeilen- oder Absatztrennzeichen", "line or paragraph separator"),
        c if c.is_control() => kind("Steuerzeichen", "control character"),
        _ => None,
    }
}

/// Calls `visit` with every text in the file, who owns it and the field's name. Every model type
/// is destructured in full, so that a new field is a compile error here until it is visited.
fn for_each_text<'a>(data: &'a DirectoryData, mut visit: impl FnMut(Owner<'a>, &'static str, &'a str)) {
    let DirectoryData { office, people, cities, topics, absences } = data;
    let Office { name, department, visiting_address, postal_address, transit_stop, email, fax, head } = office;
    for (field, value) in [
        ("name", name),
        ("department", department),
        ("transit_stop", transit_stop),
        ("email", email),
        ("fax", fax),
        ("head", head),
    ] {
        visit(Owner::Office, field, value);
    }
    for address in [visiting_address, postal_address] {
        let Address { building, street, postcode, city } = address;
        if let Some(building) = building {
            visit(Owner::Office, "building", building);
        }
        visit(Owner::Office, "street", street);
        visit(Owner::Office, "postcode", postcode);
        visit(Owner::Office, "city", city);
    }
    for person in people {
        let Person { id, given_name, family_name, role, role_en, phone, fax, email, deputy } = person;
        let who = Owner::Person(id);
        for (field, value) in [("role_en", role_en), ("deputy", deputy)] {
            if let Some(value) = value {
                visit(who, field, value);
            }
        }
        for (field, value) in [
            ("id", id),
            ("given_name", given_name),
            ("family_name", family_name),
            ("role", role),
            ("phone", phone),
            ("fax", fax),
            ("email", email),
        ] {
            visit(who, field, value);
        }
    }
    for city in cities {
        // `since` is a number: it has no text to check.
        let City { name, native, german, aliases, country, region, since: _, contact, note } = city;
        let Country { code, de, en, aliases: country_aliases, adjectives } = country;
        for adjective in adjectives {
            visit(Owner::City(name), "adjectives", adjective);
        }
        let Note { de: note_de, en: note_en } = note;
        let what = Owner::City(name);
        for (field, value) in [
            ("name", name),
            ("region", region),
            ("contact", contact),
            ("code", code),
            ("de", de),
            ("en", en),
            ("de", note_de),
            ("en", note_en),
        ] {
            visit(what, field, value);
        }
        for alias in country_aliases {
            visit(what, "aliases", alias);
        }
        for (field, value) in [("native", native), ("german", german)] {
            if let Some(value) = value {
                visit(what, field, value);
            }
        }
        for alias in aliases {
            visit(what, "aliases", alias);
        }
    }
    for topic in topics {
        let Topic { name, aliases, summary, contact, note } = topic;
        let what = Owner::Topic(&name.de);
        for (field, value) in [
            ("de", &name.de),
            ("en", &name.en),
            ("de", &summary.de),
            ("en", &summary.en),
            ("de", &note.de),
            ("en", &note.en),
        ] {
            visit(what, field, value);
        }
        for alias in aliases {
            visit(what, "aliases", alias);
        }
        if let Some(contact) = contact {
            visit(what, "contact", contact);
        }
    }
    for absence in absences {
        let Absence { person, from, until, cover } = absence;
        let what = Owner::Absence(person);
        for (field, value) in [("person", person), ("from", from), ("until", until)] {
            visit(what, field, value);
        }
        if let Some(cover) = cover {
            visit(what, "cover", cover);
        }
    }
}
