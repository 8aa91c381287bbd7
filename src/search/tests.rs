//! Ranking, narrowing and the typo fallback on the embedded directory.

use super::*;
use crate::directory::{self, Directory, Source, Target};

fn directory() -> Directory {
    directory::load(&Source::Embedded, 2026).unwrap()
}

/// The displayed names of the hits for `text`, best first.
fn names(text: &str) -> Vec<String> {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    index.search(&Query::parse(text)).iter().map(|h| label(&dir, &index, h)).collect()
}

fn label(dir: &Directory, index: &SearchIndex, hit: &Hit) -> String {
    match index.target(hit.entry) {
        Target::City(i) => dir.cities()[i].name.clone(),
        Target::Person(i) => format!("person {}", dir.people()[i].full_name()),
        Target::Office => format!("office {}", dir.office().department),
        Target::Topic(i) => format!("topic {}", dir.topics()[i].name.de),
    }
}

fn first(text: &str) -> String {
    names(text).into_iter().next().unwrap_or_else(|| panic!("{text:?} found nothing"))
}

#[test]
fn ranking_cases_of_the_front_desk() {
    let cases = [
        ("plock", "Płock"),
        ("logrono", "Logroño"),
        ("gstaad", "Saanen-Gstaad"),
        ("uschhorod", "Uzhhorod"),
        ("libau", "Liepāja"),
        ("gyonk", "Gyönk"),
        ("norwegen", "Trondheim"),
        ("usa", "San Antonio"),
        ("israel", "Nahariya"),
        ("kuz", "person Julia Kuz"),
        ("2325", "person Julia Kuz"),
        ("entwicklung", "topic Kommunale Entwicklungspolitik"),
        ("moumna", "person Tamara Moumna"),
        // More of what callers say.
        ("Płock", "Płock"),
        ("plotsk", "Płock"),
        ("polen", "Płock"),
        ("poland", "Płock"),
        ("gyoenk", "Gyönk"),
        ("Gyönk", "Gyönk"),
        ("jink", "Gyönk"),
        ("tuerkei", "Bursa"),
        ("türkei", "Bursa"),
        ("drontheim", "Trondheim"),
        ("ungvar", "Uzhhorod"),
        ("uzhgorod", "Uzhhorod"),
        ("naharija", "Nahariya"),
        ("jessica", "person Jessica Otto"),
        ("schewe", "person Irene Schewe"),
        ("2321", "person Ana-Violeta Sacaliuc"),
        ("abteilungsleiterin", "person Ana-Violeta Sacaliuc"),
        ("texas", "San Antonio"),
        ("österreich", "Graz"),
        ("oesterreich", "Graz"),
        ("sachsen", "Freiberg"),
        ("england", "Chesterfield"),
        ("schweiz", "Saanen-Gstaad"),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(query, want)| {
            let got = first(query);
            (got != *want).then(|| format!("{query:?}: first is {got:?}, want {want:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_contacts_name_finds_the_person_first_then_their_cities() {
    let found = names("kuz");
    assert_eq!(found[0], "person Julia Kuz");
    // Her cities come next, alphabetically (same score, same field length), before weaker matches
    // such as Liepāja's region "Kurzeme".
    assert_eq!(found[1..6], ["Brescia", "Freiberg", "Graz", "Logroño", "Saanen-Gstaad"]);
}

#[test]
fn every_term_must_match() {
    assert_eq!(names("ungarn tolna"), ["Gyönk"]);
    assert_eq!(names("ungarn 1990").len(), 2);
    // No entry has both: the entries with one of them, marked partial.
    let dir = directory();
    let index = SearchIndex::new(&dir);
    let hits = index.search(&Query::parse("graz polen"));
    let found: Vec<String> = hits.iter().map(|h| label(&dir, &index, h)).collect();
    assert_eq!(found[..2], ["Graz", "Płock"]);
    assert!(hits.iter().all(|h| h.partial));
}

#[test]
fn exact_terms_need_a_substring() {
    assert_eq!(names("'grz"), Vec::<String>::new());
    assert_eq!(first("'graz"), "Graz");
    // Fuzzy "grz" still finds Graz.
    assert_eq!(first("grz"), "Graz");
}

#[test]
fn field_prefixes_limit_the_fields() {
    let mut hungary = names("land:ungarn");
    hungary.sort();
    assert_eq!(hungary, ["Gyönk", "Szeged"]);
    let mut hu = names("country:hu");
    hu.sort();
    assert_eq!(hu, ["Gyönk", "Szeged"]);
    let mut y1990 = names("jahr:1990");
    y1990.sort();
    assert_eq!(y1990, ["Freiberg", "Gyönk", "Szeged"]);
    assert_eq!(names("since:2017"), ["San Antonio"]);
    let seel = names("person:seel");
    assert_eq!(seel[0], "person Alina Seel");
    assert_eq!(seel.len(), 5);
    // "graz" is a city name, not a country: the prefix keeps it out.
    assert!(names("land:graz").is_empty());
    // An unknown prefix is plain text and matches nothing here.
    assert!(names("stadt:graz").is_empty());
}

#[test]
fn the_empty_query_lists_cities_alphabetically_then_people_then_topics_then_the_office() {
    let all = names("");
    assert_eq!(all.len(), 34);
    assert_eq!(&all[..3], ["Alkmaar", "Brescia", "Bursa"]);
    assert_eq!(all[16], "Uzhhorod");
    assert_eq!(
        &all[17..23],
        [
            "person Julia Kuz",
            "person Tamara Moumna",
            "person Jessica Otto",
            "person Ana-Violeta Sacaliuc",
            "person Irene Schewe",
            "person Alina Seel",
        ]
    );
    assert_eq!(all[23], "topic Städtepartnerschaften", "topics in the file's order");
    assert_eq!(all[33], "office Abteilung Internationales");
}

#[test]
fn typos_fall_back_to_edit_distance_and_are_marked() {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    // "trondhiem" is still a fuzzy match of "Trondheim (hist. Drontheim)"; these are not.
    assert_eq!(first("trondhiem"), "Trondheim");
    for (typo, want) in [("bresica", "Brescia"), ("alkmara", "Alkmaar"), ("nahraiya", "Nahariya")] {
        let hits = index.search(&Query::parse(typo));
        assert!(!hits.is_empty(), "{typo} found nothing");
        assert_eq!(label(&dir, &index, &hits[0]), want);
        assert!(hits.iter().all(|h| h.approximate), "{typo}: typo hits are marked approximate");
    }
    // Too short for a typo, and too far off.
    assert!(names("grx").is_empty());
    assert!(names("xyzzyq").is_empty());
    // A true match never comes with approximate ones.
    assert!(index.search(&Query::parse("graz")).iter().all(|h| !h.approximate));
}

#[test]
fn highlights_map_to_the_displayed_letters() {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    let query = Query::parse("plo");
    let hit = index.search(&query)[0];
    assert_eq!(index.name(hit.entry), "Płock");
    assert_eq!(index.name_positions(&query, hit.entry), vec![0, 1, 2]);

    let query = Query::parse("gyoenk");
    let hit = index.search(&query)[0];
    assert_eq!(index.name_positions(&query, hit.entry), vec![0, 1, 2, 3, 4]);

    let query = Query::parse("bresica");
    let hit = index.search(&query)[0];
    assert_eq!(index.name_positions(&query, hit.entry), (0..7).collect::<Vec<_>>());
}

#[test]
fn narrowing_gives_the_same_answer_as_a_full_search() {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    let mut searcher = Searcher::new();
    let mut typed = String::new();
    for c in "ungarn tolna".chars() {
        typed.push(c);
        let query = Query::parse(&typed);
        let narrowed = searcher.search(&index, &query).to_vec();
        assert_eq!(narrowed, index.search(&query), "after typing {typed:?}");
    }
    // A score does not depend on the texts scored before it: typing "aa" once ranked Alkmaar
    // first where the full search ranked it third (fuzzy-matcher's matrix kept old bonuses).
    let mut searcher = Searcher::new();
    for typed in ["a", "aa", "aa "] {
        let query = Query::parse(typed);
        let narrowed = searcher.search(&index, &query).to_vec();
        assert_eq!(narrowed, index.search(&query), "after typing {typed:?}");
    }
    // From a hit to a typo: the narrowed search finds nothing, so the full search decides.
    assert!(!searcher.search(&index, &Query::parse("bresi")).is_empty());
    let hits = searcher.search(&index, &Query::parse("bresica")).to_vec();
    assert_eq!(index.name(hits[0].entry), "Brescia");
    assert!(hits[0].approximate);
}

/// The embedded directory with one city's name replaced by `name`.
fn with_city_name(name: &str) -> Directory {
    let text = directory::EMBEDDED.replacen("name: \"Graz\"", &format!("name: \"{name}\""), 1);
    directory::parse(&text, Source::Embedded, 2026).expect("still valid")
}

#[test]
fn a_one_megabyte_field_and_a_long_query_answer_in_bounded_time() {
    // Unbounded, skim's matrix for this took 39 s and 2.4 GB; the typo fallback's table aborted
    // the process for a 100k-letter word and a similar query.
    let word: String = "graz".repeat(250_000);
    let dir = with_city_name(&word);
    let index = SearchIndex::new(&dir);
    let long_query: String = "gr".repeat(75);
    assert_eq!(Query::parse(&long_query).terms[0].text.len(), query::TERM_CAP);
    let hits = index.search(&Query::parse(&long_query));
    assert!(
        hits.iter()
            .all(|h| index.target(h.entry) == Target::City(dir.cities().iter().position(|c| c.name == word).unwrap()))
    );
    // A near miss of the whole word: no fuzzy hit, so the typo fallback runs on the huge word.
    let near: String = format!("x{}", &word[1..100_000]);
    assert!(index.search(&Query::parse(&near)).is_empty());
    let _ = index.highlights(&Query::parse(&long_query), hits.first().map_or(0, |h| h.entry));
}

#[test]
fn what_callers_say_finds_what_they_mean() {
    let cases = [
        ("Frau Seel", "person Alina Seel"),
        ("Herr Dr. Otto", "person Jessica Otto"),
        ("Partnerstadt in Lettland", "Liepāja"),
        ("city in Spain", "Logroño"),
        ("die Partnerstadt in Polen", "Płock"),
        ("wer ist zuständig für Płock", "Płock"),
        ("the twin town in the USA", "San Antonio"),
        ("Holland", "Alkmaar"),
        ("Amerika", "San Antonio"),
        ("Großbritannien", "Chesterfield"),
        ("Turkey", "Bursa"),
        ("Jink", "Gyönk"),
        ("Postanschrift", "office Abteilung Internationales"),
        ("E-Mail-Adresse", "office Abteilung Internationales"),
        ("Faxnummer", "office Abteilung Internationales"),
        ("Postfach", "office Abteilung Internationales"),
        ("Sekretariat", "office Abteilung Internationales"),
        ("Büro", "office Abteilung Internationales"),
        ("Rathaus", "office Abteilung Internationales"),
        ("Luisenplatz", "office Abteilung Internationales"),
        ("international@darmstadt.de", "office Abteilung Internationales"),
    ];
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(query, want)| {
            let got = names(query).into_iter().next().unwrap_or_default();
            (got != *want).then(|| format!("{query:?}: first is {got:?}, want {want:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn phone_numbers_in_every_form_find_their_owner_as_a_phone_match() {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    for written in [
        "+49 6151 13-3608",
        "+49 (0)6151 133608",
        "0049 6151 13 3608",
        "06151/13-3608",
        "0615113 3608",
        "13-3608",
        "3608",
    ] {
        let query = Query::parse(written);
        assert_eq!(query.terms[0].scope, Scope::Phone, "{written}");
        let hits = index.search(&query);
        assert_eq!(hits.len(), 1, "{written}: {:?}", hits.iter().map(|h| label(&dir, &index, h)).collect::<Vec<_>>());
        assert_eq!(label(&dir, &index, &hits[0]), "person Alina Seel", "{written}");
        let highlight = &index.highlights(&query, hits[0].entry)[0];
        assert!(matches!(highlight.kind, FieldKind::Phone | FieldKind::Extension), "{written}: {highlight:?}");
    }
    assert_eq!(first("0615113-2321"), "person Ana-Violeta Sacaliuc");
    // The fax finds the office first: it is the office's own number.
    assert_eq!(first("(06151) 13-3584"), "office Abteilung Internationales");
}

#[test]
fn typos_in_countries_regions_and_people() {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    // "lettlnd" is a letter left out: the fuzzy match finds Lettland outright, no typo needed.
    assert_eq!(first("lettlnd"), "Liepāja");
    for (typo, want) in [("itallien", "Brescia"), ("lettlamd", "Liepāja"), ("Schewa", "person Irene Schewe")] {
        let hits = index.search(&Query::parse(typo));
        assert!(!hits.is_empty(), "{typo} found nothing");
        assert_eq!(label(&dir, &index, &hits[0]), want, "{typo}");
        assert!(hits.iter().all(|h| h.approximate), "{typo}: marked approximate");
    }
}

#[test]
fn no_junk_hits() {
    for city in ["berlin", "tokio", "oslo", "madrid", "zürich"] {
        assert!(names(city).is_empty(), "{city}: {:?}", names(city));
    }
    assert_eq!(names("italien"), ["Brescia"]);
}

#[test]
fn titles_and_grammar_alone_are_an_empty_query() {
    assert_eq!(names("die Frau").len(), names("").len());
}

/// Every example of the office page's questions: topics, adjectives, roles, what the caller
/// wants, punctuation and precision.
#[test]
fn every_question_the_office_page_answers() {
    for (query, want) in [
        ("Europawochenende", "topic Europawochenende"),
        ("Fairtrade", "topic Fairtrade-Stadt"),
        ("Freundschaftsplakette", "topic Freundschaftsplakette"),
        ("Mayors for Peace", "topic Netzwerke und Kooperationen"),
        ("Europapreis", "topic Europapreisträgerstadt"),
        ("Städtediplomatie", "topic Globales und europäisches"),
        ("City Diplomacy", "topic Globales und europäisches"),
        ("Städtepartnerschaften", "topic Städtepartnerschaften"),
        ("Partnerstädte", "topic Städtepartnerschaften"),
        ("nachhaltige Entwicklung", "topic Kommunale Entwicklungspolitik"),
        ("Aktuelles", "topic Aktuelles"),
        ("die polnische Partnerstadt", "Płock"),
        ("the Spanish twin town", "Logroño"),
        ("the Dutch partner city", "Alkmaar"),
        ("türkische Partnerstadt", "Bursa"),
        ("head of department", "person Ana-Violeta Sacaliuc"),
        ("Leitung", "person Ana-Violeta Sacaliuc"),
        ("Abteilungsleitung", "person Ana-Violeta Sacaliuc"),
        ("Leiterin", "person Ana-Violeta Sacaliuc"),
        ("email of Ms Seel", "person Alina Seel"),
        ("Fax von Frau Kuz", "person Julia Kuz"),
        ("Telefonnummer von Herrn Otto", "person Jessica Otto"),
        ("Wer ist zuständig für Graz?", "Graz"),
        ("\"Troyes\", bitte.", "Troyes"),
    ] {
        let dir = directory();
        let index = SearchIndex::new(&dir);
        let hits = index.search(&Query::parse(query));
        assert!(!hits.is_empty(), "{query:?} found nothing");
        assert_eq!(label(&dir, &index, &hits[0]), want, "{query:?}");
        assert!(!hits[0].approximate && !hits[0].partial, "{query:?}: an exact hit");
    }
    for form in ["polnisch", "polnische", "polnischen", "polnischer", "polnisches", "Polish", "Pole", "Poles"] {
        assert_eq!(first(form), "Płock", "{form}");
    }
    for (adjective, want) in
        [("Spanish", "Logroño"), ("Dutch", "Alkmaar"), ("Turkish", "Bursa"), ("Hungarian", "Gyönk")]
    {
        assert_eq!(first(adjective), want, "{adjective}");
    }
    assert!(names("development policy").contains(&"person Tamara Moumna".to_string()));
    // Letters inside a word of another name never answer on their own.
    assert_eq!(names("usa"), ["San Antonio"]);
    assert!(names("wien").is_empty(), "{:?}", names("wien"));
    assert!(names("rom").iter().all(|n| !n.starts_with("Brescia")), "{:?}", names("rom"));
    // Monotone while typing: Chesterfield does not vanish and come back.
    for (typed, found) in [("chs", true), ("chst", true), ("chstr", false), ("chstrf", false)] {
        assert_eq!(names(typed).contains(&"Chesterfield".to_string()), found, "{typed}");
    }
}

#[test]
fn every_field_kind_is_indexed() {
    // A new kind is in `ALL` by itself; this fails until `SearchIndex::new` pushes it (and the
    // embedded directory has a value for it).
    let index = SearchIndex::new(&directory());
    for kind in FieldKind::ALL {
        let found = (0..index.len()).any(|id| index.fields(id).iter().any(|f| f.kind == kind));
        assert!(found, "no entry has a field of kind {kind:?}: push it in SearchIndex::new");
    }
}

/// The hits shown after each keystroke of `phrasing`, typed at the end of the line, as labels.
fn typed_letter_by_letter(phrasing: &str) -> Vec<(String, Option<Vec<String>>)> {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    let mut searcher = Searcher::new();
    let mut typed = String::new();
    let mut out = Vec::new();
    for c in phrasing.chars() {
        typed.push(c);
        let query = Query::typing(&typed, typed.chars().count());
        let hits = searcher.search(&index, &query).to_vec();
        assert_eq!(hits, index.search(&query), "narrowing after {typed:?}");
        // Only filler so far: the view selects nothing, so nothing is first.
        let shown =
            if query.is_only_filler() { None } else { Some(hits.iter().map(|h| label(&dir, &index, h)).collect()) };
        out.push((typed.clone(), shown));
    }
    out
}

/// What is wrong with typing `phrasing`: a keystroke that finds nothing, or the whole query's
/// answer losing first place after it held it for two keystrokes.
fn unsteady(phrasing: &str) -> Vec<String> {
    let want = first(phrasing);
    let mut problems = Vec::new();
    let mut held = 0;
    for (typed, found) in typed_letter_by_letter(phrasing) {
        let Some(found) = found else {
            held = 0;
            continue;
        };
        if found.is_empty() {
            problems.push(format!("{phrasing:?}: nothing at {typed:?}"));
        }
        let leads = found.first() == Some(&want);
        if held >= 2 && !leads {
            problems.push(format!("{phrasing:?}: {want} lost first place at {typed:?} to {:?}", found.first()));
        }
        held = if leads {
            held + 1
        } else if held >= 2 {
            held
        } else {
            0
        };
    }
    problems
}

/// Phrasings as the desk types them, each with the entry its whole query finds first.
const PHRASINGS: &[(&str, &str)] = &[
    ("die polnische Partnerstadt", "Płock"),
    ("die ungarische Partnerstadt", "Gyönk"),
    ("unsere türkische Partnerstadt", "Bursa"),
    ("the Spanish twin town", "Logroño"),
    ("the Dutch partner city", "Alkmaar"),
    ("Telefonnummer von Frau Moumna", "person Tamara Moumna"),
    ("Telefonnummer von Herrn Otto", "person Jessica Otto"),
    ("Fax von Frau Kuz", "person Julia Kuz"),
    ("email of Ms Seel", "person Alina Seel"),
    ("wer macht das Europawochenende?", "topic Europawochenende"),
    ("Wer ist zuständig für Graz?", "Graz"),
    ("wer kümmert sich um Bursa", "Bursa"),
    ("who handles Fairtrade", "topic Fairtrade-Stadt"),
    ("Herr Dr. Otto", "person Jessica Otto"),
    ("Frau Dr. Schewe", "person Irene Schewe"),
    ("Drontheim", "Trondheim"),
    ("Freiberg", "Freiberg"),
    ("Frankreich", "Troyes"),
    ("Freundschaftsplakette", "topic Freundschaftsplakette"),
    ("Partnerstadt in Lettland", "Liepāja"),
    ("die Partnerstadt in Polen", "Płock"),
    ("the twin town in the USA", "San Antonio"),
    ("Ansprechpartnerin für Liepāja", "Liepāja"),
    ("+49 6151 13-3608", "person Alina Seel"),
    ("Telefon", "office Abteilung Internationales"),
    ("Telefonnummer", "office Abteilung Internationales"),
    ("E-Mail", "office Abteilung Internationales"),
];

#[test]
fn every_phrasing_stays_steady_while_typed() {
    let mut problems = Vec::new();
    for (phrasing, want) in PHRASINGS {
        assert_eq!(first(phrasing), *want, "{phrasing:?}");
        problems.extend(unsteady(phrasing));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// The first hit for `typed` as typed at the end of the line, its last word unfinished.
fn first_while_typing(typed: &str) -> Option<String> {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    let query = Query::typing(typed, typed.chars().count());
    index.search(&query).first().map(|h| label(&dir, &index, h))
}

#[test]
fn a_short_title_is_one_only_when_finished() {
    assert_eq!(first_while_typing("Dr").as_deref(), Some("Trondheim"), "Dr on the way to Drontheim");
    let dir = directory();
    let index = SearchIndex::new(&dir);
    let fr: Vec<String> = index.search(&Query::typing("Fr", 2)).iter().map(|h| label(&dir, &index, h)).collect();
    for want in ["Freiberg", "Troyes", "topic Freundschaftsplakette"] {
        assert!(fr.contains(&want.to_string()), "Fr: {fr:?}");
    }
    assert!(fr.len() < index.len(), "Fr narrows the list");
    // Finished, with a space or a dot, it is a title.
    for finished in ["Dr ", "Dr.", "Fr ", "Fr."] {
        assert!(Query::typing(finished, finished.len()).is_only_filler(), "{finished:?}");
    }
    assert_eq!(first_while_typing("Herr Dr. Ott").as_deref(), Some("person Jessica Otto"));
}

#[test]
fn half_a_word_never_blanks_the_list() {
    // "Partnerst" may become a word for partnerships: Płock stays first.
    assert_eq!(first_while_typing("die polnische Partnerst").as_deref(), Some("Płock"));
    // Half an intent or filler word beside a name waits.
    assert_eq!(first_while_typing("Telefonnummer von Frau Moumna t").as_deref(), Some("person Tamara Moumna"));
    // "Telefo" finds the office, as "Telefon" does.
    assert_eq!(first_while_typing("Telefo").as_deref(), Some("office Abteilung Internationales"));
    // A number being typed lists those with a number.
    for typed in ["+", "+4", "+49", "+49 ", "0", "06", "(0"] {
        let dir = directory();
        let index = SearchIndex::new(&dir);
        let hits = index.search(&Query::typing(typed, typed.chars().count()));
        assert!(!hits.is_empty(), "{typed:?} found nothing");
        assert!(hits.iter().all(|h| matches!(index.target(h.entry), Target::Person(_) | Target::Office)), "{typed:?}");
    }
    // A word that cannot be placed beside the finished ones keeps their hits.
    assert_eq!(first_while_typing("Graz xq").as_deref(), Some("Graz"));
}

#[test]
fn words_on_their_own_find_the_office() {
    for word in ["Telefon", "Telefonnummer", "Nummer", "phone", "E-Mail", "Telefax"] {
        assert_eq!(first(word), "office Abteilung Internationales", "{word}");
    }
}

#[test]
fn names_as_heard_are_found_and_marked_approximate() {
    let dir = directory();
    let index = SearchIndex::new(&dir);
    for (heard, want) in [
        ("Brechia", "Brescia"),
        ("Grats", "Graz"),
        ("Djönk", "Gyönk"),
        ("Segedd", "Szeged"),
        ("Logronjo", "Logroño"),
        ("Pwotsk", "Płock"),
        ("Troa", "Troyes"),
        ("Sakaliuk", "person Ana-Violeta Sacaliuc"),
    ] {
        let hits = index.search(&Query::parse(heard));
        assert!(!hits.is_empty(), "{heard} found nothing");
        assert_eq!(label(&dir, &index, &hits[0]), want, "{heard}");
        assert!(hits.iter().all(|h| h.approximate), "{heard}: marked approximate");
    }
    // A sound-alike never beats a real hit, and short words are not heard as names.
    assert!(index.search(&Query::parse("graz")).iter().all(|h| !h.approximate));
    assert_eq!(names("usa"), ["San Antonio"]);
    assert!(names("wien").is_empty(), "{:?}", names("wien"));
    assert!(names("rom").is_empty(), "{:?}", names("rom"));
}

#[test]
fn no_stray_hits() {
    // A region matches by whole words only: "kuz" is Julia Kuz, not Liepāja's "Kurzeme".
    assert!(!names("kuz").contains(&"Liepāja".to_string()), "{:?}", names("kuz"));
    // Initials never run across filler words: "UK" is the United Kingdom.
    assert_eq!(first("UK"), "Chesterfield");
    assert!(!names("UK").contains(&"topic Netzwerke und Kooperationen".to_string()), "{:?}", names("UK"));
    // A filler word in any form is no hit, and neither is a typo of one.
    assert!(Query::parse("who handle").is_only_filler(), "handle, as handles, is filler");
    assert!(names("zustendig").is_empty(), "{:?}", names("zustendig"));
    assert_eq!(first("zustendig Graz"), "Graz");
    assert!(names("who handel").contains(&"topic Fairtrade-Stadt".to_string()), "Handel itself is a word of it");
    // The usual short forms of the countries.
    for (short, want) in [
        ("UK", "Chesterfield"),
        ("U.K.", "Chesterfield"),
        ("GB", "Chesterfield"),
        ("USA", "San Antonio"),
        ("U.S.", "San Antonio"),
        ("NL", "Alkmaar"),
        ("CH", "Saanen-Gstaad"),
        ("BRD", "Freiberg"),
        ("DE", "Freiberg"),
    ] {
        assert_eq!(first(short), want, "{short}");
    }
}

#[path = "../../benches/support/synthetic.rs"]
mod synthetic;

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3))]

    /// Above `PARALLEL_FROM` entries a search scores on two threads: its hits are the very hits
    /// of one thread, in the same order, for generated directories and any query.
    #[test]
    fn scoring_on_two_threads_gives_the_same_hits_as_one(
        entries in searcher::PARALLEL_FROM..searcher::PARALLEL_FROM + 4_000,
        seed in 0u64..1_000,
        queries in proptest::collection::vec("[a-zäöüłøñ]{1,6}( [a-zé]{1,5})?|[0-9]{2,4}|land:[a-z]{1,4}", 8),
    ) {
        let (text, _) = synthetic::generate(entries, seed);
        let dir = directory::parse(&text, Source::Embedded, 2026).unwrap();
        let index = SearchIndex::new(&dir);
        proptest::prop_assert!(index.len() >= searcher::PARALLEL_FROM);
        for query in queries.iter().map(String::as_str).chain(["m", "mar", "zqxv", "bresica"]) {
            let query = Query::parse(query);
            proptest::prop_assert_eq!(index.search(&query), index.search_split(&query, usize::MAX), "{:?}", query);
        }
    }
}
