//! An entry read out: one sentence per fact, the most important first (who the entry is, then who
//! answers and how to reach them, then the rest), from the same model and words as the view's
//! details pane.

use crate::directory::{Address, Answer, Answerer, City, Directory, Office, Person, Phone, Target, Topic, date};
use crate::i18n::spoken::{self, fact};
use crate::i18n::{Bilingual, Lang};
use crate::tui::app::App;
use crate::tui::text::clean;

/// The sentences about the selected entry; none when nothing is selected.
pub fn selected(app: &App) -> Vec<String> {
    let Some(hit) = app.selection() else { return Vec::new() };
    let reading = Reading { dir: &app.directory, lang: app.lang, year: app.year, today: app.today };
    let lines = match app.index.target(hit.entry) {
        Target::City(city) => reading.city(city),
        Target::Person(person) => reading.person(person),
        Target::Office => reading.office(),
        Target::Topic(topic) => reading.topic(topic),
    };
    lines.iter().map(|line| clean(line)).collect()
}

/// Who or what answers for entry `entry`, as the list of other hits names it after the entry's
/// name: a city's contact (or today whoever stands in), a person's role, a topic's contact, the
/// office's channels.
pub fn who(app: &App, entry: usize) -> String {
    let (dir, lang) = (&app.directory, app.lang);
    let who = match app.index.target(entry) {
        Target::City(city) => {
            let answer = dir.answers_for_city(city, app.today);
            let contact = dir.contact_of(city).full_name();
            // Spoken without symbols: `Irene Schewe, Vertretung Julia Kuz`.
            let why = answer.why.stand_in_word();
            match (answer.stands_in(), answer.who) {
                (true, Answerer::Person(_, person)) => {
                    crate::i18n::stood_in_for(&contact, why, &person.full_name()).get(lang).to_string()
                }
                (true, Answerer::Office(office)) => {
                    crate::i18n::stood_in_for(&contact, why, &office.email).get(lang).to_string()
                }
                (false, _) => contact,
            }
        }
        Target::Person(person) => dir.people()[person].role_in(lang).to_string(),
        Target::Topic(topic) => {
            dir.topic_contact(topic).map_or_else(|| dir.office().department.clone(), Person::full_name)
        }
        Target::Office => lang.text().office_row.to_string(),
    };
    clean(&who)
}

/// What the sentences are read from.
struct Reading<'a> {
    dir: &'a Directory,
    lang: Lang,
    year: i32,
    /// The day whose absences decide who answers.
    today: chrono::NaiveDate,
}

impl Reading<'_> {
    fn say(&self, sentence: Bilingual) -> String {
        sentence.get(self.lang).to_string()
    }

    fn country(city: &City) -> Bilingual<&str> {
        Bilingual { de: &city.country.de, en: &city.country.en }
    }

    /// Name, country and year; who answers; then the rest, as the details pane has it.
    fn city(&self, index: usize) -> Vec<String> {
        let text = self.lang.text();
        // Taken apart in full: a new field does not compile until it is read out or left out.
        // `country`: in the reader's language, through `Self::country`.
        // `contact`: through `contact_of` and `answers_for_city`: the person, and who answers today.
        let city @ City { name, native, german, aliases, country: _, region, since, contact: _, note } =
            &self.dir.cities()[index];
        let mut lines = vec![self.say(spoken::city_first(name, Self::country(city), *since))];
        lines.extend(self.answering(Some(self.dir.contact_of(index)), self.dir.answers_for_city(index, self.today)));
        if let Some(german) = german {
            lines.push(fact(text.german, german));
        }
        if let Some(native) = native {
            lines.push(fact(text.native, native));
        }
        if !aliases.is_empty() {
            lines.push(fact(text.also, &aliases.join(", ")));
        }
        lines.push(fact(text.region, region));
        let (year, years) = crate::actions::next_round(*since, self.year);
        lines.push(fact(text.next_anniversary, &crate::actions::round_text(self.lang, years, year)));
        lines.extend(self.escalation_and_note(note));
        lines
    }

    /// Who answers and how to reach them: the person (phone, email, from abroad, fax), or else
    /// the office's shared mailbox and fax.
    fn responsible(&self, person: Option<&Person>) -> Vec<String> {
        let text = self.lang.text();
        match person {
            Some(person) => {
                let mut lines =
                    vec![self.say(spoken::responsible_person(&person.full_name(), &person.phone, &person.email))];
                lines.extend(self.abroad_and_fax(person));
                lines
            }
            None => {
                let office = self.dir.office();
                vec![
                    self.say(spoken::responsible_office(&office.department, &office.email)),
                    fact(text.fax, &office.fax),
                ]
            }
        }
    }

    /// Who answers today: the contact as [`Reading::responsible`] says it, or while they are away,
    /// that and when they are away, then whoever answers instead and how to reach them (Enter's
    /// copy, call and write reach them too).
    fn answering(&self, contact: Option<&Person>, answer: Answer) -> Vec<String> {
        let (Some(contact), Some(away)) = (contact, answer.away) else { return self.responsible(contact) };
        let day = |d| date::short(d, self.today, self.lang);
        let mut lines =
            vec![self.say(spoken::responsible_away(&contact.full_name(), &day(away.from), &day(away.until)))];
        lines.extend(self.instead(answer));
        lines
    }

    /// Whoever answers instead of someone away, and how to reach them.
    fn instead(&self, answer: Answer) -> Vec<String> {
        let mut lines = Vec::new();
        let why = answer.why.stand_in_word();
        let why = why.get(self.lang);
        match answer.who {
            Answerer::Person(_, person) => {
                lines.push(self.say(spoken::answers_now(&person.full_name(), why, &person.phone, &person.email)));
                lines.extend(self.abroad_and_fax(person));
            }
            Answerer::Office(office) => {
                lines.push(self.say(spoken::office_answers_now(&office.department, why, &office.email)));
            }
        }
        lines
    }

    /// The number from abroad with the extension, and the fax.
    fn abroad_and_fax(&self, person: &Person) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(parsed) = Phone::parse(&person.phone) {
            lines.push(self.say(spoken::from_abroad(&parsed.international(), parsed.extension)));
        }
        lines.push(fact(self.lang.text().fax, &person.fax));
        lines
    }

    fn escalation_and_note(&self, note: &crate::directory::Note) -> Vec<String> {
        let head = self.dir.head();
        let mut lines = vec![self.say(spoken::escalation(&head.full_name(), &head.phone))];
        if !note.is_empty() {
            lines.push(fact(self.lang.text().note, note.get(self.lang)));
        }
        lines
    }

    /// Name and role, how to reach them, and their partner cities.
    fn person(&self, index: usize) -> Vec<String> {
        let text = self.lang.text();
        let person = &self.dir.people()[index];
        // `id`: for the data file alone.
        // `given_name`, `family_name`: in `full_name`.
        // `role`, `role_en`: through `role_in`, in the reader's language.
        // `fax`: through `abroad_and_fax`, after the number to call.
        // `deputy`: through `answers` while they are away: who answers instead.
        let Person { id: _, given_name: _, family_name: _, role: _, role_en: _, phone, fax: _, email, deputy: _ } =
            person;
        let mut lines = vec![
            self.say(spoken::person_first(&person.full_name(), person.role_in(self.lang))),
            self.say(spoken::reach(phone, email)),
        ];
        lines.extend(self.abroad_and_fax(person));
        // While they are away: when, and who answers instead.
        let answer = self.dir.answers(Some(index), self.today);
        if let Some(away) = answer.away {
            let day = |d| date::short(d, self.today, self.lang);
            let span = crate::i18n::away_span(&day(away.from), &day(away.until));
            lines.push(fact(crate::i18n::AWAY.get(self.lang), span.get(self.lang)));
            lines.extend(self.instead(answer));
        }
        let cities: Vec<String> = self
            .dir
            .cities_of(index)
            .map(|city| spoken::city_of_person(&city.name, Self::country(city), city.since).get(self.lang).to_string())
            .collect();
        if !cities.is_empty() {
            lines.push(fact(text.cities, &cities.join(", ")));
        }
        lines
    }

    /// The department, how to write to it, where it is, and who leads it.
    fn office(&self) -> Vec<String> {
        let text = self.lang.text();
        // `head`: through `head()`, a person with a name and phone.
        let Office { name, department, visiting_address, postal_address, transit_stop, email, fax, head: _ } =
            self.dir.office();
        let mut lines =
            vec![self.say(spoken::responsible_office(department, email)), fact(text.fax, fax), fact(text.office, name)];
        for (label, address) in [(text.visiting_address, visiting_address), (text.postal_address, postal_address)] {
            let Address { building, street, postcode, city } = address;
            let building = building.as_deref().map(|b| format!("{b}, ")).unwrap_or_default();
            lines.push(fact(label, &format!("{building}{street}, {postcode} {city}")));
        }
        lines.push(fact(text.transit_stop, transit_stop));
        let head = self.dir.head();
        lines.push(self.say(spoken::escalation(&head.full_name(), &head.phone)));
        lines
    }

    /// What the topic is, who answers for it, and the rest.
    fn topic(&self, index: usize) -> Vec<String> {
        let text = self.lang.text();
        // `aliases`: for searching: the answer names the topic.
        // `contact`: through `topic_contact`, which also knows who answers when nobody is named.
        let Topic { name, aliases: _, summary, contact: _, note } = &self.dir.topics()[index];
        let mut lines = vec![fact(text.topic, name.get(self.lang)), fact(text.summary, summary.get(self.lang))];
        lines.extend(self.answering(self.dir.topic_contact(index), self.dir.answers_for_topic(index, self.today)));
        lines.extend(self.escalation_and_note(note));
        lines
    }
}
