//! The search index: one entry per city and per person, each a list of weighted, folded fields.

use crate::directory::{self, Directory};

use super::fold::{Folded, Style, fold, has_umlaut};

/// What an entry stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// A partner city, by its index in [`Directory::cities`].
    City(usize),
    /// A person, by their index in [`Directory::people`].
    Person(usize),
}

/// Which fact a field holds; it decides the field's weight and which scopes see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldKind {
    /// The entry's own name: the city as the office spells it, or the person's full name.
    Name,
    /// A city's German name.
    German,
    /// A city's native spelling.
    Native,
    /// A city's alias: exonym, old name or transliteration.
    Alias,
    /// The country in German.
    CountryDe,
    /// The country in English.
    CountryEn,
    /// The ISO 3166-1 alpha-2 code.
    CountryCode,
    /// Region, province or state.
    Region,
    /// The name of a city's responsible person.
    Contact,
    /// A person's role.
    Role,
    /// A person's phone number, as written.
    Phone,
    /// A person's fax number, as written.
    Fax,
    /// A person's internal extension, e.g. `2325`.
    Extension,
    /// A person's email address.
    Email,
    /// The year a city's partnership began.
    Year,
}

impl FieldKind {
    /// How much a match in this field is worth next to a match in another.
    pub fn weight(self) -> i64 {
        match self {
            FieldKind::Name => 60,
            FieldKind::German | FieldKind::Native | FieldKind::Alias => 50,
            FieldKind::CountryDe | FieldKind::CountryEn | FieldKind::CountryCode => 30,
            FieldKind::Role | FieldKind::Phone | FieldKind::Extension | FieldKind::Year => 30,
            FieldKind::Region | FieldKind::Fax => 20,
            FieldKind::Contact => 25,
            FieldKind::Email => 0,
        }
    }

    /// True for the names of the entry itself, which the typo fallback compares words against.
    pub fn is_a_name(self) -> bool {
        matches!(self, FieldKind::Name | FieldKind::German | FieldKind::Native | FieldKind::Alias)
    }
}

/// One searchable text of an entry.
#[derive(Debug, Clone)]
pub struct Field {
    /// Which fact it is.
    pub kind: FieldKind,
    /// The text as displayed.
    pub display: String,
    /// Folded with `ö` → `o`.
    pub base: Folded,
    /// Folded with `ö` → `oe`, where that differs.
    pub german: Option<Folded>,
}

impl Field {
    fn new(kind: FieldKind, display: &str) -> Self {
        let german = has_umlaut(display).then(|| fold(display, Style::German));
        Field { kind, display: display.to_owned(), base: fold(display, Style::Base), german }
    }

    /// The folded variants of this field.
    pub fn variants(&self) -> impl Iterator<Item = &Folded> {
        std::iter::once(&self.base).chain(&self.german)
    }
}

/// One city or person, as the search sees it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// What the entry stands for.
    pub target: Target,
    /// Its fields; the first is always the [`FieldKind::Name`].
    pub fields: Vec<Field>,
    /// Every folded variant joined, to reject most entries with one quick scan.
    pub haystack: String,
    /// The folded name, for tie-breaks and alphabetical order.
    pub sort_name: String,
}

impl Entry {
    fn new(target: Target, fields: Vec<Field>) -> Self {
        let haystack: Vec<&str> = fields.iter().flat_map(Field::variants).map(|f| f.text.as_str()).collect();
        let sort_name = fields[0].base.text.clone();
        Entry { target, haystack: haystack.join("\u{1}"), sort_name, fields }
    }

    /// The entry's own name as displayed.
    pub fn name(&self) -> &str {
        &self.fields[0].display
    }
}

/// Every city and person of a directory, ready to search. Built once per loaded directory.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Cities in alphabetical order, then people in alphabetical order: the empty query's order.
    pub entries: Vec<Entry>,
}

impl SearchIndex {
    /// Builds the index for `directory`.
    pub fn new(directory: &Directory) -> Self {
        let mut cities: Vec<Entry> = directory
            .cities()
            .iter()
            .enumerate()
            .map(|(i, city)| {
                use FieldKind::*;
                let mut fields = vec![Field::new(Name, &city.name)];
                fields.extend(city.german.iter().map(|g| Field::new(German, g)));
                fields.extend(city.native.iter().map(|n| Field::new(Native, n)));
                fields.extend(city.aliases.iter().map(|a| Field::new(Alias, a)));
                fields.push(Field::new(CountryDe, &city.country.de));
                fields.push(Field::new(CountryEn, &city.country.en));
                fields.push(Field::new(CountryCode, &city.country.code));
                fields.push(Field::new(Region, &city.region));
                fields.push(Field::new(Contact, &directory.contact_of(i).full_name()));
                fields.push(Field::new(Year, &city.since.to_string()));
                Entry::new(Target::City(i), fields)
            })
            .collect();
        let mut people: Vec<Entry> = directory
            .people()
            .iter()
            .enumerate()
            .map(|(i, person)| {
                use FieldKind::*;
                let mut fields = vec![
                    Field::new(Name, &person.full_name()),
                    Field::new(Role, &person.role),
                    Field::new(Phone, &person.phone),
                    Field::new(Fax, &person.fax),
                    Field::new(Email, &person.email),
                ];
                if let Some(extension) = directory::Phone::parse(&person.phone).and_then(|p| p.extension) {
                    fields.push(Field::new(Extension, extension));
                }
                Entry::new(Target::Person(i), fields)
            })
            .collect();
        cities.sort_by(|a, b| a.sort_name.cmp(&b.sort_name));
        let family = |e: &Entry| match e.target {
            Target::Person(i) => super::fold::fold_str(&directory.people()[i].family_name),
            Target::City(_) => String::new(),
        };
        people.sort_by_cached_key(|e| (family(e), e.sort_name.clone()));
        cities.extend(people);
        SearchIndex { entries: cities }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if the directory had nothing to index.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
