//! The directory: the office, its people and the partner cities, loaded and validated.
//!
//! Data flows one way: text (a file or the embedded dataset) → [`model::DirectoryData`] →
//! [`validate`] → [`Directory`]. The rest of the program only ever sees a validated `Directory`.

pub(crate) mod absences_text;
pub mod answers;
pub mod date;
mod error;
mod load;
pub(crate) mod locate;
pub mod model;
pub mod phone;
mod source;
pub mod validate;

pub use answers::{Answer, Answerer, Why};
pub use error::{DataError, Problem};
pub use load::{EMBEDDED, MAX_BYTES, load, open_without_waiting, parse, parse_text, read};
pub use model::{Absence, Address, City, Country, DirectoryData, Note, Office, Person, Topic};
pub use phone::Phone;
pub use source::Source;

/// What an entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// A partner city, by its index in [`Directory::cities`].
    City(usize),
    /// A person, by their index in [`Directory::people`].
    Person(usize),
    /// The office itself: its addresses, shared mailbox and fax, and its head.
    Office,
    /// A topic of the office's page, by its index in [`Directory::topics`].
    Topic(usize),
}

/// A directory that passed every validation rule: every city's contact names a real person.
#[derive(Debug, Clone)]
pub struct Directory {
    data: DirectoryData,
    /// For each city, the index of its contact in `data.people`.
    contacts: Vec<usize>,
    /// For each person, the indices of the cities they handle, in file order.
    handled: Vec<Vec<usize>>,
    /// Index of the department head in `data.people`.
    head: usize,
    /// For each person, the index of their standing deputy in `data.people`.
    deputies: Vec<Option<usize>>,
    /// For each person, their absences (index in `data.absences`, first and last day), by date.
    away: Vec<Vec<(usize, chrono::NaiveDate, chrono::NaiveDate)>>,
    /// For each absence, the index of its cover in `data.people`, if it names one.
    covers: Vec<Option<usize>>,
    source: Source,
}

impl Directory {
    /// Wraps data that `validate` found no problem with: data that was parsed just now, or that
    /// the cache stored after it passed (and that is keyed on the very bytes it came from).
    pub(crate) fn new(data: DirectoryData, source: Source) -> Self {
        let ids: std::collections::HashMap<&str, usize> =
            data.people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let index_of = |id: &str| ids.get(id).copied().unwrap_or(0);
        let contacts: Vec<usize> = data.cities.iter().map(|c| index_of(&c.contact)).collect();
        let head = index_of(&data.office.head);
        let deputies = data.people.iter().map(|p| p.deputy.as_deref().and_then(|id| ids.get(id).copied())).collect();
        let mut away = vec![Vec::new(); data.people.len()];
        for (i, absence) in data.absences.iter().enumerate() {
            let (Some(&person), Ok(from), Ok(until)) =
                (ids.get(absence.person.as_str()), date::parse(&absence.from), date::parse(&absence.until))
            else {
                continue;
            };
            away[person].push((i, from, until));
        }
        for absences in &mut away {
            absences.sort_by_key(|&(_, from, _)| from);
        }
        let covers = data.absences.iter().map(|a| a.cover.as_deref().and_then(|id| ids.get(id).copied())).collect();
        drop(ids);
        let mut handled = vec![Vec::new(); data.people.len()];
        for (city, &person) in contacts.iter().enumerate() {
            handled[person].push(city);
        }
        Directory { data, contacts, handled, head, deputies, away, covers, source }
    }

    /// The office itself.
    pub fn office(&self) -> &Office {
        &self.data.office
    }

    /// Everyone on the team, in file order.
    pub fn people(&self) -> &[Person] {
        &self.data.people
    }

    /// The partner cities, in file order.
    pub fn cities(&self) -> &[City] {
        &self.data.cities
    }

    /// The topics of the office's page, in file order.
    pub fn topics(&self) -> &[Topic] {
        &self.data.topics
    }

    /// The person the page names for topic number `topic`; `None` where the office answers.
    pub fn topic_contact(&self, topic: usize) -> Option<&Person> {
        let id = self.data.topics[topic].contact.as_deref()?;
        self.data.people.iter().find(|p| p.id == id)
    }

    /// The person responsible for city number `city`.
    pub fn contact_of(&self, city: usize) -> &Person {
        &self.data.people[self.contacts[city]]
    }

    /// The department head, the escalation contact.
    pub fn head(&self) -> &Person {
        &self.data.people[self.head]
    }

    /// Index of the department head among [`Directory::people`].
    pub fn head_index(&self) -> usize {
        self.head
    }

    /// Index of city number `city`'s contact among [`Directory::people`].
    pub fn contact_index(&self, city: usize) -> usize {
        self.contacts[city]
    }

    /// Index of the person the page names for topic number `topic`; `None` where the office answers.
    pub fn topic_contact_index(&self, topic: usize) -> Option<usize> {
        let id = self.data.topics[topic].contact.as_deref()?;
        self.data.people.iter().position(|p| p.id == id)
    }

    /// Index of person number `person`'s standing deputy, if they have one.
    pub fn deputy_of(&self, person: usize) -> Option<usize> {
        self.deputies[person]
    }

    /// Index of absence number `absence`'s cover among [`Directory::people`], if it names one.
    pub fn cover_of(&self, absence: usize) -> Option<usize> {
        self.covers[absence]
    }

    /// Every absence recorded, in file order.
    pub fn absences(&self) -> &[crate::directory::Absence] {
        &self.data.absences
    }

    /// Person number `person`'s absences as dates (first and last day), earliest first, each
    /// with its index in [`Directory::absences`].
    pub fn absences_of(&self, person: usize) -> &[(usize, chrono::NaiveDate, chrono::NaiveDate)] {
        &self.away[person]
    }

    /// The cities person number `person` handles, in file order.
    pub fn cities_of(&self, person: usize) -> impl Iterator<Item = &City> {
        self.handled[person].iter().map(|&city| &self.data.cities[city])
    }

    /// The data as validated, for the cache.
    pub fn data(&self) -> &DirectoryData {
        &self.data
    }

    /// Where this directory was loaded from.
    pub fn source(&self) -> &Source {
        &self.source
    }
}
