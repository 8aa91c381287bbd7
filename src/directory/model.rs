//! The serde shape of a data file, exactly as a maintainer writes it in RON.

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The whole file: the office, its people and the partner cities.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Directory")]
pub struct DirectoryData {
    /// The office itself: names, addresses, shared contact channels.
    pub office: Office,
    /// Everyone on the team, each with a stable id.
    pub people: Vec<Person>,
    /// The partner cities, each pointing at its responsible person by id.
    pub cities: Vec<City>,
    /// The subjects of the office's page beyond single cities (Europawochenende, Fairtrade…).
    #[serde(default)]
    pub topics: Vec<Topic>,
    /// Who is away when, and who covers: dates only, never a reason.
    #[serde(default)]
    pub absences: Vec<Absence>,
}

/// A person away from the office, from one day to another (both inclusive). Dates only: the
/// reason is personal and has no place in a shared file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    /// Id of the person who is away.
    pub person: String,
    /// The first day away, `YYYY-MM-DD` (or `DD.MM.YYYY`).
    pub from: String,
    /// The last day away, `YYYY-MM-DD` (or `DD.MM.YYYY`).
    pub until: String,
    /// Id of the person who covers meanwhile; without one, the person's standing deputy does.
    #[serde(default)]
    pub cover: Option<String>,
}

/// A subject the office's page covers: a section of it, or a thing a section names.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Its name in German, as the page has it, and in English.
    pub name: crate::i18n::Bilingual,
    /// Other words people use for it, in German and English.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// One or two lines from the page: the German as it stands there, the English translated.
    pub summary: crate::i18n::Bilingual,
    /// Id of the person the page names for it; none where the page names nobody (the office
    /// answers, with its shared mailbox and its head).
    #[serde(default)]
    pub contact: Option<String>,
    /// A source note, in German and English.
    #[serde(default)]
    pub note: Note,
}

/// The office (Abteilung Internationales) as a whole.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The Amt the department belongs to.
    pub name: String,
    /// The department's own name.
    pub department: String,
    /// Where visitors go.
    pub visiting_address: Address,
    /// Where letters go.
    pub postal_address: Address,
    /// The nearest public transport stop.
    pub transit_stop: String,
    /// The shared mailbox.
    pub email: String,
    /// The shared fax, in the page's form `(06151) 13-3584`.
    pub fax: String,
    /// Id of the department head, the escalation contact.
    pub head: String,
}

/// A postal or visiting address.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Building name, if the address names one.
    #[serde(default)]
    pub building: Option<String>,
    /// Street and number, or a post office box.
    pub street: String,
    /// Five-digit German postcode.
    pub postcode: String,
    /// City name.
    pub city: String,
}

/// One member of staff.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable id that cities refer to, e.g. `"kuz"`.
    pub id: String,
    /// Given name(s).
    pub given_name: String,
    /// Family name.
    pub family_name: String,
    /// Role or responsibility as the office page states it.
    pub role: String,
    /// The role in English: a translation, not the page's words.
    #[serde(default)]
    pub role_en: Option<String>,
    /// Phone in the page's form, e.g. `(06151) 13-2325`.
    pub phone: String,
    /// Fax in the page's form.
    pub fax: String,
    /// Email address.
    pub email: String,
    /// Id of the person who stands in while this one is away and their absence names no cover.
    #[serde(default)]
    pub deputy: Option<String>,
}

impl Person {
    /// "Given Family", the way a caller says it.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }

    /// The role in `lang`: the English translation where there is one, else the page's German.
    pub fn role_in(&self, lang: Lang) -> &str {
        match (lang, &self.role_en) {
            (Lang::En, Some(english)) => english,
            _ => &self.role,
        }
    }
}

/// A country, named in German and English, with its ISO 3166-1 alpha-2 code.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, two capital letters.
    pub code: String,
    /// German name.
    pub de: String,
    /// English name.
    pub en: String,
    /// Other names people use for the country (Holland, USA, UK…), from common usage.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The country's adjectives and demonyms in German and English (`polnisch`, `Polish`, `Pole`),
    /// from common usage; German inflections (`polnische`, `polnischen`) are understood.
    #[serde(default)]
    pub adjectives: Vec<String>,
}

impl Country {
    /// The country's name in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }
}

/// One partner city.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    /// The name as the office spells it.
    pub name: String,
    /// The native spelling, where it differs from `name`.
    #[serde(default)]
    pub native: Option<String>,
    /// The German name, where it differs from `name`.
    #[serde(default)]
    pub german: Option<String>,
    /// Exonyms, old names and transliterations people type.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The country the city is in.
    pub country: Country,
    /// Region, province or state.
    pub region: String,
    /// The year the partnership began.
    pub since: i32,
    /// Id of the responsible person.
    pub contact: String,
    /// A short source note, in German and English.
    #[serde(default)]
    pub note: Note,
}

/// A note in both languages: `note: (de: "…", en: "…")`.
pub type Note = crate::i18n::Bilingual;
