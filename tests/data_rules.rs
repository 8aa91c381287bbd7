//! Every validation rule, one malformed input each: the message names the file, the line and what
//! is allowed, and the binary exits 2.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use partnerdesk::directory::{self, DataError, EMBEDDED, Source};
use predicates::prelude::*;

const YEAR: i32 = 2026;

/// The embedded dataset with the first `from` replaced by `to`.
fn broken(from: &str, to: &str) -> String {
    assert!(EMBEDDED.contains(from), "the dataset no longer contains {from:?}");
    EMBEDDED.replacen(from, to, 1)
}

/// The problems `text` is rejected with, one rendered line each.
fn problems(text: &str) -> Vec<String> {
    match directory::parse(text, Source::File("test.ron".into()), YEAR) {
        Ok(_) => panic!("the malformed data was accepted"),
        Err(e) => e.to_string().lines().map(str::to_owned).collect(),
    }
}

/// The 1-based line of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).expect("needle in text") + 1
}

fn assert_one_problem(text: &str, line: usize, needle: &str) {
    let found = problems(text);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let prefix = format!("test.ron:{line}:");
    assert!(found[0].starts_with(&prefix), "{:?} should start with {prefix:?}", found[0]);
    assert!(found[0].contains(needle), "{:?} should contain {needle:?}", found[0]);
}

#[test]
fn the_embedded_dataset_is_valid() {
    let dir = directory::load(&Source::Embedded, YEAR).expect("embedded data is valid");
    assert_eq!(dir.cities().len(), 17);
    assert_eq!(dir.people().len(), 6);
}

#[test]
fn syntax_error_names_line_and_column() {
    let text = broken("        City(\n            name: \"Graz\",", "        City(\n            name: \"Graz\"");
    let line = line_of(&text, "name: \"Graz\"") + 1;
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with(&format!("test.ron:{line}:")), "{found:?}");
}

#[test]
fn unknown_field_lists_the_allowed_ones() {
    let text = broken("region: \"Tolna\"", "regio: \"Tolna\"");
    let line = line_of(&text, "regio:");
    assert_one_problem(&text, line, "unknown field `regio` in City; allowed fields are `name`");
}

#[test]
fn missing_field_is_named() {
    let text = broken("            region: \"Tolna\",\n", "");
    let found = problems(&text);
    assert!(found[0].contains("City is missing the field `region`"), "{found:?}");
}

#[test]
fn duplicate_person_id() {
    let text = broken("id: \"otto\"", "id: \"kuz\"");
    let line = line_of(&text, "Jessica") - 1;
    assert!(
        problems(&text)
            .iter()
            .any(|p| p.starts_with(&format!("test.ron:{line}:")) && p.contains("person \"kuz\": duplicate id"))
    );
}

#[test]
fn duplicate_city_name() {
    let text = broken("name: \"Troyes\"", "name: \"Alkmaar\"");
    let second = text.match_indices("name: \"Alkmaar\"").nth(1).unwrap().0;
    let line = text[..second].matches('\n').count() + 1;
    assert_one_problem(&text, line, "city \"Alkmaar\": duplicate city name");
}

#[test]
fn contact_that_names_no_person_lists_the_valid_ids() {
    let text = broken("contact: \"kuz\"", "contact: \"kus\"");
    let line = line_of(&text, "contact: \"kus\"");
    assert_one_problem(
        &text,
        line,
        "city \"Graz\": contact \"kus\" names no person; valid ids are \"sacaliuc\", \"seel\", \"schewe\", \"kuz\", \"otto\", \"moumna\"",
    );
}

#[test]
fn year_before_1945() {
    let text = broken("since: 1988", "since: 1944");
    assert_one_problem(&text, line_of(&text, "since: 1944"), "since 1944 is not a year from 1945 to 2026");
}

#[test]
fn year_in_the_future() {
    let text = broken("since: 2023", "since: 2027");
    assert_one_problem(&text, line_of(&text, "since: 2027"), "since 2027 is not a year from 1945 to 2026");
}

#[test]
fn empty_person_name() {
    let text = broken("family_name: \"Otto\"", "family_name: \" \"");
    assert_one_problem(&text, line_of(&text, "family_name: \" \""), "person \"otto\": family_name is empty");
}

#[test]
fn empty_city_name() {
    let text = broken("name: \"Brescia\"", "name: \"\"");
    assert_one_problem(&text, line_of(&text, "name: \"\""), "city: empty name");
}

#[test]
fn email_that_is_not_an_address() {
    let text = broken(
        "email: \"international@darmstadt.de\",\n        ),\n        Person(\n            id: \"seel\"",
        "email: \"international(at)darmstadt.de\",\n        ),\n        Person(\n            id: \"seel\"",
    );
    assert_one_problem(&text, line_of(&text, "(at)"), "email \"international(at)darmstadt.de\" is not an address");
}

#[test]
fn phone_not_in_the_page_form() {
    let text = broken("(06151) 13-2325", "06151/13-2325");
    assert_one_problem(
        &text,
        line_of(&text, "06151/13"),
        "person \"kuz\": phone \"06151/13-2325\" is not a German number in the form",
    );
}

#[test]
fn fax_not_in_the_page_form() {
    let text = broken("fax: \"(06151) 13-3584\",\n        head", "fax: \"13-3584\",\n        head");
    assert_one_problem(&text, line_of(&text, "fax: \"13-3584\""), "office: fax \"13-3584\" is not a German number");
}

#[test]
fn country_code_not_two_capitals() {
    let text = broken("code: \"PL\"", "code: \"POL\"");
    assert_one_problem(&text, line_of(&text, "\"POL\""), "country code \"POL\" is not two capital letters");
}

#[test]
fn control_character_in_text() {
    let text = broken("Drontheim\", \"Trondhjem", "Dront\\u{1b}[2Jheim\", \"Trondhjem");
    assert_one_problem(&text, line_of(&text, "Dront\\u"), "aliases contains the control character U+001B");
}

#[test]
fn a_control_character_at_the_start_is_placed_on_its_own_line() {
    // A look-up for `name` once also matched `given_name` on an earlier line.
    let text = broken("given_name: \"Alina\"", "given_name: \"\\u{7}Alina\"");
    assert_one_problem(
        &text,
        line_of(&text, "\\u{7}Alina"),
        "person \"seel\": given_name contains the control character U+0007",
    );
    let text = broken("name: \"Graz\"", "name: \"\\u{7}Graz\"");
    assert_one_problem(&text, line_of(&text, "\\u{7}Graz"), "name contains the control character U+0007");
}

#[test]
fn bidirectional_controls_and_line_separators_are_refused_in_every_text() {
    for (escape, kind) in [
        ("\\u{202E}", "bidirectional control U+202E"),
        ("\\u{2066}", "bidirectional control U+2066"),
        ("\\u{200F}", "bidirectional control U+200F"),
        ("\\u{2028}", "line or paragraph separator U+2028"),
        ("\\u{2029}", "line or paragraph separator U+2029"),
    ] {
        let text = broken("region: \"Tolna\"", &format!("region: \"Tol{escape}na\""));
        assert_one_problem(
            &text,
            line_of(&text, "region: \"Tol"),
            &format!("city \"Gyönk\": region contains the {kind}"),
        );
        let text = broken("family_name: \"Otto\"", &format!("family_name: \"Ot{escape}to\""));
        assert_one_problem(&text, line_of(&text, "family_name: \"Ot"), &format!("family_name contains the {kind}"));
    }
}

#[test]
fn names_that_differ_only_by_unicode_form_or_a_space_are_duplicates() {
    // "Płock" with ł precomposed in the data; the same name typed in decomposed form (o + U+0301).
    let text = broken("name: \"Troyes\"", "name: \"Logron\\u{303}o\"");
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("duplicate city name"), "{found:?}");
    let text = broken("name: \"Troyes\"", "name: \"Graz \"");
    let found = problems(&text);
    assert!(found.iter().any(|p| p.contains("duplicate city name")), "{found:#?}");
    assert!(found.iter().any(|p| p.contains("name \"Graz \" starts or ends with a space")), "{found:#?}");
}

#[test]
fn leading_and_trailing_spaces_are_refused() {
    let text = broken("region: \"Tolna\"", "region: \" Tolna\"");
    assert_one_problem(&text, line_of(&text, "region: \" Tolna"), "region \" Tolna\" starts or ends with a space");
}

#[test]
fn a_long_value_among_many_repeated_keys_is_placed_quickly() {
    // Every key of a city repeated in one huge note, and a long bad value: placing the problem
    // once cost a string per occurrence of the key; now it is one pass over the file.
    let noise = "name: contact: code:".repeat(100_000);
    let long = "x".repeat(1_000_000);
    let text = broken("en: \"friendship since 1964; Urkunde Oct 1968\"", &format!("en: \"{noise}\"")).replacen(
        "code: \"AT\"",
        &format!("code: \"{long}\""),
        1,
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{}", found.len());
    assert!(found[0].starts_with(&format!("test.ron:{}:", line_of(&text, "code: \"xxx"))));
}

#[test]
fn head_that_names_no_person() {
    let text = broken("head: \"sacaliuc\"", "head: \"boss\"");
    assert_one_problem(&text, line_of(&text, "head: \"boss\""), "office: head \"boss\" names no person");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let text = broken("since: 1988", "since: 1800").replacen("code: \"IT\"", "code: \"it\"", 1);
    let text = text.replacen("(06151) 13-2321", "0", 1);
    let found = problems(&text);
    assert_eq!(found.len(), 3, "{found:#?}");
    let lines: Vec<usize> = found.iter().map(|p| p.split(':').nth(1).unwrap().parse().unwrap()).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "problems come in file order: {lines:?}");
}

fn partnerdesk() -> Command {
    let mut cmd = Command::cargo_bin("partnerdesk").unwrap();
    cmd.env_remove("PARTNERDESK_DATA");
    cmd
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn binary_check_summarises_the_embedded_data() {
    partnerdesk().arg("check").assert().success().stdout("ok: 17 cities, 6 people (embedded data)\n");
}

#[test]
fn binary_check_lists_problems_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let text = broken("contact: \"kuz\"", "contact: \"kus\"").replacen("code: \"PL\"", "code: \"P\"", 1);
    let path = write(dir.path(), "bad.ron", text.as_bytes());
    partnerdesk()
        .args(["check", "--data", &path])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(format!(
            "{path}:{}: city \"Graz\": contact \"kus\"",
            line_of(&text, "\"kus\"")
        )))
        .stderr(predicate::str::contains(format!(
            "{path}:{}: city \"Płock\": country code \"P\"",
            line_of(&text, "\"P\"")
        )))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn binary_rejects_a_file_that_is_not_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"Directory(\n  office: Office(\n    name: \"".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    let path = write(dir.path(), "latin1.ron", &bytes);
    partnerdesk()
        .args(["check", "--data", &path])
        .assert()
        .code(2)
        .stderr(format!("{path}:3: is not valid UTF-8; save the data file as UTF-8 text\n"));
}

#[test]
fn binary_rejects_a_file_over_64_mib() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "huge.ron", &vec![b' '; 64 * 1024 * 1024 + 1]);
    partnerdesk()
        .args(["check", "--data", &path])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("huge.ron: is larger than 64 MiB, the most a data file may hold"));
}

#[test]
fn binary_rejects_a_folder_and_a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().to_string_lossy().into_owned();
    partnerdesk().args(["check", "--data", &folder]).assert().code(2).stderr(predicate::str::contains("is not a file"));
    let missing = dir.path().join("nope.ron").to_string_lossy().into_owned();
    partnerdesk()
        .args(["check", "--data", &missing])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("{missing}: cannot read the data file")));
}

#[test]
fn binary_reads_partnerdesk_data_and_data_wins() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "bad.ron", b"not ron");
    let good = write(dir.path(), "good.ron", EMBEDDED.as_bytes());
    partnerdesk().env("PARTNERDESK_DATA", &bad).arg("check").assert().code(2);
    partnerdesk()
        .env("PARTNERDESK_DATA", &bad)
        .args(["check", "--data", &good])
        .assert()
        .success()
        .stdout(format!("ok: 17 cities, 6 people ({good})\n"));
}

#[test]
fn bad_data_error_is_a_value_not_a_panic() {
    let err = directory::parse("", Source::Embedded, YEAR).unwrap_err();
    assert!(matches!(err, DataError::Invalid { .. }));
}

#[test]
fn every_duplicate_is_reported() {
    let text = broken("name: \"Troyes\"", "name: \"Graz\"").replacen("name: \"Bursa\"", "name: \"Graz\"", 1);
    let found = problems(&text);
    assert_eq!(found.iter().filter(|p| p.contains("city \"Graz\": duplicate city name")).count(), 2, "{found:#?}");
}

#[test]
fn a_topics_contact_must_name_a_person() {
    let text = broken("contact: \"moumna\"", "contact: \"moumma\"");
    let line = line_of(&text, "contact: \"moumma\"");
    assert_one_problem(&text, line, "topic \"Kommunale Entwicklungspolitik\": contact \"moumma\" names no person");
}

#[test]
fn a_duplicate_or_nameless_topic_is_refused() {
    let text = broken("name: (de: \"Aktuelles\"", "name: (de: \"Fairtrade-Stadt\"");
    let found = problems(&text);
    assert!(found.iter().any(|p| p.contains("topic \"Fairtrade-Stadt\": duplicate topic")), "{found:#?}");
    let text = broken("name: (de: \"Aktuelles\"", "name: (de: \"\"");
    let found = problems(&text);
    assert!(found.iter().any(|p| p.contains("name de is empty")), "{found:#?}");
}

#[test]
fn a_file_without_topics_adjectives_or_english_roles_still_loads() {
    // A shared file written before these fields existed.
    let start = EMBEDDED.find("    topics: [").unwrap();
    let old = format!("{})\n", &EMBEDDED[..start]);
    let old: String = old.lines().filter(|l| !l.contains("role_en:")).map(|l| format!("{l}\n")).collect();
    let dir = directory::parse(&old, Source::File("old.ron".into()), YEAR).expect("an older file loads");
    assert!(dir.topics().is_empty());
    assert_eq!(dir.people()[0].role_en, None);
}
