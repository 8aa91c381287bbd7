//! Whole dialogues on plain values: lines typed from a script, what is said compared with what a
//! listener should hear, and a world that records what it was asked to do.

use super::dialogue::{Dialogue, Ended};
use super::lines::Script;
use super::verbs::{self, VERBS};
use super::world::World;
use crate::directory::{self, Source};
use crate::handover::Outcome;
use crate::i18n::{Bilingual, Lang};
use crate::notes::{Delivery, Entry};
use crate::tui::app::App;
use crate::tui::message::{Command, Copied, CopyOutcome, Message};

/// The year every test lives in, so that anniversaries never change.
const YEAR: i32 = 2026;

/// How the recorded world answers.
#[derive(Debug, Clone, Copy, Default)]
struct Outcomes {
    /// No clipboard takes a copy.
    no_clipboard: bool,
    /// No program takes a link.
    no_handler: bool,
}

/// A world that keeps every command and answers as `outcomes` says.
#[derive(Debug, Default)]
struct Recorded {
    commands: Vec<Command>,
    outcomes: Outcomes,
}

impl Recorded {
    fn copy(&self, what: Copied) -> CopyOutcome {
        if self.outcomes.no_clipboard { CopyOutcome::Failed } else { CopyOutcome::Native(what, "test".into()) }
    }

    fn opened(&self) -> Outcome {
        if self.outcomes.no_handler { Outcome::NoProgram } else { Outcome::Done { program: "xdg-open".into() } }
    }
}

impl World for &mut Recorded {
    fn perform(&mut self, command: Command) -> Vec<Message> {
        self.commands.push(command.clone());
        match command {
            Command::Copy(_, what) => vec![Message::Copied(self.copy(what))],
            Command::Open { what, label, fallback, .. } => {
                vec![Message::Opened { what, label, outcome: self.opened(), fallback }]
            }
            Command::SendNote { message, email, form, .. } => {
                let entry = Entry::new(&message, &email, Delivery::Sending);
                vec![
                    Message::NoteSaved { saved: Ok(entry.clone()), form },
                    Message::NoteSent { entry, mail: self.opened(), form },
                ]
            }
            Command::CopyNote { .. } => vec![Message::Copied(self.copy(Copied::Note))],
            Command::ReadJournal | Command::Reload | Command::Redraw | Command::Suspend => Vec::new(),
        }
    }

    fn keep_draft(&mut self, app: &App) -> Option<Bilingual> {
        app.note.as_ref().filter(|note| note.has_text()).map(|_| crate::i18n::note_kept_at("notes.jsonl"))
    }
}

fn app(lang: Lang) -> App {
    App::new(
        directory::load(&Source::Embedded, YEAR).unwrap(),
        lang,
        chrono::NaiveDate::from_ymd_opt(YEAR, 11, 29).unwrap(),
        (80, 24),
    )
}

/// Runs a dialogue over the embedded directory; returns what was said (prompts as `> ` lines),
/// how it ended and what the world was asked to do.
fn talk_in(lang: Lang, outcomes: Outcomes, typed: &[&str]) -> (Vec<String>, Ended, Vec<Command>) {
    let mut world = Recorded { outcomes, ..Recorded::default() };
    let mut script = Script::new(typed);
    let ended = Dialogue::new(app(lang), &mut world).run(&mut script).unwrap();
    (script.said, ended, world.commands)
}

fn talk(lang: Lang, typed: &[&str]) -> Vec<String> {
    talk_in(lang, Outcomes::default(), typed).0
}

/// What was said after the prompt that typed `typed`, up to the next prompt.
fn after<'a>(said: &'a [String], typed: &str) -> &'a [String] {
    let start = said.iter().position(|line| line.starts_with("> ") && line.ends_with(typed)).expect("typed") + 1;
    let end = said[start..].iter().position(|line| line.starts_with("> ")).map_or(said.len(), |n| start + n);
    &said[start..end]
}

#[test]
fn plock_is_answered_in_german_sentences_most_important_first() {
    let said = talk(Lang::De, &["plock", "q"]);
    assert_eq!(
        said,
        [
            "> Suche: plock",
            "1 Treffer.",
            "Płock, Polen, Partnerstadt seit 1988.",
            "Zuständig: Irene Schewe, Telefon (06151) 13-2324, E-Mail international@darmstadt.de.",
            "Aus dem Ausland: +49 6151 13-2324, Durchwahl 2324.",
            "Fax: (06151) 13-3584.",
            "Auch: Plock, Plozk, Plotzk, Plotsk, Schröttersburg.",
            "Region: Masowien (Mazowieckie).",
            "Jubiläum: 40 Jahre im Jahr 2028.",
            "Abteilungsleitung: Ana-Violeta Sacaliuc, Telefon (06151) 13-2321.",
            "Quelle: Vertrag unterzeichnet am 24. Sept. 1988; hist. Plock/Plozk/Plotzk; 1941-45 Schröttersburg.",
            "> Suche: q",
        ]
    );
}

#[test]
fn several_hits_are_counted_the_first_read_and_the_others_named_with_numbers() {
    let said = talk(Lang::En, &["seel", "4", "9"]);
    let answer = after(&said, "seel");
    assert_eq!(answer[0], "5 matches.");
    assert_eq!(answer[1], "Alina Seel, role: Partner cities.");
    assert!(answer.contains(&"The other matches; type a number to hear one:".to_string()), "{answer:#?}");
    let named: Vec<&str> = answer.iter().filter(|l| l.starts_with(char::is_numeric)).map(String::as_str).collect();
    assert_eq!(
        named,
        [
            "5 matches.",
            "2 Bursa, Alina Seel.",
            "3 Liepāja, Alina Seel.",
            "4 Szeged, Alina Seel.",
            "5 Uzhhorod, Alina Seel."
        ]
    );
    let fourth = after(&said, "> Search: 4");
    assert_eq!(
        fourth[..3],
        [
            "Match 4 of 5.",
            "Szeged, Hungary, partner city since 1990.",
            "Responsible: Alina Seel, phone (06151) 13-3608, email international@darmstadt.de."
        ]
    );
    assert_eq!(after(&said, "> Search: 9"), ["There is no match 9; the last search has 5."]);
}

#[test]
fn the_dialogue_names_the_hits_in_the_order_of_the_view() {
    for query in ["seel", "ungarn", "land:frankreich", "mar", "bresica"] {
        let mut view = app(Lang::De);
        crate::tui::update::update(&mut view, Message::Paste(query.into()));
        let names: Vec<String> = view.hits.iter().take(10).map(|hit| view.index.name(hit.entry).to_string()).collect();
        let said = talk(Lang::De, &[query]);
        let numbered: Vec<&String> =
            said.iter().filter(|line| line.starts_with(|c: char| c.is_ascii_digit())).collect();
        for (i, name) in names.iter().enumerate().skip(1) {
            let line = format!("{} {name},", i + 1);
            assert!(numbered.iter().any(|said| said.starts_with(&line)), "{query}: {line} in {said:#?}");
        }
    }
}

#[test]
fn copy_number_and_email_use_the_views_commands_and_say_the_outcome() {
    let (said, _, commands) = talk_in(Lang::De, Outcomes::default(), &["plock", "n", "e"]);
    assert_eq!(
        commands,
        [
            Command::Copy("(06151) 13-2324".into(), Copied::Phone),
            Command::Copy("international@darmstadt.de".into(), Copied::Email),
        ]
    );
    assert_eq!(after(&said, "> Suche: n"), ["Telefonnummer kopiert (test)."]);
    assert_eq!(after(&said, "> Suche: e"), ["E-Mail-Adresse kopiert (test)."]);
}

#[test]
fn a_copy_that_failed_reads_out_what_to_copy_by_hand() {
    let outcomes = Outcomes { no_clipboard: true, no_handler: true };
    let (said, _, _) = talk_in(Lang::En, outcomes, &["plock", "n", "c"]);
    assert_eq!(after(&said, "> Search: n"), ["Copy failed.", "Phone number to copy by hand: (06151) 13-2324."]);
    assert_eq!(
        after(&said, "> Search: c"),
        [
            "Not handed over: no phone program set up – Irene Schewe, (06151) 13-2324; Copy failed.",
            "Phone number to copy by hand: (06151) 13-2324."
        ]
    );
}

#[test]
fn call_and_write_hand_the_views_links_over() {
    let (said, _, commands) = talk_in(Lang::De, Outcomes::default(), &["plock", "a", "s"]);
    let uris: Vec<&str> = commands
        .iter()
        .filter_map(|command| match command {
            Command::Open { uri, .. } => Some(uri.as_str()),
            _ => None,
        })
        .collect();
    let subject = crate::actions::subject(Lang::De, Some(&crate::actions::About::City("Płock".into())), "Irene Schewe");
    assert_eq!(
        uris,
        ["tel:+49-6151-13-2324", crate::actions::mailto("international@darmstadt.de", &subject, None).as_str()]
    );
    assert_eq!(after(&said, "> Suche: a"), ["An das Telefonprogramm übergeben: Irene Schewe, (06151) 13-2324."]);
    assert_eq!(
        after(&said, "> Suche: s"),
        ["An das Mailprogramm übergeben: Irene Schewe <international@darmstadt.de>."]
    );
}

#[test]
fn the_office_has_no_number_and_the_sentence_names_the_dialogues_word() {
    let said = talk(Lang::En, &["'amt", "n", "c"]);
    assert!(
        after(&said, "'amt")[1].starts_with("Responsible: Abteilung Internationales, email international@darmstadt.de")
    );
    assert_eq!(after(&said, "> Search: n"), ["The office has no general number; e copies the email address."]);
    assert_eq!(after(&said, "> Search: c"), ["The office has no general number; w writes an email."]);
}

#[test]
fn a_note_is_taken_one_field_at_a_time_and_sent_as_the_view_sends_it() {
    let typed = ["plock", "t", "Jan Kowalski", "+48 24 367 1000", "Besuch im Mai", "q"];
    let (said, ended, commands) = talk_in(Lang::De, Outcomes::default(), &typed);
    assert_eq!(ended, Ended::Quit);
    let note = after(&said, "> Suche: t");
    assert_eq!(
        note,
        [
            "Telefonnotiz für Irene Schewe zu Partnerstadt Płock. Es folgen Anrufer, Rückruf und Anliegen; ein Feld darf leer bleiben."
        ]
    );
    assert!(said.contains(&"> Anrufer: Jan Kowalski".to_string()));
    assert!(said.contains(&"> Rückruf: +48 24 367 1000".to_string()));
    assert_eq!(after(&said, "> Anliegen: Besuch im Mai"), ["Notiz an Mailprogramm übergeben (xdg-open)."]);
    let [Command::SendNote { message, uri, .. }] = commands.as_slice() else { panic!("{commands:?}") };
    let text = message.text(Lang::De);
    assert!(text.contains("Partnerstadt: Płock\r\nFür: Irene Schewe\r\nAnrufer: Jan Kowalski\r\nRückruf: +48 24 367 1000\r\nAnliegen: Besuch im Mai"), "{text}");
    assert!(
        uri.starts_with(
            "mailto:international@darmstadt.de?subject=Telefonnotiz%3A%20P%C5%82ock%20%E2%80%93%20Jan%20Kowalski&body="
        ),
        "{uri}"
    );
}

#[test]
fn a_note_needs_a_caller_or_a_concern_and_an_empty_one_is_dropped() {
    let (said, _, commands) = talk_in(Lang::En, Outcomes::default(), &["graz", "t", "", "", "", "q"]);
    assert!(commands.is_empty());
    assert_eq!(after(&said, "> Concern: "), ["The note was empty and is dropped."]);
    let typed = ["graz", "t", "", "0171 555", "", "Ms Berger", "about the visit", "q"];
    let (said, _, commands) = talk_in(Lang::En, Outcomes::default(), &typed);
    assert!(said.contains(&"Please fill in a caller or a concern.".to_string()), "{said:#?}");
    let [Command::SendNote { message, .. }] = commands.as_slice() else { panic!("{commands:?}") };
    let text = message.text(Lang::En);
    assert!(text.contains("Caller: Ms Berger\r\nCall back: 0171 555\r\nConcern: about the visit"), "{text}");
}

#[test]
fn a_note_that_did_not_leave_is_read_out_whole() {
    let outcomes = Outcomes { no_clipboard: true, no_handler: true };
    let (said, _, _) = talk_in(Lang::En, outcomes, &["plock", "t", "Jan", "", "visit", "q"]);
    let told = after(&said, "> Concern: visit");
    assert_eq!(told[0], "Not handed over: no mail program set up; note kept (partnerdesk notes).");
    assert_eq!(told[1], "Copy failed.");
    assert_eq!(told[2], "The note has not been passed on yet.");
    assert!(told[3].starts_with("Phone message: "));
    assert_eq!(told[4..], ["Partner city: Płock", "For: Irene Schewe", "Caller: Jan", "Call back: ", "Concern: visit"]);
}

#[test]
fn input_that_ends_in_a_note_reads_what_was_typed() {
    let (said, ended, commands) = talk_in(Lang::De, Outcomes::default(), &["plock", "t", "Jan Kowalski"]);
    assert_eq!(ended, Ended::InputEnded);
    assert!(commands.is_empty());
    assert!(said.contains(&"Die Notiz ist noch nicht weitergegeben.".to_string()));
    assert!(said.contains(&"Die Notiz ist gespeichert in notes.jsonl; partnerdesk notes zeigt sie.".to_string()));
    assert!(said.contains(&"Anrufer: Jan Kowalski".to_string()));
}

#[test]
fn help_lists_every_command_of_the_table_in_the_ui_language() {
    for lang in [Lang::De, Lang::En] {
        let help = talk(lang, &["?"]);
        for entry in VERBS {
            let words = verbs::words(entry.verb, lang);
            let listed = help.iter().any(|line| line.starts_with(words[0]) && line.contains(entry.does.get(lang)));
            assert!(listed, "{lang:?} {words:?} in {help:#?}");
        }
    }
    let help = talk(Lang::De, &["hilfe"]);
    assert!(help.contains(&"a oder anrufen: anrufen, über das Telefonprogramm.".to_string()), "{help:#?}");
}

#[test]
fn repeat_says_the_last_answer_again_and_a_command_word_can_be_searched() {
    let said = talk(Lang::En, &["graz", "r", "'help"]);
    assert_eq!(after(&said, "graz"), after(&said, "> Search: r"));
    assert_eq!(after(&said, "'help")[0], "No matches for 'help.");
}

#[test]
fn every_line_said_is_a_sentence_without_escapes_or_decoration() {
    for lang in [Lang::De, Lang::En] {
        let typed = [
            "",
            "?",
            "plock",
            "n",
            "e",
            "seel",
            "2",
            "12",
            "r",
            "'amt",
            "n",
            "europawochenende",
            "xyzzy",
            "die frau",
            "bresica",
            "polen ungarn",
            "t",
            "",
            "",
            "",
        ];
        let outcomes = Outcomes { no_clipboard: true, no_handler: true };
        let (said, _, _) = talk_in(lang, outcomes, &typed);
        for line in said.iter().filter(|line| !line.starts_with("> ")) {
            assert!(line.ends_with(['.', ':', '?', '!']), "not a sentence: {line:?}");
            for c in line.chars() {
                assert!(!c.is_control(), "control character in {line:?}");
                assert!(!('\u{2500}'..='\u{259f}').contains(&c), "box drawing in {line:?}");
                assert!(!"≈◐▶⚠·…".contains(c), "decoration in {line:?}");
            }
        }
    }
}

#[test]
fn before_a_search_and_after_filler_words_nothing_is_selected() {
    let (said, _, commands) = talk_in(Lang::En, Outcomes::default(), &["n", "t", "r", "2", "the mrs", "n", "3"]);
    assert!(commands.is_empty(), "{commands:?}");
    for typed in ["> Search: n", "> Search: t", "> Search: r"] {
        assert_eq!(after(&said, typed), ["No match has been read yet; please search first."]);
    }
    assert_eq!(after(&said, "> Search: 2"), ["There is no match 2; please search first."]);
    assert_eq!(after(&said, "> Search: 3"), ["There is no match 3; please search first."]);
}

#[test]
fn ctrl_c_in_a_note_keeps_it_as_a_draft_and_the_search_goes_on() {
    let (said, ended, commands) = talk_in(Lang::En, Outcomes::default(), &["plock", "t", "Jan", "\u{3}", "graz", "q"]);
    assert_eq!(ended, Ended::Quit);
    assert!(commands.is_empty(), "nothing sent: {commands:?}");
    let told = after(&said, "> Call back: \u{3}");
    assert_eq!(
        told[..2],
        ["The note has not been passed on yet.", "The note is kept in notes.jsonl; partnerdesk notes shows it."]
    );
    assert!(told.contains(&"Caller: Jan".to_string()), "{told:#?}");
    assert_eq!(after(&said, "> Search: graz")[1], "Graz, Austria, partner city since 1968.");
}

/// While Płock's contact is away (a made-up absence: the office's page names none), the answer
/// says so and names who answers instead, whom the number's copy reaches too.
#[test]
fn an_absent_contact_is_said_with_who_answers_instead() {
    let mut text = directory::EMBEDDED.to_string();
    let end = text.rfind(')').unwrap();
    let absences = "    absences: [\n        Absence(person: \"schewe\", from: \"2026-12-01\", until: \"2026-12-04\", \
                    cover: \"kuz\"),\n    ],\n)\n";
    text.replace_range(end.., absences);
    let directory = directory::parse(&text, Source::Embedded, YEAR).unwrap();
    for (lang, said_first, said_then, away) in [
        (
            Lang::De,
            "Zuständig: Irene Schewe, abwesend 01.12. bis 04.12.",
            "Erreichbar: Julia Kuz (Vertretung), Telefon (06151) 13-2325, E-Mail international@darmstadt.de.",
            "Abwesend: 01.12. bis 04.12.",
        ),
        (
            Lang::En,
            "Responsible: Irene Schewe, away 1 Dec to 4 Dec.",
            "Answers now: Julia Kuz (cover), phone (06151) 13-2325, email international@darmstadt.de.",
            "Away: 1 Dec to 4 Dec.",
        ),
    ] {
        let day = chrono::NaiveDate::from_ymd_opt(YEAR, 12, 2).unwrap();
        let app = App::new(directory.clone(), lang, day, (80, 24));
        let mut world = Recorded::default();
        let mut script = Script::new(&["plock", "n", "schewe", "q"]);
        Dialogue::new(app, &mut world).run(&mut script).unwrap();
        let said = &script.said;
        let plock = after(said, "plock");
        assert_eq!(&plock[2..4], [said_first, said_then], "{said:#?}");
        assert!(world.commands.contains(&Command::Copy("(06151) 13-2325".into(), Copied::Phone)), "{said:#?}");
        assert!(after(said, "schewe").iter().any(|line| line == away), "{said:#?}");
        let listed =
            if lang == Lang::De { "Irene Schewe, Vertretung Julia Kuz" } else { "Irene Schewe, cover Julia Kuz" };
        assert!(after(said, "schewe").iter().any(|line| line.contains(listed)), "{said:#?}");
    }
}
