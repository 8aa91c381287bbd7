//! Who answers on a given day: the contact; while they are away, the cover their absence names,
//! or else their standing deputy; then the head of department; then the office's shared mailbox.
//! Anyone away that day is skipped. Every front end asks here, so that the view, `query` and
//! `list` give one answer.

use chrono::NaiveDate;

use super::{Absence, Directory, Office, Person};

/// Why someone answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// They are the contact, and in.
    Contact,
    /// The contact's absence names them as cover.
    Cover,
    /// They are the contact's standing deputy, and the absence names no cover.
    Deputy,
    /// The head of department, since nobody before her in the chain is in.
    Head,
    /// The office's shared mailbox: nobody in the chain is in, or there is no contact at all.
    Office,
}

impl Why {
    /// The name programs see in `query --json`: `contact`, `cover`, `deputy`, `head`, `office`.
    pub fn key(self) -> &'static str {
        match self {
            Why::Contact => "contact",
            Why::Cover => "cover",
            Why::Deputy => "deputy",
            Why::Head => "head",
            Why::Office => "office",
        }
    }

    /// How a stand-in is introduced: `Vertretung` (cover or deputy), `Abteilungsleitung`,
    /// `Sammelpostfach`.
    pub fn stand_in_word(self) -> crate::i18n::Bilingual<&'static str> {
        match self {
            Why::Head => crate::i18n::HEAD_STANDS_IN,
            Why::Office => crate::i18n::OFFICE_STANDS_IN,
            Why::Contact | Why::Cover | Why::Deputy => crate::i18n::STANDS_IN,
        }
    }
}

/// Whoever answers: a person, or the office's shared mailbox.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Answerer<'a> {
    /// A member of staff, by index and in full.
    Person(usize, &'a Person),
    /// The office's shared mailbox.
    Office(&'a Office),
}

/// Who answers for an entry on a day, and why.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Answer<'a> {
    /// The entry's contact, by index; `None` where the office answers for it anyway.
    pub contact: Option<usize>,
    /// The contact's absence on that day, if they are away.
    pub away: Option<Away<'a>>,
    /// Who answers.
    pub who: Answerer<'a>,
    /// Why they answer.
    pub why: Why,
}

/// An absence that covers a day, with its dates read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Away<'a> {
    /// Its index in [`Directory::absences`].
    pub index: usize,
    /// The absence as the file has it.
    pub absence: &'a Absence,
    /// The first day away.
    pub from: NaiveDate,
    /// The last day away.
    pub until: NaiveDate,
}

impl<'a> Answer<'a> {
    /// True when someone else than the contact answers because the contact is away.
    pub fn stands_in(&self) -> bool {
        self.away.is_some()
    }

    /// The person who answers, if a person does.
    pub fn person(&self) -> Option<&'a Person> {
        match self.who {
            Answerer::Person(_, person) => Some(person),
            Answerer::Office(_) => None,
        }
    }
}

impl Directory {
    /// Person number `person`'s absence on `day`, if they are away then.
    pub fn away_on(&self, person: usize, day: NaiveDate) -> Option<Away<'_>> {
        self.absences_of(person)
            .iter()
            .find(|&&(_, from, until)| from <= day && day <= until)
            .map(|&(i, from, until)| Away { index: i, absence: &self.absences()[i], from, until })
    }

    /// Who answers on `day` for an entry whose contact is person number `contact` (`None`: the
    /// office answers for it).
    pub fn answers(&self, contact: Option<usize>, day: NaiveDate) -> Answer<'_> {
        let office = Answer { contact, away: None, who: Answerer::Office(self.office()), why: Why::Office };
        let Some(contact) = contact else { return office };
        let person = |i: usize| Answerer::Person(i, &self.people()[i]);
        let Some(away) = self.away_on(contact, day) else {
            return Answer { contact: Some(contact), away: None, who: person(contact), why: Why::Contact };
        };
        let stand_in = match self.cover_of(away.index) {
            Some(cover) => Some((cover, Why::Cover)),
            None => self.deputy_of(contact).map(|i| (i, Why::Deputy)),
        };
        let chain = stand_in.into_iter().chain([(self.head_index(), Why::Head)]);
        for (i, why) in chain {
            if self.away_on(i, day).is_none() {
                return Answer { contact: Some(contact), away: Some(away), who: person(i), why };
            }
        }
        Answer { away: Some(away), ..office }
    }

    /// Who answers for city number `city` on `day`.
    pub fn answers_for_city(&self, city: usize, day: NaiveDate) -> Answer<'_> {
        self.answers(Some(self.contact_index(city)), day)
    }

    /// Who answers for topic number `topic` on `day`.
    pub fn answers_for_topic(&self, topic: usize, day: NaiveDate) -> Answer<'_> {
        self.answers(self.topic_contact_index(topic), day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{EMBEDDED, Source, parse};

    /// The embedded directory with made-up absences and a made-up deputy.
    fn with(absences: &str, deputy_of_schewe: Option<&str>) -> Directory {
        let mut text = EMBEDDED.to_string();
        if let Some(deputy) = deputy_of_schewe {
            text = text.replacen(
                "            id: \"schewe\",",
                &format!("            id: \"schewe\",\n            deputy: \"{deputy}\","),
                1,
            );
        }
        let end = text.rfind(')').unwrap();
        text.replace_range(end.., &format!("    absences: [{absences}],\n)\n"));
        parse(&text, Source::Embedded, 2026).unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn who(dir: &Directory, city: &str, on: NaiveDate) -> (String, Why) {
        let i = dir.cities().iter().position(|c| c.name == city).unwrap();
        let answer = dir.answers_for_city(i, on);
        let name = match answer.who {
            Answerer::Person(_, p) => p.id.clone(),
            Answerer::Office(o) => o.email.clone(),
        };
        (name, answer.why)
    }

    #[test]
    fn the_cover_answers_while_the_contact_is_away_and_then_the_contact_again() {
        let dir = with(r#"Absence(person: "schewe", from: "2026-12-01", until: "2026-12-04", cover: "kuz")"#, None);
        assert_eq!(who(&dir, "Płock", day(1)), ("kuz".into(), Why::Cover));
        assert_eq!(who(&dir, "Płock", day(4)), ("kuz".into(), Why::Cover));
        assert_eq!(who(&dir, "Płock", day(5)), ("schewe".into(), Why::Contact));
        assert_eq!(who(&dir, "Płock", NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()).1, Why::Contact);
        assert_eq!(who(&dir, "Graz", day(2)), ("kuz".into(), Why::Contact), "others are not touched");
    }

    #[test]
    fn without_a_cover_the_deputy_answers_and_without_one_the_head() {
        let dir = with(r#"Absence(person: "schewe", from: "2026-12-01", until: "2026-12-04")"#, Some("otto"));
        assert_eq!(who(&dir, "Troyes", day(2)), ("otto".into(), Why::Deputy));
        let dir = with(r#"Absence(person: "schewe", from: "2026-12-01", until: "2026-12-04")"#, None);
        assert_eq!(who(&dir, "Troyes", day(2)), ("sacaliuc".into(), Why::Head));
    }

    #[test]
    fn anyone_away_is_skipped_down_to_the_mailbox() {
        let both = r#"Absence(person: "schewe", from: "2026-12-01", until: "2026-12-04", cover: "kuz"),
                      Absence(person: "kuz", from: "2026-12-03", until: "2026-12-10")"#;
        let dir = with(both, Some("otto"));
        assert_eq!(who(&dir, "Płock", day(2)), ("kuz".into(), Why::Cover));
        assert_eq!(who(&dir, "Płock", day(3)), ("sacaliuc".into(), Why::Head), "contact and cover away");
        let all = format!(r#"{both}, Absence(person: "sacaliuc", from: "2026-12-04", until: "2026-12-04")"#);
        let dir = with(&all, None);
        assert_eq!(who(&dir, "Płock", day(4)), ("international@darmstadt.de".into(), Why::Office));
        assert_eq!(who(&dir, "Graz", day(4)), ("international@darmstadt.de".into(), Why::Office));
        let answer = dir.answers_for_city(dir.cities().iter().position(|c| c.name == "Graz").unwrap(), day(4));
        assert_eq!(answer.away.map(|a| a.until), Some(day(10)));
    }

    use proptest::prelude::*;

    /// Absences as (person, first day, length, cover) over the embedded directory's six people,
    /// in December; the ones a valid file could not hold (a cover who is the person, an overlap)
    /// are dropped.
    fn directory_of(absences: &[(usize, u32, u32, Option<usize>)], deputies: &[Option<usize>]) -> Directory {
        let mut data = parse(EMBEDDED, Source::Embedded, 2026).unwrap().data().clone();
        let ids: Vec<String> = data.people.iter().map(|p| p.id.clone()).collect();
        for (person, deputy) in data.people.iter_mut().zip(deputies) {
            person.deputy = deputy.map(|d| ids[d].clone()).filter(|d| *d != person.id);
        }
        let mut taken: Vec<(usize, u32, u32)> = Vec::new();
        for &(person, first, length, cover) in absences {
            let last = first + length;
            if cover == Some(person) || taken.iter().any(|&(p, f, l)| p == person && f <= last && first <= l) {
                continue;
            }
            taken.push((person, first, last));
            data.absences.push(Absence {
                person: ids[person].clone(),
                from: format!("2026-12-{first:02}"),
                until: format!("2026-12-{last:02}"),
                cover: cover.map(|c| ids[c].clone()),
            });
        }
        let text = "";
        assert!(crate::directory::validate::problems(&data, text, 2026).is_empty());
        Directory::new(data, Source::Embedded)
    }

    proptest! {
        /// Whoever answers is in that day; the chain is followed in order, and the mailbox
        /// answers only when everybody in it is away.
        #[test]
        fn whoever_answers_is_in_and_comes_first_in_the_chain(
            absences in proptest::collection::vec((0..6usize, 1..20u32, 0..6u32, proptest::option::of(0..6usize)), 0..8),
            deputies in proptest::collection::vec(proptest::option::of(0..6usize), 6),
            on in 1..28u32,
        ) {
            let dir = directory_of(&absences, &deputies);
            let on = day(on);
            let away = |i: usize| dir.away_on(i, on).is_some();
            for city in 0..dir.cities().len() {
                let answer = dir.answers_for_city(city, on);
                let contact = dir.contact_index(city);
                prop_assert_eq!(answer.contact, Some(contact));
                prop_assert_eq!(answer.away.is_some(), away(contact));
                let stand_in = answer.away.and_then(|a| match &a.absence.cover {
                    Some(cover) => dir.people().iter().position(|p| &p.id == cover),
                    None => dir.deputy_of(contact),
                });
                let chain: Vec<usize> =
                    [Some(contact), stand_in, Some(dir.head_index())].into_iter().flatten().collect();
                match (answer.who, chain.iter().position(|&i| !away(i))) {
                    (Answerer::Person(i, _), Some(first)) => prop_assert_eq!(i, chain[first]),
                    (Answerer::Office(_), None) => {}
                    (who, first) => prop_assert!(false, "{who:?} answers, the chain's first in is {first:?}"),
                }
            }
        }

        /// The absences list written into the file's text reads back as it was written.
        #[test]
        fn absences_written_into_the_text_read_back(
            absences in proptest::collection::vec((0..6usize, 1..20u32, 0..6u32, proptest::option::of(0..6usize)), 0..6),
        ) {
            let written = directory_of(&absences, &[]).absences().to_vec();
            let text = crate::directory::absences_text::with_absences(EMBEDDED, &written).unwrap();
            let read = parse(&text, Source::Embedded, 2026).unwrap();
            prop_assert_eq!(read.absences(), written.as_slice());
        }
    }
}
