//! The sentences of the line-by-line dialogue (`--accessible`): an answer read out fact by fact,
//! the hits named with their numbers, and what the dialogue says about itself. Each is one whole
//! sentence, ending with its full stop, so that a screen reader reads it as one.

use super::{Bilingual, both};

/// Ends `text` as a sentence: a capital first letter, and a full stop unless it already ends
/// with one (or with a question or exclamation mark).
pub fn sentence(text: &str) -> String {
    let text = text.trim();
    let mut chars = text.chars();
    let Some(first) = chars.next() else { return String::new() };
    let mut said: String = first.to_uppercase().chain(chars).collect();
    if !said.ends_with(['.', '!', '?']) {
        said.push('.');
    }
    said
}

/// A fact with its label: `Region: Masowien (Mazowieckie).`
pub fn fact(label: &str, value: &str) -> String {
    sentence(&format!("{label}: {value}"))
}

/// A city's first sentence: its name, country and year.
pub fn city_first(name: &str, country: Bilingual<&str>, since: i32) -> Bilingual {
    both(
        format!("{name}, {}, Partnerstadt seit {since}.", country.de),
        format!("{name}, {}, partner city since {since}.", country.en),
    )
}

/// Who answers, with how to reach them.
pub fn responsible_person(name: &str, phone: &str, email: &str) -> Bilingual {
    both(
        format!("Zuständig: {name}, Telefon {phone}, E-Mail {email}."),
        format!("Responsible: {name}, phone {phone}, email {email}."),
    )
}

/// The contact is away: `Zuständig: Irene Schewe, abwesend 01.12. bis 04.12.` (a German date
/// ends the sentence with its own point).
pub fn responsible_away(name: &str, from: &str, until: &str) -> Bilingual {
    both(
        sentence(&format!("Zuständig: {name}, abwesend {from} bis {until}")),
        sentence(&format!("Responsible: {name}, away {from} to {until}")),
    )
}

/// Who answers while the contact is away, and why: `Erreichbar: Julia Kuz (Vertretung), Telefon …`.
/// `why` is a stand-in word in the language it is said in.
pub fn answers_now(name: &str, why: &str, phone: &str, email: &str) -> Bilingual {
    both(
        format!("Erreichbar: {name} ({why}), Telefon {phone}, E-Mail {email}."),
        format!("Answers now: {name} ({why}), phone {phone}, email {email}."),
    )
}

/// The office answers while the contact is away: its shared mailbox.
pub fn office_answers_now(department: &str, why: &str, email: &str) -> Bilingual {
    both(
        format!("Erreichbar: {department} ({why}), E-Mail {email}; eine allgemeine Telefonnummer hat das Amt nicht."),
        format!("Answers now: {department} ({why}), email {email}; the office has no general number."),
    )
}

/// The office answers: its shared mailbox; it has no general number.
pub fn responsible_office(department: &str, email: &str) -> Bilingual {
    both(
        format!("Zuständig: {department}, E-Mail {email}; eine allgemeine Telefonnummer hat das Amt nicht."),
        format!("Responsible: {department}, email {email}; the office has no general number."),
    )
}

/// A person's number from abroad, and their extension when the number has one.
pub fn from_abroad(international: &str, extension: Option<&str>) -> Bilingual {
    match extension {
        Some(extension) => both(
            format!("Aus dem Ausland: {international}, Durchwahl {extension}."),
            format!("From abroad: {international}, extension {extension}."),
        ),
        None => both(format!("Aus dem Ausland: {international}."), format!("From abroad: {international}.")),
    }
}

/// A person's first sentence: their name and what they do.
pub fn person_first(name: &str, role: &str) -> Bilingual {
    both(format!("{name}, Aufgabe: {role}."), format!("{name}, role: {role}."))
}

/// A person's phone and email, after their name and role.
pub fn reach(phone: &str, email: &str) -> Bilingual {
    both(format!("Telefon {phone}, E-Mail {email}."), format!("Phone {phone}, email {email}."))
}

/// The head of department, for escalation.
pub fn escalation(name: &str, phone: &str) -> Bilingual {
    both(format!("Abteilungsleitung: {name}, Telefon {phone}."), format!("Head of department: {name}, phone {phone}."))
}

/// One of a person's partner cities, for [`fact`]'s list: `Płock (Polen, seit 1988)`.
pub fn city_of_person(name: &str, country: Bilingual<&str>, since: i32) -> Bilingual {
    both(format!("{name} ({}, seit {since})", country.de), format!("{name} ({}, since {since})", country.en))
}

/// How many hits a search found; `approximate`: only similar ones, `partial`: only for some words.
pub fn hits_found(count: usize, approximate: bool, partial: bool) -> Bilingual {
    // "Treffer" is the same in the plural.
    let de = format!("{count} Treffer");
    let en = if count == 1 { "1 match".to_string() } else { format!("{count} matches") };
    if partial {
        both(
            format!("Nichts passt auf alle Wörter; {de} für einen Teil davon."),
            format!("Nothing matches every word; {en} for some of them."),
        )
    } else if approximate {
        both(format!("Nichts genau gefunden; {de}, ähnlich geschrieben."), format!("Nothing exact; {en}, spelt alike."))
    } else {
        both(format!("{de}."), format!("{en}."))
    }
}

/// A search that found nothing.
pub fn no_hits(query: &str) -> Bilingual {
    both(format!("Keine Treffer für {query}."), format!("No matches for {query}."))
}

/// Before the other hits' names.
pub fn others_follow() -> Bilingual {
    both(
        "Die weiteren Treffer; ihre Nummer liest einen vor:".into(),
        "The other matches; type a number to hear one:".into(),
    )
}

/// One of the other hits, by its number: `2 Szeged, Alina Seel.`
pub fn numbered(number: usize, name: &str, who: &str) -> String {
    sentence(&format!("{number} {name}, {who}"))
}

/// The hits not named.
pub fn more_hits(count: usize) -> Bilingual {
    both(
        format!("Dazu {count} weitere; eine genauere Suche grenzt sie ein."),
        format!("And {count} more; a closer search narrows them down."),
    )
}

/// A number that names no hit of the last search.
pub fn no_such_hit(number: usize, count: usize) -> Bilingual {
    match count {
        0 => both(
            format!("Es gibt keinen Treffer {number}; bitte erst suchen."),
            format!("There is no match {number}; please search first."),
        ),
        _ => both(
            format!("Es gibt keinen Treffer {number}; die letzte Suche hat {count}."),
            format!("There is no match {number}; the last search has {count}."),
        ),
    }
}

/// A command, or "repeat", before a search has read out a hit.
pub fn nothing_read() -> Bilingual {
    both(
        "Noch ist kein Treffer vorgelesen; bitte erst suchen.".into(),
        "No match has been read yet; please search first.".into(),
    )
}

/// An empty line at the search prompt.
pub fn empty_line(help: &str) -> Bilingual {
    both(
        format!(
            "Bitte eine Stadt, ein Land, eine Person, ein Thema oder eine Durchwahl eingeben; {help} nennt die Befehle."
        ),
        format!("Please type a city, country, person, topic or extension; {help} lists the commands."),
    )
}

/// The first line of an interactive dialogue.
pub fn welcome(help: &str, quit: &str) -> Bilingual {
    both(
        format!(
            "partnerdesk für Screenreader. Suchen Sie nach Stadt, Land, Person oder Durchwahl; {help} nennt die Befehle, {quit} beendet."
        ),
        format!(
            "partnerdesk for screen readers. Search for a city, country, person or extension; {help} lists the commands, {quit} quits."
        ),
    )
}

/// The start of a phone message: for whom, about what, and how it is asked for.
pub fn note_start(to: &str, about: Option<&str>) -> Bilingual {
    let (de_about, en_about) =
        about.map_or((String::new(), String::new()), |a| (format!(" zu {a}"), format!(" about {a}")));
    both(
        format!(
            "Telefonnotiz für {to}{de_about}. Es folgen Anrufer, Rückruf und Anliegen; ein Feld darf leer bleiben."
        ),
        format!("Phone message for {to}{en_about}. Caller, call back and concern follow; a field may stay empty."),
    )
}

/// A phone message with no text at all is not kept.
pub fn empty_note_dropped() -> Bilingual {
    both("Die Notiz war leer und ist verworfen.".into(), "The note was empty and is dropped.".into())
}

/// The text a copy should have held, for copying by hand.
pub fn copy_by_hand(what: &str, text: &str) -> Bilingual {
    both(format!("{what} zum Abschreiben: {text}."), format!("{what} to copy by hand: {text}."))
}

/// The help's heading.
pub fn commands_heading() -> Bilingual {
    both("Die Befehle:".into(), "The commands:".into())
}

/// One command in the help: its words, and what it does.
pub fn command_line(words: &[&str], does: &str) -> Bilingual {
    let (de, en) = match words {
        [one] => (one.to_string(), one.to_string()),
        [init @ .., last] => (format!("{} oder {last}", init.join(", ")), format!("{} or {last}", init.join(", "))),
        [] => (String::new(), String::new()),
    };
    // Not through `sentence`: the command words keep their case.
    both(format!("{de}: {does}."), format!("{en}: {does}."))
}

/// What the help says besides the commands: numbers, searching, and command words as searches.
pub fn help_rest(example: &str) -> [Bilingual; 3] {
    [
        both(
            "Eine Zahl mit bis zu drei Ziffern liest diesen Treffer der letzten Suche vor.".into(),
            "A number of up to three digits reads that match of the last search.".into(),
        ),
        both(
            "Alles andere wird gesucht, auch eine Durchwahl.".into(),
            "Anything else is searched for, an extension too.".into(),
        ),
        both(
            format!("Ein Befehlswort selbst sucht man mit einem Apostroph davor, etwa {example}."),
            format!("To search for a command word itself, put an apostrophe before it, as in {example}."),
        ),
    ]
}

/// Before a hit read by its number: `Treffer 2 von 3.`
pub fn hit_of(number: usize, count: usize) -> Bilingual {
    both(format!("Treffer {number} von {count}."), format!("Match {number} of {count}."))
}

/// The data file cannot be used as the dialogue starts: which file, where its name came from and
/// what is wrong; then what is used instead (`last_good`: the date of its last good copy; `None`:
/// the embedded directory). `origin`, `problem` and the date are given in the language to be said.
pub fn data_fallback(file: &str, origin: &str, problem: &str, last_good: Option<&str>) -> [Bilingual; 2] {
    let problem = problem.trim_end_matches(['.', '?', '!', ' ']);
    let unusable = both(
        format!("Die Datendatei {file} (aus {origin}) ist nicht nutzbar: {problem}."),
        format!("The data file {file} (from {origin}) cannot be used: {problem}."),
    );
    let used = match last_good {
        Some(date) => both(
            format!("Verwendet wird ihre letzte gute Fassung vom {date}."),
            format!("Using its last good copy, of {date}."),
        ),
        None => both("Verwendet werden die eingebauten Daten.".into(), "Using the embedded directory.".into()),
    };
    [unusable, used]
}
