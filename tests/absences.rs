//! Absences and who answers meanwhile: the data rules, with lines, in German and English; `away`
//! and `back` on a copy of the data file, as the real binary; and every answer (`query`, its
//! JSON, `list` in every format, `--on`) pointing to whoever answers on the day.
//!
//! Every absence and deputy here is made up for the tests: the office's page names none. The
//! binary's today is fixed with `PARTNERDESK_TODAY`, never the wall clock.

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use partnerdesk::directory::{self, EMBEDDED, Source};
use partnerdesk::i18n::Lang;

const YEAR: i32 = 2026;
const TODAY: &str = "2026-12-01";

/// The embedded dataset with `absences` as its absences list, and `deputy` given to Irene Schewe.
fn with_absences(absences: &[&str], deputy: Option<&str>) -> String {
    let mut text = EMBEDDED.to_string();
    if let Some(deputy) = deputy {
        let id = "            id: \"schewe\",\n";
        text = text.replacen(id, &format!("{id}            deputy: \"{deputy}\",\n"), 1);
    }
    let end = text.rfind(')').unwrap();
    let list: String = absences.iter().map(|a| format!("        {a},\n")).collect();
    text.replace_range(end.., &format!("    absences: [\n{list}    ],\n)\n"));
    text
}

/// The problems `text` is rejected with, in `lang`, one rendered line each.
fn problems(text: &str, lang: Lang) -> Vec<String> {
    match directory::parse(text, Source::File("test.ron".into()), YEAR) {
        Ok(_) => panic!("the malformed data was accepted"),
        Err(e) => e.in_lang(lang).lines().map(str::to_owned).collect(),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("needle in text") + 1
}

/// One problem, on the line of `at`, saying `en` in English and `de` in German.
fn assert_problem(text: &str, at: &str, en: &str, de: &str) {
    let line = line_of(text, at);
    for (lang, needle) in [(Lang::En, en), (Lang::De, de)] {
        let found = problems(text, lang);
        assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
        assert!(found[0].starts_with(&format!("test.ron:{line}: ")), "{found:?} should be on line {line}");
        assert!(found[0].contains(needle), "{:?} should contain {needle:?}", found[0]);
    }
}

#[test]
fn a_valid_absence_and_deputy_load() {
    let text = with_absences(&[r#"Absence(person: "schewe", from: "01.12.2026", until: "2026-12-04")"#], Some("kuz"));
    let dir = directory::parse(&text, Source::Embedded, YEAR).unwrap();
    assert_eq!(dir.absences().len(), 1);
}

#[test]
fn an_unknown_person_or_cover_lists_the_valid_ids() {
    let text =
        with_absences(&[r#"Absence(person: "schewe", from: "2026-12-01", until: "2026-12-04", cover: "kus")"#], None);
    assert_problem(&text, "cover: \"kus\"", "cover \"kus\" names no person; valid ids are", "nennt keine Person");
    let text = with_absences(&[r#"Absence(person: "schewi", from: "2026-12-01", until: "2026-12-04")"#], None);
    assert_problem(
        &text,
        "person: \"schewi\"",
        "absence of \"schewi\": person \"schewi\" names no person",
        "Abwesenheit von",
    );
    let text = with_absences(&[], Some("nobody"));
    assert_problem(
        &text,
        "deputy: \"nobody\"",
        "deputy \"nobody\" names no person",
        "deputy \"nobody\" nennt keine Person",
    );
    let text = with_absences(&[], Some("schewe"));
    assert_problem(&text, "deputy: \"schewe\"", "deputy is the person themselves", "deputy ist die Person selbst");
}

#[test]
fn a_cover_who_is_the_person_is_refused() {
    let text = with_absences(
        &[r#"Absence(person: "schewe", from: "2026-12-01", until: "2026-12-04", cover: "schewe")"#],
        None,
    );
    assert_problem(
        &text,
        "cover: \"schewe\"",
        "cover is the absent person themselves",
        "cover ist die abwesende Person",
    );
}

#[test]
fn until_before_from_is_refused() {
    let text = with_absences(&[r#"Absence(person: "schewe", from: "2026-12-04", until: "2026-12-01")"#], None);
    assert_problem(&text, "person: \"schewe\"", "until \"2026-12-01\" is before from \"2026-12-04\"", "liegt vor from");
}

#[test]
fn overlapping_absences_of_one_person_are_refused_on_the_later_line() {
    let text = with_absences(
        &[
            r#"Absence(person: "schewe", from: "2026-12-01", until: "2026-12-04")"#,
            r#"Absence(person: "kuz", from: "2026-12-02", until: "2026-12-03")"#,
            r#"Absence(person: "schewe", from: "2026-12-04", until: "2026-12-10")"#,
        ],
        None,
    );
    assert_problem(
        &text,
        "from: \"2026-12-04\"",
        "2026-12-04 to 2026-12-10 overlaps their absence 2026-12-01 to 2026-12-04",
        "überschneidet sich mit ihrer Abwesenheit",
    );
}

#[test]
fn dates_must_be_real_days_from_2000_to_9999() {
    for (from, en, de) in [
        ("1999-12-31", "is not between 2000 and 9999", "liegt nicht zwischen 2000 und 9999"),
        ("2026-02-30", "there is no such day", "diesen Tag gibt es nicht"),
        ("12/01/2026", "is not a date; allowed are YYYY-MM-DD or DD.MM.YYYY", "ist kein Datum; erlaubt sind"),
    ] {
        let text =
            with_absences(&[&format!(r#"Absence(person: "schewe", from: "{from}", until: "2026-12-04")"#)], None);
        assert_problem(&text, &format!("from: \"{from}\""), en, de);
    }
}

#[test]
fn a_reason_has_no_field() {
    let text =
        with_absences(&[r#"Absence(person: "schewe", from: "2026-12-01", until: "2026-12-04", reason: "x")"#], None);
    let found = problems(&text, Lang::En);
    assert!(found[0].contains("unknown field `reason`"), "{found:?}");
}

/// A copy of the data file, on which the binary runs on a fixed day, as user `anna`.
struct Desk {
    folder: tempfile::TempDir,
    data: PathBuf,
}

impl Desk {
    fn new(text: &str) -> Desk {
        let folder = tempfile::tempdir().unwrap();
        let data = folder.path().join("directory.ron");
        fs::write(&data, text).unwrap();
        Desk { folder, data }
    }

    fn run_on(&self, today: &str, args: &[&str]) -> std::process::Output {
        let mut cmd = Command::cargo_bin("partnerdesk").unwrap();
        cmd.args(args).arg("--data").arg(&self.data);
        cmd.env("LANG", "C").env("PARTNERDESK_CACHE", "off").env("USER", "anna").env("PARTNERDESK_TODAY", today);
        cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("PARTNERDESK_DATA");
        cmd.output().unwrap()
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        self.run_on(TODAY, args)
    }

    fn stdout(&self, args: &[&str]) -> String {
        let output = self.run(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }

    fn text(&self) -> String {
        fs::read_to_string(&self.data).unwrap()
    }
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Who answers for `query`'s first hit on `today`, by name, from `query --json`.
fn answers_now(desk: &Desk, today: &str, query: &str) -> String {
    let output = desk.run_on(today, &["query", "--json", "--limit", "1", query]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    json[0]["answers_now"]["name"].as_str().unwrap().to_string()
}

#[test]
fn after_away_every_answer_for_schewe_points_to_the_cover_until_the_day_and_then_back() {
    let desk = Desk::new(EMBEDDED);
    let output = desk.run(&["away", "schewe", "--until", "2026-12-04", "--cover", "kuz"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("Irene Schewe: away 2026-12-01 to 2026-12-04, cover Julia Kuz"), "{said}");
    assert!(said.contains("While Irene Schewe is away, Julia Kuz answers (cover)"), "{said}");
    // Only the absences list was added; every other line stays.
    let text = desk.text();
    assert!(text.starts_with(&EMBEDDED[..EMBEDDED.rfind("    ],").unwrap()]));
    assert!(
        text.contains(
            "        Absence(person: \"schewe\", from: \"2026-12-01\", until: \"2026-12-04\", cover: \"kuz\"),"
        )
    );
    for query in ["Płock", "Alkmaar", "Gyönk", "Troyes", "Irene Schewe"] {
        assert_eq!(answers_now(&desk, "2026-12-01", query), "Julia Kuz", "{query} on the first day");
        assert_eq!(answers_now(&desk, "2026-12-04", query), "Julia Kuz", "{query} on the last day");
        assert_eq!(answers_now(&desk, "2026-12-05", query), "Irene Schewe", "{query} the day after");
    }
    assert_eq!(answers_now(&desk, "2026-12-02", "Graz"), "Julia Kuz", "Julia Kuz's own city");
    // The history says who recorded it.
    let history = desk.stdout(&["history"]);
    assert!(history.contains("  anna  Irene Schewe: away 2026-12-01 to 2026-12-04, cover Julia Kuz"), "{history}");
    let kept: Vec<_> = fs::read_dir(desk.folder.path().join("history")).unwrap().collect();
    assert_eq!(kept.len(), 1, "the version before is kept");
}

#[test]
fn query_json_names_the_absence_and_who_answers_and_the_line_says_it_in_both_languages() {
    let desk = Desk::new(EMBEDDED);
    desk.run(&["away", "schewe", "--until", "04.12.2026", "--cover", "Julia Kuz"]);
    let json: serde_json::Value = serde_json::from_str(&desk.stdout(&["query", "--json", "plock"])).unwrap();
    let plock = &json[0];
    assert_eq!(plock["contact"]["id"], "schewe");
    assert_eq!(plock["contact"]["away"], serde_json::json!({"from": "2026-12-01", "until": "2026-12-04"}));
    assert_eq!(
        plock["answers_now"],
        serde_json::json!({"id": "kuz", "name": "Julia Kuz", "phone": "(06151) 13-2325",
            "email": "international@darmstadt.de", "tel": "tel:+49-6151-13-2325", "as": "cover"})
    );
    let de = desk.stdout(&["--lang", "de", "query", "plock"]);
    assert_eq!(
        de.trim_end(),
        "Płock (Polen, seit 1988): Irene Schewe (abwesend bis 04.12.), Vertretung Julia Kuz, (06151) 13-2325, \
         international@darmstadt.de"
    );
    let en = desk.stdout(&["query", "plock", "--on", "2026-12-05"]);
    assert_eq!(en.trim_end(), "Płock (Poland, since 1988): Irene Schewe, (06151) 13-2324, international@darmstadt.de");
    // Nobody away: answers_now is the contact, and there is no `away`.
    let graz: serde_json::Value = serde_json::from_str(&desk.stdout(&["query", "--json", "graz"])).unwrap();
    assert_eq!(graz[0]["answers_now"]["id"], "kuz");
    assert_eq!(graz[0]["answers_now"]["as"], "contact");
    assert!(graz[0]["contact"].get("away").is_none());
    // Topics and people have it too; a topic the office answers for answers with the mailbox.
    let topic: serde_json::Value = serde_json::from_str(&desk.stdout(&["query", "--json", "Fairtrade"])).unwrap();
    assert_eq!(topic[0]["answers_now"]["email"], "international@darmstadt.de");
    assert_eq!(topic[0]["answers_now"]["as"], "office");
    let person: serde_json::Value = serde_json::from_str(&desk.stdout(&["query", "--json", "schewe"])).unwrap();
    assert_eq!(person[0]["away"]["until"], "2026-12-04");
}

#[test]
fn with_the_contact_and_the_cover_away_the_head_answers() {
    let desk = Desk::new(EMBEDDED);
    desk.run(&["away", "schewe", "--until", "2026-12-04", "--cover", "kuz"]);
    let output = desk.run(&["away", "kuz", "--from", "2026-12-03", "--until", "2026-12-10"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(answers_now(&desk, "2026-12-02", "Płock"), "Julia Kuz");
    assert_eq!(answers_now(&desk, "2026-12-03", "Płock"), "Ana-Violeta Sacaliuc");
    let line = desk.stdout(&["query", "plock", "--on", "2026-12-03"]);
    assert!(line.contains("Irene Schewe (away until 4 Dec), head of department Ana-Violeta Sacaliuc"), "{line}");
}

#[test]
fn without_a_cover_the_deputy_covers() {
    let desk = Desk::new(&with_absences(&[], Some("otto")));
    let output = desk.run(&["away", "schewe", "--until", "2026-12-04"]);
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("While Irene Schewe is away, Jessica Otto answers (cover)")
    );
    assert!(!desk.text().contains("cover:"), "the deputy stands in by being the deputy");
    assert_eq!(answers_now(&desk, TODAY, "Troyes"), "Jessica Otto");
    assert!(desk.stdout(&["list", "absences"]).contains("2026-12-04  Jessica Otto (deputy)"));
    let de = desk.stdout(&["--lang", "de", "list", "absences"]);
    assert!(de.contains("04.12.2026  Jessica Otto (ständige Vertretung)"), "{de}");
}

#[test]
fn back_ends_todays_absence_keeps_a_later_one_and_ended_ones_leave_the_file() {
    let desk = Desk::new(&with_absences(
        &[
            r#"Absence(person: "otto", from: "2026-11-02", until: "2026-11-06")"#,
            r#"Absence(person: "schewe", from: "2026-11-30", until: "2026-12-04", cover: "kuz")"#,
            r#"Absence(person: "schewe", from: "2026-12-21", until: "2027-01-04", cover: "seel")"#,
        ],
        None,
    ));
    let output = desk.run(&["back", "Irene Schewe"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("Irene Schewe: absence 2026-11-30 to 2026-12-04 removed"), "{said}");
    assert!(said.contains("Jessica Otto: absence 2026-11-02 to 2026-11-06 removed"), "ended: {said}");
    assert!(said.contains("Irene Schewe answers again"), "{said}");
    let text = desk.text();
    assert!(!text.contains("2026-11-30") && !text.contains("otto\", from"), "{text}");
    assert!(text.contains("from: \"2026-12-21\""), "the later absence stays");
    assert_eq!(answers_now(&desk, TODAY, "Płock"), "Irene Schewe");
    assert_eq!(answers_now(&desk, "2026-12-24", "Płock"), "Alina Seel");
    // Not away today: nothing to do, and the file stays as it is.
    let again = desk.run(&["back", "schewe"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&again.stdout).contains("Irene Schewe is not away today; nothing changed"));
    assert_eq!(desk.text(), text);
}

#[test]
fn bad_input_gets_status_2_a_message_and_an_untouched_file() {
    let desk = Desk::new(EMBEDDED);
    for (args, message) in [
        (&["away", "nobody", "--until", "2026-12-04"][..], "nobody is called"),
        (&["away", "schewe", "--until", "2026-12-04", "--cover", "nobody"], "nobody is called"),
        (&["away", "schewe", "--until", "2026-12-04", "--cover", "schewe"], "cannot cover for themselves"),
        (&["away", "schewe", "--until", "2026-02-30"], "--until \"2026-02-30\": there is no such day"),
        (&["away", "schewe", "--until", "tomorrow"], "is not a date; allowed are YYYY-MM-DD or DD.MM.YYYY"),
        (&["away", "schewe", "--from", "2026-12-05", "--until", "2026-12-04"], "is before --from"),
        (&["away", "schewe", "--from", "2026-11-01", "--until", "2026-11-04"], "is before today"),
        (&["back", "nobody"], "nobody is called"),
        (&["query", "plock", "--on", "1999-12-24"], "is not between 2000 and 9999"),
        (&["list", "--on", "24.12."], "is not a date"),
    ] {
        let output = desk.run(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains(message), "{args:?}: {}", stderr(&output));
        assert_eq!(desk.text(), EMBEDDED, "{args:?}");
    }
    // An absence that overlaps one already there is refused too, naming it.
    desk.run(&["away", "schewe", "--until", "2026-12-04"]);
    let before = desk.text();
    let output = desk.run(&["away", "schewe", "--from", "2026-12-03", "--until", "2026-12-08"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("Irene Schewe is already away from 2026-12-01 to 2026-12-04"),
        "{}",
        stderr(&output)
    );
    assert_eq!(desk.text(), before);
}

#[test]
fn list_absences_in_every_format_and_list_on_a_day() {
    let desk = Desk::new(&with_absences(
        &[
            r#"Absence(person: "otto", from: "2026-11-02", until: "2026-11-06")"#,
            r#"Absence(person: "schewe", from: "2026-12-21", until: "2027-01-04", cover: "seel")"#,
            r#"Absence(person: "kuz", from: "2026-12-01", until: "2026-12-02")"#,
        ],
        None,
    ));
    let table = desk.stdout(&["list", "absences"]);
    assert_eq!(
        table,
        "Away          From        Until       Covered by\n\
         Julia Kuz     2026-12-01  2026-12-02  Ana-Violeta Sacaliuc (head of department)\n\
         Irene Schewe  2026-12-21  2027-01-04  Alina Seel\n"
    );
    let de = desk.stdout(&["--lang", "de", "list", "absences"]);
    assert!(de.contains("Irene Schewe  21.12.2026  04.01.2027  Alina Seel"), "{de}");
    let csv = desk.stdout(&["list", "absences", "--format", "csv"]);
    assert!(csv.starts_with(
        "person_id,person,from,until,cover_id,covered_by,covered_by_id,covered_by_as,covered_by_phone\r\n"
    ));
    assert!(
        csv.contains("schewe,Irene Schewe,2026-12-21,2027-01-04,seel,Alina Seel,seel,cover,(06151) 13-3608\r\n"),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&desk.stdout(&["list", "absences", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 2, "the ended absence is not listed");
    assert_eq!(json[1]["cover_id"], "seel");
    assert_eq!(json[0]["cover_id"], serde_json::Value::Null);
    let on = desk.stdout(&["list", "absences", "--on", "2027-01-01"]);
    assert_eq!(on.lines().count(), 2, "{on}");
    let folder = tempfile::tempdir().unwrap();
    let xlsx = folder.path().join("absences.xlsx");
    let output = desk.run(&["list", "absences", "--format", "xlsx", "--out", xlsx.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(fs::read(&xlsx).unwrap().starts_with(b"PK"), "a workbook");
    // Who answers on 24.12.?
    let cities = desk.stdout(&["list", "--on", "24.12.2026"]);
    let plock = cities.lines().find(|l| l.starts_with("Płock")).unwrap();
    assert!(
        plock.ends_with("Irene Schewe (away until 4 Jan 2027)  (06151) 13-2324  Alina Seel, (06151) 13-3608"),
        "{plock}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&desk.stdout(&["list", "--on", "2026-12-24", "--format", "json"])).unwrap();
    let plock = json.as_array().unwrap().iter().find(|c| c["name"] == "Płock").unwrap();
    assert_eq!(plock["answers_now_id"], "seel");
    assert_eq!(plock["contact_away_until"], "2027-01-04");
}

#[test]
fn check_reports_a_bad_absence_with_its_line_and_status_2() {
    let text = with_absences(&[r#"Absence(person: "schewe", from: "2026-12-04", until: "2026-12-01")"#], None);
    let desk = Desk::new(&text);
    let output = desk.run(&["check"]);
    assert_eq!(output.status.code(), Some(2));
    let line = line_of(&text, "person: \"schewe\"");
    assert!(
        stderr(&output).contains(&format!("directory.ron:{line}: absence of \"schewe\": until")),
        "{}",
        stderr(&output)
    );
}

/// The README's made-up example of absences is real output: each `$ partnerdesk …` line of the
/// block after its marker, run on the day and the absences the README names.
#[test]
fn the_readme_example_of_absences_is_real_output() {
    let readme = include_str!("../README.md");
    let marker = "<!-- made-up absences: checked by tests/absences.rs -->\n```text\n";
    let start = readme.find(marker).expect("the marker") + marker.len();
    let block = &readme[start..start + readme[start..].find("\n```").unwrap()];
    let desk = Desk::new(EMBEDDED);
    let day = "2026-12-02";
    for args in [
        &["away", "schewe", "--until", "2026-12-04", "--cover", "kuz"][..],
        &["away", "kuz", "--from", "2026-12-03", "--until", "2026-12-10"],
    ] {
        assert_eq!(desk.run_on(day, args).status.code(), Some(0));
    }
    let mut examples = 0;
    for part in block.split("$ partnerdesk ").skip(1) {
        let (command, shown) = part.split_once('\n').unwrap();
        let args: Vec<&str> = command.split(' ').collect();
        let output = desk.run_on(day, &args);
        assert_eq!(
            String::from_utf8(output.stdout).unwrap().trim_end(),
            shown.trim_end(),
            "README output of {command:?}"
        );
        examples += 1;
    }
    assert_eq!(examples, 4);
}

#[test]
fn an_ended_absence_leaves_the_file_with_the_next_assign_and_history_keeps_it() {
    let ended = r#"Absence(person: "schewe", from: "2026-11-02", until: "2026-11-20", cover: "kuz")"#;
    let later = r#"Absence(person: "otto", from: "2026-12-10", until: "2026-12-12")"#;
    let desk = Desk::new(&with_absences(&[ended, later], None));
    let output = desk.run(&["assign", "Graz", "otto"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = desk.text();
    assert!(!text.contains("2026-11-20") && text.contains("2026-12-12"), "only the ended one goes");
    assert!(text.contains("contact: \"otto\""));
    let history = fs::read_dir(desk.folder.path().join("history")).unwrap().next().unwrap().unwrap().path();
    assert!(fs::read_to_string(history).unwrap().contains("2026-11-20"), "history keeps it");
    let log = desk.stdout(&["history"]);
    assert!(log.contains("Graz: contact Julia Kuz → Jessica Otto"), "{log}");
    assert!(log.contains("Irene Schewe: "), "the removed absence is on record: {log}");
}
