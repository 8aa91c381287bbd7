//! Every subcommand and format through the real binary, checked against the data, and every exit
//! status: 0 success, 1 nothing found, 2 bad arguments or data.

use std::collections::HashMap;
use std::fs;
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;
use partnerdesk::directory::{self, Directory, Phone, Source};
use predicates::prelude::*;

mod common;

use common::read_csv;

fn partnerdesk() -> Command {
    let mut cmd = Command::cargo_bin("partnerdesk").unwrap();
    cmd.env_remove("PARTNERDESK_DATA").env_remove("NO_COLOR").env("LANG", "C").env("PARTNERDESK_CACHE", "off");
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("PARTNERDESK_ACCESSIBLE");
    cmd
}

fn stdout(args: &[&str]) -> String {
    let output = partnerdesk().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

fn directory() -> Directory {
    directory::load(&Source::Embedded, 2026).unwrap()
}

#[test]
fn query_prints_the_key_facts_best_first() {
    let out = stdout(&["query", "plock"]);
    assert_eq!(
        out.lines().next().unwrap(),
        "Płock (Poland, since 1988): Irene Schewe, (06151) 13-2324, international@darmstadt.de"
    );
    let out = stdout(&["--lang", "de", "query", "kuz", "--limit", "1"]);
    assert_eq!(
        out,
        "Julia Kuz (Partnerstädte), (06151) 13-2325, international@darmstadt.de: Graz, Freiberg, Brescia, Saanen-Gstaad, Logroño\n"
    );
    let out = stdout(&["query", "bresica"]);
    assert!(out.starts_with("~ Brescia (Italy, since 1991)"), "approximate hits are marked: {out}");
}

#[test]
fn query_json_has_the_documented_shape() {
    let out = stdout(&["query", "--json", "--limit", "2", "land:ungarn"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let array = value.as_array().unwrap();
    assert_eq!(array.len(), 2);
    let gyonk = array.iter().find(|v| v["name"] == "Gyönk").unwrap();
    assert_eq!(gyonk["kind"], "city");
    assert_eq!(gyonk["approximate"], false);
    assert_eq!(gyonk["country"], serde_json::json!({"code": "HU", "de": "Ungarn", "en": "Hungary"}));
    assert_eq!(gyonk["since"], 1990);
    assert_eq!(gyonk["contact"]["id"], "schewe");
    assert_eq!(gyonk["contact"]["name"], "Irene Schewe");
    assert_eq!(gyonk["contact"]["phone"], "(06151) 13-2324");
    assert_eq!(gyonk["contact"]["email"], "international@darmstadt.de");

    let out = stdout(&["query", "--json", "2325"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let kuz = &value[0];
    assert_eq!(kuz["kind"], "person");
    assert_eq!(kuz["id"], "kuz");
    assert_eq!(kuz["role"], "Partnerstädte");
    assert_eq!(kuz["phone"], "(06151) 13-2325");
    assert_eq!(kuz["cities"], serde_json::json!(["Graz", "Freiberg", "Brescia", "Saanen-Gstaad", "Logroño"]));
}

#[test]
fn query_limit_and_exit_statuses() {
    assert_eq!(stdout(&["query", "a", "--limit", "3"]).lines().count(), 3);
    assert_eq!(
        stdout(&["query", "a", "--limit", "0"]).lines().count(),
        stdout(&["query", "a", "--limit", "100"]).lines().count()
    );
    // A script (stderr not a terminal) gets no output at all, only the status.
    partnerdesk().args(["query", "xyzzyq"]).assert().code(1).stdout("").stderr("");
    partnerdesk().args(["query", "--json", "xyzzyq"]).assert().code(1).stdout("[]\n");
    partnerdesk().args(["query"]).assert().code(2).stderr(predicate::str::contains("required"));
    partnerdesk().args(["query", "--limit", "many", "graz"]).assert().code(2);
}

#[test]
fn list_cities_as_a_table() {
    let out = stdout(&["list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 18);
    let header = ["City", "Country", "Since", "Contact", "Phone", "Stand-in"];
    assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), header);
    // Nobody is away in the embedded data: nobody stands in.
    assert!(lines[1].starts_with("Alkmaar ") && lines[1].ends_with("Irene Schewe  (06151) 13-2324"), "{}", lines[1]);
    // Columns line up: every row has its year at the column of "Since" (counted in chars).
    let at = lines[0].find("Since").unwrap();
    let year = |l: &str| l.chars().skip(at).take(4).collect::<String>();
    assert!(lines[1..].iter().all(|l| year(l).parse::<i32>().is_ok()), "{out}");
    let by_year = stdout(&["list", "--sort", "since"]);
    let years: Vec<String> = by_year.lines().skip(1).map(year).collect();
    let mut sorted = years.clone();
    sorted.sort();
    assert_eq!(years, sorted);
    let by_country = stdout(&["--lang", "de", "list", "--sort", "country"]);
    assert!(by_country.lines().nth(1).unwrap().starts_with("Freiberg"), "Deutschland comes first in German");
}

#[test]
fn list_people_as_a_table() {
    let out = stdout(&["list", "people"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 7);
    assert!(lines[1].starts_with("Julia Kuz") && lines[1].ends_with("Graz, Freiberg, Brescia, Saanen-Gstaad, Logroño"));
    partnerdesk()
        .args(["list", "people", "--sort", "since"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("applies to cities"));
}

#[test]
fn list_csv_matches_the_data() {
    let dir = directory();
    let rows = read_csv(&stdout(&["list", "--format", "csv"]), "\r\n");
    assert_eq!(rows[0][0], "name");
    assert_eq!(rows.len(), 18);
    let at = |name: &str| rows[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}"));
    for row in &rows[1..] {
        assert_eq!(row.len(), rows[0].len());
        let (i, city) = dir.cities().iter().enumerate().find(|(_, c)| c.name == row[0]).unwrap();
        assert_eq!(row[at("country_code")], city.country.code);
        assert_eq!(row[at("region")], city.region, "quoted fields such as \"Bursa province, Marmara\" survive");
        assert_eq!(row[at("since")], city.since.to_string());
        assert_eq!(row[at("contact_phone")], dir.contact_of(i).phone);
        assert_eq!(row[at("aliases")], city.aliases.join("; "));
        assert_eq!(row[at("native")], city.native.clone().unwrap_or_default());
    }
    let people = read_csv(&stdout(&["list", "people", "--format", "csv"]), "\r\n");
    assert_eq!(people.len(), 7);
    let column = |name: &str| people[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("{name}"));
    let kuz = people.iter().find(|r| r[0] == "kuz").unwrap();
    assert_eq!(kuz[column("phone_international")], "+49 6151 13-2325");
    assert_eq!(kuz[column("extension")], "2325");
    assert_eq!(kuz[column("cities")], "Graz; Freiberg; Brescia; Saanen-Gstaad; Logroño");
    assert_eq!(kuz[column("role")], "Partnerstädte", "the page's words");
    assert_eq!(kuz[column("role_en")], "Partner cities", "the translation");
}

#[test]
fn list_json_has_the_csv_columns_typed() {
    for what in ["cities", "people", "topics"] {
        let csv = stdout(&["list", what, "--format", "csv"]);
        let header = read_csv(&csv, "\r\n").swap_remove(0);
        let text = stdout(&["list", what, "--format", "json"]);
        // The keys of the first object, in the order written.
        let first = text.split("\n  },").next().unwrap();
        let written: Vec<&str> =
            first.lines().filter_map(|l| l.strip_prefix("    \"")).filter_map(|l| l.split('"').next()).collect();
        assert_eq!(written, header, "{what}: the same columns in the same order");
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        for object in json.as_array().unwrap() {
            assert_eq!(object.as_object().unwrap().len(), header.len(), "{what}");
        }
    }
    let cities: serde_json::Value = serde_json::from_str(&stdout(&["list", "--format", "json"])).unwrap();
    assert_eq!(cities.as_array().unwrap().len(), 17);
    assert_eq!(cities[0]["name"], "Alkmaar");
    assert_eq!(cities[0]["since"], 1958, "a year is a number");
    assert_eq!(cities[0]["native"], serde_json::Value::Null, "a missing value is null");
    assert_eq!(cities[0]["contact_id"], "schewe");
    let people: serde_json::Value = serde_json::from_str(&stdout(&["list", "people", "--format", "json"])).unwrap();
    assert_eq!(people.as_array().unwrap().len(), 6);
    assert_eq!(people[0]["cities"], serde_json::json!(["Graz", "Freiberg", "Brescia", "Saanen-Gstaad", "Logroño"]));
}

/// A strict vCard reader: CRLF lines of at most 75 octets, folded lines start with one space.
fn read_vcards(text: &str) -> Vec<Vec<(String, String, String)>> {
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line:?} is longer than 75 octets");
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let unfolded = text.replace("\r\n ", "");
    let mut cards = Vec::new();
    let mut card = Vec::new();
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let (head, value) = line.split_once(':').expect("NAME[;PARAMS]:VALUE");
        let (name, params) = head.split_once(';').unwrap_or((head, ""));
        match (name, value) {
            ("BEGIN", "VCARD") => card.clear(),
            ("END", "VCARD") => cards.push(std::mem::take(&mut card)),
            _ => card.push((name.to_string(), params.to_string(), value.to_string())),
        }
    }
    cards
}

/// Splits a structured value on unescaped `;` and unescapes each component.
fn components(value: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.last_mut().unwrap().push('\n'),
                Some(c) => out.last_mut().unwrap().push(c),
                None => panic!("dangling backslash in {value:?}"),
            },
            ';' => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn vcard_4_export_parses_back_field_by_field() {
    let dir = directory();
    let cards = read_vcards(&stdout(&["export", "--vcard", "--vcard-version", "4.0"]));
    assert_eq!(cards.len(), dir.people().len());
    for (i, person) in dir.people().iter().enumerate() {
        let card: HashMap<String, Vec<(String, String)>> =
            cards[i].iter().fold(HashMap::new(), |mut map, (n, p, v)| {
                map.entry(n.clone()).or_default().push((p.clone(), v.clone()));
                map
            });
        let one = |name: &str| components(&card[name][0].1);
        assert_eq!(card["VERSION"][0].1, "4.0");
        assert_eq!(one("FN"), [person.full_name()]);
        assert_eq!(one("N"), [person.family_name.as_str(), &person.given_name, "", "", ""]);
        assert_eq!(one("ORG"), [dir.office().name.as_str(), &dir.office().department]);
        // The title in the output's language: English here (LANG=C), a translation of the page's.
        assert_eq!(one("TITLE"), [person.role_en.as_deref().unwrap_or(&person.role)]);
        assert_eq!(one("EMAIL"), [person.email.as_str()]);
        let phone = Phone::parse(&person.phone).unwrap();
        let tels = &card["TEL"];
        assert_eq!(tels[0].0, "VALUE=uri;TYPE=work,voice");
        assert_eq!(tels[0].1, format!("tel:+49-{}-{}-{}", phone.area, phone.base, phone.extension.unwrap()));
        assert_eq!(tels[1].0, "VALUE=uri;TYPE=work,fax");
        assert_eq!(tels[1].1, "tel:+49-6151-13-3584");
        let adr = one("ADR");
        assert_eq!(adr, ["", "Neues Rathaus (Carree)", "Luisenplatz 5 a", "Darmstadt", "", "64283", ""]);
        let cities: Vec<&str> = dir.cities_of(i).map(|c| c.name.as_str()).collect();
        match card.get("NOTE") {
            Some(note) => assert_eq!(components(&note[0].1), [format!("Partner cities: {}", cities.join(", "))]),
            None => assert!(cities.is_empty()),
        }
    }
}

#[test]
fn vcard_out_writes_the_file_and_replaces_an_old_one_whole() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("team.vcf");
    fs::write(&path, "old contents").unwrap();
    let target = path.to_string_lossy().into_owned();
    partnerdesk().args(["export", "--vcard", "--out", &target]).assert().success().stdout("");
    assert_eq!(fs::read_to_string(&path).unwrap(), stdout(&["export", "--vcard"]));
    assert_eq!(fs::read_dir(folder.path()).unwrap().count(), 1, "no temporary file is left behind");
    let missing = folder.path().join("no/such/folder/team.vcf").to_string_lossy().into_owned();
    partnerdesk()
        .args(["export", "--vcard", "--out", &missing])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("team.vcf: cannot be written: not found"));
    partnerdesk().args(["export"]).assert().code(2);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains("partnerdesk") && script.contains("query"), "{shell}");
    }
    let page = stdout(&["man"]);
    assert!(page.starts_with(".ie") || page.contains(".TH partnerdesk"), "{}", &page[..80.min(page.len())]);
    assert!(page.contains("PARTNERDESK"), "the man page names the environment variable");
    partnerdesk().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn help_and_version() {
    partnerdesk().arg("--help").assert().success().stdout(predicate::str::contains("Examples:"));
    partnerdesk()
        .args(["query", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("partnerdesk query plock"));
    partnerdesk().arg("--version").assert().success().stdout(format!("partnerdesk {}\n", env!("CARGO_PKG_VERSION")));
    partnerdesk().arg("--bogus").assert().code(2);
    partnerdesk().args(["--lang", "fr", "list"]).assert().code(2).stderr(predicate::str::contains("de, en"));
}

#[test]
fn an_unclosed_text_is_reported_at_the_line_where_it_begins() {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("directory.ron");
    let line = directory::EMBEDDED.lines().position(|l| l.contains("name: \"Graz\",")).unwrap() + 1;
    fs::write(&data, directory::EMBEDDED.replacen("name: \"Graz\",", "name: \"Graz,", 1)).unwrap();
    partnerdesk().arg("check").arg("--data").arg(&data).assert().code(2).stderr(predicate::str::contains(format!(
        "directory.ron:{line}:19: this text in quotes does not end on its line"
    )));
}

#[test]
fn a_german_locale_gets_german_help_errors_and_man_page() {
    let german = || {
        let mut cmd = partnerdesk();
        cmd.env("LANG", "de_DE.UTF-8");
        cmd
    };
    german().arg("--help").assert().success().stdout(predicate::str::contains("Aufruf: partnerdesk [OPTIONEN]"));
    german().args(["query", "-h"]).assert().success().stdout(predicate::str::contains("Höchstens N Treffer"));
    german()
        .arg("--bogus")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("Fehler: unbekanntes Argument '--bogus'"));
    german().args(["--lang", "fr", "list"]).assert().code(2).stderr(predicate::str::contains("mögliche Werte: de, en"));
    german().args(["man"]).assert().success().stdout(predicate::str::contains(".SH OPTIONEN"));
    // --lang wins over the locale, before or after the command.
    german().args(["list", "--help", "--lang", "en"]).assert().success().stdout(predicate::str::contains("Usage:"));
    partnerdesk().args(["--lang=de", "--help"]).assert().success().stdout(predicate::str::contains("Befehle:"));
}

#[test]
fn bad_data_fails_every_command_with_status_2() {
    let folder = tempfile::tempdir().unwrap();
    let bad = folder.path().join("bad.ron");
    fs::write(&bad, "Directory(office: Office(name: 1))").unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let folder_arg = folder.path().to_string_lossy().into_owned();
    let missing = folder.path().join("missing.ron").to_string_lossy().into_owned();
    for args in [
        vec!["check"],
        vec!["query", "graz"],
        vec!["list"],
        vec!["list", "people", "--format", "json"],
        vec!["export", "--vcard"],
    ] {
        for data in [&bad, &folder_arg, &missing] {
            partnerdesk()
                .args(&args)
                .args(["--data", data])
                .assert()
                .code(2)
                .stdout("")
                .stderr(predicate::str::starts_with(data.as_str()));
        }
    }
}

#[test]
fn the_interactive_view_needs_a_terminal() {
    partnerdesk().env("TERM", "xterm-256color").write_stdin("").assert().code(2).stderr(
        predicate::str::contains("needs a terminal")
            .and(predicate::str::contains("partnerdesk query"))
            .and(predicate::str::contains("partnerdesk --accessible")),
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = Process::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .args(["query", "--limit", "0", "a"])
        .env_remove("PARTNERDESK_DATA")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn an_empty_or_blank_query_is_an_error_not_a_listing() {
    for text in ["", "   "] {
        partnerdesk()
            .args(["query", text])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("the query is empty"));
    }
}

#[test]
fn an_empty_partnerdesk_data_counts_as_unset() {
    partnerdesk()
        .env("PARTNERDESK_DATA", "")
        .args(["check"])
        .assert()
        .success()
        .stdout("ok: 17 cities, 6 people (embedded data)\n");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_on_standard_output_is_exit_2_for_every_command() {
    for args in [
        &["query", "plock"][..],
        &["list"],
        &["list", "people", "--format", "csv"],
        &["list", "--format", "json"],
        &["export", "--vcard"],
        &["check"],
        &["completions", "bash"],
        &["man"],
    ] {
        let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let output = Process::new(env!("CARGO_BIN_EXE_partnerdesk"))
            .env_remove("PARTNERDESK_DATA")
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("cannot write to standard output"), "{args:?}: {stderr}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_said_in_the_language_of_the_output() {
    for (lang, said) in [
        ("de", "partnerdesk: die Standardausgabe kann nicht geschrieben werden: kein Platz mehr auf dem Datenträger\n"),
        ("en", "partnerdesk: cannot write to standard output: no space left on the device\n"),
    ] {
        // A command's output, the help (clap's in English, partnerdesk's own in German) and the
        // version: each is said, none exits 0 with nothing written.
        for command in [&["list"][..], &["--help"], &["list", "--help"], &["--version"]] {
            let full = fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
            let output = Process::new(env!("CARGO_BIN_EXE_partnerdesk"))
                .env_remove("PARTNERDESK_DATA")
                .args(["--lang", lang])
                .args(command)
                .stdout(full)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(2), "{lang} {command:?}");
            assert_eq!(String::from_utf8_lossy(&output.stderr), said, "{lang} {command:?}");
        }
    }
}

#[cfg(unix)]
#[test]
fn export_out_follows_a_link_refuses_a_device_and_keeps_permissions() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("team.vcf");
    fs::write(&target, "old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let link = dir.path().join("link.vcf");
    symlink("team.vcf", &link).unwrap();

    partnerdesk().args(["export", "--vcard", "--out"]).arg(&link).assert().success();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    assert!(fs::read_to_string(&target).unwrap().starts_with("BEGIN:VCARD"), "its target got the cards");
    assert_eq!(fs::metadata(&target).unwrap().permissions().mode() & 0o777, 0o644, "permissions kept");

    partnerdesk()
        .args(["export", "--vcard", "--out", "/dev/null"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/dev/null: is not a regular file"));
    partnerdesk().args(["export", "--vcard", "--out"]).arg(dir.path()).assert().code(2);

    // A folder that cannot be written: exit 2, the message names the file, nothing left behind.
    let locked = dir.path().join("locked");
    fs::create_dir(&locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    let blocked = partnerdesk().args(["export", "--vcard", "--out"]).arg(locked.join("x.vcf")).output().unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    // Root may write anyway; then the file is simply there.
    if blocked.status.code() == Some(2) {
        assert!(String::from_utf8_lossy(&blocked.stderr).contains("x.vcf: cannot be written: permission denied"));
    }
    let names: Vec<_> = fs::read_dir(&locked).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(names.iter().all(|n| n == "x.vcf"), "no temporary file left: {names:?}");
}

#[test]
fn german_errors_and_words_follow_lang() {
    partnerdesk()
        .args(["--lang", "de", "query", " "])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with("partnerdesk: die Suche ist leer"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.ron");
    fs::write(&path, directory::EMBEDDED.replacen("since: 1988", "since: 1800", 1)).unwrap();
    partnerdesk()
        .args(["--lang", "de", "check", "--data"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(": Stadt \"Płock\": since 1800 ist kein Jahr von 1945 bis"));
    partnerdesk()
        .env("LANG", "de_DE.UTF-8")
        .args(["check"])
        .assert()
        .success()
        .stdout("ok: 17 Städte, 6 Personen (eingebaute Daten)\n");
    let cards = stdout(&["--lang", "de", "export", "--vcard"]);
    assert!(cards.contains("NOTE:Partnerstädte: "), "{cards}");
    let table = stdout(&["--lang", "de", "list", "people"]);
    assert!(table.starts_with("Name"), "{table}");
    assert!(table.lines().next().unwrap().contains("Partnerstädte"));
}

#[test]
fn the_office_is_an_entry_with_its_own_json() {
    let out = stdout(&["query", "--json", "--limit", "1", "Postanschrift"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let office = &value[0];
    assert_eq!(office["kind"], "office");
    assert_eq!(office["name"], "Amt für Gremiendienste, Protokoll und Internationales");
    assert_eq!(office["department"], "Abteilung Internationales");
    assert_eq!(office["visiting_address"]["street"], "Luisenplatz 5 a");
    assert_eq!(office["visiting_address"]["postcode"], "64283");
    assert_eq!(office["postal_address"]["street"], "Postfach 11 10 61");
    assert_eq!(office["postal_address"]["postcode"], "64225");
    assert_eq!(office["email"], "international@darmstadt.de");
    assert_eq!(office["fax"], "(06151) 13-3584");
    assert_eq!(
        office["head"],
        serde_json::json!({"id": "sacaliuc", "name": "Ana-Violeta Sacaliuc", "phone": "(06151) 13-2321"})
    );
}

#[test]
fn the_table_of_what_callers_say() {
    let first = |query: &str| stdout(&["query", "--limit", "1", query]);
    assert!(first("Frau Seel").starts_with("Alina Seel (Partner cities)"));
    assert!(first("Partnerstadt in Lettland").starts_with("Liepāja (Latvia"));
    assert!(first("city in Spain").starts_with("Logroño (Spain"));
    assert!(first("+49 6151 13-3608").starts_with("Alina Seel"));
    assert!(first("0615113-2321").starts_with("Ana-Violeta Sacaliuc"));
    assert!(first("Postanschrift").starts_with("Abteilung Internationales"));
    assert!(first("E-Mail-Adresse").starts_with("Abteilung Internationales"));
    assert!(first("itallien").starts_with("~ Brescia (Italy"));
    for nothing in ["berlin", "tokio", "oslo"] {
        partnerdesk().args(["query", nothing]).assert().code(1).stdout("");
    }
}

#[test]
fn partial_hits_are_marked_in_lines_and_json() {
    let out = stdout(&["query", "graz", "polen"]);
    assert!(out.lines().all(|l| l.starts_with("+ ")), "{out}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&["query", "--json", "graz", "polen"])).unwrap();
    assert!(json.as_array().unwrap().iter().all(|r| r["partial"] == true && r["approximate"] == false));
    let json: serde_json::Value = serde_json::from_str(&stdout(&["query", "--json", "graz"])).unwrap();
    assert_eq!(json[0]["partial"], false);
}

#[test]
fn vcard_3_is_the_default_and_parses_back_field_by_field() {
    let dir = directory();
    let cards = read_vcards(&stdout(&["export", "--vcard"]));
    assert_eq!(cards.len(), dir.people().len());
    for (i, person) in dir.people().iter().enumerate() {
        let card = &cards[i];
        let get = |name: &str| card.iter().filter(|(n, _, _)| n == name).collect::<Vec<_>>();
        assert_eq!(get("VERSION")[0].2, "3.0");
        assert!(get("KIND").is_empty(), "KIND is vCard 4.0 only");
        assert_eq!(components(&get("FN")[0].2), [person.full_name()]);
        let tels = get("TEL");
        assert_eq!(tels[0].1, "TYPE=WORK,VOICE");
        assert_eq!(tels[0].2, Phone::parse(&person.phone).unwrap().international());
        assert_eq!(tels[1].1, "TYPE=WORK,FAX");
        assert_eq!(get("EMAIL")[0].1, "TYPE=INTERNET,WORK");
        assert_eq!(get("EMAIL")[0].2, person.email);
    }
}

#[test]
fn vcard_split_writes_one_file_per_person() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("cards");
    partnerdesk().args(["export", "--vcard", "--split"]).arg(&out).assert().success().stdout("");
    let mut names: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    assert_eq!(names.len(), 6);
    assert!(names.contains(&"Julia Kuz.vcf".to_string()), "{names:?}");
    let kuz = read_vcards(&fs::read_to_string(out.join("Julia Kuz.vcf")).unwrap());
    assert_eq!(kuz.len(), 1, "one card per file");
    assert!(kuz[0].iter().any(|(n, _, v)| n == "FN" && v == "Julia Kuz"));
    partnerdesk().args(["export", "--vcard", "--split", "/dev/null/x"]).assert().code(2);
}

/// The named part of a workbook (a zip file), as text.
fn workbook_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut part = archive.by_name(name).unwrap_or_else(|_| panic!("{name} in the workbook"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    text
}

#[test]
fn list_xlsx_writes_a_real_workbook_with_every_value_as_text() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("people.xlsx");
    partnerdesk().args(["list", "people", "--format", "xlsx", "--out"]).arg(&path).assert().success().stdout("");
    let bytes = fs::read(&path).unwrap();
    let sheet = workbook_part(&bytes, "xl/worksheets/sheet1.xml");
    let strings = workbook_part(&bytes, "xl/sharedStrings.xml");
    assert!(sheet.contains(r#"state="frozen""#), "the header row is frozen");
    assert!(sheet.contains("<col "), "columns have widths");
    assert!(!sheet.contains("<f>"), "no formulas");
    // Every cell with a value is a shared string (t="s"): `+49 …` stays a phone number, not a
    // formula or a number. (An empty value, Tamara Moumna's cities, is a blank cell.)
    let cells: Vec<&str> = sheet.split("<c ").skip(1).map(|c| c.split("</c>").next().unwrap_or(c)).collect();
    assert_eq!(cells.len(), 7 * 19, "a header and six people, nineteen columns");
    for cell in &cells {
        assert!(!cell.contains("<v>") || cell.contains(r#"t="s""#), "a cell that is not text: {cell}");
    }
    assert!(strings.contains("+49 6151 13-2325"));
    assert!(strings.contains("(06151) 13-2325"));
    assert!(strings.contains("Phone (international)"));
    let workbook = workbook_part(&bytes, "xl/workbook.xml");
    assert!(workbook.contains(r#"name="People""#));

    let cities = folder.path().join("cities.xlsx");
    partnerdesk().args(["--lang", "de", "list", "--format", "xlsx", "--out"]).arg(&cities).assert().success();
    let bytes = fs::read(&cities).unwrap();
    assert!(workbook_part(&bytes, "xl/workbook.xml").contains(r#"name="Partnerstädte""#));
    assert!(workbook_part(&bytes, "xl/sharedStrings.xml").contains("Płock"));
}

#[test]
fn list_out_is_atomic_for_every_format() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("cities.csv");
    partnerdesk().args(["list", "--format", "csv", "--out"]).arg(&path).assert().success().stdout("");
    assert_eq!(fs::read_to_string(&path).unwrap(), stdout(&["list", "--format", "csv"]));
}

#[cfg(target_os = "linux")]
#[test]
fn query_through_the_cache_gives_the_current_data_after_every_edit() {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("directory.ron");
    fs::write(&data, directory::EMBEDDED).unwrap();
    let cache = folder.path().join("cache");
    let query = || {
        let output = partnerdesk()
            .env("PARTNERDESK_CACHE", "on")
            .env("XDG_CACHE_HOME", &cache)
            .args(["query", "--json", "graz", "--data"])
            .arg(&data)
            .output()
            .unwrap();
        (output.status.code(), String::from_utf8(output.stdout).unwrap())
    };
    let region = |out: &str| serde_json::from_str::<serde_json::Value>(out).unwrap()[0]["region"].clone();
    let (_, first) = query();
    assert!(cache.join("partnerdesk").read_dir().unwrap().count() == 1, "an entry was written");
    let (_, second) = query();
    assert_eq!(first, second);
    fs::write(&data, directory::EMBEDDED.replace("Steiermark (Styria)", "Styria")).unwrap();
    assert_eq!(region(&query().1), "Styria");
    fs::write(&data, "Directory(").unwrap();
    assert_eq!(query().0, Some(2));
    partnerdesk().env("XDG_CACHE_HOME", &cache).args(["--no-cache", "check", "--data"]).arg(&data).assert().code(2);
}

#[test]
fn anniversaries_in_2028_include_alkmaar_and_troyes_at_70() {
    let out = stdout(&["anniversaries", "--from", "2028", "--years", "1"]);
    assert!(out.contains("2028 70 years: Alkmaar (Netherlands, since 1958): Irene Schewe"), "{out}");
    assert!(out.contains("2028 70 years: Troyes (France, since 1958): Irene Schewe"), "{out}");
    assert!(out.lines().all(|l| l.starts_with("2028 ")));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["anniversaries", "--json", "--from", "2028", "--years", "1"])).unwrap();
    let alkmaar = json.as_array().unwrap().iter().find(|a| a["city"] == "Alkmaar").unwrap();
    assert_eq!(alkmaar["year"], 2028);
    assert_eq!(alkmaar["years"], 70);
    assert_eq!(alkmaar["since"], 1958);
    assert_eq!(alkmaar["country"], serde_json::json!({"code": "NL", "de": "Niederlande", "en": "Netherlands"}));
    assert_eq!(alkmaar["contact"]["id"], "schewe");
    assert_eq!(alkmaar["contact"]["tel"], "tel:+49-6151-13-2324");
    partnerdesk().args(["anniversaries", "--years", "-1"]).assert().code(2);
}

#[test]
fn anniversaries_refuse_ranges_that_make_no_sense() {
    for args in [
        ["--years", "0"],
        ["--years", "101"],
        ["--from", "0"],
        ["--from", "1944"],
        ["--from", "10000"],
        ["--from", "2147483647"],
    ] {
        let output = partnerdesk().arg("anniversaries").args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("is not in"), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    partnerdesk().args(["anniversaries", "--from", "9999", "--years", "100"]).assert().success();
}

#[test]
fn split_refuses_two_people_who_would_share_a_file() {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("twins.ron");
    // A second Julia Kuz (another id): both cards would be "Julia Kuz.vcf".
    let embedded = partnerdesk::directory::EMBEDDED;
    let start = embedded.find("        Person(\n            id: \"kuz\"").unwrap();
    let end = start + embedded[start..].find("        ),\n").unwrap() + "        ),\n".len();
    let twin = embedded[start..end].replace("id: \"kuz\"", "id: \"kuz-2\"").replace("13-2325", "13-2399");
    fs::write(&data, format!("{}{twin}{}", &embedded[..end], &embedded[end..])).unwrap();
    partnerdesk().arg("check").arg("--data").arg(&data).assert().success();
    let out = folder.path().join("cards");
    let output =
        partnerdesk().args(["export", "--vcard", "--split"]).arg(&out).arg("--data").arg(&data).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("Julia Kuz and Julia Kuz would get the same file Julia Kuz.vcf"), "{said}");
    assert_eq!(fs::read_dir(&out).map(|d| d.count()).unwrap_or(0), 0, "nothing written");
}

#[cfg(unix)]
#[test]
fn files_for_colleagues_get_a_redirects_mode() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    let redirect = folder.path().join("redirect");
    fs::File::create(&redirect).unwrap();
    let expected = fs::metadata(&redirect).unwrap().permissions().mode() & 0o777;
    let (csv, xlsx, cards) = (folder.path().join("l.csv"), folder.path().join("l.xlsx"), folder.path().join("cards"));
    partnerdesk().args(["list", "--format", "csv", "--out"]).arg(&csv).assert().success();
    partnerdesk().args(["list", "--format", "xlsx", "--out"]).arg(&xlsx).assert().success();
    partnerdesk().args(["export", "--vcard", "--split"]).arg(&cards).assert().success();
    let mut files = vec![csv, xlsx];
    files.extend(fs::read_dir(&cards).unwrap().map(|e| e.unwrap().path()));
    for file in files {
        assert_eq!(fs::metadata(&file).unwrap().permissions().mode() & 0o777, expected, "{}", file.display());
    }
}

#[test]
fn json_gains_tel_links_and_keeps_every_field() {
    let city: serde_json::Value = serde_json::from_str(&stdout(&["query", "--json", "--limit", "1", "plock"])).unwrap();
    assert_eq!(city[0]["contact"]["tel"], "tel:+49-6151-13-2324");
    assert_eq!(city[0]["contact"]["phone"], "(06151) 13-2324");
    let person: serde_json::Value = serde_json::from_str(&stdout(&["query", "--json", "--limit", "1", "kuz"])).unwrap();
    assert_eq!(person[0]["tel"], "tel:+49-6151-13-2325");
    assert_eq!(person[0]["phone_international"], "+49 6151 13-2325");
    let list: serde_json::Value = serde_json::from_str(&stdout(&["list", "--format", "json"])).unwrap();
    assert!(list.as_array().unwrap().iter().all(|c| c["contact_tel"].as_str().unwrap().starts_with("tel:+49-")));
}

#[test]
fn topics_are_listed_in_every_format_and_found_by_query() {
    let table = stdout(&["list", "topics"]);
    assert!(table.starts_with("Topic"), "{table}");
    assert!(table.contains("Municipal development policy  Tamara Moumna"), "{table}");
    let csv = stdout(&["list", "topics", "--format", "csv"]);
    assert!(csv.starts_with(
        "name_de,name_en,aliases,summary_de,summary_en,contact_id,contact_name,contact_phone,contact_tel,email,\
         contact_away_until,answers_now_id,answers_now_name,answers_now_as,answers_now_phone,answers_now_email\r\n"
    ));
    let json: serde_json::Value = serde_json::from_str(&stdout(&["list", "topics", "--format", "json"])).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 10);
    assert!(json.as_array().unwrap().iter().all(|t| t["name_de"].is_string() && t["summary_en"].is_string()));
    let found: serde_json::Value = serde_json::from_str(&stdout(&["query", "--json", "Fairtrade"])).unwrap();
    assert_eq!(found[0]["kind"], "topic");
    assert_eq!(found[0]["name"], "Fairtrade-Stadt");
    assert_eq!(found[0]["email"], "international@darmstadt.de");
    assert_eq!(found[0]["head"]["name"], "Ana-Violeta Sacaliuc");
    let folder = tempfile::tempdir().unwrap();
    let xlsx = folder.path().join("t.xlsx");
    partnerdesk().args(["--lang", "de", "list", "topics", "--format", "xlsx", "--out"]).arg(&xlsx).assert().success();
    let sheet = workbook_part(&fs::read(&xlsx).unwrap(), "xl/sharedStrings.xml");
    assert!(sheet.contains("Worum es geht (englisch, übersetzt)") && sheet.contains("Europawochenende"), "{sheet}");
    partnerdesk()
        .args(["query", "die", "Frau"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("only filler words: die, Frau"));
}

#[test]
fn anniversaries_never_run_past_the_year_9999() {
    let output = Process::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .env_remove("PARTNERDESK_DATA")
        .args(["--lang", "en", "anniversaries", "--from", "9996", "--years", "100", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let records: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert!(!records.is_empty(), "9996 to 9999 hold anniversaries of the embedded cities");
    assert!(records.iter().all(|r| r["year"].as_i64().unwrap() <= 9999), "{records:?}");
}

#[cfg(unix)]
#[test]
fn a_data_file_that_is_a_pipe_nobody_writes_to_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("directory.ron");
    assert!(Process::new("mkfifo").arg(&fifo).status().unwrap().success());
    for args in [&["query", "graz"][..], &["check"], &["list"], &["anniversaries"]] {
        // Without the cache and through it: neither may wait for a writer.
        for cache in ["off", "on"] {
            partnerdesk()
                .env("PARTNERDESK_CACHE", cache)
                .env("XDG_CACHE_HOME", dir.path().join("cache"))
                .args(args)
                .arg("--data")
                .arg(&fifo)
                .timeout(std::time::Duration::from_secs(20))
                .assert()
                .code(2)
                .stderr(predicate::str::contains("is not a file"));
        }
    }
}
