//! The search index: one entry per city and per person, each a list of weighted, folded fields.
//!
//! Everything lives in a few flat arrays (texts back to back in two arenas), so that scanning
//! 100,000 entries touches little memory and building the index allocates little: one allocation
//! per array instead of one per field (`cargo bench --bench search -- "100k/build index"`).

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

use crate::directory::{self, Directory, Target};

use super::fold::{Folded, Style, char_mask, fold, fold_into, fold_str};
use super::sound::{self, HeardWord, Reading, Sounds};
use super::words;

mod stored;

enum_with_all! {
    /// Which fact a field holds; it decides the field's weight and which scopes see it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
        /// Another name of the country: Holland, USA, UK.
        CountryAlias,
        /// An adjective or demonym of the country: polnisch, Polish, Pole.
        CountryAdjective,
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
        /// The office's address: building, street, postcode and city, Postfach, transit stop.
        Address,
        /// A word people use for the office and its channels (Fax, Anschrift, Sekretariat…).
        Keyword,
        /// The office's shared mailbox.
        SharedEmail,
        /// The office's shared fax.
        SharedFax,
    }
}

impl FieldKind {
    /// How much a match in this field is worth next to a match in another.
    pub fn weight(self) -> i64 {
        match self {
            FieldKind::Name => 60,
            FieldKind::German | FieldKind::Native | FieldKind::Alias => 50,
            FieldKind::Keyword => 40,
            FieldKind::CountryDe
            | FieldKind::CountryEn
            | FieldKind::CountryCode
            | FieldKind::CountryAlias
            | FieldKind::CountryAdjective => 30,
            FieldKind::Role | FieldKind::Phone | FieldKind::Extension | FieldKind::Year => 30,
            // The office's own channels come before a person who happens to share them.
            FieldKind::Address | FieldKind::SharedEmail | FieldKind::SharedFax => 30,
            FieldKind::Contact => 25,
            FieldKind::Region | FieldKind::Fax => 20,
            FieldKind::Email => 0,
        }
    }

    /// True for phone, fax and extension numbers, which are also stored as digits.
    pub fn is_a_number(self) -> bool {
        use FieldKind::*;
        match self {
            Phone | Fax | Extension | SharedFax => true,
            Name | German | Native | Alias | CountryDe | CountryEn | CountryCode | CountryAlias | CountryAdjective
            | Region | Contact | Role | Email | Year | Address | Keyword | SharedEmail => false,
        }
    }

    /// True for what a caller may misspell: names of places and people, countries and regions.
    /// The typo fallback compares words of these fields with a term that matches nothing.
    pub fn may_be_misspelt(self) -> bool {
        use FieldKind::*;
        match self {
            Name | German | Native | Alias | CountryDe | CountryEn | CountryAlias | CountryAdjective | Region
            | Contact => true,
            CountryCode | Role | Phone | Fax | Extension | Email | Year | Address | Keyword | SharedEmail
            | SharedFax => false,
        }
    }

    /// True for the entry's own names (its name, German and native names, aliases): texts no
    /// other entry shares. The index interns every other kind (countries, regions, contacts,
    /// years…), stores each such text once, and the scorer and the typo fallback compute its
    /// match once per search ([`Packed::shared`]).
    pub fn names_the_entry(self) -> bool {
        use FieldKind::*;
        match self {
            Name | German | Native | Alias => true,
            CountryDe | CountryEn | CountryCode | CountryAlias | CountryAdjective | Region | Contact | Role | Phone
            | Fax | Extension | Email | Year | Address | Keyword | SharedEmail | SharedFax => false,
        }
    }
}

/// One searchable text of an entry.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Which fact it is.
    pub kind: FieldKind,
    /// Where the displayed text stands in the index's display arena.
    start: u32,
    len: u32,
    /// Length of the displayed text in chars.
    pub char_len: u32,
}

/// One city or person, as the search sees it.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// What the entry stands for.
    pub target: Target,
    /// Its fields' range in the index; the first is always the [`FieldKind::Name`].
    fields: (u32, u32),
    /// Its folded variants' range in the index.
    variants: (u32, u32),
    /// The sound codes of its names' words ([`sound`]), their byte range in the index's.
    sounds: (u32, u32),
}

/// One folded variant of one field, packed for scanning.
#[derive(Debug, Clone, Copy)]
pub struct Packed {
    /// [`char_mask`] of the folded text: a quick "cannot match" before any scan, which skips most
    /// fields of most entries on a first keystroke (`100k/keystroke (empty)→m`).
    pub mask: u64,
    /// Where the folded text stands in the index's folded arena.
    start: u32,
    len: u32,
    /// Index of the field among its entry's fields (u32: an entry may have any number of
    /// aliases; the variant stays 24 bytes).
    pub field: u32,
    /// Which fact the field holds.
    pub kind: FieldKind,
    /// How the text was folded.
    pub style: Style,
}

impl Packed {
    /// True if the folded text is shared with other fields (a country, a contact, a year…), so
    /// that its match quality can be computed once per search. (Derived, not stored: a variant
    /// is 24 bytes, and there are about nine per entry.)
    pub fn shared(&self) -> bool {
        !self.kind.names_the_entry()
    }
}

/// Every city and person of a directory, ready to search. Built once per loaded directory.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Cities in alphabetical order, then people by family name: the empty query's order.
    entries: Vec<Entry>,
    fields: Vec<Field>,
    variants: Vec<Packed>,
    sounds: Sounds,
    display: String,
    folded: String,
}

impl SearchIndex {
    /// Builds the index for `directory`.
    pub fn new(directory: &Directory) -> Self {
        let mut order: Vec<(String, Target)> = Vec::with_capacity(directory.cities().len() + directory.people().len());
        order.extend(directory.cities().iter().enumerate().map(|(i, c)| (fold_str(&c.name), Target::City(i))));
        order.sort_unstable();
        let mut people: Vec<(String, Target)> = directory
            .people()
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("{}\u{1}{}", fold_str(&p.family_name), fold_str(&p.given_name)), Target::Person(i)))
            .collect();
        people.sort_unstable();
        order.extend(people);
        order.extend((0..directory.topics().len()).map(|i| (String::new(), Target::Topic(i))));
        // The office itself comes last in the empty query's list: callers mostly want a city.
        order.push((String::new(), Target::Office));

        let mut index = SearchIndex::default();
        let mut interned = FxHashMap::default();
        let mut scratch = String::new();
        for (_, target) in order {
            let first = (index.fields.len() as u32, index.variants.len() as u32);
            let mut add = |kind, text: &str| index.add_field(kind, text, first.0, &mut interned);
            match target {
                Target::City(i) => {
                    use FieldKind::*;
                    // Taken apart in full: a new field does not compile until it is searched or
                    // named here as not searched (`_`).
                    // `contact`: the person's name, through `contact_of` below: the id is no word.
                    // `note`: not searched: a source note's words would answer for other entries.
                    let directory::City { name, native, german, aliases, country, region, since, contact: _, note: _ } =
                        &directory.cities()[i];
                    let directory::Country { code, de, en, aliases: country_aliases, adjectives } = country;
                    add(Name, name);
                    german.iter().for_each(|g| add(German, g));
                    native.iter().for_each(|n| add(Native, n));
                    aliases.iter().for_each(|a| add(Alias, a));
                    add(CountryDe, de);
                    add(CountryEn, en);
                    add(CountryCode, code);
                    country_aliases.iter().for_each(|a| add(CountryAlias, a));
                    adjectives.iter().for_each(|a| add(CountryAdjective, a));
                    add(Region, region);
                    let contact = directory.contact_of(i);
                    scratch.clear();
                    scratch.push_str(&contact.given_name);
                    scratch.push(' ');
                    scratch.push_str(&contact.family_name);
                    add(Contact, &scratch);
                    scratch.clear();
                    let _ = write!(scratch, "{since}");
                    add(Year, &scratch);
                }
                Target::Person(i) => {
                    use FieldKind::*;
                    let person = &directory.people()[i];
                    let directory::Person {
                        id,
                        given_name: _,  // in the full name, one field, so that "Julia Kuz" matches as said
                        family_name: _, // in the full name, as the given name
                        role,
                        role_en,
                        phone,
                        fax,
                        email,
                        deputy: _, // another person's entry, not a word for this one
                    } = person;
                    add(Name, &person.full_name());
                    add(Role, role);
                    role_en.iter().for_each(|r| add(Role, r));
                    if directory.head().id == *id {
                        // What callers call the head: "Leitung", "head of department".
                        words::HEAD_WORDS.split_whitespace().for_each(|w| add(Keyword, w));
                    }
                    add(Phone, phone);
                    add(Fax, fax);
                    add(Email, email);
                    if let Some(extension) = directory::Phone::parse(phone).and_then(|p| p.extension) {
                        add(Extension, extension);
                    }
                }
                Target::Topic(i) => {
                    use FieldKind::*;
                    // `summary`: not searched: its words would answer for other entries.
                    // `contact`: the person's name, through `topic_contact` below.
                    // `note`: not searched, as a city's note.
                    let directory::Topic { name, aliases, summary: _, contact: _, note: _ } = &directory.topics()[i];
                    add(Name, &name.de);
                    add(Alias, &name.en);
                    aliases.iter().for_each(|a| add(Alias, a));
                    if let Some(person) = directory.topic_contact(i) {
                        add(Contact, &person.full_name());
                    }
                }
                Target::Office => {
                    use FieldKind::*;
                    let directory::Office {
                        name,
                        department,
                        visiting_address,
                        postal_address,
                        transit_stop,
                        email,
                        fax,
                        head: _, // the head's own entry answers for them, with `HEAD_WORDS`
                    } = directory.office();
                    add(Name, department);
                    add(Alias, name);
                    for address in [visiting_address, postal_address] {
                        let directory::Address { building, street, postcode, city } = address;
                        building.iter().for_each(|b| add(Address, b));
                        add(Address, street);
                        scratch.clear();
                        let _ = write!(scratch, "{postcode} {city}");
                        add(Address, &scratch);
                    }
                    add(Address, transit_stop);
                    add(SharedEmail, email);
                    add(SharedFax, fax);
                    // One field a word, so that no match strings letters together across them.
                    words::OFFICE_WORDS.split_whitespace().for_each(|w| add(Keyword, w));
                    // Every word for what a caller wants, said on its own ("Durchwahl",
                    // "contact"), asks the office.
                    for word in words::INTENT {
                        if !words::OFFICE_WORDS.split_whitespace().any(|o| fold_str(o) == *word) {
                            add(Keyword, word);
                        }
                    }
                    add(Contact, &directory.head().full_name());
                }
            }
            // Names as heard: the names of cities (read as their country speaks) and of people.
            let first_sound = index.sounds.len() as u32;
            let reading = match target {
                Target::City(i) => Some(Reading::of_country(&directory.cities()[i].country.code)),
                Target::Person(_) => Some(Reading::German),
                Target::Topic(_) | Target::Office => None,
            };
            if let Some(reading) = reading {
                for (f, field) in index.fields[first.0 as usize..].iter().enumerate() {
                    if field.kind.names_the_entry() {
                        let text = &index.display[field.start as usize..(field.start + field.len) as usize];
                        sound::name_sounds(text, reading, f as u32, &mut index.sounds);
                    }
                }
            }
            let fields = (first.0, index.fields.len() as u32);
            let variants = (first.1, index.variants.len() as u32);
            let sounds = (first_sound, index.sounds.len() as u32);
            index.entries.push(Entry { target, fields, variants, sounds });
        }
        index
    }

    /// Adds a field and its folded variants. Texts that many entries share (countries, regions,
    /// contacts, years) are interned, stored once in the folded arena, so that their match quality
    /// is computed once per search instead of once per entry (`100k/keystroke land:pola→land:polan`).
    fn add_field(
        &mut self,
        kind: FieldKind,
        text: &str,
        entry_first_field: u32,
        interned: &mut FxHashMap<String, u32>,
    ) {
        let char_len = text.chars().count() as u32;
        let field = self.fields.len() as u32 - entry_first_field;
        self.fields.push(Field { kind, start: self.display.len() as u32, len: text.len() as u32, char_len });
        self.display.push_str(text);
        let shared = !kind.names_the_entry();
        for style in Style::ALL.into_iter().filter(|style| style.indexes(text, kind.is_a_number())) {
            let mut start = self.folded.len();
            fold_into(text, style, &mut self.folded);
            let len = self.folded.len() - start;
            if shared {
                let folded = &self.folded[start..];
                match interned.get(folded) {
                    Some(&earlier) => {
                        self.folded.truncate(start);
                        start = earlier as usize;
                    }
                    None => {
                        interned.insert(folded.to_owned(), start as u32);
                    }
                }
            }
            let mask = char_mask(&self.folded[start..start + len]);
            self.variants.push(Packed { mask, start: start as u32, len: len as u32, field, kind, style });
        }
    }

    /// True if this index can belong to `data`: one entry for every city and person and the
    /// office, each pointing at one that exists, and every range inside its arrays. (The cache
    /// checks this before it trusts a stored index.)
    pub fn fits(&self, data: &crate::directory::DirectoryData) -> bool {
        let targets_fit = self.entries.iter().all(|e| match e.target {
            Target::City(i) => i < data.cities.len(),
            Target::Person(i) => i < data.people.len(),
            Target::Topic(i) => i < data.topics.len(),
            Target::Office => true,
        });
        let ranges_fit = self.entries.iter().all(|e| {
            e.fields.0 < e.fields.1
                && (e.fields.1 as usize) <= self.fields.len()
                && e.variants.0 <= e.variants.1
                && (e.variants.1 as usize) <= self.variants.len()
                && e.sounds.0 <= e.sounds.1
                && (e.sounds.1 as usize) <= self.sounds.len()
        });
        let sounds_fit = self.entries.iter().all(|e| {
            let count = e.fields.1.saturating_sub(e.fields.0);
            self.sounds.fit(e.sounds.0 as usize..e.sounds.1 as usize, count)
        });
        let texts_fit = self.fields.iter().all(|f| {
            f.start.checked_add(f.len).is_some_and(|end| self.display.get(f.start as usize..end as usize).is_some())
        }) && self.variants.iter().all(|v| {
            v.start.checked_add(v.len).is_some_and(|end| self.folded.get(v.start as usize..end as usize).is_some())
        });
        self.entries.len() == data.cities.len() + data.people.len() + data.topics.len() + 1
            && targets_fit
            && ranges_fit
            && sounds_fit
            && texts_fit
    }

    /// Appends the form in which the cache stores this index to `out`.
    pub fn store(&self, out: &mut Vec<u8>) {
        stored::encode(self, out);
    }

    /// The index that [`Self::store`] wrote to `bytes`, if they hold one; check it with
    /// [`Self::fits`] before use.
    pub fn from_stored(bytes: &[u8]) -> Option<SearchIndex> {
        stored::decode(bytes)
    }

    /// Where a shared folded text starts: the key under which its quality is remembered.
    pub fn text_id(&self, variant: &Packed) -> u32 {
        variant.start
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if the directory had nothing to index.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// What entry `id` stands for.
    pub fn target(&self, id: usize) -> Target {
        self.entries[id].target
    }

    /// The fields of entry `id`; the first is its name.
    pub fn fields(&self, id: usize) -> &[Field] {
        let (from, to) = self.entries[id].fields;
        &self.fields[from as usize..to as usize]
    }

    /// The displayed text of a field.
    pub fn display(&self, field: &Field) -> &str {
        &self.display[field.start as usize..(field.start + field.len) as usize]
    }

    /// The displayed name of entry `id`.
    pub fn name(&self, id: usize) -> &str {
        self.display(&self.fields(id)[0])
    }

    /// The packed, folded variants of entry `id`, for scanning.
    pub fn variants(&self, id: usize) -> &[Packed] {
        let (from, to) = self.entries[id].variants;
        &self.variants[from as usize..to as usize]
    }

    /// The sound codes of entry `id`'s names.
    pub fn sounds(&self, id: usize) -> impl Iterator<Item = HeardWord<'_>> {
        let (from, to) = self.entries[id].sounds;
        self.sounds.words(from as usize..to as usize)
    }

    /// The folded text of a packed variant.
    pub fn text(&self, variant: &Packed) -> &str {
        &self.folded[variant.start as usize..(variant.start + variant.len) as usize]
    }

    /// The displayed letters of a word that stands at bytes `start..start + len` of a field's
    /// base-folded text.
    pub fn displayed_word(&self, id: usize, field: usize, start: usize, len: usize) -> String {
        let shown = self.display(&self.fields(id)[field]);
        let folded = fold(shown, Style::Base);
        let chars = folded.display_positions(start..start + len);
        let (Some(&first), Some(&last)) = (chars.first(), chars.last()) else { return String::new() };
        shown.chars().skip(first).take(last + 1 - first).collect()
    }

    /// A field's variant folded again with its map back to the displayed chars, for highlighting.
    pub fn refold(&self, id: usize, field: usize, style: Style) -> Folded {
        fold(self.display(&self.fields(id)[field]), style)
    }
}
